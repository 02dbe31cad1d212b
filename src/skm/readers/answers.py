"""Turn one answer cell into a score on the instrument's scale, or say why it cannot be."""

from __future__ import annotations

import re

from skm.errors import IssueCode
from skm.readers.grid import is_blank

__all__ = ["parse_answer"]

_NUMBER = re.compile(r"^[+-]?\d+(?:[.,]\d+)?$")


def parse_answer(value: object, low: int, high: int) -> tuple[int | None, IssueCode | None]:
    """``(score, None)`` for a valid answer, ``(None, None)`` for a blank, else ``(None, code)``.

    Accepts whole numbers, integral floats (Excel stores 4 as 4.0) and numbers typed as text
    (``"4"``, ``" 4 "``, ``"4,0"``). A blank is never a zero.
    """
    if is_blank(value):
        return None, None
    if isinstance(value, bool):
        return None, IssueCode.NOT_A_NUMBER
    number: float | int
    if isinstance(value, int | float):
        number = value
    else:
        text = str(value).strip()
        if not _NUMBER.match(text):
            return None, IssueCode.NOT_A_NUMBER
        number = float(text.replace(",", "."))
    if number != int(number):
        return None, IssueCode.NOT_AN_INTEGER
    score = int(number)
    if not low <= score <= high:
        return None, IssueCode.OUT_OF_RANGE
    return score, None
