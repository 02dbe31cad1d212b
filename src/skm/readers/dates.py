"""Dates and periods of read responses: ``--period`` filtering, ``--by periode`` and the parsed date column.

The parsing itself (date cells, ``2026-TW1`` … periods) is the pure :mod:`skm.core.periods`, shared
with ``skm stats`` and ``skm report``; its names are re-exported here for the readers' callers.
Everything here works on a :class:`~skm.readers.Responses` frame (pandas imported inside the
functions).
"""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING

from skm.core.periods import Period, parse_date_column, parse_period, period_label
from skm.errors import ExitCode, IssueCode, SkmError

if TYPE_CHECKING:
    import pandas as pd

    from skm.readers.responses import Responses

__all__ = [
    "PERIOD_COLUMN",
    "PERIOD_KINDS",
    "PERIOD_WORDS",
    "Period",
    "date_values",
    "filter_period",
    "parse_date_column",
    "parse_period",
    "period_label",
    "with_period_column",
]

PERIOD_COLUMN = "periode"
# --by word → kind of period (``periode`` is the triwulan, the usual reporting period)
PERIOD_KINDS = {
    "periode": "quarter",
    "period": "quarter",
    "triwulan": "quarter",
    "tw": "quarter",
    "quarter": "quarter",
    "bulan": "month",
    "month": "month",
    "semester": "semester",
    "tahun": "year",
    "year": "year",
}
PERIOD_WORDS = frozenset(PERIOD_KINDS)


def _date_series(responses: Responses) -> pd.Series:
    import pandas as pd  # noqa: PLC0415

    column = responses.profile.get("date")
    if column is None or not pd.api.types.is_datetime64_any_dtype(responses.frame[column]):
        raise SkmError(IssueCode.NO_DATE_COLUMN, ExitCode.USAGE, file=responses.source)
    return responses.frame[column]


def filter_period(responses: Responses, period: str | Period) -> tuple[Responses, int]:
    """The respondents dated within ``period`` and how many were left out (outside or undated)."""
    from dataclasses import replace  # noqa: PLC0415

    wanted = parse_period(period) if isinstance(period, str) else period
    dates = _date_series(responses)
    keep = dates.map(lambda d: d is not None and d == d and wanted.contains(d.to_pydatetime())).astype(bool)  # noqa: PLR0124
    if not keep.any():
        raise SkmError(
            IssueCode.PERIOD_EMPTY,
            ExitCode.INVALID_DATA,
            period=wanted.label,
            column=responses.profile["date"],
            file=responses.source,
        )
    return replace(responses, frame=responses.frame[keep.to_numpy()]), int((~keep).sum())


def with_period_column(responses: Responses, kind: str = "quarter") -> Responses:
    """``responses`` plus a ``periode`` column (``2026-TW1`` …) from the date column, for ``--by periode``."""
    from dataclasses import replace  # noqa: PLC0415

    dates = _date_series(responses)
    frame = responses.frame.copy()
    frame[PERIOD_COLUMN] = dates.map(lambda d: period_label(d.to_pydatetime(), kind) if d == d else None)  # noqa: PLR0124
    return replace(responses, frame=frame, profile={**responses.profile, "period": PERIOD_COLUMN})


def date_values(responses: Responses) -> list[datetime | None] | None:
    """Each respondent's date/time from the date column, ``None`` where missing or unreadable.

    Uses the values the reader already parsed (a datetime column); a date column the reader left
    as text (mostly not dates) is parsed here as one column. ``None`` without a date column.
    """
    import pandas as pd  # noqa: PLC0415

    column = responses.profile.get("date")
    if column is None:
        return None
    series = responses.frame[column]
    if pd.api.types.is_datetime64_any_dtype(series):
        return [None if d != d else d.to_pydatetime() for d in series]  # noqa: PLR0124 - NaT
    return parse_date_column(series.tolist())[0]
