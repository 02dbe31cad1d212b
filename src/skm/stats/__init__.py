"""``skm stats``: can the number be trusted? Reliability, validity, uncertainty, comparisons
and data-quality flags, each reported with its method.

numpy + scipy; no CLI or spreadsheet libraries. The numeric functions work on numpy arrays
(:mod:`skm.stats.numeric`, :mod:`skm.stats.quality`); :func:`analyse` takes read
:class:`~skm.readers.Responses` and :func:`stats_to_dict` gives the JSON contract.
"""

from __future__ import annotations

from skm.periods import Period, parse_period
from skm.stats.analyse import DEFAULT_RESAMPLES, DEFAULT_SEED, StatsResult, analyse
from skm.stats.report import method_lines, stats_to_dict, summary_lines

__all__ = [
    "DEFAULT_RESAMPLES",
    "DEFAULT_SEED",
    "Period",
    "StatsResult",
    "analyse",
    "method_lines",
    "parse_period",
    "stats_to_dict",
    "summary_lines",
]
