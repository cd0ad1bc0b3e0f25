#!/usr/bin/env python3
"""The `aging` check of the conformance gate: assets/time.js, which moves a
built page forward to the reader's clock (SITE.md, "Pages that age in the
browser"; TEMPLATES.md, "Keeping pages true as time passes"), run in headless
Chromium with the page's clock set.

Called by gate.py (`gate.py site/ --only aging [--now "2026-11-23 12:00"]`);
alone: `python agingcheck.py SITE [--now "YYYY-MM-DD HH:MM"]`. It builds
nothing: it needs the site built with that --now (a local time in the site's
zone, <html data-time-zone>; an ISO instant with an offset also does), and
says so when the pages disagree with it.

The pages looked at are every index.html with something time.js may change
(ul[data-upcoming], [data-happening], [data-registration-closes],
li[data-occurrence-end], table[data-today-marker]); each must load time.js
with `defer` and have no inline script. The clock is set before a page loads,
with Page.addScriptToEvaluateOnNewDocument replacing Date (`new Date()` and
Date.now() give the fixed instant; other calls are Date's own); the reader's
own time zone is America/New_York (Emulation.setTimezoneOverride), so that
"today" must come from the site's zone.

A page's state is what time.js may change: the hidden attribute of each
upcoming list, its items, its empty note and each card's [data-happening]
badge, the event page's notice (itself, its happening badge, its has-ended
text), the registration box's open and closed parts, the is-past class of
li[data-occurrence-end], and per month table the cells marked
month__day--today, aria-current, the .month__today marks (cell and text) and
the month__day--past cells. "As built" is that state read from the page's file
parsed by DOMParser in the browser (no script runs there). For a clock C after
the build, the expected state is computed here from the state as built and the
rules of SITE.md (an item hidden once its end is reached, a whole-day value
being a date in the site's zone with an exclusive end; the badge shown from the
start, hidden from the end; registration closed from data-registration-closes;
the today mark on C's date in the site's zone when the month has that day and
it was not built as past, earlier days past); for C at or before the build it
is the state as built. Every loaded page must match, and every element whose
hidden attribute says it shows must show (getClientRects), and the other way.

Scenarios (each forward one must change at least one element, or it is a
finding, so that a pass is never empty):

1. build: clock = --now, every page: as built.
2. during: the first timed, not cancelled upcoming card after the build,
   clock = its start + 1 min, on every page listing it: its badge shows, its
   item still listed; likewise a whole-day card at noon of its first day.
3. after: clock = that card's end + 1 min: its item hidden on every page
   listing it (the front page and the events page among them), later ones
   listed; the page whose upcoming list is shortest, clock after its last
   end: every item hidden, the list hidden, the empty note shown; the first
   date of an event page's list not yet past, clock after its end: is-past;
   the notice at the top of an event page (data-event-state): as built, "has
   ended" on every page whose last meeting ended before the build (at least
   one) and on no other; the first single timed meeting after the build,
   clock = its start + 1 min: notice and "happening now" shown; its end + 1
   min: "has ended" shown, "happening now" hidden.
4. registration: every open registration box, clock = its deadline + 1 min:
   open part hidden, "closed" badge shown; deadline - 1 min: as built.
5. next day: clock = the build day + 2 days at 09:00 (same month): today mark
   on that day of the build month's pages, the days before it past.
6. month end: clock = 00:30 on the 1st of the next month (still the day
   before in the reader's zone): the build month's pages (every page whose
   table marks the build day) have no today mark, aria-current or marker, and
   every day past; the next month's page (rel=next) marks its 1st with
   aria-current="date" and the table's data-today-marker text.
7. later today: clock = build + 5 h (kept on the build day): the calendar as
   built.
8. earlier: clock = build - 2 days, every page: as built; build - 35 days,
   every calendar page: as built (never backwards).
9. no JS: a second Chromium with JavaScript off, clock after every meeting,
   deadline and the next month: every page as built, while the same clock
   with JavaScript changes some of them.
10. errors: no console message of level SEVERE and no uncaught error in any
    load; assets/time.js under 5,000 octets.
"""

from __future__ import annotations

import copy
import json
import re
import sys
import threading
import time
from datetime import date, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

from builtsite import EMBED_FOLDERS
from chromium import console_errors
from findings import Report, listed, print_report
from times import DEFAULT_NOW, at_midnight, parse_now

TIME_JS_LIMIT = 5000  # octets
READER_ZONE = "America/New_York"
MINUTE = timedelta(minutes=1)
WHOLE_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}$")
MARKERS = re.compile(r"data-upcoming|data-happening|data-registration-closes|data-today-marker|data-event-state"
                     r"|<li\b[^>]*\bdata-occurrence-end")
TIME_JS_SRC = re.compile(r"(^|/)time\.js(\?|$)")
MAX_DIFFS = 6  # differences named per page

# The clock: Date without arguments and Date.now() give the fixed instant.
CLOCK_JS = """
(function () {
  var fixed = %d, Real = Date;
  function FakeDate() {
    if (!new.target) return new Real(fixed).toString();
    var args = Array.prototype.slice.call(arguments);
    return Reflect.construct(Real, args.length ? args : [fixed], new.target);
  }
  FakeDate.prototype = Real.prototype;
  Object.setPrototypeOf(FakeDate, Real);
  FakeDate.now = function () { return fixed; };
  window.Date = FakeDate;
  window.__agingErrors = [];
  window.addEventListener("error", function (e) {
    window.__agingErrors.push((e.message || "error") + " (" + (e.filename || "?") + ":" + (e.lineno || 0) + ")");
  });
})();
"""

# The state time.js may change. arguments[0]: null for the live page, else the
# page's source, parsed by DOMParser (no script runs there): the page as built.
SNAP_JS = r"""
var src = arguments[0], live = src === null;
var doc = live ? document : new DOMParser().parseFromString(src, "text/html");
function all(sel, root) { return Array.prototype.slice.call((root || doc).querySelectorAll(sel)); }
function at(el, name) { return el ? el.getAttribute(name) : null; }
function dayOf(td) { var t = td && td.querySelector("time[datetime]"); return t ? t.getAttribute("datetime") : null; }
function hrefOf(el) { var a = el && el.querySelector("a[href]"); return a ? a.getAttribute("href") : null; }
var bad = [];
function hid(el, what) {
  if (!el) return null;
  if (live) {
    var off = false;
    for (var e = el; e; e = e.parentElement) if (e.hidden) { off = true; break; }
    var shows = el.getClientRects().length > 0;
    if (shows === off) bad.push(what + (off ? " is hidden but shows" : " is not hidden but does not show"));
  }
  return el.hidden;
}
var out = {upcoming: [], happening: [], notice: [], registration: [], dates: [], calendar: [], bad: bad,
  timeScripts: all("script[src]").filter(function (s) { return /(^|\/)time\.js(\?|$)/.test(s.getAttribute("src")); })
    .map(function (s) { return s.defer; }),
  inlineScripts: all("script:not([src])").filter(function (s) {
    return /^(|(text|application)\/(java|ecma)script|module)$/i.test((s.getAttribute("type") || "").trim());
  }).length,
  zone: doc.documentElement.getAttribute("data-time-zone")};
all("[data-upcoming]").forEach(function (ul, n) {
  var note = ul.parentNode ? ul.parentNode.querySelector("[data-upcoming-empty]") : null;
  out.upcoming.push({hidden: hid(ul, "upcoming list " + (n + 1)),
    note: hid(note, "the empty note of upcoming list " + (n + 1)),
    items: Array.prototype.slice.call(ul.children).map(function (li) {
      var card = li.querySelector("[data-occurrence-end]");
      var start = at(card, "data-occurrence-start"), href = hrefOf(li);
      return {href: href, start: start, end: at(card, "data-occurrence-end"),
              hidden: hid(li, "the item " + href + " " + start)};
    })});
});
all("[data-happening]").forEach(function (b) {
  var card = b.closest("[data-occurrence-start]"), href = hrefOf(card), start = at(card, "data-occurrence-start");
  out.happening.push({href: href, start: start, end: at(card, "data-occurrence-end"),
                      hidden: hid(b, "the happening badge of " + href + " " + start)});
});
all("[data-event-state]").forEach(function (box) {
  var run = box.querySelector("[data-event-running]");
  out.notice.push({ends: at(box, "data-event-ends"), start: at(run, "data-running-start"),
    end: at(run, "data-running-end"), hidden: hid(box, "the event page's notice"),
    running: hid(run, "the notice's happening badge"),
    ended: hid(box.querySelector("[data-event-ended]"), "the notice's has-ended text")});
});
all("[data-registration-closes]").forEach(function (box) {
  out.registration.push({closes: at(box, "data-registration-closes"),
    open: hid(box.querySelector("[data-registration-open]"), "the open registration"),
    closed: hid(box.querySelector("[data-registration-closed]"), "the registration-closed badge")});
});
all("li[data-occurrence-end]").forEach(function (li) {
  out.dates.push({start: at(li, "data-occurrence-start"), end: at(li, "data-occurrence-end"),
                  past: li.classList.contains("is-past")});
});
all("table[data-today-marker]").forEach(function (t) {
  out.calendar.push({marker: at(t, "data-today-marker"),
    days: all("td time.month__date[datetime]", t).map(function (x) { return x.getAttribute("datetime"); }),
    today: all("td.month__day--today", t).map(dayOf),
    current: all("[aria-current]", t).map(function (td) { return dayOf(td) + " " + td.getAttribute("aria-current"); }),
    marks: all(".month__today", t).map(function (s) {
      var d = dayOf(s.closest("td"));
      hid(s, "the today mark on " + d);
      var before = s.previousSibling;
      if (live && !(before && before.nodeType === 3 && /\s$/.test(before.textContent)))
        bad.push("the today mark on " + d + " is not set off from the date by a space");
      return d + " " + s.textContent.trim();
    }),
    past: all("td.month__day--past", t).map(dayOf)});
});
if (live) out.probe = {errors: window.__agingErrors || null, clock: Date.now(),
  timeJs: performance.getEntriesByType("resource").some(function (e) { return /\/time\.js(\?|$)/.test(e.name); })};
return out;
"""


# --------------------------------------------------------------------------
# Times


def instant(value: str, zone: ZoneInfo) -> datetime:
    """The moment a data-occurrence-*/data-registration-closes value is reached
    (a whole-day value: the start of that day in the site's zone)."""
    if WHOLE_DAY.match(value):
        return at_midnight(date.fromisoformat(value), zone)
    return datetime.fromisoformat(value)


def reached(value: str | None, clock: datetime, today: str) -> bool:
    if not value:
        return False
    if WHOLE_DAY.match(value):
        return today >= value
    try:
        return clock >= datetime.fromisoformat(value)
    except ValueError:
        return False


def local(clock: datetime, zone: ZoneInfo) -> str:
    return clock.astimezone(zone).strftime("%Y-%m-%d %H:%M %Z")


def expected(built: dict, clock: datetime, now: datetime, zone: ZoneInfo) -> dict:
    """The state SITE.md asks for at `clock`, from the state as built at `now`."""
    want = copy.deepcopy(built)
    if clock <= now:
        return want  # never backwards
    today = clock.astimezone(zone).date().isoformat()

    def r(value):
        return reached(value, clock, today)

    for ul in want["upcoming"]:
        for item in ul["items"]:
            if r(item["end"]):
                item["hidden"] = True
        if ul["note"] is not None and all(item["hidden"] for item in ul["items"]):
            ul["hidden"], ul["note"] = True, False
    for badge in want["happening"]:
        if r(badge["end"]):
            badge["hidden"] = True
        elif r(badge["start"]):
            badge["hidden"] = False
    for notice in want["notice"]:
        if r(notice["ends"]):
            notice["running"], notice["ended"] = True, False
        elif r(notice["end"]):
            notice["running"] = True
        elif r(notice["start"]):
            notice["running"] = False
        notice["hidden"] = bool(notice["running"]) and bool(notice["ended"])
    for box in want["registration"]:
        if r(box["closes"]):
            if box["open"] is not None:
                box["open"] = True
            if box["closed"] is not None:
                box["closed"] = False
    for li in want["dates"]:
        if r(li["end"]):
            li["past"] = True
    for table in want["calendar"]:
        marked = table["today"][0] if table["today"] else None
        if marked and marked >= today:
            continue
        was_past = set(table["past"])
        table["past"] = [d for d in table["days"] if d in was_past or d < today]
        new = today in table["days"] and today not in was_past
        table["today"] = [today] if new else []
        table["current"] = [c for c in table["current"] if not (marked and c.startswith(marked + " "))]
        if new:
            table["current"].append(f"{today} date")
        table["marks"] = [f"{today} {table['marker']}"] if new else []
    return want


# --------------------------------------------------------------------------
# Differences


def differences(want, got, path: str = "") -> list[str]:
    out: list[str] = []
    if isinstance(want, dict) and isinstance(got, dict):
        label = " ".join(str(want[k]) for k in ("href", "start") if want.get(k)) or want.get("closes") or ""
        for key in want.keys() | got.keys():
            if key in ("bad", "timeJsFetched"):
                continue
            sub = f"{path}.{key}" if path else key
            out += differences(want.get(key), got.get(key), sub + (f" ({label})" if label and key == "hidden" else ""))
    elif isinstance(want, list) and isinstance(got, list) and len(want) == len(got) \
            and all(isinstance(x, (dict, list)) for x in want):
        for n, (a, b) in enumerate(zip(want, got)):
            out += differences(a, b, f"{path}[{n}]")
    elif isinstance(want, list) and isinstance(got, list) and all(isinstance(x, str) for x in want + got):
        if want != got:
            missing = [x for x in want if x not in got]
            extra = [x for x in got if x not in want]
            out.append(f"{path}: " + (f"missing {listed(missing, 4)}" if missing else "")
                       + ("; " if missing and extra else "") + (f"extra {listed(extra, 4)}" if extra else "")
                       + ("" if missing or extra else f"order {listed(got, 4)}, expected {listed(want, 4)}"))
    elif want != got:
        out.append(f"{path}: expected {json.dumps(want, ensure_ascii=False)}, "
                   f"got {json.dumps(got, ensure_ascii=False)}")
    return out


def changed(built: dict, want: dict) -> int:
    return len(differences(built, want))


# --------------------------------------------------------------------------
# The browser


class Browser:
    """One Chromium (with or without JavaScript) that loads pages with a clock."""

    def __init__(self, driver, server, site, javascript: bool) -> None:
        self.driver, self.server, self.site, self.javascript = driver, server, site, javascript
        self.script_id = None
        self.loads = 0
        self.clock = None
        driver.execute_cdp_cmd("Page.enable", {})
        driver.execute_cdp_cmd("Emulation.setTimezoneOverride", {"timezoneId": READER_ZONE})

    def url(self, page: Path) -> str:
        return self.server.url_of(self.site, page)

    def load(self, page: Path, clock: datetime, errors: list[str], where: str) -> dict:
        """The page's live state at `clock`; console errors into `errors`."""
        ms = int(clock.timestamp() * 1000)
        if self.clock != ms:
            if self.script_id is not None:
                self.driver.execute_cdp_cmd("Page.removeScriptToEvaluateOnNewDocument", {"identifier": self.script_id})
            self.script_id = self.driver.execute_cdp_cmd(
                "Page.addScriptToEvaluateOnNewDocument", {"source": CLOCK_JS % ms})["identifier"]
            self.clock = ms
        self.driver.get_log("browser")  # drop what came before
        self.driver.get(self.url(page))
        self.loads += 1
        state = self.driver.execute_script(SNAP_JS, None)
        probe = state.pop("probe")
        rel = self.site.rel(page)
        for message in console_errors(self.driver):
            errors.append(f"{where}: {rel}: console error: {message}")
        for message in probe.get("errors") or []:
            errors.append(f"{where}: {rel}: uncaught error: {message}")
        if self.javascript and probe.get("clock") != ms:
            errors.append(f"{where}: {rel}: the clock did not take: Date.now() is {probe.get('clock')}, not {ms}")
        state["timeJsFetched"] = probe.get("timeJs")
        return state

    def built(self, source: str) -> dict:
        """The state of a page's source as built (DOMParser: no script runs)."""
        return self.driver.execute_script(SNAP_JS, source)


# --------------------------------------------------------------------------
# The check


def relevant_pages(site) -> tuple[list[Path], list[Path]]:
    """(pages time.js may change and that load it, pages with markers that do not load it)"""
    pages, without = [], []
    for path in sorted(site.root.rglob("index.html")):
        text = path.read_text(encoding="utf-8", errors="replace")
        if not MARKERS.search(text):
            continue
        if re.search(r"<script\b[^>]*\bsrc=\"[^\"]*time\.js\"", text):
            pages.append(path)
        else:
            without.append(path)
    return pages, without


def check_site(site, server, make_driver, now: str = DEFAULT_NOW) -> Report:
    report = Report()
    started = time.monotonic()
    home = site.root / "index.html"
    zone_name = re.search(r'<html[^>]*\bdata-time-zone="([^"]+)"', home.read_text(encoding="utf-8"))
    if not zone_name:
        report.findings.append("index.html: <html> has no data-time-zone")
        report.summary = "could not run: no site time zone"
        return report
    zone = ZoneInfo(zone_name.group(1))
    build = parse_now(now, zone)
    build_day = build.astimezone(zone).date()

    # time.js itself
    time_js = None
    scripts = re.findall(r'<script\b[^>]*\bsrc="([^"]*time\.js)"', home.read_text(encoding="utf-8"))
    if scripts:
        time_js = site.target_of(home, scripts[0])
    if time_js is None or not time_js.is_file():
        report.findings.append(f"index.html: loads no assets/time.js the site has ({scripts[:1]})")
        report.summary = "could not run: no time.js"
        return report
    size = time_js.stat().st_size
    if size >= TIME_JS_LIMIT:
        report.findings.append(f"{site.rel(time_js)}: {size} octets, not under {TIME_JS_LIMIT}")

    pages, without = relevant_pages(site)
    embeds = [p for p in without if p.parent.name in EMBED_FOLDERS]
    for page in without:
        if page not in embeds:
            report.findings.append(f"{site.rel(page)}: has elements time.js moves but does not load time.js")
    if not pages:
        report.findings.append("no page with anything time.js moves")
        report.summary = "no page to check"
        return report
    sources = {p: p.read_text(encoding="utf-8", errors="replace") for p in pages}

    errors: list[str] = []
    scenarios: list[str] = []  # one line each, for the notes
    nojs_out: dict = {"findings": [], "errors": [], "same": 0, "loads": 0}

    def nojs_sweep() -> None:
        """9. JavaScript off: every page as built, even at the far-future clock (in a thread of its own)."""
        try:
            nojs = Browser(make_driver(javascript=False), server, site, javascript=False)
        except Exception as e:  # noqa: BLE001 - reported as a finding
            nojs_out["findings"].append(f"no JS: could not start Chromium without JavaScript: {type(e).__name__}: {e}")
            return
        try:
            for page in pages:
                state = nojs.load(page, future, nojs_out["errors"], "no JS")
                diff = differences(built[page], state)
                if diff:
                    nojs_out["findings"].append(f"no JS: {site.rel(page)} at {local(future, zone)}: "
                                                + "; ".join(diff[:MAX_DIFFS]))
                else:
                    nojs_out["same"] += 1
                for b in state["bad"]:
                    nojs_out["findings"].append(f"no JS: {site.rel(page)}: {b}")
        except Exception as e:  # noqa: BLE001
            nojs_out["findings"].append(f"no JS: {type(e).__name__}: {e}")
        finally:
            nojs_out["loads"] = nojs.loads
            nojs.driver.quit()

    nojs_thread = threading.Thread(target=nojs_sweep, daemon=True)
    js = Browser(make_driver(), server, site, javascript=True)
    built: dict[Path, dict] = {}
    try:
        js.driver.get(js.url(home))
        for page in pages:
            built[page] = js.built(sources[page])

        # The pages as built must agree with --now.
        mismatch = []
        for page, state in built.items():
            rel = site.rel(page)
            if not state["timeScripts"] or not all(state["timeScripts"]):
                report.findings.append(f"{rel}: time.js is not loaded with defer")
            if state["inlineScripts"]:
                report.findings.append(f"{rel}: {state['inlineScripts']} inline <script> element(s)")
            for table in state["calendar"]:
                for d in table["today"]:
                    if d != build_day.isoformat():
                        mismatch.append(f"{rel} marks {d} as today")
            for ul in state["upcoming"]:
                for item in ul["items"]:
                    if item["end"] and not item["hidden"] and reached(item["end"], build, build_day.isoformat()):
                        mismatch.append(f"{rel} lists {item['href']}, ended {item['end']}")
            for notice in state["notice"]:
                if (notice["ended"] is False) != reached(notice["ends"], build, build_day.isoformat()):
                    mismatch.append(f"{rel} says the meeting has ended: {notice['ended'] is False}, "
                                    f"its last meeting ends {notice['ends']}")
        if mismatch:
            report.findings.append(f"the site does not look built at --now {now} ({local(build, zone)}): "
                                   + listed(mismatch, 4))
            report.summary = "the site was not built at --now"
            return report

        # A far-future clock: after every meeting, deadline, and in a month after the build's.
        values = [v for s in built.values() for v in
                  [i["end"] for ul in s["upcoming"] for i in ul["items"]]
                  + [b["end"] for b in s["happening"]] + [b["closes"] for b in s["registration"]]
                  + [n["ends"] for n in s["notice"]]
                  + [li["end"] for li in s["dates"]] if v]
        future = max([instant(v, zone) for v in values] + [build + timedelta(days=40)]) + timedelta(days=1)
        nojs_thread.start()

        def run(name: str, clock: datetime, targets, what: str = "") -> dict[Path, dict]:
            """Load `targets` at `clock`; each must match the expected state. The live states."""
            states = {}
            for page in targets:
                state = js.load(page, clock, errors, name)
                states[page] = state
                rel = site.rel(page)
                if not state.get("timeJsFetched"):
                    report.findings.append(f"{name}: {rel}: time.js was not fetched")
                for b in state["bad"]:
                    report.findings.append(f"{name}: {rel} at {local(clock, zone)}: {b}")
                diff = differences(expected(built[page], clock, build, zone), state)
                if diff:
                    report.findings.append(f"{name}: {rel} at {local(clock, zone)}{what}: "
                                           + "; ".join(diff[:MAX_DIFFS])
                                           + (f" and {len(diff) - MAX_DIFFS} more" if len(diff) > MAX_DIFFS else ""))
            return states

        def moves(targets, clock) -> int:
            return sum(changed(built[p], expected(built[p], clock, build, zone)) for p in targets)

        # Cards of the upcoming lists: (href, start, end, has a badge)
        listing: dict[tuple[str, str], list[Path]] = {}
        cards: dict[tuple[str, str], dict] = {}
        for page, state in built.items():
            for ul in state["upcoming"]:
                for item in ul["items"]:
                    if item["start"] and item["end"]:
                        key = (item["href"], item["start"])
                        listing.setdefault(key, []).append(page)
                        cards[key] = item
        badges = {(b["href"], b["start"]) for s in built.values() for b in s["happening"]}

        def badge_of(state, key):
            return next((b for b in state["happening"] if (b["href"], b["start"]) == key), None)

        def item_of(state, key):
            return next((i for ul in state["upcoming"] for i in ul["items"] if (i["href"], i["start"]) == key), None)

        # 1. build: nothing moves at the build's own clock.
        run("build", build, pages)
        scenarios.append(f"build ({local(build, zone)}): {len(pages)} pages as built")

        # 2./3. during and after a meeting
        timed = sorted((k for k in cards if not WHOLE_DAY.match(k[1]) and k in badges
                        and instant(k[1], zone) > build), key=lambda k: instant(k[1], zone))
        if not timed:
            report.findings.append("during: no upcoming timed meeting with a happening badge to exercise")
        else:
            key = timed[0]
            card = cards[key]
            on = sorted(set(listing[key]) | {p for p, s in built.items() if badge_of(s, key)})
            clock = instant(card["start"], zone) + MINUTE
            states = run("during", clock, on)
            shown = 0
            for page, state in states.items():
                b, item = badge_of(state, key), item_of(state, key)
                if b is not None and b["hidden"] is False:
                    shown += 1
                else:
                    report.findings.append(f"during: {site.rel(page)}: the badge of {key[0]} is not shown at "
                                           f"{local(clock, zone)}")
                if item is not None and item["hidden"]:
                    report.findings.append(f"during: {site.rel(page)}: {key[0]} left the list while running")
            scenarios.append(f"during {key[0]} ({local(clock, zone)}): badge shown on {shown} of {len(on)} pages, "
                             f"{moves(on, clock)} elements due to move")
            clock = instant(card["end"], zone) + MINUTE
            after_pages = sorted(set(listing[key]) | {home, site.root / site.words["events"] / "index.html"} & set(pages))
            states = run("after", clock, after_pages)
            gone = sum(1 for p, s in states.items() if (i := item_of(s, key)) is not None and i["hidden"])
            still = sum(1 for s in states.values() for ul in s["upcoming"] for i in ul["items"] if not i["hidden"])
            for page in listing[key]:
                if page in states and not (item_of(states[page], key) or {}).get("hidden"):
                    report.findings.append(f"after: {site.rel(page)}: {key[0]} still listed at {local(clock, zone)}")
            for must in (home, site.root / site.words["events"] / "index.html"):
                if must in pages and must not in listing[key]:
                    report.notes.append(f"after: {site.rel(must)} does not list {key[0]}")
            scenarios.append(f"after {key[0]} ({local(clock, zone)}): hidden on {gone} of {len(listing[key])} pages, "
                             f"{still} later items still listed")
        whole = sorted((k for k in cards if WHOLE_DAY.match(k[1]) and k in badges and k[1] > build_day.isoformat()),
                       key=lambda k: k[1])
        if whole:
            key = whole[0]
            on = sorted(listing[key])
            clock = instant(key[1], zone) + timedelta(hours=12)
            states = run("during (whole day)", clock, on)
            shown = sum(1 for s in states.values() if (b := badge_of(s, key)) is not None and b["hidden"] is False)
            if shown != len(on):
                report.findings.append(f"during (whole day): the badge of {key[0]} shows on {shown} of {len(on)} pages")
            clock = instant(cards[key]["end"], zone) + MINUTE
            states = run("after (whole day)", clock, on)
            gone = sum(1 for s in states.values() if (i := item_of(s, key)) is not None and i["hidden"])
            if gone != len(on):
                report.findings.append(f"after (whole day): {key[0]} hidden on {gone} of {len(on)} pages")
            scenarios.append(f"whole-day {key[0]}: badge on {shown}/{len(on)} pages at noon of {key[1]}, "
                             f"hidden on {gone}/{len(on)} from {cards[key]['end']}")
        else:
            report.notes.append("no upcoming whole-day meeting: the whole-day case is not exercised")

        # The shortest upcoming list empties.
        lists = [(len(ul["items"]), site.rel(p), p, ul) for p, s in built.items() for ul in s["upcoming"]
                 if ul["items"] and ul["note"] is not None and all(i["end"] for i in ul["items"])]
        if not lists:
            report.findings.append("empty: no upcoming list with an empty note to exercise")
        else:
            count, rel, page, ul = min(lists, key=lambda x: (x[0], x[1]))
            clock = max(instant(i["end"], zone) for i in ul["items"]) + MINUTE
            state = run("empty", clock, [page])[page]
            n = built[page]["upcoming"].index(ul)
            got = state["upcoming"][n]
            ok = got["hidden"] and got["note"] is False and all(i["hidden"] for i in got["items"])
            if not ok:
                report.findings.append(f"empty: {rel} at {local(clock, zone)}: list hidden {got['hidden']}, "
                                       f"note hidden {got['note']}, items hidden "
                                       f"{sum(i['hidden'] for i in got['items'])} of {count}")
            scenarios.append(f"empty {rel} ({local(clock, zone)}): {sum(i['hidden'] for i in got['items'])} of "
                             f"{count} items hidden, list hidden {got['hidden']}, note shown {got['note'] is False}")

        # The front page may list only some meetings: when it has emptied, are there more?
        events_page = site.root / site.words["events"] / "index.html"
        if home in built and events_page in built and built[home]["upcoming"] and built[events_page]["upcoming"]:
            ends = [instant(i["end"], zone) for i in built[home]["upcoming"][0]["items"] if i["end"]]
            later = [i for i in built[events_page]["upcoming"][0]["items"]
                     if i["end"] and ends and instant(i["end"], zone) > max(ends)]
            if later:
                report.notes.append(f"index.html lists {len(ends)} meetings: from {local(max(ends) + MINUTE, zone)} "
                                    f"until a rebuild it says there is no upcoming meeting, while "
                                    f"{site.rel(events_page)} still lists {len(later)}")

        # An event page's dates list: the first date not yet past.
        dated = sorted(((instant(li["end"], zone), site.rel(p), p, n) for p, s in built.items()
                        for n, li in enumerate(s["dates"]) if not li["past"] and li["end"]
                        and instant(li["end"], zone) > build), key=lambda x: (x[0], x[1]))
        if dated:
            end, rel, page, n = dated[0]
            clock = end + MINUTE
            state = run("dates", clock, [page])[page]
            if not state["dates"][n]["past"]:
                report.findings.append(f"dates: {rel}: the date ending {built[page]['dates'][n]['end']} "
                                       f"is not is-past at {local(clock, zone)}")
            scenarios.append(f"dates {rel} ({local(clock, zone)}): the date ending "
                             f"{built[page]['dates'][n]['end']} is-past {state['dates'][n]['past']}")
        else:
            report.notes.append("no event page with a date still to come: the dates list is not exercised")

        # The notice at the top of an event page: as built, during and after its meeting.
        notices = [(p, n) for p, s in built.items() for n in s["notice"]]
        ended_built = [p for p, n in notices if n["ended"] is False]
        if not notices:
            report.findings.append("notice: no event page with a running/ended notice (data-event-state)")
        elif not ended_built:
            report.findings.append(f"notice: no event page says its meeting has ended as built at {local(build, zone)}")
        coming = sorted(((instant(n["start"], zone), site.rel(p), p, i) for p, s in built.items()
                         for i, n in enumerate(s["notice"]) if n["start"] and n["end"] == n["ends"]
                         and not WHOLE_DAY.match(n["start"]) and instant(n["start"], zone) > build),
                        key=lambda x: (x[0], x[1]))
        if notices and not coming:
            report.findings.append("notice: no event page of a single timed meeting after the build to exercise")
        if coming:
            start, rel, page, i = coming[0]
            clock = start + MINUTE
            during = run("notice (during)", clock, [page])[page]["notice"][i]
            if not (during["hidden"] is False and during["running"] is False and during["ended"] is True):
                report.findings.append(f"notice (during): {rel} at {local(clock, zone)}: notice hidden "
                                       f"{during['hidden']}, happening badge hidden {during['running']}, "
                                       f"has-ended hidden {during['ended']}")
            clock = instant(built[page]["notice"][i]["ends"], zone) + MINUTE
            after = run("notice (after)", clock, [page])[page]["notice"][i]
            if not (after["hidden"] is False and after["running"] is True and after["ended"] is False):
                report.findings.append(f"notice (after): {rel} at {local(clock, zone)}: notice hidden "
                                       f"{after['hidden']}, happening badge hidden {after['running']}, "
                                       f"has-ended hidden {after['ended']}")
            scenarios.append(f"notice: {len(ended_built)} of {len(notices)} event pages say \"ended\" as built; "
                             f"{rel}: \"happening now\" shown at {local(start + MINUTE, zone)} "
                             f"{during['running'] is False}, \"ended\" shown at {local(clock, zone)} "
                             f"{after['ended'] is False}")

        # 4. registration deadlines
        boxes = [(p, n, box) for p, s in built.items() for n, box in enumerate(s["registration"])
                 if box["closes"] and box["open"] is False and instant(box["closes"], zone) > build]
        if not boxes:
            report.findings.append("registration: no open registration with data-registration-closes to exercise")
        closed = before = 0
        for page, n, box in boxes:
            rel = site.rel(page)
            deadline = instant(box["closes"], zone)
            got = run("registration", deadline + MINUTE, [page])[page]["registration"][n]
            if got["open"] is True and got["closed"] is False:
                closed += 1
            else:
                report.findings.append(f"registration: {rel} at {local(deadline + MINUTE, zone)}: open part hidden "
                                       f"{got['open']}, closed badge hidden {got['closed']}")
            got = run("registration (before)", deadline - MINUTE, [page])[page]["registration"][n]
            if got == box:
                before += 1
            else:
                report.findings.append(f"registration (before): {rel} at {local(deadline - MINUTE, zone)}: {got} "
                                       f"is not as built {box}")
        if boxes:
            scenarios.append(f"registration: {closed} of {len(boxes)} boxes closed 1 min after the deadline, "
                             f"{before} of {len(boxes)} as built 1 min before")

        # 5.-7. the month calendar
        marked = [p for p, s in built.items() for t in s["calendar"] if t["today"] == [build_day.isoformat()]]
        calendars = [p for p, s in built.items() if s["calendar"]]
        if not marked:
            report.findings.append(f"calendar: no page marks {build_day} as today")
        else:
            nxt = build_day + timedelta(days=2)
            if nxt.month == build_day.month:
                clock = datetime.combine(nxt, datetime.min.time().replace(hour=9), zone)
                states = run("next day", clock, marked)
                moved = sum(1 for s in states.values() for t in s["calendar"]
                            if t["today"] == [nxt.isoformat()] and t["marks"] == [f"{nxt} {t['marker']}"]
                            and t["current"] == [f"{nxt} date"])
                if moved != len(marked):
                    report.findings.append(f"next day: the today mark moved to {nxt} on {moved} of {len(marked)} pages")
                scenarios.append(f"next day ({local(clock, zone)}): mark moved to {nxt} on {moved} of "
                                 f"{len(marked)} pages")
            first = (build_day.replace(day=1) + timedelta(days=32)).replace(day=1)
            clock = datetime.combine(first, datetime.min.time().replace(minute=30), zone)
            states = run("month end", clock, marked)
            cleared = 0
            for page, state in states.items():
                for t in state["calendar"]:
                    if not t["today"] and not t["current"] and not t["marks"] and t["past"] == t["days"]:
                        cleared += 1
                    else:
                        report.findings.append(f"month end: {site.rel(page)} at {local(clock, zone)}: today "
                                               f"{t['today']}, aria-current {t['current']}, marks {t['marks']}, "
                                               f"{len(t['past'])} of {len(t['days'])} days past")
            nexts = set()
            for page in marked:
                m = re.search(r'<a\b[^>]*\bhref="([^"]+)"[^>]*\brel="next"', sources[page])
                target = m and site.target_of(page, m.group(1))
                if target and target in built:
                    nexts.add(target)
            if not nexts:
                report.findings.append(f"month end: no page of the next month ({first:%Y-%m}) linked rel=next "
                                       f"from {listed([site.rel(p) for p in marked])}")
            states = run("month end", clock, sorted(nexts))
            marked_first = 0
            for page, state in states.items():
                ok = [t for t in state["calendar"] if t["today"] == [first.isoformat()]
                      and t["current"] == [f"{first} date"] and t["marks"] == [f"{first} {t['marker']}"]]
                if ok:
                    marked_first += 1
                else:
                    report.findings.append(f"month end: {site.rel(page)} at {local(clock, zone)}: {first} is not "
                                           f"marked today: {[(t['today'], t['current'], t['marks']) for t in state['calendar']]}")
            scenarios.append(f"month end ({local(clock, zone)}, {clock.astimezone(ZoneInfo(READER_ZONE)):%Y-%m-%d} "
                             f"for the reader): mark gone on {cleared} of {len(marked)} pages, {first} marked on "
                             f"{marked_first} of {len(nexts)} ({listed([site.rel(p) for p in sorted(nexts)])})")
            later = min(build + timedelta(hours=5),
                        datetime.combine(build_day, datetime.max.time().replace(second=0, microsecond=0), zone))
            states = run("later today", later, marked)
            same = sum(1 for p, s in states.items() if s["calendar"] == built[p]["calendar"])
            if same != len(marked):
                report.findings.append(f"later today: the calendar changed on {len(marked) - same} pages")
            scenarios.append(f"later today ({local(later, zone)}): calendar as built on {same} of {len(marked)} pages")

        # 8. earlier clocks: never backwards
        clock = build - timedelta(days=2)
        run("earlier", clock, pages)
        scenarios.append(f"earlier ({local(clock, zone)}): {len(pages)} pages as built")
        clock = build - timedelta(days=35)
        run("earlier month", clock, calendars)
        scenarios.append(f"earlier month ({local(clock, zone)}): {len(calendars)} calendar pages as built")

        sample = sorted({home, events_page} & set(pages)) + sorted(set(marked) | {p for p, *_ in boxes[:1]})
        states = run("far future", future, sample)
        would = sum(1 for p in sample if changed(built[p], expected(built[p], future, build, zone)))
    finally:
        js.driver.quit()
        if nojs_thread.ident is not None:
            nojs_thread.join(timeout=300)
    report.findings += nojs_out["findings"]
    errors += nojs_out["errors"]
    same = nojs_out["same"]
    if not would:
        report.findings.append("far future: with JavaScript no page would change: the no-JS scenario proves nothing")
    scenarios.append(f"no JS ({local(future, zone)}): {same} of {len(pages)} pages as built; with JS "
                     f"{would} of {len(sample)} sampled pages move at that clock")

    # 10. errors
    report.findings += errors
    loads = js.loads + nojs_out["loads"]
    report.notes += scenarios
    report.summary = (f"{len(scenarios)} scenarios, {len(pages)} pages, {loads} page loads ({nojs_out['loads']} without "
                      f"JavaScript), {len(errors)} console errors, time.js {size} octets, "
                      f"{len(report.findings)} problems; built {local(build, zone)}, reader in {READER_ZONE} "
                      f"({time.monotonic() - started:.0f} s)")
    return report


def main(argv: list[str]) -> int:
    import argparse

    ap = argparse.ArgumentParser(description="The aging check of gate.py, alone.")
    ap.add_argument("site", type=Path)
    ap.add_argument("--now", default=DEFAULT_NOW,
                    help=f'the --now the site was built with (default "{DEFAULT_NOW}")')
    args = ap.parse_args(argv)
    from builtsite import Site
    from chromium import make_driver
    from localserver import LocalServer

    site = Site(args.site)
    with LocalServer.of_site(site) as server:
        return print_report(check_site(site, server=server, make_driver=make_driver, now=args.now))


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
