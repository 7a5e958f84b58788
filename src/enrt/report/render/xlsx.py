"""The xlsx report (issue 10, point 1): a workbook an IT manager hands to elected officials.

Sheets, in the report language: a one-page summary (A4), native charts, the tables of
``report.view`` (by category, entity, site, project, services, totals per criterion, REEN
indicators, practices, inputs, issues, hypotheses, sources), every assessed row with the
provenance of its values, and the rejected and skipped rows with their reasons.

Rules: numbers stay numbers with a number format (``cells.EXCEL_FORMATS`` by column kind);
every string goes through ``cells.inert`` and is stored as a string cell, never a formula
(CWE-1236); the same report gives the same bytes (fixed document dates and zip times).
The workbook is streamed (openpyxl write-only mode), and the lines of the assessed-rows
sheet are written as XML straight into the archive (openpyxl takes ~20 µs a cell without
lxml): 200,000 rows take ~8 s instead of ~90 s. How a sheet is written and the workbook
saved (cells, widths, printing, the streamed lines, fixed bytes): ``xlsx_sheet``.
"""
from __future__ import annotations

import datetime as dt
import math

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.chart import BarChart, Reference
from openpyxl.chart.label import DataLabelList
from openpyxl.styles import Alignment, Font
from openpyxl.worksheet.properties import PageSetupProperties

from ...i18n import TEXT, criterion_label, t, unit_label
from ...rows import CONDITION_NAMES, RowTable
from .. import ranges
from ..model import Report
from ..view import Table, View, build_view
from . import RenderContext
from . import xlsx_sheet as sheet
from .xlsx_sheet import (A4, BOLD, HEAD, HEAD_FILL, ITALIC, MAX_ROWS, SMALL, TITLE, TITLE_ROWS,
                         TOP, WRAP)
from .cells import EXCEL_FORMATS, inert

SKIP_HINTS = {"hidden": "hint_hidden", "hidden_sheet": "hint_hidden",
              "not_in_use": "hint_not_in_use", "out_of_period": "hint_out_of_period"}
ROW_FIELDS = ("quantity", "lifetime", "annual_kwh", "pue", "country", "condition")

T_CO2E = '#,##0.0 "t CO2e"'
T_CO2E_SMALL = '#,##0.000 "t CO2e"'
KG_CO2E = '#,##0 "kg CO2e"'
SCORE = '0 "/ 100"'
ROW_NUMBER = "0"
PUE = "0.00"

BIG = Font(bold=True, size=16)
LEFT = Alignment(horizontal="left", vertical="top", wrap_text=True)
RIGHT = Alignment(horizontal="right", vertical="top")
INDENT = Alignment(horizontal="left", vertical="top", indent=1)
COLORS = ("1F4E79", "9DC3E6")     # manufacture, use


def render(report: Report, ctx: RenderContext) -> bytes:
    view = build_view(report, ctx.lang)
    lang = view.lang
    wb = Workbook(write_only=True)
    when = _as_of(report)
    wb.properties.created = wb.properties.modified = when
    wb.properties.creator = wb.properties.lastModifiedBy = f"enrt {report.tool.version}"
    wb.properties.title = sheet.clean_text(view.title)[:255]
    wb.properties.language = "fr-FR" if lang == "fr" else "en-GB"

    # the sheets are made first, in their order; each is then written once (streamed)
    plan: list[tuple[str, Table | None]] = []
    tables = {x.id: x for x in view.tables}
    plan.append(("sheet_summary", None))
    plan.append(("sheet_charts", None))
    for tid in ("by_category", "by_entity", "by_site", "by_project", "services"):
        if tid in tables:
            plan.append((f"sheet_{tid}", tables[tid]))
    for tid in ("totals", "improve_first", "indicators", "practices"):
        if tid in tables:
            plan.append((f"sheet_{tid}", tables[tid]))
    plan.append(("sheet_rows", None))
    plan.append(("sheet_rejected", None))
    for tid in ("issues", "inputs", "hypotheses", "sources"):
        if tid in tables:
            plan.append((f"sheet_{tid}", tables[tid]))
    sheets = {key: wb.create_sheet(t(key, lang)) for key, _ in plan}
    tails: dict = {}                 # sheet -> (cells, lines streamed into it on saving)

    for key, what in plan:
        ws = sheets[key]
        if key == "sheet_summary":
            _summary(ws, view, report)
        elif key == "sheet_charts":
            _charts(ws, view, sheets.get("sheet_by_category"), lang)
        elif key == "sheet_totals":
            _totals(ws, report, what, lang)
        elif key == "sheet_indicators":
            _table(ws, what, lang, row_formats=_indicator_formats(what, lang))
        elif key == "sheet_rows":
            _rows(ws, report, ctx.rows, lang, tails)
        elif key == "sheet_rejected":
            _rejected(ws, report, lang)
        else:
            _table(ws, what, lang)
    return sheet.save_workbook(wb, when, tails)


# -- cells ---------------------------------------------------------------------------------

# what a cell cannot hold (XML 1.0: C0 controls, lone surrogates, U+FFFE/U+FFFF) or should
# not (C1 controls, direction overrides): shown as the terminal report shows them (␛, \x9b)


def _table(ws, table: Table, lang: str, row_formats=None) -> None:
    kinds = [c.kind for c in table.columns]
    sheet.write_table(ws, table.title, table.note, [c.label for c in table.columns],
                      table.rows, kinds, row_formats)


def _indicator_formats(table: Table, lang: str) -> list[list[str | None]]:
    """Indicators mix units: a ratio (unit '%') shows as a percentage."""
    kinds = [c.kind for c in table.columns]
    percent = unit_label("ratio", lang)
    out = []
    for r in table.rows:
        f = [sheet.number_format(v, k) for v, k in zip(r, kinds)]
        if r[2] == percent:
            f[1] = EXCEL_FORMATS["ratio"]
        out.append(f)
    return out


# -- the summary -----------------------------------------------------------------------------

def _summary(ws, view: View, report: Report) -> None:
    """One A4 page: title, key figures, top categories, data quality, factor set."""
    lang = view.lang
    widths = {"A": 48, "B": 20, "C": 46}
    for col, width in widths.items():
        ws.column_dimensions[col].width = width
    ws.page_setup.paperSize = A4
    ws.page_setup.orientation = "portrait"
    ws.sheet_properties.pageSetUpPr = PageSetupProperties(fitToPage=True)
    ws.page_setup.fitToWidth = ws.page_setup.fitToHeight = 1
    ws.print_options.horizontalCentered = True
    ws.sheet_view.showGridLines = False

    lines: list[list] = []          # the rows, written at the end (the sheet is streamed)
    heights: dict[int, float] = {}
    merges: list[str] = []

    def add(cells, n: int = 1, size: float = 15.0):
        lines.append(cells)
        if n > 1 or size != 15.0:
            heights[len(lines)] = min(409.0, size * n)

    def across(text: str, font=None, size: float = 15.0):
        """A text over the three columns (merged, wrapped)."""
        add([sheet.make_cell(ws, text, font=font, align=WRAP)],
            sheet.wrapped_lines(text, sum(widths.values())), size)
        merges.append(f"A{len(lines)}:C{len(lines)}")

    across(view.title, BIG, 22.0)
    across(view.subtitle, ITALIC)
    add([])
    add([sheet.make_cell(ws, t("key_figures", lang), font=TITLE)])
    total = next((f.value for f in view.figures if f.id == "total_gwp"), None)
    for f in view.figures:
        value, fmt, detail = f.value, None, f.detail
        if f.value is None:
            value = f.text
        elif f.id in ("total_gwp", "manufacture", "use", "services_phase", "territory"):
            value = f.value / 1000
            fmt = T_CO2E if abs(value) >= 1 or value == 0 else T_CO2E_SMALL
            if f.id not in ("total_gwp", "territory") and total:
                detail = f.value / total              # the view's share, as a number
        elif f.id == "per_agent":
            fmt = KG_CO2E
        elif f.id == "refurbished_share":
            fmt = EXCEL_FORMATS["ratio"]
        elif f.id == "maturity":
            fmt = SCORE
        else:
            fmt = EXCEL_FORMATS["number"]
        font = BOLD if f.id == "total_gwp" else None
        add([sheet.make_cell(ws, f.label, font=font, align=WRAP),
             sheet.make_cell(ws, value, fmt, font=font, align=RIGHT),
             sheet.make_cell(ws, detail, EXCEL_FORMATS["ratio"], align=INDENT)],
            sheet.wrapped_lines(f.label, widths["A"]))
    if report.uncertainty is not None:            # the 90 % intervals, as numbers
        add([sheet.make_cell(ws, t("interval_90", lang), font=BOLD, fill=HEAD_FILL,
                             align=HEAD),
             sheet.make_cell(ws, t("col_p5", lang), font=BOLD, fill=HEAD_FILL, align=HEAD),
             sheet.make_cell(ws, t("col_p95", lang), font=BOLD, fill=HEAD_FILL, align=HEAD)])
        for phase, key in (("total", "total_gwp"), ("manufacture", "manufacture"),
                           ("use", "use")):
            iv = ranges.interval(report, "gwp", phase)
            if iv is not None:
                add([sheet.make_cell(ws, t(key, lang), align=WRAP),
                     sheet.make_cell(ws, iv.p5 / 1000, T_CO2E, align=RIGHT),
                     sheet.make_cell(ws, iv.p95 / 1000, T_CO2E, align=RIGHT)])
    add([])
    top = view.table("top_categories")
    if top is not None and top.rows:
        add([sheet.make_cell(ws, top.title, font=TITLE)])
        aligns = [TOP, RIGHT, INDENT]
        add([sheet.make_cell(ws, c.label, font=BOLD, fill=HEAD_FILL,
                             align=a if a is INDENT else HEAD)
             for c, a in zip(top.columns, aligns)])
        for r in top.rows:
            add([sheet.make_cell(ws, v, sheet.number_format(v, c.kind), align=a)
                 for v, c, a in zip(r, top.columns, aligns)])
        add([])
    add([sheet.make_cell(ws, t("data_quality", lang), font=TITLE)])
    for text in view.sentences:
        across(text)
    add([])
    fs = report.factor_set
    meta = [(t("factor_set", lang), f"{fs.id} {fs.version}"), ("sha256", fs.sha256)]
    meta += [(label, text) for label, text in view.meta if label != t("factor_set", lang)]
    for label, text in meta:
        value = int(text) if text.isdigit() else text
        small = Font(size=9) if label == "sha256" else None
        add([sheet.make_cell(ws, label, font=BOLD, align=TOP),
             sheet.make_cell(ws, value, "0", font=small, align=LEFT)],
            sheet.wrapped_lines(text, widths["B"] + widths["C"]))
        merges.append(f"B{len(lines)}:C{len(lines)}")

    for i, h in heights.items():
        ws.row_dimensions[i].height = h
    for m in merges:
        ws.merged_cells.add(m)
    ws.print_area = f"A1:C{len(lines)}"
    for cells in lines:
        ws.append(cells)


# -- charts ----------------------------------------------------------------------------------

def _charts(ws, view: View, cat_ws, lang: str) -> None:
    """Manufacture vs use by category (stacked bars) and the share of each category,
    native charts drawing on the by-category sheet."""
    n = len(view.bars)
    ws.column_dimensions["A"].width = 12
    ws.page_setup.paperSize = A4
    ws.sheet_properties.pageSetUpPr = PageSetupProperties(fitToPage=True)
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_view.showGridLines = False
    ws.append([sheet.make_cell(ws, t("sheet_charts", lang), font=TITLE)])
    if not n or cat_ws is None:
        return
    first, last = TITLE_ROWS + 1, TITLE_ROWS + n           # the by-category data rows
    cats = Reference(cat_ws, min_col=1, min_row=first, max_row=last)
    height = min(30.0, max(7.5, 0.55 * n + 3))

    phases = BarChart()
    phases.type, phases.grouping, phases.overlap = "bar", "stacked", 100
    phases.title = t("chart_phases", lang)
    phases.add_data(Reference(cat_ws, min_col=3, max_col=4, min_row=TITLE_ROWS, max_row=last),
                    titles_from_data=True)
    phases.set_categories(cats)
    for s, color in zip(phases.series, COLORS):
        s.graphicalProperties.solidFill = color
        s.graphicalProperties.line.solidFill = color
    phases.y_axis.title = "kg CO2e" + t("per_yr", lang)
    phases.y_axis.number_format = "#,##0"
    phases.y_axis.majorGridlines = None
    phases.legend.position = "b"

    share = BarChart()
    share.type = "bar"
    share.title = t("chart_share", lang)
    share.add_data(Reference(cat_ws, min_col=6, min_row=TITLE_ROWS, max_row=last),
                   titles_from_data=True)
    share.set_categories(cats)
    share.series[0].graphicalProperties.solidFill = COLORS[0]
    share.y_axis.number_format = "0%"
    share.y_axis.majorGridlines = None
    share.legend = None
    share.gapWidth = 60
    share.dataLabels = DataLabelList()
    share.dataLabels.showVal = True
    share.dataLabels.showCatName = share.dataLabels.showSerName = False
    share.dataLabels.showLegendKey = share.dataLabels.showPercent = False
    share.dataLabels.numFmt = "0.0%"

    for chart in (phases, share):
        chart.width, chart.height = 24.0, height
        chart.x_axis.scaling.orientation = "maxMin"    # largest category on top
        chart.y_axis.crosses = "max"                   # value axis at the bottom
        chart.x_axis.delete = chart.y_axis.delete = False
        chart.style = 10
    rows_per_chart = math.ceil(height / 0.53) + 2
    ws.add_chart(phases, "A3")
    ws.add_chart(share, f"A{3 + rows_per_chart}")
    ws.print_area = f"A1:N{3 + 2 * rows_per_chart}"


# -- totals, rows, rejected ------------------------------------------------------------------

def _labels(report: Report, lang: str) -> dict[str, str]:
    return {c.category: (c.label if lang == "fr" else (c.label_en or c.label)) or c.category
            for c in report.by_category}


def _totals(ws, report: Report, table: Table, lang: str) -> None:
    """The view's totals per criterion, each partial one marked in a last column."""
    labels = _labels(report, lang)
    rows = []
    for r, tot in zip(table.rows, report.totals.values()):
        note = None
        if not tot.complete:
            note = t("partial", lang)
            if tot.not_covered:
                what = ", ".join(labels.get(c, c) for c in tot.not_covered)
                note += (" : " if lang == "fr" else ": ") + t("not_covered", lang) + " — " + what
        rows.append([*r, note])
    header = [c.label for c in table.columns] + [t("col_note", lang)]
    sheet.write_table(ws, table.title, table.note, header, rows,
                 [c.kind for c in table.columns] + ["text"])


def _rows(ws, report: Report, rows: RowTable | None, lang: str, tails: dict) -> None:
    """One line per assessed inventory row: where it is, the values used, where each value
    came from (input / default / derived), and its impacts per criterion."""
    def L(key: str) -> str:
        return t(key, lang)

    prov = [L(f"prov_{name}") for name in ("default", "input", "derived")]
    labels = _labels(report, lang)
    cond = {code: t(f"cond_{name}", lang) for code, name in CONDITION_NAMES.items()}

    def src(field):
        return t(f"src_{field}", lang)

    header = [L("col_file"), L("col_sheet"), L("col_row"), L("col_category"),
              L("col_quantity"), src("quantity"), L("col_lifetime"), src("lifetime"),
              L("col_share_year"), L("col_kwh"), src("annual_kwh"), L("col_pue"), src("pue"),
              L("col_country"), src("country"), L("col_condition"), src("condition")]
    fmts: list[str | None] = [None, None, ROW_NUMBER, None, EXCEL_FORMATS["int"], None,
                              EXCEL_FORMATS["number"], None, EXCEL_FORMATS["ratio"],
                              EXCEL_FORMATS["number"], None, PUE, None, None, None, None, None]
    n = 0 if rows is None else len(rows)
    cut = n > MAX_ROWS
    n = min(n, MAX_ROWS)
    crit = list(rows.criteria) if rows is not None else []
    per_year = t("per_yr", lang)
    for k in crit:
        unit = unit_label(report.totals[k].unit, lang) if k in report.totals else ""
        if k == "gwp":
            header += [L("col_manufacture"), L("col_use")]
        else:
            name = criterion_label(k, lang)
            header += [f"{L('manufacture')} — {name} ({unit}{per_year})",
                       f"{L('use')} — {name} ({unit}{per_year})"]
        fmts += [EXCEL_FORMATS["kg"], EXCEL_FORMATS["kg"]]

    cols: list[list] = []
    if n:
        sl = slice(0, n)
        paths = [inert(sheet.clean_text(p)) for p in rows.inputs]
        sheets = [inert(sheet.clean_text(s)) if s else None for s in rows.sheet_names]
        cats = [inert(sheet.clean_text(labels.get(c, c))) for c in rows.categories]
        countries = [inert(sheet.clean_text(c)) for c in rows.countries]

        def num(a):
            return [x + 0.0 if math.isfinite(x) else None for x in a[sl].tolist()]  # no -0

        def pv(field):
            return [prov[c] for c in rows.provenance[field][sl].tolist()]

        cols = [[paths[i] for i in rows.input_index[sl].tolist()],
                [sheets[i] for i in rows.sheet[sl].tolist()],
                rows.row_number[sl].tolist(),
                [cats[i] for i in rows.category[sl].tolist()],
                num(rows.quantity), pv("quantity"), num(rows.lifetime), pv("lifetime"),
                num(rows.share), num(rows.annual_kwh), pv("annual_kwh"), num(rows.pue),
                pv("pue"), [countries[i] for i in rows.country[sl].tolist()], pv("country"),
                [cond.get(c) for c in rows.condition[sl].tolist()], pv("condition")]
        for j in range(len(crit)):
            cols += [num(rows.manufacture[:, j]), num(rows.use[:, j])]
        # small impacts (kg Sb eq.) need more digits than kg CO2e
        for j, k in enumerate(crit):
            for c in (17 + 2 * j, 18 + 2 * j):
                vals = [abs(x) for x in cols[c] if x]
                if vals and max(vals) < 1:
                    fmts[c] = SMALL

    sample = [[col[i] for col in cols] for i in range(min(n, 200))]
    widths = sheet.column_widths(header, sample, fmts)
    for j, h in enumerate(header):
        if fmts[j] is None:                            # provenance words, labels
            widths[j] = max(widths[j], min(len(h) + 2, 18))
    sheet.setup_sheet(ws, widths, TITLE_ROWS, TITLE_ROWS + n, landscape=True, fit=False)
    ws.row_dimensions[TITLE_ROWS].height = 45
    ws.append([sheet.make_cell(ws, t("rows", lang), font=TITLE)])
    note = t("rows_note", lang) + ("  " + t("rows_cut", lang, n=n) if cut else "")
    ws.append([sheet.make_cell(ws, note, font=ITALIC)])
    ws.append([sheet.make_cell(ws, h, font=BOLD, fill=HEAD_FILL, align=HEAD) for h in header])
    if not n:
        return
    # the lines themselves are not cells for openpyxl to serialise one by one (20 µs a
    # cell): their XML is streamed into the sheet when the workbook is saved
    styles = []
    for f in fmts:
        c = WriteOnlyCell(ws)
        if f:
            c.number_format = f
        else:
            c.alignment = INDENT
        styles.append(c.style_id)
    tails[ws] = (n * len(cols), lambda: sheet.lines_xml(cols, [f is None for f in fmts],
                                                         styles, TITLE_ROWS + 1))


def _rejected(ws, report: Report, lang: str) -> None:
    """Rows to fix and re-run: the rejected ones (error issues with a row) one by one, the
    skipped ones counted per file, sheet and reason."""
    def L(key: str) -> str:
        return t(key, lang)

    header = [t("col_status", lang), L("col_file"), L("col_sheet"), L("col_row"),
              L("col_rows"), L("col_code"), L("col_reason"), L("col_hint")]
    kinds = ["text", "text", "text", "int", "int", "text", "text", "text"]
    rows = []
    for x in report.issues:
        if x.severity == "error" and x.row is not None:
            rows.append([t("status_rejected", lang), x.file, x.sheet, x.row, 1, x.code,
                         *x.text(lang)])
    for inp in report.inputs:
        for s in inp.sheets:
            for reason, count in s.skipped.items():
                if not count:
                    continue
                label = t(f"skip_{reason}", lang) if f"skip_{reason}" in TEXT else reason
                hint = t(SKIP_HINTS[reason], lang) if reason in SKIP_HINTS else None
                rows.append([t("status_skipped", lang), inp.path, s.name, None, count,
                             reason, label, hint])
    formats = [[ROW_NUMBER if j == 3 else sheet.number_format(v, k)
                for j, (v, k) in enumerate(zip(r, kinds))] for r in rows]
    sheet.write_table(ws, L("rejected"), t("rejected_note", lang), header, rows, kinds, formats)


# -- saving ----------------------------------------------------------------------------------

def _as_of(report: Report) -> dt.datetime:
    """The document date: the assessment's as-of date (same report, same bytes)."""
    try:
        day = dt.date.fromisoformat(report.assessment.as_of)
    except (TypeError, ValueError):
        day = dt.date(report.assessment.year, 12, 31)
    return dt.datetime(max(day.year, 1980), day.month, day.day)


