"""How much each difference between two factor sets moves an inventory's gwp total.

The inventory is read once with set A; each changed number is then applied alone to A
and the engine re-run on the same rows (cheap: the engine works on arrays). The full
move from A to B is computed by assessing with B.
"""
from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from .assess import assess, check_options, read_fleet
from .compute import group_impacts, row_weights
from .factors import LoadedFactorSet, build_arrays
from .factors.diff import Change, with_change


def gwp_total(fleet, fa, year: int, method: str) -> float:
    gi = group_impacts(fleet, row_weights(fleet, fa, year, method), fa)
    k = fa.criteria.index("gwp")
    return float(gi.manufacture[0, k] + gi.use[0, k])


def change_effects(inputs: Sequence[str | Path], a: LoadedFactorSet, b: LoadedFactorSet,
                   changes: list[Change], year: int | None = None,
                   method: str = "linear") -> dict:
    year = check_options(inputs, year, method)
    fa, _results, fleet = read_fleet(inputs, a, year)
    base = gwp_total(fleet, fa, year, method)
    effects = {}
    for ch in changes:
        changed = with_change(a, ch, b)
        if changed is a:
            continue                     # e.g. aliases: only the full run shows them
        effects[ch.path] = gwp_total(fleet, build_arrays(changed, year), year, method) - base
    total_b = assess(inputs, factors=b.path, year=year, method=method).totals["gwp"].total
    return {"year": year, "method": method, "gwp_a": base, "gwp_b": total_b,
            "effects": effects}
