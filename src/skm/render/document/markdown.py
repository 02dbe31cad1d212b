"""Markdown report: headings, key–value and data tables (GitHub-flavoured tables).

Any text can come from respondents, so every cell is escaped: pipes, Markdown markup,
HTML brackets and line breaks cannot change the table or the page.
"""

from __future__ import annotations

import re
from decimal import Decimal

from skm.render.document.blocks import (
    BarChart,
    Cell,
    Document,
    Headline,
    KeyValues,
    LineChart,
    Paragraph,
    Signature,
    Table,
    fmt,
    section_number,
)

__all__ = ["escape", "render_markdown"]

_SPECIAL = re.compile(r"([\\`*_\[\]|<>~&$])")
_LINE_START = re.compile(r"^([#=+-])")
_ORDERED = re.compile(r"^(\d+)([.)])(?=\s|$)")  # a list marker only before a space or the end


def escape(text: str) -> str:
    """Text safe inside a Markdown paragraph or table cell (one line, no markup, no HTML)."""
    flat = " ".join(str(text).split())
    escaped = _SPECIAL.sub(r"\\\1", flat)
    escaped = escaped.replace("://", "\\://").replace("www.", "www\\.")  # no autolinks
    escaped = _LINE_START.sub(r"\\\1", escaped)
    return _ORDERED.sub(r"\1\\\2", escaped)


def _cell(value: Cell, doc: Document) -> str:
    if value is None:
        return ""
    if isinstance(value, Decimal | int):
        return fmt(value, doc.lang)
    return escape(value)


def _table(table: Table, doc: Document) -> list[str]:
    out: list[str] = []
    if table.caption:
        out += [f"**{escape(table.caption)}**", ""]
    numeric = [
        bool(table.rows) and all(isinstance(r[i], int | Decimal) or r[i] is None for r in table.rows)
        for i in range(len(table.columns))
    ]
    out.append("| " + " | ".join(escape(c) or " " for c in table.columns) + " |")
    out.append("|" + "|".join("---:" if n else "---" for n in numeric) + "|")
    for row in table.rows:
        out.append("| " + " | ".join(_cell(v, doc) for v in row) + " |")
    if table.total is not None:
        out.append("| " + " | ".join(f"**{c}**" if (c := _cell(v, doc)) else "" for v in table.total) + " |")
    return [*out, ""]


def render_markdown(doc: Document) -> str:
    """The whole report as Markdown text."""
    lines = [f"# {escape(doc.title)}", "", f"**{escape(doc.unit)}** — {escape(doc.period)}", ""]
    for number, chapter, title, sections in doc.numbered_chapters():
        lines += [f"## {escape(title)}", ""]
        for m, section in enumerate(sections, start=1):
            no = section_number(number, chapter, m)
            if section.title != title:  # a one-section chapter named like its section (foreword) has one heading
                lines += [f"### {no} {escape(section.title)}" if no else f"### {escape(section.title)}", ""]
            for block in section.blocks:
                if isinstance(block, Paragraph):
                    text = escape(block.text)
                    lines += [f"*{text}*" if block.note else text, ""]
                elif isinstance(block, KeyValues):
                    lines += ["| | |", "|---|---|"]
                    lines += [f"| {escape(k)} | {escape(v)} |" for k, v in block.rows]
                    lines.append("")
                elif isinstance(block, Headline):
                    lines += ["| " + " | ".join(escape(k) for k, _ in block.items) + " |"]
                    lines += ["|" + "|".join(":---:" for _ in block.items) + "|"]
                    lines += ["| " + " | ".join(f"**{escape(fmt(v, doc.lang))}**" for _, v in block.items) + " |", ""]
                elif isinstance(block, Table):
                    lines += _table(block, doc)
                elif isinstance(block, Signature):
                    lines += [*(f"{escape(line)}  " for line in block.lines), "", ""]
                    lines += [f"**{escape(block.name)}**  ", *(f"{escape(line)}  " for line in block.after), ""]
                elif isinstance(block, BarChart | LineChart):
                    continue  # charts are drawn in the HTML, docx and xlsx outputs; their numbers are in tables
    lines += ["---", "", f"*{escape(doc.footer)}*", ""]
    return "\n".join(lines)
