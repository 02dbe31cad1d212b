"""The printable questionnaire (Markdown, HTML, Word) and the Google Forms text of ``skm template``."""

from __future__ import annotations

import html
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from skm.render.questionnaire.spec import TemplateSpec, choice_list, element_name, instrument_title, ordered_questions
from skm.text import t

__all__ = ["forms_text", "questionnaire_html", "questionnaire_markdown", "write_docx"]


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
        (t("tpl-col-gender", lang), choice_list("tpl-genders", lang)),
        (t("tpl-col-education", lang), choice_list("tpl-educations", lang)),
        (t("tpl-col-occupation", lang), choice_list("tpl-occupations", lang)),
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
        _Block(number, element.code, element_name(element, spec.lang), question.text, question.labels)
        for number, element, question in ordered_questions(spec.instrument)
    ]


def _lettered(options: Sequence[str]) -> list[tuple[str, str]]:
    """Options with the letters a, b, c … of the printed questionnaire."""
    return [(chr(ord("a") + i), option) for i, option in enumerate(options)]


def questionnaire_markdown(spec: TemplateSpec) -> str:
    """The printable questionnaire as Markdown (check boxes ``- [ ]``)."""
    lang = spec.lang
    out = [
        f"# {t('tpl-title', lang)}",
        "",
        f"*{t('tpl-instrument', lang, title=instrument_title(spec.instrument, lang))}*",
        "",
    ]
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
        f"<p><em>{e(t('tpl-instrument', lang, title=instrument_title(spec.instrument, lang)))}</em></p>",
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
    doc.add_paragraph().add_run(t("tpl-instrument", lang, title=instrument_title(spec.instrument, lang))).italic = True
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
    out = [t("tpl-title", lang), t("tpl-instrument", lang, title=instrument_title(spec.instrument, lang)), ""]
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
