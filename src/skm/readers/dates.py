"""Survey dates as units write them, and periods (month, triwulan, semester, year).

Dates arrive as Excel dates, Excel serial numbers (46034), Google Forms "Cap waktu" strings
("12/01/2026 8:15:02", "12/01/2026 08.15.02"), ISO text ("2026-01-12 08:15:02") or Indonesian
words ("12 Januari 2026"). Slashed dates are day first (Indonesian), unless the column itself
proves otherwise (a second number above 12 and no first one above 12, as in an English-UI
Google Forms export "1/13/2026 9:00:00").

Periods: ``2026-01`` (month), ``2026-TW1`` … ``2026-TW4`` (triwulan, also ``2026-Q1``),
``2026-S1``/``2026-S2`` (semester), ``2026`` (year).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import TYPE_CHECKING

from skm.errors import ExitCode, IssueCode, SkmError
from skm.messages import register

if TYPE_CHECKING:
    import pandas as pd

    from skm.readers.table import Responses

__all__ = [
    "PERIOD_COLUMN",
    "PERIOD_KINDS",
    "PERIOD_WORDS",
    "Period",
    "filter_period",
    "parse_date_column",
    "parse_period",
    "period_label",
    "with_period_column",
]

register(
    {
        "invalid-date": (
            "'{value}' bukan tanggal yang dikenali (mis. 31/01/2026, 2026-01-31, 31 Januari 2026)",
            "'{value}' is not a recognised date (e.g. 31/01/2026, 2026-01-31, 31 Januari 2026)",
        ),
        "period-excluded": (
            "{count} responden di luar periode {period} atau tanpa tanggal tidak dihitung.",
            "{count} respondents outside period {period} or without a date are left out.",
        ),
        "period-empty": (
            "Tidak ada responden dalam periode {period} (kolom tanggal '{column}').",
            "No respondents in period {period} (date column '{column}').",
        ),
        "no-date-column": (
            "Berkas '{file}' tidak punya kolom tanggal (mis. 'Cap waktu', 'Tanggal'); --period dan "
            "--by periode memerlukannya.",
            "File '{file}' has no date column (e.g. 'Timestamp', 'Tanggal'); --period and --by period need one.",
        ),
    }
)

MONTHS = {
    "januari": 1, "january": 1, "jan": 1,
    "februari": 2, "pebruari": 2, "february": 2, "feb": 2, "peb": 2,
    "maret": 3, "march": 3, "mar": 3,
    "april": 4, "apr": 4,
    "mei": 5, "may": 5,
    "juni": 6, "june": 6, "jun": 6,
    "juli": 7, "july": 7, "jul": 7,
    "agustus": 8, "august": 8, "agu": 8, "agt": 8, "aug": 8, "ags": 8,
    "september": 9, "sept": 9, "sep": 9,
    "oktober": 10, "october": 10, "okt": 10, "oct": 10,
    "november": 11, "nopember": 11, "nov": 11, "nop": 11,
    "desember": 12, "december": 12, "des": 12, "dec": 12,
}  # fmt: skip
_SLASHED = re.compile(r"^(\d{1,2})[/\-.](\d{1,2})[/\-.](\d{4}|\d{2})(?:[ T,]+(\d{1,2})[:.](\d{2})(?:[:.](\d{2}))?)?$")
_ISO = re.compile(r"^(\d{4})[-/](\d{1,2})[-/](\d{1,2})(?:[ t](\d{1,2})[:.](\d{2})(?:[:.](\d{2})(?:\.\d+)?)?)?$")
_WORDS = re.compile(
    r"^(?:[a-z]+,?\s+)?(\d{1,2})\s+([a-z]+)\.?\s+(\d{4})(?:[ ,]+(\d{1,2})[:.](\d{2})(?:[:.](\d{2}))?)?$"
)
_SERIAL_MIN, _SERIAL_MAX = 20000, 80000  # 1954 … 2119 as Excel serial days
_EXCEL_EPOCH = datetime(1899, 12, 30)
_MONTHS_IN_YEAR = 12


def _build(y: int, m: int, d: int, hh: str | None, mm: str | None, ss: str | None) -> datetime | None:
    if y < 100:
        y += 2000
    try:
        return datetime(y, m, d, int(hh or 0), int(mm or 0), int(ss or 0))
    except ValueError:
        return None


def _parse_one(value: object, month_first: bool) -> datetime | None:  # noqa: PLR0911 - one return per form
    if isinstance(value, datetime):
        return value
    if isinstance(value, date):
        return datetime(value.year, value.month, value.day)
    if isinstance(value, bool):
        return None
    if isinstance(value, int | float):
        if value != value or not _SERIAL_MIN <= value <= _SERIAL_MAX:  # noqa: PLR0124 - NaN
            return None
        return _EXCEL_EPOCH + timedelta(days=float(value))
    text = str(value).strip().lower()
    m = _SLASHED.match(text)
    if m:
        a, b = int(m.group(1)), int(m.group(2))
        day, month = (b, a) if month_first else (a, b)
        return _build(int(m.group(3)), month, day, m.group(4), m.group(5), m.group(6))
    m = _ISO.match(text)
    if m:
        return _build(int(m.group(1)), int(m.group(2)), int(m.group(3)), m.group(4), m.group(5), m.group(6))
    m = _WORDS.match(text)
    if m and m.group(2) in MONTHS:
        return _build(int(m.group(3)), MONTHS[m.group(2)], int(m.group(1)), m.group(4), m.group(5), m.group(6))
    return None


def _month_first(values: Sequence[object]) -> bool:
    """Whether slashed dates of this column are month first (only when the column proves it)."""
    first_big = second_big = False
    for value in values:
        if isinstance(value, str):
            m = _SLASHED.match(value.strip())
            if m:
                first_big |= int(m.group(1)) > _MONTHS_IN_YEAR
                second_big |= int(m.group(2)) > _MONTHS_IN_YEAR
    return second_big and not first_big


def parse_date_column(values: Sequence[object]) -> tuple[list[datetime | None], bool]:
    """Each distinct value parsed (``None`` where it is not a date) and whether month came first."""
    month_first = _month_first(values)
    return [_parse_one(v, month_first) for v in values], month_first


@dataclass(frozen=True)
class Period:
    """A survey period: the inclusive calendar days ``start`` … ``end`` and its ``label``.

    The same forms as ``skm stats --period`` (:func:`skm.stats.quality.parse_period`).
    """

    kind: str  # month, quarter, semester, year or range
    start: date
    end: date
    label: str

    def contains(self, when: datetime | date) -> bool:
        """Whether ``when`` falls in this period."""
        day = when.date() if isinstance(when, datetime) else when
        return self.start <= day <= self.end


def _month_end(year: int, month: int) -> date:
    return date(year + (month == _MONTHS_IN_YEAR), month % _MONTHS_IN_YEAR + 1, 1) - timedelta(days=1)


_PERIOD = re.compile(r"^(\d{4})(?:-(?:(\d{1,2})|(?:tw|q)([1-4])|s([12])))?$", re.IGNORECASE)


def _bad_period(text: str) -> SkmError:
    return SkmError(
        IssueCode.INVALID_OPTION,
        ExitCode.USAGE,
        reason=f"--period '{text}': use 2026-01, 2026-TW1, 2026-S1, 2026 or 2026-01-01..2026-03-31",
    )


def parse_period(text: str) -> Period:
    """``2026-01``, ``2026-TW1`` (or ``2026-Q1``), ``2026-S1``, ``2026`` or ``FROM..TO`` ISO days."""
    raw = text.strip()
    if ".." in raw:
        left, right = (part.strip() for part in raw.split("..", 1))
        try:
            start, end = date.fromisoformat(left), date.fromisoformat(right)
        except ValueError:
            raise _bad_period(text) from None
        if end < start:
            raise _bad_period(text)
        return Period("range", start, end, raw)
    m = _PERIOD.match(raw)
    if m is None or (m.group(2) and not 1 <= int(m.group(2)) <= _MONTHS_IN_YEAR):
        raise _bad_period(text)
    year = int(m.group(1))
    if m.group(2):
        month = int(m.group(2))
        return Period("month", date(year, month, 1), _month_end(year, month), f"{year}-{month:02d}")
    if m.group(3):
        q = int(m.group(3))
        return Period("quarter", date(year, 3 * q - 2, 1), _month_end(year, 3 * q), f"{year}-TW{q}")
    if m.group(4):
        half = int(m.group(4))
        return Period("semester", date(year, 6 * half - 5, 1), _month_end(year, 6 * half), f"{year}-S{half}")
    return Period("year", date(year, 1, 1), date(year, 12, 31), str(year))


def period_label(when: datetime, kind: str = "quarter") -> str:
    """The period ``when`` falls in: ``2026-TW1`` (quarter), ``2026-01``, ``2026-S1`` or ``2026``."""
    if kind == "month":
        return f"{when.year}-{when.month:02d}"
    if kind == "quarter":
        return f"{when.year}-TW{(when.month - 1) // 3 + 1}"
    if kind == "semester":
        return f"{when.year}-S{(when.month - 1) // 6 + 1}"
    return str(when.year)


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
