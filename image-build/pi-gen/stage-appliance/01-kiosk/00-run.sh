#!/bin/bash -e
# Runs on the build machine: the kiosk's unit goes into the image.
install -m 644 files/appliance-kiosk.service "${ROOTFS_DIR}/etc/systemd/system/appliance-kiosk.service"
