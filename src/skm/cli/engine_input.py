"""The responses of ``skm report`` and ``skm stats``: a large CSV read by the engine
(:mod:`skm.readers.engine_frame`), anything else by the reference reader. The user never chooses:
both give the same :class:`~skm.readers.responses.Responses` (``tests/test_engine_frame.py``)."""

from __future__ import annotations

import os
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from skm.cli.common import read_input, report_reading_issues
from skm.errors import InvalidPolicy

if TYPE_CHECKING:
    from skm.readers.responses import Responses
    from skm.text import Lang

__all__ = ["ENGINE_MIN_BYTES", "STATS_MODULES", "read_responses_input"]

# what the statistics import when they run (skm stats, skm report --stats): preloaded while the engine
# parses, with the modules they import inside functions (the quality checks' columns, the BLAS limit)
STATS_MODULES = ("skm.analysis.stats", "skm.analysis.stats.columns", "threadpoolctl")
# below this many bytes the reference reader is as fast (the engine's queries cost ~0.1 s)
ENGINE_MIN_BYTES = 4 << 20


def read_responses_input(
    file: Path,
    *,
    instrument: str | None,
    sheet: str | None,
    invalid: InvalidPolicy,
    labels: Path | None,
    lang: Lang,
    progress: bool = True,
    column_map: dict[str, str] | None = None,
    preload: Sequence[str] = (),
) -> Responses:
    """:func:`skm.cli.common.read_input` of one file, through the engine when it is a large CSV
    (``SKM_ENGINE=always|never`` forces the choice, for tests and benchmarks). The engine imports the
    modules ``preload`` names (what the command runs next) while DuckDB parses the file. Call inside
    :func:`skm.cli.common.error_boundary`."""
    mode = os.environ.get("SKM_ENGINE", "auto")
    large = file.is_file() and (mode == "always" or file.stat().st_size >= ENGINE_MIN_BYTES)
    if mode != "never" and large and sheet is None and not column_map:
        from skm.cli.common import instrument_from_option  # noqa: PLC0415
        from skm.cli.progress import reading  # noqa: PLC0415
        from skm.readers.engine import Fallback  # noqa: PLC0415
        from skm.readers.engine_frame import read_responses_engine  # noqa: PLC0415
        from skm.readers.labelfile import load_labels  # noqa: PLC0415

        chosen = instrument_from_option(instrument)
        book = load_labels(labels, chosen) if labels is not None else None
        try:
            with reading(f"{file.name} …", enabled=progress):
                responses = read_responses_engine(
                    file, instrument=chosen, labels=book, invalid=invalid, preload=preload
                )
        except Fallback:
            pass
        else:
            report_reading_issues(responses, lang)
            return responses
    return read_input(
        [file],
        instrument=instrument,
        sheet=sheet,
        invalid=invalid,
        labels=labels,
        lang=lang,
        progress=progress,
        column_map=column_map,
    )
