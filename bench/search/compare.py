#!/usr/bin/env python3
"""Kreds' search against Pagefind on the same built sites (docs/PERFORMANCE.md, "Search").

    .venv/bin/python bench/search/compare.py --kreds .build/release/kreds [--corpus 10000]

`make bench-search` runs it. For the example site (content/) and a small English site
(bench/search/english/content) it:

1. builds the site with Kreds (which writes its index, soeg/data/ or search/data/);
2. copies it and runs Pagefind 1.5.2 over the copy as its expert users would: only the pages
   Kreds indexes (events, stories, newsletters, networks, free pages) are marked
   `data-pagefind-body`, on their `<main>`, so both engines index the same documents and
   neither the menus nor the lists; Pagefind picks Danish or English stemming from
   `<html lang>`;
3. in headless Chromium, runs every query of bench/search/queries.tsv through each engine's
   JavaScript API (`window.kredsSearch` on Kreds' search page; `pagefind.search()` and each
   result's `data()` on a page without a Content Security Policy, as Pagefind needs
   'wasm-unsafe-eval'), and counts a hit when an expected page is in the first 5 results;
4. records every file the browser fetched for the search, from loading the page through the
   first query, then for a second query, and sizes each as a host would serve it (gzip -6,
   and Brotli 11 as a host serves precompressed files); the page's own HTML, stylesheet and
   time.js are the same for both and are left out;
5. with --corpus N, builds the bench corpus of N files (bench/generate.py) with and without
   `search: false`, 5 times each (alternating, into /dev/shm when there is one), and runs
   Pagefind over the built site, for the build time each adds.

Prints a Markdown report and writes it to build/search-bench/report.md.
"""

from __future__ import annotations

import argparse
import gzip
import json
import re
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

import brotli

REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO / "Tests" / "Conformance"))
from builtsite import Site  # noqa: E402
from chromium import make_driver  # noqa: E402
from localserver import LocalServer  # noqa: E402

OUT = REPO / "build" / "search-bench"
NOW = "2026-11-23 12:00"
SITES = {"example": REPO / "content", "english": REPO / "bench" / "search" / "english" / "content"}
SECOND_QUERY = {"example": "genbrug", "english": "ferries"}

PAGEFIND_PAGE = """<!DOCTYPE html><html lang="{lang}"><head><meta charset="utf-8"><title>Pagefind</title></head>
<body><p>Pagefind bench page</p></body></html>
"""

PAGEFIND_JS = """
var done = arguments[arguments.length - 1], query = arguments[0];
(async function () {
  if (!window.__pf) { window.__pf = await import("/pagefind/pagefind.js"); await window.__pf.init(); }
  var found = await window.__pf.search(query);
  var top = await Promise.all(found.results.slice(0, 5).map(function (r) { return r.data(); }));
  return top.map(function (d) { return d.url; });
})().then(done, function (e) { done({error: String(e)}); });
"""

KREDS_JS = """
var done = arguments[arguments.length - 1], query = arguments[0];
(function wait() {
  if (!window.kredsSearch) return setTimeout(wait, 20);
  window.kredsSearch(query).then(function (urls) { done(urls.slice(0, 5)); }, function (e) { done({error: String(e)}); });
})();
"""



def kreds_index(built: Path) -> tuple[Path, set[str]]:
    """The folder of Kreds' index in a built site, and the addresses of its documents."""
    data = built / Site(built).words["search"] / "data"
    documents: set[str] = set()
    for chunk in sorted((data / "d").glob("*.json")):
        documents.update(d[2] for d in json.loads(chunk.read_text(encoding="utf-8")))
    return data, documents


def pagefind_index_files(folder: Path) -> list[Path]:
    """Pagefind's words and documents in a site it indexed: its index, fragment and filter
    chunks, its entry and its metadata (not its scripts, styles and WebAssembly)."""
    return sorted(p for p in (folder / "pagefind").rglob("*") if p.is_file()
                  and re.search(r"/(index|fragment|filter)/|pagefind-entry|\.pf_meta$", str(p)))


def served_sizes(paths: list[Path]) -> tuple[int, int, int]:
    """(raw, gzip -6, Brotli 11) octets of the files."""
    raw = gz = br = 0
    for path in paths:
        data = path.read_bytes()
        raw += len(data)
        gz += len(gzip.compress(data, compresslevel=6, mtime=0))
        br += len(brotli.compress(data, quality=11))
    return raw, gz, br


def kb(n: int) -> str:
    return f"{n / 1000:.1f} KB"


def build(kreds: str, content: Path, output: Path, extra_yaml: str = "") -> float:
    if output.exists():
        shutil.rmtree(output)
    source = content
    if extra_yaml:
        source = output.parent / (output.name + "-content")
        if source.exists():
            shutil.rmtree(source)
        shutil.copytree(content, source)
        with open(source / "site.yaml", "a", encoding="utf-8") as f:
            f.write(extra_yaml)
    started = time.monotonic()
    subprocess.run([kreds, "build", "--content", str(source), "--output", str(output), "--now", NOW, "--quiet",
                    "--image-cache", str(OUT / "image-cache")], check=True, stdout=subprocess.DEVNULL)
    return time.monotonic() - started


def pagefind_copy(site_dir: Path, target: Path, documents: set[str], lang: str) -> float:
    """A copy of the built site with Pagefind's index, the item pages marked; Pagefind's time."""
    if target.exists():
        shutil.rmtree(target)
    shutil.copytree(site_dir, target)
    site = Site(target)
    for page in target.rglob("index.html"):
        path = site.base_path + page.parent.relative_to(target).as_posix().strip(".") + "/"
        path = path.replace("//", "/")
        if path in documents:
            text = page.read_text(encoding="utf-8")
            page.write_text(text.replace('<main id="main" class="wrap">',
                                         '<main id="main" class="wrap" data-pagefind-body>', 1), encoding="utf-8")
    (target / "_pagefind_bench.html").write_text(PAGEFIND_PAGE.format(lang=lang), encoding="utf-8")
    started = time.monotonic()
    subprocess.run([sys.executable, "-m", "pagefind", "--site", str(target)], check=True,
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return time.monotonic() - started


def run_queries(root: Path, page: str, script: str, queries: list[tuple[str, str, str, list[str]]],
                second: str) -> dict:
    """Every query's top 5, and the files fetched for the first and the second query."""
    site = Site(root)
    out = {"top": [], "first": [], "second": []}
    with LocalServer.of_site(site) as server:
        base = server.url_of(site, root / "index.html")
        driver = make_driver()
        try:
            driver.set_script_timeout(60)
            # What the server is asked for (a Web Worker's fetches too, which the page's
            # Resource Timing does not see): from the page's load through the first query,
            # then for the second; the page itself, its stylesheet and time.js are the same
            # for both engines and left out.
            driver.get(base.rstrip("/") + page)
            driver.execute_async_script(script, queries[0][2])
            shared = ("/assets/kreds.css", "/assets/time.js", "/assets/favicon.svg", page)
            out["first"] = [p for p in server.requested if not p.split("?")[0].endswith(shared)]
            mark = len(server.requested)
            driver.execute_async_script(script, second)
            out["second"] = server.requested[mark:]
            for _site, kind, query, expected in queries:
                top = driver.execute_async_script(script, query)
                if isinstance(top, dict):
                    raise RuntimeError(f"{query}: {top['error']}")
                paths = [re.sub(r"^https?://[^/]+", "", u) for u in top]
                out["top"].append({"kind": kind, "query": query, "top": paths,
                                   "hit": any(p in expected for p in paths)})
        finally:
            driver.quit()
    return out


def files_of(root: Path, requested: list[str]) -> list[Path]:
    """The files behind the paths the server was asked for (each once, as a browser caches)."""
    site = Site(root)
    paths = []
    for request in requested:
        path = site.file_of_url(request.split("?")[0])
        if path and path.is_file() and path not in paths:
            paths.append(path)
    return paths


def main(argv: list[str]) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--kreds", default=str(REPO / ".build" / "release" / "kreds"))
    ap.add_argument("--corpus", type=int, default=0, help="also time builds of the bench corpus of N files")
    args = ap.parse_args(argv)
    OUT.mkdir(parents=True, exist_ok=True)
    rows = [line.split("\t") for line in (REPO / "bench" / "search" / "queries.tsv").read_text(encoding="utf-8")
            .splitlines() if line and not line.startswith("#")][1:]
    queries = {name: [(r[0], r[1], r[2], r[3].split()) for r in rows if r[0] == name] for name in SITES}
    report = ["# Search: Kreds against Pagefind 1.5.2", ""]
    for name, content in SITES.items():
        built = OUT / name
        build(args.kreds, content, built)
        site = Site(built)
        data, documents = kreds_index(built)
        meta = json.loads((data / "meta.json").read_text(encoding="utf-8"))
        pf_dir = OUT / f"{name}-pagefind"
        pf_time = pagefind_copy(built, pf_dir, documents, meta["lang"])
        kreds = run_queries(built, "/" + site.words["search"] + "/", KREDS_JS, queries[name], SECOND_QUERY[name])
        pagefind = run_queries(pf_dir, "/_pagefind_bench.html", PAGEFIND_JS, queries[name], SECOND_QUERY[name])
        report += [f"## {name} ({meta['docs']} documents, {len(queries[name])} queries)", "",
                   "| | Kreds | Pagefind |", "|---|---|---|"]
        for label, engine, root in (("Kreds", kreds, built), ("Pagefind", pagefind, pf_dir)):
            engine["first_sizes"] = served_sizes(files_of(root, engine["first"]))
            engine["second_sizes"] = served_sizes(files_of(root, engine["second"]))
            index = sorted(data.rglob("*.json")) if label == "Kreds" else pagefind_index_files(pf_dir)
            engine["index_sizes"] = served_sizes(index)
            engine["index_files"] = len(index)
        hits = {k: sum(q["hit"] for q in v["top"]) for k, v in (("Kreds", kreds), ("Pagefind", pagefind))}
        report.append(f"| expected page in the first 5 | **{hits['Kreds']}** of {len(queries[name])} | "
                      f"**{hits['Pagefind']}** of {len(queries[name])} |")
        for kind in sorted({q[1] for q in queries[name]}):
            k = sum(q["hit"] for q in kreds["top"] if q["kind"] == kind)
            p = sum(q["hit"] for q in pagefind["top"] if q["kind"] == kind)
            n = sum(1 for q in queries[name] if q[1] == kind)
            report.append(f"| – {kind} | {k} of {n} | {p} of {n} |")
        for label, key in (("first query, fetched (files; raw / gzip / Brotli)", "first_sizes"),
                           ("second query, fetched", "second_sizes")):
            k, p = kreds[key], pagefind[key]
            files = "" if key != "first_sizes" else f"{len(kreds['first'])} files: "
            pfiles = "" if key != "first_sizes" else f"{len(pagefind['first'])} files: "
            report.append(f"| {label} | {files}{kb(k[0])} / {kb(k[1])} / **{kb(k[2])}** | "
                          f"{pfiles}{kb(p[0])} / {kb(p[1])} / **{kb(p[2])}** |")
        report.append(f"| index: words and documents (files; raw / gzip / Brotli) | {kreds['index_files']}: "
                      f"{kb(kreds['index_sizes'][0])} / {kb(kreds['index_sizes'][1])} / {kb(kreds['index_sizes'][2])} | "
                      f"{pagefind['index_files']}: {kb(pagefind['index_sizes'][0])} / {kb(pagefind['index_sizes'][1])} / "
                      f"{kb(pagefind['index_sizes'][2])} |")
        report.append(f"| Pagefind's own run over the built site | – | {pf_time:.2f} s |")
        report += ["", "| kind | query | Kreds' first 5 | Pagefind's first 5 |", "|---|---|---|---|"]
        for qk, qp in zip(kreds["top"], pagefind["top"]):
            def cell(q):
                mark = "✓" if q["hit"] else "✗"
                return f"{mark} " + (", ".join(p.strip("/").split("/")[-1][:28] for p in q["top"][:3]) or "–")
            report.append(f"| {qk['kind']} | {qk['query']} | {cell(qk)} | {cell(qp)} |")
        report.append("")

    if args.corpus:
        corpus = OUT / f"corpus-{args.corpus}"
        subprocess.run([sys.executable, str(REPO / "bench" / "generate.py"), "--files", str(args.corpus),
                        "--kreds", str(corpus), "--hugo", str(OUT / f"corpus-{args.corpus}-hugo")], check=True,
                       stdout=subprocess.DEVNULL)
        # The builds write to memory (tmpfs) when the machine has /dev/shm: writing 20,000 files to
        # disk varies by seconds from one run to the next and would drown the difference.
        scratch = Path("/dev/shm/kreds-search-bench") if Path("/dev/shm").is_dir() else OUT
        scratch.mkdir(parents=True, exist_ok=True)
        with_search, without = [], []
        for _ in range(5):
            with_search.append(build(args.kreds, corpus, scratch / "corpus-site"))
            without.append(build(args.kreds, corpus, scratch / "corpus-site-nosearch", extra_yaml="search: false\n"))
        if scratch != OUT:
            shutil.rmtree(OUT / "corpus-site", ignore_errors=True)
            shutil.copytree(scratch / "corpus-site", OUT / "corpus-site")
            shutil.rmtree(scratch, ignore_errors=True)
        built = OUT / "corpus-site"
        data, documents = kreds_index(built)
        index = sorted(data.rglob("*.json"))
        sizes = served_sizes(index)
        pf_time = pagefind_copy(built, OUT / "corpus-pagefind", documents, "da")
        pf_index = pagefind_index_files(OUT / "corpus-pagefind")
        pf_sizes = served_sizes(pf_index)
        w, wo = statistics.median(with_search), statistics.median(without)
        report += [f"## The bench corpus of {args.corpus} files ({len(documents)} documents)", "",
                   "| | Kreds | Pagefind |", "|---|---|---|",
                   f"| full build without search (`search: false`), median of 5 | {wo:.2f} s | |",
                   f"| full build with search, median of 5 | {w:.2f} s (+{(w - wo) / wo * 100:.1f} %) | "
                   f"Pagefind after it: +{pf_time:.2f} s (+{pf_time / wo * 100:.0f} %) |",
                   f"| index (files; raw / gzip / Brotli) | {len(index)}: {kb(sizes[0])} / {kb(sizes[1])} / "
                   f"{kb(sizes[2])} | {len(pf_index)}: {kb(pf_sizes[0])} / {kb(pf_sizes[1])} / {kb(pf_sizes[2])} |",
                   ""]
    text = "\n".join(report) + "\n"
    (OUT / "report.md").write_text(text, encoding="utf-8")
    print(text)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
