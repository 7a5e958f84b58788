"""Sheet-level reading decisions: pivot tables, the meaning of an 'État' column, and the
one issue per skip reason that says how many rows and units were left out."""
from __future__ import annotations

from ..issues import Issue
from ..normalize import fold
from .conditions import condition_code
from .physical import is_physical_state
from .values import text

PIVOT_WORDS = ("etiquettes de lignes", "etiquettes de colonnes", "row labels", "column labels",
               "total general", "grand total")
PIVOT_PREFIXES = ("somme de ", "sum of ", "count of ", "nombre de type", "moyenne de ")


def pivot_markers(row: list) -> bool:
    """Headers Excel and LibreOffice write in a pivot table ('Étiquettes de lignes',
    'Somme de Quantité', a 'Total général' column)."""
    keys = [fold(c) for c in row if isinstance(c, str)]
    return any(k in PIVOT_WORDS or k.startswith(PIVOT_PREFIXES) for k in keys)


def check_condition_column(chunk: list[list], ctx, issues: list[Issue]) -> None:
    """An 'État'/'Condition' column is the acquisition condition only if its words say so;
    statuses move it to the status column, physical states ('Bon état') leave it out."""
    j = ctx.columns.get("condition")
    if j is None:
        return
    values = {text(r[j]) for r in chunk if j < len(r)} - {""}
    if not values:
        return
    cond = sum(1 for v in values if condition_code(v) is not None)
    status = sum(1 for v in values if ctx.statuses.is_status(v))
    physical = sum(1 for v in values if is_physical_state(v))
    if cond >= max(status, physical):
        return
    header = ctx.headers["condition"]
    where = ctx.column_name("condition")
    del ctx.columns["condition"]
    if status > physical and "status" not in ctx.columns:
        ctx.columns["status"], ctx.headers["status"] = j, header
        issues.append(Issue("info", "column-is-status", f"column {header!r} holds statuses "
                            "(in service, in stock…): read as the status", ctx.file, ctx.sheet,
                            column=where))
        return
    shown = ", ".join(sorted(values)[:4])
    issues.append(Issue("info", "column-physical-state", f"column {header!r} holds physical "
                        f"states ({shown}…), not the acquisition condition (new / refurbished): "
                        "not used", ctx.file, ctx.sheet, column=where,
                        hint="name the new/refurbished column 'État à l'achat' or 'Provenance'"))


_MESSAGES = {
    "not_in_use": ("info", "skipped-not-in-use", "skipped: status {detail}",
                   "equipment not in use is not in the year's footprint; --count-stock counts "
                   "stock, a mapping file (statuses:) changes what a word means"),
    "hidden": ("warning", "skipped-hidden", "hidden (by a filter or by hand): left out",
               "show the rows in the spreadsheet to check them, or give --include-hidden to "
               "count hidden rows and sheets"),
    "heading": ("info", "section-heading", "read as section headings: {detail}",
                "a lone label with no other value is a heading; give it a quantity if it is "
                "equipment"),
    "out_of_period": ("info", "out-of-period", "skipped: {detail}, not in the fleet during the "
                      "assessed year", "assess another year with --year to count them"),
    "not_physical": ("info", "skipped-not-physical", "skipped: {detail}",
                     "their footprint is in the hosting (services sheet), not the fleet"),
}


def skip_issues(ctx) -> list[Issue]:
    """One issue per (reason, detail): how many rows and units, and the first rows."""
    out = []
    for (reason, detail), (rows, units, first) in sorted(ctx.skips.items()):
        severity, code, text_, hint = _MESSAGES[reason]
        at = ", ".join(str(r) for r in first) + (", …" if rows > len(first) else "")
        counted = f"{rows} row(s)" if reason == "heading" else f"{rows} row(s) ({units:g} units)"
        message = f"{counted} " + text_.format(detail=detail) + f" (rows {at})"
        out.append(Issue(severity, code, message, ctx.file, ctx.sheet, first[0] if first else None,
                         None, hint))
    return out
