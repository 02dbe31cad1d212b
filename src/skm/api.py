"""The public Python API: score a file, a DataFrame or a :class:`Responses` table.

This module is the facade for users of the library; nothing inside ``skm`` imports it.

>>> import skm
>>> result = skm.score("responses.xlsx")          # doctest: +SKIP
>>> result.ikm_display, result.grade               # doctest: +SKIP
(Decimal('92.84'), 'A')
>>> skm.result_to_dict(result) == json.loads(cli_output)  # skm score … --format json  # doctest: +SKIP
True

``skm.stats(path, …)`` (the API of ``skm stats``) lives in :mod:`skm.analysis.stats` so that
importing this module does not load numpy and scipy.
"""

from __future__ import annotations

from skm.analysis.score import DEFAULT_MIN_GROUP, find_column, load, score, score_responses, tally_frame
from skm.render.json import result_to_dict, stats_to_dict

__all__ = [
    "DEFAULT_MIN_GROUP",
    "find_column",
    "load",
    "result_to_dict",
    "score",
    "score_responses",
    "stats_to_dict",
    "tally_frame",
]
