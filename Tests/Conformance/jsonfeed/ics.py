"""The two sides a JSON Feed's meetings are compared with: its dates
(startDate / endDate, a registration deadline) and the matching .ics, read by
icalendar and expanded by recurring_ical_events.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from dataclasses import dataclass, field
from pathlib import Path

from times import at_midnight, instant_key

from .format import RFC3339

DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


@dataclass(frozen=True)
class When:
    """A startDate / endDate: a date (whole-day) or an aware date-time."""

    text: str
    value: dt.date | dt.datetime

    @property
    def whole_day(self) -> bool:
        return not isinstance(self.value, dt.datetime)

    @property
    def key(self) -> str:
        return instant_key(self.value)

    def instant(self, zone: dt.tzinfo) -> dt.datetime:
        """For ordering: a date is its midnight in the site's zone."""
        return at_midnight(self.value, zone) if self.whole_day else self.value


def parse_when(text) -> tuple[When | None, str | None]:
    if not isinstance(text, str):
        return None, f"{text!r} is not a string"
    if DATE.match(text):
        try:
            return When(text, dt.date.fromisoformat(text)), None
        except ValueError:
            return None, f"{text!r} is not a date"
    if not RFC3339.match(text):
        if re.match(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?$", text):
            return None, f"{text!r} has no UTC offset"
        return None, f"{text!r} is neither a date (YYYY-MM-DD) nor an RFC 3339 date-time with an offset"
    try:
        return When(text, dt.datetime.fromisoformat(text.upper().replace("Z", "+00:00"))), None
    except ValueError:
        return None, f"{text!r} is not a valid date-time"


@dataclass
class Vevent:
    uid: str
    url: str
    status: str


@dataclass
class Occurrence:
    uid: str
    start: dt.date | dt.datetime
    end: dt.date | dt.datetime  # as iCal has it: a whole day's end is the day after

    def ends_after(self, now: dt.datetime, zone: dt.tzinfo) -> bool:
        return self.end_instant(zone) > now

    def end_instant(self, zone: dt.tzinfo) -> dt.datetime:
        return at_midnight(self.end, zone) if not isinstance(self.end, dt.datetime) else self.end

    @property
    def key(self) -> tuple[str, str, str]:
        """(UID, start, end) as the JSON writes them: a whole day's end is the last day."""
        end = self.end
        if not isinstance(end, dt.datetime):
            end = end - dt.timedelta(days=1)
        return self.uid, instant_key(self.start), instant_key(end)


@dataclass
class Ics:
    path: Path
    zone_id: str | None = None
    description: str | None = None
    events: dict[str, Vevent] = field(default_factory=dict)
    cal: object = None
    problem: str | None = None

    def occurrences(self, start: dt.datetime, stop: dt.datetime) -> list[Occurrence]:
        import recurring_ical_events

        return [Occurrence(str(c.get("UID", "")), c.start, c.end)
                for c in recurring_ical_events.of(self.cal).between(start, stop)]


@functools.lru_cache(maxsize=None)
def read_ics(path: Path) -> Ics:
    import icalendar

    ics = Ics(path)
    try:
        ics.cal = icalendar.Calendar.from_ical(path.read_bytes())
    except Exception as e:
        ics.problem = f"icalendar cannot read it: {type(e).__name__}: {e}"
        return ics
    zone = ics.cal.get("X-WR-TIMEZONE")
    ics.zone_id = str(zone) if zone else None
    desc = ics.cal.get("X-WR-CALDESC") or ics.cal.get("DESCRIPTION")
    ics.description = str(desc) if desc else None
    for ev in ics.cal.walk("VEVENT"):
        uid = str(ev.get("UID", ""))
        if ev.get("RECURRENCE-ID") is not None and uid in ics.events:
            continue
        ics.events[uid] = Vevent(uid, str(ev.get("URL", "")), str(ev.get("STATUS", "")).upper())
    return ics
