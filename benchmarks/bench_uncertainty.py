"""What ``--uncertainty`` (10,000 draws) adds to ``enrt assess`` (issue 13).

    python benchmarks/bench_uncertainty.py                   # example + 1M-row CSV, 5 rounds
    python benchmarks/bench_uncertainty.py --csv-rows 3000 --runs 1

Each round runs ``enrt assess FILE --year 2025 -f json -o tmp -q`` without and with
``--uncertainty``, one after the other, for the example workbook and the generated CSV;
the added time is the difference of the medians. Targets: at most 0.3 s added on the
example, 0.5 s on the 1M-row CSV. The draws work on the ledger's sums, so the second
figure should be about the first.
"""
from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import generate  # noqa: E402
from bench_assess import find_enrt, run_child  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
TARGETS = {"example": 0.3, "csv": 0.5}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--csv-rows", type=int, default=generate.CSV_ROWS)
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--enrt")
    a = ap.parse_args()
    enrt = find_enrt(a.enrt)
    out = Path(tempfile.gettempdir()) / "enrt-bench-uncertainty.json"
    files = {"example": ROOT / "examples" / "inventaire-commune.xlsx",
             "csv": generate.ensure("csv", a.csv_rows)}
    walls = {(name, mc): [] for name in files for mc in (False, True)}
    for k in range(a.runs + 1):                    # the first round warms the caches
        for name, path in files.items():
            for mc in (False, True):
                cmd = [enrt, "assess", str(path), "--year", "2025", "-f", "json",
                       "-o", str(out), "-q"] + (["--uncertainty"] if mc else [])
                r = run_child(cmd)
                if k:
                    walls[(name, mc)].append(r["wall_s"])
    print(f"median of {a.runs} interleaved rounds, 10,000 draws")
    for name, path in files.items():
        base = statistics.median(walls[(name, False)])
        with_mc = statistics.median(walls[(name, True)])
        added = with_mc - base
        target = TARGETS[name]
        print(f"{name:<8} {path.name:<36} without {base:6.3f} s  with {with_mc:6.3f} s  "
              f"added {added:+.3f} s -> {'ok' if added <= target else 'MISSED'} "
              f"(<= {target:g} s)")


if __name__ == "__main__":
    main()
