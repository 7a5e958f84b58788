"""Two campaigns side by side (``enrt compare OLD.json NEW.json``): what changed, by
criterion, phase, category, entity and indicator, and why, by driver (attribution.py).

Both inputs are enrt JSON reports. When they used different factor sets, the change mixes
the inventory's change and the method's: with the old inventory at hand
(``--inventory-old``), the old year is assessed again under the new set and the
difference is the factor-set part; without it, the comparison says so and the per-unit
parts carry the factor-set change as well.
"""
from __future__ import annotations

import json
from pathlib import Path

from pydantic import BaseModel, Field

from .attribution import DRIVERS, Side, attribute
from .errors import InputError
from .report.model import JsonDocument, Report


class Change(BaseModel):
    old: float | None
    new: float | None
    change: float | None
    change_pct: float | None = Field(None, description="change / old (a ratio)")
    unit: str | None = None


class CampaignRef(BaseModel):
    path: str
    year: int
    method: str
    factor_set: str = Field(description="id version (sha256 first 12)")
    organisation: str | None = None


class Comparison(JsonDocument):
    schema_version: str = "1"
    kind: str = "comparison"
    old: CampaignRef
    new: CampaignRef
    same_factor_set: bool
    restated: bool = Field(False, description="the old year assessed again under the new "
                           "set (--inventory-old)")
    warnings: list[str] = Field(default_factory=list)
    totals: dict[str, dict[str, Change]] = Field(description="criterion -> manufacture, use, "
                                                 "services, total")
    attribution: dict[str, dict[str, float]] = Field(description=(
        "criterion -> driver -> part of the total change; the parts add up to the change"))
    by_category: dict[str, dict[str, Change]] = Field(description="category -> quantity, gwp")
    labels: dict[str, list[str | None]] = Field(default_factory=dict, description=(
        "category -> [French label, English label]"))
    by_entity: dict[str, Change] = Field(default_factory=dict, description="gwp")
    indicators: dict[str, Change] = Field(default_factory=dict)


MAX_REPORT_BYTES = 1 << 30      # a report of a million rows with every issue is ~0.5 GB


def load_report(path: str | Path) -> Report:
    """An enrt JSON report, or an input error naming the file."""
    p = Path(path)
    try:
        if p.stat().st_size > MAX_REPORT_BYTES:  # FileNotFoundError: below
            raise InputError.make("compare.not-a-report", file=str(p),
                                  problem=f"larger than {MAX_REPORT_BYTES >> 20} MB")
        data = json.loads(p.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise InputError.make("compare.not-found", file=str(p)) from None
    except (OSError, ValueError, RecursionError) as exc:     # JSON and decoding errors
        raise InputError.make("compare.not-a-report", file=str(p), problem=str(exc)) from exc
    if isinstance(data, dict) and data.get("kind") in ("comparison", "simulation"):
        raise InputError.make("compare.not-a-report", file=str(p),
                              problem=f"a {data['kind']}, not an assessment report")
    if not isinstance(data, dict) or data.get("schema_version") != "1" or "totals" not in data:
        raise InputError.make("compare.not-a-report", file=str(p),
                              problem="no schema_version 1 and totals")
    try:
        return Report.model_validate(data)
    except ValueError as exc:
        raise InputError.make("compare.not-a-report", file=str(p),
                              problem=str(exc).splitlines()[0]) from exc


def restate(old: Report, new: Report, inputs, factors: str | Path | None = None) -> Report:
    """The old campaign's inventory assessed again, with its own year, method and reading
    options, under the new report's factor set (the same file: checked by its sha256)."""
    from .factors.loader import load_factor_set
    from .options import AssessOptions
    from .pipeline import run
    ref = new.factor_set
    try:
        fs = load_factor_set(factors or ref.id)
    except Exception as exc:
        raise InputError.make("compare.factor-set", id=ref.id, version=ref.version) from exc
    if fs.sha256 != ref.sha256:
        raise InputError.make("compare.factor-set", id=ref.id, version=ref.version)
    from .inventory.reader import file_sha256
    given = sorted(file_sha256(Path(p)) for p in inputs if Path(p).is_file())
    if given != sorted(i.sha256 for i in old.inputs):
        raise InputError.make("compare.inventory-old", files=", ".join(map(str, inputs)))
    o = old.options or {}
    return run(list(inputs), AssessOptions(
        year=old.assessment.year, method=old.assessment.method,
        second_life=o.get("second_life", "row"), count_stock=bool(o.get("count_stock")),
        include_hidden=bool(o.get("include_hidden")), country=o.get("country")), fs)


def compare(old: Report, new: Report, old_path: str = "old", new_path: str = "new",
            restated: Report | None = None) -> Comparison:
    """``restated``: the old inventory assessed again with the new report's factor set."""
    same = old.factor_set.sha256 == new.factor_set.sha256
    warnings = []
    if not same:
        warnings.append("factor-sets-differ-restated" if restated is not None
                        else "factor-sets-differ")
    if "numecoeval" in (old.assessment.method, new.assessment.method):
        warnings.append("numecoeval-snapshot")
    if old.assessment.method != new.assessment.method:
        warnings.append("methods-differ")
    if new.assessment.year < old.assessment.year:
        warnings.append("years-reversed")
    if new.assessment.year == old.assessment.year and \
            sorted(i.sha256 for i in old.inputs) == sorted(i.sha256 for i in new.inputs):
        warnings.append("same-campaign")
    names = [(r.organisation or {}).get("name") for r in (old, new)]
    if all(names) and names[0] != names[1]:
        warnings.append("organisations-differ")
    base = restated if restated is not None else old
    crits = [k for k in new.totals if k in old.totals]
    attribution = {}
    for k in crits:
        parts = attribute(_sides(base, k), _sides(new, k), _electricity(base, k),
                          _electricity(new, k), base.totals[k].services or 0.0,
                          new.totals[k].services or 0.0)
        if restated is not None:
            parts["factor_set"] = _total(restated, k) - _total(old, k)
        attribution[k] = parts
    return Comparison(
        old=_ref(old, old_path), new=_ref(new, new_path), same_factor_set=same,
        restated=restated is not None, warnings=warnings,
        totals={k: {ph: _change(getattr(old.totals[k], ph), getattr(new.totals[k], ph))
                    for ph in ("manufacture", "use", "services", "total")} for k in crits},
        attribution=attribution,
        by_category=_by_category(old, new),
        labels={c.category: [c.label, c.label_en] for r in (old, new) for c in r.by_category},
        by_entity=_lines(old.by_entity, new.by_entity, "entity"),
        indicators={key: _change(old.indicators[key].get("value"),
                                 new.indicators[key].get("value"),
                                 new.indicators[key].get("unit"))
                    for key in new.indicators if key in old.indicators
                    and _number(old.indicators[key].get("value"))
                    and _number(new.indicators[key].get("value"))})


def _number(x) -> bool:
    return isinstance(x, (int, float)) and not isinstance(x, bool)


def _change(a: float | None, b: float | None, unit: str | None = None) -> Change:
    if a is None or b is None:
        return Change(old=a, new=b, change=None, unit=unit)
    return Change(old=a, new=b, change=b - a, change_pct=(b - a) / a if a else None,
                  unit=unit)


def _total(r: Report, k: str) -> float:
    t = r.totals[k]
    return (t.manufacture or 0.0) + (t.use or 0.0) + (t.services or 0.0)


def _ref(r: Report, path: str) -> CampaignRef:
    fs = r.factor_set
    return CampaignRef(path=path, year=r.assessment.year, method=r.assessment.method,
                       factor_set=f"{fs.id} {fs.version} ({fs.sha256[:12]})",
                       organisation=(r.organisation or {}).get("name"))


def _sides(r: Report, k: str) -> dict[str, Side]:
    out = {}
    for c in r.by_category:
        pv = c.gwp if k == "gwp" else c.criteria.get(k)
        out[c.category] = Side(c.quantity, (pv.manufacture or 0.0) if pv else 0.0,
                               (pv.use or 0.0) if pv else 0.0)
    return out


def _electricity(r: Report, k: str) -> float | None:
    """The electricity factor of a report that used one country's only; else None."""
    used = r.factor_set.electricity
    if len(used) != 1:
        return None
    value = next(iter(used.values())).get(k)
    return value.value if value is not None and value.value > 0 else None


def _by_category(old: Report, new: Report) -> dict[str, dict[str, Change]]:
    a = {c.category: c for c in old.by_category}
    b = {c.category: c for c in new.by_category}
    out = {}
    for cat in [*b, *(c for c in a if c not in b)]:
        x, y = a.get(cat), b.get(cat)
        out[cat] = {"quantity": _change(x.quantity if x else 0.0, y.quantity if y else 0.0),
                    "gwp": _change(x.gwp.total if x else 0.0, y.gwp.total if y else 0.0)}
    return out


def _lines(old, new, key: str) -> dict[str, Change]:
    a = {getattr(x, key): x.gwp.total for x in old}
    b = {getattr(x, key): x.gwp.total for x in new}
    return {name: _change(a.get(name, 0.0), b.get(name, 0.0))
            for name in [*b, *(n for n in a if n not in b)]}


__all__ = ["Comparison", "compare", "load_report", "restate", "DRIVERS"]
