"""What calamine does not say about a workbook, read from its XML before calamine runs.

- The extent of each sheet: calamine allocates the dense range from the first to the
  farthest cell, so one value at XFD1048576 in a 2 KB file asks for 17 billion cells and
  kills the process. The farthest row and column are found first, and a sheet past the
  cell budget is refused, naming that cell.
- The size of each zip member (shared strings, sheets): a bomb is refused from the zip
  directory, before anything is inflated.
- Rows hidden by a filter or by hand (``hidden="1"``; ODS ``table:visibility``).
- Formula cells without a saved value and error cells (#N/A, #REF!…), which calamine
  returns as blank: the quantity would silently become 1.

The XML is streamed from the zip in blocks cut at row ends and scanned with bytes
searches (literal look-ups at memchr speed; regexes only on blocks that hold the rare
tag); no tree is built.
"""
from __future__ import annotations

import html
import os
import threading
import zlib
import posixpath
import re
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from ..errors import InputError

_MAIN = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
_REL = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"
_PKG_REL = "{http://schemas.openxmlformats.org/package/2006/relationships}"
_HIDDEN_ATTR = re.compile(rb'hidden="(?:1|true)"')
_ROW_TAG = re.compile(rb'<(?:\w+:)?row\b')
_R_ATTR = re.compile(rb'\br="(\d+)"')
_UNNUMBERED = re.compile(rb'<c(?:>|\s[^r])|<row(?:>|\s[^r])')   # a row or cell without r=""
_ROW_BODY = re.compile(rb'<row\b[^>]*>(.*?)</row>', re.S)
_MERGE = re.compile(rb'<mergeCell ref="([A-Z]+)(\d+):([A-Z]+)(\d+)"')
_ODS_TAG = re.compile(rb'<table:table(?=[\s>])[^>]*>|<table:table-row(?=[\s/>])[^>]*>|</table:table>')
_ODS_NAME = re.compile(rb'table:name="([^"]*)"')
_ODS_REPEAT = re.compile(rb'table:number-rows-repeated="(\d+)"')
_ODS_COLS_REPEAT = re.compile(rb'table:number-columns-repeated="(\d+)"')
_ODS_HIDDEN = re.compile(rb'table:visibility="(?:collapse|filter)"')
_CHUNK = 1 << 20


def _budget(name: str, default: int) -> int:
    try:
        return int(os.environ.get(name, default))
    except ValueError:
        raise InputError.make("input.budget", name=name, default=default) from None


def max_cells() -> int:
    """Cells a sheet's dense range may hold (ENRT_MAX_CELLS, default 5 million: about
    about 400 MB at the peak of a run; an inventory of 500,000 rows of 10 columns)."""
    return _budget("ENRT_MAX_CELLS", 5_000_000)


def max_xml_bytes() -> int:
    """Inflated size of one sheet's XML (ENRT_MAX_XML_BYTES, default 400 MB)."""
    return _budget("ENRT_MAX_XML_BYTES", 400_000_000)


def max_strings_bytes() -> int:
    """Inflated size of the shared strings (ENRT_MAX_SHARED_STRINGS_BYTES, default 60 MB:
    millions of empty strings cost about five times their XML in memory)."""
    return _budget("ENRT_MAX_SHARED_STRINGS_BYTES", 60_000_000)


@dataclass
class SheetFacts:
    hidden: np.ndarray = field(default_factory=lambda: np.zeros(0, dtype=np.int64))
    bad_cells: dict[tuple[int, int], str] = field(default_factory=dict)  # (row, col0) -> what
    max_row: int = 0
    max_col: int = 0
    merged: list[tuple[int, int, int, int]] = field(default_factory=list)  # r1, c1, r2, c2


def column_number(letters: bytes) -> int:
    n = 0
    for ch in letters:
        n = n * 26 + ch - 64
    return n


def column_name(n: int) -> str:
    out = ""
    while n:
        n, rem = divmod(n - 1, 26)
        out = chr(65 + rem) + out
    return out


# Scan in a thread beside calamine (one file: uses a second core). A batch's worker
# processes already use every core, so they turn it off and scan in their own thread.
BESIDE = True


class Details(threading.Thread):
    """Hidden rows, unreadable cells and merges of an .xlsx, read in a thread while
    calamine parses the cells (zlib releases the GIL)."""

    def __init__(self, path: Path):
        super().__init__(daemon=True)
        self.path, self.found, self.error = path, {}, None

    def run(self) -> None:
        try:
            with zipfile.ZipFile(self.path) as z:
                self.found = _xlsx(z, self.path, details=True)
        except Exception as exc:          # reported by the caller, in the main thread
            self.error = exc

    def result(self) -> dict[str, SheetFacts]:
        if self.ident is None:        # never started (BESIDE off): scan here, now
            self.run()
        else:
            self.join()
        if self.error is not None:
            raise InputError.make("input.damaged", file=str(self.path), problem=str(self.error))
        return self.found


def scan(path: Path) -> dict[str, SheetFacts]:
    """Sheet name -> facts, for .xlsx/.xlsm/.ods; refuses a bomb or a sheet past the cell
    budget with an InputError. Other files, or XML that cannot be read, give {} (calamine
    then says what is wrong)."""
    from defusedxml import ElementTree
    suffix = path.suffix.lower()
    if suffix not in (".xlsx", ".xlsm", ".ods"):
        return {}
    if not zipfile.is_zipfile(path):
        return {}                     # not a zip: calamine or openpyxl says what it is
    try:
        with zipfile.ZipFile(path) as z:
            _check_sizes(z, path)
            return _xlsx(z, path) if suffix != ".ods" else _ods(z, path)
    except KeyError:
        return {}                     # parts missing: calamine says what is wrong
    except (zipfile.BadZipFile, OSError, ElementTree.ParseError, ValueError, EOFError,
            zlib.error) as exc:
        raise InputError.make("input.damaged", file=str(path), problem=str(exc)) from exc


def _check_sizes(z: zipfile.ZipFile, path: Path) -> None:
    for info in z.infolist():
        name = info.filename.lower()
        if name.endswith("sharedstrings.xml") and info.file_size > max_strings_bytes():
            raise InputError.make("input.shared-strings", file=str(path),
                                  size=info.file_size, limit=max_strings_bytes())
        if name.endswith(".xml") and info.file_size > max_xml_bytes():
            raise InputError.make("input.xml-part", file=str(path), part=info.filename,
                                  size=info.file_size, limit=max_xml_bytes())


def _check_extent(facts: SheetFacts, sheet: str, path: Path) -> None:
    cells = facts.max_row * max(facts.max_col, 1)
    if cells > max_cells():
        far = f"{column_name(max(facts.max_col, 1))}{facts.max_row}"
        raise InputError.make("input.extent", file=str(path), sheet=sheet, sheet_name=sheet,
                              far=far, cells=cells, limit=max_cells())


def _blocks(member):
    """(data, end) over a zip member read in chunks: data[:end] ends on a row end (else a
    tag end); what follows is carried over to the next block."""
    tail = b""
    while block := member.read(_CHUNK):
        data = tail + block
        cut = data.rfind(b"</row>")
        if cut != -1:
            cut += 6
        else:
            cut = data.rfind(b"<")
            if cut == -1 or data.find(b">", cut) != -1:
                cut = len(data)
        yield data, cut
        tail = data[cut:]
    if tail:
        yield tail, len(tail)


def _xlsx(z: zipfile.ZipFile, path: Path, details: bool = False) -> dict[str, SheetFacts]:
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
        facts = _xlsx_sheet(z, member, details)
        if not details:
            _check_extent(facts, sheet.get("name"), path)
        out[sheet.get("name")] = facts
    return out


def _xlsx_sheet(z: zipfile.ZipFile, member: str, details: bool) -> SheetFacts:
    """The sheet's extent (``details`` False: read before calamine, as fast as can be), or
    its hidden rows, unreadable cells and merges (``details`` True: read in a thread while
    calamine parses the cells)."""
    facts, hidden = SheetFacts(), []
    rows_seen, numbered = 0, True
    with z.open(member) as fh:
        for data, end in _blocks(fh):
            if not details:
                last = data.rfind(b"<row ", 0, end)
                if last != -1 and (r := _R_ATTR.search(data, last, data.find(b">", last))):
                    facts.max_row = max(facts.max_row, int(r.group(1)))
                # rows and cells may omit r="": they then follow one another
                if numbered and _UNNUMBERED.search(data, 0, end):
                    numbered = False
                if not numbered:
                    rows_seen += data.count(b"<row", 0, end)
                    facts.max_row = max(facts.max_row, rows_seen)
                    for row in _ROW_BODY.finditer(data, 0, end):
                        facts.max_col = max(facts.max_col, row.group(1).count(b"<c"))
                _seed_col(data, end, facts)
                _far_refs(data, end, facts)
                continue
            if b'hidden="' in data:
                for m in _HIDDEN_ATTR.finditer(data, 0, end):
                    start = data.rfind(b"<", 0, m.start())
                    tag = data[start:data.find(b">", m.end()) + 1]
                    if _ROW_TAG.match(tag) and (r := _R_ATTR.search(tag)):
                        hidden.append(int(r.group(1)))
            if b"<mergeCell " in data:
                facts.merged += [(int(m.group(2)), column_number(m.group(1)) - 1,
                                  int(m.group(4)), column_number(m.group(3)) - 1)
                                 for m in _MERGE.finditer(data, 0, end)]
            if b"<f" in data or b":f>" in data or b":f " in data or b"t=\"e\"" in data or \
                    b"t='e'" in data or b"t =" in data:
                _unreadable(data, end, facts)
    facts.hidden = np.array(sorted(hidden), dtype=np.int64)
    return facts


_PATTERNS: dict[tuple[int, int, bool], re.Pattern] = {}


def _beyond(row_digits: int, col: int, tolerant: bool) -> re.Pattern:
    """r="…" references beyond what is known: more row digits, or a farther column. The
    usual spelling (` r="A1"`, also `r = 'A1'`) is searched from the literal " r"; a line
    break or tab in tags needs a slower pattern, used only on blocks that hold one."""
    key = (row_digits, min(col, 26) if col < 703 else 703, tolerant)
    if key not in _PATTERNS:
        lead = rb"""\sr\s*=\s*["']""" if tolerant else rb""" r *= *["']"""
        # within two letters the search only tells three-letter columns apart: a farther
        # two-letter column is at most ZZ (702), which bounds the error
        letters = rb"(?!)" if col >= 703 else rb"[A-Z]{3}" if col >= 26 else \
            rb"[A-Z]{2,3}|[" + bytes([65 + col]) + rb"-Z]"
        _PATTERNS[key] = re.compile(
            lead + rb"(?:([A-Z]{0,3})(\d{" + str(row_digits + 1).encode() + rb",})|(" +
            letters + rb")(\d+))[\x22\x27]")
    return _PATTERNS[key]


_CELL = re.compile(rb"<(?:\w+:)?c\b([^>]*?)(?:/>|>(.*?)</(?:\w+:)?c\s*>)", re.S)
_REF = re.compile(rb"""\br\s*=\s*["']([A-Z]+)(\d+)["']""")
_ERROR_TYPE = re.compile(rb"""\bt\s*=\s*["']e["']""")
_HAS_FORMULA = re.compile(rb"<(?:\w+:)?f\b")
_VALUE = re.compile(rb"<(?:\w+:)?v\b[^>]*?(?:/>|>([^<]*)<)", re.S)


def _unreadable(data: bytes, end: int, facts: SheetFacts) -> None:
    """Formula cells without a saved value, and error cells, however written (attribute
    order, quotes, prefixes, spaces): both are read as blank by calamine."""
    for cell in _CELL.finditer(data, 0, end):
        attrs, body = cell.group(1), cell.group(2) or b""
        error = _ERROR_TYPE.search(attrs)
        if not error and not _HAS_FORMULA.search(body):
            continue
        ref = _REF.search(attrs)
        if ref is None:
            continue
        value = _VALUE.search(body)
        text = (value.group(1) or b"").strip() if value else b""
        where = (int(ref.group(2)), column_number(ref.group(1)) - 1)
        if error:
            facts.bad_cells[where] = text.decode("ascii", "replace") or "#ERROR"
        elif not text:
            facts.bad_cells[where] = "formula"


_LAST_CELL = re.compile(rb'<c r="([A-Z]{1,3})\d+"')


def _seed_col(data: bytes, end: int, facts: SheetFacts) -> None:
    """Start the column search from the block's last cell (usually the table's last
    column), so ``_far_refs`` matches only the rare farther references instead of every
    cell of the first block. A real reference: the extent found is the same."""
    at = data.rfind(b'<c r="', 0, end)
    if at != -1 and (m := _LAST_CELL.match(data, at)):
        facts.max_col = max(facts.max_col, column_number(m.group(1)))


def _far_refs(data: bytes, end: int, facts: SheetFacts) -> None:
    """Raise the sheet's extent to the farthest cell or row referenced in this block,
    wherever it sits (a cell of row 1048576 written inside row 2 counts as row 1048576)."""
    tolerant = data.find(b"\n", 0, end) != -1 or data.find(b"\t", 0, end) != -1 or \
        data.find(b"\r", 0, end) != -1
    for _ in range(4):                    # each round needs a farther reference
        pattern = _beyond(len(str(facts.max_row)), facts.max_col, tolerant)
        if pattern.search(data, 0, end) is None:
            return
        for a, rows, b, rows_b in pattern.findall(data, 0, end):
            letters, digits = (a, rows) if rows else (b, rows_b)
            facts.max_row = max(facts.max_row, int(digits))
            if letters:
                facts.max_col = max(facts.max_col, column_number(letters))


def _ods(z: zipfile.ZipFile, path: Path) -> dict[str, SheetFacts]:
    """Hidden rows, and rows repeated with content (calamine expands them: one row
    repeated a million times is a million rows)."""
    out: dict[str, SheetFacts] = {}
    name, row, depth = None, 0, 0
    with z.open("content.xml") as fh:
        for data, end in _blocks(fh):
            for m in _ODS_TAG.finditer(data, 0, end):
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
                        out.setdefault(name, SheetFacts())
                    if tag.endswith(b"/>"):
                        depth -= 1
                    continue
                if depth != 1:
                    continue
                rep = _ODS_REPEAT.search(tag)
                count = int(rep.group(1)) if rep else 1
                facts = out.setdefault(name, SheetFacts())
                if count == 1:
                    facts.max_row = row + 1
                else:
                    stop = data.find(b"</table:table-row>", m.end())
                    body = data[m.end():stop if stop != -1 else end]
                    if b"office:value-type" in body or b"<text:p>" in body:
                        facts.max_row = row + count
                        wide = [int(c) for c in _ODS_COLS_REPEAT.findall(body)]
                        facts.max_col = max(facts.max_col, 26, *(w for w in wide if w < 1 << 20))
                        _check_extent(facts, name, path)
                if _ODS_HIDDEN.search(tag) and count < 100_000:
                    facts.hidden = np.concatenate(
                        [facts.hidden, np.arange(row + 1, row + count + 1, dtype=np.int64)])
                row += count
    return out
