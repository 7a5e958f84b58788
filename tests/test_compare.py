"""enrt compare (issue 14, point 1): the change between two campaigns and its attribution,
checked against figures computed by hand."""
from __future__ import annotations

import json
import os
import subprocess
from pathlib import Path

import pytest

from enrt import pipeline
from enrt.attribution import Side, attribute, shapley
from enrt.compare import compare, load_report, restate
from enrt.options import AssessOptions

from .conftest import TINY_SET, write_csv

LAPTOP, MONITOR = "laptop", "monitor"


def test_shapley_of_a_product_adds_up_and_is_symmetric():
    parts = shapley((2.0, 3.0), (4.0, 5.0))          # 6 -> 20
    # a moves 2->4, b 3->5: a's part = ((4-2)*3 + (4-2)*5) / 2 = 8, b's = ((5-3)*2 + (5-3)*4) / 2 = 6
    assert parts == pytest.approx([8.0, 6.0])
    assert sum(shapley((1.0, 2.0, 3.0), (2.0, 5.0, 7.0))) == pytest.approx(70 - 6)


def _one(q, m, u=0.0):
    return Side(quantity=q, manufacture=m, use=u)


@pytest.mark.parametrize("old,new,e,driver,part", [
    # fleet size alone: 10 -> 12 laptops, 25 kg and 10 kg a unit: +50 + 20
    ({LAPTOP: _one(10, 250, 100)}, {LAPTOP: _one(12, 300, 120)}, (0.05, 0.05),
     "fleet_size", 70.0),
    # mix alone: 10+10 -> 15+5 units, laptop 25 kg, monitor 10 kg: 5*25 - 5*10
    ({LAPTOP: _one(10, 250), MONITOR: _one(10, 100)},
     {LAPTOP: _one(15, 375), MONITOR: _one(5, 50)}, (0.05, 0.05), "fleet_mix", 75.0),
    # lifetimes alone: 25 -> 20 kg a laptop, 10 laptops
    ({LAPTOP: _one(10, 250)}, {LAPTOP: _one(10, 200)}, (0.05, 0.05), "lifetimes", -50.0),
    # electricity alone: 200 kWh a unit, factor 0.05 -> 0.04: 10 -> 8 kg a unit
    ({LAPTOP: _one(10, 0, 100)}, {LAPTOP: _one(10, 0, 80)}, (0.05, 0.04), "electricity",
     -20.0),
    # usage alone: same factor, 10 -> 12 kg a unit
    ({LAPTOP: _one(10, 0, 100)}, {LAPTOP: _one(10, 0, 120)}, (0.05, 0.05), "usage", 20.0),
])
def test_each_driver_moved_alone_takes_the_whole_change(old, new, e, driver, part):
    parts = attribute(old, new, *e)
    assert parts[driver] == pytest.approx(part)
    assert all(v == pytest.approx(0.0, abs=1e-9) for k, v in parts.items() if k != driver)


def test_all_drivers_moved_together_add_up_to_the_change():
    old = {LAPTOP: _one(10, 250, 100), MONITOR: _one(10, 100, 40)}
    new = {LAPTOP: _one(18, 360, 150), "smartphone": _one(5, 60, 2)}      # monitors gone
    parts = attribute(old, new, 0.05, 0.045, services_old=30.0, services_new=10.0)
    change = (360 + 150 + 60 + 2 + 10) - (250 + 100 + 100 + 40 + 30)
    assert sum(parts.values()) == pytest.approx(change, abs=1e-9)
    assert parts["services"] == pytest.approx(-20.0)
    assert parts["electricity"] < 0 and parts["fleet_size"] > 0


def _set(tmp_path: Path, laptop_gwp: float, name: str) -> Path:
    path = tmp_path / f"{name}.yaml"
    path.write_text(TINY_SET.replace("id: tiny-test", f"id: {name}").replace(
        "gwp: {value: 100, unit: kgCO2e", f"gwp: {{value: {laptop_gwp:g}, unit: kgCO2e"),
        encoding="utf-8")
    return path


def _report(tmp_path, lines, year, fs, name, method="linear"):
    inv = write_csv(tmp_path / f"{name}.csv",
                    ["Type;Quantité;Date d'achat;Consommation (kWh/an);Pays", *lines])
    r = pipeline.run([inv], AssessOptions(year=year, method=method), fs)
    out = tmp_path / f"{name}.json"
    out.write_text(r.to_json(), encoding="utf-8")
    return inv, out


def test_reports_compared_end_to_end_add_up(tmp_path):
    fs = _set(tmp_path, 100, "tiny-a")
    # 2024: 4 laptops bought 2023 (lifetime 4: 1/4 a year), 0 kWh
    _, old = _report(tmp_path, ["PC portable;4;15/03/2023;0;France"], 2024, fs, "old")
    # 2025: 8 laptops (4 more bought 2025) and 2 monitors bought 2025 (lifetime 5)
    _, new = _report(tmp_path, ["PC portable;4;15/03/2023;0;France",
                                "PC portable;4;15/03/2025;0;France",
                                "Ecran;2;15/03/2025;0;France"], 2025, fs, "new")
    cmp = compare(load_report(old), load_report(new))
    t = cmp.totals["gwp"]["total"]
    assert (t.old, t.new) == pytest.approx((100.0, 200.0 + 2 * 50 / 5))
    assert sum(cmp.attribution["gwp"].values()) == pytest.approx(t.change)
    assert cmp.same_factor_set and cmp.warnings == []
    assert cmp.by_category["laptop"]["quantity"].change == 4
    assert cmp.by_category["monitor"]["gwp"].old == 0.0


def test_a_new_factor_set_is_restated_from_the_old_inventory(tmp_path):
    """2024 under set A (laptop 100 kg), 2025 under set B (150 kg), the same 4 laptops
    bought 2023: restated 2024 under B = 150; factor-set part = 150 - 100 = +50; the
    rest (2025 against restated 2024, still in lifetime) = 0."""
    a, b = _set(tmp_path, 100, "set-a"), _set(tmp_path, 150, "set-b")
    line = ["PC portable;4;15/03/2023;0;France"]
    inv_old, old = _report(tmp_path, line, 2024, a, "old")
    _, new = _report(tmp_path, line, 2025, b, "new")
    before, after = load_report(old), load_report(new)
    plain = compare(before, after)
    assert not plain.same_factor_set and plain.warnings == ["factor-sets-differ"]
    again = restate(before, after, [inv_old], b)
    cmp = compare(before, after, restated=again)
    assert cmp.restated and cmp.warnings == ["factor-sets-differ-restated"]
    assert cmp.attribution["gwp"]["factor_set"] == pytest.approx(50.0)
    assert sum(v for k, v in cmp.attribution["gwp"].items() if k != "factor_set") == \
        pytest.approx(0.0, abs=1e-9)
    assert sum(cmp.attribution["gwp"].values()) == pytest.approx(cmp.totals["gwp"]["total"].change)


def test_the_command_line(tmp_path):
    fs = _set(tmp_path, 100, "tiny-a")
    b = _set(tmp_path, 150, "tiny-b")
    inv, old = _report(tmp_path, ["PC portable;4;15/03/2023;;"], 2024, fs, "old")
    _, new = _report(tmp_path, ["PC portable;6;15/03/2023;;"], 2025, b, "new",
                     method="numecoeval")
    out = tmp_path / "cmp.json"
    proc = subprocess.run(["enrt", "compare", str(old), str(new), "--inventory-old", str(inv),
                           "--factors", str(b), "-o", str(out)], capture_output=True,
                          text=True)
    assert proc.returncode == 0, proc.stderr
    data = json.loads(out.read_text())
    assert data["restated"] and "numecoeval-snapshot" in data["warnings"]
    assert sum(data["attribution"]["gwp"].values()) == pytest.approx(
        data["totals"]["gwp"]["total"]["change"])
    for fmt, words in (("table", "Why the carbon footprint changed"),
                       ("md", "## Why the carbon footprint changed")):
        proc = subprocess.run(["enrt", "compare", str(old), str(new), "-f", fmt, "--lang",
                               "en"], capture_output=True, text=True,
                              env={"PATH": os.environ["PATH"], "COLUMNS": "120"})
        assert proc.returncode == 0 and words in proc.stdout, proc.stderr
        assert "different factor sets" in proc.stdout
    bad = tmp_path / "bad.json"
    bad.write_text('{"x": 1}', encoding="utf-8")
    proc = subprocess.run(["enrt", "compare", str(bad), str(new)], capture_output=True,
                          text=True)
    assert proc.returncode == 2
    assert proc.stderr.startswith("Error: not an enrt JSON report") and "Hint: " in proc.stderr


def test_graphical_formats_draw_the_waterfall(tmp_path):
    """HTML: one self-contained page with an SVG waterfall whose text alternative lists
    the parts; PDF pages; xlsx: the parts as numbers and a native stacked-bar chart whose
    base series is not drawn."""
    import openpyxl
    from pypdf import PdfReader
    fs = _set(tmp_path, 100, "tiny-a")
    _, old = _report(tmp_path, ["PC portable;4;15/03/2023;0;France"], 2024, fs, "old")
    _, new = _report(tmp_path, ["PC portable;4;15/03/2023;0;France",
                                "PC portable;4;15/03/2025;0;France"], 2025, fs, "new")
    for ext in ("html", "pdf", "xlsx"):
        proc = subprocess.run(["enrt", "compare", str(old), str(new), "--lang", "en", "-o",
                               str(tmp_path / f"c.{ext}")], capture_output=True, text=True)
        assert proc.returncode == 0, proc.stderr
    page = (tmp_path / "c.html").read_text()
    assert page.count("<svg") == 1 and "<script" not in page and "http" not in page
    assert 'aria-labelledby="wf-gwp-t wf-gwp-d"' in page
    assert "Fleet size (units): +100.0" in page          # 4 more laptops, 25 kg a year each
    assert PdfReader(str(tmp_path / "c.pdf")).pages
    wb = openpyxl.load_workbook(tmp_path / "c.xlsx")
    ws = wb[wb.sheetnames[1]]
    rows = [r for r in ws.iter_rows(values_only=True) if r and r[0]]
    assert rows[3][0] == "Fleet size (units)" and rows[3][1] == pytest.approx(100.0)
    assert rows[2][3] == pytest.approx(100.0) and rows[-1][3] == pytest.approx(200.0)
    assert len(ws._charts) == 1


@pytest.mark.parametrize("content", [b"[" * 100_000, b"\xff\xfe{}", b"", b"null",
                                     b'{"schema_version": "1", "totals": {"gwp": 3}}'])
def test_hostile_report_files_are_refused_cleanly(tmp_path, content):
    bad = tmp_path / "bad.json"
    bad.write_bytes(content)
    proc = subprocess.run(["enrt", "compare", str(bad), str(bad)], capture_output=True,
                          text=True)
    assert proc.returncode == 2, proc.stderr
    assert proc.stderr.startswith("Error: not an enrt JSON report")
    assert "Traceback" not in proc.stderr


def test_wrong_inputs_are_named(tmp_path):
    fs = _set(tmp_path, 100, "tiny-a")
    inv, old = _report(tmp_path, ["PC portable;4;15/03/2023;;"], 2024, fs, "old")
    other, new = _report(tmp_path, ["PC portable;6;15/03/2023;;"], 2025, fs, "new")

    def run(*args):
        return subprocess.run(["enrt", "compare", *map(str, args), "--lang", "en"],
                              capture_output=True, text=True)
    p = run(old, new, "--inventory-old", other, "--factors", fs)
    assert p.returncode == 2 and "is not the old report's inventory" in p.stderr
    p = run(old, tmp_path / "missing.json")
    assert p.returncode == 2 and p.stderr.startswith("Error: report file not found")
    p = run(old, new, "-o", tmp_path / "c.csv")
    assert p.returncode == 2 and "cannot tell the report format" in p.stderr
    assert not (tmp_path / "c.csv").exists()
    assert run(old, new, "-o", tmp_path / "c.json").returncode == 0
    p = run(tmp_path / "c.json", new)
    assert p.returncode == 2 and "a comparison, not an assessment report" in p.stderr
