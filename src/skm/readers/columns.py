"""Recognise which header names which question of the instrument.

A header such as ``U1``, ``u 1``, ``U-01`` or ``Unsur 1`` names element 1 of the instrument's
list. Bare ``U8``/``U9`` are positional (the regulation's list order: U8 = complaint
handling, U9 = facilities) and the result says so.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from skm.instrument import Instrument

__all__ = ["ColumnMatch", "match_header", "normalise_header"]

_CODE = re.compile(r"^(?:u|unsur|q|p)\s*[-_.]?\s*0*(\d{1,2})$")


@dataclass(frozen=True)
class ColumnMatch:
    """A header recognised as a question: the question key and how it was recognised."""

    key: str
    how: str  # "code" (U-number header) or another reader-specific reason


def normalise_header(value: object) -> str:
    """Header text folded for matching: lower case, single spaces, no surrounding punctuation."""
    text = str(value).replace("\u00a0", " ").strip().lower()
    text = re.sub(r"\s+", " ", text)
    return text.strip(" :*")


def match_header(header: object, instrument: Instrument) -> ColumnMatch | None:  # noqa: PLR0911
    """The question a header names, or ``None`` when it is not an element column."""
    text = normalise_header(header)
    if not text:
        return None
    keys = instrument.question_keys
    if text in keys:
        return ColumnMatch(text, "code")
    compact = text.replace(" ", "")
    if compact in keys:
        return ColumnMatch(compact, "code")
    for element in instrument.elements:
        if len(element.questions) == 1 and compact == element.code.lower().replace(" ", ""):
            return ColumnMatch(element.questions[0].key, "code")
    squashed = _squash(compact)
    by_squash: dict[str, list[str]] = {}
    for key in keys:
        by_squash.setdefault(_squash(key), []).append(key)
    # U1.a, U1-a, U1_A for the key u1a and U1_1, U1-1 for u1.1 ("U1.1" never becomes U11)
    if len(by_squash.get(squashed, [])) == 1:
        return ColumnMatch(by_squash[squashed][0], "code")
    m = _CODE.match(text)
    if m:
        number = int(m.group(1))
        if 1 <= number <= len(instrument.elements):
            element = instrument.elements[number - 1]
            if len(element.questions) == 1:  # a bare number cannot pick one of several questions
                return ColumnMatch(element.questions[0].key, "code")
    return None


def _squash(text: str) -> str:
    """Drop separators, except that one between two digits becomes a dot."""
    text = re.sub(r"(?<=\d)[\s._\-]+(?=\d)", ".", text.strip())
    return re.sub(r"(?<!\d)[\s_\-.]+|[\s_\-.]+(?!\d)", "", text)
