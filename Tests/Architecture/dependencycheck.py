#!/usr/bin/env python3
"""Every module a target imports is a dependency it declares in Package.swift.

    python3 Tests/Architecture/dependencycheck.py PACKAGE-JSON

PACKAGE-JSON is `swift package dump-package`'s output. SwiftPM lets a target import a module
that only a dependency of a dependency brings, so a missing line in Package.swift compiles
until the graph changes; this check makes it an error. The toolchain's own modules
(Foundation, Synchronization, Testing, …) need no line. Prints each undeclared import as
`file:line: Target imports Module, which Package.swift does not name`; exits 1 on any.
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

TOOLCHAIN = {"Foundation", "FoundationEssentials", "FoundationNetworking", "Synchronization", "Dispatch",
             "Glibc", "Musl", "Darwin", "CoreFoundation", "Testing", "XCTest", "PackagePlugin", "_Concurrency"}
IMPORT = re.compile(r"^\s*(?:@\w+\s+)*import\s+(?:(?:struct|enum|class|func|var|let|protocol|typealias)\s+)?(\w+)",
                    re.MULTILINE)


def main(argv: list[str]) -> int:
    package = json.loads(Path(argv[0]).read_text())
    root = Path(__file__).resolve().parents[2]
    problems = []
    for target in package["targets"]:
        if target["type"] in ("system", "plugin", "binary"):
            continue
        declared = set()
        for dependency in target.get("dependencies", []):
            (kind, value), = dependency.items()
            declared.add(value[0])
        default = root / ("Tests" if target["type"] == "test" else "Sources") / target["name"]
        folder = root / target["path"] if target.get("path") else default
        for path in sorted(folder.rglob("*.swift")):
            text = path.read_text()
            for match in IMPORT.finditer(text):
                module = match.group(1)
                if module in TOOLCHAIN or module == target["name"] or module in declared:
                    continue
                line = text.count("\n", 0, match.start()) + 1
                problems.append(f"{path.relative_to(root)}:{line}: {target['name']} imports {module}, "
                                f"which Package.swift does not name")
    for problem in problems:
        print(problem)
    print(f"dependencycheck: {'FAILED' if problems else 'ok'}: {len(problems)} undeclared imports")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
