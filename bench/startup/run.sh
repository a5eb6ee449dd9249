#!/usr/bin/env bash
# Start-up benchmark: whole processes, in one run, on this machine.
#
#   bench/startup/run.sh [RUNS]        (default 15; needs hyperfine and GNU time; run `mvn -DskipTests
#                                       package` first)
#
# Measures `imageprep --version` and `imageprep check --only root-volume-usage` for
#   packaged   installer/target/imageprep/bin/imageprep (jlink runtime, start-up cache, launcher)
#   java -jar  the same jar on the full JDK the runtime was linked from, no options
#   bare       `java -version` of the packaged runtime: the floor any JVM program pays
# Time: RUNS runs of each command in 5 interleaved rounds (hyperfine -N, one warm-up per command and
# round), so that a burst of load from another build falls on every command rather than on one; the
# median of the rounds' medians, and the mean CPU time (user + system), which such load inflates far
# less than wall time. Memory: median peak RSS of 5 runs (time -v).
set -euo pipefail

runs=${1:-15}
repo=$(cd "$(dirname "$0")/../.." && pwd)
app=$repo/installer/target/imageprep
jar=$repo/agent/target/imageprep-agent-0.1.0.jar
jdk=$(cat "$repo/installer/target/app-image.jdk" 2>/dev/null || true)
for need in hyperfine /usr/bin/time; do
  command -v "$need" >/dev/null || { echo "run.sh: $need is not installed (apt-get install ${need##*/})" >&2; exit 2; }
done
[[ -x $app/bin/imageprep && -f $jar && -x $jdk/bin/java ]] \
  || { echo "run.sh: build first: mvn -B -DskipTests package" >&2; exit 2; }

state=$(mktemp -d)
trap 'rm -rf "$state"' EXIT
check_args="check --profile ec2-linux --only root-volume-usage --state-dir $state"

names=("bare java -version" "packaged --version" "java -jar --version" "packaged check" "java -jar check")
commands=(
  "$app/lib/runtime/bin/java -version"
  "$app/bin/imageprep --version"
  "$jdk/bin/java -jar $jar --version"
  "$app/bin/imageprep $check_args"
  "$jdk/bin/java -jar $jar $check_args"
)

rounds=5
csv=$state/hyperfine.csv
for ((r = 1; r <= rounds; r++)); do
  args=(-N -i --warmup 1 --runs $(((runs + rounds - 1) / rounds)) --export-csv "$state/round-$r.csv" --style none)
  for i in "${!names[@]}"; do
    args+=(-n "${names[$i]}" "${commands[$i]}")
  done
  hyperfine "${args[@]}" >/dev/null
done
cat "$state"/round-*.csv >"$csv"

median_ms() { # the median of the rounds' hyperfine medians for one command name, in ms
  awk -F, -v n="$1" '$1 == n { print $4 * 1000 }' "$csv" | sort -n | awk '{ v[NR] = $1 }
    END { printf "%.0f", NR % 2 ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'
}
cpu_ms() { # the mean user + system time for one command name, in ms
  awk -F, -v n="$1" '$1 == n { t += $5 + $6; k++ } END { printf "%.0f", t / k * 1000 }' "$csv"
}
rss_mb() { # median peak RSS of 5 runs, in MiB
  local i
  # shellcheck disable=SC2086 # the command line is split on purpose
  for i in 1 2 3 4 5; do /usr/bin/time -f %M $1 >/dev/null 2>"$state/time" || true; tail -1 "$state/time"; done \
    | sort -n | sed -n 3p | awk '{ printf "%.0f", $1 / 1024 }'
}

printf '%s, %s cores, load %s, JDK %s, %s runs\n\n' "$(date -u +%Y-%m-%d)" "$(nproc)" \
  "$(cut -d' ' -f1-3 /proc/loadavg)" "$("$jdk/bin/java" -version 2>&1 | head -1 | cut -d'"' -f2)" "$runs"
printf '| command | median ms | CPU ms | peak RSS MiB |\n|---|---:|---:|---:|\n'
declare -A ms cpu
for i in "${!names[@]}"; do
  ms[${names[$i]}]=$(median_ms "${names[$i]}")
  cpu[${names[$i]}]=$(cpu_ms "${names[$i]}")
  printf '| %s | %s | %s | %s |\n' "${names[$i]}" "${ms[${names[$i]}]}" "${cpu[${names[$i]}]}" \
    "$(rss_mb "${commands[$i]}")"
done
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", a / b }'; }
ratios() { # $1 / $2 for wall time, then for CPU time
  printf '%s | %s' "$(ratio "${ms[$1]}" "${ms[$2]}")" "$(ratio "${cpu[$1]}" "${cpu[$2]}")"
}
printf '\n| target | wall | CPU | goal |\n|---|---:|---:|---:|\n'
printf '| packaged --version / java -jar --version | %s | ≤ 0.70 |\n' "$(ratios "packaged --version" "java -jar --version")"
printf '| packaged --version / bare java -version | %s | ≤ 3 |\n' "$(ratios "packaged --version" "bare java -version")"
printf '| packaged check / bare java -version | %s | ≤ 6 |\n' "$(ratios "packaged check" "bare java -version")"
