#!/usr/bin/env python3
"""The step order inside KredsSite, kept by a check instead of by review (docs/ARCHITECTURE.md).

    python3 Tests/Architecture/stepcheck.py [--selftest] [SOURCES]

The steps below Resolve are targets of their own (KredsShared, KredsParse), so the compiler
refuses a backward use there. Inside KredsSite the folders are the remaining steps: Resolve
may not use Render or its format writers (Render and Formats use each other, and everything
below). A type named in a file is looked up among the names declared in KredsSite (struct,
enum, class, protocol, actor, typealias, at any depth); a name declared only in a higher step
is a backward use. Comments and string literals are left out. Prints each backward use as
`file:line: Step uses Name (declared in Higher)`, and exits 1 when there is any.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

# Lower number: lower step. Folders not named here are an error, so a new folder gets a place.
STEPS = {"(root)": 0, "Resolve": 2, "Render": 3, "Formats": 3}
DECLARATION = re.compile(r"\b(?:struct|enum|class|protocol|actor|typealias)\s+([A-Z]\w*)")
IDENTIFIER = re.compile(r"\b([A-Z]\w*)\b")


def code_only(text: str) -> str:
    """`text` with comments and string literals blanked, line breaks kept."""
    out = []
    i = 0
    n = len(text)
    while i < n:
        if text.startswith("//", i):
            j = text.find("\n", i)
            j = n if j < 0 else j
            out.append(" " * (j - i))
            i = j
        elif text.startswith("/*", i):
            j = text.find("*/", i + 2)
            j = n if j < 0 else j + 2
            out.append(re.sub(r"[^\n]", " ", text[i:j]))
            i = j
        elif text.startswith('"""', i):
            j = text.find('"""', i + 3)
            j = n if j < 0 else j + 3
            out.append(re.sub(r"[^\n]", " ", text[i:j]))
            i = j
        elif text[i] == '"':
            j = i + 1
            while j < n and text[j] != '"' and text[j] != "\n":
                j += 2 if text[j] == "\\" else 1
            out.append(" " * (min(j + 1, n) - i))
            i = j + 1
        else:
            out.append(text[i])
            i += 1
    return "".join(out)


def step_of(path: Path, root: Path) -> str:
    parts = path.relative_to(root).parts
    return parts[0] if len(parts) > 1 else "(root)"


def selftest(sources: Path) -> int:
    """A deliberate backward use (Resolve naming Render's PageRenderer) must fail the check."""
    import shutil
    import tempfile
    with tempfile.TemporaryDirectory() as folder:
        copy = Path(folder) / "Sources"
        shutil.copytree(sources / "KredsSite", copy / "KredsSite")
        target = copy / "KredsSite/Resolve/Site.swift"
        target.write_text(target.read_text() + "\nprivate let backward = PageRenderer.self\n")
        import contextlib
        import io
        with contextlib.redirect_stdout(io.StringIO()) as said:
            status = check(copy)
        caught = status == 1 and "Resolve uses PageRenderer (declared in Render)" in said.getvalue()
    print(f"stepcheck: selftest {'ok' if caught else 'FAILED'}: a backward use in Resolve is "
          f"{'caught' if caught else 'not caught'}")
    return 0 if caught else 1


def main(argv: list[str]) -> int:
    sources = Path(argv[-1]) if argv and argv[-1] != "--selftest" else Path(__file__).resolve().parents[2] / "Sources"
    status = check(sources)
    if "--selftest" in argv:
        status = max(status, selftest(sources))
    return status


def check(sources: Path) -> int:
    root = sources / "KredsSite"
    files = sorted(root.rglob("*.swift"))
    code = {path: code_only(path.read_text()) for path in files}
    declared: dict[str, set[str]] = {}
    for path in files:
        step = step_of(path, root)
        if step not in STEPS:
            print(f"stepcheck: {path}: the folder {step} has no place in the step order (STEPS)")
            return 1
        for name in DECLARATION.findall(code[path]):
            declared.setdefault(name, set()).add(step)
    problems = []
    for path in files:
        step = step_of(path, root)
        level = STEPS[step]
        for number, line in enumerate(code[path].splitlines(), start=1):
            for name in IDENTIFIER.findall(line):
                steps = declared.get(name)
                if not steps or min(STEPS[s] for s in steps) <= level:
                    continue
                higher = "/".join(sorted(steps))
                problems.append(f"{path.relative_to(sources.parent)}:{number}: {step} uses {name} (declared in {higher})")
    for problem in sorted(set(problems)):
        print(problem)
    print(f"stepcheck: {'FAILED' if problems else 'ok'}: {len(files)} files of KredsSite, "
          f"{len(declared)} type names, {len(set(problems))} backward uses")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
