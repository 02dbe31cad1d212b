"""A unit's own answer labels (``--labels FILE``): a small TOML or CSV mapping label → score.

TOML::

    [labels]                 # every element column
    "Tidak puas" = 1
    "Kurang puas" = 2
    "Puas" = 3
    "Sangat puas" = 4

    [columns.U9]             # one column, by element code or by its header text
    "Jelek" = 1

CSV (header optional): ``label,score`` or ``label,score,column``.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from skm.core.instrument import PERMENPAN_14_2017, Instrument
from skm.errors import ExitCode, Issue, IssueCode, SkmError, shorten
from skm.readers.cells import LabelBook, normalise_label
from skm.readers.files import decode_text, sniff_delimiter
from skm.readers.sidefile import Loc, TomlSyntax, line_of, load_toml, read_side_file, toml_line_map

__all__ = ["UnknownLabels", "guess_score", "load_labels", "unknown_labels"]


def _fail(path: Path, reason: str) -> SkmError:
    return SkmError(IssueCode.INVALID_LABEL_FILE, ExitCode.INPUT_ERROR, file=str(path), reason=reason)


def load_labels(path: Path, instrument: Instrument = PERMENPAN_14_2017) -> LabelBook:
    """Read a labels file (``.toml`` or ``.csv``) into a :class:`LabelBook`. Raises exit 3.

    The rules (tables of label → whole number, at least one label) are
    :class:`~skm.readers.specs.LabelsSpec`; every problem is listed at once with its TOML line
    or CSV row.
    """
    from pydantic import ValidationError  # noqa: PLC0415 - pydantic only when a labels file is given

    from skm.readers.specs import LabelsSpec, problems_of  # noqa: PLC0415

    data = read_side_file(path, kind="labels")
    if path.suffix.lower() == ".toml":
        source = decode_text(data, path)
        try:
            raw: dict[str, object] = load_toml(source, file=str(path))
        except TomlSyntax as exc:
            raise _fail(path, f"{exc.detail} (TOML line {exc.line})") from None
        lines = toml_line_map(source)
        unit = "TOML line"
    else:
        raw, lines = _csv_mapping(path, decode_text(data, path))
        unit = "CSV row"
    try:
        spec = LabelsSpec.model_validate(raw)
    except ValidationError as exc:
        reasons = []
        for loc, text in problems_of(exc):
            line = line_of(loc, lines)
            reasons.append(text if line is None else f"{text} ({unit} {line})")
        raise _fail(path, "; ".join(reasons)) from None
    return LabelBook.with_mapping(instrument, spec.labels, spec.columns)


def _csv_mapping(path: Path, text: str) -> tuple[dict[str, object], dict[Loc, int]]:
    """``label,score[,column]`` rows (header optional) as the TOML shape, and each entry's row."""
    everywhere: dict[str, object] = {}
    columns: dict[str, dict[str, object]] = {}
    lines: dict[Loc, int] = {}
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=sniff_delimiter(text))
    rows = [(reader.line_num, r) for r in reader if any(r)]
    if rows and rows[0][1] and rows[0][1][0].strip().lower() in {"label", "jawaban", "answer"}:
        rows = rows[1:]
    for number, row in rows:
        if len(row) < 2:
            raise _fail(path, f"'{shorten(row[0])}' has no score (each row: label, score[, column]) (CSV row {number})")
        label, value = row[0].strip(), row[1].strip()
        column = row[2].strip() if len(row) > 2 else ""
        if column:
            columns.setdefault(column, {})[label] = value
            lines[("columns", column, label)] = number
        else:
            everywhere[label] = value
            lines[("labels", label)] = number
    return {"labels": everywhere, "columns": columns}, lines


# words whose four steps run downwards: "Sangat kecewa" (very disappointed) is the lowest answer
_NEGATIVE_STEMS = frozenset(
    [
        "kecewa",
        "mengecewakan",
        "buruk",
        "jelek",
        "lambat",
        "lamban",
        "lelet",
        "lama",
        "mahal",
        "sulit",
        "susah",
        "rumit",
        "ribet",
        "berbelit",
        "kotor",
        "kasar",
        "parah",
        "payah",
    ]
)


def guess_score(label: str, others: Sequence[str] = (), instrument: Instrument = PERMENPAN_14_2017) -> int | None:
    """A guess for the usual four-step wording ("Tidak X", "Kurang X", "X", "Sangat X"), else ``None``.

    A bare "X" is guessed only when ``others`` holds one of its graded forms ("Sangat X" …). A stem
    whose steps run downwards (:data:`_NEGATIVE_STEMS`: "Sangat kecewa", "Sangat lambat") is guessed
    only in its "Sangat" form, as the lowest answer.
    """
    if instrument.scale_max - instrument.scale_min != 3:
        return None
    words = normalise_label(label).split()
    if not words:
        return None
    low = instrument.scale_min
    steps = {"tidak": low, "kurang": low + 1, "sangat": low + 3}
    grade = 2 if words[:2] == ["sangat", "tidak"] else 1 if words[0] in steps else 0
    if grade < len(words) and words[grade] in _NEGATIVE_STEMS:
        # the steps run the other way ("Sangat kecewa" is the lowest, not the highest); "Tidak buruk",
        # "Kurang lambat" or a bare "Lambat" say too little to guess
        return low if words[0] == "sangat" and grade == 1 else None
    if grade:  # "Sangat tidak X", "Tidak X", "Kurang X", "Sangat X"
        return low if grade == 2 else steps[words[0]]
    stem = " ".join(words)
    graded = {f"{w} {stem}" for w in ("tidak", "kurang", "sangat")}
    return low + 2 if any(normalise_label(o) in graded for o in others) else None


@dataclass(frozen=True)
class UnknownLabels:
    """The answers no label matched, per column (``"U6 (H)"`` → values), with a guessed score for
    each where the wording follows the usual four steps: the data behind a ready-to-edit labels file."""

    found: dict[str, list[str]]
    guesses: dict[str, int | None]
    low: int
    high: int


def unknown_labels(
    issues: Sequence[Issue], instrument: Instrument = PERMENPAN_14_2017, limit: int = 30
) -> UnknownLabels | None:
    """Collect the unknown-label issues (at most ``limit`` values per column), or ``None``."""
    found: dict[str, list[str]] = {}
    for issue in issues:
        if issue.code is IssueCode.UNKNOWN_LABEL and issue.value is not None:
            element = str(issue.params.get("element", "")).split(" ")[0]
            where = f"{element} ({issue.letter})" if element and issue.letter else issue.column or "?"
            values = found.setdefault(where, [])
            if issue.value not in values and len(values) < limit:
                values.append(issue.value)
    if not found:
        return None
    every = list(dict.fromkeys(v for values in found.values() for v in values))
    guesses = {v: guess_score(v, every, instrument) for v in every}
    return UnknownLabels(found, guesses, instrument.scale_min, instrument.scale_max)
