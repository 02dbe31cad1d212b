"""What ``skm report`` and ``skm stats`` compute after the read, ours against an earlier ``skm``, in the
same run: CPU time and wall clock of the report's ``gather`` once the responses are read (the score,
the score by service, the statistics, the facts) and of the statistics of ``skm stats`` (``analyse``).

    python benchmarks/report_gather.py --csv FILE --before SRC [--repeat 3]

``SRC`` is the ``src`` folder of an earlier ``skm`` (``git archive COMMIT src | tar -x -C DIR``). Each
measurement is a fresh process: the file is read with ``read_responses_input`` and the libraries are
imported before the timing, then ``gather`` runs with that read in place of its own (or ``analyse``
runs). The versions alternate; medians and ranges are printed, and the ratio ours / before.
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
import json, sys, time
from pathlib import Path
import skm.cli.engine_input as engine_input
from skm.core.calc import ScoringRules
from skm.errors import InvalidPolicy
from skm.text import Lang
path = Path(sys.argv[1])
responses = engine_input.read_responses_input(
    path, instrument=None, sheet=None, invalid=InvalidPolicy.ERROR, labels=None, lang=Lang.ID, progress=False,
    column_map=None,
)
import skm.analysis.facts, skm.analysis.stats, skm.analysis.trend, skm.cli.report, skm.readers.extras  # noqa
from skm.analysis.stats import analyse
engine_input.read_responses_input = lambda *args, **kwargs: responses  # gather without its read
c, w = time.process_time(), time.perf_counter()
if sys.argv[2] == "report":
    skm.cli.report.gather(
        path, instrument=None, sheet=None, invalid=InvalidPolicy.ERROR, labels=None, lang=Lang.ID,
        rules=ScoringRules(), with_stats=True,
    )
else:
    analyse(responses)
print(json.dumps({"cpu": time.process_time() - c, "wall": time.perf_counter() - w}))
"""

STEPS = {"report": "report: gather after the read", "stats": "stats: analyse"}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--csv", type=Path, required=True, help="a large responses CSV (read only)")
    parser.add_argument("--before", type=Path, required=True, help="the src folder of an earlier skm")
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    versions = {"ours": {}, "before": {"PYTHONPATH": str(args.before.resolve())}}
    runs: dict[tuple[str, str], list[dict[str, float]]] = {}
    for _ in range(args.repeat):
        for step in STEPS:
            for version, env in versions.items():
                got = subprocess.run(
                    [sys.executable, "-c", CHILD, str(args.csv), step],
                    env={**os.environ, **env},
                    capture_output=True,
                    text=True,
                    check=True,
                )
                runs.setdefault((step, version), []).append(json.loads(got.stdout.strip().splitlines()[-1]))
    print(f"{args.csv.name}: {args.repeat} fresh process(es) per version and step, alternating")
    for step, title in STEPS.items():
        for measure in ("cpu", "wall"):
            medians = {}
            cells = []
            for version in versions:
                values = [r[measure] for r in runs[(step, version)]]
                medians[version] = statistics.median(values)
                cells.append(f"{version} {medians[version]:.2f} s ({min(values):.2f}–{max(values):.2f})")
            ratio = medians["ours"] / medians["before"]
            print(f"{title:32} {measure:4}  " + "   ".join(cells) + f"   ours/before {ratio:.2f}")


if __name__ == "__main__":
    main()
