"""The site's HTML pages as the checks read them.

- PageParser / parse_page: the one reading of a page's facts, in one pass of
  Python's html.parser: links, ids, the canonical link, lang, robots
  noindex, JSON-LD blocks, <h1> and <title> texts, a meta refresh, and the
  <img> elements with the <source>s of their <picture>.
- json_ld_objects, is_schema_event: what its JSON-LD says.
- squeeze, text_of, classes: text as a reader compares it (whitespace runs
  made one space), of a string or an element of a tree; an element's classes.
- page_tree: the page as a tree, by the HTML5 parsing algorithm (html5lib
  through BeautifulSoup), for the checks that query structure (the marked
  occurrences of the ical check, the embeddable lists and snippets).

Both readings are cached per path: call clear_caches() when the files may
have changed (a self-test rewrites its sample site). Imported as a sibling
module, like findings.py.
"""

from __future__ import annotations

import functools
import html.parser
import json
import re
from pathlib import Path


class PageParser(html.parser.HTMLParser):
    """Collects the facts of a page listed in the module's docstring."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.hrefs: list[tuple[str, int]] = []  # (href, line) of every <a href>
        self.ids: set[str] = set()
        self.canonical: str | None = None
        self.lang: str | None = None
        self.noindex = False  # <meta name="robots" content="noindex">
        self.json_ld: list[str] = []
        self.h1: list[str] = []  # the text of each <h1>
        self.title = ""  # the text of the first <title>
        self.refresh: str | None = None  # the URL of <meta http-equiv="refresh">
        self.images: list[tuple[dict[str, str], list[dict[str, str]]]] = []  # (<img>, its <picture>'s <source>s)
        self._in_json_ld = False
        self._in_text: str | None = None  # "h1" or "title" while inside one
        self._sources: list[dict[str, str]] | None = None  # inside a <picture>

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
        elif tag == "link" and "canonical" in (a.get("rel") or "").lower().split():
            # rel is a set of space-separated, case-insensitive tokens (HTML, "Link types").
            self.canonical = a.get("href")
        elif (tag == "meta" and (a.get("name") or "").strip().lower() == "robots"
              and "noindex" in re.split(r"[\s,]+", (a.get("content") or "").lower())):
            self.noindex = True
        elif tag == "script" and (a.get("type") or "").strip().lower() == "application/ld+json":
            self._in_json_ld = True
            self.json_ld.append("")
        elif tag == "h1":
            self._in_text = "h1"
            self.h1.append("")
        elif tag == "title" and not self.title:
            self._in_text = "title"
        elif tag == "picture":
            self._sources = []
        elif tag == "source" and self._sources is not None:
            self._sources.append({k: (v or "") for k, v in attrs})
        elif tag == "img":
            self.images.append(({k: (v or "") for k, v in attrs}, list(self._sources or [])))
        if tag == "meta" and (a.get("http-equiv") or "").lower() == "refresh":
            m = re.search(r"url\s*=\s*['\"]?([^'\"]+)", a.get("content") or "", re.I)
            self.refresh = m.group(1).strip() if m else None

    def handle_endtag(self, tag):
        if tag == "script":
            self._in_json_ld = False
        elif tag == "picture":
            self._sources = None
        if tag == self._in_text:
            self._in_text = None

    def handle_data(self, data):
        if self._in_json_ld:
            self.json_ld[-1] += data
        if self._in_text == "h1":
            self.h1[-1] += data
        elif self._in_text == "title":
            self.title += data


def parse_text(text: str) -> PageParser:
    """The facts of a page (or of a piece of one) given as text."""
    p = PageParser()
    p.feed(text)
    p.close()
    return p


@functools.lru_cache(maxsize=None)
def parse_page(path: Path) -> PageParser:
    return parse_text(path.read_text(encoding="utf-8", errors="replace"))


def json_ld_objects(path: Path) -> list:
    """The top-level objects of a page's JSON-LD blocks (a block that is a list
    gives its items); a block that is not JSON gives none."""
    found = []
    for block in parse_page(path).json_ld:
        try:
            data = json.loads(block)
        except ValueError:
            continue
        found += data if isinstance(data, list) else [data]
    return found


def is_schema_event(obj) -> bool:
    """A JSON-LD object of the schema.org type Event (@type may be a list of types)."""
    kind = obj.get("@type") if isinstance(obj, dict) else None
    return kind == "Event" or (isinstance(kind, list) and "Event" in kind)


def squeeze(text: str) -> str:
    return " ".join(text.split())


@functools.lru_cache(maxsize=None)
def page_tree(path: Path):
    """The page parsed by the HTML5 algorithm browsers use (a BeautifulSoup tree,
    with each element's sourceline)."""
    from bs4 import BeautifulSoup

    return BeautifulSoup(path.read_text(encoding="utf-8", errors="replace"), "html5lib")


def text_of(el) -> str:
    """The text of an element of a page_tree, its parts apart, whitespace made one ("" for None)."""
    return squeeze(el.get_text(" ")) if el is not None else ""


def classes(el) -> list[str]:
    c = el.get("class") or []
    return c if isinstance(c, list) else str(c).split()


def clear_caches() -> None:
    parse_page.cache_clear()
    page_tree.cache_clear()
