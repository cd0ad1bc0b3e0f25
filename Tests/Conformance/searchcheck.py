#!/usr/bin/env python3
"""The `search` check of the conformance gate: the search page and its index
(SITE.md, "Search") in headless Chromium, as a reader uses it.

Called by gate.py (`gate.py site/ --only search`); alone:
`python searchcheck.py SITE`. It needs the example site (the queries below
are written from its content); another site gets the index and page checks
but not the queries.

1. The index: meta.json, every t/*.json and d/*.json parse; every word of
   every chunk is in the chunk its first two letters name; every posting
   points at a document; and in Chromium, assets/search.js folds and stems
   every word of the index to the key the build gave it (so the two stem the
   same), and, through PyStemmer (libstemmer, Snowball's C code), the build's
   key is Snowball's stem of the word.
2. Queries typed into the page, one key at a time (a compound's head, an
   inflected form, "aa" and "oe" for "å" and "ø", a typo): the first result
   is the expected page; the status line (role=status) says how many.
3. Keyboard: Tab from the top of the page reaches the field; while typing the
   focus stays in it; Tab goes on to the filters and then to the first
   result, whose Enter opens its page.
4. Filters with no words: a network and "Møde" list only that network's
   meetings, coming ones first.
5. Bad input: 3,000 characters, only punctuation, right-to-left marks and
   `<script>`: the page answers each (the status line changes), adds no
   element from the query, and logs no error.
6. A damaged chunk (a copy of the site whose t/ chunk is not JSON): the page
   says "Søgningen kunne ikke hentes" and shows the lists.
7. Without JavaScript: the form is hidden, the page says search needs it and
   links the lists.
8. axe-core (the gate's, WCAG 2.2 AA) on the page with results: no serious or
   critical violation; no Content Security Policy violation and no console
   error in any load.
"""

from __future__ import annotations

import json
import shutil
import sys
import tempfile
import time
from pathlib import Path
from urllib.parse import quote

from chromium import AXE_TAGS, axe_script, console_errors, watch_csp
from findings import Report, listed

# (query as typed, what it shows, the first result's address)
QUERIES = [
    ("genvinding", "a compound's head, never written alone", "/arrangementer/2026-12-10-virksomhedsbesoeg-hos-vestjysk-plast/"),
    ("lærepladserne", "an inflected form the site never writes", "/historier/lokale-laerepladser-paa-langeland/"),
    ("efteraarets moeder", "\"aa\" and \"oe\" for \"å\" and \"ø\"", "/arrangementer/2026-09-16-efteraarets-netvaerksmoeder/"),
    ("Rudkoebing julehandel", "\"oe\" for \"ø\", two words", "/arrangementer/2026-11-26-julehandel-og-netvaerk-i-rudkoebing/"),
    ("Plastgenvending", "one typo", "/arrangementer/2026-12-10-virksomhedsbesoeg-hos-vestjysk-plast/"),
]
HOSTILE = ["x" * 3000, "!!! ??? ... ---", "\u202e\u200fmøde\u202c", "<script>document.body.dataset.pwned=1</script>",
           "<img src=x onerror=alert(1)>"]

STATE_JS = """
var status = document.querySelector("[data-search-status]");
return {status: status ? status.textContent : null,
  answered: Number(document.querySelector("[data-search]").getAttribute("data-search-answered") || 0),
  hits: Array.from(document.querySelectorAll(".search-hit__title a")).map(a => a.getAttribute("href")),
  kinds: Array.from(document.querySelectorAll(".search-hit .badge--kind")).map(b => b.textContent),
  ended: Array.from(document.querySelectorAll(".search-hit")).map(li => !!li.querySelector(".badge--ended")),
  focus: document.activeElement ? (document.activeElement.id || document.activeElement.tagName) : null,
  csp: window.__cspViolations || [], pwned: document.body.dataset.pwned || null,
  scripts: document.scripts.length, images: document.images.length,
  listsShown: !document.querySelector("[data-search-lists]").hidden,
  listsText: document.querySelector("[data-search-lists-text]").textContent};
"""

STEM_JS = """
var chunks = arguments[0], lang = arguments[1], api = window.kredsSearchText, wrong = [], count = 0;
for (var name in chunks) {
  var words = chunks[name].w;
  for (var w in words) {
    count++;
    if (api.fold(w) !== w) wrong.push(w + ": folds to " + api.fold(w));
    else if (api.stem[lang](w) !== words[w]) wrong.push(w + ": search.js " + api.stem[lang](w) + ", build " + words[w]);
    else if (api.chunkKey(w) !== name) wrong.push(w + ": chunk " + api.chunkKey(w) + ", in " + name);
  }
}
return {count: count, wrong: wrong.slice(0, 10), wrongCount: wrong.length};
"""


def load_index(folder: Path, report: Report) -> tuple[dict, dict, list]:
    """meta, the term chunks by key, the documents (structure checked)."""
    meta = json.loads((folder / "meta.json").read_text(encoding="utf-8"))
    chunks = {}
    for key in meta["keys"]:
        chunks[key] = json.loads((folder / "t" / f"{key}.json").read_text(encoding="utf-8"))
    extra = sorted(p.stem for p in (folder / "t").glob("*.json") if p.stem not in chunks)
    if extra:
        report.findings.append(f"t/ chunks meta.json does not list: {listed(extra)}")
    documents = []
    n = 0
    while (folder / "d" / f"{n}.json").is_file():
        documents += json.loads((folder / "d" / f"{n}.json").read_text(encoding="utf-8"))
        n += 1
    if len(documents) != meta["docs"]:
        report.findings.append(f"meta.json says {meta['docs']} documents, d/ holds {len(documents)}")
    for key, chunk in chunks.items():
        for postings in chunk["k"].values():
            if len(postings) % 2 or any(not 0 <= d < len(documents) for d in postings[0::2]):
                report.findings.append(f"t/{key}.json: a posting points at no document")
                break
    return meta, chunks, documents


def check_site(site, server, make_driver) -> Report:
    report = Report()
    started = time.monotonic()
    page = site.root / site.words["search"] / "index.html"
    if not page.is_file():
        report.findings.append("the site has no search page (soeg/ or search/)")
        report.summary = "no search page"
        return report
    data = page.parent / "data"
    meta, chunks, documents = load_index(data, report)
    url = server.url_of(site, page)
    notes = []

    # 1b. libstemmer's stems of the index's words.
    try:
        import Stemmer

        stemmer = Stemmer.Stemmer("danish" if meta["lang"] == "da" else "english")
        words = {w: k for c in chunks.values() for w, k in c["w"].items() if w.isascii()}
        off = [f"{w}: build {k}, libstemmer {stemmer.stemWord(w)}" for w, k in words.items()
               if stemmer.stemWord(w) != k]
        if off:
            report.findings.append(f"{len(off)} of {len(words)} words stemmed unlike libstemmer: {listed(off, 6)}")
        notes.append(f"{len(words)} words of the index stemmed as libstemmer {Stemmer.version()} does")
    except ImportError:
        report.findings.append("PyStemmer is not installed (Tests/Conformance/requirements.txt)")

    axe_path, axe_version = axe_script()
    driver = make_driver()
    serious = 0
    try:
        watch_csp(driver)
        driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", {
            "width": 390, "height": 844, "deviceScaleFactor": 1, "mobile": True})
        from selenium.webdriver.common.by import By
        from selenium.webdriver.common.keys import Keys

        def state():
            return driver.execute_script(STATE_JS)

        def wait_for(condition, timeout=10.0):
            end = time.monotonic() + timeout
            while time.monotonic() < end:
                s = state()
                if condition(s):
                    return s
                time.sleep(0.05)
            return state()

        def errors(where):
            for message in console_errors(driver):
                report.findings.append(f"{where}: console error: {message}")
            s = state()
            for v in s["csp"]:
                report.findings.append(f"{where}: Content Security Policy violation: {v}")

        # 1a. search.js stems as the build did.
        driver.get(url)
        result = driver.execute_script(STEM_JS, chunks, meta["lang"])
        if result["wrongCount"]:
            report.findings.append(f"search.js and the build disagree on {result['wrongCount']} of {result['count']} "
                                   f"words: {listed(result['wrong'], 6)}")
        notes.append(f"search.js folds, stems and files {result['count']} words as the build did")

        # 3. Keyboard: Tab to the field, type, Tab on to the first result.
        driver.get(url)
        tabs = 0
        while state()["focus"] != "search-q" and tabs < 30:
            driver.switch_to.active_element.send_keys(Keys.TAB)
            tabs += 1
        if state()["focus"] != "search-q":
            report.findings.append("keyboard: Tab never reaches the search field")
        first_query, _, first_expected = QUERIES[0]
        field = driver.switch_to.active_element
        for ch in first_query:
            field.send_keys(ch)
        s = wait_for(lambda s: s["hits"] and s["hits"][0].rstrip("/").endswith(first_expected.rstrip("/")))
        if s["focus"] != "search-q":
            report.findings.append(f"keyboard: the focus left the field while typing (now on {s['focus']})")
        steps = 0
        while True:
            driver.switch_to.active_element.send_keys(Keys.TAB)
            steps += 1
            href = driver.switch_to.active_element.get_attribute("href") or ""
            if href.rstrip("/").endswith(first_expected.rstrip("/")) or steps > 10:
                break
        if steps > 10:
            report.findings.append("keyboard: Tab from the field does not reach the first result")
        else:
            driver.switch_to.active_element.send_keys(Keys.ENTER)
            time.sleep(0.5)
            if not driver.current_url.rstrip("/").endswith(first_expected.rstrip("/")):
                report.findings.append(f"keyboard: Enter on the first result opened {driver.current_url}")
        notes.append(f"keyboard: {tabs} Tabs to the field, typed \"{first_query}\", {steps} Tabs to the first result, "
                     f"Enter opened it")

        # 2. The queries, typed one key at a time.
        for query, what, expected in QUERIES:
            driver.get(url)
            field = driver.find_element(By.ID, "search-q")
            field.click()
            for ch in query:
                field.send_keys(ch)
            s = wait_for(lambda s: s["hits"] and s["hits"][0].rstrip("/").endswith(expected.rstrip("/")))
            first = s["hits"][0] if s["hits"] else None
            if not first or not first.rstrip("/").endswith(expected.rstrip("/")):
                report.findings.append(f"query \"{query}\" ({what}): first result {first}, expected {expected}; "
                                       f"status \"{s['status']}\"; results {listed(s['hits'], 3)}")
            notes.append(f"\"{query}\" ({what}): {s['status']}; first {first}")
            errors(f"query \"{query}\"")

        # 8. axe on the page with results.
        driver.get(url + "?q=" + quote("netværk"))
        wait_for(lambda s: s["hits"])
        from axe_selenium_python import Axe

        axe = Axe(driver, script_url=axe_path)
        axe.inject()
        ran = driver.execute_script("return axe.version") or axe_version
        found = axe.run(options=json.dumps({"runOnly": {"type": "tag", "values": list(AXE_TAGS)},
                                            "resultTypes": ["violations"]}))
        for v in found.get("violations", []):
            if v.get("impact") in ("serious", "critical"):
                serious += 1
                report.findings.append(f"axe {v['impact']} {v['id']}: {v.get('help')} "
                                       f"({'; '.join(', '.join(map(str, n.get('target', []))) for n in v['nodes'][:3])})")
        notes.append(f"axe-core {ran} on the page with results: {serious} serious/critical")
        errors("axe page")

        # 4. Filters without words.
        network = meta["networks"][0][0] if meta["networks"] else ""
        driver.get(url + f"?network={network}&kind=event")
        s = wait_for(lambda s: s["answered"] >= 1)
        ids = {d[2]: d for d in documents}
        bad = [h for h in s["hits"] if h not in ids or ids[h][0] != "event"
               or 0 not in ids[h][5]]
        if not s["hits"] or bad:
            report.findings.append(f"filters: {network}, meetings: {len(s['hits'])} shown, {listed(bad, 3)} not its "
                                   f"meetings")
        if s["ended"] and any(e and not later for e, later in zip(s["ended"], s["ended"][1:])):
            report.findings.append("filters: an ended meeting is listed before a coming one")
        notes.append(f"filters (network {network}, meetings, no words): {s['status']}")

        # 5. Bad input.
        for query in HOSTILE:
            driver.get(url)
            before = wait_for(lambda s: s["answered"] >= 1)  # the empty page's own answer
            field = driver.find_element(By.ID, "search-q")
            driver.execute_script("arguments[0].value = arguments[1];"
                                  "arguments[0].dispatchEvent(new Event('input'));", field, query)
            field.send_keys(" ")
            s = wait_for(lambda s: s["answered"] > before["answered"], timeout=5)
            label = repr(query[:30]) + ("…" if len(query) > 30 else "")
            if s["answered"] <= before["answered"] or not s["status"]:
                report.findings.append(f"bad input {label}: the page did not answer")
            if s["pwned"] or s["scripts"] != before["scripts"] or s["images"] != before["images"]:
                report.findings.append(f"bad input {label}: the query became markup")
            errors(f"bad input {label}")
        notes.append(f"bad input: {len(HOSTILE)} queries answered, none became markup")

    finally:
        driver.quit()

    # 6. A damaged chunk, in a copy of the site.
    from localserver import LocalServer
    from builtsite import Site

    with tempfile.TemporaryDirectory(prefix="kreds-search-") as tmp:
        copy = Path(tmp) / "site"
        shutil.copytree(site.root, copy)
        broken = copy / page.parent.relative_to(site.root) / "data" / "t" / "ge.json"
        broken.write_text("{ this is not json", encoding="utf-8")
        copy_site = Site(copy)
        driver = make_driver()
        try:
            with LocalServer.of_site(copy_site) as other:
                driver.get(other.url_of(copy_site, copy / page.relative_to(site.root)) + "?q=genbrug")
                end = time.monotonic() + 10
                s = driver.execute_script(STATE_JS)
                while not s["listsShown"] and time.monotonic() < end:
                    time.sleep(0.05)
                    s = driver.execute_script(STATE_JS)
                failed = "kunne ikke hentes" in (s["status"] or "") or "could not be loaded" in (s["status"] or "")
                if not failed or not s["listsShown"]:
                    report.findings.append(f"damaged chunk: status \"{s['status']}\", lists shown {s['listsShown']}")
                notes.append(f"damaged t/ge.json: \"{s['status']}\", the lists shown")
        finally:
            driver.quit()

    # 7. JavaScript off.
    driver = make_driver(javascript=False)
    try:
        driver.get(url)
        form_hidden = driver.find_element("css selector", "[data-search-form]").get_attribute("hidden") is not None
        lists = driver.find_element("css selector", "[data-search-lists]")
        links = lists.find_elements("css selector", "a[href]")
        if not form_hidden or not lists.is_displayed() or len(links) < 4:
            report.findings.append(f"no JavaScript: form hidden {form_hidden}, lists shown {lists.is_displayed()}, "
                                   f"{len(links)} links")
        notes.append(f"no JavaScript: \"{lists.text.splitlines()[0] if lists.text else ''}\", {len(links)} lists linked")
    finally:
        driver.quit()

    report.notes += notes
    report.summary = (f"{meta['docs']} documents, {len(chunks)} word chunks; {len(QUERIES)} typed queries, keyboard, "
                      f"filters, {len(HOSTILE)} hostile queries, a damaged chunk, no JavaScript; axe-core: {serious} "
                      f"serious/critical; {len(report.findings)} problems ({time.monotonic() - started:.0f} s)")
    return report


def main(argv: list[str]) -> int:
    from localserver import run_alone

    return run_alone(check_site, "search", argv)

if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
