"""The HTML report: one self-contained page (issue 10, point 2).

Lays out ``report.view`` (no figure recomputed here): the summary first (key figures,
data quality, the share of the main categories), then the detailed results, the REEN
indicators and the data, assumptions and sources, each a section that starts a new
page when printed. Charts are inline SVG (``svg.py``) each followed by a table of the
same figures; the stylesheet (``report.css``) is inlined. Nothing is fetched: no script,
no image, no font, no stylesheet link; links to the factor sources are plain ``<a>``.

Every text from the inventory or the factor set goes through ``svg.esc``.
"""
from __future__ import annotations

import re
from functools import cache
from importlib.resources import files

from ...i18n import number, t
from ..model import Report
from ..view import Table, View, build_view, fmt_cell
from .svg import BAR, MANUFACTURE, OTHER, USE, Series, bars, esc, stacked_bars

NUMERIC = frozenset({"int", "number", "kg", "ratio"})
NUM = ' class="n"'            # right-aligned, tabular figures
PHASE_BARS = 40              # bars of the manufacture/use chart
ISSUES_SHOWN = 100            # at least; --verbose (ctx.max_issues) shows more
SHARE_BARS = 5                # categories in the share chart, the rest grouped



@cache
def stylesheet() -> str:
    return (files(__package__) / "report.css").read_text(encoding="utf-8")


def render(report: Report, ctx) -> bytes:
    return document(report, ctx).encode("utf-8")


def document(report: Report, ctx) -> str:
    """The page for ``ctx.lang``; the issues listed: ``ctx.max_issues``, at least 100."""
    limit = None if ctx.max_issues is None else max(ctx.max_issues, ISSUES_SHOWN)
    return page(build_view(report, ctx.lang), max_issues=limit)


# sections after the summary: (id and title key, the view's tables in it)
LAYOUT = (("details", ("by_category", "totals", "improve_first", "by_entity", "by_site",
                       "by_project", "services")),
          ("reen", ("indicators", "practices")),
          ("data", ("inputs", "issues", "hypotheses", "sources")))


def page(view: View, max_issues: int | None = ISSUES_SHOWN, layout=LAYOUT) -> str:
    """The whole document, as text; ``layout`` orders the sections (the last one takes
    the tables it does not name)."""
    lang = view.lang
    placed = {"top_categories"}
    groups = []
    for n, (key, ids) in enumerate(layout, start=1):
        parts = []
        if n == 1 and view.bars:
            parts.append(_phases_chart(view))
        for tid in ids:
            table = view.table(tid)
            if table is not None:
                parts.append(_table(table, lang, max_issues if tid == "issues" else None))
                placed.add(tid)
        if n == len(layout):       # tables a newer view adds land here rather than nowhere
            parts += [_table(x, lang) for x in view.tables if x.id not in placed]
        groups.append(_section(key, t(key, lang), parts))
    return "".join([
        f'<!DOCTYPE html>\n<html lang="{esc(lang)}">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        '<meta name="color-scheme" content="light">\n',
        f'<meta name="generator" content="enrt">\n<title>{esc(view.title)}</title>\n',
        f"<style>\n{stylesheet()}</style>\n</head>\n<body>\n<main>\n",
        _header(view), _synthesis(view), *groups, "</main>\n</body>\n</html>\n"])


def _header(view: View) -> str:
    meta = " · ".join(esc(t("colon", view.lang, label=k, value=v)) for k, v in view.meta)
    return (f'<header>\n<h1>{esc(view.title)}</h1>\n<p class="subtitle">{esc(view.subtitle)}'
            f'</p>\n<p class="meta">{meta}</p>\n</header>\n')


def _section(key: str, title: str, parts: list[str]) -> str:
    return (f'<section class="group" id="{key}" aria-labelledby="{key}-h">\n'
            f'<h2 id="{key}-h">{esc(title)}</h2>\n{"".join(parts)}</section>\n')


def _synthesis(view: View) -> str:
    lang = view.lang
    cards = []
    for i, f in enumerate(view.figures):
        detail = f'<span class="detail">{esc(f.detail)}</span>' if f.detail else ""
        cards.append(f'<div class="figure{" main" if i == 0 else ""}" id="fig-{esc(f.id)}">'
                     f'<dt>{esc(f.label)}</dt><dd>{esc(f.text)}{detail}</dd></div>\n')
    parts = [f'<h3>{esc(t("key_figures", lang))}</h3>\n<dl class="figures">\n',
             *cards, "</dl>\n"]
    if view.sentences:
        parts.append(f'<h3>{esc(t("data_quality", lang))}</h3>\n<ul class="sentences">\n'
                     + "".join(f"<li>{esc(s)}</li>\n" for s in view.sentences) + "</ul>\n")
    top = view.table("top_categories")
    if view.bars:
        parts.append(_share_chart(view, top))
    if top is not None:
        parts.append(_table(top, lang))
    return _section("synthesis", t("synthesis", lang), parts)


def _share_chart(view: View, top: Table | None) -> str:
    lang = view.lang
    w = _words(view)
    shown = [b for b in view.bars[:SHARE_BARS] if b.share is not None]
    labels = [b.label for b in shown]
    values = [b.share for b in shown]
    colours = [BAR] * len(shown)
    rest = [b.share for b in view.bars[SHARE_BARS:] if b.share is not None]
    if rest and sum(rest) > 0:
        labels.append(t(w("other_categories"), lang))
        values.append(sum(rest))
        colours.append(OTHER)
    texts = [fmt_cell(v, "ratio", lang) for v in values]
    title = t(w("chart_share"), lang)
    items = "; ".join(t(w("chart_share_item"), lang, label=a, share=b)
                      for a, b in zip(labels, texts))
    whole = t(w("by_category"), lang)
    desc = t(w("chart_share_desc"), lang, items=items, table=top.title if top else whole,
             all=whole)
    svg = bars("chart-share", title, desc, labels, values, texts, colours)
    return f"<figure>\n<figcaption>{esc(title)}</figcaption>\n{svg}\n</figure>\n"


def _words(view: View):
    """The view's word for a chart text (a batch summary's bars are communes)."""
    return lambda key: view.words.get(key, key)


def _phases_chart(view: View) -> str:
    """The largest PHASE_BARS lines (a report's categories fit; a batch of a hundred
    communes shows its largest, the table has them all)."""
    lang = view.lang
    w = _words(view)
    shown = view.bars[:PHASE_BARS]
    kg = lambda x: number(x, lang, 0)           # noqa: E731
    top = max((b.manufacture + b.use for b in shown), default=0.0)
    digits = 0 if top >= 8 else 1 if top >= 0.8 else 3
    title = t(w("chart_phases"), lang)
    items = "; ".join(t(w("chart_phases_item"), lang, label=b.label,
                        manufacture=kg(b.manufacture), use=kg(b.use)) for b in shown)
    desc = t(w("chart_phases_desc"), lang, items=items, table=t(w("by_category"), lang))
    svg = stacked_bars("chart-phases", title, desc, [b.label for b in shown],
                       [(b.manufacture, b.use) for b in shown],
                       [Series(t("manufacture", lang), MANUFACTURE), Series(t("use", lang), USE)],
                       value_text=kg if digits == 0 else lambda x: number(x, lang, digits),
                       tick_text=lambda x: number(x, lang, digits))
    return f"<figure>\n<figcaption>{esc(title)}</figcaption>\n{svg}\n</figure>\n"


_URL = re.compile(r"https?://[^\s<>\"']+\Z")


_LONG = re.compile(r"[^\s<>]{24,}")
_SEPARATOR = re.compile(r"([/_.?=,\\])(?=[^\s])")


def breakable(escaped: str) -> str:
    """Escaped text with a line-break opportunity (``<wbr>``) after the separators of its
    long words (paths, addresses, ids), so a narrow column wraps them; cheaper to lay out
    than ``overflow-wrap: anywhere``, which WeasyPrint measures character by character."""
    return _LONG.sub(lambda m: _SEPARATOR.sub(r"\1<wbr>", m.group()), escaped)


def _cell(value, kind: str, lang: str, link: bool = False) -> str:
    text = fmt_cell(value, kind, lang)
    if link and isinstance(value, str) and _URL.match(value):
        return f'<a href="{esc(value)}">{breakable(esc(text))}</a>'
    return esc(text) if kind in NUMERIC else breakable(esc(text))


def _table(table: Table, lang: str, limit: int | None = None) -> str:
    cols = table.columns
    numeric = [c.kind in NUMERIC for c in cols]
    url_col = next((i for i, c in enumerate(cols) if c.label == t("col_url", lang)), None)
    rows = table.rows if limit is None else table.rows[:limit]
    small = " small" if len(cols) >= 7 else ""
    tid = esc(table.id)
    # a region that scrolls sideways on a narrow screen, not the page (WCAG 1.4.10)
    out = [f'<div class="table" role="region" aria-labelledby="t-{tid}-c" tabindex="0">\n'
           f'<table id="t-{tid}" class="{tid}{small}">\n'
           f'<caption id="t-{tid}-c">{esc(table.title)}</caption>\n<thead><tr>']
    out += [f'<th scope="col"{NUM if n else ""}>{esc(c.label)}</th>'
            for c, n in zip(cols, numeric)]
    out.append("</tr></thead>\n<tbody>\n")
    for row in rows:
        cells = []
        for i, (value, col) in enumerate(zip(row, cols)):
            attrs = NUM if numeric[i] else ' class="url"' if i == url_col else ""
            tag, scope = ("th", ' scope="row"') if i == 0 and not numeric[0] else ("td", "")
            cells.append(f"<{tag}{scope}{attrs}>{_cell(value, col.kind, lang, i == url_col)}"
                         f"</{tag}>")
        out.append("<tr>" + "".join(cells) + "</tr>\n")
    if not rows:
        out.append(f'<tr><td colspan="{len(cols)}">{esc(t("no_rows", lang))}</td></tr>\n')
    out.append("</tbody>\n</table>\n</div>\n")
    if limit is not None and len(table.rows) > limit:
        out.append(f'<p class="note">{esc(t("more_issues_html", lang, n=len(table.rows) - limit))}'
                   "</p>\n")
    if table.note:
        out.append(f'<p class="note">{esc(table.note)}</p>\n')
    return "".join(out)
