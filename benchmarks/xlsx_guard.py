"""The guard's scan of a large xlsx, ours against an earlier guard, in the same run.

    python benchmarks/xlsx_guard.py [XLSX] [--before SRC] [--runs R] [--values]

Times ``guard.scan_ooxml(XLSX, head_rows=2000, values=False)`` as the engine calls it (its cache
emptied before each call) with this checkout's guard and with ``SRC/skm/readers/guard.py`` (an
earlier tree: ``git archive COMMIT src | tar -x -C /tmp/before``, then ``--before /tmp/before/src``;
default: tests/guard_before.py, the xlsx scan of commit 14f3240 kept for the tests),
interleaved, ``--runs`` times each (default 5). Prints the median and range of the CPU time (every
thread of the process: the inflating thread's too) and of the wall time, and the ratios ours / before.
``--values`` scans as the reference reader does (booleans and non-finite numbers looked for too).
XLSX defaults to /tmp/engine-bench/xlsx_100000.xlsx (``benchmarks/engine.py --only xlsx --keep
/tmp/engine-bench`` writes it).
"""

from __future__ import annotations

import argparse
import importlib.util
import statistics
import sys
import time
from pathlib import Path
from types import ModuleType

from skm.readers import guard

_HERE = Path(__file__).resolve().parent


def load(path: Path) -> ModuleType:
    spec = importlib.util.spec_from_file_location("guard_before_bench", path)
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


def once(module: ModuleType, path: Path, values: bool) -> tuple[float, float, object]:
    module._CACHE.clear()
    cpu, wall = time.process_time(), time.perf_counter()
    scans = module.scan_ooxml(path, head_rows=2000, values=values)
    return time.process_time() - cpu, time.perf_counter() - wall, scans


def summary(times: list[float]) -> str:
    return f"{statistics.median(times):.3f} s ({min(times):.3f}–{max(times):.3f})"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("xlsx", nargs="?", default="/tmp/engine-bench/xlsx_100000.xlsx")
    parser.add_argument("--before", help="a source tree holding skm/readers/guard.py")
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--values", action="store_true")
    args = parser.parse_args()
    path = Path(args.xlsx)
    before = load(Path(args.before) / "skm/readers/guard.py" if args.before else _HERE.parent / "tests/guard_before.py")
    cpu: dict[str, list[float]] = {"ours": [], "before": []}
    wall: dict[str, list[float]] = {"ours": [], "before": []}
    results: dict[str, object] = {}
    for _ in range(args.runs):
        for name, module in (("before", before), ("ours", guard)):
            c, w, scans = once(module, path, args.values)
            cpu[name].append(c)
            wall[name].append(w)
            results[name] = {k: (s.max_row, s.max_col, s.cells, sorted(s.flags), s.head) for k, s in scans.items()}
    same = "same" if results["ours"] == results["before"] else "DIFFERENT"
    print(f"{path.name}: guard.scan_ooxml(head_rows=2000, values={args.values}), {args.runs} runs each, {same} scans")
    for name in ("before", "ours"):
        print(f"  {name:6}  cpu {summary(cpu[name])}  wall {summary(wall[name])}")
    ratio = [o / b for o, b in zip(cpu["ours"], cpu["before"], strict=True)]
    ratio_wall = [o / b for o, b in zip(wall["ours"], wall["before"], strict=True)]
    print(f"  ours / before: cpu {summary(ratio)} wall {summary(ratio_wall)}".replace(" s (", " (").replace(" s ", " "))


if __name__ == "__main__":
    main()
