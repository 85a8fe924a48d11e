#!/bin/bash -e
# Runs inside the image (arm64, through qemu-user-static): installs the package with its
# dependencies from Raspberry Pi OS's own archive. Its postinst creates the user and enables
# appliance.service; no service starts in a chroot, the box starts it at boot.
export DEBIAN_FRONTEND=noninteractive
apt-get install -y --no-install-recommends /tmp/appliance.deb
rm -f /tmp/appliance.deb
systemctl enable appliance.service
