"""The guard's scan of a binary workbook against python-calamine reading the same file.

    python benchmarks/binary_guard.py [ROWS] [--runs R]

Writes an xlsb (tests/xlsb_writer.py: numbers and inline strings, one error cell per 1 000 rows)
and an xls (xlwt, at most 65 535 rows) of ROWS respondents × 11 columns (default 60 000), then in
the same run times (median of --runs) ``guard.scan_xlsb`` / ``guard.scan_xls`` and calamine's read
of every sheet into Python rows (what the reference reader does after the scan), and prints the
ratio scan / read; then ``skm.score`` of the file (the reference reader: scan, calamine, validation,
scoring) with the scan and with the scan replaced by a no-op (what an xls cost before it had one),
and the ratio of the two.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))

import xlwt
from python_calamine import CalamineWorkbook

import skm
from skm.readers import guard
from xlsb_writer import Error, write_xlsb


def median_of(fn: Callable[[], object], runs: int) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def table(n: int) -> list[list[object]]:
    header: list[object] = ["nama", "layanan", *(f"U{i}" for i in range(1, 10))]
    body = [[f"R{r}", "KTP", *[(r + c) % 4 + 1 for c in range(9)]] for r in range(n)]
    return [header, *body]


def calamine_read(path: Path) -> None:
    book = CalamineWorkbook.from_path(str(path))
    for name in book.sheet_names:
        book.get_sheet_by_name(name).to_python(skip_empty_area=False)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("rows", nargs="?", type=int, default=60_000)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    rows = table(min(args.rows, 65_534))
    with tempfile.TemporaryDirectory() as tmp:
        xlsb_rows: list[list[object]] = [list(r) for r in rows]
        for r in range(1, len(xlsb_rows), 1000):
            xlsb_rows[r][5] = Error("#N/A")
        xlsb = write_xlsb(Path(tmp) / "b.xlsb", {"Data": xlsb_rows})
        book = xlwt.Workbook()
        sheet = book.add_sheet("Data")
        for r, row in enumerate(rows):
            for c, value in enumerate(row):
                if r % 1000 == 1 and c == 5:
                    sheet.row(r).set_cell_error(c, 0x2A)
                else:
                    sheet.write(r, c, value)
        xls = Path(tmp) / "a.xls"
        book.save(str(xls))
        for label, path, scan in (("xlsb", xlsb, guard.scan_xlsb), ("xls", xls, guard.scan_xls)):
            found = len(next(iter(scan(path).values())).unusable)
            scanned = median_of(lambda path=path, scan=scan: scan(path), args.runs)
            read = median_of(lambda path=path: calamine_read(path), args.runs)
            print(
                f"{label}: {len(rows) - 1} rows × 11, {path.stat().st_size / 1e6:.1f} MB, {found} error cells: "
                f"scan {scanned:.3f} s, calamine read {read:.3f} s, scan/read {scanned / read:.2f}"
            )
            clean = Path(tmp) / f"clean{path.suffix}"  # without error cells: skm.score runs to the end
            if label == "xlsb":
                write_xlsb(clean, {"Data": rows})
            else:
                book = xlwt.Workbook()
                sheet = book.add_sheet("Data")
                for r, row in enumerate(rows):
                    for c, value in enumerate(row):
                        sheet.write(r, c, value)
                book.save(str(clean))
            with_scan = median_of(lambda clean=clean: skm.score(clean), args.runs)
            real = getattr(guard, f"scan_{label}")
            setattr(guard, f"scan_{label}", lambda _path: {})
            try:
                without = median_of(lambda clean=clean: skm.score(clean), args.runs)
            finally:
                setattr(guard, f"scan_{label}", real)
            print(
                f"{label}: skm.score {with_scan:.3f} s with the scan, {without:.3f} s without, "
                f"ratio {with_scan / without:.2f}"
            )


if __name__ == "__main__":
    main()
