#!/usr/bin/env bash
# Export speed of the largest real hives, beside hivexregedit --export on the same data in the same run.
#
#   bench/registry-export.sh [RUNS]     (default 10; needs hyperfine, xz and hivexregedit:
#                                        apt-get install hyperfine xz-utils libwin-hivex-perl)
#
# The hives are the shared test data (../shared/testdata/windows-hives beside the checkout):
#   SYSTEM      11.7 MB, closed cleanly: both tools read the same file
#   SYSTEM_B    12.8 MB, left dirty, with SYSTEM_B.LOG1/.LOG2: imageprep replays the logs and exports;
#               hivexregedit cannot apply logs, so it reads the image imageprep's replay makes (same keys)
# Whole processes, timed by hyperfine (-N, 2 warm-ups, RUNS runs, output discarded); keys per second
# are the keys printed divided by the mean wall time, keys per CPU second divided by the mean user +
# system time (the fairer figure on a shared machine). imageprep runs as java -jar on the build's JDK.
set -euo pipefail

runs=${1:-10}
repo=$(cd "$(dirname "$0")/.." && pwd)
data=${IMAGEPREP_WINDOWS_HIVES:-$repo/../shared/testdata/windows-hives}
for need in hyperfine xz hivexregedit; do
  command -v "$need" >/dev/null || { echo "registry-export.sh: $need is not installed" >&2; exit 2; }
done
[[ -f $data/SYSTEM_B.xz ]] || { echo "registry-export.sh: no hives at $data" >&2; exit 2; }
(cd "$repo" && mvn -B -q -DskipTests package -pl agent -am && mvn -B -q test-compile -pl agent -am)
jar=$repo/agent/target/imageprep-agent-0.1.0.jar
cp="$repo/agent/target/test-classes:$repo/rules/target/test-classes:$jar:$repo/agent/target/lib/*"

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
for f in SYSTEM SYSTEM_B SYSTEM_B.LOG1 SYSTEM_B.LOG2; do
  xz -dc "$data/$f.xz" > "$work/$f"
done
mkdir "$work/replayed"
java -cp "$cp" dev.imageprep.agent.probe.windows.ReplayedHive "$work/SYSTEM_B" "$work/replayed/SYSTEM_B" \
  "$work/SYSTEM_B.LOG1" "$work/SYSTEM_B.LOG2"

root=\\ # hivexregedit's name for the hive's root key
ours() { printf '%s' "java -jar $jar registry export $work/$1"; }
theirs() { printf '%s' "hivexregedit --export $work/$1 '$root'"; }
keys() { grep -c '^\[' "$@"; }
java -jar "$jar" registry export "$work/SYSTEM" > "$work/ours-SYSTEM.reg"
java -jar "$jar" registry export "$work/SYSTEM_B" > "$work/ours-SYSTEM_B.reg" 2>/dev/null
hivexregedit --export "$work/replayed/SYSTEM_B" "$root" > "$work/hivex-SYSTEM_B.reg"
hivexregedit --export "$work/SYSTEM" "$root" > "$work/hivex-SYSTEM.reg"

csv=$work/times.csv
hyperfine -N --warmup 2 --runs "$runs" --export-csv "$csv" --style basic \
  -n "imageprep SYSTEM" "$(ours SYSTEM)" \
  -n "hivexregedit SYSTEM" "$(theirs SYSTEM)" \
  -n "imageprep SYSTEM_B+logs" "$(ours SYSTEM_B)" \
  -n "hivexregedit SYSTEM_B replayed" "$(theirs replayed/SYSTEM_B)"

echo
printf '%-32s %7s %8s %8s %9s %11s\n' "command" "keys" "wall s" "cpu s" "keys/s" "keys/cpu-s"
while IFS=, read -r name mean _stddev _median user system _rest; do
  case $name in
    "imageprep SYSTEM") n=$(keys "$work/ours-SYSTEM.reg") ;;
    "hivexregedit SYSTEM") n=$(keys "$work/hivex-SYSTEM.reg") ;;
    "imageprep SYSTEM_B+logs") n=$(keys "$work/ours-SYSTEM_B.reg") ;;
    *) n=$(keys "$work/hivex-SYSTEM_B.reg") ;;
  esac
  cpu=$(echo "$user + $system" | bc -l)
  printf '%-32s %7d %8.2f %8.2f %9.0f %11.0f\n' "$name" "$n" "$mean" "$cpu" "$(echo "$n / $mean" | bc -l)" \
    "$(echo "$n / $cpu" | bc -l)"
done < <(tail -n +2 "$csv")
