"""``skm check FILE``: how a responses file was understood, before anyone trusts the number."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from skm.cli.common import (
    DebugOption,
    InstrumentOption,
    LabelsOption,
    LangOption,
    MapOption,
    SheetOption,
    TableJson,
    error_boundary,
    instrument_from_option,
    parse_map_option,
    print_renderable,
)
from skm.errors import ExitCode, InvalidPolicy
from skm.text import Lang

__all__ = ["register"]


def check(
    files: Annotated[
        list[Path],
        typer.Argument(
            metavar="BERKAS",
            readable=False,
            help="Berkas jawaban (.xlsx, .xlsb, .xls, .ods, .csv), beberapa berkas atau folder. "
            "/ Responses file(s) or a folder.",
        ),
    ],
    sheet: SheetOption = None,
    invalid: Annotated[
        InvalidPolicy,
        typer.Option(
            "--invalid",
            help="error: keluar dengan kode 1 bila ada sel tidak valid; skip: laporkan saja. / On invalid cells.",
        ),
    ] = InvalidPolicy.ERROR,
    labels: LabelsOption = None,
    column_map: MapOption = None,
    instrument: InstrumentOption = None,
    output_format: Annotated[TableJson, typer.Option("--format", help="table atau json.")] = TableJson.TABLE,
    lang: LangOption = Lang.ID,
    debug: DebugOption = False,
) -> None:
    """Periksa cara berkas dibaca: kolom → unsur, profil, baris dilewati, sel tidak valid.
    / Show how a file is read: columns → elements, profile, skipped rows, invalid cells.

    Kode keluar: 0 siap dihitung, 1 data tidak valid, 3 berkas tidak terbaca (beberapa berkas:
    yang terburuk). JSON: satu objek per berkas (daftar bila lebih dari satu).
    / Exit 0 ready, 1 invalid data, 3 unreadable input (several files: the worst).
    """
    with error_boundary(lang, debug):
        from skm.cli.common import stderr_console  # noqa: PLC0415
        from skm.cli.progress import reading  # noqa: PLC0415
        from skm.errors import SkmError  # noqa: PLC0415
        from skm.readers import read_responses  # noqa: PLC0415
        from skm.readers.combine import expand_paths  # noqa: PLC0415
        from skm.readers.labelfile import load_labels, unknown_labels  # noqa: PLC0415
        from skm.readers.table import CELL_CODES, FATAL_CODES  # noqa: PLC0415
        from skm.render.check import check_renderable  # noqa: PLC0415
        from skm.render.console import issues_renderable  # noqa: PLC0415
        from skm.render.json import check_to_dict, unreadable_to_dict  # noqa: PLC0415
        from skm.text import error_text  # noqa: PLC0415

        chosen = instrument_from_option(instrument)
        mapping = parse_map_option(column_map, lang)
        book = load_labels(labels, chosen) if labels is not None else None
        paths = expand_paths(files)
        reports: list[dict[str, object]] = []
        worst = ExitCode.OK
        for path in paths:
            try:
                with reading(f"{path.name} …", enabled=output_format is TableJson.TABLE):
                    responses = read_responses(
                        path,
                        sheet=sheet,
                        instrument=chosen,
                        invalid=InvalidPolicy.SKIP,
                        labels=book,
                        strict=False,
                        column_map=mapping,
                    )
            except SkmError as exc:
                if len(paths) == 1:
                    raise
                worst = max(worst, exc.exit_code)
                stderr_console().print(issues_renderable(error_text(exc, lang), exc.issues, lang))
                reports.append(unreadable_to_dict(path.name, exc.code.value, error_text(exc, lang)))
                continue
            if output_format is TableJson.JSON:
                reports.append(check_to_dict(responses, lang))
            else:
                print_renderable(
                    check_renderable(responses, lang, unknown_labels(responses.issues, responses.instrument))
                )
            fatal = any(i.code in FATAL_CODES for i in responses.issues)
            cells = any(i.code in CELL_CODES for i in responses.issues)
            if fatal or (cells and invalid is InvalidPolicy.ERROR):
                worst = max(worst, ExitCode.INVALID_DATA)
        if output_format is TableJson.JSON:
            from skm.render.json import dumps  # noqa: PLC0415

            typer.echo(dumps(reports[0] if len(paths) == 1 else reports))
        if worst is not ExitCode.OK:
            raise typer.Exit(worst)


def register(app: typer.Typer) -> None:
    """Add the command to the app."""
    app.command("check")(check)
