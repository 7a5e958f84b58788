"""Read one inventory file: find each sheet's table, read server rooms, map equipment rows.

A sheet is recognised by its header row (searched in the first rows, below any title
lines), not by its name: a row naming the equipment type and at least one other known
field starts an equipment table; a row naming a room and a PUE starts a server-room
table. Other sheets (notes, an organisation sheet) are listed as ignored.
"""
from __future__ import annotations

import hashlib
import itertools
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from ..factors.arrays import FactorArrays
from ..fleet import Fleet
from ..issues import Issue
from ..normalize import fold
from .headers import map_header_row
from .labels import LabelMatcher
from ..practices import PracticeSheet, find_practice_header, read_practices
from .organisation import Organisation, read_organisation
from ..factors.model import FactorSet
from .activities import ActivityRow, read_activities
from .rooms import read_rooms
from .mapper import ASSESSED, BLANK, REJECTED, TOTAL, SheetContext, column_letter, map_chunk
from .sources import RawSheet, open_inventory
from .values import text

HEADER_SCAN_ROWS = 30
# besides the type, an equipment table names at least one of these (comment or model
# columns alone do not make a notes sheet an inventory)
EQUIPMENT_FIELDS = {"quantity", "purchase_date", "withdrawal_date", "lifetime",
                    "lifetime_months", "condition", "annual_kwh", "power_w", "country", "site",
                    "entity", "room", "pue", "project", "unit_price", "amount"}
CHUNK_ROWS = 50_000


@dataclass
class SheetSummary:
    name: str | None
    kind: str                       # "equipment" | "server_rooms" | "ignored"
    header_row: int | None = None
    rows_read: int = 0
    rows_assessed: int = 0
    rows_rejected: int = 0
    rows_skipped_blank: int = 0
    rows_skipped_total: int = 0

    @property
    def rows_skipped(self) -> int:
        return self.rows_skipped_blank + self.rows_skipped_total


@dataclass
class InputResult:
    path: str
    sha256: str
    fleet: Fleet
    issues: list[Issue] = field(default_factory=list)
    sheets: list[SheetSummary] = field(default_factory=list)
    rooms: dict[str, float] = field(default_factory=dict)        # folded name -> PUE
    room_meters: dict[str, tuple[float, str]] = field(default_factory=dict)  # -> (kWh, how)
    organisation: Organisation = field(default_factory=Organisation)
    practices: PracticeSheet = field(default_factory=PracticeSheet)
    activities: list[ActivityRow] = field(default_factory=list)


def file_sha256(path: Path) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()


def read_inventory(path: Path, fa: FactorArrays, matcher: LabelMatcher, year: int,
                   input_index: int = 0, factors: FactorSet | None = None) -> InputResult:
    path = Path(path)
    sheets = open_inventory(path)
    result = InputResult(path=str(path), sha256=file_sha256(path), fleet=Fleet.empty())
    found = []
    for raw in sheets:
        head = list(itertools.islice(raw.rows, HEADER_SCAN_ROWS))
        kind, hrow, columns = _find_header(head)
        found.append((raw, head, kind, hrow, columns))
    # server rooms first: equipment rows anywhere in the file may name them
    for raw, head, kind, hrow, columns in found:
        if kind == "server_rooms":
            read_rooms(raw, head, hrow, columns, result)
    parts = []
    for raw, head, kind, hrow, columns in found:
        if kind == "equipment":
            ctx = SheetContext(file=str(path), sheet=raw.name, columns=columns,
                               headers={f: text(head[hrow][j]) for f, j in columns.items()},
                               col_offset=raw.col_offset, factors=fa, matcher=matcher,
                               year=year, rooms=result.rooms, input_index=input_index)
            parts.append(_read_equipment(raw, head, hrow, ctx, result))
        elif kind == "activities" and factors is not None:
            summary = SheetSummary(name=raw.name, kind="activities", header_row=hrow + 1)
            result.sheets.append(summary)
            read_activities(raw, head, hrow, columns, factors, str(path), summary,
                            result.activities, result.issues)
        elif kind == "ignored" and (ph := find_practice_header(head)):
            result.sheets.append(SheetSummary(name=raw.name, kind="practices",
                                              header_row=ph[0] + 1))
            before = (result.practices.rows_read, len(result.practices.statuses),
                      len(result.practices.issues))
            read_practices(itertools.chain(head[ph[0] + 1:], raw.rows), ph[0], ph[1],
                           str(path), raw.name, result.practices)
            sheet = result.sheets[-1]
            sheet.rows_read = result.practices.rows_read - before[0]
            sheet.rows_assessed = len(result.practices.statuses) - before[1]
            sheet.rows_rejected = len(result.practices.issues) - before[2]
            sheet.rows_skipped_blank = sheet.rows_read - sheet.rows_assessed - sheet.rows_rejected
        elif kind == "ignored" and (org := read_organisation(head, str(path), raw.name))[0]:
            result.sheets.append(SheetSummary(name=raw.name, kind="organisation"))
            result.organisation.merge(org[0])
            result.issues.extend(org[1])
        elif kind == "ignored":
            result.sheets.append(SheetSummary(name=raw.name, kind="ignored"))
            result.issues.append(Issue(
                "info", "sheet-ignored", "no equipment or server-room table found; sheet ignored",
                str(path), raw.name, hint="an equipment table needs a header row with a type "
                "column (e.g. 'Type d'équipement') and another known column (e.g. 'Quantité')"))
    result.issues.extend(result.practices.issues)
    if not any(s.kind in ("equipment", "activities") for s in result.sheets):
        result.issues.append(Issue(
            "error", "no-equipment-table", "no equipment table found in this file", str(path),
            hint="the table needs a header row with a type column (e.g. 'Type d'équipement') "
                 "and another known column (e.g. 'Quantité'), within its first 30 rows"))
    result.fleet = Fleet.concat(parts)
    return result


def _has_practice_title(row: list) -> bool:
    from ..practices import HEADERS
    titles = {fold(a) for a in HEADERS["title"]}
    return any(isinstance(c, str) and fold(c) in titles for c in row)


def _find_header(head: list[list]) -> tuple[str, int | None, dict[str, int]]:
    for i, row in enumerate(head):
        columns = map_header_row(row)
        if find_practice_header([row]) and _has_practice_title(row):
            return "ignored", None, {}             # read as a good-practice sheet
        device_only = {"purchase_date", "withdrawal_date", "lifetime", "lifetime_months",
                       "condition", "annual_kwh", "power_w", "room", "pue"}
        if {"quantity", "amount"} & set(columns) and (
                "activity" in columns or ("unit" in columns and "type" in columns
                                          and not device_only & set(columns))):
            return "activities", i, columns
        if "item_type" in columns and "type" not in columns:
            columns["type"] = columns["item_type"]       # GLPI global view: class only
        if "type" in columns and set(columns) & EQUIPMENT_FIELDS:
            return "equipment", i, columns
        if "room" in columns and "pue" in columns:
            return "server_rooms", i, columns
    return "ignored", None, {}


def _ignored_columns(head_row: list, columns: dict[str, int], ctx_file: str, sheet: str | None,
                     hrow: int, col_offset: int) -> list[Issue]:
    used = set(columns.values())
    return [Issue("info", "column-ignored", f"column {text(c)!r} is not used", ctx_file, sheet,
                  hrow + 1, column_letter(col_offset + j),
                  "rename the header if it holds a field enrt knows (see docs/usage.md)")
            for j, c in enumerate(head_row) if text(c) and j not in used]


def _read_equipment(raw: RawSheet, head: list[list], hrow: int, ctx: SheetContext,
                    result: InputResult) -> Fleet:
    summary = SheetSummary(name=raw.name, kind="equipment", header_row=hrow + 1)
    result.sheets.append(summary)
    result.issues.extend(_ignored_columns(head[hrow], ctx.columns, ctx.file, raw.name, hrow,
                                          raw.col_offset))
    rows = itertools.chain(head[hrow + 1:], raw.rows)
    first_row = hrow + 2
    parts = []
    while chunk := list(itertools.islice(rows, CHUNK_ROWS)):
        res = map_chunk(chunk, first_row, ctx)
        first_row += len(chunk)
        parts.append(res.fleet)
        result.issues.extend(res.issues)
        counts = np.bincount(res.status, minlength=4)
        summary.rows_read += len(chunk)
        summary.rows_assessed += int(counts[ASSESSED])
        summary.rows_rejected += int(counts[REJECTED])
        summary.rows_skipped_blank += int(counts[BLANK])
        summary.rows_skipped_total += int(counts[TOTAL])
    for name, count in sorted(ctx.unknown_rooms.items()):
        result.issues.append(Issue(
            "warning", "unknown-room", f"server room {name!r} (named on {count} row(s)) is not "
            "on a server-room sheet; the default PUE rule applies", ctx.file, raw.name,
            column=ctx.column_name("room"),
            hint="add the room with its PUE on a sheet with columns 'Salle serveur' and 'PUE'"))
    return Fleet.concat(parts)
