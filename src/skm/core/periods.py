"""Survey dates as units write them, and survey periods — the one parser used by readers, stats and report.

Why a module of its own at the top of the package (and not inside :mod:`skm.readers`): it is pure
(standard library plus :mod:`skm.errors`/:mod:`skm.text`, no pandas, typer or rich), so the
pure parts of ``skm stats`` and ``skm report`` can use it without importing the readers package
(whose ``__init__`` loads pandas). The pandas-bound helpers that work on a read
:class:`~skm.readers.Responses` (``filter_period``, ``with_period_column``, ``date_values``)
stay in :mod:`skm.readers.dates`.

Dates arrive as Excel dates, Excel serial numbers (46034), Google Forms "Cap waktu" strings
("12/01/2026 8:15:02", "12/01/2026 08.15.02"), ISO text ("2026-01-12 08:15:02",
"2026-01-12T08:15:02Z") or Indonesian words ("12 Januari 2026"). Slashed dates are day first
(Indonesian), unless the column itself proves otherwise (a second number above 12 and no first
one above 12, as in an English-UI Google Forms export "1/13/2026 9:00:00").

Periods: ``2026-01`` (month), ``2026-TW1`` … ``2026-TW4`` (triwulan, also ``2026-Q1``),
``2026-S1``/``2026-S2`` (semester), ``2026`` (year) and ``FROM..TO`` (ISO days, inclusive).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from skm.errors import ExitCode, IssueCode, SkmError
from skm.text import Lang

__all__ = [
    "MONTHS",
    "MONTH_NAMES_EN",
    "MONTH_NAMES_ID",
    "Period",
    "PeriodError",
    "day_name",
    "day_range",
    "parse_date",
    "parse_date_column",
    "parse_day",
    "parse_period",
    "period_label",
    "period_name",
]

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
MONTH_NAMES_ID = (
    "Januari Februari Maret April Mei Juni Juli Agustus September Oktober November Desember".split()  # noqa: SIM905
)
MONTH_NAMES_EN = (
    "January February March April May June July August September October November December".split()  # noqa: SIM905
)

_TIME = r"(\d{1,2})[:.](\d{2})(?:[:.](\d{2})(?:\.\d+)?)?"
_SLASHED = re.compile(rf"^(\d{{1,2}})[/\-.](\d{{1,2}})[/\-.](\d{{4}}|\d{{2}})(?:[ t,]+{_TIME})?$")
_ISO = re.compile(rf"^(\d{{4}})[-/](\d{{1,2}})[-/](\d{{1,2}})(?:[ t]{_TIME})?(?:z|[+-]\d{{2}}:?\d{{2}})?$")
_WORDS = re.compile(rf"^(?:[a-z]+,?\s+)?(\d{{1,2}})\s+([a-z]+)\.?\s+(\d{{4}})(?:[ ,]+{_TIME})?$")
# Excel serial days accepted as dates: 1954 … 2119 (a survey date; smaller numbers are answers or ids)
_SERIAL_MIN, _SERIAL_MAX = 20000, 80000
_EXCEL_EPOCH = datetime(1899, 12, 30)  # the 1900 date system, as Excel and LibreOffice count
_MONTHS_IN_YEAR = 12


def _build(y: int, m: int, d: int, hh: str | None, mm: str | None, ss: str | None) -> datetime | None:
    if y < 100:
        y += 2000
    try:
        return datetime(y, m, d, int(hh or 0), int(mm or 0), int(ss or 0))
    except ValueError:
        return None


def _parse_one(value: object, month_first: bool) -> datetime | None:  # noqa: PLR0911 - one return per form
    if value is None or value != value:  # noqa: PLR0124 - NaN and pandas NaT are not equal to themselves
        return None
    if isinstance(value, datetime):
        return value.replace(tzinfo=None)
    if isinstance(value, date):
        return datetime(value.year, value.month, value.day)
    if isinstance(value, bool):
        return None
    if isinstance(value, int | float):
        if not _SERIAL_MIN <= value <= _SERIAL_MAX:
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
            m = _SLASHED.match(value.strip().lower())
            if m:
                first_big |= int(m.group(1)) > _MONTHS_IN_YEAR
                second_big |= int(m.group(2)) > _MONTHS_IN_YEAR
    return second_big and not first_big


def parse_date_column(values: Sequence[object]) -> tuple[list[datetime | None], bool]:
    """Each value parsed (``None`` where it is not a date) and whether month came first.

    The values are one column: slashed dates are day first unless the column proves month first.
    """
    month_first = _month_first(values)
    return [_parse_one(v, month_first) for v in values], month_first


def parse_date(value: object) -> datetime | None:
    """One cell's date/time, or ``None``: a column of one (``1/15/2026`` is month first).

    Prefer :func:`parse_date_column` for a whole column, so one ``13/01/2026`` keeps ``01/02/2026``
    day first.
    """
    return parse_date_column([value])[0][0]


def parse_day(value: object) -> date | None:
    """The calendar day of :func:`parse_date`."""
    moment = parse_date(value)
    return None if moment is None else moment.date()


@dataclass(frozen=True, eq=False)
class Period:
    """A survey period: the inclusive calendar days ``start`` … ``end``.

    ``kind`` is month, quarter, semester, year or range; ``label`` the canonical code
    (``2026-TW1``), ``text`` what was given (``2026-tw1``). Periods are equal when their days are.
    """

    kind: str
    start: date
    end: date
    label: str
    text: str = ""

    def contains(self, when: datetime | date) -> bool:
        """Whether ``when`` falls in this period."""
        day = when.date() if isinstance(when, datetime) else when
        return self.start <= day <= self.end

    def __contains__(self, when: datetime | date) -> bool:
        return self.contains(when)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Period) and (self.start, self.end) == (other.start, other.end)

    def __hash__(self) -> int:
        return hash((self.start, self.end))

    def name(self, lang: Lang | str = Lang.ID) -> str:
        """The period as a report writes it: ``Triwulan I 2026``, ``Januari 2026``, ``Semester II 2026``."""
        en = str(lang) == Lang.EN
        year = self.start.year
        if self.kind == "month":
            return f"{(MONTH_NAMES_EN if en else MONTH_NAMES_ID)[self.start.month - 1]} {year}"
        if self.kind == "quarter":
            return f"{'Quarter' if en else 'Triwulan'} {_ROMAN[(self.start.month - 1) // 3]} {year}"
        if self.kind == "semester":
            return f"Semester {_ROMAN[(self.start.month - 1) // 6]} {year}"
        if self.kind == "year":
            return f"{'Year' if en else 'Tahun'} {year}"
        return f"{day_name(self.start, lang)} – {day_name(self.end, lang)}"


_ROMAN = ("I", "II", "III", "IV")


def day_name(day: date, lang: Lang | str = Lang.ID) -> str:
    """``12 November 2025`` (Indonesian month names unless ``lang`` is English)."""
    return f"{day.day} {(MONTH_NAMES_EN if str(lang) == Lang.EN else MONTH_NAMES_ID)[day.month - 1]} {day.year}"


def day_range(first: date, last: date, lang: Lang | str = Lang.ID) -> str:
    """A range of days as reports write it: ``1 Januari 2026 – 31 Maret 2026`` (one day: that day)."""
    if first == last:
        return day_name(first, lang)
    return f"{day_name(first, lang)} – {day_name(last, lang)}"


def _month_end(year: int, month: int) -> date:
    return date(year + (month == _MONTHS_IN_YEAR), month % _MONTHS_IN_YEAR + 1, 1) - timedelta(days=1)


_PERIOD = re.compile(r"^(\d{4})(?:-(?:(\d{1,2})|(?:tw|q)([1-4])|s([12])))?$", re.IGNORECASE)


class PeriodError(SkmError, ValueError):
    """A ``--period`` value that is none of the accepted forms (exit 2, usage).

    Also a :class:`ValueError`, as ``skm.analysis.stats.parse_period`` documented before the parsers merged.
    """

    def __init__(self, text: str) -> None:
        super().__init__(IssueCode.INVALID_PERIOD, ExitCode.USAGE, value=text)


def _bad_period(text: str) -> PeriodError:
    return PeriodError(text)


def parse_period(text: str) -> Period:
    """``2026-01``, ``2026-TW1`` (or ``2026-Q1``), ``2026-S1``, ``2026`` or ``FROM..TO`` ISO days.

    Raises :class:`PeriodError` (``invalid-period``, exit 2) naming the accepted forms.
    """
    raw = text.strip()
    if ".." in raw:
        left, right = (part.strip() for part in raw.split("..", 1))
        try:
            start, end = date.fromisoformat(left), date.fromisoformat(right)
        except ValueError:
            raise _bad_period(text) from None
        if end < start:
            raise _bad_period(text)
        return Period("range", start, end, raw, raw)
    m = _PERIOD.match(raw)
    if m is None or (m.group(2) and not 1 <= int(m.group(2)) <= _MONTHS_IN_YEAR):
        raise _bad_period(text)
    year = int(m.group(1))
    if m.group(2):
        month = int(m.group(2))
        return Period("month", date(year, month, 1), _month_end(year, month), f"{year}-{month:02d}", raw)
    if m.group(3):
        q = int(m.group(3))
        return Period("quarter", date(year, 3 * q - 2, 1), _month_end(year, 3 * q), f"{year}-TW{q}", raw)
    if m.group(4):
        half = int(m.group(4))
        return Period("semester", date(year, 6 * half - 5, 1), _month_end(year, 6 * half), f"{year}-S{half}", raw)
    return Period("year", date(year, 1, 1), date(year, 12, 31), str(year), raw)


def period_name(text: str, lang: Lang | str = Lang.ID) -> str | None:
    """The readable name of a period code (``2026-TW1`` → ``Triwulan I 2026``); ``None`` for free text."""
    try:
        return parse_period(text).name(lang)
    except SkmError:
        return None


def period_label(when: datetime, kind: str = "quarter") -> str:
    """The period ``when`` falls in: ``2026-TW1`` (quarter), ``2026-01``, ``2026-S1`` or ``2026``."""
    if kind == "month":
        return f"{when.year}-{when.month:02d}"
    if kind == "quarter":
        return f"{when.year}-TW{(when.month - 1) // 3 + 1}"
    if kind == "semester":
        return f"{when.year}-S{(when.month - 1) // 6 + 1}"
    return str(when.year)
