"""What the checks of the conformance gate report, and how they name lines.

Shared by the checks (icalcheck.py, jsonfeedcheck.py, embedcheck.py,
newslettercheck.py, agingcheck.py, imagecheck.py and their parts):

- Findings: the findings about one file, each "file:line: message".
- Report: what a check gives gate.py (findings, notes, a summary);
  print_report prints one when the check runs alone.
- listed, line_numbers: a list in a message, cut short; the count stays exact.

Imported as a sibling module: a script run as `python Tests/Conformance/x.py`
has its own folder on sys.path, and every check runs from such a script
(gate.py, or a checker run alone); the parts of a checker in its own folder
(ical/, jsonfeed/, newsletter/, embed/) import the shared modules the same way.
"""

from __future__ import annotations

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
