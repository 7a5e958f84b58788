"""``enrt factors diff A B [--on INVENTORY]``: what changed, and what it does to a fleet."""
from __future__ import annotations

import io
import json
from pathlib import Path

import typer

from .errors import handle_errors
from .options import Format


@handle_errors
def diff(
    a: str = typer.Argument(..., metavar="A", help="Set id or YAML file (before)."),
    b: str = typer.Argument(..., metavar="B", help="Set id or YAML file (after)."),
    on: list[Path] = typer.Option(None, "--on", help="Inventory file(s): show how much each "
                                                     "change moves their gwp total."),
    year: int = typer.Option(None, "--year", help="Assessed year for --on."),
    method: str = typer.Option("linear", "--method", help="Method for --on."),
    fmt_: Format = typer.Option(Format.table, "--format", "-f", help="table or json"),
) -> None:
    """List values added, removed or changed from A to B, with the relative change."""
    from rich.console import Console
    from rich.markup import escape
    from rich.table import Table
    from ..factor_effects import change_effects
    from ..factors import load_factor_set
    from ..factors.diff import diff_sets
    from ..output import write_text
    from ..report.render_table import fmt
    fa, fb = load_factor_set(a), load_factor_set(b)
    changes = diff_sets(fa.model, fb.model)
    effects = change_effects(on, fa, fb, changes, year, method) if on else None
    if fmt_ is Format.json:
        out = {"a": {"id": fa.model.id, "version": fa.model.version, "sha256": fa.sha256},
               "b": {"id": fb.model.id, "version": fb.model.version, "sha256": fb.sha256},
               "changes": [{"path": c.path, "kind": c.kind, "old": c.old, "new": c.new,
                            "unit": c.unit, "relative": c.relative,
                            "gwp_effect": (effects or {}).get("effects", {}).get(c.path)}
                           for c in changes],
               "on": effects and {k: v for k, v in effects.items() if k != "effects"}}
        write_text("-", json.dumps(out, indent=2, ensure_ascii=False) + "\n")
        return
    buf = io.StringIO()
    con = Console(file=buf, width=140, highlight=False, markup=False)
    con.print(f"{fa.model.id} v{fa.model.version} → {fb.model.id} v{fb.model.version}: "
              f"{len(changes)} difference(s)")
    t = Table()
    cols = ["value", "change", "A", "B", "unit", "relative"]
    if effects:
        cols += ["gwp effect (kgCO2e/yr)"]
    for col in cols:
        t.add_column(col, overflow="fold")
    for c in changes:
        rel = f"{100 * c.relative:+.1f} %" if c.relative is not None else ""
        row = [escape(c.path), c.kind, escape(_show(c.old)), escape(_show(c.new)),
               c.unit or "", rel]
        if effects:
            e = effects["effects"].get(c.path)
            row.append("" if e is None else f"{e:+,.1f}".replace(",", " "))
        t.add_row(*row)
    con.print(t)
    if effects:
        d = effects["gwp_b"] - effects["gwp_a"]
        share = f"; {100 * d / effects['gwp_a']:+.1f} %" if effects["gwp_a"] else ""
        sign = "+" if d >= 0 else "-"
        con.print(f"On {', '.join(map(str, on))} ({effects['year']}, {effects['method']}): gwp "
                  f"{fmt(effects['gwp_a'])} → {fmt(effects['gwp_b'])} kgCO2e/yr "
                  f"({sign}{fmt(abs(d))}{share})")
    write_text("-", buf.getvalue())


def _show(v) -> str:
    if v is None:
        return ""
    return f"{v:g}" if isinstance(v, float) else str(v)
