"""Subprocess runs of the installed ``enrt`` command, and the built wheel's contents."""
from __future__ import annotations

import json
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from .conftest import EXAMPLES, REPO, write_csv

ENRT = Path(sys.executable).parent / "enrt"


def run(*args, **kw):
    return subprocess.run([str(ENRT), *map(str, args)], capture_output=True, text=True,
                          timeout=120, **kw)


def test_installed_command_assesses_csv_to_json(tmp_path):
    out = tmp_path / "r.json"
    res = run("assess", EXAMPLES / "inventaire-commune.csv", "--year", "2025", "-o", out)
    assert res.returncode == 0, res.stderr
    data = json.loads(out.read_text(encoding="utf-8"))
    assert data["inputs"][0]["rows_assessed"] == 28
    assert data["totals"]["gwp"]["total"] > 0
    assert "28/32 rows assessed" in res.stderr


def test_installed_command_json_is_byte_identical_across_runs():
    a = run("assess", EXAMPLES / "inventaire-commune.xlsx", "--year", "2025", "-f", "json")
    b = run("assess", EXAMPLES / "inventaire-commune.xlsx", "--year", "2025", "-f", "json")
    assert a.returncode == b.returncode == 0
    assert a.stdout == b.stdout and a.stdout.startswith("{")


def test_installed_command_exit_codes(tmp_path, tiny_set):
    bad = write_csv(tmp_path / "bad.csv", ["Type;Qté", "Tostador;1"])
    assert run("assess", bad, "--factors", tiny_set, "--strict").returncode == 1
    res = run("assess", tmp_path / "nope.csv")
    assert res.returncode == 2
    assert "Error: input file not found" in res.stderr and "Traceback" not in res.stderr
    res = run("assess", "--year", "2025")        # missing INPUT: click usage error
    assert res.returncode == 2


def test_debug_shows_traceback(tmp_path):
    res = run("--debug", "assess", tmp_path / "nope.csv")
    assert res.returncode != 0 and "Traceback" in res.stderr


@pytest.mark.slow
def test_wheel_contains_factor_sets(tmp_path):
    res = subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w",
                          str(tmp_path), str(REPO)], capture_output=True, text=True, timeout=600)
    assert res.returncode == 0, res.stderr
    (wheel,) = tmp_path.glob("enrt-*.whl")
    names = zipfile.ZipFile(wheel).namelist()
    assert "enrt/_factors/ademe-2025.yaml" in names
    assert "enrt/cli/main.py" in names


def _env(**lang):
    import os
    env = {k: v for k, v in os.environ.items() if k not in ("LC_ALL", "LC_MESSAGES", "LANG")}
    return {**env, **lang}


def test_errors_are_written_in_the_language_of_the_environment_or_of_lang(tmp_path):
    missing = tmp_path / "absent.xlsx"
    fr = run("assess", missing, env=_env(LANG="fr_FR.UTF-8"))
    assert fr.returncode == 2
    assert fr.stderr.startswith(f"Erreur : fichier d'inventaire introuvable ({missing})")
    assert "Conseil : vérifiez le chemin" in fr.stderr
    # --lang wins over the environment, and LC_ALL over LANG
    en = run("assess", missing, "--lang", "en", env=_env(LANG="fr_FR.UTF-8"))
    assert en.stderr.startswith("Error: input file not found") and "Hint: check the path" \
        in en.stderr
    assert run("assess", missing, env=_env(LC_ALL="en_US.UTF-8", LANG="fr_FR.UTF-8")) \
        .stderr.startswith("Error: ")
    # an error in the options themselves is said in the environment's language
    bad = run("assess", EXAMPLES / "inventaire-commune.csv", "-o", tmp_path / "r.foo",
              env=_env(LANG="fr_FR.UTF-8"))
    assert bad.returncode == 2
    assert "impossible de déduire le format du rapport de « " in bad.stderr
    assert "ou donnez --format" in bad.stderr
    assert not (tmp_path / "r.foo").exists()
