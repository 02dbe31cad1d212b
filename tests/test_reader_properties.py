"""Property tests: column order, answer spellings, header styles and blanks never change the index."""

from __future__ import annotations

import pandas as pd
from hypothesis import given, settings
from hypothesis import strategies as st

import skm
from realfiles import KEYS, QUESTIONS, _variant
from skm.instrument import PERMENPAN_14_2017
from skm.readers import responses_from_frame

NAMES = {e.key: e.name for e in PERMENPAN_14_2017.elements}
BLANKS = [None, "", "  "]


def _header(key: str, style: int, position: int) -> str:
    match style:
        case 0:
            return key.upper()
        case 1:
            return QUESTIONS[key]
        case 2:
            return f"{position}. {QUESTIONS[key]}"
        case _:
            return NAMES[key]


answers = st.lists(
    st.lists(st.one_of(st.none(), st.integers(1, 4)), min_size=9, max_size=9), min_size=1, max_size=25
).filter(lambda rows: all(any(r[k] is not None for r in rows) for k in range(9)))


@settings(max_examples=60, deadline=None)
@given(
    rows=answers,
    order=st.permutations(list(range(9))),
    styles=st.lists(st.integers(0, 3), min_size=9, max_size=9),
    shift=st.integers(0, 6),
    blank=st.sampled_from(BLANKS),
)
def test_same_index_whatever_the_layout(
    rows: list[list[int | None]], order: list[int], styles: list[int], shift: int, blank: object
) -> None:
    plain = pd.DataFrame({k.upper(): pd.array([r[i] for r in rows], dtype="Int8") for i, k in enumerate(KEYS)})
    reference = skm.score(plain)
    data: dict[str, list[object]] = {"Layanan": ["KTP"] * len(rows)}
    for position, i in enumerate(order, 1):
        key = KEYS[i]
        data[_header(key, styles[i], position)] = [
            blank if r[i] is None else _variant(key, r[i], n + shift + i) for n, r in enumerate(rows)
        ]
    messy = responses_from_frame(pd.DataFrame(data))
    assert not messy.issues
    result = skm.score(messy)
    assert result.index == reference.index
    assert [e.counts for e in result.elements] == [e.counts for e in reference.elements]
