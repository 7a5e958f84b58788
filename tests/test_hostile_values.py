"""Values never guessed in silence (issue 8): formulas without a saved value and error
cells, out-of-range numbers, ambiguous '1.234', duplicate columns and merged headers,
too many distinct sites; totals by hand from the tiny set (tests/conftest.py): laptop
with no date 100/4 + 20 x 0.05 = 26, monitor 50/5 + 30 x 0.05 = 11.5."""
from __future__ import annotations

import json
import subprocess
import sys
import zipfile
from pathlib import Path

import openpyxl
import pytest

from enrt import assess

from .conftest import write_csv, write_xlsx

ENRT = Path(sys.executable).parent / "enrt"


def strict(text: str):
    def refuse(name):
        raise ValueError(f"non-standard JSON constant {name}")
    return json.loads(text, parse_constant=refuse)


def _edit_sheet(path: Path, old: str, new: str) -> None:
    with zipfile.ZipFile(path) as z:
        parts = {n: z.read(n) for n in z.namelist()}
    xml = parts["xl/worksheets/sheet1.xml"].decode()
    assert old in xml
    parts["xl/worksheets/sheet1.xml"] = xml.replace(old, new).encode()
    with zipfile.ZipFile(path, "w") as z:
        for n, data in parts.items():
            z.writestr(n, data)


def test_formula_without_value_and_error_cell_reject_the_row(tmp_path, tiny_set):
    path = tmp_path / "f.xlsx"
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["Type", "Qté"])
    ws.append(["PC portable", "=1+1"])          # openpyxl saves no cached value
    ws.append(["Ecran", 3])
    ws.append(["Ecran", 2])
    wb.save(path)
    _edit_sheet(path, '<c r="B3" t="n"><v>3</v></c>', '<c r="B3" t="e"><v>#N/A</v></c>')
    r = assess([path], factors=tiny_set, year=2025)
    errors = {(i.row, i.code): i for i in r.issues if i.severity == "error"}
    assert set(errors) == {(2, "unreadable-cell"), (3, "unreadable-cell")}
    assert errors[(2, "unreadable-cell")].message == "formula without a saved value"
    assert "recalculate and save" in errors[(2, "unreadable-cell")].hint
    assert errors[(3, "unreadable-cell")].message == "error #N/A in the cell"
    assert r.totals["gwp"].total == pytest.approx(2 * 11.5)     # only the last row


@pytest.mark.parametrize("cell, code", [("1e308", "invalid-quantity"),
                                        ("2000000", "invalid-quantity")])
def test_absurd_quantities_are_rejected_with_the_range(tmp_path, tiny_set, cell, code):
    path = write_csv(tmp_path / "q.csv", ["Type;Qté", f"Ecran;{cell}", "Ecran;2"])
    r = assess([path], factors=tiny_set, year=2025)
    (err,) = [i for i in r.issues if i.severity == "error"]
    assert err.code == code and "1,000,000" in err.hint
    assert r.totals["gwp"].total == pytest.approx(23.0)
    strict(r.to_json())


def test_lifetime_below_a_month_is_rejected(tmp_path, tiny_set):
    path = write_csv(tmp_path / "l.csv", ["Type;Qté;Durée de vie", "Ecran;1;5e-324",
                                          "Ecran;1;0,05", "Ecran;1;0,1"])
    r = assess([path], factors=tiny_set, year=2025)
    assert [i.row for i in r.issues if i.code == "invalid-lifetime"] == [2, 3]
    # the last row: 50 / 0.1 + 1.5 = 501.5
    assert r.totals["gwp"].total == pytest.approx(501.5)
    strict(r.to_json())


def test_agents_must_be_finite(tmp_path, tiny_set):
    path = write_csv(tmp_path / "a.csv", ["Type;Qté", "Ecran;1"])
    res = subprocess.run([str(ENRT), "assess", str(path), "--factors", str(tiny_set),
                          "--agents", "inf"], capture_output=True, text=True, timeout=60)
    assert res.returncode == 2 and "Traceback" not in res.stderr


def test_ambiguous_thousands_in_a_french_csv(tmp_path, tiny_set):
    path = write_csv(tmp_path / "f.csv", ["Type;Qté", "Ecran;1.234", "Ecran;1,5"])
    r = assess([path], factors=tiny_set, year=2025)
    (err,) = [i for i in r.issues if i.severity == "error"]
    assert err.code == "invalid-quantity" and "ambiguous" in err.message
    assert r.totals["gwp"].total == pytest.approx(1.5 * 11.5)
    comma = write_csv(tmp_path / "e.csv", ["Type,Qty", "Ecran,1.5"])      # English: a decimal
    assert assess([comma], factors=tiny_set, year=2025).totals["gwp"].total == \
        pytest.approx(1.5 * 11.5)


def test_duplicate_columns_and_merged_header_are_warned(tmp_path, tiny_set):
    path = tmp_path / "d.xlsx"
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["Type", "Qté", "Quantité", "Site", None])
    ws.merge_cells("D1:E1")
    ws.append(["Ecran", 2, 5, "Mairie", "annexe"])
    wb.save(path)
    r = assess([path], factors=tiny_set, year=2025)
    warned = [i.code for i in r.issues if i.severity == "warning"]
    assert warned.count("duplicate-column") == 1 and warned.count("merged-header") == 1
    assert r.totals["gwp"].total == pytest.approx(2 * 11.5)      # the first Qté column


def test_many_distinct_sites_are_capped_not_exploded(tmp_path, tiny_set):
    lines = ["Type;Qté;Site"] + [f"Ecran;1;Site {i}" for i in range(1500)]
    r = assess([write_csv(tmp_path / "s.csv", lines)], factors=tiny_set, year=2025)
    assert len(r.by_site) == 1000
    assert r.by_site[-1].site == "(501 others)" and r.by_site[-1].quantity == 501
    assert sum(s.gwp.total for s in r.by_site) == pytest.approx(1500 * 11.5)
    assert [i.code for i in r.issues].count("many-groups") == 1


def test_far_cell_is_refused_before_calamine(tmp_path):
    path = tmp_path / "far.xlsx"
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["Type", "Qté"])
    ws.append(["Ecran", 1])
    ws["XFD1048576"] = 1
    wb.save(path)
    res = subprocess.run([str(ENRT), "assess", str(path)], capture_output=True, text=True,
                         timeout=60)
    assert res.returncode == 2
    assert "reaches cell XFD1048576" in res.stderr and "ENRT_MAX_CELLS" in res.stderr


def test_cell_budget_is_a_setting(tmp_path, tiny_set):
    path = write_xlsx(tmp_path / "b.xlsx", {"P": [["Type", "Qté"]] + [["Ecran", 1]] * 50})
    env = {"ENRT_MAX_CELLS": "40", "PATH": "/usr/bin:/bin"}
    res = subprocess.run([str(ENRT), "assess", str(path), "--factors", str(tiny_set)],
                         capture_output=True, text=True, timeout=60, env=env)
    assert res.returncode == 2 and "limit 40" in res.stderr


def test_report_lines_are_the_same_summed_either_way(tmp_path, tiny_set, monkeypatch):
    """Few groups are summed by (group, category, country) first, many row by row: the
    lines must not depend on which (monitor 11.5 each, laptop 26, DEU use 20 x 0.4)."""
    lines = ["Type;Qté;Site;Pays"] + [f"{t};{q};Site {i % 7};{c}" for i, (t, q, c) in enumerate(
        [("Ecran", 2, "FRA"), ("PC portable", 3, "DEU"), ("Ecran", 0, "DEU"), ("Serveur", 1, "")]
        * 5)]
    path = write_csv(tmp_path / "g.csv", lines)
    grouped = assess([path], factors=tiny_set, year=2025).model_dump()["by_site"]
    import enrt.compute as compute
    monkeypatch.setattr(compute, "GROUPED_UP_TO", 0)
    row_wise = assess([path], factors=tiny_set, year=2025).model_dump()["by_site"]
    assert grouped == row_wise and len(grouped) == 7


def _small_book(tmp_path: Path, name: str) -> Path:
    path = tmp_path / name
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["Type", "Qté"])
    ws.append(["Ecran", 2])
    ws.append(["Ecran", 3])
    wb.save(path)
    return path


@pytest.mark.parametrize("old, new", [
    ('<c r="B2" t="n"><v>2</v></c>', '<c r="B2" t="n"><v>2</v></c><c r="XFD1048576" t="n">'
                                      '<v>1</v></c>'),                       # outside its row
    ('<row r="3">', '<row r="1048576"><c t="n" r="XFD1048576"><v>1</v></c></row><row r="3">'),
    ('<row r="3">', "<row r='1048576'><c r='XFD1048576' t='n'><v>1</v></c></row><row r=\"3\">"),
    ('<row r="3">', '<row\nr="1048576"><c\nr="XFD1048576"><v>1</v></c></row><row r="3">'),
    ('<row r="3">', '<row r="1048576"><x:c r="XFD1048576"><x:v>1</x:v></x:c></row><row r="3">'),
    ('<row r="3">', '<row r = "1048576"><c r = "XFD1048576"><v>1</v></c></row><row r="3">'),
])
def test_far_cell_is_found_however_it_is_written(tmp_path, old, new):
    path = _small_book(tmp_path, "far.xlsx")
    _edit_sheet(path, old, new)
    res = subprocess.run([str(ENRT), "assess", str(path)], capture_output=True, text=True,
                         timeout=60)
    assert res.returncode == 2 and "reaches cell XFD1048576" in res.stderr, res.stderr


@pytest.mark.parametrize("cell", [
    '<c t="e" r="B2"><v>#N/A</v></c>', "<c r='B2' t='e'><v>#N/A</v></c>",
    '<c r="B2" t="e"><v xml:space="preserve">#N/A</v></c>',
    '<c r="B2"><f>1+1</f><v>  </v></c>', '<c r="B2"><f>1+1</f ></c>'])
def test_error_and_formula_cells_however_written(tmp_path, tiny_set, cell):
    path = _small_book(tmp_path, "e.xlsx")
    _edit_sheet(path, '<c r="B2" t="n"><v>2</v></c>', cell)
    r = assess([path], factors=tiny_set, year=2025)
    assert [(i.row, i.code) for i in r.issues if i.severity == "error"] == \
        [(2, "unreadable-cell")]
    assert r.totals["gwp"].total == pytest.approx(3 * 11.5)


def test_quote_left_open_near_the_end_of_a_csv(tmp_path, tiny_set):
    path = write_csv(tmp_path / "q.csv", ["Type;Qté;Modèle", "Ecran;2;a", 'Ecran;2;"Dell 7',
                                          "Ecran;2;c", "Ecran;2;d"])
    res = subprocess.run([str(ENRT), "assess", str(path), "--factors", str(tiny_set)],
                         capture_output=True, text=True, timeout=60)
    assert res.returncode == 2 and "quote opened on line 3" in res.stderr


def test_bad_byte_in_a_header_keeps_the_column(tmp_path, tiny_set):
    path = tmp_path / "h.csv"
    path.write_bytes(b"Type;Qt\xe9;Site\r\n" + "Écran;2;Mairie\r\n".encode() * 3)
    r = assess([path], factors=tiny_set, year=2025)
    assert r.totals["gwp"].total == pytest.approx(6 * 11.5)
    assert [i.code for i in r.issues if i.severity == "warning"] == ["invalid-bytes"]


def test_closed_stdout_is_quiet(tmp_path, tiny_set):
    path = write_csv(tmp_path / "s.csv", ["Type;Qté", "Ecran;1"])
    res = subprocess.run(f"'{ENRT}' assess '{path}' --factors '{tiny_set}' -q -f json >&-",
                         shell=True, capture_output=True, text=True, timeout=60)
    assert res.returncode == 0 and "internal error" not in res.stderr
