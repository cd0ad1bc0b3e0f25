"""The built site served on 127.0.0.1, for linkchecker and headless Chromium:
Python's http.server in a thread, under the path of the site's base URL.

Imported as a sibling module, like findings.py.
"""

from __future__ import annotations

import functools
import http.server
import os
import threading
import urllib.parse
from pathlib import Path

from builtsite import EMBED_FOLDERS, Site

# Sent with the embeddable lists, so that the browser checks see them work
# under the strict Content-Security-Policy a careful host can give them
# (SITE.md: no inline script or style). frame-ancestors is left out: any site
# may frame them.
EMBED_CSP = ("default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
             "font-src 'self'; connect-src 'self'; base-uri 'none'; form-action 'none'")


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    base_path = "/"
    requested: list[str] = []  # the server's own list (LocalServer.requested), in order

    def do_GET(self):
        self.requested.append(self.path)
        super().do_GET()

    def log_message(self, format, *args):  # noqa: A002 - the base class's name
        pass

    def end_headers(self):
        # linkchecker waits 0.1-0.6 s between two requests to a host unless
        # the host answers with this header; then maxrequestspersecond holds.
        self.send_header("LinkChecker", "local test server")
        path = urllib.parse.urlsplit(self.path).path
        if path.endswith("/index.html"):
            path = path[: -len("index.html")]
        if path.endswith("/") and path.rstrip("/").rsplit("/", 1)[-1] in EMBED_FOLDERS:
            self.send_header("Content-Security-Policy", EMBED_CSP)
        super().end_headers()

    def translate_path(self, path):
        # Serve the site under the path of base_url, as it will be published.
        parts = urllib.parse.urlsplit(path)
        if not parts.path.startswith(self.base_path):
            return os.path.join(self.directory, ".not-under-base-path", "missing")
        return super().translate_path("/" + parts.path[len(self.base_path):])


class LocalServer:
    """Python's http.server on 127.0.0.1 and a free port, in a thread, serving
    `folder` under `base_path` (the site under its base URL's path; a folder
    of partner pages, for the embed check's second origin, under /)."""

    def __init__(self, folder: Path, base_path: str = "/") -> None:
        # Every path asked for, in order (bench/search/compare.py counts what a search fetches).
        self.requested: list[str] = []
        handler = type("SiteHandler", (QuietHandler,), {"base_path": base_path, "requested": self.requested})
        self.httpd = http.server.ThreadingHTTPServer(
            ("127.0.0.1", 0), functools.partial(handler, directory=str(folder)))
        self.httpd.daemon_threads = True
        self.origin = f"http://127.0.0.1:{self.httpd.server_address[1]}"
        self.base = self.origin + base_path
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)

    @classmethod
    def of_site(cls, site: Site) -> "LocalServer":
        return cls(site.root, site.base_path)

    def url_of(self, site: Site, path: Path) -> str:
        """The address of a file of the site on this server (a page by its folder)."""
        rel = site.rel(path)
        if rel.endswith("index.html"):
            rel = rel[: -len("index.html")]
        return self.base + urllib.parse.quote(rel)

    def __enter__(self) -> "LocalServer":
        self.thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()
        self.thread.join(timeout=5)


def run_alone(check_site, name: str, argv: list[str]) -> int:
    """A browser check of gate.py run by itself: `python <name>check.py SITE`, the built site
    served here and the report printed."""
    import argparse

    from chromium import make_driver
    from findings import print_report

    ap = argparse.ArgumentParser(description=f"The {name} check of gate.py, alone.")
    ap.add_argument("site", type=Path)
    args = ap.parse_args(argv)
    site = Site(args.site)
    with LocalServer.of_site(site) as server:
        return print_report(check_site(site, server=server, make_driver=make_driver))

