"""The ``skm`` command line. Each command lives in its own module and is registered here.

``skm.cli.app`` has every command. The console script (:func:`main`) registers only the command
it runs when the first argument names one, so ``skm sample`` does not import the modules (and the
libraries) of ``skm report``; anything else (``--help``, ``--version``, a typo) gets every command.
"""

from __future__ import annotations

import gc
import os
import sys
from importlib import import_module

import typer

from skm import __version__

__all__ = ["COMMANDS", "app", "build_app", "main"]

app: typer.Typer  # every command (built on first use by __getattr__ below)

# every command, each in skm.cli.<name> with a register(app); in the order ``skm --help`` lists them
COMMANDS = ("sample", "score", "check", "stats", "template", "report", "poster", "rank", "publish", "sql")


def _version(value: bool) -> None:
    if value:
        typer.echo(f"skm {__version__}")
        raise typer.Exit


def _root(
    version: bool = typer.Option(
        False, "--version", callback=_version, is_eager=True, help="Tampilkan versi. / Show the version."
    ),
) -> None:
    """Survei Kepuasan Masyarakat (PermenPANRB 14/2017)."""


def build_app(only: str | None = None) -> typer.Typer:
    """The app with every command, or with the command ``only`` alone (one of :data:`COMMANDS`)."""
    app = typer.Typer(
        name="skm",
        help=(
            "Survei Kepuasan Masyarakat (PermenPANRB 14/2017): hitung IKM secara eksak, tentukan "
            "ukuran sampel, dan buat laporan. / Compute the IKM exactly, size surveys, write reports."
        ),
        no_args_is_help=True,
        pretty_exceptions_enable=False,
        pretty_exceptions_show_locals=False,
        add_completion=False,
        context_settings={"help_option_names": ["-h", "--help"]},
        rich_markup_mode=None,
    )
    app.callback()(_root)
    for name in COMMANDS if only is None else (only,):
        import_module(f"skm.cli.{name}").register(app)
    return app


def __getattr__(name: str) -> typer.Typer:
    """``skm.cli.app``: the app with every command, built on first use."""
    if name == "app":
        full = build_app()
        globals()["app"] = full
        return full
    raise AttributeError(name)


def main() -> None:
    """Entry point of the console script (and ``python -m skm``).

    When the command is done (its outputs written and closed, the exit code decided), every object
    left is frozen (:func:`gc.freeze`): the interpreter's shutdown then runs no cycle-collector pass
    over the objects of numpy, pandas, pyarrow, DuckDB and skm (each such pass costs 0.06–0.1 s; at
    exit it came to ≈ 0.3 s after a large report and 0.12 s after ``skm score``). What their
    reference counts free is still freed, and atexit handlers and the flush of stdout and stderr still
    run. Library use (``skm.cli.app``, the tests' runner) does not pass here.

    Before any command imports numpy, its BLAS (OpenBLAS in numpy's wheels) is told to use one thread
    unless ``OPENBLAS_NUM_THREADS`` is already set: skm's matrix products are small and already run on
    one thread (``threadpoolctl`` in ``skm stats``/``report``/``rank``), and the thread per core OpenBLAS
    otherwise starts at import spins ≈ 0.1 s of CPU before it sleeps, on the cores the read is using."""
    os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
    first = sys.argv[1] if len(sys.argv) > 1 else None
    try:
        build_app(first if first in COMMANDS else None)()
    finally:
        gc.freeze()
