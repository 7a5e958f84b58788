"""What rendering each report format adds to ``enrt assess`` on the example.

    python benchmarks/bench_render.py                  # every available format, 7 runs
    python benchmarks/bench_render.py --runs 3 --input examples/inventaire-commune.xlsx

Two views:

1. In process: the report and the row table are built once; then ``render(report, FMT,
   ctx)`` is timed for each format (median of --runs), in French. This is the cost of
   the renderer alone.
2. End to end: ``enrt assess INPUT --year 2025 -o out.FMT`` against ``-o out.json`` as a
   fresh process each (median of --runs, interleaved), the difference is what a user
   waits for in addition (imports of openpyxl or WeasyPrint included).

Target (issue 10): a format adds at most 0.3 s to ``enrt assess`` on the example.
"""
from __future__ import annotations

import argparse
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TARGET_S = 0.3


def in_process(path: Path, runs: int) -> dict[str, float]:
    from enrt import pipeline
    from enrt.options import AssessOptions
    from enrt.report.render import RENDERERS, RenderContext, available, render
    report, rows = pipeline.run_with_rows([path], AssessOptions(year=2025), keep_rows=True)
    out = {}
    for fmt in RENDERERS:
        if not available(fmt):
            continue
        ctx = RenderContext(lang="fr", rows=rows)
        try:
            render(report, fmt, ctx)                      # warm: imports, caches
        except Exception as exc:                          # e.g. WeasyPrint not installed
            print(f"{fmt}: not measured ({exc})", file=sys.stderr)
            continue
        times = []
        for _ in range(runs):
            t = time.perf_counter()
            render(report, fmt, ctx)
            times.append(time.perf_counter() - t)
        out[fmt] = statistics.median(times)
    return out


def end_to_end(path: Path, formats: list[str], runs: int) -> dict[str, float]:
    enrt = str(Path(sys.executable).parent / "enrt")
    if not Path(enrt).exists():
        enrt = shutil.which("enrt") or sys.exit("enrt command not found")
    suffix = {"table": "txt", "md": "md"}
    times: dict[str, list[float]] = {f: [] for f in ["json", *formats]}
    with tempfile.TemporaryDirectory() as tmp:
        for _ in range(runs):
            for fmt in times:
                target = Path(tmp) / f"out.{suffix.get(fmt, fmt)}"
                t = time.perf_counter()
                subprocess.run([enrt, "assess", str(path), "--year", "2025", "-o", str(target),
                                "-q", "--lang", "fr"], check=True, capture_output=True)
                times[fmt].append(time.perf_counter() - t)
    return {f: statistics.median(v) for f, v in times.items()}


def main() -> None:
    ap = argparse.ArgumentParser(description="report rendering cost")
    ap.add_argument("--input", default=str(ROOT / "examples" / "inventaire-commune.xlsx"))
    ap.add_argument("--runs", type=int, default=7)
    a = ap.parse_args()
    path = Path(a.input)
    inproc = in_process(path, a.runs)
    print(f"In process, {path.name}, median of {a.runs} renders (fr):")
    for fmt, s in inproc.items():
        print(f"  {fmt:<6} {s * 1000:8.1f} ms")
    formats = [f for f in inproc if f != "json"]
    e2e = end_to_end(path, formats, a.runs)
    base = e2e["json"]
    print(f"\nEnd to end, enrt assess -o out.FMT, median of {a.runs} fresh processes "
          f"(json: {base:.2f} s):")
    for fmt in formats:
        extra = e2e[fmt] - base
        ok = "ok" if extra <= TARGET_S else "MISSED"
        print(f"  {fmt:<6} {e2e[fmt]:6.2f} s  adds {extra:+.2f} s  {ok} (<= {TARGET_S:g} s)")


if __name__ == "__main__":
    main()
