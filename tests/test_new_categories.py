"""Categories that had only a distorting alias before (issue 9, point 7): storage arrays,
interactive displays, A4 multifunction printers, thin clients, UPSs and IP cameras, with
their own sourced factors in both shipped sets.

Each inventory is a real workbook, written as a user would, assessed for 2025 with the
default set (ademe-2025). The expected numbers are written by hand from the factor file:
manufacture = quantity x embodied / lifetime (bought in 2024, so 2025 is a full year of
service and no previous life), use = quantity x kWh x 0.0461 (Base Empreinte France 2025)
x 1.93 (default PUE) for the categories flagged as data-centre equipment.
"""
from __future__ import annotations

import datetime as dt
import subprocess
import sys
from pathlib import Path

import pytest

from enrt import assess
from enrt.factors import load_factor_set

from .conftest import REPO, write_csv, write_xlsx

ENRT = Path(sys.executable).parent / "enrt"
HEADER = ["Type d'équipement", "Quantité", "Date d'achat"]
BOUGHT = dt.date(2024, 3, 15)
NEW = ("storage_array", "interactive_display", "mfp_a4", "thin_client", "ups", "ip_camera")

CASES = [
    # category, [(label, quantity)], manufacture, use (kgCO2e)
    ("storage_array",
     [("Baie de stockage", 1), ("SAN", 1), ("Stockage SAN", 1), ("Baie SAN", 1)],
     4 * 1889 / 5, 4 * 3066 * 0.0461 * 1.93),
    ("interactive_display",
     [("TNI", 3), ("Tableau numérique interactif", 2), ("Écran interactif", 1),
      ("Écran numérique interactif 75 pouces", 1), ("ENI", 1)],
     8 * 1396 / 8, 8 * 180 * 0.0461),
    ("mfp_a4",
     [("Imprimante multifonction", 4), ("Imprimante multifonctions", 1), ("Multifonction A4", 2),
      ("MFP A4", 1)],
     8 * 140 / 5, 8 * 71 * 0.0461),
    ("thin_client",
     [("Client léger", 20), ("Terminal léger", 5), ("Thin client", 5)],
     30 * 48 / 6, 30 * 41 * 0.0461),
    ("ups",
     [("Onduleur", 2), ("ASI", 1), ("Alimentation sans interruption", 1), ("UPS", 1)],
     5 * 200 / 8, 5 * 219 * 0.0461),
    ("ip_camera",
     [("Caméra IP", 6), ("Caméra de vidéosurveillance", 4), ("Vidéoprotection", 2),
      ("CCTV camera", 1)],
     13 * 32.8 / 10, 13 * 52.56 * 0.0461),
]


def inventory(tmp_path: Path, rows: list[tuple[str, int]], name: str = "parc.xlsx") -> Path:
    return write_xlsx(tmp_path / name,
                      {"Parc": [HEADER] + [[label, qty, BOUGHT] for label, qty in rows]})


@pytest.mark.parametrize("category, rows, manufacture, use", CASES,
                         ids=[c[0] for c in CASES])
def test_labels_reach_the_new_category_with_its_own_factors(tmp_path, category, rows,
                                                            manufacture, use):
    r = assess([inventory(tmp_path, rows)], year=2025)
    i = r.inputs[0]
    assert (i.rows_read, i.rows_assessed, i.rows_rejected) == (len(rows), len(rows), 0)
    # every label of the sheet landed in the new category, none elsewhere
    assert [(c.category, c.quantity) for c in r.by_category] == \
        [(category, sum(q for _, q in rows))]
    g = r.totals["gwp"]
    assert g.manufacture == pytest.approx(manufacture, rel=1e-9)
    assert g.use == pytest.approx(use, rel=1e-9)


def test_the_old_neighbours_keep_their_labels(tmp_path):
    rows = [("Copieur multifonction", 1), ("Copieur", 1), ("Multifonction A3", 1),
            ("Imprimante multifonction", 2), ("NAS", 1), ("TV", 2), ("Vidéoprojecteur", 1),
            ("VPI", 1)]
    r = assess([inventory(tmp_path, rows)], year=2025)
    assert r.inputs[0].rows_rejected == 0
    qty = {c.category: c.quantity for c in r.by_category}
    assert qty == {"mfp": 3, "mfp_a4": 2, "nas": 1, "tv_display": 2, "video_projector": 2}
    assert r.totals["gwp"].manufacture == pytest.approx(
        3 * 660 / 5 + 2 * 140 / 5 + 1 * 250 / 5 + 2 * 340.2 / 8 + 2 * 43.8 / 8, rel=1e-9)


def test_an_a4_multifunction_printer_is_no_longer_costed_as_an_a3_copier(tmp_path):
    a4 = assess([inventory(tmp_path, [("Imprimante multifonction", 10)], "a4.xlsx")],
                year=2025)
    a3 = assess([inventory(tmp_path, [("Copieur multifonction", 10)], "a3.xlsx")], year=2025)
    assert a4.totals["gwp"].manufacture == pytest.approx(10 * 140 / 5)
    assert a3.totals["gwp"].manufacture == pytest.approx(10 * 660 / 5)


def test_glpi_network_camera_and_passive_device_ups(tmp_path):
    path = write_csv(tmp_path / "glpi.csv", [
        "Nom;Entité;Statut;Type d'élément;Type;Modèle;Lieu",
        "CAM-01;Ville;En service;Matériel réseau;Caméra;P3265;Parking",
        "CAM-02;Ville;En service;Matériel réseau;Caméra IP;P3265;Parking",
        "SAN-01;Ville;En service;Matériel réseau;Baie de stockage;ME5024;Salle serveur",
        "ASI-01;Ville;En service;Équipement passif;Onduleur;SMT1500;Salle serveur",
        "IMP-01;Ville;En service;Imprimante;Multifonction A4;MC3326;Mairie",
        "IMP-02;Ville;En service;Imprimante;Multifonction;C3826i;Mairie",
        "PC-01;Ville;En service;Ordinateur;Client léger;Wyse 5070;Mairie",
    ], bom=True)
    r = assess([path], year=2025)
    assert r.inputs[0].rows_rejected == 0
    assert {c.category: c.quantity for c in r.by_category} == {
        "ip_camera": 2, "storage_array": 1, "ups": 1, "mfp_a4": 1, "mfp": 1, "thin_client": 1}


def test_shipped_sets_check_clean():
    res = subprocess.run([str(ENRT), "factors", "check", str(REPO / "factors")],
                         capture_output=True, text=True, timeout=120)
    assert res.returncode == 0, res.stdout + res.stderr
    assert "0 error(s)" in res.stdout


@pytest.mark.parametrize("set_id", ["ademe-2024", "ademe-2025"])
def test_both_sets_carry_the_new_categories_sourced_with_uncertainty(set_id):
    m = load_factor_set(set_id).model
    for cid in NEW:
        cat = m.categories[cid]
        assert cat.label_fr and cat.label_en and cat.confidence
        assert len(cat.aliases) >= 3
        values = {"lifetime_years": cat.lifetime_years, "annual_kwh": cat.annual_kwh,
                  **{f"manufacture.{k}": v for k, v in cat.manufacture.items()}}
        assert "manufacture.gwp" in values
        for name, v in values.items():
            where = f"{set_id} {cid}.{name}"
            assert v.source in m.sources, where
            src = m.sources[v.source]
            assert src.title and src.publisher, where
            assert src.url or v.source == "enrt-derivation", where
            assert v.year and v.note, where
            assert v.uncertainty is not None, where
        # the previous-use rule is the RCP SI line every category carries
        assert cat.previous_life_years.value == 0
        assert cat.previous_life_years.source == "RCP-SI-2024"
    # the data-centre flag: arrays sit with the servers; a UPS's losses are PUE overhead
    assert m.categories["storage_array"].datacenter
    assert not any(m.categories[c].datacenter for c in NEW if c != "storage_array")


def test_no_alias_moved_to_a_new_category_is_left_on_the_old_one():
    m = load_factor_set().model
    assert not {"baie de stockage", "san", "storage array"} & set(m.categories["nas"].aliases)
    assert not {"tni", "écran interactif", "tableau numérique interactif",
                "interactive display"} & set(m.categories["tv_display"].aliases)
    assert "imprimante multifonction" not in m.categories["mfp"].aliases
    assert "copieur" in m.categories["mfp"].aliases
