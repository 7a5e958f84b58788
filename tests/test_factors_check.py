"""A corpus of broken factor files, each with its own finding at its own line; the
shipped sets pass; the CLI's exit codes and JSON output."""
from __future__ import annotations

import json

import pytest

from enrt.factors.loader import check_file

from .conftest import TINY_SET

LAPTOP_GWP = "      gwp: {value: 100, unit: kgCO2e, source: T, year: 2024}"
LAPTOP_LIFE = "    lifetime_years: {value: 4, unit: year, source: T, year: 2024}"
DEU = '  "DEU":\n    gwp:\n      - {value: 0.4, unit: kgCO2e/kWh, source: T, year: 2023}'

# name: (old text, new text, expected code, key path, text of the offending line)
BROKEN = {
    "duplicate-key": (LAPTOP_LIFE, LAPTOP_LIFE + "\n" + LAPTOP_LIFE.replace("4,", "6,"),
                      "duplicate-key", "categories.laptop.lifetime_years",
                      LAPTOP_LIFE.replace("4,", "6,")),
    "norway-unquoted": (DEU, DEU + "\n  NO:\n    gwp:\n      - {value: 0.03, unit: kgCO2e/kWh,"
                        " source: T, year: 2023}", "yaml-bool", "electricity.NO", "  NO:"),
    "exponent-string": ("{value: 1.0e-8,", "{value: 1e-8,", "yaml-number-string",
                        "electricity.FRA.adpe[0].value", "1e-8"),
    "date-unquoted": ('published: "2026-01-01"', "published: 2026-01-01", "yaml-date",
                      "published", "published:"),
    "octal": ("{value: 5, unit: year, source: T, year: 2024}\n    annual_kwh: {value: 30",
              "{value: 5, unit: year, source: T, year: 2024}\n    annual_kwh: {value: 030",
              "yaml-octal", "categories.monitor.annual_kwh.value", "value: 030"),
    "unknown-unit": (LAPTOP_GWP, LAPTOP_GWP.replace("kgCO2e", "tCO2e"), "unknown-unit",
                     "categories.laptop.manufacture.gwp.unit", "tCO2e"),
    "wrong-field-unit": ("annual_kwh: {value: 20, unit: kWh", "annual_kwh: {value: 20, unit: MJ",
                         "unknown-unit", "categories.laptop.annual_kwh.unit", "unit: MJ"),
    "negative-factor": (LAPTOP_GWP, LAPTOP_GWP.replace("100", "-100"), "non-positive-value",
                        "categories.laptop.manufacture.gwp.value", "-100"),
    "zero-electricity": ("{value: 0.4, unit", "{value: 0.0, unit", "non-positive-value",
                         "electricity.DEU.gwp[0].value", "{value: 0.0, unit"),
    "negative-kwh": ("annual_kwh: {value: 100,", "annual_kwh: {value: -100,", "negative-value",
                     "categories.desktop.annual_kwh.value", "-100"),
    "lifetime-zero": (LAPTOP_LIFE, LAPTOP_LIFE.replace("4,", "0,"), "lifetime-range",
                      "categories.laptop.lifetime_years.value", LAPTOP_LIFE.replace("4,", "0,")),
    "lifetime-huge": (LAPTOP_LIFE, LAPTOP_LIFE.replace("4,", "80,"), "lifetime-range",
                      "categories.laptop.lifetime_years.value", "80,"),
    "previous-life-huge": ("previous_life_years: {value: 3,", "previous_life_years: {value: 45,",
                           "lifetime-range", "categories.desktop.previous_life_years.value",
                           "value: 45"),
    "pue-below-one": ("pue: {value: 2.0,", "pue: {value: 0.8,", "pue-range",
                      "defaults.pue.value", "pue: {value: 0.8"),
    "uncertainty-outside": (LAPTOP_GWP, LAPTOP_GWP[:-1] + ", uncertainty: {min: 120, max: 200}}",
                            "uncertainty-inconsistent", "categories.laptop.manufacture.gwp"
                            ".uncertainty", "min: 120"),
    "uncertainty-both": (LAPTOP_GWP, LAPTOP_GWP[:-1] + ", uncertainty: {relative: 0.2, min: 90,"
                         " max: 110}}", "uncertainty-inconsistent",
                         "categories.laptop.manufacture.gwp.uncertainty", "relative: 0.2"),
    "uncertainty-percent": (LAPTOP_GWP, LAPTOP_GWP[:-1] + ", uncertainty: {relative: 30}}",
                            "uncertainty-inconsistent",
                            "categories.laptop.manufacture.gwp.uncertainty.relative",
                            "relative: 30"),
    "unknown-source": (LAPTOP_GWP, LAPTOP_GWP.replace("source: T", "source: NegaOctet"),
                       "unknown-source", "categories.laptop.manufacture.gwp.source",
                       "NegaOctet"),
    "missing-source": (LAPTOP_GWP, LAPTOP_GWP.replace(" source: T,", ""), "missing-source",
                       "categories.laptop.manufacture.gwp.source", "gwp: {value: 100, unit"),
    "missing-year": (LAPTOP_GWP, LAPTOP_GWP.replace(", year: 2024", ""), "missing-year",
                     "categories.laptop.manufacture.gwp.year", "gwp: {value: 100, unit"),
    "unknown-category": ("  server_rack:", "  serveur_baie:", "unknown-category",
                         "categories.serveur_baie", "serveur_baie:"),
    "missing-field": ("    annual_kwh: {value: 30, unit: kWh, source: T, year: 2024}\n", "",
                      "missing-field", "categories.monitor.annual_kwh", "  monitor:"),
    "missing-gwp": ("      gwp: {value: 50, unit: kgCO2e, source: T, year: 2024}\n", "",
                    "missing-gwp", "categories.monitor.manufacture",
                    ("  monitor:", "    manufacture:")),
    "no-default-country": ("  country: FRA", "  country: BEL", "missing-default-country",
                           "electricity", "electricity:"),
    "alias-twice": ('aliases: ["ecran"]', 'aliases: ["ecran", "Poste fixe"]', "alias-conflict",
                    "categories.monitor.aliases[1]", 'aliases: ["ecran", "Poste fixe"]'),
    "value-as-text": (LAPTOP_GWP, LAPTOP_GWP.replace("value: 100", 'value: "100"'), "schema",
                      "categories.laptop.manufacture.gwp.value", 'value: "100"'),
    "unknown-key": (LAPTOP_GWP, LAPTOP_GWP.replace("year: 2024", "year: 2024, sourse: T"),
                    "unknown-key", "categories.laptop.manufacture.gwp.sourse", "sourse"),
    "duplicate-year": ("      - {value: 0.05, unit: kgCO2e/kWh, source: T, year: 2024}",
                       "      - {value: 0.05, unit: kgCO2e/kWh, source: T, year: 2020}",
                       "duplicate-year", "electricity.FRA.gwp", "    gwp:"),
    "bad-yaml": ("  T: {title:", "  T: {title: [", "yaml-syntax", "", None),
}


@pytest.mark.parametrize("name", sorted(BROKEN))
def test_broken_file_finding(tmp_path, name):
    old, new, code, path, marker = BROKEN[name]
    assert old in TINY_SET, name
    text = TINY_SET.replace(old, new, 1)
    f = tmp_path / f"{name}.yaml"
    f.write_text(text, encoding="utf-8")
    _, findings = check_file(f)
    hits = [x for x in findings if x.code == code and x.path == path]
    assert hits, [str(x) for x in findings]
    hit = hits[0]
    assert hit.file == str(f) and hit.fix
    if marker is not None:
        anchor, marker = marker if isinstance(marker, tuple) else ("", marker)
        lines = text.splitlines()
        start = next(i for i, line in enumerate(lines) if anchor in line)
        expected = next(i for i, line in enumerate(lines, 1) if i > start and marker in line)
        assert hit.line == expected, (name, hit.line, expected)


def test_corpus_is_large_enough():
    assert len(BROKEN) >= 20


def test_valid_tiny_set_and_shipped_sets_have_no_error(tiny_set):
    from enrt.factors.loader import shipped_dir
    for path in [tiny_set, *sorted(shipped_dir().glob("*.yaml"))]:
        model, findings = check_file(path)
        assert model is not None
        assert [str(f) for f in findings if f.severity == "error"] == [], path


def test_unused_source_is_a_warning(tmp_path):
    f = tmp_path / "s.yaml"
    f.write_text(TINY_SET.replace('  T: {title: "hand-made test values"}',
                                  '  T: {title: "hand-made test values"}\n  U: {title: "unused"}'),
                 encoding="utf-8")
    (finding,) = check_file(f)[1]
    assert (finding.code, finding.severity, finding.line) == ("unused-source", "warning", 14)


def test_cli_exit_codes_and_json(cli, tmp_path, tiny_set):
    assert cli("factors", "check").exit_code == 0                   # shipped sets
    assert cli("factors", "check", tiny_set).exit_code == 0
    folder = tmp_path / "sets"
    folder.mkdir()
    (folder / "ok.yaml").write_text(TINY_SET, encoding="utf-8")
    (folder / "bad.yml").write_text(TINY_SET.replace("value: 100", "value: -100", 1),
                                    encoding="utf-8")
    res = cli("factors", "check", folder)
    assert res.exit_code == 1
    assert f"{folder / 'bad.yml'}:30: error: categories.laptop.manufacture.gwp.value" in res.stdout
    assert "2 file(s) checked: 1 error(s)" in res.stdout
    data = json.loads(cli("factors", "check", folder, "--format", "json").stdout)
    assert data["errors"] == 1
    assert data["findings"][0] | {"message": ""} == {
        "file": str(folder / "bad.yml"), "line": 30, "code": "non-positive-value",
        "path": "categories.laptop.manufacture.gwp.value", "message": "",
        "fix": "an impact factor is a positive number", "severity": "error"}
    res = cli("factors", "check", tmp_path / "absent.yaml", tiny_set)
    assert res.exit_code == 2 and "no such file or folder" in res.stderr


def test_loading_a_broken_set_names_file_line_and_fix(cli, tmp_path):
    f = tmp_path / "bad.yaml"
    f.write_text(TINY_SET.replace('"DEU"', "NO"), encoding="utf-8")
    res = cli("assess", tmp_path / "x.csv", "--factors", f)
    assert res.exit_code == 2
    assert f"({f}, line 21)" in res.stderr and 'quote it: "NO"' in res.stderr


def test_a_yaml_trap_is_reported_once_with_its_fix(tmp_path):
    f = tmp_path / "t.yaml"
    f.write_text(TINY_SET.replace('"DEU"', "NO").replace("{value: 1.0e-8,", "{value: 1e-8,"),
                 encoding="utf-8")
    findings = check_file(f)[1]
    assert [(x.code, x.line) for x in findings] == [("yaml-bool", 21),
                                                    ("yaml-number-string", 20)] or \
        sorted((x.code, x.line) for x in findings) == [("yaml-bool", 21),
                                                       ("yaml-number-string", 20)]
    fix = next(x.fix for x in findings if x.code == "yaml-number-string")
    import yaml
    example = fix.split("e.g. ")[1].split(" ")[0]
    assert isinstance(yaml.safe_load(f"v: {example}")["v"], float)    # the fix really works


def test_a_finding_without_a_line_names_the_file_alone(tmp_path, cli):
    """An overlay whose base set is broken: the finding has no line of the overlay, and
    the line reads 'file: error: …', not 'file:: error: …'."""
    (tmp_path / "base.yaml").write_text("schema_version: 1\nid: [\n", encoding="utf-8")
    overlay = tmp_path / "overlay.yaml"
    overlay.write_text("schema_version: 1\nid: o\nversion: '1'\nextends: base.yaml\n",
                       encoding="utf-8")
    res = cli("factors", "check", str(overlay))
    assert res.exit_code == 1
    assert f"{overlay}: error: extends:" in res.stdout and "::" not in res.stdout
