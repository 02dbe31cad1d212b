"""Scoring a large xlsx with skm against merely reading it with pandas + openpyxl.

    python benchmarks/bench_read.py [N] [--labels] [--keep]

Generates N respondents (default 100 000) with benchmarks/generate.py, then in the same run
times (best of --runs) ``skm.score(path)`` (python-calamine + vectorised validation + exact
scoring) and ``pandas.read_excel(path, engine="openpyxl")`` (reading only), and prints the
ratio and the peak Python memory of each (tracemalloc, separate pass) plus the process's peak
resident size. The issue's target is a ratio of at least 10.
"""

from __future__ import annotations

import argparse
import resource
import sys
import tempfile
import time
import tracemalloc
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from generate import rows, write_xlsx


def best_of(fn: Callable[[], object], runs: int) -> float:
    best = float("inf")
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        best = min(best, time.perf_counter() - start)
    return best


def peak_mib(fn: Callable[[], object]) -> float:
    tracemalloc.start()
    try:
        fn()
        return tracemalloc.get_traced_memory()[1] / 2**20
    finally:
        tracemalloc.stop()


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("n", type=int, nargs="?", default=100_000)
    parser.add_argument("--labels", action="store_true", help="answers as labels (Google Forms style)")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--keep", type=Path, help="also keep the generated file here")
    args = parser.parse_args()

    import pandas as pd

    import skm

    with tempfile.TemporaryDirectory() as tmp:
        path = args.keep or Path(tmp) / f"skm_{args.n}.xlsx"
        start = time.perf_counter()
        write_xlsx(path, rows(args.n, labels=args.labels))
        size = path.stat().st_size / 2**20
        print(
            f"file: {args.n} respondents x 15 columns, {size:.1f} MiB, generated in {time.perf_counter() - start:.1f} s"
        )

        result = skm.score(path)
        print(f"skm.score: IKM {result.ikm_display} ({result.grade}), {result.respondents} respondents")

        ours = best_of(lambda: skm.score(path), args.runs)
        theirs = best_of(lambda: pd.read_excel(path, engine="openpyxl"), max(1, args.runs - 2))
        print(f"skm.score (read + validate + score):  {ours:7.2f} s  (best of {args.runs})")
        print(f"pandas.read_excel(engine='openpyxl'):  {theirs:7.2f} s  (read only)")
        print(f"ratio: {theirs / ours:.1f}x faster (target >= 10x)")
        ours_mem = peak_mib(lambda: skm.score(path))
        theirs_mem = peak_mib(lambda: pd.read_excel(path, engine="openpyxl"))
        print(f"peak traced Python memory: skm {ours_mem:.0f} MiB, pandas+openpyxl {theirs_mem:.0f} MiB")
        rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        print(f"peak resident size of this process: {rss:.0f} MiB")


if __name__ == "__main__":
    main()
