"""The public Python API: score a file, a DataFrame or a :class:`Responses` table.

This module is the facade for users of the library; nothing inside ``skm`` imports it.

>>> import skm
>>> result = skm.score("responses.xlsx")          # doctest: +SKIP
>>> result.ikm_display, result.grade               # doctest: +SKIP
(Decimal('92.84'), 'A')
"""

from __future__ import annotations

from skm.analysis.score import DEFAULT_MIN_GROUP, find_column, load, score, score_responses, tally_frame

__all__ = ["DEFAULT_MIN_GROUP", "find_column", "load", "score", "score_responses", "tally_frame"]
