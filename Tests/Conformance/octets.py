"""The raw octets of a published file, read the way the checks that must not
forgive read them (not through a library): physical lines and their ends,
UTF-8, the byte order mark, and the findings about them.

Used by the iCal, email.eml, email.html, email.txt and JSON Feed checks.
Imported as a sibling module, like findings.py.
"""

from __future__ import annotations

import re

from findings import MAX_LINES_LISTED, Findings, line_numbers, listed

BOM = b"\xef\xbb\xbf"
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


def decodes(octets: bytes) -> bool:
    try:
        octets.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


def check_bom(data: bytes, out: Findings, why: str = "") -> bool:
    """A finding when the file starts with a UTF-8 byte order mark; whether it does."""
    if not data.startswith(BOM):
        return False
    out.add("starts with a UTF-8 byte order mark" + (f" ({why})" if why else ""), 1)
    return True


def utf8_text(data: bytes, out: Findings) -> str | None:
    """The text of the file, or None (and a finding) when it is not UTF-8."""
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as e:
        out.add(f"not UTF-8: {e}")
        return None


def check_crlf(lines: list[tuple[bytes, bytes]], out: Findings, rule: str) -> None:
    """Every line ends with CRLF (the last one may have no end: say so apart).
    `rule` names where the format asks for it, e.g. "RFC 5545 3.1"."""
    for end, name in ((b"\n", "LF"), (b"\r", "CR")):
        bare = [n for n, (_, e) in enumerate(lines, 1) if e == end]
        if bare:
            out.add(f"{len(bare)} line(s) end with a bare {name}, not CRLF ({rule}): {line_numbers(bare)}",
                    bare[0])


def check_line_length(lines: list[tuple[bytes, bytes]], limit: int, out: Findings, rule: str) -> None:
    """No physical line over `limit` octets, its end not counted."""
    long = [(n, len(c)) for n, (c, _) in enumerate(lines, 1) if len(c) > limit]
    if long:
        out.add(f"{len(long)} line(s) longer than {limit} octets ({rule}): "
                + listed([f"line {n} ({size} octets)" for n, size in long], MAX_LINES_LISTED), long[0][0])
