"""The terminal report (rich), registered as the ``table`` format."""
from __future__ import annotations

from ..model import Report
from ..render_table import render_table


def render(report: Report, ctx) -> bytes:
    text = render_table(report, color=ctx.color, max_issues=ctx.max_issues,
                        **({"width": ctx.width} if ctx.width else {}))
    return text.encode(ctx.encoding, errors="replace")
