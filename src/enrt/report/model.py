"""The report (DESIGN §6, schema_version "1"): what tools and tests rely on.

Numbers are unrounded; ``None`` means "not covered" (a criterion the factor set cannot
compute for some equipment), never zero.
"""
from __future__ import annotations

import re

from pydantic import BaseModel, Field

from ..issues import Issue


_C1 = re.compile("[\u0080-\u009f\u2028\u2029]")


class JsonDocument(BaseModel):
    """What enrt writes as JSON (a report, a comparison, a simulation)."""

    def to_json(self) -> str:
        """Strict JSON (no NaN/Infinity: pydantic writes null); C1 control characters,
        which JSON allows raw, are escaped so the text is inert on a terminal."""
        return _C1.sub(lambda m: f"\\u{ord(m.group()):04x}",
                       self.model_dump_json(indent=2)) + "\n"


class Tool(BaseModel):
    name: str = "enrt"
    version: str


class ElectricityUsed(BaseModel):
    value: float
    unit: str
    year: int
    source: str


class SetId(BaseModel):
    id: str
    version: str
    sha256: str


class FactorSetRef(SetId):
    title: str | None = None
    extends: list[SetId] = Field(default_factory=list,
                                 description="sets this overlay extends, nearest first")
    default_pue: float
    electricity: dict[str, dict[str, ElectricityUsed]] = Field(default_factory=dict)
    sources: dict[str, dict] = Field(default_factory=dict, description=(
        "the factor set's sources cited by the values this report used: id -> title, "
        "publisher, url"))


class Assessment(BaseModel):
    year: int
    as_of: str
    method: str


class SheetReport(BaseModel):
    name: str | None
    kind: str
    header_row: int | None
    rows_read: int
    rows_assessed: int
    rows_rejected: int
    rows_skipped: int
    skipped: dict[str, int] = Field(default_factory=dict, description="skipped rows by reason")
    left_out: str | None = Field(None, description="why the whole sheet is left out "
                                 "(hidden_sheet, restated)")


class InputReport(BaseModel):
    path: str
    sha256: str
    rows_read: int
    rows_assessed: int
    rows_rejected: int
    rows_skipped: int
    rows_skipped_blank: int
    rows_skipped_total: int
    skipped: dict[str, int] = Field(default_factory=dict, description=(
        "skipped rows by reason: blank, total, heading, not_in_use, hidden, hidden_sheet, "
        "out_of_period, not_physical, restated"))
    assessed_share: float | None = Field(None, description=(
        "rows assessed / (rows assessed + rows rejected): below 1 the totals are incomplete; "
        "null when the input has no row to assess"))
    sheets: list[SheetReport]


class InputLine(BaseModel):
    """One input of a multi-file assessment, with its own organisation and figures."""

    path: str
    organisation: dict
    quantity: float
    gwp: PhaseValues
    criteria: dict[str, PhaseValues]
    services_gwp: float | None = None
    assessed_share: float | None = None
    indicators: dict[str, dict] = Field(default_factory=dict)


class PhaseValues(BaseModel):
    manufacture: float | None
    use: float | None
    total: float | None


class CriterionTotal(PhaseValues):
    unit: str
    services: float | None = Field(default=0.0, description="hosted services, network "
                                   "traffic and prestations (total includes them)")
    not_covered: list[str] = Field(default_factory=list,
                                   description="categories this criterion leaves out")
    complete: bool = Field(True, description="false when the total leaves out categories, "
                           "services or a whole phase: it is then a lower bound")
    coverage: float = Field(1.0, description="share of the units whose factor set gives both "
                            "phases for this criterion")


class CategoryLine(BaseModel):
    category: str
    label: str | None
    label_en: str | None = None
    quantity: float
    rows: int
    gwp: PhaseValues
    criteria: dict[str, PhaseValues]


class EntityLine(BaseModel):
    entity: str
    quantity: float
    gwp: PhaseValues
    criteria: dict[str, PhaseValues]


class ActivityLine(BaseModel):
    activity: str
    label: str | None
    label_en: str | None = None
    kind: str
    unit: str
    quantity: float
    quality: int
    rows: int
    criteria: dict[str, float | None]


class ProjectLine(BaseModel):
    project: str
    quantity: float
    gwp: PhaseValues
    criteria: dict[str, PhaseValues]


class SiteLine(BaseModel):
    site: str
    quantity: float
    gwp: PhaseValues
    criteria: dict[str, PhaseValues]


class Disclosure(BaseModel):
    """A convention of the method that changes how a figure reads (carbon-accounting
    disclosures): what the annual figure counts, and what it does not."""

    code: str
    text: str
    value: float | None = None
    unit: str | None = None


class Interval(BaseModel):
    """A figure with its 90 % interval (docs/uncertainty.md)."""

    central: float | None = Field(description="the deterministic result, as in totals")
    p5: float
    median: float
    p95: float


class UncertainInput(BaseModel):
    """One input's first-order share of the variance of a criterion's total."""

    input: str = Field(description="kind:what, e.g. manufacture:laptop, electricity:FRA, "
                       "lifetime:monitor (undated rows), annual_kwh:laptop, quantity, country")
    kind: str
    category: str | None = None
    country: str | None = None
    share: float
    units: float | None = Field(None, description="units of the rows that left it blank")


class UncertaintyReport(BaseModel):
    draws: int
    seed: int
    interval: float = 0.9
    how: str = ("Monte Carlo over the factors and the inputs left blank, on the ledger's "
                "sums by category and country (docs/uncertainty.md)")
    totals: dict[str, dict[str, Interval]] = Field(description="criterion -> manufacture, "
                                                   "use, total")
    by_category: dict[str, dict[str, Interval]] = Field(description="criterion -> category "
                                                        "-> total")
    by_entity: dict[str, Interval] = Field(default_factory=dict, description="gwp")
    by_site: dict[str, Interval] = Field(default_factory=dict, description="gwp")
    by_project: dict[str, Interval] = Field(default_factory=dict, description="gwp")
    sensitivity: dict[str, list[UncertainInput]] = Field(description=(
        "criterion -> inputs ranked by their share of the variance: what to improve first"))
    territory: dict[str, dict] | None = Field(None, description=(
        "the territory estimate's published interval, per criterion"))


class Report(JsonDocument):
    schema_version: str = "1"
    tool: Tool
    factor_set: FactorSetRef
    assessment: Assessment
    inputs: list[InputReport]
    totals: dict[str, CriterionTotal]
    by_category: list[CategoryLine]
    by_entity: list[EntityLine]
    by_site: list[SiteLine]
    activities: list[ActivityLine] = Field(default_factory=list,
                                           description="hosted services, network, prestations")
    by_project: list[ProjectLine] = Field(default_factory=list,
                                          description="connected-territory projects")
    by_input: list[InputLine] = Field(default_factory=list, description=(
        "each input file apart, with its own organisation and indicators"))
    mapping: dict | None = Field(None, description="mapping file applied: path and sha256")
    options: dict = Field(default_factory=dict, description="reading options in force")
    organisation: dict = Field(default_factory=dict)
    territory: dict | None = None
    practices: dict | None = None
    indicators: dict[str, dict] = Field(default_factory=dict)
    provenance: dict[str, dict[str, int]] = Field(default_factory=dict)
    disclosures: list[Disclosure] = Field(default_factory=list, description=(
        "conventions of the method: amortised devices at zero, the purchase-year view, the "
        "snapshot method, the refurbished rule"))
    uncertainty: UncertaintyReport | None = Field(None, description=(
        "with --uncertainty: each total's 90 % interval and what to improve first"))
    issues: list[Issue]
    issue_counts: dict[str, int]

