"""What a questionnaire template holds, shared by every questionnaire writer."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from skm.core.instrument import Element, Instrument, Question, builtin_instruments
from skm.text import Lang, t

__all__ = [
    "AnswerStyle",
    "TemplateSpec",
    "choice_list",
    "element_name",
    "header_of",
    "instrument_title",
    "ordered_questions",
    "score_command",
]


class AnswerStyle(StrEnum):
    """What the entry sheet's drop-downs offer."""

    SCORES = "scores"
    LABELS = "labels"


@dataclass(frozen=True)
class TemplateSpec:
    """What to put in a template: the instrument, language, answers style and services."""

    instrument: Instrument
    lang: Lang = Lang.ID
    answers: AnswerStyle = AnswerStyle.SCORES
    services: tuple[str, ...] = ()
    rows: int = 1000
    instrument_ref: str | None = None  # what to pass to --instrument (a custom file's path)


def ordered_questions(instrument: Instrument) -> list[tuple[int, Element, Question]]:
    """Every question in questionnaire order (``Element.number``), numbered from 1."""
    elements = sorted(instrument.elements, key=lambda e: (e.number, instrument.elements.index(e)))
    out: list[tuple[int, Element, Question]] = []
    for element in elements:
        for question in element.questions:
            out.append((len(out) + 1, element, question))
    return out


def header_of(question: Question) -> str:
    """The entry-sheet header of a question: its key in capitals (``U1``, ``U1A``, ``U1.1``)."""
    return question.key.upper()


def element_name(element: Element, lang: Lang) -> str:
    return element.name_en if lang is Lang.EN else element.name


def instrument_title(instrument: Instrument, lang: Lang) -> str:
    return instrument.title_en if lang is Lang.EN else instrument.title


def choice_list(key: str, lang: Lang) -> list[str]:
    return t(key, lang).split("|")


def score_command(spec: TemplateSpec, filename: str) -> str:
    ref = spec.instrument.key if spec.instrument.key in builtin_instruments() else spec.instrument_ref
    ref = ref or f"{spec.instrument.key}.toml"
    option = "" if spec.instrument.key == "permenpan-14-2017" else f" --instrument {ref}"
    lang = " --lang en" if spec.lang is Lang.EN else ""
    return f"skm score {filename}{option}{lang}"
