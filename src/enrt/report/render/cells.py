"""Cells of the spreadsheet-like formats: number formats per column kind, and text that a
spreadsheet would execute made inert (CWE-1236, CSV/formula injection)."""
from __future__ import annotations

# the characters a spreadsheet reads as the start of a formula or a control
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")

# column kind (report.view) -> Excel number format
EXCEL_FORMATS = {"int": "#,##0", "number": "#,##0.0", "kg": "#,##0.0", "ratio": "0.0%",
                 "text": "@"}


def inert(value: object) -> object:
    """A string that starts like a formula gets a leading apostrophe-free guard: a single
    quote, which spreadsheets show as text and never evaluate. Numbers pass unchanged."""
    if isinstance(value, str) and value.startswith(FORMULA_START):
        return "'" + value
    return value
