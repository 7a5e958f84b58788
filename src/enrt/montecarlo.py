"""Monte Carlo on the ledger: how sure each total is, and which inputs make it unsure.

Impacts are weights × factors, so a draw multiplies the ledger's sums by drawn factors
(and by drawn multipliers for the inputs the inventory left blank); its cost grows with
categories × countries, never with rows. Correlations that matter are kept: one draw of a
category's factor serves every row of that category, one draw of a country's electricity
factor every row in that country, one draw of a blank input's multiplier every row that
left it blank (per category for lifetimes and kWh). Criteria are drawn independently of
each other. The central value stays the deterministic result; the draws give the median
and the 5th and 95th percentiles. docs/uncertainty.md has the model and its limits.
"""
from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np

from .factors.arrays import FactorArrays, pick_year
from .factors.model import FactorSet
from .ledger import Ledger
from .spreads import BLANK_COUNTRY, BLANK_QUANTITY, ELECTRICITY, LEVEL_GSD, of_value

DEFAULT_DRAWS = 10_000
DEFAULT_SEED = 20251231          # a fixed seed: the same command gives the same JSON
PERCENTILES = (5.0, 50.0, 95.0)


@dataclass
class Sensitivity:
    """One input's first-order share of the variance of a criterion's total."""

    input: str                   # "manufacture:laptop", "electricity:FRA", "lifetime:laptop",
    #                              "annual_kwh:laptop", "quantity", "country"
    share: float
    units: float = 0.0           # units of the rows concerned (blank inputs)


@dataclass
class Simulation:
    draws: int
    seed: int
    # criterion -> phase ("manufacture", "use", "total") -> (p5, p50, p95)
    totals: dict[str, dict[str, tuple[float, float, float]]] = field(default_factory=dict)
    # criterion -> category -> (p5, p50, p95) of the category's total
    by_category: dict[str, dict[str, tuple[float, float, float]]] = field(default_factory=dict)
    sensitivity: dict[str, list[Sensitivity]] = field(default_factory=dict)
    # "entity" | "site" | "project" -> line name -> (p5, p50, p95) of its gwp total
    lines: dict[str, dict[str, tuple[float, float, float]]] = field(default_factory=dict)
    total_draws: dict[str, np.ndarray] = field(default_factory=dict)   # with keep=True


def simulate(ledger: Ledger, model: FactorSet, fa: FactorArrays, year: int,
             draws: int = DEFAULT_DRAWS, seed: int = DEFAULT_SEED, keep: bool = False
             ) -> Simulation:
    """Draw the factors and the blank inputs ``draws`` times over the ledger's sums.
    Each uncertain number has its own stream of draws, keyed by what it is (the seed, its
    kind, criterion, category or country), so two ledgers of the same set draw the same
    values for the same factors: differences between runs (enrt simulate) are paired.
    ``keep``: the total's draws are kept too (``total_draws``)."""
    if ledger.split_manufacture is None:
        raise ValueError("the ledger was made without split=True")
    cats = list(fa.categories)
    sm = ledger.split_manufacture.sum(axis=0)              # (c, 4): bq*2 + bl
    su = ledger.split_use.sum(axis=0)                      # (c, n, 8): bq*4 + bk*2 + bc
    used_n = np.flatnonzero(su.any(axis=(0, 2)))
    su = su[:, used_n, :]
    units = ledger.split_units.sum(axis=0)                 # (c, 4)
    present = np.flatnonzero(sm.any(axis=1) | su.any(axis=(1, 2)))
    levels = {c: model.categories[c].confidence for c in cats}
    gsd = {**LEVEL_GSD, **(model.defaults.spread_gsd or {})}   # the set's own, if given

    # blank inputs: one multiplier per run (quantity, country), per category (lifetime, kWh)
    q = BLANK_QUANTITY.draw(1.0, _rng(seed, 1), draws)
    ctry = BLANK_COUNTRY.draw(1.0, _rng(seed, 2), draws)
    life_inv = np.ones((draws, len(cats)))
    kwh = np.ones((draws, len(cats)))
    for c in present:
        cat = model.categories[cats[c]]
        if sm[c, 1] or sm[c, 3]:
            central = float(cat.lifetime_years.value)
            spread = of_value(cat.lifetime_years, levels[cats[c]], gsd)
            life_inv[:, c] = central / spread.draw(central, _rng(seed, 3, c), draws)
        if su[c, :, [2, 3, 6, 7]].any():
            central = float(cat.annual_kwh.value)
            if central > 0:
                kwh[:, c] = of_value(cat.annual_kwh, levels[cats[c]], gsd).draw(
                    central, _rng(seed, 4, c), draws) / central
    # coefficient of each category's manufacture factor, and of each country's
    # electricity factor, in every draw
    a = (sm[:, 0] + sm[:, 1] * life_inv) + q[:, None] * (sm[:, 2] + sm[:, 3] * life_inv)
    b = np.zeros((draws, len(cats), len(used_n)))
    for code in range(8):
        part = su[:, :, code]
        if not part.any():
            continue
        mult = np.ones((draws, len(cats)))
        if code & 4:
            mult = mult * q[:, None]
        if code & 2:
            mult = mult * kwh
        if code & 1:
            mult = mult * ctry[:, None]
        b += mult[:, :, None] * part[None, :, :]

    sim = Simulation(draws=draws, seed=seed)
    a0, b0 = sm.sum(axis=1), su.sum(axis=2)                    # central coefficients
    for k, crit in enumerate(fa.criteria):
        m_draws = np.zeros((draws, len(cats)))
        m_central = np.nan_to_num(fa.manufacture[:, k])
        for c in present:
            value = model.categories[cats[c]].manufacture.get(crit)
            if value is not None and np.isfinite(fa.manufacture[c, k]):
                m_draws[:, c] = of_value(value, levels[cats[c]], gsd).draw(
                    float(fa.manufacture[c, k]), _rng(seed, 5, k, c), draws)
        e_draws = np.zeros((draws, len(used_n)))
        e_central = np.nan_to_num(fa.electricity[used_n, k])
        for j, n in enumerate(used_n):
            values = getattr(model.electricity[fa.countries[n]], crit, None)
            if values and np.isfinite(fa.electricity[n, k]):
                e_draws[:, j] = of_value(pick_year(values, year), ELECTRICITY, gsd).draw(
                    float(fa.electricity[n, k]), _rng(seed, 6, k, n), draws)
        manufacture_c = a * m_draws                              # (draws, c)
        use_c = np.einsum("dcn,dn->dc", b, e_draws)
        total_c = manufacture_c + use_c
        man, use = manufacture_c.sum(axis=1), use_c.sum(axis=1)
        sim.totals[crit] = {"manufacture": _pct(man), "use": _pct(use),
                            "total": _pct(man + use)}
        if keep:
            sim.total_draws[crit] = man + use
        sim.by_category[crit] = {cats[c]: _pct(total_c[:, c]) for c in present}
        if crit == "gwp" and ledger.split_lines:
            e_full = np.zeros((draws, len(fa.countries)))
            e_full[:, used_n] = e_draws
            for name, split in ledger.split_lines.items():
                names = getattr(ledger, name).names
                totals = _line_totals(split, m_draws, e_full, q, ctry, life_inv, kwh)
                p5, p50, p95 = np.percentile(totals, PERCENTILES, axis=0)
                sim.lines[name] = {(names[g] or "(unspecified)"): (float(p5[g]), float(p50[g]),
                                                                   float(p95[g]))
                                   for g in range(len(names))}
        sim.sensitivity[crit] = _sensitivity(
            cats, fa, present, used_n, sm, su, units, a0, b0, m_central, e_central,
            m_draws, e_draws, life_inv, kwh, q, ctry)
    return sim


def _rng(seed: int, *key: int) -> np.random.Generator:
    """The stream of one uncertain number: the same seed and key, the same draws."""
    return np.random.default_rng([seed, *(int(x) for x in key)])


def _line_totals(split, m_draws, e_full, q, ctry, life_inv, kwh) -> np.ndarray:
    """(draws, lines): each line's drawn total, as draws of each (category, blank inputs)
    and (category, country, blank inputs) combination that some line has, times the
    lines' weights for it (one matrix product)."""
    gm, gu, used = split
    draws, weights = [], []
    for c, b in np.argwhere(gm.any(axis=0)):
        x = m_draws[:, c] * (q if b & 2 else 1.0) * (life_inv[:, c] if b & 1 else 1.0)
        draws.append(x)
        weights.append(gm[:, c, b])
    for c, n, b in np.argwhere(gu.any(axis=0)):
        x = e_full[:, used[n]] * (q if b & 4 else 1.0) * (kwh[:, c] if b & 2 else 1.0) * \
            (ctry if b & 1 else 1.0)
        draws.append(x)
        weights.append(gu[:, c, n, b])
    if not draws:
        return np.zeros((len(q), gm.shape[0]))
    return np.stack(draws, axis=1) @ np.stack(weights, axis=0)


def _pct(x: np.ndarray) -> tuple[float, float, float]:
    p5, p50, p95 = np.percentile(x, PERCENTILES)
    return float(p5), float(p50), float(p95)


def _sensitivity(cats, fa, present, used_n, sm, su, units, a0, b0, m_central, e_central,
                 m_draws, e_draws, life_inv, kwh, q, ctry) -> list[Sensitivity]:
    """First-order shares: the variance of the total when one input alone is drawn (the
    others at their central value), over the sum of those variances. The total is linear
    in each input taken alone, so each variance is a coefficient squared times the
    input's variance over the draws."""
    out: list[tuple[str, float, float]] = []
    for c in present:
        out.append((f"manufacture:{cats[c]}", a0[c] ** 2 * np.var(m_draws[:, c]), 0.0))
        life_coef = m_central[c] * (sm[c, 1] + sm[c, 3])
        if life_coef:
            out.append((f"lifetime:{cats[c]}", life_coef ** 2 * np.var(life_inv[:, c]),
                        float(units[c, 0])))
        kwh_coef = float(su[c, :, [2, 3, 6, 7]].sum(axis=0) @ e_central)
        if kwh_coef:
            out.append((f"annual_kwh:{cats[c]}", kwh_coef ** 2 * np.var(kwh[:, c]),
                        float(units[c, 1])))
    for j, n in enumerate(used_n):
        out.append((f"electricity:{fa.countries[n]}", b0[:, j].sum() ** 2 *
                    np.var(e_draws[:, j]), 0.0))
    q_coef = float(m_central @ (sm[:, 2] + sm[:, 3]) + (su[:, :, 4:].sum(axis=2) @ e_central)
                   .sum())
    if q_coef:
        out.append(("quantity", q_coef ** 2 * np.var(q), float(units[:, 2].sum())))
    c_coef = float((su[:, :, 1::2].sum(axis=2) @ e_central).sum())
    if c_coef:
        out.append(("country", c_coef ** 2 * np.var(ctry), float(units[:, 3].sum())))
    total = sum(v for _, v, _ in out)
    if not total > 0:
        return []
    ranked = sorted(out, key=lambda t: (-t[1], t[0]))
    return [Sensitivity(name, float(v / total), u) for name, v, u in ranked if v > 0]
