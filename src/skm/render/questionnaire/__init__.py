"""Blank questionnaires for an instrument: a data-entry workbook, a printable form, a Forms list.

* :func:`write_workbook` — an ``.xlsx`` with an instruction sheet, an entry sheet (profile
  columns, one column per question with a drop-down, frozen header) and a hidden sheet of the
  drop-down choices. Its headers are the question keys, so ``skm score`` reads it back unchanged.
* :func:`questionnaire_markdown`, :func:`questionnaire_html`, :func:`write_docx` — the printable
  questionnaire with the instrument's questions and answer labels as check boxes.
* :func:`forms_text` — questions and options as plain text, ready to paste into Google Forms.

openpyxl and python-docx are imported inside the functions that need them.
"""

from __future__ import annotations

import html
from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path

from skm.core.instrument import Element, Instrument, Question, builtin_instruments
from skm.render.safe import inert_workbook
from skm.text import Lang, register, t

__all__ = [
    "AnswerStyle",
    "TemplateSpec",
    "forms_text",
    "ordered_questions",
    "questionnaire_html",
    "questionnaire_markdown",
    "write_docx",
    "write_workbook",
]


class AnswerStyle(StrEnum):
    """What the entry sheet's drop-downs offer."""

    SCORES = "scores"
    LABELS = "labels"


register(
    {
        "tpl-title": ("Kuesioner Survei Kepuasan Masyarakat", "Community Satisfaction Survey Questionnaire"),
        "tpl-entry-sheet": ("Data", "Data"),
        "tpl-help-sheet": ("Petunjuk", "Instructions"),
        "tpl-lists-sheet": ("Pilihan", "Choices"),
        "tpl-col-no": ("No. Responden", "Respondent No."),
        "tpl-col-date": ("Tanggal", "Date"),
        "tpl-col-gender": ("Jenis Kelamin", "Gender"),
        "tpl-col-age": ("Usia", "Age"),
        "tpl-col-education": ("Pendidikan", "Education"),
        "tpl-col-occupation": ("Pekerjaan", "Occupation"),
        "tpl-col-service": ("Jenis Layanan", "Service"),
        "tpl-col-suggestion": ("Saran", "Suggestions"),
        "tpl-genders": ("Laki-laki|Perempuan", "Male|Female"),
        "tpl-educations": ("SD|SMP|SMA|D1–D3|D4/S1|S2|S3", "Primary|Junior high|Senior high|D1–D3|D4/S1|S2|S3"),
        "tpl-occupations": (
            "PNS|TNI|POLRI|Swasta|Wirausaha|Pelajar/Mahasiswa|Lainnya",
            "Civil servant|Military|Police|Private sector|Self-employed|Student|Other",
        ),
        "tpl-instrument": ("Instrumen: {title}", "Instrument: {title}"),
        "tpl-help": (
            "Cara mengisi:\n"
            "1. Isi satu baris per responden di sheet 'Data', mulai baris 2. Jangan ubah judul kolom.\n"
            "2. Kolom pertanyaan ({first} … {last}) berisi {what}; pilih dari daftar tarik-turun.\n"
            "3. Biarkan sel kosong bila responden tidak menjawab (kosong tidak dihitung, bukan 0).\n"
            "4. Kolom profil (jenis kelamin, pendidikan, pekerjaan, layanan) juga punya daftar pilihan.\n"
            "5. Hitung hasilnya dengan: {command}",
            "How to fill in:\n"
            "1. One row per respondent on the 'Data' sheet, from row 2. Do not change the headers.\n"
            "2. The question columns ({first} … {last}) hold {what}; pick from the drop-down list.\n"
            "3. Leave a cell empty when the respondent did not answer (a blank is left out, never 0).\n"
            "4. The profile columns (gender, education, occupation, service) have drop-down lists too.\n"
            "5. Compute the result with: {command}",
        ),
        "tpl-what-scores": ("nilai {low}–{high} (lihat tabel di bawah)", "scores {low}–{high} (see the table below)"),
        "tpl-what-labels": ("label jawaban (lihat tabel di bawah)", "answer labels (see the table below)"),
        "tpl-table-column": ("Kolom", "Column"),
        "tpl-table-number": ("No.", "No."),
        "tpl-table-element": ("Unsur", "Element"),
        "tpl-table-question": ("Pertanyaan", "Question"),
        "tpl-table-score": ("Nilai {score}", "Score {score}"),
        "tpl-intro": (
            "Dalam rangka meningkatkan kualitas pelayanan, kami mohon kesediaan Saudara mengisi "
            "kuesioner ini. Beri tanda centang (✓) pada satu jawaban untuk setiap pertanyaan.",
            "To improve our services, please fill in this questionnaire. Tick (✓) one answer for each question.",
        ),
        "tpl-unit": ("Unit pelayanan", "Service unit"),
        "tpl-profile": ("Profil responden", "Respondent profile"),
        "tpl-answers-title": ("Pendapat responden tentang pelayanan", "Respondent's opinion of the service"),
        "tpl-suggestion-prompt": (
            "Saran dan masukan untuk perbaikan pelayanan:",
            "Suggestions for improving the service:",
        ),
        "tpl-thanks": ("Terima kasih atas partisipasi Saudara.", "Thank you for taking part."),
        "tpl-forms-intro": (
            "Salin setiap blok di bawah ke Google Forms. Baris '#' menyebut jenis pertanyaan (jangan disalin); "
            "baris berikutnya adalah pertanyaan, lalu pilihannya, berurutan dari nilai terendah ke tertinggi. "
            "Jangan ubah teks pilihan agar skm dapat membaca hasil ekspornya.",
            "Copy each block below into Google Forms. The '#' line names the question type (do not copy it); "
            "the next line is the question, then its options, from the lowest score to the highest. Keep the "
            "option texts as they are so that skm can read the exported responses.",
        ),
        "tpl-forms-section": ("Bagian", "Section"),
        "tpl-forms-kind": ("Pilihan ganda, wajib", "Multiple choice, required"),
        "tpl-forms-short": ("Jawaban singkat", "Short answer"),
        "tpl-forms-paragraph": ("Paragraf", "Paragraph"),
        "tpl-forms-date": ("Tanggal", "Date"),
    }
)


@dataclass(frozen=True)
class TemplateSpec:
    """What to put in a template: the instrument, language, answers style and services."""

    instrument: Instrument
    lang: Lang = Lang.ID
    answers: AnswerStyle = AnswerStyle.SCORES
    services: tuple[str, ...] = ()
    rows: int = 1000
    instrument_ref: str | None = None  # what to pass to --instrument (a custom file's path)


def ordered_questions(instrument: Instrument) -> list[tuple[int, Element, Question]]:
    """Every question in questionnaire order (``Element.number``), numbered from 1."""
    elements = sorted(instrument.elements, key=lambda e: (e.number, instrument.elements.index(e)))
    out: list[tuple[int, Element, Question]] = []
    for element in elements:
        for question in element.questions:
            out.append((len(out) + 1, element, question))
    return out


def header_of(question: Question) -> str:
    """The entry-sheet header of a question: its key in capitals (``U1``, ``U1A``, ``U1.1``)."""
    return question.key.upper()


def _name(element: Element, lang: Lang) -> str:
    return element.name_en if lang is Lang.EN else element.name


def _title(instrument: Instrument, lang: Lang) -> str:
    return instrument.title_en if lang is Lang.EN else instrument.title


def _choices(key: str, lang: Lang) -> list[str]:
    return t(key, lang).split("|")


def _score_command(spec: TemplateSpec, filename: str) -> str:
    ref = spec.instrument.key if spec.instrument.key in builtin_instruments() else spec.instrument_ref
    ref = ref or f"{spec.instrument.key}.toml"
    option = "" if spec.instrument.key == "permenpan-14-2017" else f" --instrument {ref}"
    lang = " --lang en" if spec.lang is Lang.EN else ""
    return f"skm score {filename}{option}{lang}"


# --- workbook ---------------------------------------------------------------------------------


def write_workbook(spec: TemplateSpec, path: Path, *, filename: str | None = None) -> None:
    """Write the data-entry workbook to ``path`` (an .xlsx)."""
    from openpyxl import Workbook  # noqa: PLC0415
    from openpyxl.comments import Comment  # noqa: PLC0415
    from openpyxl.styles import Alignment, Font, PatternFill  # noqa: PLC0415
    from openpyxl.utils import get_column_letter, quote_sheetname  # noqa: PLC0415
    from openpyxl.worksheet.datavalidation import DataValidation  # noqa: PLC0415

    lang, inst = spec.lang, spec.instrument
    questions = ordered_questions(inst)
    low, high = inst.scale_min, inst.scale_max
    book = Workbook()
    help_sheet = book.active
    assert help_sheet is not None
    help_sheet.title = t("tpl-help-sheet", lang)
    entry = book.create_sheet(t("tpl-entry-sheet", lang))
    lists = book.create_sheet(t("tpl-lists-sheet", lang))
    lists.sheet_state = "hidden"
    bold = Font(bold=True)

    # instruction sheet (one element per row, so no row looks like a header of answers)
    help_sheet["A1"] = t("tpl-title", lang)
    help_sheet["A1"].font = Font(bold=True, size=14)
    help_sheet["A2"] = t("tpl-instrument", lang, title=_title(inst, lang))
    what = (
        t("tpl-what-labels", lang)
        if spec.answers is AnswerStyle.LABELS
        else t("tpl-what-scores", lang, low=low, high=high)
    )
    text = t(
        "tpl-help",
        lang,
        first=inst.question_keys[0].upper(),
        last=inst.question_keys[-1].upper(),
        what=what,
        command=_score_command(spec, filename or path.name),
    )
    row = 4
    for line in text.splitlines():
        help_sheet.cell(row=row, column=1, value=line)
        row += 1
    row += 1
    heads = [
        t("tpl-table-column", lang),
        t("tpl-table-element", lang),
        t("tpl-table-question", lang),
        *(t("tpl-table-score", lang, score=s) for s in range(low, high + 1)),
    ]
    for c, head in enumerate(heads, 1):
        cell = help_sheet.cell(row=row, column=c, value=head)
        cell.font = bold
    for _number, element, question in questions:
        row += 1
        # the column name is written "kolom U1" so that this sheet never looks like the data sheet
        values = [f"{t('tpl-table-column', lang).lower()} {header_of(question)}", _name(element, lang), question.text]
        values += list(question.labels)
        for c, value in enumerate(values, 1):
            help_sheet.cell(row=row, column=c, value=value).alignment = Alignment(wrap_text=True, vertical="top")
    help_sheet.column_dimensions["A"].width = 14
    help_sheet.column_dimensions["B"].width = 30
    help_sheet.column_dimensions["C"].width = 60
    for c in range(4, 4 + high - low + 1):
        help_sheet.column_dimensions[get_column_letter(c)].width = 18

    # hidden lists: one column per drop-down
    list_refs: dict[str, str] = {}

    def add_list(name: str, values: Sequence[str]) -> str:
        col = len(list_refs) + 1
        letter = get_column_letter(col)
        lists.cell(row=1, column=col, value=f"({name})")
        for r, value in enumerate(values, 2):
            lists.cell(row=r, column=col, value=value)
        ref = f"{quote_sheetname(lists.title)}!${letter}$2:${letter}${len(values) + 1}"
        list_refs[name] = ref
        return ref

    # entry sheet
    profile_before = ["tpl-col-no", "tpl-col-date", "tpl-col-gender", "tpl-col-age", "tpl-col-education"]
    profile_before += ["tpl-col-occupation", "tpl-col-service"]
    headers = [t(k, lang) for k in profile_before]
    headers += [header_of(q) for _, _, q in questions]
    headers.append(t("tpl-col-suggestion", lang))
    fill = PatternFill("solid", fgColor="DDEBF7")
    for c, head in enumerate(headers, 1):
        cell = entry.cell(row=1, column=c, value=head)
        cell.font = bold
        cell.fill = fill
        cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
    first_question_col = len(profile_before) + 1
    for offset, (number, element, question) in enumerate(questions):
        col = first_question_col + offset
        note = f"{number}. {element.code} – {_name(element, lang)}\n{question.text}\n" + "\n".join(
            f"{low + i} = {label}" for i, label in enumerate(question.labels)
        )
        entry.cell(row=1, column=col).comment = Comment(note, "skm", width=320, height=180)
        entry.column_dimensions[get_column_letter(col)].width = 8 if spec.answers is AnswerStyle.SCORES else 24
    last_row = spec.rows + 1

    def validate(col: int, formula: str, prompt: str, *, strict: bool = True) -> None:
        dv = DataValidation(type="list", formula1=formula, allow_blank=True)
        dv.error = prompt
        dv.errorTitle = "skm"
        dv.errorStyle = "stop" if strict else "warning"
        dv.showErrorMessage = True
        letter = get_column_letter(col)
        dv.add(f"{letter}2:{letter}{last_row}")
        entry.add_data_validation(dv)

    for offset, (_, _, question) in enumerate(questions):
        col = first_question_col + offset
        if spec.answers is AnswerStyle.LABELS:
            formula = add_list(header_of(question), question.labels)
            validate(col, formula, " / ".join(question.labels))
        else:
            scores = [str(v) for v in range(low, high + 1)]
            validate(col, '"' + ",".join(scores) + '"', f"{low}–{high}")
    validate(3, add_list("gender", _choices("tpl-genders", lang)), "", strict=False)
    validate(5, add_list("education", _choices("tpl-educations", lang)), "", strict=False)
    validate(6, add_list("occupation", _choices("tpl-occupations", lang)), "", strict=False)
    if spec.services:
        validate(7, add_list("service", spec.services), " / ".join(spec.services), strict=False)
    for r in range(2, last_row + 1):
        entry.cell(row=r, column=2).number_format = "DD/MM/YYYY"
    widths = {1: 12, 2: 12, 3: 14, 4: 8, 5: 12, 6: 16, 7: 24}
    for col, width in widths.items():
        entry.column_dimensions[get_column_letter(col)].width = width
    entry.column_dimensions[get_column_letter(len(headers))].width = 40
    entry.freeze_panes = "B2"
    book.active = book.index(entry)
    inert_workbook(book)  # a service named "=HYPERLINK(…)" stays text
    book.save(path)


# --- printable questionnaire ------------------------------------------------------------------


@dataclass(frozen=True)
class _Block:
    """One question as printed: number, code, element name, text, options."""

    number: int
    code: str
    element: str
    text: str
    options: tuple[str, ...]


def _profile_blocks(spec: TemplateSpec) -> list[tuple[str, list[str]]]:
    lang = spec.lang
    out: list[tuple[str, list[str]]] = [
        (t("tpl-col-gender", lang), _choices("tpl-genders", lang)),
        (t("tpl-col-education", lang), _choices("tpl-educations", lang)),
        (t("tpl-col-occupation", lang), _choices("tpl-occupations", lang)),
    ]
    if spec.services:
        out.append((t("tpl-col-service", lang), list(spec.services)))
    return out


def _profile_lines(spec: TemplateSpec) -> list[str]:
    lang = spec.lang
    lines = [f"{t('tpl-col-date', lang)}: ____ / ____ / ________", f"{t('tpl-col-age', lang)}: ______"]
    if not spec.services:
        lines.append(f"{t('tpl-col-service', lang)}: ______________________________")
    return lines


def _blocks(spec: TemplateSpec) -> list[_Block]:
    return [
        _Block(number, element.code, _name(element, spec.lang), question.text, question.labels)
        for number, element, question in ordered_questions(spec.instrument)
    ]


def _lettered(options: Sequence[str]) -> list[tuple[str, str]]:
    """Options with the letters a, b, c … of the printed questionnaire."""
    return [(chr(ord("a") + i), option) for i, option in enumerate(options)]


def questionnaire_markdown(spec: TemplateSpec) -> str:
    """The printable questionnaire as Markdown (check boxes ``- [ ]``)."""
    lang = spec.lang
    out = [f"# {t('tpl-title', lang)}", "", f"*{t('tpl-instrument', lang, title=_title(spec.instrument, lang))}*", ""]
    out += [f"**{t('tpl-unit', lang)}:** ______________________________", "", t("tpl-intro", lang), ""]
    out += [f"## {t('tpl-profile', lang)}", ""]
    out += [f"- {line}" for line in _profile_lines(spec)]
    out.append("")
    for name, choices in _profile_blocks(spec):
        out.append(f"**{name}:** " + "  ".join(f"☐ {c}" for c in choices))
        out.append("")
    out += [f"## {t('tpl-answers-title', lang)}", ""]
    for block in _blocks(spec):
        out.append(f"**{block.number}. {block.text}** ({block.code} – {block.element})")
        out.append("")
        out += [f"- [ ] {letter}. {option}" for letter, option in _lettered(block.options)]
        out.append("")
    out += [f"**{t('tpl-suggestion-prompt', lang)}**", "", "_" * 60, "", "_" * 60, "", t("tpl-thanks", lang), ""]
    return "\n".join(out)


_CSS = """body{font-family:Arial,Helvetica,sans-serif;max-width:46em;margin:2em auto;line-height:1.4}
h1{font-size:1.4em;text-align:center}h2{font-size:1.1em;border-bottom:1px solid #999;margin-top:1.5em}
.q{break-inside:avoid;margin:1em 0}.q p{margin:.2em 0;font-weight:bold}.code{font-weight:normal;color:#555}
ul.opts{list-style:none;padding-left:1.5em;margin:.2em 0}ul.opts li::before{content:"☐ ";font-size:1.1em}
.line{border-bottom:1px solid #000;height:1.8em}
@media print{body{margin:0}}"""


def questionnaire_html(spec: TemplateSpec) -> str:
    """The printable questionnaire as a standalone HTML page (print it from the browser)."""
    lang = spec.lang
    e = html.escape
    parts = [
        "<!DOCTYPE html>",
        f'<html lang="{lang.value}"><head><meta charset="utf-8"><title>{e(t("tpl-title", lang))}</title>',
        f"<style>{_CSS}</style></head><body>",
        f"<h1>{e(t('tpl-title', lang))}</h1>",
        f"<p><em>{e(t('tpl-instrument', lang, title=_title(spec.instrument, lang)))}</em></p>",
        f"<p><strong>{e(t('tpl-unit', lang))}:</strong> ______________________________</p>",
        f"<p>{e(t('tpl-intro', lang))}</p>",
        f"<h2>{e(t('tpl-profile', lang))}</h2>",
    ]
    parts += [f"<p>{e(line)}</p>" for line in _profile_lines(spec)]
    for name, choices in _profile_blocks(spec):
        parts.append(f"<p><strong>{e(name)}:</strong> " + " &nbsp; ".join(f"☐ {e(c)}" for c in choices) + "</p>")
    parts.append(f"<h2>{e(t('tpl-answers-title', lang))}</h2>")
    for block in _blocks(spec):
        parts.append('<div class="q">')
        parts.append(
            f'<p>{block.number}. {e(block.text)} <span class="code">({e(block.code)} – {e(block.element)})</span></p>'
        )
        items = "".join(f"<li>{letter}. {e(option)}</li>" for letter, option in _lettered(block.options))
        parts.append(f'<ul class="opts">{items}</ul></div>')
    parts.append(f"<p><strong>{e(t('tpl-suggestion-prompt', lang))}</strong></p>")
    parts += ['<div class="line"></div>'] * 3
    parts.append(f"<p>{e(t('tpl-thanks', lang))}</p></body></html>")
    return "\n".join(parts) + "\n"


def write_docx(spec: TemplateSpec, path: Path) -> None:
    """The printable questionnaire as a Word document."""
    from docx import Document  # noqa: PLC0415
    from docx.shared import Pt  # noqa: PLC0415

    lang = spec.lang
    doc = Document()
    doc.add_heading(t("tpl-title", lang), level=1)
    doc.add_paragraph().add_run(t("tpl-instrument", lang, title=_title(spec.instrument, lang))).italic = True
    unit = doc.add_paragraph()
    unit.add_run(f"{t('tpl-unit', lang)}: ").bold = True
    unit.add_run("______________________________")
    doc.add_paragraph(t("tpl-intro", lang))
    doc.add_heading(t("tpl-profile", lang), level=2)
    for line in _profile_lines(spec):
        doc.add_paragraph(line)
    for name, choices in _profile_blocks(spec):
        para = doc.add_paragraph()
        para.add_run(f"{name}: ").bold = True
        para.add_run("   ".join(f"☐ {c}" for c in choices))
    doc.add_heading(t("tpl-answers-title", lang), level=2)
    for block in _blocks(spec):
        para = doc.add_paragraph()
        para.add_run(f"{block.number}. {block.text} ").bold = True
        para.add_run(f"({block.code} – {block.element})").font.size = Pt(9)
        for letter, option in _lettered(block.options):
            doc.add_paragraph(f"☐ {letter}. {option}").paragraph_format.left_indent = Pt(18)
    doc.add_paragraph().add_run(t("tpl-suggestion-prompt", lang)).bold = True
    for _ in range(3):
        doc.add_paragraph("_" * 70)
    doc.add_paragraph(t("tpl-thanks", lang))
    doc.save(str(path))


def forms_text(spec: TemplateSpec) -> str:
    """Questions and options as plain text blocks, ready to paste into Google Forms."""
    lang = spec.lang
    out = [t("tpl-title", lang), t("tpl-instrument", lang, title=_title(spec.instrument, lang)), ""]
    out += [t("tpl-forms-intro", lang), ""]
    out += [f"=== {t('tpl-forms-section', lang)} 1: {t('tpl-profile', lang)} ===", ""]
    out += [f"# {t('tpl-forms-date', lang)}", t("tpl-col-date", lang), ""]
    out += [f"# {t('tpl-forms-short', lang)}", t("tpl-col-age", lang), ""]
    for name, choices in _profile_blocks(spec):
        out += [f"# {t('tpl-forms-kind', lang)}", name, *choices, ""]
    if not spec.services:
        out += [f"# {t('tpl-forms-short', lang)}", t("tpl-col-service", lang), ""]
    out += [f"=== {t('tpl-forms-section', lang)} 2: {t('tpl-answers-title', lang)} ===", ""]
    for block in _blocks(spec):
        out += [
            f"# {block.number}. {block.code} – {block.element} ({t('tpl-forms-kind', lang)})",
            block.text,
            *block.options,
            "",
        ]
    out += [f"# {t('tpl-forms-paragraph', lang)}", t("tpl-suggestion-prompt", lang), ""]
    return "\n".join(out)
