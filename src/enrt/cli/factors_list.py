"""``enrt factors list``: the shipped sets, which one is the default."""
from __future__ import annotations

import io
import json

import typer

from .errors import handle_errors
from .options import Format


@handle_errors
def list_command(
    fmt_: Format = typer.Option(Format.table, "--format", "-f", help="table or json"),
) -> None:
    """List the factor sets shipped with enrt."""
    from rich.console import Console
    from rich.table import Table
    from ..factors.catalog import list_sets
    from ..output import write_text
    sets = list_sets()
    if fmt_ is Format.json:
        write_text("-", json.dumps(sets, indent=2, ensure_ascii=False) + "\n")
        return
    buf = io.StringIO()
    con = Console(file=buf, width=140, highlight=False, markup=False)
    t = Table(title="Shipped factor sets", title_justify="left")
    for col in ("id", "version", "published", "default", "licence"):
        t.add_column(col, overflow="fold")
    for s in sets:
        t.add_row(s["id"], s["version"], s["published"], "yes" if s["default"] else "",
                  s["license"])
    con.print(t)
    con.print("Use one with --factors ID; see it with 'enrt factors show ID'.")
    write_text("-", buf.getvalue())
