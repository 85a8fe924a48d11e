#!/bin/bash
# First boot, step 2 (appliance-install.service, once the network is up): the same
# installation as the pi-gen stage, by the stage's own scripts, then a reboot into the box.
set -e
boot=/boot/firmware
export DEBIAN_FRONTEND=noninteractive
apt-get update
cp "$boot/appliance.deb" /tmp/appliance.deb
bash "$boot/appliance-install-package.sh"
# shellcheck disable=SC2046 # one package name a word
apt-get install -y --no-install-recommends $(cat "$boot/appliance-kiosk-packages")
install -m 644 "$boot/appliance-kiosk.service" /etc/systemd/system/appliance-kiosk.service
bash "$boot/appliance-install-kiosk.sh"
rm -f "$boot/appliance.deb"
systemctl disable appliance-install.service
systemctl reboot
