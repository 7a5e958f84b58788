"""``assess()``: inventory files + factor set -> Report. The CLI only calls this."""
from __future__ import annotations

import datetime as dt
import gc
from collections.abc import Sequence
from pathlib import Path

import numpy as np

from dataclasses import replace

from .compute import METHODS, apply_room_meters, row_weights
from .countries import to_alpha3
from .normalize import fold
from .errors import UsageError
from .factors import FactorArrays, LoadedFactorSet, build_arrays, load_factor_set
from .fleet import Fleet
from .inventory import InputResult, LabelMatcher, read_inventory
from .inventory.mapping_file import load_mapping, unused_keys
from .issues import Issue
from .inventory.options import ReadOptions
from .inventory.organisation import Organisation
from .inventory.reader import file_sha256
from .report.build import build_report
from .report.model import Report


def default_year(today: dt.date | None = None) -> int:
    """The last full calendar year: the REEN annual review covers the past year."""
    return (today or dt.date.today()).year - 1


def assess(inputs: Sequence[str | Path], factors: str | Path | None = None,
           year: int | None = None, method: str = "linear",
           organisation: Organisation | None = None,
           territory_scope: str | None = None, options: ReadOptions | None = None,
           mapping: str | Path | None = None) -> Report:
    """Assess inventory files. ``organisation`` (e.g. from command-line options) takes
    precedence over the files' Organisation sheets; with several inputs it describes the
    whole (e.g. the intercommunalité) and each input keeps its own."""
    year = check_options(inputs, year, method)
    fs = load_factor_set(factors)
    options, mapping_ref = read_options(options, mapping, fs)
    fa, results, fleet = read_fleet(inputs, fs, year, options)
    if options.mapping is not None and results:
        results[0].issues.extend(
            Issue("warning", "mapping-unused", f"mapping file: {key!r} under {section}: "
                  "matches nothing in the inputs", str(mapping), hint="check the spelling "
                  "against the inventory (enrt map writes the keys as they are)")
            for section, key in unused_keys(options.mapping, [r.understood for r in results]))
    weights = row_weights(fleet, fa, year, method)
    org, orgs_differ = combined_organisation(organisation, results)
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
    report = build_report(fs, fa, results, fleet, weights, year, method, org, territory_scope,
                          rooms, orgs_differ=orgs_differ)
    report.mapping = mapping_ref
    report.options = {"count_stock": options.count_stock,
                      "include_hidden": options.include_hidden, "country": options.country}
    return report


def read_options(options: ReadOptions | None, mapping: str | Path | None,
                 fs: LoadedFactorSet) -> tuple[ReadOptions, dict | None]:
    """Check the reading options against the factor set; load the mapping file."""
    options = options or ReadOptions()
    if options.country is not None:
        code = to_alpha3(options.country)
        if code is None:
            raise UsageError(f"unknown country {options.country!r}",
                             hint="give an ISO 3166 code, e.g. --country GBR")
        if code not in fs.model.electricity:
            raise UsageError(f"the factor set has no electricity factor for {code}",
                             hint="use a factor set that covers the country (--factors)")
        options = replace(options, country=code)
    ref = None
    if mapping is not None:
        model, sha = load_mapping(mapping)
        bad = sorted({v for v in model.labels.values() if v} - set(fs.model.categories))
        if bad:
            raise UsageError(f"mapping file names unknown categories: {', '.join(bad)}",
                             file=str(mapping), hint="use category ids listed by "
                             "'enrt factors show' (laptop, desktop, monitor…)")
        options = replace(options, mapping=model)
        ref = {"path": str(mapping), "sha256": sha}
    return options, ref


def combined_organisation(given: Organisation | None, results: list[InputResult]
                          ) -> tuple[Organisation, bool]:
    """The organisation of the report, and whether the inputs are different organisations
    (then per-agent figures are given per input only)."""
    org = Organisation() if given is None else given
    if len(results) == 1:
        org.merge(results[0].organisation)
        return org, False
    names = {fold(r.organisation.name) for r in results if r.organisation.name}
    agents = {r.organisation.agents for r in results if r.organisation.agents is not None}
    differ = len(names) > 1 or len(agents) > 1
    if not differ:
        for r in results:
            org.merge(r.organisation)
    return org, differ


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
    if len(inputs) > 1:
        contents: dict[str, str] = {}
        for p in inputs:
            if not Path(p).is_file():
                continue
            digest = file_sha256(Path(p))
            if digest in contents:
                raise UsageError(f"the same inventory is given twice: {p} has the same content "
                                 f"as {contents[digest]}", hint="give each file once; a copy "
                                 "would count the same equipment twice")
            contents[digest] = str(p)
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


def category_matcher(fs: LoadedFactorSet, fa: FactorArrays,
                     overrides: dict[str, str | None] | None = None) -> LabelMatcher:
    """Equipment labels -> categories: a mapping file's labels, the set's aliases, then its
    own labels (the template's drop-down shows the labels)."""
    return LabelMatcher({cid: [*c.aliases, *(x for x in (c.label_fr, c.label_en) if x)]
                         for cid, c in fs.model.categories.items()}, fa.categories,
                        {k: v for k, v in (overrides or {}).items() if v})


def read_fleet(inputs: Sequence[str | Path], fs: LoadedFactorSet, year: int,
               options: ReadOptions | None = None
               ) -> tuple[FactorArrays, list[InputResult], Fleet]:
    """Read every inventory against one factor set: arrays, per-file results, fleet."""
    fa = build_arrays(fs, year)
    options = options or ReadOptions()
    matcher = category_matcher(fs, fa, options.mapping.labels if options.mapping else None)
    gc_was_enabled = gc.isenabled()
    gc.disable()       # millions of short-lived cells, no cycles: the collector only costs time
    try:
        results = [read_inventory(Path(p), fa, matcher, year, i, fs.model, options)
                   for i, p in enumerate(inputs)]
    finally:
        if gc_was_enabled:
            gc.enable()
    return fa, results, Fleet.concat([r.fleet for r in results])
