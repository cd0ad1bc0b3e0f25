#!/usr/bin/env python3
"""The `images` check of the conformance gate: the pictures a site publishes
(issue 18; CONTENT.md, "Pictures in media/"; SITE.md, picture variants).

Called by gate.py (`gate.py site/ --only images`); alone:
`python imagecheck.py SITE`.

1. No metadata: exiftool (Debian's libimage-exiftool-perl) reads every raster
   file of the site in one run (`-j -a -G1`); a file with any tag in the GPS,
   EXIF (IFD0, IFD1, ExifIFD, InteropIFD, SubIFD), XMP, IPTC, Photoshop or
   maker-note groups, or a comment, is a finding naming the file and tags.
   What exiftool says of the file itself (File, System, JFIF, RIFF, PNG,
   Composite sizes) and an ICC profile are allowed.
2. Sizes: og:image (with og:image:width/height), JSON-LD `image`, the pictures
   of Atom entries and JSON Feed items are files of the site; on every HTML page, every <img> has positive integer width and
   height; its src and every srcset candidate of it and of its <picture>'s
   <source> are files of the site; a raster src's real size has the ratio of
   width/height within 1 %; every `Nw` descriptor is its file's real width.
3. Light on a phone: in headless Chromium at 375 x 812 CSS px (device scale
   factor 1), the front page, the first story page and the first event page
   whose .hero-image shows a raster picture: the bytes of pictures fetched
   while loading (Resource Timing, encodedBodySize: http.server does not
   compress) are at most 250,000 per page, and no picture is broken
   (complete with naturalWidth 0). A site with no raster picture skips this
   part with a note.
"""

from __future__ import annotations

import html
import json
import re
import subprocess
import sys
import time
import urllib.parse
from dataclasses import dataclass, field
from pathlib import Path

from findings import Report
from pages import parse_page, parse_text

RASTER = {".jpg", ".jpeg", ".png", ".webp", ".gif", ".tif", ".tiff", ".heic", ".heif", ".avif"}
FORBIDDEN_GROUPS = ("GPS", "IFD0", "IFD1", "ExifIFD", "InteropIFD", "SubIFD", "XMP", "IPTC",
                    "Photoshop", "MakerNotes", "Apple", "Canon", "Nikon", "Sony", "Samsung")
FORBIDDEN_TAGS = ("Comment", "UserComment", "ThumbnailImage", "PreviewImage")
PHONE = {"width": 375, "height": 812, "deviceScaleFactor": 1, "mobile": True}
BUDGET = 250_000


@dataclass
class Img:
    """An <img> of a page, with the <source>s of the <picture> around it."""

    page: Path
    attrs: dict[str, str]
    sources: list[dict[str, str]] = field(default_factory=list)


def exiftool(files: list[Path]) -> dict[Path, dict]:
    """exiftool's JSON of each file, read in batches of 500."""
    found: dict[Path, dict] = {}
    for start in range(0, len(files), 500):
        batch = files[start:start + 500]
        out = subprocess.run(["exiftool", "-j", "-a", "-G1", "-n", *map(str, batch)],
                             capture_output=True, text=True, check=False)
        if not out.stdout.strip():
            raise RuntimeError(f"exiftool read nothing: {out.stderr.strip()[:300]}")
        for entry in json.loads(out.stdout):
            found[Path(entry["SourceFile"])] = entry
    return found


def metadata_tags(entry: dict) -> list[str]:
    bad = []
    for key in entry:
        if ":" not in key:
            continue
        group, tag = key.split(":", 1)
        if group.startswith(FORBIDDEN_GROUPS) or tag in FORBIDDEN_TAGS or tag.startswith("GPS"):
            bad.append(key)
    return bad


def size_of(entry: dict) -> tuple[int, int] | None:
    for group in ("File", "PNG", "RIFF", "GIF", "Composite"):
        w, h = entry.get(f"{group}:ImageWidth"), entry.get(f"{group}:ImageHeight")
        if isinstance(w, int) and isinstance(h, int):
            return w, h
    size = entry.get("Composite:ImageSize")
    if isinstance(size, str) and "x" in size:
        w, h = size.split("x", 1)
        return int(float(w)), int(float(h))
    return None


def candidates(srcset: str) -> list[tuple[str, str]]:
    result = []
    for part in srcset.split(","):
        bits = part.strip().split()
        if bits:
            result.append((bits[0], bits[1] if len(bits) > 1 else ""))
    return result


def check_sizes(site, images: list[Img], facts: dict[Path, dict], report: Report) -> int:
    checked = 0
    for img in images:
        where = site.rel(img.page)
        src = img.attrs.get("src", "")
        width, height = img.attrs.get("width", ""), img.attrs.get("height", "")
        checked += 1
        if not (width.isdigit() and height.isdigit() and int(width) > 0 and int(height) > 0):
            report.findings.append(f"{where}: <img src=\"{src}\"> has no width and height "
                                   f"(width={width!r}, height={height!r})")
            continue
        target = site.target_of(img.page, src)
        if target is None:
            continue  # a picture on another site
        if not target.is_file():
            report.findings.append(f"{where}: <img src=\"{src}\"> is not a file of the site")
            continue
        real = size_of(facts.get(target, {})) if target.suffix.lower() in RASTER else None
        if real and abs(real[0] / real[1] - int(width) / int(height)) > 0.01 * real[0] / real[1]:
            report.findings.append(
                f"{where}: <img src=\"{src}\" width={width} height={height}> but the file is "
                f"{real[0]}x{real[1]}")
        sets = [img.attrs.get("srcset", "")] + [s.get("srcset", "") for s in img.sources]
        for srcset in filter(None, sets):
            for url, descriptor in candidates(srcset):
                file = site.file_of_url(url)
                if file is None:
                    continue
                if not file.is_file():
                    report.findings.append(f"{where}: srcset names {url}, which is not a file")
                    continue
                real = size_of(facts.get(file, {}))
                if descriptor.endswith("w") and real and int(descriptor[:-1]) != real[0]:
                    report.findings.append(
                        f"{where}: srcset says {url} is {descriptor} but it is {real[0]} px wide")
    return checked


def check_elsewhere(site, facts: dict[Path, dict], report: Report) -> int:
    """Pictures named outside <img>: og:image (with its width and height) on every page, the
    pictures of Atom entries, and `image` of JSON Feed items and of JSON-LD events: each a
    file of the site, with the size said."""
    named = 0
    for page in site.html_pages():
        text = page.read_text(encoding="utf-8")
        meta = dict(re.findall(r'<meta property="(og:image(?::width|:height)?)" content="([^"]*)"', text))
        urls = [(meta["og:image"], meta.get("og:image:width"), meta.get("og:image:height"))] if "og:image" in meta else []
        for block in re.findall(r'<script type="application/ld\+json">(.*?)</script>', text, re.S):
            urls += [(u, None, None) for u in re.findall(r'"image":\s*"([^"]+)"', block)]
        for url, width, height in urls:
            named += 1
            report.findings += picture_findings(site, facts, site.rel(page), html_unescape(url), width, height)
    for feed in list(site.root.rglob("*.xml")) + list(site.root.rglob("*.json")):
        text = feed.read_text(encoding="utf-8", errors="replace")
        found = re.findall(r'&lt;img src=&quot;([^&]+)&quot;', text) if feed.suffix == ".xml" else []
        if feed.suffix == ".json":
            found = re.findall(r'"image":\s*"([^"]+)"', text)
        for url in found:
            named += 1
            report.findings += picture_findings(site, facts, site.rel(feed), url, None, None)
    return named


def html_unescape(text: str) -> str:
    return html.unescape(text)


def picture_findings(site, facts, where: str, url: str, width, height) -> list[str]:
    target = site.file_of_url(url)
    if target is None:
        return []
    if not target.is_file():
        return [f"{where}: names the picture {url}, which is not a file of the site"]
    real = size_of(facts.get(target, {}))
    if width and height and real and (int(width), int(height)) != real:
        return [f"{where}: says {url} is {width}x{height} but it is {real[0]}x{real[1]}"]
    return []


def photo_page(site, key: str) -> Path | None:
    """The first page of a section whose hero figure shows a raster picture."""
    for page in site.section_pages(key):
        text = page.read_text(encoding="utf-8")
        start = text.find('class="hero-image')
        if start < 0:
            continue
        figure = parse_text(text[start:text.find("</figure>", start)])
        if any(Path(urllib.parse.urlsplit(attrs.get("src", "")).path).suffix.lower() in RASTER
               for attrs, _ in figure.images):
            return page
    return None


def phone_transfer(site, server, make_driver, pages: list[Path], report: Report) -> list[str]:
    figures = []
    driver = make_driver()
    try:
        driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", PHONE)
        driver.execute_cdp_cmd("Network.enable", {})
        driver.execute_cdp_cmd("Network.setCacheDisabled", {"cacheDisabled": True})
        for page in pages:
            url = server.url_of(site, page)
            driver.get(url)
            deadline = time.monotonic() + 20
            while time.monotonic() < deadline:
                done = driver.execute_script(
                    "return document.readyState === 'complete' && Array.from(document.images)"
                    ".filter(i => i.loading !== 'lazy').every(i => i.complete)")
                if done:
                    break
                time.sleep(0.1)
            time.sleep(0.3)
            loaded = driver.execute_script("""
                const pictures = /\\.(jpe?g|png|webp|gif|svg|avif|heic)(\\?|$)/i;
                return performance.getEntriesByType('resource')
                  .filter(e => e.initiatorType === 'img' || pictures.test(e.name))
                  .map(e => [e.name, e.encodedBodySize]);""")
            broken = driver.execute_script(
                "return Array.from(document.images).filter(i => i.complete && i.naturalWidth === 0)"
                ".map(i => i.currentSrc || i.src)")
            total = sum(size for _, size in loaded)
            where = site.rel(page)
            figures.append(f"{where} {total / 1000:.0f} KB in {len(loaded)}")
            if total > BUDGET:
                biggest = sorted(loaded, key=lambda e: -e[1])[:3]
                report.findings.append(
                    f"{where}: {total} bytes of pictures at 375 px (at most {BUDGET}); largest: "
                    + ", ".join(f"{urllib.parse.urlsplit(n).path} {s}" for n, s in biggest))
            for src in broken:
                report.findings.append(f"{where}: the picture {src} does not show (broken)")
    finally:
        driver.quit()
    return figures


def check_site(site, server, make_driver) -> Report:
    report = Report()
    rasters = sorted(p for p in site.root.rglob("*") if p.suffix.lower() in RASTER and p.is_file())
    facts = exiftool(rasters) if rasters else {}
    for path in rasters:
        bad = metadata_tags(facts.get(path, {}))
        if bad:
            report.findings.append(f"{site.rel(path)}: metadata left in: {', '.join(bad[:8])}")
    images: list[Img] = []
    for page in site.html_pages():
        images += [Img(page, attrs, sources) for attrs, sources in parse_page(page).images]
    checked = check_sizes(site, images, facts, report)
    named = check_elsewhere(site, facts, report)
    summary = (f"{len(rasters)} pictures read by exiftool, {checked} <img> on "
               f"{len(site.html_pages())} pages, {named} in og:image, JSON-LD and feeds")
    if not rasters:
        report.notes.append("no raster picture in the site: the phone check is skipped")
        report.summary = summary
        return report
    pages = [site.root / "index.html"]
    for key in ("stories", "events"):
        page = photo_page(site, key)
        if page is None:
            report.findings.append(f"no {key} page shows a raster picture in its .hero-image")
        else:
            pages.append(page)
    figures = phone_transfer(site, server, make_driver, pages, report)
    report.summary = summary + "; at 375 px: " + ", ".join(figures)
    return report


def main(argv: list[str]) -> int:
    from localserver import run_alone

    return run_alone(check_site, "images", argv)

if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
