#!/bin/bash
# First boot, step 1 (started by systemd.run= on the kernel command line, before the
# network): the host name, and the unit that installs the appliance once the network is up.
# Put on the boot partition by image-build/customise-image.sh.
set -e
boot=/boot/firmware
name=$(tr -d '\r\n' < "$boot/appliance-hostname")
echo "$name" > /etc/hostname
sed -i "s/^127\.0\.1\.1.*/127.0.1.1\t$name/" /etc/hosts
install -m 644 "$boot/appliance-install.service" /etc/systemd/system/appliance-install.service
ln -sf /etc/systemd/system/appliance-install.service /etc/systemd/system/multi-user.target.wants/appliance-install.service
# Runs once: the kernel command line goes back to normal.
sed -i 's| systemd.run=[^ ]*||; s| systemd.run_success_action=[^ ]*||; s| systemd.unit=kernel-command-line.target||' "$boot/cmdline.txt"
exit 0
