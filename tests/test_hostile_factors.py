"""Hostile and broken factor files (issue 8): non-finite numbers, alias bombs, tags,
oversized files and ids that are paths. Each is a finding of `enrt factors check`
(exit 1) and stops a load with exit 2: one message and a hint, never an internal error.
The installed command is run as a subprocess."""
from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from enrt.errors import FactorSetError
from enrt.factors import load_factor_set
from enrt.factors.checks import MAX_FACTOR_BYTES, MAX_FACTOR_BYTES_ENV
from enrt.factors.loader import shipped_dir

from .conftest import EXAMPLES, TINY_SET

ENRT = Path(sys.executable).parent / "enrt"
INVENTORY = EXAMPLES / "inventaire-commune.xlsx"
LAPTOP_GWP = "      gwp: {value: 100, unit: kgCO2e, source: T, year: 2024}"


def run(*args: object, cwd: Path | None = None, env: dict | None = None,
        timeout: float = 60) -> subprocess.CompletedProcess:
    full_env = {**os.environ, **(env or {})}
    full_env.pop("ENRT_DEBUG", None)
    return subprocess.run([str(ENRT), *map(str, args)], cwd=cwd, env=full_env,
                          capture_output=True, text=True, timeout=timeout, check=False)


def clean_exit(res: subprocess.CompletedProcess, code: int) -> None:
    """The exit code, and no traceback or internal error."""
    assert res.returncode == code, (res.returncode, res.stdout[-2000:], res.stderr[-2000:])
    assert "Traceback" not in res.stderr
    assert "internal error" not in res.stderr


def strict_json(text: str):
    def refuse(name: str):
        raise ValueError(f"non-strict JSON constant {name}")
    return json.loads(text, parse_constant=refuse)


def line_with(text: str, marker: str) -> int:
    return next(i for i, line in enumerate(text.splitlines(), 1) if marker in line)


def write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def billion_laughs(levels: int = 10) -> str:
    lines = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    for i in range(1, levels):
        prev, cur = chr(ord("a") + i - 1), chr(ord("a") + i)
        lines.append(f"{cur}: &{cur} [" + ",".join([f"*{prev}"] * 9) + "]")
    return "\n".join(lines) + "\n"


# name: (value written for the laptop's manufacture gwp, expected code, message part)
NUMBERS = {
    "nan": (".nan", "non-finite-value", "NaN"),
    "NaN": (".NaN", "non-finite-value", "NaN"),
    "inf": (".inf", "non-finite-value", "infinite"),
    "minus-inf": ("-.inf", "non-finite-value", "infinite"),
    "exp-text-huge": ("-1e400", "non-finite-value", "infinity"),
    "exp-float-huge": ("1.0e+400", "non-finite-value", "infinity"),
    "int-huge": ("9" * 5000, "non-finite-value", "infinity"),
    "negative": ("-100", "non-positive-value", "must be more than 0"),
}


@pytest.mark.parametrize("name", NUMBERS)
def test_bad_numbers_are_findings_and_stop_a_load(tmp_path, name):
    written, code, message = NUMBERS[name]
    text = TINY_SET.replace(LAPTOP_GWP, LAPTOP_GWP.replace("100", written))
    path = write(tmp_path, f"{name}.yaml", text)
    line = line_with(text, written[:40])

    res = run("factors", "check", path, "--format", "json")
    clean_exit(res, 1)
    report = strict_json(res.stdout)
    (finding,) = [f for f in report["findings"] if f["code"] == code]
    assert finding["line"] == line
    assert finding["path"] == "categories.laptop.manufacture.gwp.value"
    assert message in finding["message"]
    assert report["errors"] == 1           # the schema's symptom is not reported twice

    if name == "nan":                  # the table names the same place
        table = run("factors", "check", path)
        clean_exit(table, 1)
        assert f"{path}:{line}: error: categories.laptop.manufacture.gwp.value" in table.stdout
        assert f"[{code}]" in table.stdout

    res = run("assess", INVENTORY, "--factors", path, "--year", "2025", "--format", "json")
    clean_exit(res, 2)
    assert res.stdout == ""
    assert "Error: invalid factor set: categories.laptop.manufacture.gwp.value" in res.stderr
    assert f"line {line}" in res.stderr and "Hint:" in res.stderr

    with pytest.raises(FactorSetError):
        load_factor_set(path)


@pytest.mark.parametrize("where, written", [
    ("{value: 0.4, unit", "{value: .nan, unit"),                        # electricity
    ("pue: {value: 2.0,", "pue: {value: .inf,"),                        # PUE range check
    ("annual_kwh: {value: 20,", "annual_kwh: {value: .nan,"),           # kWh >= 0 check
    (LAPTOP_GWP, LAPTOP_GWP[:-1] + ", uncertainty: {relative: .nan}}"),  # uncertainty
])
def test_non_finite_anywhere_is_caught(tmp_path, where, written):
    """NaN compares False with everything: no range rule may let it through."""
    text = TINY_SET.replace(where, written, 1)
    res = run("factors", "check", write(tmp_path, "f.yaml", text), "--format", "json")
    clean_exit(res, 1)
    codes = [f["code"] for f in strict_json(res.stdout)["findings"]]
    assert codes == ["non-finite-value"]


def test_alias_bomb_is_refused_fast(tmp_path):
    bomb = billion_laughs(10)          # 10**9 "lol" once expanded
    assert len(bomb) < 600
    path = write(tmp_path, "bomb.yaml", bomb)
    start = time.monotonic()
    res = run("factors", "check", path, "--format", "json", timeout=30)
    elapsed = time.monotonic() - start
    clean_exit(res, 1)
    assert elapsed < 5, elapsed
    (finding,) = strict_json(res.stdout)["findings"]
    assert (finding["code"], finding["line"], finding["path"]) == ("yaml-alias", 1, "a")

    start = time.monotonic()
    res = run("assess", INVENTORY, "--factors", path, "--year", "2025", timeout=30)
    assert time.monotonic() - start < 5
    clean_exit(res, 2)
    assert "anchors and aliases are not allowed" in res.stderr and "Hint:" in res.stderr


def test_alias_in_a_factor_set_is_refused_with_its_place(tmp_path):
    text = TINY_SET.replace("      adpe: {value: 0.01", "      adpe: &laptop_adpe {value: 0.01")
    text = text.replace("      adpe: {value: 0.02, unit: kgSbeq, source: T, year: 2024}",
                        "      adpe: *laptop_adpe")
    res = run("factors", "check", write(tmp_path, "alias.yaml", text), "--format", "json")
    clean_exit(res, 1)
    (finding,) = strict_json(res.stdout)["findings"]
    assert finding["code"] == "yaml-alias"
    assert finding["path"] == "categories.laptop.manufacture.adpe"
    assert finding["line"] == line_with(text, "&laptop_adpe")


@pytest.mark.parametrize("tagged", [
    '!!python/object/apply:os.system ["touch {marker}"]',
    "!!python/name:os.system",
    '!custom "test data"',
    "!!binary dGVzdA==",
])
def test_tags_are_clean_findings(tmp_path, tagged):
    marker = tmp_path / "marker"
    text = TINY_SET.replace('license: "test data"', "license: " + tagged.format(marker=marker))
    path = write(tmp_path, "tag.yaml", text)
    res = run("factors", "check", path, "--format", "json")
    clean_exit(res, 1)
    (finding,) = strict_json(res.stdout)["findings"]
    assert (finding["code"], finding["path"], finding["line"]) == ("yaml-tag", "license", 5)
    res = run("factors", "show", path)
    clean_exit(res, 2)
    assert "is not allowed in a factor file" in res.stderr and "Hint:" in res.stderr
    assert not marker.exists()


def test_deep_nesting_is_a_finding(tmp_path):
    depth = 900                        # under libyaml's own limit, over Python's recursion
    path = write(tmp_path, "deep.yaml", "a: " + "[" * depth + "]" * depth + "\n")
    res = run("factors", "check", path, "--format", "json")
    clean_exit(res, 1)
    assert [f["code"] for f in strict_json(res.stdout)["findings"]] == ["yaml-depth"]
    clean_exit(run("factors", "show", path), 2)


def test_oversized_file_is_refused_naming_the_limit(tmp_path):
    path = write(tmp_path, "tiny.yaml", TINY_SET)
    env = {MAX_FACTOR_BYTES_ENV: "1000"}
    res = run("factors", "check", path, env=env)
    clean_exit(res, 2)
    assert "over the limit of 1,000 bytes" in res.stderr
    assert MAX_FACTOR_BYTES_ENV in res.stderr
    for args in (["factors", "show", path],
                 ["assess", INVENTORY, "--factors", path, "--year", "2025"]):
        res = run(*args, env=env)
        clean_exit(res, 2)
        assert "over the limit of 1,000 bytes" in res.stderr and "Hint:" in res.stderr
    clean_exit(run("factors", "check", path), 0)          # the default limit lets it pass


def test_default_size_limit(tmp_path):
    path = tmp_path / "big.yaml"
    padding = ("# " + "x" * 98 + "\n") * (MAX_FACTOR_BYTES // 100 + 1)
    path.write_text(TINY_SET + padding, encoding="utf-8")
    res = run("factors", "check", path)
    clean_exit(res, 2)
    assert f"over the limit of {MAX_FACTOR_BYTES:,} bytes" in res.stderr


def test_bad_size_limit_setting_is_a_usage_error(tmp_path):
    res = run("factors", "check", write(tmp_path, "tiny.yaml", TINY_SET),
              env={MAX_FACTOR_BYTES_ENV: "lots"})
    clean_exit(res, 2)
    assert MAX_FACTOR_BYTES_ENV in res.stderr


def test_id_with_a_path_is_refused(tmp_path):
    """`--factors ../../x` used to load <shipped folder>/../../x.yaml."""
    outside = tmp_path / "outside"
    outside.mkdir()
    write(outside, "evil.yaml", TINY_SET)
    ref = os.path.relpath(outside / "evil", shipped_dir())
    assert (shipped_dir() / f"{ref}.yaml").resolve() == (outside / "evil.yaml").resolve()
    cwd = tmp_path / "work"
    cwd.mkdir()
    assert not (cwd / ref).exists()
    for args in (["factors", "show", ref],
                 ["assess", INVENTORY, "--factors", ref, "--year", "2025"],
                 ["assess", INVENTORY, "--factors", "../../etc/passwd-nope", "--year", "2025"],
                 ["factors", "show", "..\\..\\x"],
                 ["factors", "diff", "ademe-2025", ref]):
        res = run(*args, cwd=cwd)
        clean_exit(res, 2)
        assert res.stdout == ""
        assert "ids are names, not paths" in res.stderr
        assert "Hint: give the path of a .yaml file, or an id listed by `enrt factors list`" \
            in res.stderr
    # given as a path, the same file loads
    clean_exit(run("factors", "show", outside / "evil.yaml", cwd=cwd), 0)


def test_extends_with_a_path_as_id_is_refused(tmp_path):
    overlay = ('schema_version: 1\nid: over\nversion: "1"\nextends: ../x\n'
               'published: "2026-01-01"\nlicense: "test"\n')
    (tmp_path / "sub").mkdir()
    path = write(tmp_path / "sub", "over.yaml", overlay)
    write(tmp_path, "x.yaml", TINY_SET)                 # a path must be written as one
    res = run("factors", "check", path, "--format", "json")
    clean_exit(res, 1)
    (finding,) = strict_json(res.stdout)["findings"]
    assert (finding["code"], finding["line"]) == ("extends", 4)
    assert "ids are names, not paths" in finding["message"]
    res = run("assess", INVENTORY, "--factors", path, "--year", "2025")
    clean_exit(res, 2)
    assert "ids are names, not paths" in res.stderr and "line 4" in res.stderr


def test_extends_path_is_relative_to_the_overlay(tmp_path):
    sets = tmp_path / "sets"
    (sets / "base").mkdir(parents=True)
    write(sets / "base", "tiny.yaml", TINY_SET)
    overlay = ('schema_version: 1\nid: over\nversion: "1"\nextends: base/tiny.yaml\n'
               'categories:\n  laptop:\n    manufacture:\n'
               '      gwp: {value: 150, unit: kgCO2e, source: T, year: 2024}\n')
    path = write(sets, "over.yaml", overlay)
    clean_exit(run("factors", "check", path), 0)
    res = run("factors", "show", path, "--format", "json", cwd=tmp_path)
    clean_exit(res, 0)
    assert strict_json(res.stdout)["categories"]["laptop"]["manufacture"]["gwp"] == 150


@pytest.mark.parametrize("value", ["[ademe-2025]", "5", "true", "{a: 1}"])
def test_extends_that_is_not_text(tmp_path, value):
    text = TINY_SET.replace("id: tiny-test", f"id: tiny-test\nextends: {value}")
    path = write(tmp_path, "over.yaml", text)
    res = run("factors", "check", path, "--format", "json")
    clean_exit(res, 1)
    (finding,) = strict_json(res.stdout)["findings"]
    assert (finding["code"], finding["line"]) == ("extends", 3)
    clean_exit(run("factors", "show", path), 2)


def test_show_json_is_strict():
    res = run("factors", "show", "ademe-2025", "--format", "json")
    clean_exit(res, 0)
    data = strict_json(res.stdout)
    assert data["id"] == "ademe-2025" and data["categories"]["laptop"]["manufacture"]["gwp"] > 0


def test_shipped_sets_still_pass():
    res = run("factors", "check", "--format", "json")
    clean_exit(res, 0)
    assert strict_json(res.stdout)["errors"] == 0
