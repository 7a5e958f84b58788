"""Validate factor files and report findings with file, line, key path and fix.

Three layers, each adding what the previous cannot see: the YAML node tree (duplicate
keys, YAML 1.1 traps), the pydantic schema (types, required fields), and the rules the
engine relies on (units per field, ranges, sources, aliases, the default country).
"""
from __future__ import annotations

import math
from dataclasses import asdict, dataclass

import yaml
from pydantic import ValidationError

from ..normalize import fold
from .model import (ACTIVITY_UNITS, CATEGORY_IDS, CRITERIA_UNITS, TERRITORY_TIERS, FactorSet,
                    Value)
from .yamlmap import BLOCKING, first_anchor, join, key_lines, line_of

_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)     # libyaml when installed: 5x faster
# the shipped sets are under 50 kB; reading a YAML file takes ~40 times its size in memory
from .files import (MAX_FACTOR_BYTES, MAX_FACTOR_BYTES_ENV,  # noqa: F401  (used and re-exported)
                    FactorFileTooLarge, max_factor_bytes, read_factor_bytes)
LIFETIME_RANGE = (0.5, 30.0)
PREVIOUS_LIFE_RANGE = (0.0, 20.0)
PUE_RANGE = (1.0, 5.0)
FIELD_UNITS = {"lifetime_years": "year", "annual_kwh": "kWh", "previous_life_years": "year"}


@dataclass(frozen=True)
class Finding:
    file: str
    line: int | None
    path: str
    code: str
    message: str
    fix: str
    severity: str = "error"

    def as_dict(self) -> dict:
        return asdict(self)

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}" if self.line else self.file
        return f"{where}: {self.severity}: {self.path or '(file)'}: {self.message} ({self.code})" \
               f"\n    fix: {self.fix}"




def parse(text: str, file: str) -> tuple[object, dict[str, int], list[Finding]]:
    """YAML text -> (data, line map, findings of the YAML layer); data is None when the
    text is not YAML, or is YAML a factor file must not be built from (anchors and
    aliases, tags, deep nesting)."""
    loader = _LOADER(text)
    try:
        try:
            root = loader.get_single_node()
        except yaml.YAMLError as exc:
            return None, {}, [_yaml_error(exc, file, "not valid YAML")]
        if root is None:
            return None, {}, [Finding(file, None, "", "empty-file", "the file is empty",
                                      "write a factor set (start from 'enrt factors show "
                                      "ademe-2025'; 'enrt schema factors' gives the format)")]
        anchor = first_anchor(text, _LOADER)    # before the node tree is walked or built
        if anchor is not None:
            return None, {}, [Finding(file, anchor.line, anchor.path, anchor.code,
                                      anchor.message, anchor.fix)]
        lines, traps = key_lines(root)
        findings = [Finding(file, t.line, t.path, t.code, t.message, t.fix) for t in traps]
        if any(t.code in BLOCKING for t in traps):
            return None, lines, findings
        try:
            data = loader.construct_document(root)
        except (yaml.YAMLError, ValueError, OverflowError, RecursionError) as exc:
            if findings:                # the cause is already reported with its line
                return None, lines, findings
            return None, lines, [_yaml_error(exc, file, "cannot be read")]
        return data, lines, findings
    finally:
        loader.dispose()


def _yaml_error(exc: Exception, file: str, what: str) -> Finding:
    mark = getattr(exc, "problem_mark", None)
    problem = getattr(exc, "problem", None) or exc
    return Finding(file, mark.line + 1 if mark else None, "", "yaml-syntax",
                   f"{what}: {str(problem)[:200]}", "fix the YAML syntax at that line")


def validate(data: object, lines: dict[str, int], file: str) -> tuple[FactorSet | None,
                                                                      list[Finding]]:
    """Schema then engine rules; the model is returned only when the schema passes."""
    if not isinstance(data, dict):
        return None, [Finding(file, 1, "", "not-a-mapping", "a factor set is a YAML mapping",
                              "start from a shipped set ('enrt factors show ademe-2025'; "
                              "'enrt schema factors' gives the format)")]
    try:
        model = FactorSet.model_validate(data)
    except ValidationError as exc:
        return None, [_schema_finding(err, lines, file) for err in exc.errors()
                      if not any(isinstance(p, bool) for p in err["loc"])]
    return model, rules(model, lines, file)


def _schema_finding(err: dict, lines: dict[str, int], file: str) -> Finding:
    path = ""
    for part in err["loc"]:
        path = join(path, part)
    last = err["loc"][-1] if err["loc"] else ""
    if err["type"] == "missing":
        code = f"missing-{last}" if last in ("source", "year", "unit", "value") else \
            "missing-field"
        fix = f"add `{last}:` here" + (" (a key of the sources table)" if last == "source" else
                                       " (the reference year of the figure)" if last == "year"
                                       else "")
        return Finding(file, line_of(lines, path), path, code, f"{last!r} is required", fix)
    if err["type"] == "extra_forbidden":
        return Finding(file, line_of(lines, path), path, "unknown-key",
                       f"unknown key {last!r}", "remove it, or check its spelling")
    return Finding(file, line_of(lines, path), path, "schema", err["msg"],
                   "give a value of the expected type (numbers unquoted, text quoted)")


def rules(m: FactorSet, lines: dict[str, int], file: str) -> list[Finding]:
    out: list[Finding] = []

    def add(path: str, code: str, message: str, fix: str, severity: str = "error") -> None:
        out.append(Finding(file, line_of(lines, path), path, code, message, fix, severity))

    for k, crit in m.criteria.items():
        if k not in CRITERIA_UNITS:
            add(f"criteria.{k}", "unknown-criterion", f"unknown criterion {k!r}",
                "use gwp, adpe, pe or water")
        elif crit.unit != CRITERIA_UNITS[k]:
            add(f"criteria.{k}.unit", "unknown-unit", f"{k} is in {CRITERIA_UNITS[k]}, "
                f"not {crit.unit}", f"write unit: {CRITERIA_UNITS[k]}")
    used_sources = set()
    for path, v, expected in _values_with_units(m):
        used_sources.add(v.source)
        _check_value(path, v, expected, m, add)
    for name in m.sources:
        if name not in used_sources:
            add(f"sources.{name}", "unused-source", f"source {name!r} is not used by any value",
                "remove it, or cite it where it applies", "warning")
    for level, gsd in (m.defaults.spread_gsd or {}).items():
        if not 1 < gsd <= 10:
            add(f"defaults.spread_gsd.{level}", "uncertainty-inconsistent",
                f"a gsd of {gsd:g} is not a spread", "give a gsd above 1 (1.3: ±30 % or so)")
    if m.defaults.country not in m.electricity:
        add("electricity", "missing-default-country", "the electricity table has no entry "
            f"for the default country {m.defaults.country}",
            f"add electricity.{m.defaults.country}, or change defaults.country")
    for code, country in m.electricity.items():
        if not (len(code) == 3 and code.isalpha() and code.isupper()):
            add(f"electricity.{code}", "country-code", f"{code!r} is not an ISO 3166 "
                "alpha-3 code", 'use three capital letters, quoted, e.g. "NOR"')
        for k in CRITERIA_UNITS:
            years = [v.year for v in getattr(country, k) or []]
            for year in {y for y in years if years.count(y) > 1}:
                add(f"electricity.{code}.{k}", "duplicate-year", f"two {k} values for {year}",
                    "keep one value per reference year")
    for cid, cat in m.categories.items():
        base = f"categories.{cid}"
        if cid not in CATEGORY_IDS:
            add(base, "unknown-category", f"{cid!r} is not a category id of DESIGN §4",
                "use one of: " + ", ".join(CATEGORY_IDS))
        if "gwp" not in cat.manufacture:
            add(f"{base}.manufacture", "missing-gwp", "no manufacture gwp value",
                "add manufacture.gwp (kgCO2e per unit): the engine needs it")
        for k in cat.manufacture:
            if k not in m.criteria:
                add(f"{base}.manufacture.{k}", "undeclared-criterion",
                    f"criterion {k!r} is not declared in `criteria`", f"declare criteria.{k}")
    if m.territory is not None:
        t = m.territory
        if t.default_scope not in t.scopes:
            add("territory.default_scope", "unknown-scope", f"scope {t.default_scope!r} is not "
                "in territory.scopes", "name one of the scopes")
        for sid, scope in t.scopes.items():
            for k, tiers in scope.per_inhabitant.items():
                base = f"territory.scopes.{sid}.per_inhabitant.{k}"
                if k not in m.criteria:
                    add(base, "undeclared-criterion", f"criterion {k!r} is not declared",
                        f"declare criteria.{k}")
                if "total" not in tiers:
                    add(base, "missing-field", "no `total` per inhabitant", "add total:")
                for tier in tiers:
                    if tier not in TERRITORY_TIERS:
                        add(f"{base}.{tier}", "unknown-key", f"unknown tier {tier!r}",
                            "use " + ", ".join(TERRITORY_TIERS))
    for aid, act in m.activities.items():
        if act.unit not in ACTIVITY_UNITS:
            add(f"activities.{aid}.unit", "unknown-unit", f"activity unit {act.unit!r} is not "
                "known", "use one of: " + ", ".join(ACTIVITY_UNITS))
        if "gwp" not in act.factors:
            add(f"activities.{aid}.factors", "missing-gwp", "no gwp factor", "add factors.gwp")
    out.extend(_alias_conflicts(m, lines, file))
    return out


def _values_with_units(m: FactorSet):
    yield "defaults.pue", m.defaults.pue, "ratio"
    for code, country in m.electricity.items():
        for k, unit in CRITERIA_UNITS.items():
            for i, v in enumerate(getattr(country, k) or []):
                yield f"electricity.{code}.{k}[{i}]", v, f"{unit}/kWh"
    for cid, cat in m.categories.items():
        for name, unit in FIELD_UNITS.items():
            yield f"categories.{cid}.{name}", getattr(cat, name), unit
        for k, v in cat.manufacture.items():
            yield f"categories.{cid}.manufacture.{k}", v, CRITERIA_UNITS.get(k, v.unit)
    for aid, act in m.activities.items():
        for k, v in act.factors.items():
            yield f"activities.{aid}.factors.{k}", v, CRITERIA_UNITS.get(k, v.unit)
    for sid, scope in (m.territory.scopes.items() if m.territory else ()):
        for k, tiers in scope.per_inhabitant.items():
            for tier, v in tiers.items():
                yield (f"territory.scopes.{sid}.per_inhabitant.{k}.{tier}", v,
                       CRITERIA_UNITS.get(k, v.unit))


MAX_FACTOR_VALUE = 1e9     # no factor, lifetime or kWh of a device or a service comes near


def _check_value(path: str, v: Value, expected: str, m: FactorSet, add) -> None:
    if not math.isfinite(v.value):      # the schema refuses them; kept for models built in code
        add(f"{path}.value", "non-finite-value", f"{v.value} is not a finite number",
            "give a finite number; if the source has no figure, leave the value out")
        return
    if abs(v.value) > MAX_FACTOR_VALUE:
        add(f"{path}.value", "implausible-value", f"{v.value:g} is beyond any plausible factor "
            f"(at most {MAX_FACTOR_VALUE:g})", "check the unit and the exponent; the totals "
            "would overflow")
        return
    if v.unit != expected:
        add(f"{path}.unit", "unknown-unit", f"unit {v.unit!r} where {expected} is expected",
            f"write unit: {expected} (convert the value if needed)")
    if v.source not in m.sources:
        add(f"{path}.source", "unknown-source", f"source {v.source!r} is not in the sources "
            "table", f"add sources.{v.source}, or cite one of: {', '.join(sorted(m.sources))}")
    field = path.rsplit(".", 1)[-1]
    if field == "lifetime_years" and not LIFETIME_RANGE[0] <= v.value <= LIFETIME_RANGE[1]:
        add(f"{path}.value", "lifetime-range", f"lifetime {v.value:g} years is out of range",
            f"give {LIFETIME_RANGE[0]:g} to {LIFETIME_RANGE[1]:g} years")
    elif field == "previous_life_years" and not \
            PREVIOUS_LIFE_RANGE[0] <= v.value <= PREVIOUS_LIFE_RANGE[1]:
        add(f"{path}.value", "lifetime-range", f"previous life {v.value:g} years is out of "
            "range", f"give {PREVIOUS_LIFE_RANGE[0]:g} to {PREVIOUS_LIFE_RANGE[1]:g} years")
    elif path == "defaults.pue" and not PUE_RANGE[0] <= v.value <= PUE_RANGE[1]:
        add(f"{path}.value", "pue-range", f"PUE {v.value:g} is out of range", "give 1 to 5")
    elif field == "annual_kwh" and not v.value >= 0:
        add(f"{path}.value", "negative-value", f"negative energy {v.value:g}", "give 0 or more")
    elif field not in FIELD_UNITS and path != "defaults.pue" and not v.value > 0:
        add(f"{path}.value", "non-positive-value", f"{v.value:g} must be more than 0",
            "an impact factor is a positive number")
    u = v.uncertainty
    if u is None:
        return
    has_range = u.min is not None or u.max is not None
    lognormal = u.distribution == "lognormal"
    if lognormal and (u.gsd is None or has_range or u.relative is not None):
        add(f"{path}.uncertainty", "uncertainty-inconsistent",
            "a log-normal spread is given by its gsd alone",
            "give gsd (over 1, e.g. 1.5) and no relative, min or max")
    elif u.gsd is not None and not lognormal:
        add(f"{path}.uncertainty.gsd", "uncertainty-inconsistent",
            "gsd is the spread of a log-normal distribution",
            "add distribution: lognormal, or give relative or min and max instead")
    elif u.distribution is not None and not lognormal and not has_range and u.relative is None:
        add(f"{path}.uncertainty", "uncertainty-inconsistent",
            f"a {u.distribution} distribution needs its range",
            "give relative, or min and max")
    elif u.relative is not None and has_range:
        add(f"{path}.uncertainty", "uncertainty-inconsistent", "both relative and min/max given",
            "give either relative or min and max")
    elif has_range and (u.min is None or u.max is None or not u.min <= v.value <= u.max):
        add(f"{path}.uncertainty", "uncertainty-inconsistent",
            f"range [{u.min}, {u.max}] does not contain the value {v.value:g}",
            "give both min and max, with min <= value <= max")
    elif u.relative is not None and u.relative > 10:
        add(f"{path}.uncertainty.relative", "uncertainty-inconsistent",
            f"relative uncertainty {u.relative:g} is over 1000 %",
            "write it as a fraction: 0.3 for ±30 %")
    elif u.relative is not None and u.relative >= 1:
        add(f"{path}.uncertainty.relative", "uncertainty-inconsistent",
            f"relative uncertainty {u.relative:g} reaches below zero",
            "a spread of a factor 2 or more is log-normal: give distribution: lognormal "
            "and gsd")
    elif has_range and u.min < 0 <= v.value:
        add(f"{path}.uncertainty.min", "uncertainty-inconsistent",
            f"range [{u.min}, {u.max}] reaches below zero", "give a min of 0 or more")


def _alias_conflicts(m: FactorSet, lines: dict[str, int], file: str) -> list[Finding]:
    owner: dict[str, str] = {}
    out = []
    for cid, cat in m.categories.items():
        for i, alias in enumerate([cid.replace("_", " "), *cat.aliases]):
            key = fold(alias)
            if key in owner and owner[key] != cid:
                path = f"categories.{cid}.aliases[{i - 1}]" if i else f"categories.{cid}"
                out.append(Finding(file, line_of(lines, path), path, "alias-conflict",
                                   f"alias {alias!r} is also claimed by {owner[key]}",
                                   "keep it on one category only"))
            owner.setdefault(key, cid)
    return out
