"""``skm sql``: print the SQL that computes skm's tallies inside a warehouse."""

from __future__ import annotations

from enum import StrEnum
from typing import Annotated

import typer

from skm.cli.common import DebugOption, InstrumentOption, LangOption, error_boundary
from skm.text import Lang

__all__ = ["register"]


class Dialect(StrEnum):
    """SQL dialects ``skm sql`` writes."""

    DUCKDB = "duckdb"
    POSTGRES = "postgres"
    BIGQUERY = "bigquery"
    SPARK = "spark"
    SQLITE = "sqlite"


def sql(
    table: Annotated[
        str, typer.Option("--table", metavar="TABEL", help="Tabel jawaban (boleh skema.tabel). / The responses table.")
    ] = "responses",
    dialect: Annotated[Dialect, typer.Option("--dialect", help="Dialek SQL. / SQL dialect.")] = Dialect.DUCKDB,
    long: Annotated[
        bool,
        typer.Option(
            "--long",
            help="Tabel panjang: satu baris per jawaban (responden, pertanyaan, nilai). "
            "/ Long table: one row per answer.",
        ),
    ] = False,
    by: Annotated[
        list[str] | None,
        typer.Option("--by", metavar="KOLOM", help="Kolom kelompok (boleh berulang). / Group column (repeatable)."),
    ] = None,
    respondent: Annotated[
        str, typer.Option("--respondent-column", metavar="KOLOM", help="--long: kolom id responden.")
    ] = "respondent_id",
    question: Annotated[
        str, typer.Option("--question-column", metavar="KOLOM", help="--long: kolom pertanyaan (u1 …).")
    ] = "question",
    answer: Annotated[str, typer.Option("--answer-column", metavar="KOLOM", help="--long: kolom nilai.")] = "answer",
    instrument: InstrumentOption = None,
    lang: LangOption = Lang.ID,
    debug: DebugOption = False,
) -> None:
    """Cetak SQL penghitung tallies di gudang data. / Print the SQL that computes the tallies in a warehouse.

    Hasilnya (kolom kelompok, question, answer, count) disimpan sebagai CSV/Parquet lalu dihitung
    eksak dengan `skm score tallies.csv`. Tabel lebar: kolom u1 … u9 berisi nilai 1–4; lihat docs/scale.md.
    """
    from skm.analysis.sql import SqlNameError, tallies_sql  # noqa: PLC0415
    from skm.cli.common import fail_usage, instrument_from_option  # noqa: PLC0415
    from skm.text import t  # noqa: PLC0415

    with error_boundary(lang, debug):
        chosen = instrument_from_option(instrument)
        try:
            text = tallies_sql(
                table,
                dialect=dialect.value,
                instrument=chosen,
                by=by or [],
                long=long,
                respondent=respondent,
                question=question,
                answer=answer,
            )
        except SqlNameError as exc:
            fail_usage(t("sql-bad-name", lang, name=exc.name))
        typer.echo(text, nl=False)


def register(app: typer.Typer) -> None:
    """Add the command to the app."""
    app.command("sql")(sql)
