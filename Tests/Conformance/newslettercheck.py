#!/usr/bin/env python3
"""The `newsletter` check of the conformance gate: every newsletter issue's
email files (SITE.md, "Newsletters").

Called by gate.py (`gate.py site/ --only newsletter`).
`python newslettercheck.py --selftest` builds a small hand-made site in a
temporary folder, breaks it in many ways and checks that each finding fires;
`python newslettercheck.py --sample DIR` writes that site's good version to
DIR (to run gate.py on).

An issue is a folder holding email.html, email.txt or email.eml; it must be
`<newsletters>/<network>/<slug>/` or `<newsletters>/<slug>/` (site-wide) and
hold index.html (the web version) and all three email files.

1. email.eml, parsed by Python's `email` package (policy.default):
   multipart/alternative with exactly a text/plain and then a text/html part
   (RFC 2046 5.1.4: the last part is the preferred one), both charset=utf-8,
   whose decoded octets equal email.txt and email.html once CRLF and LF are
   made one; no parser defects; From with an address, Date (a date),
   MIME-Version: 1.0, Message-ID (<left@right>); the raw header block is
   ASCII (a non-ASCII Subject is RFC 2047 encoded) and the Subject decodes to
   the web version's title (its <h1>, or its <title> before " · "); raw
   octets: CRLF line ends only, no line over 998 octets (lines over 78 are a
   note). List-Unsubscribe (RFC 2369, RFC 8058; issue 20), which the check
   cannot hold against site.yaml's `newsletter_unsubscribe`, so it holds the
   headers against each other and against email.html: at most one
   List-Unsubscribe, a comma-separated list of <URI>s, each mailto: (with an
   address) or https: (with a host), and each the href of a link of
   email.html (the footer's unsubscribe link is the same setting); with an
   https URI, `List-Unsubscribe-Post: List-Unsubscribe=One-Click`, and that
   header never without an https List-Unsubscribe (a merge tag in the
   setting means neither header: the mail tool adds them). The notes say how
   many email.eml carry List-Unsubscribe.
2. email.html: no <script>, no <link rel=stylesheet>, no @import; at most one
   <style> block, holding only @media rules; every href, src, background and
   CSS url() absolute (http:, https:, mailto:, tel:) or a mail tool's merge
   tag (*|UNSUB|*, {{ x }}, %%x%%, [[x]], ...); links and images under the
   base URL are files of the site; <html lang> with the site language and a
   `lang` on an element inside <body>; role="presentation" on every <table>
   that has no <th>; no `width` attribute and no CSS width, min-width or
   max-width in a style attribute over 600 px, and a <table> with a pixel
   `width` (the fixed-width wrapper for Outlook); every <img> with `alt` (may
   be empty) and a numeric `width`; a preheader: an element whose style has
   display:none, with text, before any visible text of <body> (the contract
   is `<div class="preheader" style="display:none;...">TEXT</div>` first in
   <body>); under 100 KB (102,400 octets; 90 KB and over is a note); a link
   to the web version's URL ("view in browser"). Markup inside Outlook's
   conditional comments (<!--[if mso]>...<![endif]-->) is checked as well.
3. email.txt: UTF-8; no line over 78 characters; not the preheader text
   (whitespace runs made one) unless the preheader is also visible text of
   email.html; the web version's URL; every link of email.html to the site
   and every merge-tag link (the unsubscribe line) written out. A URL over
   78 characters is written as RFC 3986 Appendix C says, `<https://...>`
   broken across lines: such spans are joined (line breaks and the
   whitespace around them removed) before URLs are looked for.
4. Archives: <newsletters>/index.html; for each network with issues,
   <newsletters>/<network>/index.html linking every issue of the network,
   <newsletters>/<network>/<latest>/index.html referring to the newest issue
   (canonical, refresh or link to its URL, or the same <h1>), and
   <newsletters>/<network>/feed.xml, an Atom feed whose entries have content
   and link to issues of that network, every issue (up to 50) among them.
   Site-wide issues are linked from <newsletters>/index.html. The newest issue
   is the one with the latest eml Date (the archive's order breaks ties).
5. Screenshots (when gate.py passes a driver): each network's newest issue
   and the newest site-wide one, email.html in headless Chromium at 600 and
   320 px wide (links and images under the base URL served by the gate's
   local server, every other host blocked): full-page PNGs
   newsletter-<slug>-600.png / -320.png; scrolling sideways at 320 px or an
   image wider than the viewport is a finding.
6. No issue at all is a finding.

The site object is gate.py's Site (root, base_url, base_path, lang, words,
rel, url_of, file_of_url); this module does not import gate.py except to run
alone.
"""

from __future__ import annotations

import base64
import email
import email.policy
import email.utils
import html.parser
import re
import sys
import tempfile
import textwrap
import unicodedata
import urllib.parse
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from pathlib import Path

from findings import (MAX_LINES_LISTED, Findings, Report, case_passes, line_numbers, listed, physical_lines,
                      print_report, selftest_result)
from screenshot import save_full_page

ATOM = "{http://www.w3.org/2005/Atom}"
LATEST = {"da": "seneste", "en": "latest"}  # SITE.md, "Site map"
EMAIL_FILES = ("email.html", "email.txt", "email.eml")
MAX_WIDTH = 600  # px: the email's layout
TXT_LINE = 78  # characters a line of email.txt
EML_LINE = 998  # octets a line of email.eml (RFC 5322 2.1.1); 78 is a note
SIZE_ERROR = 100 * 1024  # octets of email.html: Gmail clips long mail
SIZE_NOTE = 90 * 1024
FEED_LIMIT = 50
SHOT_WIDTHS = (600, 320)

VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param",
        "source", "track", "wbr"}
URL_ATTRS = ("href", "src", "background", "action", "poster", "cite")
ABSOLUTE = re.compile(r"^(https?://[^/\s]|mailto:|tel:)", re.I)
# The placeholders mail tools replace when sending (Mailchimp *|UNSUB|*,
# {{ UnsubscribeURL }}, %%unsubscribe%%, Mailjet [[UNSUB_LINK_DA]], ...).
MERGE_TAG = re.compile(
    r"^\s*(\*\|.+\|\*|\{\{.+\}\}|\{%.+%\}|%%.+%%|%[A-Za-z_][\w.:-]*%|\[\[.+\]\]|\[[A-Za-z_][\w .:-]*\]"
    r"|\{\$?[A-Za-z_][\w.:-]*\}|<%.+%>|\$[A-Za-z_][\w.:-]*\$)\s*$", re.S)
CSS_URL = re.compile(r"url\(\s*(['\"]?)(.*?)\1\s*\)", re.I | re.S)
CSS_WIDTH = re.compile(r"(?<![\w-])(max-width|min-width|width)\s*:\s*(\d+(?:\.\d+)?)px", re.I)
DISPLAY_NONE = re.compile(r"(?<![\w-])display\s*:\s*none", re.I)
CONDITIONAL = re.compile(r"<!--\[if[^\]]*\]>(?:<!-->)?|<!(?:--)?\[endif\](?:--)?>|<!--<!\[endif\]-->", re.I)
# Filler that follows a preheader to keep body text out of the preview.
FILLER = "\u034f\u200c\u200b\u200d\u00a0\u2007\u00ad\ufeff \t\r\n"
TXT_URL = re.compile(r"(?:https?://|mailto:|tel:)[^\s<>\"']+", re.I)


# --------------------------------------------------------------------------
# Whitespace made one; where two octet strings differ


def squeeze(text: str) -> str:
    return " ".join(text.split())


def first_difference(a: bytes, b: bytes) -> str:
    n = next((i for i, (x, y) in enumerate(zip(a, b)) if x != y), min(len(a), len(b)))
    line = a[:n].count(b"\n") + 1
    return (f"first difference at octet {n} (line {line}): "
            f"{a[max(0, n - 20):n + 20]!r} vs {b[max(0, n - 20):n + 20]!r}; {len(a)} vs {len(b)} octets")


# --------------------------------------------------------------------------
# Pages: the web version's title, links, canonical


class PageParser(html.parser.HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.h1: list[str] = []
        self.title = ""
        self.canonical: str | None = None
        self.refresh: str | None = None
        self.hrefs: list[str] = []
        self._in: str | None = None

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "h1":
            self._in = "h1"
            self.h1.append("")
        elif tag == "title" and not self.title:
            self._in = "title"
        elif tag == "link" and "canonical" in (a.get("rel") or "").lower().split():
            self.canonical = a.get("href")
        elif tag == "meta" and (a.get("http-equiv") or "").lower() == "refresh":
            m = re.search(r"url\s*=\s*['\"]?([^'\"]+)", a.get("content") or "", re.I)
            self.refresh = m.group(1).strip() if m else None
        if tag == "a" and a.get("href"):
            self.hrefs.append(a["href"])

    def handle_endtag(self, tag):
        if tag == self._in:
            self._in = None

    def handle_data(self, data):
        if self._in == "h1":
            self.h1[-1] += data
        elif self._in == "title":
            self.title += data


_pages: dict[Path, PageParser] = {}


def page(path: Path) -> PageParser:
    if path not in _pages:
        p = PageParser()
        p.feed(path.read_text(encoding="utf-8", errors="replace"))
        p.close()
        _pages[path] = p
    return _pages[path]


def page_titles(path: Path) -> list[str]:
    """The titles an issue's Subject may equal: the <h1>, and <title> before " · "."""
    p = page(path)
    titles = [squeeze(p.h1[0])] if p.h1 and squeeze(p.h1[0]) else []
    if p.title.strip():
        titles.append(squeeze(p.title.split(" · ")[0]))
    return titles


def linked_files(site, path: Path) -> list[Path]:
    """Files of the site a page links to, in the page's order (hrefs relative to the page)."""
    out: list[Path] = []
    base = site.url_of(path)
    for href in page(path).hrefs:
        target = site.file_of_url(urllib.parse.urljoin(base, href))
        if target is not None and target not in out:
            out.append(target)
    return out


# --------------------------------------------------------------------------
# email.html


@dataclass
class Element:
    tag: str
    attrs: dict
    line: int
    hidden: bool = False  # display:none on it or an ancestor
    is_preheader: bool = False


@dataclass
class Table:
    line: int
    role: str | None
    width: str | None
    has_th: bool = False


class EmailParser(html.parser.HTMLParser):
    """Everything the checks of email.html look at, in one pass."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[Element] = []
        self.html_lang: str | None = None
        self.body_seen = False
        self.lang_in_body: list[int] = []
        self.tables: list[Table] = []
        self._tables_open: list[Table] = []
        self.images: list[Element] = []
        self.urls: list[tuple[str, str, str, int]] = []  # (tag, attribute, value, line)
        self.anchors: list[tuple[str, int]] = []
        self.scripts: list[int] = []
        self.stylesheets: list[int] = []
        self.style_blocks: list[tuple[int, str]] = []
        self.style_attrs: list[tuple[str, str, int]] = []  # (tag, style, line)
        self.widths: list[tuple[str, str, int]] = []  # (tag, width attribute, line)
        self.preheader: Element | None = None
        self.preheader_text = ""
        self.text_before_preheader = ""
        self.visible_text: list[str] = []
        self._in_style: int | None = None

    def in_body(self) -> bool:
        return any(e.tag == "body" for e in self.stack)

    def handle_starttag(self, tag, attrs):
        a = {k: (v if v is not None else "") for k, v in attrs}
        line = self.getpos()[0]
        style = a.get("style", "")
        parent_hidden = bool(self.stack) and self.stack[-1].hidden
        el = Element(tag, a, line, hidden=parent_hidden or bool(DISPLAY_NONE.search(style)))
        if tag == "html":
            self.html_lang = a.get("lang")
        elif tag == "body":
            self.body_seen = True
        elif "lang" in a and self.in_body():
            self.lang_in_body.append(line)
        if tag == "script":
            self.scripts.append(line)
        if tag == "link" and "stylesheet" in a.get("rel", "").lower().split():
            self.stylesheets.append(line)
        if tag == "style":
            self._in_style = len(self.style_blocks)
            self.style_blocks.append((line, ""))
        if style:
            self.style_attrs.append((tag, style, line))
        if "width" in a:
            self.widths.append((tag, a["width"], line))
        for name in URL_ATTRS:
            if name in a:
                self.urls.append((tag, name, a[name], line))
        if "srcset" in a:
            for candidate in a["srcset"].split(","):
                if candidate.strip():
                    self.urls.append((tag, "srcset", candidate.split()[0], line))
        for m in CSS_URL.finditer(style):
            self.urls.append((tag, "style url()", m.group(2), line))
        if tag == "a" and "href" in a:
            self.anchors.append((a["href"], line))
        if tag == "img":
            self.images.append(el)
        if tag == "table":
            t = Table(line, a.get("role"), a.get("width"))
            self.tables.append(t)
            self._tables_open.append(t)
        if tag == "th" and self._tables_open:
            self._tables_open[-1].has_th = True
        if (self.preheader is None and self.in_body() and DISPLAY_NONE.search(style)):
            el.is_preheader = True
            self.preheader = el
        if tag not in VOID:
            self.stack.append(el)

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)
        if tag not in VOID and self.stack and self.stack[-1].tag == tag:
            self.stack.pop()

    def handle_endtag(self, tag):
        if tag == "style":
            self._in_style = None
        if tag == "table" and self._tables_open:
            self._tables_open.pop()
        for i in range(len(self.stack) - 1, -1, -1):
            if self.stack[i].tag == tag:
                del self.stack[i:]
                break

    def handle_data(self, data):
        if self._in_style is not None:
            line, text = self.style_blocks[self._in_style]
            self.style_blocks[self._in_style] = (line, text + data)
            return
        if not self.in_body() or any(e.tag == "script" for e in self.stack):
            return
        if any(e.is_preheader for e in self.stack):
            self.preheader_text += data
        elif not (self.stack and self.stack[-1].hidden):
            self.visible_text.append(data)
            if self.preheader is None:
                self.text_before_preheader += data


def only_media_rules(css: str) -> list[str]:
    """Top-level statements of a style sheet that are not @media rules."""
    css = re.sub(r"/\*.*?\*/", "", css, flags=re.S)
    css = re.sub(r"<!--|-->", "", css)
    others, i = [], 0
    while i < len(css):
        if css[i].isspace():
            i += 1
            continue
        brace = css.find("{", i)
        semi = css.find(";", i)
        if brace == -1 or (semi != -1 and semi < brace):  # a statement without a block (@import, @charset)
            end = semi if semi != -1 else len(css)
            others.append(css[i:end + 1].strip())
            i = end + 1
            continue
        head = css[i:brace].strip()
        depth, j = 0, brace
        while j < len(css):
            if css[j] == "{":
                depth += 1
            elif css[j] == "}":
                depth -= 1
                if depth == 0:
                    break
            j += 1
        if not head.lower().startswith("@media"):
            others.append(head)
        i = j + 1
    return others


def is_merge_tag(value: str) -> bool:
    return bool(MERGE_TAG.match(value))


def number(value: str) -> float | None:
    m = re.fullmatch(r"\s*(\d+(?:\.\d+)?)\s*(px)?\s*", value or "")
    return float(m.group(1)) if m else None


@dataclass
class EmailHtml:
    preheader: str = ""
    visible: str = ""
    site_links: list[str] = field(default_factory=list)
    merge_links: list[str] = field(default_factory=list)
    other_links: list[str] = field(default_factory=list)


def check_email_html(site, data: bytes, web_url: str, out: Findings) -> EmailHtml:
    result = EmailHtml()
    if len(data) >= SIZE_ERROR:
        out.add(f"{len(data)} octets: 100 KB ({SIZE_ERROR}) or more, Gmail clips it (SITE.md: over 100 KB is an error)")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as e:
        out.add(f"not UTF-8: {e}")
        return result
    p = EmailParser()
    p.feed(CONDITIONAL.sub("", text))
    p.close()

    for line in p.scripts:
        out.add("has a <script> (email must have no JavaScript)", line)
    for line in p.stylesheets:
        out.add("has a <link rel=stylesheet> (email must have no external CSS)", line)
    for n, (line, css) in enumerate(p.style_blocks):
        if n == 1:
            out.add(f"{len(p.style_blocks)} <style> blocks: at most one, for @media rules only", line)
        if "@import" in css.lower():
            out.add("@import in a <style> block", line)
        others = only_media_rules(css)
        if others:
            out.add(f"<style> holds more than @media rules (inline the CSS on the elements): "
                    f"{listed([o[:60] for o in others], 3)}", line)
    for tag, style, line in p.style_attrs:
        if "@import" in style.lower():
            out.add(f"@import in the style of <{tag}>", line)

    # URLs
    base = site.base_url
    for tag, attr, value, line in p.urls:
        value = value.strip()
        if is_merge_tag(value):
            if tag == "a" and attr == "href":
                result.merge_links.append(value)
            continue
        if not ABSOLUTE.match(value):
            out.add(f"<{tag} {attr}={value!r}> is not an absolute URL (http:, https:, mailto:, tel: or a merge tag)",
                    line)
            continue
        if value.lower().startswith(("http://", "https://")) and value.startswith(base):
            target = site.file_of_url(value)
            if target is None or not target.is_file():
                out.add(f"<{tag} {attr}={value!r}>: the site has no such file", line)
        if tag == "a" and attr == "href":
            if value.startswith(base):
                if value != web_url:  # the web version's URL is asked for on its own
                    result.site_links.append(value)
            else:
                result.other_links.append(value)

    # lang
    if not p.html_lang:
        out.add("<html> has no lang")
    elif p.html_lang.split("-")[0].lower() != site.lang.lower():
        out.add(f"<html lang={p.html_lang!r}> is not the site's language {site.lang!r}")
    if not p.body_seen:
        out.add("has no <body>")
    elif not p.lang_in_body:
        out.add("no element inside <body> has a lang (Outlook.com and Gmail drop <html>): put it on the wrapper")

    # tables and widths
    for t in p.tables:
        if not t.has_th and (t.role or "").strip().lower() != "presentation":
            out.add(f"layout <table> without role=\"presentation\""
                    + (f" (role={t.role!r})" if t.role else ""), t.line)
    for tag, width, line in p.widths:
        w = number(width)
        if w is not None and w > MAX_WIDTH:
            out.add(f"<{tag} width={width!r}> is wider than {MAX_WIDTH} px", line)
    for tag, style, line in p.style_attrs:
        for m in CSS_WIDTH.finditer(style):
            if float(m.group(2)) > MAX_WIDTH:
                out.add(f"<{tag} style=\"…{m.group(0)}…\"> is wider than {MAX_WIDTH} px", line)
    if p.tables and not any(number(t.width or "") for t in p.tables):
        out.add("no <table> has a width in pixels: a fixed-width wrapper (width=\"600\") is needed for Outlook")
    if not p.tables:
        out.add("no <table>: the layout must be table-based (SITE.md)")

    # images
    for img in p.images:
        src = img.attrs.get("src", "")
        what = f"<img src={src[-60:]!r}>"
        if "alt" not in img.attrs:
            out.add(f"{what} has no alt (alt=\"\" for decoration)", img.line)
        if "width" not in img.attrs:
            out.add(f"{what} has no width", img.line)
        elif not re.fullmatch(r"\d+", img.attrs["width"].strip()):
            out.add(f"{what} width={img.attrs['width']!r} is not a number of pixels", img.line)

    # preheader
    if p.preheader is None:
        out.add("no preheader: no element in <body> with style display:none "
                "(<div class=\"preheader\" style=\"display:none;...\">TEXT</div> first in <body>)")
    else:
        result.preheader = squeeze(p.preheader_text.strip(FILLER))
        result.preheader = result.preheader.strip(FILLER)
        if not result.preheader:
            out.add("the preheader (display:none) has no text", p.preheader.line)
        if p.text_before_preheader.strip(FILLER):
            out.add(f"visible text comes before the preheader, so mail programs preview that instead: "
                    f"{squeeze(p.text_before_preheader)[:60]!r}", p.preheader.line)
    result.visible = squeeze(" ".join(p.visible_text))

    # view in browser
    if not any(href.strip() == web_url for href, _ in p.anchors):
        out.add(f"no link to the web version {web_url} (\"view in browser\")")
    return result


# --------------------------------------------------------------------------
# email.txt


def txt_urls(text: str) -> set[str]:
    """URLs written out in a plain-text mail: <...> spans joined first (RFC 3986 Appendix C)."""
    def join(m: re.Match) -> str:
        inner = re.sub(r"\s*\n\s*", "", m.group(1).replace("\r", "")).strip()
        return f"<{inner}>"

    joined = re.sub(r"<(\s*(?:https?://|mailto:|tel:)[^<>]*)>", join, text, flags=re.I)
    urls = set()
    for m in re.finditer(r"<((?:https?://|mailto:|tel:)[^<>\s]*)>", joined, re.I):
        urls.add(m.group(1))
    for m in TXT_URL.finditer(joined):
        urls.add(m.group(0).rstrip(".,;:!?)>]'\""))
    return urls


def characters(line: str) -> int:
    """Characters as a reader counts them: code points after NFC, less the combining marks,
    joiners, variation selectors and skin-tone modifiers that join a character before them
    (close to Unicode's grapheme clusters, which Swift counts, without a package)."""
    line = unicodedata.normalize("NFC", line)
    return sum(1 for c in line if not (unicodedata.combining(c) or c in "\u200d\u20e3"
                                       or "\ufe00" <= c <= "\ufe0f" or "\U0001f3fb" <= c <= "\U0001f3ff"))


def check_email_txt(data: bytes, web_url: str, em: EmailHtml | None, out: Findings) -> None:
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as e:
        out.add(f"not UTF-8: {e}")
        return
    long = [(n, characters(line)) for n, line in enumerate(re.split(r"\r\n|\r|\n", text), 1)
            if characters(line) > TXT_LINE]
    if long:
        out.add(f"{len(long)} line(s) longer than {TXT_LINE} characters: "
                + listed([f"line {n} ({size})" for n, size in long], MAX_LINES_LISTED), long[0][0])
    urls = txt_urls(text)
    if web_url not in urls:
        out.add(f"does not write out the web version's URL {web_url}")
    if em is None:
        return
    flat = squeeze(text)
    if em.preheader and em.preheader in flat and em.preheader not in em.visible:
        out.add(f"has the preheader text, which is only for the preview: {em.preheader[:70]!r}")
    missing = sorted({u for u in em.site_links if u not in urls})
    if missing:
        out.add(f"{len(missing)} link(s) of email.html to the site not written out: {listed(missing, 4)}")
    tags = sorted({t for t in em.merge_links if t not in text})
    if tags:
        out.add(f"merge-tag link(s) of email.html (the unsubscribe line) not in the text: {listed(tags, 4)}")


# --------------------------------------------------------------------------
# email.eml


@dataclass
class Eml:
    date: object = None  # datetime, for "newest"
    subject: str | None = None
    list_unsubscribe: list[str] | None = None  # the URIs of List-Unsubscribe, when it is there
    one_click: bool = False  # List-Unsubscribe-Post: List-Unsubscribe=One-Click


LIST_UNSUBSCRIBE = re.compile(r"^\s*<([^<>]*)>\s*(?:,\s*<([^<>]*)>\s*)*$")
ONE_CLICK = "List-Unsubscribe=One-Click"  # RFC 8058 3.1


def check_list_unsubscribe(msg, html_links: list[str] | None, out: Findings, info: Eml) -> None:
    """List-Unsubscribe (RFC 2369) and List-Unsubscribe-Post (RFC 8058), one with the other and
    with the links of email.html."""
    values = msg.get_all("List-Unsubscribe") or []
    posts = msg.get_all("List-Unsubscribe-Post") or []
    if len(values) > 1:
        out.add(f"List-Unsubscribe appears {len(values)} times (one header, a list of URIs)")
    if len(posts) > 1:
        out.add(f"List-Unsubscribe-Post appears {len(posts)} times (RFC 8058: one)")
    https = False
    if values:
        raw = " ".join(str(values[0]).split())  # unfolded
        if not LIST_UNSUBSCRIBE.match(raw):
            out.add(f"List-Unsubscribe {raw!r} is not a comma-separated list of <URI>s (RFC 2369 3.1)")
            uris = []
        else:
            uris = re.findall(r"<([^<>]*)>", raw)
        info.list_unsubscribe = uris
        for uri in uris:
            if re.fullmatch(r"mailto:[^@\s<>]+@[^@\s<>?]+(\?\S*)?", uri, re.I):
                pass
            elif re.fullmatch(r"https://[^/\s<>?#]+\S*", uri, re.I):
                https = True
            else:
                out.add(f"List-Unsubscribe <{uri}> is neither a mailto: address nor an https: URL"
                        + (" (a merge tag: the mail tool writes this header itself, leave it out)"
                           if is_merge_tag(uri) else ""))
                continue
            if html_links is not None and uri not in html_links:
                out.add(f"List-Unsubscribe <{uri}> is not a link of email.html (its unsubscribe link comes from "
                        f"the same setting, newsletter_unsubscribe)")
        if not uris:
            out.add("List-Unsubscribe holds no URI")
    if posts:
        post = " ".join(str(posts[0]).split())
        if post != ONE_CLICK:
            out.add(f"List-Unsubscribe-Post is {post!r}, must be {ONE_CLICK!r} (RFC 8058 3.1)")
        if not https:
            out.add("List-Unsubscribe-Post without an https: URI in List-Unsubscribe (RFC 8058 3.1: one-click "
                    "needs an HTTPS URI to POST to)")
        info.one_click = post == ONE_CLICK and https
    elif https:
        out.add(f"List-Unsubscribe has an https: URI but there is no List-Unsubscribe-Post: {ONE_CLICK} "
                f"(RFC 8058; the contract of issue 20)")


def check_email_eml(data: bytes, html_data: bytes | None, txt_data: bytes | None, titles: list[str],
                    out: Findings, notes: list[str], html_links: list[str] | None = None) -> Eml:
    """html_links: the hrefs of email.html's links (None: not known), for List-Unsubscribe."""
    info = Eml()
    lines = physical_lines(data)
    bare_lf = [n for n, (_, end) in enumerate(lines, 1) if end == b"\n"]
    bare_cr = [n for n, (_, end) in enumerate(lines, 1) if end == b"\r"]
    if bare_lf:
        out.add(f"{len(bare_lf)} line(s) end with a bare LF, not CRLF (RFC 5322 2.1): "
                f"{line_numbers(bare_lf)}", bare_lf[0])
    if bare_cr:
        out.add(f"{len(bare_cr)} line(s) end with a bare CR, not CRLF (RFC 5322 2.1): "
                f"{line_numbers(bare_cr)}", bare_cr[0])
    over = [(n, len(c)) for n, (c, _) in enumerate(lines, 1) if len(c) > EML_LINE]
    if over:
        out.add(f"{len(over)} line(s) longer than {EML_LINE} octets (RFC 5322 2.1.1): "
                + listed([f"line {n} ({size})" for n, size in over], MAX_LINES_LISTED), over[0][0])
    wide = [n for n, (c, _) in enumerate(lines, 1) if TXT_LINE < len(c) <= EML_LINE]
    if wide:
        notes.append(f"{out.rel}: {len(wide)} line(s) longer than 78 octets (RFC 5322 says SHOULD NOT): "
                     f"{line_numbers(wide)}")

    # The raw header block: ASCII only (RFC 5322 2.2; RFC 2047 for other text)
    header_end = len(lines)
    for n, (c, _) in enumerate(lines):
        if c == b"":
            header_end = n
            break
    name = b""
    for n, (c, _) in enumerate(lines[:header_end], 1):
        if c[:1] not in (b" ", b"\t"):
            name = c.split(b":", 1)[0]
        if any(b > 127 for b in c):
            out.add(f"{name.decode('ascii', 'replace')} header has non-ASCII octets (RFC 5322 2.2; "
                    f"encode it as RFC 2047 says): {c[:60]!r}", n)
    msg = email.message_from_bytes(data, policy=email.policy.default)
    for defect in msg.defects:
        out.add(f"parser defect: {type(defect).__name__}: {defect}")

    def header(name: str):
        try:
            value = msg[name]
        except Exception as e:  # a header the parser cannot make sense of
            out.add(f"{name}: cannot be read: {e}")
            return None
        if value is None:
            out.add(f"no {name} header")
            return None
        for defect in getattr(value, "defects", ()):
            out.add(f"{name}: {type(defect).__name__}: {defect}")
        return value

    subject = header("Subject")
    if subject is not None:
        info.subject = squeeze(str(subject))
        if titles and info.subject not in titles:
            out.add(f"Subject {info.subject!r} is not the web version's title ({' / '.join(map(repr, titles))})")
        if not titles:
            out.add("the web version has neither <h1> nor <title> to compare the Subject with")
    sender = header("From")
    if sender is not None:
        addresses = getattr(sender, "addresses", ())
        if not any("@" in a.addr_spec for a in addresses):
            out.add(f"From {str(sender)!r} has no address")
    date = header("Date")
    if date is not None:
        info.date = getattr(date, "datetime", None)
        if info.date is None:
            out.add(f"Date {str(date)!r} is not an RFC 5322 date")
    version = header("MIME-Version")
    if version is not None and str(version).strip() != "1.0":
        out.add(f"MIME-Version is {str(version)!r}, not 1.0")
    message_id = header("Message-ID")
    if message_id is not None and not re.fullmatch(r"<[^<>@\s]+@[^<>@\s]+>", str(message_id).strip()):
        out.add(f"Message-ID {str(message_id)!r} is not <left@right>")
    check_list_unsubscribe(msg, html_links, out, info)

    if msg.get_content_type() != "multipart/alternative":
        out.add(f"is {msg.get_content_type()}, not multipart/alternative")
        return info
    parts = list(msg.iter_parts())
    kinds = [part.get_content_type() for part in parts]
    if sorted(kinds) != ["text/html", "text/plain"]:
        out.add(f"parts are {kinds}: must be exactly text/plain and text/html")
    elif kinds != ["text/plain", "text/html"]:
        out.add("text/html must be the last part, the one mail programs prefer (RFC 2046 5.1.4)")
    for part in parts:
        kind = part.get_content_type()
        for defect in part.defects:
            out.add(f"{kind} part: parser defect: {type(defect).__name__}: {defect}")
        if kind not in ("text/plain", "text/html"):
            continue
        charset = part.get_content_charset()
        if charset != "utf-8":
            out.add(f"{kind} part has charset {charset!r}, not utf-8")
        payload = part.get_payload(decode=True) or b""
        want, name = (txt_data, "email.txt") if kind == "text/plain" else (html_data, "email.html")
        if want is None:
            continue
        a = payload.replace(b"\r\n", b"\n")
        b = want.replace(b"\r\n", b"\n")
        if a != b:
            out.add(f"the decoded {kind} part is not {name}: {first_difference(a, b)}")
    return info


# --------------------------------------------------------------------------
# Issues and archives


@dataclass
class Issue:
    folder: Path
    network: str | None  # None: site-wide
    slug: str
    web_url: str
    eml: Eml = field(default_factory=Eml)
    title: str = ""


def find_issues(site, report: Report) -> list[Issue]:
    folders = sorted({p.parent for name in EMAIL_FILES for p in site.root.rglob(name)})
    section = site.words["newsletters"]
    issues = []
    for folder in folders:
        rel = folder.relative_to(site.root).parts
        if not rel or rel[0] != section or len(rel) not in (2, 3):
            report.findings.append(f"{site.rel(folder)}/: email files outside {section}/<network>/<slug>/ "
                                   f"or {section}/<slug>/ (SITE.md, Site map)")
            continue
        web = folder / "index.html"
        issues.append(Issue(folder, rel[1] if len(rel) == 3 else None, rel[-1], site.url_of(web)))
    return issues


def check_issue(site, issue: Issue, report: Report) -> None:
    rel = site.rel(issue.folder)
    web = issue.folder / "index.html"
    missing = [n for n in ("index.html",) + EMAIL_FILES if not (issue.folder / n).is_file()]
    if missing:
        report.findings.append(f"{rel}/: has no {', '.join(missing)} (an issue has its web version and "
                               f"email.html, email.txt and email.eml beside it)")
    titles: list[str] = []
    if web.is_file():
        titles = page_titles(web)
        issue.title = titles[0] if titles else ""
        canonical = page(web).canonical
        if canonical and canonical != issue.web_url:
            report.findings.append(f"{site.rel(web)}: canonical {canonical} is not its URL {issue.web_url}")
    data = {n: (issue.folder / n).read_bytes() for n in EMAIL_FILES if (issue.folder / n).is_file()}
    em = None
    if "email.html" in data:
        out = Findings(f"{rel}/email.html")
        em = check_email_html(site, data["email.html"], issue.web_url, out)
        if SIZE_NOTE <= len(data["email.html"]) < SIZE_ERROR:
            report.notes.append(f"{rel}/email.html: {len(data['email.html'])} octets, 90 KB or more "
                                f"(Gmail clips at about 100 KB)")
        report.findings += out
    if "email.txt" in data:
        out = Findings(f"{rel}/email.txt")
        check_email_txt(data["email.txt"], issue.web_url, em, out)
        report.findings += out
        if em and em.other_links:
            urls = txt_urls(data["email.txt"].decode("utf-8", "replace"))
            absent = sorted({u for u in em.other_links if u not in urls})
            if absent:
                report.notes.append(f"{rel}/email.txt: {len(absent)} external link(s) of email.html not written "
                                    f"out: {listed(absent, 3)}")
    if "email.eml" in data:
        out = Findings(f"{rel}/email.eml")
        issue.eml = check_email_eml(data["email.eml"], data.get("email.html"), data.get("email.txt"),
                                    titles, out, report.notes,
                                    html_links=(em.site_links + em.other_links + [issue.web_url]) if em else None)
        report.findings += out


def newest(site, issues: list[Issue], archive: Path | None) -> Issue:
    order = linked_files(site, archive) if archive and archive.is_file() else []
    rank = {p.parent: n for n, p in enumerate(order)}

    def key(i: Issue):
        stamp = i.eml.date.timestamp() if i.eml.date is not None else 0
        return (stamp, -rank.get(i.folder, len(rank)), i.slug)

    return max(issues, key=key)


def check_feed(site, network: str, issues: list[Issue], report: Report) -> None:
    path = site.root / site.words["newsletters"] / network / "feed.xml"
    rel = site.rel(path)
    if not path.is_file():
        report.findings.append(f"{rel}: missing (SITE.md: Atom feed of the network's newsletters)")
        return
    try:
        root = ET.parse(path).getroot()
    except ET.ParseError as e:
        report.findings.append(f"{rel}: not well-formed XML: {e}")
        return
    if root.tag != ATOM + "feed":
        report.findings.append(f"{rel}: root element is {root.tag}, not atom:feed")
        return
    own = {i.web_url: i for i in issues}
    in_feed = set()
    for n, entry in enumerate(root.findall(ATOM + "entry"), 1):
        content = entry.find(ATOM + "content")
        if content is None or not ("".join(content.itertext()).strip() or content.get("src")):
            report.findings.append(f"{rel}: entry {n} has no content (SITE.md: full content)")
        for link in entry.findall(ATOM + "link"):
            if link.get("rel", "alternate") != "alternate":
                continue
            href = urllib.parse.urljoin(site.url_of(path), link.get("href", ""))
            if href in own:
                in_feed.add(href)
            else:
                report.findings.append(f"{rel}: entry {n} links to {href}, not an issue of {network}")
    wanted = sorted(issues, key=lambda i: (i.eml.date.timestamp() if i.eml.date else 0), reverse=True)[:FEED_LIMIT]
    absent = [i.web_url for i in wanted if i.web_url not in in_feed]
    if absent:
        report.findings.append(f"{rel}: {len(absent)} issue(s) of {network} have no entry: {listed(absent, 4)}")


def check_archives(site, issues: list[Issue], report: Report) -> dict[str, Issue]:
    """The archive pages and feeds; returns the newest issue of each network ("" for site-wide)."""
    section = site.root / site.words["newsletters"]
    latest_word = LATEST.get(site.lang, LATEST["en"])
    top = section / "index.html"
    if not top.is_file():
        report.findings.append(f"{site.rel(top)}: missing (SITE.md: newsletters, all networks)")
    newest_of: dict[str, Issue] = {}
    groups: dict[str, list[Issue]] = {}
    for issue in issues:
        groups.setdefault(issue.network or "", []).append(issue)
    for network, group in sorted(groups.items()):
        archive = (section / network / "index.html") if network else top
        if network and not archive.is_file():
            report.findings.append(f"{site.rel(archive)}: missing (SITE.md: one network's newsletters)")
        if archive.is_file():
            linked = set(linked_files(site, archive))
            unlisted = [site.rel(i.folder) + "/" for i in group if i.folder / "index.html" not in linked]
            if unlisted:
                report.findings.append(f"{site.rel(archive)}: does not link {len(unlisted)} issue(s): "
                                       f"{listed(unlisted, 4)}")
        newest_of[network] = newest(site, group, archive)
        if not network:
            continue
        check_feed(site, network, group, report)
        latest = section / network / latest_word / "index.html"
        if not latest.is_file():
            report.findings.append(f"{site.rel(latest)}: missing (SITE.md: the network's newest issue)")
            continue
        n = newest_of[network]
        p = page(latest)
        refs = {urllib.parse.urljoin(site.url_of(latest), h) for h in [p.canonical, p.refresh] + p.hrefs if h}
        same_h1 = bool(p.h1) and n.title and squeeze(p.h1[0]) == n.title
        if n.web_url not in refs and not same_h1:
            report.findings.append(f"{site.rel(latest)}: neither links to nor shows the newest issue "
                                   f"{n.web_url} ({n.title!r})")
    return newest_of


# --------------------------------------------------------------------------
# Screenshots in headless Chromium


def render_copy(site, server, html_path: Path, tmp: Path) -> tuple[Path, list[str]]:
    """email.html with the base URL pointing at the local server; the other
    hosts it would load from, to block."""
    text = html_path.read_text(encoding="utf-8", errors="replace")
    text = text.replace(site.base_url, server.base)
    p = EmailParser()
    p.feed(CONDITIONAL.sub("", text))
    hosts = set()
    for tag, attr, value, _ in p.urls:
        if tag == "a" and attr == "href":
            continue
        parts = urllib.parse.urlsplit(value.strip())
        if parts.scheme in ("http", "https") and parts.netloc and not value.startswith(server.origin):
            hosts.add(parts.netloc)
    copy = tmp / f"{len(list(tmp.iterdir()))}.html"
    copy.write_text(text, encoding="utf-8")
    return copy, sorted(hosts)


def screenshots(site, server, shots: Path, make_driver, picks: list[Issue], report: Report) -> int:
    shots.mkdir(parents=True, exist_ok=True)
    for old in shots.glob("newsletter-*.png"):
        old.unlink()
    views, names = 0, set()
    driver = make_driver()
    try:
        driver.execute_cdp_cmd("Network.enable", {})
        # As on a phone: a scrollbar takes no width (else 320 px would be 305).
        driver.execute_cdp_cmd("Emulation.setScrollbarsHidden", {"hidden": True})
        with tempfile.TemporaryDirectory() as tmp:
            for issue in picks:
                html_path = issue.folder / "email.html"
                if not html_path.is_file():
                    continue
                rel = site.rel(html_path)
                name = issue.slug if issue.slug not in names else f"{issue.network}-{issue.slug}"
                names.add(name)
                copy, hosts = render_copy(site, server, html_path, Path(tmp))
                driver.execute_cdp_cmd("Network.setBlockedURLs",
                                       {"urls": [f"*://{h}/*" for h in hosts] or ["*://blocked.invalid/*"]})
                for width in SHOT_WIDTHS:
                    views += 1
                    driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", {
                        "width": width, "height": 900, "deviceScaleFactor": 1, "mobile": False})
                    driver.get(copy.as_uri())
                    scroll_w, client_w, scroll_h, inner_w, images = driver.execute_script(
                        "const e = document.documentElement;"
                        "const imgs = [...document.images].map(i => [i.getAttribute('src') || '',"
                        "  Math.round(i.getBoundingClientRect().width), i.naturalWidth]);"
                        "return [e.scrollWidth, e.clientWidth, e.scrollHeight, window.innerWidth, imgs];")
                    where = f"{rel} @{width}px"
                    if width < MAX_WIDTH and scroll_w > client_w:
                        wide = driver.execute_script(
                            "const w = document.documentElement.clientWidth; const out = [];"
                            "for (const el of document.querySelectorAll('body *')) {"
                            "  const r = el.getBoundingClientRect();"
                            "  if (r.right > w + 0.5) out.push(el.tagName.toLowerCase()"
                            "    + (el.className ? '.' + String(el.className).trim().split(/\\s+/).join('.') : '')"
                            "    + ' (right edge ' + Math.round(r.right) + ')');"
                            "} return out.slice(0, 5);")
                        report.findings.append(f"{where}: scrolls sideways: scrollWidth {scroll_w} > clientWidth "
                                               f"{client_w}; too wide: {', '.join(wide)}")
                    for src, shown, natural in images:
                        if shown > client_w:
                            src = src.replace(server.base, site.base_url)
                            report.findings.append(f"{where}: image {src[-60:]} is {shown} px wide, wider than "
                                                   f"the viewport ({client_w} px)")
                    save_full_page(driver, shots / f"newsletter-{name}-{width}.png", max(scroll_w, inner_w), scroll_h)
    finally:
        driver.quit()
    return views


# --------------------------------------------------------------------------


def check_site(site, server=None, shots: Path | None = None, make_driver=None) -> Report:
    """The `newsletter` check of gate.py. Screenshots only when server, shots
    and make_driver are given."""
    report = Report()
    _pages.clear()
    issues = find_issues(site, report)
    for issue in issues:
        check_issue(site, issue, report)
    if not issues:
        report.findings.append(f"no newsletter issue: no {site.words['newsletters']}/.../email.eml in the site "
                               f"(the site must publish its newsletters, SITE.md)")
        newest_of = {}
    else:
        newest_of = check_archives(site, issues, report)
    views = 0
    picks = [newest_of[k] for k in sorted(newest_of)]
    if picks and server is not None and shots is not None and make_driver is not None:
        views = screenshots(site, server, shots, make_driver, picks, report)
        report.notes.append("rendered: " + ", ".join(site.rel(i.folder) for i in picks))
    networks = len([k for k in newest_of if k])
    emls = [i for i in issues if (i.folder / "email.eml").is_file()]
    carrying = [i for i in emls if i.eml.list_unsubscribe is not None]
    one_click = sum(1 for i in carrying if i.eml.one_click)
    report.notes.append(f"{len(carrying)} of {len(emls)} email.eml carry List-Unsubscribe ({one_click} with one-click "
                        f"List-Unsubscribe-Post)" + (": " + listed(sorted({u for i in carrying
                                                                        for u in i.eml.list_unsubscribe}), 3)
                                                     if carrying else ""))
    report.summary = (f"{len(issues)} issues ({networks} networks, "
                      f"{sum(1 for i in issues if not i.network)} site-wide): eml, html and txt checked; "
                      f"{views} views in Chromium" + (f", screenshots in {shots}" if views else "")
                      + f"; {len(report.findings)} problems")
    return report


# --------------------------------------------------------------------------
# A small hand-made site, for the self-test and --sample


SAMPLE_BASE = "https://example.dk/"
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


def page_html(title: str, canonical: str, body: str = "") -> str:
    return (f'<!DOCTYPE html>\n<html lang="da">\n<head>\n<meta charset="utf-8">\n'
            f'<title>{title} · Eksempel</title>\n<link rel="canonical" href="{canonical}">\n</head>\n'
            f'<body>\n<main>\n<h1>{title}</h1>\n{body}</main>\n</body>\n</html>\n')


def write_sample(root: Path, html_text: str | None = None, txt_text: str | None = None,
                 eml: bytes | None = None) -> Path:
    """The good sample site under root (or one whose email files are replaced)."""
    nl = root / "nyhedsbreve"
    issue = nl / "landsby" / "nyhedsbrev-1"
    web_url = SAMPLE_BASE + "nyhedsbreve/landsby/nyhedsbrev-1/"
    for folder in (issue, nl / "landsby" / "seneste", root / "historier" / "morgenmoede",
                   root / "historier" / LONG_URL.rstrip("/").rsplit("/", 1)[1], root / "media"):
        folder.mkdir(parents=True, exist_ok=True)
    (root / "index.html").write_text(page_html("Eksempel", SAMPLE_BASE), encoding="utf-8")
    (root / "media" / "logo.png").write_bytes(base64.b64decode(
        "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg=="))
    for story in ("morgenmoede", LONG_URL.rstrip("/").rsplit("/", 1)[1]):
        (root / "historier" / story / "index.html").write_text(
            page_html("Historie", f"{SAMPLE_BASE}historier/{story}/"), encoding="utf-8")
    link = f'<ul><li><a href="/nyhedsbreve/landsby/nyhedsbrev-1/">{SAMPLE_TITLE}</a></li></ul>\n'
    (nl / "index.html").write_text(page_html("Nyhedsbreve", SAMPLE_BASE + "nyhedsbreve/", link), encoding="utf-8")
    (nl / "landsby" / "index.html").write_text(
        page_html("Landsby: nyhedsbreve", SAMPLE_BASE + "nyhedsbreve/landsby/", link), encoding="utf-8")
    (nl / "landsby" / "seneste" / "index.html").write_text(
        page_html(SAMPLE_TITLE, web_url, "<p>Seneste nummer.</p>\n"), encoding="utf-8")
    (issue / "index.html").write_text(page_html(SAMPLE_TITLE, web_url, "<p>Kære alle.</p>\n"), encoding="utf-8")
    (nl / "landsby" / "feed.xml").write_text(
        '<?xml version="1.0" encoding="utf-8"?>\n<feed xmlns="http://www.w3.org/2005/Atom">\n'
        f'<id>{SAMPLE_BASE}nyhedsbreve/landsby/</id><title>Landsby</title><updated>2026-12-07T08:00:00+01:00</updated>\n'
        f'<link rel="self" href="{SAMPLE_BASE}nyhedsbreve/landsby/feed.xml"/><author><name>Eksempel</name></author>\n'
        f'<entry><id>{web_url}</id><title>{SAMPLE_TITLE}</title><updated>2026-12-07T08:00:00+01:00</updated>\n'
        f'<link href="{web_url}"/><content type="html">&lt;p&gt;Kære alle.&lt;/p&gt;</content></entry>\n</feed>\n',
        encoding="utf-8")
    html_text = sample_html(web_url) if html_text is None else html_text
    txt_text = sample_txt(web_url) if txt_text is None else txt_text
    (issue / "email.html").write_text(html_text, encoding="utf-8")
    (issue / "email.txt").write_text(txt_text, encoding="utf-8")
    (issue / "email.eml").write_bytes(sample_eml(html_text, txt_text) if eml is None else eml)
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
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    from gate import Site

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


def main(argv: list[str]) -> int:
    if argv == ["--selftest"]:
        return selftest()
    if len(argv) == 2 and argv[0] == "--sample":
        issue = write_sample(Path(argv[1]))
        print(f"sample site written to {argv[1]} (issue {issue})")
        return 0
    import argparse

    ap = argparse.ArgumentParser(description="The newsletter check of gate.py, alone (without screenshots).")
    ap.add_argument("site", type=Path)
    args = ap.parse_args(argv)
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    from gate import Site

    return print_report(check_site(Site(args.site)))


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
