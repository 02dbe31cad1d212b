"""``skm rank FILES|FOLDER``: rank many service units honestly (league table, roll-up, change)."""

from __future__ import annotations

import io
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
    OutputOption,
    SheetOption,
    command_inputs,
    error_boundary,
    fail_usage,
    instrument_from_option,
    parse_map_option,
    stdout_console,
)
from skm.errors import InvalidPolicy, Issue
from skm.text import Lang, t

if TYPE_CHECKING:
    from skm.analysis.rank import Ranking

__all__ = ["register"]


class RankFormat(StrEnum):
    """Output formats of ``skm rank``."""

    TABLE = "table"
    MD = "md"
    HTML = "html"
    XLSX = "xlsx"
    CSV = "csv"
    JSON = "json"


FilesArgument = Annotated[
    list[Path] | None,
    typer.Argument(
        metavar="BERKAS",
        help="Berkas jawaban, folder atau berkas tallies (skm score --format tallies); satu unit per berkas "
        "(atau per nilai --unit-column / kolom kelompok tallies). / Responses files, folders or tallies "
        "files; one unit per file (or per --unit-column value / tallies group).",
        show_default=False,
    ),
]
UnitColumnOption = Annotated[
    str | None,
    typer.Option(
        "--unit-column",
        metavar="KOLOM",
        help="Kolom yang menamai unit (satu berkas besar, atau kolom kelompok berkas tallies). "
        "/ Column naming the unit (one big file, or a tallies file's group column).",
    ),
]
UnitsOption = Annotated[
    Path | None,
    typer.Option(
        "--units",
        metavar="BERKAS",
        dir_okay=False,
        help="CSV unit, nama, induk, populasi (nama, hierarki, sampel minimum). / CSV unit, name, parent, population.",
    ),
]
PreviousPathOption = Annotated[
    Path | None,
    typer.Option(
        "--previous",
        metavar="PATH",
        help="Periode sebelumnya: berkas/folder jawaban, berkas tallies atau JSON skm rank. "
        "/ Previous period: responses, tallies or skm rank JSON.",
    ),
]
MinRespondentsOption = Annotated[
    int,
    typer.Option(
        "--min-respondents",
        min=2,
        metavar="N",
        help="Unit dengan responden lebih sedikit tidak diperingkat. / Units with fewer are not ranked.",
    ),
]
ResamplesOption = Annotated[
    int,
    typer.Option("--resamples", min=100, max=100_000, metavar="B", help="Replikasi bootstrap. / Bootstrap replicates."),
]
SeedOption = Annotated[int, typer.Option("--seed", min=0, help="Seed bootstrap. / Bootstrap seed.")]
JobsOption = Annotated[
    int,
    typer.Option(
        "--jobs",
        "-j",
        min=1,
        max=64,
        metavar="N",
        help="Baca berkas unit dengan N proses (hasil sama). / Read unit files in N processes (same result).",
    ),
]
FormatOption = Annotated[RankFormat, typer.Option("--format", help="table, md, html, xlsx, csv atau json.")]


def rank(
    files: FilesArgument = None,
    unit_column: UnitColumnOption = None,
    units: UnitsOption = None,
    previous: PreviousPathOption = None,
    min_respondents: MinRespondentsOption = 5,
    resamples: ResamplesOption = 1000,
    seed: SeedOption = 20170101,
    jobs: JobsOption = 1,
    instrument: InstrumentOption = None,
    sheet: SheetOption = None,
    invalid: InvalidOption = InvalidPolicy.ERROR,
    labels: LabelsOption = None,
    column_map: MapOption = None,
    output_format: FormatOption = RankFormat.TABLE,
    output: OutputOption = None,
    force: ForceOption = False,
    lang: LangOption = Lang.ID,
    debug: DebugOption = False,
) -> None:
    """Peringkat unit pelayanan dengan interval dan kelompok. / Rank service units honestly.

    Unit yang selisihnya tidak lebih besar dari kebetulan berada dalam satu kelompok (uji
    berpasangan dengan koreksi Holm) dan rentang peringkatnya ditampilkan (bootstrap; untuk unit
    dari berkas tallies: batas galat baku yang konservatif); lihat docs/rank.md.
    """
    with error_boundary(lang, debug):
        paths = list(files or [])
        if not paths:
            fail_usage(t("rank-no-input", lang))
        if output_format is RankFormat.XLSX and output is None:
            fail_usage("--format xlsx memerlukan -o BERKAS" if lang is Lang.ID else "--format xlsx needs -o FILE")
        if output is not None:
            from skm.output import check_output  # noqa: PLC0415

            check_output(output, inputs=[*paths, *(p for p in (units, previous) if p is not None)], force=force)
        from skm.analysis.rank import rank_paths  # noqa: PLC0415
        from skm.cli.progress import reading  # noqa: PLC0415
        from skm.readers.labelfile import load_labels  # noqa: PLC0415

        mapping = parse_map_option(column_map, lang) or None  # a usage error before any reading
        chosen = instrument_from_option(instrument)
        book = load_labels(labels, chosen) if labels is not None else None
        with reading(f"{paths[0].name} …", enabled=output is not None or output_format is RankFormat.TABLE):
            ranking = rank_paths(
                paths,
                unit_column=unit_column,
                units_file=units,
                previous=previous,
                instrument=chosen,
                sheet=sheet,
                invalid=invalid,
                labels=book,
                column_map=mapping,
                min_respondents=min_respondents,
                resamples=resamples,
                seed=seed,
                lang=lang,
                jobs=jobs,
            )
        _report_issues(ranking.reading_issues, lang)
        _note_ignored_options(ranking, lang, sheet=sheet, invalid=invalid, labels=labels)
        from skm.render import rank as render  # noqa: PLC0415

        if output_format is RankFormat.TABLE and output is None:
            console = stdout_console()
            for part in render.ranking_renderables(ranking, lang):
                console.print(part)
            return
        before = [previous] if previous is not None else []  # a folder of last period's files counts too
        inputs = command_inputs([*paths, *before], labels=labels, instrument=instrument, extra=[units])
        if output_format is RankFormat.XLSX:
            from skm.output import write_atomic  # noqa: PLC0415

            assert output is not None
            write_atomic(output, lambda tmp: render.write_ranking_xlsx(ranking, tmp, lang), inputs=inputs, force=force)
            return
        text = _ranking_text(ranking, output_format, lang)
        if output is None:
            typer.echo(text, nl=False)
            return
        from skm.output import write_atomic  # noqa: PLC0415

        write_atomic(output, text, inputs=inputs, force=force)


def _ranking_text(ranking: Ranking, output_format: RankFormat, lang: Lang) -> str:
    """The ranking in a text format (``table`` as plain text for a file)."""
    from skm.render import rank as render  # noqa: PLC0415

    if output_format is RankFormat.JSON:
        from skm.render.json import dumps, ranking_to_dict  # noqa: PLC0415

        return dumps(ranking_to_dict(ranking, lang)) + "\n"
    if output_format is RankFormat.CSV:
        return render.ranking_csv(ranking)
    if output_format is RankFormat.MD:
        return render.ranking_markdown(ranking, lang)
    if output_format is RankFormat.HTML:
        return render.ranking_html(ranking, lang)
    from rich.console import Console  # noqa: PLC0415

    console = Console(file=io.StringIO(), width=160, color_system=None)
    for part in render.ranking_renderables(ranking, lang):
        console.print(part)
    return console.file.getvalue()  # type: ignore[no-any-return,attr-defined]


def _note_ignored_options(
    ranking: Ranking, lang: Lang, *, sheet: str | None, invalid: InvalidPolicy, labels: Path | None
) -> None:
    """Say on stderr which reading options did not apply to the units that came from tallies files."""
    from skm.analysis.rank import INTERVAL_TALLIES  # noqa: PLC0415
    from skm.cli.common import stderr_console  # noqa: PLC0415

    given = [
        name
        for name, used in (("--sheet", sheet is not None), ("--invalid", invalid is not InvalidPolicy.ERROR),
                           ("--labels", labels is not None))
        if used
    ]  # fmt: skip
    tallied = [u.unit for u in ranking.units if u.interval_method == INTERVAL_TALLIES]
    if not given or not tallied:
        return
    shown = ", ".join(tallied[:5]) + (", …" if len(tallied) > 5 else "")
    line = t("rank-tallies-options-ignored", lang, options=", ".join(given), count=len(tallied), units=shown)
    stderr_console().print(line, markup=False, highlight=False)


def _report_issues(issues: tuple[Issue, ...], lang: Lang, limit: int = 20) -> None:
    """Warnings and skipped cells on stderr (the first ``limit`` of each, then their count)."""
    from skm.cli.common import stderr_console  # noqa: PLC0415
    from skm.errors import Severity  # noqa: PLC0415
    from skm.text import issue_line  # noqa: PLC0415

    err = stderr_console()
    warnings = [i for i in issues if i.severity is Severity.WARNING]
    skipped = [i for i in issues if i.severity is Severity.ERROR]
    for key, group in (("warning-line", warnings), ("skipped-cell", skipped)):
        for issue in group[:limit]:
            err.print(t(key, lang, line=issue_line(issue, lang)), markup=False, highlight=False)
        if len(group) > limit:
            err.print(t("more-issues", lang, count=len(group) - limit), markup=False)
    if skipped:
        err.print(t("skipped-count", lang, count=len(skipped)), markup=False)


def register(app: typer.Typer) -> None:
    """Add the command to the app."""
    app.command("rank")(rank)
