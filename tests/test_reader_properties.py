"""Property tests: column order, answer spellings, header styles and blanks never change the index."""

from __future__ import annotations

import pandas as pd
import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

import skm
from realfiles import KEYS, QUESTIONS, _variant
from skm.core.instrument import PERMENPAN_14_2017
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


@pytest.mark.slow
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


text_cells = st.lists(st.sampled_from([*"abcdeéèàü ;,\"'–-.", "Antrian", "loket", "\n"]), max_size=8).map(
    lambda parts: "".join(parts).strip()
)


@pytest.mark.slow
@settings(max_examples=40, deadline=None)
@example(notes=['";'], delimiter=",", encoding="utf-8-sig")  # once read as ';'-separated
@given(
    notes=st.lists(text_cells, min_size=1, max_size=8),
    delimiter=st.sampled_from([";", ",", "\t"]),
    encoding=st.sampled_from(["utf-8-sig", "utf-8", "cp1252"]),
)
def test_csv_free_text_survives_any_locale(notes: list[str], delimiter: str, encoding: str) -> None:
    """Free text with delimiters, quotes and line breaks comes back as written, in any Excel CSV flavour."""
    import csv
    import tempfile
    from pathlib import Path

    from skm.readers import read_responses

    rows = [["Saran", *[k.upper() for k in KEYS]]] + [
        [note, *[str(1 + (i + j) % 4) for j in range(9)]] for i, note in enumerate(notes)
    ]
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "x.csv"
        with path.open("w", newline="", encoding=encoding) as f:
            csv.writer(f, delimiter=delimiter, lineterminator="\r\n").writerows(rows)
        responses = read_responses(path)
    got = [None if v is None or v != v else v for v in responses.frame["Saran"]]
    assert got == [note or None for note in notes]
    assert responses.respondents == len(notes)
