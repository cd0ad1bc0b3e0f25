#!/usr/bin/env python3
"""Records danish-stems.tsv and english-stems.tsv: libstemmer's stems (PyStemmer, Snowball's
own C code) of every folded word of the example site, the bench corpus's word list and common
Danish inflections of them, and of every word of Kreds' English guides (docs/*.md but the
Danish editors' guide), for the stemmer tests of Kreds' search (DanishStemmer.swift,
EnglishStemmer.swift and assets/search.js must give the same stems).

    .venv/bin/python Tests/Fixtures/search/record_stems.py

Needs PyStemmer (Tests/Conformance/requirements.txt). Review the diff before committing.
"""

from __future__ import annotations

import re
import sys
import unicodedata
from pathlib import Path

import Stemmer

REPO = Path(__file__).resolve().parents[3]
FOLD = {"æ": "ae", "ä": "ae", "ø": "oe", "ö": "oe", "å": "aa", "ß": "ss"}
SUFFIXES = ("", "e", "en", "et", "er", "erne", "ene", "s", "ens", "ets", "ernes", "ende", "ede",
            "else", "elig", "lig", "ig", "igst", "hed", "heden", "heder", "ning", "ningen", "t")


def fold(word: str) -> str:
    out = []
    for ch in word.lower():
        if ch in FOLD:
            out.append(FOLD[ch])
        elif ch.isascii():
            out.append(ch)
        else:
            out.append("".join(c for c in unicodedata.normalize("NFD", ch) if unicodedata.category(c) != "Mn"))
    return "".join(out)


def main() -> int:
    words: set[str] = set()
    for path in sorted((REPO / "content").rglob("*.md")):
        words.update(fold(w) for w in re.findall(r"[^\W_]+", path.read_text(encoding="utf-8")))
    bench = (REPO / "bench" / "generate.py").read_text(encoding="utf-8")
    block = bench.split('WORDS = """', 1)[1].split('"""', 1)[0]
    for word in block.split():
        words.update(fold(word + suffix) for suffix in SUFFIXES)
    english: set[str] = set()
    for path in sorted((REPO / "docs").glob("*.md")):
        if path.name != "EDITORS.da.md":
            english.update(fold(w) for w in re.findall(r"[^\W_]+", path.read_text(encoding="utf-8")))
    for name, language, found in (("danish", "Danish", words), ("english", "English", english)):
        found = {w for w in found if len(w) >= 2 and not w.isdigit()}
        stemmer = Stemmer.Stemmer(name)
        lines = [f"{w}\t{stemmer.stemWord(w)}" for w in sorted(found)]
        out = Path(__file__).with_name(f"{name}-stems.tsv")
        out.write_text(f"# word<TAB>libstemmer's {language} stem (folded words); made by record_stems.py\n"
                       + "\n".join(lines) + "\n", encoding="utf-8")
        print(f"{out}: {len(lines)} words")
    return 0


if __name__ == "__main__":
    sys.exit(main())
