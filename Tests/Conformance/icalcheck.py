#!/usr/bin/env python3
"""The `ical` check of the conformance gate: every .ics file of a built site.

Called by gate.py (`gate.py site/ --only ical`); `gate.py site/
--show-occurrences <slug>` prints one event's occurrences, iCal beside page.
`python icalcheck.py --selftest` tests the octet-level and structural checks
on small hand-made calendars.

For every .ics under the site folder (SITE.md, "iCal feeds"):

1. It parses with icalendar (no component has `errors`) and with vobject.
2. Octets and structure, checked on the raw bytes by this module's own
   reader (not through a library, which would forgive): CRLF line ends only;
   physical lines of at most 75 octets; no UTF-8 character split at a fold
   (every physical line decodes on its own); VERSION:2.0, PRODID,
   CALSCALE:GREGORIAN, METHOD:PUBLISH; feeds (kalender.ics / calendar.ics,
   site-wide and per network) with NAME, X-WR-CALNAME, X-WR-TIMEZONE,
   REFRESH-INTERVAL;VALUE=DURATION:PT12H and X-PUBLISHED-TTL:PT12H; the file
   of one event (<events>/<slug>/<slug>.ics) with one VEVENT and neither NAME
   nor X-WR-CALNAME; a VTIMEZONE for every TZID, its observances as yearly
   RRULEs, no RDATE; every VEVENT with one each of UID (unique in the file),
   DTSTAMP (UTC), DTSTART, DTEND, SUMMARY, URL, STATUS (CONFIRMED, CANCELLED,
   TENTATIVE) and SEQUENCE; no floating times (DTSTART, DTEND, EXDATE, RDATE,
   RECURRENCE-ID are VALUE=DATE, or have TZID, or are UTC); whole-day events
   with a DATE DTEND after DTSTART; a finite RRULE whose UNTIL has the form
   RFC 5545 3.3.10 asks for; TEXT values escaped.
3. Time zones: each series is expanded with recurring_ical_events, and every
   occurrence's start and end, read as wall time in its TZID, must give the
   same UTC instant by the file's own VTIMEZONE rules (turned into a tzinfo
   by icalendar with lookup_tzid=False, so the rules really are used) as by
   zoneinfo (tzdata). This catches a VTIMEZONE whose rules are wrong or stop
   too early. Every EXDATE must exclude an occurrence of its RRULE.
4. Occurrences against the pages. The HTML contract: the page at a VEVENT's
   URL has one element per occurrence with `data-occurrence-start` and
   `data-occurrence-end`: ISO 8601 date-times with a UTC offset for timed
   events (2027-03-17T08:30:00+01:00), dates for whole-day events with the
   end exclusive (2027-05-01, 2027-05-03). An element that is a link to
   another page, is inside one, or holds one such link is about that page
   and is left out. For every
   file, each event's set of (start, end) occurrences must equal its page's
   set exactly (timed ones compared as UTC instants, whole-day ones as dates).
5. Month calendars (<calendar>/<yyyy>/<mm>/), when the site has them: every
   occurrence in the site feed is marked, by `data-occurrence-start` on a
   link to the event page (on the <a>, inside it, or on an element holding
   that one link), on the page of the month it starts in (in its time zone);
   and no occurrence of a feed event is marked that the feed does not have.
6. The site has the files SITE.md names: the site feed, a feed per network
   page, a file per event page (a page with schema.org Event JSON-LD or with
   occurrences marked); one UID has one URL across files; every event of a
   network feed is in the site feed.

The site object is gate.py's Site (root, base_url, words, rel, url_of,
file_of_url); this module does not import gate.py except to run alone.
"""

from __future__ import annotations

import copy
import datetime as dt
import functools
import json
import re
import sys
import urllib.parse
from dataclasses import dataclass, field
from pathlib import Path
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from findings import (MAX_LINES_LISTED, Findings, Report, case_passes, line_numbers, listed, physical_lines,
                      print_report, selftest_result)

UTC = dt.timezone.utc
FAR_PAST = (1900, 1, 1)  # recurring_ical_events expands between these
FAR_FUTURE = (2200, 1, 1)

STATUSES = ("CONFIRMED", "CANCELLED", "TENTATIVE")
REQUIRED_EVENT_PROPERTIES = ("UID", "DTSTAMP", "DTSTART", "DTEND", "SUMMARY", "URL", "STATUS", "SEQUENCE")
TIME_PROPERTIES = ("DTSTART", "DTEND", "EXDATE", "RDATE", "RECURRENCE-ID")
UTC_PROPERTIES = ("DTSTAMP", "LAST-MODIFIED", "CREATED")
TEXT_PROPERTIES = ("SUMMARY", "DESCRIPTION", "LOCATION", "COMMENT", "NAME", "X-WR-CALNAME")
FEED_TTL = "PT12H"  # SITE.md: REFRESH-INTERVAL;VALUE=DURATION:PT12H and X-PUBLISHED-TTL:PT12H

SITE_FEED, NETWORK_FEED, EVENT_FILE, OTHER = "site feed", "network feed", "event file", "other"

DATE = re.compile(r"^\d{8}$")
LOCAL_TIME = re.compile(r"^\d{8}T\d{6}$")
UTC_TIME = re.compile(r"^\d{8}T\d{6}Z$")


# --------------------------------------------------------------------------
# 1. Octets: line ends, line length, UTF-8 at folds


def unfold(data: bytes) -> list[tuple[int, bytes]]:
    """Logical content lines as (number of their first physical line, octets)."""
    logical: list[tuple[int, bytes]] = []
    for n, (content, _) in enumerate(physical_lines(data), 1):
        if content[:1] in (b" ", b"\t") and logical:
            first, text = logical[-1]
            logical[-1] = (first, text + content[1:])
        elif content:
            logical.append((n, content))
    return logical


def check_octets(data: bytes, out: Findings) -> None:
    """CRLF only, at most 75 octets a line, no UTF-8 character split at a fold."""
    lines = physical_lines(data)
    bare_lf = [n for n, (_, end) in enumerate(lines, 1) if end == b"\n"]
    bare_cr = [n for n, (_, end) in enumerate(lines, 1) if end == b"\r"]
    long = [(n, len(c)) for n, (c, _) in enumerate(lines, 1) if len(c) > 75]
    empty = [n for n, (c, end) in enumerate(lines, 1) if not c and end]
    not_alone = [n for n, (c, _) in enumerate(lines, 1) if not decodes(c)]
    if data.startswith(b"\xef\xbb\xbf"):
        out.add("starts with a UTF-8 byte order mark", 1)
    if bare_lf:
        out.add(f"{len(bare_lf)} line(s) end with a bare LF, not CRLF (RFC 5545 3.1): "
                f"{line_numbers(bare_lf)}")
    if bare_cr:
        out.add(f"{len(bare_cr)} line(s) end with a bare CR, not CRLF (RFC 5545 3.1): "
                f"{line_numbers(bare_cr)}")
    if lines and lines[-1][1] == b"":
        out.add("the last line has no CRLF", len(lines))
    if long:
        out.add(f"{len(long)} line(s) longer than 75 octets (RFC 5545 3.1): "
                + listed([f"line {n} ({size} octets)" for n, size in long], MAX_LINES_LISTED))
    if empty:
        out.add(f"{len(empty)} empty line(s) (not a content line, RFC 5545 3.1): "
                f"{line_numbers(empty)}")
    if not_alone:
        # A line that does not decode alone: a character split at a fold if
        # the unfolded content line decodes, else the file is not UTF-8.
        logical = unfold(data)
        bad_logical = {first for first, text in logical if not decodes(text)}
        split, invalid = [], []
        for n in not_alone:
            first = max((m for m, _ in logical if m <= n), default=n)  # the content line n belongs to
            (invalid if first in bad_logical else split).append(n)
        if split:
            out.add(f"{len(split)} line(s) do not decode as UTF-8 on their own: a character split at a fold "
                    f"(RFC 5545 3.1): {line_numbers(split)}")
        if invalid:
            out.add(f"{len(invalid)} line(s) are not valid UTF-8 (RFC 5545 3.1.4): "
                    f"{line_numbers(invalid)}")


def decodes(octets: bytes) -> bool:
    try:
        octets.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


# --------------------------------------------------------------------------
# 2. Structure, read from the raw content lines


@dataclass
class Prop:
    name: str  # upper case
    params: dict[str, list[str]]  # names upper case
    value: str
    line: int

    def param(self, name: str) -> str | None:
        values = self.params.get(name)
        return values[0] if values else None


@dataclass
class Comp:
    name: str
    line: int
    props: list[Prop] = field(default_factory=list)
    subs: list["Comp"] = field(default_factory=list)

    def all(self, name: str) -> list[Prop]:
        return [p for p in self.props if p.name == name]

    def one(self, name: str) -> Prop | None:
        found = self.all(name)
        return found[0] if found else None

    def value(self, name: str) -> str | None:
        p = self.one(name)
        return p.value if p else None

    def children(self, name: str) -> list["Comp"]:
        return [c for c in self.subs if c.name == name]


NAME = re.compile(r"[A-Za-z0-9-]+")
UNQUOTED_PARAM_VALUE = re.compile(r'[^";:,]*')


def parse_content_line(text: str, line: int) -> Prop:
    """name *(";" param) ":" value (RFC 5545 3.1); raises ValueError."""
    m = NAME.match(text)
    if not m:
        raise ValueError("no property name")
    name, i, params = m.group().upper(), m.end(), {}
    while i < len(text) and text[i] == ";":
        m = NAME.match(text, i + 1)
        if not m or m.end() >= len(text) or text[m.end()] != "=":
            raise ValueError("a parameter without name=value")
        pname, i, values = m.group().upper(), m.end() + 1, []
        while True:
            if i < len(text) and text[i] == '"':
                end = text.find('"', i + 1)
                if end < 0:
                    raise ValueError("an unclosed quoted parameter value")
                values.append(text[i + 1:end])
                i = end + 1
            else:
                m = UNQUOTED_PARAM_VALUE.match(text, i)
                values.append(m.group())
                i = m.end()
            if i < len(text) and text[i] == ",":
                i += 1
                continue
            break
        params[pname] = values
    if i >= len(text) or text[i] != ":":
        raise ValueError("no ':' after the name and parameters")
    return Prop(name, params, text[i + 1:], line)


def parse_raw(data: bytes, out: Findings) -> Comp | None:
    """The component tree of the file, from BEGIN/END, without a library."""
    root: Comp | None = None
    stack: list[Comp] = []
    for n, octets in unfold(data):
        text = octets.decode("utf-8", errors="replace")
        try:
            prop = parse_content_line(text, n)
        except ValueError as e:
            out.add(f"not a content line ({e}): {text[:60]!r}", n)
            continue
        if prop.name == "BEGIN":
            comp = Comp(prop.value.upper(), n)
            if stack:
                stack[-1].subs.append(comp)
            elif root is None:
                root = comp
            else:
                out.add(f"BEGIN:{prop.value} after the calendar has ended", n)
            stack.append(comp)
        elif prop.name == "END":
            if stack and stack[-1].name == prop.value.upper():
                stack.pop()
            else:
                out.add(f"END:{prop.value} does not close {stack[-1].name if stack else 'any component'}", n)
                names = [c.name for c in stack]
                if prop.value.upper() in names:
                    del stack[names.index(prop.value.upper()):]
        elif stack:
            stack[-1].props.append(prop)
        else:
            out.add(f"{prop.name} outside any component", n)
    for comp in stack:
        out.add(f"BEGIN:{comp.name} is never ended", comp.line)
    if root is None:
        out.add("no BEGIN:VCALENDAR")
    return root


def require_value(comp: Comp, name: str, wanted: str | None, out: Findings, why: str = "") -> None:
    """Exactly one `name`, with the value `wanted` (or any non-empty value)."""
    props = comp.all(name)
    if not props:
        out.add(f"no {name}" + (f" ({why})" if why else ""), comp.line)
    elif len(props) > 1:
        out.add(f"{name} appears {len(props)} times", props[1].line)
    elif wanted is not None and props[0].value != wanted:
        out.add(f"{name} is {props[0].value!r}, must be {wanted}" + (f" ({why})" if why else ""), props[0].line)
    elif not props[0].value.strip():
        out.add(f"{name} is empty", props[0].line)


def check_calendar_properties(cal: Comp, kind: str, out: Findings) -> None:
    """VCALENDAR properties; feeds are named calendars, an event file is not."""
    if cal.name != "VCALENDAR":
        out.add(f"the top component is {cal.name}, not VCALENDAR", cal.line)
        return
    require_value(cal, "VERSION", "2.0", out)
    require_value(cal, "PRODID", None, out)
    require_value(cal, "CALSCALE", "GREGORIAN", out, "SITE.md")
    require_value(cal, "METHOD", "PUBLISH", out, "SITE.md")
    if kind in (SITE_FEED, NETWORK_FEED):
        require_value(cal, "NAME", None, out, "RFC 7986, SITE.md")
        require_value(cal, "X-WR-CALNAME", None, out, "SITE.md")
        require_value(cal, "X-WR-TIMEZONE", None, out, "SITE.md")
        require_value(cal, "X-PUBLISHED-TTL", FEED_TTL, out, "SITE.md")
        require_value(cal, "REFRESH-INTERVAL", FEED_TTL, out, "RFC 7986, SITE.md")
        refresh = cal.one("REFRESH-INTERVAL")
        if refresh and refresh.param("VALUE") != "DURATION":
            out.add("REFRESH-INTERVAL needs VALUE=DURATION (RFC 7986 5.7)", refresh.line)
        zone = cal.value("X-WR-TIMEZONE")
        if zone and not known_zone(zone):
            out.add(f"X-WR-TIMEZONE {zone} is not an IANA time zone id", cal.one("X-WR-TIMEZONE").line)
    if kind == EVENT_FILE:
        for name in ("NAME", "X-WR-CALNAME"):
            for p in cal.all(name):
                out.add(f"the file of one event has {name} (Outlook would make a calendar of it; SITE.md)", p.line)
        events = cal.children("VEVENT")
        if len(events) != 1:
            out.add(f"the file of one event has {len(events)} VEVENTs, not 1")
    if not cal.subs:
        out.add("the calendar has no component (RFC 5545 3.6 needs one)", cal.line)
    for name in ("NAME", "X-WR-CALNAME"):
        check_text_escaping(cal.one(name), out, "")


def known_zone(tzid: str) -> bool:
    try:
        ZoneInfo(tzid)
    except (ZoneInfoNotFoundError, ValueError):
        return False
    return True


def check_timezones_defined(cal: Comp, out: Findings) -> None:
    """A VTIMEZONE for every TZID used; observances as yearly RRULEs, no RDATE."""
    defined: dict[str, Comp] = {}
    for tz in cal.children("VTIMEZONE"):
        tzid = tz.value("TZID")
        if not tzid:
            out.add("VTIMEZONE without TZID", tz.line)
            continue
        if tzid in defined:
            out.add(f"a second VTIMEZONE for {tzid} (the first is on line {defined[tzid].line})", tz.line)
        defined[tzid] = tz
        if not known_zone(tzid):
            out.add(f"VTIMEZONE {tzid}: not an IANA time zone id (it cannot be checked against tzdata)", tz.line)
        observances = [c for c in tz.subs if c.name in ("STANDARD", "DAYLIGHT")]
        if not observances:
            out.add(f"VTIMEZONE {tzid} has no STANDARD or DAYLIGHT", tz.line)
        has_dst = any(c.name == "DAYLIGHT" for c in observances)
        for obs in observances:
            where = f"VTIMEZONE {tzid} {obs.name}"
            for name in ("DTSTART", "TZOFFSETFROM", "TZOFFSETTO"):
                if not obs.one(name):
                    out.add(f"{where} has no {name}", obs.line)
            for rdate in obs.all("RDATE"):
                out.add(f"{where} uses RDATE {rdate.value[:40]}: rules must be yearly RRULEs (SITE.md)", rdate.line)
            rrule = obs.one("RRULE")
            if rrule is None and has_dst:
                out.add(f"{where} has no RRULE (a zone with daylight saving needs yearly RRULEs, SITE.md)", obs.line)
            elif rrule is not None and rrule_parts(rrule.value).get("FREQ") != "YEARLY":
                out.add(f"{where} RRULE is not FREQ=YEARLY: {rrule.value}", rrule.line)
    used: dict[str, list[int]] = {}
    for comp in walk(cal, skip="VTIMEZONE"):
        for prop in comp.props:
            tzid = prop.param("TZID")
            if tzid:
                used.setdefault(tzid, []).append(prop.line)
    for tzid, lines in used.items():
        if tzid not in defined:
            out.add(f"TZID {tzid} is used {len(lines)} time(s) (first on line {lines[0]}) but there is no "
                    f"VTIMEZONE for it (RFC 5545 3.2.19)")


def walk(comp: Comp, skip: str | None = None):
    if comp.name == skip:
        return
    yield comp
    for sub in comp.subs:
        yield from walk(sub, skip)


def rrule_parts(value: str) -> dict[str, str]:
    return dict(part.split("=", 1) for part in value.upper().split(";") if "=" in part)


def time_form(prop: Prop) -> tuple[str | None, str | None]:
    """The form of a DATE / DATE-TIME property: ("date" | "utc" | "tz:<TZID>", problem)."""
    values = prop.value.split(",")
    if prop.param("VALUE") == "DATE":
        if all(DATE.match(v) for v in values):
            return "date", None
        return None, f"{prop.name} has VALUE=DATE but the value {prop.value!r} is not a date"
    if prop.param("VALUE") == "PERIOD":
        return None, f"{prop.name} is a PERIOD, which Kreds does not write"
    tzid = prop.param("TZID")
    if tzid:
        if all(LOCAL_TIME.match(v) for v in values):
            return f"tz:{tzid}", None
        if any(UTC_TIME.match(v) for v in values):
            return None, f"{prop.name} has TZID={tzid} and a UTC time {prop.value!r} (RFC 5545 3.3.5 forbids both)"
        return None, f"{prop.name} {prop.value!r} is not a DATE-TIME"
    if all(UTC_TIME.match(v) for v in values):
        return "utc", None
    if all(LOCAL_TIME.match(v) or UTC_TIME.match(v) for v in values):
        return None, f"{prop.name}:{prop.value} is a floating time: no TZID, not UTC, not VALUE=DATE (SITE.md)"
    return None, f"{prop.name} {prop.value!r} is not a DATE-TIME (nor VALUE=DATE)"


def check_event_properties(ev: Comp, out: Findings) -> None:
    """One VEVENT: required properties, status, times, rule, escaping."""
    uid = ev.value("UID") or "(no UID)"

    def add(message: str, line: int | None = None) -> None:
        out.add(f"VEVENT {uid}: {message}", line or ev.line)

    for name in REQUIRED_EVENT_PROPERTIES:
        props = ev.all(name)
        if not props:
            add(f"no {name}")
        elif len(props) > 1:
            add(f"{name} appears {len(props)} times", props[1].line)
    status = ev.one("STATUS")
    if status and status.value not in STATUSES:
        add(f"STATUS is {status.value!r}, not one of {', '.join(STATUSES)}", status.line)
    sequence = ev.one("SEQUENCE")
    if sequence and not re.fullmatch(r"\d+", sequence.value):
        add(f"SEQUENCE is {sequence.value!r}, not an integer >= 0", sequence.line)
    for name in UTC_PROPERTIES:
        for p in ev.all(name):
            if not UTC_TIME.match(p.value) or p.param("TZID"):
                add(f"{name}:{p.value} must be a UTC date-time ending in Z (RFC 5545 3.8.7)", p.line)
    forms: dict[str, str | None] = {}
    for name in TIME_PROPERTIES:
        for p in ev.all(name):
            form, problem = time_form(p)
            if problem:
                add(problem, p.line)
            forms.setdefault(name, form)
    start, end = ev.one("DTSTART"), ev.one("DTEND")
    start_form, end_form = forms.get("DTSTART"), forms.get("DTEND")
    if start and end and start_form == "date":
        if end_form != "date":
            add(f"a whole-day event (DTSTART;VALUE=DATE) needs DTEND;VALUE=DATE, has DTEND:{end.value}", end.line)
        elif end.value <= start.value:
            add(f"whole-day DTEND {end.value} is not after DTSTART {start.value} "
                f"(DTEND is the day after the last day, SITE.md)", end.line)
    elif start and end and start_form and end_form == "date":
        add(f"DTSTART is a date-time but DTEND is a date: {end.value}", end.line)
    for name in ("EXDATE", "RDATE", "RECURRENCE-ID"):
        form = forms.get(name)
        if form and start_form and (form == "date") != (start_form == "date"):
            kind = "a date" if form == "date" else "a date-time"
            add(f"{name} is {kind} but DTSTART is not: they must have the same value type", ev.one(name).line)
    rrules = ev.all("RRULE")
    if len(rrules) > 1:
        add(f"RRULE appears {len(rrules)} times", rrules[1].line)
    if rrules:
        check_rrule(rrules[0], start_form, add)
    elif ev.all("EXDATE") and not ev.all("RDATE"):
        add("EXDATE without RRULE", ev.one("EXDATE").line)
    for name in TEXT_PROPERTIES:
        for p in ev.all(name):
            check_text_escaping(p, out, f"VEVENT {uid}: ")


def check_rrule(rrule: Prop, start_form: str | None, add) -> None:
    """A finite series (CONTENT.md) whose UNTIL has the form of DTSTART (RFC 5545 3.3.10)."""
    parts = rrule_parts(rrule.value)
    if "FREQ" not in parts:
        add(f"RRULE without FREQ: {rrule.value}", rrule.line)
    if "COUNT" not in parts and "UNTIL" not in parts:
        add(f"RRULE has neither COUNT nor UNTIL (series are finite, CONTENT.md): {rrule.value}", rrule.line)
    until = parts.get("UNTIL")
    if until and start_form == "date" and not DATE.match(until):
        add(f"RRULE UNTIL={until} must be a date, as DTSTART is (RFC 5545 3.3.10)", rrule.line)
    elif until and start_form and start_form != "date" and not UTC_TIME.match(until):
        add(f"RRULE UNTIL={until} must be a UTC date-time ending in Z, as DTSTART is a date-time "
            f"(RFC 5545 3.3.10)", rrule.line)


def check_text_escaping(prop: Prop | None, out: Findings, prefix: str) -> None:
    """TEXT values escape backslash, semicolon and comma; a backslash escapes only \\ ; , n N."""
    if prop is None:
        return
    value, i = prop.value, 0
    while i < len(value):
        c = value[i]
        if c == "\\":
            if value[i + 1:i + 2] not in ("\\", ";", ",", "n", "N"):
                out.add(f"{prefix}{prop.name}: a backslash that escapes nothing at {value[max(0, i - 15):i + 5]!r} "
                        f"(RFC 5545 3.3.11)", prop.line)
                return
            i += 2
            continue
        if c in ";,":
            out.add(f"{prefix}{prop.name}: unescaped {c!r} at {value[max(0, i - 20):i + 5]!r} "
                    f"(write \\{c}, RFC 5545 3.3.11)", prop.line)
            return
        i += 1


def check_unique_uids(cal: Comp, out: Findings) -> None:
    seen: dict[str, int] = {}
    for ev in cal.children("VEVENT"):
        uid = ev.value("UID")
        if not uid or ev.one("RECURRENCE-ID"):
            continue
        if uid in seen:
            out.add(f"VEVENT {uid}: UID already used by the VEVENT on line {seen[uid]}", ev.line)
        seen.setdefault(uid, ev.line)


def check_structure(data: bytes, kind: str, out: Findings) -> Comp | None:
    """Octets and the structure of the raw content lines: no library involved."""
    check_octets(data, out)
    cal = parse_raw(data, out)
    if cal is not None:
        check_calendar_properties(cal, kind, out)
        if cal.name == "VCALENDAR":
            check_timezones_defined(cal, out)
            check_unique_uids(cal, out)
            for ev in cal.children("VEVENT"):
                check_event_properties(ev, out)
    return cal


# --------------------------------------------------------------------------
# 3. icalendar and vobject, time zones, occurrences


@dataclass
class Occurrence:
    """One occurrence of an event, as recurring_ical_events expands it."""

    uid: str
    url: str
    start: dt.date | dt.datetime
    end: dt.date | dt.datetime
    start_tzid: str | None = None
    end_tzid: str | None = None

    @property
    def key(self) -> tuple[str, str]:
        return instant_key(self.start), instant_key(self.end)

    def show(self) -> str:
        return f"{local_text(self.start)} – {local_text(self.end)}"


def instant_key(value: dt.date | dt.datetime) -> str:
    """Comparable text: a date as YYYY-MM-DD, an aware date-time as UTC."""
    if isinstance(value, dt.datetime):
        if value.tzinfo is None:
            return "floating " + value.isoformat()
        return value.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
    return value.isoformat()


def local_text(value: dt.date | dt.datetime) -> str:
    return value.isoformat()


def parse_with_icalendar(data: bytes, out: Findings):
    import icalendar

    try:
        cal = icalendar.Calendar.from_ical(data)
    except Exception as e:  # ValueError mostly, but odd input raises others
        out.add(f"icalendar cannot parse it: {type(e).__name__}: {e}")
        return None
    for comp in cal.walk():
        for name, error in comp.errors:
            out.add(f"icalendar: {comp.name}{' ' + name if name else ''}: {error}")
        if getattr(comp, "is_broken", False) and not comp.errors:
            out.add(f"icalendar: {comp.name} {comp.get('UID', '')} is broken")
    return cal


def parse_with_vobject(data: bytes, out: Findings) -> None:
    import vobject

    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:  # reported by check_octets; vobject reads the unfolded lines
        text = "".join(octets.decode("utf-8", errors="replace") + "\r\n" for _, octets in unfold(data))
    try:
        comps = list(vobject.readComponents(text, validate=False))
    except Exception as e:  # vobject raises ParseError, ValueError, and more
        out.add(f"vobject cannot parse it: {type(e).__name__}: {e}")
        return
    if len(comps) != 1:
        out.add(f"vobject reads {len(comps)} top components, not one VCALENDAR")


def check_event_times(cal, out: Findings) -> None:
    """DTEND after DTSTART, compared as icalendar reads them (aware, so across zones)."""
    for ev in cal.walk("VEVENT"):
        start, end = ev.get("DTSTART"), ev.get("DTEND")
        if start is None or end is None or not hasattr(start, "dt") or not hasattr(end, "dt"):
            continue
        s, e = start.dt, end.dt
        if isinstance(s, dt.datetime) and isinstance(e, dt.datetime) and s.tzinfo and e.tzinfo and e <= s:
            out.add(f"VEVENT {ev.get('UID')}: DTEND {e.isoformat()} is not after DTSTART {s.isoformat()}")


def expand(cal, out: Findings) -> list[Occurrence]:
    """Every occurrence of every VEVENT, RRULE and EXDATE applied."""
    import recurring_ical_events

    try:
        comps = recurring_ical_events.of(cal).between(FAR_PAST, FAR_FUTURE)
    except Exception as e:
        out.add(f"recurring_ical_events cannot expand it: {type(e).__name__}: {e}")
        return []
    occurrences = []
    for c in comps:
        try:
            start, end = c.start, c.end
        except Exception as e:
            out.add(f"VEVENT {c.get('UID')}: icalendar cannot tell start and end: {e}")
            continue
        occurrences.append(Occurrence(
            uid=str(c.get("UID", "")), url=str(c.get("URL", "")), start=start, end=end,
            start_tzid=tzid_param(c.get("DTSTART")), end_tzid=tzid_param(c.get("DTEND"))))
    occurrences.sort(key=lambda o: (o.uid, o.key))
    return occurrences


def tzid_param(prop) -> str | None:
    params = getattr(prop, "params", None)
    return str(params["TZID"]) if params and "TZID" in params else None


def vtimezone_zones(cal, out: Findings) -> dict[str, dt.tzinfo]:
    """Each VTIMEZONE as a tzinfo built from its own rules (not looked up by TZID)."""
    zones = {}
    for vtz in cal.walk("VTIMEZONE"):
        tzid = str(vtz.get("TZID", ""))
        try:
            zones[tzid] = vtz.to_tz(lookup_tzid=False)
        except Exception as e:
            out.add(f"VTIMEZONE {tzid}: icalendar cannot make a time zone of its rules: {type(e).__name__}: {e}")
    return zones


def check_vtimezone_covers(cal, occurrences: list[Occurrence], out: Findings) -> int:
    """Every occurrence's wall time gives the same UTC instant by the file's
    VTIMEZONE as by zoneinfo. Returns how many times were compared."""
    zones = vtimezone_zones(cal, out)
    compared = 0
    wrong: dict[tuple[str, str], list[str]] = {}
    for occ in occurrences:
        for value, tzid in ((occ.start, occ.start_tzid), (occ.end, occ.end_tzid)):
            if not isinstance(value, dt.datetime) or not tzid or tzid not in zones or not known_zone(tzid):
                continue
            wall = value.replace(tzinfo=None)
            by_rules = wall.replace(tzinfo=zones[tzid])
            by_tzdata = wall.replace(tzinfo=ZoneInfo(tzid))
            compared += 1
            if by_rules.astimezone(UTC) != by_tzdata.astimezone(UTC):
                wrong.setdefault((occ.uid, tzid), []).append(
                    f"{wall.isoformat(timespec='minutes')} is {offset_text(by_rules)} by the VTIMEZONE, "
                    f"{offset_text(by_tzdata)} by tzdata")
    for (uid, tzid), items in wrong.items():
        out.add(f"VEVENT {uid}: the VTIMEZONE {tzid} does not cover the event: {len(items)} occurrence time(s) "
                f"get the wrong UTC offset: {listed(items, 4)}")
    return compared


def offset_text(value: dt.datetime) -> str:
    offset = value.utcoffset()
    if offset is None:
        return "no offset"
    minutes = int(offset.total_seconds() // 60)
    sign = "+" if minutes >= 0 else "-"
    return f"{sign}{abs(minutes) // 60:02d}:{abs(minutes) % 60:02d}"


def check_exdates_exclude(cal, out: Findings) -> None:
    """Every EXDATE is an occurrence of the series without it (else it excludes nothing)."""
    import icalendar
    import recurring_ical_events

    for ev in cal.walk("VEVENT"):
        if "EXDATE" not in ev or "RRULE" not in ev:
            continue
        exdates = []
        for lst in ev["EXDATE"] if isinstance(ev["EXDATE"], list) else [ev["EXDATE"]]:
            exdates += [d.dt for d in getattr(lst, "dts", [])]
        alone = icalendar.Calendar()
        for vtz in cal.walk("VTIMEZONE"):
            alone.add_component(vtz)
        without = copy.deepcopy(ev)
        del without["EXDATE"]
        alone.add_component(without)
        try:
            starts = {instant_key(c.start) for c in recurring_ical_events.of(alone).between(FAR_PAST, FAR_FUTURE)}
        except Exception:
            continue  # reported by expand()
        for x in exdates:
            if instant_key(x) not in starts:
                out.add(f"VEVENT {ev.get('UID')}: EXDATE {local_text(x)} excludes nothing: "
                        f"no occurrence of the RRULE starts then")


# --------------------------------------------------------------------------
# The pages: elements with data-occurrence-start / -end


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
    from bs4 import BeautifulSoup

    soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
    page_url = site.url_of(page)
    marks, problems = [], []
    for el in soup.find_all(attrs={"data-occurrence-start": True}):
        link = el if el.name == "a" and el.get("href") else el.find_parent("a", href=True)
        links = [link] if link else el.find_all("a", href=True)
        targets = {site.file_of_url(urllib.parse.urljoin(page_url, a["href"])) for a in links}
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


def is_event_page(site, page: Path) -> bool:
    from bs4 import BeautifulSoup

    if own_occurrences(site, page):
        return True
    soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
    for script in soup.find_all("script", type="application/ld+json"):
        try:
            data = json.loads(script.string or "")
        except ValueError:
            continue
        for item in data if isinstance(data, list) else [data]:
            kind = item.get("@type") if isinstance(item, dict) else None
            if kind == "Event" or (isinstance(kind, list) and "Event" in kind):
                return True
    return False


# --------------------------------------------------------------------------
# One file, and the site


@dataclass
class IcsFile:
    path: Path
    rel: str
    kind: str
    events: int = 0
    occurrences: list[Occurrence] = field(default_factory=list)
    urls: dict[str, str] = field(default_factory=dict)  # UID -> URL
    zone_times: int = 0  # occurrence times checked against tzdata


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
        if expected not in have and is_event_page(site, page):
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


def check_site(site) -> Report:
    """The `ical` check of gate.py: every .ics of the site, and the pages they describe."""
    report = Report()
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


# --------------------------------------------------------------------------
# Self-test of the octet-level and structural checks


SELFTEST_CALENDAR = [
    "BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//Kreds//selftest//DA", "CALSCALE:GREGORIAN", "METHOD:PUBLISH",
    "NAME:Kalender", "X-WR-CALNAME:Kalender", "X-WR-TIMEZONE:Europe/Copenhagen",
    "REFRESH-INTERVAL;VALUE=DURATION:PT12H", "X-PUBLISHED-TTL:PT12H",
    "BEGIN:VTIMEZONE", "TZID:Europe/Copenhagen",
    "BEGIN:DAYLIGHT", "TZOFFSETFROM:+0100", "TZOFFSETTO:+0200", "DTSTART:19810329T020000",
    "RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU", "END:DAYLIGHT",
    "BEGIN:STANDARD", "TZOFFSETFROM:+0200", "TZOFFSETTO:+0100", "DTSTART:19961027T030000",
    "RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU", "END:STANDARD", "END:VTIMEZONE",
    "BEGIN:VEVENT", "UID:a@example.dk", "DTSTAMP:20261101T120000Z",
    "DTSTART;TZID=Europe/Copenhagen:20261007T180000", "DTEND;TZID=Europe/Copenhagen:20261007T200000",
    "RRULE:FREQ=WEEKLY;COUNT=6", "EXDATE;TZID=Europe/Copenhagen:20261014T180000",
    "SUMMARY:Møde om grøn omstilling\\, bæredygtighed og fællesskab på Ærø og Langeland i efteråret",
    "URL:https://example.dk/arrangementer/a/", "STATUS:CONFIRMED", "SEQUENCE:0", "END:VEVENT",
    "BEGIN:VEVENT", "UID:b@example.dk", "DTSTAMP:20261101T120000Z",
    "DTSTART;VALUE=DATE:20270501", "DTEND;VALUE=DATE:20270503", "SUMMARY:Sommerfest",
    "URL:https://example.dk/arrangementer/b/", "STATUS:TENTATIVE", "SEQUENCE:1", "END:VEVENT",
    "END:VCALENDAR",
]


def fold(line: str) -> bytes:
    """A content line folded at 75 octets without splitting a UTF-8 character."""
    data, parts, limit = line.encode(), [], 75
    while len(data) > limit:
        cut = limit
        while data[cut] & 0xC0 == 0x80:
            cut -= 1
        parts.append(data[:cut])
        data, limit = data[cut:], 74  # the next line's leading space counts
    parts.append(data)
    return b"\r\n ".join(parts)


def selftest() -> int:
    good = b"".join(fold(line) + b"\r\n" for line in SELFTEST_CALENDAR)

    def findings(data: bytes, kind: str = SITE_FEED) -> list[str]:
        out = Findings("t.ics")
        check_structure(data, kind, out)
        return out

    def swap(old: str, new: str) -> bytes:
        assert old.encode() in good, old
        return good.replace(old.encode(), new.encode(), 1)

    split = good.index("ø".encode()) + 1  # a fold between the two octets of ø
    cases = {
        "good": (good, SITE_FEED, None),
        "bare LF": (good.replace(b"METHOD:PUBLISH\r\n", b"METHOD:PUBLISH\n"), SITE_FEED, "bare LF"),
        "bare CR": (good.replace(b"METHOD:PUBLISH\r\n", b"METHOD:PUBLISH\r"), SITE_FEED, "bare CR"),
        "no final CRLF": (good[:-2], SITE_FEED, "the last line has no CRLF"),
        "76 octets": (swap("PRODID:-//Kreds//selftest//DA", "PRODID:" + "x" * 69), SITE_FEED,
                      "1 line(s) longer than 75 octets"),
        "split UTF-8": (good[:split] + b"\r\n " + good[split:], SITE_FEED, "a character split at a fold"),
        "not UTF-8": (good.replace("Sommerfest".encode(), b"Sommerf\xe6st"), SITE_FEED, "not valid UTF-8"),
        "no VTIMEZONE": (swap("TZID:Europe/Copenhagen\r\n", "TZID:Europe/Berlin\r\n"), SITE_FEED,
                         "TZID Europe/Copenhagen is used 3 time(s)"),
        "RDATE": (swap("RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU", "RDATE:20270328T020000"), SITE_FEED,
                  "uses RDATE"),
        "floating": (swap("DTSTART;TZID=Europe/Copenhagen:20261007T180000", "DTSTART:20261007T180000"),
                     SITE_FEED, "floating time"),
        "floating EXDATE": (swap("EXDATE;TZID=Europe/Copenhagen:", "EXDATE:"), SITE_FEED, "floating time"),
        "DTSTAMP not UTC": (swap("DTSTAMP:20261101T120000Z", "DTSTAMP:20261101T120000"), SITE_FEED,
                            "DTSTAMP:20261101T120000 must be a UTC date-time"),
        "no STATUS": (swap("STATUS:CONFIRMED\r\n", ""), SITE_FEED, "VEVENT a@example.dk: no STATUS"),
        "bad STATUS": (swap("STATUS:TENTATIVE", "STATUS:POSTPONED"), SITE_FEED, "STATUS is 'POSTPONED'"),
        "no SEQUENCE": (swap("SEQUENCE:1\r\n", ""), SITE_FEED, "VEVENT b@example.dk: no SEQUENCE"),
        "same UID": (swap("UID:b@example.dk", "UID:a@example.dk"), SITE_FEED, "UID already used"),
        "whole day end": (swap("DTEND;VALUE=DATE:20270503", "DTEND;VALUE=DATE:20270501"), SITE_FEED,
                          "is not after DTSTART"),
        "whole day timed end": (swap("DTEND;VALUE=DATE:20270503", "DTEND:20270503T000000Z"), SITE_FEED,
                                "needs DTEND;VALUE=DATE"),
        "no METHOD": (swap("METHOD:PUBLISH\r\n", ""), SITE_FEED, "no METHOD"),
        "VERSION": (swap("VERSION:2.0", "VERSION:1.0"), SITE_FEED, "VERSION is '1.0'"),
        "no CALSCALE": (swap("CALSCALE:GREGORIAN\r\n", ""), SITE_FEED, "no CALSCALE"),
        "feed without NAME": (swap("NAME:Kalender\r\n", ""), NETWORK_FEED, "no NAME"),
        "feed without TTL": (swap("X-PUBLISHED-TTL:PT12H\r\n", ""), SITE_FEED, "no X-PUBLISHED-TTL"),
        "event file with NAME": (good, EVENT_FILE, "the file of one event has NAME"),
        "event file with two VEVENTs": (good, EVENT_FILE, "has 2 VEVENTs, not 1"),
        "infinite RRULE": (swap("RRULE:FREQ=WEEKLY;COUNT=6", "RRULE:FREQ=WEEKLY"), SITE_FEED,
                           "neither COUNT nor UNTIL"),
        "local UNTIL": (swap("RRULE:FREQ=WEEKLY;COUNT=6", "RRULE:FREQ=WEEKLY;UNTIL=20261111T180000"), SITE_FEED,
                        "must be a UTC date-time"),
        "unescaped comma": (swap("grøn omstilling\\,", "grøn omstilling,"), SITE_FEED, "unescaped ','"),
        "unclosed VEVENT": (swap("SEQUENCE:1\r\nEND:VEVENT", "SEQUENCE:1"), SITE_FEED,
                            "END:VCALENDAR does not close VEVENT"),
    }
    failed = 0
    for name, (data, kind, expected) in cases.items():
        found = findings(data, kind)
        if not case_passes(name, expected, found):
            failed += 1
    return selftest_result(len(cases), failed)


def main(argv: list[str]) -> int:
    if argv == ["--selftest"]:
        return selftest()
    import argparse

    ap = argparse.ArgumentParser(description="The ical check of gate.py, alone.")
    ap.add_argument("site", type=Path)
    ap.add_argument("--show-occurrences", metavar="SLUG")
    args = ap.parse_args(argv)
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    from gate import Site

    site = Site(args.site)
    if args.show_occurrences:
        return show_occurrences(site, args.show_occurrences)
    return print_report(check_site(site))


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
