"""The proof that 'Cap waktu'/'Saran' are no questions, counted by bounds in the one scan: when the bounds
do not settle it, the exact count decides, and the result is still the reference reader's."""

from __future__ import annotations

import csv
import random
from pathlib import Path

import pytest

from skm.analysis.score import tally_frame
from skm.core.instrument import PERMENPAN_14_2017
from skm.readers import engine
from skm.readers.engine import Fallback, read_tallies_engine
from skm.readers.table import read_responses

KEYS = list(PERMENPAN_14_2017.question_keys)


def _table(tmp_path: Path, stamp: str, saran: list[str], n: int = 300) -> Path:
    rng = random.Random(7)
    rows: list[list[object]] = [["Cap waktu", "Jenis layanan", *[k.upper() for k in KEYS], "Saran"]]
    for i in range(n):
        answers = [rng.choice(["1", "2", "3", "4", ""]) for _ in KEYS]
        rows.append([stamp.format(m=i % 60), "KTP", *answers, saran[i % len(saran)]])
    path = tmp_path / "bounds.csv"
    with path.open("w", encoding="utf-8", newline="") as f:
        csv.writer(f).writerows(rows)
    return path


def _exact_scans(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The exact proof queries run (the bounds did not settle a column)."""
    seen: list[str] = []
    first_scan = engine._first_scan

    def spy(ctx: engine._Ctx) -> engine._Scan:
        execute = ctx.con.execute

        class Con:
            def __getattr__(self, name: str) -> object:
                return getattr(ctx.con_real, name)

            def execute(self, sql: str, *args: object) -> object:
                if sql.startswith("SELECT count_if(f"):
                    seen.append(sql.split(",", maxsplit=1)[0])
                return execute(sql, *args)

        ctx.con_real = ctx.con  # type: ignore[attr-defined]
        ctx.con = Con()  # type: ignore[assignment]
        try:
            return first_scan(ctx)
        finally:
            ctx.con = ctx.con_real  # type: ignore[attr-defined]

    monkeypatch.setattr(engine, "_first_scan", spy)
    return seen


def _same(path: Path) -> None:
    ref = read_responses(path, invalid="skip")
    read = read_tallies_engine(path, invalid="skip")
    assert read.respondents == ref.respondents
    assert dict(read.tallies.total().tallies) == tally_frame(ref.frame, ref.instrument)
    assert read.issues == ref.issues


def test_certified_dates_and_judged_text_settle_the_proof_by_bounds(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    seen = _exact_scans(monkeypatch)
    _same(_table(tmp_path, "2026-01-02 08:{m:02d}:00", ["Antrian panjang", "Petugas ramah sekali", ""]))
    assert seen == []


def test_uncertified_dates_are_proven_by_the_exact_count(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """'2026-01-02T08:00:00' is no certified date (DuckDB prints it back with a space) yet cannot be an
    answer (three digits first): the bound counts none, the exact count proves the column a profile."""
    seen = _exact_scans(monkeypatch)
    _same(_table(tmp_path, "2026-01-02T08:{m:02d}:00", ["Antrian panjang", ""]))
    assert seen == ["SELECT count_if(f0)"]


def test_text_mostly_unjudged_goes_to_the_exact_count(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Few cells hold a value the first rows judged: the exact count decides (here: ≥ 90 % could be scale
    answers, so the reference reads the file)."""
    monkeypatch.setattr(engine, "_KNOWN_VALUES", 1)
    seen = _exact_scans(monkeypatch)
    like = ["1", "2", "3", "4", " 1", " 2", " 3", " 4", "1 ", "2 ", "3 ", "4 ", "Sangat baik", "baik sekali", "Baik"]
    saran = ["Antrian panjang"] * 3 + like * 2  # the one judged value (most common) is 1 cell in 11
    path = _table(tmp_path, "2026-01-02 08:{m:02d}:00", saran)
    with pytest.raises(Fallback, match="might hold scale answers"):
        read_tallies_engine(path, invalid="skip")
    assert seen == ["SELECT count_if(f11)"]
