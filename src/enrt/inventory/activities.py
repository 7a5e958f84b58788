"""Hosted services, network traffic and prestations: one row per service or spend line.

A row names an activity of the factor set (its aliases: "VM", "Stockage", "Données
mobiles", "TMA", "Télécom"…) and gives either a quantity in the activity's unit (GB,
VM-year, vCPU-hour, TB-year…) or, for spend-based activities, an amount in euros
(ex. VAT), converted to k€ for the monetary ratio. Rows are few: a plain loop is fine.
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from ..factors.model import FactorSet
from ..issues import Issue
from ..messages import Named, named_unit
from ..normalize import fold
from .labels import LabelMatcher, is_total_label
from .sheet_context import column_letter
from .values import is_blank, parse_number, text

# written unit (folded) -> (canonical unit, multiplier to reach it)
UNITS = {
    "gb": ("GB", 1.0), "go": ("GB", 1.0), "gigaoctet": ("GB", 1.0), "gigaoctets": ("GB", 1.0),
    "to": ("TB-year", 1.0), "tb": ("TB-year", 1.0), "to an": ("TB-year", 1.0), "tb year": ("TB-year", 1.0), "to annee": ("TB-year", 1.0),
    "vm an": ("VM-year", 1.0), "vm year": ("VM-year", 1.0), "vm": ("VM-year", 1.0),
    "vcpu h": ("vCPU-hour", 1.0), "vcpu heure": ("vCPU-hour", 1.0), "vcpu hour": ("vCPU-hour", 1.0),
    "vcpu an": ("vCPU-year", 1.0), "vcpu year": ("vCPU-year", 1.0),
    "utilisateur an": ("user-year", 1.0), "user year": ("user-year", 1.0),
    "k": ("k€", 1.0), "k eur": ("k€", 1.0), "keur": ("k€", 1.0),
    "eur": ("k€", 0.001), "euro": ("k€", 0.001), "euros": ("k€", 0.001), "": (None, 1.0),
}
# units that count devices: a row with one of them (or none) may be equipment
COUNT_UNITS = {"", "u", "unite", "unites", "unit", "units", "piece", "pieces", "pc", "pcs",
               "nb", "nombre", "equipement", "equipements", "appareil", "appareils", "item",
               "items", "device", "devices", "poste", "postes"}
CONVERSIONS = {("vCPU-hour", "vCPU-year"): 1 / 8760, ("vCPU-year", "vCPU-hour"): 8760.0}


@dataclass(frozen=True)
class ActivityRow:
    activity: str
    quantity: float          # in the activity's unit
    label: str
    file: str
    sheet: str | None
    row: int


def unit_of(written: str) -> tuple[str | None, float] | None:
    key = fold(written.replace("€", " eur ").replace("/", " "))
    return UNITS.get(key)


def matcher_for(m: FactorSet) -> LabelMatcher:
    ids = tuple(m.activities)
    return LabelMatcher({a: [*act.aliases, *(x for x in (act.label_fr, act.label_en) if x)]
                         for a, act in m.activities.items()}, ids)


def read_activities(rows, columns: dict[str, int], m: FactorSet, file: str, sheet: str | None,
                    col_offset: int, summary, out: list[ActivityRow], issues: list[Issue],
                    matcher: LabelMatcher | None = None, equipment: LabelMatcher | None = None,
                    counted: bool = True) -> list[tuple[int, list]]:
    """Read (row number, cells) pairs as service rows. Rows naming equipment rather than a
    service (``equipment`` matcher) are returned, to be read as equipment rows; with
    ``counted`` False the rows were already counted as read (routed from another table)."""
    matcher = matcher or matcher_for(m)
    label_col = columns.get("activity", columns.get("type"))
    to_equipment: list[tuple[int, list]] = []

    def cell(row, f):
        j = columns.get(f) if f != "label" else label_col
        return row[j] if j is not None and j < len(row) else None

    def err(rownum, fname, msg_id, **values):
        j = label_col if fname == "label" else columns.get(fname)
        issues.append(Issue.make("error", msg_id, file=file, sheet=sheet, row=rownum,
                                 column=None if j is None else column_letter(col_offset + j),
                                 **values))

    for rownum, row in rows:
        if counted:
            summary.rows_read += 1
        label = text(cell(row, "label"))
        if all(is_blank(c) for c in row):
            summary.skip("blank")
            continue
        if is_total_label(label) or (not label and any(is_total_label(c) for c in row)):
            summary.skip("total")
            continue
        if not label:
            summary.rows_rejected += 1
            err(rownum, "label", "missing-type.service")
            continue
        idx, hint = matcher.match(label)
        if idx < 0 and equipment is not None and equipment.match(label)[0] >= 0 and \
                fold(text(cell(row, "unit"))) in COUNT_UNITS:
            to_equipment.append((rownum, row))      # "PC portable | 3 | u": a device
            continue
        summary.rows_rejected += 1                   # until the row proves valid
        if idx < 0:
            said = getattr(hint, "id", "") in ("type.did-you-mean", "type.ambiguous-word",
                                               "type.ambiguous-alias")
            err(rownum, "label", "unknown-activity", label=label,
                **({"hint": hint} if said else {}))
            continue
        aid = matcher.categories[idx]
        act = m.activities[aid]
        said_as = {"activity": Named(aid, act.label_fr, act.label_en),
                   "expected": named_unit(act.unit)}        # labels in the report's language
        qty = parse_number(cell(row, "quantity"))
        amount = parse_number(cell(row, "amount"))
        written = text(cell(row, "unit"))
        unit = unit_of(written) if written else (None, 1.0)
        if unit is None:
            err(rownum, "unit", "unknown-unit", unit=written, **said_as)
            continue
        if np.isinf(qty) or np.isinf(amount) or (not np.isnan(qty) and qty < 0) or \
                (not np.isnan(amount) and amount < 0):
            err(rownum, "quantity" if np.isinf(qty) or qty < 0 else "amount",
                "invalid-quantity.service")
            continue
        if act.unit == "k€" and np.isnan(qty) and not np.isnan(amount):
            value = amount / 1000.0                  # an amount is in euros
        elif not np.isnan(qty):
            canon, mult = unit
            canon = canon or act.unit
            if canon != act.unit and (canon, act.unit) not in CONVERSIONS:
                err(rownum, "unit", "unit-mismatch", unit=written, **said_as)
                continue
            value = qty * mult * CONVERSIONS.get((canon, act.unit), 1.0)
        else:
            err(rownum, "quantity", "invalid-quantity.no-quantity", **said_as, hint_id="invalid-quantity.no-quantity-amount"
                if act.unit == "k€" else None)
            continue
        summary.rows_rejected -= 1
        summary.rows_assessed += 1
        out.append(ActivityRow(aid, value, label, file, sheet, rownum))
    return to_equipment
