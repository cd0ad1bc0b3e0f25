"""The form of a JSON Feed file (issue 20): its octets and JSON Feed 1.1.

1. The octets: UTF-8 without a byte order mark, compact JSON (no whitespace
   outside strings) on one line ending in "\\n", every object's keys sorted
   (by code point) and none repeated.
2. JSON Feed 1.1: validated by jsonschema (draft 2020-12) against
   schemas/jsonfeed-1.1.schema.json, written from the specification at
   https://www.jsonfeed.org/version/1.1/; its formats `uri` and `date-time`
   checked by this module's own format checker.
"""

from __future__ import annotations

import datetime as dt
import functools
import json
import re
import urllib.parse
from pathlib import Path

from findings import Findings, listed
from octets import BOM, check_bom, utf8_text

SCHEMA_PATH = Path(__file__).resolve().parents[1] / "schemas" / "jsonfeed-1.1.schema.json"
RFC3339 = re.compile(r"^\d{4}-\d{2}-\d{2}[Tt]\d{2}:\d{2}:\d{2}(\.\d+)?([Zz]|[+-]\d{2}:\d{2})$")
ABSOLUTE_URL = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*:\S+$")


def check_json_octets(data: bytes, out: Findings) -> str | None:
    """The text of the file, or None when it is not UTF-8."""
    if check_bom(data, out, "RFC 8259 8.1: must not"):
        data = data[len(BOM):]
    text = utf8_text(data, out)
    if text is None:
        return None
    if not text.endswith("\n"):
        out.add("does not end with a line feed (the contract: one line + \"\\n\")")
    elif text.count("\n") != 1 or "\r" in text:
        lines = text.count("\n")
        out.add(f"{lines} lines, not one: the contract is compact JSON on one line + \"\\n\"")
    spaces = whitespace_outside_strings(text.rstrip("\n"))
    if spaces:
        out.add(f"not compact: {len(spaces)} whitespace character(s) outside strings, the first at "
                f"offset {spaces[0]}: {text[max(0, spaces[0] - 20):spaces[0] + 20]!r}")
    return text


def whitespace_outside_strings(text: str) -> list[int]:
    offsets, in_string, escaped = [], False, False
    for i, c in enumerate(text):
        if in_string:
            if escaped:
                escaped = False
            elif c == "\\":
                escaped = True
            elif c == '"':
                in_string = False
        elif c == '"':
            in_string = True
        elif c in " \t\r\n":
            offsets.append(i)
    return offsets


class KeyOrder:
    """object_pairs_hook that notes repeated and unsorted keys."""

    def __init__(self) -> None:
        self.repeated: list[str] = []
        self.unsorted: list[str] = []

    def __call__(self, pairs):
        keys = [k for k, _ in pairs]
        seen = set()
        for k in keys:
            if k in seen:
                self.repeated.append(k)
            seen.add(k)
        if keys != sorted(keys):
            first = next(i for i, (a, b) in enumerate(zip(keys, keys[1:])) if a > b)
            self.unsorted.append(f"{keys[first]!r} before {keys[first + 1]!r}")
        return dict(pairs)


def parse_json(text: str, out: Findings):
    order = KeyOrder()

    def constant(name):
        raise ValueError(f"{name} is not JSON")

    try:
        data = json.loads(text, object_pairs_hook=order, parse_constant=constant)
    except ValueError as e:
        out.add(f"not JSON: {e}")
        return None
    if order.repeated:
        out.add(f"repeated key(s) in an object: {listed(sorted(set(order.repeated)))}")
    if order.unsorted:
        out.add(f"keys not sorted in {len(order.unsorted)} object(s): {listed(order.unsorted, 4)}")
    return data


def format_checker():
    """jsonschema's checker, with `uri` and `date-time` checked here (jsonschema
    leaves them unchecked unless optional packages are installed)."""
    import jsonschema

    checker = jsonschema.FormatChecker()

    @checker.checks("date-time", raises=ValueError)
    def date_time(value) -> bool:
        if not isinstance(value, str):
            return True
        if not RFC3339.match(value):
            raise ValueError("not an RFC 3339 date-time")
        dt.datetime.fromisoformat(value.upper().replace("Z", "+00:00"))  # month 13, hour 25, ...
        return True

    @checker.checks("uri", raises=ValueError)
    def uri(value) -> bool:
        if not isinstance(value, str):
            return True
        if not ABSOLUTE_URL.match(value):
            raise ValueError("not an absolute URI")
        parts = urllib.parse.urlsplit(value)
        if parts.scheme in ("http", "https") and not parts.netloc:
            raise ValueError("an http(s) URL without a host")
        return True

    return checker


@functools.lru_cache(maxsize=None)
def validator():
    import jsonschema

    schema = json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))
    cls = jsonschema.validators.validator_for(schema)
    cls.check_schema(schema)
    return cls(schema, format_checker=format_checker())


def schema_errors(data) -> list[str]:
    errors = sorted(validator().iter_errors(data), key=lambda e: list(e.absolute_path))
    out = []
    for e in errors:
        where = "".join(f"[{p}]" if isinstance(p, int) else f".{p}" for p in e.absolute_path) or "(top level)"
        if where.startswith("."):
            where = where[1:]
        message = e.message
        if e.validator == "additionalProperties" and isinstance(e.instance, dict):
            known = set(e.schema.get("properties", {}))
            unknown = sorted(k for k in e.instance if k not in known and not re.match(r"^_[A-Za-z][^.]*$", k))
            message = (f"unknown member(s) {listed(unknown)}: JSON Feed 1.1 defines no such member, and an "
                       f"extension's name starts with '_' and a letter, without '.'")
        out.append(f"JSON Feed 1.1 schema: {where}: {message[:300]}")
    return out


def jsonschema_version() -> str:
    try:
        from importlib.metadata import version

        return version("jsonschema")
    except Exception:
        return "?"
