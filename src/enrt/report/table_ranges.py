"""The terminal report's uncertainty section (--uncertainty): the totals', the largest
categories' and lines' 90 % intervals, and what to improve first. ``o`` is the report's
console (render_table._Out)."""
from __future__ import annotations

from ..i18n import percent
from . import ranges
from .model import Report
from .view import category_label


def uncertainty_tables(o, report: Report, col, short) -> None:
    """With --uncertainty: the intervals and what to improve first. ``col``: the console's
    column type; ``short``: a criterion's short label (both render_table's)."""
    if report.uncertainty is None:
        return
    lang = o.lang
    # the totals' intervals in a table of their own: beside the phases they would squeeze
    # the criterion names out of an 80-column terminal
    o.table(o.t("line_intervals", what=o.t("totals")),
            [col(o.t("col_criterion"), wrap=True), col(o.t("total"), True),
             col(o.t("interval_90"), True)],
            [[short(k, lang), o.num(v.total), "{}–{}".format(
                o.num(iv.p5), o.num(iv.p95)) if (iv := ranges.interval(report, k)) else "—"]
             for k, v in report.totals.items()])
    rows = []
    for c in report.by_category[:5]:
        iv = ranges.category_interval(report, c.category)
        rows.append([category_label(c, lang), o.num(c.gwp.total),
                     f"{o.num(iv.p5)}–{o.num(iv.p95)}" if iv else "—"])
    o.table(f"{o.t('category_intervals')} ({o.t('col_gwp')})",
            [col(o.t("col_category"), wrap=True), col(o.t("total"), True),
             col(o.t("interval_90"), True)], rows)
    for key, lines in (("entity", report.by_entity), ("site", report.by_site),
                       ("project", report.by_project)):
        drawn = getattr(report.uncertainty, f"by_{key}")
        shown = [x for x in lines[:5] if getattr(x, key) in drawn]
        if len(lines) < 2 or not shown:
            continue
        o.table(f"{o.t('line_intervals', what=o.t('by_' + key))} ({o.t('col_gwp')})",
                [col(o.t(f"col_{key}"), wrap=True), col(o.t("total"), True),
                 col(o.t("interval_90"), True)],
                [[getattr(x, key), o.num(x.gwp.total), "{}–{}".format(
                    o.num(drawn[getattr(x, key)].p5), o.num(drawn[getattr(x, key)].p95))]
                 for x in shown])
    o.table(o.t("improve_first"),
            [col(o.t("col_input"), wrap=True), col(o.t("col_variance_share"), True),
             col(o.t("col_hint"), wrap=True)],
            [[name, percent(share, lang), hint]
             for name, share, hint in ranges.improve_rows(report, lang)])
    o.print(ranges.note(report, lang))
