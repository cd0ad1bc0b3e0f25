"""The snippets that offer the embeddable lists (SITE.md, "Embeddable
lists"): the events page, and every network page whose snippet the partners
page lists, show their list in an <iframe> (with a title) and give the code,
`<iframe src="ABSOLUTE URL OF THE LIST"`, in a <pre> or <code> that is not
hidden and that, pasted into a page, is one <iframe> with that src and the
preview's title (the escaping of a title with < & " survives), and link to
the partners page. A network that has ended offers none of the three on its
page and is not on the partners page (its list itself still exists): a
network page that offers any of them while the partners page lists no
snippet for it, or one the partners page lists that offers none, is a
finding. The partners page exists, is in the sitemap and not noindex, has
the whole site's snippet (and preview iframe), each network snippet it lists
pasting as one <iframe>, and an element with id="json" (the JSON Feed's
_kreds.about points there).
"""

from __future__ import annotations

import re
from pathlib import Path

from findings import Findings, Report, listed
from pages import page_tree, parse_page, text_of


def hidden_ancestor(el) -> str | None:
    """Why an element is not shown, if an ancestor (or itself) hides it."""
    for a in [el] + list(el.parents):
        name = getattr(a, "name", None)
        if name is None or name == "[document]":
            continue
        if a.has_attr("hidden"):
            return f"<{name} hidden>"
        if (a.get("aria-hidden") or "").lower() == "true":
            return f'<{name} aria-hidden="true">'
        if name in ("template", "noscript", "textarea", "script"):
            return f"<{name}>"
        if re.search(r"display\s*:\s*none|visibility\s*:\s*hidden", a.get("style") or "", re.I):
            return f"<{name} style={a.get('style')!r}>"
    return None


def check_snippet(site, page: Path, embed: Path, share: Path, out: Findings, need_share_link: bool = True) -> None:
    doc = page_tree(page)
    embed_url = site.url_of(embed)
    frames = [f for f in doc.find_all("iframe", src=True) if site.target_of(page, f["src"]) == embed]
    if not frames:
        srcs = [f.get("src") for f in doc.find_all("iframe")]
        out.add(f"no <iframe> showing its list {embed_url} (iframes: {listed(srcs, 3) if srcs else 'none'})")
    for f in frames:
        if not (f.get("title") or "").strip():
            out.add(f"<iframe src={f['src']!r}> has no title")
    wanted = f'<iframe src="{embed_url}"'
    codes = [c for c in doc.find_all(["pre", "code"]) if wanted in c.get_text()]
    if not codes:
        near = [text_of(c)[:70] for c in doc.find_all(["pre", "code"]) if "<iframe" in c.get_text()]
        out.add(f"no <pre>/<code> snippet holding {wanted}" + (f" (found: {listed(near, 2)})" if near else ""))
    elif all(hidden_ancestor(c) for c in codes):
        out.add(f"the snippet {wanted} is hidden by {hidden_ancestor(codes[0])}")
    else:
        check_pasted(codes[0].get_text(), embed_url, frames[0].get("title") if frames else None, out)
    if need_share_link and not any(site.target_of(page, a["href"]) == share
                                   for a in doc.find_all("a", href=True)):
        out.add(f"does not link the partners page {site.url_of(share)}")


SNIPPET_ATTRS = {"src", "title", "style", "loading", "width", "height", "class", "name", "allow",
                 "referrerpolicy", "sandbox", "frameborder", "scrolling"}


def check_pasted(code: str, embed_url: str, preview_title: str | None, out: Findings) -> None:
    """The snippet's text, pasted into a partner's page, is one <iframe> of the
    list, with the title the preview has (its escaping survives a paste)."""
    from bs4 import BeautifulSoup

    body = BeautifulSoup(f"<!DOCTYPE html><body>{code.strip()}</body>", "html5lib").body
    elements = body.find_all(True)
    frames = [e for e in elements if e.name == "iframe"]
    shown = code.strip()[:90]
    if len(frames) != 1 or len(elements) != 1 or body.find(string=lambda t: t.strip(), recursive=False):
        out.add(f"the snippet, pasted into a page, is not one <iframe>: {listed([e.name for e in elements], 4)} "
                f"({shown!r})")
        return
    frame = frames[0]
    if frame.get("src") != embed_url:
        out.add(f"the snippet, pasted, has src={frame.get('src')!r}, not {embed_url}")
    extra = sorted(set(frame.attrs) - SNIPPET_ATTRS)
    if extra:
        out.add(f"the snippet's <iframe> has unexpected attributes {listed(extra, 4)} ({shown!r})")
    title = (frame.get("title") or "").strip()
    if not title:
        out.add("the snippet's <iframe> has no title (a partner's page would fail WCAG 4.1.2)")
    elif preview_title is not None and title != preview_title.strip():
        out.add(f"the snippet's <iframe>, pasted, has the title {title!r}, the preview {preview_title.strip()!r}: "
                f"escaped once too few or too many times?")


def snippet_code(site, page: Path, embed: Path) -> str | None:
    """The text of the <pre> or <code> of `page` that gives the snippet of `embed`, if any."""
    wanted = f'<iframe src="{site.url_of(embed)}"'
    return next((c.get_text() for c in page_tree(page).find_all(["pre", "code"]) if wanted in c.get_text()), None)


def offers_snippet(site, page: Path, embed: Path, share: Path) -> list[str]:
    """What of the snippet a page offers: its code, a preview of the list, a partners link."""
    doc = page_tree(page)
    found = []
    if snippet_code(site, page, embed) is not None:
        found.append("the snippet")
    if any(site.target_of(page, f["src"]) == embed for f in doc.find_all("iframe", src=True)):
        found.append("a preview <iframe>")
    if any(site.target_of(page, a["href"]) == share for a in doc.find_all("a", href=True)):
        found.append("a link to the partners page")
    return found


def check_share_pages(site, embeds: list[tuple[str, Path, Path]], in_sitemap: set[Path], report: Report) -> int:
    """The partners page, and the snippets of the events page and the network
    pages. A network page offers its snippet (code, preview, partners link)
    exactly when the partners page lists that snippet: a network that has
    ended offers it on neither (its list itself still exists)."""
    events_dir = site.root / site.words["events"]
    share = events_dir / site.words["share"] / "index.html"
    pages = 0
    listed_networks: set[Path] | None = None  # None: no partners page to tell
    if not share.is_file():
        report.findings.append(f"{site.rel(share)}: missing (the partners page)")
    else:
        out = Findings(site.rel(share))
        if parse_page(share).noindex:
            out.add("is marked noindex (the partners page belongs in search engines and the sitemap)")
        if share not in in_sitemap and (site.root / "sitemap.xml").is_file():
            out.add("is not in sitemap.xml")
        if page_tree(share).find(id="json") is None:
            out.add('no element with id="json" (the JSON Feeds\' _kreds.about links <partners page>#json)')
        listed_networks = set()
        for kind, owner, embed in embeds:
            if kind == "events":
                check_snippet(site, share, embed, share, out, need_share_link=False)
            elif kind == "network" and snippet_code(site, share, embed) is not None:
                listed_networks.add(owner)  # its code only; the one preview is the whole site's list
                check_pasted(snippet_code(site, share, embed), site.url_of(embed), None, out)
        report.findings += out
    for kind, owner, embed in embeds:
        if kind not in ("events", "network") or not owner.is_file():
            continue
        out = Findings(site.rel(owner))
        if kind == "network" and listed_networks is not None:
            offered = offers_snippet(site, owner, embed, share)
            if owner not in listed_networks:
                if offered:
                    out.add(f"offers {listed(offered)} (its list: {site.url_of(embed)}), but the partners page "
                            f"{site.rel(share)} lists no snippet for this network (an ended one offers none)")
                report.findings += out
                continue
            if not offered:
                out.add(f"the partners page {site.rel(share)} lists this network's snippet, but the page offers "
                        f"no snippet, preview or partners link (only an ended network offers none)")
                report.findings += out
                continue
        pages += 1
        check_snippet(site, owner, embed, share, out)
        report.findings += out
    return pages
