"""The embeddable lists as files (SITE.md, "Embeddable lists"): one for the
events page, for every network page and for every topic page that links to an
event, each belonging to a page of the site; page + assets/embed.css +
assets/embed.js under 30 KB (30,720 octets); <html lang>; <meta
name="robots" content="noindex">; one <base target="_top">; target="_top" on
every <a>; strict-CSP-safe markup: no inline <script> (every script
external, and only assets/embed.js), no <style> element, no style attribute,
no on* attribute, no javascript: URL; assets/embed.css linked; not in
sitemap.xml.

Content: at most 10 li.embed-event, in order of data-occurrence-start, each
with an a.embed-link to an event page (of the network or topic, for theirs)
and a <time datetime>, a cancelled or postponed one with .embed-status; or
.embed-empty; h1.embed-title linking the page the list belongs to;
.embed-more with a link of the site. Each list shows the first 10 meetings
(event and start) of the matching JSON Feed, in order: the whole site's
kalender.json / calendar.json for the events page's list, the network's for
a network's, and for a topic's the site's meetings of the events whose pages
link the topic page (the feeds hold the meetings ending after the build
time; the jsonfeed check holds them against the .ics).
"""

from __future__ import annotations

import json
import re
from datetime import datetime, timezone
from pathlib import Path

from findings import Findings, Report, listed
from pages import classes, page_tree, parse_page, text_of

SIZE_LIMIT = 30 * 1024  # octets: page + embed.css + embed.js
MAX_EVENTS = 10


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
        site.target_of(page, a["href"]) == owner for a in page_tree(page).find_all("a", href=True))


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
    doc = page_tree(page)
    assets = site.root / "assets"
    css, js = assets / "embed.css", assets / "embed.js"
    size = page.stat().st_size + sum(p.stat().st_size for p in (css, js) if p.is_file())
    if size >= SIZE_LIMIT:
        out.add(f"page + assets/embed.css + assets/embed.js are {size:,} octets, not under 30 KB ({SIZE_LIMIT:,})")
    html_el = doc.find("html")
    lang = (html_el.get("lang") or "") if html_el else ""
    if lang.split("-")[0] != site.lang:
        out.add(f"<html lang={lang!r}>, not the site's language {site.lang!r}")
    if not parse_page(page).noindex:
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
        if site.target_of(page, src) != js:
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
    sheets = [site.target_of(page, l["href"]) for l in doc.find_all("link", href=True)
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
    elif site.target_of(page, title_link["href"]) != owner:
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
            target = site.target_of(page, link["href"])
            if not site.is_event_page(target):
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
        listed_meetings.append((site.target_of(page, link["href"]) if link is not None else None, start))
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
        t = site.target_of(page, more["href"])
        if t is None or not t.is_file():
            out.add(f".embed-more links {more['href']!r}, not a page of the site")
    report.findings += out
    return len(items)
