"""The reading of ``skm report``/``skm stats`` on a large CSV (the engine's frame), ours against an earlier
``skm``, in the same run: CPU time (every thread) and wall clock of the read and of the statistics, the
read's peak RSS, the RSS after it and the peak of the whole process.

    python benchmarks/report_read.py --csv FILE --before SRC [--repeat 3]

``SRC`` is the ``src`` folder of an earlier ``skm`` (``git archive COMMIT src | tar -x -C DIR``). Each run
is a fresh process (numpy, pandas, pyarrow and duckdb imported before the timings); the versions
alternate. CPU time is steadier than the wall clock on a shared machine, but multi-threaded DuckDB
queries count their waiting threads too: quote the medians and the ranges.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
from pathlib import Path

CHILD = r"""
import gc, json, sys, threading, time
peak = [0]
def rss():
    with open('/proc/self/statm') as f:
        return int(f.read().split()[1]) * 4096 / 2**20
def poll():
    while True:
        peak[0] = max(peak[0], rss()); time.sleep(0.01)
threading.Thread(target=poll, daemon=True).start()
import duckdb, numpy, pandas, pyarrow  # noqa: F401 - imported before the timings
from skm.analysis.stats import analyse
from skm.readers.engine_frame import read_responses_engine
out = {}
c, w = time.process_time(), time.perf_counter()
responses = read_responses_engine(sys.argv[1])
out['read_cpu'], out['read_wall'] = time.process_time() - c, time.perf_counter() - w
gc.collect()
out['read_peak'], out['read_end'] = peak[0], rss()
c, w = time.process_time(), time.perf_counter()
analyse(responses)
out['stats_cpu'], out['stats_wall'] = time.process_time() - c, time.perf_counter() - w
out['peak'] = peak[0]
print(json.dumps(out))
"""


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--csv", type=Path, required=True, help="a large responses CSV (read only)")
    parser.add_argument("--before", type=Path, required=True, help="the src folder of an earlier skm")
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    versions = {"ours": {}, "before": {"PYTHONPATH": str(args.before.resolve())}}
    runs: dict[str, list[dict[str, float]]] = {v: [] for v in versions}
    for _ in range(args.repeat):
        for version, env in versions.items():
            got = subprocess.run(
                [sys.executable, "-c", CHILD, str(args.csv)],
                capture_output=True,
                text=True,
                check=True,
                env={**os.environ, **env},
            )
            runs[version].append(json.loads(got.stdout.strip().splitlines()[-1]))
    print(f"input: {args.csv.name}, {args.repeat} run(s) of each, interleaved (medians, range)")
    for key, unit in [
        ("read_cpu", "s"),
        ("read_wall", "s"),
        ("stats_cpu", "s"),
        ("read_peak", "MiB"),
        ("read_end", "MiB"),
        ("peak", "MiB"),
    ]:
        ours = [r[key] for r in runs["ours"]]
        before = [r[key] for r in runs["before"]]
        ratio = statistics.median(ours) / statistics.median(before)
        print(
            f"{key:<10} ours {statistics.median(ours):7.2f} {unit:<3} ({min(ours):.2f}–{max(ours):.2f})   "
            f"before {statistics.median(before):7.2f} {unit:<3} ({min(before):.2f}–{max(before):.2f})   "
            f"ours/before {ratio:4.2f}",
            flush=True,
        )


if __name__ == "__main__":
    main()
