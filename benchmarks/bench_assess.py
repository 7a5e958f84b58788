"""End-to-end ``enrt assess`` on generated inventories: median wall time and peak memory.

    python benchmarks/bench_assess.py                       # 1M-row CSV + 200k-row xlsx, 3 runs
    python benchmarks/bench_assess.py --only csv --runs 5 --json out.json

Runs the installed ``enrt`` command (next to this Python, else on PATH; or --enrt) as a
child process, once untimed to warm the page cache, then --runs times per case:

* CSV, 1M rows (French Excel: cp1252, ';', decimal comma, dd/mm/yyyy, title line):
  ``--format json -o <tmp>`` and the default table on stdout (sent to /dev/null), then
  (issue 12) the JSON run with each CSV reader (ENRT_CSV_READER=python, the default
  without pyarrow; =pyarrow, ``enrt[fast]``) against pyarrow's own CSV reader parsing the
  same file with its ';', decimal-comma and cp1252 options in a fresh process, one round
  of the three at a time. Targets: pyarrow reader <= 2 x pyarrow, csv module <= 3 x,
  peak RSS < 500 MB.
* xlsx, 200k rows (openpyxl write_only): the same two outputs, compared with
  python-calamine alone reading the sheet
  (``CalamineWorkbook.from_path(p).get_sheet_by_name(name).to_python()``), timed both as
  a fresh process (like for like with the enrt process) and inside the process.
  Target: enrt <= 1.25 x the calamine time (a fresh process).

Peak memory is the child's own ru_maxrss from os.wait4 (not the cumulative
RUSAGE_CHILDREN). Inputs come from generate.py and are cached in benchmarks/data/.
"""
from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import generate  # noqa: E402

YEAR = "2025"
CSV_TARGET_S, RSS_TARGET_MB, XLSX_RATIO_TARGET = 5.0, 500.0, 1.25
CSV_RATIO_TARGETS = {"pyarrow": 2.0, "python": 3.0}      # x pyarrow's own parse

PYARROW_SNIPPET = """
import sys, time
t = time.perf_counter()
import pyarrow.csv as pc
table = pc.read_csv(sys.argv[1],
                    read_options=pc.ReadOptions(encoding="cp1252", skip_rows=int(sys.argv[2])),
                    parse_options=pc.ParseOptions(delimiter=";"),
                    convert_options=pc.ConvertOptions(decimal_point=","))
print(time.perf_counter() - t, table.num_rows)
"""

CALAMINE_SNIPPET = """
import sys, time
t = time.perf_counter()
from python_calamine import CalamineWorkbook
rows = CalamineWorkbook.from_path(sys.argv[1]).get_sheet_by_name(sys.argv[2]).to_python()
print(time.perf_counter() - t, len(rows))
"""


def find_enrt(given: str | None) -> str:
    if given:
        return given
    beside = Path(sys.executable).parent / "enrt"
    if beside.exists():
        return str(beside)
    found = shutil.which("enrt")
    if not found:
        sys.exit("enrt command not found: install the project (pip install -e .) or pass --enrt")
    return found


def run_child(cmd: list[str], stdout=subprocess.DEVNULL) -> dict:
    """Run ``cmd``; wall seconds, the child's peak RSS (MB), stdout text if captured."""
    with tempfile.TemporaryFile() as err, tempfile.TemporaryFile() as out:
        t = time.perf_counter()
        proc = subprocess.Popen(cmd, stdout=out if stdout is None else stdout, stderr=err)
        _, status, usage = os.wait4(proc.pid, 0)
        wall = time.perf_counter() - t
        proc.returncode = os.waitstatus_to_exitcode(status)
        err.seek(0)
        out.seek(0)
        stderr = err.read().decode("utf-8", "replace")
        text = out.read().decode("utf-8", "replace")
    if proc.returncode != 0:
        sys.exit(f"command failed ({proc.returncode}): {' '.join(cmd)}\n{stderr}")
    return {"wall_s": wall, "max_rss_mb": usage.ru_maxrss / 1024, "stderr": stderr.strip(),
            "stdout": text, "user_s": usage.ru_utime, "sys_s": usage.ru_stime}


def series(cmd: list[str], runs: int, warmup: int = 1, stdout=subprocess.DEVNULL) -> dict:
    """Median wall and max peak RSS over ``runs`` runs after ``warmup`` untimed ones."""
    for _ in range(warmup):
        run_child(cmd, stdout)
    rs = [run_child(cmd, stdout) for _ in range(runs)]
    return {"cmd": " ".join(cmd), "wall_s": [r["wall_s"] for r in rs],
            "median_wall_s": statistics.median(r["wall_s"] for r in rs),
            "max_rss_mb": max(r["max_rss_mb"] for r in rs),
            "median_user_s": statistics.median(r["user_s"] for r in rs),
            "median_sys_s": statistics.median(r["sys_s"] for r in rs),
            "stderr": rs[-1]["stderr"], "stdouts": [r["stdout"] for r in rs]}


def enrt_cases(enrt: str, path: Path, runs: int, warmup: int) -> dict:
    out = Path(tempfile.gettempdir()) / f"enrt-bench-{path.stem}.json"
    res = {
        "json": series([enrt, "assess", str(path), "--year", YEAR, "--format", "json",
                        "-o", str(out)], runs, warmup),
        "table": series([enrt, "assess", str(path), "--year", YEAR], runs, warmup),
    }
    for k in ("json", "table"):
        res[k].pop("stdouts")
    report = json.loads(out.read_text(encoding="utf-8"))
    inp = report["inputs"][0]
    res["rows"] = {k: inp[k] for k in ("rows_read", "rows_assessed", "rows_rejected",
                                       "rows_skipped")}
    res["issue_counts"] = report["issue_counts"]
    res["json_bytes"] = out.stat().st_size
    return res


def csv_readers_case(enrt: str, path: Path, runs: int, warmup: int) -> dict:
    """Rounds of (pyarrow alone, enrt with each reader), interleaved so that each ratio
    compares runs minutes apart at most; ratios of the medians."""
    try:
        import pyarrow  # noqa: F401
    except ImportError:
        return {"skipped": "pyarrow is not installed (pip install 'enrt[fast]')"}
    out = Path(tempfile.gettempdir()) / f"enrt-bench-{path.stem}-readers.json"
    cmds = {"pyarrow alone": [sys.executable, "-c", PYARROW_SNIPPET, str(path),
                              str(generate.CSV_TITLE_LINES)]}
    for reader in CSV_RATIO_TARGETS:
        cmds[reader] = ["env", f"ENRT_CSV_READER={reader}", enrt, "assess", str(path),
                        "--year", YEAR, "--format", "json", "-o", str(out), "-q"]
    walls: dict[str, list] = {k: [] for k in cmds}
    rss: dict[str, float] = {k: 0.0 for k in cmds}
    for k in range(warmup + runs):
        for name, cmd in cmds.items():
            r = run_child(cmd, stdout=None)
            if k >= warmup:
                walls[name].append(r["wall_s"])
                rss[name] = max(rss[name], r["max_rss_mb"])
    med = {name: statistics.median(w) for name, w in walls.items()}
    return {"wall_s": walls, "median_wall_s": med, "max_rss_mb": rss,
            "ratio_to_pyarrow": {r: med[r] / med["pyarrow alone"] for r in CSV_RATIO_TARGETS}}


def calamine_case(path: Path, runs: int, warmup: int) -> dict:
    cmd = [sys.executable, "-c", CALAMINE_SNIPPET, str(path), generate.SHEET]
    s = series(cmd, runs, warmup, stdout=None)
    outs = [o.split() for o in s.pop("stdouts")]
    s["in_process_s"] = [float(o[0]) for o in outs]          # the read alone, no startup
    s["median_in_process_s"] = statistics.median(s["in_process_s"])
    s["rows"] = int(outs[-1][1])
    return s


def fmt_case(name: str, s: dict) -> str:
    return (f"{name:<34} median {s['median_wall_s']:6.2f} s  runs "
            f"[{', '.join(f'{w:.2f}' for w in s['wall_s'])}]  max RSS {s['max_rss_mb']:6.0f} MB")


def main() -> None:
    ap = argparse.ArgumentParser(description="enrt assess end-to-end benchmark")
    ap.add_argument("--csv-rows", type=int, default=generate.CSV_ROWS)
    ap.add_argument("--xlsx-rows", type=int, default=generate.XLSX_ROWS)
    ap.add_argument("--seed", type=int, default=generate.SEED)
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--warmup", type=int, default=1)
    ap.add_argument("--only", choices=("csv", "xlsx"))
    ap.add_argument("--enrt", help="path of the enrt command")
    ap.add_argument("--json", help="also write the results to this JSON file")
    a = ap.parse_args()
    enrt = find_enrt(a.enrt)
    results: dict = {"machine": {"cpus": os.cpu_count(), "python": platform.python_version(),
                                 "platform": platform.platform(), "enrt": enrt,
                                 "loadavg_start": os.getloadavg()}}
    startup = series([enrt, "--version"], a.runs, a.warmup)
    startup.pop("stdouts")
    results["startup"] = startup
    print(fmt_case("enrt --version (startup)", startup))

    if a.only in (None, "csv"):
        path = generate.ensure("csv", a.csv_rows, a.seed)
        r = enrt_cases(enrt, path, a.runs, a.warmup)
        results["csv"] = {"file": str(path), "bytes": path.stat().st_size, **r}
        print(f"\nCSV {path.name} ({path.stat().st_size / 1e6:.1f} MB): {r['rows']}")
        print(fmt_case("assess --format json -o tmp", r["json"]))
        print(fmt_case("assess (table > /dev/null)", r["table"]))
        for k in ("json", "table"):
            ok_t = r[k]["median_wall_s"] <= CSV_TARGET_S
            ok_m = r[k]["max_rss_mb"] <= RSS_TARGET_MB
            print(f"  {k}: time {'ok' if ok_t else 'MISSED'} (<= {CSV_TARGET_S:g} s), "
                  f"memory {'ok' if ok_m else 'MISSED'} (<= {RSS_TARGET_MB:g} MB)")
        rd = csv_readers_case(enrt, path, a.runs, a.warmup)
        results["csv"]["readers"] = rd
        if "skipped" in rd:
            print(f"\nCSV readers: skipped, {rd['skipped']}")
        else:
            print("\nCSV readers against pyarrow's own parse (interleaved rounds):")
            for name, walls in rd["wall_s"].items():
                print(f"  {name:<14} median {rd['median_wall_s'][name]:6.2f} s  runs "
                      f"[{', '.join(f'{w:.2f}' for w in walls)}]  "
                      f"max RSS {rd['max_rss_mb'][name]:6.0f} MB")
            for reader, target in CSV_RATIO_TARGETS.items():
                ratio = rd["ratio_to_pyarrow"][reader]
                print(f"  ENRT_CSV_READER={reader}: {ratio:.2f} x pyarrow -> "
                      f"{'ok' if ratio <= target else 'MISSED'} (<= {target:g} x)")

    if a.only in (None, "xlsx"):
        path = generate.ensure("xlsx", a.xlsx_rows, a.seed)
        r = enrt_cases(enrt, path, a.runs, a.warmup)
        cal = calamine_case(path, a.runs, a.warmup)
        base = cal["median_wall_s"]
        r["ratio_to_calamine_process"] = {k: r[k]["median_wall_s"] / base for k in ("json", "table")}
        r["ratio_to_calamine_in_process"] = {k: r[k]["median_wall_s"] / cal["median_in_process_s"]
                                             for k in ("json", "table")}
        results["xlsx"] = {"file": str(path), "bytes": path.stat().st_size, "calamine": cal, **r}
        print(f"\nxlsx {path.name} ({path.stat().st_size / 1e6:.1f} MB): {r['rows']}")
        print(fmt_case("calamine alone (fresh process)", cal))
        print(f"{'calamine read, in process':<34} median {cal['median_in_process_s']:6.2f} s")
        print(fmt_case("assess --format json -o tmp", r["json"]))
        print(fmt_case("assess (table > /dev/null)", r["table"]))
        for k in ("json", "table"):
            ratio = r["ratio_to_calamine_process"][k]
            print(f"  {k}: {ratio:.2f} x calamine process, "
                  f"{r['ratio_to_calamine_in_process'][k]:.2f} x calamine in-process read "
                  f"-> {'ok' if ratio <= XLSX_RATIO_TARGET else 'MISSED'} "
                  f"(<= {XLSX_RATIO_TARGET:g} x)")

    results["machine"]["loadavg_end"] = os.getloadavg()
    if a.json:
        Path(a.json).write_text(json.dumps(results, indent=2), encoding="utf-8")


if __name__ == "__main__":
    main()
