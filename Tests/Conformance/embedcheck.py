#!/usr/bin/env python3
"""The `embed` check of the conformance gate: the embeddable lists of coming
meetings that partners put on their websites, the snippets that offer them,
and (its "subscribe" part) the calendar subscribe links (SITE.md, issue 20).

Called by gate.py (`gate.py site/ --only embed`); alone:
`python embedcheck.py SITE [--screenshots DIR] [--no-browser]`.
`python embedcheck.py --selftest [--no-browser]` builds a small hand-made
site in a temporary folder, breaks it in many ways and checks that each
finding fires (in Chromium too, unless --no-browser); `--sample DIR` writes
that site's good version to DIR (embed/selftest.py).

An embeddable list is `<events>/<embed>/index.html` (the whole site),
`<networks>/<n>/<embed>/index.html` (a network) or
`<topics>/<t>/<embed>/index.html` (a topic), <embed> being `indlejr` (da) or
`embed` (en). The partners page is `arrangementer/del/` | `events/share/`.

1. The lists, as files: the lists SITE.md asks for are there (this file),
   and each is checked on its own and against its JSON Feed (embed/lists.py).
2. The snippets on the events and network pages, and the partners page
   (embed/snippets.py).
3. Subscribe: the subscribe links of the network, events and calendar pages
   (embed/subscribe.py).
4.-5. In headless Chromium (when gate.py passes a server and a driver): every
   list in a partner's iframe on another origin, and the ?farve=/?skrift=
   parameters, hostile values among them (embed/browser.py).

The site object is builtsite.Site (root, base_url, base_path, lang, words,
rel, url_of, file_of_url, target_of, embed_pages, is_event_page). The
self-test's site uses the theme's own templates/assets/embed.css and
embed.js.
"""

from __future__ import annotations

import sys
import xml.etree.ElementTree as ET
from pathlib import Path

from builtsite import EMBED_FOLDERS
from embed.browser import FRAME_WIDTHS, browser_checks
from embed.lists import check_embed_file
from embed.snippets import check_share_pages
from embed.subscribe import check_subscribe, subscribe_pages
from findings import Findings, Report, print_report
from pages import clear_caches, page_tree

SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"


def sitemap_files(site) -> set[Path]:
    path = site.root / "sitemap.xml"
    out: set[Path] = set()
    try:
        root = ET.parse(path).getroot()
    except (OSError, ET.ParseError):
        return out
    for loc in root.iter(SITEMAP + "loc"):
        target = site.file_of_url((loc.text or "").strip())
        if target is not None:
            out.add(target)
    return out


def owner_of(site, embed: Path) -> Path:
    """The page an embeddable list belongs to: the index.html beside its folder."""
    return embed.parent.parent / "index.html"


def expected_embeds(site) -> list[tuple[str, Path, Path]]:
    """(kind, owner page, list) of the lists SITE.md asks for."""
    w, word = site.words, site.words["embed"]
    out = []
    events = site.root / w["events"] / "index.html"
    if events.is_file():
        out.append(("events", events, events.parent / word / "index.html"))
    for kind, key in (("network", "networks"), ("topic", "topics")):
        folder = site.root / w[key]
        if not folder.is_dir():
            continue
        for page in sorted(folder.glob("*/index.html")):
            if page.parent.name in EMBED_FOLDERS:
                continue
            if kind == "topic" and not any(site.is_event_page(site.target_of(page, a["href"]))
                                           for a in page_tree(page).find_all("a", href=True)):
                continue  # a topic no event uses has no list
            out.append((kind, page, page.parent / word / "index.html"))
    return out


def check_site(site, server=None, shots: Path | None = None, make_driver=None, axe_script=None) -> Report:
    """The `embed` check of gate.py. The browser part only when server and
    make_driver are given (and axe_script, the path of axe.min.js)."""
    report = Report()
    clear_caches()
    in_sitemap = sitemap_files(site)
    expected = expected_embeds(site)
    found = site.embed_pages()
    kinds = {e: k for k, _, e in expected}
    for kind, owner, embed in expected:
        if not embed.is_file():
            report.findings.append(f"{site.rel(embed)}: missing (the embeddable list of the {kind} page "
                                   f"{site.rel(owner)})")
    meetings = 0
    for page in found:
        kind = kinds.get(page)
        if kind is None:
            topics = site.root / site.words["topics"]
            kind = "topic" if page.parent.parent.parent == topics else "other"
            if kind == "topic":
                report.notes.append(f"{site.rel(page)}: a list for a topic whose page links no event")
        meetings += check_embed_file(site, page, kind, owner_of(site, page), in_sitemap, report)
    share_pages = check_share_pages(site, [x for x in expected if x[2].is_file()], in_sitemap, report)
    sub_pages = subscribe_pages(site)
    for page, ics in sub_pages:
        out = Findings(site.rel(page))
        check_subscribe(site, page, ics, out)
        report.findings += out
    if not found:
        report.findings.append(f"no embeddable list: no */{site.words['embed']}/index.html in the site")
    browser = ""
    if found and server is not None and make_driver is not None and axe_script:
        order = sorted(found, key=lambda p: (kinds.get(p) != "events", site.rel(p)))
        counts = browser_checks(site, server, shots, make_driver, axe_script,
                                [(kinds.get(p, "other"), p) for p in order], report)
        browser = (f"; Chromium: {counts['frames']} lists in a partner's iframe on another origin "
                   f"({counts['views']} views at {'/'.join(map(str, FRAME_WIDTHS))} px: {counts['overflow']} "
                   f"scroll sideways, {counts['console']} console errors, {counts['axe']} serious/critical axe "
                   f"violations; {counts['clicks']} links clicked), {counts['params']} parameter cases "
                   f"({counts['hostile']} hostile)" + (f", screenshots in {shots}" if shots else ""))
    report.summary = (f"{len(found)} embeddable lists ({meetings} meetings listed) checked as files, "
                      f"snippets on {share_pages} pages and the partners page"
                      f"{browser}; subscribe: {len(sub_pages)} pages' subscribe links (webcal, Google, "
                      f"Outlook 365, Outlook.com, https, how-tos); {len(report.findings)} problems")
    return report


def main(argv: list[str]) -> int:
    if argv[:1] == ["--selftest"]:
        from embed.selftest import selftest

        return selftest(browser="--no-browser" not in argv)
    if len(argv) == 2 and argv[0] == "--sample":
        from embed.selftest import write_sample

        write_sample(Path(argv[1]))
        print(f"sample site written to {argv[1]}")
        return 0
    import argparse

    ap = argparse.ArgumentParser(description="The embed check of gate.py, alone.")
    ap.add_argument("site", type=Path)
    ap.add_argument("--screenshots", type=Path, default=None)
    ap.add_argument("--no-browser", action="store_true", help="the file checks only")
    args = ap.parse_args(argv)
    from builtsite import Site
    from chromium import axe_script, make_driver
    from localserver import LocalServer

    site = Site(args.site)
    if args.no_browser:
        return print_report(check_site(site))
    with LocalServer.of_site(site) as server:
        return print_report(check_site(site, server=server, shots=args.screenshots, make_driver=make_driver,
                                       axe_script=axe_script()[0]))


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
