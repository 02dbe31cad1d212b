"""Time of ``analyse`` (2000 bootstrap resamples, flags, --by, --period) on synthetic files (run by hand).

Two kinds of answers: uniformly random (every respondent a distinct pattern: the worst case for
the bootstrap) and realistic (answers clustered around a respondent's mood: few distinct patterns).
"""

from __future__ import annotations

import time

import numpy as np
import pandas as pd

from skm.analysis.stats import analyse
from skm.readers import responses_from_frame


def frame(n: int, kind: str, rng: np.random.Generator) -> pd.DataFrame:
    if kind == "random":
        answers = rng.integers(1, 5, size=(n, 9))
    else:
        mood = np.round(rng.normal(3.3, 0.5, size=(n, 1)))
        answers = np.clip(mood - (rng.random((n, 9)) < 0.2), 1, 4).astype(int)
    out = pd.DataFrame(answers, columns=[f"U{i}" for i in range(1, 10)])
    out["Jenis Layanan"] = rng.choice(["KTP", "KK", "Akta"], n)
    out["Usia"] = rng.integers(18, 70, n)
    out["Jenis Kelamin"] = rng.choice(["L", "P"], n)
    days, minutes = rng.integers(1, 29, n), rng.integers(0, 60, n)
    out["Tanggal"] = [f"{d:02d}/01/2026 10:{m:02d}" for d, m in zip(days, minutes, strict=True)]
    return out


def main() -> None:
    rng = np.random.default_rng(0)
    for n in (300, 2_000, 20_000):
        for kind in ("realistic", "random"):
            responses = responses_from_frame(frame(n, kind, rng))
            start = time.perf_counter()
            analyse(responses, by="layanan", period="2026-01", population=3 * n)
            print(f"n = {n:>6}  {kind:<9}  {time.perf_counter() - start:.2f} s")


if __name__ == "__main__":
    main()
