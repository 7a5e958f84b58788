"""A campaign comparison written for people: the terminal (with a waterfall of the
change's parts drawn in text) and Markdown; the JSON is the Comparison itself."""
from __future__ import annotations

from ..attribution import DRIVERS
from ..compare import Comparison
from ..i18n import TEXT, check_lang, criterion_label, indicator_label, number, percent, t
from ..inert import safe

FORMATS = ("table", "json", "md", "html", "pdf", "xlsx")
BINARY = ("pdf", "xlsx")
TOP = 10


def render_compare(cmp: Comparison, fmt: str, lang: str = "en", color: bool = False,
                   width: int | None = None, encoding: str | None = "utf-8") -> bytes:
    lang = check_lang(lang)
    if fmt == "json":
        return cmp.to_json().encode("utf-8")
    sections = _sections(cmp, lang)
    if fmt == "md":
        from .render.tables_page import markdown
        head = _heading(cmp, lang)
        return markdown(head[:3], head[3:], sections).encode("utf-8")
    if fmt == "xlsx":
        from .render.compare_xlsx import render_xlsx
        return render_xlsx(cmp, lang, _heading(cmp, lang))
    if fmt in ("html", "pdf"):
        from .render.compare_html import document
        page = document(cmp, lang, _heading(cmp, lang), sections)
        if fmt == "html":
            return page.encode("utf-8")
        from .render.pdf import pdf_of
        return pdf_of(page)
    return _terminal(cmp, sections, lang, color, width, encoding)


def _signed(x: float | None, lang: str, digits: int = 1) -> str:
    if x is None:
        return "—"
    return ("+" if x > 0 else "") + number(x, lang, digits)


def _pct(x: float | None, lang: str) -> str:
    return "—" if x is None else ("+" if x > 0 else "") + percent(x, lang, 1)


def _num(x: float | None, lang: str) -> str:
    return "—" if x is None else number(x, lang, 1)


def _sections(cmp: Comparison, lang: str) -> list[tuple[str, list[str], list[list[str]]]]:
    """(title, headers, rows) for each table, in order."""
    L = lambda key: t(key, lang)       # noqa: E731
    out = []
    rows = []
    for k, phases in cmp.totals.items():
        for ph, ch in phases.items():
            if ph == "services" and not (ch.old or ch.new):
                continue
            rows.append([criterion_label(k, lang), L(ph if ph != "services" else "col_services"),
                         _num(ch.old, lang), _num(ch.new, lang), _signed(ch.change, lang),
                         _pct(ch.change_pct, lang)])
    out.append((L("cmp_totals"), [L("col_criterion"), L("col_phase"), L("col_old"),
                                  L("col_new"), L("col_change"), L("col_change_pct")], rows))
    parts = cmp.attribution.get("gwp", {})
    rows = [[L(f"drv_{d}"), _signed(parts.get(d, 0.0), lang)] for d in DRIVERS
            if d in parts and (parts[d] or d in ("fleet_size", "lifetimes"))]
    rows.append([L("drv_total"), _signed(sum(parts.values()), lang)])
    out.append((f"{L('cmp_attribution')} (kg CO2e)", [L("col_driver"), L("col_part")], rows))
    cats = sorted(cmp.by_category.items(),
                  key=lambda kv: -abs(kv[1]["gwp"].change or 0.0))[:TOP]
    out.append((f"{L('cmp_by_category')} (kg CO2e)",
                [L("col_category"), L("col_quantity"), L("col_old"), L("col_new"),
                 L("col_change")],
                [[_category(cmp, cat, lang), f"{number(v['quantity'].old or 0, lang, 0)} → "
                  f"{number(v['quantity'].new or 0, lang, 0)}", _num(v["gwp"].old, lang),
                  _num(v["gwp"].new, lang), _signed(v["gwp"].change, lang)]
                 for cat, v in cats]))
    if len(cmp.by_entity) > 1:
        ents = sorted(cmp.by_entity.items(), key=lambda kv: -abs(kv[1].change or 0.0))[:TOP]
        out.append((f"{L('cmp_by_entity')} (kg CO2e)",
                    [L("col_entity"), L("col_old"), L("col_new"), L("col_change"),
                     L("col_change_pct")],
                    [[safe(name), _num(v.old, lang), _num(v.new, lang),
                      _signed(v.change, lang), _pct(v.change_pct, lang)]
                     for name, v in ents]))
    if cmp.indicators:
        out.append((L("cmp_indicators"),
                    [L("col_indicator"), L("col_old"), L("col_new"), L("col_change")],
                    [[indicator_label(key, lang), *_indicator(v, lang)]
                     for key, v in cmp.indicators.items()]))
    return out


def _indicator(v, lang: str) -> list[str]:
    """Before, after, change: shares as percentages (the change in points)."""
    if v.unit == "ratio":
        pts = None if v.change is None else 100 * v.change
        return [percent(v.old, lang, 1), percent(v.new, lang, 1),
                "—" if pts is None else _signed(pts, lang) + " pt"]
    return [_num(v.old, lang), _num(v.new, lang), _signed(v.change, lang)]


def _category(cmp: Comparison, cat: str, lang: str) -> str:
    fr, en = cmp.labels.get(cat) or [None, None]
    return (fr if lang == "fr" else en or fr) or cat


def _heading(cmp: Comparison, lang: str) -> list[str]:
    lines = [t("cmp_title", lang, old=cmp.old.year, new=cmp.new.year)]
    for key, ref in (("cmp_old", cmp.old), ("cmp_new", cmp.new)):
        method = t("method_" + ref.method, lang) if "method_" + ref.method in TEXT \
            else ref.method
        lines.append(f"{t(key, lang)} — " + t("cmp_campaign", lang, path=safe(ref.path),
                                                 year=ref.year, method=method,
                                                 fs=ref.factor_set))
    lines += [t(f"cmp_warn_{w}", lang, old=safe(cmp.old.organisation or ""),
                new=safe(cmp.new.organisation or "")) for w in cmp.warnings]
    return lines


def _terminal(cmp: Comparison, sections, lang: str, color: bool, width: int | None,
              encoding: str | None) -> bytes:
    from .render_table import _Col, _Out
    o = _Out(lang, width, color, encoding)
    head = _heading(cmp, lang)
    o.heading(head[0])
    for line in head[1:]:
        o.print(line)
    for n, (title, cols, rows) in enumerate(sections):
        first_number = 2 if n == 0 else 1          # the totals: criterion, then phase
        o.table(title, [_Col(c, right=i >= first_number, wrap=i < first_number)
                        for i, c in enumerate(cols)], rows)
    return o.tx(o.value()).encode(o.tx.encoding, errors="replace")
