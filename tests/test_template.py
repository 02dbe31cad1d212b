"""`skm template`: the entry workbook reads back with `skm score`, and the printable forms."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from openpyxl import load_workbook
from typer.testing import CliRunner

import skm
from skm.cli import app
from skm.core.calc import compute_ikm
from skm.core.instrument import KEPMENPAN_25_2004, PERMENPAN_14_2017, Instrument
from skm.errors import ExitCode
from skm.readers.instrument_file import load_instrument_file
from skm.render.json import result_to_dict
from skm.render.questionnaire import ordered_questions

ROOT = Path(__file__).resolve().parent.parent
CUSTOM = ROOT / "examples" / "instrumen_kustom.toml"
runner = CliRunner()

PROFILE = ["No. Responden", "Tanggal", "Jenis Kelamin", "Usia", "Pendidikan", "Pekerjaan", "Jenis Layanan"]


def make(tmp_path: Path, *args: str, name: str = "kuesioner.xlsx") -> Path:
    path = tmp_path / name
    out = runner.invoke(app, ["template", "-o", str(path), *args])
    assert out.exit_code == ExitCode.OK, out.output
    return path


def fill(path: Path, instrument: Instrument, answers: list[list[int | None]], *, labels: bool = False) -> Path:
    """Type answers into the entry sheet in its column order (questionnaire order), as a user would."""
    book = load_workbook(path)
    sheet = book["Data"] if "Data" in book.sheetnames else book.active
    assert sheet is not None
    header = [c.value for c in sheet[1]]
    questions = ordered_questions(instrument)
    first = header.index(questions[0][2].key.upper()) + 1  # openpyxl columns count from 1
    for r, row in enumerate(answers, start=2):
        sheet.cell(row=r, column=1, value=r - 1)
        sheet.cell(row=r, column=7, value="KTP" if r % 2 else "KK")
        for offset, ((_, _, question), value) in enumerate(zip(questions, row, strict=True)):
            cell_value: object = value
            if labels and value is not None:
                cell_value = question.labels[value - instrument.scale_min]
            sheet.cell(row=r, column=first + offset, value=cell_value)
        sheet.cell(row=r, column=len(header), value="Pelayanan cepat" if r == 2 else None)
    filled = path.with_name("terisi_" + path.name)
    book.save(filled)
    return filled


def expected(instrument: Instrument, answers: list[list[int | None]]) -> skm.IkmResult:
    keys = [q.key for _, _, q in ordered_questions(instrument)]
    return compute_ikm([dict(zip(keys, row, strict=True)) for row in answers], instrument)


ANSWERS_9 = [
    [4, 3, 3, 4, 3, 4, 4, 3, 4],
    [3, 3, 2, 4, 3, 4, 3, 3, 4],
    [4, 4, 3, 4, 4, None, 4, 2, 3],
    [2, 3, 3, 4, 3, 3, 3, 3, 3],
]


def test_workbook_layout(tmp_path: Path) -> None:
    path = make(tmp_path, "--service", "KTP-el", "--service", "Kartu Keluarga", "--service", "KTP-el")
    book = load_workbook(path)
    assert book.sheetnames == ["Petunjuk", "Data", "Pilihan"]
    assert book["Pilihan"].sheet_state == "hidden"
    data = book["Data"]
    header = [c.value for c in data[1]]
    # questionnaire order: Sarana (U9) is question 8, Pengaduan (U8) question 9
    assert header == [*PROFILE, "U1", "U2", "U3", "U4", "U5", "U6", "U7", "U9", "U8", "Saran"]
    assert data.freeze_panes == "B2"
    validations = {str(dv.sqref): dv.formula1 for dv in data.data_validations.dataValidation}
    for letter in "HIJKLMNOP":
        assert validations[f"{letter}2:{letter}1001"] == '"1,2,3,4"'
    services = validations["G2:G1001"]
    assert services.startswith("'Pilihan'!")
    assert [c.value for c in book["Pilihan"]["D"][1:3]] == ["KTP-el", "Kartu Keluarga"]  # de-duplicated
    help_text = "\n".join(str(c.value) for row in book["Petunjuk"].iter_rows() for c in row if c.value)
    assert "Cara mengisi" in help_text
    assert "skm score kuesioner.xlsx" in help_text
    assert "Sangat sesuai" in help_text
    assert "Dikelola dengan baik" in help_text
    assert data["H1"].comment is not None
    assert "Persyaratan" in data["H1"].comment.text


@pytest.mark.slow
def test_workbook_in_english(tmp_path: Path) -> None:
    book = load_workbook(make(tmp_path, "--lang", "en"))
    assert book.sheetnames[:2] == ["Instructions", "Data"]
    assert [c.value for c in book["Data"][1]][:3] == ["Respondent No.", "Date", "Gender"]
    help_text = "\n".join(str(c.value) for row in book["Instructions"].iter_rows() for c in row if c.value)
    assert "How to fill in" in help_text


@pytest.mark.slow
@pytest.mark.parametrize("labels", [False, True])
def test_round_trip_template_fill_score(tmp_path: Path, labels: bool) -> None:
    args = ["--answers", "labels"] if labels else []
    filled = fill(make(tmp_path, *args), PERMENPAN_14_2017, ANSWERS_9, labels=labels)
    out = runner.invoke(app, ["score", str(filled), "--format", "json", "--by", "layanan"])
    assert out.exit_code == ExitCode.OK, out.output
    data = json.loads(out.stdout)
    want = expected(PERMENPAN_14_2017, ANSWERS_9)
    assert data["respondents"] == 4
    assert data["ikm"] == float(want.ikm_display)
    assert data["index"] == float(want.index_display)
    assert [e["answered"] for e in data["elements"]] == [4, 4, 4, 4, 4, 3, 4, 4, 4]
    assert {g["group"] for g in data["groups"]} == {"KTP", "KK"}
    assert data == result_to_dict(skm.score(filled, by="layanan"))


def test_round_trip_2004_instrument(tmp_path: Path) -> None:
    answers = [[3] * 13 + [4], [4] * 7 + [2] * 7, [2, 3] * 7]
    filled = fill(make(tmp_path, "--instrument", "kepmenpan-25-2004"), KEPMENPAN_25_2004, answers)
    out = runner.invoke(app, ["score", str(filled), "--format", "json", "--instrument", "kepmenpan-25-2004"])
    assert out.exit_code == ExitCode.OK, out.output
    data = json.loads(out.stdout)
    assert data["instrument"] == "kepmenpan-25-2004"
    assert len(data["elements"]) == 14
    assert data["ikm"] == float(expected(KEPMENPAN_25_2004, answers).ikm_display)


@pytest.mark.slow
def test_round_trip_custom_instrument_with_sub_questions(tmp_path: Path) -> None:
    inst = load_instrument_file(CUSTOM)
    path = make(tmp_path, "--instrument", str(CUSTOM), "--answers", "labels")
    book = load_workbook(path)
    header = [c.value for c in book["Data"][1]]
    assert header[7:10] == ["U1A", "U1B", "U2"]
    help_text = "\n".join(str(c.value) for row in book["Petunjuk"].iter_rows() for c in row if c.value)
    assert f"--instrument {CUSTOM}" in help_text
    answers = [[4, 2, 3, 4, 3, 3, 4, 2, 3], [3, None, 3, 3, 4, 3, 4, 1, 3], [4, 4, 2, 4, 3, 4, 3, 2, 4]]
    filled = fill(path, inst, answers, labels=True)
    out = runner.invoke(app, ["score", str(filled), "--format", "json", "--instrument", str(CUSTOM)])
    assert out.exit_code == ExitCode.OK, out.output
    assert json.loads(out.stdout)["ikm"] == float(expected(inst, answers).ikm_display) == 81.25


def test_refuses_to_overwrite_without_force(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    assert runner.invoke(app, ["template"]).exit_code == ExitCode.OK
    assert (tmp_path / "kuesioner.xlsx").exists()
    again = runner.invoke(app, ["template"])
    assert again.exit_code == ExitCode.OUTPUT_ERROR
    assert "--force" in again.stderr
    assert runner.invoke(app, ["template", "--force"]).exit_code == ExitCode.OK
    assert runner.invoke(app, ["template", "--format", "md"]).exit_code == ExitCode.OK
    assert (tmp_path / "kuesioner.md").exists()


def test_xlsx_format_needs_an_xlsx_name(tmp_path: Path) -> None:
    out = runner.invoke(app, ["template", "--format", "xlsx", "-o", str(tmp_path / "a.csv")])
    assert out.exit_code == ExitCode.USAGE


@pytest.mark.parametrize("fmt", ["md", "html", "forms"])
def test_printable_forms_hold_every_question_and_label(tmp_path: Path, fmt: str) -> None:
    path = make(tmp_path, "--format", fmt, "--service", "KTP & KK", name=f"k.{fmt}")
    text = path.read_text("utf-8")
    for element in PERMENPAN_14_2017.elements:
        question = element.questions[0]
        assert (question.text if fmt != "html" else question.text.replace("/", "/")) in text
        for label in question.labels:
            assert label in text
    sarana = text.index("kualitas sarana dan prasarana")
    pengaduan = text.index("penanganan pengaduan")
    assert sarana < pengaduan  # questionnaire order
    if fmt == "md":
        assert "- [ ] d. Sangat sesuai" in text
        assert "8. Bagaimana pendapat Saudara tentang kualitas sarana" in text
    if fmt == "html":
        assert text.startswith("<!DOCTYPE html>")
        assert "KTP &amp; KK" in text
    if fmt == "forms":
        block = text.split("kesesuaian persyaratan pelayanan dengan jenis pelayanannya?\n", 1)[1].split("\n\n")[0]
        assert block.splitlines() == list(PERMENPAN_14_2017.element("U1").labels)


def test_docx_questionnaire(tmp_path: Path) -> None:
    from docx import Document

    path = make(tmp_path, "--format", "docx", "--instrument", "2004", "--lang", "en", name="k.docx")
    text = "\n".join(p.text for p in Document(str(path)).paragraphs)
    assert "Community Satisfaction Survey Questionnaire" in text
    assert "14. Bagaimana pendapat Saudara tentang keamanan pelayanan" in text
    assert "☐ d. Sangat aman" in text


def test_format_from_suffix(tmp_path: Path) -> None:
    path = make(tmp_path, name="kuesioner.html")
    assert path.read_text("utf-8").startswith("<!DOCTYPE html>")


@pytest.mark.parametrize(
    ("name", "render", "lang"),
    [
        ("template.id.md", "md", "id"),
        ("template.en.md", "md", "en"),
        ("template.forms.id.txt", "forms", "id"),
    ],
)
def test_template_text_golden(golden, name: str, render: str, lang: str) -> None:  # type: ignore[no-untyped-def]
    from skm.render.questionnaire import TemplateSpec, forms_text, questionnaire_markdown
    from skm.text import Lang

    spec = TemplateSpec(PERMENPAN_14_2017, lang=Lang(lang), services=("KTP-el", "Kartu Keluarga"))
    golden(name, questionnaire_markdown(spec) if render == "md" else forms_text(spec))


@pytest.mark.slow
def test_template_help_imports_no_heavy_libraries() -> None:
    import subprocess
    import sys

    code = (
        "import sys\nfrom skm.cli import app\n"
        "try:\n    app(['template', '--help'])\nexcept SystemExit:\n    pass\n"
        "print(','.join(m for m in ('pandas', 'openpyxl', 'docx') if m in sys.modules) or 'OK')"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip().splitlines()[-1] == "OK"


@pytest.mark.slow
def test_instruction_sheet_names_the_question_columns_in_code_order(tmp_path: Path) -> None:
    book = load_workbook(make(tmp_path, "--instrument", "2004"))
    help_text = "\n".join(str(c.value) for row in book["Petunjuk"].iter_rows() for c in row if c.value)
    assert "(U1 … U14)" in help_text
    assert "skm score kuesioner.xlsx --instrument kepmenpan-25-2004" in help_text
