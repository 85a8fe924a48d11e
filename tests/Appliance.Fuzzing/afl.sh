#!/usr/bin/env bash
# Coverage-guided fuzzing of one target with AFL++ and SharpFuzz:
#   tests/Appliance.Fuzzing/afl.sh <target> [seconds] [output folder]
# Installs afl++ (Debian) and the sharpfuzz tool (the repository's tool manifest), publishes the
# fuzzing program into the output folder, instruments the Appliance assemblies there (never the
# build's own copies), writes the target's seeds and runs afl-fuzz for the given time (default
# 600 s). Prints afl-fuzz's figures at the end; crashing inputs are in <output>/findings/default/crashes,
# to be turned into regression inputs under tests/Corpora/<target>/regressions.
set -euo pipefail
cd "$(dirname "$0")/../.."
target=${1:?usage: afl.sh <target> [seconds] [output folder]}
seconds=${2:-600}
out=${3:-$(mktemp -d -t "afl-$target-XXXX")}

# shellcheck source-path=SCRIPTDIR/../.. source=scripts/deps.sh
source scripts/deps.sh
install_all fuzz
dotnet tool restore >/dev/null

echo "== publishing the fuzzing program into $out/bin"
dotnet publish tests/Appliance.Fuzzing -c Release -o "$out/bin" -nologo -v quiet
rm -rf "$out/in" "$out/findings"
# Seeds first: instrumented code runs only under afl-fuzz (it writes to afl-fuzz's coverage memory).
dotnet "$out/bin/Appliance.Fuzzing.dll" seeds "$target" "$out/in"
for dll in "$out"/bin/Appliance*.dll "$out"/bin/appliance.dll; do # appliance.dll: the service itself
  case $(basename "$dll") in Appliance.Fuzzing.dll) continue ;; esac
  dotnet sharpfuzz "$dll" >/dev/null
done

# The target is `dotnet`, which carries no AFL instrumentation of its own (SharpFuzz reports the
# coverage); no core dumps to wait for, no CPU pinning on a shared machine.
export AFL_SKIP_BIN_CHECK=1 AFL_NO_UI=1 AFL_I_DONT_CARE_ABOUT_MISSING_CRASHES=1 AFL_SKIP_CPUFREQ=1 AFL_NO_AFFINITY=1
echo "== afl-fuzz on $target for $seconds s"
afl-fuzz -V "$seconds" -t 5000 -m none -i "$out/in" -o "$out/findings" -- \
  dotnet "$out/bin/Appliance.Fuzzing.dll" afl "$target" >"$out/afl.log" 2>&1 || {
  tail -n 30 "$out/afl.log" >&2
  exit 1
}
stats="$out/findings/default/fuzzer_stats"
field() { sed -n "s/^$1 *: *//p" "$stats"; }
echo "$target: $(field execs_done) inputs in $(field run_time) s ($(field execs_per_sec)/s), $(field corpus_count) inputs in the queue, edges $(field edges_found) of $(field total_edges), $(field saved_crashes) crashes, $(field saved_hangs) hangs"
echo "findings: $out/findings/default"
