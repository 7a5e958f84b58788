"""Rows hidden in a workbook (by an AutoFilter or by hand), read from the sheet XML.

calamine gives cell values but not row visibility, and loading the workbook into openpyxl
would cost many times the reading time. The sheet XML is streamed from the zip and
scanned with a bytes regex for row tags carrying ``hidden="1"`` (.xlsx) or
``table:visibility="collapse|filter"`` (.ods): a C-level scan, no tree is built.
"""
from __future__ import annotations

import html
import posixpath
import re
import zipfile
import threading
from pathlib import Path

import numpy as np

_MAIN = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
_REL = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"
_PKG_REL = "{http://schemas.openxmlformats.org/package/2006/relationships}"
_HIDDEN_ATTR = re.compile(rb'hidden="(?:1|true)"')     # a literal: scanned at memchr speed
_ROW_TAG = re.compile(rb'<(?:\w+:)?row\b')
_R_ATTR = re.compile(rb'\br="(\d+)"')
_XLSX_ANY_ROW = re.compile(rb'<(?:\w+:)?row\b[^>]*>')
_ODS_TAG = re.compile(rb'<table:table(?=[\s>])[^>]*>|<table:table-row(?=[\s/>])[^>]*>|</table:table>')
_ODS_NAME = re.compile(rb'table:name="([^"]*)"')
_ODS_REPEAT = re.compile(rb'table:number-rows-repeated="(\d+)"')
_ODS_HIDDEN = re.compile(rb'table:visibility="(?:collapse|filter)"')
_CHUNK = 1 << 20
MAX_REPEAT = 1_048_576


def hidden_rows(path: Path) -> dict[str, np.ndarray]:
    """Sheet name -> sorted 1-based numbers of its hidden rows (sheets with none left out).
    Files that are not zip workbooks, or whose XML cannot be read, give {}."""
    from defusedxml import ElementTree           # imported when a workbook is read
    suffix = path.suffix.lower()
    try:
        with zipfile.ZipFile(path) as z:
            if suffix in (".xlsx", ".xlsm"):
                return _xlsx(z)
            if suffix == ".ods":
                return _ods(z)
    except (zipfile.BadZipFile, KeyError, OSError, ElementTree.ParseError, ValueError):
        return {}
    return {}


class Scan(threading.Thread):
    """``hidden_rows(path)`` in a background thread: the zip is inflated by zlib, which
    releases the GIL, while the main thread reads the cells with calamine."""

    def __init__(self, path: Path):
        super().__init__(daemon=True)
        self.path, self.found = path, {}

    def run(self) -> None:
        self.found = hidden_rows(self.path)

    def result(self) -> dict[str, np.ndarray]:
        self.join()
        return self.found


def start(path: Path) -> Scan:
    scan = Scan(path)
    scan.start()
    return scan


def _blocks(member):
    """(data, end) over a zip member read in chunks: data[:end] ends on a whole tag, the
    tag cut at a chunk boundary is carried over to the next block."""
    tail = b""
    while block := member.read(_CHUNK):
        data = tail + block
        cut = data.rfind(b"<")
        if cut == -1 or data.find(b">", cut) != -1:
            cut = len(data)
        yield data, cut
        tail = data[cut:]
    if tail:
        yield tail, len(tail)


def _tags(member, pattern: re.Pattern):
    """Whole tags holding a match of ``pattern`` (an attribute, found at memchr speed)."""
    for data, end in _blocks(member):
        for m in pattern.finditer(data, 0, end):
            start = data.rfind(b"<", 0, m.start())
            stop = data.find(b">", m.end())
            if start != -1 and stop != -1:
                yield data[start:stop + 1]


def _scan(member, pattern: re.Pattern):
    """Matches of a whole-tag ``pattern``."""
    for data, end in _blocks(member):
        yield from pattern.finditer(data, 0, end)


def _xlsx(z: zipfile.ZipFile) -> dict[str, np.ndarray]:
    from defusedxml import ElementTree
    book = ElementTree.fromstring(z.read("xl/workbook.xml"))
    rels = ElementTree.fromstring(z.read("xl/_rels/workbook.xml.rels"))
    targets = {r.get("Id"): r.get("Target") for r in rels.iter(f"{_PKG_REL}Relationship")}
    out = {}
    for sheet in book.iter(f"{_MAIN}sheet"):
        target = targets.get(sheet.get(f"{_REL}id"))
        if not target:
            continue
        member = target.lstrip("/") if target.startswith("/") else \
            posixpath.normpath(posixpath.join("xl", target))
        rows = _xlsx_sheet(z, member)
        if len(rows):
            out[sheet.get("name")] = rows
    return out


def _xlsx_sheet(z: zipfile.ZipFile, member: str) -> np.ndarray:
    found, numbered = [], True
    with z.open(member) as fh:
        for tag in _tags(fh, _HIDDEN_ATTR):
            if not _ROW_TAG.match(tag):
                continue                       # a hidden column, not a row
            r = _R_ATTR.search(tag)
            if r is None:
                numbered = False
                break
            found.append(int(r.group(1)))
    if not numbered:            # rows without r="": count every row tag
        found = []
        with z.open(member) as fh:
            number = 0
            for m in _XLSX_ANY_ROW.finditer(fh.read()):
                r = _R_ATTR.search(m.group(0))
                number = int(r.group(1)) if r else number + 1
                if _HIDDEN_ATTR.search(m.group(0)):
                    found.append(number)
    return np.array(sorted(found), dtype=np.int64)


def _ods(z: zipfile.ZipFile) -> dict[str, np.ndarray]:
    out: dict[str, list[int]] = {}
    name, row, depth = None, 0, 0
    with z.open("content.xml") as fh:
        for m in _scan(fh, _ODS_TAG):
            tag = m.group(0)
            if tag.startswith(b"</"):
                depth -= 1
                continue
            if not tag.startswith((b"<table:table-row ", b"<table:table-row>",
                                   b"<table:table-row/")):
                depth += 1
                if depth == 1:
                    n = _ODS_NAME.search(tag)
                    name = html.unescape(n.group(1).decode("utf-8", "replace")) if n else None
                    row = 0
                if tag.endswith(b"/>"):
                    depth -= 1
                continue
            if depth != 1:
                continue
            rep = _ODS_REPEAT.search(tag)
            count = min(int(rep.group(1)), MAX_REPEAT) if rep else 1
            if _ODS_HIDDEN.search(tag):
                out.setdefault(name, []).extend(range(row + 1, row + count + 1)
                                                if count < 100_000 else [])
            row += count
    return {k: np.array(v, dtype=np.int64) for k, v in out.items() if v}
