"""email.eml of a newsletter issue (SITE.md, "Newsletters"), parsed by
Python's `email` package (policy.default) and read as raw octets:
multipart/alternative with exactly a text/plain and then a text/html part
(RFC 2046 5.1.4: the last part is the preferred one), both charset=utf-8,
whose decoded octets equal email.txt and email.html once CRLF and LF are
made one; no parser defects; From with an address, Date (a date),
MIME-Version: 1.0, Message-ID (<left@right>); the raw header block is ASCII
(a non-ASCII Subject is RFC 2047 encoded) and the Subject decodes to the web
version's title; raw octets: CRLF line ends only, no line over 998 octets
(lines over 78 are a note).

List-Unsubscribe (RFC 2369, RFC 8058; issue 20), which the check cannot hold
against site.yaml's `newsletter_unsubscribe`, so it holds the headers against
each other and against email.html: at most one List-Unsubscribe, a
comma-separated list of <URI>s, each mailto: (with an address) or https:
(with a host), and each the href of a link of email.html (the footer's
unsubscribe link is the same setting); with an https URI,
`List-Unsubscribe-Post: List-Unsubscribe=One-Click`, and that header never
without an https List-Unsubscribe (a merge tag in the setting means neither
header: the mail tool adds them).
"""

from __future__ import annotations

import email
import email.policy
import re
from dataclasses import dataclass

from findings import Findings, line_numbers
from octets import check_crlf, check_line_length, physical_lines
from pages import squeeze

from .email_html import is_merge_tag
from .plain_text import TXT_LINE

EML_LINE = 998  # octets a line of email.eml (RFC 5322 2.1.1); 78 is a note


def first_difference(a: bytes, b: bytes) -> str:
    n = next((i for i, (x, y) in enumerate(zip(a, b)) if x != y), min(len(a), len(b)))
    line = a[:n].count(b"\n") + 1
    return (f"first difference at octet {n} (line {line}): "
            f"{a[max(0, n - 20):n + 20]!r} vs {b[max(0, n - 20):n + 20]!r}; {len(a)} vs {len(b)} octets")


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
    check_crlf(lines, out, "RFC 5322 2.1")
    check_line_length(lines, EML_LINE, out, "RFC 5322 2.1.1")
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
