"""The CSV of assessed rows (``-o lignes.csv`` or ``--format csv``): one line per assessed
inventory row × criterion × phase, with where the row comes from, the values the engine
used and where each came from (input / default / derived). docs/report-formats.md
documents the columns; they are the same, in the same order, whatever the language.

- ``--lang fr``: what French Excel opens by a double click: ``;`` separator, decimal
  comma, UTF-8 with a byte order mark, CRLF line ends.
- otherwise: ``,`` separator, decimal point, UTF-8 without BOM, LF line ends.

Numbers are unrounded (``repr``: the shortest text that reads back as the same float).
A criterion the factor set does not give for a row's category has an empty value and
``covered`` false, never 0. Ids, units and codes are machine words in every language;
only ``category_label`` follows ``--lang``. Text that a spreadsheet would run as a
formula (starting with = + - @ tab or CR) is made inert (CWE-1236).
"""
from __future__ import annotations

import csv
import itertools
import math

import numpy as np

from ...fleet import PROVENANCE_NAMES
from ...i18n import check_lang
from ...rows import CONDITION_NAMES, RowTable
from ..model import Report
from ..view import category_label
from .cells import inert

# the column set (docs/report-formats.md): name -> what it holds
COLUMNS: dict[str, str] = {
    "source_file": "the inventory file, as given on the command line",
    "sheet": "the sheet of the row (empty for a CSV inventory)",
    "row": "the row number in the sheet or file (1 = the first line)",
    "category": "the category id in the factor set",
    "category_label": "the category label, in the report language",
    "quantity": "the number of units the row stands for",
    "quantity_source": "input, default or derived",
    "criterion": "the criterion id (gwp, adpe, pe, water…)",
    "phase": "manufacture or use",
    "value": "the row's yearly impact for this criterion and phase (all its units); "
             "empty when not covered",
    "unit": "the unit of value (kgCO2e, kgSbeq, MJ, m3…), per year",
    "covered": "true, or false when the factor set gives no factor for this category, "
               "criterion and phase",
    "lifetime_years": "the lifetime used (years)",
    "lifetime_years_source": "input, default or derived",
    "manufacture_share": "the share of the manufacture impact counted this year",
    "manufacture_share_source": "derived (from the lifetime and the dates)",
    "annual_kwh": "the yearly consumption used, per unit (kWh)",
    "annual_kwh_source": "input, default or derived",
    "pue": "the PUE used (1 outside a server room)",
    "pue_source": "input or default",
    "country": "the country of use (ISO 3166 alpha-3), for the electricity factor",
    "country_source": "input or default",
    "condition": "new, refurbished, reused or reassigned",
    "condition_source": "input, default or derived",
}
PHASES = ("manufacture", "use")
CHUNK = 20_000                  # assessed rows encoded at a time


class _Echo:
    """A file whose write returns what it is given: csv.writer.writerow then returns
    the line it wrote, quoted as the dialect says."""

    def write(self, text: str) -> str:
        return text


def render(report: Report, ctx) -> bytes:
    rows: RowTable | None = ctx.rows
    if rows is None:
        raise ValueError("the CSV of rows needs the assessed rows (RenderContext.rows)")
    lang = check_lang(ctx.lang)
    fr = lang == "fr"
    sep, end = (";", "\r\n") if fr else (",", "\n")
    line = csv.writer(_Echo(), delimiter=sep, lineterminator="").writerow

    def cell(text: str) -> str:
        """One text cell, inert and quoted as the csv module quotes it in a line (a lone
        empty field is written "" by writerow: not in a line of many)."""
        return line([inert(text)]) if text else ""

    def num(values: np.ndarray) -> list[str]:
        """repr-exact numbers, decimal comma in French; NaN -> empty. Each distinct value
        is written once (a fleet repeats its lifetimes, shares and factors)."""
        uniq, where = np.unique(values, return_inverse=True)
        text = [repr(x) if math.isfinite(x) else "" for x in uniq.tolist()]
        if fr:
            text = [x.replace(".", ",") for x in text]
        return np.array(text, dtype=object)[where.ravel()].tolist()

    labels = {c.category: category_label(c, lang) for c in report.by_category}
    cat = [line([inert(c), inert(labels.get(c, c))]) for c in rows.categories]
    src = [cell(f) for f in rows.inputs]
    sheets = [cell(s) for s in rows.sheet_names]
    countries = [cell(c) for c in rows.countries]
    cond = {k: cell(v) for k, v in CONDITION_NAMES.items()}
    prov = {f: [PROVENANCE_NAMES[c] for c in codes.tolist()]
            for f, codes in rows.provenance.items()}
    n = len(rows)
    derived = ["derived"] * n
    quantity, lifetime, share = num(rows.quantity), num(rows.lifetime), num(rows.share)
    kwh, pue = num(rows.annual_kwh), num(rows.pue)
    # every line of an assessed row begins and ends alike: write those parts once
    heads = [sep.join((src[f], sheets[s], str(r), cat[c], q, qs)) for f, s, r, c, q, qs in zip(
        rows.input_index.tolist(), rows.sheet.tolist(), rows.row_number.tolist(),
        rows.category.tolist(), quantity, prov["quantity"])]
    tails = [sep.join(x) + end for x in zip(
        lifetime, prov["lifetime"], share, derived, kwh, prov["annual_kwh"], pue,
        prov["pue"], [countries[c] for c in rows.country.tolist()], prov["country"],
        [cond[c] for c in rows.condition.tolist()], prov["condition"])]
    units = {k: (report.totals[k].unit if k in report.totals else "") for k in rows.criteria}
    middles = [(sep + cell(crit) + sep + phase + sep, sep + cell(units[crit]) + sep,
                num(values[:, k])) for k, crit in enumerate(rows.criteria)
               for phase, values in zip(PHASES, (rows.manufacture, rows.use))]
    encoding = "utf-8-sig" if fr else "utf-8"           # fr: with the byte order mark
    parts = [(sep.join(COLUMNS) + end).encode(encoding)]
    for a in range(0, n, CHUNK):                # encoded by chunks: a bounded peak of text
        z = min(n, a + CHUNK)
        columns = []                # per criterion and phase: the lines of every row
        for pre, post, text in middles:
            yes, no = post + "true" + sep, post + "false" + sep
            columns.append([f"{h}{pre}{v}{yes if v else no}{t}" for h, v, t in zip(
                heads[a:z], text[a:z], tails[a:z])])
        # row by row: its criteria, manufacture then use
        parts.append("".join(itertools.chain.from_iterable(zip(*columns))).encode("utf-8"))
    return b"".join(parts)
