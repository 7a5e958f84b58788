"""`enrt template`: the workbook's lists map to categories, and a filled template
assesses as is, every sheet kind contributing a hand-computed amount."""
from __future__ import annotations

import datetime as dt
import json

import openpyxl
import pytest
import yaml

from enrt.factors import build_arrays, load_factor_set
from enrt.pipeline import category_matcher
from enrt.inventory.activities import matcher_for, unit_of

from .conftest import REPO


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_every_dropdown_value_is_understood(cli, tmp_path, lang):
    out = tmp_path / f"t-{lang}.xlsx"
    assert cli("template", "-o", out, "--lang", lang).exit_code == 0
    wb = openpyxl.load_workbook(out)
    lists = wb.worksheets[-1]
    assert lists.sheet_state == "hidden"
    fs = load_factor_set()
    fa = build_arrays(fs, 2025)
    cats = category_matcher(fs, fa)
    labels = [c.value for c in lists["A"] if c.value]
    assert [fa.categories[cats.match(x)[0]] for x in labels] == list(fs.model.categories)
    acts = matcher_for(fs.model)
    activities = [c.value for c in lists["E"] if c.value]
    assert [acts.categories[acts.match(x)[0]] for x in activities] == list(fs.model.activities)
    assert all(unit_of(c.value) for c in lists["C"] if c.value)
    practices = wb.worksheets[-2]
    assert practices.max_row == 60 and practices["A2"].value == "a.1"
    assert any(dv.formula1.startswith(f"'{lists.title}'!$A$1") for dv in
               wb.worksheets[2].data_validations.dataValidation)


def test_filled_template_by_hand(cli, tmp_path):
    blank = tmp_path / "blank.xlsx"
    cli("template", "-o", blank)
    wb = openpyxl.load_workbook(blank)
    fs = yaml.safe_load((REPO / "factors" / "ademe-2025.yaml").read_text(encoding="utf-8"))
    cat, act = fs["categories"], fs["activities"]
    org, parc, rooms, services, practices = (wb[n] for n in (
        "Organisation", "Parc", "Salles serveurs", "Services et prestations", "Bonnes pratiques"))
    org["B2"], org["B3"] = 100, 20000
    parc.append([cat["laptop"]["label_fr"], "X1", 10, dt.date(2024, 1, 1), None, None, "neuf"])
    row = [cat["server_rack"]["label_fr"], "R1", 1, dt.date(2023, 1, 1)] + [None] * 10 + ["SR"]
    parc.append(row)
    rooms.append(["SR", 1.5, 3000])
    services.append([act["vm_year"]["label_fr"], 4, "VM-an"])
    services.append([act["spend_it_services"]["label_fr"], None, None, 20000])
    practices["F2"], practices["F3"] = "fait", "non"          # a.1, a.2 (both Prioritaire)
    filled = tmp_path / "filled.xlsx"
    wb.save(filled)
    res = cli("assess", filled, "--year", "2025", "-f", "json")
    assert res.exit_code == 0, res.output
    r = json.loads(res.stdout)
    ef = [v for v in fs["electricity"]["FRA"]["gwp"] if v["year"] == 2025][0]["value"]
    v = lambda d: d["value"]  # noqa: E731
    laptop = 10 * v(cat["laptop"]["manufacture"]["gwp"]) / v(cat["laptop"]["lifetime_years"]) \
        + 10 * v(cat["laptop"]["annual_kwh"]) * ef
    server = v(cat["server_rack"]["manufacture"]["gwp"]) / v(cat["server_rack"]["lifetime_years"]) \
        + 3000 * ef                                   # measured room kWh replaces the estimate
    services_gwp = 4 * v(act["vm_year"]["factors"]["gwp"]) \
        + 20 * v(act["spend_it_services"]["factors"]["gwp"])
    g = r["totals"]["gwp"]
    assert g["manufacture"] + g["use"] == pytest.approx(laptop + server)
    assert g["services"] == pytest.approx(services_gwp)
    assert g["total"] == pytest.approx(laptop + server + services_gwp)
    assert r["indicators"]["gwp_per_agent_kg"]["value"] == pytest.approx(g["total"] / 100)
    assert r["territory"]["criteria"]["gwp"]["total"] == pytest.approx(20000 * 434)
    fam = {f["id"]: f for f in r["practices"]["by_family"]}
    assert fam["a."]["score_pct"] == pytest.approx(50.0)
    assert r["issue_counts"]["error"] == 0 and r["issue_counts"]["warning"] == 0
