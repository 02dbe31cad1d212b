"""The files units really have: Google Forms, the processing template, Indonesian CSV, workbooks.

Every layout is written from the same respondents (tests/realfiles.py) and must give the same
index as the tidy U1..U9 table, with every decision visible in ``skm check``.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest
from typer.testing import CliRunner

import skm
from realfiles import (
    FORM_ORDER,
    KEYS,
    LABELS,
    PEOPLE,
    QUESTIONS,
    google_forms_rows,
    indonesian_csv,
    plain_csv,
    processing_template,
    write_csv,
    write_xlsx,
)
from skm.cli import app
from skm.errors import ExitCode, IssueCode, Severity, SkmError
from skm.readers import read_responses
from skm.render.json import check_to_dict, dumps

runner = CliRunner()


@pytest.fixture
def reference(tmp_path: Path) -> skm.IkmResult:
    return skm.score(plain_csv(tmp_path / "plain.csv"))


def golden_check(golden: Callable[[str, str], None], name: str, path: Path, **kwargs: object) -> dict[str, object]:
    responses = read_responses(path, invalid="skip", strict=False, **kwargs)  # type: ignore[arg-type]
    data = check_to_dict(responses, "en")
    golden(f"check/{name}.json", dumps(data) + "\n")
    return data


# --- Google Forms -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "english", "numbered", "kind"),
    [
        ("gform_id_xlsx", False, True, "xlsx"),
        ("gform_en_csv", True, False, "csv"),
    ],
)
def test_google_forms_give_the_plain_index(
    tmp_path: Path,
    reference: skm.IkmResult,
    golden: Callable[[str, str], None],
    name: str,
    english: bool,
    numbered: bool,
    kind: str,
) -> None:
    rows = google_forms_rows(english=english, numbered=numbered)
    path = tmp_path / f"{name}.{kind}"
    if kind == "xlsx":
        write_xlsx(path, {"Form Responses 1" if english else "Jawaban Formulir 1": rows})
    else:
        write_csv(path, rows)
    result = skm.score(path)
    assert result.index == reference.index
    assert [e.nrr for e in result.elements] == [e.nrr for e in reference.elements]
    data = golden_check(golden, name, path)
    by_letter = {c["letter"]: c for c in data["columns"]}  # type: ignore[union-attr]
    # the 8th question (column M) asks about facilities: U9, by its words, not by its number
    assert by_letter["M"]["element"] == "U9"
    assert by_letter["M"]["how"] == "text"
    assert by_letter["N"]["element"] == "U8"
    assert data["profile"] == {
        "date": "Timestamp" if english else "Cap waktu",
        "gender": "Jenis Kelamin",
        "age": "Usia",
        "education": "Pendidikan Terakhir",
        "service": "Jenis layanan yang diterima",
        "suggestion": "Saran dan masukan untuk perbaikan layanan",
    }
    assert data["issues"] == []


def test_google_forms_by_service(tmp_path: Path) -> None:
    path = write_csv(tmp_path / "g.csv", google_forms_rows())
    result = skm.score(path, by="layanan")
    assert [g.group for g in result.groups] == ["Akta Kelahiran", "KTP-el", "Kartu Keluarga"]
    assert sum(g.respondents for g in result.groups) == len(PEOPLE)


def test_bare_u8_u9_follow_their_labels(tmp_path: Path, reference: skm.IkmResult) -> None:
    """A sheet with bare U8/U9 in the questionnaire's order: the labels decide, with a warning."""
    header = [k.upper() for k in KEYS]  # but the answers come in the form's order: U8 holds Sarana
    rows: list[list[object]] = [header]
    for p in PEOPLE:
        rows.append([LABELS[k][p[6][KEYS.index(k)] - 1] for k in FORM_ORDER])
    path = write_csv(tmp_path / "bare.csv", rows)
    responses = read_responses(path)
    assert skm.score(responses).index == reference.index
    warnings = [i for i in responses.issues if i.code is IssueCode.HEADER_LABEL_MISMATCH]
    assert [(w.letter, w.severity) for w in warnings] == [("H", Severity.WARNING), ("I", Severity.WARNING)]
    assert "U9 (Sarana dan Prasarana)" in str(warnings[0].params["label_element"])
    assert [(c.letter, c.key, c.how) for c in responses.columns[7:]] == [("H", "u9", "labels"), ("I", "u8", "labels")]


def test_header_and_labels_disagree_is_a_warning_naming_both(tmp_path: Path) -> None:
    rows = google_forms_rows()
    # the form author pasted the complaints answers under the facilities question
    for row in rows[1:]:
        row[12] = "Dikelola dengan baik"
    path = write_csv(tmp_path / "g.csv", rows)
    responses = read_responses(path)
    (warning,) = [i for i in responses.issues if i.code is IssueCode.HEADER_LABEL_MISMATCH]
    assert warning.severity is Severity.WARNING
    assert warning.letter == "M"
    assert warning.params["header_element"] == "U9 (Sarana dan Prasarana)"
    assert warning.params["label_element"] == "U8 (Penanganan Pengaduan, Saran dan Masukan)"
    assert responses.frame["u9"].tolist() == [4] * len(PEOPLE)  # kept under the header's element


def test_free_text_question_naming_an_element_is_a_suggestion(tmp_path: Path, reference: skm.IkmResult) -> None:
    rows = google_forms_rows()
    rows[0].append("Saran untuk perbaikan sarana dan prasarana")
    for i, row in enumerate(rows[1:]):
        row.append("Toilet kotor" if i % 3 == 0 else "")
    responses = read_responses(write_csv(tmp_path / "g.csv", rows))
    assert skm.score(responses).index == reference.index
    assert responses.columns[-1].key is None
    assert "Saran untuk perbaikan sarana dan prasarana" in responses.attribute_columns()


def test_unknown_label_names_value_and_expected(tmp_path: Path) -> None:
    rows = google_forms_rows()
    rows[3][5] = "Lumayan sesuai sekali, walau kadang-kadang tidak"
    path = write_csv(tmp_path / "g.csv", rows)
    with pytest.raises(SkmError) as info:
        read_responses(path)
    (issue,) = info.value.issues
    assert issue.code is IssueCode.UNKNOWN_LABEL
    assert (issue.row, issue.letter) == (4, "F")
    assert issue.value is not None
    assert issue.value.endswith("…")
    assert len(issue.value) == 40
    assert issue.params["expected"] == "1 = Tidak sesuai, 2 = Kurang sesuai, 3 = Sesuai, 4 = Sangat sesuai"


def test_column_without_header_words_is_found_by_its_labels(tmp_path: Path, reference: skm.IkmResult) -> None:
    rows = google_forms_rows()
    rows[0][8] = "Pertanyaan keempat"  # U4 (biaya) asked without its keyword
    path = write_csv(tmp_path / "g.csv", rows)
    responses = read_responses(path)
    info = responses.columns[8]
    assert (info.key, info.how) == ("u4", "labels")
    assert skm.score(responses).index == reference.index


# --- the processing template --------------------------------------------------------------------


def test_processing_template(tmp_path: Path, reference: skm.IkmResult, golden: Callable[[str, str], None]) -> None:
    path = processing_template(tmp_path / "olah_data.xlsx")
    responses = read_responses(path)
    assert responses.respondents == len(PEOPLE)
    assert responses.header_row == 5
    assert skm.score(responses).index == reference.index
    reasons = {s.row: s.reason for s in responses.skipped}
    assert [r for r, why in reasons.items() if why == "title"] == [1, 2, 4]
    assert [r for r, why in reasons.items() if why == "no-answers"] == [18, 19, 20]
    assert [r for r, why in reasons.items() if why == "summary"] == [21, 22, 23, 24, 25, 27, 28, 29, 30]
    assert reasons[26] == "empty"
    assert responses.issues == []
    golden_check(golden, "template", path)


def test_respondent_below_the_summary_is_skipped_with_a_warning(tmp_path: Path) -> None:
    rows: list[list[object]] = [["No", *[k.upper() for k in KEYS]], [1, *[4] * 9], [2, *[3] * 9]]
    rows += [["Jumlah", *[7] * 9], ["NRR/Unsur", *[3.5] * 9], [3, *[2] * 9]]
    responses = read_responses(write_xlsx(tmp_path / "t.xlsx", {"Data": rows}))
    assert responses.respondents == 2
    assert [(s.row, s.reason) for s in responses.skipped] == [(4, "summary"), (5, "summary"), (6, "summary")]
    assert [(i.code, i.row, i.severity) for i in responses.issues] == [
        (IssueCode.ROW_AFTER_SUMMARY, 6, Severity.WARNING)
    ]


# --- Indonesian-locale CSV ----------------------------------------------------------------------


@pytest.mark.parametrize("encoding", ["utf-8-sig", "cp1252"])
def test_indonesian_csv(tmp_path: Path, reference: skm.IkmResult, encoding: str) -> None:
    path = indonesian_csv(tmp_path / "excel_id.csv", encoding=encoding)
    raw = path.read_bytes()
    assert b"\r\n" in raw
    assert b";" in raw
    assert raw.startswith(b"\xef\xbb\xbf") == (encoding == "utf-8-sig")
    responses = read_responses(path)
    assert skm.score(responses).index == reference.index
    frame = responses.frame
    assert frame.loc[4, "Saran"] == "Antrian panjang; mohon ditambah loket"  # quoted field with the delimiter
    assert frame.loc[3, "Lama tunggu (jam)"] == "1,0"  # decimal comma kept as written
    if encoding == "cp1252":
        assert frame.loc[3, "Layanan"] == "KTP-el – Café"
    assert responses.profile["date"] == "Tanggal"


# --- several sheets -----------------------------------------------------------------------------


def _recap_rows() -> list[list[object]]:
    return [["Rekap", *[k.upper() for k in KEYS]], ["NRR/Unsur", *[3.5] * 9], ["IKM", 87.5]]


def test_sheet_with_answers_is_found(tmp_path: Path, reference: skm.IkmResult) -> None:
    plain = [["Layanan", *[k.upper() for k in KEYS]], *[[p[0], *p[6]] for p in PEOPLE]]
    path = write_xlsx(
        tmp_path / "w.xlsx", {"Petunjuk": [["Isi data di sheet Data"]], "Data": plain, "Rekap": _recap_rows()}
    )
    responses = read_responses(path)
    assert responses.sheet == "Data"
    assert skm.score(responses).index == reference.index
    assert read_responses(path, sheet="2").sheet == "Data"
    assert read_responses(path, sheet="data").sheet == "Data"


def test_ambiguous_sheets_are_listed(tmp_path: Path) -> None:
    plain = [["Layanan", *[k.upper() for k in KEYS]], *[[p[0], *p[6]] for p in PEOPLE]]
    path = write_xlsx(tmp_path / "w.xlsx", {"TW1": plain, "TW2": plain, "Catatan": [["-"]]})
    with pytest.raises(SkmError) as info:
        read_responses(path)
    assert info.value.code is IssueCode.AMBIGUOUS_SHEET
    assert info.value.params["sheets"] == "1. 'TW1', 2. 'TW2'"
    with pytest.raises(SkmError) as missing:
        read_responses(path, sheet="TW3")
    assert missing.value.params["sheets"] == "1. TW1, 2. TW2, 3. Catatan"


# --- custom labels ------------------------------------------------------------------------------

PUAS = ["Tidak puas", "Kurang puas", "Puas", "Sangat puas"]


def _puas_file(tmp_path: Path) -> Path:
    rows: list[list[object]] = [["Layanan", *[k.upper() for k in KEYS]]]
    rows += [[p[0], *[PUAS[v - 1] for v in p[6]]] for p in PEOPLE]
    return write_csv(tmp_path / "puas.csv", rows)


@pytest.mark.parametrize(
    ("name", "text"),
    [
        ("labels.toml", '[labels]\n"Tidak puas" = 1\n"Kurang puas" = 2\n"Puas" = 3\n"Sangat puas" = 4\n'),
        ("labels.csv", "label,score\nTidak puas,1\nKurang puas,2\nPuas,3\nSangat puas,4\n"),
    ],
)
def test_labels_file(tmp_path: Path, reference: skm.IkmResult, name: str, text: str) -> None:
    path = _puas_file(tmp_path)
    labels = tmp_path / name
    labels.write_text(text, encoding="utf-8")
    result = runner.invoke(app, ["score", str(path), "--labels", str(labels), "--format", "json"])
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["index"] == float(reference.index_display)


def test_per_column_labels(tmp_path: Path) -> None:
    path = _puas_file(tmp_path)
    labels = tmp_path / "l.toml"
    labels.write_text('[columns.U1]\n"Tidak puas" = 1\n"Kurang puas" = 2\n"Puas" = 3\n"Sangat puas" = 4\n')
    result = runner.invoke(app, ["check", str(path), "--labels", str(labels), "--format", "json"])
    assert result.exit_code == ExitCode.INVALID_DATA
    columns = {i["column"] for i in json.loads(result.stdout)["issues"]}
    assert columns == {k.upper() for k in KEYS[1:]}


def test_unknown_labels_print_a_mapping_to_fill_in(tmp_path: Path) -> None:
    path = _puas_file(tmp_path)
    result = runner.invoke(app, ["score", str(path)])
    assert result.exit_code == ExitCode.INVALID_DATA
    err = result.stderr
    assert "U3 (D): Puas, Kurang puas, Sangat puas, Tidak puas" in err
    template = err[err.index("# Pemetaan") :]
    assert '"Kurang puas" = 2  # tebakan, periksa' in template
    labels = tmp_path / "label.toml"
    labels.write_text(template, encoding="utf-8")
    again = runner.invoke(app, ["score", str(path), "--labels", str(labels)])
    assert again.exit_code == 0, again.output


# --- skm check ----------------------------------------------------------------------------------


def test_check_json_equals_the_api(tmp_path: Path) -> None:
    path = processing_template(tmp_path / "t.xlsx")
    result = runner.invoke(app, ["check", str(path), "--format", "json", "--lang", "en"])
    assert result.exit_code == 0, result.output
    expected = check_to_dict(read_responses(path, strict=False), "en")
    assert json.loads(result.stdout) == json.loads(dumps(expected))


def test_check_exit_codes(tmp_path: Path) -> None:
    rows = google_forms_rows()
    rows[2][6] = "9"
    bad = write_csv(tmp_path / "bad.csv", rows)
    assert runner.invoke(app, ["check", str(bad)]).exit_code == ExitCode.INVALID_DATA
    skipped = runner.invoke(app, ["check", str(bad), "--invalid", "skip"])
    assert skipped.exit_code == 0
    assert "baris 3" in skipped.stdout
    assert runner.invoke(app, ["check", str(tmp_path / "none.xlsx")]).exit_code == ExitCode.INPUT_ERROR
    broken = tmp_path / "broken.xlsx"
    broken.write_bytes(b"not a zip")
    assert runner.invoke(app, ["check", str(broken)]).exit_code == ExitCode.INPUT_ERROR
    missing = write_csv(tmp_path / "m.csv", [["U1", "U2"], ["4", "4"]])
    out = runner.invoke(app, ["check", str(missing), "--format", "json"])
    assert out.exit_code == ExitCode.INVALID_DATA
    assert json.loads(out.stdout)["issues"][0]["code"] == "missing-elements"


def test_check_table_explains_columns(tmp_path: Path) -> None:
    path = write_csv(tmp_path / "g.csv", google_forms_rows())
    result = runner.invoke(app, ["check", str(path), "--lang", "en"])
    assert result.exit_code == 0, result.output
    out = result.stdout
    assert "U9 Sarana dan Prasarana" in out
    assert "candidates: U3" in out  # every column's candidates, scores and evidence (issue 11)
    assert "'kecepatan'" in out
    assert "profile: date" in out
    assert "No problems" in out
    plain = runner.invoke(app, ["check", str(plain_csv(tmp_path / "plain.csv")), "--lang", "en"], terminal_width=200)
    assert "bare code 'U8': read in the regulation's list order" in plain.stdout


PARAPHRASES = {
    "u1": ["Kesesuaian persyaratan pelayanan", "1. Apakah persyaratan pelayanan sesuai?", "Syarat pelayanan",
           "How appropriate were the service requirements?"],
    "u2": ["Kemudahan prosedur pelayanan", "Sistem, mekanisme dan prosedur", "How easy was the procedure?"],
    "u3": ["Kecepatan waktu pelayanan", "Ketepatan waktu penyelesaian", "How fast was the service (speed)?",
           "Bagaimana pendapat Anda tentang waktu pelayanan di unit ini?"],
    "u4": ["Kewajaran biaya/tarif", "Biaya / tarif pelayanan", "How fair was the cost/fee?"],
    "u5": ["Kesesuaian produk pelayanan", "Produk spesifikasi jenis pelayanan", "Product of the service"],
    "u6": ["Kompetensi petugas", "Kemampuan petugas dalam memberikan pelayanan", "Staff competence"],
    "u7": ["Perilaku petugas", "Kesopanan dan keramahan petugas", "Sikap petugas", "Staff behaviour (courtesy)"],
    "u8": ["Penanganan pengaduan, saran dan masukan", "Keluhan pengguna layanan ditangani?", "Complaint handling"],
    "u9": ["Kualitas sarana dan prasarana", "Fasilitas pelayanan", "Facilities and infrastructure"],
}  # fmt: skip
NOT_ELEMENTS = ["Nama", "Nomor HP", "Tanggal kunjungan", "Waktu kedatangan", "Cap waktu", "Timestamp", "Jenis kelamin",
                "Kritik dan saran", "Jenis layanan", "Lama menunggu (menit)", "Apakah Anda puas?", "Email address",
                "Tanggal dan waktu kunjungan Anda ke kantor ini"]  # fmt: skip


def test_paraphrases_and_other_columns() -> None:
    from skm.readers.headers import match_header

    for key, texts in PARAPHRASES.items():
        for text in texts:
            m = match_header(text, skm.PERMENPAN_14_2017)
            assert m is not None, text
            assert m.key == key, text
    for text in NOT_ELEMENTS:
        assert match_header(text, skm.PERMENPAN_14_2017) is None, text


def test_question_texts_are_recognised_alone() -> None:
    from skm.readers.headers import match_header

    for key, text in QUESTIONS.items():
        m = match_header(text, skm.PERMENPAN_14_2017)
        assert m is not None, text
        assert m.key == key, text


# --- several files ------------------------------------------------------------------------------


def _split(tmp_path: Path) -> Path:
    folder = tmp_path / "unit"
    folder.mkdir()
    write_csv(folder / "a_ktp.csv", [["Layanan", *[k.upper() for k in KEYS]], *[[p[0], *p[6]] for p in PEOPLE[:5]]])
    write_xlsx(folder / "b_kk.xlsx", {"Data": google_forms_rows()[:1] + google_forms_rows()[6:]})
    (folder / "~$b_kk.xlsx").write_bytes(b"lock file of an open workbook")
    (folder / "catatan.txt.bak").write_text("not a responses file")
    return folder


def test_several_files_pool_and_group_by_file(tmp_path: Path, reference: skm.IkmResult) -> None:
    folder = _split(tmp_path)
    result = skm.score(folder, by="berkas")
    assert result.index == reference.index  # pooled respondents, not the mean of two indexes
    assert [(g.group, g.respondents) for g in result.groups] == [("a_ktp.csv", 5), ("b_kk.xlsx", 7)]
    same = skm.score([folder / "a_ktp.csv", folder / "b_kk.xlsx"], by="unit")
    assert same.groups == result.groups


def test_score_cli_folder(tmp_path: Path, reference: skm.IkmResult) -> None:
    folder = _split(tmp_path)
    result = runner.invoke(app, ["score", str(folder), "--format", "json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["index"] == float(reference.index_display)
    assert data["group_by"] == "berkas"
    assert [g["group"] for g in data["groups"]] == ["a_ktp.csv", "b_kk.xlsx"]
    by_service = json.loads(runner.invoke(app, ["score", str(folder), "--by", "layanan", "--format", "json"]).stdout)
    assert by_service["group_by"] != "berkas"


def test_several_files_report_every_bad_file(tmp_path: Path) -> None:
    a = write_csv(tmp_path / "a.csv", [[k.upper() for k in KEYS], ["4"] * 8 + ["7"]])
    b = write_csv(tmp_path / "b.csv", [[k.upper() for k in KEYS], ["x"] + ["4"] * 8])
    result = runner.invoke(app, ["score", str(a), str(b)])
    assert result.exit_code == ExitCode.INVALID_DATA
    assert "a.csv, baris 2" in result.stderr
    assert "b.csv, baris 2" in result.stderr


# --- other sources ------------------------------------------------------------------------------


@pytest.mark.parametrize("name", ["kobo", "limesurvey", "skm_go_id", "ods", "xls"])
def test_other_sources(tmp_path: Path, reference: skm.IkmResult, golden: Callable[[str, str], None], name: str) -> None:
    from realfiles import kobo_rows, limesurvey_rows, skm_go_id_rows, write_ods, write_xls

    if name == "kobo":
        path = write_csv(tmp_path / "kobo.csv", kobo_rows(), delimiter=";")
    elif name == "limesurvey":
        path = write_csv(tmp_path / "results-survey123.csv", limesurvey_rows())
    elif name == "skm_go_id":
        path = write_xlsx(tmp_path / "skm_go_id.xlsx", {"Responden": skm_go_id_rows()})
    elif name == "ods":
        path = write_ods(tmp_path / "jawaban.ods", google_forms_rows())
    else:
        path = write_xls(tmp_path / "jawaban.xls", google_forms_rows(), sheet="Jawaban Formulir 1")
    responses = read_responses(path)
    assert skm.score(responses).index == reference.index
    assert str(responses.frame[responses.profile["date"]].dtype).startswith("datetime64")
    data = golden_check(golden, name, path)
    assert data["issues"] == []


def test_labels_example_in_the_docs_works(tmp_path: Path, reference: skm.IkmResult) -> None:
    from skm.readers.labelfile import load_labels

    text = (Path(__file__).resolve().parent.parent / "docs" / "readers.md").read_text("utf-8")
    (block,) = [b.split("```", 1)[0] for b in text.split("```toml\n")[1:]]
    labels = tmp_path / "label.toml"
    labels.write_text(block, encoding="utf-8")
    book = load_labels(labels)
    assert book.column_mapping("u9", "U9")["jelek"] == 1
    assert skm.score(_puas_file(tmp_path), labels=book).index == reference.index


def test_check_several_files(tmp_path: Path) -> None:
    folder = _split(tmp_path)
    result = runner.invoke(app, ["check", str(folder), "--format", "json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert [(d["source"], d["respondents"]) for d in data] == [("a_ktp.csv", 5), ("b_kk.xlsx", 7)]
    (folder / "c_rusak.xlsx").write_bytes(b"not a zip")
    broken = runner.invoke(app, ["check", str(folder), "--format", "json"])
    assert broken.exit_code == ExitCode.INPUT_ERROR
    assert json.loads(broken.stdout)[2] == {
        "source": "c_rusak.xlsx",
        "error": {"code": "unreadable-file", "message": json.loads(broken.stdout)[2]["error"]["message"]},
    }
    assert "c_rusak.xlsx" in broken.stderr
    table = runner.invoke(app, ["check", str(folder / "a_ktp.csv"), str(folder / "b_kk.xlsx")])
    assert table.exit_code == 0
    assert "a_ktp.csv" in table.stdout
    assert "b_kk.xlsx" in table.stdout
