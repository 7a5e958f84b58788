"""Map a block of raw equipment rows to canonical rows, column by column.

Every row of the block ends in exactly one state: assessed, rejected (with one error
issue per problem) or skipped (blank, or a total/sub-total row). Work is done per
column; Python-level loops run over distinct values or over problem rows only.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from itertools import zip_longest

import numpy as np

from ..countries import to_alpha3
from ..factors.arrays import FactorArrays
from ..fleet import DEFAULT, DERIVED, INPUT, NEW, Fleet
from ..issues import Issue
from ..normalize import fold
from .conditions import condition_code
from .labels import LabelMatcher, glpi_category, is_total_label
from .values import (days_to_dates, is_blank, map_distinct, parse_column, parse_date,
                     parse_number, parse_numbers, text)

ASSESSED, BLANK, TOTAL, REJECTED = 0, 1, 2, 3
TOTAL_CODE = -2


def column_letter(index: int) -> str:
    letters = ""
    index += 1
    while index:
        index, rem = divmod(index - 1, 26)
        letters = chr(65 + rem) + letters
    return letters


@dataclass
class SheetContext:
    """What the mapper needs to know about the sheet and the run."""

    file: str
    sheet: str | None
    columns: dict[str, int]             # field -> column index in the row lists
    headers: dict[str, str]             # field -> header text as written
    col_offset: int
    factors: FactorArrays
    matcher: LabelMatcher
    year: int
    rooms: dict[str, float]             # folded room name -> PUE
    input_index: int = 0
    segment_sum: float = 0.0            # quantity since the last blank/total row (carried)
    segment_rows: int = 0               # typed rows since the last blank/total row
    unknown_rooms: dict[str, int] = field(default_factory=dict)
    caches: dict[str, dict] = field(default_factory=dict)   # field -> cell -> parsed value

    def cache(self, fname: str) -> dict:
        return self.caches.setdefault(fname, {})

    def column_name(self, fname: str) -> str:
        j = self.columns[fname]
        return f"{column_letter(self.col_offset + j)} ({self.headers[fname]})"


@dataclass
class ChunkResult:
    fleet: Fleet
    issues: list[Issue]
    status: np.ndarray                  # per row: ASSESSED / BLANK / TOTAL / REJECTED


class _Rejections:
    """Collects per-field problems; a row with any problem is rejected."""

    def __init__(self, ctx: SheetContext, first_row: int, status: np.ndarray):
        self.ctx, self.first_row = ctx, first_row
        self.skip = status != ASSESSED
        self.bad = np.zeros(len(status), dtype=bool)
        self.found: list[tuple[int, int, Issue]] = []

    def add(self, mask: np.ndarray, fname: str, code: str, message, hint,
            values: list | None = None, severity: str = "error") -> None:
        """Reject rows in ``mask`` (or only warn about them, with severity="warning");
        ``message``/``hint`` may be functions of the cell."""
        mask = mask & ~self.skip
        column = self.ctx.column_name(fname) if fname in self.ctx.columns else None
        for i in np.flatnonzero(mask):
            shown = values[i] if values is not None else None
            msg = message(shown) if callable(message) else message
            fix = hint(shown) if callable(hint) else hint
            self.found.append((int(i), self.ctx.columns.get(fname, -1), Issue(
                severity, code, msg, self.ctx.file, self.ctx.sheet, self.first_row + int(i),
                column, fix)))
        if severity == "error":
            self.bad |= mask

    def issues(self) -> list[Issue]:
        return [iss for _, _, iss in sorted(self.found, key=lambda t: (t[0], t[1]))]


def map_chunk(rows: list[list], first_row: int, ctx: SheetContext) -> ChunkResult:
    n = len(rows)
    cols = ctx.columns
    by_column = list(zip_longest(*rows))       # one C-level transposition per chunk
    missing = (None,) * n

    def column(fname: str) -> tuple | None:
        j = cols.get(fname)
        if j is None:
            return None
        return by_column[j] if j < len(by_column) else missing

    fa = ctx.factors
    labels = column("type")
    cat = _categories(labels, ctx)
    item_types = column("item_type")
    if item_types is not None:                      # a GLPI export: class + sub-type
        _glpi_categories(cat, item_types, labels, ctx)
    status = np.full(n, ASSESSED, dtype=np.int8)
    status[cat == TOTAL_CODE] = TOTAL
    no_type = np.flatnonzero(cat == -3)
    for i in no_type:
        row = rows[i]
        if all(is_blank(c) for c in row):
            status[i] = BLANK
        elif any(is_total_label(c) for c in row):
            status[i] = TOTAL

    quantity_raw = column("quantity")
    qty = parse_numbers(quantity_raw, ctx.cache("quantity")) if quantity_raw is not None \
        else np.full(n, np.nan)
    _unlabelled_sums(rows, status, cat, qty, ctx)

    rej = _Rejections(ctx, first_row, status)
    rej.add(cat == -3, "type", "missing-type", "row has values but no equipment type",
            "fill in the equipment type, or delete the row")
    rej.add(cat == -1, "type", "unknown-type", lambda v: f"unknown equipment type {text(v)!r}",
            lambda v: ctx.matcher.match(text(v))[1], labels)

    qty_default = np.isnan(qty)
    rej.add(np.isinf(qty), "quantity", "invalid-quantity",
            lambda v: f"quantity {text(v)!r} is not a number", "write the quantity in digits, e.g. 10",
            quantity_raw)
    rej.add(np.isfinite(qty) & (qty < 0), "quantity", "negative-quantity",
            lambda v: f"negative quantity {text(v)}", "quantities must be zero or more",
            quantity_raw)
    quantity = np.where(qty_default, 1.0, qty)
    quantity_src = np.where(qty_default, DEFAULT, INPUT).astype(np.int8)

    purchase, withdrawal = _dates(column, rej, ctx)
    lifetime = _number(column, "lifetime", rej, 0.0, 50.0, "invalid-lifetime",
                       "give the lifetime in years, more than 0 and at most 50", strict_min=True)
    months = _number(column, "lifetime_months", rej, 0.0, 600.0, "invalid-lifetime",
                     "give the lifetime in months, more than 0 and at most 600", strict_min=True)
    lifetime = np.where(np.isnan(lifetime), months / 12.0, lifetime)
    previous = _number(column, "previous_life", rej, 0.0, 50.0, "invalid-number",
                       "give the years of use before purchase, 0 to 50")
    condition, condition_src = _condition(column, rej)
    energy, energy_src = _energy(column, rej, n)
    country, country_src = _country(column, rej, fa, n)
    pue, rooms = _room(column, ctx, n, status)
    row_pue = _number(column, "pue", rej, 1.0, 5.0, "invalid-pue",
                      "give a PUE between 1 and 5, or leave it blank for the server room's PUE")
    pue = np.where(np.isnan(row_pue), pue, row_pue)

    unit_price = _number(column, "unit_price", rej, 0.0, 1e7, "invalid-number",
                         "give the unit price in euros, e.g. 899 or 899,90")
    amount = _number(column, "amount", rej, 0.0, 1e9, "invalid-number",
                     "give the line's amount in euros")
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
        row_number=(first_row + np.flatnonzero(keep)).astype(np.int32),
        room_names=rooms[1],
    )
    fleet.spend = np.where(np.isnan(amount), unit_price * quantity, amount)[keep]
    for fname in ("entity", "site", "project"):
        values = column(fname)
        if values is None:
            continue
        codes, names = _labels(values)
        setattr(fleet, fname, codes[keep])
        setattr(fleet, f"{fname}_names", names)
    return ChunkResult(fleet=fleet, issues=rej.issues(), status=status)


def _categories(labels, ctx: SheetContext) -> np.ndarray:
    """Category index per row; -1 unknown, -2 total row, -3 no type given."""
    def code(v) -> int:
        label = text(v)
        if not label:
            return -3
        return TOTAL_CODE if is_total_label(label) else ctx.matcher.match(label)[0]
    return map_distinct(labels, code, np.int64, ctx.cache("type"))


def _glpi_categories(cat: np.ndarray, item_types, labels, ctx: SheetContext) -> None:
    """Rows whose type is blank or unknown take their category from the GLPI class and
    sub-type ("Ordinateur" + "Portable" -> laptop)."""
    index = {c: i for i, c in enumerate(ctx.factors.categories)}
    for i in np.flatnonzero((cat == -1) | (cat == -3)):
        item = text(item_types[i])
        if not item:
            continue
        cid = glpi_category(item, text(labels[i]) if labels is not None else "")
        if cid in index:
            cat[i] = index[cid]


def _labels(values) -> tuple[np.ndarray, list[str]]:
    """Free-text labels (entity, site, room) -> integer codes and the code table;
    code 0 is the blank label."""
    table = {"": 0}
    codes = map_distinct(values, lambda v: table.setdefault(text(v), len(table)), np.int32)
    return codes, list(table)


def _unlabelled_sums(rows: list, status: np.ndarray, cat: np.ndarray, qty: np.ndarray,
                     ctx: SheetContext) -> None:
    """A row with no type, nothing but numbers in it, and a quantity equal to the sum of
    at least two rows above it (since the last blank or total row) is a formula total
    without a label: skip it as a total. Anything else without a type is rejected."""
    typed = cat >= 0
    contrib = np.where(typed & np.isfinite(qty), qty, np.where(typed, 1.0, 0.0))
    cs = np.cumsum(contrib)
    counts = np.cumsum(typed)
    bounds = np.flatnonzero((status == BLANK) | (status == TOTAL))
    date_cols = [ctx.columns[f] for f in ("purchase_date", "withdrawal_date")
                 if f in ctx.columns]
    for i in np.flatnonzero((cat == -3) & (status == ASSESSED) & np.isfinite(qty)):
        k = np.searchsorted(bounds, i) - 1
        if k >= 0:
            above, n_above = cs[i] - cs[bounds[k]], counts[i] - counts[bounds[k]]
        else:
            above, n_above = ctx.segment_sum + cs[i], ctx.segment_rows + counts[i]
        row = rows[i]
        if (n_above >= 2 and np.isclose(qty[i], above) and _only_numbers(row)
                and all(j >= len(row) or is_blank(row[j]) for j in date_cols)):
            status[i] = TOTAL
            bounds = np.sort(np.append(bounds, i))
    if len(bounds):
        ctx.segment_sum = float(cs[-1] - cs[bounds[-1]])
        ctx.segment_rows = int(counts[-1] - counts[bounds[-1]])
    elif len(cs):
        ctx.segment_sum += float(cs[-1])
        ctx.segment_rows += int(counts[-1])


def _only_numbers(row) -> bool:
    return all(is_blank(c) or np.isfinite(parse_number(c)) for c in row)


def _dates(column, rej: _Rejections, ctx: SheetContext):
    start = np.datetime64(f"{ctx.year}-01-01", "D")
    end = np.datetime64(f"{ctx.year}-12-31", "D")
    out = []
    for fname in ("purchase_date", "withdrawal_date"):
        raw = column(fname)
        if raw is None:
            out.append(np.full(len(rej.bad), np.datetime64("NaT"), dtype="datetime64[D]"))
            continue
        days = parse_column(raw, parse_date, ctx.cache(fname))
        rej.add(np.isinf(days), fname, "invalid-date",
                lambda v: f"cannot read date {text(v)!r}",
                "write dates as dd/mm/yyyy (or a year, e.g. 2021), between 1980 and 2100", raw)
        out.append(days_to_dates(days))
    purchase, withdrawal = out
    both = ~np.isnat(purchase) & ~np.isnat(withdrawal)
    rej.add(both & (withdrawal < purchase), "withdrawal_date", "date-order",
            "withdrawal date is before the purchase date", "check both dates")
    rej.add(~np.isnat(purchase) & (purchase > end), "purchase_date", "out-of-period",
            f"purchased after the assessed year {ctx.year}",
            "remove the row, or assess a later year with --year")
    rej.add(~np.isnat(withdrawal) & (withdrawal < start), "withdrawal_date", "out-of-period",
            f"withdrawn before the assessed year {ctx.year}",
            "remove the row, or assess an earlier year with --year")
    return purchase, withdrawal


def _number(column, fname, rej, lo, hi, code, hint, strict_min=False) -> np.ndarray:
    raw = column(fname)
    if raw is None:
        return np.full(len(rej.bad), np.nan)
    v = parse_numbers(raw, rej.ctx.cache(fname))
    too_low = (v <= lo) if strict_min else (v < lo)
    rej.add(np.isinf(v) | (np.isfinite(v) & (too_low | (v > hi))), fname, code,
            lambda x: f"{fname.replace('_', ' ')} {text(x)!r} is not valid", hint, raw)
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
    rej.add(codes == -1, "condition", "invalid-condition",
            lambda v: f"unknown condition {text(v)!r}",
            "write neuf / reconditionné / réemploi (new / refurbished / reused)", raw)
    src = np.where(codes == -2, DEFAULT, INPUT).astype(np.int8)
    return np.where(codes < 0, NEW, codes).astype(np.int8), src


def _energy(column, rej: _Rejections, n: int):
    def nums(fname, hi):
        raw = column(fname)
        if raw is None:
            return np.full(n, np.nan)
        v = parse_numbers(raw, rej.ctx.cache(fname))
        rej.add(np.isinf(v) | (np.isfinite(v) & ((v < 0) | (v > hi))), fname, "invalid-number",
                lambda x: f"{fname.replace('_', ' ')} {text(x)!r} is not valid",
                f"write a number between 0 and {hi:g}", raw)
        return np.where(np.isfinite(v), v, np.nan)

    kwh = nums("annual_kwh", 1e7)
    watts = nums("power_w", 1e5)
    hours_year = nums("hours_per_year", 8784)
    hours_day = nums("hours_per_day", 24)
    hours = np.where(np.isnan(hours_year), hours_day * 365.0, hours_year)
    from_power = watts * hours / 1000.0
    energy = np.where(np.isnan(kwh), from_power, kwh)
    half = np.isnan(kwh) & (np.isnan(watts) != np.isnan(hours))
    rej.add(half & ~np.isnan(watts), "power_w", "incomplete-power",
            "power given without hours of use: the category's default kWh is used",
            "add an 'Heures par an' or 'Heures par jour' column, or give kWh per year",
            severity="warning")
    rej.add(half & np.isnan(watts), "hours_per_year" if "hours_per_year" in rej.ctx.columns
            else "hours_per_day", "incomplete-power",
            "hours of use given without power: the category's default kWh is used",
            "add a 'Puissance (W)' column, or give kWh per year", severity="warning")
    src = np.where(~np.isnan(kwh), INPUT, np.where(~np.isnan(from_power), DERIVED, DEFAULT))
    return energy, src.astype(np.int8)


def _country(column, rej: _Rejections, fa: FactorArrays, n: int):
    raw = column("country")
    if raw is None:
        return np.full(n, fa.default_country), np.zeros(n, dtype=np.int8)
    index = fa.country_index()

    def code(v) -> int:
        t = text(v)
        if not t:
            return -1
        a3 = to_alpha3(t)
        return -2 if a3 is None else index.get(a3, -3)
    codes = map_distinct(raw, code, np.int64, rej.ctx.cache("country"))
    rej.add(codes == -2, "country", "unknown-country", lambda v: f"unknown country {text(v)!r}",
            "write an ISO 3166 code (FRA, DEU) or a country name", raw)
    rej.add(codes == -3, "country", "no-electricity-factor",
            lambda v: f"no electricity factor for country {text(v)!r} in the factor set",
            "use a factor set with that country (--factors), or leave the country blank for "
            "the default", raw)
    src = np.where(codes == -1, DEFAULT, INPUT).astype(np.int8)
    return np.where(codes < 0, fa.default_country, codes), src


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
