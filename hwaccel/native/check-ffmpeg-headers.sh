#!/usr/bin/env bash
# Compiles the shim (syntax and types only, no linking) against another Debian release's
# FFmpeg headers, without installing them: for example
#   ./check-ffmpeg-headers.sh trixie     # FFmpeg 7.1 (Debian 13)
#   ./check-ffmpeg-headers.sh bookworm   # FFmpeg 5.1 (Debian 12)
# The packages are downloaded into a temporary folder with a private apt state, so the
# machine's own apt sources and packages are left as they are.
set -euo pipefail
suite=${1:?usage: $0 SUITE (for example trixie)}
here=$(cd "$(dirname "$0")" && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
arch=$(dpkg --print-architecture)
multiarch=$(gcc -print-multiarch)

mkdir -p "$work/lists/partial" "$work/cache/archives/partial" "$work/root"
cat > "$work/sources.list" <<LIST
deb [signed-by=/usr/share/keyrings/debian-archive-keyring.gpg] http://deb.debian.org/debian $suite main
LIST
apt_options=(-o "Dir::Etc::sourcelist=$work/sources.list" -o "Dir::Etc::sourceparts=-"
  -o "Dir::State::Lists=$work/lists" -o "Dir::Cache=$work/cache" -o "APT::Architecture=$arch"
  -o "Debug::NoLocking=1")
apt-get "${apt_options[@]}" update -q >/dev/null
(cd "$work" && apt-get "${apt_options[@]}" download -q libavcodec-dev libavutil-dev libswscale-dev 2>&1 | grep -v "^W: Download is performed unsandboxed" >&2 || true)
for deb in "$work"/*.deb; do dpkg-deb -x "$deb" "$work/root"; done

version=$(grep -h 'define LIBAVCODEC_VERSION_MAJOR' "$work/root/usr/include/$multiarch/libavcodec/"version*.h | awk '{print $3}')
echo "compiling the shim against $suite's headers (libavcodec major $version)"
for source in "$here"/src/*.c; do
  gcc -std=c11 -D_GNU_SOURCE -fPIC -Wall -Wextra -Werror -Wno-unused-parameter \
    -I"$here/include" -I"$work/root/usr/include/$multiarch" -fsyntax-only "$source"
done
echo "ok: every source file compiles without a warning against libavcodec $version"
