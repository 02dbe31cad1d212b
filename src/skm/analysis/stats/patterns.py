"""The respondents' answers as their distinct answer patterns: each pattern once, how many
respondents gave it, and which pattern each respondent gave.

Nine questions answered 1–4 (or left blank) allow at most 5⁹ patterns; a million respondents give
about 81 000 of them. Every per-respondent figure of ``skm stats`` that depends on the answers alone
(element scores, respondent scores, straight-lining, the bootstrap) is computed once per pattern, with
the same arithmetic per row, and either mapped back onto the respondents (``pattern_of``) or summed
with the pattern counts as weights: no ``n × q`` float matrix, no Python loop per respondent.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import numpy as np
import numpy.typing as npt

from skm.analysis.stats.numeric import unique_rows

if TYPE_CHECKING:
    from collections.abc import Sequence

    import pandas as pd

__all__ = ["AnswerPatterns"]

FloatArray = npt.NDArray[np.float64]
# below this many possible keys per respondent the patterns are counted in a table (no sort)
_TABLE_PER_ROW = 4


@dataclass(frozen=True)
class AnswerPatterns:
    """``coded``: the distinct answer rows (``m × q``, -1 for a blank) in lexicographic order, as
    :func:`~skm.analysis.stats.numeric.unique_rows` gives them; ``counts``: respondents per pattern;
    ``pattern_of``: each respondent's pattern (``n``)."""

    coded: FloatArray
    counts: npt.NDArray[np.int64]
    pattern_of: npt.NDArray[np.intp]

    @property
    def respondents(self) -> int:
        """Respondents (rows) described."""
        return int(self.pattern_of.shape[0])

    @property
    def answers(self) -> FloatArray:
        """The patterns as answers (``m × q``, NaN for a blank)."""
        return np.where(self.coded >= 0, self.coded, np.nan)

    def matrix(self) -> FloatArray:
        """Every respondent's answers (``n × q`` floats, NaN blank): what ``answer_matrix`` gives."""
        return self.answers[self.pattern_of]

    def subset(self, rows: npt.NDArray[np.bool_]) -> AnswerPatterns:
        """The patterns of the respondents where ``rows`` is true (the patterns nobody there gave
        dropped, the order kept): what :meth:`of_matrix` gives on those rows."""
        chosen = self.pattern_of[rows]
        counts = np.bincount(chosen, minlength=self.coded.shape[0])
        kept = counts > 0
        renumber = np.cumsum(kept) - 1
        return AnswerPatterns(self.coded[kept], counts[kept].astype(np.int64), renumber[chosen].astype(np.intp))

    @classmethod
    def of_matrix(cls, answers: npt.ArrayLike) -> AnswerPatterns:
        """The patterns of an ``n × q`` answer matrix (NaN blank)."""
        x = np.asarray(answers, dtype=np.float64)
        coded = np.where(np.isfinite(x), x, -1.0)
        patterns, pattern_of = unique_rows(coded)
        counts = np.bincount(pattern_of, minlength=patterns.shape[0]).astype(np.int64)
        return cls(patterns, counts, pattern_of.astype(np.intp))

    @classmethod
    def of_frame(cls, frame: pd.DataFrame, keys: Sequence[str]) -> AnswerPatterns:
        """The patterns of the question columns ``keys`` of a responses frame (nullable integers),
        read one column at a time: one integer key per respondent (the answers in mixed radix, a
        blank below every answer), counted in a table when the keys are few, else sorted."""
        n = len(frame)
        if not n or not keys:
            return cls.of_matrix(np.empty((n, len(keys))))
        columns: list[npt.NDArray[np.int16]] = []  # the answers, -1 for a blank (2 bytes a cell)
        lows: list[int] = []
        bases: list[int] = []
        for k in keys:
            column = _small_whole_numbers(frame[k])
            if column is None:  # not small whole numbers (never from a reader): rows sorted
                return cls.of_matrix(np.column_stack([frame[c].to_numpy(np.float64, na_value=np.nan) for c in keys]))
            values, low, high = column
            columns.append(values)
            lows.append(low)
            bases.append(high - low + 2 if high >= low else 1)
        if sum(math.log2(b) for b in bases) >= 62:
            return cls.of_matrix(np.column_stack([np.where(c >= 0, c, np.nan) for c in columns]))
        size = math.prod(bases)
        key: npt.NDArray[np.signedinteger[Any]] = np.zeros(n, dtype=np.int32 if size < 2**31 else np.int64)
        for values16, low, base in zip(columns, lows, bases, strict=True):
            # an answer v is v - low + 1 (low ≥ 0); a blank (-1) is -low ≤ 0, raised to 0
            place = values16 - np.int16(low - 1)
            np.maximum(place, np.int16(0), out=place)
            key *= base
            key += place
        if size <= _TABLE_PER_ROW * n:
            table = np.bincount(key, minlength=size)
            present = np.flatnonzero(table)
            rank = np.zeros(size, dtype=np.intp)
            rank[present] = np.arange(present.size, dtype=np.intp)
            pattern_of = rank[key]
            counts = table[present].astype(np.int64)
        else:
            present, inverse, counts_ = np.unique(key, return_inverse=True, return_counts=True)
            pattern_of = inverse.reshape(-1).astype(np.intp)
            counts = counts_.astype(np.int64)
        coded = np.empty((present.size, len(keys)), dtype=np.float64)
        rest = present.copy()
        for j in range(len(keys) - 1, -1, -1):
            rest, digit = np.divmod(rest, bases[j])
            coded[:, j] = np.where(digit > 0, digit + (lows[j] - 1), -1).astype(np.float64)
        return cls(coded, counts, pattern_of)


def _small_whole_numbers(series: pd.Series[Any]) -> tuple[npt.NDArray[np.int16], int, int] | None:
    """A column as ``int16`` with -1 for a blank, with the least and the greatest answer (``(0, -1)``
    when all are blank); ``None`` unless every answer is a whole number from 0 to 2¹⁴."""
    import pandas as pd  # noqa: PLC0415

    if pd.api.types.is_integer_dtype(series.dtype):
        return _integer_numbers(series)
    values = series.to_numpy(dtype=np.float64, na_value=np.nan)
    known = np.isfinite(values)
    given = values[known]
    if not given.size:
        return np.full(len(series), -1, dtype=np.int16), 0, -1
    if not (np.array_equal(given, np.round(given)) and given.min() >= 0 and given.max() < 2**14):
        return None
    return np.where(known, values, -1.0).astype(np.int16), int(given.min()), int(given.max())


def _integer_numbers(series: pd.Series[Any]) -> tuple[npt.NDArray[np.int16], int, int] | None:
    """:func:`_small_whole_numbers` of an integer column. One-byte integers (the readers' ``Int8``
    answers) are converted first and their least and greatest answer taken on the copy (no pandas
    reductions); wider ones are checked first (they may not fit in ``int16``)."""
    import pandas as pd  # noqa: PLC0415

    if getattr(series.dtype, "itemsize", 8) > 1:
        low, high = series.min(), series.max()
        if pd.isna(low):
            return np.full(len(series), -1, dtype=np.int16), 0, -1
        if not 0 <= int(low) <= int(high) < 2**14:
            return None
        return series.to_numpy(dtype=np.int16, na_value=-1), int(low), int(high)
    values = series.to_numpy(dtype=np.int16, na_value=-1)
    least = int(values.min()) if values.size else 2**15
    if least == -1 and np.count_nonzero(values == -1) == int(series.isna().sum()):  # -1: blanks only
        least = int(values.view(np.uint16).min())  # the least answer: as unsigned, the blanks on top
    if least < 0:  # a negative answer
        return None
    if least >= 2**15:  # nothing answered
        return values, 0, -1
    return values, least, int(values.max())
