"""``enrt batch`` (issue 11): one report per commune, the summary, the aggregate; failures
per commune, safe names, the same bytes for any --jobs, Dask, interruption."""
from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import openpyxl
import pytest

from enrt.batch import batch
from enrt.batch_output import safe_name
from enrt.options import AssessOptions

from .conftest import write_xlsx

ENRT = Path(sys.executable).parent / "enrt"
YEAR = "2025"


def commune(path: Path, name: str | None, agents: int | None, population: int | None,
            laptops: int, screens: int = 0) -> Path:
    """A commune's inventory as a town hall keeps it: a Parc sheet and an Organisation
    sheet."""
    org = [["Collectivité", name]] if name is not None else []
    org += [["Nombre d'agents", agents]] if agents is not None else []
    org += [["Population", population]] if population is not None else []
    parc = [["Type d'équipement", "Quantité", "Date d'achat"],
            ["PC portable", laptops, "2023-03-01"]]
    if screens:
        parc.append(["Écran", screens, "2022-06-01"])
    sheets = {"Parc": parc}
    if org:
        sheets["Organisation"] = org
    return write_xlsx(path, sheets)


def run(*args, **kw) -> subprocess.CompletedProcess:
    return subprocess.run([str(ENRT), *map(str, args)], capture_output=True, text=True,
                          timeout=300, **kw)


@pytest.fixture()
def communes(tmp_path) -> Path:
    d = tmp_path / "communes"
    d.mkdir()
    commune(d / "a-belleville.xlsx", "Belleville", 85, 9500, 40, 30)
    commune(d / "b-montfort.xlsx", "Montfort", 30, 2100, 12)
    commune(d / "c-sansnom.xlsx", None, None, None, 5)
    (d / "d-casse.xlsx").write_bytes(b"not a workbook")             # broken
    (d / "e-copie.xlsx").write_bytes((d / "b-montfort.xlsx").read_bytes())   # duplicate
    (d / "notes.txt").write_text("not an inventory")              # not picked up
    return d


def test_folder_with_a_broken_file_and_a_duplicate(communes, tmp_path):
    out = tmp_path / "rapports"
    res = run("batch", communes, "-o", out, "--year", YEAR, "-f", "json", "-f", "csv",
              "--jobs", "2", "--name", "CC du Val", "--lang", "fr")
    assert res.returncode == 1, res.stderr                  # some failed, not all
    names = sorted(p.name for p in out.iterdir())
    assert names == sorted(["Belleville.json", "Belleville.csv", "Montfort.json",
                            "Montfort.csv", "c-sansnom.json", "c-sansnom.csv",
                            "synthese.json", "synthese.csv", "ensemble.json"])
    summary = json.loads((out / "synthese.json").read_text(encoding="utf-8"))
    rows = {Path(r["file"]).name: r for r in summary["communes"]}
    assert rows["d-casse.xlsx"]["status"] == "failed"
    assert "d-casse.xlsx" in rows["d-casse.xlsx"]["error"]
    assert rows["e-copie.xlsx"]["status"] == "failed"
    assert "b-montfort.xlsx" in rows["e-copie.xlsx"]["error"]        # same content as
    assert summary["failed"] == 2
    # each commune's figures are those `enrt assess` gives for its file alone
    for file, name in (("a-belleville.xlsx", "Belleville"), ("b-montfort.xlsx", "Montfort"),
                       ("c-sansnom.xlsx", "c-sansnom")):
        alone = json.loads(run("assess", communes / file, "--year", YEAR, "-f", "json").stdout)
        mine = json.loads((out / f"{name}.json").read_text(encoding="utf-8"))
        assert mine == alone
        assert rows[file]["gwp_total_kg"] == pytest.approx(alone["totals"]["gwp"]["total"])
        assert rows[file]["rows_assessed"] == alone["inputs"][0]["rows_assessed"]
    bel = rows["a-belleville.xlsx"]
    assert bel["gwp_per_agent_kg"] == pytest.approx(bel["gwp_total_kg"] / 85)
    assert bel["gwp_per_inhabitant_kg"] == pytest.approx(bel["gwp_total_kg"] / 9500)
    # rank per agent among those that give agents; none for the one that does not
    mon = rows["b-montfort.xlsx"]
    ranks = sorted([(bel["gwp_per_agent_kg"], "bel"), (mon["gwp_per_agent_kg"], "mon")],
                   reverse=True)
    assert {"bel": bel["rank_per_agent"], "mon": mon["rank_per_agent"]} == \
        {ranks[0][1]: 1, ranks[1][1]: 2}
    assert rows["c-sansnom.xlsx"]["rank_per_agent"] is None
    # the aggregate: the sum of the three, per agent only when every commune gives agents
    agg = summary["aggregate"]
    total = sum(rows[f]["gwp_total_kg"] for f in ("a-belleville.xlsx", "b-montfort.xlsx",
                                                  "c-sansnom.xlsx"))
    assert agg["gwp_total_kg"] == pytest.approx(total)
    assert agg["name"] == "CC du Val" and agg["communes"] == 3
    assert agg["agents"] is None and agg["gwp_per_agent_kg"] is None
    whole = json.loads((out / "ensemble.json").read_text(encoding="utf-8"))
    assert whole["totals"]["gwp"]["total"] == pytest.approx(total)
    assert len(whole["by_input"]) == 3
    # the French CSV: `;`, decimal comma, a BOM
    text = (out / "synthese.csv").read_bytes().decode("utf-8")
    assert text.startswith("\ufeffcommune;file;status;gwp_total_kg")
    assert ";Belleville;" not in text and text.count("\r\n") == 6
    # stderr: a line per commune, failures with their hint
    assert "✗ " in res.stderr and "d-casse.xlsx" in res.stderr and "correction" in res.stderr
    assert "✓ Belleville" in res.stderr


def test_aggregate_per_agent_and_per_inhabitant_of_the_whole(tmp_path):
    d = tmp_path / "c"
    d.mkdir()
    commune(d / "x.xlsx", "X", 10, 1000, 10)
    commune(d / "y.xlsx", "Y", 30, 3000, 20)
    result = batch([d], AssessOptions(year=2025), aggregate_name="Ensemble")
    gwp = [c.report.totals["gwp"].total for c in result.communes]
    agg = result.aggregate
    assert agg.totals["gwp"].total == pytest.approx(sum(gwp))
    assert agg.organisation["agents"] == 40 and agg.organisation["population"] == 4000
    assert agg.indicators["gwp_per_agent_kg"]["value"] == pytest.approx(sum(gwp) / 40)


def test_all_failed_exits_2_and_bad_options_too(tmp_path):
    d = tmp_path / "c"
    d.mkdir()
    (d / "casse.xlsx").write_bytes(b"nope")
    res = run("batch", d, "-o", tmp_path / "out", "--year", YEAR)
    assert res.returncode == 2 and "casse.xlsx" in res.stderr
    res = run("batch", d, "-o", tmp_path / "out", "-f", "table")
    assert res.returncode == 2 and "Error:" in res.stderr and "Traceback" not in res.stderr
    empty = tmp_path / "vide"
    empty.mkdir()
    res = run("batch", empty, "-o", tmp_path / "out")
    assert res.returncode == 2 and "no inventory file" in res.stderr
    (tmp_path / "file").write_text("x")
    commune(d / "ok.xlsx", "Ok", 1, 1, 1)
    res = run("batch", d, "-o", tmp_path / "file")
    assert res.returncode == 2 and "is a file" in res.stderr


@pytest.mark.parametrize("text,name", [
    ("Saint-Exemple", "Saint-Exemple"), ("../../etc/passwd", "_etc_passwd"),
    ("a/b\\c:d*e?f\"g<h>i|j", "a_b_c_d_e_f_g_h_i_j"), ("  .cachée.  ", "cachée"),
    ("CON", "_CON"), ("nul.txt", "_nul.txt"), ("..", "commune"), ("\x00\x1b", "commune"),
    ("x" * 300, "x" * 100), ("Ville\u202eevil", "Ville evil")])
def test_safe_names(text, name):
    assert safe_name(text) == name


def test_names_collide_or_escape(tmp_path):
    d = tmp_path / "c"
    d.mkdir()
    commune(d / "1.xlsx", "../../dehors", 1, 1, 1)
    commune(d / "2.xlsx", "Mairie", 1, 1, 2)
    commune(d / "3.xlsx", "MAIRIE", 1, 1, 3)
    commune(d / "4.xlsx", "summary", 1, 1, 4)
    commune(d / "5.xlsx", "5", 1, 1, 5)            # the name of its own input file
    out = d                                         # reports beside the inputs
    res = run("batch", d, "-o", out, "--year", YEAR, "-f", "xlsx", "-f", "json",
              "--lang", "en")
    assert res.returncode == 0, res.stderr
    names = {p.name for p in out.iterdir()}
    assert {"_dehors.json", "Mairie.json", "MAIRIE (2).json", "summary (2).json",
            "5 (2).xlsx", "summary.json", "aggregate.json"} <= names
    assert not (tmp_path / "dehors.json").exists()
    # the inputs are untouched
    assert json.loads((out / "5 (2).json").read_text())["inputs"][0]["path"].endswith("5.xlsx")
    for i in range(1, 6):
        assert (d / f"{i}.xlsx").read_bytes()[:2] == b"PK"


def test_same_bytes_for_any_jobs(communes, tmp_path):
    outs = []
    for jobs in (1, 2):
        out = tmp_path / f"j{jobs}"
        res = run("batch", communes, "-o", out, "--year", YEAR, "--jobs", jobs, "-f", "json",
                  "-f", "csv", "-f", "md", "-f", "html", "-f", "xlsx", "--name", "CC")
        assert res.returncode == 1, res.stderr
        outs.append({p.name: p.read_bytes() for p in sorted(out.iterdir())})
    assert outs[0].keys() == outs[1].keys() and len(outs[0]) > 10
    for name in outs[0]:
        assert outs[0][name] == outs[1][name], name


def test_dask_cluster_gives_the_same_reports(communes, tmp_path):
    distributed = pytest.importorskip("distributed")
    local = tmp_path / "local"
    assert run("batch", communes, "-o", local, "--year", YEAR, "-j", "2", "-f", "json",
               "-f", "csv").returncode == 1
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=False,
                                  protocol="tcp", dashboard_address=None) as cluster:
        out = tmp_path / "dask"
        res = run("batch", communes, "-o", out, "--year", YEAR, "--scheduler",
                  cluster.scheduler_address, "-f", "json", "-f", "csv")
        assert res.returncode == 1, res.stderr
    for p in sorted(local.iterdir()):
        assert (out / p.name).read_bytes() == p.read_bytes(), p.name
    res = run("batch", communes, "-o", tmp_path / "x", "--scheduler", "tcp://127.0.0.1:9")
    assert res.returncode == 2 and "cannot reach the Dask scheduler" in res.stderr


def test_interrupted_batch_leaves_whole_files_only(tmp_path):
    d = tmp_path / "c"
    d.mkdir()
    for i in range(60):
        commune(d / f"{i:02d}.xlsx", f"Commune {i:02d}", 10, 100, 5 + i)
    out = tmp_path / "out"
    proc = subprocess.Popen([str(ENRT), "batch", str(d), "-o", str(out), "--year", YEAR,
                             "-f", "json", "-f", "xlsx", "-j", "2"], stderr=subprocess.PIPE,
                            stdout=subprocess.PIPE, text=True)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and not (out.exists() and any(out.glob("*.json"))):
        time.sleep(0.01)
    proc.send_signal(signal.SIGINT)
    _, err = proc.communicate(timeout=60)
    assert proc.returncode == 130, err
    assert "interrupted" in err and "Traceback" not in err
    files = sorted(out.iterdir())
    assert files and not (out / "summary.json").exists()
    for p in files:
        assert not p.name.startswith("."), p           # no temp file left
        if p.suffix == ".json":
            json.loads(p.read_text(encoding="utf-8"))  # whole
        elif p.suffix == ".xlsx":
            openpyxl.load_workbook(p, read_only=True).close()
    # a commune's formats are written one after the other: the one cut may lack the last
    done = {p.stem for p in files if p.suffix == ".json"}
    assert {p.stem for p in files if p.suffix == ".xlsx"} <= done
    assert "of 60" in err


def test_library_events(communes):
    from enrt.batch import Done, Reading, Started, iter_batch
    events = list(iter_batch([communes], AssessOptions(year=2025)))
    assert isinstance(events[0], Started) and events[0].total == 5
    done = [e for e in events if isinstance(e, Done)]
    assert [e.done for e in done] == [1, 2, 3, 4, 5]
    assert {e.commune.index for e in done} == set(range(5))
    # every commune is read but the duplicate (it fails before, being the same content)
    assert [e.path for e in events if isinstance(e, Reading)] == \
        [str(communes / f) for f in ("a-belleville.xlsx", "b-montfort.xlsx", "c-sansnom.xlsx",
                                     "d-casse.xlsx")]


def test_progress_lines_with_verbose_without_a_terminal(communes, tmp_path):
    res = run("batch", communes, "-o", tmp_path / "o", "--year", YEAR, "-v", "-j", "1")
    assert "[5/5]" in res.stderr
    quiet = run("batch", communes, "-o", tmp_path / "q", "--year", YEAR, "-q")
    assert quiet.stderr == "" and quiet.returncode == 1
    assert os.listdir(tmp_path / "q")


def test_progress_bar_at_a_terminal(communes, tmp_path):
    """stderr a terminal: rich draws the bar (done / total, elapsed); it is cleared at the
    end, leaving the lines per commune."""
    import pty
    leader, follower = pty.openpty()
    proc = subprocess.Popen([str(ENRT), "batch", str(communes), "-o", str(tmp_path / "o"),
                             "--year", YEAR, "-j", "1", "--lang", "en"],
                            stdout=subprocess.DEVNULL, stderr=follower,
                            env={**os.environ, "COLUMNS": "100", "TERM": "xterm"})
    os.close(follower)
    chunks = []
    while True:
        try:
            data = os.read(leader, 65536)
        except OSError:
            break
        if not data:
            break
        chunks.append(data)
    proc.wait(timeout=120)
    os.close(leader)
    shown = b"".join(chunks).decode("utf-8", "replace")
    assert proc.returncode == 1
    assert "Reading" in shown and "/5" in shown and "0:00:0" in shown    # bar: n/5, elapsed
    assert "✓ Belleville" in shown and "d-casse.xlsx" in shown


def test_the_help_lists_the_formats_batch_writes():
    from enrt.batch_output import BATCH_FORMATS
    from enrt.cli.batch import FORMATS_SHOWN
    assert FORMATS_SHOWN == "|".join(BATCH_FORMATS)
