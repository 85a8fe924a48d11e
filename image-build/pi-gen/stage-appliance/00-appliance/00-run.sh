#!/bin/bash -e
# Runs on the build machine: puts the arm64 package (APPLIANCE_DEB, set in the config
# file) into the image's root for 01-run-chroot.sh to install.
: "${APPLIANCE_DEB:?set APPLIANCE_DEB in the pi-gen config to the path of appliance_<version>_arm64.deb}"
if [ ! -f "${APPLIANCE_DEB}" ]; then
	echo "APPLIANCE_DEB=${APPLIANCE_DEB} does not exist: build it with image-build/build-debs.sh arm64" >&2
	exit 1
fi
install -m 644 "${APPLIANCE_DEB}" "${ROOTFS_DIR}/tmp/appliance.deb"
