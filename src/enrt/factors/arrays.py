"""A factor set turned into numpy arrays indexed by category and country.

The engine gathers from these arrays with integer codes, so a million rows cost a few
array operations, not a million dictionary look-ups.
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from .loader import LoadedFactorSet
from .model import CATEGORY_IDS, Value


@dataclass(frozen=True)
class FactorArrays:
    categories: tuple[str, ...]
    criteria: tuple[str, ...]
    manufacture: np.ndarray        # (n_categories, n_criteria), NaN = not covered
    lifetime: np.ndarray           # (n_categories,) years
    annual_kwh: np.ndarray         # (n_categories,)
    previous_life: np.ndarray      # (n_categories,) years
    datacenter: np.ndarray         # (n_categories,) bool
    countries: tuple[str, ...]
    electricity: np.ndarray        # (n_countries, n_criteria) per kWh, NaN = not covered
    electricity_year: np.ndarray   # (n_countries, n_criteria) reference year used, 0 = none
    default_country: int
    default_pue: float

    def country_index(self) -> dict[str, int]:
        return {c: i for i, c in enumerate(self.countries)}


def pick_year(values: list[Value], year: int) -> Value:
    """The value for ``year``: the latest reference year not after it, else the earliest."""
    ordered = sorted(values, key=lambda v: v.year)
    before = [v for v in ordered if v.year <= year]
    return before[-1] if before else ordered[0]


def build_arrays(fs: LoadedFactorSet, year: int) -> FactorArrays:
    m = fs.model
    cats = tuple(c for c in CATEGORY_IDS if c in m.categories)
    crits = tuple(m.criteria)
    manuf = np.full((len(cats), len(crits)), np.nan)
    for i, cid in enumerate(cats):
        for j, k in enumerate(crits):
            v = m.categories[cid].manufacture.get(k)
            if v is not None:
                manuf[i, j] = v.value
    countries = tuple(sorted(m.electricity))
    elec = np.full((len(countries), len(crits)), np.nan)
    elec_year = np.zeros((len(countries), len(crits)), dtype=np.int32)
    for i, code in enumerate(countries):
        for j, k in enumerate(crits):
            values = getattr(m.electricity[code], k, None)
            if values:
                v = pick_year(values, year)
                elec[i, j] = v.value
                elec_year[i, j] = v.year
    return FactorArrays(
        categories=cats, criteria=crits, manufacture=manuf,
        lifetime=np.array([m.categories[c].lifetime_years.value for c in cats], dtype=float),
        annual_kwh=np.array([m.categories[c].annual_kwh.value for c in cats], dtype=float),
        previous_life=np.array([m.categories[c].previous_life_years.value for c in cats],
                               dtype=float),
        datacenter=np.array([m.categories[c].datacenter for c in cats], dtype=bool),
        countries=countries, electricity=elec, electricity_year=elec_year,
        default_country=countries.index(m.defaults.country),
        default_pue=float(m.defaults.pue.value),
    )
