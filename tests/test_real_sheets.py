"""Issue 7: inventories as users really keep them (filters, hidden sheets, pivot copies,
physical-state columns, English registers, headings, mixed sheets), written to disk as
spreadsheet programs write them. Every expected total is computed by hand from TINY_SET
(year 2025, linear method, FRA 0.05 kgCO2e/kWh, DEU 0.4; no purchase date or a date
within the lifetime = one lifetime share):
    laptop  manufacture 100/4 = 25,  use 20 kWh × 0.05 = 1.0   -> 26   per unit
    monitor manufacture  50/5 = 10,  use 30 kWh × 0.05 = 1.5   -> 11.5 per unit
    desktop manufacture 200/5 = 40,  use 100 kWh × 0.05 = 5.0  -> 45   per unit
"""
from __future__ import annotations

import datetime as dt
import shutil
import zipfile

import openpyxl
import pytest

from enrt import assess
from enrt.errors import UsageError
from enrt.inventory.options import ReadOptions

from .conftest import write_ods, write_xlsx


def accounted(report, i: int = 0):
    """The input's counts, checked: every row read is assessed, rejected or skipped."""
    inp = report.inputs[i]
    assert inp.rows_read == inp.rows_assessed + inp.rows_rejected + inp.rows_skipped
    assert inp.rows_skipped == sum(inp.skipped.values())
    return inp


def gwp(report) -> float:
    return report.totals["gwp"].total


def codes(report, severity: str | None = None) -> list[str]:
    return [i.code for i in report.issues if severity is None or i.severity == severity]


def quantities(report) -> dict[str, float]:
    return {c.category: c.quantity for c in report.by_category}


# --- 1. hidden rows and hidden sheets ----------------------------------------------------

@pytest.fixture
def filtered(tmp_path):
    """A detail sheet with an AutoFilter hiding rows 3-4, and a hidden sheet."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Parc"
    for row in (["Type d'équipement", "Quantité"], ["PC portable", 2], ["Ecran", 3],
                ["PC portable", 1], ["Ecran", 4]):
        ws.append(row)
    ws.auto_filter.ref = "A1:B5"
    ws.row_dimensions[3].hidden = True
    ws.row_dimensions[4].hidden = True
    old = wb.create_sheet("Réserve")
    old.append(["Type d'équipement", "Quantité"])
    old.append(["PC portable", 5])
    old.sheet_state = "hidden"
    path = tmp_path / "filtre.xlsx"
    wb.save(path)
    return path


def test_hidden_rows_and_hidden_sheet_are_left_out_with_warnings(filtered, tiny_set):
    r = assess([filtered], factors=tiny_set, year=2025)
    inp = accounted(r)
    assert (inp.rows_read, inp.rows_assessed, inp.rows_rejected) == (5, 2, 0)
    assert inp.skipped == {"hidden": 2, "hidden_sheet": 1}
    assert [s.left_out for s in inp.sheets] == [None, "hidden_sheet"]
    # visible: 2 laptops × 26 + 4 monitors × 11.5 = 52 + 46
    assert gwp(r) == pytest.approx(98.0)
    hidden = [i for i in r.issues if i.code == "skipped-hidden"]
    assert len(hidden) == 1 and hidden[0].severity == "warning"
    assert "2 row(s) (4 units)" in hidden[0].message          # rows 3-4: 3 monitors + 1 laptop
    sheet = [i for i in r.issues if i.code == "sheet-hidden"]
    assert len(sheet) == 1 and sheet[0].severity == "warning" and sheet[0].sheet == "Réserve"
    assert "1 row(s) (5 units)" in sheet[0].message


def test_include_hidden_counts_hidden_rows_and_sheets(filtered, tiny_set):
    r = assess([filtered], factors=tiny_set, year=2025,
               options=ReadOptions(include_hidden=True))
    inp = accounted(r)
    assert (inp.rows_read, inp.rows_assessed, inp.rows_skipped) == (5, 5, 0)
    # laptops 2 + 1 + 5 = 8 × 26 = 208; monitors 3 + 4 = 7 × 11.5 = 80.5
    assert gwp(r) == pytest.approx(288.5)
    assert not {"skipped-hidden", "sheet-hidden"} & set(codes(r))


def _hide_ods_rows(path, hidden: dict[int, str]):
    """Give the n-th table:table-row (0-based, header = 0) a table:visibility."""
    with zipfile.ZipFile(path) as z:
        members = [(info, z.read(info)) for info in z.infolist()]
    with zipfile.ZipFile(path, "w") as z:
        for info, data in members:
            if info.filename == "content.xml":
                parts = data.decode("utf-8").split("<table:table-row>")
                data = (parts[0] + "".join(
                    (f'<table:table-row table:visibility="{hidden[k]}">' if k in hidden
                     else "<table:table-row>") + p for k, p in enumerate(parts[1:]))
                        ).encode("utf-8")
            z.writestr(info, data, compress_type=info.compress_type)
    return path


def test_hidden_rows_in_ods_are_left_out(tmp_path, tiny_set):
    path = write_ods(tmp_path / "parc.ods", {"Parc": [
        ["Type d'équipement", "Quantité"], ["PC portable", 2], ["Ecran", 3],
        ["PC portable", 1], ["Ecran", 4]]})
    _hide_ods_rows(path, {2: "filter", 3: "collapse"})        # sheet rows 3 and 4
    r = assess([path], factors=tiny_set, year=2025)
    inp = accounted(r)
    assert (inp.rows_read, inp.rows_assessed, inp.rows_rejected) == (4, 2, 0)
    assert inp.skipped == {"hidden": 2}
    assert gwp(r) == pytest.approx(98.0)                      # 2 × 26 + 4 × 11.5
    assert codes(r).count("skipped-hidden") == 1
    r = assess([path], factors=tiny_set, year=2025, options=ReadOptions(include_hidden=True))
    assert gwp(r) == pytest.approx(158.5)                     # 3 × 26 + 7 × 11.5 = 78 + 80.5


def test_hidden_rows_in_ods_sheet_named_with_an_ampersand(tmp_path, tiny_set):
    path = write_ods(tmp_path / "parc.ods", {"Mairie & CCAS": [
        ["Type d'équipement", "Quantité"], ["PC portable", 2], ["Ecran", 3]]})
    _hide_ods_rows(path, {2: "filter"})                       # sheet row 3: 3 monitors
    r = assess([path], factors=tiny_set, year=2025)
    inp = accounted(r)
    assert (inp.rows_read, inp.rows_assessed, inp.skipped) == (2, 1, {"hidden": 1})
    assert gwp(r) == pytest.approx(52.0)                      # 2 × 26


# --- 2. summary and pivot sheets, the same file twice ------------------------------------

def test_summary_sheet_restating_the_detail_is_left_out(tmp_path, tiny_set):
    path = write_xlsx(tmp_path / "parc.xlsx", {
        "Synthèse": [["Type de matériel", "Nombre"], ["PC portable", 3], ["Ecran", 2],
                     ["Total général", 5]],
        "Détail": [["Type de matériel", "Service", "Date d'achat"],
                   ["PC portable", "Accueil", dt.date(2023, 3, 1)],
                   ["PC portable", "Accueil", dt.date(2024, 3, 1)],
                   ["PC portable", "État civil", dt.date(2022, 9, 1)],
                   ["Ecran", "Accueil", dt.date(2023, 3, 1)],
                   ["Ecran", "État civil", dt.date(2022, 9, 1)]]})
    r = assess([path], factors=tiny_set, year=2025)
    inp = accounted(r)
    assert (inp.rows_read, inp.rows_assessed, inp.rows_rejected) == (8, 5, 0)
    assert inp.skipped == {"restated": 2, "total": 1}
    assert [s.left_out for s in inp.sheets] == ["restated", None]
    assert quantities(r) == {"laptop": 3, "monitor": 2}
    # the detail alone: 3 × 26 + 2 × 11.5 = 78 + 23 (all bought within their lifetime)
    assert gwp(r) == pytest.approx(101.0)
    restated = [i for i in r.issues if i.code == "sheet-restated"]
    assert len(restated) == 1 and restated[0].severity == "warning"
    assert restated[0].sheet == "Synthèse"


def test_real_pivot_table_is_left_out(tmp_path, tiny_set):
    path = write_xlsx(tmp_path / "tcd.xlsx", {
        "TCD": [["Étiquettes de lignes", "Somme de Qté"], ["PC portable", 3], ["Ecran", 2],
                ["Total général", 5]],
        "Parc": [["Type", "Qté"], ["PC portable", 3], ["Ecran", 2]]})
    r = assess([path], factors=tiny_set, year=2025)
    inp = accounted(r)
    assert (inp.rows_read, inp.rows_assessed, inp.rows_skipped) == (2, 2, 0)
    assert [s.kind for s in inp.sheets] == ["pivot", "equipment"]
    assert [i.sheet for i in r.issues if i.code == "pivot-table"] == ["TCD"]
    assert gwp(r) == pytest.approx(101.0)                     # 3 × 26 + 2 × 11.5


def test_same_content_under_two_names_is_refused(tmp_path, tiny_set, cli):
    a = write_xlsx(tmp_path / "parc.xlsx", {"Parc": [["Type", "Qté"], ["PC portable", 3]]})
    b = shutil.copy(a, tmp_path / "parc (copie).xlsx")
    with pytest.raises(UsageError, match="same content"):
        assess([a, b], factors=tiny_set, year=2025)
    res = cli("assess", a, b, "--factors", tiny_set, "--year", "2025")
    assert res.exit_code == 2
    assert "same content" in res.output


# --- 3. physical state, English registers, foreign currency, country ---------------------

def test_etat_column_of_physical_states_is_not_the_condition(tmp_path, tiny_set):
    path = write_xlsx(tmp_path / "parc.xlsx", {"Parc": [
        ["Type", "Qté", "État"], ["PC portable", 1, "Bon état"], ["Ecran", 1, "En panne"],
        ["PC portable", 1, "À remplacer"]]})
    r = assess([path], factors=tiny_set, year=2025)
    inp = accounted(r)
    assert (inp.rows_read, inp.rows_assessed, inp.rows_rejected, inp.rows_skipped) == (3, 3, 0, 0)
    assert codes(r, "error") == []
    assert codes(r).count("column-physical-state") == 1
    # all read as new: 2 × 26 + 11.5
    assert gwp(r) == pytest.approx(63.5)


def test_etat_physique_header_is_not_the_condition(tmp_path, tiny_set):
    path = write_xlsx(tmp_path / "parc.xlsx", {"Parc": [
        ["Type", "Qté", "État physique", "Provenance"],
        ["PC portable", 1, "Bon état", "Reconditionné"],
        ["PC portable", 3, "Mauvais état", "Neuf"]]})
    r = assess([path], factors=tiny_set, year=2025)
    inp = accounted(r)
    assert (inp.rows_read, inp.rows_assessed, inp.rows_rejected) == (2, 2, 0)
    assert codes(r).count("column-physical-state") == 1
    # the condition comes from 'Provenance': 1 refurbished laptop of 4
    assert r.indicators["refurbished_or_reused_share_by_count"]["value"] == pytest.approx(0.25)
    # refurbished: 100 / (4 + 2 previous years) = 100/6; 3 new × 25; use 4 × 1.0
    assert gwp(r) == pytest.approx(100 / 6 + 75 + 4)


COUNCIL = [["Asset Tag", "Asset Category", "Directorate", "Status", "Purchase Date",
            "Purchase Cost (£)"],
           ["LT0001", "Laptop", "Adult Social Care", "In Use", dt.date(2023, 3, 1), 800],
           ["LT0002", "Laptop", "Finance", "In Stock", dt.date(2024, 1, 10), 800],
           ["DT0001", "Desktop", "Finance", "In Use", dt.date(2022, 6, 1), 600],
           ["MN0001", "Monitor", "Finance", "In Use", dt.date(2022, 6, 1), 150],
           ["DT0002", "Desktop", "Housing", "Awaiting Disposal", dt.date(2019, 1, 1), 550],
           ["LT0003", "Laptop", "Housing", "Disposed", dt.date(2018, 1, 1), 700]]


def test_english_council_register(tmp_path, tiny_set):
    path = write_xlsx(tmp_path / "asset-register.xlsx", {"Assets": COUNCIL})
    r = assess([path], factors=tiny_set, year=2025, options=ReadOptions(country="DEU"))
    inp = accounted(r)
    assert (inp.rows_read, inp.rows_assessed, inp.rows_rejected) == (6, 3, 0)
    assert inp.skipped == {"not_in_use": 3}       # In Stock, Awaiting Disposal, Disposed
    assert quantities(r) == {"laptop": 1, "desktop": 1, "monitor": 1}
    assert {e.entity for e in r.by_entity} == {"Adult Social Care", "Finance"}
    # every row in DEU (0.4 kgCO2e/kWh), all within their lifetime in 2025:
    # manufacture 25 + 40 + 10 = 75; use (20 + 100 + 30) kWh × 0.4 = 60
    assert r.totals["gwp"].manufacture == pytest.approx(75.0)
    assert r.totals["gwp"].use == pytest.approx(60.0)
    assert gwp(r) == pytest.approx(135.0)
    currency = [i for i in r.issues if i.code == "foreign-currency"]
    assert len(currency) == 1 and currency[0].severity == "warning"
    assert "GBP" in currency[0].message
    assert r.indicators["refurbished_or_reused_share_by_spend"]["value"] is None


def test_country_option_gives_the_uk_electricity_factor(tmp_path):
    path = write_xlsx(tmp_path / "asset-register.xlsx", {"Assets": COUNCIL})
    r = assess([path], year=2025, options=ReadOptions(country="GBR"))
    inp = accounted(r)
    assert (inp.rows_assessed, inp.rows_rejected) == (3, 0)
    assert quantities(r) == {"laptop": 1, "desktop": 1, "monitor": 1}
    elec = r.factor_set.electricity
    assert "GBR" in elec
    # every row uses the UK factor: same kWh as without --country, scaled by GBR / FRA
    fra = assess([path], year=2025)
    assert r.totals["gwp"].use / fra.totals["gwp"].use == pytest.approx(
        elec["GBR"]["gwp"].value / elec["FRA"]["gwp"].value)
    assert r.totals["gwp"].manufacture == pytest.approx(fra.totals["gwp"].manufacture)


# --- 4. headings, totals in words, no-category equipment, services routed ----------------

def test_headings_totals_and_equipment_without_category(tmp_path, tiny_set):
    path = write_xlsx(tmp_path / "parc.xlsx", {"Parc": [
        ["Type de matériel", "Quantité"],            # 1
        ["MAIRIE"],                                  # 2 heading
        ["PC portable", 3],                          # 3
        ["Ecran", 3],                                # 4
        ["ÉCOLES"],                                  # 5 heading
        ["PC portable", 2],                          # 6
        ["Onduleur", 1],                             # 7 no category
        ["Caméra vidéoprotection", 2],               # 8 no category
        ["Clavier", 5],                              # 9 no category
        ["Ordinatuer portable", 1],                  # 10 typo
        ["Nombre total de matériels : 96"]]})        # 11 total in words
    r = assess([path], factors=tiny_set, year=2025)
    inp = accounted(r)
    assert (inp.rows_read, inp.rows_assessed, inp.rows_rejected) == (10, 3, 4)
    assert inp.skipped == {"heading": 2, "total": 1}
    # 5 laptops × 26 + 3 monitors × 11.5 = 130 + 34.5
    assert gwp(r) == pytest.approx(164.5)
    errors = {i.row: i for i in r.issues if i.severity == "error"}
    assert set(errors) == {7, 8, 9, 10}
    for row, label in ((7, "Onduleur"), (8, "Caméra vidéoprotection"), (9, "Clavier")):
        assert errors[row].code == "no-category"
        assert errors[row].message == f"no category for {label!r}"
        assert "did you mean" not in (errors[row].hint or "")
    assert errors[10].code == "unknown-type"
    assert "did you mean 'ordinateur portable'" in errors[10].hint
    headings = [i for i in r.issues if i.code == "section-heading"]
    assert sorted(i.row for i in headings) == [2, 5]        # one note per heading label
    assert all(i.severity == "info" for i in headings)


def test_service_rows_in_an_equipment_sheet_go_to_services(tmp_path):
    path = write_xlsx(tmp_path / "parc.xlsx", {"Parc": [
        ["Type", "Quantité", "Unité", "Date d'achat"],
        ["PC portable", 4, None, dt.date(2023, 1, 15)],
        ["Ecran", 2, None, dt.date(2023, 1, 15)],
        ["Stockage cloud", 3, "To-an", None],
        ["Données mobiles", 500, "Go", None]]})
    r = assess([path], year=2025)
    inp = accounted(r)
    assert (inp.rows_read, inp.rows_assessed, inp.rows_rejected, inp.rows_skipped) == (4, 4, 0, 0)
    assert quantities(r) == {"laptop": 4, "monitor": 2}
    assert {a.activity: a.quantity for a in r.activities} == {
        "storage_tb_year": 3, "network_mobile": 500}
    assert codes(r, "error") == []


def test_equipment_rows_in_a_services_sheet_are_equipment(tmp_path):
    path = write_xlsx(tmp_path / "services.xlsx", {"Services": [
        ["Service hébergé", "Quantité", "Unité"], ["VM", 10, "VM-an"], ["Stockage", 2, "To"],
        ["PC portable", 3, None], ["Ecran", 2, None]]})
    r = assess([path], year=2025)
    inp = accounted(r)
    assert (inp.rows_read, inp.rows_assessed, inp.rows_rejected, inp.rows_skipped) == (4, 4, 0, 0)
    assert [s.kind for s in inp.sheets] == ["activities"]
    assert {a.activity: a.quantity for a in r.activities} == {"vm_year": 10, "storage_tb_year": 2}
    assert quantities(r) == {"laptop": 3, "monitor": 2}


def test_type_qte_unite_sheet_of_equipment_is_read_as_equipment(tmp_path):
    path = write_xlsx(tmp_path / "parc.xlsx", {"Parc": [
        ["Type", "Qté", "Unité"], ["PC portable", 5, "unité"], ["Ecran", 5, "u"],
        ["Imprimante", 1, "u"], ["Stockage", 1, "To"]]})
    r = assess([path], year=2025)
    inp = accounted(r)
    assert (inp.rows_read, inp.rows_assessed, inp.rows_rejected, inp.rows_skipped) == (4, 4, 0, 0)
    assert [s.kind for s in inp.sheets] == ["equipment"]
    assert quantities(r) == {"laptop": 5, "monitor": 5, "printer_laser": 1}
    assert {a.activity: a.quantity for a in r.activities} == {"storage_tb_year": 1}
