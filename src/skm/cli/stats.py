"""``skm stats FILE``: can the number be trusted? Reliability, validity, intervals, comparisons
and data-quality flags, each with its method."""

from __future__ import annotations

import io
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
    PreviousOption,
    SheetOption,
    TableJson,
    command_inputs,
    error_boundary,
    filter_by_period,
    parse_map_option,
    parse_period_option,
    print_renderable,
    read_previous_input,
)
from skm.errors import ExitCode, InvalidPolicy, IssueCode, SkmError
from skm.text import Lang, t

__all__ = ["register"]

DEFAULT_SEED = 20170614  # same as skm.analysis.stats.DEFAULT_SEED (kept here so --help does not import numpy)
DEFAULT_RESAMPLES = 2000


FileArgument = Annotated[
    Path,
    typer.Argument(
        metavar="BERKAS",
        readable=False,
        help="Berkas jawaban (.xlsx, .xlsb, .xls, .ods, .csv). / Responses file.",
        show_default=False,
    ),
]
ByOption = Annotated[
    str | None,
    typer.Option(
        "--by",
        metavar="KOLOM",
        help="Bandingkan kelompok kolom ini (mis. layanan) dengan Kruskal–Wallis/Mann–Whitney. / Compare groups.",
    ),
]
PopulationOption = Annotated[
    int | None,
    typer.Option(
        "--population",
        min=1,
        metavar="N",
        help="Jumlah populasi: hitung margin of error yang dicapai. / Population size: margin of error.",
    ),
]
ExcludeFlaggedOption = Annotated[
    bool,
    typer.Option(
        "--exclude-flagged",
        help="Hitung ulang tanpa baris bertanda (seragam, ganda, di luar periode). / Re-score without flags.",
    ),
]
SeedOption = Annotated[
    int, typer.Option("--seed", metavar="N", help="Seed bootstrap (hasil dapat diulang). / Bootstrap seed.")
]
ResamplesOption = Annotated[
    int,
    typer.Option("--resamples", min=100, metavar="N", help="Jumlah ulangan bootstrap. / Bootstrap resamples."),
]
ServicePopulationOption = Annotated[
    list[str] | None,
    typer.Option(
        "--service-population",
        metavar="NAMA=POPULASI",
        help="Populasi per layanan, berulang: IKM terbobot populasi layanan di samping IKM gabungan. "
        '--service-population "KTP-el=1200". / Per-service population: post-stratified IKM.',
    ),
]
MinGroupOption = Annotated[
    int,
    typer.Option("--min-group", min=2, metavar="N", help="Kelompok lebih kecil tidak dinilai/diuji. / Smaller groups."),
]
FormatOption = Annotated[TableJson, typer.Option("--format", help="table atau json.")]


def stats(
    file: FileArgument,
    by: ByOption = None,
    previous: PreviousOption = None,
    population: PopulationOption = None,
    period: PeriodOption = None,
    exclude_flagged: ExcludeFlaggedOption = False,
    seed: SeedOption = DEFAULT_SEED,
    resamples: ResamplesOption = DEFAULT_RESAMPLES,
    service_population: ServicePopulationOption = None,
    min_group: MinGroupOption = 5,
    sheet: SheetOption = None,
    invalid: InvalidOption = InvalidPolicy.ERROR,
    labels: LabelsOption = None,
    column_map: MapOption = None,
    output_format: FormatOption = TableJson.TABLE,
    output: OutputOption = None,
    instrument: InstrumentOption = None,
    force: ForceOption = False,
    lang: LangOption = Lang.ID,
    debug: DebugOption = False,
) -> None:
    """Uji keandalan angka IKM. / How far the IKM can be trusted.

    Cronbach's alpha dan validitas (r hitung vs r tabel) tiap unsur, interval kepercayaan 95%
    bootstrap untuk NRR dan IKM, peluang tiap mutu, perbandingan kelompok/periode, dan tanda
    mutu data. Setiap angka disertai metodenya.
    """

    with error_boundary(lang, debug):
        from skm.cli.sample import parse_services  # noqa: PLC0415 - the same NAMA=N parsing as skm report
        from skm.readers.responses import Responses  # noqa: PLC0415

        services = parse_services(service_population or [], None, lang)

        the_period = parse_period_option(period)  # SkmError: translated, exit 2
        show = output_format is TableJson.TABLE
        from skm.cli.engine_input import STATS_MODULES, read_responses_input  # noqa: PLC0415

        responses = read_responses_input(
            file,
            instrument=instrument,
            sheet=sheet,
            invalid=invalid,
            labels=labels,
            lang=lang,
            progress=show,
            column_map=parse_map_option(column_map, lang),
            preload=[*STATS_MODULES, *_RENDER_MODULES[output_format]],
        )
        from skm.analysis.stats import analyse  # noqa: PLC0415 - imported during a large CSV's read

        responses = filter_by_period(responses, the_period, lang)
        earlier: Responses | None = None
        if previous is not None:
            loaded = read_previous_input(
                previous, current=responses, invalid=invalid, labels=labels, lang=lang, progress=show
            )
            if not isinstance(loaded, Responses):  # a JSON result: figures only, no respondents to test
                raise SkmError(
                    IssueCode.INVALID_OPTION, ExitCode.USAGE, reason=t("stats-previous-json", lang, file=previous.name)
                )
            earlier = loaded
        result = analyse(
            responses,
            by=by,
            previous=earlier,
            population=population,
            period=the_period,
            exclude_flagged=exclude_flagged,
            seed=seed,
            resamples=resamples,
            min_group=min_group,
            service_populations=services or None,
        )
        if output_format is TableJson.TABLE:
            from skm.render.stats_console import stats_renderable  # noqa: PLC0415

            if output is None:
                print_renderable(stats_renderable(result, lang))
                return
            from rich.console import Console  # noqa: PLC0415

            console = Console(file=io.StringIO(), width=120, color_system=None)
            console.print(stats_renderable(result, lang))
            text = console.file.getvalue()  # type: ignore[attr-defined]
        else:
            from skm.render.json import dumps, stats_to_dict  # noqa: PLC0415

            text = dumps(stats_to_dict(result, lang)) + "\n"
        if output is None:
            typer.echo(text, nl=False)
            return
        from skm.output import write_atomic  # noqa: PLC0415

        inputs = command_inputs([file], labels=labels, instrument=instrument, extra=[previous])
        write_atomic(output, text, inputs=inputs, force=force)


# what writing each format imports (skm.cli.engine_input imports them while DuckDB parses a large CSV)
_RENDER_MODULES = {
    TableJson.TABLE: ["skm.render.stats_console", "rich.console"],
    TableJson.JSON: ["skm.render.json"],
}


def register(app: typer.Typer) -> None:
    """Add the command to the app."""
    app.command("stats")(stats)
