"""Issue 7, points 8-10: a saved mapping, several inputs kept apart, partial results.

Hand arithmetic with the tiny set (conftest TINY_SET), year 2025, linear method, no purchase
date (every device counts a full year), FRA electricity 0.05 kgCO2e/kWh (2024 value):
  laptop   manufacture 100/4 = 25,  use  20 kWh x 0.05 = 1.0  -> 26.0 kgCO2e per unit
  desktop  manufacture 200/5 = 40,  use 100 kWh x 0.05 = 5.0  -> 45.0 kgCO2e per unit
  monitor  manufacture  50/5 = 10,  use  30 kWh x 0.05 = 1.5  -> 11.5 kgCO2e per unit
"""
from __future__ import annotations

import hashlib
import json
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from enrt.assess import assess

from .conftest import write_csv, write_xlsx

ENRT = Path(sys.executable).parent / "enrt"
Y = "2025"


def run(*args):
    return subprocess.run([str(ENRT), *map(str, args)], capture_output=True, text=True,
                          timeout=120)


def codes(issues) -> set[str]:
    return {i["code"] if isinstance(i, dict) else i.code for i in issues}


# --- 8. a saved mapping -------------------------------------------------------------------

@pytest.fixture
def inv(tmp_path):
    # "Affecté" and "Nb postes" are already known to enrt (STATUS_WORDS, alias "nb"), so
    # the unknown status word and header here are "Chez l'agent" and "Code interne".
    return write_xlsx(tmp_path / "inv.xlsx", {"Parc": [
        ["Type d'équipement", "Quantité", "Statut", "Code interne"],
        ["PC portable", 2, "En service", "K-1"],
        ["Thin client X", 3, "En service", "K-2"],
        ["Ecran", 4, "Chez l'agent", "K-3"],
        ["Ecran", 1, "Affecté", "K-4"],
    ]})


def write_map(cli, tmp_path, tiny_set, *inputs) -> Path:
    out = tmp_path / "m.yaml"
    res = cli("map", *inputs, "--factors", tiny_set, "--year", Y, "-o", out)
    assert res.exit_code == 0, res.output
    return out


def test_map_lists_unknown_label_status_and_header_as_null(cli, tmp_path, tiny_set, inv):
    doc = yaml.safe_load(write_map(cli, tmp_path, tiny_set, inv).read_text(encoding="utf-8"))
    assert doc["labels"] == {"Thin client X": None, "Ecran": "monitor", "PC portable": "laptop"}
    assert list(doc["labels"])[0] == "Thin client X"          # the blanks first
    assert doc["statuses"] == {"Chez l'agent": None, "Affecté": "in_use", "En service": "in_use"}
    assert doc["headers"] == {"Type d'équipement": "type", "Quantité": "quantity",
                              "Statut": "status", "Code interne": None}
    assert doc["sheets"] == {"Parc": "equipment"}


def test_filled_mapping_assesses_the_rows_and_report_records_its_sha256(
        cli, tmp_path, tiny_set, inv):
    m = write_map(cli, tmp_path, tiny_set, inv)
    doc = yaml.safe_load(m.read_text(encoding="utf-8"))
    doc["labels"]["Thin client X"] = "desktop"
    doc["statuses"]["Chez l'agent"] = "in_use"
    doc["headers"]["Code interne"] = "ignore"
    m.write_text(yaml.safe_dump(doc, allow_unicode=True), encoding="utf-8")
    before = assess([inv], factors=tiny_set, year=2025)
    # without the mapping: laptops 2 x 26 = 52 + the "Affecté" monitor 11.5 = 63.5
    assert (before.inputs[0].rows_assessed, before.inputs[0].rows_rejected) == (2, 2)
    assert before.totals["gwp"].total == pytest.approx(63.5)
    out = tmp_path / "r.json"
    res = cli("assess", inv, "--factors", tiny_set, "--year", Y, "--mapping", m, "-o", out)
    assert res.exit_code == 0, res.output
    data = json.loads(out.read_text(encoding="utf-8"))
    i = data["inputs"][0]
    assert (i["rows_read"], i["rows_assessed"], i["rows_rejected"]) == (4, 4, 0)
    g = data["totals"]["gwp"]
    # manufacture: laptops 2x25 + thin clients (desktop) 3x40 + monitors (4+1)x10 = 220
    # use:         2x1.0 + 3x5.0 + 5x1.5 = 24.5        total 244.5
    assert (g["manufacture"], g["use"], g["total"]) == pytest.approx((220.0, 24.5, 244.5))
    desktop = next(c for c in data["by_category"] if c["category"] == "desktop")
    assert desktop["quantity"] == 3 and desktop["gwp"]["total"] == pytest.approx(135.0)
    assert not codes(data["issues"]) & {"no-category", "unknown-status"}
    assert data["mapping"]["sha256"] == hashlib.sha256(m.read_bytes()).hexdigest()
    assert data["mapping"]["path"] == str(m)


def test_user_choices_win_over_built_in_guesses(tmp_path, tiny_set, inv):
    m = tmp_path / "m.yaml"
    m.write_text('labels: {"PC portable": desktop}\nstatuses: {"Affecté": stock}\n',
                 encoding="utf-8")
    r = assess([inv], factors=tiny_set, year=2025, mapping=m)
    # "PC portable" is now desktop: 2 x 45 = 90; the "Affecté" monitor is in stock, skipped
    assert r.totals["gwp"].total == pytest.approx(90.0)
    assert [(c.category, c.quantity) for c in r.by_category] == [("desktop", 2)]
    i = r.inputs[0]
    assert (i.rows_assessed, i.rows_rejected, i.rows_skipped) == (1, 2, 1)
    assert i.skipped == {"not_in_use": 1}


def test_header_mapping_makes_an_unknown_header_read(tmp_path, tiny_set):
    inv = write_xlsx(tmp_path / "postes.xlsx", {"Parc": [
        ["Matériel", "Lieu", "Postes en place"], ["PC portable", "Mairie", 3],
        ["Ecran", "Mairie", 2]]})
    before = assess([inv], factors=tiny_set, year=2025)
    # "Postes en place" is not understood: one unit per row, 26 + 11.5 = 37.5
    assert before.totals["gwp"].total == pytest.approx(37.5)
    assert "column-ignored" in codes(before.issues)
    m = tmp_path / "m.yaml"
    m.write_text('headers: {"Postes en place": quantity}\n', encoding="utf-8")
    r = assess([inv], factors=tiny_set, year=2025, mapping=m)
    # 3 laptops x 26 = 78 + 2 monitors x 11.5 = 23 -> 101
    assert r.totals["gwp"].total == pytest.approx(101.0)
    assert [c.quantity for c in sorted(r.by_category, key=lambda c: c.category)] == [3, 2]
    assert r.provenance["quantity"]["input"] == 2


def test_sheet_mapping_ignores_a_sheet(tmp_path, tiny_set):
    inv = write_xlsx(tmp_path / "wb.xlsx", {
        "Synthèse": [["Type d'équipement", "Quantité"], ["Ecran", 10]],
        "Parc": [["Type d'équipement", "Quantité"], ["PC portable", 2]]})
    before = assess([inv], factors=tiny_set, year=2025)
    # both sheets read: 10 monitors x 11.5 = 115 + 2 laptops x 26 = 52 -> 167
    assert before.totals["gwp"].total == pytest.approx(167.0)
    m = tmp_path / "m.yaml"
    m.write_text('sheets: {"Synthèse": ignored}\n', encoding="utf-8")
    r = assess([inv], factors=tiny_set, year=2025, mapping=m)
    assert r.totals["gwp"].total == pytest.approx(52.0)        # 2 laptops x 26
    kinds = {s.name: s.kind for s in r.inputs[0].sheets}
    assert kinds == {"Synthèse": "ignored", "Parc": "equipment"}
    assert r.inputs[0].rows_read == 1
    assert any(i.code == "sheet-ignored" and i.sheet == "Synthèse" for i in r.issues)


def test_mapping_naming_an_unknown_category_exits_2(cli, tmp_path, tiny_set, inv):
    m = tmp_path / "m.yaml"
    m.write_text('labels: {"Thin client X": thin_client}\n', encoding="utf-8")
    res = cli("assess", inv, "--factors", tiny_set, "--year", Y, "--mapping", m, "-f", "json")
    assert res.exit_code == 2
    assert "mapping file names unknown categories: thin_client" in res.output
    assert "Traceback" not in res.output


def test_schema_mapping_validates_a_written_mapping(cli, tmp_path, tiny_set, inv):
    import jsonschema                    # the 'test' extra of pyproject.toml
    res = cli("schema", "mapping")
    assert res.exit_code == 0
    schema = json.loads(res.stdout)
    jsonschema.Draft202012Validator.check_schema(schema)
    doc = yaml.safe_load(write_map(cli, tmp_path, tiny_set, inv).read_text(encoding="utf-8"))
    jsonschema.validate(doc, schema)                 # as written, with its nulls
    doc["labels"]["Thin client X"] = "desktop"
    jsonschema.validate(doc, schema)                 # as filled in
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate({**doc, "categories": {}}, schema)     # unknown key


# --- 9. several inputs are never merged silently ------------------------------------------

@pytest.fixture
def communes(tmp_path):
    def commune(name, agents, population, parc):
        return write_xlsx(tmp_path / f"{name[-1].lower()}.xlsx", {
            "Organisation": [["Collectivité", name], ["Nombre d'agents", agents],
                             ["Population", population]],
            "Parc": [["Type d'équipement", "Quantité"], *parc]})
    return [commune("Commune A", 10, 1000, [["PC portable", 2]]),
            commune("Commune B", 20, 2000, [["Unité centrale", 1], ["Ecran", 2]]),
            commune("Commune C", 5, 500, [["PC portable", 1], ["Ecran", 1]])]


def test_three_communes_each_keep_their_organisation_and_figures(communes, tiny_set):
    r = assess(communes, factors=tiny_set, year=2025)
    assert [b.path for b in r.by_input] == [str(p) for p in communes]
    assert [b.organisation for b in r.by_input] == [
        {"name": "Commune A", "agents": 10, "population": 1000},
        {"name": "Commune B", "agents": 20, "population": 2000},
        {"name": "Commune C", "agents": 5, "population": 500}]
    # A: 2 laptops x 26 = 52; B: 1 desktop 45 + 2 monitors x 11.5 = 68;
    # C: 1 laptop 26 + 1 monitor 11.5 = 37.5
    assert [b.gwp.total for b in r.by_input] == pytest.approx([52.0, 68.0, 37.5])
    assert [b.gwp.manufacture for b in r.by_input] == pytest.approx([50.0, 60.0, 35.0])
    assert [b.quantity for b in r.by_input] == [2, 3, 2]
    # per agent: 52/10 = 5.2, 68/20 = 3.4, 37.5/5 = 7.5
    assert [b.indicators["gwp_per_agent_kg"]["value"] for b in r.by_input] == \
        pytest.approx([5.2, 3.4, 7.5])
    assert r.totals["gwp"].total == pytest.approx(sum(b.gwp.total for b in r.by_input))
    assert r.totals["gwp"].total == pytest.approx(157.5)


def test_different_organisations_give_no_combined_per_agent_figure(communes, tiny_set):
    r = assess(communes, factors=tiny_set, year=2025)
    ind = r.indicators["gwp_per_agent_kg"]
    assert ind["value"] is None and "by_input" in ind["missing"]
    differ = [i for i in r.issues if i.code == "organisations-differ"]
    assert len(differ) == 1 and differ[0].severity == "info"
    assert "3 inputs" in differ[0].message
    # not the first commune's name and agents for the whole
    assert r.organisation["name"] is None and r.organisation["agents"] is None


def test_agents_on_the_command_line_give_the_combined_per_agent_figure(
        cli, communes, tiny_set, tmp_path):
    out = tmp_path / "r.json"
    res = cli("assess", *communes, "--factors", tiny_set, "--year", Y, "--agents", "300",
              "-o", out)
    assert res.exit_code == 0, res.output
    data = json.loads(out.read_text(encoding="utf-8"))
    # 157.5 kgCO2e / 300 agents = 0.525
    assert data["indicators"]["gwp_per_agent_kg"]["value"] == pytest.approx(0.525)
    assert data["organisation"]["agents"] == 300
    assert [b["indicators"]["gwp_per_agent_kg"]["value"] for b in data["by_input"]] == \
        pytest.approx([5.2, 3.4, 7.5])


# --- 10. partial results never look complete ----------------------------------------------

@pytest.fixture
def partial(tmp_path):
    return write_csv(tmp_path / "partial.csv", [
        "Type d'équipement;Quantité", "PC portable;2", "Unité centrale;1", "Ecran;2",
        "Tostador;1"])


def test_stderr_summary_says_the_total_is_incomplete(partial, tiny_set, tmp_path):
    res = run("assess", partial, "--factors", tiny_set, "--year", Y, "-o", tmp_path / "r.json")
    assert res.returncode == 0, res.stderr
    first = res.stderr.splitlines()[0]
    assert "3/4 rows assessed, 1 rejected" in first
    assert "the total is incomplete" in first
    # 2 laptops x 26 = 52 + 1 desktop 45 + 2 monitors x 11.5 = 23 -> 120
    assert "carbon footprint 120.0 kg CO2e/year" in first


def test_terminal_report_has_the_headline(partial, tiny_set):
    res = run("assess", partial, "--factors", tiny_set, "--year", Y)
    assert res.returncode == 0, res.stderr
    assert "3/4 rows assessed, 1 rejected, 0 skipped: the total is incomplete" in res.stdout


def test_json_gives_assessed_share_per_input(partial, tiny_set):
    res = run("assess", partial, "--factors", tiny_set, "--year", Y, "-f", "json")
    assert res.returncode == 0, res.stderr
    i = json.loads(res.stdout)["inputs"][0]
    assert (i["rows_assessed"], i["rows_rejected"]) == (3, 1)
    assert i["assessed_share"] == 0.75                         # 3 / (3 + 1)


def test_nothing_assessed_exits_1_without_strict(tmp_path, tiny_set):
    bad = write_csv(tmp_path / "bad.csv", ["Type d'équipement;Quantité", "Tostador;1",
                                           "Grille-pain;2"])
    res = run("assess", bad, "--factors", tiny_set, "--year", Y, "-f", "json")
    assert res.returncode == 1
    data = json.loads(res.stdout)
    assert data["inputs"][0]["rows_assessed"] == 0
    err = [i for i in data["issues"] if i["code"] == "nothing-assessed"]
    assert len(err) == 1 and err[0]["severity"] == "error" and err[0]["file"] == str(bad)
    assert "nothing assessed in" in res.stderr


def test_file_without_equipment_table_exits_1(tmp_path, tiny_set):
    notes = write_xlsx(tmp_path / "notes.xlsx", {"Notes": [["Compte rendu"], ["RAS"]]})
    res = run("assess", notes, "--factors", tiny_set, "--year", Y, "-f", "json")
    assert res.returncode == 1
    data = json.loads(res.stdout)
    assert "no-equipment-table" in codes(data["issues"])
    assert data["totals"]["gwp"]["total"] == 0.0
