"""The Markdown report (``-o rapport.md``): what a person pastes into the loi REEN annual
review (rapport développement durable). It lays out ``report.view`` and never recomputes
a figure: title, subtitle, key figures as a short list, the data-quality sentences, the
tables as GitHub-flavoured pipe tables (numbers right-aligned, written for the
language), partial totals marked, hypotheses and sources.

No HTML. Every string that comes from an inventory, a mapping or a factor set goes
through :func:`md_text`: Markdown-active characters are backslash-escaped, line breaks
become spaces and control characters are made visible, so a label such as ``a|b``,
``**x**`` or ``<script>`` is shown as written and cannot break a table or add markup.
"""
from __future__ import annotations

import re

from ...i18n import check_lang, criterion_label, t
from ..headline import why_partial
from ..model import Report
from ..view import Table, View, build_view, fmt_cell

MAX_ISSUES = 100            # issue lines in the table; the JSON report has them all
SKIPPED_TABLES = {"top_categories"}            # by_category has them all


# Markdown-active characters (CommonMark + GFM tables, strikethrough, math, kramdown
# attribute lists), backslash-escaped wherever they are. `_` only where it could open or
# close emphasis (not inside a word: all_in_one, file_name.xlsx stay as written), `&` only
# where it would start an entity. `>` acts only at the start of a line, as the other block
# markers, and no input text starts a line but through ``lead()``.
_ESCAPE = {ord(c): "\\" + c for c in "\\`*[]<|~${}#"}
_ESCAPE.update({ord("\r"): " ", ord("\n"): " ", ord("\t"): " ", 0x0B: " ", 0x0C: " ",
                0x2028: " ", 0x2029: " "})
for _c in (*range(0x20), *range(0x7F, 0xA0), 0x061C, 0x200E, 0x200F, *range(0x202A, 0x202F),
           *range(0x2066, 0x206A)):
    _ESCAPE.setdefault(_c, chr(0x2400 + _c) if _c < 0x20 else "\u2421" if _c == 0x7F else
                       f"\\\\x{_c:02x}" if _c <= 0x9F else f"\\\\u{_c:04x}")
_LOOSE = re.compile(r"(?<![^\W_])_|_(?![^\W_])|&(?=#?[0-9A-Za-z]+;)")
_BLOCK_START = re.compile(r"^(?:([-+>=])|(\d+)([.)]))")


def md_text(value: object) -> str:
    """Text shown as written: Markdown-active characters escaped, one line, no control
    character (made visible as in the terminal report: ␛, \\x9b, \\u202e)."""
    text = ("" if value is None else str(value)).translate(_ESCAPE)
    return _LOOSE.sub(lambda m: "\\" + m.group(), text)


def lead(value: object) -> str:
    """``md_text`` for text that starts a block (a paragraph, a list item): a leading
    list, quote or heading-underline marker is escaped too ("2024. " stays text)."""
    text = md_text(value).lstrip()
    return _BLOCK_START.sub(lambda m: "\\" + m.group(1) if m.group(1) else
                            m.group(2) + "\\" + m.group(3), text, count=1)


def _colon(label: str, lang: str) -> str:
    return f"{label}\u00a0:" if lang == "fr" else f"{label}:"


def render(report: Report, ctx) -> bytes:
    lang = check_lang(ctx.lang)
    return "\n".join(lines(report, lang)).encode("utf-8")


def lines(report: Report, lang: str) -> list[str]:
    view = build_view(report, lang)
    return view_lines(view, _partial_totals(report, view, lang))


def view_lines(view: View, partial: dict[tuple[int, int], str] | None = None) -> list[str]:
    """The document of a view; ``partial``: the totals table's lower-bound cells."""
    lang = view.lang
    out = [f"# {md_text(view.title)}", "", md_text(view.subtitle), ""]
    out += [f"## {md_text(t('key_figures', lang))}", ""]
    for f in view.figures:
        text = md_text(f.text) + (f" ({md_text(f.detail)})" if f.detail else "")
        out.append(f"- **{_colon(md_text(f.label), lang)}** {text}")
    if view.sentences:
        out += ["", f"## {md_text(t('data_quality', lang))}", ""]
        for s in view.sentences:
            out += [lead(s), ""]
    else:
        out.append("")
    for table in view.tables:
        if table.id in SKIPPED_TABLES or not table.rows:
            continue
        out += [f"## {md_text(table.title)}", ""]
        if table.id == "hypotheses":            # sentences: a list reads better
            out += [f"- {lead(row[-1])}" for row in table.rows] + [""]
            continue
        rows = table.rows
        more = 0
        if table.id == "issues" and len(rows) > MAX_ISSUES:
            rows, more = rows[:MAX_ISSUES], len(rows) - MAX_ISSUES
        out += pipe_table(table, rows, lang, (partial or {}) if table.id == "totals" else {})
        if table.note:
            out += ["", f"*{md_text(table.note)}*"]
        if more:
            out += ["", md_text(t("more_issues_md", lang, n=more))]
        out.append("")
    out += [f"## {md_text(t('about', lang))}", ""]
    out += [f"- {_colon(md_text(k), lang)} {md_text(v)}" for k, v in view.meta]
    out.append("")
    return out


def pipe_table(table: Table, rows: list[list], lang: str,
               replace: dict[tuple[int, int], str] | None = None) -> list[str]:
    """A GFM pipe table: text left, numbers right-aligned; ``replace`` gives the written
    text of some cells (row, column) instead of fmt_cell's."""
    replace = replace or {}
    cols = table.columns
    out = ["| " + " | ".join(md_text(c.label) for c in cols) + " |",
           "| " + " | ".join("---" if c.kind == "text" else "---:" for c in cols) + " |"]
    for i, row in enumerate(rows):
        cells = [replace.get((i, j)) or fmt_cell(v, c.kind, lang)
                 for j, (v, c) in enumerate(zip(row, cols))]
        out.append("| " + " | ".join(md_text(c) for c in cells) + " |")
    return out


def _partial_totals(report: Report, view: View, lang: str) -> dict[tuple[int, int], str]:
    """The total cell of a criterion that leaves categories or a phase out, written as a
    lower bound: '≥ 0,6 (56 % des équipements)', never a partial figure shown as whole."""
    table = view.table("totals")
    if table is None:
        return {}
    col = next((j for j, c in enumerate(table.columns) if c.label == t("total", lang)), None)
    if col is None:
        return {}
    out = {}
    for i, (key, v) in enumerate(report.totals.items()):
        if i >= len(table.rows) or table.rows[i][0] != criterion_label(key, lang):
            break                           # the view changed its rows: leave them as is
        if v.complete or v.total is None:
            continue
        out[(i, col)] = t("partial_total", lang, value=fmt_cell(v.total, "number", lang),
                          what=why_partial(v, lang))
    return out
