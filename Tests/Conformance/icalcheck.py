#!/usr/bin/env python3
"""The `ical` check of the conformance gate: every .ics file of a built site.

Called by gate.py (`gate.py site/ --only ical`); `gate.py site/
--show-occurrences <slug>` prints one event's occurrences, iCal beside page.
Alone: `python icalcheck.py SITE [--show-occurrences SLUG]`; `python
icalcheck.py --selftest` tests the octet-level and structural checks on
small hand-made calendars (ical/selftest.py).

For every .ics under the site folder (SITE.md, "iCal feeds"):

1. It parses with icalendar (no component has `errors`) and with vobject
   (ical/occurrences.py).
2. Octets and structure, on the raw bytes by the check's own reader
   (ical/raw.py, ical/structure.py).
3. Time zones: a VTIMEZONE for every TZID, and every expanded occurrence's
   wall time the same UTC instant by the file's VTIMEZONE as by tzdata
   (ical/timezones.py); every EXDATE excludes an occurrence of its RRULE.
4. Occurrences against the pages: each event's occurrences, as
   recurring_ical_events expands them, equal those its page marks with
   data-occurrence-start/-end (ical/marks.py).
5. Month calendars: every occurrence of the site feed marked on the page of
   its month, and nothing else of a feed event (ical/marks.py).
6. The site has the files SITE.md names (this file): the site feed, a feed
   per network page, a file per event page (<events>/<slug>/ by the site
   map); one UID has one URL across files; every event of a network feed is
   in the site feed; each VEVENT's URL is a page of the site (in an event's
   own file, that event's page).

The site object is builtsite.Site (root, base_url, words, rel, url_of,
file_of_url, section_pages, is_event_page).
"""

from __future__ import annotations

import re
import sys
import urllib.parse
from pathlib import Path

from findings import Findings, Report, print_report
from ical.marks import check_month_pages, compare_with_pages, marked_on_page, own_occurrences
from ical.occurrences import (IcsFile, check_event_times, check_exdates_exclude, expand, parse_with_icalendar,
                              parse_with_vobject)
from ical.raw import Comp
from ical.structure import EVENT_FILE, NETWORK_FEED, OTHER, SITE_FEED, check_structure
from ical.timezones import check_vtimezone_covers
from pages import clear_caches


def kind_of(site, path: Path) -> str:
    parts = Path(site.rel(path)).parts
    feed_name = f"{site.words['calendar']}.ics"
    if parts == (feed_name,):
        return SITE_FEED
    if len(parts) == 3 and parts[0] == site.words["networks"] and parts[2] == feed_name:
        return NETWORK_FEED
    if len(parts) == 3 and parts[0] == site.words["events"] and parts[2] == f"{parts[1]}.ics":
        return EVENT_FILE
    return OTHER


def check_urls(site, ics: IcsFile, cal: Comp, out: Findings) -> None:
    """Each VEVENT's URL is absolute, under base_url, and the site has its page."""
    for ev in cal.children("VEVENT"):
        uid, url = ev.value("UID") or "(no UID)", ev.value("URL")
        if not url:
            continue
        line = ev.one("URL").line
        if not urllib.parse.urlsplit(url).scheme:
            out.add(f"VEVENT {uid}: URL {url} is not absolute", line)
            continue
        page = site.file_of_url(url)
        if page is None:
            out.add(f"VEVENT {uid}: URL {url} is not under the base URL {site.base_url}", line)
        elif not page.is_file():
            out.add(f"VEVENT {uid}: URL {url}: the site has no {site.rel(page)}", line)
        elif ics.kind == EVENT_FILE and page != ics.path.parent / "index.html":
            out.add(f"VEVENT {uid}: URL {url} is not the page of this event's folder "
                    f"({site.rel(ics.path.parent / 'index.html')})", line)


def check_file(site, path: Path) -> tuple[IcsFile, Findings]:
    """All checks of one .ics file that need no other file."""
    ics = IcsFile(path, site.rel(path), kind_of(site, path))
    out = Findings(ics.rel)
    data = path.read_bytes()
    raw = check_structure(data, ics.kind, out)
    if raw is not None and raw.name == "VCALENDAR":
        ics.events = len(raw.children("VEVENT"))
        check_urls(site, ics, raw, out)
    cal = parse_with_icalendar(data, out)
    parse_with_vobject(data, out)
    if cal is None:
        return ics, out
    ics.urls = {str(ev.get("UID", "")): str(ev.get("URL", "")) for ev in cal.walk("VEVENT")}
    try:
        check_event_times(cal, out)
        ics.occurrences = expand(cal, out)
        ics.zone_times = check_vtimezone_covers(cal, ics.occurrences, out)
        check_exdates_exclude(cal, out)
    except Exception as e:  # a broken property (reported above) raises when its value is read
        out.add(f"occurrences and time zones not checked: {type(e).__name__}: {e}")
    return ics, out


def check_files_present(site, files: list[IcsFile], report: Report) -> None:
    """The site feed, a feed per network page, a file per event page (SITE.md)."""
    have = {f.path for f in files}
    feed_name = f"{site.words['calendar']}.ics"
    if site.root / feed_name not in have:
        report.findings.append(f"{feed_name}: missing: the site feed of all events (SITE.md)")
    for page in site.section_pages("networks"):
        if page.parent / feed_name not in have:
            report.findings.append(f"{site.rel(page.parent / feed_name)}: missing: the feed of network "
                                   f"{site.rel(page)} (SITE.md)")
    for page in site.section_pages("events"):
        expected = page.parent / f"{page.parent.name}.ics"
        if expected not in have and site.is_event_page(page):
            report.findings.append(f"{site.rel(expected)}: missing: the file of event {site.rel(page)} (SITE.md)")


def check_across_files(site, files: list[IcsFile], report: Report) -> None:
    """One UID has one URL, one URL one UID; a network feed's events are in the site feed."""
    url_of_uid: dict[str, tuple[str, str]] = {}
    uid_of_url: dict[str, tuple[str, str]] = {}
    for f in files:
        for uid, url in f.urls.items():
            if uid in url_of_uid and url_of_uid[uid][0] != url:
                report.findings.append(f"{f.rel}: VEVENT {uid}: URL {url}, but {url_of_uid[uid][1]} gives this "
                                       f"UID the URL {url_of_uid[uid][0]}")
            url_of_uid.setdefault(uid, (url, f.rel))
            if url in uid_of_url and uid_of_url[url][0] != uid:
                report.findings.append(f"{f.rel}: VEVENT {uid}: URL {url} is also the URL of UID "
                                       f"{uid_of_url[url][0]} in {uid_of_url[url][1]}")
            uid_of_url.setdefault(url, (uid, f.rel))
    site_feed = next((f for f in files if f.kind == SITE_FEED), None)
    if site_feed is None:
        return
    for f in files:
        if f.kind == NETWORK_FEED:
            for uid in sorted(set(f.urls) - set(site_feed.urls)):
                report.findings.append(f"{f.rel}: VEVENT {uid} is not in the site feed {site_feed.rel}")


def check_site(site) -> Report:
    """The `ical` check of gate.py: every .ics of the site, and the pages they describe."""
    report = Report()
    clear_caches()
    marked_on_page.cache_clear()
    paths = sorted(site.root.rglob("*.ics"))
    files = []
    for path in paths:
        ics, out = check_file(site, path)
        files.append(ics)
        report.findings += out
    if not files:
        report.findings.append(f"no .ics file in the site: it must publish {site.words['calendar']}.ics, one per "
                               f"network and one per event (SITE.md)")
    if files:
        check_files_present(site, files, report)
    check_across_files(site, files, report)
    compared, pages = compare_with_pages(site, files, report)
    month_looked = check_month_pages(site, files, report)
    count = {k: sum(1 for f in files if f.kind == k) for k in (SITE_FEED, NETWORK_FEED, EVENT_FILE, OTHER)}
    if count[OTHER]:
        report.notes.append("not a feed nor an event's file by its path (only checked on its own): "
                            + ", ".join(f.rel for f in files if f.kind == OTHER))
    report.summary = (
        f"{len(files)} .ics files ({count[SITE_FEED]} site feed, {count[NETWORK_FEED]} network feeds, "
        f"{count[EVENT_FILE]} event files, {count[OTHER]} other) parsed with icalendar and vobject, "
        f"{sum(f.events for f in files)} VEVENTs; {sum(len(f.occurrences) for f in files)} occurrences expanded, "
        f"{sum(f.zone_times for f in files)} times checked against tzdata; {compared} occurrences compared "
        f"with {pages} event pages, {month_looked} with month pages; {len(report.findings)} problems")
    return report


# --------------------------------------------------------------------------
# One event's occurrences, iCal beside page


def show_occurrences(site, slug: str, write=print) -> int:
    """Prints one event's occurrences in each .ics that has it beside the
    occurrences its page marks. 0: all equal; 1: they differ; 2: no such event."""
    folder = site.root / site.words["events"]
    page = folder / slug / "index.html"
    if not page.is_file():
        candidates = sorted(p.parent.name for p in folder.glob("*/index.html") if slug in p.parent.name)
        if len(candidates) != 1:
            write(f"no event page {site.rel(page)}" + (f"; did you mean one of: {', '.join(candidates)}"
                                                        if candidates else ""))
            return 2
        page = folder / candidates[0] / "index.html"
    sets: dict[frozenset, list[str]] = {}
    rows: dict[frozenset, dict[tuple[str, str], str]] = {}
    rules: list[str] = []
    uids: set[str] = set()
    for path in sorted(site.root.rglob("*.ics")):
        rel = site.rel(path)
        out = Findings(rel)
        cal = parse_with_icalendar(path.read_bytes(), out)
        if cal is None:
            write(f"  ({rel} not read: {'; '.join(out)})")
            continue
        occs = [o for o in expand(cal, out) if o.url and site.file_of_url(o.url) == page]
        if not occs:
            continue
        uids |= {o.uid for o in occs}
        key = frozenset(o.key for o in occs)
        sets.setdefault(key, []).append(rel)
        rows[key] = {o.key: o.show() for o in occs}
        if not rules:
            for ev in cal.walk("VEVENT"):
                if ev.get("URL") and site.file_of_url(str(ev["URL"])) == page:
                    rules = [str(line) for line in ev.content_lines()
                             if re.match(r"(DTSTART|DTEND|RRULE|EXDATE|RDATE)[;:]", str(line))]
    own = own_occurrences(site, page)
    on_page = {(m.start_key, m.end_key): f"{m.start} – {m.end}" for m in own}
    write(f"Occurrences of {site.rel(page)} (UID {', '.join(sorted(uids)) or 'none'})")
    for line in rules:
        write(f"  {line}")
    if not sets:
        write("  no .ics file has an event with this page as its URL")
    differs = not sets
    for key, rels in sets.items():
        in_ical = rows[key]
        write("")
        write(f"  iCal: {', '.join(rels)} (expanded by recurring_ical_events)")
        write(f"  page: {site.rel(page)} (data-occurrence-start – data-occurrence-end)")
        width = max([len(v) for v in in_ical.values()] + [len("iCal")])
        write(f"   #  {'iCal':<{width}}   {'page':<{width}}   start (UTC, or the date)")
        for n, k in enumerate(sorted(set(in_ical) | set(on_page), key=lambda k: (k[0] or "", k[1] or "")), 1):
            mark = "=" if k in in_ical and k in on_page else ("only in iCal" if k in in_ical else "only on page")
            differs |= mark != "="
            write(f"  {n:>2}  {in_ical.get(k, '—'):<{width}}   {on_page.get(k, '—'):<{width}}   "
                  f"{k[0]}  {mark}")
        write(f"  {len(in_ical)} in iCal, {len(on_page)} on the page: "
              + ("the same" if set(in_ical) == set(on_page) else "DIFFERENT"))
    return 1 if differs else 0


def main(argv: list[str]) -> int:
    if argv == ["--selftest"]:
        from ical.selftest import selftest

        return selftest()
    import argparse

    ap = argparse.ArgumentParser(description="The ical check of gate.py, alone.")
    ap.add_argument("site", type=Path)
    ap.add_argument("--show-occurrences", metavar="SLUG")
    args = ap.parse_args(argv)
    from builtsite import Site

    site = Site(args.site)
    if args.show_occurrences:
        return show_occurrences(site, args.show_occurrences)
    return print_report(check_site(site))


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
