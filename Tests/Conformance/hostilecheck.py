#!/usr/bin/env python3
"""Hostile input, issue 8: every output of the built hostile fixture, read with a real parser.

    .venv/bin/python Tests/Conformance/hostilecheck.py build/hostile [--content DIR]

Builds nothing: SITE is the output of `kreds build` over Tests/Fixtures/hostile/content (the
Makefile's `conformance` target does both). Every hostile string of the fixture starts with a
marker, `ZQ` and two digits. The checker reads the fixture's front matter for the text each
marker must arrive as (bodies: the table BODY_TEXT below), then reads every output the way its
consumers do:

- HTML pages and email.html: html5lib (the HTML5 parsing algorithm browsers use). No <script>
  but JSON-LD and the theme's empty external assets/embed.js, assets/time.js and assets/search.js, no element or attribute name the theme and the Markdown renderer do not make
  (so none the content made), no on* attribute, no javascript:/data:/vbscript: URL in
  href/src/action/formaction/background/poster/srcset or a meta refresh, no URL holding a
  character a URL cannot hold.
- The search index (<search>/data/*.json): json.loads, every string (titles, snippets, words)
  checked as text.
- JSON-LD: json.loads of each application/ld+json script, whose raw text holds no `</script`
  and no `<!--`.
- Atom: xml.etree and feedparser (not bozo); the `content` HTML parsed and checked as a page.
- sitemap.xml: xml.etree; every <loc> an https URL under base_url with no space, quote or bracket.
- iCal: icalendar; and on the raw unfolded lines, every property and parameter name one Kreds
  writes (an ATTENDEE or X-EVIL line from the content fails), BEGIN/END balanced.
- email.eml: email with policy.default: exactly the headers Kreds writes, no defects, Subject
  and From decoded as the content gave them, the parts decoding to email.txt and email.html.
- email.txt: the text, with lines joined.

Wherever a marker occurs in decoded text (text nodes and attribute values, JSON strings, XML
text, iCal values and parameters, header values), the text from the marker on must be the text
the editor wrote, white space collapsed (a text cut short with "…" may stop early). And each
marker must arrive in the outputs listed in REQUIRED. Every failure prints the file, what was
found and where. Exit status 1 on any failure.
"""

from __future__ import annotations

import argparse
import email
import email.policy
import json
import re
import sys
import xml.etree.ElementTree as ET
from pathlib import Path
from urllib.parse import unquote

import feedparser
import html5lib
import icalendar
import yaml

from pages import squeeze

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
DEFAULT_CONTENT = ROOT / "Tests" / "Fixtures" / "hostile" / "content"
MARKER = re.compile(r"ZQ\d\d")

# What a reader sees of the markers in Markdown bodies. Raw HTML in a body is omitted (CONTENT.md:
# `unsafe_html` is false), so `<script>` there vanishes rather than showing; in code spans and
# code blocks, and as escaped or entity text, it is shown literally.
BODY_TEXT = {
    "ZQ22": "ZQ22 Netværket alert(22) mødes.",
    "ZQ23": "ZQ23 <script>alert(23)</script>",
    "ZQ24": "ZQ24 <b>fed</b> & {{mustache}} ]]> -- ",
    "ZQ25": 'ZQ25 link ">',
    "ZQ48": "ZQ48 Vi ses.",
    "ZQ49": 'ZQ49 "><svg onload=alert(49)>',
    # `*…*` is emphasis in Markdown: the asterisks of a merge tag written in a body are markup.
    "ZQ50": "ZQ50 javascript:alert(50) data:text/html,x {{mustache}} |UNSUB|",
    "ZQ51": "ZQ51 celle",
    "ZQ52": "ZQ52 </td></table><script>x</script>",
    "ZQ61": "ZQ61 END:VCALENDAR",
    "ZQ63": "ZQ63 ]]> <script>alert(63)</script>",
    "ZQ73": "ZQ73 ZQ74 tekst",
    "ZQ74": "ZQ74 tekst",
    "ZQ75": 'ZQ75 titel "><script>',
    "ZQ76": 'ZQ76 alt " onerror="alert(76)',
    "ZQ86": "ZQ86 Første afsnit med alert(86) og {{mustache}} og ]]> og --.",
    "ZQ87": "ZQ87 <![CDATA[ ]]> </content></entry>",
    "ZQ88": "ZQ88 </code></pre><script>alert(88)</script>",
    "ZQ92": "ZQ92 Kære medlemmer alert(92) — fed og ZQ93 historien.",
    "ZQ93": "ZQ93 historien",
    "ZQ94": "ZQ94 --=_kreds_0000 Content-Type: text/html",
    "ZQ95": "ZQ95 {{mustache}} |UNSUB| %%unsubscribe%% ]]>",
    # The <style> tags are raw HTML, omitted; the text between them is text.
    "ZQ99": 'ZQ99 body{display:none} <base href="javascript:alert(99)//">',
}

# Markers that must arrive in each kind of output (at least once over all files of that kind).
REQUIRED = {
    "html": "ZQ01 ZQ02 ZQ03 ZQ10 ZQ11 ZQ12 ZQ13 ZQ14 ZQ15 ZQ16 ZQ17 ZQ18 ZQ19 ZQ20 ZQ21 ZQ22 ZQ23"
    " ZQ24 ZQ25 ZQ30 ZQ31 ZQ32 ZQ33 ZQ34 ZQ35 ZQ36 ZQ37 ZQ38 ZQ39 ZQ40 ZQ41 ZQ42 ZQ43 ZQ44 ZQ45"
    " ZQ47 ZQ48 ZQ49 ZQ50 ZQ51 ZQ52 ZQ55 ZQ56 ZQ57 ZQ58 ZQ59 ZQ60 ZQ61 ZQ63 ZQ65 ZQ66 ZQ67 ZQ70"
    " ZQ71 ZQ72 ZQ73 ZQ74 ZQ75 ZQ76 ZQ80 ZQ81 ZQ82 ZQ83 ZQ84 ZQ85 ZQ86 ZQ87 ZQ88 ZQ90 ZQ91 ZQ92"
    " ZQ93 ZQ94 ZQ95 ZQ97 ZQ98 ZQ99",
    "jsonld": "ZQ30 ZQ31 ZQ32 ZQ33 ZQ34 ZQ36 ZQ10 ZQ55 ZQ56 ZQ57 ZQ65 ZQ66 ZQ70 ZQ71",
    "atom": "ZQ01 ZQ03 ZQ10 ZQ11 ZQ80 ZQ81 ZQ82 ZQ84 ZQ85 ZQ86 ZQ87 ZQ88 ZQ90 ZQ91 ZQ92",
    "ical": "ZQ01 ZQ02 ZQ10 ZQ30 ZQ31 ZQ32 ZQ33 ZQ34 ZQ35 ZQ37 ZQ45 ZQ55 ZQ56 ZQ57 ZQ58 ZQ59 ZQ60"
    " ZQ46 ZQ65 ZQ66 ZQ67 ZQ70 ZQ71 ZQ72",
    "eml": "ZQ03 ZQ90",
    "email-html": "ZQ01 ZQ04 ZQ10 ZQ14 ZQ30 ZQ55 ZQ80 ZQ81 ZQ90 ZQ91 ZQ92 ZQ94 ZQ95",
    "email-txt": "ZQ01 ZQ04 ZQ10 ZQ14 ZQ30 ZQ55 ZQ80 ZQ81 ZQ90 ZQ92 ZQ94 ZQ95",
    # The search index's documents (titles, snippets) and words, as JSON.
    "search": "ZQ10 ZQ11 ZQ22 ZQ23 ZQ24 ZQ25 ZQ30 ZQ31 ZQ48 ZQ50 ZQ52 ZQ55 ZQ56 ZQ63 ZQ65 ZQ70 ZQ80"
    " ZQ81 ZQ86 ZQ88 ZQ90 ZQ91 ZQ92 ZQ95 ZQ99",
}

# Element names the theme and the Markdown renderer make; anything else came from content.
MARKDOWN_ELEMENTS = {
    "p", "a", "em", "strong", "del", "code", "pre", "blockquote", "ul", "ol", "li", "hr", "br",
    "h2", "h3", "h4", "h5", "h6", "img", "table", "thead", "tbody", "tr", "th", "td", "div",
    "input", "section", "sup",
}
PARSER_ELEMENTS = {"html", "head", "body"}
# The JSON-LD element comes from code (`jsonLDHTML`); its type is checked on its own.
CODE_ELEMENTS = {"script"}
EXTRA_ATTRIBUTES = {"align", "checked", "disabled", "data-footnotes", "data-footnote-ref",
                    "data-footnote-backref", "data-footnote-backref-idx", "lang", "xmlns",
                    "xmlns:xlink", "dir", "start", "open", "aria-label", "download", "hidden",
                    "defer"}
URL_ATTRIBUTES = {"href", "src", "action", "formaction", "background", "poster", "srcset",
                  "xlink:href", "cite", "data", "ping"}
BAD_SCHEMES = ("javascript:", "data:", "vbscript:")
# What ICalWriter writes; a property or parameter outside these came from content.
ICAL_PROPERTIES = {
    "BEGIN", "END", "VERSION", "PRODID", "CALSCALE", "METHOD", "NAME", "X-WR-CALNAME",
    "X-WR-CALDESC", "DESCRIPTION", "X-WR-TIMEZONE", "REFRESH-INTERVAL", "X-PUBLISHED-TTL",
    "TZID", "TZNAME", "TZOFFSETFROM", "TZOFFSETTO", "DTSTART", "DTEND", "DTSTAMP", "RRULE",
    "EXDATE", "UID", "SUMMARY", "URL", "LOCATION", "STATUS", "SEQUENCE", "CATEGORIES",
    "ORGANIZER", "CONFERENCE", "LAST-MODIFIED",
}
ICAL_PARAMETERS = {"TZID", "VALUE", "CN", "FEATURE", "LABEL"}
ICAL_COMPONENTS = {"VCALENDAR", "VTIMEZONE", "STANDARD", "DAYLIGHT", "VEVENT"}
EML_HEADERS = ["From", "Subject", "Date", "Message-ID", "MIME-Version", "Content-Type",
               "X-Unsent"]


class Checker:
    def __init__(self, site: Path, content: Path):
        self.site = site
        self.content = content
        self.failures: list[str] = []
        self.found: dict[str, set[str]] = {kind: set() for kind in REQUIRED}
        self.expected = self.read_expected()
        self.files = 0
        self.settings = yaml.safe_load((content / "site.yaml").read_text(encoding="utf-8"))
        self.theme_elements, self.theme_attributes = self.read_theme()

    # -- expectations -------------------------------------------------------------------------

    def read_expected(self) -> dict[str, str]:
        expected = dict(BODY_TEXT)

        def walk(value):
            if isinstance(value, str):
                for match in MARKER.finditer(value):
                    if match.start() == 0:
                        expected[match.group()] = squeeze(value)
            elif isinstance(value, dict):
                for item in value.values():
                    walk(item)
            elif isinstance(value, list):
                for item in value:
                    walk(item)

        for path in sorted(self.content.rglob("*")):
            if path.suffix == ".md":
                text = path.read_text(encoding="utf-8")
                front = text.split("\n---\n", 1)[0].removeprefix("---\n")
                walk(yaml.safe_load(front))
            elif path.name == "site.yaml":
                walk(yaml.safe_load(path.read_text(encoding="utf-8")))
        return expected

    def read_theme(self) -> tuple[set[str], set[str]]:
        elements = set(PARSER_ELEMENTS | MARKDOWN_ELEMENTS | CODE_ELEMENTS)
        attributes = set(EXTRA_ATTRIBUTES)
        for template in (ROOT / "templates").glob("*.mustache"):
            text = template.read_text(encoding="utf-8")
            elements |= set(re.findall(r"<([a-z][a-z0-9]*)", text)) - {"layout"}
            attributes |= set(re.findall(r"\s([a-z][a-z0-9:-]*)=\"", text))
        attributes |= {"colspan", "rowspan"}
        return elements, attributes

    # -- reporting ----------------------------------------------------------------------------

    def fail(self, path: Path | str, where: str, message: str):
        name = path.relative_to(self.site) if isinstance(path, Path) else path
        self.failures.append(f"{name}: {where}: {message}")

    def text(self, kind: str | None, path: Path | str, where: str, value: str, transform=None):
        """Checks every marker in `value` arrived as the text the editor wrote (passed through
        `transform` first, for outputs that cannot hold some characters)."""
        flat = squeeze(value)
        for match in MARKER.finditer(flat):
            marker = match.group()
            want = self.expected.get(marker)
            if want is None:
                self.fail(path, where, f"unknown marker {marker} in {flat[:80]!r}")
                continue
            if transform:
                want = squeeze(transform(want))
            got = flat[match.start():match.start() + len(want)]
            if got != want:
                cut = flat[match.start():].split("…", 1)[0].rstrip()
                if "…" in flat[match.start():match.start() + len(want) + 1] and want.startswith(cut):
                    pass  # cut short on purpose (a description), but intact up to the cut
                else:
                    self.fail(path, where, f"{marker} arrived as {got!r}, expected {want!r}")
                    continue
            if kind:
                self.found[kind].add(marker)

    # -- HTML ---------------------------------------------------------------------------------

    def check_html_tree(self, path: Path, document, kind: str, label: str = ""):
        where_prefix = label + " " if label else ""
        namespace = "{http://www.w3.org/1999/xhtml}"
        for element in document.iter():
            if not isinstance(element.tag, str) or element.tag == "DOCUMENT_FRAGMENT":
                continue  # a comment, or the root html5lib gives a fragment
            tag = element.tag.removeprefix(namespace)
            where = f"{where_prefix}<{tag}>"
            if tag.startswith("{"):
                self.fail(path, where, "a foreign (SVG or MathML) element the theme does not make")
                continue
            if tag not in self.theme_elements:
                self.fail(path, where, f"element <{tag}> that the theme does not make: content "
                          f"became markup (text {squeeze(''.join(element.itertext()))[:60]!r})")
            # The theme's three external scripts, empty: the embeddable lists' assets/embed.js,
            # every page's assets/time.js and the search page's assets/search.js, exactly as the
            # templates write them.
            src = element.get("src") or ""
            theme_script = (tag == "script" and not "".join(element.itertext()).strip()
                            and src.endswith(("/assets/embed.js", "/assets/time.js", "/assets/search.js")))
            if tag == "script" and element.get("type") != "application/ld+json" and not theme_script:
                self.fail(path, where, f"a <script> element: {''.join(element.itertext())[:60]!r}")
            if tag == "meta" and (element.get("http-equiv") or "").lower() == "refresh":
                self.fail(path, where, "a meta refresh")
            for name, value in element.attrib.items():
                if name.startswith("{"):
                    name = name.split("}", 1)[1]
                if name.lower().startswith("on"):
                    self.fail(path, where, f"event handler attribute {name}={value!r}")
                elif name not in self.theme_attributes and not name.startswith("data-"):
                    self.fail(path, where, f"attribute {name}={value!r} that the theme does not make")
                if name.lower() in URL_ATTRIBUTES:
                    scheme = re.sub(r"[\x00-\x20]", "", value).lower()
                    if scheme.startswith(BAD_SCHEMES):
                        self.fail(path, where, f"{name}={value!r}: a script or data URL")
                    merge_tag = value == self.settings.get("newsletter_unsubscribe")
                    if re.search(r"[\s\"<>\\^`{|}]", value) and not merge_tag:
                        self.fail(path, where, f"{name}={value!r}: characters a URL cannot hold")
                    if tag == "img" and name == "src" and not re.match(r"(https?:|/)", value):
                        self.fail(path, where, f"<img src={value!r}> that the theme does not make")
                if name.lower() in URL_ATTRIBUTES:
                    # Text in a URL (a calendar link's title) is percent-encoded.
                    value = unquote(value.replace("+", " ") if "google.com" in value else value)
                self.text(kind, path, f"{where} @{name}", value)
            if tag == "script" and element.get("type") == "application/ld+json":
                self.check_jsonld(path, "".join(element.itertext()))
        self.text(kind, path, where_prefix + "text", self.visible_text(document))
        for snippet in self.embed_snippets(document):
            self.check_embed_snippet(path, snippet)

    @staticmethod
    def is_embed_snippet(element) -> bool:
        return element.tag.endswith("pre") and "embed-code" in (element.get("class") or "").split()

    @classmethod
    def embed_snippets(cls, document) -> list[str]:
        """The text of each `<pre class="embed-code">`: HTML source a partner copies."""
        return ["".join(e.itertext()) for e in document.iter()
                if isinstance(e.tag, str) and cls.is_embed_snippet(e)]

    def check_embed_snippet(self, path: Path, source: str):
        """A snippet is source code, shown as text: pasted into a page it must be one <iframe>
        whose title is the text the editor wrote, and nothing else."""
        if not source.startswith("<iframe"):
            return  # an address with parameters, not markup
        fragment = html5lib.HTMLParser(strict=False, namespaceHTMLElements=False).parseFragment(source)
        elements = [e for e in fragment.iter() if isinstance(e.tag, str) and e is not fragment]
        if [e.tag for e in elements] != ["iframe"]:
            self.fail(path, "embed snippet", f"pasted, it makes {[e.tag for e in elements]}, not one <iframe>")
            return
        frame = elements[0]
        extra = set(frame.attrib) - {"src", "title", "style", "loading"}
        if extra:
            self.fail(path, "embed snippet", f"the <iframe> has attributes {sorted(extra)}")
        if not (frame.get("src") or "").startswith(("https://", "http://")):
            self.fail(path, "embed snippet", f"src {frame.get('src')!r} is not an absolute web address")
        self.text(None, path, "embed snippet title", frame.get("title") or "")

    @classmethod
    def visible_text(cls, document) -> str:
        """All text of the tree in document order, comments, JSON-LD and embed snippets (source
        code, checked on their own) left out."""
        parts: list[str] = []

        def walk(element):
            if not isinstance(element.tag, str) or element.tag.endswith("script"):
                return  # a comment, or JSON-LD (checked on its own)
            if cls.is_embed_snippet(element):
                return  # its tail is added by the loop over its parent's children
            if element.text:
                parts.append(element.text)
            for child in element:
                walk(child)
                if child.tail:
                    parts.append(child.tail)

        walk(document)
        return "".join(parts)

    def check_html(self, path: Path, kind: str):
        raw = path.read_text(encoding="utf-8")
        parser = html5lib.HTMLParser(strict=False, namespaceHTMLElements=True)
        document = parser.parse(raw)
        self.check_html_tree(path, document, kind)
        for match in re.finditer(r"<script type=\"application/ld\+json\">(.*?)</script>", raw, re.S):
            if "<!--" in match.group(1) or "</script" in match.group(1).lower():
                self.fail(path, "JSON-LD", "the script text could end the element or open a comment")

    def check_jsonld(self, path: Path, text: str):
        if "</script" in text.lower() or "<!--" in text:
            self.fail(path, "JSON-LD", "the script text holds '</script' or '<!--'")
        try:
            data = json.loads(text)
        except ValueError as error:
            self.fail(path, "JSON-LD", f"not JSON: {error}: {text[:80]!r}")
            return

        def walk(value, where):
            if isinstance(value, str):
                self.text("jsonld", path, f"JSON-LD {where}", value)
            elif isinstance(value, dict):
                for key, item in value.items():
                    walk(item, f"{where}.{key}")
            elif isinstance(value, list):
                for index, item in enumerate(value):
                    walk(item, f"{where}[{index}]")

        walk(data, "$")

    # -- feeds and sitemap --------------------------------------------------------------------

    def check_atom(self, path: Path):
        raw = path.read_bytes()
        try:
            root = ET.fromstring(raw)
        except ET.ParseError as error:
            self.fail(path, "XML", f"not well-formed: {error}")
            return
        parsed = feedparser.parse(raw)
        if parsed.bozo:
            self.fail(path, "feedparser", f"bozo: {parsed.bozo_exception}")
        atom = "{http://www.w3.org/2005/Atom}"
        known = {"feed", "title", "subtitle", "id", "link", "updated", "author", "name", "email",
                 "uri", "generator", "entry", "published", "category", "summary", "content"}
        for element in root.iter():
            tag = element.tag.removeprefix(atom)
            if tag not in known:
                self.fail(path, f"<{element.tag}>", "an element Kreds does not write")
            for name, value in element.attrib.items():
                self.text("atom", path, f"<{tag}> @{name}", value)
            if tag == "content" and element.get("type") == "html":
                fragment = html5lib.HTMLParser(namespaceHTMLElements=True).parseFragment(
                    element.text or "")
                self.check_html_tree(path, fragment, "atom", label="<content> HTML")
            elif element.text:
                self.text("atom", path, f"<{tag}>", element.text)

    def check_sitemap(self, path: Path):
        try:
            root = ET.fromstring(path.read_bytes())
        except ET.ParseError as error:
            self.fail(path, "XML", f"not well-formed: {error}")
            return
        base = self.settings["base_url"]
        for loc in root.iter("{http://www.sitemaps.org/schemas/sitemap/0.9}loc"):
            url = loc.text or ""
            if not url.startswith(base) or re.search(r"[\s\"'<>\\{}]", url) or MARKER.search(url):
                self.fail(path, "<loc>", f"{url!r} is not a clean URL under {base}")

    # -- iCal ---------------------------------------------------------------------------------

    def check_ical(self, path: Path):
        raw = path.read_bytes().decode("utf-8")
        unfolded = raw.replace("\r\n ", "")
        stack: list[str] = []
        for number, line in enumerate(unfolded.split("\r\n"), 1):
            if not line:
                continue
            match = re.match(r"([A-Za-z0-9-]+)((?:;[A-Za-z0-9-]+=(?:\"[^\"]*\"|[^\";:,]*)"
                             r"(?:,(?:\"[^\"]*\"|[^\";:,]*))*)*):(.*)\Z", line, re.S)
            if not match:
                self.fail(path, f"line {number}", f"not a content line: {line[:80]!r}")
                continue
            name, parameters, value = match.groups()
            if name not in ICAL_PROPERTIES:
                self.fail(path, f"line {number}", f"property {name} that Kreds does not write: "
                          f"content became a property ({line[:80]!r})")
            for parameter in re.findall(r";([A-Za-z0-9-]+)=", re.sub(r"\"[^\"]*\"", "", parameters)):
                if parameter not in ICAL_PARAMETERS:
                    self.fail(path, f"line {number}", f"parameter {parameter} that Kreds does not "
                              f"write ({line[:80]!r})")
            if name == "BEGIN":
                if value not in ICAL_COMPONENTS:
                    self.fail(path, f"line {number}", f"component {value!r} Kreds does not write")
                stack.append(value)
            elif name == "END":
                if not stack or stack.pop() != value:
                    self.fail(path, f"line {number}", f"END:{value} does not close its BEGIN")
        if stack:
            self.fail(path, "end", f"components left open: {stack}")
        try:
            calendar = icalendar.Calendar.from_ical(raw)
        except ValueError as error:
            self.fail(path, "icalendar", f"does not parse: {error}")
            return
        events = list(calendar.walk("VEVENT"))
        if "/arrangementer/" in str(path) and len(events) != 1:
            self.fail(path, "VEVENT", f"{len(events)} VEVENTs in an event's own file")
        for component in calendar.walk():
            if getattr(component, "errors", None):
                self.fail(path, component.name, f"icalendar errors: {component.errors}")
            for name, value in component.property_items(recursive=False):
                if name in ("BEGIN", "END"):
                    continue
                where = f"{component.name} {name}"
                if name == "CATEGORIES":
                    for category in component.get("CATEGORIES").cats:
                        self.text("ical", path, where, str(category))
                    continue
                if hasattr(value, "params"):
                    for key, parameter in value.params.items():
                        # A parameter value cannot hold `"` (RFC 5545 3.2); Kreds leaves it out.
                        self.text("ical", path, f"{where};{key}", str(parameter),
                                  transform=lambda text: text.replace('"', ""))
                if isinstance(value, str):
                    self.text("ical", path, where, str(value))

    # -- newsletters --------------------------------------------------------------------------

    def check_eml(self, path: Path):
        raw = path.read_bytes()
        message = email.message_from_bytes(raw, policy=email.policy.default)
        names = list(message.keys())
        if names != EML_HEADERS:
            self.fail(path, "headers", f"{names}, expected exactly {EML_HEADERS}")
        for name in names:
            header = message[name]
            if getattr(header, "defects", None):
                self.fail(path, name, f"header defects {header.defects}")
        if message.defects:
            self.fail(path, "message", f"defects {message.defects}")
        subject = str(message["Subject"])
        self.text("eml", path, "Subject", subject)
        address = message["From"].addresses
        organisation = self.settings["organisation"]
        if len(address) != 1:
            self.fail(path, "From", f"{len(address)} mailboxes: {str(message['From'])!r}")
        else:
            if address[0].addr_spec != organisation["email"]:
                self.fail(path, "From", f"address {address[0].addr_spec!r}, expected "
                          f"{organisation['email']!r}")
            if address[0].display_name != squeeze(organisation["name"]):
                self.fail(path, "From", f"name {address[0].display_name!r}, expected "
                          f"{squeeze(organisation['name'])!r}")
            self.text("eml", path, "From", address[0].display_name)
        parts = list(message.iter_parts()) if message.is_multipart() else []
        types = [part.get_content_type() for part in parts]
        if types != ["text/plain", "text/html"]:
            self.fail(path, "parts", f"{types}, expected text/plain then text/html")
            return
        for part, file in zip(parts, ["email.txt", "email.html"]):
            if list(part.keys()) != ["Content-Type", "Content-Transfer-Encoding"]:
                self.fail(path, f"{file} part", f"headers {list(part.keys())}")
            body = part.get_content().replace("\r\n", "\n")
            original = (path.parent / file).read_text(encoding="utf-8").replace("\r\n", "\n")
            if body != original:
                self.fail(path, f"{file} part", "does not decode to the file")

    def check_text(self, path: Path):
        text = path.read_text(encoding="utf-8")
        if re.search(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]", text):
            self.fail(path, "text", "a control character or direction override")
        self.text("email-txt", path, "text", text)

    def check_search_index(self, path: Path):
        """A chunk of the search index: JSON, whose every string arrives as text."""
        try:
            value = json.loads(path.read_text(encoding="utf-8"))
        except ValueError as e:
            self.fail(path, "json", f"not JSON: {e}")
            return

        def strings(v):
            if isinstance(v, str):
                yield v
            elif isinstance(v, list):
                for x in v:
                    yield from strings(x)
            elif isinstance(v, dict):
                for k, x in v.items():
                    yield k
                    yield from strings(x)

        self.text("search", path, "json", "\n".join(strings(value)))

    # -- the run ------------------------------------------------------------------------------

    def run(self) -> int:
        if not (self.site / "index.html").is_file():
            print(f"hostilecheck: {self.site} holds no built site (index.html is missing)")
            return 2
        for path in sorted(self.site.rglob("*")):
            if not path.is_file():
                continue
            self.files += 1
            if path.name == "email.html":
                self.check_html(path, "email-html")
            elif path.suffix == ".html":
                self.check_html(path, "html")
            elif path.name == "sitemap.xml":
                self.check_sitemap(path)
            elif path.suffix == ".xml":
                self.check_atom(path)
            elif path.suffix == ".ics":
                self.check_ical(path)
            elif path.name == "email.eml":
                self.check_eml(path)
            elif path.name == "email.txt":
                self.check_text(path)
            elif path.suffix == ".json" and "/data/" in path.as_posix():
                self.check_search_index(path)
        for kind, markers in REQUIRED.items():
            for marker in markers.split():
                if marker not in self.found[kind]:
                    self.fail(kind, "missing", f"{marker} ({self.expected.get(marker, '?')!r}) "
                              f"never arrived intact in any {kind} output")
        for failure in self.failures:
            print(failure)
        markers = len(self.expected)
        print(f"hostilecheck: {self.files} files, {markers} markers, "
              f"{len(self.failures)} failures")
        return 1 if self.failures else 0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("site", type=Path)
    parser.add_argument("--content", type=Path, default=DEFAULT_CONTENT)
    args = parser.parse_args()
    return Checker(args.site, args.content).run()


if __name__ == "__main__":
    sys.exit(main())
