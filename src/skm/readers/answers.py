"""Turn one answer cell into a score on the instrument's scale, or say why it cannot be."""

from __future__ import annotations

import re
from collections.abc import Sequence

from skm.errors import IssueCode
from skm.readers.grid import is_blank

__all__ = ["label_score", "parse_answer"]

_NUMBER = re.compile(r"^[+-]?\d+(?:[.,]\d+)?$")


_LEADING_NUMBER = re.compile(r"^(\d+)\s*(?:[(=:.\-–]\s*|\s+)(.+?)\)?$")


def _fold_label(text: str) -> str:
    return " ".join(text.replace("&", " dan ").casefold().split()).strip(" .")


def label_score(text: str, labels: Sequence[str], low: int) -> int | None:
    """The score of an answer written as one of ``labels`` (scored ``low``, ``low + 1`` …).

    Case, spacing and "&" for "dan" are ignored; "3 (Sesuai)" and "3 - Sesuai" count when the
    number and the label agree.
    """
    folded = [_fold_label(label) for label in labels]
    target = _fold_label(text)
    if target in folded:
        return low + folded.index(target)
    m = _LEADING_NUMBER.match(text.strip())
    if m and _fold_label(m.group(2)) in folded:
        score = low + folded.index(_fold_label(m.group(2)))
        return score if int(m.group(1)) == score else None
    return None


def parse_answer(value: object, low: int, high: int, labels: Sequence[str] = ()) -> tuple[int | None, IssueCode | None]:  # noqa: PLR0911
    """``(score, None)`` for a valid answer, ``(None, None)`` for a blank, else ``(None, code)``.

    Accepts whole numbers, integral floats (Excel stores 4 as 4.0), numbers typed as text
    (``"4"``, ``" 4 "``, ``"4,0"``) and, when the question's ``labels`` are given, the label
    itself (``"Sangat sesuai"``). A blank is never a zero.
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
            score = label_score(text, labels, low) if labels else None
            if score is not None:
                return score, None
            return None, IssueCode.NOT_A_NUMBER
        number = float(text.replace(",", "."))
    if number != int(number):
        return None, IssueCode.NOT_AN_INTEGER
    score = int(number)
    if not low <= score <= high:
        return None, IssueCode.OUT_OF_RANGE
    return score, None
