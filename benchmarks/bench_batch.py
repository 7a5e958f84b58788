"""enrt batch against a shell loop of enrt assess, and --jobs 1 against --jobs 2.

    python benchmarks/bench_batch.py                       # 100 communes of 5,000 rows
    python benchmarks/bench_batch.py --communes 1000 --rows 200 --loop-sample 50
    python benchmarks/bench_batch.py --communes 6 --rows 300   # quick (the test suite)

Communes are generated once under benchmarks/data/batch-<n>x<rows>/ (ENRT_BENCH_DATA
overrides): the generator's xlsx layout (title lines, typed cells, a rooms sheet) plus an
Organisation sheet, each commune with its own seed. The three runs happen one after the
other in this one process, on the same files, JSON reports, the installed ``enrt``:

- loop: ``enrt assess FILE -f json -o OUT`` once per commune (``--loop-sample K``: on the
  first K communes, scaled to all of them);
- ``enrt batch DIR -o OUT -f json --jobs 1``, then ``--jobs 2``.

Peak memory is the largest sum of the resident sets of the command and all its child
processes, sampled every 100 ms from /proc (Linux; each sample reads every process's
stat file, so sampling faster would take a core from the batch it measures). Targets (issue 11): jobs 2 at least 1.7×
faster than jobs 1, jobs 1 at least 1.5× faster than the loop, peak memory under 1 GB.
"""
from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
from generate import DATA, SEED, write_xlsx  # noqa: E402

ENRT = str(Path(sys.executable).parent / "enrt")


def communes(n: int, rows: int) -> Path:
    folder = DATA / f"batch-{n}x{rows}"
    if folder.is_dir() and len(list(folder.glob("*.xlsx"))) == n:
        return folder
    folder.mkdir(parents=True, exist_ok=True)
    for i in range(n):
        write_xlsx(folder / f"commune-{i:04d}.xlsx", rows, SEED + i, organisation=[
            ["Collectivité", f"Commune {i:04d}"],
            ["Nombre d'agents", 20 + rows // 25 + i % 7],
            ["Population", 1000 + 37 * rows + 11 * i]])
    return folder


def _tree_rss(pid: int) -> int:
    """Resident bytes of ``pid`` and its descendants (Linux /proc)."""
    children: dict[int, list[int]] = {}
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                with open(f"/proc/{entry}/stat", "rb") as f:
                    ppid = int(f.read().rsplit(b")", 1)[1].split()[1])
            except (OSError, IndexError, ValueError):
                continue
            children.setdefault(ppid, []).append(int(entry))
    total, todo = 0, [pid]
    while todo:
        p = todo.pop()
        todo += children.get(p, [])
        try:
            with open(f"/proc/{p}/statm") as f:
                total += int(f.read().split()[1]) * os.sysconf("SC_PAGE_SIZE")
        except OSError:
            pass
    return total


def timed(cmd: list[str]) -> tuple[float, int]:
    """Wall seconds and peak resident bytes of the command's process tree."""
    peak = [0]
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    stop = threading.Event()

    def watch():
        while not stop.wait(0.1):
            peak[0] = max(peak[0], _tree_rss(proc.pid))
    watcher = threading.Thread(target=watch, daemon=True)
    watcher.start()
    _, err = proc.communicate()
    wall = time.perf_counter() - start
    stop.set()
    watcher.join()
    if proc.returncode not in (0, 1):
        sys.exit(f"{' '.join(cmd)} failed ({proc.returncode}): {err.decode()[-2000:]}")
    return wall, peak[0]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--communes", type=int, default=100)
    ap.add_argument("--rows", type=int, default=5000)
    ap.add_argument("--loop-sample", type=int, default=0,
                    help="time the shell loop on the first K communes only (0: all)")
    ap.add_argument("--year", default="2025")
    args = ap.parse_args()
    t0 = time.perf_counter()
    folder = communes(args.communes, args.rows)
    files = sorted(folder.glob("*.xlsx"))
    print(f"{len(files)} communes of {args.rows} rows in {folder} "
          f"(generated or found in {time.perf_counter() - t0:.1f} s)")
    work = Path(tempfile.mkdtemp(prefix="enrt-bench-batch-"))
    try:
        sample = files[:args.loop_sample] if args.loop_sample else files
        loop = work / "loop"
        loop.mkdir()
        start = time.perf_counter()
        peak_loop = 0
        for f in sample:
            _, peak = timed([ENRT, "assess", str(f), "--year", args.year, "-f", "json", "-q",
                             "-o", str(loop / (f.stem + ".json"))])
            peak_loop = max(peak_loop, peak)
        loop_wall = (time.perf_counter() - start) * len(files) / len(sample)
        results = {}
        for jobs in (1, 2):
            out = work / f"jobs{jobs}"
            results[jobs] = timed([ENRT, "batch", str(folder), "-o", str(out), "--year",
                                   args.year, "-f", "json", "--jobs", str(jobs), "-q"])
        same = all((work / "jobs1" / p.name).read_bytes() == p.read_bytes()
                   for p in (work / "jobs2").iterdir())
    finally:
        shutil.rmtree(work, ignore_errors=True)
    n = len(files)
    (w1, m1), (w2, m2) = results[1], results[2]
    print(f"shell loop of enrt assess: {loop_wall:7.2f} s  ({1000 * loop_wall / n:6.1f} ms per "
          f"commune{', sampled on %d' % len(sample) if len(sample) < n else ''}), "
          f"peak {peak_loop / 2**20:.0f} MB")
    print(f"enrt batch --jobs 1:       {w1:7.2f} s  ({1000 * w1 / n:6.1f} ms per commune), "
          f"peak {m1 / 2**20:.0f} MB")
    print(f"enrt batch --jobs 2:       {w2:7.2f} s  ({1000 * w2 / n:6.1f} ms per commune), "
          f"peak {m2 / 2**20:.0f} MB")
    print(f"jobs 2 vs jobs 1: {w1 / w2:.2f}x faster (target >= 1.7)")
    print(f"jobs 1 vs loop:   {loop_wall / w1:.2f}x faster (target >= 1.5)")
    print(f"peak memory, all processes: {max(m1, m2) / 2**20:.0f} MB (target < 1024)")
    print(f"jobs 1 and jobs 2 reports byte-identical: {same}")


if __name__ == "__main__":
    main()
