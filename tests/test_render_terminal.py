"""The terminal report (issue 10, points 6 and 7): as wide as the terminal, in the language
asked, share bars, colour only at a terminal without NO_COLOR, the console's encoding (ASCII
stand-ins, no crash, no '?'), --quiet prints the headline alone.

The installed ``enrt`` runs as a subprocess on the example inventory; expected numbers are
written from the JSON report with ``enrt.i18n``, not copied from an output."""
from __future__ import annotations

import functools
import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from rich.cells import cell_len

from enrt import i18n
from enrt.report.console_text import Degrade

from .conftest import EXAMPLES, write_csv

ENRT = Path(sys.executable).parent / "enrt"
XLSX = EXAMPLES / "inventaire-commune.xlsx"
ANSI = re.compile(r"\x1b\[[0-9;]*m")
EIGHTHS = "▏▎▍▌▋▊▉█"
CLEAN = ("LANG", "LC_ALL", "LC_MESSAGES", "NO_COLOR", "FORCE_COLOR", "TTY_COMPATIBLE",
         "PYTHONIOENCODING", "COLUMNS", "PYTHONUTF8")


def env(**extra: str) -> dict[str, str]:
    base = {k: v for k, v in os.environ.items() if k not in CLEAN}
    return {**base, "LANG": "C.UTF-8", **extra}


@functools.cache
def run(*args: str, columns: int = 80, **extra: str) -> subprocess.CompletedProcess:
    """``enrt assess`` on the example, stdout and stderr as bytes (cached: same run, same
    output)."""
    res = subprocess.run([str(ENRT), "assess", str(XLSX), "--year", "2025", *args],
                         capture_output=True, timeout=120,
                         env=env(COLUMNS=str(columns), **extra))
    assert res.returncode == 0, res.stderr.decode("utf-8", "replace")[-2000:]
    return res


def text(*args: str, columns: int = 80, **extra: str) -> str:
    return run(*args, columns=columns, **extra).stdout.decode("utf-8")


@pytest.fixture(scope="module")
def report() -> dict:
    return json.loads(run("-f", "json", "-q").stdout)


def section(out: str, title: str) -> list[list[str]]:
    """The rows of the table under ``title``: cells stripped, borders left out."""
    lines = out.splitlines()
    start = next(i for i, line in enumerate(lines) if line.startswith(title))
    rows = []
    for line in lines[start + 4:]:                    # title, top, header, separator
        if not line.startswith(("│", "|")):
            break
        rows.append([c.strip() for c in re.split(r"[│|]", line)[1:-1]])
    return rows


def bar_length(s: str) -> float:
    return sum((EIGHTHS.index(c) + 1) / 8 for c in s if c in EIGHTHS) + s.count("#")


# ------------------------------------------------------------------------------- width

@pytest.mark.parametrize("lang", ["en", "fr"])
@pytest.mark.parametrize("columns", [80, 120])
def test_no_line_is_wider_than_the_terminal(columns, lang):
    out = text("--lang", lang, columns=columns)
    widest = max(out.splitlines(), key=cell_len)
    assert cell_len(widest) <= columns, widest
    assert out.count("┏") >= 6                         # the tables are there, boxed


def test_wide_terminal_shows_manufacture_and_use_per_category():
    wide = section(text(columns=120), i18n.t("by_category", "en"))
    narrow = section(text(columns=80), i18n.t("by_category", "en"))
    assert len(wide[0]) == 7 and len(narrow[0]) == 5   # label, qty, (manuf, use), total, %, bar
    assert text(columns=120).count(i18n.t("manufacture", "en")) > \
        text(columns=80).count(i18n.t("manufacture", "en"))


def test_long_names_are_cut_with_an_ellipsis_not_wrapped(tmp_path):
    long = "Direction des systèmes d'information et de la transformation numérique"
    path = write_csv(tmp_path / "inv.csv", ["Type;Quantité;Service", f"PC portable;2;{long}",
                                            "Ecran;3;Accueil"])
    res = subprocess.run([str(ENRT), "assess", str(path), "--year", "2025"],
                         capture_output=True, text=True, env=env(COLUMNS="80"), timeout=120)
    assert res.returncode == 0, res.stderr
    rows = section(res.stdout, i18n.t("by_entity", "en"))
    assert [r[0] for r in rows if r[0].endswith("…")] and long not in res.stdout
    assert max(cell_len(x) for x in res.stdout.splitlines()) <= 80


# ---------------------------------------------------------------------------- language

@pytest.mark.parametrize("lang", ["en", "fr"])
def test_labels_and_numbers_in_the_language(report, lang):
    out = text("--lang", lang, columns=120)
    num = functools.partial(i18n.number, lang=lang)
    laptop = next(c for c in report["by_category"] if c["category"] == "laptop")
    label = laptop["label"] if lang == "fr" else laptop["label_en"]
    assert label == ("Ordinateur portable" if lang == "fr" else "Laptop")
    total = report["totals"]["gwp"]["total"]
    assert num(total) in out                                     # 16 236,1 / 16,236.1
    assert i18n.mass(total, lang) in out                         # 16,2 t CO2e / 16.2 t CO2e
    rows = section(out, i18n.t("by_category", lang))
    line = next(r for r in rows if r[0] == label)
    assert line[1:6] == [num(laptop["quantity"], digits=0), num(laptop["gwp"]["manufacture"]),
                         num(laptop["gwp"]["use"]), num(laptop["gwp"]["total"]),
                         i18n.percent(laptop["gwp"]["total"] / total, lang, 1)]
    assert {r[0] for r in rows} == {c["label"] if lang == "fr" else c["label_en"]
                                    for c in report["by_category"]}
    for key in ("gwp_per_agent_kg", "manufacture_share_gwp", "defaults_share"):
        assert i18n.indicator_label(key, lang) in out and key not in out
    for key in ("totals", "by_category", "by_entity", "by_site", "indicators", "issues",
                "key_figures"):
        assert i18n.t(key, lang) in out
    assert i18n.criterion_label("gwp", lang) in out


def test_french_words_and_numbers(report):
    out = text("--lang", "fr")
    assert "lignes évaluées" in out and "Fabrication" in out and "Ordinateur portable" in out
    assert "16\u202f236,1" in out                              # Babel: narrow no-break space
    assert "16,236.1" not in out and "rows assessed" not in out


def test_language_from_the_environment(report):
    assert "Ordinateur portable" in text(LC_ALL="fr_FR.UTF-8")
    assert "Laptop" in text(LC_ALL="en_GB.UTF-8")
    assert "Laptop" in text()                                  # LANG=C.UTF-8: English


# ----------------------------------------------------------------------------- colours

def test_no_colour_off_a_terminal_or_with_no_color():
    for out in (text(), text(NO_COLOR="1"), text("--lang", "fr", columns=120)):
        assert "\x1b" not in out


def _under_pty(**extra: str) -> str:
    pty = pytest.importorskip("pty")
    master, slave = pty.openpty()
    proc = subprocess.Popen([str(ENRT), "assess", str(XLSX), "--year", "2025"],
                            stdin=slave, stdout=slave, stderr=slave, close_fds=True,
                            env=env(COLUMNS="80", **extra))
    os.close(slave)
    out = b""
    while True:
        try:
            chunk = os.read(master, 65536)
        except OSError:                                  # EIO: the child closed the pty
            break
        if not chunk:
            break
        out += chunk
    os.close(master)
    assert proc.wait(timeout=120) == 0
    return out.decode("utf-8")


@pytest.mark.skipif(sys.platform == "win32", reason="needs a pseudo-terminal")
def test_colour_at_a_terminal_unless_no_color():
    coloured = _under_pty()
    assert "\x1b[1m" in coloured                               # bold headings
    plain = ANSI.sub("", coloured).replace("\r\n", "\n")
    assert max(cell_len(x) for x in plain.splitlines()) <= 80
    assert "\x1b" not in _under_pty(NO_COLOR="1")


# ---------------------------------------------------------------------------- encoding

@pytest.mark.parametrize("lang", ["en", "fr"])
def test_cp1252_console_gets_ascii_boxes_and_no_question_marks(lang):
    raw = run("--lang", lang, PYTHONIOENCODING="cp1252").stdout
    out = raw.decode("cp1252")                                  # it is cp1252
    utf8 = text("--lang", lang)
    assert not set("┏━┃│└≥█") & set(out)
    assert "+---" in out and "| " in out and "#" in out and ">= " in out
    assert out.count("?") == utf8.count("?")                  # no '?' for what cp1252 lacks
    assert "…" in out                                          # cp1252 has it: kept
    if lang == "fr":
        assert "Écran d'ordinateur" in out and "16 236,1" in out
    assert max(len(x) for x in out.splitlines()) <= 80


def test_redirected_to_a_file_on_a_cp1252_console(tmp_path):
    target = tmp_path / "rapport.txt"
    with open(target, "wb") as fh:
        res = subprocess.run([str(ENRT), "assess", str(XLSX), "--year", "2025"], stdout=fh,
                             stderr=subprocess.PIPE, env=env(PYTHONIOENCODING="cp1252",
                                                             COLUMNS="100"), timeout=120)
    assert res.returncode == 0 and b"UnicodeEncodeError" not in res.stderr, res.stderr
    assert "+---" in target.read_bytes().decode("cp1252")


def test_ascii_console():
    out = run("--lang", "fr", PYTHONIOENCODING="ascii").stdout.decode("ascii")
    assert "Ecran d'ordinateur" in out and "16 236,1" in out and "..." in out
    assert out.count("?") == text("--lang", "fr").count("?")


def test_output_file_is_utf8_whatever_the_console(tmp_path):
    target = tmp_path / "rapport.txt"
    run_ = subprocess.run([str(ENRT), "assess", str(XLSX), "--year", "2025", "--lang", "fr",
                           "-o", str(target)], capture_output=True, timeout=120,
                          env=env(PYTHONIOENCODING="cp1252", COLUMNS="100"))
    assert run_.returncode == 0, run_.stderr
    content = target.read_text(encoding="utf-8")
    assert "┏" in content and "≥" in content and "█" in content
    run_.stderr.decode("cp1252")                               # the summary: cp1252 too
    assert b"lignes \xe9valu\xe9es" in run_.stderr


def test_degrade_keeps_what_the_encoding_has():
    s = "≥ 1\u202f234,5 € … Écran ␛[31m █"
    assert Degrade("utf-8")(s) == s
    assert Degrade("cp1252")(s) == ">= 1 234,5 € … Écran \\x1b[31m #"
    assert Degrade("ascii")(s) == ">= 1 234,5 EUR ... Ecran \\x1b[31m #"
    assert Degrade("no-such-codec")(s) == s                    # unknown: UTF-8


# ------------------------------------------------------------------------ quiet, headline

@pytest.mark.parametrize("lang", ["en", "fr"])
def test_quiet_prints_the_headline_only(report, lang):
    res = run("--lang", lang, "--quiet")
    lines = res.stdout.decode("utf-8").splitlines()
    assert len(lines) == 1 and res.stderr == b""
    line = lines[0]
    assert line.startswith("28/32 " + ("lignes évaluées" if lang == "fr" else "rows assessed"))
    assert i18n.mass(report["totals"]["gwp"]["total"], lang) in line
    # adpe and pe leave categories out: the headline says the totals are partial
    assert ("totaux partiels" if lang == "fr" else "partial totals") in line


def test_headline_says_when_rows_are_rejected(tmp_path):
    path = write_csv(tmp_path / "p.csv", ["Type d'équipement;Quantité", "PC portable;2",
                                          "Tostador;1"])
    for lang, words in (("en", "1/2 rows assessed, 1 rejected, 0 skipped: the total is "
                               "incomplete"),
                        ("fr", "1/2 lignes évaluées, 1 rejetée, 0 écartée : le total est "
                               "incomplet")):
        res = subprocess.run([str(ENRT), "assess", str(path), "--year", "2025", "-q",
                              "--lang", lang], capture_output=True, text=True,
                             env=env(COLUMNS="80"), timeout=120)
        assert res.returncode == 0 and res.stdout.startswith(words), res.stdout + res.stderr
        full = subprocess.run([str(ENRT), "assess", str(path), "--year", "2025", "--lang",
                               lang], capture_output=True, text=True, env=env(COLUMNS="200"),
                              timeout=120)
        assert words in full.stdout


def test_stderr_summary_in_the_language(tmp_path):
    res = subprocess.run([str(ENRT), "assess", str(XLSX), "--year", "2025", "--lang", "fr",
                          "-o", str(tmp_path / "r.json")], capture_output=True, text=True,
                         env=env(), timeout=120)
    assert res.returncode == 0
    assert res.stderr.startswith("enrt: 28/32 lignes évaluées") and "empreinte carbone" in \
        res.stderr


# -------------------------------------------------------------------------------- bars

@pytest.mark.parametrize("columns", [80, 120])
def test_share_bars_are_proportional(report, columns):
    """One scale for the categories, departments and sites: the largest share of any line
    fills the bar column, every other bar is as long as its share (to an eighth of a cell)."""
    out = text(columns=columns)
    total = report["totals"]["gwp"]["total"]
    lines = []                                                  # (share, bar length)
    for key, part, name in (("by_category", "by_category", None), ("by_entity", "by_entity",
                            "entity"), ("by_site", "by_site", "site")):
        label = {(c["label_en"] if name is None else c[name]): c["gwp"]["total"] / total
                 for c in report[part]}
        rows = section(out, i18n.t(key, "en"))
        assert len(rows) == len(report[part])
        lines += [(label[r[0]], bar_length(r[-1])) for r in rows]
        if key == "by_category":
            bars = {r[0]: bar_length(r[-1]) for r in rows}
            assert bars["Laptop"] > bars["Computer monitor"] > bars["Tablet"] > 0
    top_share, width = max(lines)
    assert width == max(length for _, length in lines) >= 12
    for share, length in lines:
        assert abs(length - width * share / top_share) <= 1 / 8 + 1e-9, (share, length)


def test_ascii_bars():
    out = run(PYTHONIOENCODING="ascii").stdout.decode("ascii")
    rows = section(out, i18n.t("by_category", "en"))
    laptop = next(r for r in rows if r[0] == "Laptop")[-1]
    tablet = next(r for r in rows if r[0] == "Tablet")[-1]
    assert set(laptop) == {"#"} and len(laptop) > len(tablet) >= 1
