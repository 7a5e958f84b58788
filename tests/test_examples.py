"""The shipped examples, totals computed by hand row by row from the factor file."""
from __future__ import annotations

import datetime as dt
import math
import importlib.util
import json

import pytest
import yaml

from enrt import assess

from .conftest import EXAMPLES, REPO

spec = importlib.util.spec_from_file_location("make_examples", EXAMPLES / "make_examples.py")
make_examples = importlib.util.module_from_spec(spec)
spec.loader.exec_module(make_examples)

CATEGORY = {  # label in the example -> category, decided by a person reading the label
    "PC portable": "laptop", "Ordinateur portable": "laptop",
    "PC portable reconditionné": "laptop", "Unité centrale": "desktop", "Poste fixe": "desktop",
    "Ecran 24 pouces": "monitor", "Écran 27\"": "monitor", "Tout-en-un": "all_in_one",
    "Station d'accueil": "docking_station", "Smartphone": "smartphone",
    "Téléphone portable": "smartphone", "Tablette": "tablet", "Téléphone IP": "ip_phone",
    "Copieur": "mfp", "Imprimante multifonction": "mfp_a4", "Imprimante laser": "printer_laser",
    "Vidéoprojecteur": "video_projector", "Écran d'affichage dynamique": "tv_display",
    "Kit de visioconférence": "videoconference_kit", "Serveur rack": "server_rack",
    "Serveur tour": "server_tower", "NAS": "nas", "Switch 48 ports": "network_switch",
    "Pare-feu": "firewall", "Routeur": "router", "Borne WiFi": "wifi_access_point",
    "Disque dur externe": "external_hdd", "Capteur connecté": "iot_sensor",
}
ROOMS_PUE = {"Salle serveur mairie": 1.8, "Local technique CTM": 2.1}
YEAR = 2025


def expected_gwp(with_rooms: bool) -> tuple[float, float]:
    fs = yaml.safe_load((REPO / "factors" / "ademe-2025.yaml").read_text(encoding="utf-8"))
    ef = [v for v in fs["electricity"]["FRA"]["gwp"] if v["year"] == YEAR][0]["value"]
    manufacture = use = 0.0
    for label, _model, qty, bought, condition, _svc, _site, room, kwh in make_examples.ROWS:
        cat = fs["categories"][CATEGORY[label]]
        life = cat["lifetime_years"]["value"]
        year_bought = bought.year if isinstance(bought, dt.date) else \
            int(str(bought)[-4:])                     # "15/02/2024" or a bare year
        life_eff = life + (cat["previous_life_years"]["value"] if condition == "Reconditionné"
                           else 0)
        age, full = YEAR - year_bought, math.floor(life)
        if age < full:
            share = 1 / life_eff                      # a full year of service
        elif age == full:
            share = (life - full) / life_eff          # the last, partial year (0 if L whole)
        else:
            share = 0.0                               # fully amortised
        manufacture += qty * cat["manufacture"]["gwp"]["value"] * share
        energy = kwh if kwh is not None else cat["annual_kwh"]["value"]
        if room and with_rooms:
            pue = ROOMS_PUE[room]
        elif room or cat.get("datacenter"):       # a named room without its sheet (the CSV):
            pue = fs["defaults"]["pue"]["value"]  # the default PUE, whatever the category
        else:
            pue = 1.0
        use += qty * energy * ef * pue
    return manufacture, use


@pytest.mark.parametrize("name, with_rooms", [("inventaire-commune.xlsx", True),
                                              ("inventaire-commune.csv", False)])
def test_example_totals_by_hand(name, with_rooms):
    r = assess([EXAMPLES / name], year=YEAR)
    manufacture, use = expected_gwp(with_rooms)
    g = r.totals["gwp"]
    assert g.manufacture == pytest.approx(manufacture, rel=1e-12)
    assert g.use == pytest.approx(use, rel=1e-12)
    i = r.inputs[0]
    n = len(make_examples.ROWS)
    assert (i.rows_assessed, i.rows_rejected) == (n, 0)
    assert (i.rows_skipped_blank, i.rows_skipped_total) == (2, 2)
    assert i.rows_read == n + 4
    assert sum(line.quantity for line in r.by_category) == sum(row[2] for row in
                                                                make_examples.ROWS)


def test_csv_without_room_sheet_warns_about_rooms():
    r = assess([EXAMPLES / "inventaire-commune.csv"], year=YEAR)
    assert {i.code for i in r.issues if i.severity == "warning"} == {"unknown-room"}


def test_examples_are_what_the_script_writes(tmp_path):
    """The committed CSV is byte-identical to a fresh run of the generator."""
    make_examples.write_csv(tmp_path / "x.csv")
    assert (tmp_path / "x.csv").read_bytes() == (EXAMPLES / "inventaire-commune.csv").read_bytes()


def test_report_is_deterministic():
    a = assess([EXAMPLES / "inventaire-commune.xlsx"], year=YEAR).to_json()
    b = assess([EXAMPLES / "inventaire-commune.xlsx"], year=YEAR).to_json()
    assert a == b
    data = json.loads(a)
    assert data["schema_version"] == "1"
    assert data["factor_set"]["id"] == "ademe-2025"
    assert len(data["factor_set"]["sha256"]) == 64
    assert data["assessment"] == {"year": 2025, "as_of": "2025-12-31", "method": "linear"}


def test_partial_totals_are_marked_and_shown_as_lower_bounds():
    from enrt.report.headline import render_summary, total_text
    from enrt.report.render_table import render_table
    r = assess([EXAMPLES / "inventaire-commune.xlsx"], year=YEAR)
    gwp, adpe, pe = r.totals["gwp"], r.totals["adpe"], r.totals["pe"]
    assert gwp.complete and gwp.coverage == 1.0
    assert not pe.complete and pe.manufacture is None          # pe is use only
    assert total_text(pe).startswith("≥ ") and total_text(pe).endswith("(use only)")
    qty = {c.category: c.quantity for c in r.by_category}
    covered = sum(q for c, q in qty.items() if c not in adpe.not_covered)
    assert not adpe.complete and adpe.coverage == pytest.approx(covered / sum(qty.values()))
    assert "(use only)" in render_table(r, color=False)
    assert "carbon footprint 16.2 t CO2e/year" in render_summary(r)   # a whole total: no "≥"
