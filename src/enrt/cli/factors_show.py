"""``enrt factors show``: one factor set, readable or as resolved JSON."""
from __future__ import annotations

import io
import json

import typer

from .errors import handle_errors
from .options import Format

@handle_errors
def show(
    ref: str = typer.Argument(None, metavar="[ID|PATH]", help="Set id or YAML file "
                              "(default: the default set)."),
    fmt_: Format = typer.Option(Format.table, "--format", "-f", help="table or json"),
    year: int = typer.Option(None, "--year", help="Electricity year to resolve "
                                                  "(default: last full year)."),
) -> None:
    """Show a factor set: categories, lifetimes, kWh, manufacture factors, aliases."""
    from rich.console import Console
    from rich.table import Table
    from ..pipeline import default_year
    from ..factors import load_factor_set
    from ..factors.resolved import resolved
    from ..output import write_text
    from ..inert import safe
    from ..report.render_table import fmt
    fs = load_factor_set(ref)
    data = resolved(fs, default_year() if year is None else year)
    if fmt_ is Format.json:
        # strict JSON: the loader refuses NaN and infinities, so none can reach here
        write_text("-", json.dumps(data, indent=2, ensure_ascii=False, allow_nan=False) + "\n")
        return
    buf = io.StringIO()
    con = Console(file=buf, width=140, highlight=False, markup=False)
    con.print(f"{safe(data['id'])} v{safe(data['version'])} — published "
              f"{safe(data['published'])}; sha256 {data['sha256'][:12]}…")
    con.print(f"Licence: {data['license']}", markup=False)
    crits = list(data["criteria"])
    t = Table(title="Categories", title_justify="left")
    for col in ["category", "life (yr)", "kWh/yr", "prev. life", "DC",
                *[f"{k} [{data['criteria'][k]['unit']}]" for k in crits], "aliases"]:
        t.add_column(col, overflow="fold")
    for cid, c in data["categories"].items():
        t.add_row(cid, fmt(c["lifetime_years"]), fmt(c["annual_kwh"]),
                  fmt(c["previous_life_years"]), "yes" if c["datacenter"] else "",
                  *[fmt(c["manufacture"].get(k), 3) for k in crits],
                  ", ".join(c["aliases"][:6]) + (" …" if len(c["aliases"]) > 6 else ""))
    con.print(t)
    t = Table(title=f"Electricity per kWh (year {data['electricity_year']})", title_justify="left")
    for col in ["country", *crits]:
        t.add_column(col)
    for code, v in data["electricity"].items():
        t.add_row(code, *[f"{v[k]:.4g}" if k in v else "n/c" for k in crits])
    con.print(t)
    if data["activities"]:
        t = Table(title="Services, network and prestations (per unit)", title_justify="left")
        for col in ["activity", "kind", "unit", "quality", *crits, "aliases"]:
            t.add_column(col, overflow="fold")
        for aid, a in data["activities"].items():
            t.add_row(aid, a["kind"], a["unit"], str(a["quality"]),
                      *[fmt(a["factors"].get(k), 4) for k in crits],
                      ", ".join(a["aliases"][:5]) + (" …" if len(a["aliases"]) > 5 else ""))
        con.print(t)
    con.print(f"Defaults: country {data['defaults']['country']}, PUE {data['defaults']['pue']}")
    write_text("-", buf.getvalue())
