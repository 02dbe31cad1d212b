"""The ``skm`` command line. Each command lives in its own module and is registered here."""

from __future__ import annotations

import typer

from skm import __version__

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


def _version(value: bool) -> None:
    if value:
        typer.echo(f"skm {__version__}")
        raise typer.Exit


@app.callback()
def _root(
    version: bool = typer.Option(
        False, "--version", callback=_version, is_eager=True, help="Tampilkan versi. / Show the version."
    ),
) -> None:
    """Survei Kepuasan Masyarakat (PermenPANRB 14/2017)."""


def _register() -> None:
    from skm.cli import check, poster, publish, rank, report, sample, score, sql, stats, template  # noqa: PLC0415

    for module in (sample, score, check, stats, template, report, poster, rank, publish, sql):
        module.register(app)


_register()


def main() -> None:
    """Entry point of the console script."""
    app()
