"""factors list / show / diff (by hand) / schema, overlays, and the installed wheel."""
from __future__ import annotations

import json
import subprocess
import sys

import pytest

from .conftest import EXAMPLES, REPO, TINY_SET, write_csv


@pytest.fixture
def two_sets(tmp_path):
    a = tmp_path / "a.yaml"
    a.write_text(TINY_SET, encoding="utf-8")
    b_text = (TINY_SET.replace('id: tiny-test', 'id: tiny-next')
              .replace("gwp: {value: 100, unit: kgCO2e", "gwp: {value: 120, unit: kgCO2e")
              .replace("{value: 0.05, unit: kgCO2e/kWh", "{value: 0.04, unit: kgCO2e/kWh")
              .replace("lifetime_years: {value: 5, unit: year, source: T, year: 2024}\n"
                       "    annual_kwh: {value: 100",
                       "lifetime_years: {value: 6, unit: year, source: T, year: 2024}\n"
                       "    annual_kwh: {value: 100", 1)
              .replace('aliases: ["ecran"]', 'aliases: ["ecran", "moniteur"]'))
    b = tmp_path / "b.yaml"
    b.write_text(b_text, encoding="utf-8")
    return a, b


def test_diff_by_hand(cli, two_sets, tmp_path):
    a, b = two_sets
    inv = write_csv(tmp_path / "p.csv", ["Type;Qté", "PC portable;10", "Poste fixe;2"])
    res = cli("factors", "diff", a, b, "--on", inv, "--year", "2025", "--format", "json")
    assert res.exit_code == 0, res.output
    data = json.loads(res.stdout)
    got = {c["path"]: c for c in data["changes"]}
    assert set(got) == {"categories.desktop.lifetime_years", "categories.laptop.manufacture.gwp",
                        "categories.monitor.aliases[moniteur]", "electricity.FRA.gwp@2024"}
    assert got["categories.laptop.manufacture.gwp"]["relative"] == pytest.approx(0.2)
    assert got["categories.desktop.lifetime_years"]["relative"] == pytest.approx(0.2)
    assert got["electricity.FRA.gwp@2024"]["relative"] == pytest.approx(-0.2)
    assert got["categories.monitor.aliases[moniteur]"]["kind"] == "added"
    # A: 10 x (100/4 + 20 x 0.05) + 2 x (200/5 + 100 x 0.05) = 260 + 90
    assert data["on"]["gwp_a"] == pytest.approx(350)
    assert data["on"]["gwp_b"] == pytest.approx(10 * (120 / 4 + 20 * 0.04)
                                                 + 2 * (200 / 6 + 100 * 0.04))
    assert got["categories.laptop.manufacture.gwp"]["gwp_effect"] == pytest.approx(10 * 20 / 4)
    assert got["categories.desktop.lifetime_years"]["gwp_effect"] == pytest.approx(
        2 * 200 / 6 - 2 * 200 / 5)
    assert got["electricity.FRA.gwp@2024"]["gwp_effect"] == pytest.approx(-(200 + 200) * 0.01)
    assert got["categories.monitor.aliases[moniteur]"]["gwp_effect"] is None


def test_diff_table_between_shipped_editions(cli):
    res = cli("factors", "diff", "ademe-2024", "ademe-2025", "--on",
              EXAMPLES / "inventaire-commune.xlsx", "--year", "2025")
    assert res.exit_code == 0
    assert "electricity.FRA.gwp@2025" in res.stdout and "added" in res.stdout
    assert "On " in res.stdout and "→" in res.stdout


def test_list_shows_both_editions_and_default(cli):
    data = json.loads(cli("factors", "list", "--format", "json").stdout)
    by_id = {s["id"]: s for s in data}
    assert {"ademe-2024", "ademe-2025"} <= set(by_id)
    assert by_id["ademe-2025"]["default"] and not by_id["ademe-2024"]["default"]
    assert all(s["version"] and s["published"] and s["license"] for s in data)
    assert "ademe-2025" in cli("factors", "list").stdout


def test_last_year_edition_stops_at_2024_electricity(cli):
    data = json.loads(cli("factors", "show", "ademe-2024", "-f", "json", "--year", "2025").stdout)
    assert data["electricity"]["FRA"]["gwp"] == 0.0519


def test_overlay_extends_a_shipped_set(cli, tmp_path):
    overlay = tmp_path / "pcf.yaml"
    overlay.write_text("""\
schema_version: 1
id: commune-pcf
version: "1"
extends: ademe-2025
published: "2026-11-01"
license: "internal"
sources:
  PCF-X: {title: "Manufacturer product carbon footprint, laptop line X"}
categories:
  laptop:
    manufacture:
      gwp: {value: 250.0, unit: kgCO2e, source: PCF-X, year: 2025}
""", encoding="utf-8")
    base = json.loads(cli("assess", EXAMPLES / "inventaire-commune.xlsx", "--year", "2025",
                          "-f", "json").stdout)
    res = cli("assess", EXAMPLES / "inventaire-commune.xlsx", "--year", "2025", "-f", "json",
              "--factors", overlay)
    assert res.exit_code == 0, res.output
    data = json.loads(res.stdout)
    fs = data["factor_set"]
    assert (fs["id"], fs["version"]) == ("commune-pcf", "1")
    assert [e["id"] for e in fs["extends"]] == ["ademe-2025"]
    assert fs["extends"][0]["sha256"] == base["factor_set"]["sha256"]
    laptop = {c["category"]: c for c in data["by_category"]}["laptop"]
    laptop_base = {c["category"]: c for c in base["by_category"]}["laptop"]
    assert laptop["gwp"]["manufacture"] == pytest.approx(
        laptop_base["gwp"]["manufacture"] * 250.0 / 185.1)
    assert cli("factors", "check", overlay).exit_code == 0


def test_schema_commands(cli):
    factors = json.loads(cli("schema", "factors").stdout)
    assert "categories" in factors["properties"] and "Value" in factors["$defs"]
    report = json.loads(cli("schema", "report").stdout)
    assert {"totals", "by_category", "issues"} <= set(report["properties"])


@pytest.mark.slow
def test_wheel_installs_and_lists_its_factor_sets(tmp_path):
    wheels = tmp_path / "wheels"
    res = subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w",
                          str(wheels), str(REPO)], capture_output=True, text=True, timeout=600)
    assert res.returncode == 0, res.stderr
    (wheel,) = wheels.glob("enrt-*.whl")
    target = tmp_path / "env"
    res = subprocess.run([sys.executable, "-m", "pip", "install", "--no-deps", "-q", "--target",
                          str(target), str(wheel)], capture_output=True, text=True, timeout=600)
    assert res.returncode == 0, res.stderr
    env = {"PYTHONPATH": str(target), "PATH": "/usr/bin:/bin"}
    code = ("import enrt, sys; from enrt.cli.main import app; print(enrt.__file__);"
            "sys.argv = ['enrt', 'factors', 'list', '--format', 'json']; app()")
    res = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         timeout=120, env=env, cwd=tmp_path)
    assert res.returncode == 0, res.stderr
    first, rest = res.stdout.split("\n", 1)
    assert first.startswith(str(target))                    # the wheel's copy, not the source
    assert {s["id"] for s in json.loads(rest)} >= {"ademe-2024", "ademe-2025"}


def test_overlay_value_is_replaced_whole_and_needs_its_own_id(cli, tmp_path):
    overlay = tmp_path / "o.yaml"
    body = """\
schema_version: 1
extends: ademe-2025
published: "2026-11-01"
license: "internal"
sources:
  PCF-Y: {title: "Manufacturer PCF, all-in-one line Y"}
categories:
  all_in_one:
    manufacture:
      gwp: {value: 500.0, unit: kgCO2e, source: PCF-Y, year: 2025}
"""
    overlay.write_text(body, encoding="utf-8")
    res = cli("factors", "show", overlay)
    assert res.exit_code == 2 and "an overlay must give its own id and version" in res.stderr
    overlay.write_text('id: aio-y\nversion: "1"\n' + body, encoding="utf-8")
    # the base's 241-450 range belongs to the base's figure: it must not stick to 500
    assert cli("factors", "check", overlay).exit_code == 0
    data = json.loads(cli("factors", "show", overlay, "-f", "json").stdout)
    assert data["categories"]["all_in_one"]["manufacture"]["gwp"] == 500.0


def test_diff_datacenter_flip_moves_the_total(cli, tmp_path, tiny_set):
    b = tmp_path / "b.yaml"
    b.write_text(TINY_SET.replace("    datacenter: true\n", ""), encoding="utf-8")
    inv = write_csv(tmp_path / "p.csv", ["Type;Qté", "Serveur;1"])
    data = json.loads(cli("factors", "diff", tiny_set, b, "--on", inv, "--year", "2025",
                          "-f", "json").stdout)
    (change,) = data["changes"]
    assert (change["path"], change["old"], change["new"]) == (
        "categories.server_rack.datacenter", "yes", "no")
    assert change["gwp_effect"] == pytest.approx(1000 * 0.05 * (1.0 - 2.0))  # PUE 2 -> 1
