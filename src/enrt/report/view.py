"""What a human report shows, once, in one language: the summary figures, the tables and
the chart data. The xlsx, HTML, PDF and Markdown renderers lay this out; none of them
goes back to the report's ids or recomputes a figure.

Table cells hold raw values (numbers stay numbers for the xlsx); each column has a kind
that says how to write them (``fmt_cell``) and which number format a spreadsheet uses.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from .. import i18n
from ..i18n import criterion_label, indicator_label, mass, number, percent, t, unit_label
from . import ranges
from .model import Report

# column kinds: text | int | number (1 decimal) | kg (kg CO2e, 1 decimal) | ratio (a share)
KINDS = ("text", "int", "number", "kg", "ratio")
TOP = 5                              # categories on the summary


@dataclass
class Column:
    label: str
    kind: str = "text"


@dataclass
class Table:
    id: str
    title: str
    columns: list[Column]
    rows: list[list]
    note: str | None = None


@dataclass
class Figure:
    id: str
    label: str
    value: float | None            # raw (kg, ratio, units…)
    text: str                      # written for the language
    detail: str | None = None


@dataclass
class Bar:
    label: str
    manufacture: float
    use: float
    share: float | None            # of the gwp total


@dataclass
class View:
    lang: str
    title: str
    subtitle: str
    meta: list[tuple[str, str]]
    figures: list[Figure]
    sentences: list[str]           # data quality, partial results
    bars: list[Bar]                # by category, largest first (charts)
    tables: list[Table] = field(default_factory=list)
    words: dict[str, str] = field(default_factory=dict)   # a chart word -> another key

    def table(self, id: str) -> Table | None:
        return next((x for x in self.tables if x.id == id), None)


def fmt_cell(value, kind: str, lang: str) -> str:
    """A cell written for a person."""
    if value is None:
        return "—"
    if kind == "int":
        return number(value, lang, 0)
    if kind in ("number", "kg"):
        return number(value, lang, 1)
    if kind == "ratio":
        return percent(value, lang, 1)
    return str(value)


def category_label(line, lang: str) -> str:
    """The label of a category line (or of an activity line) in ``lang``, else its id."""
    label = line.label if lang == "fr" else (line.label_en or line.label)
    return label or getattr(line, "category", None) or line.activity


def kind_label(kind: str, lang: str) -> str:
    """hosting, network, prestation: in the language."""
    return t("kind_" + kind, lang) if "kind_" + kind in i18n.TEXT else kind


def build_view(report: Report, lang: str) -> View:
    lang = i18n.check_lang(lang)
    org = report.organisation or {}
    a, fs = report.assessment, report.factor_set
    title = t("title_of", lang, name=org["name"]) if org.get("name") else t("title", lang)
    gwp = report.totals["gwp"]
    total = gwp.total or 0.0
    inds = report.indicators
    figures = [Figure("total_gwp", t("total_gwp", lang), gwp.total,
                      mass(gwp.total, lang) + ranges.span(ranges.interval(report), gwp.total,
                                                          lang),
                      None if gwp.complete else t("partial", lang))]
    for key, value in (("manufacture", gwp.manufacture), ("use", gwp.use),
                       ("services_phase", gwp.services)):
        share = value / total if total and value is not None else None
        iv = ranges.interval(report, "gwp", key) if key != "services_phase" else None
        figures.append(Figure(key, t(key, lang), value,
                              mass(value, lang) + ranges.span(iv, value, lang),
                              percent(share, lang) if share is not None else None))
    per_agent = inds.get("gwp_per_agent_kg", {}).get("value")
    figures.append(Figure("per_agent", t("per_agent", lang), per_agent,
                          t("not_given", lang) if per_agent is None
                          else f"{number(per_agent, lang, 0)} kg CO2e"))
    refurb = inds.get("refurbished_or_reused_share_by_spend", {})
    share = refurb.get("value")
    figures.append(Figure("refurbished_share", t("refurbished_share", lang), share,
                          percent(share, lang), None if share is None else
                          t("meets" if refurb.get("meets_agec_20pct") else "not_met", lang)))
    score = (report.practices or {}).get("score_pct")
    figures.append(Figure("maturity", t("maturity", lang), score,
                          t("not_given", lang) if score is None
                          else f"{number(score, lang, 0)} / 100"))
    if report.territory and report.territory.get("criteria", {}).get("gwp", {}).get("total"):
        ter = report.territory["criteria"]["gwp"]["total"]
        figures.append(Figure("territory", t("territory", lang), ter, mass(ter, lang),
                              ranges.territory_span(report, "gwp", lang,
                                                    lambda x: mass(x, lang))))

    sentences = []
    i = report.inputs
    sentences.append(t("assessed_sentence", lang,
                       assessed=number(sum(x.rows_assessed for x in i), lang, 0),
                       read=number(sum(x.rows_read for x in i), lang, 0),
                       rejected=number(sum(x.rows_rejected for x in i), lang, 0),
                       skipped=number(sum(x.rows_skipped for x in i), lang, 0)))
    defaults = inds.get("defaults_share", {}).get("value")
    if defaults is not None:
        sentences.append(t("defaults_sentence", lang, share=percent(defaults, lang)))
    if (unc := ranges.note(report, lang)) is not None:
        sentences.append(unc)

    bars = [Bar(category_label(c, lang), c.gwp.manufacture or 0.0, c.gwp.use or 0.0,
                (c.gwp.total or 0.0) / total if total else None) for c in report.by_category]
    method = t("method_" + a.method, lang) if "method_" + a.method in i18n.TEXT else a.method
    meta = [(t("factor_set", lang), f"{fs.id} {fs.version} (sha256 {fs.sha256})"),
            (t("year", lang), str(a.year)), (t("method", lang), method),
            ("enrt", report.tool.version)]
    view = View(lang=lang, title=title,
                subtitle=t("subtitle", lang, year=a.year, as_of=i18n.date(a.as_of, lang),
                           method=method),
                meta=meta, figures=figures, sentences=sentences, bars=bars)
    view.tables = _tables(report, lang, total)
    return view


def _tables(report: Report, lang: str, total: float) -> list[Table]:
    L = lambda key: t(key, lang)      # noqa: E731  (short: every column label)
    out = []
    cats = report.by_category
    # with --uncertainty, each total's 5th and 95th percentiles, in the last columns
    iv_cols = [Column(L("col_p5"), "kg"), Column(L("col_p95"), "kg")] \
        if report.uncertainty is not None else []

    def iv_cells(iv) -> list:
        return [iv.p5 if iv else None, iv.p95 if iv else None] if iv_cols else []
    out.append(Table("top_categories", L("top_categories"),
                     [Column(L("col_category")), Column(L("col_total"), "kg"),
                      Column(L("col_share"), "ratio"), *iv_cols],
                     [[category_label(c, lang), c.gwp.total,
                       (c.gwp.total or 0.0) / total if total else None,
                       *iv_cells(ranges.category_interval(report, c.category))]
                      for c in cats[:TOP]]))
    phase_cols = [Column(L("col_manufacture"), "kg"), Column(L("col_use"), "kg"),
                  Column(L("col_total"), "kg")]
    out.append(Table("by_category", L("by_category"),
                     [Column(L("col_category")), Column(L("col_quantity"), "int"),
                      *phase_cols, Column(L("col_share"), "ratio"), *iv_cols],
                     [[category_label(c, lang), c.quantity, c.gwp.manufacture, c.gwp.use,
                       c.gwp.total, (c.gwp.total or 0.0) / total if total else None,
                       *iv_cells(ranges.category_interval(report, c.category))]
                      for c in cats]))
    out.append(Table("totals", L("totals"),
                     [Column(L("col_criterion")), Column(L("col_unit")),
                      Column(L("manufacture"), "number"), Column(L("use"), "number"),
                      Column(L("col_services"), "number"), Column(L("total"), "number"),
                      Column(L("col_coverage"), "ratio"),
                      *[Column(c.label, "number") for c in iv_cols]],
                     [[criterion_label(k, lang), unit_label(v.unit, lang), v.manufacture,
                       v.use, v.services, v.total, v.coverage,
                       *iv_cells(ranges.interval(report, k))]
                      for k, v in report.totals.items()],
                     note=_partial_note(report, lang)))
    if report.uncertainty is not None:
        out.append(Table("improve_first", L("improve_first"),
                         [Column(L("col_input")), Column(L("col_variance_share"), "ratio"),
                          Column(L("col_hint"))], ranges.improve_rows(report, lang),
                         note=ranges.note(report, lang)))
    for tid, lines, key in (("by_entity", report.by_entity, "entity"),
                            ("by_site", report.by_site, "site"),
                            ("by_project", report.by_project, "project")):
        if not lines or (len(lines) == 1 and getattr(lines[0], key) == "(unspecified)"):
            continue
        drawn = getattr(report.uncertainty, tid, {}) if report.uncertainty else {}
        out.append(Table(tid, L(tid), [Column(L(f"col_{key}")), Column(L("col_quantity"), "int"),
                                       *phase_cols, *iv_cols],
                         [[getattr(x, key), x.quantity, x.gwp.manufacture, x.gwp.use,
                           x.gwp.total, *iv_cells(drawn.get(getattr(x, key)))]
                          for x in lines]))
    if report.activities:
        out.append(Table("services", L("services"),
                         [Column(L("col_activity")), Column(L("col_kind")),
                          Column(L("col_quantity"), "number"), Column(L("col_unit")),
                          Column(L("col_quality"), "int"), Column(L("col_gwp"), "kg")],
                         [[category_label(x, lang), kind_label(x.kind, lang), x.quantity,
                           unit_label(x.unit, lang), x.quality, x.criteria.get("gwp")]
                          for x in report.activities]))
    rows = []
    for key, ind in report.indicators.items():
        if ind.get("value") is None and not ind.get("missing"):
            continue
        unit = ind.get("unit", "")
        value = ind.get("value")
        if unit == "ratio" and value is not None:
            value = 100 * value                   # shown as a percentage, unit "%"
        rows.append([indicator_label(key, lang), value, unit_label(unit, lang),
                     indicator_note(key, ind, lang)])
    out.append(Table("indicators", L("indicators"),
                     [Column(L("col_indicator")), Column(L("col_value"), "number"),
                      Column(L("col_unit")), Column(L("col_how"))], rows))
    if report.practices:
        out.append(Table("practices", L("practices"),
                         [Column(L("col_family")), Column(L("col_score"), "number")],
                         [[f["title"], f.get("score_pct")]
                          for f in report.practices.get("by_family", [])]))
    out.append(Table("inputs", L("inputs"),
                     [Column(L("col_file")), Column(L("col_read"), "int"),
                      Column(L("col_assessed"), "int"), Column(L("col_rejected"), "int"),
                      Column(L("col_skipped"), "int")],
                     [[x.path, x.rows_read, x.rows_assessed, x.rows_rejected, x.rows_skipped]
                      for x in report.inputs]))
    out.append(Table("issues", L("issues"),
                     [Column(L("col_severity")), Column(L("col_code")), Column(L("col_file")),
                      Column(L("col_sheet")), Column(L("col_row"), "int"),
                      Column(L("col_column")), Column(L("col_message")), Column(L("col_hint"))],
                     [[L(f"severity_{x.severity}"), x.code, x.file, x.sheet, x.row, x.column,
                       *x.text(lang)] for x in report.issues]))
    out.append(Table("hypotheses", L("hypotheses"), [Column(L("col_code")),
                                                     Column(L("col_message"))],
                     [[d.code, disclosure(d, report.assessment.year, lang)]
                      for d in report.disclosures]))
    out.append(Table("sources", L("sources"),
                     [Column(L("col_source")), Column(L("col_title")), Column(L("col_publisher")),
                      Column(L("col_url"))],
                     [[sid, s.get("title"), s.get("publisher"), s.get("url")]
                      for sid, s in report.factor_set.sources.items()]))
    return out


def _partial_note(report: Report, lang: str) -> str | None:
    partial = [criterion_label(k, lang) for k, v in report.totals.items() if not v.complete]
    return f"{t('partial', lang)} : {', '.join(partial)}" if partial and lang == "fr" else \
        f"{t('partial', lang)}: {', '.join(partial)}" if partial else None


def indicator_note(key: str, ind: dict, lang: str) -> str:
    """Why an indicator has no value, else how it is computed, in the language."""
    if ind.get("missing"):
        return i18n.missing_text(ind["missing"], lang)
    return i18n.indicator_how(key, ind.get("how", ""), lang)


def disclosure(d, year: int, lang: str) -> str:
    """A disclosure in the language, from its code and value (the JSON keeps English)."""
    code = d.code
    if code == "purchase-year-view" and d.value is None:
        code = "purchase-year-view.none"
    elif code == "second-life-rule":
        code += ".fleet" if "fleet" in d.text else ".row"
    value = mass(d.value, lang) if d.unit == "kgCO2e" else \
        number(d.value, lang, 0) if d.value is not None else ""
    return i18n.disclosure_text(code, lang, value=value, year=year)
