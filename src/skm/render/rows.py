"""The per-element projection of a result, written once for every output.

Each element of an :class:`~skm.core.calc.IkmResult` is shown as the same row everywhere (the
terminal, the JSON, the CSV, the report and its workbook): code, name, answered, sum, NRR, weight,
weighted NRR, 25 × NRR and grade, all as published (rounded half up from the exact values). The
outputs differ only in how they write the values and which of the columns they show.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from skm.core.calc import ElementScore, IkmResult, round_half_up
from skm.text import Lang

__all__ = ["TABLE_FIELDS", "ElementRow", "element_row", "element_rows"]

# the columns of the per-element tables (terminal, CSV, report); the JSON adds the weight
TABLE_FIELDS = ("code", "name", "answered", "sum", "nrr", "weighted", "converted", "grade")


@dataclass(frozen=True)
class ElementRow:
    """One element as published."""

    code: str
    name: str
    answered: int
    sum: int
    nrr: Decimal
    weight: Decimal
    weighted: Decimal
    converted: Decimal
    grade: str

    def values(self, fields: tuple[str, ...] = TABLE_FIELDS) -> tuple[str | int | Decimal, ...]:
        """The values of ``fields`` in that order."""
        return tuple(getattr(self, name) for name in fields)


def element_row(element: ElementScore, lang: Lang | str = Lang.ID) -> ElementRow:
    """The published row of one element (its name in ``lang``)."""
    return ElementRow(
        code=element.code,
        name=element.name_en if str(lang) == Lang.EN else element.name,
        answered=element.answered,
        sum=element.sum,
        nrr=element.nrr_display,
        weight=round_half_up(element.weight, 4),
        weighted=element.weighted_display,
        converted=element.converted_display,
        grade=element.grade,
    )


def element_rows(result: IkmResult, lang: Lang | str = Lang.ID) -> tuple[ElementRow, ...]:
    """The published rows of every element of ``result``, in the instrument's order."""
    return tuple(element_row(e, lang) for e in result.elements)
