"""An .ics file read by real parsers, and its events expanded: icalendar (no
component with errors, none broken) and vobject must read it; DTEND after
DTSTART as icalendar reads them; every occurrence of every VEVENT, RRULE and
EXDATE applied, by recurring_ical_events; every EXDATE excludes an
occurrence of its RRULE.
"""

from __future__ import annotations

import copy
import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path

from findings import Findings
from times import instant_key

from .raw import unfold

FAR_PAST = (1900, 1, 1)  # recurring_ical_events expands between these
FAR_FUTURE = (2200, 1, 1)


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
    except UnicodeDecodeError:  # reported by check_ics_octets; vobject reads the unfolded lines
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


@dataclass
class IcsFile:
    """One .ics file of the site as checked: what the checks across files and
    against the pages need of it."""

    path: Path
    rel: str
    kind: str
    events: int = 0
    occurrences: list[Occurrence] = field(default_factory=list)
    urls: dict[str, str] = field(default_factory=dict)  # UID -> URL
    zone_times: int = 0  # occurrence times checked against tzdata
