#!/usr/bin/env python3
"""Rebuild times of `kreds serve` (issue 7): one event file edited N times, then one template.

Starts `kreds serve` on a content folder, waits for the first build, then edits one event's
body N times (a sentence appended, then the original restored at the end) and reads, for each
edit, the server's own "Rebuilt … in X" line, the wall time from the write to that line
(which includes the file watcher's wake-up), and the wall time from the write until the event's
page shows the new sentence: like an open page, it listens to the server's reload events and
asks for the page again after each. Then it does
the same for a template: it serves with a site templates folder holding a copy of the theme's
layout, appends an HTML comment to it, and waits for the home page to show it.

    python3 bench/serve.py --kreds .build/release/kreds --content /tmp/k4000 [--edits 20]

Uses only the standard library. Prints a small table; exits 1 when serve fails.
"""

import argparse
import http.client
import os
import pathlib
import queue
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.request

BUILT = re.compile(r"(Built|Rebuilt) (\d+) pages in ([0-9.]+) (s|ms)")


def read_lines(stream, lines):
    """Puts every line of `stream` on `lines` with the time it arrived."""
    for raw in iter(stream.readline, b""):
        lines.put((time.monotonic(), raw.decode("utf-8", "replace").rstrip("\n")))
    lines.put(None)


def wait_for_build(lines, timeout):
    """(The seconds the next "Built/Rebuilt" line states, when it arrived), or None on timeout
    or exit."""
    deadline = time.monotonic() + timeout
    while True:
        left = deadline - time.monotonic()
        if left <= 0:
            return None
        try:
            line = lines.get(timeout=left)
        except queue.Empty:
            return None
        if line is None:
            return None
        arrived, line = line
        match = BUILT.search(line)
        if match:
            return float(match.group(3)) / (1000 if match.group(4) == "ms" else 1), arrived
        if "error" in line:
            print("  serve:", line, file=sys.stderr)


def serve(kreds, content, templates, port, theme):
    command = [kreds, "serve", "--content", str(content), "--port", str(port),
               "--now", "2026-11-23 12:00"]
    if templates:
        command += ["--templates", str(templates)]
    env = dict(os.environ)
    if theme:
        env["KREDS_THEME"] = str(theme)
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, env=env)
    lines = queue.Queue()
    threading.Thread(target=read_lines, args=(process.stdout, lines), daemon=True).start()
    return process, lines


def fetch(url):
    """The body at `url`, or b"" while the server is not listening yet."""
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            return response.read()
    except urllib.error.HTTPError as error:
        return error.read()
    except urllib.error.URLError:
        return b""


def find_page(base, stem, timeout):
    """The address of the event page `stem`, in whichever language the site is."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        for word in ("arrangementer", "events"):
            if stem.encode() in fetch(base + f"{word}/{stem}/"):
                return base + f"{word}/{stem}/"
        time.sleep(0.1)
    return None


def reload_events(base):
    """A queue that gets an item for every reload event of the server, as an open page does."""
    events = queue.Queue()
    ready = threading.Event()

    def listen():
        host, port = base.split("//")[1].rstrip("/").split(":")
        connection = http.client.HTTPConnection(host, int(port), timeout=None)
        connection.request("GET", "/__kreds/reload")
        response = connection.getresponse()
        ready.set()
        for raw in iter(response.readline, b""):
            if raw.startswith(b"data: reload"):
                events.put(time.monotonic())

    threading.Thread(target=listen, daemon=True).start()
    ready.wait(10)
    return events


def measure(path, edits, lines, timeout, change, page_url, marker):
    """Edits `path` `edits` times with `change(original, i)`.

    Returns three lists: the server's rebuild seconds, the wall seconds from the write to the
    server's "Rebuilt" line, and the wall seconds from the write until `page_url` shows
    `marker(i)`, asked for after each reload event as an open page does.
    """
    original = path.read_bytes()
    server, wall, shown = [], [], []
    reloads = reload_events(page_url.split("/", 3)[0] + "//" + page_url.split("/", 3)[2] + "/")
    try:
        for index in range(edits):
            time.sleep(0.4)  # let the watcher settle, so each edit is one rebuild
            while not reloads.empty():
                reloads.get()
            path.write_bytes(change(original, index))
            written = time.monotonic()
            expected = marker(index).encode()
            while True:
                left = timeout - (time.monotonic() - written)
                try:
                    reloads.get(timeout=max(left, 0.001))
                except queue.Empty:
                    raise RuntimeError(f"{page_url} never showed edit {index + 1} of {path}")
                if expected in fetch(page_url):
                    break
            shown.append(time.monotonic() - written)
            built = wait_for_build(lines, timeout)
            if built is None:
                raise RuntimeError(f"no rebuild after edit {index + 1} of {path}")
            server.append(built[0])
            wall.append(built[1] - written)
    finally:
        path.write_bytes(original)
        wait_for_build(lines, timeout)
    return server, wall, shown


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--kreds", required=True)
    parser.add_argument("--content", required=True, type=pathlib.Path)
    parser.add_argument("--edits", type=int, default=20)
    parser.add_argument("--port", type=int, default=8765)
    parser.add_argument("--timeout", type=float, default=600)
    parser.add_argument("--theme", type=pathlib.Path,
                        default=pathlib.Path(__file__).resolve().parent.parent / "templates")
    args = parser.parse_args()

    events = sorted(args.content.glob("networks/*/events/*.md")) or sorted(
        args.content.glob("events/*.md"))
    if not events:
        print("no event file under", args.content, file=sys.stderr)
        return 1
    event = events[len(events) // 2]
    rows = []

    process, lines = serve(args.kreds, args.content, None, args.port, args.theme)
    try:
        first = wait_for_build(lines, args.timeout)
        if first is None:
            print("serve did not finish its first build", file=sys.stderr)
            return 1
        rows.append(("first build", first[0], None, None, 1))
        base = f"http://127.0.0.1:{args.port}/"
        page = find_page(base, event.stem, 30)
        if page is None:
            print("cannot find the page of", event, file=sys.stderr)
            return 1
        server, wall, shown = measure(
            event, args.edits, lines, args.timeout,
            lambda original, i: original.rstrip(b"\n") + f"\n\nRettelse nummer {i + 1}.\n".encode(),
            page, lambda i: f"Rettelse nummer {i + 1}.")
        rows.append((f"edit {event.relative_to(args.content)}", statistics.median(server),
                     statistics.median(wall), statistics.median(shown), len(server)))
    finally:
        process.terminate()
        process.wait(timeout=30)

    with tempfile.TemporaryDirectory() as folder:
        templates = pathlib.Path(folder) / "templates"
        templates.mkdir()
        layout = templates / "layout.mustache"
        shutil.copy(args.theme / "layout.mustache", layout)
        process, lines = serve(args.kreds, args.content, templates, args.port + 1, args.theme)
        try:
            if wait_for_build(lines, args.timeout) is None:
                print("serve did not finish its first build", file=sys.stderr)
                return 1
            find_page(f"http://127.0.0.1:{args.port + 1}/", event.stem, 30)  # listening
            server, wall, shown = measure(
                layout, max(3, args.edits // 4), lines, args.timeout,
                lambda original, i: original + f"<!-- edit {i + 1} -->\n".encode(),
                f"http://127.0.0.1:{args.port + 1}/", lambda i: f"<!-- edit {i + 1} -->")
            rows.append(("edit templates/layout.mustache", statistics.median(server),
                         statistics.median(wall), statistics.median(shown), len(server)))
        finally:
            process.terminate()
            process.wait(timeout=30)

    print("| what | server s (median) | edit to rebuilt, wall s (median) "
          "| edit to page showing it, wall s (median) | edits |")
    print("|---|---:|---:|---:|---:|")
    for what, server_s, wall_s, shown_s, count in rows:
        wall_text = "–" if wall_s is None else f"{wall_s:.3f}"
        shown_text = "–" if shown_s is None else f"{shown_s:.3f}"
        print(f"| {what} | {server_s:.3f} | {wall_text} | {shown_text} | {count} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
