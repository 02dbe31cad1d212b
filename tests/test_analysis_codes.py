"""The shared work after the read: one factorisation per text column (``skm.analysis.codes``) and the
answers counted with numpy (``skm.analysis.score``) give what pandas gives, value for value."""

from __future__ import annotations

import json
import math
from dataclasses import replace
from pathlib import Path
from unittest.mock import patch

import numpy as np
import pandas as pd
import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from skm.analysis.codes import factorized, factorized_with_missing, warm
from skm.analysis.facts import distinct_counts
from skm.analysis.score import score_responses, tally_frame
from skm.analysis.stats.columns import _shared_keys
from skm.core.calc import Tally
from skm.core.instrument import PERMENPAN_14_2017
from skm.errors import SkmError
from skm.readers import responses_from_frame

TEXTS = st.lists(st.one_of(st.none(), st.sampled_from(["a", "A ", " b", "b", "", "kosong", "é"])), max_size=40)


def _same(a: list[object], b: list[object]) -> bool:
    def key(v: object) -> object:
        return "NaN" if isinstance(v, float) and math.isnan(v) else (type(v), v)

    return [key(v) for v in a] == [key(v) for v in b]


@pytest.mark.parametrize("dtype", ["str", "string[pyarrow]", object])
@given(values=TEXTS)
@settings(max_examples=60, deadline=None)
def test_factorized_is_pandas_factorize(dtype: object, values: list[str | None]) -> None:
    series = pd.Series(values, dtype=dtype)
    codes, uniques = factorized(series)
    expected_codes, expected = pd.factorize(series, sort=False)
    assert codes.tolist() == expected_codes.tolist()
    assert _same(uniques, expected.tolist())
    if dtype is not object:
        with_missing, found = factorized_with_missing(series)
        raw, kept = pd.factorize(series, sort=False, use_na_sentinel=False)
        assert with_missing.tolist() == raw.tolist()
        assert _same(found, kept.tolist())


@given(chunks=st.lists(TEXTS, min_size=1, max_size=4), large=st.booleans())
@settings(max_examples=60, deadline=None)
def test_factorized_arrow_text_in_chunks_is_pandas_factorize(chunks: list[list[str | None]], large: bool) -> None:
    """Arrow text in several chunks (as the engine reader's columns): Arrow's own dictionary encoding
    gives pandas' codes and distinct values."""
    import pyarrow as pa

    kind = pa.large_string() if large else pa.string()
    series = pd.Series(pd.arrays.ArrowStringArray(pa.chunked_array([pa.array(c, type=kind) for c in chunks], kind)))
    codes, uniques = factorized(series)
    expected_codes, expected = pd.factorize(series, sort=False)
    assert codes.tolist() == expected_codes.tolist()
    assert _same(uniques, expected.tolist())
    assert codes.dtype == np.int32
    assert not codes.flags.writeable


def test_factorized_codes_are_shared_and_follow_a_changed_column() -> None:
    frame = pd.DataFrame({"x": pd.Series(["a", "b", "a"], dtype="str")})
    first, _ = factorized(frame["x"])
    again, _ = factorized(frame["x"])
    assert again is first  # the same column: computed once
    assert not first.flags.writeable
    frame.loc[1, "x"] = "a"  # the storage is replaced: the codes are computed anew
    changed, uniques = factorized(frame["x"])
    assert changed.tolist() == [0, 0, 0]
    assert uniques == ["a"]


def test_warm_keeps_the_codes_of_arrow_columns_and_leaves_the_others() -> None:
    """``warm`` factorises the Arrow-stored columns now (a later consumer gets the very codes kept, as
    pandas factorises them) and computes nothing for a column it could not keep (object dtype)."""
    frame = pd.DataFrame(
        {"x": pd.Series(["b", None, "a", "b"], dtype="str"), "y": pd.Series(["p", "q", "p", None], dtype=object)}
    )
    from skm.analysis import codes as module

    encoding = patch.object(module, "_arrow_text_codes", wraps=module._arrow_text_codes)
    with encoding as encode, patch.object(pd, "factorize", wraps=pd.factorize) as pandas_factorize:
        warm([frame["x"], frame["y"]])
        assert encode.call_count == 1
        assert pandas_factorize.call_count == 0
        codes, uniques = factorized(frame["x"])
        assert encode.call_count == 1  # kept: not encoded again
    assert codes.tolist() == [0, -1, 1, 0]
    assert uniques == ["b", "a"]


@given(values=TEXTS)
@settings(max_examples=60, deadline=None)
def test_distinct_counts_of_an_arrow_column_are_arrows_value_counts(values: list[str | None]) -> None:
    import pyarrow.compute as pc

    series = pd.Series(values, dtype="str")
    counted = pc.value_counts(series.array.__arrow_array__())  # first appearance first; missing moved last
    pairs = list(zip(counted.field("values").to_pylist(), counted.field("counts").to_pylist(), strict=True))
    expected = [(v, n) for v, n in pairs if v is not None] + [(None, n) for v, n in pairs if v is None]
    assert distinct_counts(series) == expected


ANSWERS = st.lists(st.one_of(st.none(), st.integers(-2, 7)), min_size=1, max_size=30)


@pytest.mark.parametrize("dtype", ["Int8", "Int64", "float64", object])
@given(values=ANSWERS)
@settings(max_examples=60, deadline=None)
def test_tally_frame_counts_what_value_counts_counts(dtype: str, values: list[int | None]) -> None:
    frame = pd.DataFrame({"u1": pd.Series(values, dtype="Int64").astype(dtype)})
    counts = frame["u1"].value_counts(dropna=True)
    expected = Tally(tuple(int(counts.get(1 + i, 0)) for i in range(4)), 1)
    assert tally_frame(frame, PERMENPAN_14_2017)["u1"] == expected


SERVICES = st.sampled_from(["KTP", " KTP", "KK", None, "Akta"])


@given(
    rows=st.lists(
        st.tuples(SERVICES, st.lists(st.one_of(st.none(), st.integers(1, 4)), min_size=9, max_size=9)),
        min_size=1,
        max_size=30,
    )
)
@settings(max_examples=40, deadline=None)
def test_groups_counted_at_once_are_the_groups_of_groupby(rows: list[tuple[str | None, list[int | None]]]) -> None:
    assume(all(any(r[1][i] is not None for r in rows) for i in range(9)))  # every element answered by someone
    data: dict[str, list[object]] = {f"U{i + 1}": [r[1][i] for r in rows] for i in range(9)}
    data["Jenis layanan"] = [r[0] for r in rows]
    responses = responses_from_frame(pd.DataFrame(data), invalid="skip")
    column = responses.profile["service"]
    # the reference: each group's rows (labels stripped, blank "(kosong)") scored as a table of their own
    labels = responses.frame[column].map(lambda v: "(kosong)" if v is None or v != v else str(v).strip())
    expected = [(str(name), part) for name, part in responses.frame.groupby(labels, sort=True)]
    as_text = responses.frame.copy()
    as_text[column] = as_text[column].astype("str")  # a text column of the engine reader (shared codes)
    for frame, cells in ((responses.frame, 4096), (as_text, 4096), (responses.frame, 1), (as_text, 150)):
        with patch("skm.analysis.score._GROUP_CELLS", cells):  # 3, 1 or 2 questions counted in a pass
            grouped = score_responses(replace(responses, frame=frame), by=column, min_group=1)
        # skm report takes the pooled result from the grouped one
        assert replace(grouped, group_by=None, groups=()) == score_responses(replace(responses, frame=frame))
        assert [(g.group, g.respondents) for g in grouped.groups] == [(n, len(p)) for n, p in expected]
        for g, (_, part) in zip(grouped.groups, expected, strict=True):
            try:
                alone = score_responses(replace(responses, frame=part))
            except SkmError:  # a group without any answer to some element: not scored
                assert g.result is None
                continue
            assert g.result is not None
            assert g.result.ikm == alone.ikm
            assert [e.nrr for e in g.result.elements] == [e.nrr for e in alone.elements]


@given(keys=st.lists(st.integers(-5, 5) | st.integers(-(2**61), 2**61), max_size=60))
@settings(max_examples=80, deadline=None)
def test_shared_keys_are_the_duplicated_keys_ranked(keys: list[int]) -> None:
    key = np.asarray(keys, dtype=np.int64)
    shared, rank = _shared_keys(key)
    expected = np.flatnonzero(pd.Series(key).duplicated(keep=False).to_numpy())
    assert shared.tolist() == expected.tolist()
    if expected.size:
        assert rank.tolist() == np.unique(key[expected], return_inverse=True)[1].reshape(-1).tolist()


def test_report_json_states_the_hash_of_the_input(tmp_path: Path) -> None:
    import hashlib

    from typer.testing import CliRunner

    from skm.cli import app

    source = tmp_path / "jawaban.csv"
    source.write_bytes(b"U1,U2,U3,U4,U5,U6,U7,U8,U9\n" + b"4,3,4,3,4,3,4,3,4\n" * 3 + b"1,2,3,4,1,2,3,4,1\n")
    out = tmp_path / "r.json"
    result = CliRunner().invoke(app, ["report", str(source), "-f", "json", "-o", str(out), "--no-stats"])
    assert result.exit_code == 0, result.output
    assert (
        json.loads(out.read_text(encoding="utf-8"))["identity"]["sha256"]
        == hashlib.sha256(source.read_bytes()).hexdigest()
    )


@given(
    offsets=st.lists(st.none() | st.integers(-3 * 86_400, 3 * 86_400), min_size=1, max_size=30),
    spread=st.sampled_from([1, 1, 10_000]),  # a few days (marked in a table) or years apart (sorted)
    day=st.sampled_from(["2026-01-05", "1969-12-31"]),  # before 1970: negative microseconds
)
@settings(max_examples=60, deadline=None)
def test_response_days_of_a_parsed_date_column_are_the_distinct_dates(
    offsets: list[int | None], spread: int, day: str
) -> None:
    from skm.analysis.facts import response_days

    start = np.datetime64(f"{day}T12:00:00.250", "us")
    moments = [None if s is None else start + np.timedelta64(s * spread, "s") for s in offsets]
    column = np.array([np.datetime64("NaT", "us") if m is None else m for m in moments], dtype="datetime64[us]")
    data: dict[str, object] = {f"U{i + 1}": [3] * len(offsets) for i in range(9)}
    data["Cap waktu"] = [None] * len(offsets)
    responses = responses_from_frame(pd.DataFrame(data), invalid="skip")
    frame = responses.frame.copy()
    frame[responses.profile["date"]] = column
    expected = sorted({m.astype("datetime64[D]").item() for m in moments if m is not None})
    assert response_days(replace(responses, frame=frame)) == tuple(expected)
