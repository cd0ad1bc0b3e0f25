"""The ical check's own reader of an .ics file: content lines unfolded and
split into name, parameters and value (RFC 5545 3.1), and the component tree
from BEGIN/END, without a library, which would forgive what the check must
report. Problems of the reading are findings.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from findings import Findings
from octets import physical_lines


def unfold(data: bytes) -> list[tuple[int, bytes]]:
    """Logical content lines as (number of their first physical line, octets)."""
    logical: list[tuple[int, bytes]] = []
    for n, (content, _) in enumerate(physical_lines(data), 1):
        if content[:1] in (b" ", b"\t") and logical:
            first, text = logical[-1]
            logical[-1] = (first, text + content[1:])
        elif content:
            logical.append((n, content))
    return logical


@dataclass
class Prop:
    name: str  # upper case
    params: dict[str, list[str]]  # names upper case
    value: str
    line: int

    def param(self, name: str) -> str | None:
        values = self.params.get(name)
        return values[0] if values else None


@dataclass
class Comp:
    name: str
    line: int
    props: list[Prop] = field(default_factory=list)
    subs: list["Comp"] = field(default_factory=list)

    def all(self, name: str) -> list[Prop]:
        return [p for p in self.props if p.name == name]

    def one(self, name: str) -> Prop | None:
        found = self.all(name)
        return found[0] if found else None

    def value(self, name: str) -> str | None:
        p = self.one(name)
        return p.value if p else None

    def children(self, name: str) -> list["Comp"]:
        return [c for c in self.subs if c.name == name]


NAME = re.compile(r"[A-Za-z0-9-]+")
UNQUOTED_PARAM_VALUE = re.compile(r'[^";:,]*')


def parse_content_line(text: str, line: int) -> Prop:
    """name *(";" param) ":" value (RFC 5545 3.1); raises ValueError."""
    m = NAME.match(text)
    if not m:
        raise ValueError("no property name")
    name, i, params = m.group().upper(), m.end(), {}
    while i < len(text) and text[i] == ";":
        m = NAME.match(text, i + 1)
        if not m or m.end() >= len(text) or text[m.end()] != "=":
            raise ValueError("a parameter without name=value")
        pname, i, values = m.group().upper(), m.end() + 1, []
        while True:
            if i < len(text) and text[i] == '"':
                end = text.find('"', i + 1)
                if end < 0:
                    raise ValueError("an unclosed quoted parameter value")
                values.append(text[i + 1:end])
                i = end + 1
            else:
                m = UNQUOTED_PARAM_VALUE.match(text, i)
                values.append(m.group())
                i = m.end()
            if i < len(text) and text[i] == ",":
                i += 1
                continue
            break
        params[pname] = values
    if i >= len(text) or text[i] != ":":
        raise ValueError("no ':' after the name and parameters")
    return Prop(name, params, text[i + 1:], line)


def parse_raw(data: bytes, out: Findings) -> Comp | None:
    """The component tree of the file, from BEGIN/END, without a library."""
    root: Comp | None = None
    stack: list[Comp] = []
    for n, octets in unfold(data):
        text = octets.decode("utf-8", errors="replace")
        try:
            prop = parse_content_line(text, n)
        except ValueError as e:
            out.add(f"not a content line ({e}): {text[:60]!r}", n)
            continue
        if prop.name == "BEGIN":
            comp = Comp(prop.value.upper(), n)
            if stack:
                stack[-1].subs.append(comp)
            elif root is None:
                root = comp
            else:
                out.add(f"BEGIN:{prop.value} after the calendar has ended", n)
            stack.append(comp)
        elif prop.name == "END":
            if stack and stack[-1].name == prop.value.upper():
                stack.pop()
            else:
                out.add(f"END:{prop.value} does not close {stack[-1].name if stack else 'any component'}", n)
                names = [c.name for c in stack]
                if prop.value.upper() in names:
                    del stack[names.index(prop.value.upper()):]
        elif stack:
            stack[-1].props.append(prop)
        else:
            out.add(f"{prop.name} outside any component", n)
    for comp in stack:
        out.add(f"BEGIN:{comp.name} is never ended", comp.line)
    if root is None:
        out.add("no BEGIN:VCALENDAR")
    return root


def walk(comp: Comp, skip: str | None = None):
    """The component and every one inside it, depth first; `skip` and what is inside it left out."""
    if comp.name == skip:
        return
    yield comp
    for sub in comp.subs:
        yield from walk(sub, skip)


def rrule_parts(value: str) -> dict[str, str]:
    return dict(part.split("=", 1) for part in value.upper().split(";") if "=" in part)
