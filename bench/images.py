#!/usr/bin/env python3
"""Pictures: Kreds against Hugo on 200 phone photos (issue 18, docs/PERFORMANCE.md).

    python3 bench/images.py --kreds .build/release/kreds [--photos 200] [--work build/bench-images]

Makes --photos distinct 4032 x 3024 JPEGs (12 MP, quality 90, with EXIF like a phone's)
from the example site's photographs (content/media/foto/), each a different crop, mirror
and brightness, scaled up with libvips' `vips` (Debian's libvips-tools). They are kept in
the work folder between runs.

Then builds two sites of the same photos, each photo shown on its own page:

- Kreds: a story per photo with `image:`; Kreds makes 480, 960 and 1600 px WebP and JPEG,
  a 600 px JPEG and a 1200 x 630 crop per photo (docs/CONTENT.md, "Pictures in media/").
- Hugo (Debian's): a page bundle per photo whose single template makes the same files with
  `.Resize "480x webp q75"`, `.Resize "480x jpg q80"`, ... , `.Resize "600x jpg q80"` and
  `.Fill "1200x630 jpg q85 Smart"`, as its documentation shows.

Each is built cold (no cache: Kreds' .kreds-cache and Hugo's resources/_gen removed) and
again warm, once each (the issue asks for a ratio from one run), under /usr/bin/time -v for
the peak memory. Prints the table and the ratios. Standard library, vips and hugo only.
"""

from __future__ import annotations

import argparse
import random
import re
import shutil
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
NOW = "2026-11-23 12:00"
WIDTHS = (480, 960, 1600)

HUGO_TEMPLATE = """{{ define "main" }}{{ $img := .Resources.GetMatch "*.jpg" }}{{ with $img }}
{{ range $w := slice 480 960 1600 }}
<img src="{{ ($img.Resize (printf "%dx webp q75" $w)).RelPermalink }}" alt="">
<img src="{{ ($img.Resize (printf "%dx jpg q80" $w)).RelPermalink }}" alt="">
{{ end }}
<img src="{{ ($img.Resize "600x jpg q80").RelPermalink }}" alt="">
<img src="{{ ($img.Fill "1200x630 jpg q85 Smart").RelPermalink }}" alt="">
{{ end }}{{ end }}
"""
HUGO_BASEOF = """<!DOCTYPE html><html><head><title>{{ .Title }}</title></head>
<body>{{ block "main" . }}{{ end }}</body></html>
"""


def run(cmd: list, cwd: Path | None = None) -> None:
    result = subprocess.run([str(c) for c in cmd], cwd=cwd, capture_output=True, text=True)
    if result.returncode != 0:
        sys.exit(f"{' '.join(map(str, cmd))} failed:\n{result.stdout[-800:]}{result.stderr[-800:]}")


def make_photos(folder: Path, count: int) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    sources = sorted((REPO / "content" / "media" / "foto").glob("*.jpg"))
    if not sources:
        sys.exit("bench/images.py: no photos in content/media/foto/")
    rng = random.Random(18)
    photos = []
    for index in range(count):
        photo = folder / f"p{index:03d}.jpg"
        photos.append(photo)
        if photo.is_file():
            continue
        source = sources[index % len(sources)]
        # A different part of a source each time: a crop, maybe mirrored, a brightness.
        width, height = map(int, subprocess.run(
            ["vipsheader", "-f", "width", str(source)], capture_output=True, text=True
        ).stdout.split() + subprocess.run(
            ["vipsheader", "-f", "height", str(source)], capture_output=True, text=True
        ).stdout.split())
        crop_w = max(64, int(width * rng.uniform(0.6, 0.95)))
        crop_h = min(height, max(48, crop_w * 3 // 4))
        crop_w = crop_h * 4 // 3
        left = rng.randint(0, max(0, width - crop_w))
        top = rng.randint(0, max(0, height - crop_h))
        work = folder / f".w{index}.v"
        run(["vips", "crop", source, work, left, top, crop_w, crop_h])
        if rng.random() < 0.5:
            run(["vips", "flip", work, f"{work}.f.v", "horizontal"])
            Path(f"{work}.f.v").replace(work)
        run(["vips", "linear", work, f"{work}.l.v", rng.uniform(0.85, 1.1), rng.uniform(0, 12),
             "--uchar"])
        run(["vips", "resize", f"{work}.l.v", f"{work}.r.v", 4032 / crop_w, "--vscale",
             3024 / crop_h])
        run(["vips", "copy", f"{work}.r.v", f"{photo}[Q=90,strip]"])
        for leftover in folder.glob(f".w{index}.v*"):
            leftover.unlink()
        if shutil.which("exiftool"):
            run(["exiftool", "-q", "-overwrite_original", "-Make=Apple", "-Model=iPhone 13",
                 "-Orientation#=1", f"-DateTimeOriginal=2026:09:{1 + index % 28:02d} 12:00:00",
                 photo])
    return photos


def kreds_site(root: Path, photos: list[Path]) -> Path:
    content = root / "content"
    if content.is_dir():
        return content
    stories = content / "networks" / "fotos" / "stories"
    stories.mkdir(parents=True)
    (content / "media" / "foto").mkdir(parents=True)
    (content / "site.yaml").write_text(
        "title: Billedbenchmark\nbase_url: https://www.example.dk/\n", encoding="utf-8")
    (content / "networks" / "fotos" / "index.md").write_text(
        "---\ntitle: Fotos\nsummary: Et netværk med mange fotos.\n---\n", encoding="utf-8")
    for photo in photos:
        shutil.copy(photo, content / "media" / "foto" / photo.name)
        (stories / f"{photo.stem}.md").write_text(
            f"---\ntitle: Foto {photo.stem}\ndate: 2026-09-01\nimage: media/foto/{photo.name}\n"
            f"image_alt: Foto {photo.stem}\n---\n\nEt foto.\n", encoding="utf-8")
    return content


def hugo_site(root: Path, photos: list[Path]) -> Path:
    if (root / "hugo.toml").is_file():
        return root
    (root / "layouts" / "_default").mkdir(parents=True)
    (root / "hugo.toml").write_text(
        'baseURL = "https://www.example.dk/"\ntitle = "Billedbenchmark"\n'
        'disableKinds = ["taxonomy", "term", "RSS", "sitemap", "robotsTXT", "404"]\n',
        encoding="utf-8")
    (root / "layouts" / "_default" / "baseof.html").write_text(HUGO_BASEOF, encoding="utf-8")
    (root / "layouts" / "_default" / "single.html").write_text(HUGO_TEMPLATE, encoding="utf-8")
    (root / "layouts" / "_default" / "list.html").write_text(
        '{{ define "main" }}{{ end }}', encoding="utf-8")
    for photo in photos:
        bundle = root / "content" / "stories" / photo.stem
        bundle.mkdir(parents=True)
        shutil.copy(photo, bundle / photo.name)
        (bundle / "index.md").write_text(f"---\ntitle: Foto {photo.stem}\n---\nEt foto.\n",
                                         encoding="utf-8")
    return root


def timed(cmd: list, cwd: Path) -> tuple[float, int]:
    """Wall seconds and peak resident memory (MB) of one run, under /usr/bin/time -v."""
    started = time.monotonic()
    result = subprocess.run(["/usr/bin/time", "-v", *map(str, cmd)], cwd=cwd,
                            capture_output=True, text=True)
    seconds = time.monotonic() - started
    if result.returncode != 0:
        sys.exit(f"{' '.join(map(str, cmd))} failed:\n{result.stdout[-800:]}{result.stderr[-800:]}")
    peak = re.search(r"Maximum resident set size \(kbytes\): (\d+)", result.stderr)
    return seconds, int(peak.group(1)) // 1024 if peak else -1


def count_images(folder: Path) -> int:
    return sum(1 for p in folder.rglob("*") if p.suffix in (".jpg", ".webp") and p.is_file())


def main(argv: list[str]) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--kreds", type=Path, default=REPO / ".build" / "release" / "kreds")
    ap.add_argument("--hugo", default=shutil.which("hugo") or "hugo")
    ap.add_argument("--photos", type=int, default=200)
    ap.add_argument("--work", type=Path, default=REPO / "build" / "bench-images")
    args = ap.parse_args(argv)
    kreds = args.kreds.resolve()
    work = args.work.resolve() / str(args.photos)

    started = time.monotonic()
    photos = make_photos(args.work.resolve() / "photos", args.photos)[: args.photos]
    print(f"{len(photos)} photos of 4032 x 3024 "
          f"({sum(p.stat().st_size for p in photos) / 1e6:.0f} MB) ready in "
          f"{time.monotonic() - started:.0f} s", flush=True)
    content = kreds_site(work / "kreds", photos)
    hugo = hugo_site(work / "hugo", photos)

    rows = []
    kreds_cmd = [kreds, "build", "--content", content, "--output", work / "kreds" / "site",
                 "--now", NOW, "--quiet"]
    shutil.rmtree(work / "kreds" / ".kreds-cache", ignore_errors=True)
    shutil.rmtree(work / "kreds" / "site", ignore_errors=True)
    rows.append(("Kreds", "cold", *timed(kreds_cmd, work / "kreds"),
                 count_images(work / "kreds" / "site" / "media")))
    rows.append(("Kreds", "warm", *timed(kreds_cmd, work / "kreds"),
                 count_images(work / "kreds" / "site" / "media")))
    hugo_cmd = [args.hugo, "--quiet", "--destination", hugo / "public"]
    shutil.rmtree(hugo / "resources", ignore_errors=True)
    shutil.rmtree(hugo / "public", ignore_errors=True)
    rows.append(("Hugo", "cold", *timed(hugo_cmd, hugo), count_images(hugo / "public")))
    rows.append(("Hugo", "warm", *timed(hugo_cmd, hugo), count_images(hugo / "public")))
    version = subprocess.run([args.hugo, "version"], capture_output=True, text=True).stdout.strip()

    print(f"\n{'tool':<6} {'cache':<5} {'wall s':>8} {'peak MB':>8} {'pictures':>9}")
    for tool, cache, seconds, peak, pictures in rows:
        print(f"{tool:<6} {cache:<5} {seconds:8.2f} {peak:8d} {pictures:9d}")
    (kc, kw, hc, hw) = (rows[0][2], rows[1][2], rows[2][2], rows[3][2])
    print(f"\nHugo cold / Kreds cold: {hc / kc:.2f}x (goal >= 3x)")
    print(f"Kreds cold / Kreds warm: {kc / kw:.1f}x (goal >= 20x)")
    print(f"Hugo cold / Hugo warm: {hc / hw:.1f}x")
    print(f"({version})")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
