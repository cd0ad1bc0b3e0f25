#!/usr/bin/env python3
"""The `embed` check of the conformance gate: the embeddable lists of coming
meetings that partners put on their websites, the snippets that offer them,
and (its "subscribe" part) the calendar subscribe links (SITE.md, issue 20).

Called by gate.py (`gate.py site/ --only embed`); alone:
`python embedcheck.py SITE [--screenshots DIR] [--no-browser]`.
`python embedcheck.py --selftest [--no-browser]` builds a small hand-made
site in a temporary folder, breaks it in many ways and checks that each
finding fires (in Chromium too, unless --no-browser); `--sample DIR` writes
that site's good version to DIR.

An embeddable list is `<events>/<embed>/index.html` (the whole site),
`<networks>/<n>/<embed>/index.html` (a network) or
`<topics>/<t>/<embed>/index.html` (a topic), <embed> being `indlejr` (da) or
`embed` (en). The partners page is `arrangementer/del/` | `events/share/`.

1. The lists, as files: one for the events page, for every network page and
   for every topic page that links to an event, each belonging to a page of
   the site; page + assets/embed.css + assets/embed.js under 30 KB (30,720
   octets); <html lang>; <meta name="robots" content="noindex">; one
   <base target="_top">; target="_top" on every <a>; strict-CSP-safe markup:
   no inline <script> (every script external, and only assets/embed.js), no
   <style> element, no style attribute, no on* attribute, no javascript:
   URL; assets/embed.css linked; not in sitemap.xml. Content: at most 10
   li.embed-event, in order of data-occurrence-start, each with an
   a.embed-link to an event page (of the network or topic, for theirs) and a
   <time datetime>, a cancelled or postponed one with .embed-status; or
   .embed-empty; h1.embed-title linking the page the list belongs to;
   .embed-more with a link of the site. Each list shows the first 10
   meetings (event and start) of the matching JSON Feed, in order: the
   whole site's kalender.json / calendar.json for the events page's list,
   the network's for a network's, and for a topic's the site's meetings of
   the events whose pages link the topic page (the feeds hold the meetings
   ending after the build time; the jsonfeed check holds them against the
   .ics).
2. The snippets: the events page, and every network page whose snippet the
   partners page lists, show their list in an <iframe> (with a title) and
   give the code, `<iframe src="ABSOLUTE URL OF THE LIST"`, in a <pre> or
   <code> that is not hidden and that, pasted into a page, is one <iframe>
   with that src and the preview's title (the escaping of a title with
   < & " survives), and link to the partners page. A network that has ended
   offers none of the three on its page and is not on the partners page
   (its list itself still exists): a network page that offers any of them
   while the partners page lists no snippet for it, or one the partners page
   lists that offers none, is a finding. The partners page exists, is in the
   sitemap and not noindex, has the whole site's snippet (and preview
   iframe), each network snippet it lists pasting as one <iframe>, and an
   element with id="json" (the JSON Feed's _kreds.about points there).
3. Subscribe: every network page, the events page and every calendar page
   (<calendar>/index.html and its months) has a section.subscribe with a
   webcal:// link, a https://calendar.google.com/calendar/r?cid= link whose
   cid is that webcal URL, https://outlook.office.com/calendar/0/addfromweb
   and https://outlook.live.com/calendar/0/addfromweb links whose url is the
   https address (and that have a name), and the https address itself (a
   link or text); the address is the page's .ics (the network's own for a
   network page, the whole site's otherwise), a file of the site; each of
   the five with a <details> how-to (<summary> and a line of text) in its
   list item.
4. In headless Chromium (when gate.py passes a server and a driver): the
   site is served by gate.py's LocalServer (origin A), which sends the lists
   with a strict Content-Security-Policy (gate.EMBED_CSP); a second
   LocalServer (origin B) serves partner pages, each holding one list in
   `<iframe style="width:300px;height:600px;border:0">`. For every list,
   inside the frame: the meetings (or the empty message) visible, no
   sideways scrolling at 300 and at 280 px (scrollbars hidden, as on a
   phone), no console error (level SEVERE: a CSP violation is one), no
   serious or critical axe-core violation; clicking the first meeting's link
   (the "more" link of an empty list) makes the TOP window show that page on
   origin A. Screenshots embed-partner-300.png and -280.png of the whole
   site's list on the partner page.
5. Parameters, on one list with meetings, loaded at 300 px: no parameter
   gives the default accent #0a5c51 on .embed-link; ?farve=0b4f3f&skrift=serif
   gives rgb(11, 79, 63) on .embed-link, the title link and the first
   scheduled meeting's left border, class font-serif on <html> and a serif body font; ?colour=,
   ?color= (3 digits), upper-case digits, ?font=sans|system likewise. Hostile
   values (CSS injection, markup, javascript:) must give exactly the
   default's computed colours, backgrounds and font, no font-* class, no
   alert, and not appear in document.documentElement.outerHTML; these load
   with the CSP bypassed, so that a DOM injection would show.

The site object is gate.py's Site (root, base_url, base_path, lang, words,
rel, url_of, file_of_url); this module imports gate.py only inside
functions (its LocalServer for origin B, and Site etc. to run alone), since
gate.py imports it. The self-test's site uses the theme's own
templates/assets/embed.css and embed.js.
"""

from __future__ import annotations

import functools
import html
import json
import re
import sys
import tempfile
import time
import urllib.parse
import xml.etree.ElementTree as ET
from datetime import datetime, timezone
from pathlib import Path

from findings import Findings, Report, case_passes, listed, print_report, selftest_result
from screenshot import save_full_page

EMBED_WORD = {"da": "indlejr", "en": "embed"}
EMBED_FOLDERS = ("indlejr", "embed")
SHARE_WORD = {"da": "del", "en": "share"}  # under the events folder
SIZE_LIMIT = 30 * 1024  # octets: page + embed.css + embed.js
MAX_EVENTS = 10
SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
DEFAULT_ACCENT = "rgb(10, 92, 81)"  # #0a5c51, the theme's green
FRAME_WIDTHS = (300, 280)
HOST_WIDTH = 360  # px: the partner page around a 300 px iframe
OUTLOOK_PATH = "/calendar/0/addfromweb"

# (query, accent as computed, font class or None, serif body font wanted)
GOOD_PARAMS = [
    ("farve=0b4f3f&skrift=serif", "rgb(11, 79, 63)", "serif", True),
    ("colour=ab1234", "rgb(171, 18, 52)", None, False),
    ("color=0b4&font=sans", "rgb(0, 187, 68)", "sans", False),
    ("farve=0B4F3F&skrift=system", "rgb(11, 79, 63)", "system", False),
]
HOSTILE_PARAMS = [
    "farve=red;background:url(javascript:alert(1))",
    "farve=%22%3E%3Cscript%3Ealert(1)%3C/script%3E",
    "skrift=x%22%20onload%3D%22alert(1)",
    "farve=0b4f3f%3Bbackground%3Ared",
    "farve=javascript:alert(1)",
    "colour=%23ab1234",
    "skrift=serif%3Bcolor%3Ared",
    "farve=0b4f3f00",
    "skrift=%3Cimg%20src%3Dx%20onerror%3Dalert(1)%3E",
]

# The computed style the parameters may change; hostile values must leave it as without them.
STYLE_JS = """
const q = (s) => document.querySelector(s);
const cs = (el, p) => el ? getComputedStyle(el).getPropertyValue(p).trim() : null;
const html = document.documentElement, body = document.body;
const li = q('li.embed-event:not(.is-cancelled):not(.is-postponed)');  // those may have an edge of their own
return {
  link: cs(q('.embed-link') || q('.embed-more a'), 'color'),
  title: cs(q('.embed-title a') || q('.embed-title'), 'color'),
  border: cs(li, 'border-left-color'),
  font: cs(body, 'font-family'),
  accent: cs(html, '--embed-accent'),
  htmlClass: html.className,
  htmlBg: cs(html, 'background-color') + ' ' + cs(html, 'background-image'),
  bodyBg: cs(body, 'background-color') + ' ' + cs(body, 'background-image'),
  bodyColor: cs(body, 'color'),
};
"""
WIDE_JS = """
const w = document.documentElement.clientWidth; const found = [];
for (const el of document.querySelectorAll('body *')) {
  const r = el.getBoundingClientRect(), st = getComputedStyle(el);
  const spills = el.scrollWidth > el.clientWidth + 1 && st.overflowX === 'visible' && el.clientWidth > 0;
  if ((r.right > w + 0.5 || spills) && st.position !== 'fixed') found.push([el, r, spills]);
}
// The innermost ones: an ancestor's box holds what spills out of its children.
const innermost = found.filter(([el]) => !found.some(([o]) => o !== el && el.contains(o)));
return innermost.slice(0, 5).map(([el, r, spills]) =>
  el.tagName.toLowerCase() + (el.className ? '.' + String(el.className).trim().split(/\\s+/).join('.') : '')
  + (spills ? ' (its content is ' + el.scrollWidth + ' px wide)' : ' (right edge ' + Math.round(r.right) + ')'));
"""


# --------------------------------------------------------------------------
# Pages, parsed by the HTML5 algorithm (html5lib through BeautifulSoup)


@functools.lru_cache(maxsize=None)
def soup(path: Path):
    from bs4 import BeautifulSoup

    return BeautifulSoup(path.read_text(encoding="utf-8", errors="replace"), "html5lib")


def text_of(el) -> str:
    return re.sub(r"\s+", " ", el.get_text(" ")).strip() if el is not None else ""


def classes(el) -> list[str]:
    c = el.get("class") or []
    return c if isinstance(c, list) else str(c).split()


def target_file(site, page: Path, href: str) -> Path | None:
    """The file of the site a link of `page` leads to (None: elsewhere)."""
    return site.file_of_url(urllib.parse.urljoin(site.url_of(page), href.strip()))


def is_noindex(path: Path) -> bool:
    for m in soup(path).find_all("meta"):
        if (m.get("name") or "").strip().lower() == "robots" and \
                "noindex" in re.split(r"[\s,]+", (m.get("content") or "").lower()):
            return True
    return False


def hidden_ancestor(el) -> str | None:
    """Why an element is not shown, if an ancestor (or itself) hides it."""
    for a in [el] + list(el.parents):
        name = getattr(a, "name", None)
        if name is None or name == "[document]":
            continue
        if a.has_attr("hidden"):
            return f"<{name} hidden>"
        if (a.get("aria-hidden") or "").lower() == "true":
            return f'<{name} aria-hidden="true">'
        if name in ("template", "noscript", "textarea", "script"):
            return f"<{name}>"
        if re.search(r"display\s*:\s*none|visibility\s*:\s*hidden", a.get("style") or "", re.I):
            return f"<{name} style={a.get('style')!r}>"
    return None


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


def embed_word(site) -> str:
    return EMBED_WORD.get(site.lang, "embed")


def find_embeds(site) -> list[Path]:
    return sorted(p for p in site.root.rglob("index.html") if p.parent.name in EMBED_FOLDERS)


def is_event_page(site, path: Path | None) -> bool:
    events = site.root / site.words["events"]
    return (path is not None and path.name == "index.html" and path.parent.parent == events
            and path.parent.name not in EMBED_FOLDERS + (SHARE_WORD.get(site.lang, "share"),)
            and path.is_file())


def owner_of(site, embed: Path) -> Path:
    """The page an embeddable list belongs to: the index.html beside its folder."""
    return embed.parent.parent / "index.html"


def expected_embeds(site) -> list[tuple[str, Path, Path]]:
    """(kind, owner page, list) of the lists SITE.md asks for."""
    w, word = site.words, embed_word(site)
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
            if kind == "topic" and not any(is_event_page(site, target_file(site, page, a["href"]))
                                           for a in soup(page).find_all("a", href=True)):
                continue  # a topic no event uses has no list
            out.append((kind, page, page.parent / word / "index.html"))
    return out


# --------------------------------------------------------------------------
# 1. The lists, as files


ISO = re.compile(r"^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})?)?$")


def moment(value: str) -> datetime:
    """A date or date-time of ISO 8601 as an aware datetime (a date: its midnight, UTC)."""
    if "T" not in value:
        value += "T00:00:00+00:00"
    d = datetime.fromisoformat(value.replace("Z", "+00:00"))
    return d if d.tzinfo else d.replace(tzinfo=timezone.utc)


def same_start(a: str, b: str) -> bool:
    """Two starts agree: the same instant, or a date and a date-time of that (local) day."""
    if "T" in a and "T" in b:
        return moment(a) == moment(b)
    return a[:10] == b[:10]


def feed_of(site, kind: str, owner: Path) -> Path | None:
    """The JSON Feed whose meetings a list shows (SITE.md): the whole site's
    for the events page's list and a topic's (of the events whose pages link
    the topic), the network's for a network's."""
    name = site.words["calendar"] + ".json"
    if kind in ("events", "topic"):
        return site.root / name
    if kind == "network":
        return owner.parent / name
    return None


def links_to(site, page: Path | None, owner: Path) -> bool:
    return page is not None and page.is_file() and any(
        target_file(site, page, a["href"]) == owner for a in soup(page).find_all("a", href=True))


def compare_with_feed(site, feed: Path, shown: list[tuple[Path | None, str]], out: Findings,
                      topic: Path | None = None) -> None:
    """The list shows the first (up to 10) meetings of the matching JSON Feed,
    by start (of the events whose pages link `topic`, when given)."""
    try:
        data = json.loads(feed.read_text(encoding="utf-8"))
        meetings = [(site.file_of_url(item.get("url", "")), m.get("startDate", ""))
                    for item in data.get("items", [])
                    for m in (item.get("_kreds") or {}).get("meetings", [])]
        meetings = [m for m in meetings if ISO.match(m[1]) and (topic is None or links_to(site, m[0], topic))]
        meetings.sort(key=lambda m: moment(m[1]))
    except (OSError, ValueError, AttributeError, TypeError):
        return  # the jsonfeed check reports a broken feed
    want = meetings[:MAX_EVENTS]
    rel = site.rel(feed) + (f" (events linking {site.rel(topic)})" if topic else "")
    if len(shown) != len(want):
        out.add(f"lists {len(shown)} meetings, but {rel} has {len(meetings)} (so {len(want)} should be listed)")
    for n, ((page, start), (wpage, wstart)) in enumerate(zip(shown, want), 1):
        if page != wpage or not ISO.match(start) or not same_start(start, wstart):
            out.add(f"meeting {n} is {site.rel(page) if page else '?'} at {start}, but coming meeting no. {n} "
                    f"in {rel} is {site.rel(wpage) if wpage else '?'} at {wstart}")
            break


def check_embed_file(site, page: Path, kind: str, owner: Path, in_sitemap: set[Path], report: Report) -> int:
    """Checks one list; the number of meetings it lists."""
    feed = feed_of(site, kind, owner)
    out = Findings(site.rel(page))
    doc = soup(page)
    assets = site.root / "assets"
    css, js = assets / "embed.css", assets / "embed.js"
    size = page.stat().st_size + sum(p.stat().st_size for p in (css, js) if p.is_file())
    if size >= SIZE_LIMIT:
        out.add(f"page + assets/embed.css + assets/embed.js are {size:,} octets, not under 30 KB ({SIZE_LIMIT:,})")
    html_el = doc.find("html")
    lang = (html_el.get("lang") or "") if html_el else ""
    if lang.split("-")[0] != site.lang:
        out.add(f"<html lang={lang!r}>, not the site's language {site.lang!r}")
    if not is_noindex(page):
        out.add('no <meta name="robots" content="noindex">')
    bases = doc.find_all("base")
    if len(bases) != 1 or bases[0].get("target") != "_top" or bases[0].find_parent("head") is None:
        out.add(f'needs exactly one <base target="_top"> in <head>, has '
                f'{", ".join(str(b) for b in bases) or "none"}')
    elif bases[0].get("href") is not None:
        out.add(f"<base> has href={bases[0].get('href')!r}: it must only set the target")
    bad_targets = [f"{a.get('href')!r} ({a.get('target')!r})" for a in doc.find_all("a")
                   if a.get("target") != "_top"]
    if bad_targets:
        out.add(f'{len(bad_targets)} <a> without target="_top": {listed(bad_targets, 4)}')
    # Strict CSP: no inline script or style of any kind.
    for script in doc.find_all("script"):
        src = script.get("src")
        if not src:
            out.add(f"inline <script>: {text_of(script)[:60]!r} (a strict CSP blocks it; only assets/embed.js)")
            continue
        if script.get_text().strip():
            out.add(f"<script src={src!r}> has inline content")
        if target_file(site, page, src) != js:
            out.add(f"<script src={src!r}>: the only script may be assets/embed.js")
    if doc.find_all("style"):
        out.add(f"{len(doc.find_all('style'))} <style> element(s) (a strict CSP blocks them; use assets/embed.css)")
    styled = [el.name for el in doc.find_all(style=True)]
    if styled:
        out.add(f"style attribute on {len(styled)} element(s): {listed(styled, 4)} (a strict CSP blocks them)")
    handlers = sorted({f"{el.name} {k}" for el in doc.find_all(True) for k in el.attrs if k.lower().startswith("on")})
    if handlers:
        out.add(f"event handler attributes: {listed(handlers, 4)}")
    for el in doc.find_all(True):
        for k in ("href", "src", "action", "formaction"):
            if re.match(r"\s*javascript:", el.get(k) or "", re.I):
                out.add(f"<{el.name} {k}={el.get(k)!r}>")
    sheets = [target_file(site, page, l["href"]) for l in doc.find_all("link", href=True)
              if "stylesheet" in [r.lower() for r in (l.get("rel") or [])]]
    if css not in sheets:
        out.add("does not link assets/embed.css")
    for sheet in sheets:
        if sheet is not None and not sheet.is_file():
            out.add(f"links the stylesheet {site.rel(sheet)}, which the site does not have")
    if not css.is_file():
        report.findings.append("assets/embed.css: missing")
    if not js.is_file():
        report.findings.append("assets/embed.js: missing")
    if page in in_sitemap:
        out.add("is listed in sitemap.xml (an embeddable list must not be)")

    # Content
    if not owner.is_file():
        out.add(f"belongs to no page: the site has no {site.rel(owner)}")
    title = doc.select_one("h1.embed-title")
    title_link = title.find("a", href=True) if title else None
    if title_link is None:
        out.add("no h1.embed-title with a link")
    elif target_file(site, page, title_link["href"]) != owner:
        out.add(f"h1.embed-title links {title_link['href']!r}, not the page it belongs to "
                f"({site.url_of(owner)})")
    items = doc.select("li.embed-event")
    empty = doc.select(".embed-empty")
    if not items and not empty:
        out.add("neither li.embed-event nor .embed-empty")
    if items and empty:
        out.add("has both meetings (li.embed-event) and .embed-empty")
    if empty and not text_of(empty[0]):
        out.add(".embed-empty has no text")
    if len(items) > MAX_EVENTS:
        out.add(f"lists {len(items)} meetings, more than {MAX_EVENTS}")
    starts: list[datetime] = []
    listed_meetings: list[tuple[Path | None, str]] = []
    owner_url = site.url_of(owner)
    for n, li in enumerate(items, 1):
        link = li.select_one("a.embed-link[href]")
        where = f"meeting {n}"
        if link is None:
            out.add(f"{where}: no a.embed-link")
        else:
            where = f"meeting {n} ({text_of(link)[:40]})"
            target = target_file(site, page, link["href"])
            if not is_event_page(site, target):
                out.add(f"{where}: a.embed-link {link['href']!r} is not an event page of the site")
            elif kind in ("network", "topic") and not links_to(site, target, owner):
                out.add(f"{where}: the event page {site.rel(target)} does not link {owner_url}: "
                        f"not a meeting of this {kind}?")
        start = li.get("data-occurrence-start") or ""
        try:
            starts.append(moment(start))
        except ValueError:
            out.add(f"{where}: data-occurrence-start {start!r} is not an ISO 8601 date or date-time")
        end = li.get("data-occurrence-end") or ""
        if not ISO.match(end):
            out.add(f"{where}: data-occurrence-end {end!r} is not an ISO 8601 date or date-time")
        elif ISO.match(start) and len(start) == len(end) and moment(end) < moment(start):
            out.add(f"{where}: data-occurrence-end {end} is before its start {start}")
        listed_meetings.append((target_file(site, page, link["href"]) if link is not None else None, start))
        if li.find("time", datetime=True) is None:
            out.add(f"{where}: no <time datetime>")
        status = li.select_one(".embed-status")
        flagged = {"is-cancelled", "is-postponed"} & set(classes(li))
        if flagged and (status is None or not text_of(status)):
            out.add(f"{where}: {'/'.join(sorted(flagged))} but no .embed-status text")
        if status is not None and not flagged:
            out.add(f"{where}: .embed-status {text_of(status)!r} but neither is-cancelled nor is-postponed")
    if any(b < a for a, b in zip(starts, starts[1:])):
        out.add("the meetings are not in order of start (data-occurrence-start)")
    if feed is not None and feed.is_file():
        compare_with_feed(site, feed, listed_meetings, out, topic=owner if kind == "topic" else None)
    more = doc.select_one(".embed-more a[href]")
    if more is None:
        out.add("no .embed-more link")
    else:
        t = target_file(site, page, more["href"])
        if t is None or not t.is_file():
            out.add(f".embed-more links {more['href']!r}, not a page of the site")
    report.findings += out
    return len(items)


# --------------------------------------------------------------------------
# 2. The snippets on the events and network pages; the partners page


def check_snippet(site, page: Path, embed: Path, share: Path, out: Findings, need_share_link: bool = True) -> None:
    doc = soup(page)
    embed_url = site.url_of(embed)
    frames = [f for f in doc.find_all("iframe", src=True) if target_file(site, page, f["src"]) == embed]
    if not frames:
        srcs = [f.get("src") for f in doc.find_all("iframe")]
        out.add(f"no <iframe> showing its list {embed_url} (iframes: {listed(srcs, 3) if srcs else 'none'})")
    for f in frames:
        if not (f.get("title") or "").strip():
            out.add(f"<iframe src={f['src']!r}> has no title")
    wanted = f'<iframe src="{embed_url}"'
    codes = [c for c in doc.find_all(["pre", "code"]) if wanted in c.get_text()]
    if not codes:
        near = [text_of(c)[:70] for c in doc.find_all(["pre", "code"]) if "<iframe" in c.get_text()]
        out.add(f"no <pre>/<code> snippet holding {wanted}" + (f" (found: {listed(near, 2)})" if near else ""))
    elif all(hidden_ancestor(c) for c in codes):
        out.add(f"the snippet {wanted} is hidden by {hidden_ancestor(codes[0])}")
    else:
        check_pasted(codes[0].get_text(), embed_url, frames[0].get("title") if frames else None, out)
    if need_share_link and not any(target_file(site, page, a["href"]) == share
                                   for a in doc.find_all("a", href=True)):
        out.add(f"does not link the partners page {site.url_of(share)}")


SNIPPET_ATTRS = {"src", "title", "style", "loading", "width", "height", "class", "name", "allow",
                 "referrerpolicy", "sandbox", "frameborder", "scrolling"}


def check_pasted(code: str, embed_url: str, preview_title: str | None, out: Findings) -> None:
    """The snippet's text, pasted into a partner's page, is one <iframe> of the
    list, with the title the preview has (its escaping survives a paste)."""
    from bs4 import BeautifulSoup

    body = BeautifulSoup(f"<!DOCTYPE html><body>{code.strip()}</body>", "html5lib").body
    elements = body.find_all(True)
    frames = [e for e in elements if e.name == "iframe"]
    shown = code.strip()[:90]
    if len(frames) != 1 or len(elements) != 1 or body.find(string=lambda t: t.strip(), recursive=False):
        out.add(f"the snippet, pasted into a page, is not one <iframe>: {listed([e.name for e in elements], 4)} "
                f"({shown!r})")
        return
    frame = frames[0]
    if frame.get("src") != embed_url:
        out.add(f"the snippet, pasted, has src={frame.get('src')!r}, not {embed_url}")
    extra = sorted(set(frame.attrs) - SNIPPET_ATTRS)
    if extra:
        out.add(f"the snippet's <iframe> has unexpected attributes {listed(extra, 4)} ({shown!r})")
    title = (frame.get("title") or "").strip()
    if not title:
        out.add("the snippet's <iframe> has no title (a partner's page would fail WCAG 4.1.2)")
    elif preview_title is not None and title != preview_title.strip():
        out.add(f"the snippet's <iframe>, pasted, has the title {title!r}, the preview {preview_title.strip()!r}: "
                f"escaped once too few or too many times?")


def snippet_code(site, page: Path, embed: Path) -> str | None:
    """The text of the <pre> or <code> of `page` that gives the snippet of `embed`, if any."""
    wanted = f'<iframe src="{site.url_of(embed)}"'
    return next((c.get_text() for c in soup(page).find_all(["pre", "code"]) if wanted in c.get_text()), None)


def offers_snippet(site, page: Path, embed: Path, share: Path) -> list[str]:
    """What of the snippet a page offers: its code, a preview of the list, a partners link."""
    doc = soup(page)
    found = []
    if snippet_code(site, page, embed) is not None:
        found.append("the snippet")
    if any(target_file(site, page, f["src"]) == embed for f in doc.find_all("iframe", src=True)):
        found.append("a preview <iframe>")
    if any(target_file(site, page, a["href"]) == share for a in doc.find_all("a", href=True)):
        found.append("a link to the partners page")
    return found


def check_share_pages(site, embeds: list[tuple[str, Path, Path]], in_sitemap: set[Path], report: Report) -> int:
    """The partners page, and the snippets of the events page and the network
    pages. A network page offers its snippet (code, preview, partners link)
    exactly when the partners page lists that snippet: a network that has
    ended offers it on neither (its list itself still exists)."""
    events_dir = site.root / site.words["events"]
    share = events_dir / SHARE_WORD.get(site.lang, "share") / "index.html"
    pages = 0
    listed_networks: set[Path] | None = None  # None: no partners page to tell
    if not share.is_file():
        report.findings.append(f"{site.rel(share)}: missing (the partners page)")
    else:
        out = Findings(site.rel(share))
        if is_noindex(share):
            out.add("is marked noindex (the partners page belongs in search engines and the sitemap)")
        if share not in in_sitemap and (site.root / "sitemap.xml").is_file():
            out.add("is not in sitemap.xml")
        if soup(share).find(id="json") is None:
            out.add('no element with id="json" (the JSON Feeds\' _kreds.about links <partners page>#json)')
        listed_networks = set()
        for kind, owner, embed in embeds:
            if kind == "events":
                check_snippet(site, share, embed, share, out, need_share_link=False)
            elif kind == "network" and snippet_code(site, share, embed) is not None:
                listed_networks.add(owner)  # its code only; the one preview is the whole site's list
                check_pasted(snippet_code(site, share, embed), site.url_of(embed), None, out)
        report.findings += out
    for kind, owner, embed in embeds:
        if kind not in ("events", "network") or not owner.is_file():
            continue
        out = Findings(site.rel(owner))
        if kind == "network" and listed_networks is not None:
            offered = offers_snippet(site, owner, embed, share)
            if owner not in listed_networks:
                if offered:
                    out.add(f"offers {listed(offered)} (its list: {site.url_of(embed)}), but the partners page "
                            f"{site.rel(share)} lists no snippet for this network (an ended one offers none)")
                report.findings += out
                continue
            if not offered:
                out.add(f"the partners page {site.rel(share)} lists this network's snippet, but the page offers "
                        f"no snippet, preview or partners link (only an ended network offers none)")
                report.findings += out
                continue
        pages += 1
        check_snippet(site, owner, embed, share, out)
        report.findings += out
    return pages


# --------------------------------------------------------------------------
# 3. Subscribe links


def calendar_pages(site) -> list[Path]:
    folder = site.root / site.words["calendar"]
    return sorted(folder.rglob("index.html")) if folder.is_dir() else []


def subscribe_pages(site) -> list[tuple[Path, Path]]:
    """(page, the .ics its subscribe section must offer)."""
    w = site.words
    ics_name = w["calendar"] + ".ics"
    whole = site.root / ics_name
    out = []
    events = site.root / w["events"] / "index.html"
    if events.is_file():
        out.append((events, whole))
    folder = site.root / w["networks"]
    if folder.is_dir():
        for page in sorted(folder.glob("*/index.html")):
            out.append((page, page.parent / ics_name))
    out += [(p, whole) for p in calendar_pages(site)]
    return out


def how_to(el) -> str | None:
    """What is wrong with the <details> how-to of a subscribe link (None: fine)."""
    li = el.find_parent("li") or el.parent
    details = li.find("details") if li is not None else None
    if details is None:
        return "no <details> how-to beside it (in its list item)"
    summary = details.find("summary")
    if summary is None or not text_of(summary):
        return "its <details> has no <summary> text"
    rest = text_of(details)[len(text_of(summary)):].strip()
    if not rest:
        return "its <details> has no text besides the <summary>"
    return None


def check_subscribe(site, page: Path, ics: Path, out: Findings) -> None:
    sections = soup(page).select("section.subscribe")
    if not sections:
        out.add("no subscribe section (section.subscribe)")
    for n, sec in enumerate(sections, 1):
        check_subscribe_section(site, sec, ics, out if len(sections) == 1 else Prefixed(out, f"subscribe section {n}: "))


class Prefixed:
    def __init__(self, out: Findings, prefix: str) -> None:
        self.out, self.prefix = out, prefix

    def add(self, message: str, line: int | None = None) -> None:
        self.out.add(self.prefix + message, line)


def check_subscribe_section(site, sec, ics: Path, out) -> None:
    https = site.url_of(ics)
    webcal = "webcal://" + https.split("://", 1)[1]
    if not ics.is_file():
        out.add(f"the site has no {site.rel(ics)} to subscribe to")
    links = sec.find_all("a", href=True)

    def find(pred):
        return next((a for a in links if pred(a["href"].strip())), None)

    def query(href: str) -> dict[str, list[str]]:
        return urllib.parse.parse_qs(urllib.parse.urlsplit(href).query)

    wanted: list[tuple[str, object]] = []
    a = find(lambda h: h.lower().startswith("webcal:"))
    if a is None:
        out.add(f"no webcal:// link (wanted {webcal})")
    elif a["href"].strip() != webcal:
        out.add(f"webcal link {a['href']!r}, not {webcal}")
    wanted.append(("webcal", a))
    a = find(lambda h: h.startswith("https://calendar.google.com/"))
    if a is None:
        out.add("no Google Calendar link (https://calendar.google.com/calendar/r?cid=...)")
    else:
        parts = urllib.parse.urlsplit(a["href"])
        cid = query(a["href"]).get("cid", [])
        if parts.path != "/calendar/r" or cid != [webcal]:
            out.add(f"Google link {a['href']!r}: wanted /calendar/r?cid= with cid {webcal} (found {cid})")
    wanted.append(("Google", a))
    for host, name in (("outlook.office.com", "Outlook 365"), ("outlook.live.com", "Outlook.com")):
        a = find(lambda h, host=host: urllib.parse.urlsplit(h).netloc == host)
        if a is None:
            out.add(f"no {name} link (https://{host}{OUTLOOK_PATH}?url=...&name=...)")
        else:
            parts, q = urllib.parse.urlsplit(a["href"]), query(a["href"])
            if parts.scheme != "https" or parts.path != OUTLOOK_PATH:
                out.add(f"{name} link {a['href']!r}: wanted https://{host}{OUTLOOK_PATH}")
            if q.get("url") != [https]:
                out.add(f"{name} link: url is {q.get('url')}, not the https address {https}")
            if not "".join(q.get("name", [])).strip():
                out.add(f"{name} link has no name")
        wanted.append((name, a))
    a = find(lambda h: h == https)
    if a is None:  # the address as text to copy (e.g. <code class="feed-address">)
        a = next((c for c in sec.find_all(["code", "input", "span", "p", "li"])
                  if https == (c.get("value") or text_of(c)).strip()), None)
        if a is None:
            a = next((c for c in sec.find_all(["code", "li"]) if https in c.get_text()), None)
    if a is None:
        out.add(f"no https address {https} (a link or text to copy)")
    wanted.append(("https address", a))
    for name, el in wanted:
        if el is not None:
            problem = how_to(el)
            if problem:
                out.add(f"{name}: {problem}")


# --------------------------------------------------------------------------
# 4 and 5. In headless Chromium


def partner_html(src: str, title: str, lang: str) -> str:
    return f"""<!DOCTYPE html>
<html lang="{lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>A partner's website</title>
<link rel="icon" href="data:,">
<style>iframe {{ outline: 1px dashed #767676; }}</style>
</head>
<body>
<h1>A partner's website</h1>
<iframe src="{src}" title="{title}" style="width:300px;height:600px;border:0"></iframe>
</body>
</html>
"""


def site_url(server, site, path: Path) -> str:
    rel = site.rel(path)
    if rel.endswith("index.html"):
        rel = rel[: -len("index.html")]
    return server.base + urllib.parse.quote(rel)


def console_errors(driver) -> list[str]:
    return [e.get("message", "") for e in driver.get_log("browser") if e.get("level") == "SEVERE"]


def run_axe(driver, axe_script: str) -> list[dict]:
    driver.execute_script(Path(axe_script).read_text(encoding="utf-8"))
    result = driver.execute_async_script(
        "const done = arguments[arguments.length - 1];"
        "axe.run(document, {resultTypes: ['violations']}).then(r => done(r), e => done({error: String(e)}));")
    if result.get("error"):
        raise RuntimeError(f"axe-core: {result['error']}")
    return result.get("violations", [])


def no_alert(driver) -> str | None:
    """The text of an open alert (dismissed), or None."""
    from selenium.common.exceptions import NoAlertPresentException

    try:
        alert = driver.switch_to.alert
        text = alert.text
        alert.dismiss()
        return text or "(empty)"
    except NoAlertPresentException:
        return None


def frame_views(site, server, driver, partner, tmp: Path, kind: str, embed: Path, shots: Path | None,
                axe_script: str, report: Report, counts: dict) -> None:
    from selenium.common.exceptions import TimeoutException
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import WebDriverWait

    rel = site.rel(embed)
    embed_url = site_url(server, site, embed)
    name = f"partner-{counts['frames']}.html"
    (tmp / name).write_text(partner_html(embed_url, f"Meetings: {rel}", site.lang), encoding="utf-8")
    host_url = f"{partner.origin}/{name}"
    out = Findings(f"{rel} (in an iframe on {partner.origin})")
    counts["frames"] += 1
    driver.execute_cdp_cmd("Page.setBypassCSP", {"enabled": False})
    driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", {
        "width": HOST_WIDTH, "height": 800, "deviceScaleFactor": 1, "mobile": False})
    driver.get_log("browser")
    driver.get(host_url)
    frame = driver.find_element(By.TAG_NAME, "iframe")
    for width in FRAME_WIDTHS:
        counts["views"] += 1
        driver.switch_to.default_content()
        driver.execute_script(f"arguments[0].style.width = '{width}px';", frame)
        driver.switch_to.frame(frame)
        at = f"@{width}px"
        info = driver.execute_script(
            "const e = document.documentElement;"
            "return {href: location.href, sw: e.scrollWidth, cw: e.clientWidth, sh: e.scrollHeight,"
            " events: document.querySelectorAll('li.embed-event').length,"
            " empty: document.querySelectorAll('.embed-empty').length};")
        if not info["href"].startswith(server.origin):
            out.add(f"{at}: the iframe shows {info['href']}, not the list")
        if info["sw"] > info["cw"]:
            counts["overflow"] += 1
            out.add(f"{at}: scrolls sideways inside the iframe: scrollWidth {info['sw']} > clientWidth "
                    f"{info['cw']}; too wide: {', '.join(driver.execute_script(WIDE_JS))}")
        shown = driver.find_elements(By.CSS_SELECTOR, "li.embed-event") or \
            driver.find_elements(By.CSS_SELECTOR, ".embed-empty")
        if not shown:
            out.add(f"{at}: neither li.embed-event nor .embed-empty in the frame")
        elif not shown[0].is_displayed() or shown[0].size["width"] < 1 or shown[0].size["height"] < 1:
            out.add(f"{at}: the first {'meeting' if info['events'] else 'empty message'} is not visible")
        if width == FRAME_WIDTHS[0]:
            try:
                violations = run_axe(driver, axe_script)
            except Exception as e:  # noqa: BLE001 - reported, the rest goes on
                out.add(f"{at}: axe-core could not run in the frame: {e}")
                violations = []
            for v in violations:
                targets = [", ".join(map(str, n.get("target", []))) for n in v.get("nodes", [])]
                if v.get("impact") in ("serious", "critical"):
                    counts["axe"] += 1
                    out.add(f"{at}: axe {v['impact']} {v['id']}: {v.get('help')} "
                            f"({len(targets)} elements: {'; '.join(targets[:3])})")
                else:
                    report.notes.append(f"{rel} {at}: axe {v.get('impact')} {v['id']}: {v.get('help')} "
                                        f"({'; '.join(targets[:3])})")
        driver.switch_to.default_content()
        if shots is not None and kind == "events":
            size = driver.execute_script("const e = document.documentElement; return [e.scrollWidth, e.scrollHeight];")
            save_full_page(driver, shots / f"embed-partner-{width}.png", max(size[0], HOST_WIDTH), size[1])
    for message in console_errors(driver):
        counts["console"] += 1
        out.add(f"console error: {message}")

    # Links open in the top window.
    driver.switch_to.frame(frame)
    links = driver.find_elements(By.CSS_SELECTOR, "a.embed-link") or \
        driver.find_elements(By.CSS_SELECTOR, ".embed-more a")
    if links:
        href = links[0].get_attribute("href")  # absolute, as the frame resolves it
        expected = href.split("#")[0]
        driver.execute_script("arguments[0].scrollIntoView({block: 'center'});", links[0])
        links[0].click()
        driver.switch_to.default_content()
        counts["clicks"] += 1
        try:
            WebDriverWait(driver, 10).until(lambda d: d.current_url != host_url)
            now = driver.current_url
            if now.split("#")[0] != expected:
                out.add(f"clicking {href} took the top window to {now}, not to the link's page")
            elif not now.startswith(server.origin):
                out.add(f"clicking took the top window to {now}, not to origin A ({server.origin})")
        except TimeoutException:
            inside = ""
            try:
                driver.switch_to.frame(driver.find_element(By.TAG_NAME, "iframe"))
                inside = driver.execute_script("return location.href;")
            except Exception:  # noqa: BLE001 - only for the message
                pass
            driver.switch_to.default_content()
            out.add(f"clicking the link to {href} left the top window on the partner page"
                    + (f"; the iframe now shows {inside}" if inside and inside != embed_url else "")
                    + " (links must open in the top window)")
    report.findings += out


def style_of(driver, url: str) -> tuple[dict, str | None, str]:
    """The computed style (STYLE_JS), an alert's text, outerHTML after loading url."""
    from selenium.common.exceptions import UnexpectedAlertPresentException

    alert = None
    try:
        driver.get(url)
        time.sleep(0.3)  # an injected handler (onerror, onload) would fire by now
        alert = no_alert(driver)
        style = driver.execute_script(STYLE_JS)
        source = driver.execute_script("return document.documentElement.outerHTML;")
    except UnexpectedAlertPresentException as e:
        alert = alert or getattr(e, "alert_text", None) or "(alert)"
        no_alert(driver)
        style = driver.execute_script(STYLE_JS)
        source = driver.execute_script("return document.documentElement.outerHTML;")
    return style, alert, source


def reflections(query: str) -> set[str]:
    """Text that must not show in the page source when `query` is given: its
    values raw and decoded, as an attribute would escape them, and the
    payloads inside them."""
    out = set()
    for part in query.split("&"):
        raw = part.split("=", 1)[1] if "=" in part else part
        value = urllib.parse.unquote_plus(raw)
        out |= {raw, value, html.escape(value), value.replace('"', "&quot;")}
        out |= {m for m in ("alert(", "javascript:", "onload", "onerror", "<script", "<img", "background:",
                            "color:") if m in value.lower()}
    return {s for s in out if len(s) > 3}


def generic_families(font: str) -> list[str]:
    return [f.strip().strip("'\"").lower() for f in (font or "").split(",")]


def parameter_checks(site, server, driver, embed: Path, report: Report, counts: dict) -> None:
    rel = site.rel(embed)
    url = site_url(server, site, embed)
    driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", {
        "width": FRAME_WIDTHS[0], "height": 700, "deviceScaleFactor": 1, "mobile": False})
    driver.execute_cdp_cmd("Page.setBypassCSP", {"enabled": False})
    default, alert, _ = style_of(driver, url)
    out = Findings(rel)
    if default["link"] != DEFAULT_ACCENT:
        out.add(f"without parameters .embed-link is {default['link']}, not the default accent "
                f"#0a5c51 ({DEFAULT_ACCENT})")
    # Good values: under the strict CSP the server sends.
    for query, colour, font, serif in GOOD_PARAMS:
        counts["params"] += 1
        got, alert, _ = style_of(driver, f"{url}?{query}")
        problems = []
        for part in ("link", "title", "border"):
            if got[part] is not None and got[part] != colour:
                problems.append(f"{part} colour {got[part]}, not {colour}")
        if font and f"font-{font}" not in got["htmlClass"].split():
            problems.append(f"<html class={got['htmlClass']!r}> lacks font-{font}")
        if serif and ("serif" not in generic_families(got["font"]) or got["font"] == default["font"]):
            problems.append(f"body font {got['font']!r} is not a serif one (default {default['font']!r})")
        if problems:
            driver.execute_cdp_cmd("Page.setBypassCSP", {"enabled": True})
            bypassed, _, _ = style_of(driver, f"{url}?{query}")
            driver.execute_cdp_cmd("Page.setBypassCSP", {"enabled": False})
            why = (" (with the CSP bypassed it works: embed.js sets the style in a way a strict CSP blocks, "
                   "e.g. a style attribute; use element.style.setProperty or classes)"
                   if bypassed["link"] == colour and bypassed != got else "")
            out.add(f"?{query}: {'; '.join(problems)}{why}")
    # Hostile values: with the CSP bypassed, so that an injection would show.
    driver.execute_cdp_cmd("Page.setBypassCSP", {"enabled": True})
    base, _, base_source = style_of(driver, url)
    for query in HOSTILE_PARAMS:
        counts["params"] += 1
        counts["hostile"] += 1
        got, alert, source = style_of(driver, f"{url}?{query}")
        if alert:
            out.add(f"?{query}: an alert opened ({alert!r}): script injection")
        changed = [f"{k} {base[k]!r} -> {got[k]!r}" for k in base if got.get(k) != base[k]]
        if changed:
            out.add(f"?{query}: not the default style: {'; '.join(changed)}")
        shown = sorted(t for t in reflections(query) if t not in base_source and t in source)
        if shown:
            out.add(f"?{query}: the page source (outerHTML) holds the parameter's text: {listed([repr(t) for t in shown], 4)}")
    driver.execute_cdp_cmd("Page.setBypassCSP", {"enabled": False})
    report.findings += out


def browser_checks(site, server, shots: Path | None, make_driver, axe_script: str,
                   embeds: list[tuple[str, Path]], report: Report) -> dict:
    counts = dict(frames=0, views=0, overflow=0, console=0, axe=0, clicks=0, params=0, hostile=0)
    if shots is not None:
        shots.mkdir(parents=True, exist_ok=True)
        for old in shots.glob("embed-*.png"):
            old.unlink()
    from gate import LocalServer  # gate.py imports this module only inside check_embed: no cycle

    driver = make_driver()
    try:
        # As on a phone: a scrollbar takes no width (else the 300 px frame would be 285).
        driver.execute_cdp_cmd("Emulation.setScrollbarsHidden", {"hidden": True})
        with tempfile.TemporaryDirectory() as tmp, LocalServer(Path(tmp)) as partner:  # origin B
            for kind, embed in embeds:
                frame_views(site, server, driver, partner, Path(tmp), kind, embed, shots, axe_script, report, counts)
            with_events = [e for _, e in embeds if soup(e).select("li.embed-event a.embed-link")]
            if with_events:
                parameter_checks(site, server, driver, with_events[0], report, counts)
                report.notes.append(f"parameters tried on {site.rel(with_events[0])}")
            else:
                report.notes.append("no list with meetings: the parameters were not tried")
    finally:
        driver.quit()
    return counts


# --------------------------------------------------------------------------


def check_site(site, server=None, shots: Path | None = None, make_driver=None, axe_script=None) -> Report:
    """The `embed` check of gate.py. The browser part only when server and
    make_driver are given (and axe_script, the path of axe.min.js)."""
    report = Report()
    soup.cache_clear()
    in_sitemap = sitemap_files(site)
    expected = expected_embeds(site)
    found = find_embeds(site)
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
        report.findings.append(f"no embeddable list: no */{embed_word(site)}/index.html in the site")
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


# --------------------------------------------------------------------------
# A small hand-made site, for the self-test and --sample


SAMPLE_BASE = "https://example.dk/"
ASSETS = Path(__file__).resolve().parents[2] / "templates" / "assets"


@functools.lru_cache(maxsize=None)
def theme_asset(name: str) -> str:
    """The default theme's own assets/embed.css or embed.js, as a built site has them."""
    return (ASSETS / name).read_text(encoding="utf-8")


# (slug, title, start as on the page and in the feed, networks, topics)
SAMPLE_EVENTS = [
    ("morgenmoede", "Morgenmøde om energi", "2027-01-20T09:00:00+01:00", ["groent"], ["energi"]),
    ("studietur", "Studietur til Ærø", "2027-02-03", ["groent"], []),
]


def sample_page(title: str, path: str, body: str) -> str:
    return (f'<!DOCTYPE html>\n<html lang="da">\n<head>\n<meta charset="utf-8">\n<title>{html.escape(title)}</title>\n'
            f'<link rel="canonical" href="{SAMPLE_BASE}{path}">\n</head>\n<body>\n<main id="main">\n'
            f'<h1>{html.escape(title)}</h1>\n{body}</main>\n</body>\n</html>\n')


def sample_embed(owner: str, title: str, events) -> str:
    items = "".join(
        f'    <li class="embed-event" data-occurrence-start="{start}" data-occurrence-end="{start}">\n'
        f'      <a class="embed-link" href="/arrangementer/{slug}/" target="_top">{html.escape(name)}</a>\n'
        f'      <p class="embed-when"><time datetime="{start}">{start}</time></p>\n    </li>\n'
        for slug, name, start, _, _ in events)
    listing = (f'  <ol class="embed-list">\n{items}  </ol>\n' if events
               else '  <p class="embed-empty">Ingen møder planlagt lige nu.</p>\n')
    return ('<!DOCTYPE html>\n<html lang="da" class="kreds-embed">\n<head>\n<meta charset="utf-8">\n'
            '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
            '<meta name="robots" content="noindex">\n'
            f'<title>Kommende møder · {html.escape(title)}</title>\n<base target="_top">\n'
            '<link rel="stylesheet" href="/assets/embed.css">\n<script src="/assets/embed.js" defer></script>\n'
            '</head>\n<body>\n<main class="embed">\n'
            f'  <h1 class="embed-title"><a href="/{owner}" target="_top">{html.escape(title)}</a></h1>\n'
            f'{listing}  <p class="embed-more"><a href="/{owner}" target="_top">Se alle møder</a></p>\n'
            '</main>\n</body>\n</html>\n')


def sample_subscribe(ics: str, name: str) -> str:
    https = SAMPLE_BASE + ics
    webcal = "webcal://" + https.split("://", 1)[1]
    q = functools.partial(urllib.parse.quote, safe="")
    how = '\n      <details class="how-to"><summary>Sådan gør du</summary><p>Tryk, og sig ja.</p></details>'
    return ('<section class="section subscribe" aria-labelledby="subscribe-heading">\n'
            '  <h2 id="subscribe-heading">Abonnér på kalenderen</h2>\n  <ul class="subscribe-links">\n'
            f'    <li><a href="{webcal}">Apple Kalender</a>{how}</li>\n'
            f'    <li><a href="https://calendar.google.com/calendar/r?cid={q(webcal)}">Google Kalender</a>{how}</li>\n'
            f'    <li><a href="https://outlook.office.com{OUTLOOK_PATH}?url={q(https)}&amp;name={q(name)}">'
            f'Outlook på arbejdet</a>{how}</li>\n'
            f'    <li><a href="https://outlook.live.com{OUTLOOK_PATH}?url={q(https)}&amp;name={q(name)}">'
            f'Outlook.com</a>{how}</li>\n'
            f'    <li>Kopiér adressen: <code class="feed-address">{https}</code>{how}</li>\n'
            '  </ul>\n</section>\n')


def sample_code(embed: str, title: str) -> str:
    code = html.escape(f'<iframe src="{SAMPLE_BASE}{embed}" title="Kommende møder: {title}" '
                       f'style="width:100%;height:32rem;border:0"></iframe>')
    return f'  <pre class="embed-code"><code>{code}</code></pre>\n'


def sample_share(embed: str, title: str) -> str:
    return ('<section class="section embed-share">\n  <h2>Vis møderne på jeres hjemmeside</h2>\n'
            + sample_code(embed, title) +
            f'  <iframe class="embed-preview__frame" src="/{embed}" title="Kommende møder: {html.escape(title)}">'
            '</iframe>\n  <p><a href="/arrangementer/del/">Mere om at vise vores møder</a></p>\n</section>\n')


def sample_feed(events) -> str:
    items = [{"id": slug, "url": f"{SAMPLE_BASE}arrangementer/{slug}/", "title": name,
              "_kreds": {"meetings": [{"@type": "Event", "name": name, "startDate": start}]}}
             for slug, name, start, _, _ in events]
    return json.dumps({"version": "https://jsonfeed.org/version/1.1", "title": "x", "items": items}) + "\n"


def write_sample(root: Path, swaps: dict[str, list[tuple[str, str]]] | None = None) -> None:
    """The sample site in `root`; `swaps` maps a file to (old, new) replacements, each of which must apply."""
    files: dict[str, str] = {
        "index.html": sample_page("Netværk", "", '<p><a href="/arrangementer/">Arrangementer</a></p>\n'),
        "assets/embed.css": theme_asset("embed.css"),
        "assets/embed.js": theme_asset("embed.js"),
        "kalender.ics": "BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n",
        "netvaerk/groent/kalender.ics": "BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n",
        "kalender.json": sample_feed(SAMPLE_EVENTS),
        "netvaerk/groent/kalender.json": sample_feed(SAMPLE_EVENTS),
        "arrangementer/index.html": sample_page(
            "Arrangementer", "arrangementer/",
            sample_subscribe("kalender.ics", "Netværk") + sample_share("arrangementer/indlejr/", "Netværk")),
        "arrangementer/indlejr/index.html": sample_embed("arrangementer/", "Netværk", SAMPLE_EVENTS),
        "arrangementer/del/index.html": sample_page(
            "Vis vores møder på jeres hjemmeside", "arrangementer/del/",
            sample_share("arrangementer/indlejr/", "Netværk") + sample_code("netvaerk/groent/indlejr/", "Grønt netværk")
            + '<h2 id="json">Feeds</h2>\n'),
        "netvaerk/groent/index.html": sample_page(
            "Grønt netværk", "netvaerk/groent/",
            sample_subscribe("netvaerk/groent/kalender.ics", "Grønt netværk")
            + sample_share("netvaerk/groent/indlejr/", "Grønt netværk")),
        "netvaerk/groent/indlejr/index.html": sample_embed("netvaerk/groent/", "Grønt netværk", SAMPLE_EVENTS),
        # A network that has ended: its list still exists, but neither its page nor the partners page offers it.
        "netvaerk/gammel/kalender.ics": "BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n",
        "netvaerk/gammel/kalender.json": sample_feed([]),
        "netvaerk/gammel/index.html": sample_page(
            "Gammelt netværk", "netvaerk/gammel/",
            '<p class="status-banner"><span class="badge badge--ended">Afsluttet</span></p>\n'
            + sample_subscribe("netvaerk/gammel/kalender.ics", "Gammelt netværk")),
        "netvaerk/gammel/indlejr/index.html": sample_embed("netvaerk/gammel/", "Gammelt netværk", []),
        "emner/energi/index.html": sample_page("energi", "emner/energi/",
                                               '<p><a href="/arrangementer/morgenmoede/">Morgenmøde</a></p>\n'),
        "emner/energi/indlejr/index.html": sample_embed("emner/energi/", "energi", SAMPLE_EVENTS[:1]),
        "emner/tom/index.html": sample_page("tom", "emner/tom/", "<p>Ingen arrangementer.</p>\n"),
        "kalender/index.html": sample_page("Kalender", "kalender/", sample_subscribe("kalender.ics", "Netværk")),
        "kalender/2027/01/index.html": sample_page("Januar 2027", "kalender/2027/01/",
                                                   sample_subscribe("kalender.ics", "Netværk")),
    }
    for slug, name, start, networks, topics in SAMPLE_EVENTS:
        links = "".join(f'<p><a href="/netvaerk/{n}/">{n}</a></p>\n' for n in networks)
        links += "".join(f'<p><a href="/emner/{t}/">{t}</a></p>\n' for t in topics)
        files[f"arrangementer/{slug}/index.html"] = sample_page(name, f"arrangementer/{slug}/", links)
    pages = sorted(k for k in files if k.endswith("index.html") and "/indlejr/" not in k)
    files["sitemap.xml"] = ('<?xml version="1.0" encoding="UTF-8"?>\n'
                            '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n'
                            + "".join(f"  <url><loc>{SAMPLE_BASE}{k[: -len('index.html')]}</loc></url>\n"
                                      for k in pages) + "</urlset>\n")
    for name, changes in (swaps or {}).items():
        for old, new in changes:
            if old is None:  # a new file, or one to remove (new None)
                files[name] = new
                continue
            assert old in files[name], (name, old)
            files[name] = files[name].replace(old, new, 1)
    for name, text in files.items():
        if text is None:
            continue
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")


def selftest(browser: bool) -> int:
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    from gate import LocalServer, Site, axe_script, make_driver

    E, N, T = "arrangementer/indlejr/index.html", "netvaerk/groent/indlejr/index.html", "emner/energi/indlejr/index.html"
    EV, NP, SH, CAL = ("arrangementer/index.html", "netvaerk/groent/index.html", "arrangementer/del/index.html",
                       "kalender/2027/01/index.html")
    OLD = "netvaerk/gammel/index.html"  # the network that has ended
    morning = '<a class="embed-link" href="/arrangementer/morgenmoede/" target="_top">'
    static = {
        "good": ({}, None),
        "no noindex": ({N: [('<meta name="robots" content="noindex">\n', "")]}, "no <meta name=\"robots\""),
        "no base": ({N: [('<base target="_top">\n', "")]}, '<base target="_top">'),
        "base with href": ({N: [('<base target="_top">', '<base target="_top" href="/">')]}, "must only set the target"),
        "link without target": ({N: [(morning, morning.replace(' target="_top"', ""))]}, 'without target="_top"'),
        "inline script": ({N: [("</head>", "<script>var x = 1;</script>\n</head>")]}, "inline <script>"),
        "other script": ({N: [("</head>", '<script src="/assets/other.js"></script>\n</head>')]},
                         "the only script may be assets/embed.js"),
        "style element": ({N: [("</head>", "<style>a { color: red }</style>\n</head>")]}, "<style> element"),
        "style attribute": ({N: [('<main class="embed">', '<main class="embed" style="padding:0">')]},
                            "style attribute on 1 element"),
        "event handler": ({N: [('<main class="embed">', '<main class="embed" onclick="x()">')]},
                          "event handler attributes"),
        "no embed.css link": ({N: [('<link rel="stylesheet" href="/assets/embed.css">\n', "")]},
                              "does not link assets/embed.css"),
        "too big": ({"assets/embed.css": [(None, theme_asset("embed.css") + "/*" + "x" * SIZE_LIMIT + "*/\n")]}, "not under 30 KB"),
        "in the sitemap": ({"sitemap.xml": [("</urlset>", f"  <url><loc>{SAMPLE_BASE}emner/energi/indlejr/</loc></url>\n</urlset>")]},
                           "is listed in sitemap.xml"),
        "missing list": ({N: [(None, None)]}, "netvaerk/groent/indlejr/index.html: missing"),
        "wrong title link": ({T: [('<h1 class="embed-title"><a href="/emner/energi/"', '<h1 class="embed-title"><a href="/"')]},
                             "not the page it belongs to"),
        "out of order": ({"arrangementer/indlejr/index.html": [("2027-01-20T09:00:00+01:00", "2027-03-20T09:00:00+01:00")]},
                         "not in order of start"),
        "not the feed's": ({E: [('href="/arrangementer/studietur/"', 'href="/arrangementer/morgenmoede/"')]},
                           "coming meeting no. 2"),
        "a meeting too few": ({E: [(None, sample_embed("arrangementer/", "Netværk", SAMPLE_EVENTS[:1]))]},
                              "so 2 should be listed"),
        "another topic's meeting": ({T: [('href="/arrangementer/morgenmoede/"', 'href="/arrangementer/studietur/"')]},
                                    "not a meeting of this topic"),
        "no meetings, no empty text": ({T: [(None, sample_embed("emner/energi/", "energi", [])
                                              .replace('  <p class="embed-empty">Ingen møder planlagt lige nu.</p>\n', ""))]},
                                       "neither li.embed-event nor .embed-empty"),
        "no snippet": ({NP: [("&lt;iframe src=&quot;", "&lt;iframe data-src=&quot;")]}, "no <pre>/<code> snippet"),
        "relative snippet": ({NP: [(f"src=&quot;{SAMPLE_BASE}", "src=&quot;/")]}, "no <pre>/<code> snippet"),
        "hidden snippet": ({NP: [('<pre class="embed-code">', '<pre class="embed-code" hidden>')]}, "is hidden by"),
        "no preview": ({NP: [('<iframe class="embed-preview__frame"', '<div class="embed-preview__frame"'),
                             ("</iframe>\n  <p>", "</div>\n  <p>")]}, "no <iframe> showing its list"),
        "snippet escaped once too few": ({NP: [("title=&quot;Kommende møder: Grønt netværk&quot;",
                                                "title=&quot;Kommende møder: &quot;Grønt&quot; netværk&quot;")]},
                                         "has the title"),
        "snippet with a script": ({NP: [("&gt;&lt;/iframe&gt;", "&gt;&lt;/iframe&gt;&lt;script&gt;x()&lt;/script&gt;")]},
                                  "is not one <iframe>"),
        "no partners link": ({EV: [('<a href="/arrangementer/del/">', '<a href="/om/">')]}, "does not link the partners page"),
        "no partners page": ({SH: [(None, None)]}, "arrangementer/del/index.html: missing"),
        "ended network offers its snippet": ({OLD: [('<section class="section subscribe"',
                                                     sample_share("netvaerk/gammel/indlejr/", "Gammelt netværk")
                                                     + '<section class="section subscribe"')]},
                                             "but the partners page arrangementer/del/index.html lists no snippet"),
        "ended network links the partners page": ({OLD: [("</main>", '<p><a href="/arrangementer/del/">Del</a></p>\n</main>')]},
                                                  "offers a link to the partners page"),
        "partners page lacks a network": ({SH: [("&lt;iframe src=&quot;https://example.dk/netvaerk/groent/", "&lt;iframe src=&quot;https://example.dk/netvaerk/x/")]},
                                          "lists no snippet for this network"),
        "partners page lists an ended network": ({SH: [('<h2 id="json">', sample_code("netvaerk/gammel/indlejr/", "Gammelt netværk") + '<h2 id="json">')]},
                                                 "lists this network's snippet, but the page offers no snippet"),
        "broken network snippet on the partners page": ({SH: [("Grønt netværk&quot; style", "Grønt netværk&quot; onload=&quot;x()&quot; style")]},
                                                        "unexpected attributes"),
        "no #json": ({SH: [('<h2 id="json">', "<h2>")]}, 'id="json"'),
        "no subscribe": ({CAL: [('class="section subscribe"', 'class="section"')]}, "no subscribe section"),
        "no webcal": ({CAL: [("<a href=\"webcal://", "<a href=\"https://")]}, "no webcal:// link"),
        "wrong cid": ({CAL: [("cid=webcal%3A%2F%2F", "cid=https%3A%2F%2F")]}, "Google link"),
        "network's page, site's calendar": ({NP: [("netvaerk%2Fgroent%2Fkalender.ics", "kalender.ics")]},
                                            "with cid webcal://example.dk/netvaerk/groent/kalender.ics"),
        "no Outlook.com": ({CAL: [("outlook.live.com", "outlook.example.com")]}, "no Outlook.com link"),
        "Outlook without name": ({EV: [("&amp;name=Netv%C3%A6rk\">Outlook på", "\">Outlook på")]},
                                 "Outlook 365 link has no name"),
        "no https address": ({CAL: [('<code class="feed-address">https://example.dk/kalender.ics</code>', "")]},
                             "no https address"),
        "no how-to": ({CAL: [('\n      <details class="how-to"><summary>Sådan gør du</summary><p>Tryk, og sig ja.</p></details></li>\n    <li><a href="https://calendar', '</li>\n    <li><a href="https://calendar')]},
                      "webcal: no <details> how-to"),
        "empty how-to": ({CAL: [("<p>Tryk, og sig ja.</p>", "")]}, "no text besides the <summary>"),
    }
    js = theme_asset("embed.js")
    bad_js = js.replace('/^(?:[0-9a-fA-F]{3}){1,2}$/.test(colour)', 'true').replace(
        '"#" + colour', '/^[0-9a-f]+$/i.test(colour) ? "#" + colour : colour')
    inject_js = js.replace('if (font === "system"', 'if (font) document.body.insertAdjacentHTML("beforeend", font);\n  if (font === "system"')
    assert js not in (bad_js, inject_js), "templates/assets/embed.js changed: update the self-test's broken copies"
    in_browser = {
        "good": ({}, None),
        "hostile colour let through": ({"assets/embed.js": [(None, bad_js)]}, "not the default style"),
        "font written into the page": ({"assets/embed.js": [(None, inject_js)]}, "an alert opened"),
        "colour set as a style attribute": ({"assets/embed.js": [(
            'root.style.setProperty("--embed-accent", "#" + colour);',
            'root.setAttribute("style", "--embed-accent: #" + colour);')]}, "a strict CSP blocks"),
        "no target, no base": ({N: [('<base target="_top">\n', ""), (morning, morning.replace(' target="_top"', ""))]},
                               "links must open in the top window"),
        "too wide": ({N: [('<ol class="embed-list">', '<ol class="embed-list"><li><pre>' + "x" * 60 + "</pre></li>")]},
                     "scrolls sideways inside the iframe"),
        "link without text": ({T: [("</main>", '<a href="/" target="_top"></a>\n</main>')]}, "axe serious link-name"),
        "inline style under CSP": ({N: [('<main class="embed">', '<main class="embed" style="padding:0">')]},
                                   "Content Security Policy"),
    }
    failed = total = 0
    with tempfile.TemporaryDirectory() as tmp:
        runs = [(name, case, False) for name, case in static.items()]
        if browser:
            runs += [(name, case, True) for name, case in in_browser.items()]
        for n, (name, (swaps, expected), with_browser) in enumerate(runs):
            total += 1
            root = Path(tmp) / str(n)
            write_sample(root, swaps)
            site = Site(root)
            if with_browser:
                with LocalServer.of_site(site) as server:
                    report = check_site(site, server=server, make_driver=make_driver, axe_script=axe_script()[0])
            else:
                report = check_site(site)
            found = report.findings
            if not case_passes(f"{name}{' (browser)' if with_browser else ''}", expected, found):
                failed += 1
    return selftest_result(total, failed, "" if browser else " (files only)")


def main(argv: list[str]) -> int:
    if argv[:1] == ["--selftest"]:
        return selftest(browser="--no-browser" not in argv)
    if len(argv) == 2 and argv[0] == "--sample":
        write_sample(Path(argv[1]))
        print(f"sample site written to {argv[1]}")
        return 0
    import argparse

    ap = argparse.ArgumentParser(description="The embed check of gate.py, alone.")
    ap.add_argument("site", type=Path)
    ap.add_argument("--screenshots", type=Path, default=None)
    ap.add_argument("--no-browser", action="store_true", help="the file checks only")
    args = ap.parse_args(argv)
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    from gate import LocalServer, Site, axe_script, make_driver

    site = Site(args.site)
    if args.no_browser:
        return print_report(check_site(site))
    with LocalServer.of_site(site) as server:
        return print_report(check_site(site, server=server, shots=args.screenshots, make_driver=make_driver,
                                       axe_script=axe_script()[0]))


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
