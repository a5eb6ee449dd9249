#!/usr/bin/env bash
# Time of `imageprep check --root` on a directory laid out like a mounted Windows system volume:
# the small fixture hives against hives the size of a real Server 2019's (a 61 MB SOFTWARE with
# 150,000 class keys, 700 services, 800 uninstall entries). Needs hyperfine (apt-get install hyperfine).
# Usage: bench/windows-offline.sh [runs]
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-10}
mvn -B -q -DskipTests package
cp="agent/target/test-classes:rules/target/test-classes:agent/target/imageprep-agent-0.1.0.jar:agent/target/lib/*"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
java -cp "$cp" dev.imageprep.agent.probe.windows.WindowsVolumeFixture "$work/small" >/dev/null
java -Xmx1g -cp "$cp" dev.imageprep.agent.probe.windows.WindowsVolumeFixture "$work/large" --large-registry >/dev/null
ls -l "$work/large/Windows/System32/config"
check() {
  echo "java -jar agent/target/imageprep-agent-0.1.0.jar check --root $work/$1 --profile workspaces-windows" \
    "--state-dir $work/state --format json -o $work/$1.json -q"
}
# check exits 1 (not ready: the fixture has findings), so hyperfine ignores exit codes
hyperfine -N -i --warmup 1 --runs "$runs" "$(check small)" "$(check large)"
