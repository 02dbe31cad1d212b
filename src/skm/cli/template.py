"""``skm template``: a blank data-entry workbook, printable questionnaire or Google Forms list."""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from skm.cli.common import (
    DebugOption,
    ForceOption,
    InstrumentOption,
    LangOption,
    command_inputs,
    error_boundary,
    fail_usage,
    instrument_from_option,
    output_path,
    stderr_console,
)
from skm.text import Lang, t

__all__ = ["register"]


class TemplateFormat(StrEnum):
    """What ``skm template`` writes."""

    XLSX = "xlsx"
    MD = "md"
    HTML = "html"
    DOCX = "docx"
    FORMS = "forms"


class AnswersOption(StrEnum):
    """Drop-down contents of the entry sheet."""

    SCORES = "scores"
    LABELS = "labels"


EXTENSIONS = {
    TemplateFormat.XLSX: ".xlsx",
    TemplateFormat.MD: ".md",
    TemplateFormat.HTML: ".html",
    TemplateFormat.DOCX: ".docx",
    TemplateFormat.FORMS: ".txt",
}


def _format_from_suffix(path: Path) -> TemplateFormat | None:
    suffix = path.suffix.lower()
    for fmt, ext in EXTENSIONS.items():
        if suffix == ext and fmt is not TemplateFormat.FORMS:
            return fmt
    return None


def template(
    output: Annotated[
        Path | None,
        typer.Option(
            "--output",
            "-o",
            parser=output_path,
            metavar="BERKAS",
            help="Berkas keluaran (default kuesioner.<ext>). / Output file (default kuesioner.<ext>).",
            show_default=False,
        ),
    ] = None,
    output_format: Annotated[
        TemplateFormat | None,
        typer.Option(
            "--format",
            help=(
                "xlsx (lembar isian, default), md/html/docx (kuesioner cetak) atau forms (teks untuk "
                "Google Forms); default dari akhiran -o. / Output kind; default from the -o suffix."
            ),
            show_default=False,
        ),
    ] = None,
    answers: Annotated[
        AnswersOption,
        typer.Option(
            "--answers",
            help="Isi daftar tarik-turun jawaban: scores (1–4) atau labels (label peraturan). / Drop-down contents.",
        ),
    ] = AnswersOption.SCORES,
    services: Annotated[
        list[str] | None,
        typer.Option(
            "--service",
            metavar="LAYANAN",
            help="Jenis layanan untuk daftar pilihan; ulangi untuk beberapa. / A service; repeat for several.",
            show_default=False,
        ),
    ] = None,
    instrument: InstrumentOption = None,
    force: ForceOption = False,
    lang: LangOption = Lang.ID,
    debug: DebugOption = False,
) -> None:
    """Buat kuesioner kosong: lembar isian Excel, kuesioner cetak, atau daftar Google Forms.
    / Make a blank questionnaire: an Excel entry workbook, a printable form or a Forms list.

    Lembar isian (xlsx) berisi sheet Petunjuk, sheet Data dengan kolom profil dan satu kolom per
    pertanyaan (daftar tarik-turun, judul dibekukan) dan dapat langsung dibaca `skm score`.
    """
    with error_boundary(lang, debug):
        fmt = output_format or (_format_from_suffix(output) if output is not None else None) or TemplateFormat.XLSX
        path = output if output is not None else Path("kuesioner" + EXTENSIONS[fmt])
        if fmt is TemplateFormat.XLSX and path.suffix.lower() not in {".xlsx", ".xlsm"}:
            fail_usage(t("template-not-xlsx", lang, suffix=path.suffix))
        from skm.render.safe import xml_safe  # noqa: PLC0415

        names = tuple(dict.fromkeys(xml_safe(s).strip() for s in services or () if xml_safe(s).strip()))
        from skm.output import write_atomic  # noqa: PLC0415
        from skm.render.questionnaire import (  # noqa: PLC0415
            AnswerStyle,
            TemplateSpec,
            forms_text,
            questionnaire_html,
            questionnaire_markdown,
            write_docx,
            write_workbook,
        )

        inputs = command_inputs([], instrument=instrument)
        spec = TemplateSpec(
            instrument=instrument_from_option(instrument),
            lang=lang,
            answers=AnswerStyle(answers.value),
            services=names,
            instrument_ref=instrument,
        )
        if fmt is TemplateFormat.XLSX:
            write_atomic(path, lambda tmp: write_workbook(spec, tmp, filename=path.name), inputs=inputs, force=force)
        elif fmt is TemplateFormat.DOCX:
            write_atomic(path, lambda tmp: write_docx(spec, tmp), inputs=inputs, force=force)
        elif fmt is TemplateFormat.MD:
            write_atomic(path, questionnaire_markdown(spec), inputs=inputs, force=force)
        elif fmt is TemplateFormat.HTML:
            write_atomic(path, questionnaire_html(spec), inputs=inputs, force=force)
        else:
            write_atomic(path, forms_text(spec), inputs=inputs, force=force)
        stderr_console().print(t("template-written", lang, file=path), markup=False, highlight=False)


def register(app: typer.Typer) -> None:
    """Add the command to the app."""
    app.command("template")(template)
