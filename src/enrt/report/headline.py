"""The report in one line, for stderr and ``--quiet``: how much of the inventory the totals
cover, the carbon footprint, and the first issues with their hints; also the small words
the terminal report shares with it (French plurals, the colon, a partial total).

Plain text only (no rich), so the summary under a JSON or xlsx report costs no console
library. Characters the console cannot write get ASCII stand-ins (``console_text``).
"""
from __future__ import annotations

from ..i18n import TEXT, criterion_label, mass, number, percent, t
from ..inert import safe
from ..issues import Issue
from .console_text import Degrade
from .model import Report
from .ranges import interval, span


def plural(n: float, lang: str) -> str:
    """French plural mark: 0 and 1 take the singular."""
    return "s" if lang == "fr" and n >= 2 else ""


def colon(lang: str) -> str:
    return " : " if lang == "fr" else ": "


def total_text(v, lang: str = "en", value: str | None = None) -> str:
    """A total as a person must read it: '≥ 821,079.2 (use only)' when it leaves a phase or
    categories out, never a partial figure shown as whole."""
    shown = value if value is not None else number(v.total, lang)
    if v.complete or v.total is None:
        return shown
    return f"≥ {shown} ({why_partial(v, lang)})"


def why_partial(v, lang: str) -> str:
    if v.manufacture is None:
        return t("use_only", lang)
    if v.use is None:
        return t("manufacture_only", lang)
    return t("of_units", lang, share=percent(v.coverage, lang))


def severity_word(sev: str, lang: str) -> str:
    return t("severity_" + sev, lang) if "severity_" + sev in TEXT else sev


def _issue_words(i: Issue, lang: str) -> tuple[str, str | None]:
    """The message and hint in ``lang`` when the issue can say them (``Issue.text``, the
    message catalogue), else as they are."""
    say = getattr(i, "text", None)
    return say(lang) if callable(say) else (i.message, i.hint)


def issue_line(i: Issue, lang: str = "en") -> str:
    """Plain text (print it with markup off); every field goes through ``safe()``, so the
    only line break is the one before the hint."""
    message, hint = _issue_words(i, lang)
    where = ", ".join(safe(x) for x in (
        i.file, t("sheet", lang, x=i.sheet) if i.sheet else None,
        t("row", lang, x=i.row) if i.row else None,
        t("column", lang, x=i.column) if i.column else None) if x)
    line = f"  [{safe(severity_word(i.severity, lang))}] {safe(message)}" + \
        (f" ({where})" if where else "")
    return line + (f"\n      {t('hint', lang)}{colon(lang)}{safe(hint)}" if hint else "")


def headline(report: Report, lang: str = "en") -> str:
    """How much of the inventory the totals cover: '29/36 rows assessed, 3 rejected,
    4 skipped: the total is incomplete', and which criteria leave equipment out."""
    rows = sum(i.rows_read for i in report.inputs)
    assessed = sum(i.rows_assessed for i in report.inputs)
    rejected = sum(i.rows_rejected for i in report.inputs)
    skipped = sum(i.rows_skipped for i in report.inputs)
    empty = [safe(i.path) for i in report.inputs if i.rows_assessed == 0]
    line = t("rows_line", lang, assessed=number(assessed, lang, 0), read=number(rows, lang, 0),
             rejected=number(rejected, lang, 0), skipped=number(skipped, lang, 0),
             s_rej=plural(rejected, lang), s_skip=plural(skipped, lang))
    if empty:
        line += colon(lang) + t("nothing_in", lang, files=", ".join(empty))
    elif rejected:
        line += colon(lang) + t("incomplete", lang)
    else:
        line += colon(lang) + t("covers_all", lang)
    partial = [t("short_" + k, lang) if "short_" + k in TEXT else criterion_label(k, lang)
               for k, v in report.totals.items() if not v.complete]
    if partial:
        line += (" ; " if lang == "fr" else "; ") + t("partial_totals", lang,
                                                      what=", ".join(partial))
    return line


def summary_line(report: Report, lang: str = "en") -> str:
    """The headline, the carbon footprint (t CO2e from a tonne up) and the error and warning
    counts, on one line: the stderr summary and ``--quiet``."""
    g = report.totals["gwp"]
    c = report.issue_counts
    e, wn = c.get("error", 0), c.get("warning", 0)
    sep = " ; " if lang == "fr" else "; "
    return sep.join((headline(report, lang),
                     f"{t('carbon', lang)} {total_text(g, lang, _with_range(report, g, lang))}"
                     f"{t('per_year', lang)}",
                     t("errors_warnings", lang, e=e, w=wn, s_e=plural(e, lang), s_w=plural(wn, lang))))


def _with_range(report: Report, g, lang: str) -> str:
    """The carbon footprint, and its 90 % interval with --uncertainty."""
    return mass(g.total, lang) + span(interval(report), g.total, lang)


def render_headline(report: Report, lang: str = "en", encoding: str | None = "utf-8") -> bytes:
    """``--quiet`` on the terminal: the summary line alone, in the console's encoding."""
    tx = Degrade(encoding)
    return (tx(summary_line(report, lang)) + "\n").encode(tx.encoding, errors="replace")


def render_summary(report: Report, max_issues: int = 10, lang: str = "en",
                   encoding: str | None = "utf-8") -> str:
    """For stderr when the report goes to a file or is JSON: a line, then the first
    errors and warnings; characters ``encoding`` cannot write are given ASCII stand-ins."""
    lines = [f"enrt: {summary_line(report, lang)}"]
    problems = [i for i in report.issues if i.severity != "info"]
    lines += [issue_line(i, lang) for i in problems[:max_issues]]
    if len(problems) > max_issues:
        lines.append(t("more_in_report", lang, n=len(problems) - max_issues))
    return Degrade(encoding)("\n".join(lines))
