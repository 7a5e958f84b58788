"""How much each difference between two factor sets moves an inventory's gwp total.

The inventory is read once with set A, through the same pipeline as ``enrt assess``
(rooms, meters, services included). Each changed number is then applied alone to A: a
change to a factor only rebuilds the report from the same ledger; a change to what
weighs the rows (lifetime, kWh, PUE, previous use, the datacenter flag) re-runs the
engine on the rows read. The full move from A to B is an assessment with B.
"""
from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path

from . import pipeline
from .factors import LoadedFactorSet, build_arrays
from .factors.diff import Change, with_change
from .options import AssessOptions

# paths whose change moves the per-row weights, not only the factors they multiply
WEIGHT_FIELDS = (".lifetime_years", ".annual_kwh", ".previous_life_years", ".datacenter",
                 "defaults.pue")


def change_effects(inputs: Sequence[str | Path], a: LoadedFactorSet, b: LoadedFactorSet,
                   changes: list[Change], year: int | None = None,
                   method: str = "linear") -> dict:
    options = AssessOptions(year=year, method=method)
    reading = pipeline.read(inputs, options, a)
    evaluation = pipeline.evaluate(reading)
    base = _gwp(pipeline.build(evaluation, a, reading.fa))
    effects = {}
    for ch in changes:
        changed = with_change(a, ch, b)
        if changed is a:
            continue                     # e.g. aliases: only the full run shows them
        fa = build_arrays(changed, reading.year)
        moved = pipeline.evaluate(reading, fa) if ch.path.endswith(WEIGHT_FIELDS) else evaluation
        effects[ch.path] = _gwp(pipeline.build(moved, changed, fa)) - base
    total_b = _gwp(pipeline.run(inputs, replace(options, year=reading.year), b))
    return {"year": reading.year, "method": method, "gwp_a": base, "gwp_b": total_b,
            "effects": effects}


def _gwp(report) -> float:
    return report.totals["gwp"].total or 0.0
