"""The jsonfeed check's small hand-made site, for its self-test (`python
jsonfeedcheck.py --selftest`: broken one way per case, each case must give
the finding it names, or none) and `--sample DIR` (the good site, to run
gate.py on with --now SAMPLE_NOW).
"""

from __future__ import annotations

import json
import tempfile
from pathlib import Path

from samplesite import SAMPLE_BASE, case_passes, sample_page, selftest_result, write_files

from .contract import JSON_FEED_VERSION, NETWORK_FEED, SITE_FEED, STATUSES

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


# The order of the items: the ongoing seminar, the series, the cancelled, the trip
SAMPLE_ORDER = ["seminar", "morgenmoede", "aflyst", "studietur", "forbi"]


def write_sample(root: Path) -> None:
    files = {
        "index.html": sample_page("Eksempel", SAMPLE_BASE),
        "arrangementer/index.html": sample_page("Arrangementer", SAMPLE_BASE + "arrangementer/"),
        "arrangementer/del/index.html": sample_page("Vis vores møder på jeres hjemmeside",
                                                    SAMPLE_BASE + "arrangementer/del/", '<h2 id="json">JSON</h2>\n'),
    }
    for slug in SAMPLE_EVENTS:
        _, _, _, title, _, meetings = SAMPLE_EVENTS[slug]
        shown = meetings[0] if meetings else ("2026-10-20T17:00:00+02:00", "2026-10-20T19:00:00+02:00")
        ld = json.dumps(sample_meeting(slug, *shown), ensure_ascii=False, sort_keys=True)
        files[f"arrangementer/{slug}/index.html"] = sample_page(
            title, f"{SAMPLE_BASE}arrangementer/{slug}/", f'<script type="application/ld+json">{ld}</script>\n')
        files[f"arrangementer/{slug}/{slug}.ics"] = sample_ics([slug], None)
    files["kalender.ics"] = sample_ics(SAMPLE_ORDER, "Eksempel")
    files["kalender.json"] = dump(sample_feed(SITE_FEED, None, SAMPLE_ORDER))
    landsby = [s for s in SAMPLE_ORDER if "landsby" in SAMPLE_EVENTS[s][2]]
    for net, slugs in (("landsby", landsby), ("tom", [])):
        files[f"netvaerk/{net}/index.html"] = sample_page(net.title(), f"{SAMPLE_BASE}netvaerk/{net}/")
        files[f"netvaerk/{net}/kalender.ics"] = sample_ics(slugs, f"{net.title()} · Eksempel")
        files[f"netvaerk/{net}/kalender.json"] = dump(sample_feed(NETWORK_FEED, net, slugs))
    write_files(root, files)


def selftest() -> int:
    from builtsite import Site
    from jsonfeedcheck import check_site

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
