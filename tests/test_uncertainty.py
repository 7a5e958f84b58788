"""--uncertainty (issue 13): Monte Carlo on the ledger's sums, checked against closed forms.

Sampling error bounds used below, for N = 10,000 draws: the standard error of the p-th
quantile is sqrt(p (1 - p) / N) / f(x_p), f the density at the quantile. For U(50, 150)
(f = 1/100) at p = 0.05: 0.22 per unit of the factor; the tests allow 1.5 (about 7
standard errors). For a log-normal of gsd 1.5 (sigma = ln 1.5 = 0.405) at p = 0.05: 0.021
sigma = 0.0086 in log, 0.9 % of the value; the tests allow 4 %.
"""
from __future__ import annotations

import json
import math
import os
import subprocess
from pathlib import Path

import numpy as np
import pytest

from enrt import pipeline
from enrt.options import AssessOptions
from enrt.spreads import Spread

from .conftest import TINY_SET, write_csv

HEADER = "Type;Quantité;Date d'achat;Consommation (kWh/an);Pays"


def make_set(tmp_path: Path, laptop: str = "", monitor: str = "", name="u.yaml") -> Path:
    """The tiny set, with uncertainties on the laptop's and the monitor's gwp."""
    text = TINY_SET.replace("gwp: {value: 100, unit: kgCO2e, source: T, year: 2024}",
                            "gwp: {value: 100, unit: kgCO2e, source: T, year: 2024"
                            + (f", uncertainty: {laptop}" if laptop else "") + "}")
    text = text.replace("gwp: {value: 50, unit: kgCO2e, source: T, year: 2024}",
                        "gwp: {value: 50, unit: kgCO2e, source: T, year: 2024"
                        + (f", uncertainty: {monitor}" if monitor else "") + "}")
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def run(tmp_path, factors, lines, draws=10_000, seed=None, name="parc.csv"):
    path = write_csv(tmp_path / name, [HEADER, *lines])
    return pipeline.run([path], AssessOptions(year=2025, uncertainty=draws, seed=seed),
                        factors)


def test_uniform_factor_gives_its_closed_form_percentiles(tmp_path):
    # 8 laptops bought in 2024, lifetime 4: manufacture weight 8/4 = 2; no use (0 kWh)
    fs = make_set(tmp_path, laptop="{distribution: uniform, min: 50, max: 150}")
    r = run(tmp_path, fs, ["PC portable;8;15/03/2024;0;France"])
    t = r.uncertainty.totals["gwp"]["total"]
    assert t.central == pytest.approx(200.0)
    assert t.p5 / 2 == pytest.approx(55.0, abs=1.5)
    assert t.median / 2 == pytest.approx(100.0, abs=1.5)
    assert t.p95 / 2 == pytest.approx(145.0, abs=1.5)
    assert Spread("uniform", low=50, high=150).interval(100) == pytest.approx((55.0, 145.0))


def test_lognormal_factor_gives_its_analytic_quantiles(tmp_path):
    fs = make_set(tmp_path, laptop="{distribution: lognormal, gsd: 1.5}")
    r = run(tmp_path, fs, ["PC portable;8;15/03/2024;0;France"])
    t = r.uncertainty.totals["gwp"]["total"]
    factor = 1.5 ** 1.6448536269514722
    assert t.p5 == pytest.approx(200 / factor, rel=0.04)
    assert t.median == pytest.approx(200.0, rel=0.04)
    assert t.p95 == pytest.approx(200 * factor, rel=0.04)


def test_rows_sharing_a_factor_are_drawn_together(tmp_path):
    """Two rows of one category: the interval of (w1 + w2) × M, not of two independent
    draws (whose sum of two U(50, 150) would give a 5th percentile of 131.6, not 110)."""
    fs = make_set(tmp_path, laptop="{distribution: uniform, min: 50, max: 150}")
    r = run(tmp_path, fs, ["PC portable;4;15/03/2024;0;France",
                           "PC portable;4;20/06/2024;0;France"])
    t = r.uncertainty.totals["gwp"]["total"]
    assert t.p5 == pytest.approx(110.0, abs=3.0)
    assert t.p95 == pytest.approx(290.0, abs=3.0)


def test_the_same_seed_gives_the_same_draws_and_another_seed_others(tmp_path):
    fs = make_set(tmp_path, laptop="{distribution: uniform, min: 50, max: 150}")
    lines = ["PC portable;8;15/03/2024;0;France", "Ecran;3;;;"]
    a = run(tmp_path, fs, lines, seed=7).uncertainty
    b = run(tmp_path, fs, lines, seed=7).uncertainty
    c = run(tmp_path, fs, lines, seed=8).uncertainty
    assert a.model_dump() == b.model_dump()
    assert a.totals["gwp"]["total"].p5 != c.totals["gwp"]["total"].p5


def test_sensitivity_of_two_factors_as_computed_by_hand(tmp_path):
    """Total = 2 × M_laptop + 3/5 × M_monitor... with M_laptop ~ U(80, 120) and
    M_monitor ~ U(40, 80), nothing else uncertain (dates, kWh 0, country given):
    Var_laptop = 2² × 40²/12 = 533.3; Var_monitor = 0.6² × 40²/12 = 48.0;
    shares 533.3 / 581.3 = 0.917 and 0.083."""
    fs = make_set(tmp_path, laptop="{distribution: uniform, min: 80, max: 120}",
                  monitor="{distribution: uniform, min: 40, max: 80}")
    r = run(tmp_path, fs, ["PC portable;8;15/03/2024;0;France",
                           "Ecran;3;15/03/2024;0;France"])
    ranked = r.uncertainty.sensitivity["gwp"]
    assert [s.input for s in ranked] == ["manufacture:laptop", "manufacture:monitor"]
    var_l, var_m = 4 * 1600 / 12, 0.36 * 1600 / 12
    assert ranked[0].share == pytest.approx(var_l / (var_l + var_m), abs=0.01)
    assert ranked[1].share == pytest.approx(var_m / (var_l + var_m), abs=0.01)


def test_the_interval_depends_on_the_groups_not_on_the_rows(tmp_path):
    fs = make_set(tmp_path, laptop="{distribution: uniform, min: 50, max: 150}")
    fleet = ["PC portable;3;15/03/2024;;", "Ecran;2;;;", "PC portable;;;40;Allemagne"]
    split = ["PC portable;1;15/03/2024;;"] * 3 + ["Ecran;1;;;"] * 2 + \
        ["PC portable;;;40;Allemagne"]
    a = run(tmp_path, fs, fleet, name="a.csv").uncertainty
    b = run(tmp_path, fs, split, name="b.csv").uncertainty
    for k in a.totals:
        for phase, iv in a.totals[k].items():
            other = b.totals[k][phase]
            for f in ("p5", "median", "p95"):
                assert getattr(other, f) == pytest.approx(getattr(iv, f), rel=1e-12,
                                                          abs=1e-12)


def test_values_the_inventory_gives_narrow_the_interval(tmp_path):
    fs = make_set(tmp_path)
    given = run(tmp_path, fs, ["PC portable;10;15/03/2022;25;France",
                               "Ecran;10;15/03/2022;30;France"], name="given.csv")
    blank = run(tmp_path, fs, ["PC portable;10;;;", "Ecran;10;;;"], name="blank.csv")

    def width(r):
        t = r.uncertainty.totals["gwp"]["total"]
        return (t.p95 - t.p5) / t.central
    assert width(given) < width(blank)
    kinds = {s.kind for s in blank.uncertainty.sensitivity["gwp"]}
    assert {"lifetime", "annual_kwh", "country"} <= kinds
    assert not {"lifetime", "annual_kwh", "country"} & \
        {s.kind for s in given.uncertainty.sensitivity["gwp"]}
    life = next(s for s in blank.uncertainty.sensitivity["gwp"] if s.input == "lifetime:laptop")
    assert life.units == 10


def test_the_central_value_is_the_deterministic_result(tmp_path):
    fs = make_set(tmp_path, laptop="{distribution: uniform, min: 50, max: 150}")
    lines = ["PC portable;8;15/03/2024;;", "Ecran;3;;;", "Serveur;1;2023;;"]
    with_mc = run(tmp_path, fs, lines)
    without = pipeline.run([tmp_path / "parc.csv"], AssessOptions(year=2025), fs)
    assert without.uncertainty is None
    assert with_mc.totals == without.totals
    assert with_mc.uncertainty.totals["gwp"]["total"].central == without.totals["gwp"].total


def test_the_command_line_default_draws_and_fixed_seed(tmp_path):
    src = Path(__file__).resolve().parent.parent / "examples" / "inventaire-commune.xlsx"
    outs = []
    for extra in (["--uncertainty"], ["--uncertainty"], ["--uncertainty", "500", "--seed", "3"]):
        out = tmp_path / f"r{len(outs)}.json"
        proc = subprocess.run(["enrt", "assess", str(src), "--year", "2025", *extra,
                               "-f", "json", "-o", str(out), "-q"], capture_output=True,
                              text=True)
        assert proc.returncode == 0, proc.stderr
        outs.append(out.read_bytes())
    assert outs[0] == outs[1]                        # a fixed default seed
    first, third = json.loads(outs[0]), json.loads(outs[2])
    assert first["uncertainty"]["draws"] == 10_000
    assert (third["uncertainty"]["draws"], third["uncertainty"]["seed"]) == (500, 3)
    gwp = first["uncertainty"]["totals"]["gwp"]["total"]
    assert gwp["p5"] < gwp["median"] < gwp["p95"]
    assert first["uncertainty"]["territory"]["gwp"]["low_share"] == 0.508


@pytest.mark.parametrize("spread,finding", [
    ("{distribution: lognormal}", "a log-normal spread is given by its gsd alone"),
    ("{distribution: lognormal, gsd: 1.5, min: 50, max: 150}",
     "a log-normal spread is given by its gsd alone"),
    ("{gsd: 1.5}", "gsd is the spread of a log-normal distribution"),
    ("{distribution: triangular}", "a triangular distribution needs its range"),
    ("{relative: 1.5}", "reaches below zero"),
])
def test_factors_check_refuses_inconsistent_spreads(tmp_path, spread, finding):
    fs = make_set(tmp_path, laptop=spread)
    proc = subprocess.run(["enrt", "factors", "check", str(fs)], capture_output=True,
                          text=True)
    assert proc.returncode == 1, proc.stdout + proc.stderr
    assert finding in proc.stdout + proc.stderr


def test_factors_check_accepts_each_distribution(tmp_path):
    for spread in ("{distribution: lognormal, gsd: 1.5}",
                   "{distribution: triangular, min: 50, max: 150}",
                   "{distribution: uniform, relative: 0.3}", "{min: 50, max: 150}"):
        fs = make_set(tmp_path, laptop=spread)
        proc = subprocess.run(["enrt", "factors", "check", str(fs)], capture_output=True,
                              text=True)
        assert "uncertainty" not in proc.stdout, (spread, proc.stdout)


def test_triangular_interval_in_closed_form():
    lo, hi = Spread("triangular", low=0.0, high=10.0).interval(5.0)
    assert lo == pytest.approx(math.sqrt(0.05 * 10 * 5))
    assert hi == pytest.approx(10 - math.sqrt(0.05 * 10 * 5))
    draws = Spread("triangular", low=0.0, high=10.0).draw(5.0, np.random.default_rng(1),
                                                          100_000)
    assert np.percentile(draws, 5) == pytest.approx(lo, abs=0.05)


def test_every_human_format_shows_the_ranges_and_what_to_improve(tmp_path):
    """The same run in JSON, terminal, Markdown, HTML and xlsx: each shows the total with
    the JSON's 5th and 95th percentiles, and the first input to improve."""
    import re

    import openpyxl
    src = Path(__file__).resolve().parent.parent / "examples" / "inventaire-commune.xlsx"
    base = ["enrt", "assess", str(src), "--year", "2025", "--uncertainty", "--lang", "fr"]
    subprocess.run([*base, "-o", str(tmp_path / "r.json"), "-q"], check=True)
    data = json.loads((tmp_path / "r.json").read_text())
    iv = data["uncertainty"]["totals"]["gwp"]["total"]
    shown = f"({iv['p5'] / 1000:.1f}–{iv['p95'] / 1000:.1f})".replace(".", ",")
    first = data["uncertainty"]["sensitivity"]["gwp"][0]
    label = next(c["label"] for c in data["by_category"] if c["category"] == first["category"])

    term = subprocess.run(base, capture_output=True, text=True,
                          env={**os.environ, "COLUMNS": "160"})
    assert f"16,2 t CO2e {shown}" in term.stdout
    assert "Ce qu'il faut améliorer d'abord" in term.stdout and label in term.stdout
    for fmt in ("md", "html"):
        proc = subprocess.run([*base, "-o", str(tmp_path / f"r.{fmt}")], capture_output=True,
                              text=True)
        text = (tmp_path / f"r.{fmt}").read_text()
        assert f"16,2 t CO2e {shown}" in text, fmt
        assert "améliorer d" in text and label in text, fmt
        assert shown in proc.stderr                      # the summary line too
    subprocess.run([*base, "-o", str(tmp_path / "r.xlsx"), "-q"], check=True)
    wb = openpyxl.load_workbook(tmp_path / "r.xlsx")
    summary = [r for r in wb["Synthèse"].iter_rows(values_only=True)]
    row = next(r for r in summary if r[0] == "Empreinte carbone annuelle" and
               isinstance(r[2], float))
    assert row[1:3] == pytest.approx((iv["p5"] / 1000, iv["p95"] / 1000))
    improve = list(wb["À améliorer d'abord"].iter_rows(values_only=True))
    assert any(r[0] and label in r[0] and r[1] == pytest.approx(first["share"])
               for r in improve)
    assert re.search(r"8\s?377,9 t CO2e", " ".join(str(c) for r in summary for c in r if c))


def test_a_line_holding_every_row_has_the_total_interval(tmp_path):
    """Entity lines are drawn with the same draws as the total: one service holding every
    row has the total's interval; two services' intervals lie inside the total's range."""
    fs = make_set(tmp_path, laptop="{distribution: uniform, min: 50, max: 150}")
    head = HEADER + ";Service"
    one = write_csv(tmp_path / "one.csv", [head, "PC portable;8;15/03/2024;;;DSI",
                                           "Ecran;3;;;;DSI", "Serveur;1;2023;;;DSI"])
    r = pipeline.run([one], AssessOptions(year=2025, uncertainty=5000), fs)
    line, total = r.uncertainty.by_entity["DSI"], r.uncertainty.totals["gwp"]["total"]
    assert (line.p5, line.median, line.p95) == pytest.approx(
        (total.p5, total.median, total.p95), rel=1e-9)
    assert line.central == pytest.approx(total.central)
    two = write_csv(tmp_path / "two.csv", [head, "PC portable;8;15/03/2024;;;DSI",
                                           "Ecran;3;;;;Écoles", "Serveur;1;2023;;;DSI"])
    r = pipeline.run([two], AssessOptions(year=2025, uncertainty=5000), fs)
    lines = r.uncertainty.by_entity
    assert set(lines) == {"DSI", "Écoles"}
    whole = r.uncertainty.totals["gwp"]["total"]
    assert sum(iv.central for iv in lines.values()) == pytest.approx(whole.central)
    for iv in lines.values():          # a part of every draw: below the whole's percentiles
        assert 0 < iv.p5 < iv.median < iv.p95
        assert iv.p5 <= whole.p5 and iv.p95 <= whole.p95


def test_a_factor_set_may_give_its_own_level_spreads(tmp_path):
    """Values without an uncertainty take the level's gsd: enrt's (M: 1.6 for the tiny
    set's unrated categories), or the set's defaults.spread_gsd."""
    own = tmp_path / "own.yaml"
    own.write_text(TINY_SET.replace(
        "  pue: {value: 2.0, unit: ratio, source: T, year: 2024}",
        "  pue: {value: 2.0, unit: ratio, source: T, year: 2024}\n"
        "  spread_gsd: {H: 1.05, M: 1.05, L: 1.05}"), encoding="utf-8")
    line = ["PC portable;8;15/03/2024;0;France"]
    t_own = run(tmp_path, own, line).uncertainty.totals["gwp"]["total"]
    t_enrt = run(tmp_path, make_set(tmp_path), line).uncertainty.totals["gwp"]["total"]
    assert t_own.p95 / t_own.central == pytest.approx(1.05 ** 1.6448536269514722, rel=0.01)
    assert t_enrt.p95 / t_enrt.central == pytest.approx(1.6 ** 1.6448536269514722, rel=0.04)
    bad = tmp_path / "bad.yaml"
    bad.write_text(own.read_text().replace("H: 1.05", "H: 0.9"), encoding="utf-8")
    proc = subprocess.run(["enrt", "factors", "check", str(bad)], capture_output=True,
                          text=True)
    assert proc.returncode == 1 and "defaults.spread_gsd.H" in proc.stdout + proc.stderr


def test_a_range_is_triangular_by_default_and_glpi_rows_are_one_device_each(tmp_path):
    """{min: 50, max: 150} around 100: a triangle, p5 = 50 + sqrt(0.05 × 100 × 50) = 65.8 per
    unit; a table without a quantity column (one row, one device) draws no quantity."""
    fs = make_set(tmp_path, laptop="{min: 50, max: 150}")
    r = run(tmp_path, fs, ["PC portable;8;15/03/2024;0;France"])
    t = r.uncertainty.totals["gwp"]["total"]
    assert t.p5 / 2 == pytest.approx(50 + math.sqrt(0.05 * 100 * 50), abs=1.5)
    inv = write_csv(tmp_path / "glpi.csv", ["Type;Date d'achat", "PC portable;15/03/2024",
                                             "PC portable;15/03/2024"])
    r = pipeline.run([inv], AssessOptions(year=2025, uncertainty=2000), fs)
    assert "quantity" not in {s.kind for s in r.uncertainty.sensitivity["gwp"]}
    assert r.provenance["quantity"]["derived"] == 2
