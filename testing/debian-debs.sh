#!/usr/bin/env bash
# Downloads (once) Debian 12 packages for tests into $IMAGEPREP_TEST_CACHE/debs and prints their paths.
#
#   testing/debian-debs.sh PACKAGE...
#
# The packages come from this machine's apt sources (apt-get download: nothing is installed on the
# host); the lists are refreshed once if a package is not found. flock-protected like debian-root.sh.
set -euo pipefail

cache_dir=${IMAGEPREP_TEST_CACHE:-$HOME/.cache/imageprep}/debs
mkdir -p "$cache_dir"
exec 9>"$cache_dir.lock"
flock 9
cd "$cache_dir"
for pkg in "$@"; do
  if ! compgen -G "${pkg}_*.deb" >/dev/null; then
    apt-get download -qq "$pkg" 2>/dev/null || { apt-get update -qq && apt-get download -qq "$pkg"; }
  fi
  debs=("$PWD/${pkg}"_*.deb)
  printf '%s\n' "${debs[-1]}"
done
