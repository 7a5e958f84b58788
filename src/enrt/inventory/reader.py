"""Read one inventory file: find each sheet's table, read server rooms, map equipment rows.

A sheet is recognised by its header row (searched in the first rows, below any title
lines), not by its name: a row naming the equipment type and at least one other known
field starts an equipment table; a row naming a room and a PUE starts a server-room
table. Other sheets (notes, an organisation sheet) are listed as ignored. Sheets that
would count the same equipment twice (a pivot or a summary restating the detail) and
hidden sheets are read, then left out with a warning saying how many rows and units.
"""
from __future__ import annotations

import hashlib
import itertools
import threading
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from ..factors.arrays import FactorArrays
from ..factors.model import FactorSet
from ..fleet import Fleet
from ..issues import Issue
from ..normalize import fold
from ..practices import PracticeSheet, find_practice_header, read_practices
from . import glpi
from .activities import ActivityRow, matcher_for, read_activities
from .headers import header_currency, map_header_row
from .labels import AMBIGUOUS, MAX_LABEL, NO_CATEGORY, UNKNOWN, LabelMatcher
from .mapper import map_chunk
from .sheet_context import (ASSESSED, N_STATES, REJECTED, SKIP_REASONS, SheetContext,
                            column_letter)
from .options import ReadOptions
from .organisation import Organisation, read_organisation
from .rooms import read_rooms
from .sheet_checks import (check_condition_column, header_shape, leave_out, leave_out_restated,
                           pivot_markers,
                           skip_issues, units)
from .sources import RawSheet, open_inventory
from .statuses import MEANINGS, StatusTable
from .summary import SheetPart, SheetSummary
from .values import text

HEADER_SCAN_ROWS = 30
# besides the type, an equipment table names at least one of these (comment or model
# columns alone do not make a notes sheet an inventory)
EQUIPMENT_FIELDS = {"quantity", "purchase_date", "withdrawal_date", "lifetime",
                    "lifetime_months", "condition", "annual_kwh", "power_w", "country", "site",
                    "entity", "room", "pue", "project", "unit_price", "amount", "status"}
DEVICE_ONLY = {"purchase_date", "withdrawal_date", "lifetime", "lifetime_months",
               "condition", "annual_kwh", "power_w", "room", "pue"}
CHUNK_ROWS = 50_000
GLPI_KINDS = {f"glpi_{c}": c for c in (glpi.COMPUTER, glpi.MONITOR, glpi.NETWORK, glpi.PHONE,
                                       glpi.PRINTER, glpi.PERIPHERAL)}


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
    mapping_headers: dict[str, str] | None = None     # folded header -> field (mapping file)
    # what was understood, for 'enrt map': sheet -> kind, header -> field, label -> category
    understood: dict[str, dict] = field(default_factory=lambda: {
        "sheets": {}, "headers": {}, "labels": {}, "statuses": {}})


def file_sha256(path: Path) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()


def read_inventory(path: Path, fa: FactorArrays, matcher: LabelMatcher, year: int,
                   input_index: int = 0, factors: FactorSet | None = None,
                   options: ReadOptions | None = None, sha256: str | None = None) -> InputResult:
    path = Path(path)
    options = options or ReadOptions()
    mapping = options.mapping
    hashing = None if sha256 else _Hashing(path)
    try:
        sheets = open_inventory(path)
    except BaseException:
        if hashing is not None:
            hashing.join()
        raise
    result = InputResult(path=str(path), sha256=sha256 or "", fleet=Fleet.empty())
    activity_matcher = matcher_for(factors) if factors is not None else None
    overrides = mapping.header_overrides() if mapping else None
    result.mapping_headers = overrides
    found = []
    for raw in sheets:
        result.issues.extend(raw.notes)
        head = list(itertools.islice(raw.rows, HEADER_SCAN_ROWS))
        forced = mapping.sheet_kind(raw.name or path.name) if mapping else None
        kind, hrow, columns = _find_header(head, overrides, matcher, activity_matcher)
        if forced:
            kind = _forced_kind(forced, kind, hrow)
        found.append((raw, head, kind, hrow, columns, forced))
    # server rooms first: equipment rows anywhere in the file may name them
    for raw, head, kind, hrow, columns, _ in found:
        if kind == "server_rooms":
            read_rooms(raw, head, hrow, columns, result)
    parts: list[SheetPart] = []
    statuses = StatusTable(mapping.statuses if mapping else None)
    for raw, head, kind, hrow, columns, forced in found:
        label = raw.name or path.name
        result.understood["sheets"][label] = kind
        if kind in ("equipment", "activities"):
            ctx = SheetContext(file=str(path), sheet=raw.name, columns=dict(columns),
                               headers={f: text(head[hrow][j]) for f, j in columns.items()},
                               col_offset=raw.col_offset, factors=fa, matcher=matcher,
                               year=year, rooms=result.rooms, input_index=input_index,
                               statuses=statuses, count_stock=options.count_stock,
                               hidden_rows=None if options.include_hidden else raw.hidden_rows,
                               bad_cells=raw.bad_cells, decimal_comma=raw.decimal_comma,
                               glpi_class=GLPI_KINDS.get(forced or ""),
                               activity_matcher=activity_matcher, factor_set=factors,
                               default_country=_country_index(fa, options.country))
            _understand_headers(result, label, head[hrow], columns)
            part = _read_table(raw, head, hrow, kind, ctx, result, factors, forced)
            parts.append(part)
            if raw.hidden and not options.include_hidden:
                leave_out(part, "hidden_sheet", Issue.make(
                    "warning", "sheet-hidden", file=str(path), sheet=raw.name, name=raw.name,
                    rows=part.summary.rows_assessed + part.summary.rows_rejected,
                    units=units(part)))
        elif kind == "pivot":
            result.sheets.append(SheetSummary(name=raw.name, kind="pivot", header_row=hrow + 1))
            result.issues.append(Issue.make(
                "warning", "pivot-table", file=str(path), sheet=raw.name,
                row=None if hrow is None else hrow + 1, name=raw.name))
        elif kind == "server_rooms":
            continue
        elif kind in ("ignored", "practices") and (ph := find_practice_header(head)):
            _read_practice_sheet(raw, head, ph, path, result)
        elif kind in ("ignored", "organisation") and \
                (org := read_organisation(head, str(path), raw.name))[0] and forced != "ignored":
            result.sheets.append(SheetSummary(name=raw.name, kind="organisation"))
            result.organisation.merge(org[0])
            result.issues.extend(org[1])
        else:
            result.sheets.append(SheetSummary(name=raw.name, kind="ignored"))
            result.issues.append(Issue.make(
                "info", "sheet-ignored" if forced != "ignored" else "sheet-ignored.mapping",
                file=str(path), sheet=raw.name, hint_id="sheet-ignored"))
    leave_out_restated(parts, str(path))
    for part in parts:
        result.issues.extend(part.issues)
        result.activities.extend(part.activities)
    result.issues.extend(result.practices.issues)
    if not any(s.kind in ("equipment", "activities") for s in result.sheets):
        result.issues.append(Issue.make("error", "no-equipment-table", file=str(path)))
    result.fleet = Fleet.concat([p.fleet for p in parts])
    if hashing is not None:
        result.sha256 = hashing.result()
    return result


class _Hashing(threading.Thread):
    """The file's sha256, computed beside the reading: hashlib lets go of the GIL, so a
    large file is hashed on the other core while it is parsed."""

    def __init__(self, path: Path):
        super().__init__(daemon=True)
        self.path, self.digest, self.error = path, "", None
        self.start()

    def run(self) -> None:
        try:
            self.digest = file_sha256(self.path)
        except Exception as exc:          # raised in the reading thread, by result()
            self.error = exc

    def result(self) -> str:
        self.join()
        if self.error is not None:
            raise self.error
        return self.digest


def _country_index(fa: FactorArrays, country: str | None) -> int | None:
    return None if country is None else fa.country_index()[country]


def _forced_kind(forced: str, found: str, hrow: int | None) -> str:
    """The mapping file's sheet kind; a table kind needs a header row to read."""
    if forced in GLPI_KINDS or forced == "equipment":
        return "equipment" if hrow is not None else "ignored"
    if forced == "services":
        return "activities" if hrow is not None else "ignored"
    if forced == "server_rooms":
        return found if found == "server_rooms" else "ignored"
    return forced


def _read_practice_sheet(raw: RawSheet, head, ph, path: Path, result: InputResult) -> None:
    result.sheets.append(SheetSummary(name=raw.name, kind="practices", header_row=ph[0] + 1))
    before = (result.practices.rows_read, len(result.practices.statuses),
              len(result.practices.issues))
    read_practices(itertools.chain(head[ph[0] + 1:], raw.rows), ph[0], ph[1],
                   str(path), raw.name, result.practices)
    sheet = result.sheets[-1]
    sheet.rows_read = result.practices.rows_read - before[0]
    sheet.rows_assessed = len(result.practices.statuses) - before[1]
    sheet.rows_rejected = len(result.practices.issues) - before[2]
    sheet.skip("blank", sheet.rows_read - sheet.rows_assessed - sheet.rows_rejected)


def _has_practice_title(row: list) -> bool:
    from ..practices import HEADERS
    titles = {fold(a) for a in HEADERS["title"]}
    return any(isinstance(c, str) and fold(c) in titles for c in row)


def _find_header(head: list[list], overrides=None, matcher=None, activities=None
                 ) -> tuple[str, int | None, dict[str, int]]:
    for i, row in enumerate(head):
        columns = map_header_row(row, overrides)
        j = columns.get("entity")
        if j is not None and {"quantity", "unit"} <= set(columns) and "type" not in columns \
                and "activity" not in columns and fold(row[j]) in ("service", "services"):
            columns["activity"] = columns.pop("entity")   # "Service | Quantité | Unité"
        if find_practice_header([row]) and _has_practice_title(row):
            return "ignored", None, {}             # read as a good-practice sheet
        if pivot_markers(row):
            return "pivot", i, columns
        if {"quantity", "amount"} & set(columns) and (
                "activity" in columns or ("unit" in columns and "type" in columns
                                          and not DEVICE_ONLY & set(columns))):
            if "activity" not in columns and _mostly_equipment(head[i + 1:], columns["type"],
                                                               matcher, activities):
                return "equipment", i, columns
            return "activities", i, columns
        if "item_type" in columns and "type" not in columns:
            columns["type"] = columns["item_type"]       # GLPI global view: class only
        if "type" in columns and set(columns) & EQUIPMENT_FIELDS:
            return "equipment", i, columns
        if "room" in columns and "pue" in columns:
            return "server_rooms", i, columns
    return "ignored", None, {}


def _mostly_equipment(rows: list[list], j: int, matcher, activities) -> bool:
    """A 'Type / Quantité / Unité' table is equipment when more of its first labels name
    equipment than services."""
    if matcher is None or activities is None:
        return False
    labels = [text(r[j]) for r in rows if j < len(r) and text(r[j])]
    eq = sum(1 for x in labels if matcher.match(x)[0] >= 0)
    sv = sum(1 for x in labels if activities.match(x)[0] >= 0)
    return eq > sv


def _understand_headers(result: InputResult, label: str, header: list, columns: dict) -> None:
    by_col = {j: f for f, j in columns.items()}
    result.understood["headers"].update(
        {text(c): by_col.get(j) for j, c in enumerate(header) if text(c)})


def _ignored_columns(head_row: list, columns: dict[str, int], ctx_file: str, sheet: str | None,
                     hrow: int, col_offset: int, ignored: tuple[int, ...] = ()) -> list[Issue]:
    used = set(columns.values()) | set(ignored)
    return [Issue.make("info", "column-ignored", file=ctx_file, sheet=sheet, row=hrow + 1,
                       column=column_letter(col_offset + j), header=text(c))
            for j, c in enumerate(head_row) if text(c) and j not in used]


def _header_checks(ctx: SheetContext, hrow: int, issues: list[Issue]) -> None:
    """Columns recognised by header but not usable as they are: prices in another
    currency, a physical-state column."""
    for f in ("unit_price", "amount"):
        if f in ctx.columns and (cur := header_currency(ctx.headers[f])):
            issues.append(Issue.make(
                "warning", "foreign-currency", file=ctx.file, sheet=ctx.sheet, row=hrow + 1,
                column=ctx.column_name(f), header=ctx.headers[f], currency=cur))
            del ctx.columns[f]
    if "physical_state" in ctx.columns:
        issues.append(Issue.make(
            "info", "column-physical-state", file=ctx.file, sheet=ctx.sheet, row=hrow + 1,
            column=ctx.column_name("physical_state"), header=ctx.headers["physical_state"]))


def _read_table(raw: RawSheet, head: list[list], hrow: int, kind: str, ctx: SheetContext,
                result: InputResult, factors: FactorSet | None, forced: str | None) -> SheetPart:
    summary = SheetSummary(name=raw.name, kind=kind, header_row=hrow + 1)
    result.sheets.append(summary)
    part = SheetPart(summary, Fleet.empty(), [], [], forced=forced is not None)
    told = mapping_ignores(head[hrow], result.mapping_headers)
    part.issues.extend(_ignored_columns(head[hrow], ctx.columns, ctx.file, raw.name, hrow,
                                        raw.col_offset, told))
    _header_checks(ctx, hrow, part.issues)
    part.issues.extend(header_shape(head[hrow], hrow, raw, ctx, result.mapping_headers))
    rows = itertools.chain(head[hrow + 1:], raw.rows)
    if kind == "activities":
        numbered = ((hrow + 2 + k, row) for k, row in enumerate(rows))
        to_equipment = read_activities(numbered, ctx.columns, factors, ctx.file, raw.name,
                                       raw.col_offset, summary, part.activities, part.issues,
                                       equipment=ctx.matcher)
        if to_equipment:
            ctx.columns.setdefault("type", ctx.columns.get("activity", 0))
            ctx.headers.setdefault("type", ctx.headers.get("activity", "type"))
            ctx.activity_matcher = None
            _map_block([r for _, r in to_equipment], ctx, summary, part,
                       np.array([n for n, _ in to_equipment], dtype=np.int64), counted=True)
    else:
        first_row = hrow + 2
        chunks = _chunks(raw, rows, hrow + 1)
        chunk = next(chunks, None)
        if chunk:
            _sheet_level_checks(chunk, raw, head[hrow], ctx, result, part)
        while chunk:
            _map_block(chunk, ctx, summary, part, None, first_row=first_row)
            first_row += len(chunk)
            chunk = next(chunks, None)
    part.issues.extend(skip_issues(ctx))
    for name, count in sorted(ctx.unknown_rooms.items()):
        part.issues.append(Issue.make(
            "warning", "unknown-room", file=ctx.file, sheet=raw.name,
            column=ctx.column_name("room"), name=name, count=count))
    _understand_values(result, ctx)
    part.fleet = Fleet.concat(part.blocks)
    part.blocks = []
    part.listed, part.listed_rows, part.fields = ctx.listed, ctx.listed_rows, len(ctx.columns)
    return part


def _chunks(raw: RawSheet, rows, start: int):
    """The table's rows from ``start`` in blocks of CHUNK_ROWS: columns of a columnar
    CSV, else lists of rows."""
    if raw.table is not None:
        n = raw.table.n
        return (raw.table.block(k, min(k + CHUNK_ROWS, n)) for k in range(start, n, CHUNK_ROWS))
    return iter(lambda: list(itertools.islice(rows, CHUNK_ROWS)), [])


def mapping_ignores(header: list, overrides: dict[str, str] | None) -> tuple[int, ...]:
    """Columns a mapping file says to ignore: no 'column-ignored' info for them."""
    return tuple(j for j, c in enumerate(header) if overrides and isinstance(c, str)
                 and overrides.get(fold(c)) == "ignore")


def _sheet_level_checks(chunk, raw: RawSheet, header: list, ctx: SheetContext,
                        result: InputResult, part: SheetPart) -> None:
    """Decisions taken once per sheet from its header and first rows: the meaning of an
    'État' column, the class of a GLPI export."""
    check_condition_column(chunk, ctx, part.issues)
    if ctx.glpi_class is None and "item_type" not in ctx.columns and glpi.looks_like_glpi(header):
        j = ctx.columns.get("type")
        values = [r[j] for r in chunk if j is not None and j < len(r)]
        ctx.glpi_class = glpi.export_class(header, [raw.name, Path(ctx.file).stem], values)
        if ctx.glpi_class is None:
            part.issues.append(Issue.make("warning", "glpi-class-unknown", file=ctx.file,
                                          sheet=raw.name))


def _map_block(rows: list[list], ctx: SheetContext, summary: SheetSummary, part: SheetPart,
               row_numbers: np.ndarray | None, first_row: int = 0, counted: bool = False
               ) -> None:
    res = map_chunk(rows, first_row, ctx, row_numbers)
    part.blocks.append(res.fleet)
    part.issues.extend(res.issues)
    counts = np.bincount(res.status, minlength=N_STATES)
    if not counted:
        summary.rows_read += len(rows)
    summary.rows_assessed += int(counts[ASSESSED])
    summary.rows_rejected += int(counts[REJECTED])
    for state, reason in SKIP_REASONS.items():
        summary.skip(reason, int(counts[state]))
    if len(res.services):
        numbers = (first_row + res.services) if row_numbers is None else row_numbers[res.services]
        read_activities(zip(numbers.tolist(), [rows[i] for i in res.services]), ctx.columns,
                        ctx.factor_set, ctx.file, ctx.sheet, ctx.col_offset, summary,
                        part.activities, part.issues, matcher=ctx.activity_matcher,
                        counted=False)


def _understand_values(result: InputResult, ctx: SheetContext) -> None:
    cats = ctx.factors.categories
    placed = {UNKNOWN, NO_CATEGORY, AMBIGUOUS}     # totals, blanks, VMs are not labels to map
    labels = [(text(k), c) for k, c in ctx.cache("type").items()] + \
        [(text(s) or text(i), c) for (i, s), c in ctx.cache("type_pairs").items()]
    for t, code in labels:
        if t and len(t) <= MAX_LABEL and (code >= 0 or code in placed):
            result.understood["labels"][t] = cats[code] if code >= 0 else None
    for word, code in ctx.cache("status").items():
        t = text(word)
        if t:
            result.understood["statuses"][t] = (None if code == -1 else
                                                "in_use" if code == -2 else MEANINGS[code])
