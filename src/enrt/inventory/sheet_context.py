"""Row states and the per-sheet context shared by the mapper and the row routing."""
from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np

from ..factors.arrays import FactorArrays
from .labels import TOTAL_LABEL, LabelMatcher
from .statuses import StatusTable

ASSESSED, BLANK, TOTAL, REJECTED, HEADING, NOT_IN_USE, HIDDEN, OUT_OF_PERIOD, VIRTUAL_ROW, \
    SERVICE = range(10)
N_STATES = 10
# skipped states and the reason they are reported under
SKIP_REASONS = {BLANK: "blank", TOTAL: "total", HEADING: "heading", NOT_IN_USE: "not_in_use",
                HIDDEN: "hidden", OUT_OF_PERIOD: "out_of_period", VIRTUAL_ROW: "not_physical"}
TOTAL_CODE = TOTAL_LABEL


def column_letter(index: int) -> str:
    letters = ""
    index += 1
    while index:
        index, rem = divmod(index - 1, 26)
        letters = chr(65 + rem) + letters
    return letters


@dataclass
class SheetContext:
    """What the mapper needs to know about the sheet and the run."""

    file: str
    sheet: str | None
    columns: dict[str, int]             # field -> column index in the row lists
    headers: dict[str, str]             # field -> header text as written
    col_offset: int
    factors: FactorArrays
    matcher: LabelMatcher
    year: int
    rooms: dict[str, float]             # folded room name -> PUE
    input_index: int = 0
    statuses: StatusTable = field(default_factory=StatusTable)
    count_stock: bool = False           # in-stock rows are assessed (option)
    hidden_rows: np.ndarray | None = None   # 1-based rows hidden in the sheet (filter, by hand)
    bad_cells: dict = field(default_factory=dict)   # (row, absolute col0) -> formula / #N/A
    decimal_comma: bool = False         # a French CSV (';'): "1.234" is ambiguous
    glpi_class: str | None = None       # class of a single-class GLPI export
    activity_matcher: LabelMatcher | None = None   # services met in an equipment sheet
    factor_set: object = None           # the FactorSet model, for those service rows
    default_country: int | None = None  # --country, else the factor set's default
    segment_sum: float = 0.0            # quantity since the last blank/total row (carried)
    segment_rows: int = 0               # typed rows since the last blank/total row
    unknown_rooms: dict[str, int] = field(default_factory=dict)
    caches: dict[str, dict] = field(default_factory=dict)   # field -> cell -> parsed value
    # (reason, detail) -> [rows, units, first row numbers]: one issue per reason at the end
    skips: dict[tuple[str, str], list] = field(default_factory=dict)

    # quantity per category of every row naming equipment, skipped or not: what a summary
    # sheet would restate
    listed: np.ndarray = field(default_factory=lambda: np.zeros(0))
    listed_rows: int = 0

    def __post_init__(self) -> None:
        if len(self.listed) == 0:
            self.listed = np.zeros(len(self.factors.categories))

    def cache(self, fname: str) -> dict:
        return self.caches.setdefault(fname, {})

    def column_name(self, fname: str) -> str:
        j = self.columns[fname]
        return f"{column_letter(self.col_offset + j)} ({self.headers[fname]})"

    def note_skip(self, reason: str, detail: str, rows: np.ndarray, units: float) -> None:
        entry = self.skips.setdefault((reason, detail), [0, 0.0, []])
        entry[0] += len(rows)
        entry[1] += units
        entry[2].extend(int(r) for r in rows[:max(0, 5 - len(entry[2]))])
