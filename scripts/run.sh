#!/usr/bin/env bash
# Installs whatever is missing, builds the appliance and runs it with working defaults:
# software codecs, a self-signed certificate and the state folder ./.appliance-state.
# Arguments are passed to the appliance (for example --Appliance:HttpsPort=9443).
set -euo pipefail
cd "$(dirname "$0")/.."
# shellcheck source=scripts/deps.sh
source scripts/deps.sh
install_all
dotnet build appliance/Appliance/Appliance.csproj -c Release -v quiet -nologo
exec dotnet appliance/Appliance/bin/Release/net10.0/appliance.dll "$@"
