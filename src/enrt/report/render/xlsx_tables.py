"""A workbook of a view's tables, one sheet each after a sheet of key figures: the batch
summary's xlsx (the report's own workbook is ``xlsx.py``; both write their sheets with
``xlsx_sheet``)."""
from __future__ import annotations

import datetime as dt

from openpyxl import Workbook

from ..view import View
from .xlsx_sheet import save_workbook, write_table


def tables_workbook(view: View, as_of: str | None) -> bytes:
    lang = view.lang
    try:
        day = dt.date.fromisoformat(as_of or "")
    except ValueError:
        day = dt.date(2000, 1, 1)
    when = dt.datetime(max(day.year, 1980), day.month, day.day)
    wb = Workbook(write_only=True)
    wb.properties.created = wb.properties.modified = when
    wb.properties.creator = wb.properties.lastModifiedBy = "enrt"
    wb.properties.title = view.title[:255]
    wb.properties.language = "fr-FR" if lang == "fr" else "en-GB"
    figures = wb.create_sheet(view.title[:31].replace("/", "-") or "enrt")
    write_table(figures, view.title, view.subtitle, ["", ""],
                 [[f.label, f.value] for f in view.figures] + [[s, None] for s in view.sentences],
                 ["text", "number"],
                 [[None, "0.0%" if f.id.endswith("share") or "share" in f.id else "#,##0.0"]
                  for f in view.figures] + [[None, None] for _ in view.sentences])
    for table in view.tables:
        ws = wb.create_sheet(table.title[:31])
        write_table(ws, table.title, table.note, [c.label for c in table.columns],
                     table.rows, [c.kind for c in table.columns])
    return save_workbook(wb, when, {})
