"""Row routing: what each row is before its values are read.

The category (or why there is none), and the rows that are there but not in the fleet:
hidden, not in use, virtual machines, section headings, totals without a label; and the
service rows met in an equipment sheet, sent to the services table.
"""
from __future__ import annotations

import numpy as np

from ..messages import hint as _hint, term
from ..normalize import fold
from . import glpi
from .labels import MAX_LABEL, NO_CATEGORY, NO_TYPE, UNKNOWN, is_total_label, mentions_total
from .sheet_context import (ASSESSED, BLANK, HEADING, HIDDEN, NOT_IN_USE, SERVICE, TOTAL,
                            TOTAL_CODE, VIRTUAL_ROW, SheetContext)
from .statuses import IN_USE, MEANINGS, REASONS, STOCK
from .values import is_blank, map_distinct, parse_number, text


def categories(labels, item_types, ctx: SheetContext, n: int) -> tuple[np.ndarray, dict]:
    """Category index per row, or a negative code (labels.UNKNOWN, NO_TYPE, TOTAL_LABEL,
    NO_CATEGORY, AMBIGUOUS, glpi.VIRTUAL); and the hint of each refused label."""
    hints = ctx.cache("type_hints")

    def code(label: str, glpi_class: str | None, shown: str | None = None) -> int:
        if not label and glpi_class is None:
            return NO_TYPE
        if len(label) > MAX_LABEL:
            hints[shown or label] = _hint("type.too-long", n=len(label))
            return UNKNOWN
        if is_total_label(label):
            return TOTAL_CODE
        idx, hint = glpi.category_of(glpi_class, label, ctx.matcher) if glpi_class \
            else ctx.matcher.match(label)
        if idx == UNKNOWN and mentions_total(label):
            return TOTAL_CODE
        if hint:
            hints[shown or label] = hint
        return idx

    if item_types is None:
        return map_distinct(labels, lambda v: code(text(v), ctx.glpi_class), np.int64,
                            ctx.cache("type")), hints

    def pair(p) -> int:                       # GLPI global view: (item type, sub-type)
        item, sub = text(p[0]), text(p[1])
        cls = glpi.class_of(item) if item else ctx.glpi_class
        if fold(item) in glpi.NOT_EQUIPMENT:
            return glpi.VIRTUAL                 # licences, certificates: not devices
        if item and cls is None:
            hints[sub or item] = _hint("type.glpi-item", item=item)
            return NO_CATEGORY
        return code(sub, cls, sub or item)
    pairs = list(zip(item_types, labels if labels is not None else (None,) * n))
    return map_distinct(pairs, pair, np.int64, ctx.cache("type_pairs")), hints


def skip_rows(rows, status, cat, labels, column, units, row_numbers, ctx: SheetContext
               ) -> np.ndarray:
    """Rows that are there but not in the fleet: hidden, not in use, virtual machines,
    section headings; and service rows met in an equipment sheet (routed). Returns the
    rows whose status word is unknown (rejected later)."""
    def skip(mask, state, reason, detail=""):
        if mask.any():
            status[mask] = state
            ctx.note_skip(reason, detail, row_numbers[mask], float(units[mask].sum()))

    if ctx.hidden_rows is not None and len(ctx.hidden_rows):
        skip((status == ASSESSED) & np.isin(row_numbers, ctx.hidden_rows), HIDDEN, "hidden")
    unknown_status = np.zeros(len(status), dtype=bool)
    raw = column("status")
    if raw is not None:
        table = ctx.statuses

        def meaning(v) -> int:               # -2 blank (in use), -1 unknown
            t = text(v)
            m = table.meaning(t) if t else IN_USE
            return -1 if m is None else (-2 if m == IN_USE else MEANINGS.index(m))
        codes = map_distinct(raw, meaning, np.int64, ctx.cache("status"))
        out = (status == ASSESSED) & (codes > 0)
        if ctx.count_stock:
            out &= codes != MEANINGS.index(STOCK)
        words: dict[str, list[int]] = {}          # folded word -> rows ("En stock" = "EN STOCK")
        shown: dict[str, str] = {}
        for i in np.flatnonzero(out):
            key = fold(text(raw[i]))
            words.setdefault(key, []).append(i)
            shown.setdefault(key, text(raw[i]))
        for key, idx in sorted(words.items()):
            word = shown[key]
            mask = np.zeros(len(status), dtype=bool)
            mask[idx] = True
            skip(mask, NOT_IN_USE, "not_in_use",
                 term("skip.status", word=word, meaning=REASONS[MEANINGS[codes[idx[0]]]]))
        unknown_status = (status == ASSESSED) & (codes == -1)
    skip((status == ASSESSED) & (cat == glpi.VIRTUAL), VIRTUAL_ROW, "not_physical",
         term("skip.not-physical"))
    for i in np.flatnonzero((status == ASSESSED) & (cat == UNKNOWN)):
        label = text(labels[i]) if labels is not None else ""
        if len(label) > MAX_LABEL:
            continue
        if sum(1 for c in rows[i] if not is_blank(c)) == 1:
            mask = np.zeros(len(status), dtype=bool)
            mask[i] = True
            skip(mask, HEADING, "heading", label)
        elif ctx.activity_matcher is not None and ctx.activity_matcher.match(label)[0] >= 0:
            status[i] = SERVICE
    return unknown_status


def unlabelled_sums(rows: list, status: np.ndarray, cat: np.ndarray, qty: np.ndarray,
                     ctx: SheetContext) -> None:  # noqa: C901
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
    for i in np.flatnonzero((cat == NO_TYPE) & (status == ASSESSED) & np.isfinite(qty)):
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


