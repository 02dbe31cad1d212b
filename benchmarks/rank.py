"""Benchmark of ``skm rank``: a generated province of unit files, ranked end to end.

Not a test: it prints the wall time, the peak resident memory and the throughput. Run:

    python benchmarks/rank.py            # 3 000 units, about a million responses
    python benchmarks/rank.py --units 300 --respondents 100 --jobs 1

CPU time is the main process's only; with ``--jobs`` > 1 the workers' time is in "read" and
"summarise" (summed over processes). Peak RSS is the main process's.
"""

from __future__ import annotations

import argparse
import csv
import os
import random
import resource
import sys
import tempfile
import time
from pathlib import Path


def generate(folder: Path, units: int, respondents: int, seed: int = 7) -> Path:
    """Write one CSV per unit (U1…U9 answers) and a units.csv hierarchy; return units.csv."""
    rng = random.Random(seed)
    rows = [("unit", "name", "parent", "population")]
    rows.append(("prov", "Provinsi Contoh", "", ""))
    regencies = max(1, units // 100)
    for r in range(regencies):
        rows.append((f"kab{r:02d}", f"Kabupaten {r:02d}", "prov", ""))
    for u in range(units):
        code = f"u{u:04d}"
        quality = rng.uniform(2.6, 3.7)
        n = max(5, int(rng.gauss(respondents, respondents / 5)))
        rows.append((code, f"Unit Layanan {u:04d}", f"kab{u % regencies:02d}", str(rng.randint(200, 20000))))
        with (folder / f"{code}.csv").open("w", newline="", encoding="utf-8") as handle:
            writer = csv.writer(handle)
            writer.writerow([f"U{i}" for i in range(1, 10)])
            for _ in range(n):
                writer.writerow([min(4, max(1, round(rng.gauss(quality, 0.7)))) for _ in range(9)])
    units_file = folder.parent / "units.csv"
    with units_file.open("w", newline="", encoding="utf-8") as handle:
        csv.writer(handle).writerows(rows)
    return units_file


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--units", type=int, default=3000)
    parser.add_argument("--respondents", type=int, default=333)
    parser.add_argument("--resamples", type=int, default=1000)
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 1, help="processes reading unit files")
    args = parser.parse_args()
    from skm.analysis.rank import rank_paths

    rss_start = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024

    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "units"
        folder.mkdir()
        start = time.perf_counter()
        units_file = generate(folder, args.units, args.respondents)
        print(f"generated {args.units} unit files in {time.perf_counter() - start:.1f} s")
        start, cpu = time.perf_counter(), time.process_time()
        ranking = rank_paths([folder], units_file=units_file, resamples=args.resamples, jobs=args.jobs)
        elapsed, cpu = time.perf_counter() - start, time.process_time() - cpu
        responses = sum(u.respondents for u in ranking.units)
        peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        for phase, seconds in ranking.timings.items():
            print(f"  {phase:<10} {seconds:6.1f} s")
        print(
            f"ranked {len(ranking.units)} units, {responses} responses, {args.resamples} resamples, "
            f"{args.jobs} job(s): "
            f"{elapsed:.1f} s wall, {cpu:.1f} s CPU ({responses / elapsed:,.0f} responses/s), "
            f"peak RSS {peak_mb:.0f} MB (after imports {rss_start:.0f} MB)"
        )
        print(f"load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores: wall time grows with other work")
        print(f"target: under 60 s -> ratio {elapsed / 60:.2f} of the budget")
    sys.exit(0)


if __name__ == "__main__":
    main()
