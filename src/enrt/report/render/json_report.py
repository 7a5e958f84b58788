"""The JSON report (DESIGN §6): ids and unrounded numbers, whatever the language."""
from __future__ import annotations

from ..model import Report


def render(report: Report, ctx) -> bytes:
    return report.to_json().encode("utf-8")
