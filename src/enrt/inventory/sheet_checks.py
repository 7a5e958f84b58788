"""Sheet-level reading decisions: pivot tables, the meaning of an 'État' column, and the
one issue per skip reason that says how many rows and units were left out."""
from __future__ import annotations

import itertools

import numpy as np

from ..fleet import Fleet
from ..issues import Issue
from ..normalize import fold
from .columns import Block
from .conditions import condition_code
from .headers import HEADER_ALIASES, match_header
from .sheet_context import column_letter
from .physical import is_physical_state
from .summary import SheetPart
from .values import text

PIVOT_WORDS = ("etiquettes de lignes", "etiquettes de colonnes", "row labels", "column labels",
               "total general", "grand total")
PIVOT_PREFIXES = ("somme de ", "sum of ", "count of ", "nombre de type", "moyenne de ")


def pivot_markers(row: list) -> bool:
    """Headers Excel and LibreOffice write in a pivot table ('Étiquettes de lignes',
    'Somme de Quantité', a 'Total général' column), or a cross-tab with one quantity
    column per site ('Quantité Mairie | Quantité École | Total')."""
    keys = [fold(c) for c in row if isinstance(c, str)]
    if any(k in PIVOT_WORDS or k.startswith(PIVOT_PREFIXES) for k in keys):
        return True
    exact = {fold(a) for a in HEADER_ALIASES["quantity"]}
    per_site = [c for c in row if match_header(c) == "quantity" and fold(c) not in exact]
    return len(per_site) >= 2                   # "Quantité Mairie", "Quantité École"…


def header_shape(header: list, hrow: int, raw, ctx, overrides) -> list[Issue]:
    """One warning per field named by two columns (the first is read) and per merged
    header cell (only its first column has a header)."""
    out = []
    by_field: dict[str, list[int]] = {}
    for j, c in enumerate(header):
        f = overrides.get(fold(c)) if overrides and isinstance(c, str) and fold(c) in overrides \
            else match_header(c)
        if f and f not in ("model", "ignore"):
            by_field.setdefault(f, []).append(j)
    for f, cols in by_field.items():
        if len(cols) > 1 and f in ctx.columns:
            used = ctx.columns[f]
            names = ", ".join(f"{column_letter(raw.col_offset + j)} ({text(header[j])})"
                              for j in cols)
            out.append(Issue.make("warning", "duplicate-column", file=ctx.file, sheet=ctx.sheet,
                                  row=hrow + 1, columns=names, field=f,
                                  used=column_letter(raw.col_offset + used)))
    row = hrow + 1
    for r1, c1, r2, c2 in raw.merged:
        if r1 <= row <= r2 and c2 > c1:
            first = c1 - raw.col_offset
            shown = text(header[first]) if 0 <= first < len(header) else ""
            out.append(Issue.make("warning", "merged-header", file=ctx.file, sheet=ctx.sheet,
                                  row=row, header=shown, first=column_letter(c1),
                                  cells=f"{column_letter(c1)}{r1}:{column_letter(c2)}{r2}"))
    return out


def check_condition_column(chunk: list[list], ctx, issues: list[Issue]) -> None:
    """An 'État'/'Condition' column is the acquisition condition only if its words say so;
    statuses move it to the status column, physical states ('Bon état') leave it out."""
    j = ctx.columns.get("condition")
    if j is None:
        return
    if isinstance(chunk, Block):            # a columnar block: its distinct cells
        col = chunk.columns[j] if j < len(chunk.columns) else None
        cells = set() if col is None else {col.values[k] for k in col.present().tolist()}
    else:
        cells = {r[j] for r in chunk if j < len(r)}
    values = {text(v) for v in cells} - {""}
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
        issues.append(Issue.make("info", "column-is-status", file=ctx.file, sheet=ctx.sheet,
                                 column=where, header=header))
        return
    shown = ", ".join(sorted(values)[:4])
    issues.append(Issue.make("info", "column-physical-state.values", file=ctx.file,
                             sheet=ctx.sheet, column=where, header=header, values=shown))


# skip reason -> (severity, catalogue message id)
_MESSAGES = {
    "not_in_use": ("info", "skipped-not-in-use"),
    "hidden": ("warning", "skipped-hidden"),
    "heading": ("info", "section-heading"),
    "out_of_period": ("info", "out-of-period"),
    "not_physical": ("info", "skipped-not-physical"),
}


def skip_issues(ctx) -> list[Issue]:
    """One issue per (reason, detail): how many rows and units, and the first rows."""
    out = []
    for (reason, detail), (rows, units, first) in sorted(ctx.skips.items()):
        severity, msg_id = _MESSAGES[reason]
        at = ", ".join(str(r) for r in first) + (", …" if rows > len(first) else "")
        out.append(Issue.make(severity, msg_id, file=ctx.file, sheet=ctx.sheet,
                              row=first[0] if first else None, rows=rows, units=units,
                              detail=detail, at=at))
    return out


def units(part: SheetPart) -> float:
    return float(part.fleet.quantity.sum()) if len(part.fleet) else 0.0


def leave_out(part: SheetPart, reason: str, issue: Issue) -> None:
    """Take a sheet's rows out of the assessment; they stay counted, as skipped."""
    s = part.summary
    s.skip(reason, s.rows_assessed + s.rows_rejected)
    s.rows_assessed = s.rows_rejected = 0
    s.left_out = reason
    part.fleet, part.activities = Fleet.empty(), []
    part.issues = [issue]


def leave_out_restated(parts: list[SheetPart], file: str) -> None:
    """A sheet whose quantities per category equal another sheet's restates it (a pivot
    or summary copied as values). Quantities are compared as listed (stock and hidden
    rows included, as a summary counts them) and as assessed. The sheet with fewer
    equipment rows, else fewer recognised columns (no dates, no sites), is left out."""
    live = [p for p in parts if p.summary.left_out is None and not p.forced
            and p.listed is not None and p.listed.sum() > 0]
    for pa, pb in itertools.combinations(live, 2):
        if pa.summary.left_out or pb.summary.left_out:
            continue
        views = [(x.listed, _assessed(x, len(x.listed))) for x in (pa, pb)]
        if not any(np.allclose(u, v) and u.sum() > 0 for u in views[0] for v in views[1]):
            continue
        summary_part = sorted((pb, pa), key=lambda x: (x.listed_rows, x.fields))[0]
        detail = pa if summary_part is pb else pb
        leave_out(summary_part, "restated", Issue.make(
            "warning", "sheet-restated", file=file, sheet=summary_part.summary.name,
            name=summary_part.summary.name, other=detail.summary.name,
            units=detail.listed.sum()))


def _assessed(part: SheetPart, n: int) -> np.ndarray:
    f = part.fleet
    return np.bincount(f.category, weights=f.quantity, minlength=n) if len(f) else np.zeros(n)
