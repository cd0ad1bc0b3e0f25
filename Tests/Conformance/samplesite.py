"""The small hand-made sites of the checkers' self-tests (`--selftest`) and
`--sample DIR`: a site written file by file, broken one way per case, and the
cases counted.

Each checker's selftest module (jsonfeed/, newsletter/, embed/) says what its
site holds; this module holds what they share. Imported as a sibling module,
like findings.py.
"""

from __future__ import annotations

import html
from pathlib import Path

SAMPLE_BASE = "https://example.dk/"  # the base URL of every sample site


def sample_page(title: str, url: str, body: str = "", site_name: str | None = None,
                main_id: str | None = None) -> str:
    """A page of a sample site: a Danish page with its canonical URL, <h1>title</h1>
    and `body` in <main>; "title · site_name" in <title> when site_name is given,
    as Kreds' theme writes it."""
    head_title = f"{title} · {site_name}" if site_name else title
    main = f'<main id="{main_id}">' if main_id else "<main>"
    return (f'<!DOCTYPE html>\n<html lang="da">\n<head>\n<meta charset="utf-8">\n'
            f'<title>{html.escape(head_title)}</title>\n<link rel="canonical" href="{url}">\n</head>\n'
            f'<body>\n{main}\n<h1>{html.escape(title)}</h1>\n{body}</main>\n</body>\n</html>\n')


def write_files(root: Path, files: dict[str, str | bytes | None]) -> None:
    """Writes each file under root, its folders made (text as UTF-8, line ends as
    given); None: leave it out."""
    for rel, content in files.items():
        if content is None:
            continue
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, encoding="utf-8", newline="")


def case_passes(name: str, expected: str | None, found: list[str]) -> bool:
    """One self-test case: no finding when `expected` is None, else a finding
    holding `expected`. A failing case is printed."""
    ok = not found if expected is None else any(expected in f for f in found)
    if not ok:
        print(f"selftest FAIL {name}: expected {expected!r}, got: {found}")
    return ok


def selftest_result(total: int, failed: int, note: str = "") -> int:
    """Prints how many of the self-test's cases pass; the exit code."""
    print(f"selftest: {total - failed} of {total} cases pass{note}")
    return 1 if failed else 0
