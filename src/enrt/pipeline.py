"""The one assessment pipeline: read -> evaluate -> build. Every command, the factor diff
and the benchmarks go through it, so they cannot disagree.

* ``read``: options checked, inventories read against one factor set (rows + context).
* ``evaluate``: the engine on the rows (weights, PUE, room meters), summed into a
  ``Ledger``; the rows are dropped. The ``Evaluation`` is small and picklable.
* ``build``: ledger + context -> ``Report``; never calls the engine.
"""
from __future__ import annotations

import copy
import datetime as dt
import gc
from collections.abc import Sequence
from dataclasses import dataclass, replace
from pathlib import Path

import numpy as np

from .compute import METHODS, SECOND_LIFE_RULES, apply_room_meters, row_weights
from .countries import to_alpha3
from .errors import UsageError
from .messages import Listing, either
from .factors import FactorArrays, LoadedFactorSet, build_arrays, load_factor_set
from .fleet import Fleet
from .inventory import InputResult, LabelMatcher, read_inventory
from .inventory.mapping_file import load_mapping, unused_keys
from .inventory.options import ReadOptions
from .inventory.organisation import Organisation
from .inventory.reader import file_sha256
from .issues import Issue
from .ledger import Ledger, ledger_of
from .rows import RowTable, row_table
from .normalize import fold
from .options import AssessOptions
from .report.build import build_report
from .report.model import Report


def default_year(today: dt.date | None = None) -> int:
    """The last full calendar year: the REEN annual review covers the past year."""
    return (today or dt.date.today()).year - 1


@dataclass
class Reading:
    """Inventories read against one factor set: the rows, and what the report needs."""

    fs: LoadedFactorSet
    fa: FactorArrays
    year: int
    options: AssessOptions
    read_options: ReadOptions
    mapping_ref: dict | None
    results: list[InputResult]
    fleet: Fleet


@dataclass
class Evaluation:
    """The engine's result without rows: the ledger, and the inputs' context (sheets,
    issues, organisation, rooms, services) with their rows dropped. Picklable."""

    ledger: Ledger
    inputs: list[InputResult]
    year: int
    options: AssessOptions
    read_options: ReadOptions
    mapping_ref: dict | None = None
    rows: RowTable | None = None       # every assessed row, when a format lists them


def factor_set(factors: str | Path | LoadedFactorSet | None) -> LoadedFactorSet:
    """An already-loaded set as is; an id or a path loaded."""
    return factors if isinstance(factors, LoadedFactorSet) else load_factor_set(factors)


def read(inputs: Sequence[str | Path], options: AssessOptions | None = None,
         factors: str | Path | LoadedFactorSet | None = None) -> Reading:
    options = options or AssessOptions()
    year = check_options(inputs, options)
    fs = factor_set(factors)
    read_opts, mapping_ref = read_options(options, fs)
    fa = build_arrays(fs, year)
    matcher = category_matcher(fs, fa, read_opts.mapping.labels if read_opts.mapping else None)
    gc_was_enabled = gc.isenabled()
    gc.disable()       # millions of short-lived cells, no cycles: the collector only costs time
    try:
        results = [read_inventory(Path(p), fa, matcher, year, i, fs.model, read_opts)
                   for i, p in enumerate(inputs)]
    finally:
        if gc_was_enabled:
            gc.enable()
    if read_opts.mapping is not None and results:
        results[0].issues.extend(
            Issue.make("warning", "mapping-unused", file=str(options.mapping), key=key,
                       section=section)
            for section, key in unused_keys(read_opts.mapping, [r.understood for r in results]))
    return Reading(fs=fs, fa=fa, year=year, options=options, read_options=read_opts,
                   mapping_ref=mapping_ref, results=results,
                   fleet=Fleet.concat([r.fleet for r in results]))


def evaluate(reading: Reading, fa: FactorArrays | None = None, keep_rows: bool = False
             ) -> Evaluation:
    """The engine on the rows; ``fa`` replaces the reading's arrays (same categories and
    countries), e.g. a factor set with one value changed. ``keep_rows`` keeps a table of
    every assessed row (for the row-level formats)."""
    fa = reading.fa if fa is None else fa
    fleet, year, opts = reading.fleet, reading.year, reading.options
    weights = row_weights(fleet, fa, year, opts.method, opts.second_life)
    row_group, groups = room_groups(fleet)
    results = reading.results
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
    ledger = ledger_of(fleet, weights, fa, year, len(results), rooms, opts.method,
                       split=opts.uncertainty is not None)
    rows = row_table(fleet, weights, fa, [r.path for r in results], opts.method) \
        if keep_rows else None
    return Evaluation(ledger=ledger, inputs=[replace(r, fleet=None) for r in results],
                      year=year, options=opts, read_options=reading.read_options,
                      mapping_ref=reading.mapping_ref, rows=rows)


def build(evaluation: Evaluation, fs: LoadedFactorSet, fa: FactorArrays | None = None,
          whole: Organisation | None = None) -> Report:
    """Ledger + context -> Report (the engine is not called again). ``whole``: the
    organisation of a set of different ones (a batch's aggregate), used as is."""
    opts = evaluation.options
    fa = build_arrays(fs, evaluation.year) if fa is None else fa
    if whole is not None:
        org, orgs_differ = whole, len(evaluation.inputs) > 1
    else:
        org, orgs_differ = combined_organisation(opts.organisation, evaluation.inputs)
    report = build_report(fs, fa, evaluation.inputs, evaluation.ledger, evaluation.year,
                          opts.method, org, opts.territory_scope, orgs_differ=orgs_differ,
                          second_life=opts.second_life)
    report.mapping = evaluation.mapping_ref
    if opts.uncertainty is not None and evaluation.ledger.split_manufacture is not None:
        from .uncertainty_report import uncertainty_report
        report.uncertainty = uncertainty_report(report, evaluation.ledger, fs, fa,
                                                evaluation.year, opts.uncertainty, opts.seed)
    ro = evaluation.read_options
    report.options = {"count_stock": ro.count_stock, "include_hidden": ro.include_hidden,
                      "country": ro.country, "second_life": opts.second_life}
    return report


def run(inputs: Sequence[str | Path], options: AssessOptions | None = None,
        factors: str | Path | LoadedFactorSet | None = None) -> Report:
    """read -> evaluate -> build."""
    return run_with_rows(inputs, options, factors)[0]


def run_with_rows(inputs: Sequence[str | Path], options: AssessOptions | None = None,
                  factors: str | Path | LoadedFactorSet | None = None,
                  keep_rows: bool = False) -> tuple[Report, RowTable | None]:
    """read -> evaluate -> build, and the table of assessed rows when asked."""
    reading = read(inputs, options, factors)
    evaluation = evaluate(reading, keep_rows=keep_rows)
    return build(evaluation, reading.fs, reading.fa), evaluation.rows


def read_options(options: AssessOptions, fs: LoadedFactorSet) -> tuple[ReadOptions, dict | None]:
    """Reading options checked against the factor set; the mapping file loaded."""
    country = options.country
    if country is not None:
        code = to_alpha3(country)
        if code is None:
            raise UsageError.make("usage.country", country=country)
        if code not in fs.model.electricity:
            raise UsageError.make("usage.no-electricity", code=code)
        country = code
    model, ref = None, None
    if options.mapping is not None:
        model, sha = load_mapping(options.mapping)
        bad = sorted({v for v in model.labels.values() if v} - set(fs.model.categories))
        if bad:
            raise UsageError.make("usage.mapping-categories", file=str(options.mapping),
                                  categories=Listing(bad))
        ref = {"path": str(options.mapping), "sha256": sha}
    return ReadOptions(count_stock=options.count_stock, include_hidden=options.include_hidden,
                       country=country, mapping=model), ref


def combined_organisation(given: Organisation | None, results: list[InputResult]
                          ) -> tuple[Organisation, bool]:
    """The organisation of the report, and whether the inputs are different organisations
    (then per-agent figures are given per input only)."""
    org = Organisation() if given is None else copy.deepcopy(given)
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


def check_options(inputs: Sequence[str | Path], options: AssessOptions) -> int:
    """Refuse options that cannot work; returns the assessed year."""
    if not inputs:
        raise UsageError.make("usage.no-input")
    if options.method not in METHODS:
        raise UsageError.make("usage.method", method=options.method, choices=either(METHODS))
    if options.second_life not in SECOND_LIFE_RULES:
        raise UsageError.make("usage.second-life", rule=options.second_life,
                              choices=either(SECOND_LIFE_RULES))
    seen: dict[Path, str] = {}
    for p in inputs:
        key = Path(p).resolve()
        if key in seen:
            raise UsageError.make("usage.same-path", first=seen[key], second=str(p))
        seen[key] = str(p)
    if len(inputs) > 1:
        contents: dict[str, str] = {}
        for p in inputs:
            if not Path(p).is_file():
                continue
            digest = file_sha256(Path(p))
            if digest in contents:
                raise UsageError.make("usage.same-content", first=contents[digest],
                                      second=str(p))
            contents[digest] = str(p)
    year = default_year() if options.year is None else options.year
    if not 1990 <= year <= 2100:
        raise UsageError.make("usage.year", year=year)
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
