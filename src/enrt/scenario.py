"""A strategy's scenario file (``enrt simulate --scenario plan.yaml``): the actions the
council would vote, each with its start year, a horizon and a target. Read like a factor
file: YAML traps and schema errors are findings with their line (docs/simulate.md).
"""
from __future__ import annotations

from pathlib import Path
from typing import Annotated, Literal, Union

from pydantic import BaseModel, ConfigDict, Field, PrivateAttr, ValidationError

from .factors.checks import Finding
from .factors.model import CATEGORY_IDS


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", allow_inf_nan=False)


Category = Literal[CATEGORY_IDS]  # type: ignore[valid-type]
Share = Annotated[float, Field(gt=0, le=1)]


class _Action(_Strict):
    start: int = Field(ge=1990, le=2100, description="first year the action applies")
    name: str | None = Field(None, description="how reports name it (default: its type)")


class ExtendLifetime(_Action):
    type: Literal["extend_lifetime"]
    categories: list[Category] = Field(min_length=1)
    years: float = Field(gt=0, le=20)


class RefurbishedShare(_Action):
    type: Literal["refurbished_share"]
    share: Share = Field(description="share of the units bought that are refurbished")
    categories: list[Category] | None = Field(None, description="default: every category")
    previous_years: float | None = Field(None, ge=0, le=20, description=(
        "their first life, added to the lifetime (RCP rule); default: the factor set's "
        "previous_life_years, 0 in the ADEME sets"))


class Replace(_Action):
    type: Literal["replace"]
    from_: Category = Field(alias="from")
    to: Category
    share: Share = 1.0


class Reduce(_Action):
    """Fewer units of a category: consolidated or virtualised servers, devices
    decommissioned, fewer devices per agent."""
    type: Literal["consolidate_servers", "decommission", "fewer_devices"]
    categories: list[Category] = Field(min_length=1)
    share: Share = Field(description="share of the units removed")


class RoomPue(_Action):
    type: Literal["room_pue"]
    pue: float = Field(ge=1, le=5)
    room: str | None = Field(None, description="a server room's name; default: every room "
                             "and every data-centre category")


class SwitchOff(_Action):
    type: Literal["switch_off"]
    categories: list[Category] = Field(min_length=1)
    hours: float = Field(gt=0, lt=24, description="hours a day switched off (devices left "
                         "on day and night before)")


class PurchasePlan(_Action):
    type: Literal["purchase_plan"]
    category: Category
    units_per_year: float = Field(gt=0, le=1e6)
    until: int | None = Field(None, ge=1990, le=2100, description="last year (default: "
                              "the horizon)")


Action = Annotated[Union[ExtendLifetime, RefurbishedShare, Replace, Reduce, RoomPue,
                         SwitchOff, PurchasePlan], Field(discriminator="type")]


class Target(_Strict):
    criterion: Literal["gwp", "adpe", "pe", "water"] = "gwp"
    reduction: float = Field(gt=0, lt=1, description="e.g. 0.3 for -30 % against the "
                             "baseline year")
    year: int = Field(ge=1990, le=2100)


class Scenario(_Strict):
    schema_version: Literal[1]
    name: str
    baseline_year: int | None = Field(None, ge=1990, le=2100, description="the assessed "
                                      "year (default: the last full year)")
    horizon: int = Field(ge=1990, le=2100)
    target: Target | None = None
    actions: list[Action] = Field(default_factory=list)
    _file: str = PrivateAttr(default="")
    _lines: dict = PrivateAttr(default_factory=dict)

    def finding(self, path: str, code: str, message: str, fix: str,
                severity: str = "error") -> Finding:
        """A finding about the file, on the line of ``path``."""
        from .factors.yamlmap import line_of
        return Finding(self._file, line_of(self._lines, path), path, code, message, fix,
                       severity)


MAX_BYTES = 1 << 20


def load_scenario(path: str | Path) -> tuple[Scenario | None, list[Finding]]:
    """The scenario, or None and the findings (file, line, path, message, fix)."""
    import yaml

    from .factors.yamlmap import BLOCKING, join, key_lines, line_of
    p = Path(path)
    name = str(p)
    try:
        raw = p.read_bytes()[:MAX_BYTES + 1]
    except OSError as exc:
        return None, [Finding(name, None, "", "scenario-file", str(exc), "give a readable "
                              "YAML file")]
    if len(raw) > MAX_BYTES:
        return None, [Finding(name, None, "", "scenario-file", "larger than 1 MB",
                              "a scenario lists a few actions")]
    try:
        text = raw.decode("utf-8")
        root = yaml.compose(text, Loader=yaml.SafeLoader)
    except (UnicodeDecodeError, yaml.YAMLError) as exc:
        line = getattr(getattr(exc, "problem_mark", None), "line", None)
        return None, [Finding(name, None if line is None else line + 1, "", "scenario-yaml",
                              str(exc).splitlines()[0], "check the indentation and quotes")]
    if root is None:
        return None, [Finding(name, None, "", "scenario-file", "the file is empty",
                              "start from docs/simulate.md")]
    lines, traps = key_lines(root)
    findings = [Finding(name, tr.line, tr.path, tr.code, tr.message, tr.fix) for tr in traps]
    if any(tr.code in BLOCKING or tr.code == "duplicate-key" for tr in traps):
        return None, findings
    data = yaml.safe_load(text)
    try:
        scenario = Scenario.model_validate(data)
        scenario._file, scenario._lines = name, lines
        return scenario, findings
    except ValidationError as exc:
        for err in exc.errors():
            where = ""
            for key in err["loc"]:
                if isinstance(key, str) and key in ("extend_lifetime", "refurbished_share",
                                                    "replace", "consolidate_servers",
                                                    "decommission", "fewer_devices",
                                                    "room_pue", "switch_off",
                                                    "purchase_plan"):
                    continue                  # the union's branch, not a key of the file
                where = join(where, key)
            findings.append(Finding(name, line_of(lines, where), where, "scenario-invalid",
                                    err["msg"], "see 'enrt schema scenario'"))
        return None, findings
