"""Frame columns as numbers for the data-quality checks: each column's distinct values are looked at
once (normalised, parsed) and mapped back onto the rows with numpy, so a million respondents cost a
few array passes, not a million Python tuples. Each function gives what its per-row counterpart in
:mod:`skm.analysis.stats.quality` gives (``tests/test_engine_frame.py`` checks both on the same data)."""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from datetime import datetime, timedelta
from typing import TYPE_CHECKING, Any

import numpy as np

from skm.analysis.codes import factorized
from skm.analysis.stats.quality import DUPLICATE_WINDOW, MIN_TEXT, duplicate_rows
from skm.readers.dates import date_values

if TYPE_CHECKING:
    import numpy.typing as npt
    import pandas as pd

    from skm.core.periods import Period
    from skm.readers import Responses

__all__ = ["Moments", "column_codes", "duplicate_pairs", "repeated_text"]


def column_codes(series: pd.Series[Any], norm: Callable[[object], object]) -> npt.NDArray[np.int64]:
    """Each row's code of ``norm(value)`` (equal normalised values share a code; every missing
    value is code -1)."""
    codes, uniques = factorized(series)  # shared with the other consumers of the column
    normalised = [norm(v) for v in uniques]
    # equal normalised values (by type too, as tuple keys compare 1 and "1" apart) share one code
    index: dict[tuple[type, object], int] = {}
    mapped = np.full(len(normalised) + 1, -1, dtype=np.int64)  # the last entry for a missing value (code -1)
    mapped[:-1] = np.fromiter(
        (index.setdefault((type(v), v), len(index)) for v in normalised), dtype=np.int64, count=len(normalised)
    )
    out: npt.NDArray[np.int64] = mapped[codes]
    return out


_SECOND_US, _MINUTE_US, _DAY_US = 10**6, 60 * 10**6, 86_400 * 10**6
_LADDER_BITS = 62  # what the groups and the times may take together in one integer (else times ranked)


class Moments:
    """The date column of the responses: as ``datetime64`` when the reader parsed it, else the
    Python values of :func:`~skm.readers.dates.date_values` (``None`` where missing)."""

    def __init__(self, responses: Responses) -> None:
        import pandas as pd  # noqa: PLC0415

        column = responses.profile.get("date")
        self.present = column is not None
        self.array: npt.NDArray[np.datetime64] | None = None
        self._values: list[datetime | None] | None = None
        if column is not None and pd.api.types.is_datetime64_any_dtype(responses.frame[column]):
            self.array = responses.frame[column].to_numpy(dtype="datetime64[us]")
        elif column is not None:
            self._values = date_values(responses)

    def values(self, positions: Sequence[int] | None = None) -> list[datetime | None] | None:
        """Python datetimes (of ``positions`` only, when given), ``None`` without a date column."""
        if not self.present:
            return None
        if self.array is not None:
            chosen = self.array if positions is None else self.array[np.asarray(positions, dtype=np.int64)]
            return [None if np.isnat(v) else v.item() for v in chosen]
        assert self._values is not None
        return self._values if positions is None else [self._values[i] for i in positions]

    def same_minute(self) -> npt.NDArray[np.bool_]:
        """:func:`~skm.analysis.stats.quality.same_minute` of the column."""
        from skm.analysis.stats.quality import same_minute  # noqa: PLC0415

        if self.array is None:
            values = self.values()
            return np.asarray(same_minute(values or []), dtype=bool)
        # the microseconds as integers: a unit's floor is a floor division (as numpy's casts), NaT the least
        micros = self.array.view(np.int64)
        # a known time, not a date alone (00:00:00)
        usable = (micros != np.iinfo(np.int64).min) & (micros % _DAY_US >= _SECOND_US)
        out = np.zeros(micros.shape[0], dtype=bool)
        if usable.any():
            chosen = micros[usable] // _MINUTE_US
            low, span = int(chosen.min()), int(chosen.max()) - int(chosen.min()) + 1
            step = np.diff(chosen)
            if (step >= 0).all():  # in time order (a form's export): equal minutes are neighbours
                same = step == 0
                shared = np.zeros(chosen.size, dtype=bool)
                shared[1:] |= same
                shared[:-1] |= same
                out[usable] = shared
            elif span <= 4 * chosen.size:  # a survey's months of minutes: counted in a table, not sorted
                offset = chosen - low
                out[usable] = np.bincount(offset, minlength=span)[offset] > 1
            else:
                _, inverse, counts = np.unique(chosen, return_inverse=True, return_counts=True)
                out[usable] = counts[inverse.reshape(-1)] > 1
        return out

    def outside(self, period: Period) -> tuple[npt.NDArray[np.bool_], npt.NDArray[np.bool_]]:
        """Rows dated outside ``period``, and rows without a readable date."""
        if self.array is None:
            values = self.values() or []
            missing = np.fromiter((m is None for m in values), dtype=bool, count=len(values))
            out = np.fromiter((m is not None and m not in period for m in values), dtype=bool, count=len(values))
            return out, missing
        days = self.array.astype("datetime64[D]")
        missing = np.isnat(days)
        start, end = np.datetime64(period.start, "D"), np.datetime64(period.end, "D")
        return ~missing & ((days < start) | (days > end)), missing


def _row_keys(codes: Sequence[npt.NDArray[np.int64]]) -> npt.NDArray[np.int64] | None:
    """One integer per row (the codes in mixed radix: equal keys ⇔ equal codes), or ``None`` when that
    does not fit in 62 bits."""
    lows = [int(c.min()) if c.size else 0 for c in codes]
    bases = [int(c.max()) - low + 1 if c.size else 1 for c, low in zip(codes, lows, strict=True)]
    if sum(math.log2(max(b, 2)) for b in bases) >= 62:
        return None
    # Σ (c - low)·weight as Σ c·weight less Σ low·weight: the codes added as they are (no shifted copies)
    key = np.array(codes[0], dtype=np.int64)
    offset = lows[0]
    for c, low, base in zip(codes[1:], lows[1:], bases[1:], strict=True):
        key *= base
        key += c
        offset = offset * base + low
    if offset:
        key -= offset
    return key


def _repeated_keys(codes: Sequence[npt.NDArray[np.int64]]) -> npt.NDArray[np.bool_]:
    """Rows whose whole key occurs more than once (``DataFrame.duplicated(keep=False)`` of the codes),
    on one integer per row (the codes in mixed radix) when that fits in 62 bits: a 1-D hash."""
    import pandas as pd  # noqa: PLC0415

    key = _row_keys(codes)
    if key is None:
        repeated: npt.NDArray[np.bool_] = pd.DataFrame(dict(enumerate(codes))).duplicated(keep=False).to_numpy()
        return repeated
    out: npt.NDArray[np.bool_] = pd.Series(key).duplicated(keep=False).to_numpy()
    return out


def duplicate_pairs(codes: Sequence[npt.NDArray[np.int64]], moments: Moments) -> list[tuple[int, int]]:
    """:func:`~skm.analysis.stats.quality.duplicate_rows` on rows keyed by ``codes`` (one array per
    key column): only the rows whose whole key occurs more than once can be duplicates. With a parsed
    date column (or none) on arrays (:func:`_pairs_on_arrays`); else they are compared one by one."""
    if not codes:
        return []
    key = _row_keys(codes)
    if key is not None and (moments.array is not None or not moments.present):
        return _pairs_on_arrays(key, moments.array)
    shared = np.flatnonzero(_repeated_keys(codes))
    if not shared.size:
        return []
    subset = np.column_stack([np.asarray(c, dtype=np.int64)[shared] for c in codes])
    tuples = [tuple(r) for r in subset.tolist()]
    pairs = duplicate_rows(tuples, moments.values(shared.tolist()))
    where = shared.tolist()
    return [(where[i], where[j]) for i, j in pairs]


def _shared_keys(key: npt.NDArray[np.int64]) -> tuple[npt.NDArray[np.intp], npt.NDArray[np.int64]]:
    """The rows whose key occurs more than once (in order), and each one's rank among the repeated keys
    (``np.unique(key[rows], return_inverse=True)[1]``): one sort of the keys with their row numbers
    (packed in one integer when they fit in 63 bits: a sort of numbers, not an argsort), no hash."""
    n = int(key.size)
    if n < 2:
        return np.empty(0, dtype=np.intp), np.empty(0, dtype=np.int64)
    low = int(key.min())
    bits = (n - 1).bit_length()
    packed = None
    if (int(key.max()) - low).bit_length() + bits <= 62:
        packed = np.subtract(key, low)
        packed <<= bits
        packed |= np.arange(n, dtype=np.int64)
        packed.sort()
        ordered = packed >> bits
    else:
        rows = np.argsort(key, kind="stable")
        ordered = key[rows]
    same = ordered[1:] == ordered[:-1]
    if not same.any():
        return np.empty(0, dtype=np.intp), np.empty(0, dtype=np.int64)
    repeated = np.zeros(n, dtype=bool)
    repeated[1:] = same
    repeated[:-1] |= same
    chosen = ordered[repeated]
    first = np.empty(chosen.size, dtype=bool)
    first[0] = True
    np.not_equal(chosen[1:], chosen[:-1], out=first[1:])
    rank = np.cumsum(first) - 1  # the keys ascending: np.unique's numbering
    # the repeated rows (by key) put back in row order: a sort of the few, no array of every row
    found = packed[repeated] & ((1 << bits) - 1) if packed is not None else rows[repeated]
    back = np.argsort(found)
    return found[back].astype(np.intp), rank[back].astype(np.int64)


def _pairs_on_arrays(key: npt.NDArray[np.int64], moments: npt.NDArray[np.datetime64] | None) -> list[tuple[int, int]]:
    """:func:`~skm.analysis.stats.quality.duplicate_rows` of rows keyed by one integer each, with their
    times (``NaT`` none; ``None``: no date column), without a loop per row.

    ``duplicate_rows`` visits the rows by (no time last, time, position) and pairs each with the first
    earlier-visited row of its key that is close enough. Among the rows of one key visited before a row
    with a time, all have a time no later than it, so the first close one is the first whose time is at
    least the row's time minus the window (a search in the key's rows sorted by time); a row without a
    time is paired with the key's first visited row."""
    shared, group = _shared_keys(key)
    if not shared.size:
        return []
    if moments is None:
        missing = np.ones(shared.size, dtype=bool)
        times = np.zeros(shared.size, dtype=np.int64)
    else:
        chosen = moments[shared].astype("datetime64[us]")
        missing = np.isnat(chosen)
        times = np.where(missing, 0, chosen.view(np.int64))
    order = np.lexsort((shared, times, missing, group))  # by key, then the order duplicate_rows visits
    group, missing, times, rows = group[order], missing[order], times[order], shared[order]
    position = np.arange(rows.size)
    starts = np.flatnonzero(np.r_[True, group[1:] != group[:-1]])
    start = starts[np.cumsum(np.r_[True, group[1:] != group[:-1]]) - 1]  # each row's key's first position
    earlier = np.where(position > start, start, position)  # a row without a time: the key's first row
    timed = ~missing
    if timed.any():
        window = int(DUPLICATE_WINDOW / timedelta(microseconds=1))
        earlier[timed] = _first_close(group, times, timed, window)
    paired = earlier < position
    return sorted(zip(rows[paired].tolist(), rows[earlier[paired]].tolist(), strict=True))


def _first_close(
    group: npt.NDArray[np.int64], times: npt.NDArray[np.int64], timed: npt.NDArray[np.bool_], window: int
) -> npt.NDArray[np.intp]:
    """For each timed row (rows ordered by group, then the timed ones by time, then the untimed ones),
    the position of its group's first row whose time is at least its time minus ``window``: one search
    in the rows' places on a ladder that rises with the group, then the time (no time: the group's top).
    The times (less their least) are the places when the ladder fits in 62 bits, else their ranks."""
    chosen = times[timed]
    low = int(chosen.min())
    top = int(chosen.max()) - low + 2  # times - low: 0 … top - 2; no time: top - 1 (visited last)
    groups = int(group[-1]) + 1 if group.size else 1
    if groups.bit_length() + top.bit_length() <= _LADDER_BITS:
        place = np.where(timed, times - low, top - 1)
        lowest = np.maximum(chosen - low - window, 0)
    else:  # the distinct times ranked (one sort; the window searched once per distinct time, in order)
        by_time = np.argsort(chosen, kind="stable")
        ordered = chosen[by_time]
        new = np.empty(ordered.size, dtype=bool)
        new[0] = True
        np.not_equal(ordered[1:], ordered[:-1], out=new[1:])
        distinct = ordered[new]
        rank = np.empty(chosen.size, dtype=np.int64)
        rank[by_time] = np.cumsum(new) - 1
        top = distinct.size + 1
        place = np.full(times.size, distinct.size, dtype=np.int64)
        place[timed] = rank
        lowest = np.searchsorted(distinct, distinct - window, side="left")[rank]
    ladder = group * top + place  # non-decreasing in this order
    found: npt.NDArray[np.intp] = np.searchsorted(ladder, group[timed] * top + lowest, side="left")
    return found


def repeated_text(series: pd.Series[Any]) -> npt.NDArray[np.bool_]:
    """:func:`~skm.analysis.stats.quality.same_text` of a column."""
    codes, uniques = factorized(series)  # shared with the other consumers of the column
    norm = [" ".join(v.lower().split()) if isinstance(v, str) else "" for v in uniques]
    index: dict[str, int] = {}
    mapped = np.fromiter((index.setdefault(v, len(index)) for v in norm), dtype=np.int64, count=len(norm))
    long_enough = np.fromiter((len(v) >= MIN_TEXT for v in index), dtype=bool, count=len(index))
    # rows per distinct value (a missing value, code -1, in slot 0), then per normalised text
    per_value = np.bincount(codes + 1, minlength=len(norm) + 1)
    counts = np.bincount(mapped, weights=per_value[1:], minlength=len(index)) if norm else np.zeros(0)
    verdict = np.zeros(len(norm) + 1, dtype=bool)  # per distinct value; the last entry for a missing one
    verdict[:-1] = long_enough[mapped] & (counts[mapped] > 1)
    out: npt.NDArray[np.bool_] = verdict[codes]
    return out
