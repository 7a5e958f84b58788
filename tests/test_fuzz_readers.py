"""Property-based fuzz of the CSV and workbook readers (issue 8).

Random CSV text (known and unknown headers, French numbers, dates, quotes, separators,
line breaks, control characters, unicode) in UTF-8, Windows-1252, Mac Roman, DOS or
UTF-16, with random bytes spliced in; random workbooks written by openpyxl (strings,
huge and negative numbers, dates, formulas, hidden sheets and rows, merged cells); the
same sheets as .ods (NaN and infinity as office:value). Known columns mostly hold what
they should, so many inputs reach the row mapping, not only the header search.

Each input is assessed in-process against the tiny factor set and must give a report or
raise an ``EnrtError`` (the CLI's clean exit 2); any other exception is a bug (the CLI's
"internal error"). A report keeps the row accounting (rows read = assessed + rejected +
skipped, skipped = the sum of its reasons, per input and per sheet), dumps to strict JSON
(no NaN/Infinity), and holds no NaN or infinity anywhere in the model (pydantic would
write them as null: the JSON alone cannot tell), so totals are finite or None. A few
generated files also go through the installed ``enrt`` command.

Bounded for CI (a fixed seed, about 10 s). By hand, longer and with a fresh seed:

    ENRT_FUZZ_EXAMPLES=2000 pytest tests/test_fuzz_readers.py
"""
from __future__ import annotations

import csv
import datetime as dt
import io
import json
import math
import os
import subprocess
import sys
import tempfile
from pathlib import Path

import openpyxl
import pytest
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

from enrt import assess
from enrt.errors import EnrtError

from .conftest import TINY_SET, write_ods

# hypothesis is not in the project's [test] extra yet: skipped (not failed) without it
hypothesis = pytest.importorskip("hypothesis")
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

ENRT = Path(sys.executable).parent / "enrt"
_BY_HAND = int(os.environ.get("ENRT_FUZZ_EXAMPLES", "0") or 0)


def fuzz_settings(ci_examples: int) -> settings:
    """``ci_examples`` with a fixed seed in CI; ENRT_FUZZ_EXAMPLES random ones by hand.
    No example database: nothing is written into the source tree (a failure prints the
    example and a reproduce blob)."""
    return settings(max_examples=_BY_HAND or ci_examples, derandomize=not _BY_HAND,
                    deadline=None, database=None, print_blob=True,
                    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large,
                                           HealthCheck.filter_too_much])


@pytest.fixture(scope="module")
def factors(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("fuzz-factors") / "tiny.yaml"
    path.write_text(TINY_SET, encoding="utf-8")
    return path


# --- strategies -----------------------------------------------------------------------

KNOWN_HEADERS = ["Type", "Qté", "Date d'achat", "État", "Statut", "Site", "Pays",
                 "Durée de vie"]
OTHER_HEADERS = ["Quantité", "Type d'équipement", "Entité", "Service", "Commentaire",
                 "Modèle", "Unité", "Prix unitaire (€)", "Date de sortie", "Salle", "PUE",
                 "Total", ""]
LABELS = ["PC portable", "ordinateur portable", "Ecran", "écran", "ÉCRAN", "serveur",
          "Unité centrale", "poste fixe", "laptop", "Total", "TOTAL GÉNÉRAL", "Sous-total",
          "imprimante", "VM", "-", "N/A", "en service", "En stock", "rebut", "neuf",
          "reconditionné", "occasion", "France", "FRA", "DEU", "Allemagne", "ZZZ", "Salle A",
          "Mairie", "École", "4 ans", "48 mois"]
SPECIALS = ['"', '""', '"a', 'a"b', ";", ",", "\t", "\n", "\r", "\r\n", "\x00", "\x1a",
            "\x0c", "\ufeff", "\u202e", "\u00a0", "\ufffd", "=1+1", '=HYPERLINK("x")',
            "'0123", "1e400", "-1e400", "nan", "NaN", "inf", "-inf", "9" * 400,
            "1" + "0" * 30, "0x1F", "1_000", "½", "٣", "1 234,5", "1\u00a0234,5", "1.234,5",
            "1,234.5", "10 %", "-0", "+7", "1/2", "31/02/2022", "00/00/0000", "2022-13-45",
            "44927", "44927,5", "99999999", "∞", "𝟙𝟚"]

ints = st.integers(-10**12, 10**12).map(str)
floats = st.floats(allow_nan=True, allow_infinity=True).map(repr)
french_decimals = st.builds(lambda i, f: f"{i},{f}", st.integers(-1000, 10**6),
                            st.integers(0, 999))
DATE_FORMATS = ["%d/%m/%Y", "%Y-%m-%d", "%d/%m/%y", "%m/%d/%Y", "%d.%m.%Y", "%Y",
                "%d/%m/%Y %H:%M", "%B %Y"]
any_datetimes = st.datetimes(min_value=dt.datetime(1, 1, 1), max_value=dt.datetime(9999, 12, 31))
near_datetimes = st.datetimes(min_value=dt.datetime(1990, 1, 1),
                              max_value=dt.datetime(2030, 12, 31))
dates = st.builds(lambda d, f: d.strftime(f), st.one_of(near_datetimes, any_datetimes),
                  st.sampled_from(DATE_FORMATS))
garbage = st.one_of(st.text(max_size=24),
                    st.text(alphabet="abcdeéèêàçôûÉÀ€°' ;,\"\n-.0123456789", max_size=24))
csv_cells = st.one_of(st.just(""), st.sampled_from(LABELS), ints, floats, french_decimals,
                      dates, st.sampled_from(SPECIALS), garbage)
headers = st.lists(st.one_of(st.sampled_from(KNOWN_HEADERS), st.sampled_from(KNOWN_HEADERS),
                             st.sampled_from(OTHER_HEADERS), garbage), min_size=1, max_size=9)

# what each known column usually holds (as text); any cell at all otherwise
COLUMN_TEXT = {
    "Type": st.sampled_from(["PC portable", "ordinateur portable", "Ecran", "écran", "ÉCRAN",
                             "serveur", "Unité centrale", "poste fixe", "laptop", "Total",
                             "Sous-total", "imprimante", "VM", ""]),
    "Qté": st.one_of(st.integers(0, 50).map(str), french_decimals,
                     st.sampled_from([" 3 ", "3 u", "-1", "0", "1e400", "1.234", "1 000", ""])),
    "Date d'achat": st.one_of(dates, st.sampled_from(["", "inconnue", "2019", "S1 2020"])),
    "État": st.sampled_from(["neuf", "Neuf", "reconditionné", "occasion", "réemploi",
                             "bon état", "HS", ""]),
    "Statut": st.sampled_from(["en service", "En service", "en stock", "stock", "rebut",
                               "au rebut", "prêté", "actif", "inactif", ""]),
    "Site": st.one_of(st.sampled_from(["Mairie", "École", "Crèche", "", "Total"]), garbage),
    "Pays": st.sampled_from(["France", "FRA", "FR", "DEU", "Allemagne", "ZZZ", ""]),
    "Durée de vie": st.sampled_from(["4", "4 ans", "48 mois", "5,5", "-1", "0", "99999", ""]),
}


@st.composite
def table_rows(draw, head: list[str], column: dict, anything) -> list[list]:
    """Data rows under ``head``: mostly the value each known column expects, sometimes
    anything, sometimes a short or long row."""
    rows = []
    for _ in range(draw(st.integers(0, 12))):
        row = [draw(column[h]) if h in column and draw(st.integers(0, 4)) else draw(anything)
               for h in head]
        shape = draw(st.integers(0, 9))
        if shape == 0:
            row = row[:draw(st.integers(0, len(row)))]
        elif shape == 1:
            row += draw(st.lists(anything, min_size=1, max_size=3))
        rows.append(row)
    return rows


@st.composite
def csv_texts(draw) -> str:
    """The text of a CSV file: optional title lines, a header row, data rows."""
    head = draw(headers)
    if draw(st.integers(0, 2)):               # most tables name a type and a quantity
        head = ["Type", "Qté", *head]
    head = draw(st.permutations(head))
    rows = [[draw(st.sampled_from(["Inventaire 2025", "", "Commune de X"]))]
            for _ in range(draw(st.integers(0, 2)))]
    rows.append(head)
    rows += draw(table_rows(head, COLUMN_TEXT, csv_cells))
    delimiter = draw(st.sampled_from([";", ",", "\t", "|"]))
    newline = draw(st.sampled_from(["\r\n", "\n", "\r"]))
    if draw(st.booleans()):            # written by a CSV writer: quoted as needed
        buf = io.StringIO()
        writer = csv.writer(buf, delimiter=delimiter, lineterminator=newline,
                            quoting=draw(st.sampled_from([csv.QUOTE_MINIMAL, csv.QUOTE_ALL])))
        writer.writerows(rows)
        text = buf.getvalue()
    else:                              # joined by hand: stray quotes and separators stay
        text = newline.join(delimiter.join(r) for r in rows)
        text += draw(st.sampled_from(["", newline, newline * 3]))
    return text


@st.composite
def csv_files(draw) -> bytes:
    """CSV text in some encoding, with random bytes spliced in."""
    text = draw(csv_texts())
    encoding = draw(st.sampled_from(["utf-8", "utf-8", "utf-8-sig", "cp1252", "cp1252",
                                     "mac_roman", "cp850", "utf-16"]))
    data = bytearray(text.encode(encoding, errors="replace"))
    spliced = st.lists(st.tuples(st.floats(0, 1), st.integers(0, 255)), max_size=4)
    for where, byte in draw(st.one_of(st.just([]), spliced)):
        data.insert(int(where * len(data)), byte)
    return bytes(data)


def _clean(s: str) -> str:
    return ILLEGAL_CHARACTERS_RE.sub("", s)     # characters an xlsx cannot hold at all


FORMULAS = ["=1+1", "=1/0", "=A1", "=B2*1000", "=NA()", '="PC portable"', "=SUM(B:B)",
            '=REPT("a",100)', "=-1E+307*10", "=#REF!"]
xlsx_cells = st.one_of(
    st.none(), st.sampled_from(LABELS), st.text(max_size=24).map(_clean),
    st.sampled_from([_clean(s) for s in SPECIALS]), french_decimals, dates,
    st.integers(-10**6, 10**6), st.integers(-2**70, 2**70),
    st.floats(allow_nan=False, allow_infinity=False),
    st.sampled_from([1e308, -1e308, 5e-324, -0.0, 0.5, 1.5, 2**53 + 1.0]),
    st.dates(min_value=dt.date(1900, 3, 1), max_value=dt.date(9999, 12, 31)),
    st.datetimes(min_value=dt.datetime(1900, 3, 1), max_value=dt.datetime(9999, 12, 31)),
    st.times(), st.booleans(), st.sampled_from(FORMULAS))


COLUMN_VALUE = {**COLUMN_TEXT,
                "Qté": st.one_of(st.integers(0, 50), st.floats(0, 100), COLUMN_TEXT["Qté"],
                                 st.sampled_from(FORMULAS)),
                "Date d'achat": st.one_of(near_datetimes, COLUMN_TEXT["Date d'achat"]),
                "Durée de vie": st.one_of(st.integers(-2, 20), COLUMN_TEXT["Durée de vie"])}


@st.composite
def workbooks(draw) -> dict:
    """A description of a workbook: sheets of rows, hidden sheets and rows, merges."""
    sheets = []
    for k in range(draw(st.integers(1, 3))):
        head = [_clean(h) for h in draw(headers)]
        if draw(st.integers(0, 2)):
            head = draw(st.permutations(["Type", "Qté", *head]))
        top = [[draw(st.sampled_from(["Inventaire", None, "Parc 2025"]))]
               for _ in range(draw(st.integers(0, 2)))]
        body = draw(table_rows(head, COLUMN_VALUE, xlsx_cells))
        rows = [*top, head, *body]
        sheets.append({
            "name": draw(st.sampled_from([f"Feuil{k + 1}", "Parc", "Total", "TCD",
                                          "Organisation", f"S{k}'é"])) + str(k),
            "rows": rows,
            "start_col": draw(st.integers(1, 3)),
            "hidden": draw(st.booleans()) and k > 0,
            "hidden_rows": draw(st.lists(st.integers(1, len(rows) + 1), max_size=3)),
            "merge": draw(st.booleans()),
        })
    return {"sheets": sheets}


def write_workbook(path: Path, spec: dict) -> Path:
    wb = openpyxl.Workbook()
    wb.remove(wb.active)
    for s in spec["sheets"]:
        ws = wb.create_sheet(s["name"])
        for i, row in enumerate(s["rows"], start=1):
            for j, v in enumerate(row, start=s["start_col"]):
                cell = ws.cell(row=i, column=j, value=_clean(v) if isinstance(v, str) else v)
                if isinstance(v, (dt.date, dt.datetime)):
                    cell.number_format = "DD/MM/YYYY"
        for r in s["hidden_rows"]:
            ws.row_dimensions[r].hidden = True
        if s["merge"] and len(s["rows"]) > 2:
            ws.merge_cells(start_row=2, start_column=s["start_col"], end_row=3,
                           end_column=s["start_col"] + 1)
        if s["hidden"]:
            ws.sheet_state = "hidden"
    wb.save(path)
    return path


# --- checks ---------------------------------------------------------------------------

def strict_json(text: str):
    def refuse(name: str):
        raise ValueError(f"non-strict JSON constant {name}")
    return json.loads(text, parse_constant=refuse)


def non_finite(value, where: str = "$") -> list[str]:
    """Paths of the NaN/Infinity floats anywhere in a dumped report."""
    if isinstance(value, float):
        return [] if math.isfinite(value) else [where]
    if isinstance(value, dict):
        return [p for k, v in value.items() for p in non_finite(v, f"{where}.{k}")]
    if isinstance(value, (list, tuple)):
        return [p for i, v in enumerate(value) for p in non_finite(v, f"{where}[{i}]")]
    return []


def known_nan(path: str, report) -> bool:
    """No NaN is tolerated anywhere in a report (a zero-quantity line of a category the
    factor set does not cover used to hold one)."""
    return False


def check_accounting(rows: dict, what: str) -> None:
    assert rows["rows_read"] == rows["rows_assessed"] + rows["rows_rejected"] \
        + rows["rows_skipped"], (what, rows)
    assert rows["rows_skipped"] == sum(rows["skipped"].values()), (what, rows)
    assert min(rows["rows_read"], rows["rows_assessed"], rows["rows_rejected"],
               *rows["skipped"].values(), 0) >= 0, (what, rows)


def assess_checked(path: Path, factors: Path):
    """Assess one file: a report that keeps the invariants, or None after an EnrtError
    (exit 2). Any other exception propagates: it is a bug (an 'internal error')."""
    try:
        report = assess([path], factors=factors, year=2025)
    except EnrtError as err:
        assert err.exit_code in (1, 2)
        assert str(err).strip() and "Traceback" not in str(err)
        return None
    data = strict_json(report.to_json())
    bad = [p for p in non_finite(report.model_dump()) if not known_nan(p, report)]
    assert not bad, bad
    for name, crit in report.totals.items():
        for phase in ("manufacture", "use", "total", "services"):
            v = getattr(crit, phase)
            assert v is None or math.isfinite(v), (name, phase, v)
    for inp in data["inputs"]:
        check_accounting(inp, inp["path"])
        assert inp["rows_skipped_blank"] == inp["skipped"].get("blank", 0)
        assert inp["rows_skipped_total"] == inp["skipped"].get("total", 0)
        for sheet in inp["sheets"]:
            check_accounting(sheet, f"sheet {sheet['name']!r}")
        eq = [s for s in inp["sheets"] if s["kind"] in ("equipment", "activities")]
        assert inp["rows_read"] == sum(s["rows_read"] for s in eq)
    assert sum(data["issue_counts"].values()) == len(data["issues"])
    return report


# --- properties -------------------------------------------------------------------------

@fuzz_settings(300)
@given(data=csv_files(), suffix=st.sampled_from([".csv", ".csv", ".txt", ".tsv"]))
def test_fuzz_csv_reader(factors, data, suffix):
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / f"inventaire{suffix}"
        path.write_bytes(data)
        assess_checked(path, factors)


def test_zero_quantity_of_an_uncovered_category_is_not_nan(factors, tmp_path):
    """The report's contract: a figure is a number or None ("not covered"), never NaN."""
    path = tmp_path / "zero.csv"
    path.write_text("Type;Qté\r\nserveur;0\r\nPC portable;1\r\n", encoding="utf-8")
    report = assess([path], factors=factors, year=2025)
    assert not non_finite(report.model_dump()), non_finite(report.model_dump())


@st.composite
def clean_inventories(draw):
    """A well-formed inventory: (rows of label, quantity, site), encoding, separator."""
    rows = draw(st.lists(st.tuples(
        st.sampled_from(["PC portable", "ordinateur portable", "écran", "Écran", "serveur",
                         "Unité centrale", "poste fixe"]),
        st.integers(1, 10_000),
        st.sampled_from(["Mairie", "École", "Médiathèque", "Crèche", "Hôtel de ville"])),
        min_size=1, max_size=30))
    return rows, draw(st.sampled_from(["utf-8", "utf-8-sig", "cp1252", "mac_roman", "cp850"])), \
        draw(st.sampled_from([";", ",", "\t"]))


@fuzz_settings(60)
@given(inv=clean_inventories())
def test_fuzz_clean_csv_reads_every_row_and_unit(factors, inv):
    """On a well-formed CSV the accounting is exact: every row assessed, every unit
    counted, whatever the encoding, and each site named as written."""
    rows, encoding, sep = inv
    text = f"Type{sep}Qté{sep}Site\r\n" + "".join(
        f"{label}{sep}{qty}{sep}{site}\r\n" for label, qty, site in rows)
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "parc.csv"
        path.write_bytes(text.encode(encoding))
        report = assess_checked(path, factors)
    assert report is not None
    inp = report.inputs[0]
    assert (inp.rows_read, inp.rows_assessed) == (len(rows), len(rows)), inp
    assert sum(c.quantity for c in report.by_category) == sum(q for _, q, _ in rows)
    assert {s.site for s in report.by_site} == {site for _, _, site in rows}


@fuzz_settings(120)
@given(spec=workbooks())
def test_fuzz_xlsx_reader(factors, spec):
    with tempfile.TemporaryDirectory() as tmp:
        path = write_workbook(Path(tmp) / "inventaire.xlsx", spec)
        assess_checked(path, factors)


def _ods_value(v):
    """write_ods holds strings and numbers: other values as a spreadsheet would show them."""
    if v is None or isinstance(v, (str, int, float)) and not isinstance(v, bool):
        return v
    return str(v)


@fuzz_settings(50)
@given(spec=workbooks(), odd=st.sampled_from([None, float("nan"), float("inf"), -1e308]))
def test_fuzz_ods_reader(factors, spec, odd):
    """The same random sheets as an .ods (numbers written as office:value, NaN and
    infinity included)."""
    sheets = {s["name"]: [[_ods_value(v) for v in row] for row in s["rows"]]
              for s in spec["sheets"]}
    if odd is not None:
        first = next(iter(sheets.values()))
        first.append(["PC portable", odd])
    with tempfile.TemporaryDirectory() as tmp:
        path = write_ods(Path(tmp) / "inventaire.ods", sheets)
        assess_checked(path, factors)


@st.composite
def any_files(draw) -> tuple[str, bytes | dict]:
    if draw(st.booleans()):
        return ".csv", draw(csv_files())
    return ".xlsx", draw(workbooks())


@fuzz_settings(6)
@given(item=any_files())
def test_fuzz_installed_command(factors, item):
    """The installed command on generated files: exit 0, 1 or 2, never a traceback."""
    suffix, content = item
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / f"inventaire{suffix}"
        if suffix == ".csv":
            path.write_bytes(content)
        else:
            write_workbook(path, content)
        env = {k: v for k, v in os.environ.items() if k != "ENRT_DEBUG"}
        res = subprocess.run([str(ENRT), "assess", str(path), "--factors", str(factors),
                              "--year", "2025", "-f", "json", "-o", str(Path(tmp) / "r.json")],
                             capture_output=True, text=True, timeout=60, env=env, check=False)
        assert res.returncode in (0, 1, 2), (res.returncode, res.stderr[-2000:])
        assert "Traceback" not in res.stderr, res.stderr[-2000:]
        assert "internal error" not in res.stderr, res.stderr[-2000:]
        if res.returncode in (0, 1):
            data = strict_json((Path(tmp) / "r.json").read_text(encoding="utf-8"))
            for inp in data["inputs"]:
                check_accounting(inp, inp["path"])
        else:
            assert res.stderr.startswith("Error: "), res.stderr[-2000:]
