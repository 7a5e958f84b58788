"""Aggregate the engine's weights into the Report (totals, categories, entities, sites)."""
from __future__ import annotations

import numpy as np

from .._version import __version__
from ..compute import as_of
from ..factors.arrays import FactorArrays, pick_year
from ..factors.loader import LoadedFactorSet
from ..inventory.reader import InputResult
from ..ledger import Impacts, Ledger, Lines, impacts
from ..issues import Issue
from ..messages import TERMS, Listing, Named, both, named_criterion, term
from .model import (ActivityLine, Assessment, CategoryLine, CriterionTotal, Disclosure,
                    ElectricityUsed, EntityLine,
                    FactorSetRef, InputLine, InputReport, PhaseValues, ProjectLine, Report, SetId,
                    SheetReport, SiteLine, Tool)
from .indicators import indicators
from ..inventory.organisation import Organisation
from ..practices import maturity
from ..territory import territory_estimate

SEVERITY_ORDER = ("error", "warning", "info")
PER_AGENT = ("gwp_per_agent_kg", "equipment_per_agent", "workstations_per_agent")
PER_INPUT = PER_AGENT + ("manufacture_share_gwp", "refurbished_or_reused_share_by_count",
                         "refurbished_or_reused_share_by_spend", "defaults_share")


def _named(model, key: str) -> Named:
    """A category or activity id, with its labels for the human formats."""
    item = model.categories.get(key) or model.activities.get(key)
    return Named(key, item.label_fr, item.label_en) if item else Named(key)


def _phases(manufacture: float | None, use: float | None) -> PhaseValues:
    """Total = sum of the covered phases; None only when neither phase is covered."""
    parts = [x for x in (manufacture, use) if x is not None]
    return PhaseValues(manufacture=manufacture, use=use, total=sum(parts) if parts else None)


def _group_values(im: Impacts, k: int) -> PhaseValues:
    """Covered sums for criterion k; a phase is None when nothing is covered for it (the
    not-covered categories are listed in the totals)."""
    m_covered, u_covered = im.phase_covered(k)
    return _phases(float(im.manufacture[k]) if m_covered else None,
                   float(im.use[k]) if u_covered else None)


MAX_LINES = 1000       # entity / site / project lines shown; the rest in one "others" line


def _lines(ls: Lines, crits: tuple[str, ...], key: str, cls,
           issues: list[Issue]):
    """One line per group, largest gwp first; past MAX_LINES the smallest are summed in one
    line (chosen on arrays, so 100,000 groups never become 100,000 objects)."""
    groups = np.flatnonzero((ls.quantity != 0) | ls.has_weight)
    k_gwp = crits.index("gwp")
    gwp = np.where(ls.m_covered[groups, k_gwp], ls.manufacture[groups, k_gwp], 0.0) + \
        np.where(ls.u_covered[groups, k_gwp], ls.use[groups, k_gwp], 0.0)
    order = sorted(range(len(groups)), key=lambda i: (-gwp[i], ls.names[groups[i]] or
                                                      "(unspecified)"))
    shown, rest = order, []
    if len(order) > MAX_LINES:
        shown, rest = order[:MAX_LINES - 1], order[MAX_LINES - 1:]

    def line(name: str, idx: np.ndarray):
        crit = {k: _phases(float(ls.manufacture[idx, j].sum()) if ls.m_covered[idx, j].any()
                           else None,
                           float(ls.use[idx, j].sum()) if ls.u_covered[idx, j].any() else None)
                for j, k in enumerate(crits)}
        return cls(**{key: name, "quantity": float(ls.quantity[idx].sum()),
                      "gwp": crit.get("gwp"), "criteria": crit})
    lines = [line(ls.names[groups[i]] or "(unspecified)", groups[[i]]) for i in shown]
    if rest:
        issues.append(Issue.make("warning", "many-groups", n=len(order),
                                 key=term(f"group.{key}"), shown=MAX_LINES - 1, rest=len(rest)))
        lines.append(line(f"({len(rest):,} others)", groups[rest]))
    return lines


def _skip_count(reason: str, n: int):
    """"3 not in use": a skip reason of the report, in words."""
    key = f"reason.{reason}"
    return term("skip.count", n=n, reason=term(key) if key in TERMS else
                reason.replace("_", " "))


def build_report(fs: LoadedFactorSet, fa: FactorArrays, results: list[InputResult],
                 ledger: Ledger, year: int, method: str, org: Organisation,
                 territory_scope: str | None = None, orgs_differ: bool = False,
                 second_life: str = "row") -> Report:
    """The report from the ledger (sums, never rows) and the inputs' context."""
    crits = fa.criteria
    model = fs.model
    whole = impacts(ledger, fa)
    rooms = ledger.rooms

    totals = {}
    issues: list[Issue] = [i for r in results for i in r.issues]
    activities = _activity_lines(model, [a for r in results for a in r.activities], crits)
    for j, k in enumerate(crits):
        missing = whole.manufacture_missing[:, j] | whole.use_missing[:, j]
        pv = _group_values(whole, j)
        not_covered = [fa.categories[c] for c in np.flatnonzero(missing)]
        not_covered += [a.activity for a in activities if a.criteria[k] is None]
        covered = [a.criteria[k] for a in activities if a.criteria[k] is not None]
        services = sum(covered) if covered or not activities else None
        parts = [x for x in (pv.manufacture, pv.use, services if activities else None)
                 if x is not None]
        qty = whole.quantity
        units = float(qty.sum())
        coverage = float(qty[~missing].sum()) / units if units else 1.0
        totals[k] = CriterionTotal(unit=model.criteria[k].unit, not_covered=not_covered,
                                   manufacture=pv.manufacture, use=pv.use, services=services,
                                   total=sum(parts) if parts else None,
                                   complete=not not_covered and pv.manufacture is not None
                                   and pv.use is not None, coverage=coverage)
        if not_covered:
            issues.append(Issue.make("info", "not-covered", criterion=named_criterion(k),
                                     categories=Listing(_named(model, c) for c in not_covered)))

    # per category: weights × factors, exact (None where the factor set has no value)
    rows_per_cat = whole.rows
    by_category = []
    for c, cid in enumerate(fa.categories):
        if rows_per_cat[c] == 0:
            continue
        crit = {}
        for j, k in enumerate(crits):
            m = None if np.isnan(whole.category_manufacture[c, j]) else \
                float(whole.category_manufacture[c, j])
            u = None if whole.use_missing[c, j] else float(whole.category_use[c, j])
            # per category the line is exact: no total when a phase is not covered
            crit[k] = PhaseValues(manufacture=m, use=u,
                                  total=None if m is None or u is None else m + u)
        by_category.append(CategoryLine(category=cid, label=model.categories[cid].label_fr,
                                        label_en=model.categories[cid].label_en,
                                        quantity=float(whole.quantity[c]),
                                        rows=int(rows_per_cat[c]), gwp=crit["gwp"],
                                        criteria=crit))
    by_category.sort(key=lambda line: (-(line.gwp.total or 0.0), line.category))

    if method == "numecoeval":
        issues.append(Issue.make("info", "snapshot-method"))
    amortised_qty = float(ledger.amortised.sum())
    if amortised_qty:
        issues.append(Issue.make("info", "fully-amortised", n=amortised_qty))
    for name, room in (rooms or {}).items():
        if room["kwh_measured"] is None:
            continue
        if room["kwh_estimated"] > 0 and room["measured_how"]:
            issues.append(Issue.make("info", "room-measured", name=name,
                                     kwh=room["kwh_measured"], how=room["measured_how"],
                                     estimate=room["kwh_estimated"]))
        else:
            issues.append(Issue.make("warning", "room-without-equipment", name=name))
    missing = [f for f in ("agents", "population") if getattr(org, f) is None]
    if orgs_differ and org.agents is None:
        issues.append(Issue.make("info", "organisations-differ", n=len(results)))
    elif missing and not orgs_differ:
        issues.append(Issue.make("info", "missing-organisation",
                                 what=both([term(f"org.{f}") for f in missing])))
    if not ledger.rows.sum():
        issues.append(Issue.make("warning", "empty-input"))
    inputs = [_input_report(r) for r in results]
    for r, ir in zip(results, inputs):
        if ir.rows_assessed or any(i.code == "no-equipment-table" for i in r.issues):
            continue
        chosen = {k: n for k, n in ir.skipped.items() if k not in ("blank", "total", "heading")}
        if chosen and not ir.rows_rejected:       # all rows legitimately out: say so, no error
            issues.append(Issue.make("warning", "nothing-in-use", file=r.path, year=year,
                                     skipped=Listing(_skip_count(k, n)
                                                     for k, n in chosen.items())))
            continue
        issues.append(Issue.make("error", "nothing-assessed", file=r.path, read=ir.rows_read,
                                 rejected=ir.rows_rejected))
    inds = indicators(ledger, fa, totals["gwp"].total, totals["gwp"].manufacture, org,
                      {k: v for r in results for k, v in r.rooms.items()}, rooms, year)
    if orgs_differ and org.agents is None:
        for key in PER_AGENT:
            inds[key]["missing"] = "the inputs are different organisations: see by_input"

    electricity = _electricity_used(fs, fa, ledger, year)
    return Report(
        tool=Tool(version=__version__),
        factor_set=FactorSetRef(id=model.id, version=model.version, sha256=fs.sha256,
                                title=model.title, extends=_bases(fs), default_pue=fa.default_pue,
                                electricity=electricity,
                                sources=_sources_cited(model, [c.category for c in by_category],
                                                       [a.activity for a in activities],
                                                       electricity)),
        assessment=Assessment(year=year, as_of=str(as_of(year)), method=method),
        inputs=inputs,
        by_input=_by_input(results, inputs, ledger, fa, crits, model, org,
                           inds if len(results) == 1 else None),
        totals=totals,
        by_category=by_category,
        by_entity=_lines(ledger.entity, crits, "entity", EntityLine, issues),
        by_site=_lines(ledger.site, crits, "site", SiteLine, issues),
        activities=activities,
        by_project=[p for p in _lines(ledger.project, crits, "project",
                                      ProjectLine, issues) if p.project != "(unspecified)"],
        organisation={"name": org.name, "agents": org.agents, "population": org.population,
                      "households": org.households, "given_by": dict(sorted(org.given_by.items()))},
        practices=maturity({k: v for r in results for k, v in r.practices.statuses.items()}),
        territory=territory_estimate(fs, org.population, territory_scope, totals["gwp"].total,
                                     _projects_gwp(ledger.project, fa)),
        indicators=inds,
        provenance=ledger.provenance,
        disclosures=disclosures(inds, year, method, second_life),
        issues=issues,
        issue_counts={s: sum(1 for i in issues if i.severity == s) for s in SEVERITY_ORDER},
    )


def _by_input(results: list[InputResult], inputs: list[InputReport], ledger: Ledger,
              fa: FactorArrays, crits: tuple[str, ...], model, org: Organisation,
              single: dict | None) -> list[InputLine]:
    """Each input apart: its own organisation, totals (services included) and indicators.
    ``single`` holds the whole run's indicators when there is one input."""
    lines = []
    for i, (r, ir) in enumerate(zip(results, inputs)):
        own = org if single is not None else r.organisation
        im = impacts(ledger, fa, slice(i, i + 1))
        svc: dict[str, float] = {}                 # services of this input, per criterion
        for line in _activity_lines(model, r.activities, crits):
            for k, v in line.criteria.items():
                if v is not None:
                    svc[k] = svc.get(k, 0.0) + v
        crit = {}
        for j, k in enumerate(crits):
            pv = _group_values(im, j)
            extra = svc.get(k)
            total = pv.total if extra is None else (pv.total or 0.0) + extra
            crit[k] = PhaseValues(manufacture=pv.manufacture, use=pv.use, total=total)
        gwp = crit["gwp"]
        own_ind = single if single is not None else indicators(
            ledger.part(i), fa, gwp.total, gwp.manufacture, own, r.rooms, {})
        lines.append(InputLine(
            path=r.path, organisation={"name": own.name, "agents": own.agents,
                                       "population": own.population},
            quantity=float(im.quantity.sum()), gwp=gwp, criteria=crit,
            services_gwp=svc.get("gwp"), assessed_share=ir.assessed_share,
            indicators={key: v for key, v in own_ind.items() if key in PER_INPUT}))
    return lines


def _bases(fs: LoadedFactorSet) -> list[SetId]:
    out = []
    while fs.base is not None:
        fs = fs.base
        out.append(SetId(id=fs.model.id, version=fs.model.version, sha256=fs.sha256))
    return out


def _input_report(r: InputResult) -> InputReport:
    eq = [s for s in r.sheets if s.kind in ("equipment", "activities")]
    skipped: dict[str, int] = {}
    for s in eq:
        for reason, n in s.skipped.items():
            skipped[reason] = skipped.get(reason, 0) + n
    assessed = sum(s.rows_assessed for s in eq)
    rejected = sum(s.rows_rejected for s in eq)
    return InputReport(
        path=r.path, sha256=r.sha256,
        rows_read=sum(s.rows_read for s in eq), rows_assessed=assessed, rows_rejected=rejected,
        rows_skipped=sum(s.rows_skipped for s in eq),
        rows_skipped_blank=skipped.get("blank", 0), rows_skipped_total=skipped.get("total", 0),
        skipped=dict(sorted(skipped.items())),
        assessed_share=assessed / (assessed + rejected) if assessed + rejected else None,
        sheets=[SheetReport(name=s.name, kind=s.kind, header_row=s.header_row,
                            rows_read=s.rows_read, rows_assessed=s.rows_assessed,
                            rows_rejected=s.rows_rejected, rows_skipped=s.rows_skipped,
                            skipped=dict(sorted(s.skipped.items())), left_out=s.left_out)
                for s in r.sheets])


def _electricity_used(fs: LoadedFactorSet, fa: FactorArrays, ledger: Ledger, year: int):
    rows = ledger.country_rows.sum(axis=0)
    used = sorted({fa.countries[c] for c in np.flatnonzero(rows)} | {fs.model.defaults.country})
    out = {}
    for code in used:
        country = fs.model.electricity[code]
        out[code] = {}
        for k in fa.criteria:
            values = getattr(country, k, None)
            if values:
                v = pick_year(values, year)
                out[code][k] = ElectricityUsed(value=v.value, unit=v.unit, year=v.year,
                                               source=v.source)
    return out


def _activity_lines(model, rows, crits: tuple[str, ...]) -> list[ActivityLine]:
    """One line per activity: summed quantity times the factor of each criterion."""
    qty: dict[str, float] = {}
    count: dict[str, int] = {}
    for r in rows:
        qty[r.activity] = qty.get(r.activity, 0.0) + r.quantity
        count[r.activity] = count.get(r.activity, 0) + 1
    lines = []
    for aid, q in qty.items():
        act = model.activities[aid]
        lines.append(ActivityLine(
            activity=aid, label=act.label_fr, label_en=act.label_en, kind=act.kind,
            unit=act.unit, quantity=q,
            quality=act.quality, rows=count[aid],
            criteria={k: q * act.factors[k].value if k in act.factors else None
                      for k in crits}))
    return sorted(lines, key=lambda a: (-(a.criteria.get("gwp") or 0.0), a.activity))


def _projects_gwp(ls: Lines, fa: FactorArrays) -> float:
    """gwp of the rows tagged with a connected-territory project (code 0 = none)."""
    k = fa.criteria.index("gwp")
    return float(ls.manufacture[1:, k].sum() + ls.use[1:, k].sum())


def disclosures(inds: dict, year: int, method: str, second_life: str) -> list[Disclosure]:
    """What the annual figure counts, stated beside it (GHG Protocol-style disclosures)."""
    out = []
    amortised = inds["fully_amortised_units"]["value"] or 0.0
    if method == "linear":
        out.append(Disclosure(
            code="amortised-zero", value=amortised, unit="units",
            text=f"Manufacture is spread over each device's lifetime: a device past its "
                 f"lifetime counts 0 for manufacture ({amortised:g} device(s) in {year}); it "
                 "still counts for use."))
    else:
        out.append(Disclosure(
            code="snapshot-method", text="Method numecoeval is a snapshot: every device in "
            "service is charged its embodied impact divided by its age, so yearly figures "
            "added up exceed the embodied impact; do not add or compare years with it."))
    bought = inds["purchase_year_embodied_gwp_kg"]["value"]
    out.append(Disclosure(
        code="purchase-year-view", value=bought, unit="kgCO2e",
        text=f"Purchase-year view (GHG Protocol scope 3, category 2): the devices bought in "
             f"{year} embody {bought:_.1f} kgCO2e, counted whole in their purchase year; the "
             "annual figure spreads it over their lifetimes instead and is not this sum."
             .replace("_", " ") if bought is not None else
        "Purchase-year view (GHG Protocol scope 3, category 2): not computed, the inventory "
        "gives no purchase dates."))
    out.append(Disclosure(
        code="second-life-rule", text="Refurbished or reused devices: lifetime + the previous "
        "use the row gives (0 when it gives none, as the ADEME RCP rules)" if second_life ==
        "row" else "Refurbished or reused devices: the RCP fleet formula, each category's "
        "lifetime + previous use × its share of refurbished or reused units"))
    return out


def _sources_cited(model, categories: list[str], activities: list[str],
                   electricity: dict) -> dict[str, dict]:
    """The sources behind the values used: the categories and services present, the
    electricity figures used, the default PUE."""
    cited: set[str] = {model.defaults.pue.source}
    for cid in categories:
        c = model.categories[cid]
        cited |= {c.lifetime_years.source, c.annual_kwh.source, c.previous_life_years.source,
                  *(v.source for v in c.manufacture.values())}
    for aid in activities:
        cited |= {v.source for v in model.activities[aid].factors.values()}
    cited |= {v.source for per_k in electricity.values() for v in per_k.values()}
    return {sid: {"title": s.title, "publisher": getattr(s, "publisher", None),
                  "url": getattr(s, "url", None)}
            for sid, s in sorted(model.sources.items()) if sid in cited}
