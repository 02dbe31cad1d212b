"""The building blocks of a report document: sections made of paragraphs, key–value lists,
headline figures, tables, bar charts and a signature. Renderers draw these blocks; they never
compute anything.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from decimal import Decimal
from enum import StrEnum

from skm.render.safe import xml_safe
from skm.text import Lang, fmt_number
from skm.text.report import tr

__all__ = [
    "BarChart",
    "Block",
    "Cell",
    "Chapter",
    "Document",
    "Headline",
    "KeyValues",
    "LineChart",
    "Paragraph",
    "QuadrantChart",
    "Section",
    "Signature",
    "Table",
    "fmt",
    "no_gc",
    "printable",
    "section_number",
]

Cell = str | int | Decimal | None

# --------------------------------------------------------------------------- blocks


@dataclass(frozen=True)
class Paragraph:
    """Running text. ``note`` paragraphs are printed smaller."""

    text: str
    note: bool = False


@dataclass(frozen=True)
class KeyValues:
    """A two-column list of labels and values (identity, method)."""

    rows: tuple[tuple[str, str], ...]


@dataclass(frozen=True)
class Headline:
    """The headline figures (NI, IKM, mutu, kinerja) shown large."""

    items: tuple[tuple[str, str | Decimal], ...]
    grade: str = ""


@dataclass(frozen=True)
class Table:
    """A table. Cells are text, whole numbers or decimals (their exponent gives the places shown).

    ``total`` is an emphasised last row; ``wide`` marks the column that takes the free space.
    """

    columns: tuple[str, ...]
    rows: tuple[tuple[Cell, ...], ...]
    caption: str = ""
    total: tuple[Cell, ...] | None = None
    wide: int | None = None
    key: str = ""
    widths: tuple[int, ...] = ()
    flags: tuple[str, ...] = ()  # per row: "" or a marker such as "drop" or "small"


@dataclass(frozen=True)
class BarChart:
    """Bars of ``values`` on [``minimum``, ``maximum``], with optional grade bounds marked."""

    title: str
    labels: tuple[str, ...]
    values: tuple[Decimal, ...]
    minimum: Decimal = Decimal(0)
    maximum: Decimal = Decimal(100)
    bands: tuple[tuple[Decimal, str], ...] = ()
    suffix: str = ""
    grades: tuple[str, ...] = ()
    series: str = ""  # name of the plotted quantity, e.g. "25 × NRR"
    small: tuple[bool, ...] = ()  # per bar: a group too small to rely on (drawn pale and hatched)


@dataclass(frozen=True)
class LineChart:
    """A value over ordered periods (IKM per period), with optional grade bounds marked."""

    title: str
    labels: tuple[str, ...]
    values: tuple[Decimal, ...]
    minimum: Decimal = Decimal(0)
    maximum: Decimal = Decimal(100)
    bands: tuple[tuple[Decimal, str], ...] = ()
    grades: tuple[str, ...] = ()
    series: str = ""


@dataclass(frozen=True)
class QuadrantChart:
    """Points ``labels`` at (``x``, ``y``) with cross-hairs at the means and a name per quadrant.

    ``quadrants`` names the top-left, top-right, bottom-left and bottom-right quadrants (an
    importance–performance chart: x = performance, y = expectation). HTML draws it as SVG;
    the other formats show the table that precedes it in the section.
    """

    title: str
    labels: tuple[str, ...]
    x: tuple[Decimal, ...]
    y: tuple[Decimal, ...]
    x_mean: Decimal
    y_mean: Decimal
    x_title: str
    y_title: str
    quadrants: tuple[str, str, str, str]


@dataclass(frozen=True)
class Signature:
    """The place/date and signature lines that close an official document."""

    lines: tuple[str, ...]
    name: str
    after: tuple[str, ...] = ()  # under the name, e.g. "NIP 19700101 199503 1 001"


Block = Paragraph | KeyValues | Headline | Table | BarChart | LineChart | QuadrantChart | Signature


class Chapter(StrEnum):
    """The usual chapters of an SKM report."""

    PREFACE = "preface"
    INTRO = "intro"
    METHOD = "method"
    RESULTS = "results"
    ANALYSIS = "analysis"
    CLOSING = "closing"
    APPENDIX = "appendix"

    @property
    def numbered(self) -> bool:
        """Whether the chapter carries a number (Bab I–V); the foreword and appendices do not."""
        return self not in {Chapter.PREFACE, Chapter.APPENDIX}


@dataclass(frozen=True)
class Section:
    """A titled part of the report: ``key`` is stable (for JSON, tests, sheet names)."""

    key: str
    chapter: Chapter
    title: str
    blocks: tuple[Block, ...]
    sheet: str = ""


@dataclass(frozen=True)
class Document:
    """What the renderers draw: a title block and the sections in order."""

    lang: Lang
    title: str
    unit: str
    period: str
    sections: tuple[Section, ...]
    footer: str
    subtitle: str = ""
    logo: tuple[bytes, str] | None = None  # (picture, MIME type) for the cover

    def headline(self) -> Headline | None:
        """The headline figures, for a cover or a summary."""
        for section in self.sections:
            for block in section.blocks:
                if isinstance(block, Headline):
                    return block
        return None

    def chapters(self) -> list[tuple[Chapter, str, list[Section]]]:
        """Sections grouped by chapter, in chapter order, with the chapter's title."""
        out: list[tuple[Chapter, str, list[Section]]] = []
        for chapter in Chapter:
            parts = [s for s in self.sections if s.chapter is chapter]
            if parts:
                out.append((chapter, tr(f"ch-{chapter.value}", self.lang), parts))
        return out

    def numbered_chapters(self) -> list[tuple[str, Chapter, str, list[Section]]]:
        """:meth:`chapters` with each chapter's number ("1", "2" …; "" for the foreword and appendices),
        the number its sections are counted under."""
        out: list[tuple[str, Chapter, str, list[Section]]] = []
        n = 0
        for chapter, title, parts in self.chapters():
            if chapter.numbered:
                n += 1
            out.append((str(n) if chapter.numbered else "", chapter, title, parts))
        return out


def section_number(chapter_no: str, chapter: Chapter, m: int) -> str:
    """A section's number: ``3.2`` in a numbered chapter, ``A``, ``B`` … in the appendices, none
    in the foreword."""
    if chapter_no:
        return f"{chapter_no}.{m}"
    return chr(ord("A") + m - 1) if chapter is Chapter.APPENDIX else ""


def fmt(value: Decimal | int | str, lang: Lang) -> str:
    """A number as the document writes it: decimal comma and thousands point in Indonesian
    (``12.000``, ``1.234,5``), the English marks otherwise; text unchanged."""
    if isinstance(value, bool) or not isinstance(value, Decimal | int):
        return str(value)
    text = fmt_number(value, Lang.EN) if isinstance(value, Decimal) else str(value)
    sign, text = ("-", text[1:]) if text.startswith("-") else ("", text)
    whole, dot, fraction = text.partition(".")
    if whole.isdigit() and len(whole) > 3:
        whole = f"{int(whole):,}"
    if lang is Lang.ID:
        return sign + whole.replace(",", ".") + ("," + fraction if dot else "")
    return sign + whole + (dot + fraction)


def printable(text: str) -> str:
    """``text`` without control characters (invalid in XML, so in xlsx and docx)."""
    return xml_safe(text)


@contextmanager
def no_gc() -> Iterator[None]:
    """Python's cycle collector paused while a writer builds a document: after the analysis of a
    large file a full collection walks millions of objects (0.2–0.4 s), while a document makes no
    cycles worth collecting before it is written (as ``skm.readers.files.no_gc`` for the readers)."""
    collecting = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if collecting:
            gc.enable()
