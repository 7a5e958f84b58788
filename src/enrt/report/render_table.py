"""Terminal rendering of a Report with rich: headline, key figures, totals, categories,
departments, sites and projects with share bars, indicators, territory, practices, issues.

Width: the console's (rich's detection: ``COLUMNS``, else the terminal's, else 80), or the
one given. No line is wider: numbers never wrap; names of categories, departments, sites
and files are cut with an ellipsis; a breakdown keeps its manufacture and use columns only
when a bar of ``BAR_MIN`` cells still fits beside them; the totals use short criterion
names when the full ones would take more than two lines; prose wraps between words.

Bars: one scale for every breakdown table (the same width, the largest share of any line
fills it), each bar as long as its line's share of the carbon footprint, drawn in eighths
of a cell (``#`` on a console without block characters).

Language: every label comes from ``i18n`` (words in ``enrt.report_words``), in
``lang``; numbers are written by Babel (``i18n.number``, ``mass``, ``percent``).

Encoding: ``encoding`` is what the console can write. When it cannot write the
box-drawing characters, tables use rich's ASCII box; any other character it cannot write
becomes an ASCII stand-in (``≥`` -> ``>=``, ``…`` -> ``...``, ``€`` -> ``EUR``, ``é`` ->
``e``), never a ``?``. Stand-ins are put in before the layout, so columns stay aligned.

Text from the inputs (paths, sheets, labels, sites, names, messages, factor-set strings) is
inert: the console reads no markup nor emoji codes, and every such string goes through
``safe()``, which shows control characters (ESC, CR, BEL, C1, bidi overrides…) visibly.
"""
from __future__ import annotations

import io
from collections import Counter
from dataclasses import dataclass

from rich import box
from rich.cells import cell_len
from rich.console import Console
from rich.table import Table
from rich.text import Text

from .. import i18n
from ..i18n import TEXT, criterion_label, indicator_label, mass, number, percent, t, unit_label
from ..inert import safe
from .console_text import Degrade
from .headline import (colon, headline, issue_line, plural, severity_word,
                       why_partial)
from .table_ranges import uncertainty_tables
from .model import Report
from .view import build_view, category_label, disclosure, indicator_note, kind_label


_EIGHTHS = "▏▎▍▌▋▊▉█"
BAR_MIN, BAR_MAX, LABEL_MAX = 12, 30, 30


def fmt(x: float | None, digits: int = 1) -> str:
    """Display rounding only; None is 'not covered' (language-neutral: the factors
    commands)."""
    if x is None:
        return "n/c"
    if x != 0 and abs(x) < 0.1:
        return f"{x:.3g}"
    return f"{x:,.{digits}f}".replace(",", " ")


@dataclass
class _Col:
    header: str
    right: bool = False              # numbers: right-justified, never wrapped
    clip: bool = False               # names: cut with an ellipsis to fit
    wrap: bool = False               # prose: wrapped between words
    left: bool = False               # a path: cut at its start


class _Out:
    """The console of one report: width, language, colours, what the encoding can show."""

    def __init__(self, lang: str, width: int | None, color: bool, encoding: str | None):
        self.lang = lang
        self.buf = io.StringIO()
        self.con = Console(file=self.buf, width=width, force_terminal=color,
                           color_system="standard" if color else None, highlight=False,
                           markup=False, emoji=False, legacy_windows=False, soft_wrap=False)
        self.width = max(self.con.width, 20)
        self.color = color
        self.tx = Degrade(encoding)
        self.box = box.HEAVY_HEAD if self.tx.can("┏━┳┓┃┡╇┩│└─┴┘") else box.ASCII
        self.ell = "…" if self.tx.can("…") else "..."
        self.bar_chars = (_EIGHTHS if self.tx.can(_EIGHTHS) else
                          "█" if self.tx.can("█") else "#")

    # -- words and numbers
    def t(self, key: str, **values) -> str:
        return t(key, self.lang, **values)

    def num(self, x: float | None, digits: int = 1) -> str:
        return t("nc", self.lang) if x is None else number(x, self.lang, digits)

    # -- text
    def text(self, s: object, style: str | None = None) -> Text:
        """Input or own text for a cell or a line: controls shown, encodable, no markup."""
        return Text(self.tx(safe(s)), style=style or "")

    def clip(self, s: str, width: int, left: bool = False) -> str:
        """``s`` cut to ``width`` cells with an ellipsis (at the start for paths)."""
        if cell_len(s) <= width:
            return s
        room = max(width - cell_len(self.ell), 1)
        if left:
            while cell_len(s) > room:
                s = s[1:]
            return self.ell + s
        while cell_len(s) > room:
            s = s[:-1]
        return s.rstrip() + self.ell

    def print(self, s: object, style: str | None = None) -> None:
        self.con.print(self.text(s, style))

    def print_safe(self, s: str, style: str | None = None) -> None:
        """A line already made inert (``issue_line``): its line breaks are kept."""
        self.con.print(Text(self.tx(s), style=style or ""))

    def heading(self, s: str) -> None:
        self.con.print(self.text(s, "bold"))

    # -- tables
    def table(self, title: str, cols: list[_Col], rows: list[list], *, bar: int = 0) -> None:
        """A table no wider than the console: clipped columns get what the others leave."""
        cells = [[self.tx(safe(c)) if not isinstance(c, Text) else c for c in r] for r in rows]
        heads = [self.tx(c.header) for c in cols]
        n = len(cols) + (1 if bar else 0)
        natural = [max([cell_len(h)] + [_len(r[i]) for r in cells]) for i, h in enumerate(heads)]
        least = [(max([_longest_word(h)] + [_longest_word(_plain(r[i])) for r in cells])
                  if c.wrap else min(natural[i], 8) if c.clip else natural[i])
                 for i, (c, h) in enumerate(zip(cols, heads))]
        spare = self.width - (3 * n + 1) - bar - sum(
            x for x, c in zip(least, cols) if not c.clip)
        clipped = [i for i, c in enumerate(cols) if c.clip]
        for i in clipped:                       # share what is left among the clipped columns
            limit = min(natural[i], max(spare // len(clipped), least[i]))
            for r in cells:
                if not isinstance(r[i], Text):
                    r[i] = self.clip(r[i], limit, left=cols[i].left)
        t_ = Table(title=self.text(title, "bold"), title_justify="left", box=self.box,
                   title_style="", header_style="bold" if self.color else "")
        for i, (c, h) in enumerate(zip(cols, heads)):
            t_.add_column(h, justify="right" if c.right else "left", no_wrap=not c.wrap,
                          overflow="fold" if c.wrap else "ellipsis")
        if bar:
            t_.add_column("", no_wrap=True, width=bar)
        for r in cells:
            t_.add_row(*[x if isinstance(x, Text) else Text(x) for x in r])
        self.con.print(t_)

    def bar(self, share: float | None, top: float, width: int) -> Text:
        """A bar ``width`` cells long for the largest share ``top``, proportional below."""
        if not share or not top or share <= 0:
            return Text("")
        full = self.bar_chars[-1]
        if len(self.bar_chars) == 8:
            eighths = max(1, round(8 * width * share / top))
            s = full * (eighths // 8) + (self.bar_chars[eighths % 8 - 1] if eighths % 8 else "")
        else:
            s = full * max(1, round(width * share / top))
        return Text(s, style="cyan" if self.color else "")

    def value(self) -> str:
        return self.buf.getvalue()


def _plain(x) -> str:
    return x.plain if isinstance(x, Text) else str(x)


def _len(x) -> int:
    return cell_len(_plain(x))


def _longest_word(s: str) -> int:
    return max((cell_len(x) for x in s.split()), default=0)


# ------------------------------------------------------------------------------ the report

def render_table(report: Report, color: bool = True, width: int | None = None,
                 max_issues: int | None = 10, lang: str = "en",
                 encoding: str | None = "utf-8") -> str:
    """The terminal report, as text the ``encoding`` can write (ANSI styles when
    ``color``); ``width`` None is the console's (``COLUMNS``, else the terminal's)."""
    lang = i18n.check_lang(lang)
    o = _Out(lang, width, color, encoding)
    view = build_view(report, lang)
    fs = report.factor_set

    o.heading(view.title)
    o.print(f"{view.subtitle} — enrt {report.tool.version}")
    elec = ", ".join(f"{c} {_g(v['gwp'].value, lang)} kg CO2e/kWh "
                     f"({v['gwp'].source} {v['gwp'].year})"
                     for c, v in fs.electricity.items() if "gwp" in v)
    o.print(o.t("factor_line", id=fs.id, version=fs.version, sha=fs.sha256[:12], elec=elec,
                pue=_g(fs.default_pue, lang)))
    _inputs(o, report)
    o.print(headline(report, lang), style="bold" if not _complete(report) else None)
    _key_figures(o, report, view)
    _totals(o, report)
    for d in report.disclosures:
        o.print(f"· {disclosure(d, report.assessment.year, lang)}")
    _activities(o, report)
    _by_input(o, report)
    _breakdowns(o, report, view)
    uncertainty_tables(o, report, _Col, _short_criterion)
    _indicators(o, report)
    _territory(o, report)
    _practices(o, report)
    _issues(o, report, max_issues)
    return o.tx(o.value())


def _g(x: float, lang: str) -> str:
    """A factor as written in the set: up to 4 decimals, no trailing zeros (0.0461, 1.93)."""
    s = number(x, lang, 4)
    point = "," if lang == "fr" else "."
    return s.rstrip("0").rstrip(point) if point in s else s


def _complete(report: Report) -> bool:
    return not any(i.rows_rejected or not i.rows_assessed for i in report.inputs) and all(
        v.complete for v in report.totals.values())


def _inputs(o: _Out, report: Report) -> None:
    rows = []
    for i in report.inputs:
        reasons = ", ".join(f"{number(n, o.lang, 0)} "
                            f"{o.t('skip_short_' + k) if 'skip_short_' + k in TEXT else k}"
                            for k, n in i.skipped.items())
        skipped = number(i.rows_skipped, o.lang, 0)
        rows.append([i.path, number(i.rows_read, o.lang, 0), number(i.rows_assessed, o.lang, 0),
                     number(i.rows_rejected, o.lang, 0),
                     f"{skipped} ({reasons})" if reasons else skipped])
    o.table(o.t("inputs"), [_Col(o.t("col_file"), clip=True, left=True),
                            _Col(o.t("col_read"), True), _Col(o.t("col_assessed"), True),
                            _Col(o.t("col_rejected"), True), _Col(o.t("col_skipped"), wrap=True)],
            rows)


def _key_figures(o: _Out, report: Report, view) -> None:
    skip = {"services_phase"} if not report.activities else set()
    if not report.practices:
        skip.add("maturity")
    grid = Table.grid(padding=(0, 2))
    grid.add_column(overflow="fold")
    grid.add_column(no_wrap=False)
    for f in view.figures:
        if f.id in skip:
            continue
        value = f.text + (f" ({f.detail})" if f.detail else "")
        grid.add_row(o.text(f.label), o.text(value, "bold" if f.id == "total_gwp" else None))
    o.heading(o.t("key_figures"))
    o.con.print(grid)
    for s in view.sentences[1:]:
        o.print(s)


def _totals(o: _Out, report: Report) -> None:
    services = bool(report.activities)
    cols = [_Col(o.t("col_criterion"), wrap=True), _Col(o.t("col_unit")),
            _Col(o.t("manufacture"), True), _Col(o.t("use"), True)]
    if services:
        cols.append(_Col(o.t("col_services"), True))
    cols.append(_Col(o.t("total"), True))
    rows, partial = [], []
    for k, v in report.totals.items():
        total = o.num(v.total) if v.complete or v.total is None else f"≥ {o.num(v.total)}"
        row = [criterion_label(k, o.lang), i18n.unit_label(v.unit, o.lang),
               o.num(v.manufacture), o.num(v.use)]
        row += [o.num(v.services)] if services else []
        rows.append(row + [total])
        if not v.complete and v.total is not None:
            partial.append(f"{criterion_label(k, o.lang)} ({why_partial(v, o.lang)})")
    # the full criterion names when they take two lines at most beside the numbers, else
    # short ones ("Abiotic resources")
    others = sum(max([cell_len(o.tx(c.header))] + [cell_len(o.tx(r[i])) for r in rows])
                 for i, c in enumerate(cols) if i)
    room = o.width - (3 * len(cols) + 1) - others
    if rows and 2 * room - 8 < max(cell_len(o.tx(r[0])) for r in rows):
        for r, k in zip(rows, report.totals):
            r[0] = _short_criterion(k, o.lang)
    o.table(f"{o.t('totals')} ({o.t('per_year_title')})", cols, rows)
    if partial:
        o.print(o.t("partial_note", what=(" ; " if o.lang == "fr" else "; ").join(partial)))


def _short_criterion(key: str, lang: str) -> str:
    if "short_" + key not in TEXT:
        return criterion_label(key, lang)
    s = t("short_" + key, lang)
    return s[:1].upper() + s[1:]


def _activities(o: _Out, report: Report) -> None:
    if not report.activities:
        return
    wide = o.width >= 100                       # the data quality column when there is room
    rows = [[category_label(x, o.lang), kind_label(x.kind, o.lang), o.num(x.quantity, 2),
             unit_label(x.unit, o.lang)]
            + ([str(x.quality)] if wide else []) + [o.num(x.criteria.get("gwp"))]
            for x in report.activities]
    cols = [_Col(o.t("col_activity"), clip=True), _Col(o.t("col_kind"), wrap=True),
            _Col(o.t("col_quantity"), True), _Col(o.t("col_unit"), wrap=True)]
    cols += [_Col(o.t("col_quality"), True)] if wide else []
    o.table(f"{o.t('services')} ({o.t('col_gwp')})", cols + [_Col("CO2e", True)], rows)


def _by_input(o: _Out, report: Report) -> None:
    if len(report.by_input) <= 1:
        return
    rows = []
    for line in report.by_input:
        org = line.organisation
        per = line.indicators.get("gwp_per_agent_kg", {}).get("value")
        rows.append([line.path, org.get("name") or "—",
                     number(org["agents"], o.lang, 0) if org.get("agents") else "—",
                     "—" if line.assessed_share is None else percent(line.assessed_share, o.lang),
                     o.num(line.gwp.total), "—" if per is None else o.num(per)])
    o.table(f"{o.t('by_input')} ({o.t('col_gwp')})",
            [_Col(o.t("col_file"), clip=True, left=True),
             _Col(o.t("col_organisation"), clip=True),
             _Col(o.t("col_agents"), True), _Col(o.t("col_assessed"), True),
             _Col(o.t("total"), True), _Col(o.t("per_agent"), True)], rows)


def _breakdowns(o: _Out, report: Report, view) -> None:
    """Categories, then entities, sites and projects, each line with a bar for its share of
    the carbon footprint. One scale for all of them: the bars are as wide in every table
    and the largest share of any line fills one, so bars compare across tables. A table
    keeps its manufacture and use columns when a bar of BAR_MIN cells still fits beside."""
    total = report.totals["gwp"].total or 0.0
    plans = []
    for tid in ("by_category", "by_entity", "by_site", "by_project"):
        table = view.table(tid)
        if table is None:
            continue
        # label, quantity, manufacture, use, total (kg CO2e), share of the gwp total
        rows = [[r[0], r[1], r[2], r[3], r[4], (r[4] or 0.0) / total if total else None]
                for r in table.rows]
        plans.append(_plan(o, f"{table.title} ({o.t('col_gwp')})", table.columns[0].label,
                           rows))
    if not plans:
        return
    bar = min(p["room"] for p in plans)
    top = max((r[5] or 0.0 for p in plans for r in p["rows"]), default=0.0)
    for p in plans:
        for r, c in zip(p["rows"], p["cells"]):
            c.append(o.bar(r[5], top, bar))
        o.table(p["title"], p["cols"], p["cells"], bar=bar)


def _plan(o: _Out, title: str, first: str, rows: list[list]) -> dict:
    """The columns of one breakdown table and the room it leaves for the bar."""
    cells = [[o.tx(safe(r[0])), o.num(r[1], 0), o.num(r[2]), o.num(r[3]), o.num(r[4]),
              "—" if r[5] is None else percent(r[5], o.lang, 1)] for r in rows]
    heads = [first, o.t("qty"), o.t("manufacture"), o.t("use"), o.t("total"), o.t("col_share")]
    natural = [max([cell_len(o.tx(h))] + [cell_len(o.tx(c[i])) for c in cells])
               for i, h in enumerate(heads)]
    chosen = None
    for keep in ((0, 1, 2, 3, 4, 5), (0, 1, 4, 5), (0, 4, 5)):
        fixed = sum(natural[i] for i in keep[1:]) + 3 * (len(keep) + 1) + 1
        if o.width - fixed - min(natural[0], LABEL_MAX) >= BAR_MIN:
            chosen = keep
            break
    if chosen is None:                          # very narrow: the label gives way
        chosen = (0, 4, 5)
        fixed = sum(natural[i] for i in chosen[1:]) + 3 * 4 + 1
    label = max(8, min(natural[0], o.width - fixed - BAR_MIN))
    return {"title": title, "rows": rows,
            "cols": [_Col(heads[i], right=i > 0, clip=i == 0) for i in chosen],
            "cells": [[o.clip(c[0], label)] + [c[i] for i in chosen[1:]] for c in cells],
            "room": max(1, min(BAR_MAX, o.width - fixed - label))}


def _indicator_value(key: str, ind: dict, lang: str) -> str:
    v, unit = ind.get("value"), ind.get("unit", "")
    if v is None:
        return "—"
    if unit == "ratio":
        return percent(v, lang, 1)
    if unit == "kgCO2e":
        return mass(v, lang)
    if unit == "units":
        return f"{number(v, lang, 0)} {t('units', lang)}"
    if unit == "years":
        return f"{number(v, lang, 1)} {t('years', lang)}"
    digits = 1 if unit == "kgCO2e/agent/year" else 2
    return f"{number(v, lang, digits)} {i18n.unit_label(unit, lang)}".strip()


def _indicators(o: _Out, report: Report) -> None:
    org = report.organisation
    several = len({(x.organisation.get("name"), x.organisation.get("agents"))
                   for x in report.by_input}) > 1
    name = org.get("name") or (o.t("organisations_see", n=len(report.by_input)) if several
                               else o.t("not_given"))
    o.print(o.t("organisation_line", name=name,
                agents=number(org["agents"], o.lang, 0) if org.get("agents")
                else o.t("not_given"),
                pop=number(org["population"], o.lang, 0) if org.get("population")
                else o.t("not_given")))
    wide = o.width >= 100
    rows, notes = [], []
    for key, ind in report.indicators.items():
        if ind.get("value") is None and "missing" not in ind:
            continue                                  # per-category / per-room details
        label = indicator_label(key, o.lang)
        row = [label, _indicator_value(key, ind, o.lang)]
        if wide:
            row.append(indicator_note(key, ind, o.lang))
        elif ind.get("missing"):
            notes.append(o.t("missing_note", label=label, why=indicator_note(key, ind, o.lang)))
        rows.append(row)
    cols = [_Col(o.t("col_indicator"), clip=True), _Col(o.t("col_value"), True)]
    if wide:
        cols.append(_Col(o.t("col_how"), wrap=True))
    o.table(o.t("indicators"), cols, rows)
    for n in notes:
        o.print(f"— {n}")


def _territory(o: _Out, report: Report) -> None:
    ter = report.territory
    if not ter or ter.get("population") is None:
        return
    lang = o.lang

    def amount(x, unit):
        if x is None:
            return "—"
        if unit == "kgCO2e":
            return mass(x, lang)
        return f"{number(x, lang, 0 if abs(x) >= 1000 else 1)} {i18n.unit_label(unit, lang)}"

    rows = []
    for k, c in ter["criteria"].items():
        per = c.get("per_inhabitant", {})
        rows.append([criterion_label(k, lang), amount(c["total"], c["unit"]),
                     amount(per.get("total"), c["unit"])])
        for tier, x in c.get("tiers", {}).items():
            label = o.t(tier) if tier in TEXT else tier
            rows.append([f"  {label}", amount(x, c["unit"]), amount(per.get(tier), c["unit"])])
    title = o.t("territory_title", title=o.t("territory"), pop=number(ter["population"], lang, 0),
                scope=ter["scope"], what=ter.get("title_fr") if lang == "fr" and
                ter.get("title_fr") else ter["title"])
    o.print(title, style="bold")
    o.table("", [_Col(o.t("col_criterion"), wrap=True), _Col(o.t("total"), True),
                 _Col(o.t("col_per_inhabitant"), True)], rows)


def _practices(o: _Out, report: Report) -> None:
    p = report.practices
    if not p:
        return
    score = "—" if p["score_pct"] is None else percent(p["score_pct"] / 100, o.lang)
    rows = [[f"{f['id']} {f['title']}",
             "—" if f["score_pct"] is None else percent(f["score_pct"] / 100, o.lang),
             f"{f['assessed']}/{f['practices']}", str(f["done"])] for f in p["by_family"]]
    o.table(o.t("practices_title", title=o.t("practices"), score=score,
                assessed=p["assessed"], total=p["total"]),
            [_Col(o.t("col_family"), wrap=True), _Col(o.t("col_score"), True),
             _Col(o.t("col_assessed"), True), _Col(o.t("col_done"), True)], rows)
    for r in p["recommendations"][:5]:
        o.print(f"  → {r['id']} {r['title']} ({r['status']})")


_SEVERITY_STYLE = {"error": "bold red", "warning": "yellow", "info": ""}


def _issues(o: _Out, report: Report, max_issues: int | None) -> None:
    c = report.issue_counts
    e, wn, i = c.get("error", 0), c.get("warning", 0), c.get("info", 0)
    o.heading(o.t("issues") + colon(o.lang) + o.t("issue_counts", e=e, w=wn, i=i,
                                                    s_e=plural(e, o.lang), s_w=plural(wn, o.lang)))
    by_code = Counter((x.severity, x.code) for x in report.issues)
    names = {sev: severity_word(sev, o.lang) for sev, _ in by_code}
    pad = max((len(x) for x in names.values()), default=0)
    for (sev, code), n in sorted(by_code.items()):
        o.print(f"  {names[sev]:{pad}} {code:24} {n}")
    shown = [x for x in report.issues if x.severity != "info"] + \
            [x for x in report.issues if x.severity == "info"]
    limit = len(shown) if max_issues is None else max_issues
    for x in shown[:limit]:
        o.print_safe(issue_line(x, o.lang), style=_SEVERITY_STYLE.get(x.severity) or None)
    if len(shown) > limit:
        o.print(o.t("more_issues_table", n=len(shown) - limit))


