"""Throughput of the engine alone: the pipeline's evaluate step (``row_weights``, then
``ledger_of``: sums by input, category and country, and entity/site/project lines) on a
synthetic Fleet.

    python benchmarks/bench_compute.py                     # 10M rows, 5 runs, both methods
    python benchmarks/bench_compute.py --rows 2000000 --runs 7 --json out.json

The Fleet is built directly with numpy (no file reading): random categories over all
24, quantities (80 % are 1), purchase dates 2012-2025 (3 % unknown), 2 % withdrawal
dates, 10 % refurbished and 1 % reused, 5 % with a given kWh, 5 % with a given
lifetime, 2 % with a PUE, a few countries (90 % FRA) and 200 entities. One timed run is
``row_weights`` then ``ledger_of``, as ``enrt.pipeline.evaluate`` runs them.
Target (docs/performance.md): >= 10 million rows per second.
"""
from __future__ import annotations

import argparse
import json
import os
import platform
import statistics
import sys
import time

import numpy as np

from enrt.compute import METHODS, row_weights
from enrt.factors import build_arrays, load_factor_set
from enrt.fleet import DEFAULT, INPUT, NEW, REFURBISHED, REUSED, Fleet
from enrt.ledger import ledger_of

YEAR = 2025
TARGET_ROWS_PER_S = 10_000_000


def make_fleet(n: int, fa, seed: int = 2025, n_entities: int = 200) -> Fleet:
    rng = np.random.default_rng(seed)
    n_cat = len(fa.categories)
    category = rng.integers(0, n_cat, size=n).astype(np.int16)
    quantity = np.where(rng.random(n) < 0.8, 1.0, rng.integers(2, 60, size=n).astype(float))
    lo = np.datetime64("2012-01-01", "D").astype(np.int64)
    hi = np.datetime64("2025-12-31", "D").astype(np.int64)
    days = rng.integers(lo, hi + 1, size=n)
    purchase = days.astype("datetime64[D]")
    purchase[rng.random(n) < 0.03] = np.datetime64("NaT")
    withdrawal = np.full(n, np.datetime64("NaT"), "datetime64[D]")
    wd = (rng.random(n) < 0.02) & ~np.isnat(purchase)
    withdrawal[wd] = purchase[wd] + rng.integers(365, 3000, size=int(wd.sum()))
    lifetime = np.where(rng.random(n) < 0.05, rng.integers(3, 10, size=n).astype(float), np.nan)
    u = rng.random(n)
    condition = np.where(u < 0.10, REFURBISHED, np.where(u < 0.11, REUSED, NEW)).astype(np.int8)
    given = rng.random(n) < 0.05
    energy_kwh = np.where(given, rng.uniform(0, 500, size=n), np.nan)
    energy_src = np.where(given, INPUT, DEFAULT).astype(np.int8)
    cty = fa.country_index()
    choices = np.array([cty[c] for c in ("FRA", "DEU", "BEL", "ESP", "ITA") if c in cty])
    p = np.array([0.9] + [0.1 / (len(choices) - 1)] * (len(choices) - 1))
    country = rng.choice(choices, size=n, p=p).astype(np.int16)
    country_src = np.where(country == fa.default_country, DEFAULT, INPUT).astype(np.int8)
    pue = np.where(rng.random(n) < 0.02, rng.uniform(1.2, 2.5, size=n), np.nan)
    entity = rng.integers(1, n_entities + 1, size=n).astype(np.int32)
    return Fleet.from_columns(
        n, category=category, quantity=quantity, purchase=purchase, withdrawal=withdrawal,
        lifetime=lifetime, condition=condition, energy_kwh=energy_kwh, energy_src=energy_src,
        country=country, country_src=country_src, pue=pue, entity=entity,
        row_number=np.arange(2, n + 2, dtype=np.int32),
        entity_names=[""] + [f"Service {i:03d}" for i in range(1, n_entities + 1)],
    )


def run_once(fleet: Fleet, fa, method: str) -> dict[str, float]:
    t0 = time.perf_counter()
    w = row_weights(fleet, fa, YEAR, method)
    t1 = time.perf_counter()
    ledger_of(fleet, w, fa, YEAR, 1, method=method)
    t2 = time.perf_counter()
    return {"row_weights": t1 - t0, "ledger": t2 - t1, "total": t2 - t0}


def main() -> None:
    ap = argparse.ArgumentParser(description="enrt engine throughput")
    ap.add_argument("--rows", type=int, default=10_000_000)
    ap.add_argument("--runs", type=int, default=5, help="timed runs per method (median)")
    ap.add_argument("--seed", type=int, default=2025)
    ap.add_argument("--json", help="also write the results to this JSON file")
    a = ap.parse_args()

    fs = load_factor_set(None)
    fa = build_arrays(fs, YEAR)
    t = time.perf_counter()
    fleet = make_fleet(a.rows, fa, a.seed)
    print(f"built a Fleet of {a.rows:,} rows in {time.perf_counter() - t:.2f} s "
          f"(python {platform.python_version()}, numpy {np.__version__}, "
          f"{os.cpu_count()} cpu)", file=sys.stderr)

    results = {}
    for method in METHODS:
        run_once(fleet, fa, method)                          # warm-up, not counted
        runs = [run_once(fleet, fa, method) for _ in range(a.runs)]
        med = {k: statistics.median(r[k] for r in runs) for k in runs[0]}
        results[method] = {"median_s": med, "runs_total_s": [r["total"] for r in runs],
                           "rows_per_s": a.rows / med["total"]}

    print(f"\n{'method':<11} {'row_weights':>12} {'ledger':>9} "
          f"{'total':>9} {'rows/s':>14}  target >= {TARGET_ROWS_PER_S / 1e6:g}M")
    for method, r in results.items():
        m = r["median_s"]
        ok = "ok" if r["rows_per_s"] >= TARGET_ROWS_PER_S else "MISSED"
        print(f"{method:<11} {m['row_weights']:>11.3f}s {m['ledger']:>8.3f}s "
              f"{m['total']:>8.3f}s {r['rows_per_s'] / 1e6:>12.1f}M  {ok}")
    if a.json:
        with open(a.json, "w") as fh:
            json.dump({"rows": a.rows, "runs": a.runs, "python": platform.python_version(),
                       "numpy": np.__version__, "cpus": os.cpu_count(), "results": results},
                      fh, indent=2)


if __name__ == "__main__":
    main()
