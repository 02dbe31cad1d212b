"""Answer cells → scores: numbers, the regulation's labels and the variants real forms produce.

A Google Forms export holds the label the respondent ticked ("Sangat sesuai"), sometimes with
its number ("4 (Sangat sesuai)", "d. Sangat sesuai"), in any capitalisation, with "&" for
"dan", "tapi" for "tetapi", or a custom wording mapped with a labels file (``--labels``).
Every distinct value of a column is parsed once (:func:`parse_cell`); the table builder maps
the result back onto the rows.
"""

from __future__ import annotations

import math
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, time

from skm.core.instrument import Instrument
from skm.errors import IssueCode

__all__ = ["Cell", "LabelBook", "Unusable", "label_element", "normalise_label", "parse_cell", "valid_share"]


class Unusable(str):
    """A cell that holds no answer although it is not blank: an Excel error (``#N/A``), a formula
    without a stored value, a boolean or a non-finite number. Its text is what the messages show.

    A distinct type so that it is never read as a number or a label, and never as a blank.
    """

    __slots__ = ()


_NUMBER = re.compile(r"^[+-]?\d+(?:[.,]\d+)?$")
# "3 (Sesuai)", "3 - Sesuai", "3. Sesuai", "(3) Sesuai", "3) Sesuai", "3 = Sesuai"
_NUM_THEN_LABEL = re.compile(r"^\(?(\d{1,2})\)?\s*(?:[-–.:=)]\s*|\s)\(?([^\d].*?)\)?$")
# "Sesuai (3)", "Sesuai - 3", "Sesuai = 3"
_LABEL_THEN_NUM = re.compile(r"^([^\d].*?)\s*(?:\((\d{1,2})\)|[-–:=]\s*(\d{1,2}))$")
# "a", "a.", "a. Tidak sesuai", "(a) Tidak sesuai", "a) Tidak sesuai"
_LETTER = re.compile(r"^\(?([a-z])(?:\s*[.)]\s*(.*)|\))?$", re.IGNORECASE)
_ANSWER_CODE = re.compile(r"^ao?0*(\d{1,2})$", re.IGNORECASE)
_WORD_FIXES = {
    "tapi": "tetapi",
    "namun": "tetapi",
    "tdk": "tidak",
    "sgt": "sangat",
    "krg": "kurang",
    "dgn": "dengan",
    "n": "dan",
    "&": "dan",
}
# whole-label variants seen in real forms (normalised) → the regulation's label (normalised)
_ALIASES = {
    "berfungsi tetapi kurang maksimal": "berfungsi kurang maksimal",
    "ada dan berfungsi kurang maksimal": "berfungsi kurang maksimal",
    "ada berfungsi kurang maksimal": "berfungsi kurang maksimal",
    "ada tidak berfungsi": "ada tetapi tidak berfungsi",
    "dikelola baik": "dikelola dengan baik",
    "tidak sopan tidak ramah": "tidak sopan dan ramah",
    "tidak sopan dan tidak ramah": "tidak sopan dan ramah",
    "sopan ramah": "sopan dan ramah",
    "kurang sopan ramah": "kurang sopan dan ramah",
    "sangat sopan ramah": "sangat sopan dan ramah",
    "baik sekali": "sangat baik",
    "tidak gratis": "cukup mahal",
}


def normalise_label(value: object) -> str:
    """Label text folded for matching: lower case, "&"→"dan", "tapi"→"tetapi", no punctuation."""
    text = str(value).replace("\u00a0", " ").lower().replace("&", " & ")
    text = re.sub(r"[\"'`´’.,;:!?()\[\]/\\_*-]+", " ", text)
    words = [_WORD_FIXES.get(w, w) for w in text.split()]
    folded = " ".join(words)
    return _ALIASES.get(folded, folded)


@dataclass(frozen=True)
class Cell:
    """What one distinct cell value means for a column.

    ``score`` is set for a valid answer; ``code`` for an invalid one; both ``None`` for a blank.
    ``elements`` are the question keys whose labels the text carried (empty for bare numbers),
    used to cross-check the column's header and to recognise columns by their answers.
    """

    score: int | None = None
    code: IssueCode | None = None
    elements: frozenset[str] = frozenset()
    blank: bool = False


BLANK = Cell(blank=True)
_NOT_A_DATE_ANSWER = Cell(code=IssueCode.NOT_A_NUMBER)


@dataclass
class LabelBook:
    """The label vocabulary of an instrument plus a unit's own mapping (``--labels``)."""

    instrument: Instrument
    custom: dict[str, int] = field(default_factory=dict)  # normalised label → score (all columns)
    custom_columns: dict[str, dict[str, int]] = field(default_factory=dict)  # key or header → labels
    by_label: dict[str, tuple[int, frozenset[str]]] = field(init=False)
    by_key: dict[str, dict[str, int]] = field(init=False)  # question key → its own labels
    # whether a label starts with a digit, as a date's or time's text does (see :func:`parse_cell`)
    digit_led: bool = field(init=False)

    def __post_init__(self) -> None:
        table: dict[str, tuple[int, set[str]]] = {}
        self.by_key = {}
        for element in self.instrument.elements:
            for question in element.questions:
                own = self.by_key.setdefault(question.key, {})
                for i, label in enumerate(question.labels):
                    score = self.instrument.scale_min + i
                    norm = normalise_label(label)
                    own[norm] = score
                    old = table.get(norm)
                    if old is None:
                        table[norm] = (score, {question.key})
                    elif old[0] == score:
                        old[1].add(question.key)
        self.by_label = {k: (s, frozenset(e)) for k, (s, e) in table.items()}
        every = [*self.by_label, *self.custom, *(k for labels in self.custom_columns.values() for k in labels)]
        self.digit_led = any(k[:1].isdigit() for k in every)

    @classmethod
    def with_mapping(
        cls, instrument: Instrument, mapping: Mapping[str, int], columns: Mapping[str, Mapping[str, int]] | None = None
    ) -> LabelBook:
        """A book extended with a unit's own labels (global, and per column key or header)."""
        return cls(
            instrument,
            {normalise_label(k): int(v) for k, v in mapping.items()},
            {
                normalise_label(col): {normalise_label(k): int(v) for k, v in labels.items()}
                for col, labels in (columns or {}).items()
            },
        )

    def expected(self, key: str | None) -> str:
        """The labels a column of ``key`` accepts, for messages (``1 = Tidak sesuai, …``)."""
        if key is None:
            return ""
        for element in self.instrument.elements:
            for question in element.questions:
                if question.key == key:
                    low = self.instrument.scale_min
                    return ", ".join(f"{low + i} = {label}" for i, label in enumerate(question.labels))
        return ""

    def column_mapping(self, key: str | None, header: str) -> dict[str, int]:
        """The custom labels that apply to a column: per-column ones over the global ones."""
        out = dict(self.custom)
        for name in (key or "", header):
            extra = self.custom_columns.get(normalise_label(name)) if name else None
            if extra:
                out.update(extra)
        return out


def _number(text: str) -> float:
    return float(text.replace(",", "."))


def _scored(number: float, low: int, high: int, elements: frozenset[str] = frozenset()) -> Cell:
    if not math.isfinite(number):  # "1e999", 5000 digits: far outside any scale
        return Cell(code=IssueCode.OUT_OF_RANGE, elements=elements)
    if number != int(number):
        return Cell(code=IssueCode.NOT_AN_INTEGER, elements=elements)
    score = int(number)
    if not low <= score <= high:
        return Cell(code=IssueCode.OUT_OF_RANGE, elements=elements)
    return Cell(score=score, elements=elements)


def parse_cell(  # noqa: PLR0911 - one return per kind of cell
    value: object, book: LabelBook, custom: Mapping[str, int] | None = None, key: str | None = None
) -> Cell:
    """The meaning of one answer cell of question ``key`` (see :class:`Cell`); a blank is never a zero.

    A label is looked up in the unit's ``custom`` mapping, then among the question's own labels,
    then among every label of the instrument (which tells the cross-check whose label it is).
    """
    low, high = book.instrument.scale_min, book.instrument.scale_max
    if value is None:
        return BLANK
    if isinstance(value, Unusable):
        return Cell(code=IssueCode.UNUSABLE_CELL)
    if isinstance(value, bool):
        return Cell(code=IssueCode.NOT_A_NUMBER)
    if isinstance(value, int | float):
        if value != value:  # NaN: pandas' missing value (the file readers turn a NaN cell into Unusable)  # noqa: PLR0124
            return BLANK
        if not math.isfinite(value):
            return Cell(code=IssueCode.UNUSABLE_CELL)
        return _scored(value, low, high)
    if isinstance(value, datetime | date | time) and value == value and not book.digit_led:  # noqa: PLR0124 - NaT
        # a spreadsheet's date or time (a timestamp column has as many as rows): its text (digits, "-",
        # ":", "+", a space; never a letter) is not a number and no label here starts with a digit
        return _NOT_A_DATE_ANSWER
    text = str(value).replace("\u00a0", " ").strip()
    if not text:
        return BLANK
    if _NUMBER.match(text):
        return _scored(_number(text), low, high)
    norm = normalise_label(text)
    if custom and norm in custom:
        return _scored(custom[norm], low, high)
    own = book.by_key.get(key, {}).get(norm) if key else None
    hit = book.by_label.get(norm)
    if own is not None:
        return Cell(score=own, elements=hit[1] if hit is not None and hit[0] == own else frozenset({key or ""}))
    if hit is not None:
        return Cell(score=hit[0], elements=hit[1])
    m = _NUM_THEN_LABEL.match(text)
    if m:
        return _number_and_label(int(m.group(1)), m.group(2), book, custom, key)
    m = _LABEL_THEN_NUM.match(text)
    if m:
        return _number_and_label(int(m.group(2) or m.group(3)), m.group(1), book, custom, key)
    m = _ANSWER_CODE.match(text)
    if m:  # LimeSurvey answer codes A1…A4 / AO01…AO04 (the n-th option scores n)
        return _scored(int(m.group(1)), low, high)
    m = _LETTER.match(text)
    if m:
        index = ord(m.group(1).lower()) - ord("a")
        size = high - low + 1
        rest = (m.group(2) or "").strip()
        label = book.by_label.get(normalise_label(rest)) if rest else None
        if index < size and (not rest or label is not None):
            return Cell(score=low + index, elements=label[1] if label else frozenset())
    return Cell(code=IssueCode.UNKNOWN_LABEL if any(ch.isalpha() for ch in text) else IssueCode.NOT_A_NUMBER)


def _number_and_label(
    number: int, label_text: str, book: LabelBook, custom: Mapping[str, int] | None, key: str | None
) -> Cell:
    """ "3 (Sesuai)": valid only when the label is known and means the same number; "Tidak cepat (4)",
    "1 Sangat cepat" or "4 tapi lambat" are invalid cells, never silently the number."""
    low, high = book.instrument.scale_min, book.instrument.scale_max
    norm = normalise_label(label_text)
    hit = book.by_label.get(norm)
    own = book.by_key.get(key, {}).get(norm) if key else None
    meant = custom.get(norm) if custom else None
    if meant is None:
        meant = own if own is not None else (hit[0] if hit is not None else None)
    if meant is None or meant != number:
        return Cell(code=IssueCode.NUMBER_LABEL_MISMATCH)
    return _scored(number, low, high, hit[1] if hit is not None and hit[0] == number else frozenset())


def valid_share(cells: Sequence[Cell], counts: Sequence[int]) -> float:
    """Share of a column's non-blank cells that are valid answers (0 for an empty column);
    ``counts[u]`` is how many cells hold the distinct value ``cells[u]``."""
    filled = sum(n for cell, n in zip(cells, counts, strict=True) if not cell.blank)
    valid = sum(n for cell, n in zip(cells, counts, strict=True) if cell.score is not None)
    return valid / filled if filled else 0.0


def label_element(cells: Sequence[Cell], counts: Sequence[int], *, strict: bool = False) -> frozenset[str] | None:
    """The element(s) whose labels most answers of a column carry, or ``None`` without labels.

    ``strict`` (recognising a column by its answers alone) asks every non-blank distinct
    value to be one element's label.
    """
    labelled = [u for u, cell in enumerate(cells) if cell.elements]
    if not labelled:
        return None
    if strict and any(not cell.blank and not cell.elements and cell.score is None for cell in cells):
        return None
    votes: dict[frozenset[str], int] = {}
    for u in labelled:
        votes[cells[u].elements] = votes.get(cells[u].elements, 0) + counts[u]
    total = sum(n for cell, n in zip(cells, counts, strict=True) if not cell.blank)
    best = max(votes, key=lambda k: votes[k])
    common = frozenset.intersection(*votes) if strict else best
    if strict and not common:
        return None
    if votes[best] * 2 <= total:
        return None
    return common
