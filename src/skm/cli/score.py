"""``skm score FILE``: the index, per element, with its priority table."""

from __future__ import annotations

import io
import os
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
from skm.errors import InvalidPolicy, Issue, Severity
from skm.text import Lang, t

if TYPE_CHECKING:
    from skm.core.calc import IkmResult
    from skm.core.tallies import TallySet

__all__ = ["register"]


class ScoreFormat(StrEnum):
    """Output formats of ``skm score``."""

    TABLE = "table"
    JSON = "json"
    CSV = "csv"
    TALLIES = "tallies"


EXAMPLE_NAME = "contoh_skm.csv"


def example_path() -> Path:
    """The example responses file bundled inside the package."""
    from importlib.resources import files  # noqa: PLC0415

    return Path(str(files("skm") / "data" / EXAMPLE_NAME))


FilesArgument = Annotated[
    list[Path] | None,
    typer.Argument(
        metavar="BERKAS",
        readable=False,
        help="Berkas jawaban (.xlsx, .xlsb, .xls, .ods, .csv, .parquet), beberapa berkas atau folder, atau berkas "
        "tallies. / Responses file(s), a folder, or tallies files.",
        show_default=False,
    ),
]

ExampleOption = Annotated[
    bool, typer.Option("--example", help="Hitung contoh bawaan paket. / Score the bundled example.")
]

ByOption = Annotated[
    str | None,
    typer.Option("--by", metavar="KOLOM", help="Hitung per kelompok kolom ini (mis. layanan). / Group by this column."),
]

MinGroupOption = Annotated[
    int,
    typer.Option(
        "--min-group", min=1, metavar="N", help="Kelompok lebih kecil dari ini ditandai. / Flag smaller groups."
    ),
]

FormatOption = Annotated[
    ScoreFormat,
    typer.Option(
        "--format",
        help="table, json, csv, atau tallies (agregat yang dapat digabung; Parquet bila -o berakhiran "
        ".parquet). / tallies: the mergeable aggregate.",
    ),
]


def score(
    files: FilesArgument = None,
    example: ExampleOption = False,
    by: ByOption = None,
    min_group: MinGroupOption = 5,
    weight: WeightOption = WeightPolicy.EXACT,
    round_nrr: RoundNrrOption = None,
    round_index: RoundIndexOption = None,
    instrument: InstrumentOption = None,
    sheet: SheetOption = None,
    invalid: InvalidOption = InvalidPolicy.ERROR,
    period: PeriodOption = None,
    labels: LabelsOption = None,
    column_map: MapOption = None,
    output_format: FormatOption = ScoreFormat.TABLE,
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
        from skm.analysis.score import default_by, rules_of, score_responses, score_tally_set  # noqa: PLC0415

        wanted = parse_period_option(period)  # a usage error before any reading
        rules = rules_of(weight=weight, round_nrr=round_nrr, round_index=round_index)
        fast = (
            None
            if column_map is not None  # --map: the reference reader applies it
            else _fast_path(
                paths,
                by=by,
                period=wanted,
                sheet=sheet,
                instrument=instrument,
                invalid=invalid,
                labels=labels,
                lang=lang,
            )
        )
        if fast is not None:
            tallies, source, issues, invalid_total = fast
            result = score_tally_set(
                tallies, rules=rules, min_group=min_group, source=source, issues=issues, invalid_total=invalid_total
            )
            _report_issues(issues, invalid_total, lang)
        else:
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
            grouping = default_by(responses, by)  # several files or a folder: pooled, and per file
            if output_format is ScoreFormat.TALLIES:
                from skm.analysis.score import tally_set  # noqa: PLC0415

                tallies = tally_set(responses, grouping)
            result = score_responses(responses, rules=rules, by=grouping, min_group=min_group)
            source = responses.source
        if output_format is ScoreFormat.TALLIES:
            from skm.render.tallies import tallies_bytes  # noqa: PLC0415

            payload = tallies_bytes(tallies, output.suffix if output is not None else ".csv")
            if output is None:
                typer.echo(payload.decode("utf-8"), nl=False)
                return
            from skm.output import write_atomic  # noqa: PLC0415

            inputs = command_inputs(paths, labels=labels, instrument=instrument)
            write_atomic(output, payload, inputs=inputs, force=force)
            return
        if output_format is ScoreFormat.TABLE and output is None:
            from skm.render.console import score_renderable  # noqa: PLC0415

            print_renderable(score_renderable(result, lang, title=source, min_group=min_group))
            return
        text = _render_text(result, output_format, lang, source=source, min_group=min_group)
        if output is None:
            typer.echo(text, nl=False)
            return
        from skm.output import write_atomic  # noqa: PLC0415

        write_atomic(output, text, inputs=command_inputs(paths, labels=labels, instrument=instrument), force=force)


def _render_text(result: IkmResult, output_format: ScoreFormat, lang: Lang, *, source: str, min_group: int) -> str:
    """The score as CSV, JSON or a plain-text table (for -o)."""
    if output_format is ScoreFormat.CSV:
        from skm.render.csv import result_csv  # noqa: PLC0415

        return result_csv(result)
    if output_format is ScoreFormat.JSON:
        from skm.render.json import dumps, result_to_dict  # noqa: PLC0415

        return dumps(result_to_dict(result, lang)) + "\n"
    from rich.console import Console  # noqa: PLC0415

    from skm.render.console import score_renderable  # noqa: PLC0415

    console = Console(file=io.StringIO(), width=120, color_system=None)
    console.print(score_renderable(result, lang, title=source, min_group=min_group))
    return console.file.getvalue()  # type: ignore[no-any-return, attr-defined]


# below this many bytes a file is read as fast by the reference reader (the engine's queries cost ~0.1 s)
ENGINE_MIN_BYTES = 4 << 20


def _fast_path(
    paths: list[Path],
    *,
    by: str | None,
    period: object,
    sheet: str | None,
    instrument: str | None,
    invalid: InvalidPolicy,
    labels: Path | None,
    lang: Lang,
) -> tuple[TallySet, str, list[Issue], int] | None:
    """Tallies files, or responses of which some are large CSV/Parquet/xlsx (read by the engine):
    ``(tallies, source, issues, invalid total)``; ``None`` when the reference reader reads everything
    (no large file, --period, --by periode). The user never chooses: both paths give the same result
    (tests/test_engine.py)."""
    from skm.cli.common import instrument_from_option  # noqa: PLC0415
    from skm.readers.tallies import is_tallies_file, read_tallies  # noqa: PLC0415

    chosen = instrument_from_option(instrument)
    if paths and all(is_tallies_file(p) for p in paths):
        if period is not None or sheet is not None:
            fail_usage_text("tallies-no-period", lang)
        tallies = read_tallies(paths, chosen)
        if by is not None:
            wanted = " ".join(by.lower().split())
            names = [" ".join(g.lower().split()) for g in tallies.group_by]
            if wanted not in names:
                fail_usage_text("tallies-unknown-group", lang, column=by, columns=", ".join(tallies.group_by) or "-")
        return tallies, ", ".join(p.name for p in paths), [], 0
    from skm.readers.dates import PERIOD_WORDS  # noqa: PLC0415

    mode = os.environ.get("SKM_ENGINE", "auto")  # auto; always/never for tests and benchmarks
    if period is not None or (by is not None and by.strip().lower() in PERIOD_WORDS) or mode == "never":
        return None
    from skm.analysis.score import read_tally_inputs  # noqa: PLC0415
    from skm.readers.labelfile import load_labels  # noqa: PLC0415

    book = load_labels(labels, chosen) if labels is not None else None
    return read_tally_inputs(
        paths,
        instrument=chosen,
        labels=book,
        invalid=invalid,
        by=by,
        sheet=sheet,
        min_bytes=0 if mode == "always" else ENGINE_MIN_BYTES,
    )


def fail_usage_text(key: str, lang: Lang, **fields: object) -> None:
    """Stop with a usage error worded in ``skm.text.catalog.engine``."""
    from skm.cli.common import fail_usage  # noqa: PLC0415

    fail_usage(t(key, lang, **fields))


def _report_issues(issues: list[Issue], invalid_total: int, lang: Lang, limit: int = 20) -> None:
    """The engine's reading issues on stderr, as :func:`skm.cli.common.report_reading_issues` lists them."""
    from skm.cli.common import stderr_console  # noqa: PLC0415
    from skm.text import issue_line  # noqa: PLC0415

    err = stderr_console()
    warnings = [i for i in issues if i.severity is Severity.WARNING]
    for issue in warnings[:limit]:
        err.print(t("warning-line", lang, line=issue_line(issue, lang)), markup=False, highlight=False)
    if len(warnings) > limit:
        err.print(t("more-issues", lang, count=len(warnings) - limit), markup=False)
    errors = [i for i in issues if i.severity is Severity.ERROR]
    if not errors:
        return
    for issue in errors[:limit]:
        err.print(t("skipped-cell", lang, line=issue_line(issue, lang)), markup=False, highlight=False)
    if invalid_total > limit:
        err.print(t("more-issues", lang, count=invalid_total - min(limit, len(errors))), markup=False)
    err.print(t("skipped-count", lang, count=invalid_total), markup=False)


def register(app: typer.Typer) -> None:
    """Add the command to the app."""
    app.command("score")(score)
