#!/usr/bin/env python3
"""The `jsonfeed` check of the conformance gate: the JSON Feeds of coming
meetings (issue 20), `kalender.json` / `calendar.json`.

Called by gate.py (`gate.py site/ --only jsonfeed`); alone:

    .venv/bin/python Tests/Conformance/jsonfeedcheck.py SITE [--now "2026-11-23 12:00"]
    .venv/bin/python Tests/Conformance/jsonfeedcheck.py --selftest
    .venv/bin/python Tests/Conformance/jsonfeedcheck.py --sample DIR

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

1.-2. The octets and JSON Feed 1.1 (jsonfeed/format.py).
3.-5. The contract of issue 20: the top level, each item, each meeting, and
   the meetings against the matching .ics (jsonfeed/contract.py, with
   jsonfeed/ics.py).
6. The files are there (this file): the site feed, and a feed beside every
   network page; a network feed's items are, the same objects, in the site
   feed.

--selftest and --sample: a small hand-made site (jsonfeed/selftest.py).
The site object is builtsite.Site (root, base_url, base_path, lang, words,
rel, url_of, file_of_url, is_event_page).
"""

from __future__ import annotations

import datetime as dt
import os
import sys
from pathlib import Path

from findings import Findings, Report, listed, print_report
from jsonfeed.contract import NETWORK_FEED, NOW_ENV, OTHER, SITE_FEED, Checker, Feed
from jsonfeed.format import check_json_octets, jsonschema_version, parse_json, schema_errors
from jsonfeed.ics import read_ics
from pages import clear_caches
from times import DEFAULT_NOW, parse_now, zone_of

FEED_NAMES = ("kalender.json", "calendar.json")


def classify(site, path: Path) -> tuple[str, str | None]:
    rel = path.relative_to(site.root).parts
    name = site.words["calendar"] + ".json"
    if rel == (name,):
        return SITE_FEED, None
    if len(rel) == 3 and rel[0] == site.words["networks"] and rel[2] == name:
        return NETWORK_FEED, rel[1]
    return OTHER, None


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
    read_ics.cache_clear()
    clear_caches()
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
        text = check_json_octets(feed.path.read_bytes(), out)
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


def main(argv: list[str]) -> int:
    if argv == ["--selftest"]:
        from jsonfeed.selftest import selftest

        return selftest()
    if len(argv) == 2 and argv[0] == "--sample":
        from jsonfeed.selftest import SAMPLE_NOW, write_sample

        write_sample(Path(argv[1]))
        print(f"sample site written to {argv[1]} (check it with --now \"{SAMPLE_NOW}\")")
        return 0
    import argparse

    ap = argparse.ArgumentParser(description="The jsonfeed check of gate.py, alone.")
    ap.add_argument("site", type=Path)
    ap.add_argument("--now", help=f"the build time, \"YYYY-MM-DD HH:MM\" in the site's zone (default: ${NOW_ENV}, "
                                  f"else {DEFAULT_NOW!r})")
    args = ap.parse_args(argv)
    from builtsite import Site

    return print_report(check_site(Site(args.site), now=args.now))


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
