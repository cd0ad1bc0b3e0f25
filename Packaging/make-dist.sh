#!/bin/bash
# Makes the release packages of Kreds into dist/ (make dist; docs/RELEASING.md):
#   kreds-<version>-linux-<arch>.tar.gz   the binary, completions, man page, README, docs/
#   kreds_<version>_<debian-arch>.deb     the same, installed under /usr, for apt
#
#   Packaging/make-dist.sh BINARY MANPAGE
#
# BINARY is the statically linked release build (Swift runtime, Foundation and cmark-gfm inside);
# the .deb's Depends: names the package of every library it still loads, found with dpkg -S.
set -euo pipefail

binary=$1
manpage=$2
# Readers that stop early would end the writer with SIGPIPE, which pipefail turns into a failure:
# every pipe here reads its input to the end.
version=$("$binary" --version | awk 'NR == 1 {print $2}')
arch=$(uname -m)
debarch=$(dpkg --print-architecture)
out=dist
name=kreds-$version-linux-$arch
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

rm -rf "$out"
mkdir -p "$out" "$work/$name/completions" "$work/$name/man"
install -m 755 "$binary" "$work/$name/kreds"
strip "$work/$name/kreds"
"$binary" --generate-completion-script bash > "$work/$name/completions/kreds.bash"
"$binary" --generate-completion-script zsh > "$work/$name/completions/_kreds"
"$binary" --generate-completion-script fish > "$work/$name/completions/kreds.fish"
install -m 644 "$manpage" "$work/$name/man/kreds.1"
install -m 644 README.md "$work/$name/README.md"
# The guides that travel with Kreds (`kreds docs` finds them beside the binary): those for
# editors and site owners, not the developers' own; the Makefile's SHIPPED_DOCS names them.
shipped_docs=${SHIPPED_DOCS:?SHIPPED_DOCS names the guides to ship (the Makefile sets it)}
install -d "$work/$name/docs"
for doc in $shipped_docs; do install -m 644 "docs/$doc" "$work/$name/docs/$doc"; done
# A guide that links to one not shipped would send its reader nowhere.
for doc in $shipped_docs; do
  for target in $(grep -o '](\([A-Z][A-Za-z.]*\.md\)' "docs/$doc" | sed 's/^](//' | sort -u); do
    [ -f "$work/$name/docs/$target" ] \
      || { echo "make-dist: docs/$doc links to $target, which the packages do not ship" >&2; exit 1; }
  done
done
# Reproducible: files sorted, owned by root, dated by the last commit.
epoch=${SOURCE_DATE_EPOCH:-$(git log -1 --format=%ct 2>/dev/null || echo 0)}
tar --sort=name --owner=0 --group=0 --numeric-owner --mtime="@$epoch" -C "$work" -cf - "$name" \
  | gzip -n -9 > "$out/$name.tar.gz"

# The .deb: the same files where Debian keeps them.
root=$work/deb
install -D -m 755 "$work/$name/kreds" "$root/usr/bin/kreds"
install -D -m 644 "$work/$name/completions/kreds.bash" "$root/usr/share/bash-completion/completions/kreds"
install -D -m 644 "$work/$name/completions/_kreds" "$root/usr/share/zsh/vendor-completions/_kreds"
install -D -m 644 "$work/$name/completions/kreds.fish" "$root/usr/share/fish/vendor_completions.d/kreds.fish"
install -d "$root/usr/share/man/man1"
gzip -n -9 -c "$work/$name/man/kreds.1" > "$root/usr/share/man/man1/kreds.1.gz"
install -D -m 644 README.md "$root/usr/share/doc/kreds/README.md"
# README.md's links to docs/… hold here too; `kreds docs` finds them from /usr/bin.
install -d "$root/usr/share/doc/kreds/docs"
for doc in $shipped_docs; do install -m 644 "docs/$doc" "$root/usr/share/doc/kreds/docs/$doc"; done

# Depends: the package of each library the binary loads, at least the version built against.
depends=()
for library in $(objdump -p "$binary" | awk '/NEEDED/ {print $2}' | sort -u); do
  path=$(ldconfig -p | awk -v lib="$library" '$1 == lib && !found {print $NF; found = 1}')
  [ -n "$path" ] || { echo "make-dist: $library is not installed here" >&2; exit 1; }
  package=$(dpkg -S "$(readlink -f "$path")" 2>/dev/null | awk -F: 'NR == 1 {print $1}') \
    || package=$(dpkg -S "$path" | awk -F: 'NR == 1 {print $1}')
  depends+=("$package")
done
# HEIC photos (iPhones) need libheif's HEVC decoder. Debian 12's libheif1 (1.15) has it built
# in; from 1.16 it is the plugin package, which Ubuntu 24.04's libheif1 does not pull in.
depends+=("libheif-plugin-libde265 | libheif1 (<< 1.16)")
depends_line=""
while IFS= read -r package; do
  case $package in
    *"|"*) depends_line+="${depends_line:+, }$package" ;;
    *)
      upstream=$(dpkg-query -W -f='${Version}' "$package" | sed 's/-[^-]*$//')
      depends_line+="${depends_line:+, }$package (>= $upstream)"
      ;;
  esac
done < <(printf '%s\n' "${depends[@]}" | sort -u)
size=$(du -sk "$root/usr" | cut -f1)
mkdir -p "$root/DEBIAN"
cat > "$root/DEBIAN/control" <<CONTROL
Package: kreds
Version: $version
Architecture: $debarch
Maintainer: Kreds <kreds@example.dk>
Installed-Size: $size
Depends: $depends_line
Section: web
Priority: optional
Description: static site generator for local business networks
 Kreds builds a fast, accessible website with month calendars, newsletters
 (web, email and text) and iCal feeds from Markdown files about business
 networks, their meetings and success stories. The default theme is built in;
 the guides are in /usr/share/doc/kreds/docs/ ('kreds docs' lists them).
CONTROL
find "$root" -exec touch -h -d "@$epoch" {} +
dpkg-deb --root-owner-group -Zxz --build "$root" "$out/kreds_${version}_$debarch.deb" > /dev/null
echo "make-dist: Depends: $depends_line"
ls -l "$out"
