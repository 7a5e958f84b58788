"""Fixed cost: how long the enrt command takes before and around the work (issue 12, 1).

    python benchmarks/bench_startup.py              # 15 rounds
    python benchmarks/bench_startup.py --rounds 3   # quick (the test suite)

Each round runs every command once, in turn (interleaved, so a busy moment hits them
all alike); the median of the rounds is reported, with each command's ratio to a bare
``python -c pass`` and to ``python -c "import numpy"`` measured in the same run. Targets:
``enrt --version`` ≤ 2.5× python, ``enrt --help`` ≤ 6×, the example's JSON report ≤ 0.30 s
and ≤ 2.5× the numpy import.
"""
from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
PY = sys.executable
ENRT = str(Path(PY).parent / "enrt")
EXAMPLE = str(REPO / "examples" / "inventaire-commune.xlsx")

COMMANDS = {
    "python -c pass": [PY, "-c", "pass"],
    "python -c 'import numpy'": [PY, "-c", "import numpy"],
    "enrt --version": [ENRT, "--version"],
    "enrt --help": [ENRT, "--help"],
    "enrt assess example -f json": [ENRT, "assess", EXAMPLE, "--year", "2025", "-f", "json",
                                    "-q", "-o", os.devnull],
    "enrt assess example (table)": [ENRT, "assess", EXAMPLE, "--year", "2025"],
}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--rounds", type=int, default=15)
    args = ap.parse_args()
    times: dict[str, list[float]] = {k: [] for k in COMMANDS}
    env = {**os.environ, "COLUMNS": "100"}
    for _ in range(args.rounds):
        for name, cmd in COMMANDS.items():
            start = time.perf_counter()
            res = subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                                 env=env)
            times[name].append(time.perf_counter() - start)
            if res.returncode not in (0, 1):
                sys.exit(f"{name} exited {res.returncode}")
    med = {k: statistics.median(v) for k, v in times.items()}
    py, np_ = med["python -c pass"], med["python -c 'import numpy'"]
    print(f"median of {args.rounds} interleaved rounds")
    for name, t in med.items():
        print(f"{name:32} {t * 1000:7.1f} ms  {t / py:5.2f}x python  {t / np_:5.2f}x numpy")
    print(f"targets: --version {med['enrt --version'] / py:.2f}x (<= 2.5), --help "
          f"{med['enrt --help'] / py:.2f}x (<= 6), assess json "
          f"{med['enrt assess example -f json']:.3f} s (<= 0.30) and "
          f"{med['enrt assess example -f json'] / np_:.2f}x numpy (<= 2.5)")


if __name__ == "__main__":
    main()
