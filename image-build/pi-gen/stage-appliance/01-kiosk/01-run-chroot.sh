#!/bin/bash -e
# Runs inside the image: the browser that shows the room display on HDMI, its user, and
# the unit that starts it instead of the console login on tty1.
export DEBIAN_FRONTEND=noninteractive
# Raspberry Pi OS 12 calls its Chromium build chromium-browser; Debian 13 and Raspberry Pi
# OS 13 call it chromium.
if apt-cache show chromium-browser >/dev/null 2>&1; then browser=chromium-browser; else browser=chromium; fi
apt-get install -y --no-install-recommends "$browser"
ln -sf "/usr/bin/$browser" /usr/local/bin/appliance-kiosk-browser

if ! getent passwd kiosk >/dev/null; then
	useradd --system --create-home --home-dir /var/lib/kiosk --shell /usr/sbin/nologin \
		--groups video,render,input kiosk
fi
systemctl disable getty@tty1.service
systemctl enable appliance-kiosk.service
