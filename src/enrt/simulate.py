"""What the strategy's actions would do (``enrt simulate INPUT --scenario plan.yaml``): a
year-by-year trajectory of the fleet from the baseline year to the horizon, with and
without each action, against the target.

Each year's fleet is the inventory projected (``project``): a dated device is renewed, by
an identical new one, in the year its lifetime ends (one past its lifetime at the baseline
is due the next year), then every lifetime later; a withdrawn one leaves. The actions
then change the projected rows, from their start year. Each year is assessed by the same
engine as ``enrt assess`` (row weights, ledger, impacts). docs/simulate.md.
"""
from __future__ import annotations

from dataclasses import fields

import numpy as np
from pydantic import BaseModel, Field

from .compute import row_weights
from .factors.arrays import FactorArrays, build_arrays
from .fleet import DEFAULT, NEW, REFURBISHED, Fleet
from .ledger import impacts, ledger_of
from .pipeline import Reading
from .report.model import JsonDocument
from .scenario import (ExtendLifetime, PurchasePlan, Reduce, RefurbishedShare, Replace,
                       RoomPue, Scenario, SwitchOff)

_ARRAYS = [f.name for f in fields(Fleet) if not f.name.endswith("_names")]


class YearTotals(BaseModel):
    year: int
    totals: dict[str, float] = Field(description="criterion -> manufacture + use (covered)")
    units: float
    interval: dict[str, list[float]] | None = Field(None, description=(
        "with --uncertainty: criterion -> [5th, 95th percentile]"))


class ActionEffect(BaseModel):
    name: str
    type: str
    start: int
    trajectory: list[YearTotals]
    effect: dict[str, float] = Field(description="criterion -> change at the horizon "
                                     "against the trajectory without actions")
    effect_interval: dict[str, list[float]] | None = Field(None, description=(
        "with --uncertainty: criterion -> [5th, 95th percentile] of the change, the two "
        "trajectories drawn with the same factors"))


class TargetCheck(BaseModel):
    criterion: str
    reduction: float
    year: int
    baseline: float
    target: float
    reached: float
    met: bool
    gap: float = Field(description="reached - target: above 0, what is still missing")


class SimulationReport(JsonDocument):
    schema_version: str = "1"
    kind: str = "simulation"
    scenario: str
    baseline_year: int
    horizon: int
    method: str
    without_actions: list[YearTotals]
    with_actions: list[YearTotals]
    actions: list[ActionEffect]
    target: TargetCheck | None = None
    rejected_rows: int = Field(0, description="inventory rows rejected while reading (not "
                               "in the simulation: see enrt assess)")
    how: str = ("each year's fleet projected from the inventory: renewals at the end of "
                "each lifetime, then the actions from their start year (docs/simulate.md)")


def check_plan(plan: Scenario, reading: Reading) -> list:
    """What the scenario asks that this inventory and set cannot give (errors), or that
    would do nothing (warnings): findings on their lines."""
    out = []
    base, fa = reading.year, reading.fa
    if plan.horizon <= base:
        out.append(plan.finding("horizon", "scenario-years", f"the horizon {plan.horizon} is "
                                f"not after the baseline year {base}",
                                f"give a horizon after {base}"))
    t = plan.target
    if t is not None and not base < t.year <= plan.horizon:
        out.append(plan.finding("target.year", "scenario-years", f"the target year {t.year} "
                                f"is not between the baseline year {base} and the horizon "
                                f"{plan.horizon}", "move the target or the horizon"))
    if t is not None and t.criterion not in fa.criteria:
        out.append(plan.finding("target.criterion", "scenario-criterion",
                                f"the factor set has no {t.criterion} criterion",
                                f"use one of: {', '.join(fa.criteria)}"))
    present = np.bincount(reading.fleet.category, weights=reading.fleet.quantity,
                          minlength=len(fa.categories)) > 0
    planned = {a.category for a in plan.actions if isinstance(a, PurchasePlan)}
    for i, a in enumerate(plan.actions):
        where = f"actions[{i}]"
        if a.start <= base or a.start > plan.horizon:
            out.append(plan.finding(f"{where}.start", "scenario-years",
                                    f"the action starts in {a.start}, outside "
                                    f"{base + 1}-{plan.horizon}", "the baseline year is the "
                                    "assessment itself: start the year after, before the "
                                    "horizon"))
        if isinstance(a, Replace) and a.from_ == a.to:
            out.append(plan.finding(f"{where}.to", "scenario-action",
                                    "a category replaced by itself", "name another category"))
        cats = getattr(a, "categories", None) or ([a.from_] if isinstance(a, Replace) else [])
        absent = [c for c in cats if c not in planned and
                  (c not in fa.categories or not present[fa.categories.index(c)])]
        if absent:
            out.append(plan.finding(f"{where}.categories" if hasattr(a, "categories")
                                    else f"{where}.from", "scenario-no-effect",
                                    f"no {', '.join(absent)} in the inventory: no effect",
                                    "check the category ids ('enrt factors show')", "warning"))
        if isinstance(a, RoomPue) and a.room is not None and \
                a.room not in reading.fleet.room_names[1:]:
            out.append(plan.finding(f"{where}.room", "scenario-no-effect",
                                    f"no room named {a.room!r} in the inventory: no effect",
                                    "write the room's name as the inventory does", "warning"))
        if isinstance(a, RefurbishedShare) and a.previous_years is None and \
                not (fa.previous_life > 0).any():
            out.append(plan.finding(f"{where}", "scenario-no-effect",
                                    "the factor set counts no first life for refurbished "
                                    "devices (RCP rule): no effect", "give previous_years, "
                                    "e.g. from the refurbisher's certificate", "warning"))
    return out


def simulate(reading: Reading, scenario: Scenario, draws: int | None = None,
             seed: int | None = None) -> SimulationReport:
    """``draws``: Monte Carlo draws for each year's interval (None: none)."""
    from .montecarlo import DEFAULT_SEED, simulate as sample
    seed = DEFAULT_SEED if seed is None else seed
    base_year = reading.year
    years = list(range(base_year, max(scenario.horizon, base_year) + 1))
    arrays = {y: build_arrays(reading.fs, y) for y in years}
    method = reading.options.method
    second = reading.options.second_life

    def run(actions) -> tuple[list[YearTotals], dict]:
        out, last = [], {}
        for y in years:
            fa = arrays[y]
            fleet = project(reading.fleet, fa, base_year, y, actions)
            ledger = ledger_of(fleet, row_weights(fleet, fa, y, method, second), fa, y, 1,
                               method=method, split=draws is not None)
            im = impacts(ledger, fa)
            interval = None
            if draws is not None:
                sim = sample(ledger, reading.fs.model, fa, y, draws, seed, keep=True)
                interval = {k: [v["total"][0], v["total"][2]] for k, v in sim.totals.items()}
                last = sim.total_draws
            out.append(YearTotals(year=y, totals={k: float(im.manufacture[j] + im.use[j])
                                                  for j, k in enumerate(fa.criteria)},
                                  units=float(fleet.quantity.sum()), interval=interval))
        return out, last

    without, base_draws = run([])
    with_all, _ = run(scenario.actions)
    effects = []
    for a in scenario.actions:
        alone, alone_draws = run([a])
        effects.append(ActionEffect(
            name=a.name or a.type, type=a.type, start=a.start, trajectory=alone,
            effect={k: alone[-1].totals[k] - without[-1].totals[k]
                    for k in alone[-1].totals},
            effect_interval=None if draws is None else {
                k: [float(np.percentile(alone_draws[k] - base_draws[k], 5)),
                    float(np.percentile(alone_draws[k] - base_draws[k], 95))]
                for k in alone_draws}))
    report = SimulationReport(scenario=scenario.name, baseline_year=base_year,
                              horizon=years[-1], method=method, without_actions=without,
                              with_actions=with_all, actions=effects)
    t = scenario.target
    if t is not None and t.criterion in without[0].totals and base_year <= t.year <= years[-1]:
        base = without[0].totals[t.criterion]
        reached = with_all[years.index(t.year)].totals[t.criterion]
        target = base * (1 - t.reduction)
        report.target = TargetCheck(criterion=t.criterion, reduction=t.reduction,
                                    year=t.year, baseline=base, target=target,
                                    reached=reached, met=reached <= target,
                                    gap=reached - target)
    return report


def project(fleet: Fleet, fa: FactorArrays, base: int, year: int, actions) -> Fleet:
    """The fleet of ``year``: purchase plans added, lifetimes extended, devices renewed,
    withdrawn ones gone, then the other actions that have started."""
    on = [a for a in actions if a.start <= year]
    cols = {name: getattr(fleet, name).copy() for name in _ARRAYS}
    names = {f.name: getattr(fleet, f.name) for f in fields(Fleet) if f.name.endswith("_names")}
    for a in on:
        if isinstance(a, PurchasePlan):
            last = min(a.until or year, year)
            for y in range(a.start, last + 1):
                _append(cols, _new_rows(fa, a.category, a.units_per_year, y))
    cat = cols["category"]
    lifetime = np.where(np.isnan(cols["lifetime"]), fa.lifetime[cat], cols["lifetime"])
    for a in on:
        if isinstance(a, ExtendLifetime):
            idx = [fa.categories.index(c) for c in a.categories if c in fa.categories]
            lifetime = np.where(np.isin(cat, idx), lifetime + a.years, lifetime)
    cols["lifetime"] = lifetime
    renewed_in = _renew(cols, lifetime, base, year)
    start = np.datetime64(f"{year}-01-01")
    gone = ~np.isnat(cols["withdrawal"]) & (cols["withdrawal"] < start)
    cols["quantity"] = np.where(gone, 0.0, cols["quantity"])
    for a in on:
        fresh = renewed_in >= a.start               # bought (renewed or planned) since
        if isinstance(a, Replace):
            moved = _split(cols, fresh & (cols["category"] == _idx(fa, a.from_)), a.share,
                           category=_idx(fa, a.to), lifetime=fa.lifetime[_idx(fa, a.to)],
                           energy_kwh=np.nan, energy_src=DEFAULT)
            renewed_in = np.concatenate([renewed_in, renewed_in[moved]])
        elif isinstance(a, RefurbishedShare):
            which = fresh & (np.isin(cols["category"], [_idx(fa, c) for c in a.categories])
                             if a.categories else True)
            moved = _split(cols, which, a.share, condition=REFURBISHED)
            # a refurbished purchase had a first life (RCP rule A): the action's, else the
            # category's
            added = cols["category"][len(moved):]
            cols["previous_life"][len(moved):] = fa.previous_life[added] \
                if a.previous_years is None else a.previous_years
            renewed_in = np.concatenate([renewed_in, renewed_in[moved]])
        elif isinstance(a, Reduce):
            which = np.isin(cols["category"], [_idx(fa, c) for c in a.categories])
            cols["quantity"] = np.where(which, cols["quantity"] * (1 - a.share),
                                        cols["quantity"])
        elif isinstance(a, RoomPue):
            if a.room is None:
                which = (cols["room"] > 0) | fa.datacenter[cols["category"]]
            else:
                code = [i for i, n in enumerate(names["room_names"]) if i and n == a.room]
                which = np.isin(cols["room"], code)
            cols["pue"] = np.where(which, a.pue, cols["pue"])
        elif isinstance(a, SwitchOff):
            which = np.isin(cols["category"], [_idx(fa, c) for c in a.categories])
            kwh = np.where(np.isnan(cols["energy_kwh"]), fa.annual_kwh[cols["category"]],
                           cols["energy_kwh"])
            cols["energy_kwh"] = np.where(which, kwh * (24 - a.hours) / 24,
                                          cols["energy_kwh"])
    return Fleet(**cols, **names)


def _idx(fa: FactorArrays, category: str) -> int:
    return fa.categories.index(category) if category in fa.categories else -1


def _renew(cols: dict, lifetime: np.ndarray, base: int, year: int) -> np.ndarray:
    """Move each dated device's purchase to its latest renewal up to ``year``; the year
    each row was last bought (renewed or planned), else -1 for rows bought before."""
    bought = np.full(len(lifetime), -1, dtype=np.int64)
    purchase = cols["purchase"]
    dated = ~np.isnat(purchase)
    if year <= base or not dated.any():
        planned = dated & (purchase.astype("datetime64[Y]").astype(np.int64) + 1970 > base)
        bought[planned] = purchase[planned].astype("datetime64[Y]").astype(np.int64) + 1970
        return bought
    p_year = np.where(dated, purchase.astype("datetime64[Y]").astype(np.int64) + 1970, 0)
    step = np.maximum(np.ceil(lifetime), 1).astype(np.int64)
    first = np.maximum(base + 1, p_year + step)
    renewed = dated & (year >= first)
    k = np.where(renewed, (year - first) // step, 0)
    new_year = np.where(renewed, first + k * step, p_year)
    months = purchase.astype("datetime64[M]")
    shift = ((new_year - p_year) * 12).astype("timedelta64[M]")
    day = purchase - months.astype("datetime64[D]")
    cols["purchase"] = np.where(renewed, (months + shift).astype("datetime64[D]") + day,
                                purchase)
    cols["condition"] = np.where(renewed, NEW, cols["condition"]).astype(np.int8)
    cols["previous_life"] = np.where(renewed, np.nan, cols["previous_life"])
    planned = dated & ~renewed & (p_year > base)
    bought[renewed] = new_year[renewed]
    bought[planned] = p_year[planned]
    return bought


def _split(cols: dict, which: np.ndarray, share: float, **changed) -> np.ndarray:
    """Rows ``which`` split in two: ``share`` of their units, appended, with ``changed``
    values; the mask of the rows split (the appended ones follow in the same order)."""
    which = np.asarray(which, dtype=bool) & (cols["quantity"] > 0)
    if not which.any():
        return which
    part = {k: v[which].copy() for k, v in cols.items()}
    part["quantity"] = part["quantity"] * share
    for k, v in changed.items():
        part[k] = np.full(len(part[k]), v, dtype=part[k].dtype)
    cols["quantity"] = np.where(which, cols["quantity"] * (1 - share), cols["quantity"])
    _append(cols, part)
    return which


def _append(cols: dict, part: dict) -> None:
    for k in cols:
        cols[k] = np.concatenate([cols[k], part[k].astype(cols[k].dtype)])


def _new_rows(fa: FactorArrays, category: str, units: float, year: int) -> dict:
    """One planned purchase: ``units`` new devices bought on 1 July of ``year``."""
    blank = Fleet.from_columns(1)
    row = {name: getattr(blank, name) for name in _ARRAYS}
    row.update(category=np.array([_idx(fa, category)], dtype=np.int16),
               quantity=np.array([float(units)]),
               purchase=np.array([f"{year}-07-01"], dtype="datetime64[D]"),
               country=np.array([fa.default_country], dtype=np.int16))
    return row
