"""``assess()``: inventory files + factor set -> Report. The CLI only calls this."""
from __future__ import annotations

import datetime as dt
import gc
from collections.abc import Sequence
from pathlib import Path

import numpy as np

from .compute import METHODS, apply_room_meters, row_weights
from .normalize import fold
from .errors import UsageError
from .factors import FactorArrays, LoadedFactorSet, build_arrays, load_factor_set
from .fleet import Fleet
from .inventory import InputResult, LabelMatcher, read_inventory
from .inventory.organisation import Organisation
from .report.build import build_report
from .report.model import Report


def default_year(today: dt.date | None = None) -> int:
    """The last full calendar year: the REEN annual review covers the past year."""
    return (today or dt.date.today()).year - 1


def assess(inputs: Sequence[str | Path], factors: str | Path | None = None,
           year: int | None = None, method: str = "linear",
           organisation: Organisation | None = None,
           territory_scope: str | None = None) -> Report:
    """Assess inventory files. ``organisation`` (e.g. from command-line options) takes
    precedence over the files' Organisation sheets."""
    year = check_options(inputs, year, method)
    fs = load_factor_set(factors)
    fa, results, fleet = read_fleet(inputs, fs, year)
    weights = row_weights(fleet, fa, year, method)
    org = Organisation() if organisation is None else organisation
    for r in results:
        org.merge(r.organisation)
    row_group, groups = room_groups(fleet)
    meters = [results[i].room_meters.get(key, (np.nan, None)) for i, key, _ in groups]
    measured = np.array([np.nan, *(m[0] for m in meters)])
    weights, estimated = apply_room_meters(weights, row_group, measured)
    rooms = {name: {"kwh_estimated": float(estimated[g]),
                    "kwh_measured": None if np.isnan(measured[g]) else float(measured[g]),
                    "measured_how": meters[g - 1][1]}
             for g, (_, _, name) in enumerate(groups, start=1)}
    named = {(i, key) for i, key, _ in groups}
    for i, r in enumerate(results):
        for key, (kwh, _) in r.room_meters.items():
            if (i, key) not in named:
                rooms[key] = {"kwh_estimated": 0.0, "kwh_measured": kwh, "measured_how": None}
    return build_report(fs, fa, results, fleet, weights, year, method, org, territory_scope,
                        rooms)


def check_options(inputs: Sequence[str | Path], year: int | None, method: str) -> int:
    """Refuse options that cannot work; returns the assessed year."""
    if not inputs:
        raise UsageError("no inventory file given", hint="enrt assess inventaire.xlsx")
    if method not in METHODS:
        raise UsageError(f"unknown method {method!r}", hint="use " + " or ".join(METHODS))
    seen: dict[Path, str] = {}
    for p in inputs:
        key = Path(p).resolve()
        if key in seen:
            raise UsageError(f"the same inventory is given twice: {seen[key]} and {p}",
                             hint="give each file once (check overlapping shell patterns)")
        seen[key] = str(p)
    year = default_year() if year is None else year
    if not 1990 <= year <= 2100:
        raise UsageError(f"year {year} is out of range", hint="give a year such as 2025")
    return year


def room_groups(fleet: Fleet) -> tuple[np.ndarray, list[tuple[int, str, str]]]:
    """Each row's server room as a group of (input file, folded room name): "Salle A" and
    "SALLE A" are one room, and a room belongs to the file that lists it. Group 0 = no room.
    Returns the per-row group and, for groups 1.., (input index, folded name, name)."""
    folded = [fold(n) for n in fleet.room_names]
    table: dict[tuple[int, str], int] = {}
    groups: list[tuple[int, str, str]] = []
    n_rooms = len(fleet.room_names)
    key = fleet.input_index.astype(np.int64) * n_rooms + fleet.room
    lookup = {}
    for i, code in (divmod(int(k), n_rooms) for k in np.flatnonzero(np.bincount(key))):
        if code == 0:
            continue
        key = (int(i), folded[code])
        if key not in table:
            table[key] = len(groups) + 1
            groups.append((int(i), folded[code], fleet.room_names[code]))
        lookup[(int(i), int(code))] = table[key]
    codes = np.zeros((int(fleet.input_index.max(initial=0)) + 1, len(fleet.room_names)),
                     dtype=np.int64)
    for (i, code), g in lookup.items():
        codes[i, code] = g
    return codes[fleet.input_index, fleet.room], groups


def category_matcher(fs: LoadedFactorSet, fa: FactorArrays) -> LabelMatcher:
    """Equipment labels -> categories: the set's aliases, then its own labels (the
    template's drop-down shows the labels)."""
    return LabelMatcher({cid: [*c.aliases, *(x for x in (c.label_fr, c.label_en) if x)]
                         for cid, c in fs.model.categories.items()}, fa.categories)


def read_fleet(inputs: Sequence[str | Path], fs: LoadedFactorSet, year: int
               ) -> tuple[FactorArrays, list[InputResult], Fleet]:
    """Read every inventory against one factor set: arrays, per-file results, fleet."""
    fa = build_arrays(fs, year)
    matcher = category_matcher(fs, fa)
    gc_was_enabled = gc.isenabled()
    gc.disable()       # millions of short-lived cells, no cycles: the collector only costs time
    try:
        results = [read_inventory(Path(p), fa, matcher, year, i, fs.model)
                   for i, p in enumerate(inputs)]
    finally:
        if gc_was_enabled:
            gc.enable()
    return fa, results, Fleet.concat([r.fleet for r in results])
