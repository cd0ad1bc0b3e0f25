#!/usr/bin/env python3
"""The `phone` check of the conformance gate: every page of the built site in
headless Chromium as a phone shows it, and the Content Security Policy of
every page (SITE.md, "Content Security Policy"; TESTING.md).

Called by gate.py (`gate.py site/ --only phone`); alone:
`python phonecheck.py SITE`.

Every HTML page but the newsletters' email.html (an email, not a page of the
site: SITE.md says why it has no policy) is loaded at 320 and 390 CSS px wide
(mobile emulation, as the browser check):

1. The policy. The page has one <meta http-equiv="Content-Security-Policy">,
   before any stylesheet or script, whose policy has `script-src 'self'`,
   `style-src 'self'`, `default-src 'none'` and `base-uri 'none'`, and no
   'unsafe-inline' or 'unsafe-eval' anywhere; `frame-src` is 'none' unless the
   page holds an <iframe>.
2. No violation. A `securitypolicyviolation` listener is installed before
   any page script runs (Page.addScriptToEvaluateOnNewDocument, so in every
   frame: the embed previews too); after the load, and after every <iframe>
   has loaded, no violation may have fired in the page or its frames, and the
   console may hold no message of level SEVERE (Chromium logs a refused load
   there).
3. The header. At 390 px the site header (header.site-header) is at most 120
   CSS px tall, and holds the site name and every link of the main menu.
4. No broken word. At 320 and 390 px no word of a table header (th), a
   heading (h1-h6) or the site name in the header is split over two lines: each word (the text between
   spaces and hyphens) is a DOM Range whose client rects all share one line.
"""

from __future__ import annotations

import re
import sys
import time

from chromium import console_errors, watch_csp
from findings import Report, listed

WIDTHS = (320, 390)
HEADER_WIDTH = 390
HEADER_LIMIT = 120  # CSS px
MAX_NAMED = 6  # broken words named per page and width

# Waits (async script) until every iframe of the page has loaded, then gives
# the violations of the page and its frames.
VIOLATIONS_JS = """
var done = arguments[arguments.length - 1];
var frames = Array.prototype.slice.call(document.querySelectorAll("iframe"));
var deadline = Date.now() + 10000;
function collect() {
  var out = (window.__cspViolations || []).slice();
  frames.forEach(function (f) {
    try {
      var w = f.contentWindow;
      if (w && w.__cspViolations) w.__cspViolations.forEach(function (v) { out.push("in the frame " + f.getAttribute("src") + ": " + v); });
      else out.push("in the frame " + f.getAttribute("src") + ": could not be read (not loaded?)");
    } catch (e) { out.push("in the frame " + f.getAttribute("src") + ": " + e); }
  });
  done({violations: out, frames: frames.length});
}
(function wait() {
  var ready = frames.every(function (f) {
    try { return f.contentDocument && f.contentDocument.readyState === "complete" && f.contentDocument.URL !== "about:blank"; }
    catch (e) { return true; }
  });
  if (ready || Date.now() > deadline) collect(); else setTimeout(wait, 50);
})();
"""

# The header's height and contents, and the words broken over two lines.
LAYOUT_JS = r"""
var out = {header: null, broken: []};
var header = document.querySelector("header.site-header");
if (header) {
  var title = header.querySelector(".site-title");
  out.header = {height: header.getBoundingClientRect().height,
    title: title ? title.textContent.trim() : null,
    links: Array.prototype.slice.call(header.querySelectorAll("nav a[href]")).map(function (a) { return a.textContent.trim(); })};
}
function line(rect) { return Math.round(rect.top + rect.height / 2); }
var nodes = document.querySelectorAll("th, h1, h2, h3, h4, h5, h6, .site-title");
for (var n = 0; n < nodes.length; n++) {
  var el = nodes[n];
  if (!el.getClientRects().length) continue;
  var walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
  for (var t = walker.nextNode(); t; t = walker.nextNode()) {
    var re = /[^\s\-\u2010-\u2015\/]+/g, m;
    while ((m = re.exec(t.data))) {
      if (m[0].length < 2) continue;
      var range = document.createRange();
      range.setStart(t, m.index);
      range.setEnd(t, m.index + m[0].length);
      var rects = Array.prototype.slice.call(range.getClientRects()).filter(function (r) { return r.width > 0; });
      var lines = {};
      rects.forEach(function (r) { lines[line(r)] = true; });
      if (Object.keys(lines).length > 1)
        out.broken.push(el.tagName.toLowerCase() + " \"" + m[0] + "\"");
    }
  }
}
return out;
"""

META = re.compile(r'<meta\s+http-equiv="Content-Security-Policy"\s+content="([^"]*)"', re.I)
FIRST_LOAD = re.compile(r'<link\b[^>]*rel="stylesheet"|<script\b', re.I)


def policy_problems(text: str) -> list[str]:
    """What is wrong with a page's own policy (point 1)."""
    metas = META.findall(text)
    if not metas:
        return ["has no <meta http-equiv=\"Content-Security-Policy\">"]
    problems = []
    if len(metas) > 1:
        problems.append(f"has {len(metas)} Content-Security-Policy metas")
    meta_at = META.search(text).start()
    load = FIRST_LOAD.search(text)
    if load and load.start() < meta_at:
        problems.append("loads a stylesheet or script before its Content-Security-Policy meta")
    policy = metas[0].replace("&#39;", "'").replace("&#x27;", "'").replace("&amp;", "&")
    directives = {}
    for part in policy.split(";"):
        words = part.split()
        if words:
            directives[words[0].lower()] = words[1:]
    for name, want in (("default-src", ["'none'"]), ("script-src", ["'self'"]), ("style-src", ["'self'"]),
                       ("base-uri", ["'none'"])):
        if directives.get(name) != want:
            problems.append(f"{name} is {' '.join(directives.get(name, ['(missing)']))}, not {' '.join(want)}")
    for unsafe in ("'unsafe-inline'", "'unsafe-eval'", "*"):
        if any(unsafe in values for values in directives.values()):
            problems.append(f"allows {unsafe}")
    frames = directives.get("frame-src", ["'none'"])
    if frames != ["'none'"] and "<iframe" not in text:
        problems.append(f"frame-src {' '.join(frames)} on a page with no <iframe>")
    return problems


def check_site(site, server, make_driver) -> Report:
    report = Report()
    started = time.monotonic()
    pages = [p for p in site.html_pages() if p.name != "email.html"]
    emails = [p for p in site.html_pages() if p.name == "email.html"]
    policies = violations = console = broken_total = loads = framed = 0
    tallest: tuple[float, str] = (0.0, "")
    driver = make_driver()
    try:
        watch_csp(driver)
        for page in pages:
            rel = site.rel(page)
            text = page.read_text(encoding="utf-8", errors="replace")
            problems = policy_problems(text)
            if problems:
                policies += 1
                report.findings.append(f"{rel}: the Content Security Policy: " + "; ".join(problems))
            url = server.url_of(site, page)
            for width in WIDTHS:
                where = f"{rel} @{width}px"
                driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", {
                    "width": width, "height": 844, "deviceScaleFactor": 1, "mobile": True})
                driver.get_log("browser")
                driver.get(url)
                loads += 1
                seen = driver.execute_async_script(VIOLATIONS_JS)
                framed += seen["frames"]
                for v in seen["violations"]:
                    violations += 1
                    report.findings.append(f"{where}: Content Security Policy violation: {v}")
                for message in console_errors(driver):
                    console += 1
                    report.findings.append(f"{where}: console error: {message}")
                layout = driver.execute_script(LAYOUT_JS)
                header = layout["header"]
                if width == HEADER_WIDTH and header is not None:
                    height = header["height"]
                    tallest = max(tallest, (height, rel))
                    if height > HEADER_LIMIT:
                        report.findings.append(f"{where}: the header is {height:.0f} CSS px tall, over {HEADER_LIMIT}")
                    if not header["title"]:
                        report.findings.append(f"{where}: the header has no site name")
                if layout["broken"]:
                    broken_total += len(layout["broken"])
                    report.findings.append(f"{where}: a word broken over two lines in "
                                           + listed(layout["broken"], MAX_NAMED))
    finally:
        driver.quit()
    report.notes.append(f"the tallest header at {HEADER_WIDTH} px: {tallest[0]:.0f} CSS px ({tallest[1]})")
    if emails:
        report.notes.append(f"not loaded: {len(emails)} newsletter email.html (emails carry no policy)")
    report.summary = (f"{len(pages)} pages x {len(WIDTHS)} widths ({'/'.join(map(str, WIDTHS))} px) = {loads} loads, "
                      f"{framed} frames: {policies} pages with a wrong policy, {violations} CSP violations, "
                      f"{console} console errors; header at most {tallest[0]:.0f} px at {HEADER_WIDTH} px "
                      f"(limit {HEADER_LIMIT}); {broken_total} broken words in headings and table headers "
                      f"({time.monotonic() - started:.0f} s)")
    return report


def main(argv: list[str]) -> int:
    from localserver import run_alone

    return run_alone(check_site, "phone", argv)

if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
