"""email.html of a newsletter issue (SITE.md, "Newsletters"), read in one
pass of Python's html.parser (EmailParser), Outlook's conditional comments
(<!--[if mso]>...<![endif]-->) opened so that the markup in them is checked
as well:

no <script>, no <link rel=stylesheet>, no @import; at most one <style> block,
holding only @media rules; every href, src, background and CSS url()
absolute (http:, https:, mailto:, tel:) or a mail tool's merge tag
(*|UNSUB|*, {{ x }}, %%x%%, [[x]], ...); links and images under the base URL
are files of the site; <html lang> with the site language and a `lang` on an
element inside <body>; role="presentation" on every <table> that has no
<th>; no `width` attribute and no CSS width, min-width or max-width in a
style attribute over 600 px, and a <table> with a pixel `width` (the
fixed-width wrapper for Outlook); every <img> with `alt` (may be empty) and a
numeric `width`; a preheader: an element whose style has display:none, with
text, before any visible text of <body> (the contract is `<div
class="preheader" style="display:none;...">TEXT</div>` first in <body>);
under 100 KB (102,400 octets; 90 KB and over is a note); a link to the web
version's URL ("view in browser").
"""

from __future__ import annotations

import html.parser
import re
from dataclasses import dataclass, field

from findings import Findings, listed
from octets import utf8_text
from pages import squeeze

MAX_WIDTH = 600  # px: the email's layout
SIZE_ERROR = 100 * 1024  # octets of email.html: Gmail clips long mail
SIZE_NOTE = 90 * 1024

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
    text = utf8_text(data, out)
    if text is None:
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
