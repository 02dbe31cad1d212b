"""``skm report FILE``: a publishable report (md, html, xlsx, docx, json) from the responses file."""

from __future__ import annotations

from collections.abc import Callable
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from skm.cli.common import (
    DebugOption,
    ForceOption,
    InstrumentOption,
    InvalidOption,
    LabelsOption,
    LangOption,
    MapOption,
    PeriodOption,
    PreviousOption,
    RoundIndexOption,
    RoundNrrOption,
    SheetOption,
    WeightOption,
    command_inputs,
    error_boundary,
    filter_by_period,
    output_path,
    parse_map_option,
    parse_period_option,
    read_input,
    read_previous_input,
    stderr_console,
)
from skm.core.calc import WeightPolicy
from skm.errors import InvalidPolicy
from skm.text import Lang, t

if TYPE_CHECKING:
    from skm.analysis.facts import ReportData

__all__ = ["register"]


class ReportFormat(StrEnum):
    """Output formats of ``skm report``."""

    MD = "md"
    HTML = "html"
    XLSX = "xlsx"
    DOCX = "docx"
    JSON = "json"


def default_output(source: Path, fmt: ReportFormat) -> Path:
    """``<input stem>_laporan.<ext>`` beside the input."""
    return source.with_name(f"{source.stem}_laporan.{fmt.value}")


def report(
    file: Annotated[
        Path,
        typer.Argument(
            metavar="BERKAS",
            readable=False,
            help="Berkas jawaban (.xlsx, .xls, .ods, .csv). / Responses file.",
            show_default=False,
        ),
    ],
    output_format: Annotated[
        ReportFormat, typer.Option("--format", "-f", help="md, html, xlsx, docx atau json.")
    ] = ReportFormat.HTML,
    output: Annotated[
        Path | None,
        typer.Option(
            "--output",
            "-o",
            parser=output_path,
            metavar="BERKAS",
            help="Berkas laporan (default: <nama berkas>_laporan.<format> di samping berkas jawaban). / Output file.",
        ),
    ] = None,
    force: ForceOption = False,
    unit: Annotated[
        str | None, typer.Option("--unit", metavar="NAMA", help="Nama unit pelayanan. / Service unit name.")
    ] = None,
    period: PeriodOption = None,
    period_label: Annotated[
        str | None,
        typer.Option(
            "--period-label",
            metavar="TEKS",
            help="Periode yang ditulis di laporan, mis. 'Triwulan I 2026' (default: nama --period). "
            "/ Period shown in the report (default: the --period's name).",
        ),
    ] = None,
    population: Annotated[
        int | None,
        typer.Option(
            "--population",
            min=1,
            metavar="N",
            help="Populasi penerima layanan: sampel minimum Krejcie & Morgan dan apakah terpenuhi. / Population.",
        ),
    ] = None,
    service_population: Annotated[
        list[str] | None,
        typer.Option(
            "--service-population",
            metavar="NAMA=POPULASI",
            help='Populasi per layanan, berulang: --service-population "KTP-el=1200". / Per-service population.',
        ),
    ] = None,
    plan: Annotated[
        Path | None,
        typer.Option(
            "--plan",
            metavar="BERKAS",
            readable=False,
            help="Rencana tindak lanjut (csv/xlsx: unsur, program/kegiatan, waktu, penanggung jawab). / Plan file.",
        ),
    ] = None,
    previous: PreviousOption = None,
    instrument: InstrumentOption = None,
    sheet: SheetOption = None,
    invalid: InvalidOption = InvalidPolicy.ERROR,
    labels: LabelsOption = None,
    column_map: MapOption = None,
    weight: WeightOption = WeightPolicy.EXACT,
    round_nrr: RoundNrrOption = None,
    round_index: RoundIndexOption = None,
    with_stats: Annotated[
        bool,
        typer.Option(
            "--stats/--no-stats",
            help="Sertakan uji validitas, reliabilitas dan interval 95% (seperti skm stats). / Include statistics.",
        ),
    ] = True,
    lang: LangOption = Lang.ID,
    debug: DebugOption = False,
) -> None:
    """Buat laporan SKM siap terbit dari berkas jawaban. / Write a publishable SKM report.

    Format md (Markdown), html (satu berkas, grafik SVG, siap 'Print to PDF'), xlsx (lembar kerja
    dengan grafik Excel), docx (dokumen Word yang dapat disunting) atau json.
    """
    with error_boundary(lang, debug):
        from skm.analysis.facts import build_report  # noqa: PLC0415
        from skm.analysis.score import DEFAULT_MIN_GROUP, score_responses  # noqa: PLC0415
        from skm.analysis.trend import previous_trend  # noqa: PLC0415
        from skm.cli.sample import parse_services  # noqa: PLC0415 - the same NAMA=N parsing as skm sample
        from skm.core.calc import ScoringRules  # noqa: PLC0415
        from skm.output import check_output, write_atomic  # noqa: PLC0415
        from skm.readers.extras import read_plan  # noqa: PLC0415

        wanted = parse_period_option(period)  # a usage error before any reading
        services = parse_services(service_population or [], None, lang)
        if population is not None and services and population != sum(services.values()):
            from skm.cli.common import fail_usage  # noqa: PLC0415

            fail_usage(t("report-population-mismatch", lang, population=population, total=sum(services.values())))
        target = output or default_output(file, output_format)
        inputs = command_inputs([file], labels=labels, instrument=instrument, extra=[plan, previous])
        check_output(target, inputs=inputs, force=force)
        responses = read_input(
            [file],
            instrument=instrument,
            sheet=sheet,
            invalid=invalid,
            labels=labels,
            lang=lang,
            progress=True,
            column_map=parse_map_option(column_map, lang),
        )
        responses = filter_by_period(responses, wanted, lang)
        rules = ScoringRules(weight=weight, nrr_decimals=round_nrr, index_decimals=round_index)
        result = score_responses(responses, rules=rules)
        by_service = (
            score_responses(responses, rules=rules, by=responses.profile["service"], min_group=DEFAULT_MIN_GROUP)
            if "service" in responses.profile
            else None
        )
        plan_rows = read_plan(plan, result.instrument, lang) if plan is not None else None
        stats = None
        if with_stats:
            from skm.analysis.stats import analyse  # noqa: PLC0415 - numpy/scipy only when asked

            stats = analyse(responses, rules=rules, population=population, service_populations=services or None)
        trend = None
        if previous is not None:
            earlier = read_previous_input(previous, current=responses, invalid=invalid, labels=labels, lang=lang)
            trend = previous_trend(result, earlier, rules)
        data = build_report(
            responses,
            result,
            path=file,
            lang=lang,
            unit=unit,
            period=period_label or (wanted.label if wanted is not None else None),
            population=population,
            by_service=by_service,
            plan=plan_rows,
            plan_source=plan.name if plan is not None else None,
            trend=trend,
            min_group=DEFAULT_MIN_GROUP,
            service_populations=services or None,
            stats=stats,
        )
        write_atomic(target, _renderer(output_format, data), inputs=inputs, force=force)
        stderr_console().print(t("report-written", lang, file=target), markup=False)


def _renderer(output_format: ReportFormat, data: ReportData) -> str | Callable[[Path], None]:
    """The text of the report, or a function writing it to a path (binary formats)."""
    from skm.render.document.sections import build_document  # noqa: PLC0415

    if output_format is ReportFormat.JSON:
        from skm.render.json import dumps, report_to_dict  # noqa: PLC0415

        return dumps(report_to_dict(data)) + "\n"
    document = build_document(data)
    if output_format is ReportFormat.MD:
        from skm.render.document.markdown import render_markdown  # noqa: PLC0415

        return render_markdown(document)
    if output_format is ReportFormat.HTML:
        from skm.render.document.html import render_html  # noqa: PLC0415

        return render_html(document)
    if output_format is ReportFormat.XLSX:
        from skm.render.document.xlsx import write_xlsx  # noqa: PLC0415

        return lambda path: write_xlsx(document, data, path)
    from skm.render.document.docx import write_docx  # noqa: PLC0415

    return lambda path: write_docx(document, path)


def register(app: typer.Typer) -> None:
    """Add the command to the app."""
    app.command("report")(report)
