"""Writing one streamed worksheet of a workbook, and saving the workbook with fixed
bytes: cell values made safe (inert text, no formula, finite numbers), column widths, row
heights, A4 printing, the title-note-header layout of every table sheet, and lines of
XML streamed straight into the archive for very long sheets. The report's workbook
(``xlsx.py``) and the batch summary's (``xlsx_tables.py``) are made with these."""
from __future__ import annotations

import datetime as dt
import io
import math
import zipfile

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.properties import PageSetupProperties
from openpyxl.worksheet.worksheet import Worksheet
from openpyxl.writer.excel import ExcelWriter

from ...inert import safe
from .cells import EXCEL_FORMATS, inert

SMALL = "0.00E+00"                # impacts below 1 (kg Sb eq.)
A4 = Worksheet.PAPERSIZE_A4
TITLE_ROWS = 3                   # title, note, header: data starts on row 4
MAX_ROWS = 1_048_576 - TITLE_ROWS - 1
MAX_TEXT = 32_767                # characters an Excel cell holds
WIDTH_MIN, WIDTH_MAX = 8, 60
BOLD = Font(bold=True)
TITLE = Font(bold=True, size=14)
ITALIC = Font(italic=True)
HEAD_FILL = PatternFill("solid", fgColor="D9E1F2")
WRAP = Alignment(wrap_text=True, vertical="top")
HEAD = Alignment(wrap_text=True, vertical="center")
TOP = Alignment(vertical="top")
_CLEAN = {c: safe(chr(c)) for c in (*range(0xA0), *range(0x600, 0x620), *range(0x2000, 0x2070))
          if c not in (0x09, 0x0A, 0x0D) and safe(chr(c)) != chr(c)}
_CLEAN.update({c: "\ufffd" for c in (*range(0xD800, 0xE000), 0xFFFE, 0xFFFF)})


def clean_text(text: str) -> str:
    """Text from the inputs as a cell can hold it, cut at the cell limit."""
    return text.translate(_CLEAN)[:MAX_TEXT]


def cell_value(v):
    """A raw value as a cell holds it: numbers (NaN and infinities: empty), strings
    cleaned and made inert."""
    if v is None or isinstance(v, bool):
        return v
    if isinstance(v, (int, float)) or hasattr(v, "dtype"):
        x = float(v) if not isinstance(v, int) else v
        return None if isinstance(x, float) and not math.isfinite(x) else x
    return inert(clean_text(str(v)))


def number_format(v, kind: str) -> str:
    """The column kind's format; tiny values (kg Sb eq.) get enough digits to show."""
    if kind in ("number", "kg") and isinstance(v, float) and v and abs(v) < 1:
        return "0.000" if abs(v) >= 1e-3 else SMALL
    return EXCEL_FORMATS.get(kind, "General")


def make_cell(ws, value, fmt: str | None = None, font=None, fill=None, align=None):
    v = cell_value(value)
    c = WriteOnlyCell(ws, value=v)
    if isinstance(v, str):
        c.data_type = "s"            # never a formula, never an error value (#N/A…)
    elif fmt and v is not None:
        c.number_format = fmt
    if font is not None:
        c.font = font
    if fill is not None:
        c.fill = fill
    if align is not None:
        c.alignment = align
    return c


def text_width(v, fmt: str | None = None) -> int:
    if v is None:
        return 0
    if isinstance(v, str):
        return max((len(x) for x in v.split("\n")), default=0)
    if fmt and "%" in fmt:
        return 7
    return len(f"{v:,.1f}") + (len(fmt) - 7 if fmt and '"' in fmt else 0)


def column_widths(header: list[str], rows: list[list], formats: list[str | None]) -> list[float]:
    out = []
    for j, label in enumerate(header):
        data = max((text_width(r[j], formats[j]) for r in rows), default=0)
        head = min(len(label), 22)
        out.append(float(min(WIDTH_MAX, max(WIDTH_MIN, data + 2, head + 2))))
    return out


def setup_sheet(ws, widths: list[float], header_row: int | None, last_row: int,
           landscape: bool = False, fit: bool = True) -> None:
    """Column widths, frozen header, autofilter, A4 printing fit to the page width
    (everything before the first append: the sheet is streamed)."""
    for j, width in enumerate(widths, 1):
        ws.column_dimensions[get_column_letter(j)].width = width
    last_col = get_column_letter(max(1, len(widths)))
    if header_row is not None:
        ws.freeze_panes = f"A{header_row + 1}"
        ws.auto_filter.ref = f"A{header_row}:{last_col}{max(last_row, header_row)}"
        ws.print_title_rows = f"{header_row}:{header_row}"
    ws.page_setup.paperSize = A4
    ws.page_setup.orientation = "landscape" if landscape else "portrait"
    ws.sheet_properties.pageSetUpPr = PageSetupProperties(fitToPage=True)
    ws.page_setup.fitToWidth = 1 if fit else 2          # wide tables: two pages across
    ws.page_setup.fitToHeight = 0


def write_table(ws, title: str, note: str | None, header: list[str], rows: list[list],
                 kinds: list[str], formats: list[list[str | None]] | None = None) -> None:
    """Title (row 1), note (row 2), bold header (row 3), then the rows; long texts wrap in
    rows made tall enough (spreadsheets do not grow a row on opening a file)."""
    formats = formats or [[number_format(v, k) for v, k in zip(r, kinds)] for r in rows]
    col_fmt = [next((f[j] for f in formats if f[j] not in (None, "@")),
                    EXCEL_FORMATS.get(kinds[j])) for j in range(len(header))]
    values = [[cell_value(v) for v in r] for r in rows]
    widths = column_widths(header, values, col_fmt)
    setup_sheet(ws, widths, TITLE_ROWS, TITLE_ROWS + len(rows), landscape=sum(widths) > 110)
    ws.row_dimensions[TITLE_ROWS].height = row_height(
        max((wrapped_lines(h, wd) for h, wd in zip(header, widths)), default=1))
    for i, r in enumerate(values, TITLE_ROWS + 1):
        n = max((wrapped_lines(v, wd) for v, wd in zip(r, widths) if isinstance(v, str)), default=1)
        if n > 1:
            ws.row_dimensions[i].height = row_height(n)
    ws.append([make_cell(ws, title, font=TITLE)])
    ws.append([make_cell(ws, note, font=ITALIC)] if note else [])
    ws.append([make_cell(ws, h, font=BOLD, fill=HEAD_FILL, align=HEAD) for h in header])
    for r, fr in zip(values, formats):
        ws.append([make_cell(ws, v, f, align=WRAP if isinstance(v, str) and wrapped_lines(v, wd) > 1
                         else TOP) for v, f, wd in zip(r, fr, widths)])


def wrapped_lines(text: str, width: float) -> int:
    """Lines a wrapped text takes in a column (a width unit holds about one character)."""
    per = max(1, int(width) - 1)
    return sum(max(1, math.ceil(len(p) / per)) for p in str(text).split("\n"))


def row_height(lines: int) -> float:
    return min(409.0, 15.0 * max(1, lines))          # points; Excel's maximum is 409


def lines_xml(cols: list[list], text: list[bool], styles: list[int], first: int,
               chunk: int = 2000):
    """<row> elements of a sheet, by chunks of rows: numbers as numbers, strings inline
    (as openpyxl writes them), each column with its style."""
    n = len(cols[0]) if cols else 0
    letters = [get_column_letter(j + 1) for j in range(len(cols))]
    cells = []                    # per column: value -> the cell's XML after its reference
    for j, col in enumerate(cols):
        if text[j]:
            cells.append({v: f'" s="{styles[j]}" t="inlineStr"><is>{xml_text(v)}</is></c>'
                          for v in set(col) if v is not None})
        else:
            cells.append(None)
    for start in range(0, n, chunk):
        out = []
        for i in range(start, min(n, start + chunk)):
            r = first + i
            out.append(f'<row r="{r}">')
            for j, col in enumerate(cols):
                v = col[i]
                if v is None:
                    continue
                if text[j]:
                    out.append(f'<c r="{letters[j]}{r}{cells[j][v]}')
                else:
                    out.append(f'<c r="{letters[j]}{r}" s="{styles[j]}"><v>{v!r}</v></c>')
            out.append("</row>")
        yield "".join(out)


def xml_text(v: str) -> str:
    body = v.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    space = ' xml:space="preserve"' if v != v.strip() else ""
    return f"<t{space}>{body}</t>"


class FixedZip(zipfile.ZipFile):
    """Every member with the same date and mode, so the bytes depend on the content only;
    a worksheet with streamed lines gets them before its </sheetData>."""

    def __init__(self, *args, date_time: tuple, tails: dict, **kw):
        super().__init__(*args, **kw)
        self.date_time = date_time
        self.tails = tails            # member name -> (cells, function giving XML chunks)

    def _info(self, name: str) -> zipfile.ZipInfo:
        info = zipfile.ZipInfo(name, date_time=self.date_time)
        info.compress_type = zipfile.ZIP_DEFLATED
        info.external_attr = 0o644 << 16
        return info

    def writestr(self, zinfo_or_arcname, data, compress_type=None, compresslevel=None):
        name = getattr(zinfo_or_arcname, "filename", zinfo_or_arcname)
        super().writestr(self._info(name), data)

    def write(self, filename, arcname=None, compress_type=None, compresslevel=None):
        name = arcname or str(filename)
        with open(filename, "rb") as f:
            data = f.read()
        if name not in self.tails:
            self.writestr(name, data)
            return
        cells, lines = self.tails[name]
        head, end, rest = data.partition(b"</sheetData>")
        if not end:                          # no row written: <sheetData/> (not made here)
            raise ValueError(f"{name}: no sheetData to fill")
        with self.open(self._info(name), "w", force_zip64=cells > 20_000_000) as out:
            out.write(head)
            for chunk in lines():
                out.write(chunk.encode("utf-8"))
            out.write(end + rest)


def save_workbook(wb: Workbook, when: dt.datetime, tails: dict) -> bytes:
    buf = io.BytesIO()
    archive = FixedZip(buf, "w", zipfile.ZIP_DEFLATED, allowZip64=True,
                        date_time=when.timetuple()[:6],
                        tails={f"xl/worksheets/sheet{wb.worksheets.index(ws) + 1}.xml": tail
                               for ws, tail in tails.items()})
    ExcelWriter(wb, archive).save()          # not save_workbook: it stamps "modified" now
    return buf.getvalue()
