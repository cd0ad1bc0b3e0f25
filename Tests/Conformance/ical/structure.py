"""The octets and structure of an .ics file (SITE.md, "iCal feeds"), checked
on the raw bytes by the check's own reader (ical/raw.py), not through a
library, which would forgive: CRLF line ends only; physical lines of at most
75 octets; no UTF-8 character split at a fold; VERSION:2.0, PRODID,
CALSCALE:GREGORIAN, METHOD:PUBLISH; feeds with NAME, X-WR-CALNAME,
X-WR-TIMEZONE, REFRESH-INTERVAL;VALUE=DURATION:PT12H and X-PUBLISHED-TTL:PT12H;
the file of one event with one VEVENT and neither NAME nor X-WR-CALNAME;
every VEVENT with one each of UID (unique in the file), DTSTAMP (UTC),
DTSTART, DTEND, SUMMARY, URL, STATUS and SEQUENCE; no floating times;
whole-day events with a DATE DTEND after DTSTART; a finite RRULE whose UNTIL
has the form RFC 5545 3.3.10 asks for; TEXT values escaped. The time zones
are ical/timezones.py's.
"""

from __future__ import annotations

import re

from findings import Findings, line_numbers
from octets import check_bom, check_crlf, check_line_length, decodes, physical_lines
from times import known_zone

from .raw import Comp, Prop, parse_raw, rrule_parts, unfold
from .timezones import check_timezones_defined

# The kinds of .ics file a site has (SITE.md): which properties the calendar needs.
SITE_FEED, NETWORK_FEED, EVENT_FILE, OTHER = "site feed", "network feed", "event file", "other"

STATUSES = ("CONFIRMED", "CANCELLED", "TENTATIVE")
REQUIRED_EVENT_PROPERTIES = ("UID", "DTSTAMP", "DTSTART", "DTEND", "SUMMARY", "URL", "STATUS", "SEQUENCE")
TIME_PROPERTIES = ("DTSTART", "DTEND", "EXDATE", "RDATE", "RECURRENCE-ID")
UTC_PROPERTIES = ("DTSTAMP", "LAST-MODIFIED", "CREATED")
TEXT_PROPERTIES = ("SUMMARY", "DESCRIPTION", "LOCATION", "COMMENT", "NAME", "X-WR-CALNAME")
FEED_TTL = "PT12H"  # SITE.md: REFRESH-INTERVAL;VALUE=DURATION:PT12H and X-PUBLISHED-TTL:PT12H
MAX_LINE = 75  # octets of a physical line, its CRLF not counted (RFC 5545 3.1)

DATE = re.compile(r"^\d{8}$")
LOCAL_TIME = re.compile(r"^\d{8}T\d{6}$")
UTC_TIME = re.compile(r"^\d{8}T\d{6}Z$")


def check_ics_octets(data: bytes, out: Findings) -> None:
    """CRLF only, at most 75 octets a line, no UTF-8 character split at a fold."""
    lines = physical_lines(data)
    check_bom(data, out)
    check_crlf(lines, out, "RFC 5545 3.1")
    if lines and lines[-1][1] == b"":
        out.add("the last line has no CRLF", len(lines))
    check_line_length(lines, MAX_LINE, out, "RFC 5545 3.1")
    empty = [n for n, (c, end) in enumerate(lines, 1) if not c and end]
    if empty:
        out.add(f"{len(empty)} empty line(s) (not a content line, RFC 5545 3.1): "
                f"{line_numbers(empty)}")
    not_alone = [n for n, (c, _) in enumerate(lines, 1) if not decodes(c)]
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
    check_ics_octets(data, out)
    cal = parse_raw(data, out)
    if cal is not None:
        check_calendar_properties(cal, kind, out)
        if cal.name == "VCALENDAR":
            check_timezones_defined(cal, out)
            check_unique_uids(cal, out)
            for ev in cal.children("VEVENT"):
                check_event_properties(ev, out)
    return cal
