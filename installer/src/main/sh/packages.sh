#!/usr/bin/env bash
# Builds the packages from the app image made by app-image.sh:
#   imageprep_VERSION-1_amd64.deb   dpkg-deb, installs to /opt/imageprep with /usr/bin/imageprep
#   imageprep-VERSION-1.x86_64.rpm  rpmbuild from the same staged tree (Amazon Linux, RHEL family)
#   imageprep-VERSION-linux-x64.tar.gz  the app image plus man pages, completion, unit, config
#   imageprep-VERSION-windows.zip   jars + imageprep.cmd + PowerShell install/uninstall scripts
#
#   packages.sh OUT_DIR VERSION PACKAGING_DIR DOCS_DIR
#
# OUT_DIR holds the app image (OUT_DIR/imageprep) and receives the packages. DOCS_DIR holds the
# AsciiDoc man pages (DOCS_DIR/man/*.adoc) and the completion script (DOCS_DIR/imageprep.bash)
# that ReferenceDocs wrote. Needs asciidoctor, dpkg-deb, fakeroot-free dpkg-deb --root-owner-group,
# rpmbuild, zip.
set -euo pipefail

out_dir=$(realpath -m "${1:?usage: packages.sh OUT_DIR VERSION PACKAGING_DIR DOCS_DIR}")
version=${2:?missing VERSION}
packaging=$(realpath -m "${3:?missing PACKAGING_DIR}")
docs=$(realpath -m "${4:?missing DOCS_DIR}")
maintainer=${IMAGEPREP_MAINTAINER:-imageprep maintainers <packaging@imageprep.dev>}
homepage=${IMAGEPREP_HOMEPAGE:-https://imageprep.dev}
license=${IMAGEPREP_LICENSE:-LicenseRef-imageprep}
license_text=${IMAGEPREP_LICENSE_TEXT:-imageprep has not published its license yet; ask the maintainers.}

app=$out_dir/imageprep
work=$out_dir/packages-work
log() { printf 'packages: %s\n' "$*" >&2; }

for tool in asciidoctor dpkg-deb rpmbuild zip unzip gzip; do
  command -v "$tool" >/dev/null || { log "$tool is needed to build the packages (apt-get install ${tool/dpkg-deb/dpkg})"; exit 2; }
done
[[ -x $app/bin/imageprep ]] || { log "no app image at $app (run mvn package first)"; exit 2; }

rm -rf "$work"
mkdir -p "$work"

# --- man pages: troff from picocli's AsciiDoc, compressed as Debian policy wants ---------------------
mkdir -p "$work/man1"
asciidoctor -b manpage -a reproducible -D "$work/man1" "$docs"/man/*.adoc
gzip -9n "$work"/man1/*.1

# --- the staged file system tree both Linux packages install -------------------------------------------
# $1: staging root; $2: systemd unit directory (/lib/systemd/system on Debian 12, /usr/lib elsewhere)
stage() {
  local root=$1 unitdir=$2
  mkdir -p "$root/opt" "$root/usr/bin" "$root/usr/share/man/man1" "$root/usr/share/bash-completion/completions" \
    "$root$unitdir" "$root/etc/imageprep"
  cp -a "$app" "$root/opt/imageprep"
  rm -f "$root/opt/imageprep/lib/app/.jpackage.xml"
  install -m 0644 "$work"/man1/*.1.gz "$root/usr/share/man/man1/"
  # completions are sourced, not run: no #! line (lintian, rpmlint)
  sed '1{/^#!/d}' "$docs/imageprep.bash" >"$root/usr/share/bash-completion/completions/imageprep"
  chmod 0644 "$root/usr/share/bash-completion/completions/imageprep"
  install -m 0644 "$packaging/systemd/imageprep-sudo-revoke.service" "$root$unitdir/"
  install -m 0644 "$packaging/etc/imageprep.conf" "$root/etc/imageprep/imageprep.conf"
  # dpkg and rpm record modes, not the umask of whoever built the image
  find "$root" -type d -exec chmod 0755 {} +
  find "$root/opt/imageprep" -type f -exec chmod go-w {} +
}

fill() { # fills @NAME@ placeholders from the environment of this function's caller
  sed -e "s|@VERSION@|$version|g" -e "s|@MAINTAINER@|$maintainer|g" -e "s|@HOMEPAGE@|$homepage|g" \
    -e "s|@LICENSE@|$license|g" -e "s|@LICENSE_TEXT@|$license_text|g" "$@"
}

# Shared libraries the runtime needs from the system (NEEDED entries it does not ship itself).
system_sonames() {
  local own
  own=$(find "$app/lib/runtime" -name '*.so*' -printf '%f\n' | sort -u)
  find "$app/lib/runtime" -type f \( -name '*.so*' -o -perm -u+x \) -print0 \
    | xargs -0 objdump -p 2>/dev/null | awk '$1 == "NEEDED" {print $2}' | sort -u | grep -vxF "$own" || true
}

# The oldest glibc the runtime starts on (app-image.sh read it off the runtime's binaries).
glibc=$(cat "$out_dir/app-image.glibc")

# --- .deb ---------------------------------------------------------------------------------------------
deb_root=$work/deb
stage "$deb_root" /lib/systemd/system
# Debian policy: a link between top-level directories is absolute; shared libraries are 0644.
ln -s /opt/imageprep/bin/imageprep "$deb_root/usr/bin/imageprep"
find "$deb_root/opt/imageprep/lib/runtime" -name '*.so' -exec chmod 0644 {} +
mkdir -p "$deb_root/DEBIAN" "$deb_root/usr/share/doc/imageprep" "$deb_root/usr/share/lintian/overrides"
fill "$packaging/deb/copyright.in" >"$deb_root/usr/share/doc/imageprep/copyright"
fill "$packaging/deb/changelog.in" | sed "s|@DATE@|$(date -R -d "@${SOURCE_DATE_EPOCH:-$(date +%s)}")|" \
  | gzip -9n >"$deb_root/usr/share/doc/imageprep/changelog.Debian.gz"
install -m 0644 "$packaging/deb/lintian-overrides" "$deb_root/usr/share/lintian/overrides/imageprep"
depends=$(
  for soname in $(system_sonames); do
    path=$(ldconfig -p | awk -v s="$soname" '$1 == s && /x86-64/ {print $NF; exit}')
    [[ -n $path ]] || continue
    # usrmerge: dpkg may know the file under /lib or under /usr/lib
    { dpkg -S "$path" 2>/dev/null || dpkg -S "$(readlink -f "$path")" 2>/dev/null || true; } | cut -d: -f1
  done | sort -u | sed "s/^libc6\$/libc6 (>= $glibc)/" | paste -sd, - | sed 's/,/, /g'
)
[[ $depends == *"libc6 (>= $glibc)"* ]] || { log "the runtime's libraries map to no libc6 ($depends)"; exit 1; }
fill "$packaging/deb/control.in" | sed -e "s|@DEPENDS@|$depends|" \
  -e "s|@INSTALLED_SIZE@|$(du -sk --exclude=DEBIAN "$deb_root" | cut -f1)|" >"$deb_root/DEBIAN/control"
echo /etc/imageprep/imageprep.conf >"$deb_root/DEBIAN/conffiles"
for script in postinst postrm; do
  install -m 0755 "$packaging/deb/$script" "$deb_root/DEBIAN/$script"
done
(cd "$deb_root" && find . -path ./DEBIAN -prune -o -type f -printf '%P\0' | sort -z | xargs -0 md5sum) \
  >"$deb_root/DEBIAN/md5sums"
deb=$out_dir/imageprep_${version}-1_amd64.deb
dpkg-deb --root-owner-group -Zxz --build "$deb_root" "$deb" >/dev/null
log "built $deb"

# --- .rpm ---------------------------------------------------------------------------------------------
rpm_root=$work/rpm-root
stage "$rpm_root" /usr/lib/systemd/system
# RPM distributions: relative links, executable shared libraries.
ln -s ../../opt/imageprep/bin/imageprep "$rpm_root/usr/bin/imageprep"
find "$rpm_root/opt/imageprep/lib/runtime" -name '*.so' -exec chmod 0755 {} +
mkdir -p "$rpm_root/usr/share/licenses/imageprep" "$rpm_root/usr/share/doc/imageprep"
fill "$packaging/deb/copyright.in" >"$rpm_root/usr/share/licenses/imageprep/COPYRIGHT"
printf '# imageprep\n\nSee man imageprep, and imageprep --help.\n' >"$rpm_root/usr/share/doc/imageprep/README.md"
requires=$(
  printf 'Requires:       glibc >= %s\n' "$glibc"
  for soname in $(system_sonames); do printf 'Requires:       %s()(64bit)\n' "$soname"; done
)
mkdir -p "$work/rpm/SPECS"
fill "$packaging/rpm/imageprep.spec.in" | awk -v req="$requires" -v stage="$rpm_root" \
    -v date="$(LC_ALL=C date -d "@${SOURCE_DATE_EPOCH:-$(date +%s)}" '+%a %b %d %Y')" '
  /^@REQUIRES@$/ { print req; next }
  { gsub(/@STAGE@/, stage); gsub(/@RPMDATE@/, date); print }' >"$work/rpm/SPECS/imageprep.spec"
rpmbuild -bb --quiet --define "_topdir $work/rpm" --define "_rpmdir $out_dir" \
  --define '_build_name_fmt %%{NAME}-%%{VERSION}-%%{RELEASE}.%%{ARCH}.rpm' \
  --define '_binary_payload w2.xzdio' "$work/rpm/SPECS/imageprep.spec" >"$work/rpmbuild.log" 2>&1 \
  || { tail -20 "$work/rpmbuild.log" >&2; exit 1; }
log "built $out_dir/imageprep-$version-1.x86_64.rpm"

# --- .tar.gz: the app image with the files a package would put elsewhere, under share/ ----------------
tar_root=$work/tar/imageprep
mkdir -p "$work/tar"
cp -a "$app" "$tar_root"
mkdir -p "$tar_root/share/man/man1" "$tar_root/share/bash-completion/completions" "$tar_root/share/systemd"
install -m 0644 "$work"/man1/*.1.gz "$tar_root/share/man/man1/"
sed '1{/^#!/d}' "$docs/imageprep.bash" >"$tar_root/share/bash-completion/completions/imageprep"
install -m 0644 "$packaging/systemd/imageprep-sudo-revoke.service" "$tar_root/share/systemd/"
install -m 0644 "$packaging/etc/imageprep.conf" "$tar_root/share/imageprep.conf"
tar -C "$work/tar" --owner=0 --group=0 -czf "$out_dir/imageprep-$version-linux-x64.tar.gz" imageprep
log "built $out_dir/imageprep-$version-linux-x64.tar.gz"

# --- Windows .zip: the jars (the Linux runtime cannot run there) and the PowerShell installer ---------
win=$work/windows/imageprep
mkdir -p "$win/lib"
cp "$app/lib/app/imageprep-agent.jar" "$win/"
cp "$app"/lib/app/lib/*.jar "$win/lib/"
cp "$packaging"/windows/*.ps1 "$win/"
for text in imageprep.cmd README.txt; do # cmd.exe and Notepad read CRLF
  sed 's/$/\r/' "$packaging/windows/$text" >"$win/$text"
done
sed 's/$/\r/' "$packaging/etc/imageprep.conf" >"$win/imageprep.conf"
# JNA's DLL, loaded from the install folder (imageprep.cmd) instead of unpacked under %TEMP%
unzip -q -j -o "$win"/lib/jna-[0-9]*.jar com/sun/jna/win32-x86-64/jnidispatch.dll -d "$win/native"
rm -f "$out_dir/imageprep-$version-windows.zip"
(cd "$work/windows" && zip -qr -X "$out_dir/imageprep-$version-windows.zip" imageprep)
log "built $out_dir/imageprep-$version-windows.zip"
