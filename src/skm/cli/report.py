"""``skm report FILE``: a publishable report (md, html, xlsx, docx, json) from the responses file."""

from __future__ import annotations

from collections.abc import Callable, Sequence
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
    RoundIndexOption,
    RoundNrrOption,
    SheetOption,
    UnitOption,
    WeightOption,
    command_inputs,
    error_boundary,
    filter_by_period,
    output_path,
    parse_map_option,
    parse_period_option,
    read_previous_input,
    stderr_console,
)
from skm.core.calc import ScoringRules, WeightPolicy
from skm.errors import InvalidPolicy
from skm.text import Lang, t

if TYPE_CHECKING:
    from skm.analysis.facts import ReportData
    from skm.core.periods import Period
    from skm.readers.report_config import ReportInfo

__all__ = ["ConfigOption", "gather", "note_placeholders", "register", "report_info"]


class ReportFormat(StrEnum):
    """Output formats of ``skm report``."""

    MD = "md"
    HTML = "html"
    XLSX = "xlsx"
    DOCX = "docx"
    JSON = "json"


ConfigOption = Annotated[
    Path | None,
    typer.Option(
        "--config",
        metavar="BERKAS",
        help="report.toml: unit, kepala dan NIP, metode, lokasi, waktu, tim, logo, tindak lanjut "
        "(lihat docs/report.md). / Report settings file.",
    ),
]


def default_output(source: Path, fmt: ReportFormat) -> Path:
    """``<input stem>_laporan.<ext>`` beside the input."""
    return source.with_name(f"{source.stem}_laporan.{fmt.value}")


FileArgument = Annotated[
    Path | None,
    typer.Argument(
        metavar="BERKAS",
        readable=False,
        help="Berkas jawaban (.xlsx, .xlsb, .xls, .ods, .csv). / Responses file.",
        show_default=False,
    ),
]
ExampleOption = Annotated[
    bool,
    typer.Option(
        "--example",
        help="Laporan dari contoh bawaan paket (ditulis di folder kerja). / Report on the bundled example.",
    ),
]
FormatOption = Annotated[ReportFormat, typer.Option("--format", "-f", help="md, html, xlsx, docx atau json.")]
ReportOutputOption = Annotated[
    Path | None,
    typer.Option(
        "--output",
        "-o",
        parser=output_path,
        metavar="BERKAS",
        help="Berkas laporan (default: <nama berkas>_laporan.<format> di samping berkas jawaban). / Output file.",
    ),
]
PeriodLabelOption = Annotated[
    str | None,
    typer.Option(
        "--period-label",
        metavar="TEKS",
        help="Periode yang ditulis di laporan, mis. 'Triwulan I 2026' (default: nama --period). "
        "/ Period shown in the report (default: the --period's name).",
    ),
]
PopulationOption = Annotated[
    int | None,
    typer.Option(
        "--population",
        min=1,
        metavar="N",
        help="Populasi penerima layanan: sampel minimum Krejcie & Morgan dan apakah terpenuhi. / Population.",
    ),
]
ServicePopulationOption = Annotated[
    list[str] | None,
    typer.Option(
        "--service-population",
        metavar="NAMA=POPULASI",
        help='Populasi per layanan, berulang: --service-population "KTP-el=1200". / Per-service population.',
    ),
]
PlanOption = Annotated[
    Path | None,
    typer.Option(
        "--plan",
        metavar="BERKAS",
        readable=False,
        help="Rencana tindak lanjut (csv/xlsx: unsur, program/kegiatan, waktu, penanggung jawab). / Plan file.",
    ),
]
PreviousListOption = Annotated[
    list[Path] | None,
    typer.Option(
        "--previous",
        metavar="BERKAS",
        help="Periode lalu: berkas jawaban atau JSON skm score/report; berulang atau satu folder untuk tren "
        "beberapa periode (urut dari yang terlama). / Earlier period(s): responses or JSON; repeat or a folder.",
    ),
]
PreviousPeriodOption = Annotated[
    list[str] | None,
    typer.Option(
        "--previous-period",
        metavar="TEKS",
        help="Nama periode tiap --previous, berulang, urutan sama (mis. 2025-TW4). / Name of each earlier period.",
    ),
]
HeadOption = Annotated[
    str | None,
    typer.Option("--head", metavar="NAMA", help="Nama kepala unit (penanda tangan). / Head of the unit."),
]
NipOption = Annotated[str | None, typer.Option("--nip", metavar="NIP", help="NIP kepala unit. / Head's NIP.")]
LogoOption = Annotated[
    Path | None,
    typer.Option("--logo", metavar="BERKAS", help="Logo (PNG/JPEG) di sampul. / Cover logo."),
]
StatsOption = Annotated[
    bool,
    typer.Option(
        "--stats/--no-stats",
        help="Sertakan uji validitas, reliabilitas dan interval 95% (seperti skm stats). / Include statistics.",
    ),
]


def report(
    file: FileArgument = None,
    example: ExampleOption = False,
    output_format: FormatOption = ReportFormat.HTML,
    output: ReportOutputOption = None,
    force: ForceOption = False,
    unit: UnitOption = None,
    period: PeriodOption = None,
    period_label: PeriodLabelOption = None,
    population: PopulationOption = None,
    service_population: ServicePopulationOption = None,
    plan: PlanOption = None,
    previous: PreviousListOption = None,
    previous_period: PreviousPeriodOption = None,
    config: ConfigOption = None,
    head: HeadOption = None,
    nip: NipOption = None,
    logo: LogoOption = None,
    instrument: InstrumentOption = None,
    sheet: SheetOption = None,
    invalid: InvalidOption = InvalidPolicy.ERROR,
    labels: LabelsOption = None,
    column_map: MapOption = None,
    weight: WeightOption = WeightPolicy.EXACT,
    round_nrr: RoundNrrOption = None,
    round_index: RoundIndexOption = None,
    with_stats: StatsOption = True,
    lang: LangOption = Lang.ID,
    debug: DebugOption = False,
) -> None:
    """Buat laporan SKM siap terbit dari berkas jawaban. / Write a publishable SKM report.

    Format md (Markdown), html (satu berkas, grafik SVG, siap 'Print to PDF'), xlsx (lembar kerja
    dengan grafik Excel), docx (dokumen Word yang dapat disunting) atau json.
    """
    with error_boundary(lang, debug):
        from skm.cli.common import fail_usage  # noqa: PLC0415
        from skm.cli.sample import parse_services  # noqa: PLC0415 - the same NAMA=N parsing as skm sample
        from skm.output import check_output, write_atomic  # noqa: PLC0415

        if (file is None) == (not example):
            fail_usage(t("score-no-file", lang))
        if file is None:
            from skm.cli.score import example_path  # noqa: PLC0415

            file = example_path()
            # never beside the bundled file (inside the installed package): in the working folder
            output = output or Path(default_output(file, output_format).name)
        wanted = parse_period_option(period)  # a usage error before any reading
        services = parse_services(service_population or [], None, lang)
        if population is not None and services and population != sum(services.values()):
            fail_usage(t("report-population-mismatch", lang, population=population, total=sum(services.values())))
        target = output or default_output(file, output_format)
        earlier = previous_files(previous or [])
        if previous_period and len(previous_period) != len(earlier):
            fail_usage(t("report-previous-periods", lang, names=len(previous_period), files=len(earlier)))
        inputs = command_inputs([file], labels=labels, instrument=instrument, extra=[plan, *earlier, config, logo])
        check_output(target, inputs=inputs, force=force)
        info = report_info(config, head=head, nip=nip, logo=logo, lang=lang)
        data = gather(
            file,
            column_map=parse_map_option(column_map, lang),
            instrument=instrument,
            sheet=sheet,
            invalid=invalid,
            labels=labels,
            lang=lang,
            rules=ScoringRules(weight=weight, nrr_decimals=round_nrr, index_decimals=round_index),
            with_stats=with_stats,
            population=population,
            services=services or None,
            unit=unit or info.unit,
            wanted=wanted,
            period_label=period_label,
            plan=plan,
            previous=earlier,
            previous_names=previous_period or (),
            info=info,
            preload=[*_RENDER_MODULES[output_format], "rich.console"],
        )
        write_atomic(target, _renderer(output_format, data), inputs=inputs, force=force)
        stderr_console().print(t("report-written", lang, file=target), markup=False)
        note_capped(data, output_format)
        note_placeholders(info, lang)


def report_info(config: Path | None, *, head: str | None, nip: str | None, logo: Path | None, lang: Lang) -> ReportInfo:
    """The report settings from ``--config`` and the options (which win). Call inside ``error_boundary``."""
    from dataclasses import replace  # noqa: PLC0415

    from skm.readers.report_config import ReportInfo, load_report_config, read_logo  # noqa: PLC0415

    info = load_report_config(config) if config is not None else ReportInfo()
    if head:
        info = replace(info, head=head)
    if nip:
        info = replace(info, nip=nip)
    if logo is not None:
        info = replace(info, logo=read_logo(logo))
    return info


PREVIOUS_SUFFIXES = (".json", ".csv", ".xlsx", ".xls", ".ods")


def previous_files(paths: Sequence[Path]) -> list[Path]:
    """``--previous`` files in order; a folder stands for its responses and JSON files, by name."""
    out: list[Path] = []
    for path in paths:
        if path.is_dir():
            out.extend(sorted(p for p in path.iterdir() if p.is_file() and p.suffix.lower() in PREVIOUS_SUFFIXES))
        else:
            out.append(path)
    return out


def note_capped(data: ReportData, output_format: ReportFormat) -> None:
    """After writing a document: say on stderr when its per-respondent table lists only the first rows."""
    if output_format is ReportFormat.JSON or len(data.tabulated) == len(data.answers):
        return
    from skm.text.report import tr  # noqa: PLC0415

    text = tr("tabulation-capped", data.lang, shown=len(data.tabulated), total=len(data.answers))
    stderr_console().print(text, markup=False)


def note_placeholders(info: ReportInfo, lang: Lang) -> None:
    """After writing: say on stderr which settings the report shows as placeholders."""
    missing = info.missing()
    if missing:
        stderr_console().print(t("report-config-missing", lang, keys=", ".join(missing)), markup=False)


# what gather imports after the read (skm.cli.engine_input imports them while DuckDB parses a large CSV)
_GATHER_MODULES = ("skm.analysis.score", "skm.analysis.trend", "skm.analysis.facts", "skm.readers.extras")
# what writing each format imports (the same, for the report command)
_RENDER_MODULES = {
    ReportFormat.JSON: ("skm.render.json",),
    ReportFormat.MD: ("skm.render.document.sections", "skm.render.document.markdown"),
    ReportFormat.HTML: ("skm.render.document.sections", "skm.render.document.html"),
    # the writers import their libraries when they write: preloaded too (openpyxl ≈ 0.4 s, python-docx
    # and Pillow ≈ 0.2 s), so that the import happens while DuckDB parses
    ReportFormat.XLSX: (
        "skm.render.document.sections",
        "skm.render.document.xlsx",
        "openpyxl",
        "openpyxl.styles",
        "openpyxl.chart",
        "openpyxl.chart.series",
        "openpyxl.chart.marker",
        "openpyxl.chart.shapes",
        "openpyxl.chart.legend",
        "openpyxl.drawing.line",
        "openpyxl.utils",
    ),
    ReportFormat.DOCX: (
        "skm.render.document.sections",
        "skm.render.document.docx",
        "skm.render.document.charts",
        "docx",
        "docx.oxml",
        "docx.oxml.ns",
        "docx.shared",
        "docx.enum.text",
        "docx.enum.section",
        "PIL.Image",
        "PIL.ImageDraw",
        "PIL.ImageFont",
    ),
}


def gather(
    file: Path,
    *,
    instrument: str | None,
    sheet: str | None,
    invalid: InvalidPolicy,
    labels: Path | None,
    lang: Lang,
    rules: ScoringRules,
    with_stats: bool,
    population: int | None = None,
    services: dict[str, int] | None = None,
    unit: str | None = None,
    wanted: Period | None = None,
    period_label: str | None = None,
    plan: Path | None = None,
    previous: Sequence[Path] = (),
    previous_names: Sequence[str] = (),
    info: ReportInfo | None = None,
    column_map: dict[str, str] | None = None,
    preload: Sequence[str] = (),
) -> ReportData:
    """Read one responses file (keeping the respondents of ``wanted``, the ``--period`` filter) and
    gather what its report states (call inside ``error_boundary``). The modules used after the read
    (and ``preload``) are imported while the engine parses a large CSV."""
    from skm.cli.engine_input import STATS_MODULES, read_responses_input  # noqa: PLC0415

    responses = read_responses_input(
        file,
        instrument=instrument,
        sheet=sheet,
        invalid=invalid,
        labels=labels,
        lang=lang,
        progress=True,
        column_map=column_map,
        preload=[*_GATHER_MODULES, *(STATS_MODULES if with_stats else ()), *preload],
    )
    from concurrent.futures import ThreadPoolExecutor  # noqa: PLC0415
    from dataclasses import replace  # noqa: PLC0415

    from skm.analysis.facts import build_report, file_sha256  # noqa: PLC0415
    from skm.analysis.score import DEFAULT_MIN_GROUP, score_responses  # noqa: PLC0415
    from skm.analysis.trend import period_point, previous_trend  # noqa: PLC0415
    from skm.readers.extras import read_plan  # noqa: PLC0415

    responses = filter_by_period(responses, wanted, lang)
    with ThreadPoolExecutor(max_workers=1) as pool:  # the file's hash (no GIL) while the figures are computed
        digest = pool.submit(file_sha256, file) if file.is_file() else None
        by_service = (
            score_responses(responses, rules=rules, by=responses.profile["service"], min_group=DEFAULT_MIN_GROUP)
            if "service" in responses.profile
            else None
        )
        # the pooled result is the grouped one without its groups (score_responses computes it first): not twice
        result = (
            score_responses(responses, rules=rules)
            if by_service is None
            else replace(by_service, group_by=None, groups=())
        )
        plan_rows = read_plan(plan, result.instrument, lang) if plan is not None else None
        stats = None
        if with_stats:
            from skm.analysis.stats import analyse  # noqa: PLC0415 - numpy/scipy only when asked

            stats = analyse(responses, rules=rules, population=population, service_populations=services, scored=result)
        trend = None
        history = []
        for i, path in enumerate(previous):
            earlier = read_previous_input(path, current=responses, invalid=invalid, labels=labels, lang=lang)
            name = previous_names[i] if i < len(previous_names) else None
            history.append(period_point(earlier, rules, name=name, lang=lang))
            if i == len(previous) - 1:  # the most recent earlier period: the element-by-element comparison
                trend = previous_trend(result, earlier, rules)
        return build_report(
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
            service_populations=services,
            stats=stats,
            info=info,
            history=history,
            sha256=digest.result() if digest is not None else None,
        )


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
