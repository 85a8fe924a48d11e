#!/usr/bin/env bash
# Checks that every run-time dependency of the package (debian/depends) names a package
# that exists in a Debian release, and names the FFmpeg library packages of that release,
# without touching the machine's own apt sources and packages: for example
#   image-build/check-debian-packages.sh trixie          # Debian 13, this machine's architecture
#   image-build/check-debian-packages.sh bookworm arm64
# The archive is the one this machine's apt sources use for Debian.
set -euo pipefail
suite=${1:?usage: $0 SUITE [ARCH] (for example trixie arm64)}
arch=${2:-$(dpkg --print-architecture)}
here=$(cd "$(dirname "$0")" && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

mirror=$({ grep -hsE '^(URIs:|deb) ' /etc/apt/sources.list /etc/apt/sources.list.d/*.sources /etc/apt/sources.list.d/*.list || true; } |
  grep -oE '[a-z]+://[^ ]+/debian/?( |$)' | head -n1 | tr -d ' ' || true)
[ -n "$mirror" ] || { echo "error: no Debian archive in this machine's apt sources" >&2; exit 2; }

mkdir -p "$work/lists/partial" "$work/cache/archives/partial"
echo "deb [signed-by=/usr/share/keyrings/debian-archive-keyring.gpg] $mirror $suite main" > "$work/sources.list"
apt_options=(-o "Dir::Etc::sourcelist=$work/sources.list" -o "Dir::Etc::sourceparts=-"
  -o "Dir::State::Lists=$work/lists" -o "Dir::State::status=/dev/null" -o "Dir::Cache=$work/cache"
  -o "APT::Architecture=$arch" -o "APT::Architectures=$arch" -o "Debug::NoLocking=1" -o "APT::Sandbox::User=root")
apt-get "${apt_options[@]}" update -q >/dev/null

exists() { apt-cache "${apt_options[@]}" show --no-all-versions "$1" >/dev/null 2>&1; }

status=0
while IFS= read -r entry; do
  found=""
  IFS='|' read -ra alternatives <<<"$entry"
  for package in "${alternatives[@]}"; do
    package=${package// /}
    if exists "$package"; then found=$package; break; fi
  done
  if [ -n "$found" ]; then echo "ok: $entry -> $found"; else echo "MISSING in $suite/$arch: $entry"; status=1; fi
done < <(grep -v '^#' "$here/debian/depends" | sed '/^$/d')

# FFmpeg's libraries are named after their sonames, which change with each FFmpeg major.
for library in libavcodec libavutil libswscale; do
  names=$(apt-cache "${apt_options[@]}" pkgnames "$library" | grep -E "^${library}[0-9]+$" | sort | paste -sd' ' -)
  echo "ffmpeg: $library in $suite/$arch: ${names:-none}"
  [ -n "$names" ] || status=1
done
exit "$status"
