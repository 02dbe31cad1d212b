"""Header recognition cost: the header row search runs on every cell of a sheet's first rows.

    python benchmarks/headers.py [--rows 50] [--columns 40]

Builds a Google-Forms-like sheet (profile columns, numbered question texts, label answers) and
times the header row search cold (a new instrument index, every distinct text scored once) and
warm (cached per distinct text), printing milliseconds and cells per millisecond.
"""

from __future__ import annotations

import argparse
import time
from dataclasses import replace

from skm.core.instrument import PERMENPAN_14_2017
from skm.readers.table import _find_header


def sheet(rows: int, columns: int) -> list[list[object]]:
    questions = [f"{i}. {e.questions[0].text}" for i, e in enumerate(PERMENPAN_14_2017.elements, 1)]
    header: list[object] = ["Cap waktu", "Nama", "Jenis Kelamin", "Usia", *questions]
    header += [f"Catatan {i}" for i in range(columns - len(header))]
    out: list[list[object]] = [header[:columns]]
    for r in range(rows - 1):
        labels = [e.labels[(r + i) % 4] for i, e in enumerate(PERMENPAN_14_2017.elements)]
        row: list[object] = [f"2026-01-{1 + r % 28:02d} 08:00:00", f"Responden {r}", "Perempuan", 20 + r % 40, *labels]
        row += [r * i for i in range(columns - len(row))]
        out.append(row[:columns])
    return out


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rows", type=int, default=50)
    parser.add_argument("--columns", type=int, default=40)
    parser.add_argument("--runs", type=int, default=20)
    args = parser.parse_args()
    rows = sheet(args.rows, args.columns)
    cells = sum(len(r) for r in rows)
    cold = float("inf")
    for i in range(args.runs):
        instrument = replace(PERMENPAN_14_2017, title=f"bench {i}")  # a new object: a new, empty index
        start = time.perf_counter()
        _find_header(rows, instrument)
        cold = min(cold, time.perf_counter() - start)
    warm = float("inf")
    for _ in range(args.runs):
        start = time.perf_counter()
        _find_header(rows, PERMENPAN_14_2017)
        warm = min(warm, time.perf_counter() - start)
    print(
        f"{cells} cells: cold {cold * 1000:.2f} ms ({cells / cold / 1000:.0f} cells/ms), "
        f"warm {warm * 1000:.2f} ms ({cells / warm / 1000:.0f} cells/ms)"
    )


if __name__ == "__main__":
    main()
