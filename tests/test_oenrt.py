"""OeNRT scope: organisation, territory estimate, connected-territory projects, indicators."""
from __future__ import annotations

import datetime as dt
import json

import pytest

from enrt import assess

from .conftest import EXAMPLES, write_csv, write_xlsx


@pytest.fixture
def commune(tmp_path):
    return write_xlsx(tmp_path / "c.xlsx", {
        "Organisation": [["Informations"], ["Collectivité", "Ville de Test"],
                         ["Nombre d'agents", 50], ["Population", "12 000"]],
        "Parc": [["Type", "Qté", "Date d'achat", "Date de retrait", "État", "Prix unitaire",
                  "Projet", "Salle serveur"],
                 ["PC portable", 10, dt.date(2024, 1, 1), None, "neuf", 1000, None, None],
                 ["PC portable", 5, dt.date(2024, 1, 1), None, "reconditionné", 400, None, None],
                 ["Ecran", 4, dt.date(2019, 1, 1), dt.date(2025, 1, 1), None, None, None, None],
                 ["Serveur", 1, dt.date(2023, 1, 1), None, None, None, None, "SR"],
                 ["Ecran", 2, None, None, None, None, "Capteurs CO2 écoles", None]],
        "Salles": [["Salle serveur", "PUE"], ["SR", 1.5]],
    })


def test_organisation_sheet_and_per_agent_indicators(commune, tiny_set):
    r = assess([commune], factors=tiny_set, year=2025)
    assert r.organisation["name"] == "Ville de Test"
    assert (r.organisation["agents"], r.organisation["population"]) == (50, 12000)
    total = r.totals["gwp"].total
    ind = r.indicators
    assert ind["gwp_per_agent_kg"]["value"] == pytest.approx(total / 50)
    assert ind["equipment_per_agent"]["value"] == pytest.approx(22 / 50)
    assert ind["workstations_per_agent"]["value"] == pytest.approx(15 / 50)
    # spend: 10 x 1000 new + 5 x 400 refurbished -> 2000 / 12000
    spend = ind["refurbished_or_reused_share_by_spend"]
    assert spend["value"] == pytest.approx(2000 / 12000)
    assert spend["meets_agec_20pct"] is False
    assert ind["refurbished_or_reused_share_by_count"]["value"] == pytest.approx(5 / 22)
    assert ind["lifetime_declared_years"]["by_category"]["laptop"] == pytest.approx(4)
    observed = (dt.date(2025, 1, 1) - dt.date(2019, 1, 1)).days / 365
    assert ind["lifetime_observed_years"]["by_category"] == {"monitor": pytest.approx(observed)}
    assert ind["fully_amortised_units"]["value"] == 4          # screens from 2019, L = 5
    room = ind["server_rooms"]["by_room"]["SR"]
    assert (room["pue"], room["kwh_per_year"], room["used"]) == (1.5, pytest.approx(1500),
                                                                 "estimated")


def test_command_line_overrides_and_missing_hints(cli, commune, tiny_set, tmp_path):
    res = cli("assess", commune, "--factors", tiny_set, "--year", "2025", "-f", "json",
              "--agents", "100")
    data = json.loads(res.stdout)
    assert data["organisation"]["agents"] == 100
    assert data["organisation"]["given_by"]["agents"] == "command line"
    bare = write_csv(tmp_path / "p.csv", ["Type;Qté", "Ecran;2"])
    r = assess([bare], factors=tiny_set, year=2025)
    assert r.indicators["gwp_per_agent_kg"]["value"] is None
    assert "--agents" in r.indicators["gwp_per_agent_kg"]["missing"]
    assert any(i.code == "missing-organisation" for i in r.issues)


def test_connected_territory_projects(commune, tiny_set):
    r = assess([commune], factors=tiny_set, year=2025)
    (p,) = r.by_project
    assert p.project == "Capteurs CO2 écoles" and p.quantity == 2
    assert p.gwp.total == pytest.approx(2 * (50 / 5 + 30 * 0.05))
    assert r.territory is None                 # the tiny set has no per-inhabitant figures
    shipped = assess([commune], year=2025)
    assert shipped.territory["connected_projects_gwp"] == pytest.approx(
        shipped.by_project[0].gwp.total)


def test_territory_estimate_for_a_population(tmp_path):
    csv = write_csv(tmp_path / "p.csv", ["Type;Qté", "Ecran;1"])
    r = assess([csv], year=2025)
    assert r.territory["population"] is None and "missing" in r.territory
    from enrt.inventory.organisation import Organisation
    r = assess([csv], year=2025, organisation=Organisation(population=50000))
    t = r.territory
    assert t["scope"] == "2022"
    assert t["criteria"]["gwp"]["total"] == pytest.approx(50000 * 434)        # ADEME 2025
    assert t["criteria"]["gwp"]["tiers"]["terminals"] == pytest.approx(50000 * 434 * 0.495)
    assert t["criteria"]["adpe"]["total"] == pytest.approx(50000 * 1.69e-2)
    assert t["criteria"]["pe"]["total"] == pytest.approx(50000 * 17700)
    old = assess([csv], year=2025, organisation=Organisation(population=50000),
                 territory_scope="2020").territory
    assert old["criteria"]["gwp"]["total"] == pytest.approx(50000 * 253)      # ADEME-Arcep


def test_example_has_organisation_and_territory():
    r = assess([EXAMPLES / "inventaire-commune.xlsx"], year=2025)
    assert r.organisation["agents"] == 420
    assert r.territory["criteria"]["gwp"]["total"] == pytest.approx(38000 * 434)


def test_good_practice_maturity_by_hand(tmp_path, tiny_set):
    path = write_xlsx(tmp_path / "bp.xlsx", {
        "Parc": [["Type", "Qté"], ["Ecran", 1]],
        "Bonnes pratiques": [["Inventaire des bonnes pratiques (DINUM)"],
                             ["ID", "Bonne pratique", "Statut"],
                             ["a.1", None, "Fait"],                 # Prioritaire, 3 x 1
                             ["a.2", None, "en cours"],             # Prioritaire, 3 x 0.5
                             ["a.4", None, "non"],                  # Recommandée, 2 x 0
                             ["a.5", None, "non applicable"],       # left out
                             [None, "Sensibiliser les collaborateurs au numérique responsable",
                              "prévu"],                             # b.1 by title, 3 x 0
                             ["b.3", None, "fait"],                 # Aller plus loin, 1 x 1
                             ["z.9", None, "fait"],                 # unknown practice
                             ["a.3", None, "peut-être"],            # unknown status
                             ["a.6", None, None]]})                 # not assessed
    r = assess([path], factors=tiny_set, year=2025)
    p = r.practices
    fam = {f["id"]: f for f in p["by_family"]}
    assert fam["a."]["score_pct"] == pytest.approx(100 * (3 + 1.5 + 0) / (3 + 3 + 2))
    assert fam["b."]["score_pct"] == pytest.approx(100 * (0 + 1) / (3 + 1))
    assert fam["c."]["score_pct"] is None and fam["c."]["assessed"] == 0
    assert p["score_pct"] == pytest.approx(100 * (3 + 1.5 + 0 + 0 + 1) / (3 + 3 + 2 + 3 + 1))
    assert (p["assessed"], p["not_applicable"], p["total"]) == (5, 1, 59)
    recs = [x["id"] for x in p["recommendations"]]
    assert recs[:3] == ["b.1", "a.2", "a.3"]        # prévu, en cours, then not assessed
    assert "a.1" not in recs and all(x["priority"] == "Prioritaire" for x in p["recommendations"])
    errors = sorted((i.code, i.row) for i in r.issues if i.severity == "error")
    assert errors == [("invalid-status", 10), ("unknown-practice", 9)]
    assert "Etalab" in p["source"]


def test_referential_has_59_practices():
    from enrt.practices import referential
    practices = referential()
    assert len(practices) == 59
    assert sum(p.priority == "Prioritaire" for p in practices) == 33


@pytest.mark.parametrize("meter, expected_kwh, how", [
    ("kWh mesurés", 4000.0, "facility meter"),
    ("Consommation IT (kWh)", 2000.0 * 1.6, "IT meter x PUE 1.6"),
    ("Compteur IT (kWh)", 2000.0 * 1.6, "IT meter x PUE 1.6"),   # not the facility "compteur"
    ("Compteur salle (kWh)", 4000.0, "facility meter"),
])
def test_measured_room_replaces_device_estimates(tmp_path, tiny_set, meter, expected_kwh, how):
    path = write_xlsx(tmp_path / "m.xlsx", {
        "Parc": [["Type", "Qté", "Salle serveur"], ["Serveur", 2, "SR"], ["Ecran", 1, "SR"],
                 ["Serveur", 1, None]],
        "Salles": [["Salle serveur", "PUE", meter], ["SR", 1.6, 4000 if how == "facility meter"
                                                     else 2000]],
    })
    r = assess([path], factors=tiny_set, year=2025)
    estimated = (2 * 1000 + 30) * 1.6
    # room rows use the measured kWh; the server outside the room keeps its estimate
    assert r.totals["gwp"].use == pytest.approx(expected_kwh * 0.05 + 1000 * 2.0 * 0.05)
    room = r.indicators["server_rooms"]["by_room"]["SR"]
    assert room["kwh_estimated"] == pytest.approx(estimated)
    assert room["kwh_measured"] == pytest.approx(expected_kwh)
    assert (room["used"], room["measured_how"]) == ("measured", how)
    assert room["kwh_per_year"] == pytest.approx(expected_kwh)
    # the split between categories follows the estimates (no double counting)
    lines = {line.category: line for line in r.by_category}
    assert lines["monitor"].gwp.use == pytest.approx(expected_kwh * 30 * 1.6 / estimated * 0.05)
    assert any(i.code == "room-measured" for i in r.issues)


def test_hosted_services_network_and_prestations_by_hand(tmp_path):
    import yaml

    from .conftest import REPO
    fs = yaml.safe_load((REPO / "factors" / "ademe-2025.yaml").read_text(encoding="utf-8"))
    f = {a: v["factors"]["gwp"]["value"] for a, v in fs["activities"].items()}
    path = write_xlsx(tmp_path / "s.xlsx", {
        "Parc": [["Type", "Qté"], ["Ecran", 1]],
        "Services": [["Services hébergés, réseau et prestations"],
                     ["Service hébergé", "Quantité", "Unité", "Montant (€ HT)"],
                     ["VM", 10, "VM-an", None],
                     ["Stockage", 4, "To", None],
                     ["Données mobiles", 500, "Go", None],
                     ["Réseau fixe", 2, "To", None],            # 4: TB for a per-GB flow
                     ["vCPU heure", 8760, "vCPU-h", None],
                     ["TMA", None, None, 45000],
                     ["Télécom", None, None, "30 000"],
                     ["Licences", 12, "k€", None],
                     ["Machine à café", 1, None, None],         # 11: unknown
                     [None, None, None, None],
                     ["TOTAL", None, None, 75000]]})
    r = assess([path], year=2025)
    expected = {"vm_year": 10 * f["vm_year"], "storage_tb_year": 4 * f["storage_tb_year"],
                "network_mobile": 500 * f["network_mobile"],
                "vcpu_hour": 8760 * f["vcpu_hour"], "spend_it_services": 45 * f["spend_it_services"],
                "spend_telecom": 30 * f["spend_telecom"], "spend_software": 12 * f["spend_software"]}
    got = {a.activity: a.criteria["gwp"] for a in r.activities}
    assert got == pytest.approx(expected)
    g = r.totals["gwp"]
    assert g.services == pytest.approx(sum(expected.values()))
    assert g.total == pytest.approx(g.manufacture + g.use + g.services)
    assert r.totals["adpe"].services is None and "vm_year" in r.totals["adpe"].not_covered
    errors = sorted((i.code, i.row) for i in r.issues if i.severity == "error")
    assert errors == [("unit-mismatch", 6), ("unknown-activity", 11)]
    sheet = {s.name: s for s in r.inputs[0].sheets}["Services"]
    assert (sheet.rows_read, sheet.rows_assessed, sheet.rows_rejected, sheet.rows_skipped) == \
        (11, 7, 2, 2)
    i = r.inputs[0]
    assert i.rows_read == i.rows_assessed + i.rows_rejected + i.rows_skipped == 12


def test_glpi_export_assesses_without_editing(tmp_path):
    path = write_csv(tmp_path / "glpi.csv", [
        "Nom;Entité;Statut;Fabricant;Numéro de série;Type d'élément;Type;Modèle;Lieu;"
        "Informations financières et administratives - Date d'achat",
        "PC-001;Ville > DSI;En service;Dell;A1;Ordinateur;Portable;Latitude 5440;Hôtel de ville;"
        "2023-03-01",
        "PC-002;Ville > Urbanisme;En service;HP;A2;Ordinateur;Tour;ProDesk 400;Hôtel de ville;"
        "2019-05-10",
        "PC-003;Ville > DSI;En service;HP;A3;Ordinateur;;EliteDesk;Hôtel de ville;",
        "MON-01;Ville > DSI;En service;Dell;B1;Moniteur;;P2422H;Hôtel de ville;2021-04-12",
        "TEL-01;Ville > DSI;En service;Yealink;C1;Téléphone;Téléphone IP;T54W;Hôtel de ville;",
        "IMP-01;Ville > Culture;En service;Canon;D1;Imprimante;Multifonction;C3826i;Médiathèque;"
        "2021-01-15",
        "SW-01;Ville > DSI;En service;Cisco;E1;Matériel réseau;Switch;C9200;Hôtel de ville;"
        "2019-04-01",
    ], bom=True)
    r = assess([path], year=2025)
    assert r.inputs[0].rows_assessed == 7 and r.inputs[0].rows_rejected == 0
    qty = {c.category: c.quantity for c in r.by_category}
    assert qty == {"laptop": 1, "desktop": 2, "monitor": 1, "ip_phone": 1, "mfp": 1,
                   "network_switch": 1}
    assert {e.entity for e in r.by_entity} == {"Ville > DSI", "Ville > Urbanisme",
                                               "Ville > Culture"}
    assert {s.site for s in r.by_site} == {"Hôtel de ville", "Médiathèque"}
    assert r.provenance["purchase_date"] == {"input": 5, "missing": 2}
    ignored = {i.message for i in r.issues if i.code == "column-ignored"}
    assert "column 'Statut' is not used" not in ignored        # the status is read


def test_review_fixes_room_spellings_unit_column_prices_and_glpi_english(tmp_path, tiny_set):
    # one room written two ways is one room: the meter is applied once
    path = write_xlsx(tmp_path / "r.xlsx", {
        "Parc": [["Type", "Qté", "Salle serveur", "Unité", "Prix unitaire"],
                 ["Serveur", 1, "Salle A", "pièce", 1000], ["Serveur", 1, "SALLE A", None, None],
                 ["Ecran", 1, None, None, "cher"]],
        "Salles": [["Salle serveur", "PUE", "kWh mesurés"], ["Salle A", 1.5, 900],
                   ["Salle B", 1.5, 500]]})
    r = assess([path], factors=tiny_set, year=2025)
    assert {s.name: s.kind for s in r.inputs[0].sheets}["Parc"] == "equipment"  # despite Unité
    assert r.totals["gwp"].use == pytest.approx(900 * 0.05)      # the screen is rejected
    errors = [(i.code, i.row) for i in r.issues if i.severity == "error"]
    assert errors == [("invalid-number", 4)]              # unreadable price rejects the row
    assert r.inputs[0].rows_rejected == 1
    warn = [i.message for i in r.issues if i.code == "room-without-equipment"]
    assert len(warn) == 1 and "salle b" in warn[0].lower()
    assert r.totals["gwp"].services == 0.0
    glpi = write_csv(tmp_path / "g.csv", ["Name;Entity;Item type;Type;Location",
                                          "PC1;City;Computer;Laptop;HQ", "M1;City;Monitor;;HQ"])
    r = assess([glpi], year=2025)
    assert {c.category: c.quantity for c in r.by_category} == {"laptop": 1, "monitor": 1}


def test_template_needs_an_xlsx_path_and_agents_are_positive(cli, tmp_path):
    res = cli("template", "-o", tmp_path / "x.csv")
    assert res.exit_code == 2 and "does not end in .xlsx" in res.stderr
    res = cli("assess", EXAMPLES / "inventaire-commune.xlsx", "--agents", "-3")
    assert res.exit_code == 2


def test_purchase_year_view_beside_the_annual_figure(tmp_path, tiny_set):
    """Devices bought in the assessed year counted whole (scope 3 cat. 2 view): 2 laptops
    new (2 x 100) + 1 refurbished laptop at L/(L+A) = 4/(4+2) of 100; the 2023 screen is not
    bought in 2025."""
    path = write_csv(tmp_path / "p.csv", ["Type;Qté;Date d'achat;État", "PC portable;2;2025;neuf",
                                          "PC portable;1;03/02/2025;reconditionné",
                                          "Ecran;4;2023;neuf"])
    r = assess([path], factors=tiny_set, year=2025)
    ind = r.indicators["purchase_year_embodied_gwp_kg"]
    assert ind["value"] == pytest.approx(2 * 100 + 100 * 4 / 6)
