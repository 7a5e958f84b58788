"""The CLI contract (DESIGN §3): outputs, formats, exit codes, error messages."""
from __future__ import annotations

import json

from .conftest import EXAMPLES, write_csv

XLSX = EXAMPLES / "inventaire-commune.xlsx"


def test_table_report_on_stdout(cli):
    res = cli("assess", XLSX, "--year", "2025")
    assert res.exit_code == 0
    out = res.stdout
    for needle in ("ademe-2025", "Totals by environmental criterion", "By equipment category",
                   "Laptop", "By department", "Hôtel de ville", "Points to check"):
        assert needle in out
    assert "Traceback" not in res.output


def test_json_to_stdout_with_summary_on_stderr(cli):
    res = cli("assess", XLSX, "--year", "2025", "--format", "json")
    assert res.exit_code == 0
    data = json.loads(res.stdout)
    assert data["totals"]["gwp"]["unit"] == "kgCO2e"
    assert data["inputs"][0]["rows_assessed"] == 28
    assert "rows assessed" in res.stderr
    assert cli("assess", XLSX, "--year", "2025", "-f", "json", "--quiet").stderr == ""


def test_output_file_format_from_extension(cli, tmp_path):
    out = tmp_path / "bilan.json"
    res = cli("assess", XLSX, "--year", "2025", "-o", out)
    assert res.exit_code == 0 and res.stdout == ""
    assert json.loads(out.read_text())["assessment"]["year"] == 2025
    assert [p.name for p in tmp_path.iterdir()] == ["bilan.json"]     # no temp file left


def test_failed_run_leaves_no_output_file(cli, tmp_path):
    out = tmp_path / "bilan.json"
    res = cli("assess", tmp_path / "absent.xlsx", "-o", out)
    assert res.exit_code == 2
    assert not out.exists() and list(tmp_path.iterdir()) == []


def test_unknown_output_extension_is_usage_error(cli, tmp_path):
    res = cli("assess", XLSX, "-o", tmp_path / "bilan.docx")
    assert res.exit_code == 2
    assert "Error: cannot tell the report format" in res.stderr and "Hint:" in res.stderr


def test_strict_exit_1_only_with_errors(cli, tmp_path, tiny_set):
    bad = write_csv(tmp_path / "bad.csv", ["Type;Qté", "Ecran;dix", "Ecran;2"])
    assert cli("assess", bad, "--factors", tiny_set, "--year", "2025").exit_code == 0
    res = cli("assess", bad, "--factors", tiny_set, "--year", "2025", "--strict")
    assert res.exit_code == 1
    assert "quantity 'dix' is not a number" in res.stdout
    res = cli("assess", bad, "--factors", tiny_set, "--year", "2025", "-f", "json")
    assert f"[error] quantity 'dix' is not a number ({bad}, row 2, column B (Qté))" in res.stderr
    assert cli("assess", XLSX, "--year", "2025", "--strict").exit_code == 0


def test_errors_name_the_place_and_the_fix(cli, tmp_path):
    res = cli("assess", tmp_path / "absent.xlsx")
    assert res.exit_code == 2
    assert res.stderr.startswith(f"Error: input file not found ({tmp_path / 'absent.xlsx'})")
    assert "Hint:" in res.stderr and "Traceback" not in res.output


def test_unknown_factor_set_and_method_and_year(cli):
    res = cli("assess", XLSX, "--factors", "nope")
    assert res.exit_code == 2 and "unknown factor set 'nope'" in res.stderr
    assert "ademe-2025" in res.stderr
    res = cli("assess", XLSX, "--method", "magic")
    assert res.exit_code == 2 and "unknown method" in res.stderr
    assert cli("assess", XLSX, "--year", "1850").exit_code == 2


def test_invalid_factor_file_is_reported_with_line(cli, tmp_path):
    bad = tmp_path / "bad.yaml"
    bad.write_text("id: a\nid: b\n", encoding="utf-8")
    res = cli("assess", XLSX, "--factors", bad)
    assert res.exit_code == 2
    assert "key 'id' appears twice" in res.stderr and "bad.yaml, line 2)" in res.stderr


def test_method_numecoeval_changes_manufacture(cli):
    a = json.loads(cli("assess", XLSX, "--year", "2025", "-f", "json").stdout)
    b = json.loads(cli("assess", XLSX, "--year", "2025", "-f", "json",
                       "--method", "numecoeval").stdout)
    assert b["assessment"]["method"] == "numecoeval"
    assert a["totals"]["gwp"]["use"] == b["totals"]["gwp"]["use"]
    assert a["totals"]["gwp"]["manufacture"] != b["totals"]["gwp"]["manufacture"]


def test_version_names_default_factor_set(cli):
    res = cli("--version")
    assert res.exit_code == 0 and "ademe-2025" in res.stdout


def test_factors_show_json(cli):
    res = cli("factors", "show", "--format", "json", "--year", "2024")
    data = json.loads(res.stdout)
    assert {"id", "version", "sha256", "criteria", "electricity", "defaults",
            "categories"} <= set(data)
    assert data["electricity"]["FRA"]["gwp"] == 0.0519     # Base Empreinte 2024
    assert data["defaults"] == {"country": "FRA", "pue": 1.93}
    laptop = data["categories"]["laptop"]
    assert {"lifetime_years", "annual_kwh", "manufacture", "previous_life_years",
            "datacenter", "aliases"} <= set(laptop)
    assert len(data["categories"]) == 30


def test_factors_show_table_and_path(cli, tiny_set):
    res = cli("factors", "show", tiny_set)
    assert res.exit_code == 0 and "tiny-test" in res.stdout and "server_rack" in res.stdout


def test_output_into_a_folder_or_twice_the_same_input_is_usage_error(cli, tmp_path):
    res = cli("assess", XLSX, "-f", "json", "-o", tmp_path)
    assert res.exit_code == 2 and "output path is a folder" in res.stderr
    res = cli("assess", XLSX, str(XLSX.parent / "." / XLSX.name))
    assert res.exit_code == 2 and "the same inventory is given twice" in res.stderr


def test_report_file_gets_normal_permissions(cli, tmp_path):
    import os
    out = tmp_path / "bilan.json"
    old = os.umask(0o022)
    try:
        assert cli("assess", XLSX, "-o", out).exit_code == 0
    finally:
        os.umask(old)
    assert out.stat().st_mode & 0o777 == 0o644


def test_dash_h_is_help(cli):
    for args in (["-h"], ["assess", "-h"], ["factors", "check", "-h"], ["map", "-h"]):
        res = cli(*args)
        assert res.exit_code == 0 and "Usage" in res.stdout, args


def test_flags_show_no_value_type_in_help():
    """`--strict` takes no value: the help must not print `--strict <bool>`."""
    import os
    import subprocess
    import sys
    from pathlib import Path
    enrt = str(Path(sys.executable).parent / "enrt")
    for args in (["-h"], ["assess", "-h"], ["factors", "check", "-h"], ["factors", "diff", "-h"],
                 ["map", "-h"], ["template", "-h"]):
        out = subprocess.run([enrt, *args], capture_output=True, text=True,
                             env={**os.environ, "COLUMNS": "120"}).stdout
        assert "Usage" in out and "<bool>" not in out, args
    out = subprocess.run([enrt, "assess", "-h"], capture_output=True, text=True,
                         env={**os.environ, "COLUMNS": "120"}).stdout
    assert "table|json" in out            # options that take a value still show it


def test_fast_top_help_is_the_apps():
    """`enrt --help` is printed by enrt.cli.entry without Typer (issue 12); it must say what
    the Typer app would: the same commands in the same order with the same help, the same
    options, the same summary."""
    import inspect

    import typer

    from enrt.cli import entry
    from enrt.cli.main import app
    group = typer.main.get_command(app)
    assert " ".join(inspect.cleandoc(group.help).split()) == entry.SUMMARY
    names = list(group.list_commands(None)) if hasattr(group, "list_commands") else \
        list(group.commands)
    shown = {n: " ".join((group.commands[n].help or "").split()) for n in names}
    assert sorted(n for n, _ in entry.COMMANDS) == sorted(names)
    for name, text in entry.COMMANDS:
        assert shown[name] == text, name
    opts = {o for p in group.params for o in (*p.opts, *p.secondary_opts)}
    assert {o for n, s, _ in entry.OPTIONS for o in (n, s) if o} <= opts | {"--help", "-h"}
    text = entry.top_help(100)
    for name, _ in entry.COMMANDS:
        assert f"│ {name} " in text
    assert all(len(line) <= 100 for line in text.splitlines())


def test_fast_help_runs_without_typer_and_exits_0():
    import subprocess
    import sys
    from pathlib import Path
    enrt = Path(sys.executable).parent / "enrt"
    for flag in ("--help", "-h"):
        res = subprocess.run([sys.executable, "-X", "importtime", str(enrt), flag],
                             capture_output=True, text=True, timeout=60)
        assert res.returncode == 0 and "Usage: enrt [OPTIONS] COMMAND" in res.stdout
        assert "typer" not in res.stderr and "numpy" not in res.stderr
    res = subprocess.run([str(enrt), "--help"], capture_output=True, timeout=60,
                         env={**__import__("os").environ, "PYTHONIOENCODING": "ascii"})
    assert res.returncode == 0 and b"+- Commands" in res.stdout
