"""Every user-facing sentence, in Indonesian (default) and English. Pure: stdlib only.

The wording lives in :mod:`skm.text.catalog`, one module per area (issues, instrument files,
results, check, stats, questionnaire, report, command line), and is loaded here eagerly, so every key is known
whatever else was imported. Templates use ``str.format`` fields. Issue templates are keyed by
:class:`IssueCode` value; user-interface words by short keys. A new sentence goes into the
catalogue module of its area, in both languages, with the same fields.
"""

from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal
from enum import StrEnum
from types import MappingProxyType

from skm.errors import Issue, SkmError
from skm.text.catalog import (
    check,
    cli,
    engine,
    instrument,
    issues,
    poster,
    questionnaire,
    rank,
    report,
    results,
    security,
    stats,
)

__all__ = ["Lang", "catalog", "error_text", "fmt_number", "has", "issue_line", "t"]


class Lang(StrEnum):
    """Output language."""

    ID = "id"
    EN = "en"


def _load() -> dict[str, tuple[str, str]]:
    """Every catalogue of :mod:`skm.text.catalog`, merged; a key defined twice is an error."""
    merged: dict[str, tuple[str, str]] = {}
    parts = [issues.TEXT, instrument.TEXT, results.TEXT, check.TEXT, stats.TEXT, questionnaire.TEXT, cli.TEXT]
    parts += [security.TEXT, rank.TEXT, engine.TEXT]
    parts.append({report.PREFIX + key: pair for key, pair in report.TEXT.items()})
    parts.append({poster.PREFIX + key: pair for key, pair in poster.TEXT.items()})
    for part in parts:
        clash = sorted(set(part) & set(merged))
        if clash:
            msg = f"message keys defined twice: {clash}"
            raise ValueError(msg)
        merged.update(part)
    return merged


_TEXT: dict[str, tuple[str, str]] = _load()


def t(key: str, lang: Lang | str = Lang.ID, /, **params: object) -> str:
    """The text for ``key`` in ``lang``, formatted with ``params``."""
    pair = _TEXT[key]
    template = pair[1] if str(lang) == Lang.EN else pair[0]
    return template.format(**params) if params else template


def has(key: str) -> bool:
    """Whether a message key exists."""
    return key in _TEXT


def catalog() -> Mapping[str, tuple[str, str]]:
    """Every message template, ``key → (Indonesian, English)``, read-only."""
    return MappingProxyType(_TEXT)


def fmt_number(value: Decimal | float | str, lang: Lang | str = Lang.ID) -> str:
    """A number as Indonesian documents write it (decimal comma) or in English."""
    text = str(value)
    return text.replace(".", ",") if str(lang) == Lang.ID else text


def _with_detail(params: dict[str, object], lang: Lang | str) -> dict[str, object]:
    """``params`` with a ``detail`` that names a catalog key replaced by that text (same fields):
    one issue code whose reason varies, every reason in both languages."""
    detail = params.get("detail")
    if isinstance(detail, str) and detail in _TEXT:
        params = {**params, "detail": t(detail, lang, **params)}
    return params


def issue_line(issue: Issue, lang: Lang | str = Lang.ID) -> str:
    """One line naming where the problem is and what was expected."""
    where: list[str] = []
    if issue.file:
        where.append(t("loc-file", lang, file=issue.file))
    if issue.sheet:
        where.append(t("loc-sheet", lang, sheet=issue.sheet))
    if issue.row is not None:
        where.append(t("loc-row", lang, row=issue.row))
    if issue.column:
        col = t("loc-column", lang, column=issue.column)
        where.append(f"{col} ({issue.letter})" if issue.letter else col)
    params = _with_detail({"value": issue.value, **issue.params}, lang)
    body = t(issue.code.value, lang, **params)
    return (", ".join(where) + ": " + body) if where else body


def error_text(error: SkmError, lang: Lang | str = Lang.ID) -> str:
    """The headline message of an error."""
    params = _with_detail(dict(error.params), lang)
    if "sheet_part" not in params:
        sheet = params.get("sheet")
        params["sheet_part"] = f", sheet '{sheet}'" if sheet else ""
    return t(error.code.value, lang, **params)
