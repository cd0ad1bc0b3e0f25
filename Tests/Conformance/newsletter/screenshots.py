"""Screenshots of newsletters in headless Chromium (when gate.py passes a
driver): each network's newest issue and the newest site-wide one, email.html
at 600 and 320 px wide (links and images under the base URL served by the
gate's local server, every other host blocked): full-page PNGs
newsletter-<slug>-600.png / -320.png; scrolling sideways at 320 px or an
image wider than the viewport is a finding.
"""

from __future__ import annotations

import tempfile
import urllib.parse
from pathlib import Path

from chromium import save_full_page, too_wide
from findings import Report

from .email_html import CONDITIONAL, MAX_WIDTH, EmailParser
from .issues import Issue

SHOT_WIDTHS = (600, 320)


def render_copy(site, server, html_path: Path, tmp: Path) -> tuple[Path, list[str]]:
    """email.html with the base URL pointing at the local server; the other
    hosts it would load from, to block."""
    text = html_path.read_text(encoding="utf-8", errors="replace")
    text = text.replace(site.base_url, server.base)
    p = EmailParser()
    p.feed(CONDITIONAL.sub("", text))
    hosts = set()
    for tag, attr, value, _ in p.urls:
        if tag == "a" and attr == "href":
            continue
        parts = urllib.parse.urlsplit(value.strip())
        if parts.scheme in ("http", "https") and parts.netloc and not value.startswith(server.origin):
            hosts.add(parts.netloc)
    copy = tmp / f"{len(list(tmp.iterdir()))}.html"
    copy.write_text(text, encoding="utf-8")
    return copy, sorted(hosts)


def screenshots(site, server, shots: Path, make_driver, picks: list[Issue], report: Report) -> int:
    shots.mkdir(parents=True, exist_ok=True)
    for old in shots.glob("newsletter-*.png"):
        old.unlink()
    views, names = 0, set()
    driver = make_driver()
    try:
        driver.execute_cdp_cmd("Network.enable", {})
        # As on a phone: a scrollbar takes no width (else 320 px would be 305).
        driver.execute_cdp_cmd("Emulation.setScrollbarsHidden", {"hidden": True})
        with tempfile.TemporaryDirectory() as tmp:
            for issue in picks:
                html_path = issue.folder / "email.html"
                if not html_path.is_file():
                    continue
                rel = site.rel(html_path)
                name = issue.slug if issue.slug not in names else f"{issue.network}-{issue.slug}"
                names.add(name)
                copy, hosts = render_copy(site, server, html_path, Path(tmp))
                driver.execute_cdp_cmd("Network.setBlockedURLs",
                                       {"urls": [f"*://{h}/*" for h in hosts] or ["*://blocked.invalid/*"]})
                for width in SHOT_WIDTHS:
                    views += 1
                    driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", {
                        "width": width, "height": 900, "deviceScaleFactor": 1, "mobile": False})
                    driver.get(copy.as_uri())
                    scroll_w, client_w, scroll_h, inner_w, images = driver.execute_script(
                        "const e = document.documentElement;"
                        "const imgs = [...document.images].map(i => [i.getAttribute('src') || '',"
                        "  Math.round(i.getBoundingClientRect().width), i.naturalWidth]);"
                        "return [e.scrollWidth, e.clientWidth, e.scrollHeight, window.innerWidth, imgs];")
                    where = f"{rel} @{width}px"
                    if width < MAX_WIDTH and scroll_w > client_w:
                        report.findings.append(f"{where}: scrolls sideways: scrollWidth {scroll_w} > clientWidth "
                                               f"{client_w}; too wide: {', '.join(too_wide(driver))}")
                    for src, shown, natural in images:
                        if shown > client_w:
                            src = src.replace(server.base, site.base_url)
                            report.findings.append(f"{where}: image {src[-60:]} is {shown} px wide, wider than "
                                                   f"the viewport ({client_w} px)")
                    save_full_page(driver, shots / f"newsletter-{name}-{width}.png", max(scroll_w, inner_w), scroll_h)
    finally:
        driver.quit()
    return views
