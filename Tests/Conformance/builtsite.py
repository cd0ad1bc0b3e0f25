"""The built site as every check sees it: its folder, base URL and language,
the URL words of its site map (docs/SITE.md, "Site map"), and which file a
URL is served from.

gate.py makes one Site per run and hands it to each check; a check run alone
makes its own. Imported as a sibling module, like findings.py.
"""

from __future__ import annotations

import urllib.parse
from pathlib import Path

from pages import parse_page

# URL words of the site map, by site language; a language without its own
# words uses the English ones, as Kreds does.
SECTIONS = {
    "da": {"networks": "netvaerk", "events": "arrangementer", "stories": "historier",
           "calendar": "kalender", "newsletters": "nyhedsbreve", "topics": "emner",
           "free_page": "om", "embed": "indlejr", "share": "del", "archive": "arkiv", "search": "soeg",
           "latest": "seneste"},
    "en": {"networks": "networks", "events": "events", "stories": "stories",
           "calendar": "calendar", "newsletters": "newsletters", "topics": "topics",
           "free_page": "about", "embed": "embed", "share": "share", "archive": "archive", "search": "search",
           "latest": "latest"},
}
# An embeddable list is known by its folder in either language, so that a
# list under the other language's word is still found (and reported).
EMBED_FOLDERS = tuple(words["embed"] for words in SECTIONS.values())


class Site:
    def __init__(self, root: Path) -> None:
        self.root = root.resolve()
        home = self.root / "index.html"
        if not home.is_file():
            raise SystemExit(f"gate: {home} not found: build the site first (make site)")
        page = parse_page(home)
        if not page.canonical:
            raise SystemExit(f"gate: {home} has no <link rel=canonical>: cannot tell the base URL")
        self.base_url = page.canonical  # the front page's canonical URL is base_url
        self.base_path = urllib.parse.urlsplit(self.base_url).path or "/"
        self.lang = (page.lang or "en").split("-")[0]
        self.words = SECTIONS.get(self.lang, SECTIONS["en"])

    def rel(self, path: Path) -> str:
        return path.relative_to(self.root).as_posix()

    def html_pages(self) -> list[Path]:
        return sorted(self.root.rglob("*.html"))

    def url_of(self, path: Path) -> str:
        """Public URL (under base_url) of a file of the site."""
        rel = self.rel(path)
        if rel == "index.html":
            rel = ""
        elif rel.endswith("/index.html"):
            rel = rel[: -len("index.html")]
        return urllib.parse.urljoin(self.base_url, urllib.parse.quote(rel))

    def file_of_url(self, url: str) -> Path | None:
        """The file a URL under base_url (absolute or root-relative) is served from."""
        parts = urllib.parse.urlsplit(urllib.parse.urljoin(self.base_url, url))
        base = urllib.parse.urlsplit(self.base_url)
        if (parts.scheme, parts.netloc) != (base.scheme, base.netloc):
            return None
        path = urllib.parse.unquote(parts.path)
        if not path.startswith(self.base_path):
            return None
        rel = path[len(self.base_path):]
        target = self.root / rel
        if rel == "" or rel.endswith("/"):
            target = target / "index.html"
        return target

    def target_of(self, page: Path, href: str) -> Path | None:
        """The file of the site a link (href, src) of `page` leads to; None: elsewhere.
        Relative to the page's own URL; the whitespace around it is not part of
        the URL (HTML's URL parsing strips it)."""
        return self.file_of_url(urllib.parse.urljoin(self.url_of(page), href.strip()))

    def section_pages(self, key: str) -> list[Path]:
        folder = self.root / self.words[key]
        return sorted(p / "index.html" for p in folder.iterdir()
                      if (p / "index.html").is_file()) if folder.is_dir() else []

    def linked_in_order(self, list_page: Path, key: str) -> list[Path]:
        """Pages of a section in the order the list page links them."""
        seen: list[Path] = []
        if not list_page.is_file():
            return seen
        prefix = self.root / self.words[key]
        for href, _ in parse_page(list_page).hrefs:
            target = self.file_of_url(href)
            if (target and target.is_file() and target.parent.parent == prefix
                    and target not in seen):
                seen.append(target)
        return seen

    def embed_pages(self) -> list[Path]:
        """The embeddable lists of coming meetings: every */indlejr/ or */embed/ page."""
        return sorted(p for p in self.root.rglob("index.html") if p.parent.name in EMBED_FOLDERS)

    def is_event_page(self, path: Path | None) -> bool:
        """The page of one event by the site map: <events>/<slug>/index.html, a
        file, whose folder is not the embeddable list, the partners page or the
        archive, which share the events folder."""
        events = self.root / self.words["events"]
        reserved = EMBED_FOLDERS + (self.words["share"], self.words["archive"])
        return (path is not None and path.name == "index.html" and path.parent.parent == events
                and path.parent.name not in reserved and path.is_file())
