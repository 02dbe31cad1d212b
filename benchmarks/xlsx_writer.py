"""The xlsx report writer alone, ours against an earlier one, in the same process and run: CPU time
(and wall clock) of ``write_xlsx`` on one report, the two writers alternating.

    python benchmarks/xlsx_writer.py --csv FILE [--before SRC | --before-file PY] [--repeat 7]
    python benchmarks/xlsx_writer.py --csv FILE --before SRC --fresh 3

The report is gathered once from ``--csv`` (read only; the statistics included, as ``skm report``
does) and its document built once; then each round writes it with both writers (one warm-up call
each first, so openpyxl's lazy imports are not counted). ``SRC`` is the ``src`` folder of an
earlier ``skm`` (``git archive COMMIT src | tar -x -C DIR``: its ``skm/render/document/xlsx.py``
is loaded beside ours); by default the earlier writer is ``tests/xlsx_before.py`` (the writer at
commit 14f3240, kept for the sameness test). Prints the medians, their ranges and the ratio.

``--fresh N`` measures instead the first call in fresh processes, as ``skm report -f xlsx`` makes
it: N processes per version, alternating, each importing what the command preloads for xlsx
(``_RENDER_MODULES``), gathering the report, then timing its one ``write_xlsx`` (the earlier
version runs wholly from ``SRC``).
"""

from __future__ import annotations

import argparse
import importlib
import importlib.util
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from types import ModuleType

ROOT = Path(__file__).resolve().parent.parent


def _load(path: Path) -> ModuleType:
    spec = importlib.util.spec_from_file_location("skm_xlsx_before", path)
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--csv", type=Path, required=True, help="a responses CSV (read only)")
    parser.add_argument("--before", type=Path, help="the src folder of an earlier skm")
    parser.add_argument("--before-file", type=Path, default=ROOT / "tests" / "xlsx_before.py")
    parser.add_argument("--repeat", type=int, default=7)
    parser.add_argument("--fresh", type=int, default=0, help="first calls in N fresh processes per version")
    parser.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        _child(args.csv)
        return
    if args.fresh:
        _fresh(args)
        return
    before_path = args.before / "skm" / "render" / "document" / "xlsx.py" if args.before else args.before_file

    from skm.cli.report import gather
    from skm.core.calc import ScoringRules
    from skm.errors import InvalidPolicy
    from skm.render.document.sections import build_document
    from skm.render.document.xlsx import write_xlsx
    from skm.text import Lang

    before = _load(before_path)
    data = gather(
        args.csv,
        instrument=None,
        sheet=None,
        invalid=InvalidPolicy.ERROR,
        labels=None,
        lang=Lang.ID,
        rules=ScoringRules(),
        with_stats=True,
    )
    doc = build_document(data)
    writers = {"ours": write_xlsx, "before": before.write_xlsx}
    runs: dict[str, dict[str, list[float]]] = {name: {"cpu": [], "wall": []} for name in writers}
    with tempfile.TemporaryDirectory() as folder:
        for name, write in writers.items():  # warm-up: openpyxl's lazy imports
            write(doc, data, Path(folder) / f"warm-{name}.xlsx")
        for i in range(args.repeat):
            for name, write in writers.items():
                c, w = time.process_time(), time.perf_counter()
                write(doc, data, Path(folder) / f"{name}-{i}.xlsx")
                runs[name]["cpu"].append(time.process_time() - c)
                runs[name]["wall"].append(time.perf_counter() - w)
        sizes = {name: (Path(folder) / f"{name}-0.xlsx").stat().st_size for name in writers}
    print(f"{args.csv.name}: write_xlsx, {args.repeat} alternating rounds in one process ({before_path})")
    for measure in ("cpu", "wall"):
        medians = {name: statistics.median(runs[name][measure]) for name in writers}
        cells = [
            f"{name} {medians[name]:.3f} s ({min(runs[name][measure]):.3f}–{max(runs[name][measure]):.3f})"
            for name in writers
        ]
        print(f"  {measure:4}  {'   '.join(cells)}   ours/before {medians['ours'] / medians['before']:.2f}×")
    print(f"  file size: ours {sizes['ours']} B, before {sizes['before']} B")


def _child(csv: Path) -> None:
    """One ``skm report -f xlsx`` writer call in this fresh process (printed as JSON)."""
    from skm.cli.report import _RENDER_MODULES, ReportFormat, gather
    from skm.core.calc import ScoringRules
    from skm.errors import InvalidPolicy
    from skm.text import Lang

    for module in _RENDER_MODULES[ReportFormat.XLSX]:
        importlib.import_module(module)
    rules = ScoringRules()
    data = gather(
        csv,
        instrument=None,
        sheet=None,
        invalid=InvalidPolicy.ERROR,
        labels=None,
        lang=Lang.ID,
        rules=rules,
        with_stats=True,
    )
    from skm.render.document.sections import build_document
    from skm.render.document.xlsx import write_xlsx

    doc = build_document(data)
    with tempfile.TemporaryDirectory() as folder:
        c, w = time.process_time(), time.perf_counter()
        write_xlsx(doc, data, Path(folder) / "report.xlsx")
        print(json.dumps({"cpu": time.process_time() - c, "wall": time.perf_counter() - w}))


def _fresh(args: argparse.Namespace) -> None:
    if args.before is None:
        raise SystemExit("--fresh needs --before SRC")
    versions = {"ours": {}, "before": {"PYTHONPATH": str(args.before.resolve())}}
    runs: dict[str, dict[str, list[float]]] = {name: {"cpu": [], "wall": []} for name in versions}
    for _ in range(args.fresh):
        for name, env in versions.items():
            got = subprocess.run(
                [sys.executable, __file__, "--csv", str(args.csv), "--child"],
                env={**os.environ, **env},
                capture_output=True,
                text=True,
                check=True,
            )
            figures = json.loads(got.stdout.strip().splitlines()[-1])
            for measure in ("cpu", "wall"):
                runs[name][measure].append(figures[measure])
    print(f"{args.csv.name}: the first write_xlsx of a fresh process (xlsx preloads), {args.fresh} per version")
    for measure in ("cpu", "wall"):
        medians = {name: statistics.median(runs[name][measure]) for name in versions}
        cells = [
            f"{name} {medians[name]:.3f} s ({min(runs[name][measure]):.3f}–{max(runs[name][measure]):.3f})"
            for name in versions
        ]
        print(f"  {measure:4}  {'   '.join(cells)}   ours/before {medians['ours'] / medians['before']:.2f}×")


if __name__ == "__main__":
    sys.exit(main())
