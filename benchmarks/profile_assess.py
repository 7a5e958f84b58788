"""Where the time of ``enrt assess`` goes, on one input (default: the 1M-row CSV).

    python benchmarks/profile_assess.py                     # stage timers (x3) + cProfile
    python benchmarks/profile_assess.py --input benchmarks/data/inventaire-200000-s2025.xlsx
    python benchmarks/profile_assess.py --no-cprofile

Two views, both in-process:

1. Stage timers (low overhead, the numbers to trust): the stages of ``enrt.pipeline``
   (read, evaluate, build: the very functions ``enrt assess`` runs) and of the CLI
   output, plus wrappers put around the per-chunk helpers of
   ``enrt.inventory.mapper`` (called ~20 times per million rows, so the wrappers cost
   nothing). Times are exclusive: a helper's time is not counted again in its caller.
   "reading rows" is what is left of ``_read_equipment`` once mapping and concat are
   taken out: the csv module / calamine iteration and the chunk lists.
2. cProfile of the whole CLI call (``enrt assess ... --format json -o tmp``): top functions
   by own time. cProfile inflates code that makes many small Python calls (``text()`` per
   cell...), so read its percentages as a ranking, not as a measurement.

(1) calls the pipeline's stages themselves, so it cannot drift from ``enrt assess``.
"""
from __future__ import annotations

import argparse
import cProfile
import functools
import gc
import io
import json
import pstats
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import generate  # noqa: E402

YEAR = 2025


class Timers:
    """Exclusive and inclusive seconds per name, nesting-aware."""

    def __init__(self):
        self.excl: dict[str, float] = {}
        self.calls: dict[str, int] = {}
        self.order: list[str] = []
        self._stack: list[list] = []
        self.gc_time: dict[int, float] = {}
        self.gc_count: dict[int, int] = {}

    def wrap(self, name: str, fn):
        @functools.wraps(fn)
        def inner(*a, **k):
            frame = [name, time.perf_counter(), 0.0]      # name, start, child time
            self._stack.append(frame)
            try:
                return fn(*a, **k)
            finally:
                self._stack.pop()
                total = time.perf_counter() - frame[1]
                self._add(name, total - frame[2])
                if self._stack:
                    self._stack[-1][2] += total
        return inner

    def _add(self, name, dt):
        if name not in self.excl:
            self.order.append(name)
        self.excl[name] = self.excl.get(name, 0.0) + dt
        self.calls[name] = self.calls.get(name, 0) + 1

    def gc_callback(self, phase, info):
        """Cyclic-GC pauses, counted apart (they land in whichever step triggers them)."""
        if phase == "start":
            self._gc_start = time.perf_counter()
        else:
            g = info["generation"]
            self.gc_time[g] = self.gc_time.get(g, 0.0) + time.perf_counter() - self._gc_start
            self.gc_count[g] = self.gc_count.get(g, 0) + 1

    def stage(self, name, fn, *a, **k):
        return self.wrap(name, fn)(*a, **k)


def patch(timers: Timers) -> None:
    """Wrap the per-file and per-chunk helpers where their callers look them up. A name
    that no longer exists raises AttributeError: the profiler fails, it does not rot."""
    from enrt.inventory import csv_text, mapper, reader, sources, workbook_scan
    from enrt.fleet import Fleet
    for name in ("categories", "skip_rows", "unlabelled_sums", "_dates", "_number",
                 "_condition", "_energy", "_country", "_room", "parse_column"):
        setattr(mapper, name, timers.wrap(f"mapper.{name}", getattr(mapper, name)))
    mapper._Rejections.add = timers.wrap("mapper._Rejections.add", mapper._Rejections.add)
    mapper._Rejections.issues = timers.wrap("mapper._Rejections.issues",
                                            mapper._Rejections.issues)
    reader.map_chunk = timers.wrap("mapper.map_chunk (rest: column lists, entity/site codes, "
                                   "keep/Fleet)", reader.map_chunk)
    reader._read_table = timers.wrap("reader._read_table: reading rows (csv/calamine "
                                     "iteration, chunk lists)", reader._read_table)
    reader.file_sha256 = timers.wrap("reader.file_sha256", reader.file_sha256)
    reader.open_inventory = timers.wrap("sources.open_inventory", reader.open_inventory)
    sources.examine = timers.wrap("csv_text.examine (encoding, line lengths)",
                                  csv_text.examine)
    sources.scan = timers.wrap("workbook_scan.scan (extent, limits)", workbook_scan.scan)
    reader.read_inventory = timers.wrap("reader.read_inventory (rest: header scan)",
                                        reader.read_inventory)
    import enrt.pipeline
    enrt.pipeline.read_inventory = reader.read_inventory
    Fleet.concat = staticmethod(timers.wrap("Fleet.concat", Fleet.concat))


def stage_timers(path: Path) -> tuple[Timers, float, float, int]:
    t0 = time.perf_counter()
    import enrt.cli.main  # noqa: F401  (what the CLI imports: typer, rich, pydantic...)
    from enrt import ledger, pipeline
    from enrt.factors import load_factor_set
    from enrt.options import AssessOptions
    from enrt.output import write_text
    from enrt.report.headline import render_summary
    from enrt.report.render_table import render_table
    imports = time.perf_counter() - t0

    tm = Timers()
    patch(tm)
    gc.callbacks.append(tm.gc_callback)
    pipeline.row_weights = tm.wrap("engine: row_weights", pipeline.row_weights)
    pipeline.ledger_of = tm.wrap("engine: ledger_of (rest: sums by input)", ledger.ledger_of)
    ledger.line_sums = tm.wrap("engine: line_sums (entities, sites, projects)",
                               ledger.line_sums)
    total0 = time.perf_counter()
    fs = tm.stage("factors: load", load_factor_set, None)
    reading = tm.stage("pipeline.read (rest: options, arrays, matcher, Fleet.concat)",
                       pipeline.read, [path], AssessOptions(year=YEAR), fs)
    evaluation = tm.stage("pipeline.evaluate (rest: rooms, meters)", pipeline.evaluate,
                          reading)
    report = tm.stage("pipeline.build (report from the ledger)", pipeline.build, evaluation,
                      fs, reading.fa)
    content = tm.stage("Report.to_json (pydantic)", report.to_json)
    out = Path(tempfile.gettempdir()) / "enrt-profile.json"
    tm.stage("output.write_text (json)", write_text, str(out), content)
    tm.stage("render_summary", render_summary, report)
    assess_total = time.perf_counter() - total0
    gc.callbacks.remove(tm.gc_callback)
    tm.stage("render_table (table output only)", render_table, report, color=False,
             max_issues=10)
    return tm, imports, assess_total, len(reading.fleet)


def timers_record(tm: Timers, imports: float, total: float, n: int) -> dict:
    steps = {"imports (enrt.cli.main: typer, rich, pydantic, numpy, ...)": imports,
             **tm.excl}
    return {"rows": n, "imports": imports, "pipeline": total, "steps": steps,
            "calls": {"imports (enrt.cli.main: typer, rich, pydantic, numpy, ...)": 1,
                      **tm.calls},
            "gc": {f"gen{g}": [tm.gc_count[g], tm.gc_time[g]] for g in sorted(tm.gc_time)}}


def print_timers(recs: list[dict]) -> None:
    """Median over runs of each step's exclusive time."""
    med = statistics.median
    grand = med(r["imports"] + r["pipeline"] for r in recs)
    steps = {k: med(r["steps"].get(k, 0.0) for r in recs) for k in recs[0]["steps"]}
    print(f"\nStage timers, json output ({recs[0]['rows']:,} rows assessed), median of "
          f"{len(recs)} fresh processes: imports + pipeline = {grand:.2f} s "
          "(runs: " + ", ".join(f"{r['imports'] + r['pipeline']:.2f}" for r in recs) + ")")
    print(f"{'step':<78} {'s':>6} {'%':>6} {'calls':>6}  runs")
    for name in sorted(steps, key=lambda k: -steps[k]):
        pct = "" if name.startswith("render_table") else f"{100 * steps[name] / grand:5.1f}%"
        runs = " ".join(f"{r['steps'].get(name, 0.0):.2f}" for r in recs)
        print(f"{name:<78} {steps[name]:6.2f} {pct:>6} {recs[0]['calls'][name]:>6}  {runs}")
    for g in recs[0]["gc"]:
        print(f"cyclic GC {g} pauses (inside the steps above): "
              f"{med(r['gc'][g][0] for r in recs if g in r['gc']):.0f} collections, "
              f"{med(r['gc'][g][1] for r in recs if g in r['gc']):.2f} s")


def cprofile_cli(path: Path, top: int) -> None:
    from enrt.cli.main import run
    out = Path(tempfile.gettempdir()) / "enrt-profile-cli.json"
    argv = sys.argv
    sys.argv = ["enrt", "assess", str(path), "--year", str(YEAR), "--format", "json",
                "-o", str(out), "-q"]
    prof = cProfile.Profile()
    try:
        prof.enable()
        try:
            run()
        except SystemExit as exc:
            if exc.code not in (0, None):
                raise
        finally:
            prof.disable()
    finally:
        sys.argv = argv
    buf = io.StringIO()
    st = pstats.Stats(prof, stream=buf)
    total = st.total_tt
    print(f"\ncProfile of the CLI call (json output): {total:.2f} s under the profiler; "
          f"top {top} by own time")
    print(f"{'own s':>7} {'own %':>6} {'cum s':>7} {'calls':>10}  function")
    rows = sorted(st.stats.items(), key=lambda kv: -kv[1][2])[:top]
    for (file, line, func), (cc, nc, tt, ct, _) in rows:
        short = file.split("/src/")[-1] if "/src/" in file else file.split("/")[-1]
        print(f"{tt:7.2f} {100 * tt / total:5.1f}% {ct:7.2f} {nc:>10}  {short}:{line}({func})")


def main() -> None:
    ap = argparse.ArgumentParser(description="profile one enrt assess run")
    ap.add_argument("--input", help="inventory file (default: the generated 1M-row CSV)")
    ap.add_argument("--top", type=int, default=25)
    ap.add_argument("--no-cprofile", action="store_true")
    ap.add_argument("--repeat", type=int, default=3, help="stage-timer runs (median)")
    ap.add_argument("--cprofile-only", action="store_true", help=argparse.SUPPRESS)
    ap.add_argument("--stages-only", action="store_true", help=argparse.SUPPRESS)
    a = ap.parse_args()
    path = Path(a.input) if a.input else generate.ensure("csv", generate.CSV_ROWS)
    if a.cprofile_only:
        cprofile_cli(path, a.top)
        return
    if a.stages_only:
        print(json.dumps(timers_record(*stage_timers(path))))
        return
    recs = []
    for _ in range(a.repeat):         # each in a fresh process: cold imports, no leftovers
        out = subprocess.run([sys.executable, __file__, "--stages-only", "--input", str(path)],
                             check=True, capture_output=True, text=True).stdout
        recs.append(json.loads(out.splitlines()[-1]))
    print_timers(recs)
    if not a.no_cprofile:             # in a fresh process: no wrappers, cold imports
        sys.stdout.flush()
        subprocess.run([sys.executable, __file__, "--cprofile-only", "--input", str(path),
                        "--top", str(a.top)], check=True)


if __name__ == "__main__":
    main()
