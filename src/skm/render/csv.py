"""The CSV of ``skm score --format csv``: per-element rows and an IKM row, for the pooled result
and each graded group.

Names come from the instrument and group labels from the file, so every text cell is neutralised
(:func:`skm.render.safe.neutralise_formula`) before a spreadsheet can read it as a
formula.
"""

from __future__ import annotations

import csv
import io

from skm.core.calc import IkmResult
from skm.render.rows import TABLE_FIELDS, element_rows
from skm.render.safe import neutralise_formula

__all__ = ["result_csv"]

HEADER = ("group", "respondents", *TABLE_FIELDS, "instrument")


def result_csv(result: IkmResult) -> str:
    """Per-element rows (and an IKM row) for the pooled result and each group."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(HEADER)

    def emit(group: str, r: IkmResult) -> None:
        for row in element_rows(r):
            writer.writerow(
                [neutralise_formula(v) for v in (group, r.respondents, *row.values(TABLE_FIELDS), r.instrument.key)]
            )
        ikm_row = (group, r.respondents, "IKM", "Nilai indeks / IKM", "", "")
        writer.writerow(
            [neutralise_formula(v) for v in (*ikm_row, r.index_display, "", r.ikm_display, r.grade, r.instrument.key)]
        )

    emit("", result)
    for g in result.groups:
        if g.result is not None:
            emit(g.group, g.result)
    return buffer.getvalue()
