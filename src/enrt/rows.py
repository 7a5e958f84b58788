"""Every assessed row with its values, where each value came from, and its impacts.

The ledger keeps no row; the row-level formats (the CSV of rows, the xlsx sheet of
assessed rows) ask the pipeline for this table, built from the same weights.
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from .compute import Weights
from .factors.arrays import FactorArrays
from .fleet import DEFAULT, DERIVED, INPUT, NEW, PROVENANCE_NAMES, REASSIGNED, REFURBISHED, \
    REUSED, Fleet

CONDITION_NAMES = {NEW: "new", REFURBISHED: "refurbished", REUSED: "reused",
                   REASSIGNED: "reassigned"}


@dataclass
class RowTable:
    """Column arrays, one entry per assessed row (codes index the ``*_names`` lists)."""

    inputs: list[str]               # input paths, by input index
    input_index: np.ndarray
    sheet: np.ndarray
    sheet_names: list[str]
    row_number: np.ndarray
    category: np.ndarray
    categories: tuple[str, ...]
    quantity: np.ndarray
    lifetime: np.ndarray            # L used (years)
    share: np.ndarray               # yearly manufacture share s
    annual_kwh: np.ndarray          # E used, per unit
    pue: np.ndarray                 # PUE used
    country: np.ndarray
    countries: tuple[str, ...]
    condition: np.ndarray
    criteria: tuple[str, ...]
    manufacture: np.ndarray         # (rows, k), NaN where not covered
    use: np.ndarray                 # (rows, k), NaN where not covered
    provenance: dict[str, np.ndarray]   # field -> codes (INPUT / DEFAULT / DERIVED)

    def __len__(self) -> int:
        return len(self.row_number)

    @staticmethod
    def provenance_name(code: int) -> str:
        return PROVENANCE_NAMES[code]


def row_table(fleet: Fleet, w: Weights, fa: FactorArrays, inputs: list[str],
              method: str) -> RowTable:
    lifetime_src = np.where(np.isnan(fleet.lifetime), DEFAULT, INPUT).astype(np.int8)
    if method == "numecoeval":
        lifetime_src[~np.isnat(fleet.purchase)] = DERIVED
    pue_src = np.where(~np.isnan(fleet.pue), INPUT, DEFAULT).astype(np.int8)   # row or room
    return RowTable(
        inputs=list(inputs), input_index=fleet.input_index, sheet=fleet.sheet,
        sheet_names=list(fleet.sheet_names), row_number=fleet.row_number,
        category=fleet.category, categories=fa.categories, quantity=fleet.quantity,
        lifetime=w.lifetime, share=w.share, annual_kwh=w.energy, pue=w.pue,
        country=fleet.country, countries=fa.countries, condition=fleet.condition,
        criteria=fa.criteria,
        manufacture=w.manufacture[:, None] * fa.manufacture[fleet.category],
        use=w.use[:, None] * fa.electricity[fleet.country],
        provenance={"quantity": fleet.quantity_src, "lifetime": lifetime_src,
                    "annual_kwh": fleet.energy_src, "pue": pue_src,
                    "country": fleet.country_src, "condition": fleet.condition_src})
