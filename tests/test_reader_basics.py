"""Reading plain U1..U9 files (csv and xlsx) and reporting every bad cell."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import openpyxl
import pandas as pd
import pytest

import skm
from skm.errors import ExitCode, IssueCode, SkmError
from skm.readers import read_responses

HEADER = ["No", "Nama Layanan", *[f"U{i}" for i in range(1, 10)]]


def write_xlsx(path: Path, rows: list[list[object]], *, title_rows: int = 0, sheet: str = "Data") -> Path:
    wb = openpyxl.Workbook()
    ws = wb.active
    assert ws is not None
    ws.title = sheet
    for i in range(title_rows):
        ws.append([f"Judul {i + 1}"])
    for r in rows:
        ws.append(r)
    wb.save(path)
    return path


def test_mahulu_golden(mahulu: Path) -> None:
    result = skm.score(mahulu)
    assert result.respondents == 26
    assert [str(e.nrr_display) for e in result.elements] == [
        "3.5769", "3.6154", "3.5769", "3.9615", "3.6538", "3.6538", "3.7692", "3.6923", "3.9231",
    ]  # fmt: skip
    assert result.index_display == Decimal("3.7137")
    assert result.ikm_display == Decimal("92.84")
    assert result.grade == "A"
    assert result.performance == "Sangat baik"


@pytest.mark.parametrize(("weight", "ikm"), [("exact", "92.84"), ("0.111", "92.75"), ("0.11", "91.91")])
def test_mahulu_under_each_weight(mahulu: Path, weight: str, ikm: str) -> None:
    rules = skm.ScoringRules(weight=skm.WeightPolicy(weight))
    assert skm.score(mahulu, rules=rules).ikm_display == Decimal(ikm)


def test_mahulu_keeps_attributes_and_profile(mahulu: Path) -> None:
    responses = read_responses(mahulu)
    assert responses.frame.index[0] == 2  # spreadsheet row of the first respondent
    assert "saran" in responses.attribute_columns()
    assert responses.profile["service"] == "jenisPelayanan"
    assert responses.profile["gender"] == "jenkel"


@pytest.mark.parametrize("header", ["u1", "U 1", "Unsur 1", "UNSUR-1", "u01", " U1 "])
def test_header_spellings(tmp_path: Path, header: str) -> None:
    cols = [header, *[f"U{i}" for i in range(2, 10)]]
    path = tmp_path / "a.csv"
    path.write_text(",".join(cols) + "\n" + ",".join(["4"] * 9) + "\n", encoding="utf-8")
    assert skm.score(path).ikm == 100


def test_xlsx_with_title_rows_reports_excel_rows(tmp_path: Path) -> None:
    rows: list[list[object]] = [HEADER, [1, "KTP", 4, 4, 4, 4, 4, 4, 4, 4, 4], [2, "KK", 3, 3, 7, 3, "x", 3, 3, 3, 3]]
    path = write_xlsx(tmp_path / "t.xlsx", rows, title_rows=2)
    with pytest.raises(SkmError) as info:
        read_responses(path)
    err = info.value
    assert err.exit_code is ExitCode.INVALID_DATA
    found = [(i.row, i.column, i.letter, i.code) for i in err.issues]
    assert found == [(5, "U3", "E", IssueCode.OUT_OF_RANGE), (5, "U5", "G", IssueCode.UNKNOWN_LABEL)]


def test_invalid_skip_scores_the_rest(tmp_path: Path) -> None:
    rows: list[list[object]] = [HEADER, [1, "KTP", 4, 4, 4, 4, 4, 4, 4, 4, 4], [2, "KK", 3, 3, 7, 3, 3, 3, 3, 3, 3]]
    path = write_xlsx(tmp_path / "t.xlsx", rows)
    responses = read_responses(path, invalid="skip")
    assert len(responses.errors) == 1
    result = skm.score(responses)
    assert result.element("U3").answered == 1
    assert result.element("U1").answered == 2


def test_numbers_typed_as_text_and_floats(tmp_path: Path) -> None:
    rows: list[list[object]] = [HEADER, [1, "A", "4", " 3 ", 2.0, "1,0", 4, 4, 4, 4, 4]]
    path = write_xlsx(tmp_path / "t.xlsx", rows)
    result = skm.score(path)
    assert [e.sum for e in result.elements[:4]] == [4, 3, 2, 1]


def test_non_integer_answer(tmp_path: Path) -> None:
    path = tmp_path / "a.csv"
    path.write_text(",".join(f"U{i}" for i in range(1, 10)) + "\n3.5," + ",".join(["4"] * 8) + "\n", "utf-8")
    with pytest.raises(SkmError) as info:
        read_responses(path)
    assert [i.code for i in info.value.issues] == [IssueCode.NOT_AN_INTEGER]


def test_blank_rows_are_skipped_with_a_reason(tmp_path: Path) -> None:
    rows: list[list[object]] = [HEADER, [1, "A", *[4] * 9], [], [3, "C", *[None] * 9], [4, "D", *[3] * 9]]
    responses = read_responses(write_xlsx(tmp_path / "t.xlsx", rows))
    assert responses.respondents == 2
    assert [(s.row, s.reason) for s in responses.skipped] == [(3, "empty"), (4, "no-answers")]


def test_missing_element_columns(tmp_path: Path) -> None:
    path = tmp_path / "a.csv"
    path.write_text("U1,U2,U3\n4,4,4\n", encoding="utf-8")
    with pytest.raises(SkmError) as info:
        read_responses(path)
    assert info.value.exit_code is ExitCode.INVALID_DATA
    assert info.value.issues[0].code is IssueCode.MISSING_ELEMENTS
    assert info.value.issues[0].params["codes"] == "U4, U5, U6, U7, U8, U9"


def test_no_element_columns_lists_what_exists(tmp_path: Path) -> None:
    path = tmp_path / "a.csv"
    path.write_text("nama,alamat\nx,y\n", encoding="utf-8")
    with pytest.raises(SkmError) as info:
        read_responses(path)
    assert info.value.code is IssueCode.NO_ELEMENT_COLUMNS
    assert info.value.exit_code is ExitCode.INPUT_ERROR
    assert "'nama'" in str(info.value.params["columns"])


@pytest.mark.parametrize("content", ["", "U1,U2,U3,U4,U5,U6,U7,U8,U9\n"])
def test_empty_and_header_only(tmp_path: Path, content: str) -> None:
    path = tmp_path / "a.csv"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(SkmError) as info:
        read_responses(path)
    assert info.value.exit_code is ExitCode.INPUT_ERROR
    assert info.value.code in {IssueCode.EMPTY_FILE, IssueCode.NO_ELEMENT_COLUMNS}


def test_missing_file(tmp_path: Path) -> None:
    with pytest.raises(SkmError) as info:
        read_responses(tmp_path / "nope.xlsx")
    assert info.value.code is IssueCode.FILE_NOT_FOUND


def test_corrupt_xlsx(tmp_path: Path) -> None:
    path = tmp_path / "bad.xlsx"
    path.write_bytes(b"this is not a zip file")
    with pytest.raises(SkmError) as info:
        read_responses(path)
    assert info.value.code is IssueCode.UNREADABLE
    assert info.value.exit_code is ExitCode.INPUT_ERROR


def test_semicolon_csv_with_bom(tmp_path: Path) -> None:
    path = tmp_path / "a.csv"
    text = ";".join(["Layanan", *[f"U{i}" for i in range(1, 10)]]) + "\r\n" + ";".join(["KTP; KK", *["3"] * 9])
    path.write_bytes(text.replace("KTP; KK", '"KTP; KK"').encode("utf-8-sig"))
    responses = read_responses(path)
    assert responses.frame["Layanan"].tolist() == ["KTP; KK"]
    assert skm.score(responses).ikm == 75


def test_dataframe_input_matches_file(mahulu: Path) -> None:
    frame = pd.read_csv(mahulu)
    assert skm.score(frame).ikm == skm.score(mahulu).ikm


def test_dataframe_errors_use_spreadsheet_rows() -> None:
    frame = pd.DataFrame({f"U{i}": [4, 4] for i in range(1, 10)})
    frame.loc[1, "U2"] = 9
    with pytest.raises(SkmError) as info:
        skm.score(frame)
    assert [(i.row, i.column) for i in info.value.issues] == [(3, "U2")]


def test_input_file_is_never_modified(mahulu: Path) -> None:
    before = mahulu.read_bytes()
    skm.score(mahulu, by="layanan")
    assert mahulu.read_bytes() == before


def test_a_whole_number_out_of_scale_is_shown_as_typed(tmp_path: Path) -> None:
    """A spreadsheet stores 7 as the float 7.0: the message shows ``7``, as the user typed it, by either
    reader; a fraction keeps its decimals."""
    from skm.errors import shorten
    from skm.readers.engine import read_tallies_engine
    from test_engine import write_book

    assert (shorten(7.0), shorten(2.5), shorten(-0.0), shorten("7.0")) == ("7", "2.5", "0", "7.0")
    header = ["Jenis layanan", *(f"U{i}" for i in range(1, 10))]
    rows = [header, *(["KTP", *[3] * 9] for _ in range(20)), ["KTP", *[3] * 8, 7], ["KTP", *[3] * 8, 2.5]]
    path = write_book(tmp_path / "data.xlsx", {"Jawaban": rows})
    reference = read_responses(path, invalid="skip")
    engine = read_tallies_engine(path, invalid="skip")
    for issues in (reference.issues, engine.issues):
        assert sorted((i.row, i.value) for i in issues if i.letter == "J") == [(22, "7"), (23, "2.5")]
