#!/usr/bin/env python3
"""`kreds strip-location` read back by exiftool (CLI.md, "kreds strip-location").

    python Tests/Conformance/stripcheck.py KREDS-BINARY

In a new content folder holding the tests' located pictures (Tests/Fixtures/images:
phone.jpg, located.png, located.webp; docs/PHOTOS.md), `kreds strip-location` with no file
must clean all three, and then:

- exiftool finds no GPS tag in any of them (EXIF or XMP), while the XMP title and the EXIF
  orientation it found before are still there;
- the image data is the same bytes: a JPEG's compressed data from its first scan (SOS) on,
  the PNG's IDAT chunks, the WebP's VP8/VP8L/ALPH chunks;
- a second run cleans nothing.

`--all-metadata` on a copy of the JPEG leaves exiftool nothing but the orientation, with
the same compressed data. Bad input is refused with one line naming the file, exit status
1, and the file unchanged: a JPEG cut short, a text file, a missing file, and (as the user
nobody, when run as root) a read-only photo.
"""

from __future__ import annotations

import json
import os
import shutil
import struct
import subprocess
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
IMAGES = REPO / "Tests" / "Fixtures" / "images"
PICTURES = ("phone.jpg", "located.png", "located.webp")


def jpeg_scan(data: bytes) -> bytes:
    """A JPEG's bytes from its first SOS marker on, found by walking the segments."""
    i = 2
    while i + 3 < len(data):
        if data[i] != 0xFF:
            raise ValueError("not at a marker")
        marker = data[i + 1]
        if marker == 0xDA:
            return data[i:]
        i += 2 + struct.unpack(">H", data[i + 2:i + 4])[0]
    raise ValueError("no SOS")


def image_chunks(data: bytes, name: str) -> list[bytes]:
    if name.endswith(".jpg"):
        return [jpeg_scan(data)]
    out, png = [], name.endswith(".png")
    i = 8 if png else 12
    while i + 8 <= len(data):
        if png:
            size, kind = struct.unpack(">I", data[i:i + 4])[0], data[i + 4:i + 8]
            if kind == b"IDAT":
                out.append(data[i + 8:i + 8 + size])
            i += 12 + size
        else:
            kind, size = data[i:i + 4], struct.unpack("<I", data[i + 4:i + 8])[0]
            if kind in (b"VP8 ", b"VP8L", b"ALPH"):
                out.append(data[i + 8:i + 8 + size])
            i += 8 + size + (size & 1)
    return out


def exif_tags(path: Path) -> dict:
    out = subprocess.run(["exiftool", "-j", "-G1", "-a", "-n", str(path)], capture_output=True, text=True, check=True)
    return json.loads(out.stdout)[0]


def gps_tags(tags: dict) -> list[str]:
    return sorted(k for k in tags if "gps" in k.lower())


def main(argv: list[str]) -> int:
    if len(argv) != 1:
        print(__doc__.split("\n\n")[1], file=sys.stderr)
        return 2
    kreds = str(Path(argv[0]).resolve())
    problems: list[str] = []
    work = Path(tempfile.mkdtemp(prefix="kreds-strip-"))
    try:
        media = work / "content" / "media" / "foto"
        media.mkdir(parents=True)
        before = {}
        for name in PICTURES:
            shutil.copy(IMAGES / name, media / name)
            before[name] = (media / name).read_bytes()
            tags = exif_tags(media / name)
            if not gps_tags(tags):
                problems.append(f"{name}: exiftool finds no GPS tag before: the fixture is wrong")
        run = subprocess.run([kreds, "strip-location"], cwd=work, capture_output=True, text=True)
        if run.returncode != 0:
            problems.append(f"strip-location: exit {run.returncode}: {run.stderr.strip()}")
        print("  " + run.stdout.strip().replace("\n", "\n  "))
        for name in PICTURES:
            path = media / name
            after = path.read_bytes()
            tags = exif_tags(path)
            left = gps_tags(tags)
            same = image_chunks(after, name) == image_chunks(before[name], name) and image_chunks(after, name)
            kept = [k for k in ("IFD0:Orientation", "XMP-dc:Title") if k in tags]
            print(f"  {name}: {len(before[name])} -> {len(after)} octets; GPS tags left: {left or 'none'}; "
                  f"image data byte-identical: {bool(same)}; kept: {', '.join(kept) or 'nothing'}")
            if left:
                problems.append(f"{name}: exiftool still finds {left}")
            if not same:
                problems.append(f"{name}: the image data changed")
            if "IFD0:Orientation" not in tags:
                problems.append(f"{name}: the orientation was lost")
            if name != "phone.jpg" and "XMP-dc:Title" not in tags:
                problems.append(f"{name}: the XMP title was lost")
        again = subprocess.run([kreds, "strip-location"], cwd=work, capture_output=True, text=True)
        if "0 cleaned" not in again.stdout or again.returncode != 0:
            problems.append(f"a second run: {again.stdout.strip()} (exit {again.returncode})")

        # --all-metadata
        whole = media / "all.jpg"
        shutil.copy(IMAGES / "phone.jpg", whole)
        run = subprocess.run([kreds, "strip-location", "--all-metadata", "media/foto/all.jpg"], cwd=work,
                             capture_output=True, text=True)
        tags = {k: v for k, v in exif_tags(whole).items()
                if k.split(":")[0] not in ("SourceFile", "ExifTool", "System", "File", "Composite", "JFIF")}
        print(f"  --all-metadata: exiftool finds {sorted(tags)}")
        if run.returncode != 0 or sorted(tags) != ["IFD0:Orientation"]:
            problems.append(f"--all-metadata left {sorted(tags)} (exit {run.returncode})")
        if jpeg_scan(whole.read_bytes()) != jpeg_scan((IMAGES / "phone.jpg").read_bytes()):
            problems.append("--all-metadata changed the compressed data")

        # Bad input: refused, named, untouched.
        cut = media / "cut.jpg"
        cut.write_bytes((IMAGES / "phone.jpg").read_bytes()[:400])
        (media / "notes.jpg").write_text("not a picture\n")
        bad = {"media/foto/cut.jpg": "looks damaged", "media/foto/notes.jpg": "is not a JPEG, PNG or WebP",
               "media/foto/missing.jpg": "does not exist"}
        saved = {p: (work / "content" / p).read_bytes() for p in bad if (work / "content" / p).exists()}
        run = subprocess.run([kreds, "strip-location", *bad], cwd=work, capture_output=True, text=True)
        if run.returncode != 1:
            problems.append(f"bad input: exit {run.returncode}, not 1")
        for path, words in bad.items():
            line = next((l for l in run.stderr.splitlines() if l.startswith(path + ": error: ")), None)
            if not line or words not in line:
                problems.append(f"bad input {path}: no line saying '{words}': {run.stderr.strip()}")
        for path, data in saved.items():
            if (work / "content" / path).read_bytes() != data:
                problems.append(f"bad input {path}: the file was changed")
        print("  bad input: " + " | ".join(run.stderr.strip().splitlines()))
        if os.geteuid() == 0 and shutil.which("runuser"):
            locked = media / "locked.jpg"
            shutil.copy(IMAGES / "phone.jpg", locked)
            locked.chmod(0o444)
            for folder in (work, work / "content", work / "content" / "media", media):
                folder.chmod(0o777)
            run = subprocess.run(["runuser", "-u", "nobody", "--", kreds, "strip-location", "media/foto/locked.jpg"],
                                 cwd=work, capture_output=True, text=True)
            print(f"  read-only, as nobody: {run.stderr.strip()}")
            if run.returncode != 1 or "read-only" not in run.stderr:
                problems.append(f"read-only: exit {run.returncode}: {run.stderr.strip()}")
            if locked.read_bytes() != (IMAGES / "phone.jpg").read_bytes():
                problems.append("read-only: the file was changed")
        leftovers = [p.name for p in media.iterdir() if p.name.endswith(".tmp")]
        if leftovers:
            problems.append(f"temporary files left behind: {leftovers}")
    finally:
        shutil.rmtree(work, ignore_errors=True)
    for p in problems:
        print(f"stripcheck: {p}", file=sys.stderr)
    print(f"stripcheck: {'FAILED' if problems else 'passed'} ({len(problems)} problems)")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
