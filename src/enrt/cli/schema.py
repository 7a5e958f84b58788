"""``enrt schema report|factors``: JSON Schema, e.g. for editor completion in YAML files."""
from __future__ import annotations

import json
from enum import Enum

import typer

from .errors import handle_errors


class Kind(str, Enum):
    report = "report"
    factors = "factors"
    mapping = "mapping"
    scenario = "scenario"


@handle_errors
def schema(kind: Kind = typer.Argument(..., help="report, factors, mapping or scenario")
           ) -> None:
    """Print the JSON Schema of the report, a factor file, a mapping file or a scenario."""
    from ..factors.model import FactorSet
    from ..inventory.mapping_file import MappingFile
    from ..output import write_text
    from ..report.model import Report
    from ..scenario import Scenario
    model = {Kind.factors: FactorSet, Kind.report: Report, Kind.mapping: MappingFile,
             Kind.scenario: Scenario}[kind]
    data = model.model_json_schema()
    if kind is Kind.factors:
        _optional(data)       # overlays give only what they change; `factors check` decides
    data["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    data["$id"] = f"https://enrt.invalid/schema/{kind.value}.json"
    write_text("-", json.dumps(data, indent=2, ensure_ascii=False) + "\n")


def _optional(node) -> None:
    if isinstance(node, dict):
        node.pop("required", None)
        for v in node.values():
            _optional(v)
    elif isinstance(node, list):
        for v in node:
            _optional(v)
