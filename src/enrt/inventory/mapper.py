"""Map a block of raw equipment rows to canonical rows, column by column.

Every row of the block ends in exactly one state: assessed, rejected (with one error
issue per problem) or skipped (blank, or a total/sub-total row). Work is done per
column; Python-level loops run over distinct values or over problem rows only.
"""
from __future__ import annotations

from dataclasses import dataclass
from itertools import zip_longest

import numpy as np

from ..countries import to_alpha3
from ..factors.arrays import FactorArrays
from ..fleet import DEFAULT, DERIVED, INPUT, NEW, Fleet
from ..issues import Issue
from ..messages import term
from ..normalize import fold
from .columns import Block
from .conditions import condition_code
from .labels import AMBIGUOUS, NO_CATEGORY, NO_TYPE, UNKNOWN, is_total_label
from .routing import categories, skip_rows, unlabelled_sums
from .sheet_context import (ASSESSED, BLANK, OUT_OF_PERIOD, REJECTED, SERVICE,
                            TOTAL, TOTAL_CODE, SheetContext)
from .values import (days_to_dates, is_ambiguous, is_blank, map_distinct, parse_column, parse_date,
                     parse_numbers, text)


class _Shown:
    """The label a row is known by (its Type, else its GLPI item type), built only for
    the rows that get an issue."""

    def __init__(self, labels, item_types):
        self.labels, self.item_types = labels, item_types

    def __getitem__(self, i: int) -> str:
        a = text(self.labels[i]) if self.labels is not None else ""
        return a or (text(self.item_types[i]) if self.item_types is not None else "")


MAX_QUANTITY = 1_000_000          # units on one inventory row


def _unreadable_cells(rej, row_numbers: np.ndarray, ctx: SheetContext) -> None:
    """Cells calamine returns as blank but that hold a formula without a saved result, or
    an error (#N/A, #REF!…), in a column enrt uses: the row is rejected, never read as a
    blank (a blank quantity would count 1)."""
    if not ctx.bad_cells:
        return
    by_field = ctx.caches.get("bad_cells")
    if by_field is None:
        fields = {ctx.col_offset + j: f for f, j in ctx.columns.items() if f != "model"}
        by_field = ctx.caches["bad_cells"] = {}
        for (row, col), what in ctx.bad_cells.items():
            if col in fields:
                by_field.setdefault(fields[col], {})[row] = what
    for fname, cells in by_field.items():
        mask = np.isin(row_numbers, np.fromiter(cells, dtype=np.int64, count=len(cells)))
        if not mask.any():
            continue
        shown = _CellNotes(row_numbers, cells)
        rej.add(mask, fname, lambda w, _: ("unreadable-cell.formula", {}) if w == "formula"
                else ("unreadable-cell.error", {"error": w}), shown)


class _CellNotes:
    """What a bad cell holds, looked up by the row's position in the chunk."""

    def __init__(self, row_numbers: np.ndarray, cells: dict[int, str]):
        self.row_numbers, self.cells = row_numbers, cells

    def __getitem__(self, i: int) -> str:
        return self.cells.get(int(self.row_numbers[i]), "")


@dataclass
class ChunkResult:
    fleet: Fleet
    issues: list[Issue]
    status: np.ndarray                  # per row: ASSESSED / BLANK / TOTAL / REJECTED / …
    services: np.ndarray                # indices of rows naming a service (routed)


class _Rejections:
    """Collects per-field problems; a row with any problem is rejected."""

    def __init__(self, ctx: SheetContext, row_numbers: np.ndarray, status: np.ndarray):
        self.ctx, self.row_numbers = ctx, row_numbers
        self.skip = status != ASSESSED
        self.bad = np.zeros(len(status), dtype=bool)
        self.found: list[tuple[int, int, Issue]] = []

    def add(self, mask: np.ndarray, fname: str, msg, values: list | None = None,
            severity: str = "error") -> None:
        """Reject rows in ``mask`` (or only warn about them, with severity="warning");
        ``msg`` is a catalogue message id, or a function of the cell (its first 200
        characters, and whole) giving (message id, values for Issue.make)."""
        mask = mask & ~self.skip
        column = self.ctx.column_name(fname) if fname in self.ctx.columns else None
        for i in np.flatnonzero(mask):
            shown = values[i] if values is not None else None
            short = shown[:200] + "…" if isinstance(shown, str) and len(shown) > 200 else shown
            msg_id, params = msg(short, shown) if callable(msg) else (msg, {})
            self.found.append((int(i), self.ctx.columns.get(fname, -1), Issue.make(
                severity, msg_id, file=self.ctx.file, sheet=self.ctx.sheet,
                row=int(self.row_numbers[i]), column=column, **params)))
        if severity == "error":
            self.bad |= mask

    def issues(self) -> list[Issue]:
        return [iss for _, _, iss in sorted(self.found, key=lambda t: (t[0], t[1]))]


def map_chunk(rows: list[list] | Block, first_row: int, ctx: SheetContext,
              row_numbers: np.ndarray | None = None) -> ChunkResult:
    """Map a block of rows; ``row_numbers`` (1-based) when the rows are not contiguous."""
    n = len(rows)
    if row_numbers is None:
        row_numbers = first_row + np.arange(n, dtype=np.int64)
    cols = ctx.columns
    # a columnar block is already columns; rows are transposed once per chunk, in C
    by_column = rows.columns if isinstance(rows, Block) else list(zip_longest(*rows))
    missing = (None,) * n

    def column(fname: str) -> tuple | None:
        j = cols.get(fname)
        if j is None:
            return None
        return by_column[j] if j < len(by_column) else missing

    fa = ctx.factors
    item_types = column("item_type")
    labels = column("type") if cols.get("type") != cols.get("item_type") else None
    cat, hints = categories(labels, item_types, ctx, n)
    shown = _Shown(labels, item_types)
    status = np.full(n, ASSESSED, dtype=np.int8)
    status[cat == TOTAL_CODE] = TOTAL
    for i in np.flatnonzero(cat < 0):
        row = rows[i]
        if all(is_blank(c) for c in row):
            status[i] = BLANK
        elif cat[i] == NO_TYPE and any(is_total_label(c) for c in row):
            status[i] = TOTAL

    quantity_raw = column("quantity")
    qty = parse_numbers(quantity_raw, ctx.cache("quantity"), ctx.decimal_comma) \
        if quantity_raw is not None \
        else np.full(n, np.nan)
    unlabelled_sums(rows, status, cat, qty, ctx)
    units = np.where(np.isfinite(qty) & (qty >= 0), qty, np.where(np.isnan(qty), 1.0, 0.0))
    unknown_status = skip_rows(rows, status, cat, labels, column, units, row_numbers, ctx)

    services = np.flatnonzero(status == SERVICE)
    listed = (cat >= 0) & ~np.isin(status, (BLANK, TOTAL, SERVICE))
    ctx.listed += np.bincount(cat[listed], weights=units[listed],
                              minlength=len(ctx.listed))[:len(ctx.listed)]
    ctx.listed_rows += int(listed.sum())
    rej = _Rejections(ctx, row_numbers, status)
    rej.add(cat == NO_TYPE, "type", "missing-type")
    for code, issue in ((UNKNOWN, "unknown-type"), (AMBIGUOUS, "unknown-type"),
                        (NO_CATEGORY, "no-category")):
        rej.add(cat == code, "type", lambda v, full, issue=issue: (
            issue, {"label": text(v), "hint": hints.get(full, "")}), shown)
    rej.add(unknown_status, "status", lambda v, _: ("unknown-status", {"word": text(v)}),
            column("status"))

    _unreadable_cells(rej, row_numbers, ctx)
    qty_default = np.isnan(qty)
    rej.add(np.isinf(qty), "quantity", lambda v, full: (
        ("invalid-quantity.ambiguous", {"value": text(v), "hint_id": "ambiguous-decimal"})
        if is_ambiguous(v) else ("invalid-quantity", {"value": text(v)})), quantity_raw)
    rej.add(np.isfinite(qty) & (qty < 0), "quantity",
            lambda v, _: ("negative-quantity", {"value": text(v)}), quantity_raw)
    rej.add(np.isfinite(qty) & (qty > MAX_QUANTITY), "quantity", lambda v, _: (
        "invalid-quantity.range", {"value": text(v), "max": MAX_QUANTITY}), quantity_raw)
    quantity = np.where(qty_default, 1.0, qty)
    # no quantity column at all (a GLPI export: one row, one device): derived from the
    # table's shape, not a blank cell left to its default
    quantity_src = np.where(qty_default, DEFAULT if quantity_raw is not None else DERIVED,
                            INPUT).astype(np.int8)

    purchase, withdrawal = _dates(column, rej, ctx, status, units, row_numbers)
    lifetime = _number(column, "lifetime", rej, 1 / 12, 50.0, "invalid-lifetime")
    months = _number(column, "lifetime_months", rej, 1.0, 600.0, "invalid-lifetime")
    lifetime = np.where(np.isnan(lifetime), months / 12.0, lifetime)
    previous = _number(column, "previous_life", rej, 0.0, 50.0, "invalid-number")
    condition, condition_src = _condition(column, rej)
    energy, energy_src = _energy(column, rej, n)
    country, country_src = _country(column, rej, fa, n)
    pue, rooms = _room(column, ctx, n, status)
    row_pue = _number(column, "pue", rej, 1.0, 5.0, "invalid-pue")
    pue = np.where(np.isnan(row_pue), pue, row_pue)

    unit_price = _number(column, "unit_price", rej, 0.0, 1e7, "invalid-number")
    amount = _number(column, "amount", rej, 0.0, 1e9, "invalid-number")
    status[(status == ASSESSED) & rej.bad] = REJECTED
    keep = status == ASSESSED
    fleet = Fleet.from_columns(
        int(keep.sum()),
        category=cat[keep].astype(np.int16), quantity=quantity[keep],
        quantity_src=quantity_src[keep], condition_src=condition_src[keep],
        purchase=purchase[keep], withdrawal=withdrawal[keep], lifetime=lifetime[keep],
        condition=condition[keep], previous_life=previous[keep], energy_kwh=energy[keep],
        energy_src=energy_src[keep], country=country[keep].astype(np.int16),
        country_src=country_src[keep], pue=pue[keep],
        room=rooms[0][keep],
        input_index=np.full(int(keep.sum()), ctx.input_index, dtype=np.int16),
        row_number=row_numbers[keep].astype(np.int32),
        room_names=rooms[1],
        sheet=np.full(int(keep.sum()), 1 if ctx.sheet else 0, dtype=np.int32),
        sheet_names=["", ctx.sheet] if ctx.sheet else [""],
    )
    fleet.spend = np.where(np.isnan(amount), unit_price * quantity, amount)[keep]
    for fname in ("entity", "site", "project"):
        values = column(fname)
        if values is None:
            continue
        codes, names = _labels(values)
        setattr(fleet, fname, codes[keep])
        setattr(fleet, f"{fname}_names", names)
    return ChunkResult(fleet=fleet, issues=rej.issues(), status=status, services=services)


def _labels(values) -> tuple[np.ndarray, list[str]]:
    """Free-text labels (entity, site, room) -> integer codes and the code table;
    code 0 is the blank label."""
    table = {"": 0}
    codes = map_distinct(values, lambda v: table.setdefault(text(v), len(table)), np.int32)
    return codes, list(table)


def _dates(column, rej: _Rejections, ctx: SheetContext, status, units, row_numbers):
    """Purchase and withdrawal dates; rows not in the fleet during the assessed year are
    skipped as out of period (not rejected: the inventory is right, the year is not theirs)."""
    start = np.datetime64(f"{ctx.year}-01-01", "D")
    end = np.datetime64(f"{ctx.year}-12-31", "D")
    out = []
    for fname in ("purchase_date", "withdrawal_date"):
        raw = column(fname)
        if raw is None:
            out.append(np.full(len(rej.bad), np.datetime64("NaT"), dtype="datetime64[D]"))
            continue
        days = parse_column(raw, parse_date, ctx.cache(fname))
        rej.add(np.isinf(days), fname, lambda v, _: ("invalid-date", {"value": text(v)}), raw)
        out.append(days_to_dates(days))
    purchase, withdrawal = out
    both = ~np.isnat(purchase) & ~np.isnat(withdrawal)
    rej.add(both & (withdrawal < purchase), "withdrawal_date", "date-order")
    free = (status == ASSESSED) & ~rej.bad
    for mask, detail in ((free & ~np.isnat(withdrawal) & (withdrawal < start),
                          term("skip.withdrawn-before", year=ctx.year)),
                         (free & ~np.isnat(purchase) & (purchase > end),
                          term("skip.purchased-after", year=ctx.year))):
        mask &= status == ASSESSED
        if mask.any():
            status[mask] = OUT_OF_PERIOD
            rej.skip |= mask
            ctx.note_skip("out_of_period", detail, row_numbers[mask], float(units[mask].sum()))
    return purchase, withdrawal


def _number(column, fname, rej, lo, hi, code, strict_min=False) -> np.ndarray:
    """A numeric field read and checked against [lo, hi]; the hint is the catalogue's
    "number.<field>"."""
    raw = column(fname)
    if raw is None:
        return np.full(len(rej.bad), np.nan)
    v = parse_numbers(raw, rej.ctx.cache(fname), rej.ctx.decimal_comma)
    too_low = (v <= lo) if strict_min else (v < lo)
    field = term(f"field.{fname}")
    rej.add(np.isinf(v) | (np.isfinite(v) & (too_low | (v > hi))), fname, lambda x, _: (
        (f"{code}.ambiguous", {"field": field, "value": text(x), "hint_id": "ambiguous-decimal"})
        if is_ambiguous(x) else
        (code, {"field": field, "value": text(x), "hint_id": f"number.{fname}"})), raw)
    return np.where(np.isfinite(v), v, np.nan)


def _condition(column, rej: _Rejections):
    raw = column("condition")
    n = len(rej.bad)
    if raw is None:
        return np.full(n, NEW, dtype=np.int8), np.zeros(n, dtype=np.int8)

    def code(v) -> int:          # -2 blank (default: new), -1 not recognised
        t = text(v)
        c = -2 if not t else condition_code(t)
        return -1 if c is None else c
    codes = map_distinct(raw, code, np.int8, rej.ctx.cache("condition"))
    rej.add(codes == -1, "condition", lambda v, _: ("invalid-condition", {"value": text(v)}),
            raw)
    src = np.where(codes == -2, DEFAULT, INPUT).astype(np.int8)
    return np.where(codes < 0, NEW, codes).astype(np.int8), src


def _energy(column, rej: _Rejections, n: int):
    def nums(fname, hi):
        raw = column(fname)
        if raw is None:
            return np.full(n, np.nan)
        v = parse_numbers(raw, rej.ctx.cache(fname), rej.ctx.decimal_comma)
        field = term(f"field.{fname}")
        rej.add(np.isinf(v) | (np.isfinite(v) & ((v < 0) | (v > hi))), fname, lambda x, _: (
            "invalid-number", {"field": field, "value": text(x), "hint_id": "number.range",
                               "hi": hi}), raw)
        return np.where(np.isfinite(v), v, np.nan)

    kwh = nums("annual_kwh", 1e7)
    watts = nums("power_w", 1e5)
    hours_year = nums("hours_per_year", 8784)
    hours_day = nums("hours_per_day", 24)
    hours = np.where(np.isnan(hours_year), hours_day * 365.0, hours_year)
    from_power = watts * hours / 1000.0
    energy = np.where(np.isnan(kwh), from_power, kwh)
    half = np.isnan(kwh) & (np.isnan(watts) != np.isnan(hours))
    rej.add(half & ~np.isnan(watts), "power_w", "incomplete-power.power", severity="warning")
    rej.add(half & np.isnan(watts), "hours_per_year" if "hours_per_year" in rej.ctx.columns
            else "hours_per_day", "incomplete-power.hours", severity="warning")
    src = np.where(~np.isnan(kwh), INPUT, np.where(~np.isnan(from_power), DERIVED, DEFAULT))
    return energy, src.astype(np.int8)


def _country(column, rej: _Rejections, fa: FactorArrays, n: int):
    raw = column("country")
    default = fa.default_country if rej.ctx.default_country is None else rej.ctx.default_country
    if raw is None:
        return np.full(n, default), np.zeros(n, dtype=np.int8)
    index = fa.country_index()

    def code(v) -> int:
        t = text(v)
        if not t:
            return -1
        a3 = to_alpha3(t)
        return -2 if a3 is None else index.get(a3, -3)
    codes = map_distinct(raw, code, np.int64, rej.ctx.cache("country"))
    rej.add(codes == -2, "country", lambda v, _: ("unknown-country", {"value": text(v)}), raw)
    rej.add(codes == -3, "country", lambda v, _: ("no-electricity-factor", {"value": text(v)}),
            raw)
    src = np.where(codes == -1, DEFAULT, INPUT).astype(np.int8)
    return np.where(codes < 0, default, codes), src


def _room(column, ctx: SheetContext, n: int, status: np.ndarray):
    """PUE of each row's server room (NaN when none or unknown), and the room codes."""
    raw = column("room")
    if raw is None:
        return np.full(n, np.nan), (np.zeros(n, dtype=np.int32), [""])
    codes, names = _labels(raw)
    room_pue = np.array([np.nan] + [ctx.rooms.get(fold(name), np.nan) for name in names[1:]])
    pue = room_pue[codes]
    unknown = np.bincount(codes[status == ASSESSED], minlength=len(names))
    for k, name in enumerate(names):
        if k and unknown[k] and np.isnan(room_pue[k]):
            ctx.unknown_rooms[name] = ctx.unknown_rooms.get(name, 0) + int(unknown[k])
    return pue, (codes, names)
