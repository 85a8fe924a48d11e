#!/bin/bash -e
# pi-gen stage: the room appliance on Raspberry Pi OS Lite (after stage2).
# Starts from the previous stage's root file system, as pi-gen's own stages do.
if [ ! -d "${ROOTFS_DIR}" ]; then
	copy_previous
fi
