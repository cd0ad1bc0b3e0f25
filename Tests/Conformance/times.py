"""Build times, time zones and instants, as the checks compare them.

The built site does not record the moment it was built as of (kreds build
--now), so the checks that depend on it are told: "YYYY-MM-DD HH:MM" in the
site's time zone, or an ISO 8601 date-time with an offset; by default the
Makefile's NOW, with which the example and golden sites are built.

Imported as a sibling module, like findings.py.
"""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

DEFAULT_NOW = "2026-11-23 12:00"  # the Makefile's NOW
DEFAULT_ZONE = "Europe/Copenhagen"  # Kreds' default time zone (CONTENT.md, site.yaml)
UTC = dt.timezone.utc


def parse_now(text: str, zone: dt.tzinfo) -> dt.datetime:
    """A build time: "YYYY-MM-DD HH:MM[:SS]" in `zone`, or ISO 8601 with an offset.
    Raises ValueError. (Python 3.11's fromisoformat reads the space and a Z.)"""
    value = dt.datetime.fromisoformat(text.strip())
    return value if value.tzinfo else value.replace(tzinfo=zone)


def instant_key(value: dt.date | dt.datetime) -> str:
    """Comparable text: a date as YYYY-MM-DD, an aware date-time as UTC."""
    if isinstance(value, dt.datetime):
        if value.tzinfo is None:
            return "floating " + value.isoformat()
        return value.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
    return value.isoformat()


def at_midnight(day: dt.date, zone: dt.tzinfo) -> dt.datetime:
    """The start of a day in `zone`: when a whole-day value begins (or, for an end, is reached)."""
    return dt.datetime(day.year, day.month, day.day, tzinfo=zone)


def known_zone(tzid: str) -> bool:
    """An IANA time zone id that tzdata has."""
    try:
        ZoneInfo(tzid)
    except (ZoneInfoNotFoundError, ValueError):
        return False
    return True


def zone_of(tzid: str | None) -> dt.tzinfo:
    """The zone `tzid` names; Kreds' default zone when it names none that tzdata has."""
    return ZoneInfo(tzid if tzid and known_zone(tzid) else DEFAULT_ZONE)
