"""Hypothesis properties of the index."""

from __future__ import annotations

import random
from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from skm.core.calc import compute_ikm

answer = st.one_of(st.none(), st.integers(min_value=1, max_value=4))
row = st.lists(answer, min_size=9, max_size=9)
complete_row = st.lists(st.integers(min_value=1, max_value=4), min_size=9, max_size=9)
survey = st.lists(row, min_size=1, max_size=40).flatmap(
    # every element must have at least one answer: add one complete row
    lambda rows: st.tuples(st.just(rows), complete_row).map(lambda t: [*t[0], t[1]])
)


@pytest.mark.slow
@given(survey)
def test_ikm_stays_between_25_and_100(rows: list[list[int | None]]) -> None:
    result = compute_ikm(rows)
    assert 25 <= result.ikm <= 100
    assert Decimal(25) <= result.ikm_display <= Decimal(100)
    for e in result.elements:
        assert 1 <= e.nrr <= 4


@pytest.mark.slow
@given(survey, st.randoms(use_true_random=False))
def test_row_order_is_irrelevant(rows: list[list[int | None]], rnd: random.Random) -> None:
    shuffled = list(rows)
    rnd.shuffle(shuffled)
    a, b = compute_ikm(rows), compute_ikm(shuffled)
    assert a.ikm == b.ikm
    assert a.elements == b.elements


@pytest.mark.slow
@given(survey)
def test_duplicating_the_survey_changes_nothing(rows: list[list[int | None]]) -> None:
    assert compute_ikm(rows).ikm == compute_ikm(rows + rows).ikm


@pytest.mark.slow
@settings(max_examples=200)
@given(survey, st.data())
def test_raising_an_answer_never_lowers_the_index(rows: list[list[int | None]], data: st.DataObject) -> None:
    r = data.draw(st.integers(min_value=0, max_value=len(rows) - 1))
    c = data.draw(st.integers(min_value=0, max_value=8))
    current = rows[r][c]
    if current is None or current == 4:
        return
    raised = [list(x) for x in rows]
    raised[r][c] = data.draw(st.integers(min_value=current + 1, max_value=4))
    before, after = compute_ikm(rows), compute_ikm(raised)
    assert after.ikm >= before.ikm
    assert "ABCD".index(after.grade) <= "ABCD".index(before.grade)


@given(st.integers(min_value=1, max_value=4), st.integers(min_value=1, max_value=30))
def test_uniform_answers_give_25_times_the_answer(value: int, n: int) -> None:
    result = compute_ikm([[value] * 9] * n)
    assert result.ikm == 25 * value
