#!/usr/bin/env bash
# Cleanup benchmark: a million files directly in /var/tmp of a small image, under a 1 GiB instance's
# heap (-Xmx256m). Measures, on the same tree in the same run, wall time and peak RSS of
#   imageprep check, imageprep clean --dry-run, imageprep clean --yes     (profile ec2-linux, --root)
#   rm -rf var/tmp, find var/tmp -mindepth 1 -delete                      (the reference removals)
# and prints a table, the ratios clean / find -delete and clean / rm -rf, imageprep's peak heap, and
# the size of its JSON report and journal. Goal: completes with -Xmx256m, peak RSS < 400 MB, clean
# within 3x of find -delete.
#
#   bench/cleanup/bench.sh [DIR] [FILES] [RUNS]   (defaults: $TMPDIR/imageprep-bench-cleanup 1000000 1)
#
# Build first (mvn -B -q -DskipTests package). Needs GNU time and coreutils; DIR needs about 5 GB
# free for a million files (each file is 100 bytes; the filesystem rounds up to a block). A fresh
# copy of the tree is made (with split, outside the measurement) before every run that removes it.
set -euo pipefail

repo=$(cd "$(dirname "$0")/../.." && pwd)
dir=${1:-${TMPDIR:-/tmp}/imageprep-bench-cleanup}
files=${2:-1000000}
runs=${3:-1}
jar=$repo/agent/target/imageprep-agent-0.1.0.jar
heap=-Xmx256m
[[ -f $jar ]] || { echo "bench.sh: build first (mvn -B -q -DskipTests package)" >&2; exit 2; }
[[ -x /usr/bin/time ]] || { echo "bench.sh: GNU time is not installed (apt-get install time)" >&2; exit 2; }

root=$dir/root
state=$dir/state
mkdir -p "$dir"

fresh() { # a small image with $files files of 100 bytes directly in var/tmp
  rm -rf "$root" "$state"
  mkdir -p "$root/etc" "$root/var/tmp" "$root/tmp" "$state"
  printf 'ID=debian\nVERSION_ID="12"\nPRETTY_NAME="Debian GNU/Linux 12 (bookworm)"\n' > "$root/etc/os-release"
  head -c $((files * 100)) /dev/zero | tr '\0' 'x' > "$dir/blob"
  (cd "$root/var/tmp" && split -b 100 -a 7 -d "$dir/blob" f)
  rm -f "$dir/blob"
  sync
}

measure() { # name, command...: prints "name wall-seconds peak-rss-kb exit"
  local name=$1 t rss code=0
  shift
  /usr/bin/time -f '%e %M' -o "$dir/time.$name" "$@" >"$dir/out.$name" 2>"$dir/err.$name" || code=$?
  read -r t rss < <(tail -1 "$dir/time.$name")
  printf '%s %s %s %s\n' "$name" "$t" "$rss" "$code"
}

imageprep() { # name, imageprep arguments...
  local name=$1
  shift
  measure "$name" java "$heap" -Xlog:gc:file="$dir/gc.$name" -jar "$jar" "$@" --root "$root" --profile ec2-linux \
    --state-dir "$state" --format json --output "$dir/report.$name.json"
}

median() { sort -n | awk '{a[NR] = $1} END {print a[int((NR + 1) / 2)]}'; }

results=$dir/results
: > "$results"
echo "building a tree of $files files in $root/var/tmp ..." >&2
fresh
for _ in $(seq "$runs"); do
  imageprep check check >> "$results"
  imageprep dry-run clean --dry-run >> "$results"
done
for _ in $(seq "$runs"); do
  fresh
  imageprep clean clean --yes >> "$results"
  cp "$state"/journal-*.jsonl "$dir/journal.last" # one clean per fresh state dir: one journal
  left=$(find "$root/var/tmp" -mindepth 1 | head -1)
  [[ -z $left ]] || { echo "bench.sh: clean left $left" >&2; exit 1; }
  fresh
  measure find-delete find "$root/var/tmp" -mindepth 1 -delete >> "$results"
  fresh
  measure rm-rf rm -rf "$root/var/tmp" >> "$results"
done

printf '%s, %s cores, load %s, %s, %s files in /var/tmp, %s run(s), imageprep with %s\n\n' "$(date -u +%Y-%m-%d)" \
  "$(nproc)" "$(cut -d' ' -f1-3 /proc/loadavg)" "$(java -version 2>&1 | head -1)" "$files" "$runs" "$heap"
printf '| command | wall s (median) | peak RSS MB | exit |\n|---|---:|---:|---:|\n'
for name in check dry-run clean find-delete rm-rf; do
  t=$(awk -v n="$name" '$1 == n {print $2}' "$results" | median)
  rss=$(awk -v n="$name" '$1 == n {print $3}' "$results" | median)
  code=$(awk -v n="$name" '$1 == n {print $4}' "$results" | sort -u | tr '\n' ' ')
  printf '| %s | %s | %.0f | %s|\n' "$name" "$t" "$(echo "$rss / 1024" | bc -l)" "$code"
done
t_clean=$(awk '$1 == "clean" {print $2}' "$results" | median)
t_find=$(awk '$1 == "find-delete" {print $2}' "$results" | median)
t_rm=$(awk '$1 == "rm-rf" {print $2}' "$results" | median)
echo
printf 'clean / find -delete = %.2f; clean / rm -rf = %.2f\n' "$(echo "$t_clean / $t_find" | bc -l)" \
  "$(echo "$t_clean / $t_rm" | bc -l)"
for name in check dry-run clean; do
  heap_mb=$(grep -o '[0-9]*M->' "$dir/gc.$name" 2>/dev/null | sed 's/M->//' | sort -n | tail -1)
  printf '%s: peak heap before GC %s MB, JSON report %s bytes\n' "$name" "${heap_mb:-?}" \
    "$(stat -c %s "$dir/report.$name.json" 2>/dev/null || echo ?)"
done
printf 'journal of the last clean: %s lines, %s bytes\n' "$(wc -l < "$dir/journal.last")" \
  "$(stat -c %s "$dir/journal.last")"
