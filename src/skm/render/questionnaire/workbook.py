"""The data-entry workbook of ``skm template``: instructions, entry sheet with drop-downs, hidden lists.

openpyxl is imported when a workbook is written.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

from skm.render.questionnaire.spec import (
    AnswerStyle,
    TemplateSpec,
    choice_list,
    element_name,
    header_of,
    instrument_title,
    ordered_questions,
    score_command,
)
from skm.render.safe import inert_workbook
from skm.text import t

__all__ = ["write_workbook"]


def write_workbook(spec: TemplateSpec, path: Path, *, filename: str | None = None) -> None:
    """Write the data-entry workbook to ``path`` (an .xlsx)."""
    from openpyxl import Workbook  # noqa: PLC0415

    lang = spec.lang
    book = Workbook()
    help_sheet = book.active
    assert help_sheet is not None
    help_sheet.title = t("tpl-help-sheet", lang)
    entry = book.create_sheet(t("tpl-entry-sheet", lang))
    lists = book.create_sheet(t("tpl-lists-sheet", lang))
    lists.sheet_state = "hidden"
    _help_sheet(help_sheet, spec, filename or path.name)
    _entry_sheet(entry, lists, spec)
    book.active = book.index(entry)
    inert_workbook(book)  # a service named "=HYPERLINK(…)" stays text
    book.save(path)


def _help_sheet(help_sheet: Any, spec: TemplateSpec, filename: str) -> None:
    """The instruction sheet: one element per row, so no row looks like a header of answers."""
    from openpyxl.styles import Alignment, Font  # noqa: PLC0415
    from openpyxl.utils import get_column_letter  # noqa: PLC0415

    lang, inst = spec.lang, spec.instrument
    questions = ordered_questions(inst)
    low, high = inst.scale_min, inst.scale_max
    bold = Font(bold=True)
    help_sheet["A1"] = t("tpl-title", lang)
    help_sheet["A1"].font = Font(bold=True, size=14)
    help_sheet["A2"] = t("tpl-instrument", lang, title=instrument_title(inst, lang))
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
        command=score_command(spec, filename),
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
        values = [
            f"{t('tpl-table-column', lang).lower()} {header_of(question)}",
            element_name(element, lang),
            question.text,
        ]
        values += list(question.labels)
        for c, value in enumerate(values, 1):
            help_sheet.cell(row=row, column=c, value=value).alignment = Alignment(wrap_text=True, vertical="top")
    help_sheet.column_dimensions["A"].width = 14
    help_sheet.column_dimensions["B"].width = 30
    help_sheet.column_dimensions["C"].width = 60
    for c in range(4, 4 + high - low + 1):
        help_sheet.column_dimensions[get_column_letter(c)].width = 18


def _entry_sheet(entry: Any, lists: Any, spec: TemplateSpec) -> None:
    """The entry sheet (profile columns, one column per question with a drop-down) and its hidden lists."""
    from openpyxl.comments import Comment  # noqa: PLC0415
    from openpyxl.styles import Alignment, Font, PatternFill  # noqa: PLC0415
    from openpyxl.utils import get_column_letter, quote_sheetname  # noqa: PLC0415
    from openpyxl.worksheet.datavalidation import DataValidation  # noqa: PLC0415

    lang, inst = spec.lang, spec.instrument
    questions = ordered_questions(inst)
    low, high = inst.scale_min, inst.scale_max
    bold = Font(bold=True)

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
        note = f"{number}. {element.code} – {element_name(element, lang)}\n{question.text}\n" + "\n".join(
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
    validate(3, add_list("gender", choice_list("tpl-genders", lang)), "", strict=False)
    validate(5, add_list("education", choice_list("tpl-educations", lang)), "", strict=False)
    validate(6, add_list("occupation", choice_list("tpl-occupations", lang)), "", strict=False)
    if spec.services:
        validate(7, add_list("service", spec.services), " / ".join(spec.services), strict=False)
    for r in range(2, last_row + 1):
        entry.cell(row=r, column=2).number_format = "DD/MM/YYYY"
    widths = {1: 12, 2: 12, 3: 14, 4: 8, 5: 12, 6: 16, 7: 24}
    for col, width in widths.items():
        entry.column_dimensions[get_column_letter(col)].width = width
    entry.column_dimensions[get_column_letter(len(headers))].width = 40
    entry.freeze_panes = "B2"
