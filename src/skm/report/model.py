"""The report as data: :class:`ReportData` (facts) and :class:`Document` (sections of blocks).

:func:`build_report` gathers every fact from :class:`~skm.readers.Responses` and the
core's :class:`~skm.calc.IkmResult`; :func:`build_document` turns them into a list of
:class:`Section` made of a few block types (paragraph, key–value list, headline, table,
bar chart). Each renderer (Markdown, HTML, xlsx, docx) renders blocks, so a new section
(e.g. statistics) is one more function in :data:`SECTION_BUILDERS`, with no renderer change.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal
from enum import StrEnum
from fractions import Fraction
from pathlib import Path
from typing import TYPE_CHECKING

from skm import __version__
from skm.calc import IkmResult, round_half_up
from skm.messages import Lang, fmt_number
from skm.report.text import tr
from skm.sampling import SampleSize, allocate, sample_size

if TYPE_CHECKING:
    from skm.readers import Responses

__all__ = [
    "SECTION_BUILDERS",
    "BarChart",
    "Block",
    "Chapter",
    "Document",
    "Headline",
    "KeyValues",
    "Paragraph",
    "PlanRow",
    "ProfileTable",
    "ReportData",
    "Section",
    "ServiceSampleRow",
    "Signature",
    "Suggestion",
    "Table",
    "Trend",
    "TrendRow",
    "build_document",
    "build_report",
    "fmt",
    "printable",
]

Cell = str | int | Decimal | None


# --------------------------------------------------------------------------- blocks


@dataclass(frozen=True)
class Paragraph:
    """Running text. ``note`` paragraphs are printed smaller."""

    text: str
    note: bool = False


@dataclass(frozen=True)
class KeyValues:
    """A two-column list of labels and values (identity, method)."""

    rows: tuple[tuple[str, str], ...]


@dataclass(frozen=True)
class Headline:
    """The headline figures (NI, IKM, mutu, kinerja) shown large."""

    items: tuple[tuple[str, str | Decimal], ...]
    grade: str = ""


@dataclass(frozen=True)
class Table:
    """A table. Cells are text, whole numbers or decimals (their exponent gives the places shown).

    ``total`` is an emphasised last row; ``wide`` marks the column that takes the free space.
    """

    columns: tuple[str, ...]
    rows: tuple[tuple[Cell, ...], ...]
    caption: str = ""
    total: tuple[Cell, ...] | None = None
    wide: int | None = None
    key: str = ""
    widths: tuple[int, ...] = ()
    flags: tuple[str, ...] = ()  # per row: "" or a marker such as "drop" or "small"


@dataclass(frozen=True)
class BarChart:
    """Bars of ``values`` on [``minimum``, ``maximum``], with optional grade bounds marked."""

    title: str
    labels: tuple[str, ...]
    values: tuple[Decimal, ...]
    minimum: Decimal = Decimal(0)
    maximum: Decimal = Decimal(100)
    bands: tuple[tuple[Decimal, str], ...] = ()
    suffix: str = ""
    grades: tuple[str, ...] = ()


@dataclass(frozen=True)
class Signature:
    """The place/date and signature lines that close an official document."""

    lines: tuple[str, ...]
    name: str


Block = Paragraph | KeyValues | Headline | Table | BarChart | Signature


class Chapter(StrEnum):
    """The usual chapters of an SKM report."""

    INTRO = "intro"
    METHOD = "method"
    RESULTS = "results"
    ANALYSIS = "analysis"
    CLOSING = "closing"


@dataclass(frozen=True)
class Section:
    """A titled part of the report: ``key`` is stable (for JSON, tests, sheet names)."""

    key: str
    chapter: Chapter
    title: str
    blocks: tuple[Block, ...]
    sheet: str = ""


@dataclass(frozen=True)
class Document:
    """What the renderers draw: a title block and the sections in order."""

    lang: Lang
    title: str
    unit: str
    period: str
    sections: tuple[Section, ...]
    footer: str
    subtitle: str = ""

    def headline(self) -> Headline | None:
        """The headline figures, for a cover or a summary."""
        for section in self.sections:
            for block in section.blocks:
                if isinstance(block, Headline):
                    return block
        return None

    def chapters(self) -> list[tuple[Chapter, str, list[Section]]]:
        """Sections grouped by chapter, in chapter order, with the chapter's title."""
        out: list[tuple[Chapter, str, list[Section]]] = []
        for chapter in Chapter:
            parts = [s for s in self.sections if s.chapter is chapter]
            if parts:
                out.append((chapter, tr(f"ch-{chapter.value}", self.lang), parts))
        return out


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
class TrendRow:
    """An element's 25 × NRR now and before."""

    code: str
    name: str
    previous: Decimal | None
    current: Decimal
    change: Decimal | None

    @property
    def dropped(self) -> bool:
        """True when the value fell."""
        return self.change is not None and self.change < 0


@dataclass(frozen=True)
class Trend:
    """Change of the IKM and of each element against an earlier result."""

    source: str
    previous_ikm: Decimal
    previous_grade: str
    current_ikm: Decimal
    change: Decimal
    elements: tuple[TrendRow, ...]

    @property
    def drops(self) -> tuple[str, ...]:
        """Codes of the elements that fell."""
        return tuple(r.code for r in self.elements if r.dropped)


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
    answers: tuple[tuple[int, tuple[int | None, ...]], ...]
    skipped_cells: int = 0
    min_group: int = 5
    service_samples: tuple[ServiceSampleRow, ...] = ()
    extra: dict[str, object] = field(default_factory=dict)

    @property
    def sample_met(self) -> bool | None:
        """Whether the respondents reach the K&M minimum (``None`` without a population)."""
        return None if self.minimum is None else self.result.respondents >= self.minimum.sample

    @property
    def unit_text(self) -> str:
        """The unit's name or a placeholder to fill in."""
        return self.unit or tr("unit-unknown", self.lang)

    @property
    def period_text(self) -> str:
        """The stated period, else the date range of the data, else a placeholder."""
        if self.period:
            return self.period
        if self.first_date is not None and self.last_date is not None:
            return date_range(self.first_date, self.last_date, self.lang)
        return tr("period-unknown", self.lang)


# --------------------------------------------------------------------------- helpers

_MONTHS_ID = (
    "Januari Februari Maret April Mei Juni Juli Agustus September Oktober November Desember".split()  # noqa: SIM905
)
_MONTHS_EN = (
    "January February March April May June July August September October November December".split()  # noqa: SIM905
)


def fmt_date(day: date, lang: Lang) -> str:
    """``12 November 2025`` (Indonesian month names by default)."""
    months = _MONTHS_EN if lang is Lang.EN else _MONTHS_ID
    return f"{day.day} {months[day.month - 1]} {day.year}"


def date_range(first: date, last: date, lang: Lang) -> str:
    """A date range as written in reports."""
    if first == last:
        return fmt_date(first, lang)
    return f"{fmt_date(first, lang)} – {fmt_date(last, lang)}"


def fmt(value: Decimal | int | str, lang: Lang) -> str:
    """A number as the document writes it (decimal comma in Indonesian); text unchanged."""
    return fmt_number(value, lang) if isinstance(value, Decimal) else str(value)


def percent(count: int, total: int) -> Decimal:
    """``count / total`` in percent, one decimal, rounded half up."""
    return round_half_up(Fraction(100 * count, total), 1) if total else Decimal("0.0")


_DATE_FORMATS = (
    "%Y-%m-%d %H:%M:%S",
    "%Y-%m-%d %H:%M",
    "%Y-%m-%dT%H:%M:%S",
    "%Y-%m-%d",
    "%d/%m/%Y %H:%M:%S",
    "%d/%m/%Y %H:%M",
    "%d/%m/%Y",
    "%d-%m-%Y",
    "%d.%m.%Y",
)


def parse_date(value: object) -> date | None:
    """A response date from a cell (datetime, ISO text or Indonesian day-first text)."""
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if not isinstance(value, str):
        return None
    text = value.strip()
    for pattern in _DATE_FORMATS:
        try:
            return datetime.strptime(text, pattern).date()
        except ValueError:
            continue
    return None


_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def printable(text: str) -> str:
    """``text`` without control characters (invalid in XML, so in xlsx and docx)."""
    return _CONTROL.sub("", text)


def _clean(value: object) -> str:
    return " ".join(printable(str(value)).split())


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
    blank = tr("blank", lang)
    present = [v for v in values if v is not None and _clean(v)]
    missing = len(values) - len(present)
    counts: dict[str, int] = {}
    order: dict[str, tuple[int, str]] = {}
    ages = [_AGE.match(_clean(v)) for v in present] if name == "age" else []
    if name == "age" and present and all(ages):
        for m in ages:
            assert m is not None
            rank, label = _age_label(int(m.group(1)), lang)
            counts[label] = counts.get(label, 0) + 1
            order[label] = (rank, label)
        rows = sorted(counts.items(), key=lambda kv: order[kv[0]])
    else:
        spelling: dict[str, str] = {}
        for v in present:
            text = _clean(v)
            if name == "gender" and text.lower() in _GENDER:
                text = tr(_GENDER[text.lower()], lang)
            fold = text.casefold()
            label = spelling.setdefault(fold, text)
            counts[label] = counts.get(label, 0) + 1
        rows = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0].casefold()))
        levels = {label: _education_level(label) for label, _ in rows} if name == "education" else {}
        known = {label: level for label, level in levels.items() if level is not None}
        if levels and len(known) == len(levels):
            rows.sort(key=lambda kv: (known[kv[0]], -kv[1]))
    if missing:
        rows.append((blank, missing))
    return ProfileTable(name, column, tuple(rows), len(values))


_NOTHING = frozenset({"-", "--", ".", "..", "0", "tidak ada", "tdk ada", "ga ada", "nihil", "none", "n/a", "na", "no"})


def suggestions_of(values: Sequence[object]) -> tuple[tuple[Suggestion, ...], int]:
    """Distinct suggestions with their counts (most frequent first), and how many wrote one."""
    counts: dict[str, int] = {}
    spelling: dict[str, str] = {}
    total = 0
    for v in values:
        if v is None:
            continue
        text = _clean(v)
        if not text or text.casefold().strip(" .!") in _NOTHING:
            continue
        total += 1
        fold = text.casefold()
        label = spelling.setdefault(fold, text)
        counts[label] = counts.get(label, 0) + 1
    first = {label: i for i, label in enumerate(counts)}
    ranked = sorted(counts.items(), key=lambda kv: (-kv[1], first[kv[0]]))
    return tuple(Suggestion(text, n) for text, n in ranked), total


def file_sha256(path: Path) -> str:
    """Hex SHA-256 of a file's bytes."""
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for chunk in iter(lambda: handle.read(1 << 16), b""):
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
    plan: Sequence[PlanRow] | None = None,
    plan_source: str | None = None,
    trend: Trend | None = None,
    generated: date | None = None,
    min_group: int = 5,
    service_populations: Mapping[str, int] | None = None,
) -> ReportData:
    """Collect the facts of a report from read responses and their result."""
    frame = responses.frame
    profile = responses.profile

    def column_values(name: str) -> list[object]:
        column = profile.get(name)
        return [] if column is None else [None if _is_na(v) else v for v in frame[column].tolist()]

    dates = [d for d in (parse_date(v) for v in column_values("date")) if d is not None]
    if unit is None:
        units = sorted({_clean(v) for v in column_values("unit") if v is not None and _clean(v)})
        unit = units[0] if len(units) == 1 else None
    services = tuple(sorted({_clean(v) for v in column_values("service") if v is not None and _clean(v)}))
    profiles = tuple(
        profile_table(name, profile[name], column_values(name), lang) for name in PROFILE_ORDER if name in profile
    )
    suggestions, suggestion_total = suggestions_of(column_values("suggestion"))
    keys = tuple(k for k in responses.instrument.question_keys if k in frame.columns)
    answers = tuple(
        (int(row), tuple(None if _is_na(v) else int(v) for v in values))
        for row, values in zip(frame.index, frame[list(keys)].itertuples(index=False, name=None), strict=True)
    )
    service_samples: tuple[ServiceSampleRow, ...] = ()
    if service_populations:
        if population is None:
            population = sum(service_populations.values())
        answered: dict[str, int] = {}
        for v in column_values("service"):
            if v is not None and _clean(v):
                answered[_clean(v).casefold()] = answered.get(_clean(v).casefold(), 0) + 1
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
        first_date=min(dates) if dates else None,
        last_date=max(dates) if dates else None,
        services=services,
        source_name=Path(responses.source).name if path is None else path.name,
        sha256=file_sha256(path) if path is not None and path.is_file() else "",
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
        min_group=min_group,
        service_samples=service_samples,
    )


def _is_na(value: object) -> bool:
    if value is None or type(value).__name__ in {"NAType", "NaTType"}:
        return True
    return isinstance(value, float) and value != value  # noqa: PLR0124 - NaN


def _element_name(result: IkmResult, code: str, lang: Lang) -> str:
    e = result.element(code)
    return e.name_en if lang is Lang.EN else e.name


def compare(result: IkmResult, previous: IkmResult | dict[str, object], source: str) -> Trend:
    """The trend of ``result`` against an earlier result or its JSON object."""
    if isinstance(previous, IkmResult):
        prev_ikm = previous.ikm_display
        prev_grade = previous.grade
        prev_elements = {e.code.upper(): e.converted_display for e in previous.elements}
    else:
        prev_ikm = Decimal(str(previous["ikm"])).quantize(Decimal("0.01"))
        prev_grade = str(previous.get("grade", ""))
        items = previous["elements"]
        assert isinstance(items, list)
        prev_elements = {
            str(e["code"]).upper(): Decimal(str(e["converted"])).quantize(Decimal("0.01"))
            for e in items
            if isinstance(e, dict) and "code" in e and "converted" in e
        }
    rows = []
    for e in result.elements:
        before = prev_elements.get(e.code.upper())
        now = e.converted_display
        rows.append(TrendRow(e.code, e.name, before, now, None if before is None else now - before))
    return Trend(source, prev_ikm, prev_grade, result.ikm_display, result.ikm_display - prev_ikm, tuple(rows))


# --------------------------------------------------------------------------- sections


def _name(e: object, lang: Lang) -> str:
    return str(getattr(e, "name_en" if lang is Lang.EN else "name"))


def _perf(result: IkmResult, lang: Lang) -> str:
    return result.band.performance_en if lang is Lang.EN else result.band.performance


def _band_marks(result: IkmResult) -> tuple[tuple[Decimal, str], ...]:
    floor = Decimal(result.instrument.conversion * result.instrument.scale_min)
    return tuple((b.lower, b.grade) for b in result.instrument.bands if b.lower > floor)


def _chart_floor(result: IkmResult) -> Decimal:
    return Decimal(result.instrument.conversion * result.instrument.scale_min)


def _chart_top(result: IkmResult) -> Decimal:
    return Decimal(result.instrument.conversion * result.instrument.scale_max)


def _instrument_title(data: ReportData) -> str:
    inst = data.result.instrument
    return inst.title_en if data.lang is Lang.EN else inst.title


def section_background(data: ReportData) -> Section:
    """Bab I: background, purpose and identity of the survey."""
    lang = data.lang
    rows: list[tuple[str, str]] = [
        (tr("unit", lang), data.unit_text),
        (tr("period", lang), data.period_text),
    ]
    if data.period and data.first_date is not None and data.last_date is not None:
        rows.append((tr("dates", lang), date_range(data.first_date, data.last_date, lang)))
    if data.services:
        rows.append((tr("services", lang), ", ".join(data.services)))
    rows.append((tr("respondents", lang), str(data.result.respondents)))
    return Section(
        "background",
        Chapter.INTRO,
        tr("sec-background", lang),
        (
            Paragraph(tr("background-text", lang, instrument=_instrument_title(data))),
            Paragraph(tr("purpose-text", lang, unit=data.unit_text)),
            KeyValues(tuple(rows)),
        ),
        sheet=tr("sheet-intro", lang),
    )


def section_method(data: ReportData) -> Section:
    """Bab II: instrument, rules, data file, version."""
    lang = data.lang
    result = data.result
    inst = result.instrument
    from skm.render.json import rules_lines  # noqa: PLC0415

    rules = rules_lines(result, lang)
    kv: list[tuple[str, str]] = [(tr("instrument", lang), inst.title_en if lang is Lang.EN else inst.title)]
    kv.extend((tr("rules", lang) if i == 0 else "", line) for i, line in enumerate(rules[1:]))
    kv.extend(
        [
            (tr("input-file", lang), data.source_name),
            (tr("sha256", lang), data.sha256 or "-"),
            (tr("tool", lang), f"skm {data.version}"),
            (tr("generated", lang), fmt_date(data.generated, lang)),
        ]
    )
    elements = Table(
        (tr("code", lang), tr("element", lang), tr("weight", lang)),
        tuple(
            (e.code, _name(e, lang), round_half_up(w, 4)) for e, w in zip(inst.elements, result.weights, strict=True)
        ),
        caption=tr("elements-list", lang),
        wide=1,
        key="elements-list",
    )
    return Section(
        "method",
        Chapter.METHOD,
        tr("sec-method", lang),
        (
            Paragraph(
                tr(
                    "method-text",
                    lang,
                    k=len(inst.elements),
                    low=inst.scale_min,
                    high=inst.scale_max,
                    factor=inst.conversion,
                )
            ),
            KeyValues(tuple(kv)),
            elements,
        ),
        sheet=tr("sheet-method", lang),
    )


def section_bands(data: ReportData) -> Section:
    """Bab II: the grade bands (legend)."""
    lang = data.lang
    inst = data.result.instrument
    rows = tuple(
        (
            b.grade,
            f"{'≥' if b.inclusive else '>'} {fmt(round_half_up(Fraction(b.lower) / inst.conversion, 4), lang)}",
            f"{'≥' if b.inclusive else '>'} {fmt(b.lower, lang)}",
            b.performance_en if lang is Lang.EN else b.performance,
        )
        for b in inst.bands
    )
    return Section(
        "bands",
        Chapter.METHOD,
        tr("sec-bands", lang),
        (
            Table(
                (tr("grade", lang), tr("ni-lower", lang), tr("ikm-lower", lang), tr("performance", lang)),
                rows,
                key="bands",
            ),
        ),
        sheet=tr("sheet-method", lang),
    )


def section_sample(data: ReportData) -> Section:
    """Bab II: respondents against the minimum sample."""
    lang = data.lang
    n = data.result.respondents
    rows: list[tuple[str, str]] = [(tr("respondents", lang), str(n))]
    blocks: list[Block] = []
    if data.minimum is not None and data.population is not None:
        m = data.minimum.sample
        rows.append((tr("population", lang), str(data.population)))
        rows.append((tr("minimum", lang), str(m)))
        met = tr("sample-yes", lang, n=n, minimum=m) if n >= m else tr("sample-no", lang, n=n, minimum=m, short=m - n)
        rows.append((tr("sample-met", lang), met))
        blocks.append(KeyValues(tuple(rows)))
    else:
        blocks.append(KeyValues(tuple(rows)))
        blocks.append(Paragraph(tr("no-population", lang), note=True))
    if data.service_samples:
        blocks.append(
            Table(
                (
                    tr("service", lang),
                    tr("population-short", lang),
                    tr("minimum-short", lang),
                    tr("allocated", lang),
                    tr("respondents-short", lang),
                    tr("sample-met", lang),
                ),
                tuple(
                    (
                        r.service,
                        r.population,
                        r.minimum,
                        r.allocated,
                        r.respondents,
                        tr("yes", lang) if r.met else tr("short", lang, short=r.minimum - r.respondents),
                    )
                    for r in data.service_samples
                ),
                caption=tr("service-samples", lang),
                wide=0,
                key="service-samples",
                flags=tuple("" if r.met else "drop" for r in data.service_samples),
            )
        )
        blocks.append(Paragraph(tr("service-samples-note", lang), note=True))
    if data.skipped_cells:
        blocks.append(Paragraph(tr("skipped-rows", lang, count=data.skipped_cells), note=True))
    return Section("sample", Chapter.METHOD, tr("sec-sample", lang), tuple(blocks), sheet=tr("sheet-method", lang))


def section_headline(data: ReportData) -> Section:
    """Bab III: NI, IKM, mutu, kinerja."""
    lang = data.lang
    r = data.result
    perf = _perf(r, lang)
    items = (
        (tr("ni", lang), r.index_display),
        (tr("ikm", lang), r.ikm_display),
        (tr("grade", lang), r.grade),
        (tr("performance", lang), perf),
    )
    text = tr(
        "headline-text",
        lang,
        unit=data.unit_text,
        ikm=fmt(r.ikm_display, lang),
        ni=fmt(r.index_display, lang),
        grade=r.grade,
        performance=perf,
        n=r.respondents,
    )
    return Section(
        "headline",
        Chapter.RESULTS,
        tr("sec-headline", lang),
        (Headline(items, grade=r.grade), Paragraph(text)),
        sheet="IKM",
    )


def element_table(result: IkmResult, lang: Lang) -> Table:
    """The per-element table with the NI/IKM total row."""
    return Table(
        (
            tr("code", lang),
            tr("element", lang),
            tr("answered", lang),
            tr("sum", lang),
            tr("nrr", lang),
            tr("weighted", lang),
            tr("converted", lang),
            tr("grade", lang),
        ),
        tuple(
            (
                e.code,
                _name(e, lang),
                e.answered,
                e.sum,
                e.nrr_display,
                e.weighted_display,
                e.converted_display,
                e.grade,
            )
            for e in result.elements
        ),
        total=(
            "",
            tr("total-row", lang),
            result.respondents,
            None,
            None,
            result.index_display,
            result.ikm_display,
            result.grade,
        ),
        wide=1,
        key="elements",
    )


def section_elements(data: ReportData) -> Section:
    """Bab III: per-element results and their chart."""
    lang = data.lang
    r = data.result
    chart = BarChart(
        tr("chart-elements", lang),
        tuple(e.code for e in r.elements),
        tuple(e.converted_display for e in r.elements),
        minimum=_chart_floor(r),
        maximum=_chart_top(r),
        bands=_band_marks(r),
        grades=tuple(e.grade for e in r.elements),
    )
    return Section("elements", Chapter.RESULTS, tr("sec-elements", lang), (element_table(r, lang), chart), sheet="IKM")


def section_profile(data: ReportData) -> Section:
    """Bab III: respondent profile tables and charts."""
    lang = data.lang
    blocks: list[Block] = []
    for p in data.profiles:
        title = tr(f"prof-{p.name}", lang)
        blocks.append(
            Table(
                (title, tr("count", lang), tr("percent", lang)),
                tuple((label, n, percent(n, p.total)) for label, n in p.rows),
                caption=title,
                total=(tr("total", lang), p.total, Decimal("100.0")),
                wide=0,
                key=f"profile-{p.name}",
                widths=(60, 20, 20),
            )
        )
        blocks.append(
            BarChart(
                title,
                tuple(label for label, _ in p.rows),
                tuple(percent(n, p.total) for _, n in p.rows),
                maximum=Decimal(100),
                suffix="%",
            )
        )
    if not blocks:
        blocks.append(Paragraph(tr("profile-none", lang)))
    return Section("profile", Chapter.RESULTS, tr("sec-profile", lang), tuple(blocks), sheet=tr("sec-profile", lang))


def section_services(data: ReportData) -> Section | None:
    """Bab III: per-service results (when the data has a service column)."""
    if data.by_service is None or not data.by_service.groups:
        return None
    lang = data.lang
    rows: list[tuple[Cell, ...]] = []
    labels: list[str] = []
    values: list[Decimal] = []
    grades: list[str] = []
    for g in data.by_service.groups:
        note = tr("small", lang, minimum=data.min_group) if g.small else ""
        if g.result is None:
            rows.append((g.group, g.respondents, None, None, "", tr("not-graded", lang, codes=", ".join(g.missing))))
            continue
        perf = _perf(g.result, lang)
        rows.append(
            (
                g.group,
                g.respondents,
                g.result.index_display,
                g.result.ikm_display,
                g.result.grade,
                f"{perf}{'; ' + note if note else ''}",
            )
        )
        labels.append(g.group)
        values.append(g.result.ikm_display)
        grades.append(g.result.grade)
    r = data.result
    table = Table(
        (
            tr("service", lang),
            tr("answered", lang),
            tr("ni", lang),
            tr("ikm", lang),
            tr("grade", lang),
            tr("performance", lang),
        ),
        tuple(rows),
        total=(tr("total", lang), r.respondents, r.index_display, r.ikm_display, r.grade, _perf(r, lang)),
        wide=0,
        key="services",
        flags=tuple("small" if g.small else "" for g in data.by_service.groups),
        widths=(24, 7, 13, 11, 8, 37),
    )
    chart = BarChart(
        tr("chart-services", lang),
        tuple(labels),
        tuple(values),
        minimum=_chart_floor(r),
        maximum=_chart_top(r),
        bands=_band_marks(r),
        grades=tuple(grades),
    )
    return Section(
        "services",
        Chapter.RESULTS,
        tr("sec-services", lang),
        (table, chart, Paragraph(tr("services-note", lang), note=True)),
        sheet=tr("service", lang),
    )


def section_distribution(data: ReportData) -> Section:
    """Bab III: count and share of each answer value per element."""
    lang = data.lang
    r = data.result
    inst = r.instrument
    values = list(range(inst.scale_min, inst.scale_max + 1))
    columns: list[str] = [tr("code", lang), tr("element", lang)]
    for v in values:
        columns += [f"{v} (n)", f"{v} (%)"]
    rows = []
    for e in r.elements:
        total = sum(e.counts)
        cells: list[Cell] = [e.code, _name(e, lang)]
        for c in e.counts:
            cells += [c, percent(c, total)]
        rows.append(tuple(cells))
    labels = "; ".join(f"{v} = {label}" for v, label in zip(values, inst.elements[0].labels, strict=False))
    return Section(
        "distribution",
        Chapter.RESULTS,
        tr("sec-distribution", lang),
        (
            Paragraph(tr("distribution-note", lang, labels=labels), note=True),
            Table(tuple(columns), tuple(rows), wide=1, key="distribution"),
        ),
        sheet=tr("sec-distribution", lang),
    )


def section_priority(data: ReportData) -> Section:
    """Bab IV: elements weakest first."""
    lang = data.lang
    r = data.result
    ranked = [r.element(c) for c in r.priority]
    weakest = ", ".join(f"{e.code} {_name(e, lang)} ({fmt(e.converted_display, lang)})" for e in ranked[:3])
    best = ranked[-1]
    return Section(
        "priority",
        Chapter.ANALYSIS,
        tr("sec-priority", lang),
        (
            Paragraph(
                tr(
                    "priority-text",
                    lang,
                    weakest=weakest,
                    best=f"{best.code} {_name(best, lang)} ({fmt(best.converted_display, lang)})",
                )
            ),
            Table(
                (
                    tr("rank", lang),
                    tr("code", lang),
                    tr("element", lang),
                    tr("nrr", lang),
                    tr("converted", lang),
                    tr("grade", lang),
                ),
                tuple(
                    (i, e.code, _name(e, lang), e.nrr_display, e.converted_display, e.grade)
                    for i, e in enumerate(ranked, start=1)
                ),
                wide=2,
                key="priority",
                widths=(11, 8, 46, 11, 14, 10),
            ),
        ),
        sheet=tr("rank", lang),
    )


def section_trend(data: ReportData) -> Section | None:
    """Bab IV: change against the previous period."""
    trend = data.trend
    if trend is None:
        return None
    lang = data.lang
    if trend.change > 0:
        text = tr(
            "trend-text-up",
            lang,
            change=fmt(trend.change, lang),
            previous=fmt(trend.previous_ikm, lang),
            current=fmt(trend.current_ikm, lang),
        )
    elif trend.change < 0:
        text = tr(
            "trend-text-down",
            lang,
            change=fmt(-trend.change, lang),
            previous=fmt(trend.previous_ikm, lang),
            current=fmt(trend.current_ikm, lang),
        )
    else:
        text = tr("trend-text-same", lang, current=fmt(trend.current_ikm, lang))
    blocks: list[Block] = [Paragraph(text)]
    if trend.drops:
        blocks.append(Paragraph(tr("trend-drops", lang, codes=", ".join(trend.drops))))

    def flag(change: Decimal | None) -> str:
        if change is None:
            return tr("absent", lang)
        return tr("drop", lang) if change < 0 else tr("rise", lang) if change > 0 else tr("same", lang)

    blocks.append(
        Table(
            (tr("code", lang), tr("element", lang), tr("previous", lang), tr("current", lang), tr("change", lang), ""),
            tuple(
                (
                    row.code,
                    _name(data.result.element(row.code), lang),
                    row.previous,
                    row.current,
                    row.change,
                    flag(row.change),
                )
                for row in trend.elements
            ),
            flags=tuple("drop" if row.dropped else "" for row in trend.elements),
            widths=(8, 38, 14, 13, 14, 13),
            total=("", tr("ikm", lang), trend.previous_ikm, trend.current_ikm, trend.change, flag(trend.change)),
            wide=1,
            key="trend",
        )
    )
    blocks.append(Paragraph(f"{tr('trend-source', lang)}: {trend.source}", note=True))
    return Section("trend", Chapter.ANALYSIS, tr("sec-trend", lang), tuple(blocks), sheet=tr("change", lang))


def section_plan(data: ReportData) -> Section:
    """Bab IV: rencana tindak lanjut."""
    lang = data.lang
    note = tr("plan-from", lang, file=data.plan_source) if data.plan_source else tr("plan-blank", lang)
    table = Table(
        (tr("rank", lang), tr("element", lang), tr("program", lang), tr("time", lang), tr("responsible", lang)),
        tuple((p.rank, f"{p.code} {p.name}", p.program, p.time, p.responsible) for p in data.plan),
        wide=2,
        key="plan",
        widths=(11, 27, 32, 12, 18),
    )
    return Section(
        "plan",
        Chapter.ANALYSIS,
        tr("sec-plan", lang),
        (table, Paragraph(note, note=True)),
        sheet=tr("sec-plan", lang),
    )


def section_suggestions(data: ReportData) -> Section:
    """Bab IV: suggestions with repeats counted."""
    lang = data.lang
    if not data.suggestions:
        blocks: tuple[Block, ...] = (Paragraph(tr("suggestions-none", lang)),)
    else:
        blocks = (
            Paragraph(
                tr("suggestions-count", lang, distinct=len(data.suggestions), total=data.suggestion_total), note=True
            ),
            Table(
                (tr("no", lang), tr("suggestion", lang), tr("count", lang)),
                tuple((i, s.text, s.count) for i, s in enumerate(data.suggestions, start=1)),
                wide=1,
                key="suggestions",
                widths=(7, 81, 12),
            ),
        )
    return Section(
        "suggestions", Chapter.ANALYSIS, tr("sec-suggestions", lang), blocks, sheet=tr("suggestion", lang).split("/")[0]
    )


def section_closing(data: ReportData) -> Section:
    """Bab V: conclusion."""
    lang = data.lang
    r = data.result
    weakest = ", ".join(f"{c} {_name(r.element(c), lang)}" for c in r.priority[:3])
    text = tr(
        "closing-text",
        lang,
        unit=data.unit_text,
        period=data.period_text,
        ikm=fmt(r.ikm_display, lang),
        grade=r.grade,
        performance=_perf(r, lang),
        weakest=weakest,
    )
    sign = Signature(
        (
            tr("sign-place", lang, date=fmt_date(data.generated, lang)),
            tr("sign-role", lang, unit=data.unit_text),
        ),
        tr("sign-name", lang),
    )
    return Section(
        "closing", Chapter.CLOSING, tr("sec-closing", lang), (Paragraph(text), sign), sheet=tr("sheet-closing", lang)
    )


SectionBuilder = Callable[[ReportData], Section | None]

#: The sections in order. Append a builder (e.g. statistics) to add a section to every format.
SECTION_BUILDERS: list[SectionBuilder] = [
    section_background,
    section_method,
    section_bands,
    section_sample,
    section_headline,
    section_elements,
    section_services,
    section_profile,
    section_distribution,
    section_priority,
    section_trend,
    section_plan,
    section_suggestions,
    section_closing,
]


def build_document(data: ReportData, builders: Sequence[SectionBuilder] | None = None) -> Document:
    """The document: every section whose builder has something to say."""
    sections = tuple(s for b in (builders if builders is not None else SECTION_BUILDERS) if (s := b(data)) is not None)
    return Document(
        lang=data.lang,
        title=tr("doc-title", data.lang),
        unit=data.unit_text,
        period=data.period_text,
        sections=sections,
        footer=tr("footer", data.lang, version=data.version),
        subtitle=tr("doc-subtitle", data.lang, instrument=_instrument_title(data)),
    )
