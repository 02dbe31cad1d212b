"""``skm stats``: can the number be trusted? Reliability, validity, uncertainty, comparisons
and data-quality flags, each reported with its method.

numpy + scipy; no CLI or spreadsheet libraries. The numeric functions work on numpy arrays
(:mod:`skm.analysis.stats.numeric`, :mod:`skm.analysis.stats.quality`; the figures that depend on
who was asked — share dissatisfied, post-stratified IKM, clustering by service,
importance–performance — in :mod:`skm.analysis.stats.design`). :func:`analyse` takes read
:class:`~skm.readers.Responses`, :func:`stats` reads a file first (the API of ``skm stats``); the
JSON contract is :func:`skm.render.json.stats_to_dict` and the prose :mod:`skm.render.prose`.
"""

from __future__ import annotations

from skm.analysis.stats.analyse import DEFAULT_RESAMPLES, DEFAULT_SEED, StatsResult, analyse, stats
from skm.core.periods import Period, parse_period

__all__ = [
    "DEFAULT_RESAMPLES",
    "DEFAULT_SEED",
    "Period",
    "StatsResult",
    "analyse",
    "parse_period",
    "stats",
]
