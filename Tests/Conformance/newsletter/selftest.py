"""The newsletter check's small hand-made site, for its self-test (`python
newslettercheck.py --selftest`: broken one way per case, each case must give
the finding it names, or none) and `--sample DIR` (the good site, to run
gate.py on).
"""

from __future__ import annotations

import base64
import email.policy
import re
import tempfile
import textwrap
from pathlib import Path

from samplesite import SAMPLE_BASE, case_passes, sample_page, selftest_result, write_files

from .email_html import SIZE_ERROR
from .eml import ONE_CLICK

SAMPLE_TITLE = "Nyhedsbrev nr. 1: Grøn omstilling på Ærø"
SAMPLE_PREHEADER = "Morgenmøde i Tullebølle og tre nye historier fra øerne."
LONG_URL = SAMPLE_BASE + "historier/en-meget-lang-historie-om-groen-omstilling-og-faellesskab-paa-aeroe/"


def sample_html(web_url: str) -> str:
    return f"""<!DOCTYPE html>
<html lang="da">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{SAMPLE_TITLE}</title>
<style>
@media (max-width: 620px) {{ .wrap {{ width: 100% !important; }} }}
</style>
</head>
<body style="margin:0;padding:0;background:#f4f4f4">
<div class="preheader" style="display:none;max-height:0;overflow:hidden">{SAMPLE_PREHEADER}&#847;&zwnj;&nbsp;</div>
<div lang="da" style="background:#f4f4f4">
<!--[if mso]><table role="presentation" width="600" align="center"><tr><td><![endif]-->
<table role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0">
<tr><td align="center">
<table role="presentation" class="wrap" width="600" cellpadding="0" cellspacing="0" border="0" style="width:100%;max-width:600px;background:#ffffff">
<tr><td style="padding:8px 16px;font:12px sans-serif"><a href="{web_url}">Se nyhedsbrevet i din browser</a></td></tr>
<tr><td style="padding:16px"><img src="{SAMPLE_BASE}media/logo.png" width="120" alt="Erhvervsnetværk" style="display:block;max-width:100%;height:auto"></td></tr>
<tr><td style="padding:16px;font:16px/1.5 sans-serif">
<h1 style="font-size:24px">{SAMPLE_TITLE}</h1>
<p>Kære alle. I det nye år mødes vi til morgenmøde i Tullebølle.</p>
<h2 style="font-size:18px"><a href="{SAMPLE_BASE}historier/morgenmoede/">Morgenmøde i Tullebølle</a></h2>
<p>Læs om <a href="{LONG_URL}">grøn omstilling på Ærø</a>.</p>
<table style="border-collapse:collapse"><tr><th>Dato</th><th>Sted</th></tr><tr><td>5. januar</td><td>Tullebølle</td></tr></table>
</td></tr>
<tr><td style="padding:16px;font:12px sans-serif;color:#555">Fynsk Netværkssekretariat, Havnegade 12, 5000 Odense C<br>
<a href="*|UNSUB|*">Afmeld nyhedsbrevet</a></td></tr>
</table>
</td></tr>
</table>
<!--[if mso]></td></tr></table><![endif]-->
</div>
</body>
</html>
"""


def sample_txt(web_url: str) -> str:
    return f"""Se nyhedsbrevet i din browser:
{web_url}

{SAMPLE_TITLE}
{"=" * len(SAMPLE_TITLE)}

Kære alle. I det nye år mødes vi til morgenmøde i Tullebølle.

Morgenmøde i Tullebølle
{SAMPLE_BASE}historier/morgenmoede/

Læs om grøn omstilling på Ærø:
<{LONG_URL[:60]}
 {LONG_URL[60:]}>

Dato: 5. januar, Tullebølle

--
Fynsk Netværkssekretariat, Havnegade 12, 5000 Odense C
Afmeld nyhedsbrevet: *|UNSUB|*
"""


def sample_eml(html_text: str, txt_text: str, subject: str = SAMPLE_TITLE,
               headers: list[tuple[str, str]] = ()) -> bytes:
    from email.message import EmailMessage

    msg = EmailMessage(policy=email.policy.SMTP)
    msg["Subject"] = subject
    msg["From"] = "Fynsk Netværkssekretariat <netvaerk@example.dk>"
    msg["Date"] = "Mon, 07 Dec 2026 08:00:00 +0100"
    msg["Message-ID"] = "<nyhedsbrev-1.landsby@example.dk>"
    for name, value in headers:
        msg[name] = value
    msg.set_content(txt_text, charset="utf-8", cte="quoted-printable")
    msg.add_alternative(html_text, subtype="html", charset="utf-8", cte="quoted-printable")
    return msg.as_bytes(policy=email.policy.SMTP)


def page_html(title: str, url: str, body: str = "") -> str:
    """A page of the sample site, titled "title · Eksempel" as the theme titles pages."""
    return sample_page(title, url, body, site_name="Eksempel")


def write_sample(root: Path, html_text: str | None = None, txt_text: str | None = None,
                 eml: bytes | None = None) -> Path:
    """The good sample site under root (or one whose email files are replaced)."""
    issue = root / "nyhedsbreve" / "landsby" / "nyhedsbrev-1"
    web_url = SAMPLE_BASE + "nyhedsbreve/landsby/nyhedsbrev-1/"
    long_story = LONG_URL.rstrip("/").rsplit("/", 1)[1]
    link = f'<ul><li><a href="/nyhedsbreve/landsby/nyhedsbrev-1/">{SAMPLE_TITLE}</a></li></ul>\n'
    html_text = sample_html(web_url) if html_text is None else html_text
    txt_text = sample_txt(web_url) if txt_text is None else txt_text
    write_files(root, {
        "index.html": page_html("Eksempel", SAMPLE_BASE),
        "media/logo.png": base64.b64decode(
            "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg=="),
        **{f"historier/{story}/index.html": page_html("Historie", f"{SAMPLE_BASE}historier/{story}/")
           for story in ("morgenmoede", long_story)},
        "nyhedsbreve/index.html": page_html("Nyhedsbreve", SAMPLE_BASE + "nyhedsbreve/", link),
        "nyhedsbreve/landsby/index.html": page_html("Landsby: nyhedsbreve", SAMPLE_BASE + "nyhedsbreve/landsby/",
                                                    link),
        "nyhedsbreve/landsby/seneste/index.html": page_html(SAMPLE_TITLE, web_url, "<p>Seneste nummer.</p>\n"),
        "nyhedsbreve/landsby/nyhedsbrev-1/index.html": page_html(SAMPLE_TITLE, web_url, "<p>Kære alle.</p>\n"),
        "nyhedsbreve/landsby/feed.xml": (
            '<?xml version="1.0" encoding="utf-8"?>\n<feed xmlns="http://www.w3.org/2005/Atom">\n'
            f'<id>{SAMPLE_BASE}nyhedsbreve/landsby/</id><title>Landsby</title>'
            '<updated>2026-12-07T08:00:00+01:00</updated>\n'
            f'<link rel="self" href="{SAMPLE_BASE}nyhedsbreve/landsby/feed.xml"/><author><name>Eksempel</name></author>\n'
            f'<entry><id>{web_url}</id><title>{SAMPLE_TITLE}</title><updated>2026-12-07T08:00:00+01:00</updated>\n'
            f'<link href="{web_url}"/><content type="html">&lt;p&gt;Kære alle.&lt;/p&gt;</content></entry>\n</feed>\n'),
        "nyhedsbreve/landsby/nyhedsbrev-1/email.html": html_text,
        "nyhedsbreve/landsby/nyhedsbrev-1/email.txt": txt_text,
        "nyhedsbreve/landsby/nyhedsbrev-1/email.eml": sample_eml(html_text, txt_text) if eml is None else eml,
    })
    return issue


UNSUB_HTTPS = "https://nyhedsbrev.example.net/afmeld?liste=landsby"
UNSUB_MAILTO = "mailto:afmeld@example.dk"


def unsubscribe_cases(good_html: str, good_txt: str) -> dict:
    """Self-test cases of List-Unsubscribe: (the sample's email files, the finding expected)."""

    def case(href: str | None, headers: list[tuple[str, str]], expected: str | None) -> tuple[dict, str | None]:
        html_text = good_html if href is None else good_html.replace('href="*|UNSUB|*"', f'href="{href}"', 1)
        return {"html_text": html_text, "eml": sample_eml(html_text, good_txt, headers=headers)}, expected

    post = ("List-Unsubscribe-Post", ONE_CLICK)
    return {
        "List-Unsubscribe https, one-click": case(UNSUB_HTTPS, [("List-Unsubscribe", f"<{UNSUB_HTTPS}>"), post], None),
        "List-Unsubscribe mailto": case(UNSUB_MAILTO, [("List-Unsubscribe", f"<{UNSUB_MAILTO}>")], None),
        "List-Unsubscribe https without Post": case(UNSUB_HTTPS, [("List-Unsubscribe", f"<{UNSUB_HTTPS}>")],
                                                    "there is no List-Unsubscribe-Post"),
        "List-Unsubscribe-Post with mailto": case(UNSUB_MAILTO, [("List-Unsubscribe", f"<{UNSUB_MAILTO}>"), post],
                                                  "List-Unsubscribe-Post without an https: URI"),
        "List-Unsubscribe-Post alone": case(None, [post], "List-Unsubscribe-Post without an https: URI"),
        "List-Unsubscribe-Post wrong value": case(UNSUB_HTTPS, [("List-Unsubscribe", f"<{UNSUB_HTTPS}>"),
                                                                ("List-Unsubscribe-Post", "One-Click")],
                                                  "must be 'List-Unsubscribe=One-Click'"),
        "List-Unsubscribe without brackets": case(UNSUB_HTTPS, [("List-Unsubscribe", UNSUB_HTTPS), post],
                                                  "is not a comma-separated list of <URI>s"),
        "List-Unsubscribe http": case("http://nyhedsbrev.example.net/afmeld",
                                      [("List-Unsubscribe", "<http://nyhedsbrev.example.net/afmeld>")],
                                      "neither a mailto: address nor an https: URL"),
        "List-Unsubscribe merge tag": case(None, [("List-Unsubscribe", "<*|UNSUB|*>")], "a merge tag"),
        "List-Unsubscribe not the html's link": case(None, [("List-Unsubscribe", f"<{UNSUB_HTTPS}>"), post],
                                                     "is not a link of email.html"),
        "List-Unsubscribe twice": case(UNSUB_MAILTO, [("List-Unsubscribe", f"<{UNSUB_MAILTO}>"),
                                                      ("List-Unsubscribe", f"<{UNSUB_MAILTO}>")],
                                       "List-Unsubscribe appears 2 times"),
        "List-Unsubscribe https and mailto": case(UNSUB_HTTPS, [
            ("List-Unsubscribe", f"<{UNSUB_MAILTO}>, <{UNSUB_HTTPS}>"), post], "<mailto:afmeld@example.dk> is not a link"),
    }


def selftest() -> int:
    from builtsite import Site
    from newslettercheck import check_site

    web_url = SAMPLE_BASE + "nyhedsbreve/landsby/nyhedsbrev-1/"
    good_html, good_txt = sample_html(web_url), sample_txt(web_url)
    good_eml = sample_eml(good_html, good_txt)

    def html_swap(old: str, new: str) -> dict:
        assert old in good_html, old
        return {"html_text": good_html.replace(old, new, 1)}

    def txt_swap(old: str, new: str) -> dict:
        assert old in good_txt, old
        return {"txt_text": good_txt.replace(old, new, 1)}

    def drop_header(name: bytes, data: bytes = good_eml, instead: bytes = b"") -> bytes:
        """The eml without the header (and its continuation lines), or with another line instead."""
        out, n = re.subn(rb"(?m)^" + name + rb":.*\r\n(?:[ \t].*\r\n)*", instead, data, count=1)
        assert n == 1, name
        return out

    cases = {
        "good": ({}, None),
        "relative link": (html_swap(f'href="{SAMPLE_BASE}historier/morgenmoede/"', 'href="/historier/morgenmoede/"'),
                          "is not an absolute URL"),
        "relative src": (html_swap(f'src="{SAMPLE_BASE}media/logo.png"', 'src="../../media/logo.png"'),
                         "<img src='../../media/logo.png'> is not an absolute URL"),
        "missing alt": (html_swap('alt="Erhvervsnetværk" ', ""), "has no alt"),
        "missing width": (html_swap('width="120" ', ""), "has no width"),
        "width in percent": (html_swap('width="120"', 'width="50%"'), "is not a number of pixels"),
        "script": (html_swap("</head>", "<script>alert(1)</script>\n</head>"), "has a <script>"),
        "stylesheet": (html_swap("</head>", '<link rel="stylesheet" href="https://example.dk/a.css">\n</head>'),
                       "<link rel=stylesheet>"),
        "@import": (html_swap("@media", "@import url(https://example.dk/a.css);\n@media"), "@import"),
        "style rule": (html_swap("@media", "p { color: red }\n@media"), "holds more than @media rules"),
        "two styles": (html_swap("</head>", "<style>@media print { p { color: red } }</style>\n</head>"),
                       "2 <style> blocks"),
        "no role": (html_swap('<table role="presentation" width="100%"', '<table width="100%"'),
                    "without role=\"presentation\""),
        "wide attribute": (html_swap('class="wrap" width="600"', 'class="wrap" width="640"'), "wider than 600 px"),
        "wide style": (html_swap("max-width:600px", "max-width:700px"), "max-width:700px"),
        "no fixed width": ({"html_text": good_html.replace('class="wrap" width="600"', 'class="wrap" width="100%"')
                            .replace('<table role="presentation" width="600" align="center">', "<table>")},
                           "fixed-width wrapper"),
        "wide table in Outlook's comment": (html_swap('role="presentation" width="600" align="center"',
                                                      'role="presentation" width="700" align="center"'),
                                            "<table width='700'> is wider than 600 px"),
        "no html lang": (html_swap('<html lang="da">', "<html>"), "<html> has no lang"),
        "no lang in body": (html_swap('<div lang="da"', "<div"), "no element inside <body> has a lang"),
        "no preheader": (html_swap('style="display:none;max-height:0;overflow:hidden"', ""), "no preheader"),
        "text before preheader": (html_swap('<div class="preheader"', 'Hej!<div class="preheader"'),
                                  "visible text comes before the preheader"),
        "no view in browser": (html_swap(f'<a href="{web_url}">', f'<a href="{web_url}#top">'),
                               "no link to the web version"),
        "dead site link": (html_swap(f"{SAMPLE_BASE}historier/morgenmoede/", f"{SAMPLE_BASE}historier/findes-ikke/"),
                           "the site has no such file"),
        "too big": (html_swap("</body>", "<!--" + "x" * SIZE_ERROR + "-->\n</body>"), "Gmail clips it"),
        "txt line of 80": (txt_swap("Dato: 5. januar, Tullebølle", "Dato: " + "x" * 74), "longer than 78 characters"),
        "txt 79 characters": (txt_swap("Dato: 5. januar, Tullebølle", "ø" * 79), "1 line(s) longer"),
        "txt 78 characters in 156 octets": (txt_swap("Dato: 5. januar, Tullebølle", "ø" * 78), None),
        "txt 78 decomposed characters": (txt_swap("Dato: 5. januar, Tullebølle", "a\u030a" * 78), None),
        "txt 78 emoji with skin tone": (txt_swap("Dato: 5. januar, Tullebølle", "\U0001f44d\U0001f3fd" * 78), None),
        "txt < and > in prose": (txt_swap("Dato: 5. januar, Tullebølle", "Pris < 100 kr.\nhttps://example.dk/historier/morgenmoede/\nfor > 5"), None),
        "preheader in txt": (txt_swap("Kære alle.", textwrap.fill(SAMPLE_PREHEADER, 40) + "\n\nKære alle."),
                             "has the preheader text"),
        "preheader also visible": ({**html_swap("<p>Kære alle.", f"<p>{SAMPLE_PREHEADER} Kære alle."),
                                    **txt_swap("Kære alle.", SAMPLE_PREHEADER + "\nKære alle.")}, None),
        "no web URL in txt": (txt_swap(f"Se nyhedsbrevet i din browser:\n{web_url}\n", "Se nyhedsbrevet i din browser."),
                              "does not write out the web version's URL"),
        "link not in txt": (txt_swap(f"{SAMPLE_BASE}historier/morgenmoede/\n", ""), "not written out"),
        "long URL unjoined": (txt_swap(f" {LONG_URL[60:]}>", f" {LONG_URL[61:]}>"), "not written out"),
        "no unsubscribe in txt": (txt_swap("Afmeld nyhedsbrevet: *|UNSUB|*", "Afmeld nyhedsbrevet."),
                                  "merge-tag link(s)"),
        "wrong subject": ({"eml": sample_eml(good_html, good_txt, "Et andet emne")}, "is not the web version's title"),
        "non-ASCII raw subject": ({"eml": drop_header(b"Subject", instead=f"Subject: {SAMPLE_TITLE}\r\n".encode())},
                                  "Subject header has non-ASCII octets"),
        "bare LF": ({"eml": good_eml.replace(b"MIME-Version: 1.0\r\n", b"MIME-Version: 1.0\n")}, "bare LF"),
        "eml line over 998": ({"eml": good_eml.replace(b"Message-ID:", b"X-Long: " + b"y" * 1000 + b"\r\nMessage-ID:")},
                              "longer than 998 octets"),
        "no From": ({"eml": drop_header(b"From")}, "no From header"),
        "From without address": ({"eml": drop_header(b"From", instead=b"From: Netvaerket\r\n")}, "has no address"),
        "no Date": ({"eml": drop_header(b"Date")}, "no Date header"),
        "no MIME-Version": ({"eml": drop_header(b"MIME-Version")}, "no MIME-Version header"),
        "no Message-ID": ({"eml": drop_header(b"Message-ID")}, "no Message-ID header"),
        "part differs": ({"eml": sample_eml(good_html, good_txt.replace("Kære", "Kaere"))},
                         "the decoded text/plain part is not email.txt"),
        "latin-1 part": ({"eml": good_eml.replace(b'charset="utf-8"', b'charset="iso-8859-1"', 1)},
                         "charset 'iso-8859-1'"),
        "not alternative": ({"eml": good_eml.replace(b"multipart/alternative", b"multipart/mixed")},
                            "not multipart/alternative"),
        **unsubscribe_cases(good_html, good_txt),
        "no email.txt": ({"after": lambda issue: (issue / "email.txt").unlink()}, "has no email.txt"),
        "no latest page": ({"after": lambda issue: (issue.parent / "seneste" / "index.html").unlink()},
                           "seneste/index.html: missing"),
        "latest is not the newest": ({"after": lambda issue: (issue.parent / "seneste" / "index.html").write_text(
            page_html("Andet", SAMPLE_BASE + "nyhedsbreve/landsby/seneste/"), encoding="utf-8")},
            "neither links to nor shows the newest issue"),
        "no feed": ({"after": lambda issue: (issue.parent / "feed.xml").unlink()}, "feed.xml: missing"),
        "archive without the issue": ({"after": lambda issue: (issue.parent / "index.html").write_text(
            page_html("Landsby", SAMPLE_BASE + "nyhedsbreve/landsby/"), encoding="utf-8")}, "does not link 1 issue"),
        "outside the newsletters": ({"after": lambda issue: issue.rename(issue.parent.parent.parent / "nl")},
                                    "email files outside"),
    }
    failed = 0
    with tempfile.TemporaryDirectory() as tmp:
        for n, (name, (change, expected)) in enumerate(cases.items()):
            root = Path(tmp) / str(n)
            change = dict(change)
            after = change.pop("after", None)
            issue = write_sample(root, **change)
            if after:
                after(issue)
            report = check_site(Site(root))
            found = report.findings
            if not case_passes(name, expected, found):
                failed += 1
        root = Path(tmp) / "empty"
        root.mkdir()
        (root / "index.html").write_text(page_html("Eksempel", SAMPLE_BASE), encoding="utf-8")
        if not case_passes("no issues", "no newsletter issue", check_site(Site(root)).findings):
            failed += 1
    total = len(cases) + 1
    return selftest_result(total, failed)
