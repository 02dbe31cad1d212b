"""Options shared by several commands, output helpers and the error boundary.

Only the CLI layer imports typer and rich. Commands wire reader → core → renderer.
"""

from __future__ import annotations

import os
import sys
import traceback
from collections.abc import Iterator
from contextlib import contextmanager
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, NoReturn

import typer
from rich.console import Console, RenderableType

from skm.errors import ExitCode, SkmError
from skm.messages import Lang, error_text, t

if TYPE_CHECKING:
    from skm.instrument import Instrument

__all__ = [
    "DebugOption",
    "ForceOption",
    "InstrumentOption",
    "LangOption",
    "OutputOption",
    "error_boundary",
    "fail_usage",
    "instrument_from_option",
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
OutputOption = Annotated[
    Path | None,
    typer.Option(
        "--output",
        "-o",
        help="Tulis ke berkas ini, bukan ke layar. / Write to this file instead of stdout.",
        dir_okay=False,
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


def instrument_from_option(value: str | None) -> Instrument:
    """Resolve ``--instrument`` (call inside :func:`error_boundary`; raises ``SkmError``, exit 2)."""
    if value is None:
        from skm.instrument import PERMENPAN_14_2017  # noqa: PLC0415

        return PERMENPAN_14_2017
    from skm.instrument_file import resolve_instrument  # noqa: PLC0415 - pydantic only when asked

    return resolve_instrument(value)


def stdout_console() -> Console:
    """Console for results (stdout); plain when not a terminal."""
    return Console(highlight=False, soft_wrap=False, width=None if sys.stdout.isatty() else 120)


def stderr_console() -> Console:
    """Console for diagnostics (stderr)."""
    return Console(stderr=True, highlight=False, width=None if sys.stderr.isatty() else 120)


def print_renderable(renderable: RenderableType) -> None:
    """Print to stdout."""
    stdout_console().print(renderable)


def fail_usage(reason: str) -> NoReturn:
    """One clear line on stderr and the usage exit code."""
    stderr_console().print(f"[bold red]Error:[/] {reason}", markup=True, highlight=False)
    raise typer.Exit(ExitCode.USAGE)


@contextmanager
def error_boundary(lang: Lang, debug: bool) -> Iterator[None]:
    """Turn every failure into a message and a documented exit code (traceback only with --debug)."""
    from skm.render.console import issues_renderable  # noqa: PLC0415

    debug = debug or bool(os.environ.get("SKM_DEBUG"))
    try:
        yield
    except typer.Exit:
        raise
    except SkmError as exc:
        if debug:
            traceback.print_exc()
        console = stderr_console()
        console.print(issues_renderable(error_text(exc, lang), exc.issues, lang))
        raise typer.Exit(exc.exit_code) from None
    except KeyboardInterrupt:
        stderr_console().print(t("interrupted", lang))
        raise typer.Exit(ExitCode.INTERRUPTED) from None
    except Exception as exc:  # noqa: BLE001 - the one place that turns any bug into exit 70
        if debug:
            traceback.print_exc()
        reason = f"{type(exc).__name__}: {str(exc)[:200]}"
        stderr_console().print(t("internal-error", lang, reason=reason), style="bold red", markup=False)
        raise typer.Exit(ExitCode.INTERNAL_ERROR) from None
