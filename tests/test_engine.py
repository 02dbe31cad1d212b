"""The engine (DuckDB) gives the reference reader's results, issues and row numbers; tallies and SQL round trips."""

from __future__ import annotations

import csv
import random
import sqlite3
from collections.abc import Callable
from datetime import datetime, timedelta
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from skm.analysis.score import score_responses, score_tally_set, tally_frame, tally_set
from skm.analysis.sql import DIALECTS, SqlNameError, tallies_sql
from skm.core.instrument import PERMENPAN_14_2017
from skm.core.tallies import RESPONDENTS, TallySet
from skm.errors import IssueCode, SkmError
from skm.readers import engine
from skm.readers.engine import Fallback, read_many_engine, read_tallies_engine
from skm.readers.table import read_responses
from skm.readers.tallies import is_tallies_file, read_tallies
from skm.render.tallies import tallies_bytes

duckdb = pytest.importorskip("duckdb")
pa = pytest.importorskip("pyarrow")
pq = pytest.importorskip("pyarrow.parquet")

INSTRUMENT = PERMENPAN_14_2017
KEYS = list(INSTRUMENT.question_keys)
LABELS = {q.key: list(q.labels) for e in INSTRUMENT.elements for q in e.questions}
SETTINGS = settings(
    max_examples=20, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow]
)


# --- generated files ------------------------------------------------------------------------

blank = st.sampled_from(["", " ", "\u00a0", "\t"])


def answer_for(key: str) -> st.SearchStrategy[str]:
    other = KEYS[(KEYS.index(key) + 3) % len(KEYS)]
    return st.one_of(
        st.sampled_from(["1", "2", "3", "4"]),
        st.sampled_from(LABELS[key]),
        st.sampled_from([label.upper() for label in LABELS[key]]),
        st.sampled_from([f"{i + 1} ({label})" for i, label in enumerate(LABELS[key])]),
        blank,
        st.sampled_from(["7", "0", "2.5", "3,0", "abc", "-", "tidak tahu", *LABELS[other][:2]]),
    )


dates = st.one_of(
    st.sampled_from(["2026-01-02 08:00:00", "2026-02-30 08:00:00", "2026-03-04", "12/01/2026 8:15:02", "13/13/2026"]),
    st.sampled_from(["31 Januari 2026", "kemarin", "", "2026-05-06 24:00:00"]),
    # near the form DuckDB certifies without Python (printed back unchanged): the reference decides
    st.sampled_from(["2026-01-02T08:00:00", "0004-02-29 08:00:00", "2026-01-2  18:00:00", "2026-1-02", "02026-01-02"]),
)


@st.composite
def survey_tables(draw: st.DrawFn) -> list[list[str]]:
    """A sheet as cells: optional title rows, a header, respondents (labels, blanks, invalid cells), optional summary
    rows with a respondent-like row below them."""
    # question texts as headers take the reference's own mapping on the columns' distinct values; there
    # "Cap waktu" and "Saran" (weak evidence for U3/U8) are read exactly too. With codes only, a
    # "Cap waktu" of dates like "31 Januari 2026" cannot be proven no answer: the engine declines.
    header = ["Tanggal", "Jenis layanan", *[k.upper() for k in KEYS], "Komentar"]
    if draw(st.booleans()):
        header[2 + 2] = "Unsur 3"  # another way of writing the code
    worded = draw(st.sets(st.integers(0, len(KEYS) - 1), max_size=len(KEYS)))
    for i in worded:  # Google Forms: the question's text instead of its code
        header[2 + i] = INSTRUMENT.elements[i].questions[0].text
    if worded:
        header[0], header[-1] = (
            draw(st.sampled_from(["Tanggal", "Cap waktu"])),
            draw(st.sampled_from(["Komentar", "Saran"])),
        )
    n = draw(st.integers(1, 25))
    body = []
    for _ in range(n):
        row = [draw(dates), draw(st.sampled_from(["KTP", "KK", " Akta ", ""])), *[draw(answer_for(k)) for k in KEYS]]
        row.append(draw(st.sampled_from(["", "Bagus", "Antrian; panjang", 'kata "kutip"', "baris\nbaru"])))
        if draw(st.integers(0, 9)) == 0:
            row = [""] * len(row)  # an empty row
        elif draw(st.integers(0, 9)) == 0:
            row = [row[0], row[1], *[""] * len(KEYS), row[-1]]  # no answers
        body.append(row)
    titles = [["Rekap SKM 2026", *[""] * (len(header) - 1)]] * draw(st.integers(0, 2))
    table = [*titles, header, *body]
    if draw(st.booleans()):
        table.append(["Jumlah", "", *["10"] * len(KEYS), ""])
        table.append(["NRR", "", *["3,1"] * len(KEYS), ""])
        if draw(st.booleans()):
            table.append(["2026-01-09", "KTP", *["4"] * len(KEYS), ""])  # a respondent below the summary
    return table


def write_book(path: Path, sheets: dict[str, list[list[object]]]) -> Path:
    """An xlsx workbook of ``sheets`` (name → rows), written by openpyxl."""
    import openpyxl

    workbook = openpyxl.Workbook()
    workbook.remove(workbook.active)
    for name, rows in sheets.items():
        sheet = workbook.create_sheet(name)
        for row in rows:
            sheet.append(row)
    workbook.save(path)
    return path


def write_csv(path: Path, table: list[list[str]], delimiter: str) -> None:
    with path.open("w", encoding="utf-8", newline="") as f:
        csv.writer(f, delimiter=delimiter).writerows(table)


def _error(fn: Callable[[], object]) -> tuple[object, list[tuple[object, ...]]] | None:
    """The error code and issues (row, column letter, value, code) ``fn`` raises, or ``None``."""
    try:
        fn()
    except SkmError as exc:
        return exc.code, [(i.row, i.letter, i.value, i.code, i.file, i.severity) for i in exc.issues]
    return None


def assert_same(path: Path, by: str | None = None) -> None:
    """Both readers: identical tallies, respondents, issues (rows, columns, values) — or the same error."""
    group = (by,) if by else ()
    failed = _error(lambda: read_responses(path, invalid="skip"))
    assert _error(lambda: read_tallies_engine(path, invalid="skip", group_by=group)) == failed
    if failed is not None:
        return
    ref = read_responses(path, invalid="skip")
    read = read_tallies_engine(path, invalid="skip", group_by=group)
    assert read.respondents == ref.respondents
    assert dict(read.tallies.total().tallies) == tally_frame(ref.frame, ref.instrument)
    assert read.issues == ref.issues
    assert read.invalid_total == len(ref.errors)
    if by:
        expected = tally_set(ref, by)
        assert _comparable(read.tallies) == _comparable(expected)
    # strict reading (invalid cells are an error) fails the same way, naming the same cells
    assert _error(lambda: read_tallies_engine(path)) == _error(lambda: read_responses(path))


@pytest.mark.slow
@SETTINGS
@given(
    table=survey_tables(),
    delimiter=st.sampled_from([",", ";", "\t"]),
    by=st.sampled_from([None, "Jenis layanan"]),
    known=st.sampled_from([24, 1, 0]),
)
def test_engine_equals_reference_on_csv(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, table: list[list[str]], delimiter: str, by: str | None, known: int
) -> None:
    """``known``: how many of the first rows' values the scan counts by name (the others are grouped by a
    second scan, as values first met below the first rows are)."""
    monkeypatch.setattr(engine, "_KNOWN_VALUES", known)
    path = tmp_path / "jawaban.csv"
    write_csv(path, table, delimiter)
    assert_same(path, by=by)


@pytest.mark.slow
@settings(SETTINGS, max_examples=8)
@given(table=survey_tables())
def test_engine_equals_reference_on_parquet(tmp_path: Path, table: list[list[str]]) -> None:
    header_at = next(i for i, r in enumerate(table) if r[1] == "Jenis layanan")
    header, body = table[header_at], table[header_at + 1 :]
    path = tmp_path / "jawaban.parquet"
    pq.write_table(pa.table({h: [r[i] for r in body] for i, h in enumerate(header)}), path)
    assert_same(path)


@st.composite
def workbooks(draw: st.DrawFn) -> dict[str, list[list[object]]]:
    """Sheets of typed cells: a recap sheet without answers, the responses sheet (title rows, numbers or
    labels per element column, blanks, invalid cells, Excel dates, a summary block)."""
    numeric = [draw(st.booleans()) for _ in KEYS]
    # "Cap waktu" names no question for the reader but is weak evidence for one: dates prove it a profile
    first = draw(st.sampled_from(["Tanggal", "Cap waktu"]))
    header: list[object] = [first, "Jenis layanan", *[k.upper() for k in KEYS]]
    for i in draw(st.sets(st.integers(0, len(KEYS) - 1), max_size=3)):  # question texts: the reference's mapping
        header[2 + i] = INSTRUMENT.elements[i].questions[0].text
    rows: list[list[object]] = [["Rekap SKM"], [], header] if draw(st.booleans()) else [header]
    start = datetime(2026, 1, 2, 8)
    for i in range(draw(st.integers(1, 20))):
        row: list[object] = [start + timedelta(hours=7 * i), draw(st.sampled_from(["KTP", "KK", None]))]
        for k, number in zip(KEYS, numeric, strict=True):
            if number:
                row.append(draw(st.sampled_from([1, 2, 3, 4, 4, None, 7, 2.5, 0])))
            else:
                row.append(draw(st.one_of(st.sampled_from(LABELS[k]), st.sampled_from([None, " ", "abc", "9"]))))
        rows.append(row)
    if draw(st.booleans()):
        rows.append([None, "Jumlah", *[10 if number else "10" for number in numeric]])
        if draw(st.booleans()):
            rows.append(
                [start, "KTP", *[4 if number else LABELS[k][3] for k, number in zip(KEYS, numeric, strict=True)]]
            )
    recap = [["Unit", "IKM"], ["Disdukcapil", 82.5]]
    if draw(st.booleans()):
        return {"Rekap": recap, "Jawaban": rows}
    return {"Jawaban": rows, "Catatan": [["dibuat 2026"]]}


@pytest.mark.slow
@settings(SETTINGS, max_examples=10)
@given(book=workbooks())
def test_engine_equals_reference_on_xlsx(tmp_path: Path, book: dict[str, list[list[object]]]) -> None:
    assert_same(write_book(tmp_path / "jawaban.xlsx", book))


@pytest.mark.slow
def test_parquet_numbers_and_row_numbers(tmp_path: Path) -> None:
    """Typed Parquet columns (integers with nulls, floats) read the same both ways, with spreadsheet rows."""
    path = tmp_path / "angka.parquet"
    rng = random.Random(7)
    n = 300
    data = {k.upper(): [rng.choice([1, 2, 3, 4, None]) for _ in range(n)] for k in KEYS}
    data["U3"][17] = 7
    data["U5"] = [float(v) if v is not None else None for v in data["U5"]]
    data["U5"][40] = 2.5
    data["Layanan"] = [rng.choice(["A", "B"]) for _ in range(n)]
    pq.write_table(pa.table(data), path)
    assert_same(path, by="Layanan")
    read = read_tallies_engine(path, invalid="skip")
    assert [(i.row, i.letter, i.value) for i in read.errors] == [(19, "C", "7"), (42, "E", "2.5")]


def test_invalid_cells_first_n_and_the_total(tmp_path: Path) -> None:
    """The engine keeps the first ``limit`` invalid cells with their rows (in row, column order) and counts all."""
    from skm.render.json import result_to_dict

    rows = _survey(50, 9)
    for r in range(1, 50, 5):
        rows[r][2] = "x"
        rows[r][5] = "8"
    path = _csv_of(tmp_path, "bad.csv", rows)
    ref = read_responses(path, invalid="skip")
    read = read_tallies_engine(path, invalid="skip", limit=7)
    assert read.invalid_total == len(ref.errors) == 20
    assert read.errors == ref.errors[:7]
    result = score_tally_set(read.tallies, issues=read.issues, invalid_total=read.invalid_total, source="bad.csv")
    data = result_to_dict(result)
    assert len(data["skipped_cells"]) == 7
    assert data["skipped_cells_total"] == 20


@pytest.mark.slow
def test_google_forms_profile_headers_stay_on_the_engine(tmp_path: Path) -> None:
    """'Cap waktu' and 'Saran' are weak evidence for U3/U8; the engine proves from the cells that they are
    profile columns (timestamps, free text cannot be scale answers) and gives the reader's result."""
    rng = random.Random(12)
    header: list[object] = ["Cap waktu", "Jenis layanan", *[k.upper() for k in KEYS], "Saran"]
    rows = [header]
    for i in range(200):
        answers = [rng.choice(["1", "2", "3", "4", "", "7", "Sangat baik"]) for _ in KEYS]
        saran = rng.choice(["", "", "Antrian panjang", "Petugas ramah sekali", "Ruang tunggu panas"])
        rows.append([f"2026-01-{1 + i % 28:02d} 08:{i % 60:02d}:00", rng.choice(["KTP", "KK"]), *answers, saran])
    path = _csv_of(tmp_path, "gform.csv", rows)
    assert_same(path, by="Jenis layanan")


SARAN_TEXT = ["Antrian panjang", "Petugas ramah sekali", "Ruang tunggu panas", "mantap"]
SARAN_LIKE = ["4", "Sangat baik", "baik sekali", " sangat ", "3 (Baik)"]  # what could be a scale answer


@pytest.mark.slow
@settings(SETTINGS, max_examples=15)
@given(
    n=st.integers(1, 30),
    like=st.sampled_from([0.0, 0.5, 0.95, 1.0]),
    known=st.sampled_from([24, 0]),
    seed=st.integers(0, 1000),
)
def test_profile_columns_proven_by_their_cells(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, n: int, like: float, known: int, seed: int
) -> None:
    """'Cap waktu' and 'Saran' (words of questions) with cells that could or cannot be scale answers: the
    first rows' values are judged once (``known``), the others per row. The engine gives the reader's
    result, or leaves the file to it only when the cells could be ≥ 90 % scale answers."""
    monkeypatch.setattr(engine, "_KNOWN_VALUES", known)
    rng = random.Random(seed)
    rows: list[list[object]] = [["Cap waktu", "Jenis layanan", *[k.upper() for k in KEYS], "Saran"]]
    for i in range(n):
        saran = rng.choice(SARAN_LIKE) if rng.random() < like else rng.choice(["", *SARAN_TEXT])
        stamp = rng.choice([f"2026-01-{1 + i % 28:02d} 08:00:00", "2026-01-02T08:00:00", "12/01/2026 8:15:02", ""])
        rows.append([stamp, "KTP", *[rng.choice(["1", "2", "3", "4", ""]) for _ in KEYS], saran])
    path = _csv_of(tmp_path, "profil.csv", rows)
    declined = None
    try:
        read_tallies_engine(path, invalid="skip")
    except Fallback as exc:
        declined = str(exc)
    if declined is None:
        assert_same(path)
        return
    column, like_answers = (0, ["12/01/2026 8:15:02"]) if "column A " in declined else (-1, SARAN_LIKE)
    filled = [r[column] for r in rows[1:] if str(r[column]).strip()]
    assert sum(v in like_answers for v in filled) >= 0.9 * len(filled), declined


@pytest.mark.parametrize("bad", ["2026-02-30 08:00:00", "2026-05-06 24:00:00", "2026-02-29"])
def test_dates_of_the_certified_form_that_are_no_days(tmp_path: Path, bad: str) -> None:
    """ISO dates are certified in DuckDB (printed back unchanged); one of their form that is no day
    (30 February, hour 24) is still an unreadable date, on its row, as the reference says."""
    rows: list[list[object]] = [["Tanggal", *[k.upper() for k in KEYS]]]
    rows += [[f"2026-01-{1 + i % 28:02d} 08:00:00", *["4"] * len(KEYS)] for i in range(40)]
    rows[7][0] = bad
    rows[11][0] = "2026-03-04"
    path = _csv_of(tmp_path, "tanggal.csv", rows)
    assert_same(path)
    assert [(i.row, i.value) for i in read_tallies_engine(path).issues] == [(8, bad)]


def _xlsx_of(path: Path, rows: list[list[object]]) -> Path:
    import openpyxl

    workbook = openpyxl.Workbook()
    sheet = workbook.active
    assert sheet is not None
    sheet.title = "Jawaban"
    for row in rows:
        sheet.append(row)
    workbook.save(path)
    return path


def _long_sheet(n: int, saran: Callable[[random.Random], object]) -> list[list[object]]:
    """A Google-Forms-like sheet: Excel timestamps under "Cap waktu", answers, a typed "Saran" column."""
    rng = random.Random(5)
    start = datetime(2026, 1, 2, 8)
    rows: list[list[object]] = [["Cap waktu", "Jenis layanan", *[k.upper() for k in KEYS], "Saran"]]
    for i in range(n):
        answers = [rng.choice([1, 2, 3, 4, 4, 3, None]) for _ in KEYS]
        rows.append([start + timedelta(minutes=7 * i), rng.choice(["KTP", "KK"]), *answers, saran(rng)])
    return rows


@pytest.mark.slow
def test_xlsx_past_the_head_rows_and_typed_profile_columns(tmp_path: Path) -> None:
    """Past the rows read in Python (the head is cut from the scanned sheet): invalid cells, a summary
    block and a row below it far down; "Cap waktu" of Excel dates and a "Saran" of numbers off the scale
    are profile columns, proven on the typed columns, so the engine serves the file."""
    rows = _long_sheet(2600, lambda rng: rng.choice([None, 0, 10, 25]))
    rows[2300][4] = 7
    rows[2450][6] = 2.5
    rows.append([None, "Jumlah", *[10] * len(KEYS), None])
    rows.append([datetime(2026, 3, 1), "KTP", *[4] * len(KEYS), None])
    assert_same(_xlsx_of(tmp_path / "panjang.xlsx", rows))


def test_xlsx_head_cut_by_the_size_cap(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Wide or long cells: the scan keeps fewer first rows than asked (its byte cap), the result is the same."""
    from skm.readers import guard

    monkeypatch.setattr(guard, "_HEAD_CAP", 20_000)
    guard._CACHE.clear()
    rows = _long_sheet(400, lambda rng: rng.choice([None, 0, 10]))
    rows[350][5] = 7
    path = _xlsx_of(tmp_path / "lebar.xlsx", rows)
    assert_same(path)
    scan = guard.scan_ooxml(path, head_rows=2000, values=False)["Jawaban"]
    assert not scan.head_complete
    assert 0 < scan.head.count(b"</row>") < 400


def test_a_typed_profile_column_on_the_scale_is_left_to_the_reference(tmp_path: Path) -> None:
    """A "Saran" column of numbers on the scale could be a question for the reader: the engine declines."""
    path = _xlsx_of(tmp_path / "skala.xlsx", _long_sheet(40, lambda rng: rng.choice([1, 2, 3, 4])))
    with pytest.raises(Fallback, match="scale answers"):
        read_tallies_engine(path)
    assert read_responses(path).respondents == 40


def test_a_fallback_scans_the_workbook_once(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The engine declines an Excel error cell; the reference reader then reuses the engine's scan."""
    from skm.readers import guard

    rows = _long_sheet(30, lambda rng: None)
    rows[3][3] = "#N/A"  # an Excel error cell: the reference marks it invalid, the engine declines
    path = _xlsx_of(tmp_path / "galat.xlsx", rows)
    calls: list[Path] = []
    scan = guard._scan_ooxml
    monkeypatch.setattr(guard, "_scan_ooxml", lambda p, *a: calls.append(p) or scan(p, *a))
    guard._CACHE.clear()
    with pytest.raises(Fallback):
        read_tallies_engine(path)
    failed = _error(lambda: read_responses(path))
    assert failed is not None
    assert failed[1][0][1] == "D"
    assert calls == [path]


def test_worded_headers_take_the_reference_mapping(tmp_path: Path) -> None:
    """Columns named by words are scored against every question as the reader scores them (its own
    mapping, on the columns' distinct values and counts): same columns, issues and tallies."""
    rows = _survey(20, 3)
    rows[0][3] = "Waktu penyelesaian pelayanan"
    assert_same(_csv_of(tmp_path, "kata.csv", rows))
    texts = [INSTRUMENT.elements[i].questions[0].text for i in range(len(KEYS))]
    forms = _survey(60, 4)
    forms[0] = ["Jenis layanan", *texts]
    assert_same(_csv_of(tmp_path, "forms.csv", forms), by="Jenis layanan")


def test_fallback_keeps_the_reference(tmp_path: Path) -> None:
    """A blank line inside a CSV (Python's csv counts it as a row, DuckDB skips it) goes to the reference."""
    path = tmp_path / "kosong.csv"
    path.write_text("U1,U2,U3,U4,U5,U6,U7,U8,U9\n4,4,4,4,4,4,4,4,4\n\n3,3,3,3,3,3,3,3,x\n", encoding="utf-8")
    with pytest.raises(Fallback):
        read_tallies_engine(path)


@pytest.mark.slow
@pytest.mark.parametrize("invalid", [False, True])
def test_blank_line_below_the_first_rows(tmp_path: Path, invalid: bool) -> None:
    """A blank line below the rows read in Python: the counts do not depend on it, the row numbers do.
    Without issues naming rows the engine keeps the file; with them it goes to the reference."""
    rows = _survey(30000, 5)
    if invalid:
        rows[-1][3] = "x"
    path = _csv_of(tmp_path, "panjang.csv", rows)
    text = path.read_text(encoding="utf-8").splitlines(keepends=True)
    assert path.stat().st_size > 2 * engine._HEAD_BYTES
    cut = len(text) - 100
    path.write_text("".join([*text[:cut], "\n", *text[cut:]]), encoding="utf-8")
    if invalid:
        with pytest.raises(Fallback):
            read_tallies_engine(path, invalid="skip")
        return
    read = read_tallies_engine(path)
    ref = read_responses(path)
    assert read.respondents == ref.respondents
    assert dict(read.tallies.total().tallies) == tally_frame(ref.frame, ref.instrument)
    assert read.issues == ref.issues


def test_values_first_met_below_the_first_rows(tmp_path: Path) -> None:
    """Values the first rows do not hold (counted by a second scan), per group, with their invalid cells."""
    rows = _survey(4000, 9)
    rows[0].append("Layanan")
    for i, row in enumerate(rows[1:]):
        row.append(["KTP", "KK"][i % 2])
    rows[3500][2] = "Sangat Baik"  # a label of another element: invalid here
    rows[3600][4] = "tujuh"
    path = _csv_of(tmp_path, "bawah.csv", rows)
    read = read_tallies_engine(path, invalid="skip", group_by=("Layanan",))
    ref = read_responses(path, invalid="skip")
    assert read.respondents == ref.respondents
    assert dict(read.tallies.total().tallies) == tally_frame(ref.frame, ref.instrument)
    assert _comparable(read.tallies) == _comparable(tally_set(ref, "Layanan"))
    assert read.issues == ref.issues
    assert [(i.row, i.value) for i in read.errors] == [(3501, "Sangat Baik"), (3601, "tujuh")]


# --- tallies: round trips and pooling -------------------------------------------------------


def _csv_of(tmp_path: Path, name: str, rows: list[list[object]]) -> Path:
    path = tmp_path / name
    with path.open("w", encoding="utf-8", newline="") as f:
        csv.writer(f).writerows(rows)
    return path


def _survey(n: int, seed: int) -> list[list[object]]:
    rng = random.Random(seed)
    header: list[object] = ["Jenis layanan", *[k.upper() for k in KEYS]]
    return [header] + [
        [rng.choice(["KTP", "KK", "=SUM(A1)"]), *[rng.choice([1, 2, 3, 4, ""]) for _ in KEYS]] for _ in range(n)
    ]


@pytest.mark.parametrize("suffix", [".csv", ".parquet"])
def test_score_tallies_score_round_trip(tmp_path: Path, suffix: str) -> None:
    source = _csv_of(tmp_path, "data.csv", _survey(200, 1))
    responses = read_responses(source)
    direct = score_responses(responses, by="Jenis layanan")
    tallies = tally_set(responses, "Jenis layanan")
    out = tmp_path / f"tallies{suffix}"
    out.write_bytes(tallies_bytes(tallies, suffix))
    assert is_tallies_file(out)
    assert not is_tallies_file(source)
    again = read_tallies([out], INSTRUMENT)
    assert again == tallies
    assert score_tally_set(again, source=responses.source, issues=responses.issues) == direct


def test_tallies_of_two_halves_pool_to_the_whole(tmp_path: Path) -> None:
    rows = _survey(301, 2)
    whole = tally_set(read_responses(_csv_of(tmp_path, "all.csv", rows)), "Jenis layanan")
    paths = []
    for name, part in (("a", rows[:150]), ("b", [rows[0], *rows[150:]])):
        half = tally_set(read_responses(_csv_of(tmp_path, f"{name}.csv", part)), "Jenis layanan")
        paths.append(tmp_path / f"{name}.tallies.csv")
        paths[-1].write_bytes(tallies_bytes(half, ".csv"))
    pooled = read_tallies(paths, INSTRUMENT)
    assert pooled == whole
    assert score_tally_set(pooled).index == score_tally_set(whole).index


def test_engine_pools_files_per_file(tmp_path: Path) -> None:
    a = _csv_of(tmp_path, "a.csv", _survey(40, 3))
    b = _csv_of(tmp_path, "b.csv", _survey(50, 4))
    pooled, reads = read_many_engine([a, b])
    assert pooled.group_by == ("berkas",)
    assert sorted(pooled.groups) == [("a.csv",), ("b.csv",)]
    assert pooled.total().respondents == 90 == sum(r.respondents for r in reads)


def test_bad_tallies_file_names_the_row(tmp_path: Path) -> None:
    path = tmp_path / "t.csv"
    path.write_text("question,answer,count\n*,,3\nu1,9,3\n", encoding="utf-8")
    with pytest.raises(SkmError) as caught:
        read_tallies([path], INSTRUMENT)
    assert caught.value.code is IssueCode.BAD_TALLY_ROW
    assert caught.value.params["row"] == 3
    assert caught.value.params["answer"] == 9


# --- the SQL, run on DuckDB and SQLite ------------------------------------------------------


def _warehouse(seed: int, n: int = 400) -> list[dict[str, object]]:
    rng = random.Random(seed)
    out = []
    for i in range(n):
        row: dict[str, object] = {"respondent_id": i, "unit": rng.choice(["Kec. A", "Kec. B", " ", None])}
        for k in KEYS:
            row[k] = rng.choice([1, 2, 3, 4, 4, 3, None, 7, 0])
        if i % 37 == 0:
            row.update(dict.fromkeys(KEYS))  # no answers: not a respondent
        out.append(row)
    return out


def _expected(tmp_path: Path, data: list[dict[str, object]], by: str | None) -> TallySet:
    """The reader's tallies of the same data written as a file (invalid cells skipped)."""
    header = ["unit", *[k.upper() for k in KEYS]]
    rows = [header] + [
        ["" if r["unit"] is None else r["unit"], *["" if r[k] is None else r[k] for k in KEYS]] for r in data
    ]
    responses = read_responses(_csv_of(tmp_path, "wh.csv", rows), invalid="skip")
    return tally_set(responses, by)


def _as_set(rows: list[tuple[object, ...]], by: bool) -> TallySet:
    parsed = [
        (tuple(str(v) for v in r[:-3]), str(r[-3]), None if r[-2] is None else int(str(r[-2])), int(str(r[-1])))
        for r in rows
    ]
    return TallySet.from_rows(parsed, group_by=("unit",) if by else ())


def _sqlite(data: list[dict[str, object]], long: bool) -> sqlite3.Connection:
    con = sqlite3.connect(":memory:")
    if long:
        con.execute("CREATE TABLE responses (respondent_id INTEGER, unit TEXT, question TEXT, answer INTEGER)")
        con.executemany(
            "INSERT INTO responses VALUES (?, ?, ?, ?)",
            [(r["respondent_id"], r["unit"], k.upper(), r[k]) for r in data for k in KEYS],
        )
    else:
        con.execute(
            f"CREATE TABLE responses (respondent_id INTEGER, unit TEXT, {', '.join(f'{k} INTEGER' for k in KEYS)})"
        )
        con.executemany(
            f"INSERT INTO responses VALUES ({', '.join('?' for _ in range(len(KEYS) + 2))})",
            [(r["respondent_id"], r["unit"], *[r[k] for k in KEYS]) for r in data],
        )
    return con


@pytest.mark.slow
@pytest.mark.parametrize("long", [False, True])
@pytest.mark.parametrize("by", [None, "unit"])
def test_sql_on_sqlite_and_duckdb_equals_the_reader(tmp_path: Path, long: bool, by: str | None) -> None:
    data = _warehouse(11)
    expected = _expected(tmp_path, data, by)
    con = _sqlite(data, long)
    sql = tallies_sql("responses", dialect="sqlite", by=[by] if by else [], long=long)
    got_sqlite = _as_set(con.execute(sql).fetchall(), bool(by))
    duck = duckdb.connect()
    cursor = con.execute("SELECT * FROM responses")
    cols = [d[0] for d in cursor.description]
    types = ", ".join(f"{c} {'VARCHAR' if c in ('unit', 'question') else 'INTEGER'}" for c in cols)
    duck.execute(f"CREATE TABLE responses ({types})")
    duck.executemany(f"INSERT INTO responses VALUES ({', '.join('?' for _ in cols)})", cursor.fetchall())
    for dialect in ("duckdb", "postgres"):
        sql = tallies_sql("responses", dialect=dialect, by=[by] if by else [], long=long)
        got = _as_set(duck.execute(sql).fetchall(), bool(by))
        assert _comparable(got) == _comparable(expected), dialect
    assert _comparable(got_sqlite) == _comparable(expected)


def _comparable(tallies: TallySet) -> dict[tuple[str, ...], tuple[int, dict[str, object]]]:
    return {g: (p.respondents, dict(p.tallies)) for g, p in tallies.groups.items()}


def test_sql_for_every_dialect_quotes_names_and_refuses_odd_ones() -> None:
    for dialect in DIALECTS:
        text = tallies_sql("gudang.skm_jawaban", dialect=dialect, by=["kab_kota"])
        quote = "`" if dialect in ("bigquery", "spark") else '"'
        assert f"{quote}gudang{quote}.{quote}skm_jawaban{quote}" in text
        assert f"'{RESPONDENTS}' AS" in text
        assert text.count("UNION ALL") == len(KEYS)
    with pytest.raises(SqlNameError):
        tallies_sql("responses; DROP TABLE x", dialect="duckdb")


# --- the command line: the user never chooses ------------------------------------------------


def _cli(args: list[str], env: dict[str, str]) -> tuple[int, str]:
    from typer.testing import CliRunner

    from skm.cli import app

    result = CliRunner().invoke(app, args, env=env)
    return result.exit_code, result.stdout


@pytest.mark.slow
@pytest.mark.parametrize("invalid", ["skip", "error"])
def test_cli_engine_and_reference_print_the_same(tmp_path: Path, invalid: str) -> None:
    rows = _survey(120, 5)
    rows[9][3] = "9"
    a, b = _csv_of(tmp_path, "a.csv", rows), _csv_of(tmp_path, "b.csv", _survey(80, 6))
    for extra in ([], ["--by", "Jenis layanan"]):
        args = ["score", str(a), str(b), "--format", "json", "--invalid", invalid, *extra]
        engine = _cli(args, {"SKM_ENGINE": "always"})
        assert engine == _cli(args, {"SKM_ENGINE": "never"})
        assert engine[0] == (0 if invalid == "skip" else 1)


@pytest.mark.slow
def test_cli_parquet_tallies_and_sql(tmp_path: Path) -> None:
    rows = _survey(150, 8)
    source = _csv_of(tmp_path, "data.csv", rows)
    parquet = tmp_path / "data.parquet"
    columns = {str(h): [None if r[i] == "" else r[i] for r in rows[1:]] for i, h in enumerate(rows[0])}
    pq.write_table(pa.table(columns), parquet)  # integer answer columns with nulls
    reference = _cli(["score", str(source), "--format", "json"], {"SKM_ENGINE": "never"})[1]
    for mode in ("always", "never"):
        got = _cli(["score", str(parquet), "--format", "json"], {"SKM_ENGINE": mode})[1]
        assert got.replace("data.parquet", "data.csv") == reference
    out = tmp_path / "t.parquet"
    assert _cli(["score", str(source), "--format", "tallies", "-o", str(out)], {})[0] == 0
    assert _cli(["score", str(source), "--format", "tallies", "-o", str(out)], {})[0] == 4  # never overwritten
    again = _cli(["score", str(out), "--format", "json"], {})[1]
    assert again.replace("t.parquet", "data.csv") == reference
    code, text = _cli(["sql", "--table", "x.y", "--dialect", "spark", "--long"], {})
    assert code == 0
    assert "`x`.`y`" in text
    assert _cli(["sql", "--table", "x;y"], {})[0] == 2


@pytest.mark.slow
@pytest.mark.parametrize("argv", [["sample", "1000"], ["sql", "--table", "t"], ["score", "--help"]])
def test_fast_commands_do_not_load_the_engine(argv: list[str]) -> None:
    """DuckDB, pyarrow and fastexcel are imported only when a large file is read."""
    import subprocess
    import sys

    code = (
        "import sys\nfrom skm.cli import app\n"
        f"try:\n    app({argv!r})\nexcept SystemExit:\n    pass\n"
        "print(sorted(m for m in ('pandas', 'duckdb', 'pyarrow', 'fastexcel') if m in sys.modules))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip().splitlines()[-1] == "[]"


@pytest.mark.slow
def test_parallel_csv_reader_keeps_row_numbers(tmp_path: Path) -> None:
    """A CSV large enough for DuckDB's parallel reader: invalid cells keep their spreadsheet rows."""
    path = tmp_path / "besar.csv"
    n = 600_000
    answers = ", ".join(f"'{1 + i % 4}' AS \"{k.upper()}\"" for i, k in enumerate(KEYS[1:], start=1))
    con = duckdb.connect()
    con.execute(
        f"COPY (SELECT 'orang ' || i AS \"Nama\", CASE WHEN i % 50000 = 7 THEN 'x' ELSE '3' END AS \"U1\", "
        f"{answers} FROM range({n}) r(i)) TO '{path}' (HEADER, DELIMITER ',')"
    )
    assert path.stat().st_size > 8 << 20
    read = read_tallies_engine(path, invalid="skip")
    assert read.respondents == n
    assert [i.row for i in read.errors] == [i + 2 for i in range(n) if i % 50000 == 7]
    assert all(i.letter == "B" and i.value == "x" for i in read.errors)
