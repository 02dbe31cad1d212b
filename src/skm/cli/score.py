"""``skm score FILE``: the index, per element, with its priority table."""

from __future__ import annotations

import io
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from skm.cli.common import (
    DebugOption,
    ForceOption,
    InstrumentOption,
    InvalidOption,
    LabelsOption,
    LangOption,
    MapOption,
    OutputOption,
    PeriodOption,
    RoundIndexOption,
    RoundNrrOption,
    SheetOption,
    WeightOption,
    command_inputs,
    error_boundary,
    filter_by_period,
    parse_map_option,
    parse_period_option,
    print_renderable,
    read_input,
)
from skm.core.calc import WeightPolicy
from skm.errors import InvalidPolicy
from skm.text import Lang, t

__all__ = ["register"]


class ScoreFormat(StrEnum):
    """Output formats of ``skm score``."""

    TABLE = "table"
    JSON = "json"
    CSV = "csv"


EXAMPLE_NAME = "contoh_skm.csv"


def example_path() -> Path:
    """The example responses file bundled inside the package."""
    from importlib.resources import files  # noqa: PLC0415

    return Path(str(files("skm") / "data" / EXAMPLE_NAME))


def score(
    files: Annotated[
        list[Path] | None,
        typer.Argument(
            metavar="BERKAS",
            readable=False,
            help="Berkas jawaban (.xlsx, .xls, .ods, .csv), beberapa berkas atau folder. "
            "/ Responses file(s) or a folder.",
            show_default=False,
        ),
    ] = None,
    example: Annotated[
        bool, typer.Option("--example", help="Hitung contoh bawaan paket. / Score the bundled example.")
    ] = False,
    by: Annotated[
        str | None,
        typer.Option(
            "--by", metavar="KOLOM", help="Hitung per kelompok kolom ini (mis. layanan). / Group by this column."
        ),
    ] = None,
    min_group: Annotated[
        int,
        typer.Option(
            "--min-group", min=1, metavar="N", help="Kelompok lebih kecil dari ini ditandai. / Flag smaller groups."
        ),
    ] = 5,
    weight: WeightOption = WeightPolicy.EXACT,
    round_nrr: RoundNrrOption = None,
    round_index: RoundIndexOption = None,
    instrument: InstrumentOption = None,
    sheet: SheetOption = None,
    invalid: InvalidOption = InvalidPolicy.ERROR,
    period: PeriodOption = None,
    labels: LabelsOption = None,
    column_map: MapOption = None,
    output_format: Annotated[ScoreFormat, typer.Option("--format", help="table, json atau csv.")] = ScoreFormat.TABLE,
    output: OutputOption = None,
    force: ForceOption = False,
    lang: LangOption = Lang.ID,
    debug: DebugOption = False,
) -> None:
    """Hitung IKM dari berkas jawaban responden. / Compute the IKM from a responses file.

    Kolom unsur berjudul U1 … U9 (juga 'u1', 'U 1', 'Unsur 1') berisi jawaban 1–4; kolom lain
    disimpan sebagai atribut responden (untuk --by). Instrumen lain (--instrument) memakai kode
    dan kunci pertanyaannya sendiri (U1 … U14, u1a/u1b, U1.1).
    """
    from skm.cli.common import fail_usage  # noqa: PLC0415

    with error_boundary(lang, debug):
        paths = list(files or [])
        if example:
            paths.append(example_path())
        if not paths:
            fail_usage(t("score-no-file", lang))
        from skm.analysis.score import default_by, rules_of, score_responses  # noqa: PLC0415

        wanted = parse_period_option(period)  # a usage error before any reading
        responses = read_input(
            paths,
            instrument=instrument,
            sheet=sheet,
            invalid=invalid,
            labels=labels,
            lang=lang,
            progress=output_format is not ScoreFormat.JSON,
            column_map=parse_map_option(column_map, lang),
        )
        responses = filter_by_period(responses, wanted, lang)
        result = score_responses(
            responses,
            rules=rules_of(weight=weight, round_nrr=round_nrr, round_index=round_index),
            by=default_by(responses, by),  # several files or a folder: pooled, and per file
            min_group=min_group,
        )
        if output_format is ScoreFormat.TABLE and output is None:
            from skm.render.console import score_renderable  # noqa: PLC0415

            print_renderable(score_renderable(result, lang, title=responses.source, min_group=min_group))
            return
        if output_format is ScoreFormat.CSV:
            from skm.render.csv import result_csv  # noqa: PLC0415

            text = result_csv(result)
        elif output_format is ScoreFormat.JSON:
            from skm.render.json import dumps, result_to_dict  # noqa: PLC0415

            text = dumps(result_to_dict(result, lang)) + "\n"
        else:
            from rich.console import Console  # noqa: PLC0415

            from skm.render.console import score_renderable  # noqa: PLC0415

            console = Console(file=io.StringIO(), width=120, color_system=None)
            console.print(score_renderable(result, lang, title=responses.source, min_group=min_group))
            text = console.file.getvalue()  # type: ignore[attr-defined]
        if output is None:
            typer.echo(text, nl=False)
            return
        from skm.output import write_atomic  # noqa: PLC0415

        write_atomic(output, text, inputs=command_inputs(paths, labels=labels, instrument=instrument), force=force)


def register(app: typer.Typer) -> None:
    """Add the command to the app."""
    app.command("score")(score)
