"""Data-quality checks of ``skm stats``: dates, survey periods, straight-lining, duplicates.

Pure functions on plain values and numpy arrays. They *flag* rows (by position); what to
do with the flags (report them, or re-score without them) is decided by the caller.
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from datetime import date, datetime, timedelta

import numpy as np
import numpy.typing as npt

__all__ = [
    "DUPLICATE_WINDOW",
    "Period",
    "duplicate_rows",
    "parse_date",
    "parse_period",
    "straight_lining",
]

DUPLICATE_WINDOW = timedelta(hours=1)

_EXCEL_EPOCH = datetime(1899, 12, 30)
_ISO = re.compile(
    r"^(\d{4})-(\d{1,2})-(\d{1,2})(?:[ T](\d{1,2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?)?(?:Z|[+-]\d{2}:?\d{2})?$"
)
_DMY = re.compile(r"^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})(?:,?\s+(\d{1,2})[.:](\d{2})(?:[.:](\d{2}))?)?$")


def _make(y: int, mo: int, d: int, h: str | None, mi: str | None, s: str | None) -> datetime | None:
    try:
        return datetime(y, mo, d, int(h or 0), int(mi or 0), int(s or 0))
    except ValueError:
        return None


def parse_date(value: object) -> datetime | None:  # noqa: PLR0911 - one return per accepted form
    """A respondent's date/time from a cell, or ``None`` when it cannot be read.

    Accepts datetime/date objects, Excel serial numbers (1900 system), ISO text
    (``2026-01-15``, ``2026-01-15 08:30:00``) and day-first text (``15/01/2026``,
    ``15-01-2026 08.30``); day-first text whose "month" exceeds 12 is read month-first
    (``1/15/2026``, as exported by US-locale forms).
    """
    if value is None or value != value:  # noqa: PLR0124 - NaN and pandas NaT are not equal to themselves
        return None
    if isinstance(value, datetime):
        return value.replace(tzinfo=None)
    if isinstance(value, date):
        return datetime(value.year, value.month, value.day)
    if isinstance(value, int | float) and not isinstance(value, bool):
        if not math.isfinite(value) or not 1 <= value < 2_958_466:
            return None
        return _EXCEL_EPOCH + timedelta(days=float(value))
    text = str(value).strip()
    if not text:
        return None
    m = _ISO.match(text)
    if m:
        return _make(int(m[1]), int(m[2]), int(m[3]), m[4], m[5], m[6])
    m = _DMY.match(text)
    if m:
        first, second, year = int(m[1]), int(m[2]), int(m[3])
        found = _make(year, second, first, m[4], m[5], m[6])
        if found is None and second > 12:
            found = _make(year, first, second, m[4], m[5], m[6])
        return found
    return None


class Period:
    """An inclusive range of calendar days, with the text it was given as."""

    def __init__(self, start: date, end: date, text: str) -> None:
        if end < start:
            msg = f"period '{text}' ends before it starts"
            raise ValueError(msg)
        self.start, self.end, self.text = start, end, text

    def __contains__(self, moment: datetime | date) -> bool:
        day = moment.date() if isinstance(moment, datetime) else moment
        return self.start <= day <= self.end

    def __repr__(self) -> str:
        return f"Period({self.start.isoformat()}..{self.end.isoformat()})"

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Period) and (self.start, self.end) == (other.start, other.end)

    def __hash__(self) -> int:
        return hash((self.start, self.end))


def _month_end(year: int, month: int) -> date:
    return (date(year + (month == 12), month % 12 + 1, 1)) - timedelta(days=1)


_PERIOD = re.compile(r"^(\d{4})(?:-(?:(\d{1,2})|(TW|Q)([1-4])|(S)([12])))?$", re.IGNORECASE)


def parse_period(text: str) -> Period:
    """Parse ``2026``, ``2026-01``, ``2026-TW1`` (triwulan; also ``2026-Q1``), ``2026-S1``
    (semester) or ``FROM..TO`` ISO dates (``2026-01-01..2026-03-31``, both inclusive).

    Raises ``ValueError`` with the accepted forms when ``text`` is none of them.
    """
    raw = text.strip()
    if ".." in raw:
        left, right = (part.strip() for part in raw.split("..", 1))
        try:
            return Period(date.fromisoformat(left), date.fromisoformat(right), raw)
        except ValueError as exc:
            msg = f"period '{text}': {exc}"
            raise ValueError(msg) from None
    m = _PERIOD.match(raw)
    if not m:
        msg = f"period '{text}' not understood; use 2026, 2026-01, 2026-TW1, 2026-S1 or 2026-01-01..2026-03-31"
        raise ValueError(msg)
    year = int(m[1])
    if m[2]:
        month = int(m[2])
        if not 1 <= month <= 12:
            msg = f"period '{text}': month {month} is not 1–12"
            raise ValueError(msg)
        return Period(date(year, month, 1), _month_end(year, month), raw)
    if m[3]:
        quarter = int(m[4])
        return Period(date(year, 3 * quarter - 2, 1), _month_end(year, 3 * quarter), raw)
    if m[5]:
        half = int(m[6])
        return Period(date(year, 6 * half - 5, 1), _month_end(year, 6 * half), raw)
    return Period(date(year, 1, 1), date(year, 12, 31), raw)


def straight_lining(answers: npt.ArrayLike, minimum: int = 2) -> npt.NDArray[np.bool_]:
    """Rows whose answered questions (at least ``minimum``) all carry the same value."""
    x = np.asarray(answers, dtype=np.float64)
    answered = np.isfinite(x)
    count = answered.sum(axis=1)
    low = np.where(answered, x, np.inf).min(axis=1)
    high = np.where(answered, x, -np.inf).max(axis=1)
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
