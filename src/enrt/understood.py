"""``map_inventory()``: what enrt understood of inventory files, as a mapping to correct."""
from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from .inventory.mapping_file import MappingFile
from .inventory.options import ReadOptions
from .options import AssessOptions
from .pipeline import read


def map_inventory(inputs: Sequence[str | Path], factors: str | Path | None = None,
                  year: int | None = None, options: ReadOptions | None = None,
                  mapping: str | Path | None = None) -> MappingFile:
    """Headers, labels, statuses and sheets as read; what could not be placed is null.

    An existing mapping given with ``mapping`` is applied first, so running ``enrt map``
    again shows what is still to fill in."""
    ro = options or ReadOptions()
    reading = read(inputs, AssessOptions(year=year, country=ro.country, mapping=mapping,
                                         count_stock=ro.count_stock,
                                         include_hidden=ro.include_hidden),
                   factors)
    out = MappingFile()
    for r in reading.results:
        u = r.understood
        out.sheets.update({k: _sheet_kind(v) for k, v in u["sheets"].items()})
        out.headers.update({k: v if v != "model" else "ignore" for k, v in u["headers"].items()})
        out.labels.update(u["labels"])
        out.statuses.update(u["statuses"])
    # the unknown first, for the user to fill in
    out.labels = dict(sorted(out.labels.items(), key=lambda kv: (kv[1] is not None, kv[0])))
    out.statuses = dict(sorted(out.statuses.items(),
                               key=lambda kv: (kv[1] is not None, kv[0])))
    return out


def _sheet_kind(kind: str) -> str | None:
    return {"activities": "services", "pivot": "ignored"}.get(kind, kind)
