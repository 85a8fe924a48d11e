#!/usr/bin/env bash
# Builds the appliance's Debian packages on a Debian machine (amd64 or arm64):
#   image-build/build-debs.sh              amd64 and arm64, into artifacts/
#   image-build/build-debs.sh arm64        one architecture
#   OUT=/some/dir image-build/build-debs.sh
# Each package holds a self-contained publish of the service (the .NET runtime included, so
# a box needs no .NET packages), the codec shim compiled for that architecture against
# Debian's FFmpeg (cross-compiled with gcc-aarch64-linux-gnu and the arm64 multiarch -dev
# packages), the web UI, the systemd unit, the default settings and the avahi service.
# What it needs is installed by "scripts/deps.sh package".
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/.." && pwd)
out=${OUT:-$repo/artifacts}
arches=("$@")
[ ${#arches[@]} -gt 0 ] || arches=(amd64 arm64)
version=$(sed -n 's:.*<Version>\(.*\)</Version>.*:\1:p' "$repo/appliance/Appliance/Appliance.csproj")
host_arch=$(dpkg --print-architecture)
maintainer="Room appliance maintainers <maintainers@example.org>"
# The last commit's time, so that the same sources give the same changelog date.
build_date=$(date -R -d "@$(git -C "$repo" log -1 --format=%ct 2>/dev/null || date +%s)")
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

work="$out/build"
rm -rf "$work"
mkdir -p "$work/src"

# Build from a copy of the sources (tracked and new files, nothing ignored), so the
# developer's own bin/ and obj/ are neither used nor disturbed.
copy_sources() {
  if git -C "$repo" rev-parse --is-inside-work-tree >/dev/null 2>&1; then
    (cd "$repo" && git ls-files -z --cached --others --exclude-standard |
      tar --null --ignore-failed-read -T - -cf -) | tar -xf - -C "$work/src"
  else
    (cd "$repo" && tar --exclude=./artifacts --exclude=bin --exclude=obj -cf - .) | tar -xf - -C "$work/src"
  fi
}

triplet_of() { case $1 in amd64) echo x86_64-linux-gnu ;; arm64) echo aarch64-linux-gnu ;; esac; }
rid_of() { case $1 in amd64) echo linux-x64 ;; arm64) echo linux-arm64 ;; esac; }

# The shim for one architecture: native gcc, or the cross compiler with the multiarch
# pkg-config folder so that FFmpeg's arm64 headers and libraries are used.
build_shim() {
  local arch=$1 triplet; triplet=$(triplet_of "$arch")
  local cc=gcc strip=strip
  if [ "$arch" != "$host_arch" ]; then cc=$triplet-gcc; strip=$triplet-strip; fi
  PKG_CONFIG_PATH=/usr/lib/$triplet/pkgconfig PKG_CONFIG_LIBDIR=/usr/lib/$triplet/pkgconfig \
    make -s -C "$work/src/hwaccel/native" CC="$cc" OUT="$work/shim-$arch" >&2
  "$strip" --strip-unneeded "$work/shim-$arch/libappliance_hwaccel.so"
  echo "$work/shim-$arch/libappliance_hwaccel.so"
}

# Depends entries for the shim's libraries (FFmpeg's), from its DT_NEEDED sonames and the
# Debian package that holds each, as dpkg-shlibdeps would find them.
shim_depends() {
  local shim=$1 triplet=$2 soname package
  for soname in $(readelf -d "$shim" | sed -n 's/.*(NEEDED).*\[\(.*\)\]/\1/p'); do
    case $soname in libc.so.*|libm.so.*|ld-linux*) continue ;; esac # libc6, listed already
    package=$(dpkg -S "/usr/lib/$triplet/$soname" 2>/dev/null | head -n1 | cut -d: -f1) ||
      true
    if [ -z "$package" ]; then
      echo "error: no installed package holds /usr/lib/$triplet/$soname (run scripts/deps.sh package)" >&2
      exit 1
    fi
    echo "$package"
  done
}

depends_line() {
  local shim=$1 triplet=$2
  { grep -v '^#' "$work/src/image-build/debian/depends" | sed '/^$/d'; shim_depends "$shim" "$triplet"; } |
    paste -sd, - | sed 's/,/, /g'
}

build_deb() {
  local arch=$1 rid triplet root shim
  rid=$(rid_of "$arch"); triplet=$(triplet_of "$arch")
  root="$work/root-$arch"
  echo "== appliance $version for $arch ($rid)"

  # Not trimmed: ASP.NET Core's minimal APIs, configuration binding and DI reach types by
  # reflection, which the trimmer cannot see (it warns on them), so a trimmed box could fail
  # at run time on a path no test took. Self-contained: a box needs no .NET packages.
  dotnet publish "$work/src/appliance/Appliance/Appliance.csproj" -c Release -r "$rid" \
    --self-contained -p:PublishTrimmed=false -o "$root/usr/lib/appliance" -nologo -v quiet

  # The publish built the shim for this machine; put in the one for the package's architecture.
  echo "   published (${SECONDS}s)"
  shim=$(build_shim "$arch")
  install -m 0644 "$shim" "$root/usr/lib/appliance/libappliance_hwaccel.so"

  # dotnet publish leaves every file 0744: programs 0755, everything else 0644 (Debian policy 10.9).
  find "$root/usr/lib/appliance" -type d -exec chmod 0755 {} +
  find "$root/usr/lib/appliance" -type f -exec chmod 0644 {} +
  chmod 0755 "$root/usr/lib/appliance/appliance" "$root/usr/lib/appliance/createdump"

  # Everything else from the same copy of the sources as the program.
  local src="$work/src" debian="$work/src/image-build/debian"
  install -D -m 0644 "$src/systemd/appliance.service" "$root/usr/lib/systemd/system/appliance.service"
  install -D -m 0644 "$src/image-build/files/appsettings.json" "$root/etc/appliance/appsettings.json"
  install -D -m 0644 "$src/image-build/files/appliance.avahi.service" "$root/etc/avahi/services/appliance.service"
  install -D -m 0644 "$src/README.md" "$root/usr/share/doc/appliance/README.md"
  install -D -m 0644 "$debian/copyright" "$root/usr/share/doc/appliance/copyright"
  printf 'appliance (%s) stable; urgency=medium\n\n  * Built from the room appliance'"'"'s sources.\n\n -- %s  %s\n' \
    "$version" "$maintainer" "$build_date" | gzip -9n > "$root/usr/share/doc/appliance/changelog.gz"
  mkdir -p "$root/usr/bin"
  ln -sf ../lib/appliance/appliance "$root/usr/bin/appliance"

  mkdir -p "$root/DEBIAN"
  install -m 0755 "$debian/postinst" "$debian/prerm" "$debian/postrm" "$root/DEBIAN/"
  install -m 0644 "$debian/conffiles" "$root/DEBIAN/conffiles"
  local depends; depends=$(depends_line "$shim" "$triplet")
  cat > "$root/DEBIAN/control" <<CONTROL
Package: appliance
Version: $version
Architecture: $arch
Maintainer: $maintainer
Installed-Size: $(du -sk --exclude=DEBIAN "$root" | cut -f1)
Depends: $depends
Section: net
Priority: optional
Description: room appliance: video meetings on the LAN, no cloud
 A box in the meeting room hosts the meeting: every browser opens one WebRTC
 connection to it, and it mixes everyone's video into one picture and everyone's
 voice (but the listener's own) into one sound, with the hardware codecs it has.
 Serves https://<hostname>.local/ and advertises it by DNS-SD.
CONTROL
  (cd "$root" && find . -path ./DEBIAN -prune -o -type f -printf '%P\0' | sort -z | xargs -0 md5sum) > "$root/DEBIAN/md5sums"

  # gzip: a few seconds where xz takes minutes for the runtime's 120 MB, at 10 MB more.
  dpkg-deb --root-owner-group -Zgzip -z6 --build "$root" "$out/appliance_${version}_${arch}.deb"
  echo "   packed (${SECONDS}s)"
}

copy_sources
for arch in "${arches[@]}"; do
  case $arch in amd64|arm64) build_deb "$arch" ;; *) echo "error: unknown architecture '$arch' (amd64 or arm64)" >&2; exit 2 ;; esac
done
rm -rf "$work"
ls -l "$out"/appliance_"${version}"_*.deb
