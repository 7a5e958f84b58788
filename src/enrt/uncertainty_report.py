"""The report's ``uncertainty`` section: the Monte Carlo's percentiles beside the
deterministic figures, the inputs ranked by their share of the variance, and the
territory estimate's published interval."""
from __future__ import annotations

from .factors.arrays import FactorArrays
from .factors.loader import LoadedFactorSet
from .ledger import Ledger
from .montecarlo import DEFAULT_DRAWS, DEFAULT_SEED, simulate
from .report.model import Interval, Report, UncertainInput, UncertaintyReport

# The territory scopes' own published intervals, as a share of the central value, when
# the factor set's value carries none. ADEME 2025 update (2022 data), climate change:
# "50.8 %–183.2 % of the central value" (reference/factor-sources.md §3).
PUBLISHED_INTERVALS = {("2022", "gwp"): (0.508, 1.832, "ADEME-2025")}


def uncertainty_report(report: Report, ledger: Ledger, fs: LoadedFactorSet,
                       fa: FactorArrays, year: int, draws: int | None = None,
                       seed: int | None = None) -> UncertaintyReport:
    draws = DEFAULT_DRAWS if draws is None else draws
    seed = DEFAULT_SEED if seed is None else seed
    sim = simulate(ledger, fs.model, fa, year, draws, seed)
    totals, by_category = {}, {}
    lines = {line.category: line for line in report.by_category}
    for k, phases in sim.totals.items():
        t = report.totals[k]
        services = t.services or 0.0        # hosted services: at their central value
        totals[k] = {
            "manufacture": _interval(t.manufacture, phases["manufacture"]),
            "use": _interval(t.use, phases["use"]),
            "total": _interval(t.total, tuple(x + services for x in phases["total"])),
        }
        by_category[k] = {
            cat: _interval(_category_total(lines.get(cat), k), p)
            for cat, p in sim.by_category[k].items()}
    sensitivity = {k: [_input(s) for s in ranked] for k, ranked in sim.sensitivity.items()}
    lines = {}
    for key, shown in (("entity", report.by_entity), ("site", report.by_site),
                       ("project", report.by_project)):
        drawn = sim.lines.get(key, {})
        lines[f"by_{key}"] = {getattr(x, key): _interval(x.gwp.total if x.gwp else None,
                                                         drawn[getattr(x, key)])
                              for x in shown if getattr(x, key) in drawn}
    return UncertaintyReport(draws=draws, seed=seed, totals=totals, by_category=by_category,
                             sensitivity=sensitivity, territory=_territory(report, fs), **lines)


def _interval(central: float | None, p: tuple[float, float, float]) -> Interval:
    return Interval(central=central, p5=p[0], median=p[1], p95=p[2])


def _category_total(line, k: str) -> float | None:
    if line is None:
        return None
    pv = line.criteria.get(k) if k != "gwp" else line.gwp
    return None if pv is None else pv.total


def _input(s) -> UncertainInput:
    kind, _, what = s.input.partition(":")
    return UncertainInput(input=s.input, kind=kind, share=s.share,
                          category=what if kind in ("manufacture", "lifetime", "annual_kwh")
                          else None,
                          country=what if kind == "electricity" else None,
                          units=s.units if kind in ("lifetime", "annual_kwh", "quantity",
                                                    "country") else None)


def _territory(report: Report, fs: LoadedFactorSet) -> dict[str, dict] | None:
    """Per criterion, the territory total's interval: the set's own uncertainty on the
    per-inhabitant figure, else the scope's published interval."""
    terr = report.territory
    model = fs.model.territory
    if not terr or model is None or terr.get("scope") not in model.scopes:
        return None
    scope = terr["scope"]
    out = {}
    for k, tiers in model.scopes[scope].per_inhabitant.items():
        v = tiers.get("total")
        central = terr["criteria"].get(k, {}).get("total")
        if v is None:
            continue
        u = v.uncertainty
        if u is not None and u.min is not None and u.max is not None:
            lo, hi, source = u.min / v.value, u.max / v.value, v.source
        elif (scope, k) in PUBLISHED_INTERVALS:
            lo, hi, source = PUBLISHED_INTERVALS[(scope, k)]
        else:
            continue
        out[k] = {"low_share": lo, "high_share": hi, "source": source,
                  "low": None if central is None else central * lo,
                  "high": None if central is None else central * hi}
    return out or None
