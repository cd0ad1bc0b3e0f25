#!/bin/bash
# A fresh machine, for real (make test-dist): the .deb of dist/ installed with apt into a
# minimal Debian 12 made by debootstrap, with no Swift, no source tree and an empty environment
# but PATH and HOME, then used as a new editor would, as a user who is not root.
#
#   Packaging/test-dist.sh DEB [ROOT]
#
# ROOT (default build/debian12) is kept between runs: a second run skips debootstrap. Needs root
# (debootstrap, chroot, mounting /proc) and Debian's mirror.
set -euo pipefail

deb=$(readlink -f "$1")
root=${2:-build/debian12}
mirror=${DEBIAN_MIRROR:-http://deb.debian.org/debian}

step() { printf '\n== %s\n' "$*"; }

if [ ! -x "$root/usr/bin/apt-get" ]; then
  step "debootstrap: a minimal Debian 12 in $root"
  rm -rf "$root"
  mkdir -p "$(dirname "$root")"
  debootstrap --variant=minbase bookworm "$root" "$mirror" > build/debootstrap.log 2>&1 \
    || { tail -20 build/debootstrap.log; exit 1; }
fi

mount -t proc proc "$root/proc"
mount --bind /dev "$root/dev"
cleanup() {
  umount "$root/proc" 2>/dev/null || true
  umount "$root/dev" 2>/dev/null || true
}
trap cleanup EXIT

# A clean slate inside: no Kreds, no user of ours, no site from an earlier run.
chroot "$root" /bin/sh -c 'dpkg -r kreds >/dev/null 2>&1 || true; userdel -r editor >/dev/null 2>&1 || true'
chroot "$root" /usr/sbin/useradd --create-home --shell /bin/bash editor
cp "$deb" "$root/tmp/kreds.deb"

step "apt install ./kreds.deb (as root, as an administrator would)"
chroot "$root" /usr/bin/env -i PATH=/usr/sbin:/usr/bin:/sbin:/bin HOME=/root \
  apt-get install -y -q --no-install-recommends /tmp/kreds.deb 2>&1 | tail -4
test ! -e "$root/usr/bin/swift" && test ! -e "$root/opt/swift" && echo "(no Swift toolchain in the root)"

# Everything else as the editor, with nothing in the environment but PATH and HOME.
as_editor() {
  chroot --userspec=editor:editor "$root" /usr/bin/env -i PATH=/usr/bin:/bin HOME=/home/editor \
    /bin/bash -c "cd /home/editor && $1"
}

step "kreds --version"
as_editor 'kreds --version'

step "kreds init site --language en && kreds build"
as_editor 'kreds init site --language en --title "Harbour Network" 2>&1 | tail -3 && cd site && kreds build'
as_editor 'test -s site/site/index.html && ls site/site | tr "\n" " "; echo'

step "kreds check on a broken event: exit 1 at the right file:line:column"
event=$(as_editor 'ls site/content/networks/our-network/events/*.md' | awk 'NR == 1')
as_editor "sed -i 's/^start: /strat: /' $event"
set +e
output=$(as_editor 'cd site && kreds check 2>&1')
status=$?
set -e
echo "$output"
echo "exit status: $status"
relative=${event#site/}
[ "$status" -eq 1 ] || { echo "test-dist: expected exit status 1"; exit 1; }
grep -q "^$relative:3:1: error" <<<"$output" \
  || { echo "test-dist: expected an error at $relative:3:1"; exit 1; }
as_editor "sed -i 's/^strat: /start: /' $event"

step "kreds serve: one page over HTTP"
# bash's /dev/tcp is the client: a minimal Debian has no curl.
as_editor 'cd site && { kreds serve --port 8765 > /tmp/serve.log 2>&1 & echo $! > /tmp/serve.pid; }
  for i in $(seq 1 100); do
    if { exec 3<>/dev/tcp/127.0.0.1/8765; } 2>/dev/null; then
      printf "GET / HTTP/1.0\r\nHost: localhost\r\n\r\n" >&3; head -1 <&3; exec 3>&-; break
    fi
    sleep 0.2
  done
  kill "$(cat /tmp/serve.pid)"' | tee build/test-dist-serve.txt
grep -q "HTTP/1.1 200" build/test-dist-serve.txt || { echo "test-dist: serve did not answer 200"; exit 1; }

step "a phone photo: turned upright and stripped by the packaged libvips"
# Stored sideways with EXIF orientation 6 and a GPS position (Tests/Fixtures/images/phone.jpg).
cp Tests/Fixtures/images/phone.jpg "$root/home/editor/site/content/media/phone.jpg"
chroot "$root" chown editor:editor /home/editor/site/content/media/phone.jpg
story=$(as_editor 'ls site/content/networks/*/stories/*.md' | awk 'NR == 1')
as_editor "sed -i '0,/^title: /s//image: media\/phone.jpg\nimage_alt: A photo from the meeting\ntitle: /' $story"
as_editor 'cd site && kreds build 2>&1 | tail -3'
as_editor 'ls site/site/media/' | tee build/test-dist-photo.txt
grep -q "phone.120w.webp" build/test-dist-photo.txt \
  || { echo "test-dist: no picture variants were made"; exit 1; }
# Upright: stored 160x120, shown 120x160; and no GPS left (JPEG's SOF0 holds height, width).
python3 - "$root/home/editor/site/site/media/phone.120w.jpg" <<'PY'
import sys
data = open(sys.argv[1], "rb").read()
index = 2
while data[index + 1] not in (0xC0, 0xC1, 0xC2):  # walk the segments to the frame header
    index += 2 + int.from_bytes(data[index + 2:index + 4], "big")
height = int.from_bytes(data[index + 5:index + 7], "big")
width = int.from_bytes(data[index + 7:index + 9], "big")
assert (width, height) == (120, 160), f"variant is {width}x{height}, expected 120x160"
assert b"Exif" not in data and b"GPS" not in data, "metadata left in the variant"
print(f"phone.120w.jpg: {width}x{height}, no EXIF")
PY

step "test-dist: passed"
