"""Pydantic models of a factor set file (DESIGN §7).

Every number is a ``Value`` that carries its unit, source id and reference year, so a
report can always say where a figure came from.
"""
from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

CATEGORY_IDS: tuple[str, ...] = (
    "laptop", "desktop", "all_in_one", "monitor", "smartphone", "feature_phone", "tablet",
    "printer_inkjet", "printer_laser", "mfp", "video_projector", "tv_display", "server_rack",
    "server_tower", "nas", "network_switch", "router", "firewall", "wifi_access_point",
    "ip_phone", "videoconference_kit", "docking_station", "external_hdd", "iot_sensor",
)
CRITERIA_UNITS: dict[str, str] = {"gwp": "kgCO2e", "adpe": "kgSbeq", "pe": "MJ", "water": "m3"}
UNITS = frozenset({"kgCO2e", "kgSbeq", "MJ", "m3", "kWh", "year", "ratio",
                   "kgCO2e/kWh", "kgSbeq/kWh", "MJ/kWh", "m3/kWh"})


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid")


class Uncertainty(_Strict):
    """Relative half-width (0.3 = ±30 %) or an absolute min/max range."""

    relative: float | None = Field(default=None, strict=True, gt=0)
    min: float | None = Field(default=None, strict=True)
    max: float | None = Field(default=None, strict=True)


class Value(_Strict):
    value: float = Field(strict=True)
    unit: str
    source: str
    year: int = Field(strict=True, ge=1990, le=2100)
    note: str | None = None
    uncertainty: Uncertainty | None = None

    @model_validator(mode="after")
    def _unit_known(self) -> "Value":
        if self.unit not in UNITS:
            raise ValueError(f"unknown unit {self.unit!r}; use one of {', '.join(sorted(UNITS))}")
        return self


class Source(_Strict):
    title: str
    publisher: str | None = None
    url: str | None = None
    license: str | None = None
    accessed: str | None = None
    note: str | None = None


class Criterion(_Strict):
    unit: str
    name: str | None = None


class Defaults(_Strict):
    country: str = "FRA"
    pue: Value


class Country(_Strict):
    name: str | None = None
    gwp: list[Value] = Field(min_length=1)
    adpe: list[Value] | None = None
    pe: list[Value] | None = None
    water: list[Value] | None = None


class Category(_Strict):
    label_fr: str | None = None
    label_en: str | None = None
    lifetime_years: Value
    annual_kwh: Value
    previous_life_years: Value
    datacenter: bool = False
    confidence: Literal["H", "M", "L"] | None = None
    manufacture: dict[str, Value]
    aliases: list[str] = Field(default_factory=list)


class FactorSet(_Strict):
    schema_version: Literal[1]
    id: str
    version: str
    title: str | None = None
    published: str
    license: str
    description: str | None = None
    defaults: Defaults
    criteria: dict[str, Criterion]
    sources: dict[str, Source]
    electricity: dict[str, Country]
    categories: dict[str, Category]

    @model_validator(mode="after")
    def _consistent(self) -> "FactorSet":
        problems = []
        for k, crit in self.criteria.items():
            if CRITERIA_UNITS.get(k) != crit.unit:
                problems.append(f"criteria.{k}: unknown criterion or unit (expected one of "
                                f"{', '.join(f'{c} [{u}]' for c, u in CRITERIA_UNITS.items())})")
        for cid in self.categories:
            if cid not in CATEGORY_IDS:
                problems.append(f"categories.{cid}: not a category id of DESIGN §4")
        for path, v in self.iter_values():
            if v.source not in self.sources:
                problems.append(f"{path}.source: {v.source!r} is not in the sources table")
        if self.defaults.country not in self.electricity:
            problems.append(f"electricity: no entry for the default country {self.defaults.country}")
        if problems:
            raise ValueError("; ".join(problems))
        return self

    def iter_values(self):
        """Yield (key path, Value) for every number in the set."""
        yield "defaults.pue", self.defaults.pue
        for code, country in self.electricity.items():
            for k in CRITERIA_UNITS:
                for i, v in enumerate(getattr(country, k) or []):
                    yield f"electricity.{code}.{k}[{i}]", v
        for cid, cat in self.categories.items():
            for field in ("lifetime_years", "annual_kwh", "previous_life_years"):
                yield f"categories.{cid}.{field}", getattr(cat, field)
            for k, v in cat.manufacture.items():
                yield f"categories.{cid}.manufacture.{k}", v
