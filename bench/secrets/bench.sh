#!/usr/bin/env bash
# Secret-scan benchmark: generates >= 1 GB of mixed text and binaries, scans it with imageprep
# (check --only no-secrets-left; C1-only as the launcher once ran every command, and full tiered
# compilation) and with ripgrep using an equivalent pattern set (patterns.txt:
# the detectors' regexes, keywords folded in; ASCII mode like imageprep, which is 8x faster for rg
# than Unicode mode here), and prints wall time, MB/s, peak RSS and peak heap.
#
#   bench/secrets/bench.sh [DIR] [TOTAL_MB] [RUNS]     (defaults: $TMPDIR/imageprep-bench-secrets 1100 3)
#
# Build the agent first: mvn -B -q -DskipTests package. Needs python3, rg and GNU time.
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/../.." && pwd)
dir=${1:-${TMPDIR:-/tmp}/imageprep-bench-secrets}
total_mb=${2:-1100}
runs=${3:-3}
jar=$repo/agent/target/imageprep-agent-0.1.0.jar
root=$dir/root
[[ -f $jar ]] || { echo "bench.sh: build the agent first (mvn -B -q -DskipTests package)" >&2; exit 2; }
command -v rg >/dev/null || { echo "bench.sh: ripgrep (rg) is not installed" >&2; exit 2; }

if [[ ! -f $dir/generated-$total_mb ]]; then
  rm -rf "$dir" && mkdir -p "$root"
  python3 "$here/generate.py" "$root" "$total_mb" | tee "$dir/generated-$total_mb"
fi
# check refuses a --root that does not look like an operating system's root: mark the tree as one
mkdir -p "$root/etc" && printf 'ID=debian\nVERSION_ID="12"\n' > "$root/etc/os-release"
bytes=$(du -sb "$root" | cut -f1)
files=$(find "$root" -type f | wc -l)
echo "tree: $files files, $((bytes / 1048576)) MB in $root; $(nproc) cores"
cat "$root"/srv/bench/*/* > /dev/null  # warm the page cache: both tools read from memory

measure() { # name, command...: median wall seconds of $runs runs, then peak RSS of the last
  local name=$1; shift
  local times=() t
  for _ in $(seq "$runs"); do
    /usr/bin/time -f '%e %M' -o "$dir/time.$name" "$@" > "$dir/out.$name" 2> "$dir/err.$name" || true
    times+=("$(tail -1 "$dir/time.$name" | cut -d' ' -f1)")
  done
  t=$(printf '%s\n' "${times[@]}" | sort -n | sed -n "$(( (runs + 1) / 2 ))p")
  printf '%s %s %s\n' "$name" "$t" "$(tail -1 "$dir/time.$name" | cut -d' ' -f2)"
}

state=$dir/state && mkdir -p "$state"
# the launcher's JVM options (serial GC, no perf data) with and without C1-only compilation
jvm=(java -Xmx256m -XX:+UseSerialGC -XX:-UsePerfData)
scan=(-jar "$jar" check --root "$root" --profile linux --only no-secrets-left --state-dir "$state" --format json)
results=$(
  measure rg rg -c --no-unicode --no-ignore --hidden --no-messages -f "$here/patterns.txt" "$root"
  measure imageprep-c1 "${jvm[@]}" -XX:TieredStopAtLevel=1 -Xlog:gc:file="$dir/gc-c1.log" "${scan[@]}" \
    --output "$dir/report-c1.json"
  measure imageprep-tiered "${jvm[@]}" -Xlog:gc:file="$dir/gc.log" "${scan[@]}" --output "$dir/report.json"
)
peak_heap=$(cat "$dir/gc.log" "$dir/gc-c1.log" | grep -o '[0-9]*M->' | sed 's/M->//' | sort -n | tail -1)
found=$(python3 -c "import json,sys; c=[c for c in json.load(open(sys.argv[1]))['checks'] if c['id']=='no-secrets-left'][0]; \
print(c['data']['findings'], 'findings;', c['data']['filesScanned'], 'text files scanned;', c['data'].get('skippedByCause'))" "$dir/report.json")
rg_lines=$(awk -F: '{s += $NF} END {print s + 0}' "$dir/out.rg")
echo "imageprep: $found (-Xmx256m, peak heap before GC ${peak_heap:-?} MB)"
echo "rg: $rg_lines matching lines"
echo
echo "| tool | wall s (median of $runs) | MB/s | peak RSS MB |"
echo "|---|---:|---:|---:|"
while read -r name t rss; do
  printf '| %s | %s | %.0f | %.0f |\n' "$name" "$t" "$(echo "$bytes / 1048576 / $t" | bc -l)" "$(echo "$rss / 1024" | bc -l)"
done <<< "$results"
rg_t=$(awk '$1 == "rg" {print $2}' <<< "$results")
for v in imageprep-c1 imageprep-tiered; do
  ip_t=$(awk -v v=$v '$1 == v {print $2}' <<< "$results")
  printf '%s / rg wall time: %.2fx (target <= 1.5x)\n' "$v" "$(echo "$ip_t / $rg_t" | bc -l)"
done
