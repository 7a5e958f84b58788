"""A campaign comparison as an xlsx workbook: the figures as numbers, one sheet per
table, and the change as a native waterfall (a stacked bar chart whose first series, the
bars' invisible base, lifts each driver's part to where the previous one ended)."""
from __future__ import annotations

import datetime as dt

from openpyxl import Workbook
from openpyxl.chart import BarChart, Reference

from ...attribution import DRIVERS
from ...compare import Comparison
from ...i18n import criterion_label, indicator_label, t, unit_label
from . import xlsx_sheet as sheet
from .svg import MANUFACTURE, OTHER, USE

TITLE_ROWS = sheet.TITLE_ROWS


def render_xlsx(cmp: Comparison, lang: str, head: list[str]) -> bytes:
    wb = Workbook(write_only=True)
    when = dt.datetime(cmp.new.year, 12, 31, tzinfo=dt.timezone.utc)
    wb.properties.created = wb.properties.modified = when
    wb.properties.creator = wb.properties.lastModifiedBy = "enrt"
    wb.properties.title = sheet.clean_text(head[0])[:255]
    L = lambda key: t(key, lang)       # noqa: E731
    note = " ".join(head[1:])

    ws = wb.create_sheet(L("cmp_totals")[:31].rstrip())
    sheet.write_table(ws, head[0], note,
                      [L("col_criterion"), L("col_phase"), L("col_old"), L("col_new"),
                       L("col_change"), L("col_change_pct")],
                      [[criterion_label(k, lang), L(ph if ph != "services" else "col_services"),
                        ch.old, ch.new, ch.change, ch.change_pct]
                       for k, phases in cmp.totals.items() for ph, ch in phases.items()],
                      ["text", "text", "number", "number", "number", "ratio"])

    ws = wb.create_sheet(L("cmp_attribution")[:31].rstrip())
    parts = cmp.attribution.get("gwp", {})
    total = cmp.totals.get("gwp", {}).get("total")
    rows, level = [], total.old or 0.0 if total else 0.0
    if total is not None and total.old is not None:
        rows.append([str(cmp.old.year), None, 0.0, total.old, 0.0, 0.0])
    for d in DRIVERS:
        v = parts.get(d, 0.0)
        if v:
            rows.append([L(f"drv_{d}"), v, min(level, level + v), 0.0, max(v, 0.0),
                         max(-v, 0.0)])
            level += v
    if total is not None and total.new is not None:
        rows.append([str(cmp.new.year), None, 0.0, total.new, 0.0, 0.0])
    sheet.write_table(ws, f"{L('cmp_attribution')} (kg CO2e)", None,
                      [L("col_driver"), L("col_part"), L("cmp_base"), L("total"), L("cmp_rise"),
                       L("cmp_fall")], rows,
                      ["text", "kg", "kg", "kg", "kg", "kg"])
    if rows:
        chart = BarChart()
        chart.type, chart.grouping, chart.overlap = "bar", "stacked", 100
        chart.title = L("cmp_attribution")
        last = TITLE_ROWS + len(rows)
        chart.add_data(Reference(ws, min_col=3, max_col=6, min_row=TITLE_ROWS, max_row=last),
                       titles_from_data=True)
        chart.set_categories(Reference(ws, min_col=1, min_row=TITLE_ROWS + 1, max_row=last))
        chart.series[0].graphicalProperties.noFill = True          # the invisible base
        chart.series[0].graphicalProperties.line.noFill = True
        for s, colour in zip(chart.series[1:], (OTHER, USE, MANUFACTURE)):
            s.graphicalProperties.solidFill = colour.lstrip("#")
        chart.y_axis.number_format = "#,##0"
        chart.x_axis.scaling.orientation = "maxMin"               # the old year on top
        chart.legend = None
        chart.width, chart.height = 18, 8
        ws.add_chart(chart, f"H{TITLE_ROWS}")

    ws = wb.create_sheet(L("cmp_by_category")[:31].rstrip())
    sheet.write_table(ws, f"{L('cmp_by_category')} (kg CO2e)", None,
                      [L("col_category"), L("cmp_units_old"), L("cmp_units_new"),
                       L("col_old"), L("col_new"), L("col_change")],
                      [[_label(cmp, cat, lang), v["quantity"].old, v["quantity"].new,
                        v["gwp"].old, v["gwp"].new, v["gwp"].change]
                       for cat, v in cmp.by_category.items()],
                      ["text", "number", "number", "kg", "kg", "kg"])
    if cmp.by_entity:
        ws = wb.create_sheet(L("cmp_by_entity")[:31].rstrip())
        sheet.write_table(ws, f"{L('cmp_by_entity')} (kg CO2e)", None,
                          [L("col_entity"), L("col_old"), L("col_new"), L("col_change"),
                           L("col_change_pct")],
                          [[name, v.old, v.new, v.change, v.change_pct]
                           for name, v in cmp.by_entity.items()],
                          ["text", "kg", "kg", "kg", "ratio"])
    if cmp.indicators:
        ws = wb.create_sheet(L("cmp_indicators")[:31].rstrip())
        sheet.write_table(ws, L("cmp_indicators"), None,
                          [L("col_indicator"), L("col_unit"), L("col_old"), L("col_new"),
                           L("col_change")],
                          [[indicator_label(k, lang), unit_label(v.unit or "", lang), v.old,
                            v.new, v.change]
                           for k, v in cmp.indicators.items()],
                          ["text", "text", "number", "number", "number"])
    return sheet.save_workbook(wb, when, {})


def _label(cmp: Comparison, cat: str, lang: str) -> str:
    fr, en = cmp.labels.get(cat) or [None, None]
    return (fr if lang == "fr" else en or fr) or cat
