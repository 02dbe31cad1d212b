"""The facts of a report: :class:`ReportData`, gathered by :func:`build_report` from
:class:`~skm.readers.Responses` and the core's :class:`~skm.core.calc.IkmResult` (identity, sample,
profiles, per-service results, plan, suggestions, trend). No formatting here beyond labels;
:mod:`skm.render.document.sections` turns the facts into the document's sections.
"""

from __future__ import annotations

import functools
import hashlib
import re
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from fractions import Fraction
from pathlib import Path
from typing import TYPE_CHECKING, Any, overload

from skm import __version__
from skm.analysis.codes import factorized
from skm.analysis.trend import PeriodPoint, Trend, TrendRow
from skm.core.calc import IkmResult, round_half_up
from skm.core.periods import day_name, day_range, period_name
from skm.core.sampling import SampleSize, allocate, sample_size
from skm.readers.dates import date_values
from skm.text import Lang
from skm.text.report import tr

if TYPE_CHECKING:
    import numpy as np
    import numpy.typing as npt
    import pandas as pd

    from skm.analysis.stats import StatsResult
    from skm.readers import Responses
    from skm.readers.extras import PlanEntry
    from skm.readers.report_config import ReportInfo

__all__ = [
    "PeriodPoint",
    "PlanRow",
    "ProfileTable",
    "ReportData",
    "ServiceSampleRow",
    "Suggestion",
    "Trend",
    "TrendRow",
    "build_report",
    "date_range",
    "fmt_date",
    "mentions",
    "percent",
    "profile_table",
    "suggestions_of",
]

# --------------------------------------------------------------------------- facts


@dataclass(frozen=True)
class ProfileTable:
    """Counts of one respondent attribute (``name`` is canonical: gender, age …)."""

    name: str
    column: str
    rows: tuple[tuple[str, int], ...]
    total: int


@dataclass(frozen=True)
class PlanRow:
    """One line of the rencana tindak lanjut."""

    rank: int
    code: str
    name: str
    program: str = ""
    time: str = ""
    responsible: str = ""


@dataclass(frozen=True)
class Suggestion:
    """A suggestion and how many respondents wrote it."""

    text: str
    count: int


@dataclass(frozen=True)
class ServiceSampleRow:
    """One service's population, its own K&M minimum, its proportional share and who answered."""

    service: str
    population: int
    minimum: int
    allocated: int
    respondents: int

    @property
    def met(self) -> bool:
        """Whether this service reached its own minimum."""
        return self.respondents >= self.minimum


@dataclass(frozen=True)
class ReportData:
    """Every fact of the report, independent of the output format."""

    lang: Lang
    result: IkmResult
    unit: str | None
    period: str | None
    first_date: date | None
    last_date: date | None
    services: tuple[str, ...]
    source_name: str
    sha256: str
    version: str
    generated: date
    population: int | None
    minimum: SampleSize | None
    profiles: tuple[ProfileTable, ...]
    by_service: IkmResult | None
    plan: tuple[PlanRow, ...]
    plan_source: str | None
    suggestions: tuple[Suggestion, ...]
    suggestion_total: int
    trend: Trend | None
    question_keys: tuple[str, ...]
    answers: Sequence[tuple[int, tuple[int | None, ...]]]  # per respondent: (spreadsheet row, answers)
    skipped_cells: int = 0
    question_sums: tuple[int, ...] = ()  # Σ of the answers per question (``question_keys`` order)
    question_counts: tuple[int, ...] = ()  # answers given per question
    min_group: int = 5
    service_samples: tuple[ServiceSampleRow, ...] = ()
    stats: StatsResult | None = None  # reliability, validity, intervals (skm stats), when asked
    info: ReportInfo | None = None  # publisher and fieldwork (--config report.toml, --head, --nip …)
    history: tuple[PeriodPoint, ...] = ()  # earlier periods, oldest first (several --previous)
    response_days: tuple[date, ...] = ()  # the distinct days the responses are dated on
    extra: dict[str, object] = field(default_factory=dict)

    @property
    def sample_met(self) -> bool | None:
        """Whether the respondents reach the K&M minimum (``None`` without a population)."""
        return None if self.minimum is None else self.result.respondents >= self.minimum.sample

    @property
    def tabulated(self) -> Sequence[tuple[int, tuple[int | None, ...]]]:
        """The respondents a document lists one by one (the first :data:`TABULATION_LIMIT`)."""
        return self.answers[:TABULATION_LIMIT]

    @property
    def field_days(self) -> int:
        """How many distinct days the responses are dated on (0 without dates)."""
        return len(self.response_days)

    @property
    def unit_text(self) -> str:
        """The unit's name or a placeholder to fill in."""
        return self.unit or tr("unit-unknown", self.lang)

    @property
    def period_text(self) -> str:
        """The stated period (a code such as ``2026-TW1`` written out: ``Triwulan I 2026``), else the
        date range of the data, else a placeholder."""
        if self.period:
            return period_name(self.period, self.lang) or self.period
        if self.first_date is not None and self.last_date is not None:
            return date_range(self.first_date, self.last_date, self.lang)
        return tr("period-unknown", self.lang)


# --------------------------------------------------------------------------- helpers


# the report's names for the two date formats of skm.core.periods
fmt_date = day_name
date_range = day_range


def percent(count: int, total: int) -> Decimal:
    """``count / total`` in percent, one decimal, rounded half up."""
    return round_half_up(Fraction(100 * count, total), 1) if total else Decimal("0.0")


def _clean(value: object) -> str:
    return " ".join("".join(ch for ch in str(value) if ch.isprintable() or ch.isspace()).split())


_GENDER = {
    "l": "male",
    "lk": "male",
    "laki-laki": "male",
    "laki - laki": "male",
    "laki laki": "male",
    "pria": "male",
    "male": "male",
    "m": "male",
    "p": "female",
    "pr": "female",
    "perempuan": "female",
    "wanita": "female",
    "female": "female",
    "f": "female",
}
_AGE = re.compile(r"^\s*(\d{1,3})(?:[.,]0+)?\s*(?:tahun|thn|th)?\s*$", re.IGNORECASE)
_AGE_EDGES = (20, 30, 40, 50, 60)


def _age_label(age: int, lang: Lang) -> tuple[int, str]:
    lo = 0
    for i, edge in enumerate(_AGE_EDGES):
        if age < edge:
            if i == 0:
                return i, tr("age-under", lang, hi=edge)
            return i, tr("age-range", lang, lo=lo, hi=edge - 1)
        lo = edge
    return len(_AGE_EDGES), tr("age-over", lang, lo=_AGE_EDGES[-1])


def profile_table(name: str, column: str, values: Sequence[object], lang: Lang) -> ProfileTable:
    """Counts per category; ages become bands when every answer is a number."""
    return profile_counts(name, column, distinct_counts(values), len(values), lang)


def distinct_counts(values: Sequence[object] | pd.Series[Any]) -> list[tuple[object, int]]:
    """The distinct values of a column (``None`` for every missing value: None, NA, NaT, NaN) with
    their counts, in the order they first appear. A text column of a frame is counted in its
    storage (no Python object per cell)."""
    import numpy as np  # noqa: PLC0415
    import pandas as pd  # noqa: PLC0415

    if (
        isinstance(values, pd.Series)
        and pd.api.types.is_string_dtype(values.dtype)
        and getattr(values.dtype, "storage", None) == "pyarrow"
    ):
        # the column's codes (one hash pass, first appearance first), shared with the other consumers
        codes, distinct = factorized(values)
        # slot 0 for a missing value (code -1): one pass, no copy of the present codes
        blank, *counted = np.bincount(np.add(codes, 1, dtype=np.intp), minlength=len(distinct) + 1).tolist()
        arrow: list[tuple[object, int]] = list(zip(distinct, counted, strict=True))
        if blank:  # as below: every missing value last
            arrow.append((None, blank))
        return arrow
    if isinstance(values, pd.Series) and pd.api.types.is_string_dtype(values.dtype) and values.dtype != object:
        codes, uniques = pd.factorize(values, sort=False)
        counts = np.bincount(codes[codes >= 0], minlength=len(uniques)).tolist()
        out: list[tuple[object, int]] = list(zip(uniques.tolist(), counts, strict=True))
        missing = int((codes < 0).sum())
        if missing:  # where the first missing value stands does not matter: None is never shown as text
            out.append((None, missing))
        return out
    seen: dict[tuple[type, object], int] = {}  # by type too: 1 and 1.0 are written differently
    first: dict[tuple[type, object], object] = {}
    for v in values.tolist() if isinstance(values, pd.Series) else values:
        value = None if _is_na(v) else v
        key = (type(value), value)
        if key not in seen:
            seen[key] = 0
            first[key] = value
        seen[key] += 1
    return [(first[k], n) for k, n in seen.items()]


def profile_counts(
    name: str, column: str, distinct: Sequence[tuple[object, int]], total: int, lang: Lang
) -> ProfileTable:
    """:func:`profile_table` from a column's distinct values and their counts (first appearance first)."""
    blank = tr("blank", lang)
    present = [(n, text) for v, n in distinct if v is not None and (text := _clean(v))]
    missing = total - sum(n for n, _ in present)
    counts: dict[str, int] = {}
    order: dict[str, tuple[int, str]] = {}
    ages = [(_AGE.match(text), n) for n, text in present] if name == "age" else []
    if name == "age" and present and all(m for m, _ in ages):
        for m, n in ages:
            assert m is not None
            rank, label = _age_label(int(m.group(1)), lang)
            counts[label] = counts.get(label, 0) + n
            order[label] = (rank, label)
        rows = sorted(counts.items(), key=lambda kv: order[kv[0]])
    else:
        spelling: dict[str, str] = {}
        for n, text in present:
            shown = tr(_GENDER[text.lower()], lang) if name == "gender" and text.lower() in _GENDER else text
            label = spelling.setdefault(shown.casefold(), shown)
            counts[label] = counts.get(label, 0) + n
        rows = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0].casefold()))
        levels = {label: _education_level(label) for label, _ in rows} if name == "education" else {}
        known = {label: level for label, level in levels.items() if level is not None}
        if levels and len(known) == len(levels):
            rows.sort(key=lambda kv: (known[kv[0]], -kv[1]))
    if missing:
        rows.append((blank, missing))
    return ProfileTable(name, column, tuple(rows), total)


_NOTHING = frozenset({"-", "--", ".", "..", "0", "tidak ada", "tdk ada", "ga ada", "nihil", "none", "n/a", "na", "no"})


def suggestions_of(values: Sequence[object]) -> tuple[tuple[Suggestion, ...], int]:
    """Distinct suggestions with their counts (most frequent first), and how many wrote one."""
    return suggestion_counts(distinct_counts(values))


def suggestion_counts(distinct: Sequence[tuple[object, int]]) -> tuple[tuple[Suggestion, ...], int]:
    """:func:`suggestions_of` from a column's distinct values and their counts (first appearance first)."""
    counts: dict[str, int] = {}
    spelling: dict[str, str] = {}
    total = 0
    for v, n in distinct:
        if v is None:
            continue
        text = _clean(v)
        if not text or text.casefold().strip(" .!") in _NOTHING:
            continue
        total += n
        label = spelling.setdefault(text.casefold(), text)
        counts[label] = counts.get(label, 0) + n
    first = {label: i for i, label in enumerate(counts)}
    ranked = sorted(counts.items(), key=lambda kv: (-kv[1], first[kv[0]]))
    return tuple(Suggestion(text, n) for text, n in ranked), total


# words that point to an element in a suggestion, beyond the element's own keywords
_MENTIONS: dict[str, tuple[str, ...]] = {
    "U1": ("syarat", "berkas", "dokumen"),
    "U2": ("prosedur", "alur", "mekanisme", "sistem", "antre", "antri", "online", "daring"),
    "U3": ("waktu", "lama", "cepat", "lambat", "tunggu", "antre", "antri"),
    "U4": ("biaya", "tarif", "bayar", "pungli", "gratis"),
    "U5": ("produk", "hasil", "salah ketik", "kesalahan"),
    "U6": ("kompeten", "kemampuan", "paham", "terampil"),
    "U7": ("ramah", "sopan", "perilaku", "sikap", "jutek", "senyum"),
    "U8": ("pengaduan", "keluhan", "saran", "komplain"),
    "U9": ("sarana", "prasarana", "fasilitas", "ruang", "kursi", "toilet", "parkir", "ac", "wifi"),
}


def mentions(element: object, suggestions: Sequence[Suggestion]) -> tuple[Suggestion, ...]:
    """The suggestions that mention ``element`` (its keywords, its name, or the usual words for it)."""
    code = str(getattr(element, "code", ""))
    words = {w.casefold() for w in getattr(element, "keywords", ())}
    words |= {w.casefold() for w in _MENTIONS.get(code.upper(), ())}
    name = str(getattr(element, "name", "")).casefold()
    if name:
        words.add(name)
    found = []
    for s in suggestions:
        tokens, text = _words(s.text)
        if any((w in tokens) if " " not in w and len(w) <= 3 else (w in text) for w in words):
            found.append(s)
    return tuple(found)


@functools.lru_cache(maxsize=1 << 16)
def _words(text: str) -> tuple[frozenset[str], str]:
    """A suggestion's words and its case-folded text (looked at once per element: cached)."""
    folded = text.casefold()
    return frozenset(re.findall(r"\w+", folded)), folded


def file_sha256(path: Path) -> str:
    """Hex SHA-256 of a file's bytes."""
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for chunk in iter(lambda: handle.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


_EDUCATION = (
    r"tidak|belum|tanpa|none",
    r"sd\b|sekolah dasar|mi\b|primary",
    r"smp|sltp|mts|junior",
    r"sma|smk|slta|ma\b|senior|high",
    r"d[- ]?[123]\b|diploma|d1|d2|d3",
    r"d[- ]?4|s[- ]?1|sarjana|bachelor",
    r"s[- ]?2|magister|master",
    r"s[- ]?3|doktor|doctor|phd",
)


def _education_level(label: str) -> int | None:
    """The level of an education answer (SD < SMP < SMA < D1–D3 < S1 < S2 < S3), if known."""
    text = label.casefold().strip()
    for level, pattern in enumerate(_EDUCATION):
        if re.match(pattern, text):
            return level
    return None


# what a document (md, html, docx, xlsx) lists one by one at most; the figures always cover everyone
TABULATION_LIMIT = 1_000  # respondents in the answers-per-respondent table and the xlsx Data sheet
SUGGESTION_LIMIT = 500  # distinct suggestions in the suggestions table (the JSON report lists them all)

PROFILE_ORDER = ("gender", "age", "education", "occupation", "service", "disability")


def build_report(
    responses: Responses,
    result: IkmResult,
    *,
    path: Path | None = None,
    lang: Lang = Lang.ID,
    unit: str | None = None,
    period: str | None = None,
    population: int | None = None,
    by_service: IkmResult | None = None,
    plan: Sequence[PlanEntry] | None = None,
    plan_source: str | None = None,
    trend: Trend | None = None,
    generated: date | None = None,
    min_group: int = 5,
    service_populations: Mapping[str, int] | None = None,
    stats: StatsResult | None = None,
    info: ReportInfo | None = None,
    history: Sequence[PeriodPoint] = (),
    sha256: str | None = None,
) -> ReportData:
    """Collect the facts of a report from read responses and their result. ``sha256`` is
    :func:`file_sha256` of ``path`` when the caller has it (computed while the figures were)."""
    frame = responses.frame
    profile = responses.profile

    @functools.cache
    def distinct(name: str) -> list[tuple[object, int]]:  # each column counted once
        column = profile.get(name)
        return [] if column is None else distinct_counts(frame[column])

    def cleaned(name: str) -> list[str]:
        return [text for v, _ in distinct(name) if v is not None and (text := _clean(v))]

    days = response_days(responses)
    if unit is None:
        units = sorted(set(cleaned("unit")))
        unit = units[0] if len(units) == 1 else None
    services = tuple(sorted(set(cleaned("service"))))
    profiles = tuple(
        profile_counts(name, profile[name], distinct(name), len(frame), lang)
        for name in PROFILE_ORDER
        if name in profile
    )
    suggestions, suggestion_total = suggestion_counts(distinct("suggestion"))
    keys = tuple(k for k in responses.instrument.question_keys if k in frame.columns)
    answers = AnswerRows.of(frame, keys)
    service_samples: tuple[ServiceSampleRow, ...] = ()
    if service_populations:
        if population is None:
            population = sum(service_populations.values())
        answered: dict[str, int] = {}
        for v, n in distinct("service"):
            if v is not None and _clean(v):
                answered[_clean(v).casefold()] = answered.get(_clean(v).casefold(), 0) + n
        shares = allocate(sample_size(population).sample, service_populations)
        service_samples = tuple(
            ServiceSampleRow(
                name, n, sample_size(n).sample, shares[name], answered.get(" ".join(name.split()).casefold(), 0)
            )
            for name, n in service_populations.items()
        )
    rows = plan if plan is not None else ()
    by_code = {r.code: r for r in rows}
    plan_rows = tuple(
        PlanRow(
            rank=i,
            code=code,
            name=_element_name(result, code, lang),
            program=by_code[code].program if code in by_code else "",
            time=by_code[code].time if code in by_code else "",
            responsible=by_code[code].responsible if code in by_code else "",
        )
        for i, code in enumerate(result.priority, start=1)
    )
    return ReportData(
        lang=lang,
        result=result,
        unit=unit,
        period=period,
        first_date=days[0] if days else None,
        last_date=days[-1] if days else None,
        services=services,
        source_name=Path(responses.source).name if path is None else path.name,
        sha256=sha256 if sha256 is not None else file_sha256(path) if path is not None and path.is_file() else "",
        version=__version__,
        generated=generated or date.today(),
        population=population,
        minimum=None if population is None else sample_size(population),
        profiles=profiles,
        by_service=by_service,
        plan=plan_rows,
        plan_source=plan_source,
        suggestions=suggestions,
        suggestion_total=suggestion_total,
        trend=trend,
        question_keys=keys,
        answers=answers,
        skipped_cells=len(responses.errors),
        question_sums=answers.sums(),
        question_counts=answers.counts(),
        min_group=min_group,
        service_samples=service_samples,
        stats=stats,
        info=info,
        history=tuple(history),
        response_days=days,
    )


AnswerRow = tuple[int, tuple[int | None, ...]]


class AnswerRows(Sequence[AnswerRow]):
    """Each respondent's ``(spreadsheet row, answers)``, made on demand from the frame's integer
    columns (a million respondents are a few arrays, not a million tuples). ``values`` is 0 where
    ``answered`` is false."""

    def __init__(
        self, rows: npt.NDArray[np.int64], values: npt.NDArray[np.integer], answered: npt.NDArray[np.bool_]
    ) -> None:
        self._rows, self._values, self._answered = rows, values, answered

    @classmethod
    def of(cls, frame: pd.DataFrame, keys: Sequence[str]) -> AnswerRows:
        """The answers of ``keys`` in ``frame`` (nullable integer columns, index = spreadsheet rows)."""
        import numpy as np  # noqa: PLC0415

        n = len(frame)
        small = all(str(frame[k].dtype) in {"Int8", "int8"} for k in keys)  # answers: 1 byte a cell
        # column by column (Fortran order): each question written and summed in one contiguous run
        values = np.zeros((n, len(keys)), dtype=np.int8 if small else np.int64, order="F")
        answered = np.zeros((n, len(keys)), dtype=bool, order="F")
        for j, k in enumerate(keys):
            column = frame[k]
            answered[:, j] = column.notna().to_numpy(dtype=bool)
            values[:, j] = column.to_numpy(dtype=values.dtype, na_value=0)
        return cls(np.asarray(frame.index, dtype=np.int64), values, answered)

    def __len__(self) -> int:
        return int(self._rows.shape[0])

    def _row(self, i: int) -> AnswerRow:
        values, answered = self._values[i].tolist(), self._answered[i].tolist()
        return int(self._rows[i]), tuple(v if a else None for v, a in zip(values, answered, strict=True))

    @overload
    def __getitem__(self, index: int) -> AnswerRow: ...
    @overload
    def __getitem__(self, index: slice) -> AnswerRows: ...
    def __getitem__(self, index: int | slice) -> AnswerRow | AnswerRows:
        if isinstance(index, slice):
            return AnswerRows(self._rows[index], self._values[index], self._answered[index])
        if not -len(self) <= index < len(self):
            raise IndexError(index)
        return self._row(index % len(self))

    def __iter__(self) -> Iterator[AnswerRow]:
        for i in range(len(self)):
            yield self._row(i)

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Sequence):
            return NotImplemented
        return len(self) == len(other) and all(a == b for a, b in zip(self, other, strict=True))

    __hash__ = None  # type: ignore[assignment]

    def sums(self) -> tuple[int, ...]:
        """Σ of the answers per question."""
        import numpy as np  # noqa: PLC0415

        return tuple(int(v) for v in self._values.sum(axis=0, dtype=np.int64).tolist())

    def counts(self) -> tuple[int, ...]:
        """Answers given per question."""
        import numpy as np  # noqa: PLC0415

        return tuple(int(v) for v in np.count_nonzero(self._answered, axis=0).tolist())


def response_days(responses: Responses) -> tuple[date, ...]:
    """The distinct days the responses are dated on, in order (a parsed date column is read as
    numbers, without a Python object per respondent)."""
    import numpy as np  # noqa: PLC0415
    import pandas as pd  # noqa: PLC0415

    column = responses.profile.get("date")
    if column is not None and pd.api.types.is_datetime64_any_dtype(responses.frame[column]):
        micros = responses.frame[column].to_numpy(dtype="datetime64[us]").view(np.int64)
        days = micros[micros != np.iinfo(np.int64).min] // 86_400_000_000  # floor: numpy's cast to days
        if not days.size:
            return ()
        low = int(days.min())
        span = int(days.max()) - low + 1
        # a survey's days are few: marked in a table, not sorted
        found = np.flatnonzero(np.bincount(days - low, minlength=span)) + low if span <= days.size else np.unique(days)
        return tuple(found.astype("datetime64[D]").tolist())
    return tuple(sorted({d.date() for d in date_values(responses) or () if d is not None}))


def _is_na(value: object) -> bool:
    if value is None or type(value).__name__ in {"NAType", "NaTType"}:
        return True
    return isinstance(value, float) and value != value  # noqa: PLR0124 - NaN


def _element_name(result: IkmResult, code: str, lang: Lang) -> str:
    e = result.element(code)
    return e.name_en if lang is Lang.EN else e.name
