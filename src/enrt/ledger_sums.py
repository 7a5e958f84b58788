"""The sums a ledger is made of, taken block by block over the rows: units, weights,
lifetimes, spend and provenance by input, category and country, group sums for the named
lines, and (for --uncertainty) the weights split by which inputs were left blank."""
from __future__ import annotations

import numpy as np

from .compute import GroupSums, Weights, group_sums
from .factors.arrays import FactorArrays
from .fleet import DEFAULT, DERIVED, INPUT, PROVENANCE_NAMES, SECOND_LIFE, Fleet

_SECOND = np.isin(np.arange(256), SECOND_LIFE)     # condition code -> acquired second-hand


class BlockSums:
    """The ledger's sums, added block by block while each block is in the CPU cache
    (``ledger.ledger_of`` reads them into a Ledger)."""

    SOURCES = ("lifetime", "annual_kwh", "country", "quantity", "condition")

    def __init__(self, n_inputs: int, n_c: int, n_n: int, n_rooms: int, method: str,
                 split: bool = False):
        self.n_inputs, self.n_c, self.n_n, self.method = n_inputs, n_c, n_n, method
        self.split_manufacture = np.zeros((n_inputs, n_c, 4)) if split else None
        self.split_use = np.zeros((n_inputs, n_c, n_n, 8)) if split else None
        self.split_units = np.zeros((n_inputs, n_c, 4)) if split else None
        self.split_groups: dict | None = {} if split else None
        # rows by the provenance of their five values together: code = Σ src × 3^k
        self.sources = np.zeros(3 ** len(self.SOURCES), dtype=np.int64)
        self.pue = np.zeros(3, dtype=np.int64)          # input, default, not applicable
        self.second_rows = self.given_previous = self.dated = self.no_life = 0
        ic, icn = (n_inputs, n_c), (n_inputs, n_c, n_n)
        for name in ("quantity", "rows", "weight_manufacture", "lifetime", "bought",
                     "observed", "observed_quantity"):
            setattr(self, name, np.zeros(ic))
        self.weight_use, self.quantity_use = np.zeros(icn), np.zeros(icn)
        self.country_rows = np.zeros((n_inputs, n_n))
        for name in ("amortised", "second_life", "spend", "spend_second_life", "priced_rows",
                     "dated_rows", "defaults"):
            setattr(self, name, np.zeros(n_inputs))
        self.room_kwh = np.zeros(n_rooms)
        self.groups: dict[str, GroupSums] = {}

    def add_block(self, fleet: Fleet, w: Weights, sl: slice, fa: FactorArrays,
                  start_year, end_year, groups: dict, countries: tuple) -> None:
        n_i, n_c, n_n = self.n_inputs, self.n_c, self.n_n
        cat, cty, q = fleet.category[sl], fleet.country[sl], fleet.quantity[sl]
        if n_i == 1:                      # one input: the category is the key
            i, k_ic = None, cat.astype(np.intp)
        else:
            i = fleet.input_index[sl].astype(np.intp)
            k_ic = i * n_c + cat
        k_icn = k_ic * n_n + cty
        purchase, withdrawal = fleet.purchase[sl], fleet.withdrawal[sl]
        lifetime, use = w.lifetime[sl], w.use[sl]

        def by_ic(values=None, rows=slice(None)) -> np.ndarray:
            return np.bincount(k_ic[rows], weights=values,
                               minlength=n_i * n_c).reshape(n_i, n_c)

        def by_icn(values) -> np.ndarray:
            return np.bincount(k_icn, weights=values, minlength=n_i * n_c * n_n) \
                .reshape(n_i, n_c, n_n)

        def by_i(values: np.ndarray, rows=slice(None)) -> np.ndarray:
            if n_i == 1:                  # one input: a sum is several times cheaper
                return np.array([float(np.sum(values[rows]))])
            return np.bincount(i[rows], weights=values[rows], minlength=n_i)

        dated = ~np.isnat(purchase)
        bought = np.flatnonzero((purchase >= start_year) & (purchase <= end_year))   # NaT: no
        both = np.flatnonzero(dated & ~np.isnat(withdrawal))
        years = (withdrawal[both] - purchase[both]).astype(np.float64) / 365.0
        condition = fleet.condition[sl]
        second = _SECOND[condition]
        spend = fleet.spend[sl]
        priced = np.flatnonzero(~np.isnan(spend))
        no_life = np.isnan(fleet.lifetime[sl])
        srcs = (fleet.energy_src[sl], fleet.country_src[sl], fleet.quantity_src[sl],
                fleet.condition_src[sl])
        self._provenance(fleet, w, sl, no_life, dated, second, srcs)
        self.quantity += by_ic(q)
        self.rows += by_ic()
        self.weight_manufacture += by_ic(w.manufacture[sl])
        self.lifetime += by_ic(q * lifetime)
        self.bought += by_ic(q[bought] * lifetime[bought] / w.lifetime_eff[sl][bought], bought)
        self.observed += by_ic(q[both] * years, both)
        self.observed_quantity += by_ic(q[both], both)
        self.weight_use += by_icn(use)
        self.quantity_use += by_icn(q)
        self.country_rows += np.bincount(cty if i is None else i * n_n + cty,
                                         minlength=n_i * n_n).reshape(n_i, n_n)
        self.amortised += by_i(np.where(w.amortised[sl], q, 0.0))
        self.second_life += by_i(np.where(second, q, 0.0))
        self.spend += by_i(spend, priced)
        self.spend_second_life += by_i(spend, priced[second[priced]])
        self.priced_rows += len(priced) if i is None else np.bincount(i[priced], minlength=n_i)
        self.dated_rows += by_i(dated.view(np.int8))
        if n_i > 1:             # one input: the defaults come from the provenance counts
            defaults = no_life.view(np.int8).astype(np.int16)
            for src in srcs:
                defaults += src == DEFAULT
            self.defaults += by_i(defaults)
        self.room_kwh += np.bincount(fleet.room[sl], weights=use, minlength=len(self.room_kwh))
        compact, n_used = countries
        if self.split_manufacture is not None:
            blanks = self._split(k_ic, k_icn, q, w.manufacture[sl], use, fleet, sl, no_life,
                                 dated)
            for name, (key, n_groups) in groups.items():
                self._split_group(name, key, n_groups, cat, compact[cty], n_used,
                                  w.manufacture[sl], use, blanks)
        for name, (key, n_groups) in groups.items():
            gs = group_sums(cat, compact[cty], q, w.manufacture[sl], use, key, n_groups,
                            n_c, n_used)
            self.groups[name] = self.groups[name] + gs if name in self.groups else gs

    def _split(self, k_ic, k_icn, q, wm, use, fleet: Fleet, sl: slice, no_life, dated
               ) -> None:
        """Weights by which inputs were left blank (docs/uncertainty.md §2): quantity,
        lifetime of an undated row, annual kWh, country."""
        n_i, n_c, n_n = self.n_inputs, self.n_c, self.n_n
        bq = (fleet.quantity_src[sl] == DEFAULT).astype(np.intp)
        bl = (no_life & ~dated).astype(np.intp)
        bk = (fleet.energy_src[sl] == DEFAULT).astype(np.intp)
        bc = (fleet.country_src[sl] == DEFAULT).astype(np.intp)
        self.split_manufacture += np.bincount(k_ic * 4 + bq * 2 + bl, weights=wm,
                                              minlength=n_i * n_c * 4).reshape(n_i, n_c, 4)
        self.split_use += np.bincount(k_icn * 8 + bq * 4 + bk * 2 + bc, weights=use,
                                      minlength=n_i * n_c * n_n * 8).reshape(n_i, n_c, n_n, 8)
        for j, blank in enumerate((bl, bk, bq, bc)):
            self.split_units[:, :, j] += np.bincount(k_ic, weights=q * blank,
                                                     minlength=n_i * n_c).reshape(n_i, n_c)
        return bq, bl, bk, bc

    def _split_group(self, name: str, key, n_groups: int, cat, cty, n_used: int, wm, use,
                     blanks) -> None:
        """The split of _split for each line of an entity, site or project column, over
        the countries present (``cty`` in their compact numbering)."""
        bq, bl, bk, bc = blanks
        n_c = self.n_c
        k_gc = key.astype(np.intp) * n_c + cat
        gm = np.bincount(k_gc * 4 + bq * 2 + bl, weights=wm,
                         minlength=n_groups * n_c * 4).reshape(n_groups, n_c, 4)
        gu = np.bincount((k_gc * n_used + cty) * 8 + bq * 4 + bk * 2 + bc, weights=use,
                         minlength=n_groups * n_c * n_used * 8
                         ).reshape(n_groups, n_c, n_used, 8)
        if name in self.split_groups:
            gm += self.split_groups[name][0]
            gu += self.split_groups[name][1]
        self.split_groups[name] = (gm, gu)

    def _provenance(self, fleet: Fleet, w: Weights, sl: slice, no_life, dated, second,
                    srcs) -> None:
        life = np.where(no_life, DEFAULT, INPUT).astype(np.int16)
        if self.method == "numecoeval":
            life[dated] = DERIVED
        code = life
        for src in srcs:                  # each source is DEFAULT, INPUT or DERIVED (0-2)
            code = code * 3 + src
        self.sources += np.bincount(code, minlength=len(self.sources))
        given_pue = ~np.isnan(fleet.pue[sl])
        unit_pue = w.pue[sl] == 1.0
        self.pue += [np.count_nonzero(given_pue), np.count_nonzero(~given_pue & ~unit_pue),
                     np.count_nonzero(~given_pue & unit_pue)]
        self.second_rows += int(np.count_nonzero(second))
        self.given_previous += int(np.count_nonzero(~np.isnan(fleet.previous_life[sl][second])))
        self.dated += int(np.count_nonzero(dated))
        self.no_life += int(np.count_nonzero(no_life))

    def provenance(self) -> dict[str, dict[str, int]]:
        """How many assessed rows took each value from the input, a default or a
        derivation; the defaults taken (lifetime, kWh, country, quantity, condition)."""
        k = len(self.SOURCES)
        table = self.sources.reshape((3,) * k)
        out = {}
        for axis, name in enumerate(self.SOURCES):
            counts = table.sum(axis=tuple(a for a in range(k) if a != axis))
            out[name] = {PROVENANCE_NAMES[v]: int(counts[v]) for v in (INPUT, DEFAULT, DERIVED)}
        if self.n_inputs == 1:             # the defaults taken, from the same counts
            self.defaults = np.array([float(self.no_life + sum(
                out[n]["default"] for n in self.SOURCES[1:]))])
        rows = int(self.sources.sum())
        out["pue"] = {"input": int(self.pue[0]), "default": int(self.pue[1]),
                      "not_applicable": int(self.pue[2])}
        out["previous_life"] = {"input": self.given_previous,
                                "default": self.second_rows - self.given_previous,
                                "derived": 0}
        out["purchase_date"] = {"input": self.dated, "missing": rows - self.dated}
        return out
