"""The full-page screenshot that gate.py's browser check and newslettercheck.py
take in headless Chromium, for people to look at.

Imported as a sibling module, like findings.py.
"""

from __future__ import annotations

import base64
from pathlib import Path

MAX_HEIGHT = 16000  # px: a taller page is cut off at the bottom


def save_full_page(driver, path: Path, width: int, height: int) -> None:
    """A PNG of the page in `driver` (a Chromium webdriver), `width` x `height`
    CSS px from the top left (at most MAX_HEIGHT tall), beyond the viewport."""
    shot = driver.execute_cdp_cmd("Page.captureScreenshot", {
        "format": "png", "captureBeyondViewport": True,
        "clip": {"x": 0, "y": 0, "width": width, "height": min(height, MAX_HEIGHT), "scale": 1}})
    path.write_bytes(base64.b64decode(shot["data"]))
