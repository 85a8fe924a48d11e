#!/usr/bin/env bash
# The alternative to pi-gen: customises a downloaded Raspberry Pi OS Lite (64-bit, 12
# "bookworm") image for the room appliance without root, loop devices or arm64 emulation.
#   xz -d 2024-11-19-raspios-bookworm-arm64-lite.img.xz
#   image-build/customise-image.sh 2024-11-19-raspios-bookworm-arm64-lite.img artifacts/appliance_0.1.0_arm64.deb [HOSTNAME]
# Only the image's FAT boot partition is written (mtools, at the partition's offset in the
# file): the package, the pi-gen stage's install scripts and kiosk unit, and a first-boot
# script started from cmdline.txt. The installation itself happens on the Pi's first boot
# and needs a network that reaches the Raspberry Pi OS archive (see customise/).
set -euo pipefail
image=${1:?usage: $0 IMAGE.img APPLIANCE_ARM64.deb [HOSTNAME]}
deb=${2:?usage: $0 IMAGE.img APPLIANCE_ARM64.deb [HOSTNAME]}
hostname=${3:-roombox}
here=$(cd "$(dirname "$0")" && pwd)
stage="$here/pi-gen/stage-appliance"
export MTOOLS_SKIP_CHECK=1

if ! [[ $hostname =~ ^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$ ]]; then
  echo "error: host name '$hostname' is not valid: use letters, digits and '-' (for example roombox)" >&2
  exit 2
fi

# The boot partition is the first one of the image's partition table (sfdisk reads a file).
table=$(sfdisk --dump "$image" 2>/dev/null) || table=""
sector_size=$(printf '%s\n' "$table" | sed -n 's/^sector-size: *//p')
start=$(printf '%s\n' "$table" | sed -n 's/^[^ ]*1 : start= *\([0-9]*\),.*/\1/p')
if [ -z "$start" ]; then
  echo "error: $image has no partition table with a first (boot) partition: is it a Raspberry Pi OS image?" >&2
  exit 2
fi
boot="$image@@$((start * ${sector_size:-512}))"
mtype -i "$boot" ::/cmdline.txt >/dev/null 2>&1 ||
  { echo "error: the first partition of $image has no cmdline.txt: is it a Raspberry Pi OS image?" >&2; exit 2; }

put() { mcopy -o -i "$boot" "$1" "::/$2"; }
put "$deb" appliance.deb
put "$stage/00-appliance/01-run-chroot.sh" appliance-install-package.sh
put "$stage/01-kiosk/00-packages-nr" appliance-kiosk-packages
put "$stage/01-kiosk/01-run-chroot.sh" appliance-install-kiosk.sh
put "$stage/01-kiosk/files/appliance-kiosk.service" appliance-kiosk.service
put "$here/customise/appliance-firstrun.sh" appliance-firstrun.sh
put "$here/customise/appliance-install.sh" appliance-install.sh
put "$here/customise/appliance-install.service" appliance-install.service
printf '%s\n' "$hostname" > "${TMPDIR:-/tmp}/appliance-hostname.$$"
put "${TMPDIR:-/tmp}/appliance-hostname.$$" appliance-hostname
rm -f "${TMPDIR:-/tmp}/appliance-hostname.$$"

# As Raspberry Pi Imager does: the kernel command line runs the first-boot script once.
cmdline=$(mtype -i "$boot" ::/cmdline.txt | tr -d '\r\n')
cmdline=$(printf '%s' "$cmdline" | sed 's| systemd.run=[^ ]*||; s| systemd.run_success_action=[^ ]*||; s| systemd.unit=kernel-command-line.target||')
cmdline="$cmdline systemd.run=/boot/firmware/appliance-firstrun.sh systemd.run_success_action=reboot systemd.unit=kernel-command-line.target"
printf '%s\n' "$cmdline" > "${TMPDIR:-/tmp}/appliance-cmdline.$$"
put "${TMPDIR:-/tmp}/appliance-cmdline.$$" cmdline.txt
rm -f "${TMPDIR:-/tmp}/appliance-cmdline.$$"
echo "customised $image: host name $hostname; the box installs the appliance on its first boot (needs the network)"
