"""Compare two factor sets value by value, and how each change moves an inventory.

Values are keyed by a path; electricity values by country, criterion and reference
year (``electricity.FRA.gwp@2024``), since their position in a list means nothing.
"""
from __future__ import annotations

import copy
from dataclasses import dataclass

from .loader import LoadedFactorSet
from .model import CRITERIA_UNITS, FactorSet

SCALAR_FIELDS = ("lifetime_years", "annual_kwh", "previous_life_years")


@dataclass(frozen=True)
class Change:
    path: str
    kind: str                  # "added" | "removed" | "changed"
    old: float | str | None
    new: float | str | None
    unit: str | None

    @property
    def relative(self) -> float | None:
        if self.kind != "changed" or not isinstance(self.old, float) or self.old == 0:
            return None
        return (self.new - self.old) / self.old


def flatten(m: FactorSet) -> dict[str, tuple[float | str, str | None]]:
    """path -> (value, unit) for every number (devices, electricity, services, territory),
    its source and uncertainty (``#source``, ``#uncertainty``), the datacenter flag, a
    service's unit and kind, and one entry per alias."""
    out: dict[str, tuple[float | str, str | None]] = {
        "defaults.pue": (m.defaults.pue.value, m.defaults.pue.unit),
        "defaults.country": (m.defaults.country, None)}
    def value(path: str, v) -> None:
        out[path] = (v.value, v.unit)
        out[f"{path}#source"] = (f"{v.source} {v.year}", None)
        if v.uncertainty is not None:
            u = v.uncertainty
            out[f"{path}#uncertainty"] = (f"±{u.relative:g}" if u.relative is not None
                                          else f"[{u.min:g}, {u.max:g}]", None)

    for code, country in m.electricity.items():
        for k in CRITERIA_UNITS:
            for v in getattr(country, k) or []:
                value(f"electricity.{code}.{k}@{v.year}", v)
    for cid, cat in m.categories.items():
        for name in SCALAR_FIELDS:
            value(f"categories.{cid}.{name}", getattr(cat, name))
        for k, v in cat.manufacture.items():
            value(f"categories.{cid}.manufacture.{k}", v)
        out[f"categories.{cid}.datacenter"] = ("yes" if cat.datacenter else "no", None)
        for alias in cat.aliases:
            out[f"categories.{cid}.aliases[{alias}]"] = ("alias", None)
    for aid, act in m.activities.items():
        out[f"activities.{aid}.unit"] = (act.unit, None)
        out[f"activities.{aid}.kind"] = (act.kind, None)
        for k, v in act.factors.items():
            value(f"activities.{aid}.factors.{k}", v)
        for alias in act.aliases:
            out[f"activities.{aid}.aliases[{alias}]"] = ("alias", None)
    if m.territory is not None:
        out["territory.default_scope"] = (m.territory.default_scope, None)
        for sid, scope in m.territory.scopes.items():
            for k, tiers in scope.per_inhabitant.items():
                for tier, v in tiers.items():
                    value(f"territory.scopes.{sid}.per_inhabitant.{k}.{tier}", v)
    return out


def diff_sets(a: FactorSet, b: FactorSet) -> list[Change]:
    fa, fb = flatten(a), flatten(b)
    changes = []
    for path in sorted(fa.keys() | fb.keys()):
        owner = path.split("#")[0]
        if owner != path and not (owner in fa and owner in fb):
            continue                      # the value itself is added or removed
        if path not in fb:
            changes.append(Change(path, "removed", fa[path][0], None, fa[path][1]))
        elif path not in fa:
            changes.append(Change(path, "added", None, fb[path][0], fb[path][1]))
        elif fa[path][0] != fb[path][0] or fa[path][1] != fb[path][1]:
            changes.append(Change(path, "changed", fa[path][0], fb[path][0], fb[path][1]))
    return changes


def with_change(a: LoadedFactorSet, change: Change, b: LoadedFactorSet) -> LoadedFactorSet:
    """Set A with one difference from B applied: a changed number, or an electricity
    year added or removed. Other differences (aliases, new categories) return A as is."""
    path = change.path
    if "#" in path:                       # a source or an uncertainty: no number moves
        return a
    data = copy.deepcopy(a.data)
    if path.endswith(".datacenter") and change.kind == "changed":
        data["categories"][path.split(".")[1]]["datacenter"] = change.new == "yes"
    elif path.startswith("electricity."):
        _, code, rest = path.split(".", 2)
        k, year = rest.split("@")
        entries = data["electricity"].get(code, {}).get(k)
        if change.kind == "added":
            new = next(e for e in b.data["electricity"][code][k] if e["year"] == int(year))
            if entries is None:
                return a
            entries.append(copy.deepcopy(new))
            data["sources"].setdefault(new["source"], b.data["sources"][new["source"]])
        elif change.kind == "removed":
            kept = [e for e in entries if e["year"] != int(year)]
            if not kept:
                return a
            data["electricity"][code][k] = kept
        else:
            for entry in entries:
                if entry["year"] == int(year):
                    entry["value"] = change.new
    elif change.kind == "changed" and isinstance(change.new, float):
        node = data
        for part in path.split("."):
            node = node[part]
        node["value"] = change.new
    else:
        return a
    model = FactorSet.model_validate(data)
    return LoadedFactorSet(model=model, path=a.path, sha256=a.sha256, data=data, base=a.base)
