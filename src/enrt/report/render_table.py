"""Terminal rendering of a Report with rich: totals, categories, entities, sites, issues.

Text from the inputs (paths, sheets, labels, sites, names, messages, factor-set strings) is
inert: the console reads no markup unless told (``markup=True`` on our own bold headings,
where input text is passed through ``m()``), and every such string goes through ``safe()``,
which shows control characters (ESC, CR, BEL, C1, bidi overrides…) visibly.
"""
from __future__ import annotations

import io
from collections import Counter

from rich.console import Console
from rich.markup import escape
from rich.table import Table
from rich.text import Text

from ..inert import safe
from ..issues import Issue
from .model import PhaseValues, Report


def m(s: object) -> str:
    """Input text for a rich markup string: visible controls, brackets escaped."""
    return escape(safe(s))


def cell(s: object) -> Text:
    """Input text for a table cell or title: a Text, never read as markup."""
    return Text(safe(s))


def fmt(x: float | None, digits: int = 1) -> str:
    """Display rounding only; None is 'not covered'."""
    if x is None:
        return "n/c"
    if x != 0 and abs(x) < 0.1:
        return f"{x:.3g}"
    return f"{x:,.{digits}f}".replace(",", " ")


def _phase_cells(v: PhaseValues) -> list[str]:
    return [fmt(v.manufacture), fmt(v.use), fmt(v.total)]


def render_table(report: Report, color: bool = True, width: int = 110,
                 max_issues: int | None = 10) -> str:
    buf = io.StringIO()
    # markup=False: a string printed or put in a table is literal unless markup=True is given
    con = Console(file=buf, width=width, force_terminal=color, color_system="standard"
                  if color else None, highlight=False, markup=False)
    fs, a = report.factor_set, report.assessment
    con.print(f"[bold]enrt {m(report.tool.version)}[/bold] — footprint of year {a.year} "
              f"(as of {m(a.as_of)}), method {m(a.method)}", markup=True)
    elec = ", ".join(f"{c} {v['gwp'].value:g} kgCO2e/kWh ({v['gwp'].source} {v['gwp'].year})"
                     for c, v in fs.electricity.items() if "gwp" in v)
    con.print(safe(f"Factor set {fs.id} v{fs.version} (sha256 {fs.sha256[:12]}…); electricity "
                   f"{elec}; default PUE {fs.default_pue:g}"))

    t = Table(title="Inputs", title_justify="left")
    for col in ("file", "rows read", "assessed", "rejected", "skipped"):
        t.add_column(col, justify="left" if col == "file" else "right")
    for i in report.inputs:
        reasons = ", ".join(f"{n} {k.replace('_', ' ')}" for k, n in i.skipped.items())
        t.add_row(cell(i.path), str(i.rows_read), str(i.rows_assessed), str(i.rows_rejected),
                  cell(f"{i.rows_skipped} ({reasons})" if reasons else i.rows_skipped))
    con.print(t)
    con.print(headline(report), markup=False)

    t = Table(title="Totals per year", title_justify="left")
    for col in ("criterion", "unit", "manufacture", "use", "services", "total", "not covered"):
        t.add_column(col, justify="right" if col in ("manufacture", "use", "services", "total")
                     else "left")
    for k, v in report.totals.items():
        t.add_row(cell(k), cell(v.unit), fmt(v.manufacture), fmt(v.use), fmt(v.services),
                  total_text(v), cell(", ".join(v.not_covered) or "—"))
    con.print(t)
    for d in report.disclosures:
        con.print(safe(f"· {d.text}"))
    if report.activities:
        t = Table(title="Hosted services, network and prestations (gwp, kgCO2e/year)",
                  title_justify="left")
        for col in ("activity", "kind", "quantity", "unit", "quality (1-5)", "gwp"):
            t.add_column(col, justify="right" if col in ("quantity", "gwp") else "left")
        for a in report.activities:
            t.add_row(cell(a.label or a.activity), cell(a.kind), fmt(a.quantity, 2),
                      cell(a.unit), str(a.quality), fmt(a.criteria.get("gwp")))
        con.print(t)

    if len(report.by_input) > 1:
        t = Table(title="By input (gwp, kgCO2e/year)", title_justify="left")
        for col in ("file", "organisation", "agents", "assessed", "total", "per agent"):
            t.add_column(col, justify="left" if col in ("file", "organisation") else "right")
        for line in report.by_input:
            org = line.organisation
            per = line.indicators.get("gwp_per_agent_kg", {}).get("value")
            share = "—" if line.assessed_share is None else f"{100 * line.assessed_share:.0f} %"
            t.add_row(cell(line.path), cell(org.get("name") or "—"),
                      fmt(org.get("agents"), 0) if org.get("agents") else "—", share,
                      fmt(line.gwp.total), fmt(per))
        con.print(t)

    t = Table(title="By category (gwp, kgCO2e/year)", title_justify="left")
    for col in ("category", "quantity", "manufacture", "use", "total", "share"):
        t.add_column(col, justify="left" if col == "category" else "right")
    total = report.totals["gwp"].total or 0.0
    for line in report.by_category:
        share = f"{100 * line.gwp.total / total:.1f} %" if total and line.gwp.total else "—"
        t.add_row(cell(line.category), fmt(line.quantity, 0), *_phase_cells(line.gwp), share)
    con.print(t)

    for title, lines, key in (("By entity", report.by_entity, "entity"),
                              ("By site", report.by_site, "site"),
                              ("By connected-territory project", report.by_project, "project")):
        if not lines or (len(lines) == 1 and getattr(lines[0], key) == "(unspecified)"):
            continue
        t = Table(title=f"{title} (gwp, kgCO2e/year)", title_justify="left")
        for col in (key, "quantity", "manufacture", "use", "total"):
            t.add_column(col, justify="left" if col == key else "right")
        for line in lines:
            t.add_row(cell(getattr(line, key)), fmt(line.quantity, 0), *_phase_cells(line.gwp))
        con.print(t)

    _indicators(con, report)
    _territory(con, report)
    _practices(con, report)
    _issues(con, report, max_issues)
    return buf.getvalue()


def _indicators(con: Console, report: Report) -> None:
    org = report.organisation
    several = len({(x.organisation.get("name"), x.organisation.get("agents"))
                   for x in report.by_input}) > 1
    name = org.get("name") or (f"{len(report.by_input)} organisations, see 'By input'"
                               if several else "(name not given)")
    con.print(f"[bold]Organisation[/bold]: {m(name)}; agents "
              f"{fmt(org.get('agents'), 0) if org.get('agents') else 'not given'}; population "
              f"{fmt(org.get('population'), 0) if org.get('population') else 'not given'}",
              markup=True)
    t = Table(title="Indicators", title_justify="left")
    for col in ("indicator", "value", "unit", "how"):
        t.add_column(col, overflow="fold")
    for key, ind in report.indicators.items():
        if ind.get("value") is None and "missing" not in ind:
            continue                                  # per-category / per-room details
        value = "—" if ind["value"] is None else fmt(ind["value"], 2)
        t.add_row(cell(key), value, cell(ind.get("unit", "")),
                  cell(ind.get("missing") or ind.get("how", "")))
    con.print(t)


def _territory(con: Console, report: Report) -> None:
    ter = report.territory
    if not ter or ter.get("population") is None:
        return
    t = Table(title=cell(f"Territory estimate ({fmt(ter['population'], 0)} inhabitants, "
                         f"scope {ter['scope']}: {ter['title']})"), title_justify="left")
    for col in ("criterion", "unit", "total", "terminals", "data centres", "networks"):
        t.add_column(col, justify="left" if col in ("criterion", "unit") else "right")
    for k, c in ter["criteria"].items():
        tiers = c["tiers"]
        t.add_row(cell(k), cell(c["unit"]), fmt(c["total"]),
                  *[fmt(tiers[x]) if x in tiers else "—"
                    for x in ("terminals", "data_centres", "networks")])
    con.print(t)


def _practices(con: Console, report: Report) -> None:
    p = report.practices
    if not p:
        return
    score = "—" if p["score_pct"] is None else f"{p['score_pct']:.0f} %"
    t = Table(title=f"Good practices (DINUM): maturity {score}, {p['assessed']} of "
                    f"{p['total']} assessed", title_justify="left")
    for col in ("family", "score", "assessed", "done"):
        t.add_column(col)
    for f in p["by_family"]:
        t.add_row(cell(f"{f['id']} {f['title']}"), "—" if f["score_pct"] is None else
                  f"{f['score_pct']:.0f} %", f"{f['assessed']}/{f['practices']}", str(f["done"]))
    con.print(t)
    for r in p["recommendations"][:5]:
        con.print(safe(f"  → {r['id']} {r['title']} ({r['status']})"), markup=False)


def _issues(con: Console, report: Report, max_issues: int | None) -> None:
    c = report.issue_counts
    con.print(f"[bold]Issues[/bold]: {c.get('error', 0)} error(s), {c.get('warning', 0)} "
              f"warning(s), {c.get('info', 0)} info", markup=True)
    by_code = Counter((i.severity, i.code) for i in report.issues)
    for (sev, code), n in sorted(by_code.items()):
        con.print(safe(f"  {sev:7} {code:24} {n}"), markup=False)
    shown = [i for i in report.issues if i.severity != "info"] + \
            [i for i in report.issues if i.severity == "info"]
    limit = len(shown) if max_issues is None else max_issues
    for i in shown[:limit]:
        con.print(issue_line(i), markup=False)
    if len(shown) > limit:
        con.print(f"  … {len(shown) - limit} more (use --verbose or --format json)",
                  markup=False)


def issue_line(i: Issue) -> str:
    """Plain text (print it with markup off); every field goes through ``safe()``, so the
    only line break is the one before the hint."""
    where = ", ".join(safe(x) for x in (i.file, f"sheet {i.sheet}" if i.sheet else None,
                                        f"row {i.row}" if i.row else None,
                                        f"column {i.column}" if i.column else None) if x)
    line = f"  [{safe(i.severity)}] {safe(i.message)}" + (f" ({where})" if where else "")
    return line + (f"\n      hint: {safe(i.hint)}" if i.hint else "")


def total_text(v) -> str:
    """A total as a person must read it: '≥ 821 079.2 (use only)' when it leaves a phase or
    categories out, never a partial figure shown as whole."""
    if v.complete or v.total is None:
        return fmt(v.total)
    if v.manufacture is None:
        why = "use only"
    elif v.use is None:
        why = "manufacture only"
    else:
        why = f"{v.coverage:.0%} of units"
    return f"≥ {fmt(v.total)} ({why})"


def headline(report: Report) -> str:
    """How much of the inventory the totals cover: '29/36 rows assessed, 3 rejected,
    4 skipped: the total is incomplete'."""
    rows = sum(i.rows_read for i in report.inputs)
    assessed = sum(i.rows_assessed for i in report.inputs)
    rejected = sum(i.rows_rejected for i in report.inputs)
    skipped = sum(i.rows_skipped for i in report.inputs)
    empty = [safe(i.path) for i in report.inputs if i.rows_assessed == 0]
    line = f"{assessed}/{rows} rows assessed, {rejected} rejected, {skipped} skipped"
    if empty:
        return line + f": nothing assessed in {', '.join(empty)}; the total is incomplete"
    if rejected:
        return line + ": the total is incomplete"
    return line + ": the total covers every row in use"


def render_summary(report: Report, max_issues: int = 10) -> str:
    """For stderr when the report goes to a file or is JSON: a line, then the first
    errors and warnings."""
    g = report.totals["gwp"]
    c = report.issue_counts
    lines = [f"enrt: {headline(report)}; gwp {total_text(g)} {safe(g.unit)}/year; "
             f"{c.get('error', 0)} error(s), {c.get('warning', 0)} warning(s)"]
    problems = [i for i in report.issues if i.severity != "info"]
    lines += [issue_line(i) for i in problems[:max_issues]]
    if len(problems) > max_issues:
        lines.append(f"  … {len(problems) - max_issues} more in the report's issues")
    return "\n".join(lines)
