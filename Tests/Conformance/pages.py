"""The site's HTML pages as gate.py and jsonfeedcheck.py read them: links,
ids, the canonical link, lang, robots noindex and JSON-LD blocks.

Imported as a sibling module, like findings.py.
"""

from __future__ import annotations

import functools
import html.parser
import re
from pathlib import Path


class PageParser(html.parser.HTMLParser):
    """Collects hrefs, ids, the canonical link, lang, robots noindex and
    JSON-LD blocks of a page."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.hrefs: list[tuple[str, int]] = []  # (href, line)
        self.ids: set[str] = set()
        self.canonical: str | None = None
        self.lang: str | None = None
        self.noindex = False  # <meta name="robots" content="noindex">
        self.json_ld: list[str] = []
        self._in_json_ld = False

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if a.get("id"):
            self.ids.add(a["id"])
        if tag == "a" and a.get("name"):
            self.ids.add(a["name"])
        if tag == "html":
            self.lang = a.get("lang")
        elif tag == "a" and a.get("href"):
            self.hrefs.append((a["href"], self.getpos()[0]))
        elif tag == "link" and a.get("rel") == "canonical":
            self.canonical = a.get("href")
        elif (tag == "meta" and (a.get("name") or "").strip().lower() == "robots"
              and "noindex" in re.split(r"[\s,]+", (a.get("content") or "").lower())):
            self.noindex = True
        elif tag == "script" and (a.get("type") or "").strip().lower() == "application/ld+json":
            self._in_json_ld = True
            self.json_ld.append("")

    def handle_endtag(self, tag):
        if tag == "script":
            self._in_json_ld = False

    def handle_data(self, data):
        if self._in_json_ld:
            self.json_ld[-1] += data


@functools.lru_cache(maxsize=None)
def parse_page(path: Path) -> PageParser:
    p = PageParser()
    p.feed(path.read_text(encoding="utf-8", errors="replace"))
    return p
