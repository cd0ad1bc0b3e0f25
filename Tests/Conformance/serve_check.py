"""End-to-end checks of `kreds serve` and `kreds new`, the way an editor uses them.

Run as: python Tests/Conformance/serve_check.py .build/release/kreds content

- serve: starts `kreds serve` on a free loopback port over a copy of the example content,
  fetches pages and checks their content types, edits an event's title and sees it served,
  breaks a file and sees the problems page, fixes it and sees the page again, gets reload
  events, asks for paths outside the site (raw `..`, encoded variants, absolute paths) and
  gets 404 without any outside content, runs a bounded load from a second process, and stops
  on SIGINT. Nothing is written into the content folder, and no site folder appears.
- new: creates a network, an event, a story and a newsletter in a copy of the example content,
  checks that the site still builds, and that `new` refuses to overwrite.

Every wait polls with a time limit; nothing sleeps a fixed time to pass. Ends with the line
`serve: N passed, N failed`.
"""

from __future__ import annotations

import hashlib
import http.client
import multiprocessing
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from times import DEFAULT_NOW as NOW

REPO = Path(__file__).resolve().parents[2]
EVENT = "networks/groent-industrinetvaerk-nyborg/events/2027-01-20-morgenmoede-om-energi.md"
EVENT_PAGE = "/arrangementer/2027-01-20-morgenmoede-om-energi/"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def request(port: int, path: str, method: str = "GET", timeout: float = 5.0):
    """(status, headers, body) for a raw path, sent exactly as given."""
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=timeout)
    try:
        connection.putrequest(method, path, skip_accept_encoding=True)
        connection.endheaders()
        response = connection.getresponse()
        body = response.read()
        return response.status, {k.lower(): v for k, v in response.getheaders()}, body
    finally:
        connection.close()


def wait_for(condition, limit: float, what: str):
    """Polls `condition` until it returns something true, or fails after `limit` seconds."""
    deadline = time.monotonic() + limit
    last_error = None
    while time.monotonic() < deadline:
        try:
            result = condition()
            if result:
                return result
        except OSError as error:  # the server is not listening yet
            last_error = error
        time.sleep(0.05)
    raise AssertionError(f"timed out after {limit:.0f} s waiting for {what}" + (f" ({last_error})" if last_error else ""))


def tree_digest(folder: Path) -> str:
    digest = hashlib.sha256()
    for path in sorted(folder.rglob("*")):
        if path.is_file():
            digest.update(str(path.relative_to(folder)).encode())
            digest.update(path.read_bytes())
    return digest.hexdigest()


def load_worker(port: int, paths: list[str], seconds: float, results) -> None:
    """One client of the load test: requests in a loop, counting answers and failures."""
    ok = failed = 0
    deadline = time.monotonic() + seconds
    index = 0
    while time.monotonic() < deadline:
        try:
            status, _, _ = request(port, paths[index % len(paths)], timeout=10)
            if status == 200:
                ok += 1
            else:
                failed += 1
        except OSError:
            failed += 1
        index += 1
    results.put((ok, failed))


def load_process(port: int, paths: list[str], clients: int, seconds: float, results) -> None:
    """The second process of the load test: `clients` concurrent clients for `seconds`."""
    import threading

    threads = [threading.Thread(target=load_worker, args=(port, paths, seconds, results)) for _ in range(clients)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()


class Checks:
    def __init__(self) -> None:
        self.passed = 0
        self.failed = 0

    def run(self, name: str, check) -> None:
        started = time.monotonic()
        try:
            summary = check()
            self.passed += 1
            print(f"{name:<10} PASS  {summary}  ({time.monotonic() - started:.1f} s)", flush=True)
        except Exception as error:  # a failed check reports and the others still run
            self.failed += 1
            print(f"{name:<10} FAIL  {error}", flush=True)


def check_serve(binary: Path, content: Path) -> str:
    work = Path(tempfile.mkdtemp(prefix="kreds-serve-"))
    try:
        shutil.copytree(content, work / "content")
        before = tree_digest(work / "content")
        port = free_port()
        process = subprocess.Popen(
            [str(binary.resolve()), "serve", "--port", str(port), "--now", NOW],
            cwd=work, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, env={**os.environ, "NO_COLOR": "1"})
        findings: list[str] = []
        try:
            wait_for(lambda: request(port, "/")[0] == 200, 60, "the server to answer")

            expected_types = {
                "/": "text/html; charset=utf-8",
                EVENT_PAGE: "text/html; charset=utf-8",
                "/feed.xml": "application/atom+xml",
                "/sitemap.xml": "application/xml",
                "/assets/kreds.css": "text/css",
                "/media/program/esg-temamoede-2027-02-11.pdf": "application/pdf",
                # Picture variants, made when first asked for (issue 18).
                "/media/foto/klit-ved-havet.480w.webp": "image/webp",
                "/media/foto/klit-ved-havet.960w.jpg": "image/jpeg",
                "/media/foto/klit-ved-havet.1200x630.jpg": "image/jpeg",
            }
            for path, expected in expected_types.items():
                status, headers, _ = request(port, path)
                if status != 200 or not headers.get("content-type", "").startswith(expected):
                    findings.append(f"{path}: {status} {headers.get('content-type')}, expected 200 {expected}")
            # The variant served is the one a build writes.
            _, _, variant = request(port, "/media/foto/klit-ved-havet.480w.webp")
            built = REPO / "site" / "media" / "foto" / "klit-ved-havet.480w.webp"
            if built.is_file() and variant != built.read_bytes():
                findings.append("/media/foto/klit-ved-havet.480w.webp differs from the built site's")
            status, headers, _ = request(port, "/netvaerk")
            if status != 301 or headers.get("location") != "/netvaerk/":
                findings.append(f"/netvaerk: {status} to {headers.get('location')}, expected 301 to /netvaerk/")
            status, _, body = request(port, "/findes-ikke/")
            if status != 404 or b"Siden findes ikke" not in body:
                findings.append(f"/findes-ikke/: {status}, expected 404 with the site's 404 page")
            _, _, home = request(port, "/")
            if b"/__kreds/reload" not in home:
                findings.append("the served page has no reload script")

            # Reload events: open the stream first, then change a file.
            stream = http.client.HTTPConnection("127.0.0.1", port, timeout=15)
            stream.request("GET", "/__kreds/reload")
            events = stream.getresponse()
            if not events.getheader("content-type", "").startswith("text/event-stream"):
                findings.append("/__kreds/reload is not text/event-stream")

            event_file = work / "content" / EVENT
            original = event_file.read_text(encoding="utf-8")
            lines = original.split("\n")
            title_index = next(i for i, line in enumerate(lines) if line.startswith("title:"))
            lines[title_index] = 'title: "Morgenmøde med ny titel fra testen"'
            event_file.write_text("\n".join(lines), encoding="utf-8")
            started = time.monotonic()
            wait_for(lambda: "Morgenmøde med ny titel fra testen" in request(port, EVENT_PAGE)[2].decode(), 10,
                     "the edited title to be served")
            edit_seconds = time.monotonic() - started
            got_reload = wait_for(lambda: b"data: reload" in events.fp.readline(), 10, "a reload event")
            stream.close()

            broken = "\n".join(lines).replace("---\n", "---\nstrat: 2027-01-20 09:00\n", 1)
            event_file.write_text(broken, encoding="utf-8")
            wait_for(lambda: b"unknown key &#39;strat&#39;" in request(port, EVENT_PAGE)[2]
                     or b"unknown key 'strat'" in request(port, EVENT_PAGE)[2], 10, "the problems page")
            _, _, broken_page = request(port, EVENT_PAGE)
            if b"kreds-problems" not in broken_page or b":2:1: error:" not in broken_page:
                findings.append("the problems page does not list the diagnostic with file:line:column")
            event_file.write_text(original, encoding="utf-8")
            wait_for(lambda: b"kreds-problems" not in request(port, EVENT_PAGE)[2], 10, "the page to come back")

            secret = work / "secret.txt"
            secret.write_text("SECRET-OUTSIDE-THE-SITE", encoding="utf-8")
            outside = [
                "/../secret.txt", "/../../etc/passwd", "/%2e%2e/secret.txt", "/%2E%2E/%2E%2E/etc/passwd",
                "/..%2fsecret.txt", "/..%2F..%2Fetc%2Fpasswd", "/assets/../../secret.txt",
                "/assets/%2e%2e/%2e%2e/secret.txt", "//etc/passwd", "/%2fetc%2fpasswd",
                "/content/site.yaml", "/../content/site.yaml", "/media/../../content/site.yaml",
                "/%252e%252e/secret.txt", "/.%2e/secret.txt", "/%00/etc/passwd", "/etc/passwd",
            ]
            for path in outside:
                status, _, body = request(port, path)
                if status not in (400, 404) or b"SECRET-OUTSIDE" in body or b"root:" in body or b"base_url" in body:
                    findings.append(f"{path}: {status}, expected 404 and nothing from outside the site")

            results = multiprocessing.Queue()
            clients, seconds = 50, 10.0
            pages = ["/", EVENT_PAGE, "/arrangementer/", "/netvaerk/", "/assets/kreds.css", "/feed.xml"]
            loader = multiprocessing.Process(target=load_process, args=(port, pages, clients, seconds, results))
            loader.start()
            loader.join(timeout=seconds + 60)
            if loader.is_alive():
                loader.terminate()
                findings.append("the load test did not finish")
            answers = [results.get(timeout=5) for _ in range(clients)]
            ok = sum(a for a, _ in answers)
            failed = sum(b for _, b in answers)
            if failed:
                findings.append(f"load: {failed} failed requests of {ok + failed}")

            process.send_signal(signal.SIGINT)
            try:
                code = process.wait(timeout=10)
                if code != 0:
                    findings.append(f"after Ctrl-C the server exited with {code}")
            except subprocess.TimeoutExpired:
                findings.append("the server did not stop within 10 s of Ctrl-C")
        finally:
            if process.poll() is None:
                process.kill()
                process.wait()
        if (work / "site").exists():
            findings.append("serve wrote a site folder")
        if tree_digest(work / "content") != before:
            findings.append("the content folder changed (beyond the test's own edits, which it undid)")
        if findings:
            output = process.stdout.read().decode(errors="replace")[-2000:] if process.stdout else ""
            raise AssertionError("; ".join(findings) + f"\n--- server output ---\n{output}")
        return (f"types, 301 and 404 right; edit served in {edit_seconds:.2f} s; reload event {'seen' if got_reload else 'missing'}; "
                f"problems page shown and cleared; {len(outside)} outside paths refused; "
                f"load {clients} clients x {seconds:.0f} s: {ok} requests, {ok / seconds:.0f}/s, 0 errors; stopped on Ctrl-C")
    finally:
        shutil.rmtree(work, ignore_errors=True)


def check_new(binary: Path, content: Path) -> str:
    work = Path(tempfile.mkdtemp(prefix="kreds-new-"))
    try:
        shutil.copytree(content, work / "content")
        kreds = [str(binary.resolve())]
        commands = [
            ["new", "network", "test-netvaerk", "--title", "Testnetværk: Ærø & omegn"],
            ["new", "event", "test-netvaerk", "--title", "Møde om æbler, øl og \"ånd\"", "--start", "2027-05-01 09:00"],
            ["new", "event", "test-netvaerk", "--title", "Hele dagen på Ærø", "--start", "2027-05-02"],
            ["new", "story", "test-netvaerk", "--title", "Søstrene # Å/S vandt"],
            ["new", "newsletter", "test-netvaerk"],
        ]
        made = []
        for command in commands:
            result = subprocess.run(kreds + command, cwd=work, capture_output=True, text=True)
            if result.returncode != 0:
                raise AssertionError(f"kreds {' '.join(command)} failed: {result.stderr.strip()}")
            path = work / result.stdout.strip()
            if not path.is_file():
                raise AssertionError(f"kreds {' '.join(command)} printed {result.stdout.strip()!r}, which is not a file")
            made.append(result.stdout.strip())
        expected = "content/networks/test-netvaerk/events/2027-05-01-moede-om-aebler-oel-og-aand.md"
        if expected not in made:
            raise AssertionError(f"the event's file name is not {expected}: {made}")
        check = subprocess.run(kreds + ["check", "--now", NOW], cwd=work, capture_output=True, text=True)
        if check.returncode != 0:
            raise AssertionError(f"the files made by new do not build: {check.stderr.strip()}")
        event = work / expected
        before = event.read_bytes()
        again = subprocess.run(kreds + commands[1], cwd=work, capture_output=True, text=True)
        if again.returncode != 2 or "already exists" not in again.stderr or event.read_bytes() != before:
            raise AssertionError(f"new overwrote or did not refuse: {again.returncode} {again.stderr.strip()}")
        unknown = subprocess.run(kreds + ["new", "story", "gront-netvaerk", "--title", "X"], cwd=work,
                                 capture_output=True, text=True)
        if unknown.returncode != 2:
            raise AssertionError("new accepted a network that does not exist")
        return f"{len(made)} files made ({', '.join(Path(m).name for m in made)}); they build; no overwrite; unknown network refused"
    finally:
        shutil.rmtree(work, ignore_errors=True)


def main(argv: list[str]) -> int:
    if len(argv) != 3:
        print(__doc__)
        return 2
    binary, content = Path(argv[1]), Path(argv[2])
    checks = Checks()
    checks.run("serve", lambda: check_serve(binary, content))
    checks.run("new", lambda: check_new(binary, content))
    print(f"serve: {checks.passed} passed, {checks.failed} failed")
    return 0 if checks.failed == 0 else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv))
