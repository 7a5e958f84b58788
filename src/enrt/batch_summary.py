"""The batch summary: the communes side by side and the whole set, as data (JSON, CSV)
and as a page (Markdown, HTML, PDF, xlsx) built from the report view's pieces.

Figures come from each commune's own report (the same numbers ``enrt assess`` gives for
that file) and from the aggregate report (the summed ledgers). Rank: by kg CO2e per agent,
1 the highest, among the communes that give their agents (a total ranks size, not
practice); ties keep the input order.
"""
from __future__ import annotations

from pathlib import Path

from . import i18n
from ._version import __version__
from .batch import BatchResult, Commune, figures
from .i18n import mass, t
from .report.view import Bar, Column, Figure, Table, View

# the comparison's columns: key -> view kind
COLUMNS = {"commune": "text", "file": "text", "status": "text", "gwp_total_kg": "kg",
           "gwp_manufacture_kg": "kg", "gwp_use_kg": "kg", "gwp_services_kg": "kg",
           "manufacture_share": "ratio", "agents": "int", "population": "int",
           "gwp_per_agent_kg": "number", "gwp_per_inhabitant_kg": "number",
           "refurbished_share_by_count": "ratio", "defaults_share": "ratio",
           "rows_assessed": "int", "rows_rejected": "int", "rank_per_agent": "int",
           "error": "text"}


def commune_name(c: Commune) -> str:
    """The organisation's name, else the file's name without its extension."""
    return c.name or Path(c.path).stem


def comparison(result: BatchResult, lang: str = "en") -> list[dict]:
    """One dict per commune, in input order (keys: ``COLUMNS``); a failed commune has its
    error (in ``lang``) and no figures."""
    rows = []
    for c in result.communes:
        row = dict.fromkeys(COLUMNS)
        row.update(commune=commune_name(c), file=c.path, status="ok" if c.ok else "failed")
        if c.ok:
            row.update(c.figures)
        else:
            row["error"] = c.failure.describe(lang)
        rows.append(row)
    ranked = sorted((r for r in rows if r["gwp_per_agent_kg"] is not None),
                    key=lambda r: -r["gwp_per_agent_kg"])
    for rank, r in enumerate(ranked, start=1):
        r["rank_per_agent"] = rank
    return rows


def summary_data(result: BatchResult, lang: str = "en") -> dict:
    """The JSON summary: the set's references, each commune, and the whole."""
    fs = result.factor_set
    agg = result.aggregate
    return {
        "tool": {"name": "enrt", "version": __version__},
        "factor_set": {"id": fs.model.id, "version": fs.model.version, "sha256": fs.sha256},
        "year": result.options.year, "method": result.options.method,
        "communes": comparison(result, lang),
        "failed": len(result.failed),
        "aggregate": None if agg is None else {
            "name": agg.organisation.get("name"), "communes": sum(c.ok for c in result.communes),
            **figures(agg)},
    }


def summary_view(result: BatchResult, lang: str) -> View:
    """The page of the summary: the whole's key figures, a chart and a table of the
    communes, the failures."""
    data = summary_data(result, lang)
    agg = data["aggregate"] or {}
    n_ok = sum(c.ok for c in result.communes)
    title = t("batch_title", lang, n=len(result.communes))
    subtitle = t("batch_subtitle", lang, year=data["year"] or "—",
                 name=agg.get("name") or t("batch_whole", lang), ok=n_ok,
                 total=len(result.communes))
    figs = []
    if agg.get("gwp_total_kg") is not None:
        figs.append(Figure("total", t("batch_total", lang), agg["gwp_total_kg"],
                           mass(agg["gwp_total_kg"], lang)))
    for key, label, kind in (("gwp_per_agent_kg", "batch_per_agent", "number"),
                             ("gwp_per_inhabitant_kg", "batch_per_inhabitant", "number"),
                             ("manufacture_share", "manufacture_share", "ratio"),
                             ("refurbished_share_by_count", "batch_refurbished", "ratio"),
                             ("defaults_share", "batch_defaults", "ratio")):
        value = agg.get(key)
        text = t("not_given", lang) if value is None else \
            i18n.percent(value, lang) if kind == "ratio" else f"{i18n.number(value, lang, 1)} kg CO2e"
        figs.append(Figure(key, t(label, lang), value, text))
    sentences = [t("batch_failed", lang, n=len(result.failed))] if result.failed else []
    ok_rows = [r for r in data["communes"] if r["status"] == "ok"]
    for key, word in (("agents", "batch_need_agents"), ("population", "batch_need_population")):
        given = sum(r[key] is not None for r in ok_rows)
        if ok_rows and given < len(ok_rows):
            sentences.append(t(word, lang, given=given, total=len(ok_rows)))
    rows = data["communes"]
    bars = [Bar(r["commune"], r["gwp_manufacture_kg"] or 0.0, r["gwp_use_kg"] or 0.0,
                r["gwp_total_kg"] / agg["gwp_total_kg"] if agg.get("gwp_total_kg") and
                r["gwp_total_kg"] is not None else None)
            for r in rows if r["status"] == "ok"]
    shown = [k for k in COLUMNS if k not in ("status", "error", "gwp_manufacture_kg",
                                              "gwp_use_kg", "gwp_services_kg")]
    table = Table("comparison", t("batch_comparison", lang),
                  [Column(t(f"batch_col_{k}", lang), COLUMNS[k]) for k in shown],
                  [[r[k] for k in shown] for r in rows if r["status"] == "ok"])
    tables = [table]
    if result.failed:
        tables.append(Table("failed", t("batch_failures", lang),
                            [Column(t("batch_col_file", lang)), Column(t("col_message", lang))],
                            [[r["file"], r["error"]] for r in rows if r["status"] != "ok"]))
    fs = data["factor_set"]
    meta = [(t("factor_set", lang), f"{fs['id']} {fs['version']} (sha256 {fs['sha256']})"),
            (t("year", lang), str(data["year"])), ("enrt", str(data["tool"]["version"]))]
    return View(lang=lang, title=title, subtitle=subtitle, meta=meta, figures=figs,
                sentences=sentences, bars=sorted(bars, key=lambda b: -(b.manufacture + b.use)),
                tables=tables, words={"chart_share": "batch_chart_share",
                                      "chart_share_desc": "batch_chart_share_desc",
                                      "other_categories": "batch_other",
                                      "by_category": "batch_comparison",
                                      "chart_phases": "batch_chart_phases",
                                      "chart_phases_desc": "batch_chart_phases_desc"})


# -- the summary in each format ---------------------------------------------------------------

SUMMARY_FORMATS = ("json", "csv", "md", "html", "pdf", "xlsx")
SUMMARY_LAYOUT = (("communes", ("comparison", "failed")),)


def render_summary(result: BatchResult, fmt: str, lang: str) -> bytes:
    """The summary file's bytes; the same result gives the same bytes."""
    if fmt == "json":
        import json
        return (json.dumps(summary_data(result, lang), ensure_ascii=False, indent=2,
                           allow_nan=False) + "\n").encode("utf-8")
    if fmt == "csv":
        return _csv(result, lang)
    view = summary_view(result, lang)
    if fmt == "md":
        from .report.render.markdown import view_lines
        return "\n".join(view_lines(view)).encode("utf-8")
    if fmt in ("html", "pdf"):
        from .report.render import html
        document = html.page(view, layout=SUMMARY_LAYOUT)
        if fmt == "html":
            return document.encode("utf-8")
        from .report.render.pdf import pdf_of
        return pdf_of(document)
    if fmt == "xlsx":
        from .report.render.xlsx_tables import tables_workbook
        year = result.options.year
        return tables_workbook(view, f"{year}-12-31" if year else None)
    raise ValueError(f"no summary in {fmt}")


def _csv(result: BatchResult, lang: str) -> bytes:
    """The comparison, one line per commune: `;`, decimal comma and a BOM in French (Excel
    in France opens it as is), `,` and `.` otherwise; formula-like text made inert."""
    import csv
    import io

    from .report.render.cells import inert
    buf = io.StringIO()
    writer = csv.writer(buf, delimiter=";" if lang == "fr" else ",", lineterminator="\r\n")
    writer.writerow(list(COLUMNS))

    def cell(v):
        if isinstance(v, float):
            text = repr(v)
            return text.replace(".", ",") if lang == "fr" else text
        return "" if v is None else inert(str(v))
    for row in comparison(result, lang):
        writer.writerow([cell(row[k]) for k in COLUMNS])
    return (("\ufeff" if lang == "fr" else "") + buf.getvalue()).encode("utf-8")
