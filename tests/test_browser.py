"""The HTML report in a real browser (issue 10, point 2): headless Chromium, driven over
the DevTools protocol (``tests/cdp.py``), loads the example's report from a file and
must fetch nothing else, fail no request, throw no exception and log no error; its
screenshot is a real picture. A hostile inventory's report runs nothing either.

Skipped only when no Chromium binary is found (.ci/run installs Debian's ``chromium``).
"""
from __future__ import annotations

import struct
import subprocess
import sys
import zlib
from pathlib import Path

import pytest

from .cdp import Browser, find_browser, problems
from .conftest import EXAMPLES, write_xlsx

ENRT = Path(sys.executable).parent / "enrt"
BINARY = find_browser()
pytestmark = pytest.mark.skipif(BINARY is None, reason="no chromium binary found "
                                "(Debian: apt-get install chromium)")
WIDTH, HEIGHT = 1200, 1600


def enrt(*args) -> None:
    res = subprocess.run([str(ENRT), *map(str, args)], capture_output=True, text=True,
                         timeout=120)
    assert res.returncode in (0, 1), res.stderr
    assert "Traceback" not in res.stderr


def png_pixels(data: bytes) -> tuple[int, int, list[bytes]]:
    """Width, height and the grey level rows of an 8-bit RGB(A) PNG (no image library)."""
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    pos, idat, header = 8, b"", None
    while pos < len(data):
        length, kind = struct.unpack(">I4s", data[pos:pos + 8])
        body = data[pos + 8:pos + 8 + length]
        if kind == b"IHDR":
            header = struct.unpack(">IIBBBBB", body)
        elif kind == b"IDAT":
            idat += body
        pos += 12 + length
    width, height, depth, colour, _, _, interlace = header
    assert depth == 8 and colour in (2, 6) and interlace == 0, header
    bpp = 3 if colour == 2 else 4
    raw, stride = zlib.decompress(idat), width * bpp
    rows, prev = [], bytearray(stride)
    for y in range(height):                    # undo the PNG filters, row by row
        start = y * (stride + 1)
        kind, line = raw[start], bytearray(raw[start + 1:start + 1 + stride])
        for i in range(stride):
            a = line[i - bpp] if i >= bpp else 0
            b = prev[i]
            c = prev[i - bpp] if i >= bpp else 0
            if kind == 1:
                line[i] = (line[i] + a) & 255
            elif kind == 2:
                line[i] = (line[i] + b) & 255
            elif kind == 3:
                line[i] = (line[i] + (a + b) // 2) & 255
            elif kind == 4:
                p = a + b - c
                pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
                line[i] = (line[i] + (a if pa <= pb and pa <= pc else b if pb <= pc else c)) & 255
        rows.append(bytes(line[1::bpp]))       # the green channel, close to the grey level
        prev = line
    return width, height, rows


@pytest.fixture(scope="module")
def browser(tmp_path_factory):
    with Browser.start(BINARY, tmp_path_factory.mktemp("profile")) as b:
        yield b


def test_example_report_loads_cleanly_and_renders(browser, tmp_path):
    target = tmp_path / "rapport.html"
    enrt("assess", EXAMPLES / "inventaire-commune.xlsx", "--year", "2025", "--lang", "fr",
         "-o", target)
    page = browser.new_page(WIDTH, HEIGHT)
    events = page.load(target.as_uri())
    assert problems(events) == []
    requests = [e["params"]["request"]["url"] for e in events
                if e["method"] == "Network.requestWillBeSent"]
    assert requests == [target.as_uri()]                       # the page itself, nothing else
    assert page.evaluate("document.documentElement.lang") == "fr"
    assert page.evaluate("document.scripts.length") == 0
    assert page.evaluate("document.querySelectorAll('svg[role=img]').length") == 2
    # the charts are laid out (not collapsed) and the page does not scroll sideways
    assert page.evaluate("document.querySelector('svg').getBoundingClientRect().height") > 100
    assert page.evaluate("document.documentElement.scrollWidth") <= WIDTH
    png = page.screenshot()
    width, height, rows = png_pixels(png)
    assert (width, height) == (WIDTH, HEIGHT)
    assert len(png) > 20_000                                   # text and charts, not blank
    grey = b"".join(rows[::4])
    assert len(set(grey)) > 50
    dark = sum(1 for v in grey if v < 128) / len(grey)
    light = sum(1 for v in grey if v > 230) / len(grey)
    assert 0.01 < dark < 0.3 and light > 0.6, (dark, light)   # dark marks on a light page


def test_hostile_report_runs_and_fetches_nothing(browser, tmp_path):
    rows = ["<script>alert(1)</script>", '"><img src=x onerror=alert(1)>',
            "<iframe src=https://example.org></iframe>", "<style>@import url(https://x)</style>"]
    inv = write_xlsx(tmp_path / "inv.xlsx", {"Parc": [["Type", "Quantité", "Site", "Service"]]
                     + [row for r in rows for row in (["PC portable", 1, r, r], [r, 1, r, r])]})
    target = tmp_path / "rapport.html"
    enrt("assess", inv, "--year", "2025", "--lang", "en", "-o", target, "--name", rows[1])
    page = browser.new_page(WIDTH, HEIGHT)
    events = page.load(target.as_uri())
    assert problems(events) == []
    assert not [e for e in events if e["method"] == "Page.javascriptDialogOpening"]
    assert page.evaluate("document.querySelectorAll('script, img, iframe').length") == 0
    assert page.evaluate("document.styleSheets.length") == 1
    assert rows[0] in page.evaluate("document.body.innerText")
