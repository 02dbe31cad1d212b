"""Terminal renderables (rich) for results, samples and problems. Returns objects; never prints."""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal

from rich.console import Group, RenderableType
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from skm.core.calc import IkmResult
from skm.core.instrument import PERMENPAN_14_2017
from skm.core.sampling import SampleSize, ServiceSample
from skm.errors import Issue
from skm.render.prose import legacy_text, rules_lines
from skm.render.rows import element_rows
from skm.text import Lang, fmt_number, issue_line, t

__all__ = ["issues_renderable", "sample_renderable", "score_renderable"]

_GRADE_STYLE = {"A": "bold green", "B": "green", "C": "yellow", "D": "bold red"}


def _n(value: Decimal | float, lang: Lang | str) -> str:
    return fmt_number(value, lang)


def _headline(result: IkmResult, lang: Lang | str, title: str | None = None) -> Panel:
    style = _GRADE_STYLE.get(result.grade, "bold")
    text = Text()
    text.append(f"{t('ikm', lang)} {_n(result.ikm_display, lang)}", style="bold")
    text.append("   ")
    text.append(f"{t('grade', lang)} {result.grade}", style=style)
    text.append(f"   {t('performance', lang)}: ")
    text.append(result.band.performance_en if str(lang) == Lang.EN else result.band.performance, style=style)
    text.append(
        f"\n{t('index', lang)}: {_n(result.index_display, lang)}   {t('respondents', lang)}: {result.respondents}"
    )
    if result.instrument.key != PERMENPAN_14_2017.key:
        name = result.instrument.title_en if str(lang) == Lang.EN else result.instrument.title
        text.append("\n" + t("rule-instrument", lang, title=name), style="bold")
    return Panel(text, title=title or t("result-title", lang), expand=False)


def legacy_renderable(result: IkmResult, lang: Lang | str) -> RenderableType | None:
    """The legacy-emulated IKM next to the exact value and their difference (only when legacy)."""
    line = legacy_text(result, lang)
    if line is None:
        return None
    return Panel(Text(line), title=t("legacy-title", lang), border_style="yellow", expand=False)


def elements_table(result: IkmResult, lang: Lang | str) -> Table:
    """The per-element table: code, name, n, sum, NRR, weighted, 25 × NRR, grade."""
    table = Table(title=t("elements-title", lang), title_justify="left")
    for key, justify in (
        ("code", "left"),
        ("element", "left"),
        ("answered", "right"),
        ("sum", "right"),
        ("nrr", "right"),
        ("weighted", "right"),
        ("converted", "right"),
        ("grade", "center"),
    ):
        table.add_column(t(key, lang), justify=justify)  # type: ignore[arg-type]
    for row in element_rows(result, lang):
        table.add_row(
            row.code,
            row.name,
            str(row.answered),
            str(row.sum),
            _n(row.nrr, lang),
            _n(row.weighted, lang),
            _n(row.converted, lang),
            Text(row.grade, style=_GRADE_STYLE.get(row.grade, "")),
        )
    return table


def priority_table(result: IkmResult, lang: Lang | str) -> Table:
    """Elements from the weakest to the strongest."""
    table = Table(title=t("priority-title", lang), title_justify="left")
    table.add_column(t("rank", lang), justify="right")
    table.add_column(t("code", lang))
    table.add_column(t("element", lang))
    table.add_column(t("nrr", lang), justify="right")
    table.add_column(t("converted", lang), justify="right")
    table.add_column(t("grade", lang), justify="center")
    rows = {row.code: row for row in element_rows(result, lang)}
    for rank, code in enumerate(result.priority, 1):
        row = rows[code]
        table.add_row(
            str(rank),
            code,
            row.name,
            _n(row.nrr, lang),
            _n(row.converted, lang),
            Text(row.grade, style=_GRADE_STYLE.get(row.grade, "")),
        )
    return table


def groups_table(result: IkmResult, lang: Lang | str, min_group: int) -> Table:
    """One row per group and the pooled total."""
    table = Table(title=t("groups-title", lang, column=result.group_by), title_justify="left")
    table.add_column(t("group", lang))
    table.add_column(t("respondents", lang), justify="right")
    table.add_column(t("index", lang), justify="right")
    table.add_column(t("ikm", lang), justify="right")
    table.add_column(t("grade", lang), justify="center")
    table.add_column(t("note", lang))
    for g in result.groups:
        note = t("small-flag", lang, minimum=min_group) if g.small else ""
        if g.result is None:
            missing = ", ".join(g.missing)
            table.add_row(g.group, str(g.respondents), "-", "-", "-", f"{t('not-graded', lang)}: {missing} {note}")
            continue
        r = g.result
        table.add_row(
            g.group,
            str(g.respondents),
            _n(r.index_display, lang),
            _n(r.ikm_display, lang),
            Text(r.grade, style=_GRADE_STYLE.get(r.grade, "")),
            note,
        )
    table.add_section()
    table.add_row(
        t("pooled", lang),
        str(result.respondents),
        _n(result.index_display, lang),
        _n(result.ikm_display, lang),
        Text(result.grade, style=_GRADE_STYLE.get(result.grade, "")),
        "",
    )
    return table


def score_renderable(
    result: IkmResult, lang: Lang | str = Lang.ID, *, title: str | None = None, min_group: int = 5
) -> RenderableType:
    """Everything ``skm score`` shows for one result."""
    parts: list[RenderableType] = [_headline(result, lang, title)]
    legacy = legacy_renderable(result, lang)
    if legacy is not None:
        parts.append(legacy)
    parts += [elements_table(result, lang), priority_table(result, lang)]
    if result.group_by is not None:
        parts.append(groups_table(result, lang, min_group))
    rules = Text(t("rules-title", lang) + ":\n", style="bold")
    for line in rules_lines(result, lang):
        rules.append(f"  • {line}\n", style="")
    parts.append(rules)
    return Group(*parts)


def sample_renderable(
    size: SampleSize, lang: Lang | str = Lang.ID, services: Sequence[ServiceSample] = ()
) -> RenderableType:
    """The sample size with its method and rounding named."""
    method = t(
        f"method-{size.method.value}",
        lang,
        chi2=_n(float(size.chi_square), lang) if size.chi_square is not None else "",
        p=_n(float(size.proportion), lang) if size.proportion is not None else "",
        d=_n(float(size.margin), lang),
    )
    table = Table(title=t("sample-title", lang), title_justify="left", show_header=False)
    table.add_column()
    table.add_column()
    table.add_row(t("population", lang), str(size.population))
    table.add_row(t("sample", lang), Text(str(size.sample), style="bold"))
    table.add_row(t("method", lang), method)
    table.add_row(t("rounding", lang), t(f"rounding-{size.rounding.value}", lang))
    if not services:
        return table
    per = Table(title=t("service", lang), title_justify="left")
    per.add_column(t("service", lang))
    per.add_column(t("population", lang), justify="right")
    per.add_column(t("sample", lang), justify="right")
    per.add_column(t("allocated", lang), justify="right")
    for s in services:
        per.add_row(s.service, str(s.population), str(s.minimum), str(s.allocated))
    per.add_section()
    per.add_row(
        t("total", lang),
        str(sum(s.population for s in services)),
        str(sum(s.minimum for s in services)),
        str(sum(s.allocated for s in services)),
    )
    note = Text(t("sample-allocation-note", lang, overall=size.sample, population=size.population), style="dim")
    return Group(table, per, note)


def issues_renderable(headline: str, issues: Sequence[Issue], lang: Lang | str, limit: int = 20) -> RenderableType:
    """A headline and one line per issue (the first ``limit``, then the count)."""
    text = Text(headline, style="bold red")
    for issue in issues[:limit]:
        text.append("\n  • " + issue_line(issue, lang), style="")
    if len(issues) > limit:  # the rest: `skm check` lists every one
        files = sorted({i.file for i in issues if i.file}) or ["BERKAS"]
        text.append("\n  " + t("more-issues-check", lang, count=len(issues) - limit, file=" ".join(files)))
    return text
