"""Several files (or a folder) read as one table: one respondent per row, a column naming the file.

``skm score a.xlsx b.xlsx`` or ``skm score folder/`` scores the pooled respondents and, per file,
a group of the result (the same :class:`~skm.core.calc.GroupResult` as ``--by``), so each unit's
index sits next to the pooled total.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from pathlib import Path

from skm.core.instrument import PERMENPAN_14_2017, Instrument
from skm.errors import ExitCode, InvalidPolicy, IssueCode, SkmError, combined_failure
from skm.readers.cells import LabelBook
from skm.readers.files import CSV_SUFFIXES, EXCEL_SUFFIXES, PARQUET_SUFFIXES
from skm.readers.headers import unique_names
from skm.readers.responses import Responses
from skm.readers.table import read_responses

__all__ = ["FILE_COLUMN", "combine", "expand_paths", "read_many"]

FILE_COLUMN = "berkas"


def expand_paths(paths: Sequence[Path]) -> list[Path]:
    """Files as given, folders replaced by their responses files (sorted; no hidden or lock files)."""
    out: list[Path] = []
    for path in paths:
        if path.is_dir():
            found = sorted(
                p
                for p in path.iterdir()
                if p.is_file()
                and p.suffix.lower() in EXCEL_SUFFIXES | CSV_SUFFIXES | PARQUET_SUFFIXES
                and not p.name.startswith((".", "~$"))
            )
            if not found:
                raise SkmError(IssueCode.EMPTY_FILE, ExitCode.INPUT_ERROR, file=str(path))
            out.extend(found)
        else:
            out.append(path)
    return out


def combine(parts: Sequence[Responses]) -> Responses:
    """One :class:`Responses` holding every part's respondents, with a ``berkas`` column first.

    Attribute columns are matched by header; issues and skipped rows keep their file.
    """
    import pandas as pd  # noqa: PLC0415

    if len(parts) == 1:
        return parts[0]
    instrument = parts[0].instrument
    frames = []
    names = unique_names([p.source for p in parts])
    for name, part in zip(names, parts, strict=True):
        frame = part.frame.copy()
        frame.insert(0, FILE_COLUMN, name)
        frames.append(frame)
    frame = pd.concat(frames)
    keys = [k for k in instrument.question_keys if k in frame.columns]
    frame = frame[[*keys, *[c for c in frame.columns if c not in keys]]]
    profile: dict[str, str] = {}
    for part in parts:
        for canonical, column in part.profile.items():
            profile.setdefault(canonical, column)
    profile.setdefault("unit", FILE_COLUMN)
    return Responses(
        frame=frame,
        instrument=instrument,
        source=", ".join(names),
        sheet=None,
        header_row=parts[0].header_row,
        columns=parts[0].columns,
        issues=[i for p in parts for i in p.issues],
        skipped=[s for p in parts for s in p.skipped],
        notes=[n for p in parts for n in p.notes],
        profile=profile,
    )


def read_many(
    paths: Sequence[Path],
    *,
    sheet: str | int | None = None,
    instrument: Instrument = PERMENPAN_14_2017,
    invalid: InvalidPolicy | str = InvalidPolicy.ERROR,
    labels: LabelBook | None = None,
    column_map: Mapping[str, str] | None = None,
) -> Responses:
    """Read every file (folders expanded) and :func:`combine` them.

    Every file is read before failing, so the error lists the problems of all files at once.
    """
    parts: list[Responses] = []
    failures: list[SkmError] = []
    for path in expand_paths(paths):
        try:
            parts.append(
                read_responses(
                    path, sheet=sheet, instrument=instrument, invalid=invalid, labels=labels, column_map=column_map
                )
            )
        except SkmError as exc:
            failures.append(exc)
    if failures:
        raise combined_failure(failures)
    return combine(parts)
