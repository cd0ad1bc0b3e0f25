"""The occurrences the pages mark, against the .ics files (SITE.md, "iCal
feeds", and the HTML contract of TEMPLATES.md).

The page at a VEVENT's URL has one element per occurrence with
`data-occurrence-start` and `data-occurrence-end`: ISO 8601 date-times with
a UTC offset for timed events (2027-03-17T08:30:00+01:00), dates for
whole-day events with the end exclusive (2027-05-01, 2027-05-03). An element
that is a link to another page, is inside one, or holds one such link is
about that page and is left out. For every file, each event's set of
(start, end) occurrences must equal its page's set exactly (timed ones
compared as UTC instants, whole-day ones as dates).

Month calendars (<calendar>/<yyyy>/<mm>/), when the site has them: every
occurrence in the site feed is marked, by `data-occurrence-start` on a link
to the event page (on the <a>, inside it, or on an element holding that one
link), on the page of the month it starts in (in its time zone); and no
occurrence of a feed event is marked that the feed does not have.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from dataclasses import dataclass
from pathlib import Path

from findings import Report, listed
from pages import page_tree
from times import instant_key

from .occurrences import IcsFile, Occurrence
from .structure import SITE_FEED


@dataclass
class Marked:
    """An element of a page with data-occurrence-start (and -end)."""

    start: str
    end: str | None
    start_key: str | None
    end_key: str | None
    target: Path | None  # the page the element links to, if it is or is in a link
    line: int | None


def page_time_key(text: str) -> tuple[str | None, str | None]:
    """(comparable key, problem) of a data-occurrence-* value."""
    text = text.strip()
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}", text):
        try:
            return dt.date.fromisoformat(text).isoformat(), None
        except ValueError:
            return None, f"{text!r} is not a date"
    try:
        value = dt.datetime.fromisoformat(text)
    except ValueError:
        return None, f"{text!r} is not an ISO 8601 date or date-time"
    if value.tzinfo is None:
        return None, f"{text!r} has no UTC offset"
    return instant_key(value), None


@functools.lru_cache(maxsize=None)
def marked_on_page(site, page: Path) -> tuple[tuple[Marked, ...], tuple[str, ...]]:
    """The marked occurrences of a page, and problems with their attribute values."""
    marks, problems = [], []
    for el in page_tree(page).find_all(attrs={"data-occurrence-start": True}):
        link = el if el.name == "a" and el.get("href") else el.find_parent("a", href=True)
        links = [link] if link else el.find_all("a", href=True)
        targets = {site.target_of(page, a["href"]) for a in links}
        targets.discard(None)
        target = targets.pop() if len(targets) == 1 else None
        start, end = el["data-occurrence-start"], el.get("data-occurrence-end")
        start_key, problem = page_time_key(start)
        if problem:
            problems.append(f"{site.rel(page)}:{el.sourceline}: data-occurrence-start: {problem}")
        end_key = None
        if end is not None:
            end_key, problem = page_time_key(end)
            if problem:
                problems.append(f"{site.rel(page)}:{el.sourceline}: data-occurrence-end: {problem}")
        marks.append(Marked(start, end, start_key, end_key, target, el.sourceline))
    return tuple(marks), tuple(problems)


def own_occurrences(site, page: Path) -> list[Marked]:
    """The marks of an event page about itself (not links to other pages)."""
    marks, _ = marked_on_page(site, page)
    return [m for m in marks if m.target is None or m.target == page]


def compare_with_pages(site, files: list[IcsFile], report: Report) -> tuple[int, int]:
    """Each event's occurrences in each file == the occurrences marked on its page.
    Returns (occurrences compared, event pages)."""
    groups: dict[tuple[str, str, frozenset], list[IcsFile]] = {}
    shown: dict[tuple[str, str], str] = {}
    for f in files:
        by_uid: dict[str, list[Occurrence]] = {}
        for occ in f.occurrences:
            by_uid.setdefault(occ.uid, []).append(occ)
        for uid, occs in by_uid.items():
            for occ in occs:
                shown.setdefault(occ.key, occ.show())
            groups.setdefault((uid, occs[0].url, frozenset(o.key for o in occs)), []).append(f)
    compared, pages = 0, set()
    reported_problems: set[str] = set()
    for (uid, url, keys), in_files in sorted(groups.items(), key=lambda g: (g[0][0], g[0][1])):
        where = ", ".join(f.rel for f in in_files)
        page = site.file_of_url(url) if url else None
        if page is None or not page.is_file():
            continue  # reported by check_urls
        pages.add(page)
        compared += len(keys) * len(in_files)
        marks, problems = marked_on_page(site, page)
        for problem in problems:
            if problem not in reported_problems:
                report.findings.append(problem)
                reported_problems.add(problem)
        own = own_occurrences(site, page)
        for m in own:
            if m.end is None and f"{page}:{m.line}" not in reported_problems:
                report.findings.append(f"{site.rel(page)}:{m.line}: data-occurrence-start={m.start!r} "
                                       f"has no data-occurrence-end")
                reported_problems.add(f"{page}:{m.line}")
        if not own:
            report.findings.append(f"{where}: VEVENT {uid}: its page {site.rel(page)} marks no occurrence "
                                   f"(no element with data-occurrence-start and data-occurrence-end)")
            continue
        on_page = {(m.start_key, m.end_key): f"{m.start} – {m.end}" for m in own if m.start_key and m.end_key}
        missing = sorted(keys - on_page.keys())
        extra = sorted(on_page.keys() - keys)
        if missing or extra:
            parts = [f"{len(keys)} occurrence(s) in iCal, {len(on_page)} on {site.rel(page)}"]
            if missing:
                parts.append(f"not on the page: {listed([shown[k] for k in missing])}")
            if extra:
                parts.append(f"only on the page: {listed([on_page[k] for k in extra])}")
            report.findings.append(f"{where}: VEVENT {uid}: " + "; ".join(parts))
    return compared, len(pages)


MONTH_PATH = re.compile(r"^(\d{4})/(\d{2})$")


def month_pages(site) -> dict[tuple[int, int], Path]:
    folder = site.root / site.words["calendar"]
    pages = {}
    if folder.is_dir():
        for page in folder.glob("*/*/index.html"):
            m = MONTH_PATH.match(page.parent.relative_to(folder).as_posix())
            if m:
                pages[(int(m.group(1)), int(m.group(2)))] = page
    return pages


def check_month_pages(site, files: list[IcsFile], report: Report) -> int:
    """Every site-feed occurrence is marked on its month's page, and no other
    occurrence of a feed event is. Returns how many occurrences were looked for."""
    months = month_pages(site)
    feed = next((f for f in files if f.kind == SITE_FEED), None)
    if not months or feed is None:
        report.notes.append(f"no month pages {site.words['calendar']}/<yyyy>/<mm>/ (or no site feed): "
                            f"month calendars not compared")
        return 0
    starts_of_page: dict[Path, set[str]] = {}
    looked = 0
    for occ in feed.occurrences:
        page = site.file_of_url(occ.url) if occ.url else None
        if page is None or not page.is_file():
            continue
        starts_of_page.setdefault(page, set()).add(occ.key[0])
        day = occ.start.date() if isinstance(occ.start, dt.datetime) else occ.start
        month_page = months.get((day.year, day.month))
        looked += 1
        if month_page is None:
            report.findings.append(f"{feed.rel}: VEVENT {occ.uid}: occurrence {occ.show()} is in "
                                   f"{day.year}-{day.month:02d}, but the site has no "
                                   f"{site.words['calendar']}/{day.year}/{day.month:02d}/")
            continue
        marks, _ = marked_on_page(site, month_page)
        if not any(m.target == page and m.start_key == occ.key[0] for m in marks):
            report.findings.append(f"{site.rel(month_page)}: does not mark the occurrence {occ.show()} of "
                                   f"{site.rel(page)} (VEVENT {occ.uid} in {feed.rel}) with a link to it and "
                                   f"data-occurrence-start")
    for month_page in sorted(months.values()):
        marks, problems = marked_on_page(site, month_page)
        report.findings.extend(problems)
        for m in marks:
            if m.target in starts_of_page and m.start_key and m.start_key not in starts_of_page[m.target]:
                report.findings.append(f"{site.rel(month_page)}:{m.line}: marks {m.start} of "
                                       f"{site.rel(m.target)}, which is not an occurrence of it in {feed.rel}")
    return looked
