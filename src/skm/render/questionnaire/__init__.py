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

from skm.render.questionnaire.printable import forms_text, questionnaire_html, questionnaire_markdown, write_docx
from skm.render.questionnaire.spec import AnswerStyle, TemplateSpec, header_of, ordered_questions
from skm.render.questionnaire.workbook import write_workbook

__all__ = [
    "AnswerStyle",
    "TemplateSpec",
    "forms_text",
    "header_of",
    "ordered_questions",
    "questionnaire_html",
    "questionnaire_markdown",
    "write_docx",
    "write_workbook",
]
