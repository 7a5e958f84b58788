"""The benchmarks and the profiler run in a quick mode, so they cannot rot: each is run as
docs/performance.md shows it, on small generated inputs in a temporary folder."""
from __future__ import annotations

import os
import subprocess
import sys

import pytest

from .conftest import REPO

BENCH = REPO / "benchmarks"


def _run(tmp_path, script: str, *args: str) -> str:
    env = {**os.environ, "ENRT_BENCH_DATA": str(tmp_path / "data")}
    p = subprocess.run([sys.executable, str(BENCH / script), *args], capture_output=True,
                       text=True, env=env, cwd=tmp_path, timeout=300)
    assert p.returncode == 0, p.stderr[-3000:]
    return p.stdout


def test_profiler_times_the_pipeline_stages(tmp_path):
    out = _run(tmp_path, "profile_assess.py", "--input",
               str(REPO / "examples" / "inventaire-commune.xlsx"), "--repeat", "1", "--top", "5")
    for stage in ("pipeline.read", "pipeline.evaluate", "pipeline.build", "engine: row_weights",
                  "engine: ledger_of", "mapper.map_chunk"):
        assert stage in out
    assert "28 rows assessed" in out and "cProfile of the CLI call" in out


def test_engine_benchmark_quick(tmp_path):
    out = _run(tmp_path, "bench_compute.py", "--rows", "20000", "--runs", "1")
    assert "linear" in out and "numecoeval" in out and "rows/s" in out


@pytest.mark.parametrize("only", ["csv", "xlsx"])
def test_end_to_end_benchmark_quick(tmp_path, only):
    out = _run(tmp_path, "bench_assess.py", "--only", only, "--csv-rows", "3000",
               "--xlsx-rows", "1000", "--runs", "1", "--warmup", "0")
    assert "assess --format json -o tmp" in out
    assert ("inventaire-3000-" if only == "csv" else "calamine alone") in out


def test_label_benchmark_quick(tmp_path):
    out = _run(tmp_path, "bench_labels.py", "--rows", "500", "--runs", "1")
    assert "500 distinct unknown labels" in out and "us per distinct unknown label" in out


def test_render_benchmark_quick(tmp_path):
    out = _run(tmp_path, "bench_render.py", "--runs", "1")
    assert "In process" in out and "End to end" in out and "table" in out


def test_batch_benchmark_quick(tmp_path):
    out = _run(tmp_path, "bench_batch.py", "--communes", "4", "--rows", "200")
    assert "enrt batch --jobs 2" in out and "shell loop" in out
    assert "byte-identical: True" in out and "peak memory" in out


def test_startup_benchmark_quick(tmp_path):
    out = _run(tmp_path, "bench_startup.py", "--rounds", "1")
    assert "enrt --version" in out and "enrt --help" in out and "targets:" in out


def test_uncertainty_benchmark_quick(tmp_path):
    out = _run(tmp_path, "bench_uncertainty.py", "--csv-rows", "3000", "--runs", "1")
    assert "example" in out and "inventaire-3000-" in out and "added" in out
