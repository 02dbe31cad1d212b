"""Synthetic SKM responses for benchmarks: a Google-Forms-like sheet of N respondents.

    python benchmarks/generate.py 100000 /tmp/skm_100k.xlsx [--labels]

Columns: Cap waktu, Jenis Kelamin, Usia, Pendidikan, Jenis layanan, U1..U9 (numbers, or the
regulation's labels with ``--labels``) and a short suggestion. Written with openpyxl's
write-only mode (constant memory); the seed is fixed so runs are comparable.
"""

from __future__ import annotations

import argparse
import random
from datetime import datetime, timedelta
from pathlib import Path

import openpyxl

from skm.core.instrument import PERMENPAN_14_2017

SERVICES = ["KTP-el", "Kartu Keluarga", "Akta Kelahiran", "Akta Kematian", "Pindah Datang"]
GENDERS = ["Laki-laki", "Perempuan"]
EDUCATION = ["SD", "SMP", "SMA", "D3", "S1", "S2"]
SUGGESTIONS = ["", "", "", "Pelayanan cepat", "Antrian panjang", "Petugas ramah", "Ruang tunggu panas"]


def rows(n: int, *, labels: bool, seed: int = 2026) -> list[list[object]]:
    """Header plus ``n`` respondents (answers skewed towards 3 and 4, 1 % blanks)."""
    rng = random.Random(seed)
    elements = PERMENPAN_14_2017.elements
    header: list[object] = ["Cap waktu", "Jenis Kelamin", "Usia", "Pendidikan", "Jenis layanan"]
    header += [e.code for e in elements] + ["Saran"]
    out: list[list[object]] = [header]
    start = datetime(2026, 1, 2, 8, 0, 0)
    for i in range(n):
        answers: list[object] = []
        for e in elements:
            if rng.random() < 0.01:
                answers.append(None)
                continue
            score = rng.choices((1, 2, 3, 4), weights=(2, 8, 45, 45))[0]
            answers.append(e.labels[score - 1] if labels else score)
        out.append(
            [
                start + timedelta(minutes=7 * i),
                rng.choice(GENDERS),
                rng.randint(17, 75),
                rng.choice(EDUCATION),
                rng.choice(SERVICES),
                *answers,
                rng.choice(SUGGESTIONS),
            ]
        )
    return out


def write_xlsx(path: Path, data: list[list[object]]) -> None:
    wb = openpyxl.Workbook(write_only=True)
    ws = wb.create_sheet("Jawaban")
    for row in data:
        ws.append(row)
    wb.save(path)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("n", type=int)
    parser.add_argument("path", type=Path)
    parser.add_argument("--labels", action="store_true", help="answers as labels instead of numbers")
    args = parser.parse_args()
    data = rows(args.n, labels=args.labels)
    if args.path.suffix.lower() == ".csv":
        import csv

        with args.path.open("w", newline="", encoding="utf-8") as f:
            csv.writer(f).writerows(data)
    else:
        write_xlsx(args.path, data)
    print(f"wrote {args.n} respondents to {args.path}")


if __name__ == "__main__":
    main()
