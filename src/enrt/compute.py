"""The vectorised engine (DESIGN §5): manufacture and use impacts of every row at once.

Per-row work is reduced to two weights: ``w_manufacture = q × s`` (units of embodied
impact per year) and ``w_use = q × E × PUE`` (kWh per year). Impacts are these weights,
summed by category (and country for use), times the factor arrays. Keeping the summed
weights lets uncertainty be propagated later at a cost in factors, not rows.
"""
from __future__ import annotations

from dataclasses import dataclass, replace

import numpy as np

from .factors.arrays import FactorArrays
from .fleet import SECOND_LIFE, Fleet

METHODS = ("linear", "numecoeval")
SECOND_LIFE_RULES = ("row", "fleet")   # previous use added per row, or RCP fleet formula


@dataclass(frozen=True)
class Weights:
    """Per-row intermediate values the impacts are built from."""

    lifetime: np.ndarray        # L, years (row value or category default)
    lifetime_eff: np.ndarray    # L_eff = L + A for refurbished/reused rows
    share: np.ndarray           # s, yearly manufacture share
    amortised: np.ndarray       # bool, fully amortised (linear method)
    energy: np.ndarray          # E, kWh/year per unit
    pue: np.ndarray             # PUE applied
    manufacture: np.ndarray     # q × s
    use: np.ndarray             # q × E × PUE


def as_of(year: int) -> np.datetime64:
    return np.datetime64(f"{year}-12-31", "D")


def _year_of(days: np.ndarray) -> np.ndarray:
    """Calendar year of datetime64[D] values (NaT -> 0), through a per-day lookup table:
    numpy's own datetime64[D] -> [Y] conversion is several times slower."""
    raw = days.view(np.int64)
    known = raw != np.iinfo(np.int64).min
    idx = np.where(known, raw - _YEAR_TABLE_START, 0)
    np.clip(idx, 0, len(_YEAR_TABLE) - 1, out=idx)
    return np.where(known, _YEAR_TABLE[idx], 0)


_YEAR_TABLE_START = int(np.datetime64("1970-01-01", "D").view(np.int64))
_YEAR_TABLE = (np.arange(0, 365 * 140, dtype=np.int64).astype("datetime64[D]")
               .astype("datetime64[Y]").astype(np.int64) + 1970).astype(np.int32)


BLOCK = 1 << 15          # rows per block: the temporaries of a block stay in the CPU cache


def row_weights(fleet: Fleet, fa: FactorArrays, year: int, method: str = "linear",
                second_life_rule: str = "row") -> Weights:
    """Each row's lifetime, manufacture share, energy and PUE, and its weights. Every
    value depends on its row alone (and, for the fleet rule, on per-category sums made
    first), so the rows are computed in blocks of ``BLOCK``: the dozen temporaries of a
    block stay in cache, where whole-column temporaries of millions of rows would not.
    The results are the same, element by element, as in one pass."""
    if method not in METHODS:
        raise ValueError(f"unknown method {method!r}")
    if second_life_rule not in SECOND_LIFE_RULES:
        raise ValueError(f"unknown second-life rule {second_life_rule!r}")
    n = len(fleet)
    added = previous_use(fleet, fa, second_life_rule)
    out = {name: np.empty(n) for name in ("lifetime", "lifetime_eff", "share", "energy", "pue",
                                           "manufacture", "use")}
    amortised = np.zeros(n, dtype=bool)
    default_pue = np.where(fa.datacenter, fa.default_pue, 1.0)
    stop_day = as_of(year)
    for start in range(0, n, BLOCK):
        sl = slice(start, min(start + BLOCK, n))
        cat = fleet.category[sl]
        given = fleet.lifetime[sl]
        lifetime = np.where(np.isnan(given), fa.lifetime[cat], given)
        purchase = fleet.purchase[sl]
        known = ~np.isnat(purchase)
        if method == "linear":
            # 1/L_eff for each full year of service, (L - floor(L))/L_eff in the year after
            # the last full one, 0 after: the shares of a life add up to L/L_eff (1 new)
            age = year - _year_of(purchase)
            full = np.floor(lifetime)
            life_eff = lifetime + added[sl]
            share = np.where(known & (age >= full), (lifetime - full) / life_eff,
                             1.0 / life_eff)
            share[known & (age > full)] = 0.0
            amortised[sl] = known & (share == 0.0)
        else:  # numecoeval: lifetime from dates, at least one year
            withdrawal = fleet.withdrawal[sl]
            end = np.where(np.isnat(withdrawal), stop_day, withdrawal)
            days = (end - purchase).astype(np.float64)
            lifetime = np.where(known, np.maximum(days / 365.0, 1.0), lifetime)
            life_eff = lifetime + added[sl]
            share = 1.0 / life_eff
        kwh = fleet.energy_kwh[sl]
        energy = np.where(np.isnan(kwh), fa.annual_kwh[cat], kwh)
        # a row in a server room (named, even if the room is not described) or of a
        # data-centre category takes the default PUE; other rows PUE 1
        in_room = np.where(fleet.room[sl] > 0, fa.default_pue, default_pue[cat])
        given_pue = fleet.pue[sl]
        pue = np.where(np.isnan(given_pue), in_room, given_pue)
        q = fleet.quantity[sl]
        out["lifetime"][sl] = lifetime
        out["lifetime_eff"][sl] = life_eff
        out["share"][sl] = share
        out["energy"][sl] = energy
        out["pue"][sl] = pue
        out["manufacture"][sl] = q * share
        out["use"][sl] = q * energy * pue
    return Weights(amortised=amortised, **out)


def previous_use(fleet: Fleet, fa: FactorArrays, rule: str = "row") -> np.ndarray:
    """Years A added to each row's lifetime (L_eff = L + A). Rule "row": the row's previous
    use ("durée d'usage amont"), else the set's category default (0 in the shipped sets, as
    the RCP rules without proof), for devices acquired refurbished or reused; new and
    internally reassigned devices add nothing. Rule "fleet" (the RCP fleet formula): every
    row of a category adds sum(q × A over its second-life rows) / sum(q over its rows),
    i.e. A × the refurbished share of the category."""
    cat = fleet.category
    previous = np.where(np.isnan(fleet.previous_life), fa.previous_life[cat], fleet.previous_life)
    second = (fleet.condition == SECOND_LIFE[0]) | (fleet.condition == SECOND_LIFE[1])
    added = np.where(second, previous, 0.0)
    if rule == "row":
        return added
    n = len(fa.categories)
    q_all = np.bincount(cat, weights=fleet.quantity, minlength=n)
    qa = np.bincount(cat, weights=fleet.quantity * added, minlength=n)
    per_cat = np.divide(qa, q_all, out=np.zeros(n), where=q_all > 0)
    return per_cat[cat]


def apply_room_meters(w: Weights, row_group: np.ndarray, measured: np.ndarray
                      ) -> tuple[Weights, np.ndarray]:
    """Rows in a server room whose yearly kWh is measured get their use weights scaled
    so that together they use the measured kWh (PUE already inside the figure); the
    split between rows, hence categories and countries, follows the estimates.

    ``row_group`` gives each row's room group (0: no room); ``measured[g]`` the kWh of
    group g (NaN: not metered). Returns the new weights and the estimate per group."""
    estimated = np.bincount(row_group, weights=w.use, minlength=len(measured))
    scale = np.ones(len(measured))
    ok = ~np.isnan(measured) & (estimated > 0)
    scale[ok] = measured[ok] / estimated[ok]
    scale[0] = 1.0
    return replace(w, use=w.use * scale[row_group]), estimated


@dataclass(frozen=True)
class GroupImpacts:
    """Impacts of groups of rows: arrays (n_groups, n_criteria), NaN-free sums of what
    is covered, plus a mask of what could not be computed ("not covered")."""

    manufacture: np.ndarray
    use: np.ndarray
    manufacture_missing: np.ndarray   # bool (n_groups, n_categories, n_criteria)
    use_missing: np.ndarray           # bool (g, c, k): some rows' country lacks the factor
    use_covered: np.ndarray           # bool (g, c, k): some rows' country has the factor
    quantity: np.ndarray              # (n_groups, n_categories)
    weight_manufacture: np.ndarray    # (n_groups, n_categories)
    weight_use: np.ndarray            # (n_groups, n_categories, n_countries) kWh


def group_impacts(fleet: Fleet, w: Weights, fa: FactorArrays, key: np.ndarray | None = None,
                  n_groups: int = 1) -> GroupImpacts:
    """Sum the weights by (group, category[, country]) then multiply by the factors."""
    if key is None:
        key = np.zeros(len(fleet), dtype=np.int64)
    return impacts_of_sums(group_sums(fleet.category, fleet.country, fleet.quantity,
                                      w.manufacture, w.use, key, n_groups,
                                      len(fa.categories), len(fa.countries)), fa)


def group_sums(category, country, quantity, manufacture, use, key, n_groups: int,
               n_cat: int, n_cty: int) -> GroupSums:
    """Units and weights summed by (group, category[, country]): addable over blocks."""
    k_cat = key.astype(np.int64) * n_cat + category
    k_use = k_cat * n_cty + country
    size_cat, size_use = n_groups * n_cat, n_groups * n_cat * n_cty
    return GroupSums(
        weight_manufacture=np.bincount(k_cat, weights=manufacture, minlength=size_cat)
        .reshape(n_groups, n_cat),
        quantity=np.bincount(k_cat, weights=quantity, minlength=size_cat)
        .reshape(n_groups, n_cat),
        weight_use=np.bincount(k_use, weights=use, minlength=size_use)
        .reshape(n_groups, n_cat, n_cty),
        quantity_use=np.bincount(k_use, weights=quantity, minlength=size_use)
        .reshape(n_groups, n_cat, n_cty))


@dataclass
class GroupSums:
    weight_manufacture: np.ndarray    # (g, c)
    quantity: np.ndarray              # (g, c)
    weight_use: np.ndarray            # (g, c, n)
    quantity_use: np.ndarray          # (g, c, n)

    def spread(self, used: np.ndarray, n_countries: int) -> "GroupSums":
        """Sums made over the countries ``used`` only, placed among all the set's."""
        def wide(a: np.ndarray) -> np.ndarray:
            out = np.zeros((*a.shape[:2], n_countries))
            out[:, :, used] = a
            return out
        return GroupSums(self.weight_manufacture, self.quantity, wide(self.weight_use),
                         wide(self.quantity_use))

    def __add__(self, other: "GroupSums") -> "GroupSums":
        return GroupSums(*(a + b for a, b in zip(
            (self.weight_manufacture, self.quantity, self.weight_use, self.quantity_use),
            (other.weight_manufacture, other.quantity, other.weight_use,
             other.quantity_use))))


def impacts_of_sums(gs: GroupSums, fa: FactorArrays) -> GroupImpacts:
    """Group sums × factors, with what is not covered."""
    wm, qty, wu = gs.weight_manufacture, gs.quantity, gs.weight_use
    present = qty > 0          # a row of quantity 0 has no impact to cover
    present_use = gs.quantity_use > 0
    m_nan = np.isnan(fa.manufacture)
    e_nan = np.isnan(fa.electricity)
    manufacture = wm @ np.where(m_nan, 0.0, fa.manufacture)
    use = np.einsum("gcn,nk->gk", wu, np.where(e_nan, 0.0, fa.electricity))
    m_missing = present[:, :, None] & m_nan[None, :, :]
    p_use = present_use.astype(np.int64)
    u_missing = np.einsum("gcn,nk->gck", p_use, e_nan.astype(np.int64)) > 0
    u_covered = np.einsum("gcn,nk->gck", p_use, (~e_nan).astype(np.int64)) > 0
    return GroupImpacts(manufacture=manufacture, use=use, manufacture_missing=m_missing,
                        use_missing=u_missing, use_covered=u_covered, quantity=qty,
                        weight_manufacture=wm,
                        weight_use=wu)


@dataclass(frozen=True)
class LineSums:
    """Per-group sums for report lines (entities, sites, projects), computed row by row
    then summed by group: memory in rows × criteria, whatever the number of groups
    (100,000 distinct sites cost no (group × category × country) array)."""

    quantity: np.ndarray        # (g,)
    has_weight: np.ndarray      # (g,) bool: some manufacture or use weight
    manufacture: np.ndarray     # (g, k) covered sums
    use: np.ndarray             # (g, k)
    m_covered: np.ndarray       # (g, k) bool: a phase is None only when nothing is covered
    u_covered: np.ndarray       # (g, k) bool


GROUPED_UP_TO = 1000      # up to this many groups, sum by (group, category, country) first


def line_sums(fleet: Fleet, w: Weights, fa: FactorArrays, key: np.ndarray,
              n_groups: int, sums: GroupSums | None = None) -> LineSums:
    """``sums``: the group sums already made (by blocks), for few groups."""
    if sums is not None or n_groups <= GROUPED_UP_TO:   # few groups: weights summed first
        gi = impacts_of_sums(sums, fa) if sums is not None else \
            group_impacts(fleet, w, fa, key, n_groups)
        present = gi.quantity > 0                                   # (g, c)
        m_cov = (present[:, :, None] & ~gi.manufacture_missing).any(axis=1) | \
            ~present.any(axis=1)[:, None]
        u_cov = gi.use_covered.any(axis=1) | ~gi.use_missing.any(axis=1)
        has_weight = gi.weight_manufacture.any(axis=1) | gi.weight_use.any(axis=(1, 2))
        return LineSums(quantity=gi.quantity.sum(axis=1), has_weight=has_weight,
                        manufacture=gi.manufacture, use=gi.use, m_covered=m_cov,
                        u_covered=u_cov)
    key = key.astype(np.int64)

    def by_group(values: np.ndarray) -> np.ndarray:
        return np.bincount(key, weights=values, minlength=n_groups)

    present = fleet.quantity > 0
    m = fa.manufacture[fleet.category]                 # (rows, k), NaN = not covered
    e = fa.electricity[fleet.country]
    present_g = by_group(present.astype(np.float64)) > 0
    n_k = len(fa.criteria)
    manufacture, use = np.zeros((n_groups, n_k)), np.zeros((n_groups, n_k))
    m_cov, u_cov = np.zeros((n_groups, n_k), bool), np.zeros((n_groups, n_k), bool)
    for k in range(n_k):
        manufacture[:, k] = by_group(w.manufacture * np.nan_to_num(m[:, k]))
        use[:, k] = by_group(w.use * np.nan_to_num(e[:, k]))
        m_cov[:, k] = (by_group((present & ~np.isnan(m[:, k])).astype(np.float64)) > 0) | \
            ~present_g
        missing = by_group((present & np.isnan(e[:, k])).astype(np.float64)) > 0
        u_cov[:, k] = (by_group((present & ~np.isnan(e[:, k])).astype(np.float64)) > 0) | \
            ~missing
    has_weight = (by_group(np.abs(w.manufacture)) > 0) | (by_group(np.abs(w.use)) > 0)
    return LineSums(quantity=by_group(fleet.quantity), has_weight=has_weight,
                    manufacture=manufacture, use=use, m_covered=m_cov, u_covered=u_cov)
