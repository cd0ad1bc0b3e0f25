"""The issues of the newsletters (SITE.md, "Newsletters"): an issue is a
folder holding email.html, email.txt or email.eml; it must be
`<newsletters>/<network>/<slug>/` or `<newsletters>/<slug>/` (site-wide) and
hold index.html (the web version) and all three email files, each checked by
its module (email_html.py, plain_text.py, eml.py) and the Subject against
the web version's title (its <h1>, or its <title> before " · ").
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from findings import Findings, Report, listed
from pages import parse_page, squeeze

from .email_html import SIZE_ERROR, SIZE_NOTE, check_email_html
from .eml import Eml, check_email_eml
from .plain_text import check_email_txt, txt_urls

EMAIL_FILES = ("email.html", "email.txt", "email.eml")


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
        canonical = parse_page(web).canonical
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


def page_titles(path: Path) -> list[str]:
    """The titles an issue's Subject may equal: the <h1>, and <title> before " · "."""
    p = parse_page(path)
    titles = [squeeze(p.h1[0])] if p.h1 and squeeze(p.h1[0]) else []
    if p.title.strip():
        titles.append(squeeze(p.title.split(" · ")[0]))
    return titles
