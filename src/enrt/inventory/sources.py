"""Open inventory files as sheets of raw cells.

Workbooks (.xlsx, .xlsm, .xls, .ods) go through python-calamine, with openpyxl as a
fallback for .xlsx/.xlsm files calamine refuses. CSV files are decoded as UTF-8 (BOM or
not) else cp1252, and their separator is sniffed from the first lines. Rows are yielded
lazily so a large CSV is never held whole in memory.
"""
from __future__ import annotations

import csv
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from ..errors import InputError

WORKBOOK_SUFFIXES = (".xlsx", ".xlsm", ".xls", ".xlsb", ".ods")
CSV_SUFFIXES = (".csv", ".txt", ".tsv")


@dataclass
class RawSheet:
    """One table of cells: ``rows`` yields lists; row k (0-based) is spreadsheet row k+1."""

    name: str | None
    rows: Iterator[list]
    col_offset: int = 0
    hidden: bool = False            # a hidden (or very hidden) sheet of a workbook


def open_inventory(path: Path) -> list[RawSheet]:
    suffix = path.suffix.lower()
    if not path.is_file():
        raise InputError("input file not found", file=str(path),
                         hint="check the path; inputs are .xlsx, .xlsm, .ods or .csv files")
    if suffix in WORKBOOK_SUFFIXES:
        return _open_workbook(path)
    if suffix in CSV_SUFFIXES:
        return [RawSheet(name=None, rows=_csv_rows(path))]
    raise InputError(f"unsupported file type {suffix or '(none)'!r}", file=str(path),
                     hint="save the inventory as .xlsx, .ods or .csv")


def _open_workbook(path: Path) -> list[RawSheet]:
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
        return sheets
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
    return [RawSheet(name=ws.title,
                     rows=(list(r) for r in ws.iter_rows(min_row=1, min_col=1, values_only=True)),
                     hidden=ws.sheet_state != "visible")
            for ws in wb.worksheets]


def _detect_encoding(path: Path) -> str:
    raw = path.read_bytes()
    if raw.startswith(b"\xef\xbb\xbf"):
        return "utf-8-sig"
    try:
        raw.decode("utf-8")
        return "utf-8"
    except UnicodeDecodeError:
        return "cp1252"


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


def _csv_rows(path: Path) -> Iterator[list]:
    encoding = _detect_encoding(path)
    try:
        with open(path, encoding=encoding, newline="", errors="strict") as fh:
            delimiter = _sniff_delimiter(fh.read(65536))
            fh.seek(0)
            yield from csv.reader(fh, delimiter=delimiter)
    except (UnicodeDecodeError, csv.Error) as exc:
        raise InputError(f"cannot read CSV: {exc}", file=str(path),
                         hint="save the file as CSV UTF-8 or as 'CSV (séparateur: point-virgule)'"
                         ) from exc
