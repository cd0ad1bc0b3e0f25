#!/usr/bin/env python3
"""Runs `kreds build` on content made to exhaust it and prints what each costs.

Each case is the smallest valid site with one event whose front matter or body is hostile: the
largest shapes Kreds accepts (just under its limits) and shapes over them. The table (exit
status, first diagnostic, seconds, peak memory) is the evidence for the bounds stated in
docs/RELIABILITY.md. Usage: python3 bench/limits.py [--kreds .build/release/kreds]; needs GNU time (/usr/bin/time).
"""

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time

LIMIT = 1 << 20  # ContentDiscovery.maximumFileSize
HEADER = "---\ntitle: Møde\nstart: 2026-12-01 09:00\nlocation:\n  name: Hotel\n{extra}---\n\n"


def fill(unit, budget=LIMIT - 200):
    """`unit` repeated to just under the file size limit."""
    return unit * (budget // len(unit))


def cases():
    under = {
        "brackets, 1,000 per paragraph": fill("![[]()" * 166 + "![\n\n"),
        "links in one paragraph": fill("[kreds](https://example.dk/) "),
        "table, 199 columns": "|" + "a|" * 199 + "\n|" + "-|" * 199 + "\n" + fill("|" + "b|" * 199 + "\n", LIMIT - 1200),
        "code spans and pipes, 199 per line": fill("|`" * 99 + "|\n"),
        "emphasis nested 15 deep": fill("*a **" * 7 + "x" + "** a*" * 7 + "\n\n"),
        "list items": fill("- punkt\n"),
        "lazy quote lines": fill("> linje\n"),
        "links, 20 per paragraph": fill("[kreds](https://example.dk/) " * 20 + "\n\n"),
        "emphasis runs": fill("*_"),
        "autolinks": fill("www.example.dk/a_b "),
        "entities": fill("&#x26; &amp; "),
        "footnotes": "".join("[^%d]\n\n[^%d]: note\n" % (i, i) for i in range(20000)),
    }
    over = {
        "100 MB file": "x" * (100 << 20),
        "a million lines": "- punkt\n" * 1_000_000,
        "brackets, 40,000 in a paragraph": "![[]()" * 40_000,
        "table row of 20,000 cells": "|" + "a|" * 20_000 + "\n|" + "-|" * 20_000 + "\n",
        "emphasis nested 10,000 deep": "*a **" * 5_000 + "x" + "** a*" * 5_000,
        "quotes nested 10,000 deep": ">" * 10_000 + " tekst\n",
        "lists nested 10,000 deep": "- " * 10_000 + "x\n",
    }
    for name, body in under.items():
        yield "over" if name == "links in one paragraph" else "under", name, "", body
    for name, body in over.items():
        yield "over", name, "", body
    yield "over", "YAML flow nested 10,000 deep", "x: " + "[" * 10_000 + "]" * 10_000 + "\n", "Tekst.\n"
    yield "over", "YAML block nested 10,000 deep", "x:\n  " + "- " * 10_000 + "x\n", "Tekst.\n"
    yield "over", "YAML alias bomb", "a: &a [x, x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]\nc: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b]\nd: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c, *c]\ne: [*d, *d, *d, *d, *d, *d, *d, *d, *d, *d]\n", "Tekst.\n"
    yield "over", "series COUNT=100000", "repeat:\n  rule: FREQ=WEEKLY;COUNT=100000\n", "Tekst.\n"
    yield "under", "series COUNT=1000 weekly", "repeat:\n  rule: FREQ=WEEKLY;BYDAY=TU;COUNT=1000\n", "Tekst.\n"


def run(kreds, extra, body, folder):
    content = os.path.join(folder, "content")
    os.makedirs(os.path.join(content, "networks/net/events"))
    with open(os.path.join(content, "site.yaml"), "w") as f:
        f.write("title: Test\nbase_url: https://example.dk/\n")
    with open(os.path.join(content, "networks/net/index.md"), "w") as f:
        f.write("---\ntitle: Net\nsummary: Et netværk.\n---\n")
    with open(os.path.join(content, "networks/net/events/x.md"), "w") as f:
        f.write(HEADER.format(extra=extra) + body)
    errors = os.path.join(folder, "errors.txt")
    measured = os.path.join(folder, "time.txt")
    start = time.monotonic()
    with open(errors, "w") as sink:
        # GNU time reports the build's own peak memory; a child of this process would start
        # with a copy of the inputs held here.
        status = subprocess.run(
            ["/usr/bin/time", "-f", "%M", "-o", measured, kreds, "build", "--content", content,
             "--output", os.path.join(folder, "site"), "--now", "2026-11-23 12:00"],
            stdout=subprocess.DEVNULL, stderr=sink, timeout=600).returncode
    seconds = time.monotonic() - start
    with open(errors) as f:
        first = next((line for line in f if ": error: " in line), "").strip()
    first = first.split(": error: ", 1)[-1]
    with open(measured) as f:
        peak_kb = int(f.read().split()[-1])
    return status, first, seconds, peak_kb


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--kreds", default=".build/release/kreds")
    args = parser.parse_args()
    kreds = os.path.abspath(args.kreds)
    print("| input | limit | exit | diagnostic | seconds | peak MB |")
    print("|---|---|---|---|---|---|")
    for side, name, extra, body in cases():
        folder = tempfile.mkdtemp(prefix="kreds-limits-")
        try:
            status, diagnostic, seconds, peak = run(kreds, extra, body, folder)
        finally:
            shutil.rmtree(folder, ignore_errors=True)
        if len(diagnostic) > 70:
            diagnostic = diagnostic[:67] + "…"
        print(f"| {name} | {side} | {status} | {diagnostic} | {seconds:.2f} | {peak / 1024:.0f} |",
              flush=True)


if __name__ == "__main__":
    sys.exit(main())
