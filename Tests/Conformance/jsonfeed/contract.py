"""The contract of the JSON Feeds of coming meetings (issue 20; SITE.md,
"JSON feeds"), past what JSON Feed 1.1 itself asks:

3. The feed's top level: `language` is the site language; `feed_url` is the
   file's own URL; `home_page_url` is the events page (site feed) or the
   network page; `authors` has a name; `_kreds` has `about` (the partners
   page <events>/<del|share>/ + "#json", which has an element id="json"),
   `version` "1" and `calendar` (the matching .ics: same folder, same stem,
   present).
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
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from pathlib import Path

from findings import Findings, Report, listed
from pages import is_schema_event, json_ld_objects, parse_page
from times import at_midnight

from .ics import Ics, When, parse_when, read_ics

NOW_ENV = "KREDS_GATE_NOW"  # the build time, when not given
YEARS_AHEAD = 20
FAR_PAST = dt.datetime(1900, 1, 1, tzinfo=dt.timezone.utc)
JSON_FEED_VERSION = "https://jsonfeed.org/version/1.1"
KREDS_VERSION = "1"
SITE_FEED, NETWORK_FEED, OTHER = "site feed", "network feed", "other"

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

HTTP_URL = re.compile(r"^https?://[^/\s?#]+\S*$")


@dataclass
class Feed:
    path: Path
    rel: str
    kind: str
    network: str | None = None
    data: dict | None = None
    items: int = 0
    meetings: int = 0


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
        share = site.root / w["events"] / w["share"] / "index.html"
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
        if page is not None and page.is_file() and not site.is_event_page(page):
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
        on_page = ([o for o in json_ld_objects(page) if is_schema_event(o)]
                   if page is not None and page.is_file() else [])
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
