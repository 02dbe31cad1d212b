"""Generate examples/harapan_2026.csv (synthetic, fixed seed): 120 respondents of three licensing
services with very different sample sizes, answers U1–U9 and expectation answers H1–H9.

Run from the repository root: ``python examples/make_harapan.py`` (rewrites the CSV).
"""

from __future__ import annotations

import csv
import random
from datetime import datetime, timedelta
from pathlib import Path

SEED = 20260301
# service: (respondents, mean satisfaction shift); the small service is the least satisfied
SERVICES = {"Izin Usaha": (70, 0.35), "Izin Bangunan": (35, -0.05), "Izin Reklame": (15, -0.45)}
# per element: performance level and importance level (1–4 scale, before noise)
PERFORMANCE = [3.2, 3.0, 2.7, 3.6, 3.1, 3.3, 3.4, 2.8, 3.0]
IMPORTANCE = [3.4, 3.3, 3.7, 2.9, 3.2, 3.5, 3.3, 3.6, 2.8]


def clamp(value: float) -> int:
    return max(1, min(4, round(value)))


def main() -> None:
    rng = random.Random(SEED)  # noqa: S311 - synthetic survey answers, not secrets
    start = datetime(2026, 1, 5, 8, 0)
    rows = []
    number = 0
    for service, (count, shift) in SERVICES.items():
        for _ in range(count):
            number += 1
            mood = rng.gauss(shift, 0.45)  # a respondent's general satisfaction: answers correlate
            care = rng.gauss(0, 0.35)
            when = start + timedelta(days=rng.randrange(0, 85), minutes=rng.randrange(0, 480))
            answers = [clamp(p + mood + rng.gauss(0, 0.45)) for p in PERFORMANCE]
            expectations = [clamp(i + care + rng.gauss(0, 0.4)) for i in IMPORTANCE]
            rows.append(
                [
                    number,
                    when.strftime("%d/%m/%Y %H:%M"),
                    rng.choice("LP"),
                    rng.randrange(19, 66),
                    rng.choice(["SD", "SMP", "SMA", "D3", "S1", "S2"]),
                    rng.choice(["PNS", "Wirausaha", "Swasta", "Petani", "Lainnya"]),
                    service,
                    *answers,
                    *expectations,
                ]
            )
    header = ["No", "Tanggal", "Jenis Kelamin", "Usia", "Pendidikan", "Pekerjaan", "Jenis Layanan"]
    header += [f"U{i}" for i in range(1, 10)] + [f"H{i}" for i in range(1, 10)]
    target = Path(__file__).with_name("harapan_2026.csv")
    with target.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(header)
        writer.writerows(rows)


if __name__ == "__main__":
    main()
