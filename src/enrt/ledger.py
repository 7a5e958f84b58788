"""The ledger: what the engine hands the report, summed by input, with no row left.

Between the engine (per-row weights, millions of rows) and the report sits this small
record of sums: per input and category the units, rows and manufacture weights, per
input, category and country the kWh, and the few other sums the indicators need, plus
covered impacts per entity, site and project. It is picklable (numpy arrays, lists,
dicts) so a process pool can send it back, and addable (``a + b``: inputs side by side,
named lines merged by name) so a batch can sum communes. Impacts are weights × factors,
so sampling factors for uncertainty works on the ledger, never on rows.
"""
from __future__ import annotations

from dataclasses import dataclass, field, replace

import numpy as np

from .compute import (BLOCK, GROUPED_UP_TO, GroupSums, Weights, as_of, line_sums)
from .factors.arrays import FactorArrays
from .fleet import Fleet
from .ledger_sums import BlockSums

WORKSTATIONS = ("laptop", "desktop", "all_in_one")


@dataclass
class Lines:
    """Covered impact sums per named group (entity, site or project); index 0 = none."""

    names: list[str]
    quantity: np.ndarray        # (g,)
    has_weight: np.ndarray      # (g,) bool
    manufacture: np.ndarray     # (g, k)
    use: np.ndarray             # (g, k)
    m_covered: np.ndarray       # (g, k) bool
    u_covered: np.ndarray       # (g, k) bool

    @staticmethod
    def empty() -> "Lines":
        z = np.zeros(0)
        return Lines([], z, z.astype(bool), z[:, None], z[:, None], z[:, None].astype(bool),
                     z[:, None].astype(bool))

    @staticmethod
    def whole(names: list[str], im: "Impacts", wm: np.ndarray, wu: np.ndarray) -> "Lines":
        """The one line of a run without such a column: the run's own covered sums."""
        covered = np.array([im.phase_covered(k) for k in range(len(im.manufacture))],
                           dtype=bool).reshape(-1, 2)
        return Lines(list(names), np.array([im.quantity.sum()]),
                     np.array([bool(wm.any() or wu.any())]), im.manufacture[None, :],
                     im.use[None, :], covered[None, :, 0], covered[None, :, 1])

    def __add__(self, other: "Lines") -> "Lines":
        names = list(dict.fromkeys([*self.names, *other.names]))
        pos = {n: i for i, n in enumerate(names)}
        out = {}
        for name in ("quantity", "has_weight", "manufacture", "use", "m_covered", "u_covered"):
            a, b = getattr(self, name), getattr(other, name)
            acc = np.zeros((len(names), *a.shape[1:]), dtype=a.dtype)
            for part, lines in ((a, self), (b, other)):
                idx = np.array([pos[n] for n in lines.names], dtype=np.int64)
                if name.endswith("_covered"):       # only what is present can cover
                    np.logical_or.at(acc, idx, part & (lines.quantity > 0)[:, None])
                elif acc.dtype == bool:
                    np.logical_or.at(acc, idx, part)
                else:
                    np.add.at(acc, idx, part)
            out[name] = acc
        absent = ~(out["quantity"] > 0)[:, None]       # nothing present: nothing missing
        out["m_covered"] |= absent
        out["u_covered"] |= absent
        return Lines(names=names, **out)


def _lines(fleet: Fleet, w: Weights, fa: FactorArrays, key: np.ndarray,
           names: list[str], sums: GroupSums | None = None) -> Lines:
    ls = line_sums(fleet, w, fa, key, len(names), sums)
    return Lines(names=list(names), quantity=ls.quantity, has_weight=ls.has_weight,
                 manufacture=ls.manufacture, use=ls.use, m_covered=ls.m_covered,
                 u_covered=ls.u_covered)


@dataclass
class Ledger:
    """Sums by input (axis 0) over the categories (c) and countries (n) of one factor set."""

    categories: tuple[str, ...]
    countries: tuple[str, ...]
    criteria: tuple[str, ...]
    quantity: np.ndarray            # (i, c) units
    rows: np.ndarray                # (i, c) rows assessed
    weight_manufacture: np.ndarray  # (i, c) sum of q × s (embodied units charged this year)
    weight_use: np.ndarray          # (i, c, n) kWh (PUE and room meters applied)
    quantity_use: np.ndarray        # (i, c, n) units, to tell which factors a total needs
    country_rows: np.ndarray        # (i, n) rows per country (electricity factors used)
    bought: np.ndarray              # (i, c) sum of q × L/L_eff over rows bought in the year
    lifetime: np.ndarray            # (i, c) sum of q × L
    observed: np.ndarray            # (i, c) sum of q × (withdrawal - purchase)/365, both dates
    observed_quantity: np.ndarray   # (i, c) units with both dates
    amortised: np.ndarray           # (i,) units past their lifetime (no manufacture share)
    second_life: np.ndarray         # (i,) units acquired refurbished or reused
    spend: np.ndarray               # (i,) spend of priced rows
    spend_second_life: np.ndarray   # (i,) of which refurbished or reused
    priced_rows: np.ndarray         # (i,) rows with a price
    dated_rows: np.ndarray          # (i,) rows with a purchase date
    defaults: np.ndarray            # (i,) values taken from defaults (5 looked at per row)
    entity: Lines
    site: Lines
    project: Lines
    room_kwh: dict[str, float] = field(default_factory=dict)     # room name -> kWh used
    rooms: dict[str, dict] = field(default_factory=dict)         # meters: estimated/measured
    provenance: dict[str, dict[str, int]] = field(default_factory=dict)
    # for --uncertainty only (else None): the weights split by which inputs were left
    # blank, so that sampling those inputs works on sums (montecarlo.py)
    split_manufacture: np.ndarray | None = None   # (i, c, 4) by blank quantity × undated
    split_use: np.ndarray | None = None           # (i, c, n, 8) by quantity × kWh × country
    split_units: np.ndarray | None = None         # (i, c, 4) units: undated default life,
    #                                               default kWh, blank quantity, no country
    # the same split for each entity, site and project line (a run's, not summed by batch):
    # name -> (manufacture (g, c, 4), use (g, c, countries used, 8), countries used)
    split_lines: dict | None = None

    @property
    def n_inputs(self) -> int:
        return self.quantity.shape[0]

    def part(self, i: int) -> "Ledger":
        """Input ``i`` alone (named lines, rooms and provenance stay those of the whole)."""
        return replace(self, **{name: getattr(self, name)[i:i + 1] for name in _BY_INPUT
                                if getattr(self, name) is not None})

    def __add__(self, other: "Ledger") -> "Ledger":
        if (self.categories, self.countries, self.criteria) != \
                (other.categories, other.countries, other.criteria):
            raise ValueError("ledgers of different factor sets cannot be added")
        rooms = dict(self.rooms)
        for name, room in other.rooms.items():
            rooms[_free_name(name, rooms)] = room
        room_kwh = dict(self.room_kwh)
        for name, kwh in other.room_kwh.items():
            room_kwh[name] = room_kwh.get(name, 0.0) + kwh
        # merged in first-seen order (not a set's, which changes with the hash seed), so
        # the same communes give the same bytes in any process
        provenance = {f: {k: self.provenance.get(f, {}).get(k, 0) + other.provenance.get(f, {})
                          .get(k, 0) for k in dict.fromkeys([*self.provenance.get(f, {}),
                                                             *other.provenance.get(f, {})])}
                      for f in dict.fromkeys([*self.provenance, *other.provenance])}
        return replace(self, **{name: None if getattr(self, name) is None or
                                getattr(other, name) is None else
                                np.concatenate([getattr(self, name), getattr(other, name)])
                                for name in _BY_INPUT},
                       split_lines=None,
                       entity=self.entity + other.entity, site=self.site + other.site,
                       project=self.project + other.project, rooms=rooms, room_kwh=room_kwh,
                       provenance=provenance)


_BY_INPUT = ("quantity", "rows", "weight_manufacture", "weight_use", "quantity_use",
             "country_rows", "bought",
             "lifetime", "observed", "observed_quantity", "amortised", "second_life", "spend",
             "spend_second_life", "priced_rows", "dated_rows", "defaults",
             "split_manufacture", "split_use", "split_units")


def _free_name(name: str, taken: dict) -> str:
    """Two inputs' rooms of the same name stay apart: 'Salle serveur (2)'."""
    k, out = 2, name
    while out in taken:
        out, k = f"{name} ({k})", k + 1
    return out


def ledger_of(fleet: Fleet, w: Weights, fa: FactorArrays, year: int, n_inputs: int,
              rooms: dict[str, dict] | None = None, method: str = "linear",
              split: bool = False) -> Ledger:
    """Sum the engine's per-row weights into a ledger (the rows are not kept).

    The rows are summed in blocks of compute.BLOCK, every sum of a block taken while its
    columns are in the CPU cache, then the blocks' sums added: one read of each column
    instead of one per sum. A fleet of one block is summed exactly as in one pass."""
    n_c, n_n = len(fa.categories), len(fa.countries)
    acc = BlockSums(n_inputs, n_c, n_n, len(fleet.room_names), method, split)
    grouped = {name: len(getattr(fleet, f"{name}_names")) for name in ("entity", "site",
                                                                        "project")}
    grouped = {k: g for k, g in grouped.items() if 1 < g <= GROUPED_UP_TO}
    start_year, end_year = np.datetime64(f"{year}-01-01"), as_of(year)
    # group sums over the countries present only (a few of the set's two hundred)
    used = np.flatnonzero(np.bincount(fleet.country, minlength=n_n))
    compact = np.zeros(n_n, dtype=np.int64)
    compact[used] = np.arange(len(used))
    for start in range(0, len(fleet), BLOCK):
        sl = slice(start, min(start + BLOCK, len(fleet)))
        acc.add_block(fleet, w, sl, fa, start_year, end_year,
                      {k: (getattr(fleet, k)[sl], g) for k, g in grouped.items()},
                      (compact, len(used)))
    for name, gs in acc.groups.items():
        acc.groups[name] = gs.spread(used, n_n)
    split_lines = None if acc.split_groups is None else \
        {name: (*sums, used) for name, sums in acc.split_groups.items()}
    sources = acc.provenance()          # before the defaults are read
    out = Ledger(
        categories=fa.categories, countries=fa.countries, criteria=fa.criteria,
        quantity=acc.quantity, rows=acc.rows.astype(np.int64),
        weight_manufacture=acc.weight_manufacture, weight_use=acc.weight_use,
        quantity_use=acc.quantity_use, country_rows=acc.country_rows.astype(np.int64),
        bought=acc.bought, lifetime=acc.lifetime, observed=acc.observed,
        observed_quantity=acc.observed_quantity, amortised=acc.amortised,
        second_life=acc.second_life, spend=acc.spend, spend_second_life=acc.spend_second_life,
        priced_rows=acc.priced_rows, dated_rows=acc.dated_rows, defaults=acc.defaults,
        entity=Lines.empty(), site=Lines.empty(), project=Lines.empty(),
        room_kwh={name: float(acc.room_kwh[k]) for k, name in enumerate(fleet.room_names)
                  if k},
        rooms=dict(rooms or {}), provenance=sources,
        split_manufacture=acc.split_manufacture, split_use=acc.split_use,
        split_units=acc.split_units, split_lines=split_lines)
    whole = None
    for name in ("entity", "site", "project"):
        names = getattr(fleet, f"{name}_names")
        if len(names) == 1:               # one group (no such column): the whole run
            whole = whole or impacts(out, fa)
            setattr(out, name, Lines.whole(names, whole, out.weight_manufacture,
                                           out.weight_use))
        else:
            setattr(out, name, _lines(fleet, w, fa, getattr(fleet, name), names,
                                      acc.groups.get(name)))
    return out


@dataclass(frozen=True)
class Impacts:
    """Impacts of a ledger (or of one of its inputs) with one set of factor arrays:
    covered sums per criterion, what is not covered, and per-category values."""

    manufacture: np.ndarray         # (k,) covered sum
    use: np.ndarray                 # (k,)
    manufacture_missing: np.ndarray  # (c, k) bool: units present, no factor
    use_missing: np.ndarray         # (c, k) bool: some units' country lacks the factor
    use_covered: np.ndarray         # (c, k) bool
    category_manufacture: np.ndarray  # (c, k), NaN where not covered
    category_use: np.ndarray        # (c, k) covered sums
    quantity: np.ndarray            # (c,)
    rows: np.ndarray                # (c,)

    def phase_covered(self, k: int) -> tuple[bool, bool]:
        """Whether something is covered for each phase (nothing present counts as covered)."""
        present = self.quantity > 0
        m = bool((present & ~self.manufacture_missing[:, k]).any() or not present.any())
        u = bool(self.use_covered[:, k].any() or not self.use_missing[:, k].any())
        return m, u


def impacts(ledger: Ledger, fa: FactorArrays, inputs: slice | None = None) -> Impacts:
    """Weights × factors: the only place the report's totals are multiplied out."""
    sel = slice(None) if inputs is None else inputs
    qty = ledger.quantity[sel].sum(axis=0)
    wm = ledger.weight_manufacture[sel].sum(axis=0)
    wu = ledger.weight_use[sel].sum(axis=0)
    qu = ledger.quantity_use[sel].sum(axis=0) > 0              # (c, n)
    m_nan, e_nan = np.isnan(fa.manufacture), np.isnan(fa.electricity)
    per_cat_m = wm[:, None] * fa.manufacture                    # NaN where not covered
    per_cat_u = wu @ np.where(e_nan, 0.0, fa.electricity)
    p_use = qu.astype(np.int64)
    return Impacts(
        manufacture=(wm[:, None] * np.where(m_nan, 0.0, fa.manufacture)).sum(axis=0),
        use=per_cat_u.sum(axis=0),
        manufacture_missing=(qty > 0)[:, None] & m_nan,
        use_missing=(p_use @ e_nan.astype(np.int64)) > 0,
        use_covered=(p_use @ (~e_nan).astype(np.int64)) > 0,
        category_manufacture=per_cat_m, category_use=per_cat_u, quantity=qty,
        rows=ledger.rows[sel].sum(axis=0))


def workstation_quantity(ledger: Ledger) -> float:
    cats = [ledger.categories.index(c) for c in WORKSTATIONS if c in ledger.categories]
    return float(ledger.quantity[:, cats].sum())
