"""The embeddable lists in headless Chromium (when gate.py passes a server
and a driver), as a partner's page shows them.

4. The site is served by the gate's LocalServer (origin A), which sends the
   lists with a strict Content-Security-Policy (localserver.EMBED_CSP); a
   second LocalServer (origin B) serves partner pages, each holding one list
   in `<iframe style="width:300px;height:600px;border:0">`. For every list,
   inside the frame: the meetings (or the empty message) visible, no
   sideways scrolling at 300 and at 280 px (scrollbars hidden, as on a
   phone), no console error (level SEVERE: a CSP violation is one), no
   serious or critical axe-core violation; clicking the first meeting's link
   (the "more" link of an empty list) makes the TOP window show that page on
   origin A. Screenshots embed-partner-300.png and -280.png of the whole
   site's list on the partner page.
5. Parameters, on one list with meetings, loaded at 300 px: no parameter
   gives the default accent #0a5c51 on .embed-link; ?farve=0b4f3f&skrift=serif
   gives rgb(11, 79, 63) on .embed-link, the title link and the first
   scheduled meeting's left border, class font-serif on <html> and a serif
   body font; ?colour=, ?color= (3 digits), upper-case digits,
   ?font=sans|system likewise. Hostile values (CSS injection, markup,
   javascript:) must give exactly the default's computed colours,
   backgrounds and font, no font-* class, no alert, and not appear in
   document.documentElement.outerHTML; these load with the CSP bypassed, so
   that a DOM injection would show.
"""

from __future__ import annotations

import html
import json
import tempfile
import time
import urllib.parse
from pathlib import Path

from chromium import AXE_TAGS, console_errors, save_full_page, too_wide
from findings import Findings, Report, listed
from localserver import LocalServer
from pages import page_tree

DEFAULT_ACCENT = "rgb(10, 92, 81)"  # #0a5c51, the theme's green
FRAME_WIDTHS = (300, 280)
HOST_WIDTH = 360  # px: the partner page around a 300 px iframe

# (query, accent as computed, font class or None, serif body font wanted)
GOOD_PARAMS = [
    ("farve=0b4f3f&skrift=serif", "rgb(11, 79, 63)", "serif", True),
    ("colour=ab1234", "rgb(171, 18, 52)", None, False),
    ("color=0b4&font=sans", "rgb(0, 187, 68)", "sans", False),
    ("farve=0B4F3F&skrift=system", "rgb(11, 79, 63)", "system", False),
]
HOSTILE_PARAMS = [
    "farve=red;background:url(javascript:alert(1))",
    "farve=%22%3E%3Cscript%3Ealert(1)%3C/script%3E",
    "skrift=x%22%20onload%3D%22alert(1)",
    "farve=0b4f3f%3Bbackground%3Ared",
    "farve=javascript:alert(1)",
    "colour=%23ab1234",
    "skrift=serif%3Bcolor%3Ared",
    "farve=0b4f3f00",
    "skrift=%3Cimg%20src%3Dx%20onerror%3Dalert(1)%3E",
]

# The computed style the parameters may change; hostile values must leave it as without them.
STYLE_JS = """
const q = (s) => document.querySelector(s);
const cs = (el, p) => el ? getComputedStyle(el).getPropertyValue(p).trim() : null;
const html = document.documentElement, body = document.body;
const li = q('li.embed-event:not(.is-cancelled):not(.is-postponed)');  // those may have an edge of their own
return {
  link: cs(q('.embed-link') || q('.embed-more a'), 'color'),
  title: cs(q('.embed-title a') || q('.embed-title'), 'color'),
  border: cs(li, 'border-left-color'),
  font: cs(body, 'font-family'),
  accent: cs(html, '--embed-accent'),
  htmlClass: html.className,
  htmlBg: cs(html, 'background-color') + ' ' + cs(html, 'background-image'),
  bodyBg: cs(body, 'background-color') + ' ' + cs(body, 'background-image'),
  bodyColor: cs(body, 'color'),
};
"""


def partner_html(src: str, title: str, lang: str) -> str:
    return f"""<!DOCTYPE html>
<html lang="{lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>A partner's website</title>
<link rel="icon" href="data:,">
<style>iframe {{ outline: 1px dashed #767676; }}</style>
</head>
<body>
<h1>A partner's website</h1>
<iframe src="{src}" title="{title}" style="width:300px;height:600px;border:0"></iframe>
</body>
</html>
"""


def run_axe(driver, axe_script: str) -> list[dict]:
    driver.execute_script(Path(axe_script).read_text(encoding="utf-8"))
    result = driver.execute_async_script(
        "const done = arguments[arguments.length - 1];"
        "axe.run(document, {runOnly: {type: 'tag', values: " + json.dumps(list(AXE_TAGS)) + "},"
        " resultTypes: ['violations']}).then(r => done(r), e => done({error: String(e)}));")
    if result.get("error"):
        raise RuntimeError(f"axe-core: {result['error']}")
    return result.get("violations", [])


def no_alert(driver) -> str | None:
    """The text of an open alert (dismissed), or None."""
    from selenium.common.exceptions import NoAlertPresentException

    try:
        alert = driver.switch_to.alert
        text = alert.text
        alert.dismiss()
        return text or "(empty)"
    except NoAlertPresentException:
        return None


def frame_views(site, server, driver, partner, tmp: Path, kind: str, embed: Path, shots: Path | None,
                axe_script: str, report: Report, counts: dict) -> None:
    from selenium.common.exceptions import TimeoutException
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import WebDriverWait

    rel = site.rel(embed)
    embed_url = server.url_of(site, embed)
    name = f"partner-{counts['frames']}.html"
    (tmp / name).write_text(partner_html(embed_url, f"Meetings: {rel}", site.lang), encoding="utf-8")
    host_url = f"{partner.origin}/{name}"
    out = Findings(f"{rel} (in an iframe on {partner.origin})")
    counts["frames"] += 1
    driver.execute_cdp_cmd("Page.setBypassCSP", {"enabled": False})
    driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", {
        "width": HOST_WIDTH, "height": 800, "deviceScaleFactor": 1, "mobile": False})
    driver.get_log("browser")
    driver.get(host_url)
    frame = driver.find_element(By.TAG_NAME, "iframe")
    for width in FRAME_WIDTHS:
        counts["views"] += 1
        driver.switch_to.default_content()
        driver.execute_script(f"arguments[0].style.width = '{width}px';", frame)
        driver.switch_to.frame(frame)
        at = f"@{width}px"
        info = driver.execute_script(
            "const e = document.documentElement;"
            "return {href: location.href, sw: e.scrollWidth, cw: e.clientWidth, sh: e.scrollHeight,"
            " events: document.querySelectorAll('li.embed-event').length,"
            " empty: document.querySelectorAll('.embed-empty').length};")
        if not info["href"].startswith(server.origin):
            out.add(f"{at}: the iframe shows {info['href']}, not the list")
        if info["sw"] > info["cw"]:
            counts["overflow"] += 1
            out.add(f"{at}: scrolls sideways inside the iframe: scrollWidth {info['sw']} > clientWidth "
                    f"{info['cw']}; too wide: {', '.join(too_wide(driver, innermost=True))}")
        shown = driver.find_elements(By.CSS_SELECTOR, "li.embed-event") or \
            driver.find_elements(By.CSS_SELECTOR, ".embed-empty")
        if not shown:
            out.add(f"{at}: neither li.embed-event nor .embed-empty in the frame")
        elif not shown[0].is_displayed() or shown[0].size["width"] < 1 or shown[0].size["height"] < 1:
            out.add(f"{at}: the first {'meeting' if info['events'] else 'empty message'} is not visible")
        if width == FRAME_WIDTHS[0]:
            try:
                violations = run_axe(driver, axe_script)
            except Exception as e:  # noqa: BLE001 - reported, the rest goes on
                out.add(f"{at}: axe-core could not run in the frame: {e}")
                violations = []
            for v in violations:
                targets = [", ".join(map(str, n.get("target", []))) for n in v.get("nodes", [])]
                if v.get("impact") in ("serious", "critical"):
                    counts["axe"] += 1
                    out.add(f"{at}: axe {v['impact']} {v['id']}: {v.get('help')} "
                            f"({len(targets)} elements: {'; '.join(targets[:3])})")
                else:
                    report.notes.append(f"{rel} {at}: axe {v.get('impact')} {v['id']}: {v.get('help')} "
                                        f"({'; '.join(targets[:3])})")
        driver.switch_to.default_content()
        if shots is not None and kind == "events":
            size = driver.execute_script("const e = document.documentElement; return [e.scrollWidth, e.scrollHeight];")
            save_full_page(driver, shots / f"embed-partner-{width}.png", max(size[0], HOST_WIDTH), size[1])
    for message in console_errors(driver):
        counts["console"] += 1
        out.add(f"console error: {message}")

    # Links open in the top window.
    driver.switch_to.frame(frame)
    links = driver.find_elements(By.CSS_SELECTOR, "a.embed-link") or \
        driver.find_elements(By.CSS_SELECTOR, ".embed-more a")
    if links:
        href = links[0].get_attribute("href")  # absolute, as the frame resolves it
        expected = href.split("#")[0]
        driver.execute_script("arguments[0].scrollIntoView({block: 'center'});", links[0])
        links[0].click()
        driver.switch_to.default_content()
        counts["clicks"] += 1
        try:
            WebDriverWait(driver, 10).until(lambda d: d.current_url != host_url)
            now = driver.current_url
            if now.split("#")[0] != expected:
                out.add(f"clicking {href} took the top window to {now}, not to the link's page")
            elif not now.startswith(server.origin):
                out.add(f"clicking took the top window to {now}, not to origin A ({server.origin})")
        except TimeoutException:
            inside = ""
            try:
                driver.switch_to.frame(driver.find_element(By.TAG_NAME, "iframe"))
                inside = driver.execute_script("return location.href;")
            except Exception:  # noqa: BLE001 - only for the message
                pass
            driver.switch_to.default_content()
            out.add(f"clicking the link to {href} left the top window on the partner page"
                    + (f"; the iframe now shows {inside}" if inside and inside != embed_url else "")
                    + " (links must open in the top window)")
    report.findings += out


def style_of(driver, url: str) -> tuple[dict, str | None, str]:
    """The computed style (STYLE_JS), an alert's text, outerHTML after loading url."""
    from selenium.common.exceptions import UnexpectedAlertPresentException

    alert = None
    try:
        driver.get(url)
        time.sleep(0.3)  # an injected handler (onerror, onload) would fire by now
        alert = no_alert(driver)
        style = driver.execute_script(STYLE_JS)
        source = driver.execute_script("return document.documentElement.outerHTML;")
    except UnexpectedAlertPresentException as e:
        alert = alert or getattr(e, "alert_text", None) or "(alert)"
        no_alert(driver)
        style = driver.execute_script(STYLE_JS)
        source = driver.execute_script("return document.documentElement.outerHTML;")
    return style, alert, source


def reflections(query: str) -> set[str]:
    """Text that must not show in the page source when `query` is given: its
    values raw and decoded, as an attribute would escape them, and the
    payloads inside them."""
    out = set()
    for part in query.split("&"):
        raw = part.split("=", 1)[1] if "=" in part else part
        value = urllib.parse.unquote_plus(raw)
        out |= {raw, value, html.escape(value), value.replace('"', "&quot;")}
        out |= {m for m in ("alert(", "javascript:", "onload", "onerror", "<script", "<img", "background:",
                            "color:") if m in value.lower()}
    return {s for s in out if len(s) > 3}


def generic_families(font: str) -> list[str]:
    return [f.strip().strip("'\"").lower() for f in (font or "").split(",")]


def parameter_checks(site, server, driver, embed: Path, report: Report, counts: dict) -> None:
    rel = site.rel(embed)
    url = server.url_of(site, embed)
    driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", {
        "width": FRAME_WIDTHS[0], "height": 700, "deviceScaleFactor": 1, "mobile": False})
    driver.execute_cdp_cmd("Page.setBypassCSP", {"enabled": False})
    default, alert, _ = style_of(driver, url)
    out = Findings(rel)
    if default["link"] != DEFAULT_ACCENT:
        out.add(f"without parameters .embed-link is {default['link']}, not the default accent "
                f"#0a5c51 ({DEFAULT_ACCENT})")
    # Good values: under the strict CSP the server sends.
    for query, colour, font, serif in GOOD_PARAMS:
        counts["params"] += 1
        got, alert, _ = style_of(driver, f"{url}?{query}")
        problems = []
        for part in ("link", "title", "border"):
            if got[part] is not None and got[part] != colour:
                problems.append(f"{part} colour {got[part]}, not {colour}")
        if font and f"font-{font}" not in got["htmlClass"].split():
            problems.append(f"<html class={got['htmlClass']!r}> lacks font-{font}")
        if serif and ("serif" not in generic_families(got["font"]) or got["font"] == default["font"]):
            problems.append(f"body font {got['font']!r} is not a serif one (default {default['font']!r})")
        if problems:
            driver.execute_cdp_cmd("Page.setBypassCSP", {"enabled": True})
            bypassed, _, _ = style_of(driver, f"{url}?{query}")
            driver.execute_cdp_cmd("Page.setBypassCSP", {"enabled": False})
            why = (" (with the CSP bypassed it works: embed.js sets the style in a way a strict CSP blocks, "
                   "e.g. a style attribute; use element.style.setProperty or classes)"
                   if bypassed["link"] == colour and bypassed != got else "")
            out.add(f"?{query}: {'; '.join(problems)}{why}")
    # Hostile values: with the CSP bypassed, so that an injection would show.
    driver.execute_cdp_cmd("Page.setBypassCSP", {"enabled": True})
    base, _, base_source = style_of(driver, url)
    for query in HOSTILE_PARAMS:
        counts["params"] += 1
        counts["hostile"] += 1
        got, alert, source = style_of(driver, f"{url}?{query}")
        if alert:
            out.add(f"?{query}: an alert opened ({alert!r}): script injection")
        changed = [f"{k} {base[k]!r} -> {got[k]!r}" for k in base if got.get(k) != base[k]]
        if changed:
            out.add(f"?{query}: not the default style: {'; '.join(changed)}")
        shown = sorted(t for t in reflections(query) if t not in base_source and t in source)
        if shown:
            out.add(f"?{query}: the page source (outerHTML) holds the parameter's text: {listed([repr(t) for t in shown], 4)}")
    driver.execute_cdp_cmd("Page.setBypassCSP", {"enabled": False})
    report.findings += out


def browser_checks(site, server, shots: Path | None, make_driver, axe_script: str,
                   embeds: list[tuple[str, Path]], report: Report) -> dict:
    counts = dict(frames=0, views=0, overflow=0, console=0, axe=0, clicks=0, params=0, hostile=0)
    if shots is not None:
        shots.mkdir(parents=True, exist_ok=True)
        for old in shots.glob("embed-*.png"):
            old.unlink()
    driver = make_driver()
    try:
        # As on a phone: a scrollbar takes no width (else the 300 px frame would be 285).
        driver.execute_cdp_cmd("Emulation.setScrollbarsHidden", {"hidden": True})
        with tempfile.TemporaryDirectory() as tmp, LocalServer(Path(tmp)) as partner:  # origin B
            for kind, embed in embeds:
                frame_views(site, server, driver, partner, Path(tmp), kind, embed, shots, axe_script, report, counts)
            with_events = [e for _, e in embeds if page_tree(e).select("li.embed-event a.embed-link")]
            if with_events:
                parameter_checks(site, server, driver, with_events[0], report, counts)
                report.notes.append(f"parameters tried on {site.rel(with_events[0])}")
            else:
                report.notes.append("no list with meetings: the parameters were not tried")
    finally:
        driver.quit()
    return counts
