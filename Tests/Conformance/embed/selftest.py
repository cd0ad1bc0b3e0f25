"""The embed check's small hand-made site, for its self-test (`python
embedcheck.py --selftest [--no-browser]`: broken one way per case, each case
must give the finding it names, or none; the browser cases in Chromium) and
`--sample DIR` (the good site). It uses the theme's own
templates/assets/embed.css and embed.js.
"""

from __future__ import annotations

import functools
import html
import json
import tempfile
import urllib.parse
from pathlib import Path

from samplesite import SAMPLE_BASE, case_passes, sample_page, selftest_result, write_files

from .lists import SIZE_LIMIT
from .subscribe import OUTLOOK_PATH

ASSETS = Path(__file__).resolve().parents[3] / "templates" / "assets"


@functools.lru_cache(maxsize=None)
def theme_asset(name: str) -> str:
    """The default theme's own assets/embed.css or embed.js, as a built site has them."""
    return (ASSETS / name).read_text(encoding="utf-8")


# (slug, title, start as on the page and in the feed, networks, topics)
SAMPLE_EVENTS = [
    ("morgenmoede", "Morgenmøde om energi", "2027-01-20T09:00:00+01:00", ["groent"], ["energi"]),
    ("studietur", "Studietur til Ærø", "2027-02-03", ["groent"], []),
]


def site_page(title: str, path: str, body: str) -> str:
    """A page of the sample site at SAMPLE_BASE + path, its <main> the skip link's target."""
    return sample_page(title, SAMPLE_BASE + path, body, main_id="main")


def sample_embed(owner: str, title: str, events) -> str:
    items = "".join(
        f'    <li class="embed-event" data-occurrence-start="{start}" data-occurrence-end="{start}">\n'
        f'      <a class="embed-link" href="/arrangementer/{slug}/" target="_top">{html.escape(name)}</a>\n'
        f'      <p class="embed-when"><time datetime="{start}">{start}</time></p>\n    </li>\n'
        for slug, name, start, _, _ in events)
    listing = (f'  <ol class="embed-list">\n{items}  </ol>\n' if events
               else '  <p class="embed-empty">Ingen møder planlagt lige nu.</p>\n')
    return ('<!DOCTYPE html>\n<html lang="da" class="kreds-embed">\n<head>\n<meta charset="utf-8">\n'
            '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
            '<meta name="robots" content="noindex">\n'
            f'<title>Kommende møder · {html.escape(title)}</title>\n<base target="_top">\n'
            '<link rel="stylesheet" href="/assets/embed.css">\n<script src="/assets/embed.js" defer></script>\n'
            '</head>\n<body>\n<main class="embed">\n'
            f'  <h1 class="embed-title"><a href="/{owner}" target="_top">{html.escape(title)}</a></h1>\n'
            f'{listing}  <p class="embed-more"><a href="/{owner}" target="_top">Se alle møder</a></p>\n'
            '</main>\n</body>\n</html>\n')


def sample_subscribe(ics: str, name: str) -> str:
    https = SAMPLE_BASE + ics
    webcal = "webcal://" + https.split("://", 1)[1]
    q = functools.partial(urllib.parse.quote, safe="")
    how = '\n      <details class="how-to"><summary>Sådan gør du</summary><p>Tryk, og sig ja.</p></details>'
    return ('<section class="section subscribe" aria-labelledby="subscribe-heading">\n'
            '  <h2 id="subscribe-heading">Abonnér på kalenderen</h2>\n  <ul class="subscribe-links">\n'
            f'    <li><a href="{webcal}">Apple Kalender</a>{how}</li>\n'
            f'    <li><a href="https://calendar.google.com/calendar/r?cid={q(webcal)}">Google Kalender</a>{how}</li>\n'
            f'    <li><a href="https://outlook.office.com{OUTLOOK_PATH}?url={q(https)}&amp;name={q(name)}">'
            f'Outlook på arbejdet</a>{how}</li>\n'
            f'    <li><a href="https://outlook.live.com{OUTLOOK_PATH}?url={q(https)}&amp;name={q(name)}">'
            f'Outlook.com</a>{how}</li>\n'
            f'    <li>Kopiér adressen: <code class="feed-address">{https}</code>{how}</li>\n'
            '  </ul>\n</section>\n')


def sample_code(embed: str, title: str) -> str:
    code = html.escape(f'<iframe src="{SAMPLE_BASE}{embed}" title="Kommende møder: {title}" '
                       f'style="width:100%;height:32rem;border:0"></iframe>')
    return f'  <pre class="embed-code"><code>{code}</code></pre>\n'


def sample_share(embed: str, title: str) -> str:
    return ('<section class="section embed-share">\n  <h2>Vis møderne på jeres hjemmeside</h2>\n'
            + sample_code(embed, title) +
            f'  <iframe class="embed-preview__frame" src="/{embed}" title="Kommende møder: {html.escape(title)}">'
            '</iframe>\n  <p><a href="/arrangementer/del/">Mere om at vise vores møder</a></p>\n</section>\n')


def sample_feed(events) -> str:
    items = [{"id": slug, "url": f"{SAMPLE_BASE}arrangementer/{slug}/", "title": name,
              "_kreds": {"meetings": [{"@type": "Event", "name": name, "startDate": start}]}}
             for slug, name, start, _, _ in events]
    return json.dumps({"version": "https://jsonfeed.org/version/1.1", "title": "x", "items": items}) + "\n"


def write_sample(root: Path, swaps: dict[str, list[tuple[str, str]]] | None = None) -> None:
    """The sample site in `root`; `swaps` maps a file to (old, new) replacements, each of which must apply."""
    files: dict[str, str] = {
        "index.html": site_page("Netværk", "", '<p><a href="/arrangementer/">Arrangementer</a></p>\n'),
        "assets/embed.css": theme_asset("embed.css"),
        "assets/embed.js": theme_asset("embed.js"),
        "kalender.ics": "BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n",
        "netvaerk/groent/kalender.ics": "BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n",
        "kalender.json": sample_feed(SAMPLE_EVENTS),
        "netvaerk/groent/kalender.json": sample_feed(SAMPLE_EVENTS),
        "arrangementer/index.html": site_page(
            "Arrangementer", "arrangementer/",
            sample_subscribe("kalender.ics", "Netværk") + sample_share("arrangementer/indlejr/", "Netværk")),
        "arrangementer/indlejr/index.html": sample_embed("arrangementer/", "Netværk", SAMPLE_EVENTS),
        "arrangementer/del/index.html": site_page(
            "Vis vores møder på jeres hjemmeside", "arrangementer/del/",
            sample_share("arrangementer/indlejr/", "Netværk") + sample_code("netvaerk/groent/indlejr/", "Grønt netværk")
            + '<h2 id="json">Feeds</h2>\n'),
        "netvaerk/groent/index.html": site_page(
            "Grønt netværk", "netvaerk/groent/",
            sample_subscribe("netvaerk/groent/kalender.ics", "Grønt netværk")
            + sample_share("netvaerk/groent/indlejr/", "Grønt netværk")),
        "netvaerk/groent/indlejr/index.html": sample_embed("netvaerk/groent/", "Grønt netværk", SAMPLE_EVENTS),
        # A network that has ended: its list still exists, but neither its page nor the partners page offers it.
        "netvaerk/gammel/kalender.ics": "BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n",
        "netvaerk/gammel/kalender.json": sample_feed([]),
        "netvaerk/gammel/index.html": site_page(
            "Gammelt netværk", "netvaerk/gammel/",
            '<p class="status-banner"><span class="badge badge--ended">Afsluttet</span></p>\n'
            + sample_subscribe("netvaerk/gammel/kalender.ics", "Gammelt netværk")),
        "netvaerk/gammel/indlejr/index.html": sample_embed("netvaerk/gammel/", "Gammelt netværk", []),
        "emner/energi/index.html": site_page("energi", "emner/energi/",
                                               '<p><a href="/arrangementer/morgenmoede/">Morgenmøde</a></p>\n'),
        "emner/energi/indlejr/index.html": sample_embed("emner/energi/", "energi", SAMPLE_EVENTS[:1]),
        "emner/tom/index.html": site_page("tom", "emner/tom/", "<p>Ingen arrangementer.</p>\n"),
        "kalender/index.html": site_page("Kalender", "kalender/", sample_subscribe("kalender.ics", "Netværk")),
        "kalender/2027/01/index.html": site_page("Januar 2027", "kalender/2027/01/",
                                                   sample_subscribe("kalender.ics", "Netværk")),
    }
    for slug, name, start, networks, topics in SAMPLE_EVENTS:
        links = "".join(f'<p><a href="/netvaerk/{n}/">{n}</a></p>\n' for n in networks)
        links += "".join(f'<p><a href="/emner/{t}/">{t}</a></p>\n' for t in topics)
        files[f"arrangementer/{slug}/index.html"] = site_page(name, f"arrangementer/{slug}/", links)
    pages = sorted(k for k in files if k.endswith("index.html") and "/indlejr/" not in k)
    files["sitemap.xml"] = ('<?xml version="1.0" encoding="UTF-8"?>\n'
                            '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n'
                            + "".join(f"  <url><loc>{SAMPLE_BASE}{k[: -len('index.html')]}</loc></url>\n"
                                      for k in pages) + "</urlset>\n")
    for name, changes in (swaps or {}).items():
        for old, new in changes:
            if old is None:  # a new file, or one to remove (new None)
                files[name] = new
                continue
            assert old in files[name], (name, old)
            files[name] = files[name].replace(old, new, 1)
    write_files(root, files)


def selftest(browser: bool) -> int:
    from builtsite import Site
    from chromium import axe_script, make_driver
    from embedcheck import check_site
    from localserver import LocalServer

    E, N, T = "arrangementer/indlejr/index.html", "netvaerk/groent/indlejr/index.html", "emner/energi/indlejr/index.html"
    EV, NP, SH, CAL = ("arrangementer/index.html", "netvaerk/groent/index.html", "arrangementer/del/index.html",
                       "kalender/2027/01/index.html")
    OLD = "netvaerk/gammel/index.html"  # the network that has ended
    morning = '<a class="embed-link" href="/arrangementer/morgenmoede/" target="_top">'
    static = {
        "good": ({}, None),
        "no noindex": ({N: [('<meta name="robots" content="noindex">\n', "")]}, "no <meta name=\"robots\""),
        "no base": ({N: [('<base target="_top">\n', "")]}, '<base target="_top">'),
        "base with href": ({N: [('<base target="_top">', '<base target="_top" href="/">')]}, "must only set the target"),
        "link without target": ({N: [(morning, morning.replace(' target="_top"', ""))]}, 'without target="_top"'),
        "inline script": ({N: [("</head>", "<script>var x = 1;</script>\n</head>")]}, "inline <script>"),
        "other script": ({N: [("</head>", '<script src="/assets/other.js"></script>\n</head>')]},
                         "the only script may be assets/embed.js"),
        "style element": ({N: [("</head>", "<style>a { color: red }</style>\n</head>")]}, "<style> element"),
        "style attribute": ({N: [('<main class="embed">', '<main class="embed" style="padding:0">')]},
                            "style attribute on 1 element"),
        "event handler": ({N: [('<main class="embed">', '<main class="embed" onclick="x()">')]},
                          "event handler attributes"),
        "no embed.css link": ({N: [('<link rel="stylesheet" href="/assets/embed.css">\n', "")]},
                              "does not link assets/embed.css"),
        "too big": ({"assets/embed.css": [(None, theme_asset("embed.css") + "/*" + "x" * SIZE_LIMIT + "*/\n")]}, "not under 30 KB"),
        "in the sitemap": ({"sitemap.xml": [("</urlset>", f"  <url><loc>{SAMPLE_BASE}emner/energi/indlejr/</loc></url>\n</urlset>")]},
                           "is listed in sitemap.xml"),
        "missing list": ({N: [(None, None)]}, "netvaerk/groent/indlejr/index.html: missing"),
        "wrong title link": ({T: [('<h1 class="embed-title"><a href="/emner/energi/"', '<h1 class="embed-title"><a href="/"')]},
                             "not the page it belongs to"),
        "out of order": ({"arrangementer/indlejr/index.html": [("2027-01-20T09:00:00+01:00", "2027-03-20T09:00:00+01:00")]},
                         "not in order of start"),
        "not the feed's": ({E: [('href="/arrangementer/studietur/"', 'href="/arrangementer/morgenmoede/"')]},
                           "coming meeting no. 2"),
        "a meeting too few": ({E: [(None, sample_embed("arrangementer/", "Netværk", SAMPLE_EVENTS[:1]))]},
                              "so 2 should be listed"),
        "another topic's meeting": ({T: [('href="/arrangementer/morgenmoede/"', 'href="/arrangementer/studietur/"')]},
                                    "not a meeting of this topic"),
        "no meetings, no empty text": ({T: [(None, sample_embed("emner/energi/", "energi", [])
                                              .replace('  <p class="embed-empty">Ingen møder planlagt lige nu.</p>\n', ""))]},
                                       "neither li.embed-event nor .embed-empty"),
        "no snippet": ({NP: [("&lt;iframe src=&quot;", "&lt;iframe data-src=&quot;")]}, "no <pre>/<code> snippet"),
        "relative snippet": ({NP: [(f"src=&quot;{SAMPLE_BASE}", "src=&quot;/")]}, "no <pre>/<code> snippet"),
        "hidden snippet": ({NP: [('<pre class="embed-code">', '<pre class="embed-code" hidden>')]}, "is hidden by"),
        "no preview": ({NP: [('<iframe class="embed-preview__frame"', '<div class="embed-preview__frame"'),
                             ("</iframe>\n  <p>", "</div>\n  <p>")]}, "no <iframe> showing its list"),
        "snippet escaped once too few": ({NP: [("title=&quot;Kommende møder: Grønt netværk&quot;",
                                                "title=&quot;Kommende møder: &quot;Grønt&quot; netværk&quot;")]},
                                         "has the title"),
        "snippet with a script": ({NP: [("&gt;&lt;/iframe&gt;", "&gt;&lt;/iframe&gt;&lt;script&gt;x()&lt;/script&gt;")]},
                                  "is not one <iframe>"),
        "no partners link": ({EV: [('<a href="/arrangementer/del/">', '<a href="/om/">')]}, "does not link the partners page"),
        "no partners page": ({SH: [(None, None)]}, "arrangementer/del/index.html: missing"),
        "ended network offers its snippet": ({OLD: [('<section class="section subscribe"',
                                                     sample_share("netvaerk/gammel/indlejr/", "Gammelt netværk")
                                                     + '<section class="section subscribe"')]},
                                             "but the partners page arrangementer/del/index.html lists no snippet"),
        "ended network links the partners page": ({OLD: [("</main>", '<p><a href="/arrangementer/del/">Del</a></p>\n</main>')]},
                                                  "offers a link to the partners page"),
        "partners page lacks a network": ({SH: [("&lt;iframe src=&quot;https://example.dk/netvaerk/groent/", "&lt;iframe src=&quot;https://example.dk/netvaerk/x/")]},
                                          "lists no snippet for this network"),
        "partners page lists an ended network": ({SH: [('<h2 id="json">', sample_code("netvaerk/gammel/indlejr/", "Gammelt netværk") + '<h2 id="json">')]},
                                                 "lists this network's snippet, but the page offers no snippet"),
        "broken network snippet on the partners page": ({SH: [("Grønt netværk&quot; style", "Grønt netværk&quot; onload=&quot;x()&quot; style")]},
                                                        "unexpected attributes"),
        "no #json": ({SH: [('<h2 id="json">', "<h2>")]}, 'id="json"'),
        "no subscribe": ({CAL: [('class="section subscribe"', 'class="section"')]}, "no subscribe section"),
        "no webcal": ({CAL: [("<a href=\"webcal://", "<a href=\"https://")]}, "no webcal:// link"),
        "wrong cid": ({CAL: [("cid=webcal%3A%2F%2F", "cid=https%3A%2F%2F")]}, "Google link"),
        "network's page, site's calendar": ({NP: [("netvaerk%2Fgroent%2Fkalender.ics", "kalender.ics")]},
                                            "with cid webcal://example.dk/netvaerk/groent/kalender.ics"),
        "no Outlook.com": ({CAL: [("outlook.live.com", "outlook.example.com")]}, "no Outlook.com link"),
        "Outlook without name": ({EV: [("&amp;name=Netv%C3%A6rk\">Outlook på", "\">Outlook på")]},
                                 "Outlook 365 link has no name"),
        "no https address": ({CAL: [('<code class="feed-address">https://example.dk/kalender.ics</code>', "")]},
                             "no https address"),
        "no how-to": ({CAL: [('\n      <details class="how-to"><summary>Sådan gør du</summary><p>Tryk, og sig ja.</p></details></li>\n    <li><a href="https://calendar', '</li>\n    <li><a href="https://calendar')]},
                      "webcal: no <details> how-to"),
        "empty how-to": ({CAL: [("<p>Tryk, og sig ja.</p>", "")]}, "no text besides the <summary>"),
    }
    js = theme_asset("embed.js")
    bad_js = js.replace('/^(?:[0-9a-fA-F]{3}){1,2}$/.test(colour)', 'true').replace(
        '"#" + colour', '/^[0-9a-f]+$/i.test(colour) ? "#" + colour : colour')
    inject_js = js.replace('if (font === "system"', 'if (font) document.body.insertAdjacentHTML("beforeend", font);\n  if (font === "system"')
    assert js not in (bad_js, inject_js), "templates/assets/embed.js changed: update the self-test's broken copies"
    in_browser = {
        "good": ({}, None),
        "hostile colour let through": ({"assets/embed.js": [(None, bad_js)]}, "not the default style"),
        "font written into the page": ({"assets/embed.js": [(None, inject_js)]}, "an alert opened"),
        "colour set as a style attribute": ({"assets/embed.js": [(
            'root.style.setProperty("--embed-accent", "#" + colour);',
            'root.setAttribute("style", "--embed-accent: #" + colour);')]}, "a strict CSP blocks"),
        "no target, no base": ({N: [('<base target="_top">\n', ""), (morning, morning.replace(' target="_top"', ""))]},
                               "links must open in the top window"),
        "too wide": ({N: [('<ol class="embed-list">', '<ol class="embed-list"><li><pre>' + "x" * 60 + "</pre></li>")]},
                     "scrolls sideways inside the iframe"),
        "link without text": ({T: [("</main>", '<a href="/" target="_top"></a>\n</main>')]}, "axe serious link-name"),
        "inline style under CSP": ({N: [('<main class="embed">', '<main class="embed" style="padding:0">')]},
                                   "Content Security Policy"),
    }
    failed = total = 0
    with tempfile.TemporaryDirectory() as tmp:
        runs = [(name, case, False) for name, case in static.items()]
        if browser:
            runs += [(name, case, True) for name, case in in_browser.items()]
        for n, (name, (swaps, expected), with_browser) in enumerate(runs):
            total += 1
            root = Path(tmp) / str(n)
            write_sample(root, swaps)
            site = Site(root)
            if with_browser:
                with LocalServer.of_site(site) as server:
                    report = check_site(site, server=server, make_driver=make_driver, axe_script=axe_script()[0])
            else:
                report = check_site(site)
            found = report.findings
            if not case_passes(f"{name}{' (browser)' if with_browser else ''}", expected, found):
                failed += 1
    return selftest_result(total, failed, "" if browser else " (files only)")
