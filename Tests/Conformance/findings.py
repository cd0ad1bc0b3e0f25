"""What the checks of the conformance gate report, and how they name lines.

Shared by the checks (icalcheck.py, newslettercheck.py, jsonfeedcheck.py,
embedcheck.py):

- Findings: the findings about one file, each "file:line: message".
- Report: what a check gives gate.py (findings, notes, a summary);
  print_report prints one when the check runs alone.
- listed, line_numbers: a list in a message, cut short; the count stays exact.
- physical_lines: a file's raw lines, as the line numbers of findings count them.

Imported as a sibling module: a script run as `python Tests/Conformance/x.py`
has its own folder on sys.path, and gate.py puts it there before importing a
check.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

MAX_LISTED = 8  # items named by listed() unless told otherwise; the count is exact
MAX_LINES_LISTED = 5  # line numbers named per octet-level problem; the count is exact


class Findings(list):
    """Findings about one file, each starting with the file (and line)."""

    def __init__(self, rel: str) -> None:
        super().__init__()
        self.rel = rel

    def add(self, message: str, line: int | None = None) -> None:
        self.append(f"{self.rel}:{line}: {message}" if line else f"{self.rel}: {message}")


@dataclass
class Report:
    findings: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    summary: str = ""


def print_report(report: Report) -> int:
    """A check run alone, not from gate.py: its summary, notes and findings;
    the exit code, 1 if there is a finding."""
    print(report.summary)
    for line in report.notes + report.findings:
        print(f"    {line}")
    return 1 if report.findings else 0


def listed(items: list[str], limit: int = MAX_LISTED) -> str:
    shown = ", ".join(items[:limit])
    return shown + (f" and {len(items) - limit} more" if len(items) > limit else "")


def line_numbers(numbers: list[int]) -> str:
    """`line 3, 9, 12, 15, 20 and 2 more`: at most MAX_LINES_LISTED numbers."""
    return f"line {listed([str(n) for n in numbers], MAX_LINES_LISTED)}"


LINE_END = re.compile(rb"\r\n|\r|\n")


def physical_lines(data: bytes) -> list[tuple[bytes, bytes]]:
    """(content, line end) of each physical line; any of CRLF, CR, LF ends one."""
    lines, pos = [], 0
    for m in LINE_END.finditer(data):
        lines.append((data[pos:m.start()], m.group()))
        pos = m.end()
    if pos < len(data):
        lines.append((data[pos:], b""))
    return lines


# --------------------------------------------------------------------------
# The checks' self-tests: cases of a small site, broken in one way each


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
