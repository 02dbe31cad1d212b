"""Rich renderables of ``skm stats``, drawn from the typed :class:`~skm.analysis.stats.StatsResult`.

Every figure is rounded as the JSON publishes it (:func:`skm.render.json.stat_round`,
:func:`~skm.render.json.p_round`, :func:`~skm.render.json.interval`), so the table and the JSON
always show the same numbers. Returns objects; never prints."""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.console import Group, RenderableType
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from skm.render.json import interval, p_round, stat_round
from skm.render.prose import method_lines
from skm.render.stats import flag_label
from skm.text import Lang, fmt_number, t

if TYPE_CHECKING:
    from skm.analysis.stats import StatsResult
    from skm.analysis.stats.numeric import TestResult

__all__ = ["stats_renderable"]

_MAX_ROWS_SHOWN = 30


def _n(value: float | int | None, lang: Lang | str, places: int | None = None) -> str:
    if value is None:
        return "-"
    text = f"{value:.{places}f}" if places is not None else str(value)
    return fmt_number(text, lang)


def _ci(ci: list[float] | None, lang: Lang | str, places: int) -> str:
    if ci is None:
        return "-"
    return f"[{_n(ci[0], lang, places)}; {_n(ci[1], lang, places)}]"


def _p(value: float | None, lang: Lang | str) -> str:
    if value is None:
        return "-"
    return f"< {_n(0.0001, lang, 4)}" if value < 0.0001 else _n(value, lang, 4)


def _p_eq(value: float | None, lang: Lang | str) -> str:
    text = _p(value, lang)
    return text if text.startswith("<") else f"= {text}"


def _test_text(test: TestResult | None, lang: Lang | str) -> str:
    if test is None:
        return "-"
    if test.test == "bootstrap-difference":
        return f"bootstrap p {_p_eq(p_round(test.p_value), lang)}"
    name = "Kruskal–Wallis H" if test.test == "kruskal-wallis" else "Mann–Whitney U"
    effect = "ε²" if test.effect_name == "epsilon-squared" else "r_rb"
    return (
        f"{name} = {_n(round(test.statistic, 4), lang, 2)}, p {_p_eq(p_round(test.p_value), lang)}, "
        f"{effect} = {_n(stat_round(test.effect, 4), lang, 3)}"
    )


def _rows_text(rows: tuple[int, ...]) -> str:
    shown = ", ".join(str(r) for r in rows[:_MAX_ROWS_SHOWN])
    return shown + (f" … (+{len(rows) - _MAX_ROWS_SHOWN})" if len(rows) > _MAX_ROWS_SHOWN else "")


def _summary(result: StatsResult, lang: Lang | str) -> Panel:
    ci: list[float] | list[None] = interval(result.ikm_ci, 2) or [None, None]
    instrument = result.instrument
    removed = t("stats-removed", lang, count=len(result.removed_rows)) if result.removed_rows else ""
    lines = [
        t("rule-instrument", lang, title=instrument.title_en if str(lang) == Lang.EN else instrument.title),
        t(
            "stats-summary" if result.intervals_given else "stats-summary-no-ci",
            lang,
            ikm=_n(float(result.result.ikm_display), lang, 2),
            grade=result.result.grade,
            level=round(result.confidence * 100),
            low=_n(ci[0], lang, 2),
            high=_n(ci[1], lang, 2),
            n=result.respondents,
            removed=removed,
            minimum=result.min_interval_n,
        ),
        t(
            "stats-alpha",
            lang,
            alpha=_n(stat_round(result.cronbach_alpha, 4), lang, 4),
            n=result.reliability_n,
            k=len(result.items),
        ),
    ]
    m = result.margin
    if m is not None:
        lines.append(
            t(
                "stats-margin",
                lang,
                population=m.population,
                n=m.sample,
                prop=_n(round(m.proportion * 100, 2), lang, 2),
                ikm=_n(stat_round(m.ikm, 2), lang, 2),
            )
        )
    return Panel("\n".join(lines), title=f"{t('stats-title', lang)}: {result.source}", expand=False)


def _items(result: StatsResult, lang: Lang | str) -> Table:
    table = Table(title=t("stats-items-title", lang), title_justify="left")
    table.add_column(t("code", lang))
    table.add_column(t("element", lang))
    table.add_column(t("stats-r", lang), justify="right")
    table.add_column(t("stats-r-crit", lang), justify="right")
    table.add_column(t("stats-r-test", lang), justify="center")
    threshold = _n(result.discrimination_threshold, lang, 2)
    table.add_column(t("stats-discriminating", lang, threshold=threshold), justify="center")
    table.add_column(t("stats-alpha-deleted", lang), justify="right")
    yes, no = t("stats-yes", lang), t("stats-no", lang)
    for item in result.items:
        verdict = (
            Text("-")
            if item.valid is None
            else Text(t("stats-valid", lang), style="green")
            if item.valid
            else Text(t("stats-invalid", lang), style="red")
        )
        discriminating = "-" if item.discriminating is None else yes if item.discriminating else no
        table.add_row(
            item.code,
            item.name_en if str(lang) == Lang.EN else item.name,
            _n(stat_round(item.item_total_r, 4), lang, 4),
            _n(stat_round(item.r_critical, 4), lang, 4),
            verdict,
            discriminating,
            _n(stat_round(item.alpha_if_deleted, 4), lang, 4),
        )
    return table


def _intervals(result: StatsResult, lang: Lang | str) -> Table:
    table = Table(title=t("stats-ci-title", lang), title_justify="left")
    table.add_column(t("code", lang))
    table.add_column(t("nrr", lang), justify="right")
    table.add_column(t("stats-ci", lang), justify="right")
    for e in result.nrr_ci:
        ci = None if e.low is None or e.high is None else interval((e.low, e.high), 4)
        table.add_row(e.code, _n(float(e.nrr), lang, 4), _ci(ci, lang, 4))
    ikm = float(result.result.ikm_display)
    table.add_row("IKM", _n(ikm, lang, 2), _ci(interval(result.ikm_ci, 2), lang, 2), style="bold")
    return table


def _grades(result: StatsResult, lang: Lang | str) -> RenderableType:
    grade = result.result.grade
    if not result.grade_stability:
        return Text(
            f"{t('stats-grade-title', lang)}: "
            + t("stats-no-intervals", lang, n=result.respondents, minimum=result.min_interval_n)
        )
    table = Table(title=t("stats-grade-title", lang), title_justify="left")
    table.add_column(t("grade", lang), justify="center")
    table.add_column(t("stats-probability", lang), justify="right")
    for g, p in result.grade_stability.items():
        table.add_row(g, _n(round(p, 4), lang, 4), style="bold" if g == grade else "")
    other = round(1 - result.grade_stability.get(grade, 0.0), 4)
    return Group(table, Text(t("stats-other-grade", lang, p=_n(other, lang, 4))))


def _dissatisfied(result: StatsResult, lang: Lang | str) -> Table:
    table = Table(title=t("stats-dissatisfied-title", lang), title_justify="left")
    table.add_column(t("code", lang))
    table.add_column(t("stats-dissatisfied", lang), justify="right")
    table.add_column(t("stats-answered", lang), justify="right")
    table.add_column("%", justify="right")
    table.add_column(t("stats-ci", lang), justify="right")
    for d in result.dissatisfied:
        share = stat_round(d.share, 4)
        ci = interval(d.ci, 4)
        table.add_row(
            d.code,
            str(d.count),
            str(d.answered),
            _n(None if share is None else round(100 * share, 1), lang, 1),
            "-" if ci is None else f"[{_n(round(100 * ci[0], 1), lang, 1)}; {_n(round(100 * ci[1], 1), lang, 1)}]",
        )
    return table


def _weighted(result: StatsResult, lang: Lang | str) -> RenderableType:
    ps, c = result.post_stratified, result.clustering
    column = ps.column if ps is not None else c.column if c is not None else ""
    table = Table(title=t("stats-post-title", lang, column=column), title_justify="left")
    table.add_column("")
    table.add_column(t("ikm", lang), justify="right")
    table.add_column(t("stats-ci", lang), justify="right")
    table.add_column(t("grade", lang), justify="center")
    r = result.result
    table.add_row(
        t("stats-pooled", lang), _n(float(r.ikm_display), lang, 2), _ci(interval(result.ikm_ci, 2), lang, 2), r.grade
    )
    if c is not None and c.ci is not None and c.design_effect > 1:
        table.add_row(
            t("stats-clustered", lang, deff=_n(round(c.design_effect, 2), lang, 2)),
            _n(float(r.ikm_display), lang, 2),
            _ci(interval(c.ci, 2), lang, 2),
            r.grade,
        )
    parts: list[RenderableType] = [table]
    if ps is not None:
        table.add_row(
            t("stats-post", lang), _n(float(ps.ikm), lang, 2), _ci(interval(ps.ci, 2), lang, 2), ps.grade, style="bold"
        )
        strata = Table(title=t("stats-post", lang), title_justify="left")
        for key in ("stats-group", "stats-population", "stats-share", "respondents", "ikm"):
            strata.add_column(t(key, lang), justify="left" if key == "stats-group" else "right")
        for st in ps.strata:
            strata.add_row(
                st.name,
                str(st.population),
                _n(round(float(st.share), 4), lang, 4),
                str(st.respondents),
                _n(float(st.ikm), lang, 2),
            )
        parts.append(strata)
    return Group(*parts)


def _importance(result: StatsResult, lang: Lang | str) -> Table:
    ip = result.importance
    assert ip is not None
    table = Table(title=t("stats-importance-title", lang), title_justify="left")
    table.add_column(t("code", lang))
    for key in ("stats-performance", "stats-expectation", "stats-gap", "stats-ci", "stats-conformity"):
        table.add_column(t(key, lang), justify="right")
    table.add_column(t("stats-quadrant", lang))
    for e in ip.elements:
        table.add_row(
            e.code,
            _n(round(e.performance, 4), lang, 2),
            _n(stat_round(e.expectation, 4), lang, 2),
            _n(stat_round(e.gap, 4), lang, 2),
            _ci(interval(e.gap_ci, 2), lang, 2),
            _n(stat_round(None if e.conformity is None else 100 * e.conformity, 2), lang, 1),
            "-" if e.quadrant is None else t(f"stats-q-{e.quadrant}", lang),
        )
    table.add_row(
        "",
        _n(round(ip.performance_mean, 4), lang, 2),
        _n(round(ip.expectation_mean, 4), lang, 2),
        "",
        "",
        "",
        "",
        style="bold",
    )
    return table


def _groups(result: StatsResult, lang: Lang | str) -> RenderableType:
    comp = result.groups
    assert comp is not None
    table = Table(title=t("stats-groups-title", lang, column=comp.column), title_justify="left")
    table.add_column(t("stats-group", lang))
    table.add_column(t("respondents", lang), justify="right")
    table.add_column(t("ikm", lang), justify="right")
    table.add_column(t("stats-ci", lang), justify="right")
    table.add_column(t("grade", lang), justify="center")
    for g in comp.groups:
        graded = g.ikm is not None and not g.small
        table.add_row(
            g.name,
            str(g.respondents),
            _n(None if g.ikm is None else float(g.ikm), lang, 2) if graded else t("stats-not-graded", lang),
            _ci(interval(g.ci, 2), lang, 2) if graded else "",
            g.grade or "-",
        )
    if comp.test is None:
        return Group(table, Text(t("stats-no-test", lang, min_group=comp.min_group)))
    tests = Table(title=t("stats-test", lang), title_justify="left")
    tests.add_column(t("code", lang))
    tests.add_column(t("stats-test", lang))
    tests.add_column("p (Holm)", justify="right")
    tests.add_row("IKM", _test_text(comp.test, lang), "")
    for code, test, p_holm in comp.elements:
        tests.add_row(code, _test_text(test, lang), _p(p_round(p_holm), lang))
    return Group(table, tests)


def _previous(result: StatsResult, lang: Lang | str) -> Table:
    prev = result.previous
    assert prev is not None
    yes, no = t("stats-yes", lang), t("stats-no", lang)
    table = Table(title=t("stats-previous-title", lang, file=prev.source), title_justify="left")
    for key, justify in (
        ("code", "left"),
        ("stats-previous", "right"),
        ("stats-current", "right"),
        ("stats-diff", "right"),
        ("stats-ci", "right"),
        ("stats-test", "left"),
        ("stats-rank-test", "left"),
        ("stats-significant", "center"),
    ):
        table.add_column(t(key, lang), justify=justify)  # type: ignore[arg-type]
    for e in prev.elements:
        table.add_row(
            e.code,
            _n(float(e.previous), lang, 4),
            _n(float(e.current), lang, 4),
            _n(float(e.difference), lang, 4),
            _ci(interval(e.ci, 4), lang, 4),
            f"{_test_text(e.test, lang)}; p Holm {_p_eq(p_round(e.p_holm), lang)}",
            _test_text(e.rank_test, lang),
            yes if e.significant else no,
        )
    table.add_row(
        "IKM",
        _n(float(prev.ikm_previous), lang, 2),
        _n(float(prev.ikm_current), lang, 2),
        _n(float(prev.difference), lang, 2),
        _ci(interval(prev.ci, 2), lang, 2),
        _test_text(prev.test, lang),
        _test_text(prev.rank_test, lang),
        yes if prev.significant else no,
        style="bold",
    )
    return table


def _flags(result: StatsResult, lang: Lang | str) -> Table:
    table = Table(title=t("stats-flags-title", lang), title_justify="left")
    table.add_column(t("stats-kind", lang))
    table.add_column(t("stats-count", lang), justify="right")
    table.add_column(t("stats-rows", lang))
    for f in result.flags:
        rows = _rows_text(f.rows) if f.rows else t("stats-none", lang)
        if f.kind == "duplicate" and f.duplicate_of:
            pairs = f.duplicate_of[:_MAX_ROWS_SHOWN]
            rows = ", ".join(f"{row} (= {earlier})" for row, earlier in pairs)
        if f.kind == "small-group" and f.groups:
            rows = "; ".join(f"{group} ({n})" for group, n in f.groups)
        table.add_row(flag_label(f.kind, lang), str(len(f.rows)), rows)
    return table


def stats_renderable(result: StatsResult, lang: Lang | str = Lang.ID) -> RenderableType:
    """Everything ``skm stats`` shows in a terminal."""
    parts: list[RenderableType] = [_summary(result, lang), _items(result, lang), _intervals(result, lang)]
    parts.append(_grades(result, lang))
    parts.append(_dissatisfied(result, lang))
    clustered = result.clustering is not None and result.clustering.design_effect > 1
    if result.post_stratified is not None or clustered:
        parts.append(_weighted(result, lang))
    if result.importance is not None:
        parts.append(_importance(result, lang))
    if result.groups is not None:
        parts.append(_groups(result, lang))
    if result.previous is not None:
        parts.append(_previous(result, lang))
    parts.append(_flags(result, lang))
    methods = Text(t("stats-methods-title", lang) + "\n", style="bold")
    if result.uniform_rows:
        flagged = next((len(f.rows) for f in result.flags if f.kind == "straight-lining"), 0)
        methods.append(f"• {t('stats-uniform', lang, count=result.uniform_rows, flagged=flagged)}\n", style="")
    for line in [*(n.text(lang) for n in result.notes), *method_lines(result, lang).values()]:
        methods.append(f"• {line}\n", style="")
    return Group(*parts, methods)
