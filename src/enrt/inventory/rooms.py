"""Server-room sheet: room name, PUE, and optionally a measured yearly consumption.

A facility meter (the room's whole consumption, cooling included) is used as is; an IT
meter (the equipment's consumption) is multiplied by the room's PUE. Either replaces
the estimated use of the equipment rows naming the room (see compute.apply_room_meters).
"""
from __future__ import annotations

import itertools

import numpy as np

from ..issues import Issue
from ..messages import term
from ..normalize import Aliases, fold
from .sheet_context import column_letter
from .summary import SheetSummary
from .values import parse_number, text

PUE_RANGE = (1.0, 5.0)
METER_HEADERS = {
    "facility": ["kwh mesures", "kwh mesurés", "consommation mesuree", "consommation mesurée",
                 "consommation annuelle mesuree", "consommation annuelle mesurée",
                 "kwh compteur", "compteur", "compteur salle", "kwh salle", "kwh an mesures",
                 "measured kwh", "facility kwh", "facility meter kwh", "metered kwh"],
    "it": ["kwh it", "kwh informatique", "consommation it", "consommation informatique",
           "compteur it", "it kwh", "it meter kwh", "kwh equipements", "kwh équipements"],
}
_METERS = Aliases(METER_HEADERS)


def _meter_columns(header: list) -> dict[str, int]:
    out: dict[str, int] = {}
    for j, cell in enumerate(header):
        kind = _METERS.get(cell) if isinstance(cell, str) else None
        if kind and kind not in out:
            out[kind] = j
    return out


def read_rooms(raw, head: list[list], hrow: int, columns: dict[str, int], result) -> None:
    summary = SheetSummary(name=raw.name, kind="server_rooms", header_row=hrow + 1)
    result.sheets.append(summary)
    jn, jp = columns["room"], columns["pue"]
    meters = _meter_columns(head[hrow])
    for k, row in enumerate(itertools.chain(head[hrow + 1:], raw.rows)):
        rownum = hrow + 2 + k
        name = text(row[jn]) if jn < len(row) else ""
        value = parse_number(row[jp]) if jp < len(row) else np.nan
        if not name and np.isnan(value):
            continue
        summary.rows_read += 1
        if not name or not (PUE_RANGE[0] <= value <= PUE_RANGE[1]):
            summary.rows_rejected += 1
            result.issues.append(Issue.make(
                "error", "invalid-pue.room" if name else "invalid-pue.no-name",
                file=result.path, sheet=raw.name, row=rownum,
                column=column_letter(raw.col_offset + jp), hint_id="invalid-pue.room",
                name=name, value=text(row[jp]), lo=PUE_RANGE[0], hi=PUE_RANGE[1]))
            continue
        summary.rows_assessed += 1
        result.rooms[fold(name)] = value
        for kind, j in meters.items():
            kwh = parse_number(row[j]) if j < len(row) else np.nan
            if np.isnan(kwh):
                continue
            if not np.isfinite(kwh) or kwh < 0:
                result.issues.append(Issue.make(
                    "error", "invalid-number.room-kwh", file=result.path, sheet=raw.name,
                    row=rownum, column=column_letter(raw.col_offset + j), name=name,
                    value=text(row[j])))
                continue
            if fold(name) not in result.room_meters or kind == "facility":
                result.room_meters[fold(name)] = (
                    (kwh, term("meter.facility")) if kind == "facility" else
                    (kwh * value, term("meter.it", pue=value)))
