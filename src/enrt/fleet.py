"""Canonical equipment rows, held column-wise as numpy arrays.

Readers and mappers produce a ``Fleet``; the engine consumes it. Missing values are NaN
(floats) or NaT (dates); integer codes index label tables. ``*_src`` arrays record the
provenance of each row's value: 0 = default (from the factor set), 1 = input, 2 = derived.
"""
from __future__ import annotations

from dataclasses import dataclass, field, fields

import numpy as np

DEFAULT, INPUT, DERIVED = 0, 1, 2
LABELLED = ("entity", "site", "room", "project", "sheet")   # text kept as codes + names
PROVENANCE_NAMES = ("default", "input", "derived")
NEW, REFURBISHED, REUSED, REASSIGNED = 0, 1, 2, 3
SECOND_LIFE = (REFURBISHED, REUSED)     # acquired second-hand: previous use A applies


@dataclass
class Fleet:
    category: np.ndarray       # int16, index into FactorArrays.categories
    quantity: np.ndarray       # float64
    quantity_src: np.ndarray   # int8 provenance of the quantity (blank -> 1, default)
    purchase: np.ndarray       # datetime64[D], NaT if unknown
    withdrawal: np.ndarray     # datetime64[D], NaT if unknown
    lifetime: np.ndarray       # float64 years, NaN -> category default
    condition: np.ndarray      # int8 NEW / REFURBISHED / REUSED / REASSIGNED (internal)
    condition_src: np.ndarray  # int8 provenance of the condition (blank -> new, default)
    previous_life: np.ndarray  # float64 years, NaN -> category default
    energy_kwh: np.ndarray     # float64 kWh/year, NaN -> category default
    energy_src: np.ndarray     # int8 provenance of the energy
    country: np.ndarray        # int16, index into FactorArrays.countries
    country_src: np.ndarray    # int8 provenance of the country
    pue: np.ndarray            # float64, NaN -> default rule (DESIGN §5)
    entity: np.ndarray         # int32, index into entity_names
    site: np.ndarray           # int32, index into site_names
    project: np.ndarray        # int32, index into project_names (connected-territory project)
    spend: np.ndarray          # float64 purchase spend of the row (EUR), NaN = unknown
    room: np.ndarray           # int32, index into room_names (0 = none)
    input_index: np.ndarray    # int16, which input file
    row_number: np.ndarray     # int32, 1-based spreadsheet row
    sheet: np.ndarray          # int32, index into sheet_names (0 = a CSV, no sheet)
    entity_names: list[str] = field(default_factory=lambda: [""])
    site_names: list[str] = field(default_factory=lambda: [""])
    project_names: list[str] = field(default_factory=lambda: [""])
    room_names: list[str] = field(default_factory=lambda: [""])
    sheet_names: list[str] = field(default_factory=lambda: [""])

    def __len__(self) -> int:
        return len(self.category)

    @classmethod
    def empty(cls) -> "Fleet":
        return cls.from_columns(0)

    @classmethod
    def from_columns(cls, n: int, **columns) -> "Fleet":
        """A fleet of ``n`` rows; columns not given hold their 'missing' value."""
        blank = {
            "category": np.zeros(n, np.int16), "quantity": np.ones(n),
            "quantity_src": np.zeros(n, np.int8), "condition_src": np.zeros(n, np.int8),
            "purchase": np.full(n, np.datetime64("NaT"), "datetime64[D]"),
            "withdrawal": np.full(n, np.datetime64("NaT"), "datetime64[D]"),
            "lifetime": np.full(n, np.nan), "condition": np.zeros(n, np.int8),
            "previous_life": np.full(n, np.nan), "energy_kwh": np.full(n, np.nan),
            "energy_src": np.zeros(n, np.int8), "country": np.zeros(n, np.int16),
            "country_src": np.zeros(n, np.int8), "pue": np.full(n, np.nan),
            "entity": np.zeros(n, np.int32), "site": np.zeros(n, np.int32),
            "project": np.zeros(n, np.int32), "spend": np.full(n, np.nan),
            "room": np.zeros(n, np.int32), "input_index": np.zeros(n, np.int16),
            "row_number": np.zeros(n, np.int32), "sheet": np.zeros(n, np.int32),
        }
        blank.update(columns)
        return cls(**blank)

    def take(self, mask: np.ndarray) -> "Fleet":
        """The rows selected by ``mask``; label tables are kept as they are."""
        return Fleet(**{f.name: getattr(self, f.name) if f.name.endswith("_names")
                        else getattr(self, f.name)[mask] for f in fields(Fleet)})

    @staticmethod
    def concat(parts: list["Fleet"]) -> "Fleet":
        """Join fleets, re-coding the free-text labels into one table each."""
        if not parts:
            return Fleet.empty()
        if len(parts) == 1:
            return parts[0]
        out = {}
        for f in fields(Fleet):
            if f.name.endswith("_names"):
                continue
            if f.name in LABELLED:
                continue
            out[f.name] = np.concatenate([getattr(p, f.name) for p in parts])
        for name in LABELLED:
            table: dict[str, int] = {"": 0}
            coded = []
            for p in parts:
                labels = getattr(p, f"{name}_names")
                remap = np.array([table.setdefault(lab, len(table)) for lab in labels],
                                 dtype=np.int32)
                coded.append(remap[getattr(p, name)])
            out[name] = np.concatenate(coded)
            out[f"{name}_names"] = list(table)
        return Fleet(**out)
