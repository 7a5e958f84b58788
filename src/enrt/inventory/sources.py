"""Open inventory files as sheets of raw cells.

Workbooks (.xlsx, .xlsm, .xls, .ods) go through python-calamine, with openpyxl as a
fallback for .xlsx/.xlsm files calamine refuses. CSV files are decoded as csv_text.examine
decides (UTF-8, else the legacy code page that reads as French), their separator is
sniffed from the first lines, and a quote left open is reported at its line. Rows are yielded
lazily so a large CSV is never held whole in memory.
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
from .csv_text import examine
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


def open_inventory(path: Path) -> list[RawSheet]:
    suffix = path.suffix.lower()
    if not path.exists():
        raise InputError("input file not found", file=str(path),
                         hint="check the path; inputs are .xlsx, .xlsm, .ods or .csv files")
    if not path.is_file():
        raise InputError("input is not a regular file (a folder, a device or a pipe)",
                         file=str(path), hint="give the path of an .xlsx, .ods or .csv file")
    if suffix == ".xlsb":
        raise InputError("binary workbooks (.xlsb) are not read: their extent cannot be checked "
                         "before they are loaded", file=str(path),
                         hint="save the file as .xlsx (Excel: File > Save as > Excel Workbook)")
    if suffix in WORKBOOK_SUFFIXES:
        return _open_workbook(path)
    if suffix in CSV_SUFFIXES:
        return [_csv_sheet(path)]
    raise InputError(f"unsupported file type {suffix or '(none)'!r}", file=str(path),
                     hint="save the inventory as .xlsx, .ods or .csv")


def _open_workbook(path: Path) -> list[RawSheet]:
    facts = scan(path)              # refuses bombs and sheets past the cell budget first
    details = None
    if path.suffix.lower() in (".xlsx", ".xlsm") and facts:
        details = Details(path)     # hidden rows, unreadable cells: beside calamine
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
            raise InputError(f"cannot read workbook: {calamine_error}", file=str(path),
                             hint="open it in a spreadsheet program and save it again as .xlsx"
                             ) from calamine_error
        return _open_with_openpyxl(path, calamine_error)


def _open_with_openpyxl(path: Path, first_error: Exception) -> list[RawSheet]:
    import openpyxl
    try:
        wb = openpyxl.load_workbook(path, read_only=True, data_only=True)
    except Exception as exc:
        raise InputError(f"cannot read workbook: {first_error}", file=str(path),
                         hint="the file may be damaged or protected; save it again as .xlsx"
                         ) from exc
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
        raise InputError(f"cannot read workbook: {first_error}; {type(exc).__name__}: {exc}",
                         file=str(path), sheet=ws.title, hint="the file is damaged: open it "
                         "in a spreadsheet program and save it again as .xlsx") from exc


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
    facts = examine(path)
    with open(path, encoding=facts.encoding, newline="", errors="replace") as fh:
        delimiter = _sniff_delimiter(fh.read(65536))
    sheet = RawSheet(name=None, rows=_csv_rows(path, facts, delimiter),
                     decimal_comma=delimiter == ";")
    if facts.bad_lines:
        shown = ", ".join(str(n) for n in facts.bad_lines[:10])
        sheet.notes.append(Issue(
            "warning", "invalid-bytes", f"{len(facts.bad_lines)} line(s) hold bytes that are not "
            f"UTF-8 (lines {shown}{', …' if len(facts.bad_lines) > 10 else ''}): they are shown "
            "as '\ufffd' and a value holding one is rejected", str(path),
            row=facts.bad_lines[0], hint="save the file again as 'CSV UTF-8', or correct those "
            "cells"))
    return sheet


def _check_quotes(chunk: list[list], last: int, path: Path, delimiter: str) -> None:
    """A cell running over more than a few lines, or whose later lines hold the separator
    (whole rows swallowed), is a quote left open: name its line."""
    line = last + 1
    for row in chunk:
        breaks = sum(c.count("\n") for c in row if "\n" in c)
        swallowed = any(delimiter in c.split("\n", 1)[1] for c in row if "\n" in c)
        if breaks >= MAX_LINES_IN_A_FIELD or swallowed:
            raise InputError(
                f"a quote opened on line {line} is not closed: the cell runs over "
                f"{breaks + 1} lines", file=str(path), row=line,
                hint="close the quote (\") or remove it, then save the file again")
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
        raise InputError(f"cannot read CSV: {exc}", file=str(path),
                         hint="save the file as CSV UTF-8 or as 'CSV (séparateur: point-virgule)'"
                         ) from exc
