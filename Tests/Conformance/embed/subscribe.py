"""The calendar subscribe links (SITE.md, issue 20): every network page, the
events page and every calendar page (<calendar>/index.html and its months)
has a section.subscribe with a webcal:// link, a
https://calendar.google.com/calendar/r?cid= link whose cid is that webcal
URL, https://outlook.office.com/calendar/0/addfromweb and
https://outlook.live.com/calendar/0/addfromweb links whose url is the https
address (and that have a name), and the https address itself (a link or
text); the address is the page's .ics (the network's own for a network page,
the whole site's otherwise), a file of the site; each of the five with a
<details> how-to (<summary> and a line of text) in its list item.
"""

from __future__ import annotations

import urllib.parse
from pathlib import Path

from findings import Findings
from pages import page_tree, text_of

OUTLOOK_PATH = "/calendar/0/addfromweb"


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
    sections = page_tree(page).select("section.subscribe")
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
