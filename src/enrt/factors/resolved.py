"""The resolved view of a factor set (DESIGN §6, ``enrt factors show --format json``)."""
from __future__ import annotations

from .arrays import pick_year
from .loader import LoadedFactorSet
from .model import CRITERIA_UNITS


def resolved(fs: LoadedFactorSet, year: int) -> dict:
    m = fs.model
    electricity = {}
    for code in sorted(m.electricity):
        country = m.electricity[code]
        electricity[code] = {k: pick_year(getattr(country, k), year).value
                             for k in m.criteria if getattr(country, k, None)}
    return {
        "id": m.id, "version": m.version, "sha256": fs.sha256, "published": m.published,
        "license": m.license, "electricity_year": year,
        "criteria": {k: {"unit": c.unit} for k, c in m.criteria.items() if k in CRITERIA_UNITS},
        "electricity": electricity,
        "defaults": {"country": m.defaults.country, "pue": m.defaults.pue.value},
        "categories": {
            cid: {"label_fr": c.label_fr, "label_en": c.label_en,
                  "lifetime_years": c.lifetime_years.value, "annual_kwh": c.annual_kwh.value,
                  "manufacture": {k: v.value for k, v in c.manufacture.items()},
                  "previous_life_years": c.previous_life_years.value,
                  "datacenter": c.datacenter, "aliases": list(c.aliases)}
            for cid, c in m.categories.items()},
        "activities": {
            aid: {"label_fr": a.label_fr, "label_en": a.label_en, "kind": a.kind,
                  "unit": a.unit, "quality": a.quality,
                  "factors": {k: v.value for k, v in a.factors.items()},
                  "aliases": list(a.aliases)}
            for aid, a in m.activities.items()},
    }
