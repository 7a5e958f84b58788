"""Findings about the input, each with a code, a place and a fix (frictionless-style).

Messages and hints come from one catalogue (``enrt.messages``), in French and English:
``Issue.make(severity, msg_id, file=…, **values)`` writes them in English (the JSON report's
language) and ``issue.text(lang)`` in either language.
"""
from __future__ import annotations

from dataclasses import dataclass

from .messages import HINTS, Text
from .messages import hint as _hint
from .messages import message as _message

_CATALOGUE_HINT = object()     # make(): the hint of the message id, if the catalogue has one


@dataclass(frozen=True)
class Issue:
    severity: str            # "error" | "warning" | "info"
    code: str
    message: str             # English (a messages.Text when made from the catalogue)
    file: str | None = None
    sheet: str | None = None
    row: int | None = None
    column: str | None = None
    hint: str | None = None

    @classmethod
    def make(cls, severity: str, msg_id: str, *, file: str | None = None,
             sheet: str | None = None, row: int | None = None, column: str | None = None,
             hint=_CATALOGUE_HINT, hint_id: str | None = None, **values) -> Issue:
        """An issue from the catalogue: ``msg_id`` is the code or ``code.variant``; the
        hint is the catalogue's hint for ``hint_id`` (default: ``msg_id``) with the same
        values, or ``hint`` when given: a ``messages.Text`` (e.g. a label matcher's "did you
        mean"), None, or "" (an empty hint)."""
        text = _message(msg_id, **values)
        if hint is _CATALOGUE_HINT:
            key = hint_id or msg_id
            hint = _hint(key, **values) if key in HINTS or hint_id else None
        elif hint and not isinstance(hint, Text):
            raise TypeError("an issue hint comes from the catalogue (enrt.messages)")
        return cls(severity, msg_id.split(".", 1)[0], text, file, sheet, row, column, hint)

    @property
    def msg_id(self) -> str | None:
        return self.message.id if isinstance(self.message, Text) else None

    @property
    def params(self) -> dict:
        return dict(self.message.params) if isinstance(self.message, Text) else {}

    def text(self, lang: str) -> tuple[str, str | None]:
        """(message, hint) in ``lang`` ("fr" or "en"); an issue not made from the catalogue
        (e.g. read back from a JSON report) keeps its English words."""
        def say(x):
            return x.text(lang) if isinstance(x, Text) else x
        return say(self.message), say(self.hint)


ISSUE_CODES = {
    "unknown-type": "the equipment label matches no category alias",
    "missing-type": "the row has values but no equipment type",
    "invalid-quantity": "the quantity is not a number",
    "negative-quantity": "the quantity is below zero",
    "invalid-date": "a date cannot be read or is outside 1980-2100",
    "date-order": "the withdrawal date is before the purchase date",
    "out-of-period": "rows skipped: the equipment was not in the fleet during the assessed year",
    "no-category": "the equipment (UPS, camera, keyboard…) has no category in the factor set",
    "unknown-status": "a status word is not known as in use or not (map it in a mapping file)",
    "skipped-not-in-use": "rows skipped: their status says in stock, out of service, retired, disposed or lost",
    "skipped-hidden": "rows hidden by a filter or by hand are left out (--include-hidden counts them)",
    "skipped-not-physical": "GLPI rows that are not devices (virtual machines, licences) are skipped",
    "section-heading": "rows with a lone label and no other value are section headings",
    "sheet-hidden": "a hidden sheet is left out (--include-hidden counts it)",
    "sheet-restated": "a sheet with the same quantities per category as another is left out",
    "pivot-table": "a pivot table (Étiquettes de lignes, Total général…) is left out",
    "column-physical-state": "an État/Condition column holds physical states, not new/refurbished: not used",
    "column-is-status": "an État column holds statuses (in service, in stock): read as the status",
    "foreign-currency": "a price column in another currency than the euro is not used",
    "glpi-class-unknown": "a GLPI export whose list (monitors, phones, peripherals) cannot be told",
    "organisations-differ": "several inputs are different organisations: per-agent figures per input",
    "nothing-assessed": "nothing could be assessed in an input (exit code 1)",
    "duplicate-column": "two columns are read as the same field: the first is used",
    "merged-header": "merged header cells: only the first column of the merge has a header",
    "many-groups": "more than 1,000 distinct entities, sites or projects: the smallest are summed in one line",
    "unreadable-cell": "a used cell holds a formula without a saved value, or an error (#N/A, #REF!…)",
    "invalid-bytes": "a UTF-8 CSV holds a few bytes that are not UTF-8 (shown as U+FFFD)",
    "mapping-unused": "a key of the mapping file matches no header, label, status or sheet of the inputs",
    "nothing-in-use": "every row of an input is skipped as not in use, hidden or out of period",
    "invalid-lifetime": "the lifetime is not a number of years between 0 and 50",
    "invalid-condition": "the condition is not new, refurbished or reused",
    "invalid-number": "a numeric field (kWh, W, hours, previous use) cannot be read",
    "unknown-country": "the country is not recognised",
    "no-electricity-factor": "the factor set has no electricity factor for that country",
    "invalid-pue": "a server room has no name, or a PUE is outside 1-5",
    "incomplete-power": "power without hours of use (or the reverse): default kWh used",
    "no-equipment-table": "a file holds no sheet with an equipment table",
    "unknown-room": "the row names a server room not listed on a server-room sheet",
    "invalid-organisation": "a number on the Organisation sheet cannot be read",
    "missing-organisation": "agents or population unknown: the indicators needing them are not computed",
    "unknown-practice": "a good-practice row names no practice of the DINUM referential",
    "invalid-status": "a good-practice status is not fait / en cours / prévu / non / non applicable",
    "room-measured": "a server room's measured kWh replaces the estimate of its equipment",
    "room-without-equipment": "a metered server room is named by no equipment row",
    "unknown-activity": "a service or prestation row matches no activity of the factor set",
    "unit-mismatch": "a service row's unit does not fit the activity's unit",
    "unknown-unit": "a service row's unit is not recognised",
    "sheet-ignored": "the sheet holds no equipment or server-room table",
    "column-ignored": "a column header is not recognised",
    "not-covered": "a criterion cannot be computed for some categories",
    "snapshot-method": "numecoeval charges embodied impact / age every year: reports do not add up",
    "fully-amortised": "rows past their lifetime carry no manufacture share",
    "empty-input": "no equipment rows were found",
}
