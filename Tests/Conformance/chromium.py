"""Headless Chromium as the checks drive it (selenium, Debian's chromium and
chromedriver): the driver, axe-core, the console, what is too wide, and the
full-page screenshots people look at.

Used by gate.py's browser check and by embedcheck.py, newslettercheck.py,
agingcheck.py and imagecheck.py. Imported as a sibling module, like
findings.py.
"""

from __future__ import annotations

import base64
import re
import shutil
from pathlib import Path

MAX_HEIGHT = 16000  # px: a taller page is cut off at the bottom of its screenshot


def make_driver(javascript: bool = True):
    """Headless Chromium; javascript=False: with JavaScript off (the aging check)."""
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    opts = webdriver.ChromeOptions()
    binary = shutil.which("chromium") or shutil.which("chromium-browser")
    if binary:
        opts.binary_location = binary
    for arg in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                "--disable-extensions", "--no-first-run", "--window-size=1280,900"):
        opts.add_argument(arg)
    if not javascript:
        opts.add_argument("--blink-settings=scriptEnabled=false")
        opts.add_experimental_option("prefs", {"profile.managed_default_content_settings.javascript": 2})
    opts.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    driver_path = shutil.which("chromedriver") or "/usr/bin/chromedriver"
    driver = webdriver.Chrome(service=Service(executable_path=driver_path), options=opts)
    driver.set_page_load_timeout(60)
    driver.set_script_timeout(120)
    return driver


# The WCAG 2.2 level A and AA rules (2.0, 2.1 and 2.2's own, such as target-size
# for 2.5.8 Target Size (Minimum), which axe-core leaves out of a run without
# runOnly) and axe-core's best practices, which a run without runOnly ran too.
AXE_TAGS = ("wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice")


def axe_script() -> tuple[str, str]:
    """The axe-core to run (the path of its axe.min.js and its version): the
    one axe-playwright-python ships, read as a file (the package, and so
    Playwright, is never imported). No fallback to an older axe-core, which
    would check less without saying so."""
    import importlib.util

    spec = importlib.util.find_spec("axe_playwright_python")
    if spec is None or not spec.submodule_search_locations:
        raise RuntimeError("axe-playwright-python is not installed (Tests/Conformance/requirements.txt): "
                           "it ships the axe-core the gate runs")
    script = Path(next(iter(spec.submodule_search_locations))) / "axe.min.js"
    m = re.search(r'version\s*=\s*"(\d+\.\d+\.\d+)"', script.read_text(encoding="utf-8")[:400000])
    return str(script), (m.group(1) if m else "?")


# Installed in every frame before its scripts run (the embed previews' iframes too): the
# Content Security Policy violations the frame sees, in window.__cspViolations.
CSP_LISTENER_JS = """
window.__cspViolations = [];
document.addEventListener("securitypolicyviolation", function (e) {
  window.__cspViolations.push(e.violatedDirective + " blocked " + (e.blockedURI || "inline")
    + " (" + (e.sourceFile || location.pathname) + ":" + (e.lineNumber || 0) + ")");
});
"""


def watch_csp(driver) -> None:
    """Every page `driver` loads from now on records its CSP violations (CSP_LISTENER_JS)."""
    driver.execute_cdp_cmd("Page.enable", {})
    driver.execute_cdp_cmd("Page.addScriptToEvaluateOnNewDocument", {"source": CSP_LISTENER_JS})


def console_errors(driver) -> list[str]:
    """The console messages of level SEVERE since the log was last read (reading empties it)."""
    return [e.get("message", "") for e in driver.get_log("browser") if e.get("level") == "SEVERE"]


# What makes a page scroll sideways: the elements whose right edge is past the
# viewport's, in document order (the page checks), or, with `innermost`, only
# those holding no other such element, and boxes whose content spills out
# sideways (the embeddable lists, where a long word or a <pre> is the usual
# cause). A fixed element never makes the page scroll, so it is never one.
TOO_WIDE_JS = """
const innermost = arguments[0];
const w = document.documentElement.clientWidth; const found = [];
for (const el of document.querySelectorAll('body *')) {
  const r = el.getBoundingClientRect(), st = getComputedStyle(el);
  const spills = innermost && el.scrollWidth > el.clientWidth + 1 && st.overflowX === 'visible' && el.clientWidth > 0;
  if ((r.right > w + 0.5 || spills) && st.position !== 'fixed') found.push([el, r, spills]);
}
const shown = innermost ? found.filter(([el]) => !found.some(([o]) => o !== el && el.contains(o))) : found;
return shown.slice(0, 5).map(([el, r, spills]) =>
  el.tagName.toLowerCase() + (el.className ? '.' + String(el.className).trim().split(/\\s+/).join('.') : '')
  + (spills ? ' (its content is ' + el.scrollWidth + ' px wide)' : ' (right edge ' + Math.round(r.right) + ')'));
"""


def too_wide(driver, innermost: bool = False) -> list[str]:
    """At most five elements (tag.class and why) that make the page in `driver` scroll sideways."""
    return driver.execute_script(TOO_WIDE_JS, innermost)


def save_full_page(driver, path: Path, width: int, height: int) -> None:
    """A PNG of the page in `driver`, `width` x `height` CSS px from the top
    left (at most MAX_HEIGHT tall), beyond the viewport."""
    shot = driver.execute_cdp_cmd("Page.captureScreenshot", {
        "format": "png", "captureBeyondViewport": True,
        "clip": {"x": 0, "y": 0, "width": width, "height": min(height, MAX_HEIGHT), "scale": 1}})
    path.write_bytes(base64.b64decode(shot["data"]))
