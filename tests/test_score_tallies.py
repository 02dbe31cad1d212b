"""score_responses counts tallies with bincount (whole frame and per group, one pass per column): the same
tallies and group results as counting each column's values (value_counts) in each groupby part."""

from __future__ import annotations

from dataclasses import replace

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from skm.analysis.score import _group_labels, score_responses, tally_frame
from skm.core.calc import IkmResult, NoAnswersError, Tally, score_tallies
from skm.core.instrument import PERMENPAN_14_2017
from skm.errors import IssueCode, SkmError
from skm.readers.responses import Responses

KEYS = PERMENPAN_14_2017.question_keys
LOW, HIGH = PERMENPAN_14_2017.scale_min, PERMENPAN_14_2017.scale_max


def _counted(frame: pd.DataFrame) -> dict[str, Tally]:
    """The tallies as value_counts gives them (values off the scale and <NA> not counted)."""
    out = {}
    for key in KEYS:
        if key in frame.columns:
            counts = frame[key].value_counts(dropna=True)
            out[key] = Tally(tuple(int(counts.get(v, 0)) for v in range(LOW, HIGH + 1)), LOW)
    return out


cells = st.one_of(st.none(), st.integers(LOW - 2, HIGH + 2))
groups = st.sampled_from(["KTP-el", "Akta", " Akta", "", None, "Kartu Keluarga", "akta"])


@st.composite
def frames(draw: st.DrawFn) -> pd.DataFrame:
    n = draw(st.integers(0, 40))
    keys = draw(st.lists(st.sampled_from(KEYS), unique=True, min_size=1)) if draw(st.booleans()) else list(KEYS)
    data: dict[str, object] = {k: pd.array(draw(st.lists(cells, min_size=n, max_size=n)), dtype="Int8") for k in keys}
    data["Jenis layanan"] = draw(st.lists(groups, min_size=n, max_size=n))
    return pd.DataFrame(data, index=pd.RangeIndex(2, 2 + n, name="row"))


@settings(max_examples=50, deadline=None)
@given(frame=frames())
def test_tallies_and_group_results_equal_value_counts_per_part(frame: pd.DataFrame) -> None:
    assert tally_frame(frame) == _counted(frame)
    responses = Responses(
        frame=frame, instrument=PERMENPAN_14_2017, source="x.csv", profile={"service": "Jenis layanan"}
    )
    try:
        total = score_tallies(_counted(frame), len(frame), PERMENPAN_14_2017)
    except NoAnswersError:  # an element without answers in the whole table: score_responses says so
        with pytest.raises(SkmError) as raised:
            score_responses(responses, by="Jenis layanan", min_group=3)
        assert raised.value.code is IssueCode.NO_ANSWERS
        return
    scored = score_responses(responses, by="Jenis layanan", min_group=3)
    assert scored == replace(total, **_fields(scored))
    expected = []
    answers = frame[[k for k in KEYS if k in frame.columns]]
    for name, part in answers.groupby(_group_labels(frame["Jenis layanan"]), sort=True):
        try:
            result: IkmResult | None = score_tallies(_counted(part), len(part), PERMENPAN_14_2017)
        except NoAnswersError:
            result = None
        expected.append((str(name), len(part), result, len(part) < 3))
    assert [(g.group, g.respondents, g.result, g.small) for g in scored.groups] == expected


def _fields(scored: IkmResult) -> dict[str, object]:
    """What score_responses adds to the scored tallies: the source, the reading issues and the groups."""
    names = ("source", "skipped_cells", "warnings", "group_by", "groups")
    return {name: getattr(scored, name) for name in names}


def test_a_column_of_floats_is_counted_as_before() -> None:
    frame = pd.DataFrame({k: [1.0, 4.0, None, 4.0] for k in KEYS} | {"g": ["a", "b", "a", "a"]})
    assert tally_frame(frame) == _counted(frame)
    scored = score_responses(Responses(frame=frame, instrument=PERMENPAN_14_2017, source="x.csv"), by="g", min_group=1)
    assert [(g.group, g.respondents) for g in scored.groups] == [("a", 3), ("b", 1)]
    assert scored.groups[1].result is not None
    assert scored.groups[1].result.elements[0].answered == 1
