"""``skm score FILE``: the index, per element, with its priority table."""

from __future__ import annotations

import csv
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
    OutputOption,
    RoundIndexOption,
    RoundNrrOption,
    SheetOption,
    WeightOption,
    command_inputs,
    error_boundary,
    print_renderable,
    read_input,
    stderr_console,
)
from skm.core.calc import WeightPolicy
from skm.errors import InvalidPolicy
from skm.text import Lang

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


def result_csv(result: object) -> str:
    """Per-element rows (and an IKM row) for the pooled result and each group."""
    from skm.core.calc import IkmResult  # noqa: PLC0415

    assert isinstance(result, IkmResult)
    from skm.render.safe import neutralise_formula  # noqa: PLC0415

    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")

    def write(row: list[object]) -> None:  # a group named "=HYPERLINK(…)" stays text in Excel
        writer.writerow([neutralise_formula(v) for v in row])

    write(
        [
            "group",
            "respondents",
            "code",
            "name",
            "answered",
            "sum",
            "nrr",
            "weighted",
            "converted",
            "grade",
            "instrument",
        ]
    )

    def emit(group: str, r: IkmResult) -> None:
        for e in r.elements:
            write(
                [
                    group,
                    r.respondents,
                    e.code,
                    e.name,
                    e.answered,
                    e.sum,
                    e.nrr_display,
                    e.weighted_display,
                    e.converted_display,
                    e.grade,
                    r.instrument.key,
                ]
            )
        write(
            [
                group,
                r.respondents,
                "IKM",
                "Nilai indeks / IKM",
                "",
                "",
                r.index_display,
                "",
                r.ikm_display,
                r.grade,
                r.instrument.key,
            ]
        )

    emit("", result)
    for g in result.groups:
        if g.result is not None:
            emit(g.group, g.result)
    return buffer.getvalue()


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
    period: Annotated[
        str | None,
        typer.Option(
            "--period",
            metavar="PERIODE",
            help="Hanya responden pada periode ini: 2026-01, 2026-TW1, 2026-S1 atau 2026. "
            "/ Only respondents dated in this period.",
        ),
    ] = None,
    labels: LabelsOption = None,
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
            fail_usage("beri BERKAS atau --example" if lang is Lang.ID else "give a FILE or --example")
        from skm.analysis.score import score_responses  # noqa: PLC0415
        from skm.core.calc import ScoringRules  # noqa: PLC0415
        from skm.readers.combine import FILE_COLUMN  # noqa: PLC0415
        from skm.readers.dates import parse_period  # noqa: PLC0415

        wanted = parse_period(period) if period is not None else None  # a usage error before any reading
        responses = read_input(
            paths,
            instrument=instrument,
            sheet=sheet,
            invalid=invalid,
            labels=labels,
            lang=lang,
            progress=output_format is not ScoreFormat.JSON,
        )
        # several files or a folder: pooled, and per file unless --by says otherwise
        by = by or (FILE_COLUMN if FILE_COLUMN in responses.frame.columns else None)
        if wanted is not None:
            from skm.readers.dates import filter_period  # noqa: PLC0415
            from skm.text import t  # noqa: PLC0415

            responses, left_out = filter_period(responses, wanted)
            if left_out:
                stderr_console().print(
                    t("period-excluded", lang, count=left_out, period=wanted.label), markup=False, highlight=False
                )
        result = score_responses(
            responses,
            rules=ScoringRules(weight=weight, nrr_decimals=round_nrr, index_decimals=round_index),
            by=by,
            min_group=min_group,
        )
        if output_format is ScoreFormat.TABLE and output is None:
            from skm.render.console import score_renderable  # noqa: PLC0415

            print_renderable(score_renderable(result, lang, title=responses.source, min_group=min_group))
            return
        if output_format is ScoreFormat.CSV:
            text = result_csv(result)
        elif output_format is ScoreFormat.JSON:
            from skm.render.json import dumps, result_to_dict  # noqa: PLC0415

            data = result_to_dict(result, lang)
            data["source"] = responses.source
            if responses.errors:
                data["skipped_cells"] = [i.as_dict() for i in responses.errors]
            warnings = [i.as_dict() for i in responses.issues if i not in responses.errors]
            if warnings:
                data["warnings"] = warnings
            text = dumps(data) + "\n"
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
