#!/usr/bin/env python3
"""The `jsonfeed` check of the conformance gate: the JSON Feeds of coming
meetings (issue 20), `kalender.json` / `calendar.json`.

Called by gate.py (`gate.py site/ --only jsonfeed`); alone:

    .venv/bin/python Tests/Conformance/jsonfeedcheck.py SITE [--now "2026-11-23 12:00"]
    .venv/bin/python Tests/Conformance/jsonfeedcheck.py --selftest

The build time. The built site does not record it, and the feeds hold the
meetings that end after it, so the check must be told: `now` (a parameter of
check_site, or --now), else the environment variable KREDS_GATE_NOW, else
"2026-11-23 12:00" (the Makefile's NOW, with which the example and golden
sites are built). The form is "YYYY-MM-DD HH:MM" read in the site's time zone
(the site feed's X-WR-TIMEZONE; Europe/Copenhagen without one), or an ISO 8601
date-time with an offset. When the meetings do not match, a finding says
which build times the feed would be right for.

For every kalender.json / calendar.json in the site: the site feed
(<calendar>.json at the root) and one per network (<networks>/<n>/<calendar>.json):

1. The octets: UTF-8 without a byte order mark, compact JSON (no whitespace
   outside strings) on one line ending in "\\n", every object's keys sorted
   (by code point) and none repeated.
2. JSON Feed 1.1: validated by jsonschema (draft 2020-12) against
   schemas/jsonfeed-1.1.schema.json, written from the specification at
   https://www.jsonfeed.org/version/1.1/; its formats `uri` and `date-time`
   checked by this module's own format checker.
3. The contract of issue 20 (the feed's top level): `language` is the site
   language; `feed_url` is the file's own URL; `home_page_url` is the events
   page (site feed) or the network page; `authors` has a name; `_kreds` has
   `about` (the partners page <events>/<del|share>/ + "#json", which has an
   element id="json"), `version` "1" and `calendar` (the matching .ics: same
   folder, same stem, present).
4. Each item: `id` is the UID of a VEVENT of the matching .ics and `url` that
   VEVENT's URL, an event page of the site; `content_text` is `summary` when
   there is one, else `title`; `_kreds.status` matches the VEVENT's STATUS
   (scheduled CONFIRMED, cancelled CANCELLED, postponed TENTATIVE);
   `_kreds.networks` (slug, title, and the network page as url; a network
   feed's items name that network), `location` (name, country), `online`
   (url), `registration` (a deadline: a date-time with an offset, or a
   date when the content gives only a date; closed true exactly when the
   event is cancelled, the deadline has passed (a date at the end of that
   day) or the first meeting listed has started, as CONTENT.md has it),
   `calendar` (the event's own .ics, holding the same UID); `meetings`: at
   least one, in order of start, each a schema.org Event (`@context`
   https://schema.org, `@type` Event, name = the item's title, url = the
   item's url, eventStatus matching status, eventAttendanceMode, startDate
   and endDate: both dates (whole-day; endDate the last day, inclusive) or
   both RFC 3339 date-times with a UTC offset, end not before start) and,
   apart from its dates, the same object as the event page's JSON-LD Event.
   Items are ordered by the start of their first meeting (ties: title).
5. The meetings against the .ics: the set of (UID, start, end) of every
   meeting of every item equals the set recurring_ical_events expands from
   the matching .ics between the build time and 20 years after it, keeping
   the occurrences that end after the build time (a whole-day occurrence
   ends at midnight, in the site's zone, of its DTEND; its JSON endDate is
   DTEND minus one day). Timed ones compare as UTC instants.
6. The files are there: the site feed, and a feed beside every network
   page; a network feed's items are, the same objects, in the site feed.

The site object is gate.py's Site (root, base_url, base_path, lang, words,
rel, url_of, file_of_url); this module does not import gate.py except to run
alone.
"""

from __future__ import annotations

import datetime as dt
import functools
import json
import os
import re
import sys
import tempfile
import urllib.parse
from dataclasses import dataclass, field
from pathlib import Path
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from findings import Findings, Report, case_passes, listed, print_report, selftest_result
from icalcheck import instant_key  # a date as YYYY-MM-DD, an aware date-time as UTC: as the .ics is compared
from pages import parse_page

HERE = Path(__file__).resolve().parent
SCHEMA_PATH = HERE / "schemas" / "jsonfeed-1.1.schema.json"
FEED_NAMES = ("kalender.json", "calendar.json")
SHARE = {"da": "del", "en": "share"}  # the partners page: <events>/<share>/
NOW_ENV = "KREDS_GATE_NOW"
DEFAULT_NOW = "2026-11-23 12:00"  # the Makefile's NOW
DEFAULT_ZONE = "Europe/Copenhagen"
YEARS_AHEAD = 20
FAR_PAST = dt.datetime(1900, 1, 1, tzinfo=dt.timezone.utc)
UTC = dt.timezone.utc
JSON_FEED_VERSION = "https://jsonfeed.org/version/1.1"
KREDS_VERSION = "1"

# _kreds.status: (VEVENT STATUS, schema.org eventStatus)
STATUSES = {
    "scheduled": ("CONFIRMED", "https://schema.org/EventScheduled"),
    "cancelled": ("CANCELLED", "https://schema.org/EventCancelled"),
    "postponed": ("TENTATIVE", "https://schema.org/EventPostponed"),
}
ATTENDANCE = {"https://schema.org/OfflineEventAttendanceMode", "https://schema.org/OnlineEventAttendanceMode",
              "https://schema.org/MixedEventAttendanceMode"}
MEETING_REQUIRED = ("@context", "@type", "name", "url", "eventStatus", "startDate", "endDate",
                    "eventAttendanceMode")
DATES = ("startDate", "endDate")

DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
RFC3339 = re.compile(r"^\d{4}-\d{2}-\d{2}[Tt]\d{2}:\d{2}:\d{2}(\.\d+)?([Zz]|[+-]\d{2}:\d{2})$")
ABSOLUTE_URL = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*:\S+$")
HTTP_URL = re.compile(r"^https?://[^/\s?#]+\S*$")

SITE_FEED, NETWORK_FEED, OTHER = "site feed", "network feed", "other"


# --------------------------------------------------------------------------
# 1. Octets: UTF-8, compact, one line, sorted keys


def check_octets(data: bytes, out: Findings) -> str | None:
    """The text of the file, or None when it is not UTF-8."""
    if data.startswith(b"\xef\xbb\xbf"):
        out.add("starts with a UTF-8 byte order mark (RFC 8259 8.1: must not)")
        data = data[3:]
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as e:
        out.add(f"not UTF-8: {e}")
        return None
    if not text.endswith("\n"):
        out.add("does not end with a line feed (the contract: one line + \"\\n\")")
    elif text.count("\n") != 1 or "\r" in text:
        lines = text.count("\n")
        out.add(f"{lines} lines, not one: the contract is compact JSON on one line + \"\\n\"")
    spaces = whitespace_outside_strings(text.rstrip("\n"))
    if spaces:
        out.add(f"not compact: {len(spaces)} whitespace character(s) outside strings, the first at "
                f"offset {spaces[0]}: {text[max(0, spaces[0] - 20):spaces[0] + 20]!r}")
    return text


def whitespace_outside_strings(text: str) -> list[int]:
    offsets, in_string, escaped = [], False, False
    for i, c in enumerate(text):
        if in_string:
            if escaped:
                escaped = False
            elif c == "\\":
                escaped = True
            elif c == '"':
                in_string = False
        elif c == '"':
            in_string = True
        elif c in " \t\r\n":
            offsets.append(i)
    return offsets


class KeyOrder:
    """object_pairs_hook that notes repeated and unsorted keys."""

    def __init__(self) -> None:
        self.repeated: list[str] = []
        self.unsorted: list[str] = []

    def __call__(self, pairs):
        keys = [k for k, _ in pairs]
        seen = set()
        for k in keys:
            if k in seen:
                self.repeated.append(k)
            seen.add(k)
        if keys != sorted(keys):
            first = next(i for i, (a, b) in enumerate(zip(keys, keys[1:])) if a > b)
            self.unsorted.append(f"{keys[first]!r} before {keys[first + 1]!r}")
        return dict(pairs)


def parse_json(text: str, out: Findings):
    order = KeyOrder()

    def constant(name):
        raise ValueError(f"{name} is not JSON")

    try:
        data = json.loads(text, object_pairs_hook=order, parse_constant=constant)
    except ValueError as e:
        out.add(f"not JSON: {e}")
        return None
    if order.repeated:
        out.add(f"repeated key(s) in an object: {listed(sorted(set(order.repeated)))}")
    if order.unsorted:
        out.add(f"keys not sorted in {len(order.unsorted)} object(s): {listed(order.unsorted, 4)}")
    return data


# --------------------------------------------------------------------------
# 2. JSON Feed 1.1: jsonschema


def format_checker():
    """jsonschema's checker, with `uri` and `date-time` checked here (jsonschema
    leaves them unchecked unless optional packages are installed)."""
    import jsonschema

    checker = jsonschema.FormatChecker()

    @checker.checks("date-time", raises=ValueError)
    def date_time(value) -> bool:
        if not isinstance(value, str):
            return True
        if not RFC3339.match(value):
            raise ValueError("not an RFC 3339 date-time")
        dt.datetime.fromisoformat(value.upper().replace("Z", "+00:00"))  # month 13, hour 25, ...
        return True

    @checker.checks("uri", raises=ValueError)
    def uri(value) -> bool:
        if not isinstance(value, str):
            return True
        if not ABSOLUTE_URL.match(value):
            raise ValueError("not an absolute URI")
        parts = urllib.parse.urlsplit(value)
        if parts.scheme in ("http", "https") and not parts.netloc:
            raise ValueError("an http(s) URL without a host")
        return True

    return checker


@functools.lru_cache(maxsize=None)
def validator():
    import jsonschema

    schema = json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))
    cls = jsonschema.validators.validator_for(schema)
    cls.check_schema(schema)
    return cls(schema, format_checker=format_checker())


def schema_errors(data) -> list[str]:
    errors = sorted(validator().iter_errors(data), key=lambda e: list(e.absolute_path))
    out = []
    for e in errors:
        where = "".join(f"[{p}]" if isinstance(p, int) else f".{p}" for p in e.absolute_path) or "(top level)"
        if where.startswith("."):
            where = where[1:]
        message = e.message
        if e.validator == "additionalProperties" and isinstance(e.instance, dict):
            known = set(e.schema.get("properties", {}))
            unknown = sorted(k for k in e.instance if k not in known and not re.match(r"^_[A-Za-z][^.]*$", k))
            message = (f"unknown member(s) {listed(unknown)}: JSON Feed 1.1 defines no such member, and an "
                       f"extension's name starts with '_' and a letter, without '.'")
        out.append(f"JSON Feed 1.1 schema: {where}: {message[:300]}")
    return out


def jsonschema_version() -> str:
    try:
        from importlib.metadata import version

        return version("jsonschema")
    except Exception:
        return "?"


# --------------------------------------------------------------------------
# Times


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


def at_midnight(day: dt.date, zone: dt.tzinfo) -> dt.datetime:
    return dt.datetime(day.year, day.month, day.day, tzinfo=zone)


def zone_of(tzid: str | None) -> dt.tzinfo:
    try:
        return ZoneInfo(tzid or DEFAULT_ZONE)
    except (ZoneInfoNotFoundError, ValueError):
        return ZoneInfo(DEFAULT_ZONE)


def parse_now(text: str, zone: dt.tzinfo) -> dt.datetime:
    """"YYYY-MM-DD HH:MM" in the site's zone, or ISO 8601 with an offset."""
    text = text.strip()
    value = dt.datetime.fromisoformat(text.replace("Z", "+00:00"))
    return value if value.tzinfo else value.replace(tzinfo=zone)


# --------------------------------------------------------------------------
# The .ics files, by icalendar and recurring_ical_events


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


# --------------------------------------------------------------------------
# Pages: JSON-LD and ids


def page_events(path: Path) -> list[dict]:
    """The schema.org Event objects of a page's JSON-LD."""
    found = []
    for block in parse_page(path).json_ld:
        try:
            data = json.loads(block)
        except ValueError:
            continue
        for obj in data if isinstance(data, list) else [data]:
            if isinstance(obj, dict) and obj.get("@type") == "Event":
                found.append(obj)
    return found


# --------------------------------------------------------------------------
# 3.-5. The contract


@dataclass
class Feed:
    path: Path
    rel: str
    kind: str
    network: str | None = None
    data: dict | None = None
    items: int = 0
    meetings: int = 0


def classify(site, path: Path) -> tuple[str, str | None]:
    rel = path.relative_to(site.root).parts
    name = site.words["calendar"] + ".json"
    if rel == (name,):
        return SITE_FEED, None
    if len(rel) == 3 and rel[0] == site.words["networks"] and rel[2] == name:
        return NETWORK_FEED, rel[1]
    return OTHER, None


def is_str(value) -> bool:
    return isinstance(value, str) and value.strip() != ""


class Checker:
    def __init__(self, site, now: dt.datetime | None, zone: dt.tzinfo, report: Report) -> None:
        self.site = site
        self.now = now
        self.zone = zone
        self.report = report
        self.compared = 0

    # URLs of the site -------------------------------------------------

    def site_url(self, url, what: str, out: Findings, want: Path | None = None) -> Path | None:
        """A URL that must be a file of the site (and, given want, that file)."""
        if not isinstance(url, str):
            out.add(f"{what} is {url!r}, not a URL")
            return None
        if not HTTP_URL.match(url):
            out.add(f"{what} {url!r} is not an absolute http(s) URL")
            return None
        target = self.site.file_of_url(url)
        if want is not None and target != want:
            out.add(f"{what} is {url}, must be {self.site.url_of(want)}")
            return target
        if target is None:
            out.add(f"{what} {url} is not under the site's base URL {self.site.base_url}")
        elif not target.is_file():
            out.add(f"{what} {url}: the site has no {self.site.rel(target)}")
        return target

    # The feed's top level ---------------------------------------------

    def check_top(self, feed: Feed, data: dict, out: Findings) -> None:
        site, w = self.site, self.site.words
        if data.get("version") != JSON_FEED_VERSION:
            return  # the schema says so
        if data.get("language") != site.lang:
            out.add(f"language is {data.get('language')!r}, not the site's language {site.lang!r}")
        self.site_url(data.get("feed_url"), "feed_url", out, feed.path)
        home = (site.root / w["events"] / "index.html" if feed.kind == SITE_FEED
                else site.root / w["networks"] / feed.network / "index.html")
        self.site_url(data.get("home_page_url"), "home_page_url", out, home)
        authors = data.get("authors")
        if not isinstance(authors, list) or not authors:
            out.add("no authors (the contract: [{\"name\": …, \"url\": …}])")
        elif not all(isinstance(a, dict) and is_str(a.get("name")) for a in authors):
            out.add("an author without a name")
        kreds = data.get("_kreds")
        if not isinstance(kreds, dict):
            out.add("no _kreds object (about, version, calendar)")
            return
        share = site.root / w["events"] / SHARE.get(site.lang, "share") / "index.html"
        about = kreds.get("about")
        if not isinstance(about, str) or "#" not in about:
            out.add(f"_kreds.about is {about!r}, must be {site.url_of(share)}#json")
        else:
            page_url, fragment = about.split("#", 1)
            if fragment != "json":
                out.add(f"_kreds.about {about} must end in #json")
            target = self.site_url(page_url, "_kreds.about", out, share)
            if target == share and share.is_file() and "json" not in parse_page(share).ids:
                out.add(f"_kreds.about {about}: {site.rel(share)} has no element id=\"json\"")
        if kreds.get("version") != KREDS_VERSION:
            out.add(f"_kreds.version is {kreds.get('version')!r}, must be \"{KREDS_VERSION}\" (a string)")
        self.site_url(kreds.get("calendar"), "_kreds.calendar", out, feed.path.with_suffix(".ics"))
        extra = sorted(set(kreds) - {"about", "version", "calendar"})
        if extra:
            self.report.notes.append(f"{feed.rel}: _kreds has members the contract does not name: {listed(extra)}")

    # One item ------------------------------------------------------------

    def check_item(self, feed: Feed, n: int, item: dict, ics: Ics | None, out: Findings) -> list[When]:
        """The item's own contract; returns its meetings' starts (for the order)."""
        site, w = self.site, self.site.words
        ident = item.get("id")
        where = f"item {n} ({ident})"
        if not isinstance(ident, str):
            return []
        vevent = ics.events.get(ident) if ics and ics.cal is not None else None
        if ics is not None and ics.cal is not None and vevent is None:
            out.add(f"{where}: id is not the UID of any VEVENT of {site.rel(ics.path)}")
        page = self.site_url(item.get("url"), f"{where}: url", out)
        if page is not None and page.is_file() and (page.parent.parent != site.root / w["events"]
                                                    or page.name != "index.html"):
            out.add(f"{where}: url {item.get('url')} is not an event page ({w['events']}/<slug>/)")
        if vevent is not None and vevent.url and item.get("url") != vevent.url:
            out.add(f"{where}: url {item.get('url')} is not the VEVENT's URL {vevent.url}")
        title = item.get("title")
        if not is_str(title):
            out.add(f"{where}: no title")
        summary = item.get("summary")
        want_text = summary if is_str(summary) else title
        if "summary" in item and not is_str(summary):
            out.add(f"{where}: summary is empty (leave it out when there is none)")
        if item.get("content_text") != want_text:
            out.add(f"{where}: content_text {str(item.get('content_text'))[:60]!r} is not the "
                    f"{'summary' if is_str(summary) else 'title'} {str(want_text)[:60]!r}")
        if "content_html" in item:
            self.report.notes.append(f"{feed.rel}: {where}: has content_html, which the contract does not name")
        if "image" in item:
            target = site.file_of_url(item["image"]) if isinstance(item["image"], str) else None
            if target is not None and not target.is_file():
                out.add(f"{where}: image {item['image']}: the site has no {site.rel(target)}")
        if "tags" in item and item["tags"] == []:
            out.add(f"{where}: tags is [] (leave it out when there are none)")
        kreds = item.get("_kreds")
        if not isinstance(kreds, dict):
            out.add(f"{where}: no _kreds object")
            return []
        status = kreds.get("status")
        if status not in STATUSES:
            out.add(f"{where}: _kreds.status is {status!r}, not one of {', '.join(STATUSES)}")
        elif vevent is not None and vevent.status != STATUSES[status][0]:
            out.add(f"{where}: _kreds.status is {status!r} but the VEVENT's STATUS is {vevent.status or 'missing'} "
                    f"(want {STATUSES[status][0]})")
        self.check_networks(feed, where, kreds.get("networks"), out)
        self.check_details(where, kreds, out)
        own = page.parent / f"{page.parent.name}.ics" if page is not None else None
        target = self.site_url(kreds.get("calendar"), f"{where}: _kreds.calendar", out, own)
        if target is not None and target.is_file() and target.suffix == ".ics":
            own_ics = read_ics(target)
            if own_ics.cal is not None and ident not in own_ics.events:
                out.add(f"{where}: the event's own {site.rel(target)} has no VEVENT with UID {ident}")
        starts = self.check_meetings(where, item, status, page, kreds.get("meetings"), out)
        self.check_closed(where, status, kreds.get("registration"), starts, out)
        return starts

    def check_closed(self, where: str, status, reg, starts: list[When], out: Findings) -> None:
        """registration.closed as CONTENT.md has it: after the deadline (a date-only one at the end of
        that day), once the meeting the page shows (the first one listed) has started, or cancelled."""
        if not isinstance(reg, dict) or not isinstance(reg.get("closed"), bool) or self.now is None:
            return
        why = []
        if status == "cancelled":
            why.append("the event is cancelled")
        deadline, _ = parse_when(reg.get("deadline")) if "deadline" in reg else (None, None)
        if deadline is not None:
            ends = (at_midnight(deadline.value + dt.timedelta(days=1), self.zone) if deadline.whole_day
                    else deadline.value)
            if ends <= self.now:
                why.append(f"the deadline {deadline.text} has passed")
        if starts and starts[0].instant(self.zone) <= self.now:
            why.append(f"the first meeting listed started {starts[0].text}")
        if reg["closed"] != bool(why):
            out.add(f"{where}: _kreds.registration.closed is {str(reg['closed']).lower()}, but "
                    + ("; ".join(why) if why else "the deadline has not passed, no meeting listed has started and "
                       "the event is not cancelled") + f" at the build time {self.now.isoformat(timespec='minutes')} "
                    f"(CONTENT.md, registration)")

    def check_networks(self, feed: Feed, where: str, networks, out: Findings) -> None:
        site = self.site
        if not isinstance(networks, list):
            out.add(f"{where}: _kreds.networks is {type(networks).__name__}, not a list")
            return
        slugs = []
        for m, net in enumerate(networks, 1):
            if not isinstance(net, dict) or not all(is_str(net.get(k)) for k in ("slug", "title", "url")):
                out.add(f"{where}: _kreds.networks[{m}] needs slug, title and url (strings): {net!r}"[:300])
                continue
            slugs.append(net["slug"])
            self.site_url(net["url"], f"{where}: _kreds.networks[{m}].url", out,
                          site.root / site.words["networks"] / net["slug"] / "index.html")
        if feed.kind == NETWORK_FEED and feed.network not in slugs:
            out.add(f"{where}: is in the feed of network {feed.network}, but _kreds.networks does not name it "
                    f"({', '.join(slugs) or 'none'})")

    def check_details(self, where: str, kreds: dict, out: Findings) -> None:
        loc = kreds.get("location")
        if loc is not None:
            if not isinstance(loc, dict) or not is_str(loc.get("name")) or not is_str(loc.get("country")):
                out.add(f"{where}: _kreds.location needs name and country (strings): {loc!r}"[:300])
            else:
                for k in ("address", "postal_code", "city"):
                    if k in loc and not is_str(loc[k]):
                        out.add(f"{where}: _kreds.location.{k} is {loc[k]!r}, not a text (leave it out when none)")
        online = kreds.get("online")
        if online is not None:
            if not isinstance(online, dict) or not isinstance(online.get("url"), str) \
                    or not HTTP_URL.match(online["url"]):
                out.add(f"{where}: _kreds.online needs url (an http(s) URL): {online!r}"[:300])
            elif "platform" in online and not is_str(online["platform"]):
                out.add(f"{where}: _kreds.online.platform is {online['platform']!r}")
        reg = kreds.get("registration")
        if reg is not None:
            if not isinstance(reg, dict) or not isinstance(reg.get("closed"), bool):
                out.add(f"{where}: _kreds.registration needs closed (true or false): {reg!r}"[:300])
            else:
                if "url" in reg and not (isinstance(reg["url"], str) and HTTP_URL.match(reg["url"])):
                    out.add(f"{where}: _kreds.registration.url {reg['url']!r} is not an http(s) URL")
                if "email" in reg and not (isinstance(reg["email"], str) and re.fullmatch(r"[^@\s]+@[^@\s]+",
                                                                                           reg["email"])):
                    out.add(f"{where}: _kreds.registration.email {reg['email']!r} is not an address")
                if "deadline" in reg:
                    # A date-time with an offset; a date-only deadline (CONTENT.md allows one) as a date.
                    when, problem = parse_when(reg["deadline"])
                    if problem:
                        out.add(f"{where}: _kreds.registration.deadline {reg['deadline']!r} is neither an ISO 8601 "
                                f"date-time with an offset nor a date")

    def check_meetings(self, where: str, item: dict, status, page: Path | None, meetings,
                       out: Findings) -> list[When]:
        if not isinstance(meetings, list) or not meetings:
            out.add(f"{where}: _kreds.meetings is {meetings!r}: an item has at least one meeting"[:300])
            return []
        on_page = page_events(page) if page is not None and page.is_file() else []
        if page is not None and page.is_file() and len(on_page) != 1:
            out.add(f"{where}: the event page {self.site.rel(page)} has {len(on_page)} JSON-LD Events, not 1")
        starts: list[When] = []
        for m, meeting in enumerate(meetings, 1):
            at = f"{where}: meeting {m}"
            if not isinstance(meeting, dict):
                out.add(f"{at} is not an object")
                continue
            missing = [k for k in MEETING_REQUIRED if k not in meeting]
            if missing:
                out.add(f"{at} has no {', '.join(missing)}")
            if meeting.get("@context") not in (None, "https://schema.org", "https://schema.org/"):
                out.add(f"{at}: @context is {meeting.get('@context')!r}, not https://schema.org")
            if "@type" in meeting and meeting["@type"] != "Event":
                out.add(f"{at}: @type is {meeting['@type']!r}, not Event")
            if "name" in meeting and meeting["name"] != item.get("title"):
                out.add(f"{at}: name {meeting['name']!r} is not the item's title {item.get('title')!r}")
            if "url" in meeting and meeting["url"] != item.get("url"):
                out.add(f"{at}: url {meeting['url']} is not the item's url {item.get('url')}")
            if status in STATUSES and "eventStatus" in meeting and meeting["eventStatus"] != STATUSES[status][1]:
                out.add(f"{at}: eventStatus {meeting['eventStatus']} does not match _kreds.status {status!r} "
                        f"({STATUSES[status][1]})")
            if "eventAttendanceMode" in meeting and meeting["eventAttendanceMode"] not in ATTENDANCE:
                out.add(f"{at}: eventAttendanceMode {meeting['eventAttendanceMode']!r} is not a schema.org mode")
            start, p1 = parse_when(meeting.get("startDate")) if "startDate" in meeting else (None, None)
            end, p2 = parse_when(meeting.get("endDate")) if "endDate" in meeting else (None, None)
            for name, problem in (("startDate", p1), ("endDate", p2)):
                if problem:
                    out.add(f"{at}: {name} {problem}")
            if start and end:
                if start.whole_day != end.whole_day:
                    out.add(f"{at}: startDate {start.text} and endDate {end.text}: one a date, the other a date-time")
                elif start.whole_day and end.value < start.value:
                    out.add(f"{at}: endDate {end.text} is before startDate {start.text} "
                            f"(a whole-day endDate is the last day, inclusive)")
                elif not start.whole_day and end.value <= start.value:
                    out.add(f"{at}: endDate {end.text} is not after startDate {start.text}")
            if start:
                starts.append(start)
            if len(on_page) == 1:
                differ = sorted(k for k in set(meeting) | set(on_page[0])
                                if k not in DATES and meeting.get(k) != on_page[0].get(k))
                if differ:
                    out.add(f"{at}: not the event page's JSON-LD apart from its dates: differs in "
                            f"{listed(differ)}")
        keys = [s.instant(self.zone) for s in starts]
        if keys != sorted(keys):
            out.add(f"{where}: meetings are not in order of start: {listed([s.text for s in starts], 6)}")
        return starts

    # The whole feed ------------------------------------------------------

    def check_feed(self, feed: Feed, out: Findings) -> None:
        data = feed.data
        self.check_top(feed, data, out)
        ics_path = feed.path.with_suffix(".ics")
        ics = read_ics(ics_path) if ics_path.is_file() else None
        if ics is not None and ics.problem:
            out.add(f"{self.site.rel(ics_path)}: {ics.problem}")
        items = data.get("items")
        if not isinstance(items, list):
            return
        feed.items = len(items)
        order: list[tuple[dt.datetime, str, str]] = []
        ids: dict[str, int] = {}
        json_keys: dict[tuple[str, str, str], str] = {}
        for n, item in enumerate(items, 1):
            if not isinstance(item, dict):
                continue
            ident = item.get("id")
            if isinstance(ident, str):
                if ident in ids:
                    out.add(f"item {n}: id {ident} is already the id of item {ids[ident]}")
                ids.setdefault(ident, n)
            starts = self.check_item(feed, n, item, ics, out)
            if starts:
                order.append((starts[0].instant(self.zone), str(item.get("title", "")), f"{ident} ({starts[0].text})"))
            meetings = (item.get("_kreds") or {}).get("meetings") if isinstance(item.get("_kreds"), dict) else None
            for meeting in meetings if isinstance(meetings, list) else []:
                if not isinstance(meeting, dict):
                    continue
                start, _ = parse_when(meeting.get("startDate"))
                end, _ = parse_when(meeting.get("endDate"))
                if start and end and isinstance(ident, str):
                    feed.meetings += 1
                    json_keys[(ident, start.key, end.key)] = f"{ident} {start.text} – {end.text}"
        if [o[:2] for o in order] != sorted(o[:2] for o in order):
            out.add("items are not ordered by the start of their first meeting (ties: title): "
                    + listed([o[2] for o in order], 6))
        if ics is not None and ics.cal is not None and self.now is not None:
            self.compare(feed, ics, json_keys, out)

    def compare(self, feed: Feed, ics: Ics, json_keys: dict, out: Findings) -> None:
        """The meetings of the JSON against the .ics's occurrences that end after now."""
        stop = self.now + dt.timedelta(days=365 * YEARS_AHEAD + YEARS_AHEAD // 4)
        try:
            coming = [o for o in ics.occurrences(self.now, stop) if o.ends_after(self.now, self.zone)]
        except Exception as e:
            out.add(f"recurring_ical_events cannot expand {self.site.rel(ics.path)}: {type(e).__name__}: {e}")
            return
        in_ics = {o.key: f"{o.uid} {o.start.isoformat()} – {o.end.isoformat()}" for o in coming}
        self.compared += len(in_ics)
        missing = sorted(in_ics.keys() - json_keys.keys())
        extra = sorted(json_keys.keys() - in_ics.keys())
        if not missing and not extra:
            return
        rel = self.site.rel(ics.path)
        parts = [f"{len(json_keys)} meeting(s) in the JSON, {len(in_ics)} occurrence(s) in {rel} ending after "
                 f"{self.now.isoformat(timespec='minutes')}"]
        if missing:
            parts.append(f"not in the JSON: {listed([in_ics[k] for k in missing], 5)}")
        if extra:
            parts.append(f"not in the .ics after the build time: {listed([json_keys[k] for k in extra], 5)}")
        hint = self.build_time_hint(ics, json_keys)
        out.add("; ".join(parts) + (f"; {hint}" if hint else ""))

    def build_time_hint(self, ics: Ics, json_keys: dict) -> str:
        """Which build times the JSON's meetings would be right for."""
        try:
            every = ics.occurrences(FAR_PAST, self.now + dt.timedelta(days=365 * (YEARS_AHEAD + 1)))
        except Exception:
            return ""
        ends = {o.key: o.end_instant(self.zone) for o in every}
        if not set(json_keys) <= set(ends):
            return ""
        after = [ends[k] for k in json_keys]
        before = [e for k, e in ends.items() if k not in json_keys]
        lo = max(before, default=None)
        hi = min(after, default=None)
        if lo is not None and hi is not None and lo >= hi:
            return ""
        zone = self.zone
        lo_text = lo.astimezone(zone).isoformat(timespec="minutes") if lo else "any time"
        hi_text = hi.astimezone(zone).isoformat(timespec="minutes") if hi else "any later time"
        return (f"the JSON is right for a build time from {lo_text} (exclusive) to {hi_text}: "
                f"built with another --now? (set {NOW_ENV})")


def resolve_now(now, zone: dt.tzinfo) -> tuple[dt.datetime, str]:
    if isinstance(now, dt.datetime):
        return (now if now.tzinfo else now.replace(tzinfo=zone)), "given"
    if isinstance(now, str):
        return parse_now(now, zone), "given"
    if os.environ.get(NOW_ENV):
        return parse_now(os.environ[NOW_ENV], zone), f"from {NOW_ENV}"
    return parse_now(DEFAULT_NOW, zone), "the Makefile's NOW"


def check_site(site, now=None) -> Report:
    """The `jsonfeed` check of gate.py. now: the build time (a datetime, or
    "YYYY-MM-DD HH:MM" in the site's zone); None: KREDS_GATE_NOW, else the
    Makefile's NOW."""
    report = Report()
    for cache in (read_ics, parse_page):
        cache.cache_clear()
    name = site.words["calendar"] + ".json"
    site_ics = site.root / (site.words["calendar"] + ".ics")
    zone_id = read_ics(site_ics).zone_id if site_ics.is_file() else None
    zone = zone_of(zone_id)
    try:
        build_time, source = resolve_now(now, zone)
    except ValueError as e:
        report.findings.append(f"the build time {now or os.environ.get(NOW_ENV)!r} is not \"YYYY-MM-DD HH:MM\": {e}")
        build_time, source = None, "none"
    checker = Checker(site, build_time, zone, report)

    feeds: list[Feed] = []
    for path in sorted(p for n in FEED_NAMES for p in site.root.rglob(n)):
        kind, network = classify(site, path)
        feed = Feed(path, site.rel(path), kind, network)
        if kind == OTHER:
            report.findings.append(f"{feed.rel}: a JSON feed where none belongs: the feeds are {name} and "
                                   f"{site.words['networks']}/<network>/{name}")
            continue
        feeds.append(feed)
    if not any(f.kind == SITE_FEED for f in feeds):
        report.findings.append(f"{name}: missing: the site feed of coming meetings (issue 20)")
    networks = site.root / site.words["networks"]
    with_feed = {f.network for f in feeds if f.kind == NETWORK_FEED}
    for page in sorted(networks.glob("*/index.html")) if networks.is_dir() else []:
        if page.parent.name not in with_feed:
            report.findings.append(f"{site.rel(page.parent)}/{name}: missing: every network has a feed of its "
                                   f"coming meetings (issue 20)")

    for feed in feeds:
        out = Findings(feed.rel)
        text = check_octets(feed.path.read_bytes(), out)
        data = parse_json(text, out) if text is not None else None
        if data is not None:
            out.extend(f"{feed.rel}: {e}" for e in schema_errors(data))
            if isinstance(data, dict):
                feed.data = data
                checker.check_feed(feed, out)
                if not feed.path.with_suffix(".ics").is_file():
                    out.add(f"no {feed.path.with_suffix('.ics').name} beside it to compare the meetings with")
        report.findings += out

    # A network feed's items are in the site feed, the same objects.
    site_feed = next((f for f in feeds if f.kind == SITE_FEED and f.data), None)
    if site_feed is not None and isinstance(site_feed.data.get("items"), list):
        in_site = {i.get("id"): i for i in site_feed.data["items"] if isinstance(i, dict)}
        for feed in feeds:
            if feed.kind != NETWORK_FEED or not feed.data or not isinstance(feed.data.get("items"), list):
                continue
            absent, differ = [], []
            for item in feed.data["items"]:
                if not isinstance(item, dict):
                    continue
                other = in_site.get(item.get("id"))
                if other is None:
                    absent.append(str(item.get("id")))
                elif other != item:
                    differ.append(f"{item.get('id')} ({listed(sorted(k for k in set(item) | set(other) if item.get(k) != other.get(k)), 4)})")
            if absent:
                report.findings.append(f"{feed.rel}: item(s) not in the site feed {site_feed.rel}: {listed(absent)}")
            if differ:
                report.findings.append(f"{feed.rel}: item(s) not the same as in {site_feed.rel}: {listed(differ, 4)}")

    counts = {k: sum(1 for f in feeds if f.kind == k) for k in (SITE_FEED, NETWORK_FEED)}
    empty = sum(1 for f in feeds if f.data and f.data.get("items") == [])
    when = build_time.isoformat(timespec="minutes") if build_time else "unknown"
    report.summary = (f"{len(feeds)} JSON feeds ({counts[SITE_FEED]} site, {counts[NETWORK_FEED]} network, {empty} empty) "
                      f"validated against JSON Feed 1.1 [jsonschema {jsonschema_version()}]; "
                      f"{sum(f.items for f in feeds)} items, {sum(f.meetings for f in feeds)} meetings; "
                      f"{checker.compared} .ics occurrences ending after the build time {when} ({source}) compared; "
                      f"{len(report.findings)} problems")
    return report


# --------------------------------------------------------------------------
# A small hand-made site, for the self-test and --sample


SAMPLE_BASE = "https://example.dk/"
VTIMEZONE = [
    "BEGIN:VTIMEZONE", "TZID:Europe/Copenhagen",
    "BEGIN:DAYLIGHT", "DTSTART:19810329T020000", "TZOFFSETFROM:+0100", "TZOFFSETTO:+0200",
    "RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU", "END:DAYLIGHT",
    "BEGIN:STANDARD", "DTSTART:19961027T030000", "TZOFFSETFROM:+0200", "TZOFFSETTO:+0100",
    "RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU", "END:STANDARD", "END:VTIMEZONE",
]
SAMPLE_NOW = "2026-11-23 12:00"

# slug: (VEVENT lines but UID/URL, status, networks, title, summary, meetings (start, end) after SAMPLE_NOW)
SAMPLE_EVENTS = {
    # a weekly series: the first two meetings are over at SAMPLE_NOW (the second ends 09:30 that
    # day), the third is an EXDATE
    "morgenmoede": (["DTSTART;TZID=Europe/Copenhagen:20261116T080000", "DTEND;TZID=Europe/Copenhagen:20261116T093000",
                     "RRULE:FREQ=WEEKLY;COUNT=5", "EXDATE;TZID=Europe/Copenhagen:20261130T080000"],
                    "CONFIRMED", ["landsby"], "Morgenmøde", "Kaffe og nyt.",
                    [("2026-12-07T08:00:00+01:00", "2026-12-07T09:30:00+01:00"),
                     ("2026-12-14T08:00:00+01:00", "2026-12-14T09:30:00+01:00")]),
    # on now: started before, ends after: it is listed
    "seminar": (["DTSTART;TZID=Europe/Copenhagen:20261123T100000", "DTEND;TZID=Europe/Copenhagen:20261123T160000"],
                "CONFIRMED", ["landsby"], "Seminar", None,
                [("2026-11-23T10:00:00+01:00", "2026-11-23T16:00:00+01:00")]),
    # two whole days in summer time
    "studietur": (["DTSTART;VALUE=DATE:20270420", "DTEND;VALUE=DATE:20270422"],
                  "CONFIRMED", ["landsby"], "Studietur", "To dage i Aarhus.",
                  [("2027-04-20", "2027-04-21")]),
    "aflyst": (["DTSTART;TZID=Europe/Copenhagen:20270115T170000", "DTEND;TZID=Europe/Copenhagen:20270115T190000"],
               "CANCELLED", [], "Aflyst møde", None,
               [("2027-01-15T17:00:00+01:00", "2027-01-15T19:00:00+01:00")]),
    # over at SAMPLE_NOW: in the .ics, not in the JSON
    "forbi": (["DTSTART;TZID=Europe/Copenhagen:20261020T170000", "DTEND;TZID=Europe/Copenhagen:20261020T190000"],
              "CONFIRMED", ["landsby"], "Et overstået møde", None, []),
}


def sample_ics(slugs: list[str], feed_name: str | None) -> str:
    lines = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//Kreds//selftest//DA", "CALSCALE:GREGORIAN",
             "METHOD:PUBLISH"]
    if feed_name:
        lines += [f"NAME:{feed_name}", f"X-WR-CALNAME:{feed_name}", "REFRESH-INTERVAL;VALUE=DURATION:PT12H",
                  "X-PUBLISHED-TTL:PT12H"]
    lines += ["X-WR-TIMEZONE:Europe/Copenhagen"] + VTIMEZONE
    for slug in slugs:
        props, status, _, title, _, _ = SAMPLE_EVENTS[slug]
        lines += ["BEGIN:VEVENT", f"UID:{slug}@example.dk", "DTSTAMP:20261101T120000Z"] + props + [
            f"SUMMARY:{title}", f"URL:{SAMPLE_BASE}arrangementer/{slug}/", f"STATUS:{status}", "SEQUENCE:0",
            "END:VEVENT"]
    lines.append("END:VCALENDAR")
    return "".join(line + "\r\n" for line in lines)


def sample_meeting(slug: str, start: str, end: str) -> dict:
    _, status, networks, title, summary, _ = SAMPLE_EVENTS[slug]
    kreds_status = {"CONFIRMED": "scheduled", "CANCELLED": "cancelled", "TENTATIVE": "postponed"}[status]
    meeting = {"@context": "https://schema.org", "@type": "Event", "name": title,
               "url": f"{SAMPLE_BASE}arrangementer/{slug}/", "eventStatus": STATUSES[kreds_status][1],
               "eventAttendanceMode": "https://schema.org/OfflineEventAttendanceMode",
               "location": {"@type": "Place", "name": "Forsamlingshuset"},
               "startDate": start, "endDate": end}
    if summary:
        meeting["description"] = summary
    return meeting


def sample_item(slug: str) -> dict:
    _, status, networks, title, summary, meetings = SAMPLE_EVENTS[slug]
    kreds_status = {"CONFIRMED": "scheduled", "CANCELLED": "cancelled", "TENTATIVE": "postponed"}[status]
    item = {"id": f"{slug}@example.dk", "url": f"{SAMPLE_BASE}arrangementer/{slug}/", "title": title,
            "content_text": summary or title,
            "_kreds": {"status": kreds_status,
                       "networks": [{"slug": n, "title": n.title(), "url": f"{SAMPLE_BASE}netvaerk/{n}/"}
                                    for n in networks],
                       "location": {"name": "Forsamlingshuset", "city": "Tranekær", "country": "DK"},
                       "registration": {"closed": slug in ("seminar", "aflyst"),
                                        "deadline": "2026-12-01T12:00:00+01:00"},
                       "calendar": f"{SAMPLE_BASE}arrangementer/{slug}/{slug}.ics",
                       "meetings": [sample_meeting(slug, s, e) for s, e in meetings]}}
    if summary:
        item["summary"] = summary
    if slug == "studietur":
        item["tags"] = ["byggeri"]
    return item


def sample_feed(kind: str, network: str | None, slugs: list[str]) -> dict:
    feed_url = SAMPLE_BASE + (f"netvaerk/{network}/kalender.json" if network else "kalender.json")
    data = {"version": JSON_FEED_VERSION, "title": "Eksempel" + (f" · {network}" if network else ""),
            "home_page_url": SAMPLE_BASE + (f"netvaerk/{network}/" if network else "arrangementer/"),
            "feed_url": feed_url, "language": "da",
            "authors": [{"name": "Eksempel", "url": SAMPLE_BASE}],
            "_kreds": {"about": SAMPLE_BASE + "arrangementer/del/#json", "version": "1",
                       "calendar": feed_url[:-len(".json")] + ".ics"},
            "items": [sample_item(s) for s in slugs if SAMPLE_EVENTS[s][5]]}
    if not network:
        data["description"] = "Møder i netværkene."
    return data


def dump(data) -> str:
    return json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":")) + "\n"


def sample_page(title: str, canonical: str, body: str = "") -> str:
    return (f'<!DOCTYPE html>\n<html lang="da">\n<head>\n<meta charset="utf-8">\n<title>{title}</title>\n'
            f'<link rel="canonical" href="{canonical}">\n</head>\n<body>\n<main>\n<h1>{title}</h1>\n{body}'
            f'</main>\n</body>\n</html>\n')


# The order of the items: the ongoing seminar, the series, the cancelled, the trip
SAMPLE_ORDER = ["seminar", "morgenmoede", "aflyst", "studietur", "forbi"]


def write_sample(root: Path) -> None:
    def write(rel: str, text: str) -> None:
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8", newline="")

    write("index.html", sample_page("Eksempel", SAMPLE_BASE))
    write("arrangementer/index.html", sample_page("Arrangementer", SAMPLE_BASE + "arrangementer/"))
    write("arrangementer/del/index.html", sample_page("Vis vores møder på jeres hjemmeside",
                                                      SAMPLE_BASE + "arrangementer/del/", '<h2 id="json">JSON</h2>\n'))
    for slug in SAMPLE_EVENTS:
        _, _, _, title, _, meetings = SAMPLE_EVENTS[slug]
        shown = meetings[0] if meetings else ("2026-10-20T17:00:00+02:00", "2026-10-20T19:00:00+02:00")
        ld = json.dumps(sample_meeting(slug, *shown), ensure_ascii=False, sort_keys=True)
        write(f"arrangementer/{slug}/index.html", sample_page(
            title, f"{SAMPLE_BASE}arrangementer/{slug}/", f'<script type="application/ld+json">{ld}</script>\n'))
        write(f"arrangementer/{slug}/{slug}.ics", sample_ics([slug], None))
    write("kalender.ics", sample_ics(SAMPLE_ORDER, "Eksempel"))
    write("kalender.json", dump(sample_feed(SITE_FEED, None, SAMPLE_ORDER)))
    landsby = [s for s in SAMPLE_ORDER if "landsby" in SAMPLE_EVENTS[s][2]]
    for net, slugs in (("landsby", landsby), ("tom", [])):
        write(f"netvaerk/{net}/index.html", sample_page(net.title(), f"{SAMPLE_BASE}netvaerk/{net}/"))
        write(f"netvaerk/{net}/kalender.ics", sample_ics(slugs, f"{net.title()} · Eksempel"))
        write(f"netvaerk/{net}/kalender.json", dump(sample_feed(NETWORK_FEED, net, slugs)))


def selftest() -> int:
    sys.path.insert(0, str(HERE))
    from gate import Site

    def edit_json(rel: str, change):
        def apply(root: Path) -> None:
            path = root / rel
            data = json.loads(path.read_text(encoding="utf-8"))
            change(data)
            path.write_text(dump(data), encoding="utf-8")
        return apply

    def edit_every_feed(change):
        def apply(root: Path) -> None:
            for rel in ("kalender.json", "netvaerk/landsby/kalender.json", "netvaerk/tom/kalender.json"):
                edit_json(rel, change)(root)
        return apply

    def replace(rel: str, old: str, new: str):
        def apply(root: Path) -> None:
            path = root / rel
            text = path.read_text(encoding="utf-8")
            assert old in text, (rel, old)
            path.write_text(text.replace(old, new, 1), encoding="utf-8", newline="")
        return apply

    def item(data, ident):
        return next(i for i in data["items"] if i["id"] == ident)

    def meeting(data, ident, n=0):
        return item(data, ident)["_kreds"]["meetings"][n]

    site_json = "kalender.json"
    cases = {
        "good": (None, None),
        "pretty-printed": (lambda root: (root / site_json).write_text(
            json.dumps(json.loads((root / site_json).read_text()), indent=1, sort_keys=True) + "\n"), "lines, not one"),
        "keys not sorted": (lambda root: (root / site_json).write_text(json.dumps(
            {"version": JSON_FEED_VERSION, **json.loads((root / site_json).read_text())}, ensure_ascii=False,
            separators=(",", ":")) + "\n"), "keys not sorted in 1 object(s): 'version' before '_kreds'"),
        "no final newline": (lambda root: (root / site_json).write_text(
            (root / site_json).read_text().rstrip("\n")), "does not end with a line feed"),
        "no version": (edit_json(site_json, lambda d: d.pop("version")), "'version' is a required property"),
        "version 1": (edit_json(site_json, lambda d: d.update(version="https://jsonfeed.org/version/1")),
                      "schema: version"),
        "no title": (edit_json(site_json, lambda d: d.pop("title")), "'title' is a required property"),
        "no items": (edit_json(site_json, lambda d: d.pop("items")), "'items' is a required property"),
        "item without id": (edit_json(site_json, lambda d: d["items"][0].pop("id")), "'id' is a required property"),
        "numeric id": (edit_json(site_json, lambda d: d["items"][0].update(id=7)), "7 is not of type 'string'"),
        "no content": (edit_json(site_json, lambda d: d["items"][0].pop("content_text")), "schema: items[0]"),
        "tags not strings": (edit_json(site_json, lambda d: item(d, "studietur@example.dk").update(tags=[1])),
                             "is not of type 'string'"),
        "relative url": (edit_json(site_json, lambda d: d.update(home_page_url="/arrangementer/")),
                         "schema: home_page_url"),
        "bad date_published": (edit_json(site_json, lambda d: d["items"][0].update(date_published="2026-11-23 12:00")),
                               "date_published"),
        "author object empty": (edit_json(site_json, lambda d: d.update(authors=[{}])), "schema: authors[0]"),
        "unknown key": (edit_json(site_json, lambda d: d.update(homepage_url=SAMPLE_BASE)),
                        "unknown member(s) homepage_url"),
        "wrong language": (edit_json(site_json, lambda d: d.update(language="en")), "not the site's language"),
        "wrong feed_url": (edit_json(site_json, lambda d: d.update(feed_url=SAMPLE_BASE + "feed.json")),
                           "feed_url is"),
        "wrong home page": (edit_json(site_json, lambda d: d.update(home_page_url=SAMPLE_BASE)), "home_page_url is"),
        "no _kreds": (edit_json(site_json, lambda d: d.pop("_kreds")), "no _kreds object"),
        "_kreds.version a number": (edit_json(site_json, lambda d: d["_kreds"].update(version=1)),
                                    "_kreds.version is 1"),
        "about without #json": (edit_json(site_json, lambda d: d["_kreds"].update(about=SAMPLE_BASE + "arrangementer/del/")),
                                "_kreds.about"),
        "no id=json": (replace("arrangementer/del/index.html", 'id="json"', 'id="feed"'), "no element id=\"json\""),
        "wrong calendar": (edit_json(site_json, lambda d: d["_kreds"].update(calendar=SAMPLE_BASE + "x.ics")),
                           "_kreds.calendar is"),
        "id not a UID": (edit_json(site_json, lambda d: d["items"][0].update(id="x@example.dk")),
                         "is not the UID of any VEVENT"),
        "content_text not summary": (edit_json(site_json, lambda d: item(d, "studietur@example.dk").update(
            content_text="Studietur")), "content_text 'Studietur' is not the summary"),
        "status not cancelled": (edit_json(site_json, lambda d: item(d, "aflyst@example.dk")["_kreds"].update(
            status="scheduled")), "VEVENT's STATUS is CANCELLED"),
        "status cancelled": (edit_json(site_json, lambda d: item(d, "seminar@example.dk")["_kreds"].update(
            status="cancelled")), "VEVENT's STATUS is CONFIRMED"),
        "eventStatus": (edit_json(site_json, lambda d: meeting(d, "aflyst@example.dk").update(
            eventStatus="https://schema.org/EventScheduled")), "does not match _kreds.status"),
        "url not the VEVENT's": (replace("kalender.ics", "URL:https://example.dk/arrangementer/seminar/",
                                         "URL:https://example.dk/arrangementer/seminar-2/"),
                                 "is not the VEVENT's URL"),
        "network not named": (edit_json("netvaerk/landsby/kalender.json",
                                        lambda d: item(d, "seminar@example.dk")["_kreds"].update(networks=[])),
                              "does not name it"),
        "no meetings": (edit_json(site_json, lambda d: item(d, "seminar@example.dk")["_kreds"].update(meetings=[])),
                        "an item has at least one meeting"),
        "meeting without offset": (edit_json(site_json, lambda d: meeting(d, "seminar@example.dk").update(
            startDate="2026-11-23T10:00:00")), "has no UTC offset"),
        "meeting without @type": (edit_json(site_json, lambda d: meeting(d, "seminar@example.dk").pop("@type")),
                                  "has no @type"),
        "whole-day end exclusive": (edit_json(site_json, lambda d: meeting(d, "studietur@example.dk").update(
            endDate="2027-04-22")), "not in the .ics after the build time"),
        "mixed date kinds": (edit_json(site_json, lambda d: meeting(d, "studietur@example.dk").update(
            endDate="2027-04-21T17:00:00+02:00")), "one a date, the other a date-time"),
        "meeting missing": (edit_json(site_json, lambda d: item(d, "morgenmoede@example.dk")["_kreds"]["meetings"].pop()),
                            "not in the JSON: morgenmoede@example.dk 2026-12-14"),
        "past meeting listed": (edit_json(site_json, lambda d: item(d, "morgenmoede@example.dk")["_kreds"]["meetings"].insert(
            0, sample_meeting("morgenmoede", "2026-11-16T08:00:00+01:00", "2026-11-16T09:30:00+01:00"))),
            "not in the .ics after the build time: morgenmoede@example.dk 2026-11-16T08:00"),
        "wrong offset": (edit_json(site_json, lambda d: meeting(d, "seminar@example.dk").update(
            startDate="2026-11-23T10:00:00+02:00")), "not in the JSON"),
        "meetings out of order": (edit_json(site_json, lambda d: item(d, "morgenmoede@example.dk")["_kreds"]["meetings"].reverse()),
                                  "meetings are not in order"),
        "items out of order": (edit_json(site_json, lambda d: d["items"].reverse()), "items are not ordered"),
        "meeting not the page's": (edit_json(site_json, lambda d: meeting(d, "seminar@example.dk").update(
            eventAttendanceMode="https://schema.org/OnlineEventAttendanceMode")), "differs in eventAttendanceMode"),
        "network item differs": (edit_json("netvaerk/landsby/kalender.json",
                                           lambda d: item(d, "seminar@example.dk").update(title="Seminar!")),
                                 "not the same as in kalender.json"),
        "empty network not empty": (edit_json("netvaerk/tom/kalender.json", lambda d: d["items"].append(
            sample_item("seminar"))), "not in the .ics after the build time"),
        "empty network without items": (edit_json("netvaerk/tom/kalender.json", lambda d: d.pop("items")),
                                        "'items' is a required property"),
        "network without feed": (lambda root: (root / "netvaerk/tom/kalender.json").unlink(),
                                 "netvaerk/tom/kalender.json: missing"),
        "feed in the wrong place": (lambda root: (root / "arrangementer/kalender.json").write_text(
            (root / site_json).read_text()), "a JSON feed where none belongs"),
        "registration deadline without offset": (edit_json(site_json, lambda d: d["items"][0]["_kreds"]["registration"].update(
            deadline="2026-12-01T12:00:00")), "registration.deadline"),
        "registration deadline a date": (edit_every_feed(lambda d: [i["_kreds"]["registration"].update(
            deadline="2026-12-01") for i in d["items"]]), None),
        "closed after the deadline": (edit_json(site_json, lambda d: item(d, "studietur@example.dk")["_kreds"][
            "registration"].update(deadline="2026-11-22")), "closed is false, but the deadline 2026-11-22 has passed"),
        "open on the deadline day": (edit_every_feed(lambda d: [i["_kreds"]["registration"].update(
            deadline="2026-11-23") for i in d["items"] if i["id"] != "seminar@example.dk"]), None),
        "open while the meeting goes on": (edit_json(site_json, lambda d: item(d, "seminar@example.dk")["_kreds"][
            "registration"].update(closed=False)), "the first meeting listed started"),
        "open though cancelled": (edit_json(site_json, lambda d: item(d, "aflyst@example.dk")["_kreds"][
            "registration"].update(closed=False)), "the event is cancelled"),
        "closed for no reason": (edit_json(site_json, lambda d: item(d, "studietur@example.dk")["_kreds"][
            "registration"].update(closed=True)), "the deadline has not passed"),
        "image not in the site": (edit_json(site_json, lambda d: item(d, "aflyst@example.dk").update(
            image=SAMPLE_BASE + "media/findes-ikke.jpg")), "the site has no media/findes-ikke.jpg"),
        "own calendar without the UID": (replace("arrangementer/seminar/seminar.ics", "UID:seminar@", "UID:andet@"),
                                         "has no VEVENT with UID seminar@example.dk"),
    }
    failed = 0
    with tempfile.TemporaryDirectory() as tmp:
        for n, (name, (change, expected)) in enumerate(cases.items()):
            root = Path(tmp) / str(n)
            write_sample(root)
            if change:
                change(root)
            found = check_site(Site(root), now=SAMPLE_NOW).findings
            if not case_passes(name, expected, found):
                failed += 1
        # Built at another time: the hint names the window.
        root = Path(tmp) / "later"
        write_sample(root)
        found = check_site(Site(root), now="2026-12-08 12:00").findings
        if not case_passes("build-time hint", "right for a build time from 2026-11-23T09:30+01:00 (exclusive) "
                                              "to 2026-11-23T16:00+01:00", found):
            failed += 1
    total = len(cases) + 1
    return selftest_result(total, failed)


def main(argv: list[str]) -> int:
    if argv == ["--selftest"]:
        return selftest()
    if len(argv) == 2 and argv[0] == "--sample":
        write_sample(Path(argv[1]))
        print(f"sample site written to {argv[1]} (check it with --now \"{SAMPLE_NOW}\")")
        return 0
    import argparse

    ap = argparse.ArgumentParser(description="The jsonfeed check of gate.py, alone.")
    ap.add_argument("site", type=Path)
    ap.add_argument("--now", help=f"the build time, \"YYYY-MM-DD HH:MM\" in the site's zone (default: ${NOW_ENV}, "
                                  f"else {DEFAULT_NOW!r})")
    args = ap.parse_args(argv)
    sys.path.insert(0, str(HERE))
    from gate import Site

    return print_report(check_site(Site(args.site), now=args.now))


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
