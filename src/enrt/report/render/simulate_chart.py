"""A simulation drawn: the trajectory with and without the actions, year by year, the
90 % band of the one with actions when drawn, and the target (an SVG line chart for the
HTML and PDF pages; a native line chart for the xlsx)."""
from __future__ import annotations

import datetime as dt

from ...i18n import number, t
from ...simulate import SimulationReport
from .svg import FONT_SIZE, GRID, MANUFACTURE, MUTED, OTHER, USE, WIDTH, _f, _open, esc, \
    nice_ticks


def trajectory_svg(rep: SimulationReport, lang: str) -> str:
    crit = rep.target.criterion if rep.target else "gwp"
    years = [y.year for y in rep.with_actions]
    without = [y.totals[crit] for y in rep.without_actions]
    with_ = [y.totals[crit] for y in rep.with_actions]
    band = [y.interval.get(crit) if y.interval else None for y in rep.with_actions]
    highs = [b[1] for b in band if b] + without + with_ + \
        ([rep.target.target] if rep.target else [])
    ticks = nice_ticks(max(highs) if highs else 1.0)
    top = ticks[-1] or 1.0
    left, right, height = 70, WIDTH - 20, 300
    plot_top, plot_bottom = 30, height - 40

    def x(i: int) -> float:
        return left + (right - left) * (i / max(len(years) - 1, 1))

    def y(v: float) -> float:
        return plot_bottom - (plot_bottom - plot_top) * v / top

    title = t("sim_trajectory", lang)
    desc = "; ".join(f"{yr}: {t('sim_without', lang)} {number(a, lang, 1)}, "
                     f"{t('sim_with', lang)} {number(b, lang, 1)}"
                     for yr, a, b in zip(years, without, with_)) + " (kg CO2e)"
    if rep.target:
        desc += f"; {t('sim_target', lang)} {number(rep.target.target, lang, 1)} " \
            f"({rep.target.year})"
    out = _open("trajectory", height, title, desc)
    for tick in ticks:
        out.append(f'<line x1="{left}" y1="{_f(y(tick))}" x2="{right}" y2="{_f(y(tick))}" '
                   f'stroke="{GRID}"/>')
        out.append(f'<text x="{left - 6}" y="{_f(y(tick) + 4)}" text-anchor="end" '
                   f'fill="{MUTED}">{esc(number(tick, lang, 0))}</text>')
    for i, yr in enumerate(years):
        out.append(f'<text x="{_f(x(i))}" y="{height - 20}" text-anchor="middle" '
                   f'fill="{MUTED}">{yr}</text>')
    if all(band):
        pts = [f"{_f(x(i))},{_f(y(b[1]))}" for i, b in enumerate(band)] + \
            [f"{_f(x(i))},{_f(y(b[0]))}" for i, b in reversed(list(enumerate(band)))]
        out.append(f'<polygon points="{" ".join(pts)}" fill="{MANUFACTURE}" '
                   f'fill-opacity="0.15" stroke="none"/>')
    for values, colour, dash in ((without, OTHER, ' stroke-dasharray="6 4"'),
                                 (with_, MANUFACTURE, "")):
        pts = " ".join(f"{_f(x(i))},{_f(y(v))}" for i, v in enumerate(values))
        out.append(f'<polyline points="{pts}" fill="none" stroke="{colour}" '
                   f'stroke-width="2.5"{dash}/>')
    if rep.target and rep.target.year in years:
        i = years.index(rep.target.year)
        ty = y(rep.target.target)
        out.append(f'<line x1="{_f(x(0))}" y1="{_f(ty)}" x2="{_f(x(i))}" y2="{_f(ty)}" '
                   f'stroke="{USE}" stroke-width="2" stroke-dasharray="2 3"/>')
        out.append(f'<text x="{_f(x(i) - 4)}" y="{_f(ty - 6)}" text-anchor="end" '
                   f'font-size="{FONT_SIZE}">{esc(t("sim_target", lang))}</text>')
    out.append(f'<text x="{left}" y="16" font-size="{FONT_SIZE}">'
               f'<tspan fill="{MANUFACTURE}">━ {esc(t("sim_with", lang))}</tspan>  '
               f'<tspan fill="{OTHER}">╌ {esc(t("sim_without", lang))}</tspan>'
               + (f'  <tspan fill="{MUTED}">▒ {esc(t("interval_90", lang))} '
                  f'({esc(t("sim_with", lang))})</tspan>' if all(band) else "") + '</text>')
    out.append("</svg>")
    return "\n".join(out)


def render_xlsx(rep: SimulationReport, lang: str, head: list[str], sections) -> bytes:
    """The trajectory and each action's effect as numbers, with a native line chart."""
    from openpyxl import Workbook
    from openpyxl.chart import LineChart, Reference

    from . import xlsx_sheet as sheet
    crit = rep.target.criterion if rep.target else "gwp"
    wb = Workbook(write_only=True)
    when = dt.datetime(rep.horizon, 12, 31, tzinfo=dt.timezone.utc)
    wb.properties.created = wb.properties.modified = when
    wb.properties.creator = wb.properties.lastModifiedBy = "enrt"
    ws = wb.create_sheet(t("sim_trajectory", lang)[:31])
    target = rep.target.target if rep.target else None
    rows = [[a.year, a.totals[crit], b.totals[crit],
             (b.interval or {}).get(crit, [None, None])[0],
             (b.interval or {}).get(crit, [None, None])[1], target]
            for a, b in zip(rep.without_actions, rep.with_actions)]
    sheet.write_table(ws, head[0], " ".join(head[1:]),
                      [t("year", lang), t("sim_without", lang), t("sim_with", lang),
                       t("col_p5", lang), t("col_p95", lang), t("sim_target", lang)],
                      rows, ["int", "kg", "kg", "kg", "kg", "kg"])
    chart = LineChart()
    chart.title = t("sim_trajectory", lang)
    last = sheet.TITLE_ROWS + len(rows)
    chart.add_data(Reference(ws, min_col=2, max_col=6, min_row=sheet.TITLE_ROWS,
                             max_row=last), titles_from_data=True)
    chart.set_categories(Reference(ws, min_col=1, min_row=sheet.TITLE_ROWS + 1, max_row=last))
    chart.y_axis.number_format = "#,##0"
    chart.width, chart.height = 18, 9
    ws.add_chart(chart, f"H{sheet.TITLE_ROWS}")
    ws = wb.create_sheet(t("sim_effects", lang)[:31].rstrip())
    ranged = any(e.effect_interval for e in rep.actions)
    sheet.write_table(ws, sections[1][0], None,
                      [t("sim_action", lang), t("sim_start", lang), t("col_change", lang),
                       *([t("col_p5", lang), t("col_p95", lang)] if ranged else [])],
                      [[sheet.clean_text(e.name), e.start, e.effect.get(crit, 0.0),
                        *((e.effect_interval or {}).get(crit, [None, None]) if ranged
                          else [])] for e in rep.actions],
                      ["text", "int", "kg", *(["kg", "kg"] if ranged else [])])
    return sheet.save_workbook(wb, when, {})
