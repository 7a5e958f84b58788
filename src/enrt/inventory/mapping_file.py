"""A saved mapping: what enrt understood of an inventory, corrected by its user.

``enrt map`` writes it (header -> field, label -> category, status -> meaning, sheet ->
kind, with the labels and words it could not place left empty for the user to fill);
``enrt assess --mapping`` applies it, the user's choices winning over the built-in
guesses, and the report records its sha256 so next year's run can show it used the same.
"""
from __future__ import annotations

import hashlib
from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from ..errors import UsageError
from ..normalize import fold
from .headers import HEADER_ALIASES
from .statuses import MEANINGS

SHEET_KINDS = ("equipment", "services", "server_rooms", "organisation", "practices",
               "ignored", "glpi_computer", "glpi_monitor", "glpi_network", "glpi_phone",
               "glpi_printer", "glpi_peripheral")
FIELDS = tuple(sorted(HEADER_ALIASES)) + ("ignore",)


class MappingFile(BaseModel):
    """Keys are written as in the inventory; a null value is a blank left to fill in."""

    model_config = ConfigDict(extra="forbid")
    schema_version: int = Field(1, description="format version of this file")
    headers: dict[str, str | None] = Field(default_factory=dict, description=(
        "column header as written -> field (" + ", ".join(FIELDS) + ")"))
    labels: dict[str, str | None] = Field(default_factory=dict, description=(
        "equipment label as written -> category id of the factor set"))
    statuses: dict[str, str | None] = Field(default_factory=dict, description=(
        "status word as written -> " + ", ".join(MEANINGS)))
    sheets: dict[str, str | None] = Field(default_factory=dict, description=(
        "sheet name (file name for a CSV) -> " + ", ".join(SHEET_KINDS)))

    @field_validator("headers", "statuses", "sheets")
    @classmethod
    def _known_values(cls, v: dict, info) -> dict:
        allowed = {"headers": FIELDS, "statuses": MEANINGS, "sheets": SHEET_KINDS}[info.field_name]
        bad = {k: x for k, x in v.items() if x is not None and x not in allowed}
        if bad:
            raise ValueError(f"unknown value(s) {bad}; use one of {', '.join(allowed)}")
        return v

    def header_overrides(self) -> dict[str, str]:
        return {fold(k): v for k, v in self.headers.items() if v}

    def sheet_kind(self, name: str | None) -> str | None:
        folded = {fold(k): v for k, v in self.sheets.items() if v}
        return folded.get(fold(name)) if name else None


def load_mapping(path: str | Path) -> tuple[MappingFile, str]:
    """Read and validate a mapping file; returns it and its sha256."""
    path = Path(path)
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise UsageError.make("mapping.unreadable", file=str(path),
                              reason=str(exc.strerror or exc)) from exc
    import yaml                      # only when a mapping file is given
    try:
        doc = yaml.safe_load(data.decode("utf-8-sig")) or {}
    except (yaml.YAMLError, UnicodeDecodeError) as exc:
        raise UsageError.make("mapping.yaml", file=str(path), problem=str(exc)) from exc
    if not isinstance(doc, dict):
        raise UsageError.make("mapping.not-a-mapping", file=str(path))
    try:
        model = MappingFile.model_validate(doc)
    except ValidationError as exc:
        first = exc.errors()[0]
        where = ".".join(str(p) for p in first["loc"])
        raise UsageError.make("mapping.invalid", file=str(path), where=where,
                              problem=first["msg"]) from exc
    return model, hashlib.sha256(data).hexdigest()


def dump_mapping(model: MappingFile) -> str:
    """YAML text of a mapping, with a comment saying how to fill it in."""
    head = ("# enrt mapping: what enrt understood of the inventory. Fill in the empty values\n"
            "# (null), correct what is wrong, then: enrt assess INVENTAIRE --mapping THIS_FILE\n"
            f"# fields: {', '.join(FIELDS)}\n# statuses: {', '.join(MEANINGS)}\n"
            f"# sheets: {', '.join(SHEET_KINDS)}\n")
    import yaml
    body = yaml.safe_dump(model.model_dump(), allow_unicode=True, sort_keys=False, width=100)
    return head + body


def unused_keys(model: MappingFile, understood: list[dict]) -> list[tuple[str, str]]:
    """(section, key) of the mapping that match nothing met in the inputs: a typo
    ('Sitee') would otherwise change nothing without a word."""
    out = []
    for section in ("headers", "labels", "statuses", "sheets"):
        seen = {fold(k) for u in understood for k in u[section]}
        out += [(section, k) for k in getattr(model, section) if fold(k) not in seen]
    return out
