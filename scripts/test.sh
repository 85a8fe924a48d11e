#!/usr/bin/env bash
# Installs whatever the tests need (Debian packages, the .NET SDK, NuGet packages) and
# runs every test of the solution, real browsers included. Prints one closing line:
# "tests: N passed, N failed, N skipped".
set -euo pipefail
cd "$(dirname "$0")/.."
# shellcheck source=scripts/deps.sh
source scripts/deps.sh
install_all test

dotnet build Appliance.sln -c Release -nologo -v quiet
log=$(mktemp)
status=0
# One test project at a time: the browser and codec tests each want the machine's cores.
# A test that hangs is killed after 10 minutes and reported as failed (the run goes on).
dotnet test Appliance.sln -c Release --no-build -m:1 --nologo --blame-hang-timeout 10m --blame-hang-dump-type none "$@" 2>&1 | tee "$log" || status=$?

summary=$(grep -E '^(Passed|Failed)!' "$log" | awk -F'[:,]' '
  { for (i = 1; i <= NF; i++) {
      if ($i ~ /Failed$/)  failed  += $(i + 1)
      if ($i ~ /Passed$/)  passed  += $(i + 1)
      if ($i ~ /Skipped$/) skipped += $(i + 1) } }
  END { printf "%d %d %d", passed, failed, skipped }')
read -r passed failed skipped <<<"$summary"
rm -f "$log"
echo "tests: $passed passed, $failed failed, $skipped skipped"
if [ "$status" -ne 0 ] || [ "$failed" -ne 0 ] || [ "$passed" -eq 0 ]; then
  exit 1
fi
