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
import tomllib
from collections.abc import Sequence
from pathlib import Path

from skm.core.instrument import PERMENPAN_14_2017, Instrument
from skm.errors import ExitCode, IssueCode, SkmError, shorten
from skm.readers.cells import LabelBook, normalise_label
from skm.readers.files import decode_text, sniff_delimiter

__all__ = ["guess_score", "labels_template", "load_labels"]


def _fail(path: Path, reason: str) -> SkmError:
    return SkmError(IssueCode.INVALID_LABEL_FILE, ExitCode.INPUT_ERROR, file=str(path), reason=reason)


def _score(path: Path, label: str, value: object) -> int:
    if isinstance(value, bool) or not isinstance(value, int | str):
        raise _fail(path, f"'{label}' = {value!r} is not a whole number")
    try:
        return int(value)
    except ValueError:
        raise _fail(path, f"'{label}' = {value!r} is not a whole number") from None


def load_labels(path: Path, instrument: Instrument = PERMENPAN_14_2017) -> LabelBook:
    """Read a labels file (``.toml`` or ``.csv``) into a :class:`LabelBook`. Raises exit 3."""
    if not path.exists():
        raise SkmError(IssueCode.FILE_NOT_FOUND, ExitCode.INPUT_ERROR, file=str(path))
    if path.is_dir():
        raise SkmError(IssueCode.NOT_A_FILE, ExitCode.INPUT_ERROR, file=str(path))
    from skm.readers.guard import read_capped  # noqa: PLC0415

    data = read_capped(path)  # at most a sane size, also from a device
    everywhere: dict[str, int] = {}
    columns: dict[str, dict[str, int]] = {}
    if path.suffix.lower() == ".toml":
        try:
            doc = tomllib.loads(decode_text(data, path))
        except RecursionError:
            raise SkmError(IssueCode.TOO_DEEP, ExitCode.INPUT_ERROR, file=str(path)) from None
        except tomllib.TOMLDecodeError as exc:
            raise _fail(path, str(exc)) from exc
        table = doc.get("labels", {})
        if not isinstance(table, dict):
            raise _fail(path, "[labels] must be a table")
        everywhere = {str(k): _score(path, str(k), v) for k, v in table.items()}
        per_column = doc.get("columns", {})
        if not isinstance(per_column, dict):
            raise _fail(path, "[columns] must hold tables")
        for column, mapping in per_column.items():
            if not isinstance(mapping, dict):
                raise _fail(path, f"[columns.{column}] must be a table")
            columns[str(column)] = {str(k): _score(path, str(k), v) for k, v in mapping.items()}
    else:
        text = decode_text(data, path)
        rows = [r for r in csv.reader(io.StringIO(text, newline=""), delimiter=sniff_delimiter(text)) if any(r)]
        if rows and rows[0] and rows[0][0].strip().lower() in {"label", "jawaban", "answer"}:
            rows = rows[1:]
        for row in rows:
            if len(row) < 2:
                raise _fail(path, f"'{shorten(row[0])}' has no score (each row: label, score[, column])")
            label, value = row[0].strip(), _score(path, row[0], row[1].strip())
            column = row[2].strip() if len(row) > 2 else ""
            if column:
                columns.setdefault(column, {})[label] = value
            else:
                everywhere[label] = value
    if not everywhere and not columns:
        raise _fail(path, "no labels")
    return LabelBook.with_mapping(instrument, everywhere, columns)


def _toml_key(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def guess_score(label: str, others: Sequence[str] = (), instrument: Instrument = PERMENPAN_14_2017) -> int | None:
    """A guess for the usual four-step wording ("Tidak X", "Kurang X", "X", "Sangat X"), else ``None``.

    A bare "X" is guessed only when ``others`` holds one of its graded forms ("Sangat X" …).
    """
    if instrument.scale_max - instrument.scale_min != 3:
        return None
    words = normalise_label(label).split()
    if not words:
        return None
    low = instrument.scale_min
    if words[:2] == ["sangat", "tidak"] or words[0] == "tidak":
        return low
    if words[0] == "kurang":
        return low + 1
    if words[0] == "sangat":
        return low + 3
    stem = " ".join(words)
    graded = {f"{w} {stem}" for w in ("tidak", "kurang", "sangat")}
    return low + 2 if any(normalise_label(o) in graded for o in others) else None


def labels_template(unknown: dict[str, list[str]], instrument: Instrument = PERMENPAN_14_2017) -> str:
    """A ready-to-edit TOML labels file for the unknown values found (column header → values).

    One ``[labels]`` table for every value found, with a guessed score where the wording follows
    the usual four steps and 0 (rejected as out of range until edited) elsewhere.
    """
    low, high = instrument.scale_min, instrument.scale_max
    values: list[str] = []
    where: dict[str, list[str]] = {}
    for header, found in unknown.items():
        for v in found:
            if v not in where:
                values.append(v)
            where.setdefault(v, []).append(header)
    values.sort(key=lambda v: (guess_score(v, values, instrument) or high + 1, v))
    lines = [
        f"# Pemetaan label jawaban → nilai untuk skm --labels: periksa/isi nilai {low}–{high} tiap label.",
        f"# Label → score mapping for skm --labels: check or fill in a score {low}–{high} for each label.",
        '# Label yang hanya berlaku untuk satu kolom: [columns."U3"] / column-only labels: [columns."U3"]',
        "",
        "[labels]",
    ]
    for v in values:
        guess = guess_score(v, values, instrument)
        note = "tebakan, periksa / guessed, check" if guess is not None else "isi / fill in"
        columns = ", ".join(where[v][:5]) + (" …" if len(where[v]) > 5 else "")
        lines.append(f"{_toml_key(v)} = {guess or 0}  # {note}; {columns}")
    return "\n".join(lines) + "\n"
