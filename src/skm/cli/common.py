"""Options shared by several commands, output helpers and the error boundary.

Only the CLI layer imports typer and rich. Commands wire reader → core → renderer.
"""

from __future__ import annotations

import contextlib
import errno
import os
import sys
import traceback
from collections.abc import Iterator
from contextlib import contextmanager
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, NoReturn

import typer

from skm.core.calc import WeightPolicy
from skm.errors import ExitCode, InvalidPolicy, SkmError
from skm.text import Lang, error_text, t

if TYPE_CHECKING:
    from collections.abc import Sequence

    from rich.console import Console, RenderableType

    from skm.core.instrument import Instrument
    from skm.core.periods import Period
    from skm.readers import Responses
    from skm.readers.extras import PreviousSummary

__all__ = [
    "DebugOption",
    "ForceOption",
    "InstrumentOption",
    "InvalidOption",
    "LabelsOption",
    "LangOption",
    "MapOption",
    "OutputOption",
    "PeriodOption",
    "PreviousOption",
    "RoundIndexOption",
    "RoundNrrOption",
    "SheetOption",
    "UnitOption",
    "WeightOption",
    "command_inputs",
    "error_boundary",
    "fail_usage",
    "filter_by_period",
    "instrument_from_option",
    "output_path",
    "parse_map_option",
    "parse_period_option",
    "read_input",
    "read_previous_input",
    "report_reading_issues",
    "stderr_console",
    "stdout_console",
]


class TableJson(StrEnum):
    """Output formats of commands that print a table or JSON."""

    TABLE = "table"
    JSON = "json"


LangOption = Annotated[
    Lang,
    typer.Option(
        "--lang",
        envvar="SKM_LANG",
        help="Bahasa keluaran: id (Indonesia) atau en (English). / Output language.",
        case_sensitive=False,
    ),
]
DebugOption = Annotated[
    bool, typer.Option("--debug", help="Tampilkan traceback bila terjadi kesalahan. / Show tracebacks.")
]
ForceOption = Annotated[
    bool, typer.Option("--force", help="Timpa berkas keluaran yang sudah ada. / Overwrite an existing output.")
]


def output_path(value: str | Path) -> Path:
    """``-o`` value: a file name; ``hasil/`` (a folder name) is refused before anything is read."""
    text = str(value)
    if text.endswith(("/", os.sep)) or Path(text).name in {"", ".", ".."}:
        raise typer.BadParameter(
            f"{t('output-dir-name', Lang.ID, file=text)} / {t('output-dir-name', Lang.EN, file=text)}"
        )
    return Path(text)


OutputOption = Annotated[
    Path | None,
    typer.Option(
        "--output",
        "-o",
        help="Tulis ke berkas ini, bukan ke layar. / Write to this file instead of stdout.",
        parser=output_path,
        metavar="BERKAS",
    ),
]

InstrumentOption = Annotated[
    str | None,
    typer.Option(
        "--instrument",
        metavar="NAME|FILE",
        envvar="SKM_INSTRUMENT",
        help=(
            "Instrumen: permenpan-14-2017 (default), kepmenpan-25-2004, atau berkas .toml kustom "
            "(lihat docs/instrumen.md). / Built-in instrument name or a custom TOML file."
        ),
        show_default=False,
    ),
]


WeightOption = Annotated[
    WeightPolicy, typer.Option("--weight", help="Bobot: exact (1/k, default), 0.111 atau 0.11 (emulasi lama).")
]
RoundNrrOption = Annotated[
    int | None,
    typer.Option(
        "--round-nrr",
        min=2,
        max=3,
        metavar="2|3",
        help="Emulasi lama: bulatkan NRR ke 2 atau 3 desimal sebelum dibobot. / Legacy: round NRR first.",
    ),
]
RoundIndexOption = Annotated[
    int | None,
    typer.Option(
        "--round-index",
        min=2,
        max=4,
        metavar="2|3|4",
        help="Emulasi lama: bulatkan NI sebelum dikali 25 (laporan 2004: 3). / Legacy: round NI first.",
    ),
]
SheetOption = Annotated[
    str | None,
    typer.Option("--sheet", metavar="SHEET", help="Nama atau nomor sheet (xlsx). / Sheet name or number."),
]
InvalidOption = Annotated[
    InvalidPolicy,
    typer.Option(
        "--invalid",
        help="error: berhenti dan daftar sel tidak valid; skip: abaikan sel itu dan laporkan. / On invalid cells.",
    ),
]
LabelsOption = Annotated[
    Path | None,
    typer.Option(
        "--labels",
        metavar="BERKAS",
        readable=False,
        help="Berkas pemetaan label → nilai (.toml atau .csv). / Label → score mapping file.",
        dir_okay=False,
    ),
]
MapOption = Annotated[
    list[str] | None,
    typer.Option(
        "--map",
        metavar="KOLOM=PERTANYAAN",
        help="Kolom (huruf atau judul) berisi pertanyaan ini, mis. --map J=U5; boleh berulang. "
        "/ Column (letter or header) → question, e.g. --map J=U5; repeatable.",
        show_default=False,
    ),
]
PeriodOption = Annotated[
    str | None,
    typer.Option(
        "--period",
        metavar="PERIODE",
        help="Hanya responden bertanggal dalam periode ini: 2026, 2026-01, 2026-TW1, 2026-S1 atau "
        "2026-01-01..2026-03-31. / Only respondents dated in this period.",
    ),
]
UnitOption = Annotated[
    str | None, typer.Option("--unit", metavar="NAMA", help="Nama unit pelayanan. / Service unit name.")
]
PreviousOption = Annotated[
    Path | None,
    typer.Option(
        "--previous",
        metavar="BERKAS",
        help="Periode lalu: berkas jawaban atau JSON dari skm score/report --format json. "
        "/ Previous period: a responses file or a JSON result.",
        dir_okay=False,
    ),
]


def command_inputs(
    files: Sequence[Path],
    *,
    labels: Path | None = None,
    instrument: str | None = None,
    extra: Sequence[Path | None] = (),
) -> list[Path]:
    """Every file a command reads, for the output check: the files given, every file inside a
    folder given, ``--labels``, an ``--instrument`` file and the ``extra`` side files."""
    out: list[Path] = []
    for path in files:
        if path.is_dir():
            out.extend(p for p in path.iterdir() if p.is_file())
        out.append(path)
    out.extend(p for p in (labels, *extra) if p is not None)
    if instrument is not None and Path(instrument).is_file():
        out.append(Path(instrument))
    return out


def instrument_from_option(value: str | None) -> Instrument:
    """Resolve ``--instrument`` (call inside :func:`error_boundary`; raises ``SkmError``, exit 2)."""
    if value is None:
        from skm.core.instrument import PERMENPAN_14_2017  # noqa: PLC0415

        return PERMENPAN_14_2017
    from skm.readers.instrument_file import resolve_instrument  # noqa: PLC0415 - pydantic only when asked

    return resolve_instrument(value)


def read_input(
    files: Sequence[Path],
    *,
    instrument: str | Instrument | None,
    sheet: str | None,
    invalid: InvalidPolicy,
    labels: Path | None,
    lang: Lang,
    progress: bool = True,
    column_map: dict[str, str] | None = None,
) -> Responses:
    """Read the responses named on the command line: one file, several files or a folder
    (pooled, with a ``berkas`` column), with the options every reading command shares.

    Skipped invalid cells (``--invalid skip``) are listed on stderr, so nothing is dropped
    silently. Call inside :func:`error_boundary`.
    """
    from skm.analysis.score import load  # noqa: PLC0415
    from skm.cli.progress import reading  # noqa: PLC0415
    from skm.readers.labelfile import load_labels  # noqa: PLC0415

    chosen = instrument if not isinstance(instrument, str | None) else instrument_from_option(instrument)
    book = load_labels(labels, chosen) if labels is not None else None
    source: Path | list[str | Path] = files[0] if len(files) == 1 else list(files)
    with reading(f"{files[0].name} …", enabled=progress):
        responses = load(source, instrument=chosen, sheet=sheet, invalid=invalid, labels=book, column_map=column_map)
    report_reading_issues(responses, lang)
    return responses


def parse_map_option(values: Sequence[str] | None, lang: Lang) -> dict[str, str]:
    """``--map J=U5`` (repeatable) → ``{"J": "U5"}``; a value without ``=`` is a usage error (exit 2)."""
    out: dict[str, str] = {}
    for value in values or ():
        column, sep, question = value.rpartition("=")
        if not sep or not column.strip() or not question.strip():
            fail_usage(t("map-format", lang, value=value))
        out[column.strip()] = question.strip()
    return out


def parse_period_option(value: str | None) -> Period | None:
    """``--period`` parsed before any reading (a bad period is a usage error, exit 2)."""
    if value is None:
        return None
    from skm.core.periods import parse_period  # noqa: PLC0415

    return parse_period(value)  # PeriodError: a translated usage error naming the accepted forms


def filter_by_period(responses: Responses, period: Period | None, lang: Lang) -> Responses:
    """``--period``: keep the respondents dated in ``period``; say on stderr how many were left out."""
    if period is None:
        return responses
    from skm.readers.dates import filter_period  # noqa: PLC0415

    kept, left_out = filter_period(responses, period)
    if left_out:
        stderr_console().print(
            t("period-excluded", lang, count=left_out, period=period.label), markup=False, highlight=False
        )
    return kept


def read_previous_input(
    path: Path,
    *,
    current: Responses,
    invalid: InvalidPolicy,
    labels: Path | None,
    lang: Lang,
    progress: bool = True,
) -> Responses | PreviousSummary:
    """``--previous`` for every command: a responses file, read with the current instrument and the
    same ``--labels``/``--invalid`` (its own sheet found by itself), or a JSON result."""
    from skm.cli.progress import reading  # noqa: PLC0415
    from skm.readers.extras import read_previous  # noqa: PLC0415
    from skm.readers.labelfile import load_labels  # noqa: PLC0415
    from skm.readers.responses import Responses  # noqa: PLC0415

    book = load_labels(labels, current.instrument) if labels is not None else None
    with reading(f"{path.name} …", enabled=progress):
        previous = read_previous(path, instrument=current.instrument, invalid=invalid, labels=book, lang=lang)
    if isinstance(previous, Responses):
        report_reading_issues(previous, lang)
    return previous


def report_reading_issues(responses: Responses, lang: Lang, limit: int = 20) -> None:
    """List on stderr the warnings met while reading (header/label disagreement, rows below the
    summary block, unreadable dates …), then the invalid cells left out (the first ``limit``) and
    their count."""
    from skm.errors import Severity  # noqa: PLC0415
    from skm.text import issue_line  # noqa: PLC0415

    err = stderr_console()
    warnings = [i for i in responses.issues if i.severity is Severity.WARNING]
    for issue in warnings[:limit]:
        err.print(t("warning-line", lang, line=issue_line(issue, lang)), markup=False, highlight=False)
    if len(warnings) > limit:
        err.print(t("more-issues", lang, count=len(warnings) - limit), markup=False)
    if not responses.errors:
        return
    for issue in responses.errors[:limit]:
        err.print(t("skipped-cell", lang, line=issue_line(issue, lang)), markup=False, highlight=False)
    if len(responses.errors) > limit:
        err.print(t("more-issues", lang, count=len(responses.errors) - limit), markup=False)
    err.print(t("skipped-count", lang, count=len(responses.errors)), markup=False)


def stdout_console() -> Console:
    """Console for results (stdout); plain when not a terminal."""
    from rich.console import Console  # noqa: PLC0415 - rich only where something is printed

    return Console(highlight=False, soft_wrap=False, width=None if sys.stdout.isatty() else 120)


def stderr_console() -> Console:
    """Console for diagnostics (stderr). Not a terminal (a log, a pipe): one message, one line."""
    from rich.console import Console  # noqa: PLC0415

    tty = sys.stderr.isatty()
    return Console(stderr=True, highlight=False, width=None if tty else 120, soft_wrap=not tty)


def print_renderable(renderable: RenderableType) -> None:
    """Print to stdout."""
    stdout_console().print(renderable)


def fail_usage(reason: str) -> NoReturn:
    """One clear line on stderr, in the user's language as given, and the usage exit code.

    The reason is printed as text: a value in it (a file name, ``[labels]``) is never read as markup."""
    stderr_console().print(reason, style="red", markup=False, highlight=False)
    raise typer.Exit(ExitCode.USAGE)


@contextmanager
def error_boundary(lang: Lang, debug: bool) -> Iterator[None]:
    """Turn every failure into a message and a documented exit code (traceback only with --debug)."""
    debug = debug or bool(os.environ.get("SKM_DEBUG"))
    try:
        yield
    except typer.Exit:
        raise
    except SkmError as exc:
        if debug:
            traceback.print_exc()
        from skm.render.console import issues_renderable  # noqa: PLC0415

        console = stderr_console()
        console.print(issues_renderable(error_text(exc, lang), exc.issues, lang))
        from skm.readers.labelfile import unknown_labels  # noqa: PLC0415
        from skm.render.check import unknown_labels_text  # noqa: PLC0415

        hint = unknown_labels_text(unknown_labels(exc.issues), lang)
        if hint:
            console.print(hint, markup=False, highlight=False)
        raise typer.Exit(exc.exit_code) from None
    except KeyboardInterrupt:
        stderr_console().print(t("interrupted", lang))
        raise typer.Exit(ExitCode.INTERRUPTED) from None
    except OSError as exc:
        if exc.errno not in _OUTPUT_ERRNOS:
            _internal(exc, lang, debug)
        # stdout refused the result (full disk, closed pipe): exit 4, and no second complaint at exit
        with contextlib.suppress(OSError, ValueError):
            devnull = os.open(os.devnull, os.O_WRONLY)
            os.dup2(devnull, sys.stdout.fileno())
        reason = exc.strerror or type(exc).__name__
        stderr_console().print(
            t("output-unwritable", lang, file=t("stdout-name", lang), reason=reason), markup=False, highlight=False
        )
        raise typer.Exit(ExitCode.OUTPUT_ERROR) from None
    except Exception as exc:  # noqa: BLE001 - the one place that turns any bug into exit 70
        _internal(exc, lang, debug)


_OUTPUT_ERRNOS = frozenset({errno.ENOSPC, errno.EPIPE, errno.EFBIG, errno.EDQUOT, errno.EIO})


def _internal(exc: BaseException, lang: Lang, debug: bool) -> NoReturn:
    if debug:
        traceback.print_exception(exc)
    reason = f"{type(exc).__name__}: {str(exc)[:200]}"
    stderr_console().print(t("internal-error", lang, reason=reason), style="bold red", markup=False)
    raise typer.Exit(ExitCode.INTERNAL_ERROR) from None
