"""The terminal report (rich), registered as the ``table`` format: text in the language
of ``ctx.lang``, as wide as ``ctx.width`` (None: the console's), in ``ctx.encoding`` (the
console's on stdout, UTF-8 in a file), ASCII stand-ins for what that encoding cannot write."""
from __future__ import annotations

from ..model import Report
from ..console_text import Degrade
from ..render_table import render_table


def render(report: Report, ctx) -> bytes:
    tx = Degrade(ctx.encoding)
    text = render_table(report, color=ctx.color, max_issues=ctx.max_issues, width=ctx.width,
                        lang=ctx.lang, encoding=tx.encoding)
    return tx(text).encode(tx.encoding, errors="replace")
