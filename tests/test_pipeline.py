"""One pipeline (read -> evaluate -> build), the ledger between engine and report, the
factor diff on it, and the RCP rules for refurbished, reused and reassigned devices."""
from __future__ import annotations

import datetime as dt
import json
import pickle
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from enrt import pipeline
from enrt.assess import assess
from enrt.options import AssessOptions

from .conftest import REPO, write_xlsx

ENRT = str(Path(sys.executable).parent / "enrt")
YEAR = 2025


def _laptops(tmp_path, rows, extra_header=()):
    return write_xlsx(tmp_path / "parc.xlsx", {"Parc": [
        ["Type", "Qté", "Durée de vie (ans)", "État", "Durée d'usage amont", *extra_header],
        *rows]})


def test_rcp_fleet_formula_on_the_rcp_example(tmp_path, tiny_set):
    """RCP SI 2024: 250 laptops of which 50 refurbished after 3 years of previous use,
    lifetime 5 -> the fleet is charged 250 M / (5 + 3 x 50/250) = 250 M / 5.6 a year."""
    path = _laptops(tmp_path, [["PC portable", 200, 5, "Neuf", None],
                               ["PC portable", 50, 5, "Reconditionné", 3]])
    fleet = assess([path], factors=tiny_set, year=YEAR, second_life="fleet")
    assert fleet.totals["gwp"].manufacture == pytest.approx(250 * 100 / 5.6)
    assert fleet.options["second_life"] == "fleet"
    # the per-row rule: the new ones over 5 years, the refurbished ones over 5 + 3
    row = assess([path], factors=tiny_set, year=YEAR)
    assert row.totals["gwp"].manufacture == pytest.approx(200 * 100 / 5 + 50 * 100 / 8)


def test_previous_use_is_zero_unless_the_row_gives_it(tmp_path):
    """Shipped sets: no previous use without evidence (RCP); a row that gives 2 years
    spreads the embodied 185.1 kgCO2e of a laptop over 5 + 2 years."""
    path = _laptops(tmp_path, [["PC portable", 1, 5, "Reconditionné", None],
                               ["PC portable", 1, 5, "Reconditionné", 2]])
    r = assess([path], year=YEAR)
    assert r.totals["gwp"].manufacture == pytest.approx(185.1 / 5 + 185.1 / 7)
    assert r.provenance["previous_life"] == {"input": 1, "default": 1, "derived": 0}


def test_internal_reassignment_keeps_its_purchase_date_and_adds_no_previous_use(
        tmp_path, tiny_set):
    """A laptop bought in 2023 and reassigned to another service is charged 1/4 a year
    (its own lifetime, from its own purchase date), not 1/(4 + 3); bought in 2019, it is
    fully amortised. It is not a refurbished purchase for loi AGEC."""
    path = _laptops(tmp_path, [["PC portable", 1, 4, "Réaffecté", 3, dt.date(2023, 5, 2)],
                               ["PC portable", 1, 4, "réaffectation interne", 3,
                                dt.date(2019, 5, 2)]], ("Date d'achat",))
    r = assess([path], factors=tiny_set, year=YEAR)
    assert r.inputs[0].rows_assessed == 2
    assert r.totals["gwp"].manufacture == pytest.approx(100 / 4)
    assert r.indicators["fully_amortised_units"]["value"] == 1
    assert r.indicators["refurbished_or_reused_share_by_count"]["value"] == 0


def _services_and_rooms(tmp_path) -> Path:
    return write_xlsx(tmp_path / "mairie.xlsx", {
        "Parc": [["Type", "Qté", "Salle serveur", "Service"],
                 ["Serveur", 2, "Salle A", "DSI"], ["Ecran", 3, None, "Accueil"],
                 ["PC portable", 4, None, "Accueil"], ["Serveur", 1, "Salle B", "DSI"]],
        "Salles": [["Salle serveur", "PUE", "Compteur IT (kWh)"], ["Salle A", 1.6, 2000],
                   ["Salle B", 1.5, None]],
        "Services": [["Service hébergé", "Quantité", "Unité"], ["VM", 10, "VM-an"],
                     ["Réseau fixe", 100, "Go"]]})


def _set_b(tmp_path) -> Path:
    """The shipped default set with an activity factor and the FRA electricity changed."""
    data = yaml.safe_load((REPO / "factors" / "ademe-2025.yaml").read_text(encoding="utf-8"))
    data["id"], data["version"] = "ademe-2025-b", "1"
    data["activities"]["network_fixed"]["factors"]["gwp"]["value"] = 999.0
    path = tmp_path / "b.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return path


def test_diff_on_equals_two_assessments(tmp_path):
    """`factors diff A B --on` reads through the same pipeline as `assess`: room meters and
    services are in both totals, and a service factor change is listed with its effect."""
    inv, b = _services_and_rooms(tmp_path), _set_b(tmp_path)
    out = subprocess.run([ENRT, "factors", "diff", "ademe-2025", str(b), "--on", str(inv),
                          "--year", str(YEAR), "--format", "json"],
                         capture_output=True, text=True, check=True).stdout
    d = json.loads(out)
    ra = assess([inv], year=YEAR)
    rb = assess([inv], factors=b, year=YEAR)
    assert d["on"]["gwp_a"] == pytest.approx(ra.totals["gwp"].total)
    assert d["on"]["gwp_b"] == pytest.approx(rb.totals["gwp"].total)
    change = {c["path"]: c for c in d["changes"]}["activities.network_fixed.factors.gwp"]
    assert (change["old"], change["new"]) == (0.00927, 999.0)
    assert change["gwp_effect"] == pytest.approx(100 * (999.0 - 0.00927))
    # the room meter is in: Salle A counts 2 000 kWh x PUE 1.6, not the estimate
    assert ra.indicators["server_rooms"]["by_room"]["Salle A"]["kwh_per_year"] == \
        pytest.approx(3200)


def test_evaluation_pickles_and_ledgers_add(tmp_path, tiny_set):
    """The evaluation crosses a process boundary as is; two inputs evaluated apart and
    added give the report of one run on both."""
    a = write_xlsx(tmp_path / "a.xlsx", {"Parc": [["Type", "Qté", "Service"],
                                                  ["PC portable", 2, "Accueil"],
                                                  ["Ecran", 1, "DSI"]]})
    b = write_xlsx(tmp_path / "b.xlsx", {"Parc": [["Type", "Qté", "Service"],
                                                  ["Poste fixe", 1, "Accueil"],
                                                  ["Serveur", 1, None]]})
    opts = AssessOptions(year=YEAR)
    ra, rb = (pipeline.read([p], opts, tiny_set) for p in (a, b))
    ea = pickle.loads(pickle.dumps(pipeline.evaluate(ra)))
    eb = pipeline.evaluate(rb)
    both = pipeline.Evaluation(ledger=ea.ledger + eb.ledger, inputs=ea.inputs + eb.inputs,
                               year=YEAR, options=opts, read_options=ea.read_options)
    added = pipeline.build(both, ra.fs)
    whole = assess([a, b], factors=tiny_set, year=YEAR)
    assert added.totals == whole.totals
    assert added.by_entity == whole.by_entity
    assert added.by_category == whole.by_category
    # by hand: laptops 2 x 100/4, monitor 50/5, desktop 200/5, server 1000/5
    assert whole.totals["gwp"].manufacture == pytest.approx(50 + 10 + 40 + 200)
    assert {e.entity: e.quantity for e in whole.by_entity} == \
        {"Accueil": 3, "DSI": 1, "(unspecified)": 1}


def test_the_report_builder_never_calls_the_engine(tmp_path, tiny_set, monkeypatch):
    path = _services_and_rooms(tmp_path)
    expected = assess([path], year=YEAR).totals["gwp"].total
    reading = pipeline.read([path], AssessOptions(year=YEAR))
    evaluation = pipeline.evaluate(reading)
    import enrt.compute as engine

    def refuse(*a, **k):
        raise AssertionError("the engine was called while building the report")
    for name in ("row_weights", "group_impacts", "line_sums", "apply_room_meters"):
        monkeypatch.setattr(engine, name, refuse)
    report = pipeline.build(evaluation, reading.fs)
    assert report.totals["gwp"].total == pytest.approx(expected)


def test_an_already_loaded_factor_set_is_used_as_is(tmp_path, tiny_set):
    from enrt.factors import load_factor_set
    fs = load_factor_set(tiny_set)
    path = _laptops(tmp_path, [["PC portable", 1, 4, "Neuf", None]])
    r = pipeline.run([path], AssessOptions(year=YEAR), fs)
    assert r.factor_set.id == "tiny-test" and r.totals["gwp"].manufacture == pytest.approx(25)


def test_unknown_second_life_rule_is_a_usage_error(tmp_path):
    path = _laptops(tmp_path, [["PC portable", 1, 4, "Neuf", None]])
    p = subprocess.run([ENRT, "assess", str(path), "--second-life", "both"],
                       capture_output=True, text=True)
    assert p.returncode == 2 and "unknown second-life rule" in p.stderr


def test_disclosures_amortised_at_zero_and_purchase_year_view(tmp_path, tiny_set):
    """Two laptops bought in 2025 (one new, one refurbished with 2 years of previous use)
    and one bought in 2019: the purchase-year view is 100 + 100 x 4/(4 + 2) kgCO2e; the
    2019 one is past its 4 years and counts 0 for manufacture."""
    from enrt.report.render_table import render_table
    path = _laptops(tmp_path, [["PC portable", 1, None, "Neuf", None, dt.date(2025, 3, 1)],
                               ["PC portable", 1, None, "Reconditionné", 2, dt.date(2025, 6, 1)],
                               ["PC portable", 1, None, "Neuf", None, dt.date(2019, 3, 1)]],
                    ("Date d'achat",))
    r = assess([path], factors=tiny_set, year=YEAR)
    d = {x.code: x for x in r.disclosures}
    assert d["purchase-year-view"].value == pytest.approx(100 + 100 * 4 / 6)
    assert d["amortised-zero"].value == 1
    assert r.totals["gwp"].manufacture == pytest.approx(100 / 4 + 100 / 6)
    text = render_table(r, color=False, width=200)
    assert "the devices bought in 2025 embody 166.7 kg CO2e" in text
    assert "past it, it counts 0 (1 device(s) in 2025)" in text
    text = render_table(r, color=False, width=200, lang="fr")
    assert "les équipements achetés en 2025 représentent 166,7 kg CO2e" in text
    snap = assess([path], factors=tiny_set, year=YEAR, method="numecoeval")
    assert "snapshot-method" in {x.code for x in snap.disclosures}
