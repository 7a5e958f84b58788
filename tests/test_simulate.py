"""enrt simulate (issue 14, point 2): each action and the renewals, computed by hand on
the tiny set (laptop: lifetime 4, 100 kg, 20 kWh; desktop: 5, 200 kg, 100 kWh; server
rack: data centre, 5, 1,000 kg, 1,000 kWh; electricity 0.05 kg/kWh from 2024; PUE 2)."""
from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from enrt import pipeline
from enrt.options import AssessOptions
from enrt.scenario import Scenario, load_scenario
from enrt.simulate import simulate

from .conftest import write_csv

LAPTOPS = ["PC portable;4;15/03/2021"]          # past their 4 years in 2025: renewed in 2026


def _run(tmp_path, tiny_set, lines, actions, horizon=2030, target=None):
    inv = write_csv(tmp_path / "parc.csv", ["Type;Quantité;Date d'achat", *lines])
    reading = pipeline.read([inv], AssessOptions(year=2025), tiny_set)
    plan = Scenario.model_validate({"schema_version": 1, "name": "t", "horizon": horizon,
                                    "actions": actions, "target": target})
    return simulate(reading, plan)


def gwp(rows):
    return [round(r.totals["gwp"], 6) for r in rows]


def test_renewals_over_five_years(tmp_path, tiny_set):
    """2025: the 4 laptops bought 2021 are past their lifetime: use only, 4 × 20 × 0.05 =
    4. 2026: renewed (bought 2026): 4 × 100 / 4 + 4 = 104, and so every year to 2029;
    2030: renewed again (2026 + 4), 104."""
    rep = _run(tmp_path, tiny_set, LAPTOPS, [])
    assert [r.year for r in rep.without_actions] == list(range(2025, 2031))
    assert gwp(rep.without_actions) == [4.0, 104.0, 104.0, 104.0, 104.0, 104.0]
    assert gwp(rep.with_actions) == gwp(rep.without_actions)


@pytest.mark.parametrize("action,lines,year,expected", [
    # lifetimes + 2 from 2026: not due before 2027 (2021 + 6); 2026: 4 × 100/6 + 4
    ({"type": "extend_lifetime", "start": 2026, "categories": ["laptop"], "years": 2},
     LAPTOPS, 2026, 4 * 100 / 6 + 4),
    # half the units removed from 2027: 2 × 25 + 2 × 1
    ({"type": "decommission", "start": 2027, "categories": ["laptop"], "share": 0.5},
     LAPTOPS, 2027, 52.0),
    # switched off 12 h a day: 10 kWh a unit: 4 × 25 + 4 × 10 × 0.05
    ({"type": "switch_off", "start": 2026, "categories": ["laptop"], "hours": 12},
     LAPTOPS, 2026, 102.0),
    # half the renewals refurbished: lifetime 4 + previous life 2 (the category's):
    # 2 × 25 + 2 × 100/6 + 4
    ({"type": "refurbished_share", "start": 2026, "share": 0.5}, LAPTOPS, 2026,
     50 + 200 / 6 + 4),
    # 2 desktops bought 2020, renewed 2026 as laptops: 2 × 100/4 + 2 × 20 × 0.05
    ({"type": "replace", "start": 2026, "from": "desktop", "to": "laptop"},
     ["Unité centrale;2;15/03/2020"], 2026, 52.0),
    # a server in a data centre at PUE 1.5 instead of 2: 1,000 × 0.05 × 1.5 (+ 200 a year
    # of manufacture, bought 2024)
    ({"type": "room_pue", "start": 2026, "pue": 1.5}, ["Serveur;1;15/03/2024"], 2026,
     200 + 75.0),
    # 2 laptops bought each year from 2026: 2027 holds 4 (25 + 1 each)
    ({"type": "purchase_plan", "start": 2026, "category": "laptop", "units_per_year": 2},
     [], 2027, 104.0),
])
def test_each_action_as_computed_by_hand(tmp_path, tiny_set, action, lines, year, expected):
    rep = _run(tmp_path, tiny_set, lines, [action])
    by_year = {r.year: r.totals["gwp"] for r in rep.with_actions}
    assert by_year[year] == pytest.approx(expected)
    alone = rep.actions[0]
    assert alone.effect["gwp"] == pytest.approx(rep.with_actions[-1].totals["gwp"] -
                                                rep.without_actions[-1].totals["gwp"])


def test_the_target_is_checked_against_the_baseline_year(tmp_path, tiny_set):
    """2 desktops bought 2022 (in lifetime in 2025: 2 × 40 + 2 × 5 = 90); half removed from
    2026: 45 in 2026, -50 %: a -30 % target is met, by 18 kg."""
    rep = _run(tmp_path, tiny_set, ["Unité centrale;2;15/03/2022"],
               [{"type": "decommission", "start": 2026, "categories": ["desktop"],
                 "share": 0.5}], horizon=2026,
               target={"criterion": "gwp", "reduction": 0.3, "year": 2026})
    g = rep.target
    assert (g.baseline, g.target, g.reached) == pytest.approx((90.0, 63.0, 45.0))
    assert g.met and g.gap == pytest.approx(-18.0)


def test_scenario_errors_have_their_line_and_exit_1(tmp_path, tiny_set):
    plan = tmp_path / "plan.yaml"
    plan.write_text("schema_version: 1\nname: x\nhorizon: 2030\nactions:\n"
                    "  - {type: extend_lifetime, start: 2026, categories: [laptopz], years: 2}\n"
                    "  - type: decommission\n    start: 2026\n    categories: [monitor]\n"
                    "    share: 1.5\n  - {type: fly, start: 2026}\nname: y\n",
                    encoding="utf-8")
    _, findings = load_scenario(plan)
    assert [(f.line, f.code) for f in findings] == [(11, "duplicate-key")]
    plan.write_text(plan.read_text().replace("name: y\n", ""), encoding="utf-8")
    _, findings = load_scenario(plan)
    assert [f.line for f in findings] == [5, 9, 10]
    inv = write_csv(tmp_path / "parc.csv", ["Type;Quantité", "PC portable;1"])
    proc = subprocess.run(["enrt", "simulate", str(inv), "--scenario", str(plan),
                           "--factors", str(tiny_set)], capture_output=True, text=True)
    assert proc.returncode == 1
    assert f"{plan}:9: error: actions[1].share" in proc.stderr


def test_the_shipped_scenario_runs_from_the_command_line(tmp_path):
    root = Path(__file__).resolve().parent.parent
    out = tmp_path / "sim.json"
    proc = subprocess.run(["enrt", "simulate", str(root / "examples" / "inventaire-commune.xlsx"),
                           "--scenario", str(root / "examples" / "plan-numerique-2030.yaml"),
                           "-o", str(out)], capture_output=True, text=True)
    assert proc.returncode == 0, proc.stderr
    import json
    data = json.loads(out.read_text())
    assert data["baseline_year"] == 2025 and data["horizon"] == 2030
    assert len(data["actions"]) >= 4 and data["target"]["criterion"] == "gwp"
    schema = subprocess.run(["enrt", "schema", "scenario"], capture_output=True, text=True)
    assert '"ExtendLifetime"' in schema.stdout


def test_refurbished_purchases_count_the_first_life_the_action_gives(tmp_path, tiny_set):
    """previous_years 4: half the 2026 renewals last 4 + 4 years: 2 × 25 + 2 × 100/8 + 4."""
    rep = _run(tmp_path, tiny_set, LAPTOPS, [{"type": "refurbished_share", "start": 2026,
                                              "share": 0.5, "previous_years": 4}])
    assert rep.with_actions[1].totals["gwp"] == pytest.approx(50 + 25 + 4)


def test_uncertainty_ranges_and_the_graphical_formats(tmp_path, tiny_set):
    """With --uncertainty every year has its 90 % interval around the central total, each
    action's effect an interval of paired draws (an action that removes half the laptops
    alone: its effect's interval holds the central effect and stays below zero); HTML
    (one SVG, its text alternative), PDF and xlsx (a native line chart) are written."""
    import json
    import openpyxl
    inv = write_csv(tmp_path / "parc.csv", ["Type;Quantité;Date d'achat", *LAPTOPS])
    plan = tmp_path / "plan.yaml"
    plan.write_text("schema_version: 1\nname: p\nhorizon: 2028\nactions:\n"
                    "  - {type: decommission, start: 2026, categories: [laptop], share: 0.5}\n"
                    "target: {criterion: gwp, reduction: 0.2, year: 2028}\n", encoding="utf-8")
    base = ["enrt", "simulate", str(inv), "--scenario", str(plan), "--factors", str(tiny_set),
            "--year", "2025", "--uncertainty", "2000", "--lang", "en"]
    out = tmp_path / "s.json"
    assert subprocess.run([*base, "-o", str(out)]).returncode == 0
    data = json.loads(out.read_text())
    for y in data["with_actions"]:
        lo, hi = y["interval"]["gwp"]
        assert lo <= y["totals"]["gwp"] * 1.0001 and hi >= lo
    effect = data["actions"][0]
    lo, hi = effect["effect_interval"]["gwp"]
    assert effect["effect"]["gwp"] == pytest.approx(-52.0)      # 2028: half of 104
    assert lo < -52.0 * 0.5 and hi < 0
    for ext in ("html", "pdf", "xlsx"):
        assert subprocess.run([*base, "-o", str(tmp_path / f"s.{ext}")]).returncode == 0
    page = (tmp_path / "s.html").read_text()
    assert page.count("<svg") == 1 and "<script" not in page
    assert "2026: Without the actions 104.0, With the actions 52.0" in page
    wb = openpyxl.load_workbook(tmp_path / "s.xlsx")
    ws = wb[wb.sheetnames[0]]
    assert len(ws._charts) == 1
    rows = [r for r in ws.iter_rows(values_only=True) if r and isinstance(r[0], int)]
    assert [r[0] for r in rows] == [2025, 2026, 2027, 2028]
    assert rows[1][1:3] == pytest.approx((104.0, 52.0))


def test_names_from_the_scenario_are_inert_in_every_format(tmp_path, tiny_set):
    inv = write_csv(tmp_path / "parc.csv", ["Type;Quantité;Date d'achat", *LAPTOPS])
    plan = tmp_path / "plan.yaml"
    plan.write_text('schema_version: 1\nname: "<script>alert(1)</script> | *x*"\n'
                    "horizon: 2026\nactions:\n"
                    '  - {type: decommission, start: 2026, categories: [laptop], share: 0.5,'
                    ' name: "=HYPERLINK(\\"http://x\\") <img src=x onerror=y> | # h"}\n',
                    encoding="utf-8")
    base = ["enrt", "simulate", str(inv), "--scenario", str(plan), "--factors", str(tiny_set),
            "--year", "2025"]
    for ext in ("md", "html", "xlsx"):
        assert subprocess.run([*base, "-o", str(tmp_path / f"s.{ext}")]).returncode == 0
    md = (tmp_path / "s.md").read_text()
    import re
    assert not re.search(r"(?<!\\)<", md) and "\\|" in md     # every < escaped: text
    page = (tmp_path / "s.html").read_text()
    assert "<script>" not in page and "<img" not in page and "&lt;img" in page
    import openpyxl
    wb = openpyxl.load_workbook(tmp_path / "s.xlsx")
    cells = [c for ws in wb for r in ws.iter_rows(values_only=True) for c in r
             if isinstance(c, str)]
    assert not any(c.startswith("=") for c in cells)


@pytest.mark.parametrize("body,line,code,rc", [
    ("horizon: 2025\nactions: []\n", 3, "scenario-years", 1),
    ("horizon: 2028\ntarget: {criterion: gwp, reduction: 0.3, year: 2030}\nactions: []\n", 4,
     "scenario-years", 1),
    ("horizon: 2028\ntarget: {criterion: water, reduction: 0.3, year: 2028}\nactions: []\n",
     4, "scenario-criterion", 1),
    ("horizon: 2028\nactions:\n  - {type: decommission, start: 2025, categories: [laptop],"
     " share: 0.5}\n", 5, "scenario-years", 1),
    ("horizon: 2028\nactions:\n  - {type: replace, start: 2026, from: laptop, to: laptop}\n",
     5, "scenario-action", 1),
    ("horizon: 2028\nactions:\n  - {type: decommission, start: 2026, categories: [tablet],"
     " share: 0.5}\n", 5, "scenario-no-effect", 0),
])
def test_what_the_inventory_cannot_give_is_a_finding(tmp_path, tiny_set, body, line, code, rc):
    inv = write_csv(tmp_path / "parc.csv", ["Type;Quantité;Date d'achat", *LAPTOPS])
    plan = tmp_path / "plan.yaml"
    plan.write_text("schema_version: 1\nname: p\n" + body, encoding="utf-8")
    proc = subprocess.run(["enrt", "simulate", str(inv), "--scenario", str(plan), "--factors",
                           str(tiny_set), "--year", "2025"], capture_output=True, text=True)
    assert proc.returncode == rc, proc.stderr
    assert f"{plan}:{line}: " in proc.stderr and f"({code})" in proc.stderr
    assert "Traceback" not in proc.stderr


def test_nothing_to_project_and_a_seed_without_draws_are_refused(tmp_path, tiny_set):
    plan = tmp_path / "plan.yaml"
    plan.write_text("schema_version: 1\nname: p\nhorizon: 2027\n", encoding="utf-8")
    empty = write_csv(tmp_path / "vide.csv", ["Type;Quantité", "Inconnu;1"])
    proc = subprocess.run(["enrt", "simulate", str(empty), "--scenario", str(plan),
                           "--factors", str(tiny_set), "--year", "2025", "--lang", "en"],
                          capture_output=True, text=True)
    assert proc.returncode == 2 and "nothing was assessed" in proc.stderr
    inv = write_csv(tmp_path / "parc.csv", ["Type;Quantité;Date d'achat", *LAPTOPS])
    proc = subprocess.run(["enrt", "simulate", str(inv), "--scenario", str(plan),
                           "--factors", str(tiny_set), "--seed", "3", "--lang", "en"],
                          capture_output=True, text=True)
    assert proc.returncode == 2 and "--seed only applies with --uncertainty" in proc.stderr


def test_a_missing_scenario_file_is_an_input_error(tmp_path, tiny_set):
    inv = write_csv(tmp_path / "parc.csv", ["Type;Quantité;Date d'achat", *LAPTOPS])
    proc = subprocess.run(["enrt", "simulate", str(inv), "--scenario",
                           str(tmp_path / "absent.yaml"), "--lang", "en"],
                          capture_output=True, text=True)
    assert proc.returncode == 2 and proc.stderr.startswith("Error: scenario file not found")
