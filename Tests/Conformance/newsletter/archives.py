"""The archives of the newsletters (SITE.md, "Newsletters" and "Site map"):
<newsletters>/index.html; for each network with issues,
<newsletters>/<network>/index.html linking every issue of the network,
<newsletters>/<network>/<latest>/index.html referring to the newest issue
(canonical, refresh or link to its URL, or the same <h1>), and
<newsletters>/<network>/feed.xml, an Atom feed whose entries have content and
link to issues of that network, every issue (up to 50) among them.
Site-wide issues are linked from <newsletters>/index.html. The newest issue
is the one with the latest eml Date (the archive's order breaks ties).
"""

from __future__ import annotations

import urllib.parse
import xml.etree.ElementTree as ET
from pathlib import Path

from findings import Report, listed
from pages import parse_page, squeeze

from .issues import Issue

ATOM = "{http://www.w3.org/2005/Atom}"
FEED_LIMIT = 50


def linked_files(site, path: Path) -> list[Path]:
    """Files of the site a page links to, in the page's order (hrefs relative to the page)."""
    out: list[Path] = []
    for href, _ in parse_page(path).hrefs:
        target = site.target_of(path, href)
        if target is not None and target not in out:
            out.append(target)
    return out


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
        latest = section / network / site.words["latest"] / "index.html"
        if not latest.is_file():
            report.findings.append(f"{site.rel(latest)}: missing (SITE.md: the network's newest issue)")
            continue
        n = newest_of[network]
        p = parse_page(latest)
        hrefs = [p.canonical, p.refresh] + [href for href, _ in p.hrefs]
        refs = {urllib.parse.urljoin(site.url_of(latest), h) for h in hrefs if h}
        same_h1 = bool(p.h1) and n.title and squeeze(p.h1[0]) == n.title
        if n.web_url not in refs and not same_h1:
            report.findings.append(f"{site.rel(latest)}: neither links to nor shows the newest issue "
                                   f"{n.web_url} ({n.title!r})")
    return newest_of
