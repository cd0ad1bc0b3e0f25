#!/bin/bash
# The release where users run it (make test-dist; docs/RELEASING.md), each in a fresh Debian root
# made by debootstrap, with no Swift, no source tree and an empty environment but PATH and HOME:
#
#   1. the .deb, installed with apt in Debian 12 and in Debian 13, used as an editor would;
#   2. the tarball, in a Debian 12 root with only what the README says to install (libvips42);
#   3. the GitLab recipe that `kreds init` writes, in a Debian 13 root that stands for its image
#      (debian:13-slim), and the GitHub workflow in a Debian 13 root with the runner's base
#      packages (curl, git, sudo, ca-certificates) for ubuntu-latest: their YAML parsed and run
#      step by step (Packaging/recipes_in_place.py), the release served on loopback.
#
#   Packaging/test-dist.sh DIST-FOLDER PYTHON [ROOTS]
#
# ROOTS (default $KREDS_TEST_ROOTS or /var/tmp/kreds-roots, outside the work tree so that a new
# clone on the same machine finds them) keeps one untouched debootstrap root per release and
# Debian's packages once downloaded; each test copies a root afresh. Needs root (debootstrap,
# chroot, mount) and Debian's mirror.
set -euo pipefail

dist=$(readlink -f "$1")
python=$2
roots=${3:-${KREDS_TEST_ROOTS:-/var/tmp/kreds-roots}}
mirror=${DEBIAN_MIRROR:-http://deb.debian.org/debian}
here=$(cd "$(dirname "$0")" && pwd)
source_tree=$(cd "$here/.." && pwd)
deb=$(ls "$dist"/kreds_*.deb)
tarball=$(ls "$dist"/kreds-*-linux-*.tar.gz)
mkdir -p "$roots" build
roots=$(readlink -f "$roots")

# KREDS_TEST_DIST_ONLY=deb, tarball or recipes runs only that part (while working on it).
only=${KREDS_TEST_DIST_ONLY:-all}
wanted() { [ "$only" = all ] || [ "$only" = "$1" ]; }

step() { printf '\n== %s\n' "$*"; }
fail() { echo "test-dist: $*"; exit 1; }

# Every mount under ROOTS is undone before a root is removed or the script ends: rm -rf on a
# root with /dev bound into it would empty the machine's /dev.
unmount_under() {
  local target
  for target in $(awk -v prefix="$1/" 'index($2, prefix) == 1 {print $2}' /proc/mounts | sort -r); do
    umount "$target" 2>/dev/null || umount -l "$target"
  done
}
server_pid=
cleanup() {
  [ -n "$server_pid" ] && kill "$server_pid" 2>/dev/null
  unmount_under "$roots"
}
trap cleanup EXIT

# An untouched minimal root per release, made once.
base_root() {
  local suite=$1 base=$roots/base-$1
  if [ ! -x "$base/usr/bin/apt-get" ]; then
    step "debootstrap: a minimal Debian $suite in $base" >&2
    rm -rf "$base"
    debootstrap --variant=minbase "$suite" "$base" "$mirror" > "$roots/debootstrap-$suite.log" 2>&1 \
      || { tail -20 "$roots/debootstrap-$suite.log" >&2; exit 1; }
  fi
  echo "$base"
}

# A fresh copy of the release's root, with /proc, /dev, the package cache and an apt index.
fresh_root() {
  local name=$1 suite=$2 base root=$roots/$1
  base=$(base_root "$suite")
  unmount_under "$root"
  rm -rf "$root"
  cp -a "$base" "$root"
  mkdir -p "$roots/apt-archives-$suite/partial"
  mount -t proc proc "$root/proc"
  mount --bind /dev "$root/dev"
  mount --bind "$roots/apt-archives-$suite" "$root/var/cache/apt/archives"
  # Debian's images keep downloaded packages until apt cleans them; keep ours for the next root.
  echo 'Binary::apt::APT::Keep-Downloaded-Packages "true"; APT::Keep-Downloaded-Packages "true";' \
    > "$root/etc/apt/apt.conf.d/99keep-for-tests"
  cp /etc/resolv.conf "$root/etc/resolv.conf" 2>/dev/null || true
  chroot "$root" /usr/bin/env -i PATH=/usr/sbin:/usr/bin:/sbin:/bin apt-get update -qq
  echo "$root"
}

as_root_in() {
  local root=$1; shift
  chroot "$root" /usr/bin/env -i PATH=/usr/sbin:/usr/bin:/sbin:/bin HOME=/root DEBIAN_FRONTEND=noninteractive "$@"
}

# Everything an editor does as the user `editor`, with nothing in the environment but PATH and HOME.
as_editor() {
  local root=$1 path=$2 command=$3
  chroot --userspec=editor:editor "$root" /usr/bin/env -i "PATH=$path" HOME=/home/editor \
    /bin/bash -c "cd /home/editor && $command"
}

# A phone photo and an iPhone photo on a story: variants made by the installed libvips,
# upright, with no metadata.
check_photos() {
  local root=$1 path=$2 label=$3
  cp "$source_tree/Tests/Fixtures/images/phone.jpg" "$root/home/editor/site/content/media/phone.jpg"
  cp "$source_tree/Tests/Fixtures/images/phone.heic" "$root/home/editor/site/content/media/iphone.heic"
  chroot "$root" chown editor:editor /home/editor/site/content/media/phone.jpg /home/editor/site/content/media/iphone.heic
  local stories
  stories=$(as_editor "$root" "$path" 'ls site/content/networks/*/stories/*.md')
  local story=${stories%%$'\n'*}
  as_editor "$root" "$path" "sed -i '0,/^title: /s//image: media\/phone.jpg\nimage_alt: A photo from the meeting\ntitle: /' $story"
  as_editor "$root" "$path" "printf '\n![An iPhone photo of the harbour](/media/iphone.heic)\n' >> $story"
  as_editor "$root" "$path" 'cd site && kreds build 2>&1 | tail -3'
  as_editor "$root" "$path" 'ls site/site/media/' > "build/test-dist-photo-$label.txt"
  tr '\n' ' ' < "build/test-dist-photo-$label.txt"; echo
  grep -q "^phone.120w.webp$" "build/test-dist-photo-$label.txt" || fail "$label: no variants of the phone photo"
  grep -q "^iphone.160w.webp$" "build/test-dist-photo-$label.txt" || fail "$label: no variants of the HEIC photo"
  "$python" - "$root/home/editor/site/site/media/phone.120w.jpg" "$root/home/editor/site/site/media/iphone.160w.jpg" <<'PY'
import sys
for path in sys.argv[1:]:
    data = open(path, "rb").read()
    index = 2
    while data[index + 1] not in (0xC0, 0xC1, 0xC2):  # walk the segments to the frame header
        index += 2 + int.from_bytes(data[index + 2:index + 4], "big")
    height = int.from_bytes(data[index + 5:index + 7], "big")
    width = int.from_bytes(data[index + 7:index + 9], "big")
    assert b"Exif" not in data and b"GPS" not in data, f"metadata left in {path}"
    if "phone.120w" in path:  # stored 160x120 with orientation 6: shown 120x160
        assert (width, height) == (120, 160), f"variant is {width}x{height}, expected 120x160"
    print(f"{path.rsplit('/', 1)[1]}: {width}x{height}, no EXIF")
PY
  # Built again: every picture comes from .kreds-cache/.
  local again
  again=$(as_editor "$root" "$path" 'cd site && kreds build 2>&1 | grep "^pictures: "')
  echo "second build: $again"
  grep -q "^pictures: 0 made" <<<"$again" || fail "$label: the second build made pictures again"
}

# The editor's first hour, on an installed kreds: version, init, build, a broken event, serve,
# the guides, photos.
use_as_editor() {
  local root=$1 path=$2 label=$3
  chroot "$root" /usr/sbin/useradd --create-home --shell /bin/bash editor
  test ! -e "$root/usr/bin/swift" && test ! -e "$root/opt/swift" && echo "(no Swift toolchain in the root)"

  step "$label: kreds --version"
  as_editor "$root" "$path" 'kreds --version'

  step "$label: kreds docs: the guides are installed, and site.yaml's pointer works"
  as_editor "$root" "$path" 'kreds docs | head -3 && test -s "$(kreds docs content --path)" && kreds docs editors | head -1'

  step "$label: kreds init site --language en && kreds build"
  as_editor "$root" "$path" 'kreds init site --language en --title "Harbour Network" 2>&1 | tail -3 && cd site && kreds build'
  as_editor "$root" "$path" 'test -s site/site/index.html && ls site/site | tr "\n" " "; echo'
  as_editor "$root" "$path" 'grep -q "kreds docs content" site/content/site.yaml' \
    || fail "$label: site.yaml does not point at 'kreds docs content'"
  if as_editor "$root" "$path" 'grep -rn "example.dk/kreds" site/README.md site/content'; then
    fail "$label: a placeholder link to Kreds' home"
  fi

  step "$label: kreds check on a broken event: exit 1 at the right file:line:column"
  local event relative output status
  event=$(as_editor "$root" "$path" 'ls site/content/networks/our-network/events/*.md' | awk 'NR == 1')
  as_editor "$root" "$path" "sed -i 's/^start: /strat: /' $event"
  set +e
  output=$(as_editor "$root" "$path" 'cd site && kreds check 2>&1')
  status=$?
  set -e
  echo "$output"
  echo "exit status: $status"
  relative=${event#site/}
  [ "$status" -eq 1 ] || fail "$label: expected exit status 1"
  grep -q "^$relative:3:1: error" <<<"$output" || fail "$label: expected an error at $relative:3:1"
  as_editor "$root" "$path" "sed -i 's/^strat: /start: /' $event"

  step "$label: kreds serve: one page over HTTP"
  # bash's /dev/tcp is the client: a minimal Debian has no curl.
  as_editor "$root" "$path" 'cd site && { kreds serve --port 8765 > /tmp/serve.log 2>&1 & echo $! > /tmp/serve.pid; }
    for i in $(seq 1 100); do
      if { exec 3<>/dev/tcp/127.0.0.1/8765; } 2>/dev/null; then
        printf "GET / HTTP/1.0\r\nHost: localhost\r\n\r\n" >&3; head -1 <&3; exec 3>&-; break
      fi
      sleep 0.2
    done
    kill "$(cat /tmp/serve.pid)"' | tee "build/test-dist-serve-$label.txt"
  grep -q "HTTP/1.1 200" "build/test-dist-serve-$label.txt" || fail "$label: serve did not answer 200"

  step "$label: a phone photo and an iPhone (HEIC) photo, made by the installed libvips"
  check_photos "$root" "$path" "$label"
}

# 1. The .deb on Debian 12 and 13.
for suite in bookworm trixie; do
  wanted deb || continue
  label=deb-$suite
  started=$SECONDS
  step "$label: apt install ./kreds.deb in a fresh Debian $suite (as root, as an administrator would)"
  root=$(fresh_root "$label" "$suite")
  cp "$deb" "$root/tmp/kreds.deb"
  as_root_in "$root" apt-get install -y -q --no-install-recommends /tmp/kreds.deb 2>&1 | tail -3
  echo "libvips: $(as_root_in "$root" dpkg-query -W -f='${Package} ${Version} ' libvips42 libvips42t64 2>/dev/null || true)"
  zcat "$root/usr/share/man/man1/kreds.1.gz" | grep -q "kreds docs" || fail "$label: the man page does not name the guides"
  use_as_editor "$root" /usr/bin:/bin "$label"
  unmount_under "$root"
  step "$label: passed in $((SECONDS - started)) s"
done

# 2. The tarball, with what the README says to install on Debian 12.
if wanted tarball; then
label=tarball-bookworm
started=$SECONDS
step "$label: the tarball in a fresh Debian 12 with only libvips42 (README, step 1)"
root=$(fresh_root "$label" bookworm)
as_root_in "$root" apt-get install -y -q --no-install-recommends libvips42 2>&1 | tail -1
cp "$tarball" "$root/tmp/kreds.tar.gz"
unpacked=$(basename "$tarball" .tar.gz)
as_root_in "$root" tar -xzf /tmp/kreds.tar.gz -C /opt
ls "$root/opt/$unpacked" "$root/opt/$unpacked/docs" | tr '\n' ' '; echo
use_as_editor "$root" "/opt/$unpacked:/usr/bin:/bin" "$label"
unmount_under "$root"
step "$label: passed in $((SECONDS - started)) s"
fi

# 3. The recipes, on a site with three commits: kreds init, an iPhone photo, a moved meeting.
wanted recipes || { step "test-dist: passed (only $only)"; exit 0; }
step "recipes: a site in git (kreds init; an iPhone photo; the meeting moved)"
host_kreds=$(mktemp -d)/kreds
tar -xzf "$tarball" -C "$(dirname "$host_kreds")" --strip-components=1
work=$(mktemp -d /tmp/kreds-recipes.XXXXXX)
site=$work/site
"$host_kreds" init "$site" --language en --title "Harbour Network" > /dev/null
git_in() { git -C "$site" -c user.name=Editor -c user.email=editor@example.dk "$@"; }
git_in init -q -b main && git_in add -A && git_in commit -q -m "A new site"
cp "$source_tree/Tests/Fixtures/images/phone.heic" "$site/content/media/iphone.heic"
story=$(ls "$site"/content/networks/our-network/stories/*.md | head -n 1)
printf '\n![An iPhone photo of the harbour](/media/iphone.heic)\n' >> "$story"
git_in add -A && git_in commit -q -m "An iPhone photo"
event=$(ls "$site"/content/networks/our-network/events/*.md | head -n 1)
sed -i 's/^start: \(.*\) [0-9][0-9]:[0-9][0-9]$/start: \1 07:30/' "$event"
git_in diff --quiet && fail "recipes: the meeting's start could not be moved: $(grep '^start' "$event")"
git_in add -A && git_in commit -q -m "The meeting moved to 07:30"
git clone -q --bare "$site" "$work/site.git"
"$host_kreds" check --content "$site/content" > /dev/null 2>&1 || fail "recipes: the test site does not check"

# The release over loopback HTTP, with a copy that names a library no Debian has.
release=$work/release
mkdir -p "$release/broken"
cp "$deb" "$tarball" "$release/"
dpkg-deb -R "$deb" "$work/broken-deb"
sed -i 's/^Depends: /Depends: libvips-missing-in-this-test, /' "$work/broken-deb/DEBIAN/control"
dpkg-deb --root-owner-group -b "$work/broken-deb" "$release/broken/$(basename "$deb")" > /dev/null
port=$("$python" -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
"$python" -m http.server "$port" --bind 127.0.0.1 --directory "$release" > "$work/http.log" 2>&1 &
server_pid=$!
url=http://127.0.0.1:$port
for i in $(seq 1 50); do "$python" -c "import urllib.request; urllib.request.urlopen('$url/')" 2>/dev/null && break; sleep 0.1; done

for platform in gitlab github; do
  label=recipe-$platform
  started=$SECONDS
  step "$label: a Debian 13 root for $([ $platform = gitlab ] && echo debian:13-slim || echo ubuntu-latest)"
  root=$(fresh_root "$label" trixie)
  if [ "$platform" = github ]; then
    as_root_in "$root" apt-get install -y -qq --no-install-recommends curl git sudo ca-certificates > /dev/null
    chroot "$root" /usr/sbin/useradd --create-home --shell /bin/bash runner
    echo 'runner ALL=(ALL) NOPASSWD:ALL' > "$root/etc/sudoers.d/runner"
  fi
  cp -a "$work/site.git" "$root/srv/site.git"
  chmod -R a+rX "$root/srv/site.git"
  # actions/checkout runs git as the runner's user: the repository is theirs, as a fetch would be.
  [ "$platform" = github ] && chroot "$root" chown -R runner:runner /srv/site.git
  "$python" "$here/recipes_in_place.py" --platform "$platform" --root "$root" --kreds "$host_kreds" \
    --site "$site" --release-url "$url/$(basename "$deb")" --tarball-url "$url/$(basename "$tarball")" \
    --broken-url "$url/broken/$(basename "$deb")" --work "$work/$platform"
  unmount_under "$root"
  step "$label: passed in $((SECONDS - started)) s"
done
# The recipes' runs, one log each, for whoever wants to read what a runner would have shown.
rm -rf build/test-dist-recipes && mkdir -p build/test-dist-recipes
for platform in gitlab github; do cp -r "$work/$platform/logs" "build/test-dist-recipes/$platform"; done
rm -rf "$work" "$(dirname "$host_kreds")"

step "test-dist: passed"
