"""A simulation written for people: the trajectory with and without the actions, each
action's effect, and whether the target is met (terminal and Markdown; the JSON is the
SimulationReport itself)."""
from __future__ import annotations

from ..i18n import check_lang, criterion_label, mass, number, percent, t, unit_label
from ..factors.model import CRITERIA_UNITS as UNITS
from ..inert import safe
from ..simulate import SimulationReport

FORMATS = ("table", "json", "md", "html", "pdf", "xlsx")
BINARY = ("pdf", "xlsx")


def render_simulation(rep: SimulationReport, fmt: str, lang: str = "en",
                      color: bool = False, width: int | None = None,
                      encoding: str | None = "utf-8") -> bytes:
    lang = check_lang(lang)
    if fmt == "json":
        return rep.to_json().encode("utf-8")
    head, sections = _heading(rep, lang), _sections(rep, lang)
    if fmt == "xlsx":
        from .render.simulate_chart import render_xlsx
        return render_xlsx(rep, lang, head, sections)
    if fmt in ("html", "pdf"):
        from .render.simulate_chart import trajectory_svg
        from .render.tables_page import page
        html = page(lang, head, [], sections, {0: trajectory_svg(rep, lang)})
        if fmt == "html":
            return html.encode("utf-8")
        from .render.pdf import pdf_of
        return pdf_of(html)
    if fmt == "md":
        from .render.tables_page import markdown
        return markdown(head, [], sections).encode("utf-8")
    from .render_table import _Col, _Out
    o = _Out(lang, width, color, encoding)
    o.heading(head[0])
    for line in head[1:]:
        o.print(line)
    for title, cols, rows in sections:
        o.table(title, [_Col(c, right=i > 0, wrap=i == 0) for i, c in enumerate(cols)], rows)
    return o.tx(o.value()).encode(o.tx.encoding, errors="replace")


def _heading(rep: SimulationReport, lang: str) -> list[str]:
    lines = [t("sim_title", lang, name=safe(rep.scenario), start=rep.baseline_year,
               end=rep.horizon)]
    g = rep.target
    if g is not None:
        key = "sim_target_met" if g.met else "sim_target_missed"
        lines.append(t(key, lang, criterion=criterion_label(g.criterion, lang),
                       reduction=percent(g.reduction, lang), year=g.year,
                       target=_amount(g.target, g.criterion, lang),
                       reached=_amount(g.reached, g.criterion, lang),
                       gap=_amount(abs(g.gap), g.criterion, lang),
                       change=_signed_pct(g.reached / g.baseline - 1, lang)
                       if g.baseline else "—"))
    lines.append(t("sim_how", lang))
    if rep.rejected_rows:
        lines.append(t("sim_rejected", lang, n=number(rep.rejected_rows, lang, 0)))
    return lines


def _signed(x: float, lang: str) -> str:
    return ("+" if x > 0 else "") + number(x, lang, 1)


def _signed_pct(x: float, lang: str) -> str:
    return ("+" if x > 0 else "") + percent(x, lang, 1)


def _amount(x: float, criterion: str, lang: str) -> str:
    return mass(x, lang) if criterion == "gwp" else \
        f"{number(x, lang, 1)} {unit_label(UNITS.get(criterion, ''), lang)}"


def _sections(rep: SimulationReport, lang: str):
    L = lambda key: t(key, lang)      # noqa: E731
    crit = rep.target.criterion if rep.target else "gwp"
    unit = "kg CO2e" if crit == "gwp" else unit_label(UNITS.get(crit, ""), lang)
    ranged = rep.with_actions[0].interval is not None

    def span(iv) -> list[str]:
        if not ranged:
            return []
        lo, hi = (iv or {}).get(crit, (None, None))
        return ["—" if lo is None else t("range_to", lang, low=number(lo, lang, 1),
                                         high=number(hi, lang, 1))]
    rows = [[str(a.year), number(b.units, lang, 0), number(a.totals[crit], lang, 1),
             number(b.totals[crit], lang, 1), *span(b.interval),
             _signed(b.totals[crit] - a.totals[crit], lang)]
            for a, b in zip(rep.without_actions, rep.with_actions)]
    iv_col = [L("interval_90")] if ranged else []
    out = [(f"{L('sim_trajectory')} ({unit})",
            [L("year"), L("sim_units"), L("sim_without"), L("sim_with"), *iv_col,
             L("col_change")], rows)]
    out.append((f"{L('sim_effects')} ({rep.horizon}, {unit})",
                [L("sim_action"), L("sim_start"), L("col_change"), *iv_col],
                [[safe(e.name), str(e.start), _signed(e.effect.get(crit, 0.0), lang),
                  *span(e.effect_interval)] for e in rep.actions]))
    return out
