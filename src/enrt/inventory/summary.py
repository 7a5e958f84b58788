"""Per-sheet accounting: every row read ends assessed, rejected or skipped for a reason."""
from __future__ import annotations

from dataclasses import dataclass, field

from ..fleet import Fleet
from ..issues import Issue

# why a row was skipped; the JSON report lists them under inputs[].skipped
SKIP_REASONS = ("blank", "total", "heading", "not_in_use", "hidden", "hidden_sheet",
                "out_of_period", "not_physical", "restated")


@dataclass
class SheetSummary:
    name: str | None
    kind: str        # "equipment" | "activities" | "server_rooms" | "pivot" | "ignored" | …
    header_row: int | None = None
    rows_read: int = 0
    rows_assessed: int = 0
    rows_rejected: int = 0
    skipped: dict[str, int] = field(default_factory=dict)
    left_out: str | None = None       # why the whole sheet is left out (hidden, restated)

    def skip(self, reason: str, rows: int = 1) -> None:
        if rows:
            self.skipped[reason] = self.skipped.get(reason, 0) + rows

    @property
    def rows_skipped(self) -> int:
        return sum(self.skipped.values())

    @property
    def rows_skipped_blank(self) -> int:
        return self.skipped.get("blank", 0)

    @property
    def rows_skipped_total(self) -> int:
        return self.skipped.get("total", 0)


@dataclass
class SheetPart:
    """What one table sheet contributed; a part can be left out whole afterwards."""

    summary: SheetSummary
    fleet: Fleet
    issues: list[Issue]
    activities: list      # ActivityRow
    forced: bool = False                 # the mapping file says what this sheet is
    blocks: list[Fleet] = field(default_factory=list)
    listed: object = None                # quantity per category of all equipment rows
    listed_rows: int = 0
    fields: int = 0                      # recognised columns: the detail has more
