"""Each reader path on real files: xlsx/xlsm written by openpyxl, CSV bytes in each encoding."""
from __future__ import annotations

import datetime as dt

import pytest

from enrt import assess
from enrt.errors import InputError
from enrt.inventory.sources import _open_with_openpyxl, open_inventory

from .conftest import write_csv, write_ods, write_xlsx

LAPTOP_USE_2025 = 20 * 0.05          # tiny set: 20 kWh x 0.05 kgCO2e/kWh
LAPTOP_MANUF = 100 / 4


def gwp(report):
    return report.totals["gwp"].total


def test_xlsx_header_below_title_rows_and_string_numbers(tmp_path, tiny_set):
    path = write_xlsx(tmp_path / "parc.xlsx", {"Inventaire": [
        ["Ville de Test — inventaire"], ["au 31/12/2025"], [],
        ["QUANTITÉ", "Équipement", "Date achat"],
        ["80 ", "PC portable", dt.date(2024, 1, 1)],
        [2, "Ordinateur portable", "15/03/2024"],
    ]})
    r = assess([path], factors=tiny_set, year=2025)
    assert r.inputs[0].rows_assessed == 2
    assert r.inputs[0].sheets[0].header_row == 4
    assert gwp(r) == pytest.approx(82 * (LAPTOP_MANUF + LAPTOP_USE_2025))


def test_xlsm_is_read_like_xlsx(tmp_path, tiny_set):
    path = write_xlsx(tmp_path / "parc.xlsm", {"P": [["Type", "Nb"], ["Ecran", 4]]})
    r = assess([path], factors=tiny_set, year=2025)
    assert gwp(r) == pytest.approx(4 * (50 / 5 + 30 * 0.05))


def test_ods_workbook(tmp_path, tiny_set):
    path = write_ods(tmp_path / "parc.ods", {
        "Notes": [["rien ici"]],
        "Parc": [["Inventaire"], [], ["Type", "Qté"], ["Ecran", 3], ["PC portable", "2"]]})
    r = assess([path], factors=tiny_set, year=2025)
    assert r.inputs[0].rows_assessed == 2 and r.inputs[0].sheets[1].header_row == 3
    assert gwp(r) == pytest.approx(3 * (50 / 5 + 30 * 0.05) + 2 * (LAPTOP_MANUF + LAPTOP_USE_2025))


def test_openpyxl_fallback_reads_same_cells(tmp_path):
    path = write_xlsx(tmp_path / "p.xlsx", {"P": [["t"], [], ["Type", "Qty"], ["Ecran", 4]]})
    rows = list(_open_with_openpyxl(path, RuntimeError("calamine"))[0].rows)
    assert rows[2] == ["Type", "Qty"] and rows[3] == ["Ecran", 4]


@pytest.mark.parametrize("encoding, bom", [("utf-8", False), ("utf-8", True), ("cp1252", False)])
def test_csv_encodings(tmp_path, tiny_set, encoding, bom):
    path = write_csv(tmp_path / "p.csv", [
        "Inventaire du parc — Mairie;;", ";;",
        "Type d'équipement;Quantité;Date d'achat",
        "Écran;3;15/03/2024", "Unité centrale;1,5;01/02/2024",
    ], encoding=encoding, bom=bom)
    r = assess([path], factors=tiny_set, year=2025)
    assert r.inputs[0].rows_assessed == 2
    assert gwp(r) == pytest.approx(3 * (50 / 5 + 30 * 0.05) + 1.5 * (200 / 5 + 100 * 0.05))


def test_csv_comma_separated_english_headers(tmp_path, tiny_set):
    path = write_csv(tmp_path / "p.csv", [
        "Device type,Quantity,Purchase date,Condition,Country",
        'Laptop computer,"2",2024-01-31,refurbished,DEU',
    ])
    # no "laptop computer" alias in the tiny set -> matched through the id "laptop"
    r = assess([path], factors=tiny_set, year=2025)
    assert gwp(r) == pytest.approx(2 * (100 / (4 + 2) + 20 * 0.4))


def test_text_dates_and_excel_dates_agree(tmp_path, tiny_set):
    path = write_xlsx(tmp_path / "p.xlsx", {"P": [
        ["Type", "Qté", "Date d'achat"],
        ["PC portable", 1, dt.date(2020, 6, 1)],    # amortised in 2025 (L = 4)
        ["PC portable", 1, "01/06/2020"],
        ["PC portable", 1, 43983],                  # Excel serial of 2020-06-01
        ["PC portable", 1, "2023"],
    ]})
    r = assess([path], factors=tiny_set, year=2025)
    assert r.indicators["fully_amortised_units"]["value"] == 3
    assert r.totals["gwp"].manufacture == pytest.approx(LAPTOP_MANUF)


def test_server_room_sheet_gives_pue(tmp_path, tiny_set):
    path = write_xlsx(tmp_path / "p.xlsx", {
        "Equipements": [["Type", "Qté", "Salle serveur"], ["Serveur", 2, "Salle A"],
                        ["Serveur", 1, "salle a"], ["Serveur", 1, None],
                        ["Serveur", 1, "Salle inconnue"], ["PC portable", 1, "Salle A"]],
        "Salles": [["Liste des salles"], ["Nom de la salle", "PUE"], ["Salle A", 1.4]],
    })
    r = assess([path], factors=tiny_set, year=2025)
    use = (3 * 1000 * 0.05 * 1.4 + 1000 * 0.05 * 2.0 + 1000 * 0.05 * 2.0
           + 20 * 0.05 * 1.4)                # a laptop in the room takes the room PUE
    assert r.totals["gwp"].use == pytest.approx(use)
    warn = [i for i in r.issues if i.code == "unknown-room"]
    assert len(warn) == 1 and "Salle inconnue" in warn[0].message
    assert r.provenance["pue"] == {"input": 3, "default": 2, "not_applicable": 0}   # rows


def test_pue_column_on_equipment_rows(tmp_path, tiny_set):
    """A CSV cannot hold a server-room sheet: a PUE column on the rows does the job."""
    path = write_csv(tmp_path / "p.csv", ["Type;Qté;PUE", "Serveur;2;1,6", "Serveur;1;",
                                          "Serveur;1;0,5", "Ecran;1;"])
    r = assess([path], factors=tiny_set, year=2025)
    assert r.totals["gwp"].use == pytest.approx(2 * 1000 * 0.05 * 1.6 + 1000 * 0.05 * 2.0
                                                + 30 * 0.05)
    (err,) = [i for i in r.issues if i.severity == "error"]
    assert (err.code, err.row, err.column) == ("invalid-pue", 4, "C (PUE)")
    assert r.provenance["pue"] == {"input": 1, "default": 1, "not_applicable": 1}


def test_defaults_are_counted_in_provenance(tmp_path, tiny_set):
    path = write_csv(tmp_path / "p.csv", ["Type;Qté;État", "Ecran;;", "Ecran;2;neuf",
                                          "Ecran;1;réemploi"])
    r = assess([path], factors=tiny_set, year=2025)
    assert r.provenance["quantity"] == {"input": 2, "default": 1, "derived": 0}
    assert r.provenance["condition"] == {"input": 2, "default": 1, "derived": 0}
    assert r.provenance["previous_life"] == {"input": 0, "default": 1, "derived": 0}
    assert r.indicators["refurbished_or_reused_share_by_count"]["value"] == pytest.approx(1 / 4)


def test_power_without_hours_is_a_warning(tmp_path, tiny_set):
    path = write_csv(tmp_path / "p.csv", ["Type;Qté;Puissance (W)", "Ecran;1;40"])
    r = assess([path], factors=tiny_set, year=2025)
    (warn,) = [i for i in r.issues if i.severity == "warning"]
    assert (warn.code, warn.row, warn.column) == ("incomplete-power", 2, "C (Puissance (W))")
    assert r.totals["gwp"].use == pytest.approx(30 * 0.05)


def test_file_without_equipment_table_is_an_error(tmp_path, tiny_set):
    path = write_xlsx(tmp_path / "p.xlsx", {"Notes": [["Rien"], ["à signaler"]]})
    r = assess([path], factors=tiny_set, year=2025)
    assert [i.code for i in r.issues if i.severity == "error"] == ["no-equipment-table"]
    assert r.inputs[0].rows_read == 0


def test_units_in_headers_are_honoured(tmp_path, tiny_set):
    path = write_csv(tmp_path / "p.csv", [
        "Type;Qté;Puissance (W);Heures d'utilisation (h/jour);Durée de vie (mois)",
        "Poste fixe;1;50;8;36"])
    r = assess([path], factors=tiny_set, year=2025)
    assert r.totals["gwp"].use == pytest.approx(50 * 8 * 365 / 1000 * 0.05)
    assert r.totals["gwp"].manufacture == pytest.approx(200 / 3)      # 36 months = 3 years


def test_comment_sheet_is_not_taken_for_an_inventory(tmp_path, tiny_set):
    path = write_xlsx(tmp_path / "p.xlsx", {
        "Parc": [["Type", "Quantité"], ["PC portable", 2]],
        "Bonnes pratiques": [["Désignation", "Commentaires"],
                             ["Reconditionner un PC portable sur deux", "en cours"]],
    })
    r = assess([path], factors=tiny_set, year=2025)
    assert [(c.category, c.quantity) for c in r.by_category] == [("laptop", 2.0)]
    assert {s.name: s.kind for s in r.inputs[0].sheets}["Bonnes pratiques"] == "ignored"


def test_text_quantity_read_the_same_whatever_the_column(tmp_path, tiny_set):
    one = write_csv(tmp_path / "a.csv", ["Type;Qté", "PC portable;1_000"])
    two = write_csv(tmp_path / "b.csv", ["Type;Qté", "PC portable;1_000", "Ecran;"])
    for path, extra in ((one, ["nothing-assessed"]), (two, [])):
        r = assess([path], factors=tiny_set, year=2025)
        assert [i.code for i in r.issues if i.severity == "error"] == ["invalid-quantity",
                                                                         *extra]


def test_notes_and_organisation_sheets_do_not_break(tmp_path, tiny_set):
    path = write_xlsx(tmp_path / "p.xlsx", {
        "Organisation": [["Collectivité", "Ville"], ["Agents", 300]],
        "Parc": [["Type", "Qté"], ["Ecran", 2]],
        "Notes": [["Type de contrat : location"], ["Voir le service achats"]],
    })
    r = assess([path], factors=tiny_set, year=2025)
    kinds = {s.name: s.kind for s in r.inputs[0].sheets}
    assert kinds == {"Organisation": "organisation", "Parc": "equipment", "Notes": "ignored"}
    ignored = [i for i in r.issues if i.code == "sheet-ignored"]
    assert {i.sheet for i in ignored} == {"Notes"}
    assert r.inputs[0].rows_read == 1


def test_several_inputs_and_entities(tmp_path, tiny_set):
    a = write_csv(tmp_path / "a.csv", ["Type;Qté;Service", "Ecran;2;Culture", "Ecran;1;"])
    b = write_xlsx(tmp_path / "b.xlsx", {"P": [["Type", "Qté", "Service"], ["Ecran", 3, "Culture"]]})
    r = assess([a, b], factors=tiny_set, year=2025)
    per = 50 / 5 + 30 * 0.05
    ent = {e.entity: e.gwp.total for e in r.by_entity}
    assert ent == {"Culture": pytest.approx(5 * per), "(unspecified)": pytest.approx(per)}
    assert [i.rows_read for i in r.inputs] == [2, 1]


def test_unsupported_and_missing_files(tmp_path):
    with pytest.raises(InputError, match="unsupported file type"):
        open_inventory(write_csv(tmp_path / "p.pdf", ["x"]))
    with pytest.raises(InputError, match="not found"):
        open_inventory(tmp_path / "absent.xlsx")


def test_corrupt_workbook_is_input_error(tmp_path):
    path = tmp_path / "broken.xlsx"
    path.write_bytes(b"PK\x03\x04 not really a zip")
    with pytest.raises(InputError, match="cannot read workbook"):
        open_inventory(path)
