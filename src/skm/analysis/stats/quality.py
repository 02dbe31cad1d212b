"""Data-quality checks of ``skm stats``: straight-lining and duplicates.

Pure functions on plain values and numpy arrays. They *flag* rows (by position); what to
do with the flags (report them, or re-score without them) is decided by the caller. Dates and
survey periods are parsed by :mod:`skm.core.periods`, the one parser shared with the readers.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime, timedelta

import numpy as np
import numpy.typing as npt

__all__ = [
    "DUPLICATE_WINDOW",
    "MIN_TEXT",
    "duplicate_rows",
    "same_minute",
    "same_text",
    "straight_lining",
]

#: free text shorter than this (after collapsing spaces) is too common to be evidence ("baik", "-")
MIN_TEXT = 12

DUPLICATE_WINDOW = timedelta(hours=1)


def straight_lining(answers: npt.ArrayLike, minimum: int = 2) -> npt.NDArray[np.bool_]:
    """Rows whose answered questions (at least ``minimum``) all carry the same value."""
    x = np.asarray(answers, dtype=np.float64)
    if x.shape[1] == 0:
        return np.zeros(x.shape[0], dtype=bool)
    # column by column (a few long passes, not a reduction per short row); fmin/fmax skip blanks (NaN):
    # a row of blanks keeps low = inf and high = -inf, never equal
    count = np.zeros(x.shape[0], dtype=np.intp)
    low = np.full(x.shape[0], np.inf)
    high = np.full(x.shape[0], -np.inf)
    for j in range(x.shape[1]):
        column = x[:, j]
        count += np.isfinite(column)
        np.fmin(low, column, out=low)
        np.fmax(high, column, out=high)
    flagged: npt.NDArray[np.bool_] = (count >= minimum) & (low == high)
    return flagged


def duplicate_rows(
    keys: Sequence[tuple[object, ...]],
    moments: Sequence[datetime | None] | None = None,
    window: timedelta = DUPLICATE_WINDOW,
) -> list[tuple[int, int]]:
    """Repeated submissions: ``(position, position of the earlier copy)`` pairs.

    ``keys`` holds, per row, the profile values and the answers (compared exactly). Without
    ``moments`` equal keys are duplicates; with them, a row is a duplicate of an earlier row
    with the same key whose time is within ``window`` (rows without a time are compared by
    key only). The first row of each set is not flagged.
    """
    seen: dict[tuple[object, ...], list[int]] = {}
    out: list[tuple[int, int]] = []
    order = list(range(len(keys)))
    if moments is not None:
        order.sort(key=lambda i: (moments[i] is None, moments[i] or datetime.min, i))
    for i in order:
        earlier = seen.setdefault(keys[i], [])
        for j in earlier:
            a = moments[i] if moments is not None else None
            b = moments[j] if moments is not None else None
            if a is None or b is None or abs(a - b) <= window:
                out.append((i, j))
                break
        earlier.append(i)
    return sorted(out)


def same_minute(moments: Sequence[datetime | None]) -> list[bool]:
    """Rows submitted in the same minute as another row.

    Times of exactly midnight are taken as dates without a time and never match.
    """
    minutes: dict[datetime, int] = {}
    keys: list[datetime | None] = []
    for m in moments:
        key = None if m is None or (m.hour, m.minute, m.second) == (0, 0, 0) else m.replace(second=0, microsecond=0)
        keys.append(key)
        if key is not None:
            minutes[key] = minutes.get(key, 0) + 1
    return [k is not None and minutes[k] > 1 for k in keys]


def same_text(texts: Sequence[object]) -> list[bool]:
    """Rows whose free text (at least :data:`MIN_TEXT` characters, case and spaces ignored) is
    written, identically, in another row too."""
    norm = [" ".join(str(v).lower().split()) if isinstance(v, str) else "" for v in texts]
    counts: dict[str, int] = {}
    for v in norm:
        if len(v) >= MIN_TEXT:
            counts[v] = counts.get(v, 0) + 1
    return [len(v) >= MIN_TEXT and counts[v] > 1 for v in norm]
