"""Pydantic models of a factor set file (DESIGN §7).

Every number is a ``Value`` that carries its unit, source id and reference year, so a
report can always say where a figure came from.
"""
from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

CATEGORY_IDS: tuple[str, ...] = (
    "laptop", "desktop", "all_in_one", "monitor", "smartphone", "feature_phone", "tablet",
    "printer_inkjet", "printer_laser", "mfp", "video_projector", "tv_display", "server_rack",
    "server_tower", "nas", "network_switch", "router", "firewall", "wifi_access_point",
    "ip_phone", "videoconference_kit", "docking_station", "external_hdd", "iot_sensor",
    # added by issue 9 (ids only add, none renamed): their own sourced factors instead of a
    # neighbour's (a SAN is not a 4-bay NAS, an interactive display not a home TV)
    "storage_array", "interactive_display", "mfp_a4", "thin_client", "ups", "ip_camera",
)
CRITERIA_UNITS: dict[str, str] = {"gwp": "kgCO2e", "adpe": "kgSbeq", "pe": "MJ", "water": "m3"}


class _Strict(BaseModel):
    # NaN and infinities pass `<= 0` and range checks unseen and print as invalid JSON
    # defer_build: the validators are made when a set is first validated, so a run that
    # reads its set from the cache (enrt.factors.cache) never builds them
    model_config = ConfigDict(extra="forbid", allow_inf_nan=False, defer_build=True)


class Uncertainty(_Strict):
    """How far the true value may lie from ``value``: a relative half-width (0.3 = ±30 %)
    or an absolute min/max range, drawn triangularly, the value being the most likely (or
    uniformly, with ``distribution: uniform``); or ``distribution: lognormal`` with a
    geometric standard deviation ``gsd`` around the value (its median). docs/uncertainty.md."""

    relative: float | None = Field(default=None, strict=True, gt=0)
    min: float | None = Field(default=None, strict=True)
    max: float | None = Field(default=None, strict=True)
    distribution: Literal["uniform", "triangular", "lognormal"] | None = None
    gsd: float | None = Field(default=None, strict=True, gt=1)


class Value(_Strict):
    value: float = Field(strict=True)
    unit: str
    source: str
    year: int = Field(strict=True, ge=1990, le=2100)
    note: str | None = None
    uncertainty: Uncertainty | None = None


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
    spread_gsd: dict[Literal["H", "M", "L"], float] | None = Field(default=None, description=(
        "log-normal gsd of each data-quality level, for the values without their own "
        "uncertainty (docs/uncertainty.md); enrt's own otherwise"))


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


ACTIVITY_UNITS = ("GB", "TB-year", "vCPU-hour", "vCPU-year", "VM-year", "user-year", "k€")
ACTIVITY_KINDS = ("hosting", "network", "prestation")


class Activity(_Strict):
    """A hosted service, network traffic or a purchased prestation: impact per unit of
    activity (per GB, per VM-year, per k€ of spend…)."""

    label_fr: str | None = None
    label_en: str | None = None
    kind: Literal["hosting", "network", "prestation"]
    unit: str
    quality: int = Field(ge=1, le=5, description="data quality, 1 (specific, measured) to "
                         "5 (rough proxy), after the ADEME RCP 'Système d'information' scale")
    factors: dict[str, Value]
    aliases: list[str] = Field(default_factory=list)


TERRITORY_TIERS = ("total", "terminals", "data_centres", "networks")


class TerritoryScope(_Strict):
    """National digital footprint per inhabitant and per year, by criterion and tier."""

    title: str
    title_fr: str | None = None
    per_inhabitant: dict[str, dict[str, Value]]


class Territory(_Strict):
    default_scope: str
    scopes: dict[str, TerritoryScope]


class FactorSet(_Strict):
    schema_version: Literal[1]
    id: str
    extends: str | None = Field(default=None, description="id or path of the set this one "
                                "overrides (an overlay): its values are taken, then ours")
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
    territory: Territory | None = None
    activities: dict[str, Activity] = Field(default_factory=dict)
