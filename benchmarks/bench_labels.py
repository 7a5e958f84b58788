"""Distinct unknown labels: the cost of matching, suggesting and reporting bad labels.

    python benchmarks/bench_labels.py --rows 200000 --runs 3

Writes two CSVs of ``--rows`` rows into benchmarks/data/: one where every label is a
distinct unknown word (each gets its own match, rapidfuzz suggestion and rejection
issue), one with known labels. Runs the installed ``enrt assess`` on both and prints
the wall times, their ratio and the cost per distinct unknown label.
"""
from __future__ import annotations

import argparse
import os
import random
import statistics
import string
import subprocess
import sys
import time
from pathlib import Path

DATA = Path(os.environ.get("ENRT_BENCH_DATA") or Path(__file__).resolve().parent / "data")
KNOWN = ["PC portable", "Ecran 24 pouces", "Unité centrale", "Copieur", "Smartphone"]


def write(path: Path, rows: int, unknown: bool) -> None:
    rnd = random.Random(7)
    with open(path, "w", encoding="utf-8") as fh:
        fh.write("Type;Qté\n")
        for i in range(rows):
            if unknown:
                word = "".join(rnd.choice(string.ascii_lowercase) for _ in range(rnd.randint(5, 12)))
                fh.write(f"{word} {i};1\n")
            else:
                fh.write(f"{KNOWN[i % len(KNOWN)]};1\n")


def timed(enrt: str, path: Path) -> float:
    t = time.perf_counter()
    p = subprocess.run([enrt, "assess", str(path), "--year", "2025", "-f", "json", "-o",
                        str(path.with_suffix(".json")), "-q"], capture_output=True, text=True)
    if p.returncode not in (0, 1):     # 1: all labels unknown, nothing assessed
        sys.exit(f"enrt failed on {path}: {p.stderr.strip()}")
    return time.perf_counter() - t


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--rows", type=int, default=200_000)
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--enrt", default=str(Path(sys.executable).parent / "enrt"))
    a = ap.parse_args()
    DATA.mkdir(exist_ok=True)
    bad, good = DATA / f"labels-unknown-{a.rows}.csv", DATA / f"labels-known-{a.rows}.csv"
    write(bad, a.rows, True)
    write(good, a.rows, False)
    tb, tg = [], []
    for _ in range(a.runs):
        tb.append(timed(a.enrt, bad))
        tg.append(timed(a.enrt, good))
    mb, mg = statistics.median(tb), statistics.median(tg)
    print(f"{a.rows} distinct unknown labels: median {mb:.2f} s {[round(x, 2) for x in tb]}")
    print(f"{a.rows} known labels:            median {mg:.2f} s {[round(x, 2) for x in tg]}")
    print(f"ratio {mb / mg:.2f}; {(mb - mg) / a.rows * 1e6:.1f} us per distinct unknown label")


if __name__ == "__main__":
    main()
