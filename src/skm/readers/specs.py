"""The rules of the small side files, carried by pydantic: the labels file (``--labels``: tables of
label → whole number) and the rows of the ``--plan`` file (a known element per row).

Kept apart from the readers (:mod:`skm.readers.labelfile`, :mod:`skm.readers.extras`) so that
pydantic is imported only when such a file is given. Every problem is collected; each names its
place in the file (TOML line, CSV or spreadsheet row). The instrument file's models live with it
(:mod:`skm.readers.instrument_file`).
"""

from __future__ import annotations

from typing import Annotated

from pydantic import (
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    ValidationError,
    ValidationInfo,
    field_validator,
    model_validator,
)
from pydantic_core import PydanticCustomError

from skm.core.instrument import Instrument

__all__ = ["LabelsSpec", "PlanRowSpec", "element_code", "problems_of"]


def _whole_number(value: object) -> int:
    """A score: a whole number, written as a number or as text (never true/false or 3.5)."""
    if isinstance(value, bool) or not isinstance(value, int | str):
        raise PydanticCustomError("whole-number", "not a whole number")
    try:
        return int(value)
    except ValueError:
        raise PydanticCustomError("whole-number", "not a whole number") from None


Score = Annotated[int, BeforeValidator(_whole_number)]


class LabelsSpec(BaseModel):
    """``[labels]`` (every element column) and ``[columns.X]`` (one column): label → score."""

    model_config = ConfigDict(extra="ignore")

    labels: dict[str, Score] = Field(default_factory=dict)
    columns: dict[str, dict[str, Score]] = Field(default_factory=dict)

    @model_validator(mode="after")
    def _some_labels(self) -> LabelsSpec:
        if not self.labels and not self.columns:
            raise PydanticCustomError("no-labels", "no labels")
        return self


def problems_of(exc: ValidationError) -> list[tuple[tuple[str | int, ...], str]]:
    """Each problem's location and its sentence (the same sentences the labels file always gave)."""
    out: list[tuple[tuple[str | int, ...], str]] = []
    for err in exc.errors():
        loc = tuple(err["loc"])
        kind = err["type"]
        if kind == "whole-number":
            out.append((loc, f"'{loc[-1]}' = {err['input']!r} is not a whole number"))
        elif kind == "no-labels":
            out.append((loc, "no labels"))
        elif loc == ("labels",):
            out.append((loc, "[labels] must be a table"))
        elif loc == ("columns",):
            out.append((loc, "[columns] must hold tables"))
        elif len(loc) == 2 and loc[0] == "columns":
            out.append((loc, f"[columns.{loc[1]}] must be a table"))
        else:
            out.append((loc, str(err["msg"])))
    return out


class PlanRowSpec(BaseModel):
    """One row of a ``--plan`` file: the element (code or name, resolved against the instrument given
    in the validation context as ``instrument``) and what is planned for it."""

    model_config = ConfigDict(extra="forbid")

    unsur: str
    program: str = ""
    time: str = ""
    responsible: str = ""

    @field_validator("unsur")
    @classmethod
    def _known_element(cls, value: str, info: ValidationInfo) -> str:
        instrument: Instrument = (info.context or {})["instrument"]
        code = element_code(value, instrument)
        if code is None:
            raise PydanticCustomError("plan-unknown-unsur", "unknown element", {"value": value[:40]})
        return code


def element_code(value: str, instrument: Instrument) -> str | None:
    """The element ``value`` names: its code (``U3``, ``u3``, ``3``, ``U3 Waktu``) or its name."""
    key = value.casefold()
    first = key.split()[0] if key.split() else key
    by_code = {e.code.casefold(): e.code for e in instrument.elements}
    by_name = {e.name.casefold(): e.code for e in instrument.elements}
    by_name.update({e.name_en.casefold(): e.code for e in instrument.elements})
    return by_code.get(key) or by_code.get(first) or by_code.get(f"u{key}") or by_name.get(key)
