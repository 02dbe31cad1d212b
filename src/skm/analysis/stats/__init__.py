"""``skm stats``: can the number be trusted? Reliability, validity, uncertainty, comparisons
and data-quality flags, each reported with its method.

numpy + scipy; no CLI or spreadsheet libraries. The numeric functions work on numpy arrays
(:mod:`skm.analysis.stats.numeric`, :mod:`skm.analysis.stats.quality`); :func:`analyse` takes read
:class:`~skm.readers.Responses` and the JSON contract is :func:`skm.render.stats.stats_to_dict`.
"""

from __future__ import annotations

from skm.analysis.stats.analyse import DEFAULT_RESAMPLES, DEFAULT_SEED, StatsResult, analyse
from skm.core.periods import Period, parse_period

__all__ = [
    "DEFAULT_RESAMPLES",
    "DEFAULT_SEED",
    "Period",
    "StatsResult",
    "analyse",
    "parse_period",
]
