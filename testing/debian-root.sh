#!/usr/bin/env bash
# Builds (once) and copies a real Debian root filesystem for end-to-end tests of --root.
#
#   testing/debian-root.sh [--suite SUITE] DEST      copy a pristine tree to DEST (DEST must not exist)
#   testing/debian-root.sh [--suite SUITE] --cache   print the cached tree's path, building it if needed
#
# SUITE is bookworm (Debian 12, the default) or an older suite the packages must run on, such as
# bullseye (Debian 11, glibc 2.31). The pristine tree is built with debootstrap (minbase +
# openssh-server, sudo, cloud-init) into $IMAGEPREP_TEST_CACHE (default ~/.cache/imageprep) and reused
# by every later call. The mirror is the one this machine's apt already uses, so nothing here names a
# package host. Needs root.
set -euo pipefail

cache_dir=${IMAGEPREP_TEST_CACHE:-$HOME/.cache/imageprep}
suite=bookworm
if [[ ${1:-} == --suite ]]; then
  suite=${2:?usage: debian-root.sh [--suite SUITE] DEST | --cache}
  [[ $suite =~ ^[a-z]+$ ]] || { echo "debian-root.sh: not a Debian suite name: $suite" >&2; exit 2; }
  shift 2
fi
packages=openssh-server,sudo,cloud-init,python3-cffi-backend,systemd,ifupdown,isc-dhcp-client
# The tree's name changes whenever what goes into it changes.
key=$(printf '%s %s' "$suite" "$packages" | sha256sum | cut -c1-12)
tree=$cache_dir/debian-$suite-$key

apt_mirror() {
  local m
  m=$(awk '/^URIs:/ {print $2; exit}' /etc/apt/sources.list.d/*.sources 2>/dev/null || true)
  if [[ -z $m ]]; then
    m=$(awk '$1 == "deb" && $0 !~ /security/ {print $2; exit}' /etc/apt/sources.list 2>/dev/null || true)
  fi
  [[ -n $m ]] || { echo "debian-root.sh: cannot find this machine's apt mirror" >&2; exit 2; }
  printf '%s\n' "$m"
}

build() {
  command -v debootstrap >/dev/null || { echo "debian-root.sh: debootstrap is not installed" >&2; exit 2; }
  [[ $(id -u) -eq 0 ]] || { echo "debian-root.sh: debootstrap needs root" >&2; exit 2; }
  mkdir -p "$cache_dir"
  local work=$tree.partial
  rm -rf "$work"
  # debootstrap does not resolve virtual packages, hence python3-cffi-backend for cloud-init.
  debootstrap --variant=minbase --include="$packages" "$suite" "$work" "$(apt_mirror)" >"$work.log" 2>&1 || {
    echo "debian-root.sh: debootstrap failed; last lines of $work.log:" >&2
    tail -20 "$work.log" >&2
    exit 1
  }
  rm -f "$work.log"
  mv "$work" "$tree"
}

exec 9>"${cache_dir%/}.lock" 2>/dev/null || { mkdir -p "$cache_dir" && exec 9>"${cache_dir%/}.lock"; }
flock 9
[[ -d $tree ]] || build
flock -u 9

if [[ ${1:-} == --cache ]]; then
  printf '%s\n' "$tree"
  exit 0
fi
dest=${1:?usage: debian-root.sh [--suite SUITE] DEST | --cache}
[[ ! -e $dest ]] || { echo "debian-root.sh: $dest already exists" >&2; exit 2; }
cp -a "$tree" "$dest"
