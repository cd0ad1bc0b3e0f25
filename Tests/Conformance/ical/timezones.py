"""Time zones of an .ics file (SITE.md, "iCal feeds"): a VTIMEZONE for every
TZID used, its observances as yearly RRULEs without RDATE (on the raw
content lines), and its rules against tzdata: every occurrence's wall time
must give the same UTC instant by the file's own VTIMEZONE (turned into a
tzinfo by icalendar with lookup_tzid=False, so the rules really are used) as
by zoneinfo. This catches a VTIMEZONE whose rules are wrong or stop too early.
"""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

from findings import Findings, listed
from times import UTC, known_zone

from .occurrences import Occurrence
from .raw import Comp, rrule_parts, walk


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
