"""Exact IKM arithmetic (PermenPANRB 14/2017). Pure: standard library only.

Everything on the path to a grade is a :class:`~fractions.Fraction`. Rounding happens only
where the regulation publishes a number (``round_half_up``), and grades compare that
published number with ``>=`` (``>`` for bands declared exclusive).

The unit of input is a :class:`Tally`: the count of each answer value for one question.
Tallies add up, so groups, files and periods are scored by adding tallies, and the
pooled index is computed on all respondents, never as a mean of group indices.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal
from enum import StrEnum
from fractions import Fraction

from skm.core.instrument import PERMENPAN_14_2017, Element, GradeBand, Instrument
from skm.errors import Issue

__all__ = [
    "ElementScore",
    "GroupResult",
    "IkmResult",
    "NoAnswersError",
    "ScoringRules",
    "Tally",
    "WeightPolicy",
    "compute_ikm",
    "grade_band",
    "round_half_up",
    "score_tallies",
    "tally_values",
]


def round_half_up(value: Fraction | int, places: int) -> Decimal:
    """Round an exact value half up (ties away from zero) to ``places`` decimals.

    On the numerator and denominator as integers: |n| × 10^places = whole × d + rest, one more
    when 2 × rest ≥ d (no Fraction arithmetic, whose every step reduces by a gcd)."""
    if not isinstance(value, int | Fraction):
        value = Fraction(value)
    numerator, denominator = value.numerator, value.denominator
    whole, rest = divmod(abs(numerator) * 10**places, denominator)
    if 2 * rest >= denominator:
        whole += 1
    return Decimal(-whole if numerator < 0 else whole).scaleb(-places)


class WeightPolicy(StrEnum):
    """How element weights are taken.

    ``exact`` uses the instrument's weights (1/k unless declared). ``0.111`` and ``0.11``
    reproduce the regulation's printed roundings of 1/9 (for another k: 1/k rounded to three
    or two decimals); they exist only to reproduce legacy figures.
    """

    EXACT = "exact"
    ROUNDED_3 = "0.111"
    ROUNDED_2 = "0.11"


@dataclass(frozen=True)
class ScoringRules:
    """The computation rules, printed with every result.

    ``nrr_decimals``/``index_decimals`` emulate legacy spreadsheets that rounded NRR or NI
    before weighting or converting; ``None`` (the default) keeps exact values.
    """

    weight: WeightPolicy = WeightPolicy.EXACT
    nrr_decimals: int | None = None
    index_decimals: int | None = None

    def weights(self, instrument: Instrument) -> tuple[Fraction, ...]:
        """The weight applied to each element under this policy."""
        exact = instrument.exact_weights()
        if self.weight is WeightPolicy.EXACT:
            return exact
        places = 3 if self.weight is WeightPolicy.ROUNDED_3 else 2
        return tuple(Fraction(round_half_up(w, places)) for w in exact)

    @property
    def is_legacy(self) -> bool:
        """True when any rule deviates from exact arithmetic."""
        return self.weight is not WeightPolicy.EXACT or self.nrr_decimals is not None or self.index_decimals is not None


@dataclass(frozen=True)
class Tally:
    """Counts of each answer value for one question: ``counts[i]`` is value ``scale_min + i``."""

    counts: tuple[int, ...]
    scale_min: int = 1

    @classmethod
    def empty(cls, instrument: Instrument = PERMENPAN_14_2017) -> Tally:
        """A tally with no answers on the instrument's scale."""
        size = instrument.scale_max - instrument.scale_min + 1
        return cls((0,) * size, instrument.scale_min)

    @property
    def answered(self) -> int:
        """Number of answers (blanks excluded)."""
        return sum(self.counts)

    @property
    def total(self) -> int:
        """Sum of the answer values."""
        return sum((self.scale_min + i) * c for i, c in enumerate(self.counts))

    @property
    def mean(self) -> Fraction:
        """Exact mean answer; raises ``ZeroDivisionError`` when nothing was answered."""
        return Fraction(self.total, self.answered)

    def __add__(self, other: Tally) -> Tally:
        if self.scale_min != other.scale_min or len(self.counts) != len(other.counts):
            msg = "cannot add tallies on different scales"
            raise ValueError(msg)
        return Tally(tuple(a + b for a, b in zip(self.counts, other.counts, strict=True)), self.scale_min)


def tally_values(values: Iterable[int | None], instrument: Instrument = PERMENPAN_14_2017) -> Tally:
    """Tally answers; ``None`` is a blank. Values outside the scale raise ``ValueError``."""
    lo, hi = instrument.scale_min, instrument.scale_max
    counts = [0] * (hi - lo + 1)
    for v in values:
        if v is None:
            continue
        if not lo <= v <= hi or isinstance(v, bool):
            msg = f"answer {v!r} is outside the scale {lo}–{hi}"
            raise ValueError(msg)
        counts[v - lo] += 1
    return Tally(tuple(counts), lo)


class NoAnswersError(ValueError):
    """Some elements have no answers at all, so no index can be computed."""

    def __init__(self, codes: Sequence[str]) -> None:
        self.codes = tuple(codes)
        super().__init__("no answers for " + ", ".join(self.codes))


@dataclass(frozen=True)
class ElementScore:
    """The result for one element (unsur). Exact values; ``*_display`` are the published ones."""

    code: str
    name: str
    name_en: str
    answered: int
    sum: int
    nrr: Fraction
    weight: Fraction
    weighted: Fraction
    converted: Fraction
    grade: str
    counts: tuple[int, ...]

    @property
    def nrr_display(self) -> Decimal:
        """NRR rounded half up to 4 decimals."""
        return round_half_up(self.nrr, 4)

    @property
    def weighted_display(self) -> Decimal:
        """Weighted NRR rounded half up to 4 decimals."""
        return round_half_up(self.weighted, 4)

    @property
    def converted_display(self) -> Decimal:
        """25 × NRR rounded half up to 2 decimals (the value graded)."""
        return round_half_up(self.converted, 2)


@dataclass(frozen=True)
class IkmResult:
    """The index for one set of respondents."""

    instrument: Instrument
    rules: ScoringRules
    respondents: int
    elements: tuple[ElementScore, ...]
    index: Fraction
    ikm: Fraction
    band: GradeBand
    weights: tuple[Fraction, ...] = field(repr=False)
    group_by: str | None = None
    groups: tuple[GroupResult, ...] = ()
    # what was read: the file(s) scored, the invalid cells left out (--invalid skip) and the
    # warnings met while reading; empty when the result was computed from tallies
    source: str | None = None
    skipped_cells: tuple[Issue, ...] = ()
    warnings: tuple[Issue, ...] = ()
    # invalid cells left out in all, when more than ``skipped_cells`` lists (the engine for large
    # files keeps the first 1 000 with their rows and counts the rest)
    skipped_total: int = 0

    @property
    def grade(self) -> str:
        """Mutu pelayanan (A–D)."""
        return self.band.grade

    @property
    def performance(self) -> str:
        """Kinerja unit pelayanan, in Indonesian."""
        return self.band.performance

    @property
    def index_display(self) -> Decimal:
        """NI rounded half up to 4 decimals."""
        return round_half_up(self.index, 4)

    @property
    def ikm_display(self) -> Decimal:
        """IKM rounded half up to the grading decimals (2): the number that is graded."""
        return round_half_up(self.ikm, self.instrument.grade_decimals)

    @property
    def exact_index(self) -> Fraction:
        """NI with the instrument's exact weights and unrounded NRRs (equals ``index`` unless legacy)."""
        weights = self.instrument.exact_weights()
        return sum((w * e.nrr for w, e in zip(weights, self.elements, strict=True)), Fraction(0))

    @property
    def exact_ikm(self) -> Fraction:
        """IKM from :attr:`exact_index`: what a legacy-emulated result is compared with."""
        return self.exact_index * self.instrument.conversion

    @property
    def exact_band(self) -> GradeBand:
        """The grade band of :attr:`exact_ikm`."""
        return grade_band(self.exact_ikm, self.instrument)

    @property
    def priority(self) -> tuple[str, ...]:
        """Element codes from the weakest NRR to the strongest (ties in code order)."""
        order = {e.code: i for i, e in enumerate(self.elements)}
        ranked = sorted(self.elements, key=lambda e: (e.nrr, order[e.code]))
        return tuple(e.code for e in ranked)

    def element(self, code: str) -> ElementScore:
        """The score of one element by code."""
        for e in self.elements:
            if e.code.lower() == code.lower():
                return e
        raise KeyError(code)


@dataclass(frozen=True)
class GroupResult:
    """The index of one group (service, unit, period …).

    ``result`` is ``None`` when the group cannot be scored (an element without answers);
    ``small`` flags groups with fewer respondents than the threshold: shown, not hidden.
    """

    group: str
    respondents: int
    result: IkmResult | None
    small: bool
    missing: tuple[str, ...] = ()


def grade_band(value: Fraction | Decimal, instrument: Instrument = PERMENPAN_14_2017) -> GradeBand:
    """Grade a 25–100 value: round half up to the instrument's decimals, then compare."""
    rounded = (
        value.quantize(Decimal(1).scaleb(-instrument.grade_decimals), ROUND_HALF_UP)
        if isinstance(value, Decimal)
        else round_half_up(value, instrument.grade_decimals)
    )
    for band in instrument.bands:
        if (band.inclusive and rounded >= band.lower) or (not band.inclusive and rounded > band.lower):
            return band
    return instrument.bands[-1]


def _element_nrr(element: Element, tallies: Mapping[str, Tally]) -> tuple[int, int, Fraction, Tally]:
    """answered, sum, NRR and the pooled tally of an element (mean of its question means)."""
    parts = [tallies[q.key] for q in element.questions]
    pooled = parts[0]
    for t in parts[1:]:
        pooled = pooled + t
    nrr = sum((t.mean for t in parts), Fraction(0)) / len(parts)
    answered = max(t.answered for t in parts)
    return answered, pooled.total, nrr, pooled


def score_tallies(
    tallies: Mapping[str, Tally],
    respondents: int,
    instrument: Instrument = PERMENPAN_14_2017,
    rules: ScoringRules | None = None,
) -> IkmResult:
    """Score from per-question tallies (keys are question keys, e.g. ``u1``).

    Raises :class:`NoAnswersError` when an element has no answers.
    """
    rules = rules or ScoringRules()
    missing = [
        e.code
        for e in instrument.elements
        if any(q.key not in tallies or tallies[q.key].answered == 0 for q in e.questions)
    ]
    if missing:
        raise NoAnswersError(missing)
    weights = rules.weights(instrument)
    scores: list[ElementScore] = []
    index = Fraction(0)
    for element, weight in zip(instrument.elements, weights, strict=True):
        answered, total, nrr, pooled = _element_nrr(element, tallies)
        used = nrr if rules.nrr_decimals is None else Fraction(round_half_up(nrr, rules.nrr_decimals))
        weighted = used * weight
        index += weighted
        converted = nrr * instrument.conversion
        scores.append(
            ElementScore(
                code=element.code,
                name=element.name,
                name_en=element.name_en,
                answered=answered,
                sum=total,
                nrr=nrr,
                weight=weight,
                weighted=weighted,
                converted=converted,
                grade=grade_band(converted, instrument).grade,
                counts=pooled.counts,
            )
        )
    if rules.index_decimals is not None:
        index = Fraction(round_half_up(index, rules.index_decimals))
    ikm = index * instrument.conversion
    return IkmResult(
        instrument=instrument,
        rules=rules,
        respondents=respondents,
        elements=tuple(scores),
        index=index,
        ikm=ikm,
        band=grade_band(ikm, instrument),
        weights=weights,
    )


def compute_ikm(
    rows: Iterable[Sequence[int | None] | Mapping[str, int | None]],
    instrument: Instrument = PERMENPAN_14_2017,
    rules: ScoringRules | None = None,
) -> IkmResult:
    """Score respondents given as rows of answers.

    A row is a sequence in question order (``None`` for a blank) or a mapping from question
    key (``u1``…) to answer. Values outside the scale raise ``ValueError``.
    """
    keys = instrument.question_keys
    columns: dict[str, list[int | None]] = {k: [] for k in keys}
    respondents = 0
    for row in rows:
        respondents += 1
        if isinstance(row, Mapping):
            for k in keys:
                columns[k].append(row.get(k))
        else:
            if len(row) != len(keys):
                msg = f"row {respondents} has {len(row)} answers, expected {len(keys)}"
                raise ValueError(msg)
            for k, v in zip(keys, row, strict=True):
                columns[k].append(v)
    tallies = {k: tally_values(v, instrument) for k, v in columns.items()}
    return score_tallies(tallies, respondents, instrument, rules)
