"""One answer cell → a score: numbers, labels and the variants real forms produce."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from skm.core.instrument import PERMENPAN_14_2017, Question
from skm.errors import IssueCode
from skm.readers import responses_from_frame
from skm.readers.cells import Cell, LabelBook, normalise_label, parse_cell
from skm.readers.labelfile import guess_score

BOOK = LabelBook(PERMENPAN_14_2017)


@pytest.mark.parametrize(
    ("value", "score", "elements"),
    [
        (4, 4, set()),
        (4.0, 4, set()),
        (" 4 ", 4, set()),
        ("4,0", 4, set()),
        ("Sangat sesuai", 4, {"u1", "u5"}),
        ("  SANGAT   SESUAI ", 4, {"u1", "u5"}),
        ("Sopan & Ramah", 3, {"u7"}),
        ("Ada tapi tidak berfungsi", 2, {"u8"}),
        ("Ada tetapi tidak berfungsi.", 2, {"u8"}),
        ("3 (Sesuai)", 3, {"u1", "u5"}),
        ("3 - Cepat", 3, {"u3"}),
        ("Baik (3)", 3, {"u9"}),
        ("d. Sangat baik", 4, {"u9"}),
        ("a", 1, set()),
        ("B)", 2, set()),
        ("A2", 2, set()),
        ("AO04", 4, set()),
        ("sangat_mudah", 4, {"u2"}),
    ],
)
def test_valid_answers(value: object, score: int, elements: set[str]) -> None:
    cell = parse_cell(value, BOOK)
    assert (cell.score, cell.code) == (score, None)
    assert set(cell.elements) == elements


@pytest.mark.parametrize(
    ("value", "code"),
    [
        (5, IssueCode.OUT_OF_RANGE),
        ("0", IssueCode.OUT_OF_RANGE),
        (3.5, IssueCode.NOT_AN_INTEGER),
        ("3,5", IssueCode.NOT_AN_INTEGER),
        ("Luar biasa", IssueCode.UNKNOWN_LABEL),
        ("e. Lainnya", IssueCode.UNKNOWN_LABEL),
        ("-", IssueCode.NOT_A_NUMBER),
        (True, IssueCode.NOT_A_NUMBER),
    ],
)
def test_invalid_answers(value: object, code: IssueCode) -> None:
    assert parse_cell(value, BOOK).code is code


@pytest.mark.parametrize("value", [None, "", "   ", float("nan")])
def test_blanks_are_never_zero(value: object) -> None:
    cell = parse_cell(value, BOOK)
    assert cell.blank
    assert cell.score is None


def test_normalise_label() -> None:
    assert normalise_label("Sopan & ramah") == normalise_label("sopan dan ramah")
    assert normalise_label("Tdk sesuai") == "tidak sesuai"


def test_custom_labels_win_and_apply_per_column() -> None:
    book = LabelBook.with_mapping(PERMENPAN_14_2017, {"Puas": 3}, {"U9": {"Jelek": 1}})
    assert parse_cell("puas", book, book.column_mapping("u1", "U1")).score == 3
    assert parse_cell("Jelek", book, book.column_mapping("u9", "U9")).score == 1
    assert parse_cell("Jelek", book, book.column_mapping("u1", "U1")).code is IssueCode.UNKNOWN_LABEL


def test_a_question_reads_its_own_labels_first() -> None:
    """A custom instrument where 'Cukup' is 2 for one question and 3 for another."""
    elements = list(PERMENPAN_14_2017.elements)
    u2 = elements[1]
    elements[1] = replace(u2, questions=(Question("u2", u2.questions[0].text, ("Buruk", "Kurang", "Cukup", "Baik")),))
    instrument = replace(PERMENPAN_14_2017, key="uji", elements=tuple(elements))
    book = LabelBook(instrument)
    assert parse_cell("Cukup", book, key="u2").score == 3
    assert parse_cell("Cukup", book, key="u9").score == 2
    frame = pd.DataFrame({k.upper(): ["Cukup" if k in {"u2", "u9"} else "4"] for k in instrument.question_keys})
    responses = responses_from_frame(frame, instrument=instrument, invalid="skip")
    assert responses.frame.loc[2, "u2"] == 3
    assert responses.frame.loc[2, "u9"] == 2


@pytest.mark.parametrize(
    ("label", "others", "guess"),
    [("Tidak puas", [], 1), ("Kurang puas", [], 2), ("Sangat puas", [], 4), ("Puas", ["Sangat puas"], 3),
     ("Lumayan", ["Sangat puas"], None),
     # a stem whose steps run downwards: "very disappointed" is the lowest answer, never the highest
     ("Sangat kecewa", [], 1), ("sangat kecewa sekali", [], 1), ("Sangat lambat", [], 1), ("Sangat mahal", [], 1),
     ("Tidak kecewa", [], None), ("Kurang lambat", [], None), ("Buruk", ["Sangat buruk"], None),
     ("Sangat tidak buruk", [], None), ("Sangat tidak puas", [], 1)],
)  # fmt: skip
def test_guessed_scores(label: str, others: list[str], guess: int | None) -> None:
    assert guess_score(label, others) == guess


_MOMENTS = st.one_of(
    st.datetimes(timezones=st.none() | st.timezones()),
    st.dates(),
    st.times(timezones=st.none() | st.timezones()),
)


@settings(max_examples=300, deadline=None)
@given(value=_MOMENTS, key=st.sampled_from([None, "u1", "u3"]))
def test_a_date_or_time_cell_means_what_its_text_means(value: object, key: str | None) -> None:
    """A spreadsheet's dates and times skip the label lookups (a timestamp column has one distinct value
    per row): the same meaning as their text's, the way every other cell is read."""
    assert parse_cell(value, BOOK, None, key) == parse_cell(str(value), BOOK, None, key)
    assert parse_cell(pd.Timestamp(2026, 1, 2, 8), BOOK) == parse_cell("2026-01-02 08:00:00", BOOK)


def test_a_label_led_by_a_digit_reads_dates_as_text() -> None:
    """A unit's label that starts with a digit (as a date's text does) turns the shortcut off: the date
    means what its text means, here the unit's score."""
    book = LabelBook.with_mapping(PERMENPAN_14_2017, {"2026-01-02": 3})
    assert book.digit_led
    assert not BOOK.digit_led
    custom = book.column_mapping(None, "Tanggal")
    assert parse_cell(date(2026, 1, 2), book, custom) == parse_cell("2026-01-02", book, custom) == Cell(score=3)
    assert parse_cell(date(2026, 1, 2), BOOK).code == IssueCode.NOT_A_NUMBER
    assert parse_cell(pd.NaT, BOOK) == parse_cell("NaT", BOOK)  # not a date: its text, as before
    assert parse_cell(timedelta(days=1), BOOK) == parse_cell("1 day, 0:00:00", BOOK)
