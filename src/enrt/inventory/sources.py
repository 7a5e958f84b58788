"""Open inventory files as sheets of raw cells.

Workbooks (.xlsx, .xlsm, .xls, .ods) go through python-calamine, with openpyxl as a
fallback for .xlsx/.xlsm files calamine refuses. CSV files are decoded as csv_text.examine
decides (UTF-8, else the legacy code page that reads as French), their separator is
sniffed from the first lines, and a quote left open is reported at its line. Rows are yielded
lazily so a large CSV is never held whole in memory as Python lists; with pyarrow
installed, a large CSV is read into factorised columns instead (csv_arrow.py).
"""
from __future__ import annotations

import csv
import itertools
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import InputError
from ..issues import Issue
from . import csv_arrow
from .columns import ColumnTable
from .csv_text import examine
from . import workbook_scan
from .workbook_scan import Details, scan

WORKBOOK_SUFFIXES = (".xlsx", ".xlsm", ".xls", ".xlsb", ".ods")
CSV_SUFFIXES = (".csv", ".txt", ".tsv")


@dataclass
class RawSheet:
    """One table of cells: ``rows`` yields lists; row k (0-based) is spreadsheet row k+1."""

    name: str | None
    rows: Iterator[list]
    col_offset: int = 0
    hidden: bool = False            # a hidden (or very hidden) sheet of a workbook
    hidden_rows: object = None      # 1-based rows hidden by a filter or by hand (numpy array)
    bad_cells: dict = field(default_factory=dict)   # (row, col0) -> "formula" | "#N/A"…
    decimal_comma: bool = False     # a ';' CSV as French Excel writes it (decimal commas)
    merged: list = field(default_factory=list)      # merged ranges (r1, c1, r2, c2), 0-based cols
    notes: list = field(default_factory=list)   # issues about the file found while opening
    table: ColumnTable | None = None    # the same rows as factorised columns (a large CSV)


def open_inventory(path: Path) -> list[RawSheet]:
    suffix = path.suffix.lower()
    if not path.exists():
        raise InputError.make("input.not-found", file=str(path))
    if not path.is_file():
        raise InputError.make("input.not-a-file", file=str(path))
    if suffix == ".xlsb":
        raise InputError.make("input.xlsb", file=str(path))
    if suffix in WORKBOOK_SUFFIXES:
        return _open_workbook(path)
    if suffix in CSV_SUFFIXES:
        return [_csv_sheet(path)]
    raise InputError.make("input.file-type", file=str(path), suffix=suffix or "(none)")


def _open_workbook(path: Path) -> list[RawSheet]:
    facts = scan(path)              # refuses bombs and sheets past the cell budget first
    details = None
    if path.suffix.lower() in (".xlsx", ".xlsm") and facts:
        details = Details(path)     # hidden rows, unreadable cells: beside calamine
        if workbook_scan.BESIDE:
            details.start()
    try:
        from python_calamine import CalamineWorkbook
        wb = CalamineWorkbook.from_path(str(path))
        sheets = []
        for meta in wb.sheets_metadata:
            sheet = wb.get_sheet_by_name(meta.name)
            start = sheet.start
            sheets.append(RawSheet(name=meta.name, rows=iter(sheet.iter_rows()),
                                   col_offset=start[1] if start else 0,
                                   hidden=not str(meta.visible).endswith(".Visible")))
        found = details.result() if details is not None else facts
        for raw in sheets:
            if (known := found.get(raw.name)) is not None:
                raw.hidden_rows, raw.bad_cells, raw.merged = \
                    known.hidden, known.bad_cells, known.merged
        return sheets
    except InputError:
        raise
    except Exception as calamine_error:  # calamine raises its own error types
        if path.suffix.lower() not in (".xlsx", ".xlsm"):
            raise InputError.make("input.workbook", file=str(path),
                                  problem=str(calamine_error)) from calamine_error
        return _open_with_openpyxl(path, calamine_error)


def _open_with_openpyxl(path: Path, first_error: Exception) -> list[RawSheet]:
    import openpyxl
    try:
        wb = openpyxl.load_workbook(path, read_only=True, data_only=True)
    except Exception as exc:
        raise InputError.make("input.workbook", file=str(path), problem=str(first_error),
                              hint_id="input.workbook-protected") from exc
    return [RawSheet(name=ws.title, rows=_openpyxl_rows(ws, path, first_error),
                     hidden=ws.sheet_state != "visible")
            for ws in wb.worksheets]


def _openpyxl_rows(ws, path: Path, first_error: Exception) -> Iterator[list]:
    """openpyxl's rows; a damaged cell (a value that is not a number, a string index out of
    range, broken XML) is a refused file, not an internal error."""
    try:
        for r in ws.iter_rows(min_row=1, min_col=1, values_only=True):
            yield list(r)
    except Exception as exc:
        raise InputError.make("input.workbook-cell", file=str(path), sheet=ws.title,
                              problem=str(first_error), kind=type(exc).__name__,
                              detail=str(exc)) from exc


def _sniff_delimiter(sample: str) -> str:
    """The separator that appears the same number of times on the most lines.

    Decimal commas vary from line to line, a real separator does not; title lines
    above the table have none.
    """
    lines = [ln for ln in sample.splitlines()[:50] if ln.strip()]
    best, best_score = ",", 0
    for delim in (";", "\t", ",", "|"):
        counts = Counter(ln.count(delim) for ln in lines)
        counts.pop(0, None)
        score = max(counts.values(), default=0)
        if score > best_score:
            best, best_score = delim, score
    return best


MAX_LINES_IN_A_FIELD = 5       # a quoted cell may hold a few line breaks, not a file's worth


def _csv_sheet(path: Path) -> RawSheet:
    data = path.read_bytes() if csv_arrow.wanted(path) else None    # read once for both
    facts = examine(path, data)
    with open(path, encoding=facts.encoding, newline="", errors="replace") as fh:
        delimiter = _sniff_delimiter(fh.read(65536))
    table = csv_arrow.read_table(data, facts.encoding, facts.errors, delimiter) \
        if data is not None else None
    del data
    rows = table.rows() if table is not None else _csv_rows(path, facts, delimiter)
    sheet = RawSheet(name=None, rows=rows, decimal_comma=delimiter == ";", table=table)
    if facts.bad_lines:
        shown = ", ".join(str(n) for n in facts.bad_lines[:10]) + \
            (", …" if len(facts.bad_lines) > 10 else "")
        sheet.notes.append(Issue.make("warning", "invalid-bytes", file=str(path),
                                      row=facts.bad_lines[0], n=len(facts.bad_lines),
                                      lines=shown))
    return sheet


def _check_quotes(chunk: list[list], last: int, path: Path, delimiter: str) -> None:
    """A cell running over more than a few lines, or whose later lines hold the separator
    (whole rows swallowed), is a quote left open: name its line."""
    line = last + 1
    for row in chunk:
        breaks = sum(c.count("\n") for c in row if "\n" in c)
        swallowed = any(delimiter in c.split("\n", 1)[1] for c in row if "\n" in c)
        if breaks >= MAX_LINES_IN_A_FIELD or swallowed:
            raise InputError.make("input.open-quote", file=str(path), row=line, line=line,
                                  lines=breaks + 1)
        line += breaks + 1


def _csv_rows(path: Path, facts, delimiter: str) -> Iterator[list]:
    try:
        with open(path, encoding=facts.encoding, newline="", errors=facts.errors) as fh:
            reader = csv.reader(fh, delimiter=delimiter)
            last = 0
            while chunk := list(itertools.islice(reader, 4096)):
                if reader.line_num - last > len(chunk):       # some cell holds line breaks
                    _check_quotes(chunk, last, path, delimiter)
                last = reader.line_num
                yield from chunk
    except (UnicodeDecodeError, csv.Error) as exc:
        raise InputError.make("input.csv", file=str(path), problem=str(exc)) from exc
