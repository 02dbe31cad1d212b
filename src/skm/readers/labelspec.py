"""The rules of a labels file (``--labels``), carried by pydantic: tables of label → whole number.

Kept apart from :mod:`skm.readers.labelfile` so that pydantic is imported only when a labels file
is given. Every problem is collected; each names its place in the file (TOML line or CSV row).
"""

from __future__ import annotations

from typing import Annotated

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, ValidationError, model_validator
from pydantic_core import PydanticCustomError

__all__ = ["LabelsSpec", "problems_of"]


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
