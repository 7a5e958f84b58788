"""Files a user trial broke (summary beside a detail with stock rows, cross-tabs, plural
labels, GLPI exports with few columns, ODS row groups, mapping typos, English statuses),
each with its rows and totals computed by hand from the tiny set (tests/conftest.py)."""
from __future__ import annotations

import datetime as dt
import zipfile

import pytest

from enrt import assess

from .conftest import write_csv, write_ods, write_xlsx

# tiny set, year 2025, linear, no purchase date: laptop 100/4 + 20 kWh x 0.05 = 26;
# monitor 50/5 + 30 x 0.05 = 11.5; desktop 200/5 + 100 x 0.05 = 45


def accounted(r) -> None:
    i = r.inputs[0]
    assert i.rows_read == i.rows_assessed + i.rows_rejected + i.rows_skipped


def test_summary_beside_detail_with_stock_rows_is_not_counted_twice(tmp_path, tiny_set):
    detail = [["Type de matériel", "Quantité", "Statut"]] + \
        [["PC portable", 1, "En stock" if k < 2 else "En service"] for k in range(8)] + \
        [["Écran", 1, "En service"] for _ in range(4)]
    path = write_xlsx(tmp_path / "s.xlsx", {
        "Synthèse": [["Type de matériel", "Nombre"], ["PC portable", 8], ["Écran", 4],
                     ["Total", 12]],
        "Inventaire": detail})
    r = assess([path], factors=tiny_set, year=2025)
    accounted(r)
    assert [i.sheet for i in r.issues if i.code == "sheet-restated"] == ["Synthèse"]
    assert {c.category: c.quantity for c in r.by_category} == {"laptop": 6, "monitor": 4}
    assert r.totals["gwp"].total == pytest.approx(6 * 26 + 4 * 11.5)       # 202


def test_detail_with_one_row_per_type_is_kept_over_its_summary(tmp_path, tiny_set):
    path = write_xlsx(tmp_path / "s.xlsx", {
        "Inventaire": [["Type", "Qté", "Date d'achat", "Site"],
                       ["PC portable", 2, dt.date(2024, 3, 1), "Mairie"],
                       ["Écran", 5, dt.date(2018, 3, 1), "Mairie"]],
        "Synthèse": [["Type", "Nombre"], ["PC portable", 2], ["Écran", 5], ["Total", 7]]})
    r = assess([path], factors=tiny_set, year=2025)
    accounted(r)
    assert [i.sheet for i in r.issues if i.code == "sheet-restated"] == ["Synthèse"]
    # laptops bought 2024: 2 x (25 + 1); screens of 2018 are amortised (L = 5): 5 x 1.5
    assert r.totals["gwp"].total == pytest.approx(2 * 26 + 5 * 1.5)
    assert [s.site for s in r.by_site] == ["Mairie"]


def test_cross_tab_with_a_quantity_column_per_site_is_left_out(tmp_path, tiny_set):
    path = write_xlsx(tmp_path / "p.xlsx", {
        "Pivot": [["Type de matériel", "Quantité Mairie", "Quantité École", "Total"],
                  ["PC portable", 4, 2, 6], ["Écran", 3, 0, 3], ["Total", 7, 2, 9]],
        "Parc": [["Type", "Qté"], ["PC portable", 6], ["Écran", 3]]})
    r = assess([path], factors=tiny_set, year=2025)
    assert [i.code for i in r.issues if i.sheet == "Pivot"] == ["pivot-table"]
    assert r.totals["gwp"].total == pytest.approx(6 * 26 + 3 * 11.5)


def test_plural_labels_are_read(tmp_path, tiny_set):
    path = write_csv(tmp_path / "p.csv", ["Type;Qté", "PC portables;2", "Ordinateurs portables;1",
                                          "Écrans;3", "Postes fixes;1"])
    r = assess([path], factors=tiny_set, year=2025)
    assert r.inputs[0].rows_assessed == 4
    assert r.totals["gwp"].total == pytest.approx(3 * 26 + 3 * 11.5 + 45)


def test_glpi_export_with_few_columns_still_known_by_its_os_column(tmp_path, tiny_set):
    lines = ['"Nom";"Entité";"Statut";"Type";"Système d\'exploitation - Nom";']
    for name, typ in (("A", "Convertible"), ("B", "Mini Tower"), ("C", "VMware Virtual Platform"),
                      ("D", "Machine virtuelle"), ("E", "Hyper-V")):
        lines.append(f'"{name}";"Ville";"En service";"{typ}";"Windows 11";')
    r = assess([write_csv(tmp_path / "glpi.csv", lines, bom=True)], factors=tiny_set, year=2025)
    accounted(r)
    assert (r.inputs[0].rows_assessed, r.inputs[0].rows_rejected) == (2, 0)
    assert r.inputs[0].skipped == {"not_physical": 3}
    assert r.totals["gwp"].total == pytest.approx(26 + 45)


def test_glpi_peripherals_without_category_say_so(tmp_path, tiny_set):
    lines = ['"Nom";"Entité";"Statut";"Fabricant";"Lieu";"Type";"Modèle";"Dernière modification";']
    lines += [f'"P{k}";"Ville";"En service";"Logitech";"Mairie";"{t}";"X";"2025-01-01";'
              for k, t in enumerate(("Webcam", "Clavier"))]
    r = assess([write_csv(tmp_path / "glpi-peripheriques.csv", lines, bom=True)],
               factors=tiny_set, year=2025)
    assert [i.code for i in r.issues if i.severity == "error"][:2] == ["no-category"] * 2


def test_hidden_row_inside_an_ods_row_group(tmp_path, tiny_set):
    path = write_ods(tmp_path / "g.ods", {"Parc": [["Type", "Qté"], ["PC portable", 10],
                                                    ["Unité centrale", 5], ["Écran", 4]]})
    with zipfile.ZipFile(path) as z:
        parts = {n: z.read(n) for n in z.namelist()}
    xml = parts["content.xml"].decode()
    rows = xml.split("<table:table-row>")
    # rows[3] is "Unité centrale": wrap it in a collapsed row group, hidden
    rows[3] = '<table:table-row-group><table:table-row table:visibility="collapse">' + \
        rows[3].replace("</table:table-row>", "</table:table-row></table:table-row-group>", 1)
    xml = "<table:table-row>".join(rows[:3]) + rows[3] + \
        "".join("<table:table-row>" + x for x in rows[4:])
    parts["content.xml"] = xml.encode()
    with zipfile.ZipFile(path, "w") as z:
        for n, data in parts.items():
            z.writestr(n, data)
    r = assess([path], factors=tiny_set, year=2025)
    accounted(r)
    assert r.inputs[0].skipped == {"hidden": 1}
    assert r.totals["gwp"].total == pytest.approx(10 * 26 + 4 * 11.5)       # desktop hidden


def test_english_register_statuses(tmp_path, tiny_set):
    rows = [["Asset Tag", "Device Type", "Cost Centre", "Status"]]
    words = ["Live", "Allocated", "Issued", "Unallocated", "Reserved", "Archived", "Faulty",
             "Broken"]
    rows += [[f"T{k}", "Laptop", "IT", w] for k, w in enumerate(words)]
    r = assess([write_xlsx(tmp_path / "uk.xlsx", {"Register": rows})], factors=tiny_set,
               year=2025)
    accounted(r)
    assert (r.inputs[0].rows_assessed, r.inputs[0].rows_rejected) == (3, 0)
    assert r.inputs[0].skipped == {"not_in_use": 5}


def test_mapping_key_that_matches_nothing_is_warned(tmp_path, tiny_set):
    path = write_csv(tmp_path / "p.csv", ["Type;Qté;Site", "Ecran;2;Mairie"])
    mapping = tmp_path / "m.yaml"
    mapping.write_text("headers:\n  Sitee: site\nlabels:\n  Ecrans: monitor\n", encoding="utf-8")
    r = assess([path], factors=tiny_set, year=2025, mapping=mapping)
    unused = sorted(i.message for i in r.issues if i.code == "mapping-unused")
    assert unused == ["mapping file: 'Ecrans' under labels: matches nothing in the inputs",
                      "mapping file: 'Sitee' under headers: matches nothing in the inputs"]


def test_services_sheet_keeps_service_rows_with_service_units(tmp_path):
    path = write_xlsx(tmp_path / "s.xlsx", {"Services": [
        ["Service", "Quantité", "Unité"], ["Stockage cloud", 2, "To-an"],
        ["Visioconférence", 500, "heures"], ["PC portable", 3, "u"]]})
    r = assess([path], year=2025)
    assert {c.category: c.quantity for c in r.by_category} == {"laptop": 3}
    assert [a.activity for a in r.activities] == ["storage_tb_year"]
    assert [i.code for i in r.issues if i.severity == "error"] == ["unknown-activity"]
