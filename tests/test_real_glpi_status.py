"""Real inventories (issue 7): GLPI exports as GLPI writes them, status columns, Excel
serial dates written as text.

Totals are computed by hand from conftest.TINY_SET: linear method, year 2025, FRA
electricity 0.05 kgCO2e/kWh (its 2024 value), PUE 2 for server_rack only. Per unit:
    laptop       manufacture 100 / 4 = 25    use  20 kWh x 0.05     = 1.0
    desktop      manufacture 200 / 5 = 40    use 100 kWh x 0.05     = 5.0
    monitor      manufacture  50 / 5 = 10    use  30 kWh x 0.05     = 1.5
    server_rack  manufacture 1000 / 5 = 200  use 1000 kWh x 2 x 0.05 = 100
A device with 2025 - purchase year >= lifetime is fully amortised: manufacture 0.
"""
from __future__ import annotations

import hashlib
import json

import pytest

from enrt import assess
from enrt.inventory.options import ReadOptions

from .conftest import write_csv, write_xlsx

GLPI_COMPUTERS_FR = ["Nom", "Entité", "Statut", "Fabricant", "Numéro de série", "Type",
                     "Modèle", "Système d'exploitation - Nom", "Lieu", "Dernière modification",
                     "Composants - Processeur",
                     "Informations financières et administratives - Date d'achat"]
GLPI_MONITORS_FR = ["Nom", "Entité", "Statut", "Fabricant", "Lieu", "Type", "Modèle",
                    "Dernière modification", "Usager"]


def glpi_csv(path, header, rows):
    """As GLPI 10 writes a list export: UTF-8 with BOM, every cell quoted and followed by
    ';' (so each line ends with ';'), LF line ends."""
    def line(cells):
        return "".join(f'"{c}";' for c in cells)
    path.write_bytes(b"\xef\xbb\xbf" + "\n".join(line(r) for r in [header, *rows]).encode()
                     + b"\n")
    return path


def run(path, factors, **kw):
    r = assess([path], factors=factors, year=2025, **kw)
    i = r.inputs[0]
    assert i.rows_read == i.rows_assessed + i.rows_rejected + i.rows_skipped
    return r, i


def counts(i):
    return i.rows_read, i.rows_assessed, i.rows_rejected, i.rows_skipped


def qty(r):
    return {c.category: c.quantity for c in r.by_category}


def gwp(r):
    t = r.totals["gwp"]
    return t.manufacture, t.use, t.total


def coded(r, code):
    return [i for i in r.issues if i.code == code]


def test_glpi_computers_export_french_ui(tmp_path, tiny_set):
    def pc(name, entity, status, typ, site, bought):
        return [name, entity, status, "Dell", f"SN-{name}", typ, "Latitude", "Windows 11 Pro",
                site, "2025-01-06 09:12", "Intel Core i5", bought]
    mairie, ecoles = "Entité racine > Mairie", "Entité racine > Écoles"
    path = glpi_csv(tmp_path / "glpi.csv", GLPI_COMPUTERS_FR, [
        pc("PC-001", mairie, "En service", "Portable", "Hôtel de ville", "2024-03-01"),
        pc("PC-002", mairie, "En service", "Tour", "Hôtel de ville", "2019-05-10"),
        pc("PC-003", ecoles, "En service", "Mini-tour", "École Jules Ferry", ""),
        pc("PC-004", ecoles, "En service", "Ordinateur de bureau", "École Jules Ferry",
           "2023-09-15"),
        pc("PC-005", mairie, "En service", "", "Hôtel de ville", ""),
        pc("SRV-01", mairie, "En service", "Serveur", "Hôtel de ville", "2023-06-01"),
        pc("VM-01", mairie, "En service", "VMware", "Hôtel de ville", ""),
        pc("PC-006", mairie, "En stock", "Portable", "Hôtel de ville", "2024-03-01"),
    ])
    r, i = run(path, tiny_set)
    assert counts(i) == (8, 6, 0, 2)
    assert i.skipped == {"not_physical": 1, "not_in_use": 1}
    assert qty(r) == {"laptop": 1, "desktop": 4, "server_rack": 1}
    # laptop 25 + desktops: Tour of 2019 amortised (6 >= 5) 0, 3 x 40 + server 200 = 345
    # use: laptop 1 + 4 desktops x 5 + server 100 = 121
    assert gwp(r) == pytest.approx((345, 121, 466))
    assert r.indicators["fully_amortised_units"]["value"] == 1   # GLPI's Date d'achat is read
    assert {e.entity for e in r.by_entity} == {mairie, ecoles}
    assert {s.site for s in r.by_site} == {"Hôtel de ville", "École Jules Ferry"}
    assert [x.row for x in coded(r, "skipped-not-physical")] == [8]
    assert [x.row for x in coded(r, "skipped-not-in-use")] == [9]
    assert not [x for x in r.issues if x.severity in ("error", "warning")]
    ignored = " ".join(x.message for x in coded(r, "column-ignored"))
    for used in ("Statut", "Entité", "Lieu", "Type", "Date d'achat"):
        assert used not in ignored


def test_glpi_computers_export_english_ui(tmp_path, tiny_set):
    header = ["Name", "Entity", "Status", "Manufacturer", "Serial number", "Type", "Model",
              "Operating System - Name", "Location", "Last update",
              "Financial and administrative information - Date of purchase"]

    def pc(name, status, typ, bought):
        return [name, "Root entity > Council", status, "Lenovo", f"SN-{name}", typ, "ThinkPad",
                "Windows 11", "Town hall", "2025-01-06 09:12", bought]
    path = glpi_csv(tmp_path / "computers.csv", header, [
        pc("L1", "In use", "Laptop", "2024-02-01"), pc("L2", "In stock", "Laptop", ""),
        pc("D1", "In use", "Desktop", "2020-01-01"), pc("D2", "", "Desktop", "")])
    r, i = run(path, tiny_set)
    assert counts(i) == (4, 3, 0, 1) and i.skipped == {"not_in_use": 1}
    assert qty(r) == {"laptop": 1, "desktop": 2}
    # laptop 25 + D1 of 2020 amortised (5 >= 5) 0 + D2 (no date) 40 = 65; use 1 + 5 + 5 = 11
    assert gwp(r) == pytest.approx((65, 11, 76))
    assert {e.entity for e in r.by_entity} == {"Root entity > Council"}


def _monitor(name, typ, status="En service"):
    return [name, "Entité racine > Mairie", status, "Iiyama", "Hôtel de ville", typ,
            "ProLite XU2493", "2025-01-06 09:12", "jdupont"]


@pytest.mark.parametrize("name", ["glpi-moniteurs.csv", "glpi.csv"])
def test_glpi_monitors_export_every_row_is_a_monitor(tmp_path, tiny_set, name):
    # the file name tells the class; named glpi.csv, the LCD / "pouces" types tell it
    path = glpi_csv(tmp_path / name, GLPI_MONITORS_FR, [
        _monitor("M1", ""), _monitor("M2", "LCD"), _monitor("M3", "24 pouces"),
        _monitor("M4", "24 pouces"), _monitor("M5", "LCD", "Réformé")])
    r, i = run(path, tiny_set)
    assert counts(i) == (5, 4, 0, 1) and i.skipped == {"not_in_use": 1}
    assert qty(r) == {"monitor": 4}
    assert gwp(r) == pytest.approx((4 * 10, 4 * 1.5, 46))          # no purchase date
    assert not [x for x in r.issues if x.severity in ("error", "warning")]


def test_glpi_monitors_with_blank_types_in_glpi_csv_are_not_lost(tmp_path, tiny_set):
    rows = [_monitor("M1", ""), _monitor("M2", "")]
    r, i = run(glpi_csv(tmp_path / "glpi-moniteurs.csv", GLPI_MONITORS_FR, rows), tiny_set)
    assert counts(i) == (2, 2, 0, 0) and qty(r) == {"monitor": 2}
    # named glpi.csv, nothing tells the list: a warning, and the rows rejected, never dropped
    path = glpi_csv(tmp_path / "glpi.csv", GLPI_MONITORS_FR, rows)
    r, i = run(path, tiny_set)
    assert counts(i) == (2, 0, 2, 0) and i.assessed_share == 0
    assert [x.severity for x in coded(r, "glpi-class-unknown")] == ["warning"]
    assert sorted(x.row for x in coded(r, "missing-type")) == [2, 3]
    mapping = tmp_path / "mapping.yaml"
    mapping.write_text("sheets: {glpi.csv: glpi_monitor}\n", encoding="utf-8")
    r, i = run(path, tiny_set, mapping=mapping)
    assert counts(i) == (2, 2, 0, 0) and qty(r) == {"monitor": 2}
    assert gwp(r) == pytest.approx((20, 3, 23))


def test_portable_alone_outside_glpi_is_ambiguous(tmp_path, tiny_set):
    path = write_csv(tmp_path / "parc.csv", ["Type;Quantité;Date d'achat",
                                             "Portable;2;2024", "PC portable;1;2024"])
    r, i = run(path, tiny_set)
    assert counts(i) == (2, 1, 1, 0) and i.assessed_share == 0.5
    assert gwp(r) == pytest.approx((25, 1, 26))                    # the PC portable only
    [err] = [x for x in r.issues if x.severity == "error"]
    assert (err.code, err.row) == ("unknown-type", 2)
    assert "laptop" in err.hint and "mobile phone" in err.hint
    assert "did you mean" not in err.hint


STATUS_ROWS = [["PC portable", 2, "En service", 2024], ["PC portable", 1, "En réparation", 2024],
               ["PC portable", 1, "Prêté", 2024], ["PC portable", 3, "En stock", 2024],
               ["Ecran", 2, "En stock", 2024], ["Poste fixe", 1, "En stock - magasin", 2024],
               ["Poste fixe", 1, "Hors service", 2022], ["Ecran", 4, "Réformé", 2019],
               ["Poste fixe", 1, "Disposed", 2020], ["Ecran", 1, "Affecté", 2024]]


def _status_file(tmp_path, header, fmt="csv"):
    head = ["Type", "Quantité", header, "Date d'achat"]
    if fmt == "xlsx":
        return write_xlsx(tmp_path / "parc.xlsx", {"Parc": [head, *STATUS_ROWS]})
    return write_csv(tmp_path / "parc.csv",
                     [";".join(head)] + [";".join(map(str, r)) for r in STATUS_ROWS])


@pytest.mark.parametrize("header,fmt", [("Statut", "csv"), ("Status", "csv"),
                                        ("État du matériel", "xlsx")])
def test_status_column_skips_what_is_not_in_use(tmp_path, tiny_set, header, fmt):
    r, i = run(_status_file(tmp_path, header, fmt), tiny_set)
    assert counts(i) == (10, 4, 0, 6) and i.skipped == {"not_in_use": 6}
    assert qty(r) == {"laptop": 4, "monitor": 1}      # in service, in repair, loaned, affecté
    # laptops 4 x 25 = 100, use 4 x 1 = 4; monitor 10, use 1.5
    assert gwp(r) == pytest.approx((110, 5.5, 115.5))
    notes = {x.message.split("skipped: status ")[1].split(" (")[0]: x
             for x in coded(r, "skipped-not-in-use")}
    assert set(notes) == {"En stock", "En stock - magasin", "Hors service", "Réformé",
                          "Disposed"}
    assert {x.severity for x in notes.values()} == {"info"}
    assert notes["En stock"].message.startswith("2 row(s) (5 units)")
    assert "(rows 5, 6)" in notes["En stock"].message
    assert notes["Réformé"].message.startswith("1 row(s) (4 units)")
    assert notes["Réformé"].row == 9
    assert notes["Disposed"].row == 10 and notes["Hors service"].row == 8
    assert not [x for x in r.issues if x.severity == "error"]
    assert header not in " ".join(x.message for x in coded(r, "column-ignored"))


def test_count_stock_assesses_stock_but_not_retired(tmp_path, tiny_set, cli):
    path = _status_file(tmp_path, "Statut")
    r, i = run(path, tiny_set, options=ReadOptions(count_stock=True))
    assert counts(i) == (10, 7, 0, 3) and i.skipped == {"not_in_use": 3}
    assert qty(r) == {"laptop": 7, "monitor": 3, "desktop": 1}
    # laptops 7 x 25 = 175 (use 7), monitors 3 x 10 = 30 (use 4.5), desktop 40 (use 5)
    assert gwp(r) == pytest.approx((245, 16.5, 261.5))
    assert r.options["count_stock"] is True
    res = cli("assess", path, "--factors", tiny_set, "--year", "2025", "-f", "json",
              "--count-stock")
    assert res.exit_code == 0
    data = json.loads(res.stdout)
    assert data["inputs"][0]["rows_assessed"] == 7
    assert data["inputs"][0]["skipped"] == {"not_in_use": 3}
    assert data["totals"]["gwp"]["total"] == pytest.approx(261.5)


def test_unknown_status_is_rejected_until_mapped(tmp_path, tiny_set):
    path = write_csv(tmp_path / "parc.csv", ["Type;Quantité;Statut;Date d'achat",
                                             "PC portable;1;En service;2024",
                                             "PC portable;2;Dotation agent;2024",
                                             "Ecran;3;En stock;2024"])
    r, i = run(path, tiny_set)
    assert counts(i) == (3, 1, 1, 1) and i.skipped == {"not_in_use": 1}
    assert i.assessed_share == 0.5
    [err] = [x for x in r.issues if x.severity == "error"]
    assert (err.code, err.row) == ("unknown-status", 3)
    assert "Dotation agent" in err.message and "statuses:" in err.hint
    assert gwp(r) == pytest.approx((25, 1, 26))
    # the user's words win over the built-in ones ("En stock" is in use in this commune)
    mapping = tmp_path / "mapping.yaml"
    mapping.write_text('statuses: {"Dotation agent": in_use, "En stock": in_use}\n',
                       encoding="utf-8")
    r, i = run(path, tiny_set, mapping=mapping)
    assert counts(i) == (3, 3, 0, 0) and qty(r) == {"laptop": 3, "monitor": 3}
    # laptops 3 x 25 = 75 (use 3), monitors 3 x 10 = 30 (use 4.5)
    assert gwp(r) == pytest.approx((105, 7.5, 112.5))
    assert r.mapping["sha256"] == hashlib.sha256(mapping.read_bytes()).hexdigest()


def test_excel_serial_dates_as_text_and_withdrawn_devices(tmp_path, tiny_set):
    path = write_csv(tmp_path / "parc.csv", [
        "Type;Quantité;Date d'achat;Date de retrait",
        "PC portable;2;44562;",               # 2022-01-01: 3 years old, 25 each
        "PC portable;1;44197,5;",             # 2021-01-01 noon: 4 years, amortised
        "Poste fixe;1;43466;45800",           # 2019-01-01, amortised; withdrawn 2025-05-23
        "Poste fixe;3;2018;45000",            # withdrawn 2023-03-15: out of period
        "Ecran;1;2019;31/12/2024",            # withdrawn before 2025: out of period
        "Ecran;1;20000;",                     # 1954-10-03: not a sane purchase date
    ])
    r, i = run(path, tiny_set)
    assert counts(i) == (6, 3, 1, 2) and i.skipped == {"out_of_period": 2}
    assert qty(r) == {"laptop": 3, "desktop": 1}
    # manufacture 2 x 25 + 0 + 0 = 50; use 3 laptops x 1 + desktop 5 = 8
    assert gwp(r) == pytest.approx((50, 8, 58))
    assert r.indicators["fully_amortised_units"]["value"] == 2
    assert r.provenance["purchase_date"] == {"input": 3, "missing": 0}
    assert [(x.code, x.row) for x in r.issues if x.severity == "error"] == [("invalid-date", 7)]
    [out] = coded(r, "out-of-period")
    assert out.severity == "info" and out.message.startswith("2 row(s) (4 units)")
    assert "withdrawn before 2025" in out.message
