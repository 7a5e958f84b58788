"""Territory estimate: population x the national digital footprint per inhabitant.

The per-inhabitant figures (ADEME 2025, 2022 data; or the 2020 ADEME-Arcep scope) cover
personal and professional uses, so the estimate already includes the local economy's
average share. The collectivité's own footprint and its connected-territory projects
are reported beside it, not added: they are part of what the national average covers.
"""
from __future__ import annotations

from .errors import UsageError
from .factors.loader import LoadedFactorSet
from .messages import Listing


def territory_estimate(fs: LoadedFactorSet, population: float | None, scope: str | None,
                       own_gwp: float | None, projects_gwp: float) -> dict | None:
    t = fs.model.territory
    if t is None:
        return None
    sid = scope or t.default_scope
    if sid not in t.scopes:
        raise UsageError.make("usage.territory-scope", scope=sid, scopes=Listing(t.scopes))
    s = t.scopes[sid]
    out = {"scope": sid, "title": s.title, "title_fr": s.title_fr, "population": population,
           "how": "population x per-inhabitant figure of the scope, per criterion and tier",
           "organisation_gwp": own_gwp, "connected_projects_gwp": projects_gwp, "criteria": {}}
    if population is None:
        out["missing"] = "give the population (Organisation sheet or --population N)"
    for k, tiers in s.per_inhabitant.items():
        unit = fs.model.criteria[k].unit
        out["criteria"][k] = {
            "unit": unit,
            "per_inhabitant": {tier: v.value for tier, v in tiers.items()},
            "sources": sorted({f"{v.source} {v.year}" for v in tiers.values()}),
            "total": None if population is None else population * tiers["total"].value,
            "tiers": {tier: None if population is None else population * v.value
                      for tier, v in tiers.items() if tier != "total"},
        }
    return out
