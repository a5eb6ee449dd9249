#!/usr/bin/env bash
# Builds the app image installer/target/imageprep: a trimmed runtime (jlink, modules chosen by jdeps),
# the jars laid out by jpackage, a start-up cache trained on real commands, and bin/imageprep.
#
#   app-image.sh AGENT_JAR LIB_DIR OUT_DIR VERSION
#
# The JDK that links the runtime is the one running the build (IMAGEPREP_JDK=/path/to/jdk picks
# another); its start-up cache:
#   - JDK 17 to 23: a static AppCDS archive from the classes several training commands load;
#   - JDK 24 and later: an AOT cache (JEP 483/515) from one training run of `check`.
# A JDK 17 archive records absolute jar paths, so it only serves the image where it was made; the
# packages made from a JDK 17 image re-make it on install (see packages.sh).
set -euo pipefail

agent_jar=${1:?usage: app-image.sh AGENT_JAR LIB_DIR OUT_DIR VERSION}
lib_dir=${2:?missing LIB_DIR}
out_dir=${3:?missing OUT_DIR}
version=${4:?missing VERSION}

# Modules jdeps reports that imageprep never reaches at run time. java.desktop: only snakeyaml's
# JavaBean introspector needs it (imageprep composes YAML nodes and binds them itself); leaving it out
# drops ~12 MB and the X11/ALSA libraries a package would otherwise depend on.
exclude_modules=${IMAGEPREP_EXCLUDE_MODULES-java.desktop}
# Always linked: jdk.unsupported for sun.misc.Signal (run/Interruptions), which jdeps sees anyway.
extra_modules=jdk.unsupported
main_class=dev.imageprep.agent.Main

log() { printf 'app-image: %s\n' "$*" >&2; }

jdk_feature() { # prints the feature version (17, 25, ...) of a JDK home
  local v
  v=$(sed -n 's/^JAVA_VERSION="\([0-9]*\).*/\1/p' "$1/release" 2>/dev/null || true)
  printf '%s\n' "${v:-0}"
}

has_tools() { [[ -x $1/bin/jlink && -x $1/bin/jpackage && -x $1/bin/jdeps ]] && (($(jdk_feature "$1") >= 17)); }

# The JDK that runs the build (JAVA_HOME, else `java` on PATH) unless IMAGEPREP_JDK names another.
# Measured here (hyperfine, 2 cores): the JDK 17 image with its merged-class-list AppCDS archive
# started `check` in 530 ms against 715 ms for Temurin 25 with an AOT cache, `--version` in 95
# against 103 ms, and is 88 MB against 102 MB; so the newer JDK is opt-in, not preferred.
pick_jdk() {
  local home=${IMAGEPREP_JDK:-${JAVA_HOME:-}}
  if [[ -z $home ]] && command -v java >/dev/null; then
    home=$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")
  fi
  if [[ -n $home ]] && has_tools "$home"; then
    printf '%s\n' "$home"
    return
  fi
  [[ -z ${IMAGEPREP_JDK:-} ]] || { log "IMAGEPREP_JDK=$IMAGEPREP_JDK has no jlink, jpackage and jdeps"; exit 2; }
  local best='' best_v=0 v
  for home in /usr/lib/jvm/*; do
    has_tools "$home" || continue
    v=$(jdk_feature "$home")
    if ((v > best_v)); then
      best=$home best_v=$v
    fi
  done
  [[ -n $best ]] || { log "no JDK 17 or later with jlink, jpackage and jdeps found"; exit 2; }
  printf '%s\n' "$best"
}

jdk=$(pick_jdk)
feature=$(jdk_feature "$jdk")
mkdir -p "$out_dir"
log "JDK $feature at $jdk"
printf '%s\n' "$jdk" >"$out_dir/app-image.jdk" # bench/startup compares against this JDK's java -jar

work=$out_dir/app-image-work
app=$out_dir/imageprep
rm -rf "$work" "$app"
mkdir -p "$work/input/lib"
cp "$agent_jar" "$work/input/imageprep-agent.jar"
cp "$lib_dir"/*.jar "$work/input/lib/"

# --- modules: what jdeps finds reachable from the agent jar, minus the reviewed exclusions ----------
found=$("$jdk/bin/jdeps" --print-module-deps --ignore-missing-deps --multi-release 17 --recursive \
  --class-path "$work/input/lib/*" "$work/input/imageprep-agent.jar" 2>/dev/null | tail -1)
modules=$(
  for m in ${found//,/ } ${extra_modules//,/ }; do
    [[ ,$exclude_modules, == *",$m,"* ]] || printf '%s\n' "$m"
  done | sort -u | paste -sd, -
)
log "jdeps: $found -> linking $modules"

compress=--compress=2
((feature >= 21)) && compress=--compress=zip-6
strip=(--strip-debug)
objcopy=$(command -v objcopy || true)
[[ -n $objcopy ]] && strip=(--strip-java-debug-attributes --strip-native-debug-symbols "objcopy=$objcopy")
"$jdk/bin/jlink" --add-modules "$modules" "${strip[@]}" --no-man-pages --no-header-files \
  --generate-cds-archive "$compress" --output "$work/runtime" >/dev/null
# Symbol tables off the runtime's binaries, as dh_strip does for Debian's own JDK packages (lintian's
# unstripped-binary-or-object); the JDK's legal notices come read-only (0444), packages want 0644.
if command -v strip >/dev/null; then
  while IFS= read -r -d '' elf; do
    if [[ $elf == *.so ]]; then
      strip --remove-section=.comment --remove-section=.note --strip-unneeded "$elf"
    else
      strip --remove-section=.comment --remove-section=.note "$elf"
    fi
  done < <(find "$work/runtime" -type f \( -name '*.so' -o -perm -u+x \) -print0)
fi
chmod -R u+w,go-w "$work/runtime"

# --- the app image ------------------------------------------------------------------------------------
"$jdk/bin/jpackage" --type app-image --name imageprep --app-version "$version" --vendor imageprep \
  --input "$work/input" --main-jar imageprep-agent.jar --main-class "$main_class" \
  --runtime-image "$work/runtime" --dest "$out_dir"

# jpackage's native launcher runs `rpm -qf` and `dpkg -S` on itself at every start to learn whether a
# package installed it (about 300 ms here, more on a host with a large dpkg database). A shell
# launcher with the same class path and options starts the same JVM without that.
rm -f "$app/bin/imageprep" "$app/lib/libapplauncher.so" "$app/lib/app/imageprep.cfg"

# Debian's JDK copies the same licence texts into every module's legal/ folder; link them to
# java.base's copy as Temurin does (rpmlint counts the copies as wasted space). After jpackage,
# which copies the runtime with its links resolved.
for f in "$app"/lib/runtime/legal/*/*; do
  base=$app/lib/runtime/legal/java.base/${f##*/}
  if [[ $f != */java.base/* && -f $f && ! -L $f && -f $base ]] && cmp -s "$f" "$base"; then
    ln -sf "../java.base/${f##*/}" "$f"
  fi
done

classpath="\$app/lib/app/imageprep-agent.jar"
for jar in "$work"/input/lib/*.jar; do
  classpath+=":\$app/lib/app/lib/${jar##*/}"
done

# Short-lived command-line runs: no GC threads, C1 only, and no hsperfdata file in the image's /tmp.
java_options=(-XX:+UseSerialGC -XX:TieredStopAtLevel=1 -XX:-UsePerfData)
((feature >= 22)) && java_options+=(--enable-native-access=ALL-UNNAMED) # JNA; JDK 17 rejects the flag
if ((feature >= 24)); then
  cache_option="\"-XX:AOTCache=\$app/lib/app/imageprep.aot\""
else
  cache_option="\"-XX:SharedArchiveFile=\$app/lib/app/imageprep.jsa\""
fi

write_launcher() { # $1: extra JVM options for this launcher (training runs use their own)
  cat >"$app/bin/imageprep" <<LAUNCHER
#!/bin/sh
# imageprep launcher: the bundled runtime, the bundled jars, and the start-up cache made at build time.
self=\$0
case \$self in
  */bin/*) [ -L "\$self" ] && { self=\$(readlink -f -- "\$self") || exit 3; } ;;
  *) self=\$(readlink -f -- "\$self") || exit 3 ;;
esac
app=\${self%/bin/*}
# IMAGEPREP_JAVA_OPTIONS adds JVM options (split on blanks, never globbed), e.g. for diagnostics.
set -f
# shellcheck disable=SC2086
exec "\$app/lib/runtime/bin/java" ${java_options[*]} $1 \$IMAGEPREP_JAVA_OPTIONS \\
  -cp "$classpath" \\
  $main_class "\$@"
LAUNCHER
  chmod 0755 "$app/bin/imageprep"
}

# --- training: the commands orchestrators run, on a tiny image tree -----------------------------------
tree=$work/training-root
mkdir -p "$tree/etc/ssh" "$tree/var/lib/dpkg" "$tree/home/admin" "$work/state"
printf 'PRETTY_NAME="Debian GNU/Linux 12 (bookworm)"\nID=debian\nVERSION_ID="12"\n' >"$tree/etc/os-release"
printf 'root:x:0:0:root:/root:/bin/bash\nadmin:x:1000:1000::/home/admin:/bin/bash\n' >"$tree/etc/passwd"
printf 'root:x:0:\nsudo:x:27:admin\nadmin:x:1000:\n' >"$tree/etc/group"
printf 'UID_MIN 1000\n' >"$tree/etc/login.defs"
: >"$tree/var/lib/dpkg/status"
training=(
  "--version" "--help" "check --help" "profiles" "rules list"
  "check --root $tree --profile ec2-linux --state-dir $work/state"
  "check --root $tree --profile workspaces-linux --state-dir $work/state --format json"
  "clean --root $tree --profile ec2-linux --state-dir $work/state --dry-run"
  "sudo revoke --root $tree --dry-run"
)
if ((feature >= 24)); then
  # One recording run (check: the command fleets call most), then the cache is assembled from it.
  # Without AOT class linking: linked classes are all loaded at every start, which cost --version
  # more than it saved check here (171 vs 226 ms and 694 vs 773 ms, hyperfine, JDK 25.0.3).
  write_launcher "-XX:AOTMode=record -XX:AOTConfiguration=$work/imageprep.aotconf"
  "$app/bin/imageprep" check --root "$tree" --profile ec2-linux --state-dir "$work/state" >/dev/null 2>&1 || true
  write_launcher "-XX:AOTMode=create -XX:AOTConfiguration=$work/imageprep.aotconf -XX:-AOTClassLinking -XX:AOTCache=$app/lib/app/imageprep.aot"
  "$app/bin/imageprep" --version >/dev/null 2>"$work/aot-create.log" || true
else
  lists=()
  for i in "${!training[@]}"; do
    write_launcher "-XX:DumpLoadedClassList=$work/classes-$i.lst"
    # shellcheck disable=SC2086 # each entry is a command line to split
    "$app/bin/imageprep" ${training[$i]} >/dev/null 2>&1 </dev/null || true
    lists+=("$work/classes-$i.lst")
  done
  awk '!seen[$0]++' "${lists[@]}" >"$app/lib/app/imageprep.classlist" # merged, first-seen order kept
  write_launcher "-Xshare:dump -XX:SharedClassListFile=$app/lib/app/imageprep.classlist -XX:SharedArchiveFile=$app/lib/app/imageprep.jsa"
  "$app/bin/imageprep" >"$work/cds-dump.log" 2>&1 || true
fi
write_launcher "$cache_option"

cache_file=${cache_option##*/}
cache_file=${cache_file%\"}
if [[ ! -s $app/lib/app/$cache_file ]]; then
  log "warning: no start-up cache was made (see $work); the image works, but starts slower"
fi
"$app/bin/imageprep" --version >/dev/null
log "built $app ($(du -sh "$app" | cut -f1), start-up cache $cache_file)"
