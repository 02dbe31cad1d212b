"""How a file was understood (``skm check``): its terminal rendering (the JSON is
:func:`skm.render.json.check_to_dict`, which this table is drawn from)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from skm.core.instrument import PERMENPAN_14_2017
from skm.errors import Severity
from skm.render.json import check_to_dict
from skm.text import Lang, issue_line, t

if TYPE_CHECKING:
    from rich.console import RenderableType

    from skm.readers import Responses
    from skm.readers.labelfile import UnknownLabels

__all__ = ["check_renderable", "labels_template", "skipped_ranges", "unknown_labels_text"]


_POSITIONAL = frozenset({"u8", "u9"})


def _how(column_how: str, detail: str, lang: Lang | str) -> str:
    key = f"check-how-{column_how}"
    return t(key, lang, detail=detail)


def _candidates(col: dict[str, Any], lang: Lang | str) -> str:
    """The questions a column was scored against, best first, and why the winner won."""
    found = col["candidates"]
    if not found:
        return ""
    shown = []
    for cand in found[:_SHOWN]:
        reasons = ", ".join(t(f"check-why-{r['kind']}", lang, detail=r["detail"]) for r in cand["reasons"])
        shown.append(f"{str(cand['question']).upper()} {cand['score']:g} ({reasons})")
    listed = t("check-candidates", lang, candidates=" > ".join(shown))
    decision = col["decision"]
    if decision is None:
        return listed
    return f"{listed}; {t(f'check-decision-{decision}', lang)}"


_SHOWN = 3


def skipped_ranges(rows: list[int]) -> str:
    """``[3, 4, 5, 9]`` → ``"3–5, 9"``."""
    parts: list[str] = []
    start = prev = None
    for r in rows:
        if prev is not None and r == prev + 1:
            prev = r
            continue
        if start is not None:
            parts.append(str(start) if start == prev else f"{start}–{prev}")
        start = prev = r
    if start is not None:
        parts.append(str(start) if start == prev else f"{start}–{prev}")
    return ", ".join(parts)


def check_renderable(
    responses: Responses, lang: Lang | str = Lang.ID, unknown: UnknownLabels | None = None
) -> RenderableType:
    """Rich renderable for the terminal."""
    from rich.console import Group  # noqa: PLC0415
    from rich.table import Table  # noqa: PLC0415
    from rich.text import Text  # noqa: PLC0415

    from skm.errors import shorten  # noqa: PLC0415

    data = check_to_dict(responses, lang)
    parts: list[RenderableType] = []
    sheet_part = f", sheet '{responses.sheet}'" if responses.sheet else ""
    parts.append(
        Text(
            t(
                "check-source",
                lang,
                source=responses.source,
                sheet_part=sheet_part,
                header_row=responses.header_row,
                respondents=responses.respondents,
            )
        )
    )
    table = Table(title=t("check-title", lang), title_justify="left")
    table.add_column(t("check-column", lang))
    table.add_column(t("check-header", lang), overflow="fold", max_width=48)
    table.add_column(t("check-read-as", lang))
    table.add_column(t("check-why", lang), overflow="fold")
    names = {
        q.key: f"{e.code} {e.name}" + (f" ({q.key})" if len(e.questions) > 1 else "")
        for e in responses.instrument.elements
        for q in e.questions
    }
    columns = data["columns"]
    assert isinstance(columns, list)
    for col in columns:
        question = col["question"]
        if question:
            read_as = names.get(str(question), str(question).upper())
        elif col["profile"]:
            read_as = t("check-profile", lang, name=col["profile"])
        else:
            read_as = t("check-attribute", lang)
        how = str(col["how"])
        if how == "code" and col["question"] in _POSITIONAL and responses.instrument.key == PERMENPAN_14_2017.key:
            how = "positional"
        why = "" if col["candidates"] and how in {"text", "attribute"} else _how(how, str(col["detail"]), lang)
        table.add_row(
            str(col["letter"]),
            shorten(col["header"], 80),
            read_as,
            "; ".join(filter(None, [why, _candidates(col, lang)])),
        )
    parts.append(table)
    dates = data["dates"]
    if isinstance(dates, dict) and dates["first"]:
        parts.append(
            Text(
                t(
                    "check-dates",
                    lang,
                    column=dates["column"],
                    first=str(dates["first"])[:10],
                    last=str(dates["last"])[:10],
                    undated=dates["undated"],
                )
            )
        )
    by_reason: dict[str, list[int]] = {}
    for s in responses.skipped:
        by_reason.setdefault(s.reason, []).append(s.row)
    for reason, rows in by_reason.items():
        parts.append(
            Text(t("check-skipped", lang, reason=t(f"check-reason-{reason}", lang), rows=skipped_ranges(rows)))
        )
    if responses.issues:
        parts.append(Text(t("check-problems", lang, count=len(responses.issues))))
        for issue in responses.issues:
            style = "red" if issue.severity is Severity.ERROR else "yellow"
            parts.append(Text("  " + issue_line(issue, lang), style=style))
        hint = unknown_labels_text(unknown, lang)
        if hint:
            parts.append(Text(hint))
    else:
        parts.append(Text(t("check-ok", lang), style="green"))
    return Group(*parts)


def _toml_key(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def labels_template(unknown: UnknownLabels) -> str:
    """A ready-to-edit TOML labels file for the unknown values found.

    One ``[labels]`` table for every value found, with the guessed score where the wording follows
    the usual four steps and 0 (rejected as out of range until edited) elsewhere.
    """
    low, high = unknown.low, unknown.high
    where: dict[str, list[str]] = {}
    for header, found in unknown.found.items():
        for v in found:
            where.setdefault(v, []).append(header)
    values = sorted(where, key=lambda v: (unknown.guesses.get(v) or high + 1, v))
    lines = [
        f"# Pemetaan label jawaban → nilai untuk skm --labels: periksa/isi nilai {low}–{high} tiap label.",
        f"# Label → score mapping for skm --labels: check or fill in a score {low}–{high} for each label.",
        '# Label yang hanya berlaku untuk satu kolom: [columns."U3"] / column-only labels: [columns."U3"]',
        "",
        "[labels]",
    ]
    for v in values:
        guess = unknown.guesses.get(v)
        note = "tebakan, periksa / guessed, check" if guess is not None else "isi / fill in"
        columns = ", ".join(where[v][:5]) + (" …" if len(where[v]) > 5 else "")
        lines.append(f"{_toml_key(v)} = {guess or 0}  # {note}; {columns}")
    return "\n".join(lines) + "\n"


def unknown_labels_text(unknown: UnknownLabels | None, lang: Lang | str = Lang.ID) -> str | None:
    """Distinct unknown labels per column and a ready-to-edit ``--labels`` file, or ``None``."""
    if unknown is None:
        return None
    lines = [t("labels-found", lang)]
    lines.extend(f"  {column}: {', '.join(values)}" for column, values in unknown.found.items())
    lines += ["", t("labels-template", lang), "", labels_template(unknown)]
    return "\n".join(lines)
