#!/usr/bin/env bash
# Builds the app image installer/target/imageprep: a trimmed runtime (jlink, modules chosen by jdeps),
# the jars laid out by jpackage, an AOT cache trained on a real command, and bin/imageprep.
#
#   app-image.sh AGENT_JAR LIB_DIR OUT_DIR VERSION GLIBC_FLOOR
#
# The runtime is linked from Temurin 25 (IMAGEPREP_JDK=/path/to/jdk picks another JDK 24 or later),
# not from the JDK that compiles the code: the runtime must start on the oldest system the packages
# name (Amazon Linux 2: glibc 2.26), and Debian 12's JDK 17 needs glibc 2.34. A JDK whose binaries
# need a newer glibc than GLIBC_FLOOR is refused, so the build never links a runtime that cannot start
# where the packages say it runs.
set -euo pipefail

agent_jar=${1:?usage: app-image.sh AGENT_JAR LIB_DIR OUT_DIR VERSION GLIBC_FLOOR}
lib_dir=${2:?missing LIB_DIR}
out_dir=${3:?missing OUT_DIR}
version=${4:?missing VERSION}
glibc_floor=${5:?missing GLIBC_FLOOR}

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

# The highest GLIBC_x.y symbol version the runtime's binaries ask for (their ELF version-needed entries).
glibc_needed() {
  find "$1" -type f \( -name '*.so' -o -perm -u+x \) -print0 | xargs -0 objdump -p 2>/dev/null \
    | grep -o 'GLIBC_[0-9][0-9.]*' | sed 's/GLIBC_//' | sort -uV | tail -1
}

version_le() { [[ $(printf '%s\n%s\n' "$1" "$2" | sort -V | head -1) == "$1" ]]; }

temurin=/usr/lib/jvm/temurin-25-jdk-amd64
jdk=${IMAGEPREP_JDK:-$temurin}
refuse() {
  log "cannot link the runtime from $jdk: $*"
  log "install Temurin 25 at $temurin (its binaries need glibc 2.17), or set IMAGEPREP_JDK to a JDK 24 or later built for glibc $glibc_floor or older"
  exit 2
}
for tool in objdump objcopy strip; do # binutils: the runtime's glibc needs, and stripping it
  command -v "$tool" >/dev/null || { log "$tool is needed (apt-get install binutils)"; exit 2; }
done
[[ -x $jdk/bin/jlink && -x $jdk/bin/jpackage && -x $jdk/bin/jdeps ]] || refuse "no jlink, jpackage and jdeps there"
needed=$(glibc_needed "$jdk")
version_le "${needed:-99}" "$glibc_floor" || refuse "its binaries need glibc ${needed:-?}, newer than $glibc_floor"
feature=$(jdk_feature "$jdk")
((feature >= 24)) || refuse "JDK $feature has no AOT cache (JDK 24 or later)"
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

"$jdk/bin/jlink" --add-modules "$modules" --strip-java-debug-attributes \
  --strip-native-debug-symbols "objcopy=$(command -v objcopy)" --no-man-pages --no-header-files \
  --generate-cds-archive --compress=zip-6 --output "$work/runtime" >/dev/null
# What ships is what must start on the oldest system the packages name.
needed=$(glibc_needed "$work/runtime")
version_le "${needed:-99}" "$glibc_floor" || refuse "the linked runtime needs glibc ${needed:-?}, newer than $glibc_floor"
printf '%s\n' "$needed" >"$out_dir/app-image.glibc" # packages.sh states it as the minimum glibc
log "the runtime needs glibc $needed or later"
# Symbol tables off the runtime's binaries, as dh_strip does for Debian's own JDK packages (lintian's
# unstripped-binary-or-object); the JDK's legal notices come read-only (0444), packages want 0644.
while IFS= read -r -d '' elf; do
  if [[ $elf == *.so ]]; then
    strip --remove-section=.comment --remove-section=.note --strip-unneeded "$elf"
  else
    strip --remove-section=.comment --remove-section=.note "$elf"
  fi
done < <(find "$work/runtime" -type f \( -name '*.so' -o -perm -u+x \) -print0)
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
# JNA may call native code: allowed up front, or JDK 24+ warns at its first call. The AOT cache is
# only used when it was recorded with these very options, so training runs use them too.
java_options=(-XX:+UseSerialGC -XX:TieredStopAtLevel=1 -XX:-UsePerfData --enable-native-access=ALL-UNNAMED)
cache=lib/app/imageprep.aot

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

# --- training: the command fleets call most, on a tiny image tree --------------------------------------
tree=$work/training-root
mkdir -p "$tree/etc/ssh" "$tree/usr/bin" "$tree/var/lib/dpkg" "$tree/home/admin" "$work/state"
printf 'PRETTY_NAME="Debian GNU/Linux 12 (bookworm)"\nID=debian\nVERSION_ID="12"\n' >"$tree/etc/os-release"
printf 'root:x:0:0:root:/root:/bin/bash\nadmin:x:1000:1000::/home/admin:/bin/bash\n' >"$tree/etc/passwd"
printf 'root:x:0:\nsudo:x:27:admin\nadmin:x:1000:\n' >"$tree/etc/group"
printf 'UID_MIN 1000\n' >"$tree/etc/login.defs"
: >"$tree/var/lib/dpkg/status"
# One recording run, then the cache is assembled from it (JEP 483/515). picocli's classes (Java 5
# class files) stay out of it: JDK 25 does not archive "old" classes once training linked them.
# With AOT class linking (loaded and linked up front at every start): in three interleaved rounds of
# hyperfine here it took 6-8 % off check's CPU time (about 50 ms) and added 3-7 % to --version's
# (about 10 ms); fleets run check.
write_launcher "-XX:AOTMode=record -XX:AOTConfiguration=$work/imageprep.aotconf"
status=0
"$app/bin/imageprep" check --root "$tree" --profile ec2-linux --state-dir "$work/state" >"$work/training.log" 2>&1 \
  || status=$?
# 0 ready or 1 not ready: a verdict, so the run went through the whole check (an error would train
# the cache on the error path).
((status <= 1)) || { log "the training run ended with exit $status:"; tail -20 "$work/training.log" >&2; exit 1; }
write_launcher "-XX:AOTMode=create -XX:AOTConfiguration=$work/imageprep.aotconf -XX:+AOTClassLinking -XX:AOTCache=$app/$cache"
"$app/bin/imageprep" --version >/dev/null 2>"$work/aot-create.log" || true
[[ -s $app/$cache ]] || { log "no AOT cache was made (see $work/aot-create.log)"; exit 1; }
write_launcher "\"-XX:AOTCache=\$app/$cache\""
# AOTMode=on: the JVM refuses to start rather than silently ignore a cache it cannot use.
IMAGEPREP_JAVA_OPTIONS=-XX:AOTMode=on "$app/bin/imageprep" --version >/dev/null
log "built $app ($(du -sh "$app" | cut -f1), AOT cache $(du -h "$app/$cache" | cut -f1))"
