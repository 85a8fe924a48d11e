#!/usr/bin/env bash
# Installs what the appliance needs on Debian 12 or 13 (amd64 or arm64), and nothing
# that is already there. Sourced by run.sh and test.sh; "deps.sh test" adds the test tools,
# "deps.sh package" only what image-build/build-debs.sh needs (test includes it), "deps.sh fuzz"
# afl++ for tests/Appliance.Fuzzing/afl.sh.
set -euo pipefail

# Build and run: the C shim over FFmpeg is compiled on the machine, against its own headers.
RUNTIME_PACKAGES=(ca-certificates curl gcc make pkg-config libc6-dev
  libavcodec-dev libavutil-dev libswscale-dev libopus0 libsrtp2-1)
# Tests: the real browsers, the ffmpeg CLI as a reference, network namespaces, systemd's tools.
TEST_PACKAGES=(chromium firefox-esr ffmpeg openssl iproute2 systemd fonts-dejavu-core)
# Packages (image-build/): dpkg-deb, a Debian root for the install test, the arm64 cross
# compiler, shellcheck for the scripts and the pi-gen stage, mtools/dosfstools/sfdisk for
# image-build/customise-image.sh and its test. The arm64 FFmpeg headers and
# libraries come through multiarch (see add_arm64_architecture).
PACKAGE_PACKAGES=(dpkg-dev xz-utils binutils debootstrap shellcheck mtools dosfstools fdisk)
# Coverage-guided fuzzing (tests/Appliance.Fuzzing/afl.sh): "deps.sh fuzz".
FUZZ_PACKAGES=(afl++)
ARM64_CROSS_PACKAGES=(gcc-aarch64-linux-gnu binutils-aarch64-linux-gnu libc6-dev-arm64-cross
  libavcodec-dev:arm64 libavutil-dev:arm64 libswscale-dev:arm64)

as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }

missing_packages() {
  local p
  for p in "$@"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || echo "$p"
  done
}

# libgpiod's runtime package is libgpiod2 on Debian 12 and libgpiod3 on Debian 13.
gpiod_package() {
  if dpkg-query -W -f='${Status}' libgpiod3 2>/dev/null | grep -q 'install ok installed'; then echo libgpiod3; return; fi
  if dpkg-query -W -f='${Status}' libgpiod2 2>/dev/null | grep -q 'install ok installed'; then echo libgpiod2; return; fi
  if apt-cache show libgpiod3 >/dev/null 2>&1; then echo libgpiod3; else echo libgpiod2; fi
}

# An amd64 machine builds the arm64 package too: dpkg learns the arm64 architecture so that
# apt can install FFmpeg's arm64 -dev packages beside the amd64 ones (Multi-Arch: same;
# apt upgrades an amd64 library when its arm64 twin must have the same version, and
# removes nothing).
add_arm64_architecture() {
  [ "$(dpkg --print-architecture)" = amd64 ] || return 1
  if ! dpkg --print-foreign-architectures | grep -qx arm64; then
    as_root dpkg --add-architecture arm64
    echo update
  fi
}

install_debian_packages() {
  local wanted=("${RUNTIME_PACKAGES[@]}") update=""
  case "${1:-}" in
    test) wanted+=("${TEST_PACKAGES[@]}" "${PACKAGE_PACKAGES[@]}") ;;
    package) wanted+=("${PACKAGE_PACKAGES[@]}") ;;
    fuzz) wanted+=("${FUZZ_PACKAGES[@]}") ;;
  esac
  if [ "${1:-}" = test ] || [ "${1:-}" = package ]; then
    if update=$(add_arm64_architecture); then wanted+=("${ARM64_CROSS_PACKAGES[@]}"); fi
  fi
  local missing
  missing=$(missing_packages "${wanted[@]}")
  local gpiod; gpiod=$(gpiod_package)
  missing="$missing $(missing_packages "$gpiod")"
  if [ -n "${missing// /}" ] || [ -n "$update" ]; then
    echo "Installing Debian packages:$missing" | tr '\n' ' '; echo
    export DEBIAN_FRONTEND=noninteractive
    as_root apt-get update -q
    # shellcheck disable=SC2086 # word splitting of the package list is wanted
    as_root apt-get install -y --no-install-recommends $missing
  fi
}

install_dotnet() {
  if command -v dotnet >/dev/null 2>&1 && dotnet --list-sdks 2>/dev/null | grep -q '^10\.'; then
    return
  fi
  if apt-cache policy dotnet-sdk-10.0 2>/dev/null | grep -q 'Candidate: [0-9]'; then
    as_root apt-get install -y --no-install-recommends dotnet-sdk-10.0
    return
  fi
  echo "Installing the .NET 10 SDK into /usr/share/dotnet with Microsoft's install script"
  curl -fsSL https://dot.net/v1/dotnet-install.sh -o /tmp/dotnet-install.sh
  as_root bash /tmp/dotnet-install.sh --channel 10.0 --install-dir /usr/share/dotnet
  as_root ln -sf /usr/share/dotnet/dotnet /usr/local/bin/dotnet
}

install_all() {
  install_debian_packages "${1:-}"
  install_dotnet
  export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
}

if [ "${BASH_SOURCE[0]}" = "$0" ]; then
  install_all "${1:-}"
fi
