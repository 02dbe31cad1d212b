"""Survey sample sizes: Krejcie & Morgan (default), Slovin and Cochran. Pure: stdlib only.

Krejcie & Morgan (1970): ``s = X²·N·P(1−P) / (d²(N−1) + X²·P(1−P))`` with X² = 3.841,
P = 0.5, d = 0.05, rounded half up, reproduces every row of the published table.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from enum import StrEnum
from fractions import Fraction
from statistics import NormalDist

__all__ = [
    "Method",
    "Rounding",
    "SampleSize",
    "ServiceSample",
    "allocate",
    "sample_size",
]

_KM_CHI2 = Fraction("3.841")
_DEFAULT_CONFIDENCE = Fraction("0.95")


class Method(StrEnum):
    """Sample-size formula."""

    KREJCIE_MORGAN = "krejcie-morgan"
    SLOVIN = "slovin"
    COCHRAN = "cochran"


class Rounding(StrEnum):
    """How a fractional sample size becomes a whole number of respondents."""

    HALF_UP = "half-up"
    UP = "up"


DEFAULT_ROUNDING = {
    Method.KREJCIE_MORGAN: Rounding.HALF_UP,  # reproduces the published K&M table
    Method.SLOVIN: Rounding.UP,  # the usual practice in Indonesian reports
    Method.COCHRAN: Rounding.UP,
}


@dataclass(frozen=True)
class SampleSize:
    """A computed minimum sample with everything needed to state how it was obtained."""

    population: int
    sample: int
    exact: Fraction
    method: Method
    rounding: Rounding
    margin: Fraction
    confidence: Fraction | None
    proportion: Fraction | None
    chi_square: Fraction | None


def _z_squared(confidence: Fraction) -> Fraction:
    if confidence == _DEFAULT_CONFIDENCE:
        return _KM_CHI2  # the value of the published table
    z = NormalDist().inv_cdf(float(1 + confidence) / 2)
    return Fraction(round(z * z, 3)).limit_denominator(1000)


def _round(value: Fraction, rounding: Rounding) -> int:
    whole = value.numerator // value.denominator
    if value == whole:
        return whole
    if rounding is Rounding.UP:
        return whole + 1
    return whole + 1 if value - whole >= Fraction(1, 2) else whole


def _check(population: int, margin: Fraction, confidence: Fraction, proportion: Fraction) -> None:
    if isinstance(population, bool) or not isinstance(population, int):
        msg = "population must be a whole number"
        raise TypeError(msg)
    if population < 1:
        msg = "population must be at least 1"
        raise ValueError(msg)
    if not 0 < margin < 1:
        msg = "margin must be between 0 and 1 (e.g. 0.05)"
        raise ValueError(msg)
    if not 0 < confidence < 1:
        msg = "confidence must be between 0 and 1 (e.g. 0.95)"
        raise ValueError(msg)
    if not 0 < proportion < 1:
        msg = "proportion must be between 0 and 1 (e.g. 0.5)"
        raise ValueError(msg)


def sample_size(
    population: int,
    *,
    method: Method = Method.KREJCIE_MORGAN,
    rounding: Rounding | None = None,
    margin: Fraction | float | str = Fraction("0.05"),
    confidence: Fraction | float | str = _DEFAULT_CONFIDENCE,
    proportion: Fraction | float | str = Fraction("0.5"),
) -> SampleSize:
    """Minimum number of respondents for a population of ``population`` service users.

    ``margin``/``confidence``/``proportion`` accept fractions, decimal strings or floats
    (floats are read through their decimal text, so 0.05 means exactly 1/20).
    """
    d = Fraction(str(margin)) if isinstance(margin, float) else Fraction(margin)
    conf = Fraction(str(confidence)) if isinstance(confidence, float) else Fraction(confidence)
    p = Fraction(str(proportion)) if isinstance(proportion, float) else Fraction(proportion)
    _check(population, d, conf, p)
    rounding = rounding or DEFAULT_ROUNDING[method]
    n = population
    if method is Method.KREJCIE_MORGAN:
        chi2 = _z_squared(conf)
        exact = chi2 * n * p * (1 - p) / (d * d * (n - 1) + chi2 * p * (1 - p))
        params: tuple[Fraction | None, Fraction | None, Fraction | None] = (conf, p, chi2)
    elif method is Method.SLOVIN:
        exact = Fraction(n) / (1 + n * d * d)
        params = (None, None, None)
    else:
        z2 = _z_squared(conf)
        n0 = z2 * p * (1 - p) / (d * d)
        exact = n0 / (1 + (n0 - 1) / n)
        params = (conf, p, z2)
    sample = min(_round(exact, rounding), n)
    return SampleSize(
        population=n,
        sample=sample,
        exact=exact,
        method=method,
        rounding=rounding,
        margin=d,
        confidence=params[0],
        proportion=params[1],
        chi_square=params[2],
    )


@dataclass(frozen=True)
class ServiceSample:
    """Sample figures for one service: its own minimum and its share of an overall sample."""

    service: str
    population: int
    minimum: int
    allocated: int


def allocate(total: int, populations: Mapping[str, int]) -> dict[str, int]:
    """Split ``total`` respondents proportionally to ``populations`` (largest remainder).

    The shares add up to ``total`` exactly; ties go to the service listed first.
    """
    grand = sum(populations.values())
    if grand <= 0:
        msg = "populations must add up to at least 1"
        raise ValueError(msg)
    quotas = {k: Fraction(total * v, grand) for k, v in populations.items()}
    shares = {k: q.numerator // q.denominator for k, q in quotas.items()}
    left = total - sum(shares.values())
    order = sorted(quotas, key=lambda k: -(quotas[k] - shares[k]))
    for k in order[:left]:
        shares[k] += 1
    return shares
