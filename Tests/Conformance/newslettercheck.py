#!/usr/bin/env python3
"""The `newsletter` check of the conformance gate: every newsletter issue's
email files (SITE.md, "Newsletters").

Called by gate.py (`gate.py site/ --only newsletter`); alone, without
screenshots: `python newslettercheck.py SITE`.
`python newslettercheck.py --selftest` builds a small hand-made site in a
temporary folder, breaks it in many ways and checks that each finding fires;
`python newslettercheck.py --sample DIR` writes that site's good version to
DIR (to run gate.py on) (newsletter/selftest.py).

1. The issues: every folder with email files is an issue folder in its place,
   with its web version and all three files (newsletter/issues.py).
2. email.eml (newsletter/eml.py), email.html (newsletter/email_html.py) and
   email.txt (newsletter/plain_text.py), each on its own and against the
   others. The notes say how many email.eml carry List-Unsubscribe.
3. The archives: the pages listing the issues, each network's latest page
   and Atom feed (newsletter/archives.py).
4. Screenshots (when gate.py passes a driver): each network's newest issue
   and the newest site-wide one in headless Chromium at 600 and 320 px
   (newsletter/screenshots.py).
5. No issue at all is a finding.

The site object is builtsite.Site (root, base_url, base_path, lang, words,
rel, url_of, file_of_url).
"""

from __future__ import annotations

import sys
from pathlib import Path

from findings import Report, listed, print_report
from newsletter.archives import check_archives
from newsletter.issues import check_issue, find_issues
from newsletter.screenshots import screenshots
from pages import clear_caches


def check_site(site, server=None, shots: Path | None = None, make_driver=None) -> Report:
    """The `newsletter` check of gate.py. Screenshots only when server, shots
    and make_driver are given."""
    report = Report()
    clear_caches()
    issues = find_issues(site, report)
    for issue in issues:
        check_issue(site, issue, report)
    if not issues:
        report.findings.append(f"no newsletter issue: no {site.words['newsletters']}/.../email.eml in the site "
                               f"(the site must publish its newsletters, SITE.md)")
        newest_of = {}
    else:
        newest_of = check_archives(site, issues, report)
    views = 0
    picks = [newest_of[k] for k in sorted(newest_of)]
    if picks and server is not None and shots is not None and make_driver is not None:
        views = screenshots(site, server, shots, make_driver, picks, report)
        report.notes.append("rendered: " + ", ".join(site.rel(i.folder) for i in picks))
    networks = len([k for k in newest_of if k])
    emls = [i for i in issues if (i.folder / "email.eml").is_file()]
    carrying = [i for i in emls if i.eml.list_unsubscribe is not None]
    one_click = sum(1 for i in carrying if i.eml.one_click)
    report.notes.append(f"{len(carrying)} of {len(emls)} email.eml carry List-Unsubscribe ({one_click} with one-click "
                        f"List-Unsubscribe-Post)" + (": " + listed(sorted({u for i in carrying
                                                                        for u in i.eml.list_unsubscribe}), 3)
                                                     if carrying else ""))
    report.summary = (f"{len(issues)} issues ({networks} networks, "
                      f"{sum(1 for i in issues if not i.network)} site-wide): eml, html and txt checked; "
                      f"{views} views in Chromium" + (f", screenshots in {shots}" if views else "")
                      + f"; {len(report.findings)} problems")
    return report


def main(argv: list[str]) -> int:
    if argv == ["--selftest"]:
        from newsletter.selftest import selftest

        return selftest()
    if len(argv) == 2 and argv[0] == "--sample":
        from newsletter.selftest import write_sample

        issue = write_sample(Path(argv[1]))
        print(f"sample site written to {argv[1]} (issue {issue})")
        return 0
    import argparse

    ap = argparse.ArgumentParser(description="The newsletter check of gate.py, alone (without screenshots).")
    ap.add_argument("site", type=Path)
    args = ap.parse_args(argv)
    from builtsite import Site

    return print_report(check_site(Site(args.site)))


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
