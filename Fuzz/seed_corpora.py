#!/usr/bin/env python3
"""Seeds the fuzz corpora from the example site and the test fixtures.

Usage: seed_corpora.py OUTPUT_FOLDER [SOURCE_FOLDER ...]

Writes OUTPUT_FOLDER/<target>/<sha1> files in each target's input format (see the targets'
sources in Fuzz/Sources): a first byte that picks the kind of file, then the text.
"""
import hashlib
import pathlib
import re
import sys

# The first byte of FuzzFrontMatter's input (see its `paths`).
FRONT_MATTER_KINDS = {"settings": 0, "network": 1, "event": 2, "story": 3, "newsletter": 4, "page": 5}
# The first byte of FuzzContentFile's input (see its `paths`).
CONTENT_FILE_KINDS = {
    ("event", True): 0, ("story", True): 1, ("network", True): 2, ("newsletter", True): 3,
    ("page", False): 4, ("event", False): 5, ("story", False): 6, ("newsletter", False): 7,
}


def kind_of(relative):
    """The kind of content file and whether it lies in a network folder, as ContentPath says."""
    parts = relative.parts
    if parts == ("site.yaml",):
        return "settings", False
    if parts[-1:] != ("index.md",) and not parts[-1].endswith(".md"):
        return None
    if len(parts) == 2 and parts[0] in ("pages", "events", "stories", "newsletters"):
        return {"pages": "page", "events": "event", "stories": "story",
                "newsletters": "newsletter"}[parts[0]], False
    if len(parts) == 3 and parts[0] == "networks" and parts[2] == "index.md":
        return "network", True
    if len(parts) == 4 and parts[0] == "networks" and parts[2] in ("events", "stories", "newsletters"):
        return {"events": "event", "stories": "story", "newsletters": "newsletter"}[parts[2]], True
    return None


def split(data):
    """The front matter and the body of a content file, or None when it has no front matter."""
    lines = data.split(b"\n")
    if not lines or lines[0].rstrip(b" \t\r") != b"---":
        return None
    for index in range(1, len(lines)):
        if lines[index].rstrip(b" \t\r") == b"---":
            return b"\n".join(lines[1:index]), b"\n".join(lines[index + 1:])
    return None


def content_folders(sources):
    """Every content folder: a folder with a site.yaml, or any `content` folder."""
    found = set()
    for source in sources:
        root = pathlib.Path(source)
        for settings in root.rglob("site.yaml"):
            found.add(settings.parent)
        for folder in root.rglob("content"):
            if folder.is_dir():
                found.add(folder)
        if (root / "site.yaml").exists():
            found.add(root)
    return sorted(found)


def main():
    output = pathlib.Path(sys.argv[1])
    sources = sys.argv[2:] or ["content", "Tests/Fixtures"]
    corpora = {}

    def add(target, data):
        corpora.setdefault(target, set()).add(bytes(data))

    rule_pattern = re.compile(rb"(?:RRULE:)?FREQ=[A-Za-z0-9=;,:+\-]*")
    start_pattern = re.compile(rb"^start:\s*\"?([0-9]{4}-[0-9]{2}-[0-9]{2}(?: [0-9]{2}:[0-9]{2})?)", re.M)
    for folder in content_folders(sources):
        for file in sorted(folder.rglob("*")):
            if not file.is_file():
                continue
            relative = file.relative_to(folder)
            kind = kind_of(relative)
            if kind is None:
                continue
            data = file.read_bytes()
            name, in_network = kind
            if name == "settings":
                add("FuzzFrontMatter", bytes([FRONT_MATTER_KINDS["settings"]]) + data)
                continue
            add("FuzzContentFile", bytes([CONTENT_FILE_KINDS[(name, in_network)]]) + data)
            parts = split(data)
            if parts is None:
                continue
            front_matter, body = parts
            add("FuzzFrontMatter", bytes([FRONT_MATTER_KINDS[name]]) + front_matter)
            if body.strip():
                add("FuzzMarkdown", b"\x00" + body)
            start = start_pattern.search(front_matter)
            for rule in rule_pattern.findall(front_matter):
                add("FuzzRecurrenceRule", rule + (b"\n" + start.group(1) if start else b""))

    # Rules the unit tests feed the parser and the expander, malformed ones included.
    for test in sorted(pathlib.Path("Tests").rglob("*.swift")):
        for rule in re.findall(rb'"((?:RRULE:)?FREQ=[^"\\]*)', test.read_bytes()):
            add("FuzzRecurrenceRule", rule)

    # The default theme's templates, as a theme editor starts from them.
    for template in sorted(pathlib.Path("templates").glob("*.mustache")):
        add("FuzzTemplate", template.read_bytes())

    for target, inputs in sorted(corpora.items()):
        folder = output / target
        folder.mkdir(parents=True, exist_ok=True)
        for data in inputs:
            (folder / hashlib.sha1(data).hexdigest()).write_bytes(data)
        print(f"{target}: {len(inputs)} seeds in {folder}")


if __name__ == "__main__":
    main()
