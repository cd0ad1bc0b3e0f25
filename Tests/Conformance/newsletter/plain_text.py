"""email.txt of a newsletter issue (SITE.md, "Newsletters"): UTF-8; no line
over 78 characters; not the preheader text (whitespace runs made one) unless
the preheader is also visible text of email.html; the web version's URL;
every link of email.html to the site and every merge-tag link (the
unsubscribe line) written out. A URL over 78 characters is written as RFC
3986 Appendix C says, `<https://...>` broken across lines: such spans are
joined (line breaks and the whitespace around them removed) before URLs are
looked for.
"""

from __future__ import annotations

import re
import unicodedata

from findings import MAX_LINES_LISTED, Findings, listed
from octets import utf8_text
from pages import squeeze

from .email_html import EmailHtml

TXT_LINE = 78  # characters a line of email.txt
TXT_URL = re.compile(r"(?:https?://|mailto:|tel:)[^\s<>\"']+", re.I)


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
    text = utf8_text(data, out)
    if text is None:
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
