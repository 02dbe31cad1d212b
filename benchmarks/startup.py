"""Start-up time of the light commands against `python -c "import pandas"` (run by hand).

Prints the best of N runs of each command, measured in the same run, and the ratios.
`skm --help` and `skm sample` must not import pandas, so both ratios should stay well below 1.
Each command first runs once untimed with ``PYTHONDONTWRITEBYTECODE`` unset, so that skm's bytecode
exists as in an installed wheel (else an editable install compiles every module in every run).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time


def best_of(cmd: list[str], runs: int = 10) -> float:
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env, check=False)
    best = float("inf")
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
        best = min(best, time.perf_counter() - start)
    return best


def main() -> None:
    skm = shutil.which("skm") or "skm"
    baseline = best_of([sys.executable, "-c", "import pandas"])
    for label, cmd in (("skm --help", [skm, "--help"]), ("skm sample 1000", [skm, "sample", "1000"])):
        took = best_of(cmd)
        print(f"{label:<18} {took:.3f} s   ratio to 'import pandas' ({baseline:.3f} s): {took / baseline:.2f}")


if __name__ == "__main__":
    main()
