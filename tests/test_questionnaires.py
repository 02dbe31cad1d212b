"""Real questionnaires read by their wording (issue 11): six files made the way units make them,
each scored to an IKM computed here from the raw numbers; the vocabulary table entry by entry;
the assignment; the refusals when the wording really is ambiguous."""

from __future__ import annotations

import io
import json
import random
from collections.abc import Sequence
from fractions import Fraction
from pathlib import Path

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

import skm
from realfiles import write_csv, write_xlsx
from skm.cli import app
from skm.core.instrument import PERMENPAN_14_2017, Instrument
from skm.errors import ExitCode, IssueCode, SkmError
from skm.readers import read_responses
from skm.readers.assign import assign, close_calls, total
from skm.readers.headers import VOCABULARY, WEAK, header_candidates, match_header
from skm.readers.instrument_file import instrument_from_toml
from skm.readers.table import responses_from_frame
from skm.text import issue_line

runner = CliRunner()
K = PERMENPAN_14_2017.question_keys

# --- the raw numbers and the index computed independently -------------------------------------


def answers(keys: Sequence[str], n: int, seed: int) -> list[dict[str, int | None]]:
    """``n`` respondents' scores 1–4 per question (about one in twenty left blank)."""
    rng = random.Random(seed)
    out = []
    for _ in range(n):
        row: dict[str, int | None] = {}
        for key in keys:
            row[key] = None if rng.random() < 0.05 else rng.choices([1, 2, 3, 4], weights=[1, 2, 6, 5])[0]
        out.append(row)
    return out


def expected_ikm(instrument: Instrument, raw: list[dict[str, int | None]]) -> Fraction:
    """IKM = 25 × Σ weight × NRR; an element's NRR is the mean of its questions' means."""
    total_ = Fraction(0)
    weights = instrument.exact_weights()
    for element, weight in zip(instrument.elements, weights, strict=True):
        means = []
        for q in element.questions:
            given_ = [r[q.key] for r in raw if r[q.key] is not None]
            means.append(Fraction(sum(given_), len(given_)))  # type: ignore[arg-type]
        total_ += weight * sum(means, Fraction(0)) / len(means)
    return 25 * total_


def label(instrument: Instrument, key: str, score: int | None) -> str | None:
    if score is None:
        return None
    question = next(q for e in instrument.elements for q in e.questions if q.key == key)
    return question.labels[score - 1]


PROFILE = [
    ("Cap waktu", lambda i: f"2026-02-{1 + i % 27:02d} 09:{i % 60:02d}:00"),
    ("Jenis Kelamin", lambda i: "Laki-laki" if i % 2 else "Perempuan"),
    ("Usia", lambda i: 20 + (i * 7) % 45),
    ("Pendidikan Terakhir", lambda i: ["SMA", "D3", "S1", "S2"][i % 4]),
]


def sheet(
    headers: dict[str, str], raw: list[dict[str, int | None]], *, labels: Instrument | None = None, extra: Sequence = ()
) -> list[list[object]]:
    """Rows of a form export: profile columns, the questions under ``headers`` (key → header), extras."""
    rows: list[list[object]] = [[h for h, _ in PROFILE] + list(headers.values()) + [h for h, _ in extra]]
    for i, r in enumerate(raw):
        scores = [label(labels, k, r[k]) if labels else r[k] for k in headers]
        rows.append([f(i) for _, f in PROFILE] + scores + [f(i) for _, f in extra])
    return rows


def mapping_of(responses: skm.Responses) -> dict[str, str]:
    return {c.header: c.key for c in responses.columns if c.key}


# --- 1. typos in a Google Form's questions --------------------------------------------------------

TYPOS = {
    "u1": "1. Bagaimana pendapat Saudara tentang kesusaian persyaratan pelayanan dengan jenis pelayanannya?",
    "u2": "2. Bagaimana pemahaman Saudara tentang kemudahn prosedur pelayanan di unit ini?",
    "u3": "3. Bagaimana pendapat Saudara tentang kecepatan waktu dalam memberikan pelayanan?",
    "u4": "4. Bagaimana pendapat Saudara tentang kewajaran biaya/tarif dalam pelayanan?",
    "u5": "5. Bagaimana pendapat Saudara tentang kesesuaian produk pelayanan dengan hasil yang diteriman?",
    "u6": "6. Bagaimana pendapat Saudara tentang kompetnsi/kemampuan petugas dalam pelayanan?",
    "u7": "7. Bagaimana pendapat Saudara tentang perilaku petugas terkait kesopanan dan keramahn?",
    "u9": "8. Bagaimana pendapat Saudara tentang kualitas sarana dan prasaranan?",
    "u8": "9. Bagaimana pendapat Saudara tentang penanganan pengadun pengguna layanan?",
}


def test_typos_in_the_questions(tmp_path: Path) -> None:
    raw = answers(K, 40, 1)
    path = write_xlsx(tmp_path / "typo.xlsx", {"Jawaban Formulir 1": sheet(TYPOS, raw, labels=PERMENPAN_14_2017)})
    responses = read_responses(path)
    assert mapping_of(responses) == {h: k for k, h in TYPOS.items()}
    assert skm.score(path).ikm == expected_ikm(PERMENPAN_14_2017, raw)


# --- 2. ten questions, two for one element ----------------------------------------------------------

TEN_TOML = """
key = "dinas-10"
title = "Dinas X: 10 pertanyaan"
base = "permenpan-14-2017"
[[elements]]
code = "U1"
[[elements]]
code = "U2"
[[elements]]
code = "U3"
[[elements]]
code = "U4"
[[elements]]
code = "U5"
[[elements]]
code = "U6"
[[elements]]
code = "U7"
[[elements]]
code = "U8"
name = "Penanganan Pengaduan, Saran dan Masukan"
labels = ["Tidak ada", "Ada tetapi tidak berfungsi", "Berfungsi kurang maksimal", "Dikelola dengan baik"]
  [[elements.questions]]
  key = "u8a"
  text = "Apakah tersedia sarana pengaduan yang mudah diakses?"
  [[elements.questions]]
  key = "u8b"
  text = "Bagaimana tindak lanjut atas pengaduan yang Saudara sampaikan?"
[[elements]]
code = "U9"
"""
TEN = {
    "u1": "P1) Bagaimana pendapat Saudara tentang kesesuaian persyaratan pelayanan dengan jenis pelayanannya?",
    "u2": "P2) Bagaimana pemahaman Saudara tentang kemudahan prosedur pelayanan di unit ini?",
    "u3": "P3) Bagaimana pendapat Saudara tentang kecepatan waktu dalam memberikan pelayanan?",
    "u4": "P4) Bagaimana pendapat Saudara tentang kewajaran biaya/tarif dalam pelayanan?",
    "u5": "P5) Bagaimana pendapat Saudara tentang kesesuaian produk pelayanan antara yang tercantum dalam standar "
    "pelayanan dengan hasil yang diberikan?",
    "u6": "P6) Bagaimana pendapat Saudara tentang kompetensi/kemampuan petugas dalam pelayanan?",
    "u7": "P7) Bagaimana pendapat Saudara tentang perilaku petugas dalam pelayanan terkait kesopanan dan keramahan?",
    "u9": "P8) Bagaimana pendapat Saudara tentang kualitas sarana dan prasarana?",
    "u8a": "P9) Apakah tersedia sarana pengaduan yang mudah diakses?",
    "u8b": "P10) Bagaimana tindak lanjut atas pengaduan yang Saudara sampaikan?",
}


def test_ten_questions_two_for_one_element(tmp_path: Path) -> None:
    instrument = instrument_from_toml(TEN_TOML)
    raw = answers(instrument.question_keys, 35, 2)
    path = write_csv(tmp_path / "sepuluh.csv", sheet(TEN, raw))
    responses = read_responses(path, instrument=instrument)
    assert mapping_of(responses) == {h: k for k, h in TEN.items()}
    assert skm.score(path, instrument=instrument).ikm == expected_ikm(instrument, raw)


def test_missing_sub_questions_are_counted_as_questions(tmp_path: Path) -> None:
    instrument = instrument_from_toml(TEN_TOML)
    raw = answers(instrument.question_keys, 10, 3)
    headers = {k: h for k, h in TEN.items() if k not in {"u8a", "u8b"}}
    path = write_csv(tmp_path / "kurang.csv", sheet(headers, raw))
    with pytest.raises(SkmError) as info:
        read_responses(path, instrument=instrument)
    (issue,) = info.value.issues
    assert issue.code is IssueCode.MISSING_QUESTIONS
    assert "pertanyaan U8a, U8b tidak ditemukan; instrumen ini punya 10 pertanyaan dalam 9 unsur" in issue_line(issue)
    assert "questions U8a, U8b not found; this instrument has 10 questions in 9 elements" in issue_line(issue, "en")


def test_a_repeated_sub_question_is_named_as_a_question(tmp_path: Path) -> None:
    instrument = instrument_from_toml(TEN_TOML)
    raw = answers(instrument.question_keys, 5, 14)
    rows = sheet(TEN, raw)
    rows[0][rows[0].index(TEN["u8b"])] = "U8a"  # the code says u8a twice
    rows[0][rows[0].index(TEN["u8a"])] = "U8a"
    with pytest.raises(SkmError) as info:
        read_responses(write_csv(tmp_path / "ganda.csv", rows), instrument=instrument)
    lines = [issue_line(i) for i in info.value.issues]
    assert any(line.startswith("ganda.csv, baris 1: pertanyaan U8a muncul di lebih dari satu kolom") for line in lines)
    assert any("pertanyaan U8b tidak ditemukan; instrumen ini punya 10 pertanyaan dalam 9 unsur" in x for x in lines)


# --- 3. twenty-seven questions, three per element ----------------------------------------------------

THREE_EACH = {
    "U1": [
        "Persyaratan pelayanan mudah dipenuhi",
        "Informasi persyaratan pelayanan jelas dan lengkap",
        "Persyaratan yang diminta sesuai dengan jenis layanan",
    ],
    "U2": [
        "Prosedur pelayanan mudah dipahami",
        "Alur pelayanan ditampilkan dengan jelas",
        "Mekanisme pelayanan tidak berbelit-belit",
    ],
    "U3": [
        "Waktu penyelesaian pelayanan sesuai standar",
        "Petugas melayani dengan cepat",
        "Jadwal pelayanan dipatuhi oleh petugas",
    ],
    "U4": [
        "Biaya pelayanan sesuai dengan tarif yang ditetapkan",
        "Tidak ada pungutan di luar ketentuan",
        "Informasi biaya atau tarif diumumkan secara terbuka",
    ],
    "U5": [
        "Produk pelayanan sesuai dengan standar pelayanan",
        "Hasil pelayanan diterima tanpa kesalahan",
        "Produk layanan diterima sesuai janji",
    ],
    "U6": [
        "Petugas memiliki kemampuan yang memadai",
        "Petugas menguasai keahlian di bidangnya",
        "Petugas cakap menjawab pertanyaan pengguna",
    ],
    "U7": [
        "Petugas bersikap sopan",
        "Petugas melayani dengan ramah",
        "Petugas santun dan tidak membeda-bedakan",
    ],
    "U8": [
        "Tersedia layanan pengaduan",
        "Pengaduan ditanggapi dengan cepat",
        "Keluhan pengguna ditindaklanjuti",
    ],
    "U9": [
        "Ruang tunggu nyaman dan bersih",
        "Fasilitas pendukung pelayanan lengkap",
        "Sarana bagi penyandang disabilitas tersedia",
    ],
}


def three_each_toml(*, with_texts: bool = True) -> str:
    parts = ['key = "dinas-27"\ntitle = "Dinas Y: 27 pertanyaan"\nbase = "permenpan-14-2017"\n']
    for element in PERMENPAN_14_2017.elements:
        parts.append(f'[[elements]]\ncode = "{element.code}"\nname = "{element.name}"\n')
        for j, text in enumerate(THREE_EACH[element.code]):
            key = f"{element.key}{'abc'[j]}"
            parts.append(f'  [[elements.questions]]\n  key = "{key}"\n')
            if with_texts:
                parts.append(f'  text = "{text}"\n')
    return "".join(parts)


def three_each_headers() -> dict[str, str]:
    out = {}
    n = 0
    for element in PERMENPAN_14_2017.elements:
        for j, text in enumerate(THREE_EACH[element.code]):
            n += 1
            out[f"{element.key}{'abc'[j]}"] = f"{n}. {text}"
    return out


def test_twenty_seven_questions_three_per_element(tmp_path: Path) -> None:
    instrument = instrument_from_toml(three_each_toml())
    assert len(instrument.question_keys) == 27
    raw = answers(instrument.question_keys, 30, 4)
    headers = three_each_headers()
    path = write_xlsx(tmp_path / "dua_puluh_tujuh.xlsx", {"Form Responses 1": sheet(headers, raw)})
    responses = read_responses(path, instrument=instrument)
    assert mapping_of(responses) == {h: k for k, h in headers.items()}
    assert skm.score(path, instrument=instrument).ikm == expected_ikm(instrument, raw)


def test_twenty_seven_questions_without_texts_are_refused_naming_columns(tmp_path: Path) -> None:
    instrument = instrument_from_toml(three_each_toml(with_texts=False))
    raw = answers(instrument.question_keys, 10, 5)
    path = write_csv(tmp_path / "tanpa_teks.csv", sheet(three_each_headers(), raw))
    with pytest.raises(SkmError) as info:
        read_responses(path, instrument=instrument)
    assert info.value.exit_code is ExitCode.INVALID_DATA
    ambiguous = [i for i in info.value.issues if i.code is IssueCode.AMBIGUOUS_COLUMNS]
    assert ambiguous
    line = issue_line(ambiguous[0], "en")
    assert "rename column" in line
    assert "--map" in line
    assert line.count("'") >= 4  # both columns named with their headers


# --- 4. headers naming two elements ------------------------------------------------------------------

TWO_NAMES = {
    "u1": "Persyaratan pelayanan",
    "u8": "Prosedur penyampaian aduan/keluhan/saran",
    "u2": "Kemudahan alur pelayanan",
    "u5": "Kesesuaian hasil pelayanan dengan waktu yang ditetapkan",
    "u3": "Jangka waktu penyelesaian layanan",
    "u4": "Biaya/tarif sesuai ketentuan, tanpa imbalan tambahan",
    "u6": "Kemampuan dan keahlian petugas",
    "u7": "Sikap sopan santun petugas",
    "u9": "Fasilitas ruang tunggu",
}


def test_headers_naming_two_elements(tmp_path: Path) -> None:
    raw = answers(K, 25, 6)
    path = write_csv(tmp_path / "dua_unsur.csv", sheet(TWO_NAMES, raw))
    responses = read_responses(path)
    assert mapping_of(responses) == {h: k for k, h in TWO_NAMES.items()}
    assert skm.score(path).ikm == expected_ikm(PERMENPAN_14_2017, raw)
    u5 = next(c for c in responses.columns if c.key == "u5")
    assert [c.key for c in u5.candidates][:2] == ["u5", "u3"]  # both considered, the product phrase wins


def test_two_columns_naming_one_element_only_are_refused(tmp_path: Path) -> None:
    headers = dict(TWO_NAMES)
    headers["u5"] = "Kecepatan layanan"  # U5 asked nowhere, U3 twice in the same words
    headers["u3"] = "Kecepatan pelayanan"
    raw = answers(K, 10, 7)
    path = write_csv(tmp_path / "ragu.csv", sheet(headers, raw))
    with pytest.raises(SkmError) as info:
        read_responses(path)
    (issue,) = [i for i in info.value.issues if i.code is IssueCode.AMBIGUOUS_COLUMNS]
    line = issue_line(issue, "en")
    for letter, header in {"H": "Kecepatan layanan", "I": "Kecepatan pelayanan"}.items():
        assert f"{letter} '{header}'" in line
    assert "rename column" in line
    assert "--map" in line
    assert "ganti nama kolom" in issue_line(issue)
    # the fix it names works
    result = runner.invoke(app, ["score", str(path), "--map", "H=U5", "--format", "json"])
    assert result.exit_code == 0, result.output
    fixed = skm.load(path, column_map={"H": "U5"})
    assert skm.score(fixed).ikm == expected_ikm(PERMENPAN_14_2017, raw)


def test_a_coded_profile_column_with_an_element_word_is_no_noise(tmp_path: Path) -> None:
    raw = answers(K, 12, 17)
    coded = [("Waktu kunjungan", lambda i: 1 + i % 2), ("Pendidikan", lambda i: 1 + i % 4)]
    path = write_csv(tmp_path / "kode_profil.csv", sheet(REGULATION_ORDER, raw, extra=coded))
    responses = read_responses(path)
    assert mapping_of(responses) == {h: k for k, h in REGULATION_ORDER.items()}
    assert {"Waktu kunjungan", "Pendidikan"} <= set(responses.attribute_columns())
    assert not [i for i in responses.issues if i.code is IssueCode.COLUMN_LEFT_OVER]


def test_a_clearly_weaker_rival_is_left_over_and_reported(tmp_path: Path) -> None:
    headers = dict(TWO_NAMES)
    headers["u5"] = "Kecepatan layanan"  # U3 is clearly "Jangka waktu penyelesaian layanan" (I)
    raw = answers(K, 10, 7)
    path = write_csv(tmp_path / "sisa.csv", sheet(headers, raw))
    responses = read_responses(path, strict=False)
    assert mapping_of(responses)["Jangka waktu penyelesaian layanan"] == "u3"
    (left,) = [i for i in responses.issues if i.code is IssueCode.COLUMN_LEFT_OVER]
    assert left.letter == "H"
    assert "rename column H to U5 or use --map H=U5" in issue_line(left, "en")
    assert IssueCode.MISSING_ELEMENTS in {i.code for i in responses.issues}


def test_a_scale_column_naming_nothing_is_named_when_a_question_is_missing(tmp_path: Path) -> None:
    headers = dict(TWO_NAMES)
    headers["u5"] = "Secara umum, bagaimana menurut Anda?"
    raw = answers(K, 10, 13)
    path = write_csv(tmp_path / "umum.csv", sheet(headers, raw))
    with pytest.raises(SkmError) as info:
        read_responses(path)
    (hint,) = [i for i in info.value.issues if i.code is IssueCode.SCALE_COLUMN_UNNAMED]
    assert hint.letter == "H"
    assert "rename column H to U5 or use --map H=U5" in issue_line(hint, "en")
    assert skm.score(path, column_map={"H": "U5"}).ikm == expected_ikm(PERMENPAN_14_2017, raw)
    complete = read_responses(
        write_csv(tmp_path / "lengkap.csv", sheet(TWO_NAMES, raw, extra=[("Nilai umum", lambda i: 3)]))
    )
    assert not [i for i in complete.issues if i.code is IssueCode.SCALE_COLUMN_UNNAMED]  # nothing missing: no noise


# --- 5. a profile column whose header holds an element word ------------------------------------

PROFILE_WORDS = {
    "u1": "Kesesuaian persyaratan",
    "u2": "Kemudahan prosedur",
    "u3": "Kecepatan pelayanan",
    "u4": "Kewajaran biaya",
    "u5": "Kesesuaian produk layanan",
    "u6": "Kompetensi petugas",
    "u7": "Pelayanan sopan santun",  # starts like a profile header; its answers are on the scale
    "u8": "Penanganan pengaduan",
    "u9": "Kualitas sarana prasarana",
}
PROFILE_EXTRA = [
    ("Layanan pengaduan yang digunakan", lambda i: ["Loket", "WhatsApp", "Website"][i % 3]),
    ("Waktu kunjungan", lambda i: ["Pagi", "Siang"][i % 2]),
    ("Saran perbaikan fasilitas", lambda i: "Tambah kursi ruang tunggu" if i % 3 == 0 else None),
    ("Kritik dan Saran", lambda i: "Pertahankan" if i % 4 == 0 else None),
]


def test_profile_column_with_an_element_word(tmp_path: Path) -> None:
    raw = answers(K, 30, 8)
    path = write_csv(tmp_path / "profil.csv", sheet(PROFILE_WORDS, raw, extra=PROFILE_EXTRA))
    responses = read_responses(path)
    assert mapping_of(responses) == {h: k for k, h in PROFILE_WORDS.items()}
    assert responses.profile["suggestion"] == "Saran perbaikan fasilitas"
    assert {"Layanan pengaduan yang digunakan", "Waktu kunjungan", "Kritik dan Saran"} <= set(
        responses.attribute_columns()
    )
    assert skm.score(path).ikm == expected_ikm(PERMENPAN_14_2017, raw)


# --- 6. the regulation's example order: Sarana asked 8th --------------------------------------------

REGULATION_ORDER = {
    "u1": "U1 - Persyaratan",
    "u2": "U2 - Sistem, mekanisme, dan prosedur",
    "u3": "U3 - Waktu penyelesaian",
    "u4": "U4 - Biaya/tarif",
    "u5": "U5 - Produk spesifikasi jenis pelayanan",
    "u6": "U6 - Kompetensi pelaksana",
    "u7": "U7 - Perilaku pelaksana",
    "u9": "U8 - Sarana dan prasarana",
    "u8": "U9 - Penanganan pengaduan, saran dan masukan",
}


def test_regulation_order_sarana_asked_eighth(tmp_path: Path) -> None:
    raw = answers(K, 28, 9)
    path = write_xlsx(tmp_path / "urutan.xlsx", {"Rekap": sheet(REGULATION_ORDER, raw, labels=PERMENPAN_14_2017)})
    responses = read_responses(path)
    assert mapping_of(responses) == {h: k for k, h in REGULATION_ORDER.items()}
    assert skm.score(path).ikm == expected_ikm(PERMENPAN_14_2017, raw)


# --- the mapping does not depend on column order or on profile columns ------------------------------

EXTRA_PROFILE = [
    ("Nama", "Budi"),
    ("Pekerjaan", "Wiraswasta"),
    ("Jenis Layanan", "KTP"),
    ("Waktu kunjungan", "Pagi"),
    ("Unit", "Loket 2"),
    ("Saran", "Lebih cepat"),
    ("Layanan pengaduan yang digunakan", "WhatsApp"),
    ("Pendidikan", 3),
    ("Email address", "x@example.org"),
]
CASES = {
    "typos": (lambda: PERMENPAN_14_2017, TYPOS),
    "two-names": (lambda: PERMENPAN_14_2017, TWO_NAMES),
    "profile-words": (lambda: PERMENPAN_14_2017, PROFILE_WORDS),
    "regulation-order": (lambda: PERMENPAN_14_2017, REGULATION_ORDER),
    "ten": (lambda: instrument_from_toml(TEN_TOML), TEN),
    "twenty-seven": (lambda: instrument_from_toml(three_each_toml()), three_each_headers()),
}


@pytest.mark.slow
@settings(max_examples=40, deadline=None)
@given(
    case=st.sampled_from(sorted(CASES)),
    order=st.randoms(use_true_random=False),
    extras=st.lists(st.sampled_from(range(len(EXTRA_PROFILE))), unique=True, max_size=len(EXTRA_PROFILE)),
)
def test_shuffled_columns_and_profile_columns_never_change_the_mapping(
    case: str, order: random.Random, extras: list[int]
) -> None:
    make, headers = CASES[case]
    instrument = make()
    raw = answers(instrument.question_keys, 6, 10)
    data: dict[str, list[object]] = {h: [r[k] for r in raw] for k, h in headers.items()}
    for i in extras:
        name, value = EXTRA_PROFILE[i]
        data[name] = [value] * len(raw)
    names = list(data)
    order.shuffle(names)
    frame = pd.DataFrame({n: data[n] for n in names}, dtype=object)
    responses = responses_from_frame(frame, instrument=instrument)
    assert mapping_of(responses) == {h: k for k, h in headers.items()}


# --- the vocabulary table, one entry at a time ------------------------------------------------------


@pytest.mark.parametrize(("phrase", "code", "kind"), VOCABULARY, ids=[f"{c}:{p}" for p, c, _ in VOCABULARY])
def test_vocabulary_entry(phrase: str, code: str, kind: str) -> None:
    header = f"Bagaimana pendapat Anda tentang {phrase} di kantor ini?"
    found = header_candidates(header, PERMENPAN_14_2017, question=True)
    assert found, header
    assert found[0].key == code.lower(), (header, found[:2])
    assert any(r.detail == phrase for r in found[0].reasons)
    if kind == WEAK:  # weak words never name an element in a short header
        assert not header_candidates(phrase.capitalize(), PERMENPAN_14_2017)


# wording of a court's e-SIKAT/SPKP form (public survey page), one question per element
SPKP = {
    "u1": "2. Persyaratan pelayanan yang diinformasikan sesuai dengan persyaratan yang ditetapkan unit layanan ini",
    "u2": "3. Prosedur/Alur pelayanan yang ditetapkan unit layanan ini mudah diikuti/dilakukan",
    "u3": "7. Petugas pelayanan/sistem pelayanan online pada unit layanan ini merespon keperluan Bapak/Ibu "
    "dengan cepat",
    "u4": "5. Tarif/Biaya pelayanan yang dibayarkan pada unit layanan ini sesuai dengan tarif/biaya yang ditetapkan",
    "u8": "8. Layanan konsultasi dan pengaduan yang disediakan unit layanan ini mudah digunakan/diakses",
    "u9": "6. Sarana prasaranan pendukung pelayanan/sistem pelayanan online yang disediakan unit layanan ini "
    "memberikan kenyamanan/mudah digunakan",
}


@pytest.mark.parametrize(("key", "header"), SPKP.items())
def test_public_form_wording(key: str, header: str) -> None:
    assert match_header(header, PERMENPAN_14_2017).key == key  # type: ignore[union-attr]


def test_a_weak_word_loses_to_an_element_phrase() -> None:
    found = header_candidates("Kesesuaian hasil pelayanan dengan waktu yang ditetapkan", PERMENPAN_14_2017)
    assert [c.key for c in found] == ["u5", "u3"]
    assert match_header("Prosedur penyampaian aduan/keluhan/saran", PERMENPAN_14_2017).key == "u8"  # type: ignore[union-attr]


def test_a_code_in_front_of_words_naming_nothing_decides(tmp_path: Path) -> None:
    headers = {k: f"{k.upper()}. Pertanyaan nomor {i}" for i, k in enumerate(K, 1)}
    raw = answers(K, 8, 15)
    path = write_csv(tmp_path / "kode.csv", sheet(headers, raw))
    assert mapping_of(read_responses(path)) == {h: k for k, h in headers.items()}
    assert skm.score(path).ikm == expected_ikm(PERMENPAN_14_2017, raw)


def test_numbers_and_dates_are_never_headers() -> None:
    assert match_header(3, PERMENPAN_14_2017) is None
    assert match_header(3.0, PERMENPAN_14_2017) is None
    assert header_candidates(None, PERMENPAN_14_2017) == []


# --- the assignment ---------------------------------------------------------------------------------


@settings(max_examples=60, deadline=None)
@given(
    st.integers(1, 7).flatmap(
        lambda r: st.integers(1, 7).flatmap(
            lambda c: st.lists(
                st.lists(st.sampled_from([0.0, 2.0, 3.0, 4.5, 7.25, 12.0]), min_size=c, max_size=c),
                min_size=r,
                max_size=r,
            )
        )
    )
)
def test_assignment_is_optimal(scores: list[list[float]]) -> None:
    from scipy.optimize import linear_sum_assignment

    chosen = assign(scores)
    used = [j for j in chosen if j is not None]
    assert len(used) == len(set(used))
    assert all(scores[i][j] > 0 for i, j in enumerate(chosen) if j is not None)
    rows, cols = linear_sum_assignment(scores, maximize=True)
    assert total(scores, chosen) == pytest.approx(sum(scores[i][j] for i, j in zip(rows, cols, strict=True)))


def test_close_calls_name_the_rival() -> None:
    scores = [[2.0, 0.0], [2.0, 0.0], [0.0, 5.0]]
    chosen = assign(scores)
    calls = close_calls(scores, chosen)
    assert len(calls) == 1
    row, question, other = calls[0]
    assert question == 0
    assert {row, other} == {0, 1}
    assert close_calls([[5.0, 0.0], [2.0, 0.0]], assign([[5.0, 0.0], [2.0, 0.0]])) == []


@settings(max_examples=60, deadline=None)
@given(
    st.lists(
        st.lists(st.sampled_from([0.0, 0.0, 0.0, 2.0, 2.5, 3.0, 6.0]), min_size=5, max_size=5), min_size=1, max_size=6
    )
)
def test_close_calls_per_group_equal_close_calls_on_the_whole(scores: list[list[float]]) -> None:
    chosen = assign(scores)
    whole: list[tuple[int, int, int | None]] = []
    best = total(scores, chosen)
    for i, j in enumerate(chosen):
        if j is None:
            continue
        forbidden = [list(row) for row in scores]
        forbidden[i][j] = 0.0
        other = assign(forbidden)
        if best - total(forbidden, other) < 1.0:
            whole.append((i, j))
    assert sorted((i, j) for i, j, _ in close_calls(scores, chosen)) == sorted(whole)


# --- --map and skm check ----------------------------------------------------------------------------


def test_map_by_header_text_and_bad_map(tmp_path: Path) -> None:
    headers = dict(TWO_NAMES)
    headers["u5"] = "Kecepatan layanan"
    raw = answers(K, 8, 11)
    path = write_csv(tmp_path / "ragu.csv", sheet(headers, raw))
    mapped = skm.load(path, column_map={"kecepatan layanan": "u5"})
    assert mapping_of(mapped)["Kecepatan layanan"] == "u5"
    assert next(c for c in mapped.columns if c.key == "u5").how == "map"
    bad = runner.invoke(app, ["score", str(path), "--map", "ZZ=U5"])
    assert bad.exit_code == ExitCode.USAGE
    assert "--map 'ZZ=U5'" in bad.output
    malformed = runner.invoke(app, ["score", str(path), "--map", "H", "--lang", "en"])
    assert malformed.exit_code == ExitCode.USAGE
    assert "write COLUMN=QUESTION" in malformed.output


def test_check_shows_candidates_and_why(tmp_path: Path) -> None:
    from rich.console import Console

    from skm.render.check import check_renderable

    raw = answers(K, 12, 12)
    path = write_csv(tmp_path / "dua_unsur.csv", sheet(TWO_NAMES, raw))
    console = Console(width=600, record=True, file=io.StringIO())
    console.print(check_renderable(read_responses(path), "en"))
    text = console.export_text()
    assert "candidates: U5 7 (phrase 'hasil pelayanan', phrase 'kesesuaian hasil', weak word 'waktu'" not in text
    assert "candidates: U5 6 (phrase 'hasil pelayanan', phrase 'kesesuaian hasil', 100% scale answers) > U3 2" in text
    assert "the highest score" in text
    assert runner.invoke(app, ["check", str(path), "--lang", "en"]).exit_code == 0
    data = json.loads(runner.invoke(app, ["check", str(path), "--format", "json"]).stdout)
    u5 = next(c for c in data["columns"] if c["question"] == "u5")
    assert u5["decision"] == "best"
    assert [c["question"] for c in u5["candidates"]][:2] == ["u5", "u3"]
    assert u5["candidates"][0]["score"] > u5["candidates"][1]["score"]
    assert {"kind": "phrase", "detail": "hasil pelayanan", "points": 3.0} in u5["candidates"][0]["reasons"]


def test_check_says_when_the_winner_is_not_the_columns_top_candidate(tmp_path: Path) -> None:
    headers = dict(TWO_NAMES)
    headers["u4"] = "Ketepatan waktu dan kewajaran biaya"  # U3 scores higher here, but column I is U3's best
    headers["u3"] = "Ketepatan waktu penyelesaian dan jangka waktu layanan"
    raw = answers(K, 10, 16)
    path = write_csv(tmp_path / "urutan_calon.csv", sheet(headers, raw))
    data = json.loads(runner.invoke(app, ["check", str(path), "--format", "json"]).stdout)
    by_header = {c["header"]: c for c in data["columns"]}
    cost = by_header[headers["u4"]]
    assert cost["question"] == "u4"
    assert cost["candidates"][0]["question"] == "u3"
    assert cost["decision"] == "assigned"
    assert by_header[headers["u3"]]["decision"] == "only"
    assert skm.score(path).ikm == expected_ikm(PERMENPAN_14_2017, raw)


def test_map_names_every_column_of_a_file_whose_headers_name_no_question(tmp_path: Path) -> None:
    """No header names a question: the hint says --map, and --map (letters or header texts) scores it."""
    import csv

    rng = random.Random(7)
    header = ["Nama petugas", *[f"Kolom {n}" for n in "ABCDEFGHI"]]
    body = [["x", *[str(rng.randint(1, 4)) for _ in range(9)]] for _ in range(25)]
    path = tmp_path / "tanpa_judul.csv"
    with path.open("w", newline="", encoding="utf-8") as f:
        csv.writer(f).writerows([["Rekap survei"], [], header, *body])
    expected = [sum(int(r[j]) for r in body) for j in range(1, 10)]

    plain = runner.invoke(app, ["score", str(path), "--lang", "en"])
    assert plain.exit_code == ExitCode.INPUT_ERROR
    assert "map the columns: --map B=U1" in plain.output

    letters = [a for j, code in enumerate(PERMENPAN_14_2017.codes) for a in ("--map", f"{'BCDEFGHIJ'[j]}={code}")]
    texts = [a for j, code in enumerate(PERMENPAN_14_2017.codes) for a in ("--map", f"Kolom {'ABCDEFGHI'[j]}={code}")]
    for mapping in (letters, texts):
        result = runner.invoke(app, ["score", str(path), *mapping, "--format", "json"])
        assert result.exit_code == ExitCode.OK, result.output
        data = json.loads(result.stdout)
        assert data["respondents"] == 25
        sums = [e["sum"] for e in data["elements"]]
        assert sums == expected

    # a file of answers without any header row: the first respondent is never taken for a header
    bare = tmp_path / "tanpa_header.csv"
    with bare.open("w", newline="", encoding="utf-8") as f:
        csv.writer(f).writerows(body)
    refused = runner.invoke(app, ["score", str(bare), *letters])
    assert refused.exit_code == ExitCode.INPUT_ERROR
    assert "tidak ada kolom unsur" in refused.output
