"""Text made safe for the files we write: no live formula, nothing XML cannot hold.

One place for both rules, used by every CSV and spreadsheet writer (``skm score --format csv``,
``skm template``, ``skm report`` xlsx/docx) so a group name, a service or a suggestion typed by
a respondent can never run as a formula in Excel or break the document.
"""

from __future__ import annotations

import re
from typing import Any

__all__ = ["FORMULA_START", "inert_workbook", "is_formula_like", "neutralise_formula", "xml_safe"]

# A spreadsheet reads a cell starting with one of these as a formula (tab and CR: some programs
# strip them first, then see the formula).
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")

# XML 1.0 cannot hold C0 controls other than tab/LF/CR, lone surrogates, U+FFFE/U+FFFF; DEL is
# legal but discouraged (and invisible): drop it too.
_XML_BAD = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ud800-\udfff\ufffe\uffff]")


def is_formula_like(text: str) -> bool:
    """Whether a spreadsheet would take ``text`` for a formula."""
    return text.startswith(FORMULA_START)


def neutralise_formula(value: object) -> object:
    """``value`` made inert for a spreadsheet: text starting like a formula gets a leading ``'``
    (the OWASP advice against CSV injection); numbers and other values are returned as they are."""
    if isinstance(value, str) and is_formula_like(value):
        return "'" + value
    return value


def xml_safe(text: str) -> str:
    """``text`` without the characters XML 1.0 cannot hold (xlsx and docx would not open)."""
    return _XML_BAD.sub("", text)


def inert_workbook(book: Any) -> None:
    """Make every text cell of an openpyxl workbook inert before it is saved: text that looks
    like a formula is stored as text (with Excel's quote prefix), characters XML cannot hold are
    dropped from cells, comments and validation messages. Real formulas: none, we write values."""
    for sheet in book.worksheets:
        for row in sheet.iter_rows():
            for cell in row:
                value = cell.value
                if not isinstance(value, str):
                    continue
                clean = xml_safe(value)
                if clean != value:
                    cell.value = clean
                if cell.data_type == "f" or is_formula_like(clean):
                    cell.data_type = "s"
                    cell.quotePrefix = True
                elif cell.data_type == "e":  # text such as "#N/A" (openpyxl takes it for an error value)
                    cell.data_type = "s"
                if cell.comment is not None:
                    cell.comment.text = xml_safe(cell.comment.text)
        for validation in sheet.data_validations.dataValidation:
            for name in ("error", "errorTitle", "prompt", "promptTitle"):
                text = getattr(validation, name, None)
                if isinstance(text, str):
                    setattr(validation, name, xml_safe(text))
