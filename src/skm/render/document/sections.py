"""The sections of the report, in order, built from :class:`~skm.analysis.facts.ReportData`.

Each ``section_*`` function returns a :class:`~skm.render.document.blocks.Section` (or ``None`` when it
has nothing to say). :data:`SECTION_BUILDERS` is the order of the document: append a builder
(e.g. a statistics section) and every format (Markdown, HTML, xlsx, docx) shows it.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from decimal import Decimal
from fractions import Fraction

from skm.analysis.facts import SUGGESTION_LIMIT, ReportData, date_range, fmt_date, mentions, percent
from skm.core.calc import IkmResult, round_half_up
from skm.render.document.blocks import (
    BarChart,
    Block,
    Cell,
    Chapter,
    Document,
    Headline,
    KeyValues,
    LineChart,
    Paragraph,
    QuadrantChart,
    Section,
    Signature,
    Table,
    fmt,
)
from skm.render.prose import legacy_text, method_lines, rules_lines, summary_lines
from skm.render.rows import TABLE_FIELDS, element_rows
from skm.text import Lang, t
from skm.text.report import tr

__all__ = [
    "SECTION_BUILDERS",
    "SectionBuilder",
    "build_document",
    "element_table",
    "section_importance",
    "section_stats",
]

# --------------------------------------------------------------------------- sections


def _name(e: object, lang: Lang) -> str:
    return str(getattr(e, "name_en" if lang is Lang.EN else "name"))


def _perf(result: IkmResult, lang: Lang) -> str:
    return result.band.performance_en if lang is Lang.EN else result.band.performance


def _band_marks(result: IkmResult) -> tuple[tuple[Decimal, str], ...]:
    floor = Decimal(result.instrument.conversion * result.instrument.scale_min)
    return tuple((b.lower, b.grade) for b in result.instrument.bands if b.lower > floor)


def _chart_floor(result: IkmResult) -> Decimal:
    return Decimal(result.instrument.conversion * result.instrument.scale_min)


def _chart_top(result: IkmResult) -> Decimal:
    return Decimal(result.instrument.conversion * result.instrument.scale_max)


def _instrument_title(data: ReportData) -> str:
    inst = data.result.instrument
    return inst.title_en if data.lang is Lang.EN else inst.title


def section_background(data: ReportData) -> Section:
    """Bab I: background, purpose and identity of the survey."""
    lang = data.lang
    rows: list[tuple[str, str]] = [
        (tr("unit", lang), data.unit_text),
        (tr("period", lang), data.period_text),
    ]
    if data.period and data.first_date is not None and data.last_date is not None:
        rows.append((tr("dates", lang), date_range(data.first_date, data.last_date, lang)))
    if data.services:
        rows.append((tr("services", lang), ", ".join(data.services)))
    rows.append((tr("respondents", lang), fmt(data.result.respondents, lang)))
    return Section(
        "background",
        Chapter.INTRO,
        tr("sec-background", lang),
        (
            Paragraph(tr("background-text", lang, instrument=_instrument_title(data))),
            Paragraph(tr("purpose-text", lang, unit=data.unit_text)),
            KeyValues(tuple(rows)),
        ),
        sheet=tr("sheet-intro", lang),
    )


def section_method(data: ReportData) -> Section:
    """Bab II: instrument, rules, data file, version."""
    lang = data.lang
    result = data.result
    inst = result.instrument
    rules = rules_lines(result, lang)
    kv: list[tuple[str, str]] = [(tr("instrument", lang), inst.title_en if lang is Lang.EN else inst.title)]
    kv.extend((tr("rules", lang) if i == 0 else "", line) for i, line in enumerate(rules[1:]))
    kv.extend(
        [
            (tr("input-file", lang), data.source_name),
            (tr("sha256", lang), data.sha256 or "-"),
            (tr("tool", lang), f"skm {data.version}"),
            (tr("generated", lang), fmt_date(data.generated, lang)),
        ]
    )
    elements = Table(
        (tr("code", lang), tr("element", lang), tr("weight", lang)),
        tuple(
            (e.code, _name(e, lang), round_half_up(w, 4)) for e, w in zip(inst.elements, result.weights, strict=True)
        ),
        caption=tr("elements-list", lang),
        wide=1,
        key="elements-list",
        widths=(12, 70, 18),
    )
    return Section(
        "method",
        Chapter.METHOD,
        tr("sec-method", lang),
        (
            Paragraph(
                tr(
                    "method-text",
                    lang,
                    k=len(inst.elements),
                    low=inst.scale_min,
                    high=inst.scale_max,
                    factor=inst.conversion,
                )
            ),
            KeyValues(tuple(kv)),
            elements,
        ),
        sheet=tr("sheet-method", lang),
    )


def section_bands(data: ReportData) -> Section:
    """Bab II: the grade bands (legend)."""
    lang = data.lang
    inst = data.result.instrument
    rows = tuple(
        (
            b.grade,
            f"{'≥' if b.inclusive else '>'} {fmt(round_half_up(Fraction(b.lower) / inst.conversion, 4), lang)}",
            f"{'≥' if b.inclusive else '>'} {fmt(b.lower, lang)}",
            b.performance_en if lang is Lang.EN else b.performance,
        )
        for b in inst.bands
    )
    return Section(
        "bands",
        Chapter.METHOD,
        tr("sec-bands", lang),
        (
            Table(
                (tr("grade", lang), tr("ni-lower", lang), tr("ikm-lower", lang), tr("performance", lang)),
                rows,
                key="bands",
            ),
        ),
        sheet=tr("sheet-method", lang),
    )


def section_sample(data: ReportData) -> Section:
    """Bab II: respondents against the minimum sample."""
    lang = data.lang
    n = data.result.respondents
    rows: list[tuple[str, str]] = [(tr("respondents", lang), fmt(n, lang))]
    blocks: list[Block] = []
    if data.minimum is not None and data.population is not None:
        m = data.minimum.sample
        rows.append((tr("population", lang), fmt(data.population, lang)))
        rows.append((tr("minimum", lang), fmt(m, lang)))
        met = (
            tr("sample-yes", lang, n=fmt(n, lang), minimum=fmt(m, lang))
            if n >= m
            else tr("sample-no", lang, n=fmt(n, lang), minimum=fmt(m, lang), short=fmt(m - n, lang))
        )
        rows.append((tr("sample-met", lang), met))
        blocks.append(KeyValues(tuple(rows)))
    else:
        blocks.append(KeyValues(tuple(rows)))
        blocks.append(Paragraph(tr("no-population", lang), note=True))
    if data.service_samples:
        blocks.append(
            Table(
                (
                    tr("service", lang),
                    tr("population-short", lang),
                    tr("minimum-short", lang),
                    tr("allocated", lang),
                    tr("respondents-short", lang),
                    tr("sample-met", lang),
                ),
                tuple(
                    (
                        r.service,
                        r.population,
                        r.minimum,
                        r.allocated,
                        r.respondents,
                        tr("yes", lang) if r.met else tr("short", lang, short=r.minimum - r.respondents),
                    )
                    for r in data.service_samples
                ),
                caption=tr("service-samples", lang),
                wide=0,
                key="service-samples",
                flags=tuple("" if r.met else "invalid" for r in data.service_samples),
            )
        )
        blocks.append(Paragraph(tr("service-samples-note", lang), note=True))
    if data.skipped_cells:
        blocks.append(Paragraph(tr("skipped-rows", lang, count=data.skipped_cells), note=True))
    return Section("sample", Chapter.METHOD, tr("sec-sample", lang), tuple(blocks), sheet=tr("sheet-method", lang))


def _round(value: float | None, places: int) -> Decimal | None:
    if value is None:
        return None
    return round_half_up(Fraction(repr(value)), places)


def _pct(value: float | None) -> Decimal | None:
    return None if value is None else _round(100 * value, 1)


# the method sentences of the statistics section, in their order
_STATS_METHODS = (
    "reliability",
    "validity",
    "bootstrap",
    "bootstrap_normal",
    "grade_stability",
    "dissatisfied",
    "post_stratified",
    "clustering",
)


def section_stats(data: ReportData) -> Section | None:
    """Bab II: validity (significance test and discrimination), reliability (Cronbach's alpha),
    95% intervals, the share dissatisfied per element and, with service populations, the IKM
    weighted by service population beside the pooled one."""

    stats = data.stats
    if stats is None:
        return None
    lang = data.lang
    lines = summary_lines(stats, lang)
    if not stats.exclude_flagged:
        lines = lines[:-1]  # the last line points to a `skm stats` option, not to the report
    intervals = {i.code: i for i in stats.nrr_ci}
    yes, no = tr("yes", lang), tr("no-word", lang)
    rows = tuple(
        (
            item.code,
            _name(data.result.element(item.code), lang),
            _round(item.item_total_r, 4),
            _round(item.r_critical, 4),
            "-" if item.valid is None else yes if item.valid else no,
            "-" if item.discriminating is None else yes if item.discriminating else no,
            _round(item.alpha_if_deleted, 4),
            _round(intervals[item.code].low, 4) if item.code in intervals else None,
            _round(intervals[item.code].high, 4) if item.code in intervals else None,
        )
        for item in stats.items
    )
    threshold = fmt(Decimal(str(stats.discrimination_threshold)).quantize(Decimal("0.01")), lang)
    table = Table(
        (
            tr("code", lang),
            tr("element", lang),
            tr("r-item", lang),
            tr("r-table", lang),
            t("stats-r-test", lang),
            t("stats-discriminating", lang, threshold=threshold),
            tr("alpha-deleted", lang),
            tr("nrr-low", lang),
            tr("nrr-high", lang),
        ),
        rows,
        wide=1,
        key="stats",
        flags=tuple("invalid" if item.valid is False else "" for item in stats.items),
        widths=(6, 22, 9, 9, 10, 10, 12, 11, 11),
    )
    unhappy = Table(
        (tr("code", lang), tr("element", lang), t("stats-dissatisfied", lang), t("stats-answered", lang), "%")
        + ((f"{t('stats-ci', lang)} ↓", f"{t('stats-ci', lang)} ↑") if stats.intervals_given else ()),
        tuple(
            (
                d.code,
                _name(data.result.element(d.code), lang),
                d.count,
                d.answered,
                _pct(d.share),
                *((_pct(d.ci[0]) if d.ci else None, _pct(d.ci[1]) if d.ci else None) if stats.intervals_given else ()),
            )
            for d in stats.dissatisfied
        ),
        caption=t("stats-dissatisfied-title", lang),
        wide=1,
        key="stats-dissatisfied",
    )
    blocks: list[Block] = [*(Paragraph(line) for line in lines), table, unhappy]
    ps = stats.post_stratified
    if ps is not None:
        r = data.result
        pooled_ci = stats.ikm_ci
        blocks.append(
            Table(
                ("", tr("ikm", lang), f"{t('stats-ci', lang)} ↓", f"{t('stats-ci', lang)} ↑", tr("grade", lang)),
                (
                    (
                        t("stats-pooled", lang),
                        r.ikm_display,
                        _round(pooled_ci[0], 2) if pooled_ci else None,
                        _round(pooled_ci[1], 2) if pooled_ci else None,
                        r.grade,
                    ),
                    (
                        t("stats-post", lang),
                        ps.ikm,
                        _round(ps.ci[0], 2) if ps.ci else None,
                        _round(ps.ci[1], 2) if ps.ci else None,
                        ps.grade,
                    ),
                ),
                caption=t("stats-post-title", lang, column=ps.column),
                wide=0,
                key="stats-post-stratified",
            )
        )
        blocks.append(
            Table(
                (
                    t("stats-group", lang),
                    t("stats-population", lang),
                    t("stats-share", lang),
                    tr("respondents", lang),
                    tr("ikm", lang),
                ),
                tuple((s.name, s.population, _round(float(s.share), 4), s.respondents, s.ikm) for s in ps.strata),
                caption=t("stats-post", lang),
                wide=0,
                key="stats-strata",
            )
        )
    methods = method_lines(stats, lang)
    blocks.extend(Paragraph(methods[k], note=True) for k in _STATS_METHODS if k in methods)
    return Section("stats", Chapter.METHOD, tr("sec-stats", lang), tuple(blocks), sheet=tr("sheet-stats", lang))


def _interval_text(ci: tuple[float, float] | None, lang: Lang) -> str:
    if ci is None:
        return "-"
    low, high = (round_half_up(Fraction(repr(v)), 2) for v in ci)
    return f"[{fmt(low, lang)}; {fmt(high, lang)}]"


def section_importance(data: ReportData) -> Section | None:
    """Bab IV: importance–performance of an instrument with expectation questions: gap per
    element, its quadrant, and the four-quadrant chart (SVG in HTML; the table elsewhere)."""

    ip = data.stats.importance if data.stats is not None else None
    if ip is None:
        return None
    lang = data.lang
    names = {q: t(f"stats-q-{q}", lang) for q in ("prioritas-utama", "pertahankan", "prioritas-rendah", "berlebihan")}
    scored = [e for e in ip.elements if e.expectation is not None]
    table = Table(
        (
            tr("code", lang),
            tr("element", lang),
            t("stats-performance", lang),
            t("stats-expectation", lang),
            t("stats-gap", lang),
            f"{t('stats-gap', lang)} {t('stats-ci', lang)}",
            t("stats-conformity", lang),
            t("stats-quadrant", lang),
        ),
        tuple(
            (
                e.code,
                _name(data.result.element(e.code), lang),
                _round(e.performance, 2),
                _round(e.expectation, 2),
                _round(e.gap, 2),
                _interval_text(e.gap_ci, lang),
                _round(None if e.conformity is None else 100 * e.conformity, 1),
                "-" if e.quadrant is None else names[e.quadrant],
            )
            for e in ip.elements
        ),
        total=("", "", _round(ip.performance_mean, 2), _round(ip.expectation_mean, 2), None, "", None, ""),
        wide=1,
        key="importance",
        flags=tuple("drop" if e.quadrant == "prioritas-utama" else "" for e in ip.elements),
    )
    chart = QuadrantChart(
        title=t("stats-importance-title", lang),
        labels=tuple(e.code for e in scored),
        x=tuple(Decimal(f"{e.performance:.4f}") for e in scored),
        y=tuple(Decimal(f"{e.expectation:.4f}") for e in scored if e.expectation is not None),
        x_mean=Decimal(f"{ip.performance_mean:.4f}"),
        y_mean=Decimal(f"{ip.expectation_mean:.4f}"),
        x_title=t("stats-performance", lang),
        y_title=t("stats-expectation", lang),
        quadrants=(names["prioritas-utama"], names["pertahankan"], names["prioritas-rendah"], names["berlebihan"]),
    )
    methods = method_lines(data.stats, lang) if data.stats is not None else {}
    return Section(
        "importance",
        Chapter.ANALYSIS,
        t("stats-importance-title", lang),
        (table, chart, Paragraph(methods.get("importance", ""), note=True)),
        sheet=t("stats-importance-sheet", lang),
    )


def section_headline(data: ReportData) -> Section:
    """Bab III: NI, IKM, mutu, kinerja."""
    lang = data.lang
    r = data.result
    perf = _perf(r, lang)
    items = (
        (tr("ni", lang), r.index_display),
        (tr("ikm", lang), r.ikm_display),
        (tr("grade", lang), r.grade),
        (tr("performance", lang), perf),
    )
    text = tr(
        "headline-text",
        lang,
        unit=data.unit_text,
        ikm=fmt(r.ikm_display, lang),
        ni=fmt(r.index_display, lang),
        grade=r.grade,
        performance=perf,
        n=r.respondents,
    )

    legacy = legacy_text(r, lang)
    extra = (Paragraph(f"{t('legacy-title', lang)}: {legacy}"),) if legacy else ()
    return Section(
        "headline",
        Chapter.RESULTS,
        tr("sec-headline", lang),
        (Headline(items, grade=r.grade), Paragraph(text), *extra),
        sheet="IKM",
    )


def element_table(result: IkmResult, lang: Lang) -> Table:
    """The per-element table with the NI/IKM total row."""
    return Table(
        (
            tr("code", lang),
            tr("element", lang),
            tr("answered", lang),
            tr("sum", lang),
            tr("nrr", lang),
            tr("weighted", lang),
            tr("converted", lang),
            tr("grade", lang),
        ),
        tuple(row.values(TABLE_FIELDS) for row in element_rows(result, lang)),
        total=(
            "",
            tr("total-row", lang),
            result.respondents,
            None,
            None,
            result.index_display,
            result.ikm_display,
            result.grade,
        ),
        wide=1,
        key="elements",
    )


def section_elements(data: ReportData) -> Section:
    """Bab III: per-element results and their chart."""
    lang = data.lang
    r = data.result
    chart = BarChart(
        tr("chart-elements", lang),
        tuple(e.code for e in r.elements),
        tuple(e.converted_display for e in r.elements),
        minimum=_chart_floor(r),
        maximum=_chart_top(r),
        bands=_band_marks(r),
        grades=tuple(e.grade for e in r.elements),
        series=tr("converted", lang),
    )
    return Section("elements", Chapter.RESULTS, tr("sec-elements", lang), (element_table(r, lang), chart), sheet="IKM")


def section_profile(data: ReportData) -> Section:
    """Bab III: respondent profile tables and charts."""
    lang = data.lang
    blocks: list[Block] = []
    for p in data.profiles:
        title = tr(f"prof-{p.name}", lang)
        blocks.append(
            Table(
                (title, tr("count", lang), tr("percent", lang)),
                tuple((label, n, percent(n, p.total)) for label, n in p.rows),
                caption=title,
                total=(tr("total", lang), p.total, Decimal("100.0")),
                wide=0,
                key=f"profile-{p.name}",
                widths=(60, 20, 20),
            )
        )
        blocks.append(
            BarChart(
                title,
                tuple(label for label, _ in p.rows),
                tuple(percent(n, p.total) for _, n in p.rows),
                maximum=Decimal(100),
                suffix="%",
            )
        )
    if not blocks:
        blocks.append(Paragraph(tr("profile-none", lang)))
    return Section("profile", Chapter.RESULTS, tr("sec-profile", lang), tuple(blocks), sheet=tr("sec-profile", lang))


def section_services(data: ReportData) -> Section | None:
    """Bab III: per-service results (when the data has a service column)."""
    if data.by_service is None or not data.by_service.groups:
        return None
    lang = data.lang
    rows: list[tuple[Cell, ...]] = []
    labels: list[str] = []
    values: list[Decimal] = []
    grades: list[str] = []
    small: list[bool] = []
    for g in data.by_service.groups:
        note = tr("small", lang, minimum=data.min_group) if g.small else ""
        if g.result is None:
            rows.append((g.group, g.respondents, None, None, "", tr("not-graded", lang, codes=", ".join(g.missing))))
            continue
        perf = _perf(g.result, lang)
        rows.append(
            (
                g.group,
                g.respondents,
                g.result.index_display,
                g.result.ikm_display,
                g.result.grade,
                f"{perf}{'; ' + note if note else ''}",
            )
        )
        labels.append(g.group)
        values.append(g.result.ikm_display)
        grades.append(g.result.grade)
        small.append(g.small)
    r = data.result
    table = Table(
        (
            tr("service", lang),
            tr("answered", lang),
            tr("ni", lang),
            tr("ikm", lang),
            tr("grade", lang),
            tr("performance", lang),
        ),
        tuple(rows),
        total=(tr("total", lang), r.respondents, r.index_display, r.ikm_display, r.grade, _perf(r, lang)),
        wide=0,
        key="services",
        flags=tuple("small" if g.small else "" for g in data.by_service.groups),
        widths=(24, 7, 13, 11, 8, 37),
    )
    chart = BarChart(
        tr("chart-services", lang),
        tuple(labels),
        tuple(values),
        minimum=_chart_floor(r),
        maximum=_chart_top(r),
        bands=_band_marks(r),
        grades=tuple(grades),
        series=tr("ikm", lang),
        small=tuple(small),
    )
    return Section(
        "services",
        Chapter.RESULTS,
        tr("sec-services", lang),
        (table, chart, Paragraph(tr("services-note", lang), note=True)),
        sheet=tr("service", lang),
    )


def section_distribution(data: ReportData) -> Section:
    """Bab III: count and share of each answer value per element."""
    lang = data.lang
    r = data.result
    inst = r.instrument
    values = list(range(inst.scale_min, inst.scale_max + 1))
    columns: list[str] = [tr("code", lang), tr("element", lang)]
    for v in values:
        columns += [f"{v} (n)", f"{v} (%)"]
    rows = []
    for e in r.elements:
        total = sum(e.counts)
        cells: list[Cell] = [e.code, _name(e, lang)]
        for c in e.counts:
            cells += [c, percent(c, total)]
        rows.append(tuple(cells))
    scale = inst.elements[0].labels
    if lang is Lang.EN and len(values) == 4:
        words = [tr(f"scale-{k}", lang) for k in range(1, 5)]
        labels = "; ".join(f"{v} = {w} ('{label}')" for v, w, label in zip(values, words, scale, strict=False))
    else:
        labels = "; ".join(f"{v} = {label}" for v, label in zip(values, scale, strict=False))
    return Section(
        "distribution",
        Chapter.RESULTS,
        tr("sec-distribution", lang),
        (
            Paragraph(tr("distribution-note", lang, labels=labels), note=True),
            Table(tuple(columns), tuple(rows), wide=1, key="distribution"),
        ),
        sheet=tr("sec-distribution", lang),
    )


def section_priority(data: ReportData) -> Section:
    """Bab IV: elements weakest first."""
    lang = data.lang
    r = data.result
    ranked = [r.element(c) for c in r.priority]
    weakest = ", ".join(f"{e.code} {_name(e, lang)} ({fmt(e.converted_display, lang)})" for e in ranked[:3])
    best = ranked[-1]
    return Section(
        "priority",
        Chapter.ANALYSIS,
        tr("sec-priority", lang),
        (
            Paragraph(
                tr(
                    "priority-text",
                    lang,
                    weakest=weakest,
                    best=f"{best.code} {_name(best, lang)} ({fmt(best.converted_display, lang)})",
                )
            ),
            Table(
                (
                    tr("rank", lang),
                    tr("code", lang),
                    tr("element", lang),
                    tr("nrr", lang),
                    tr("converted", lang),
                    tr("grade", lang),
                ),
                tuple(
                    (i, e.code, _name(e, lang), e.nrr_display, e.converted_display, e.grade)
                    for i, e in enumerate(ranked, start=1)
                ),
                wide=2,
                key="priority",
                widths=(11, 8, 46, 11, 14, 10),
            ),
        ),
        sheet=tr("rank", lang),
    )


def section_trend(data: ReportData) -> Section | None:
    """Bab IV: change against the previous period."""
    trend = data.trend
    if trend is None:
        return None
    lang = data.lang
    if trend.change > 0:
        text = tr(
            "trend-text-up",
            lang,
            change=fmt(trend.change, lang),
            previous=fmt(trend.previous_ikm, lang),
            current=fmt(trend.current_ikm, lang),
        )
    elif trend.change < 0:
        text = tr(
            "trend-text-down",
            lang,
            change=fmt(-trend.change, lang),
            previous=fmt(trend.previous_ikm, lang),
            current=fmt(trend.current_ikm, lang),
        )
    else:
        text = tr("trend-text-same", lang, current=fmt(trend.current_ikm, lang))
    grade_words = _grade_change(trend.previous_grade, data.result.grade, lang)
    if grade_words:
        text += " " + tr("trend-grade-text", lang, grades=grade_words)
    blocks: list[Block] = [Paragraph(text)]
    if trend.drops:
        blocks.append(Paragraph(tr("trend-drops", lang, codes=", ".join(trend.drops))))

    def flag(change: Decimal | None) -> str:
        if change is None:
            return tr("absent", lang)
        return tr("drop", lang) if change < 0 else tr("rise", lang) if change > 0 else tr("same", lang)

    blocks.append(
        Table(
            (tr("code", lang), tr("element", lang), tr("previous", lang), tr("current", lang), tr("change", lang), ""),
            tuple(
                (
                    row.code,
                    _name(data.result.element(row.code), lang),
                    row.previous,
                    row.current,
                    row.change,
                    flag(row.change),
                )
                for row in trend.elements
            ),
            flags=tuple("drop" if row.dropped else "" for row in trend.elements),
            widths=(8, 38, 14, 13, 14, 13),
            total=("", tr("ikm", lang), trend.previous_ikm, trend.current_ikm, trend.change, flag(trend.change)),
            wide=1,
            key="trend",
        )
    )
    blocks.append(Paragraph(f"{tr('trend-source', lang)}: {trend.source}", note=True))
    if len(data.history) >= 2:
        blocks.extend(_history_blocks(data))
    return Section("trend", Chapter.ANALYSIS, tr("sec-trend", lang), tuple(blocks), sheet=tr("change", lang))


def _grade_change(before: str, after: str, lang: Lang) -> str:
    """``mutu naik dari C menjadi B`` (grades are letters: A is best), or "" when unknown."""
    if not before or not after:
        return ""
    if before == after:
        return tr("grade-same", lang, grade=after)
    return tr("grade-up" if after < before else "grade-down", lang, before=before, after=after)


def _history_blocks(data: ReportData) -> list[Block]:
    """Every period (earlier ones, then this one): a sentence, a table and a line chart of the IKM."""
    lang = data.lang
    r = data.result
    points = [(p.name, p.respondents, p.ikm, p.grade) for p in data.history]
    points.append((data.period_text, r.respondents, r.ikm_display, r.grade))
    rows: list[tuple[Cell, ...]] = []
    for i, (name, n, ikm, grade) in enumerate(points):
        if i == 0:
            rows.append((name, n, ikm, grade, None, ""))
            continue
        before = points[i - 1]
        rows.append((name, n, ikm, grade, ikm - before[2], _grade_change(before[3], grade, lang)))
    first, last = points[0], points[-1]
    text = tr(
        "trend-periods-text",
        lang,
        count=len(points),
        first=first[0],
        last=last[0],
        first_ikm=fmt(first[2], lang),
        last_ikm=fmt(last[2], lang),
        change=fmt(last[2] - first[2], lang),
        grades=_grade_change(first[3], last[3], lang) or "-",
    )
    table = Table(
        (
            tr("period", lang),
            tr("respondents-short", lang),
            tr("ikm", lang),
            tr("grade", lang),
            tr("change", lang),
            tr("remark", lang),
        ),
        tuple(rows),
        caption=tr("trend-periods", lang),
        wide=0,
        key="trend-periods",
        widths=(30, 12, 11, 9, 11, 27),
    )
    chart = LineChart(
        tr("trend-periods", lang),
        tuple(p[0] for p in points),
        tuple(p[2] for p in points),
        minimum=_chart_floor(r),
        maximum=_chart_top(r),
        bands=_band_marks(r),
        grades=tuple(p[3] for p in points),
        series=tr("ikm", lang),
    )
    return [Paragraph(text), table, chart]


def section_plan(data: ReportData) -> Section:
    """Bab IV: rencana tindak lanjut."""
    lang = data.lang
    note = tr("plan-from", lang, file=data.plan_source) if data.plan_source else tr("plan-blank", lang)
    table = Table(
        (tr("rank", lang), tr("element", lang), tr("program", lang), tr("time", lang), tr("responsible", lang)),
        tuple((p.rank, f"{p.code} {p.name}", p.program, p.time, p.responsible) for p in data.plan),
        wide=2,
        key="plan",
        widths=(11, 27, 32, 12, 18),
    )
    return Section(
        "plan",
        Chapter.ANALYSIS,
        tr("sec-plan", lang),
        (table, Paragraph(note, note=True)),
        sheet=tr("sec-plan", lang),
    )


def section_suggestions(data: ReportData) -> Section:
    """Bab IV: suggestions with repeats counted."""
    lang = data.lang
    if not data.suggestions:
        blocks: tuple[Block, ...] = (Paragraph(tr("suggestions-none", lang)),)
    else:
        blocks = (
            Paragraph(
                tr("suggestions-count", lang, distinct=len(data.suggestions), total=data.suggestion_total), note=True
            ),
            *(
                (Paragraph(tr("suggestions-capped", lang, shown=SUGGESTION_LIMIT, distinct=len(data.suggestions))),)
                if len(data.suggestions) > SUGGESTION_LIMIT
                else ()
            ),
            Table(
                (tr("no", lang), tr("suggestion", lang), tr("count", lang)),
                tuple((i, s.text, s.count) for i, s in enumerate(data.suggestions[:SUGGESTION_LIMIT], start=1)),
                wide=1,
                key="suggestions",
                widths=(7, 81, 12),
            ),
        )
    return Section(
        "suggestions", Chapter.ANALYSIS, tr("sec-suggestions", lang), blocks, sheet=tr("suggestion", lang).split("/")[0]
    )


def section_closing(data: ReportData) -> Section:
    """Bab V: conclusion."""
    lang = data.lang
    r = data.result
    weakest = ", ".join(f"{c} {_name(r.element(c), lang)}" for c in r.priority[:3])
    text = tr(
        "closing-text",
        lang,
        unit=data.unit_text,
        period=data.period_text,
        ikm=fmt(r.ikm_display, lang),
        grade=r.grade,
        performance=_perf(r, lang),
        weakest=weakest,
    )
    sign = _signature(data)
    return Section(
        "closing", Chapter.CLOSING, tr("sec-closing", lang), (Paragraph(text), sign), sheet=tr("sheet-closing", lang)
    )


# --------------------------------------------------------------------------- front matter, fieldwork


def _missing(key: str, lang: Lang) -> str:
    return tr("missing", lang, key=key)


def _signature(data: ReportData) -> Signature:
    """Place and date, the head's role, name and NIP (placeholders when not given)."""
    lang = data.lang
    info = data.info
    place = info.place if info is not None and info.place else None
    date_text = fmt_date(data.generated, lang)
    role = info.position if info is not None and info.position else tr("sign-role", lang, unit=data.unit_text)
    name = info.head if info is not None and info.head else tr("sign-name", lang)
    nip = info.nip if info is not None and info.nip else "……………………………"
    return Signature(
        (f"{place}, {date_text}" if place else tr("sign-place", lang, date=date_text), role),
        name,
        after=(tr("nip", lang, nip=nip),),
    )


def section_foreword(data: ReportData) -> Section:
    """Kata pengantar, signed by the head of the unit."""
    lang = data.lang
    r = data.result
    text = tr(
        "foreword-text", lang, unit=data.unit_text, period=data.period_text, ikm=fmt(r.ikm_display, lang), grade=r.grade
    )
    return Section(
        "foreword",
        Chapter.PREFACE,
        tr("sec-foreword", lang),
        (Paragraph(text), Paragraph(tr("foreword-thanks", lang)), _signature(data)),
        sheet=tr("sheet-preface", lang),
    )


def section_legal(data: ReportData) -> Section:
    """Bab I: the laws and regulations the survey follows."""
    lang = data.lang
    rows = tuple((i, tr(key, lang)) for i, key in enumerate(("legal-uu", "legal-pp", "legal-permen"), start=1))
    return Section(
        "legal",
        Chapter.INTRO,
        tr("sec-legal", lang),
        (Table((tr("no", lang), tr("legal-rule", lang)), rows, wide=1, key="legal", widths=(8, 92)),),
        sheet=tr("sheet-intro", lang),
    )


def section_fieldwork(data: ReportData) -> Section:
    """Bab II: how, where and when the answers were collected, and by whom."""
    lang = data.lang
    info = data.info
    method = info.method if info is not None and info.method else _missing("method", lang)
    location = info.location if info is not None and info.location else _missing("location", lang)
    if info is not None and info.field_days:
        days = info.field_days
    elif data.first_date is not None and data.last_date is not None:
        days = tr(
            "field-days-from-data", lang, dates=date_range(data.first_date, data.last_date, lang), days=data.field_days
        )
    else:
        days = _missing("field_days", lang)
    blocks: list[Block] = [
        KeyValues(
            (
                (tr("collection-method", lang), method),
                (tr("location", lang), location),
                (tr("field-days", lang), days),
            )
        )
    ]
    if info is not None and info.team:
        blocks.append(
            Table(
                (tr("no", lang), tr("name", lang), tr("role", lang)),
                tuple((i, name, role) for i, (name, role) in enumerate(info.team, start=1)),
                caption=tr("team", lang),
                wide=1,
                key="team",
                widths=(8, 52, 40),
            )
        )
    else:
        blocks.append(KeyValues(((tr("team", lang), _missing("team", lang)),)))
    return Section(
        "fieldwork", Chapter.METHOD, tr("sec-fieldwork", lang), tuple(blocks), sheet=tr("sheet-method", lang)
    )


# --------------------------------------------------------------------------- analysis, recommendations

WEAK_ELEMENTS = 3  # the elements analysed one by one and given a recommendation


def _weak(data: ReportData) -> list[object]:
    r = data.result
    return [r.element(c) for c in r.priority[:WEAK_ELEMENTS]]


def section_element_analysis(data: ReportData) -> Section:
    """Bab IV: one paragraph per weak element, with the suggestions that mention it."""
    lang = data.lang
    r = data.result
    blocks: list[Block] = []
    for rank, code in enumerate(r.priority[:WEAK_ELEMENTS], start=1):
        e = r.element(code)
        gap = e.converted_display - r.ikm_display
        text = tr(
            "element-analysis",
            lang,
            code=e.code,
            name=_name(e, lang),
            value=fmt(e.converted_display, lang),
            grade=e.grade,
            rank=len(r.elements) - rank + 1,
            k=len(r.elements),
            gap=fmt(abs(gap), lang),
            side=tr("below" if gap < 0 else "above", lang),
            ikm=fmt(r.ikm_display, lang),
        )
        said = mentions(r.instrument.element(e.code), data.suggestions)
        if said:
            examples = "; ".join(f"\u201c{s.text}\u201d" + (f" ({s.count}×)" if s.count > 1 else "") for s in said[:3])
            text += " " + tr("element-mentions", lang, count=sum(s.count for s in said), examples=examples)
        else:
            text += " " + tr("element-no-mentions", lang)
        blocks.append(Paragraph(text))
    return Section(
        "element-analysis", Chapter.ANALYSIS, tr("sec-element-analysis", lang), tuple(blocks), sheet=tr("rank", lang)
    )


def section_recommendations(data: ReportData) -> Section:
    """Bab IV: one recommendation per weak element (the plan's programme when given)."""
    lang = data.lang
    r = data.result
    planned = {p.code: p.program for p in data.plan if p.program}
    bands = sorted(b.lower for b in r.instrument.bands)
    rows = []
    for i, code in enumerate(r.priority[:WEAK_ELEMENTS], start=1):
        e = r.element(code)
        above = [b for b in bands if b > e.converted_display]
        target = fmt(above[0], lang) if above else fmt(e.converted_display, lang)
        if code in planned:
            text = tr("rec-plan", lang, program=planned[code])
        else:
            text = tr("rec-generic", lang, name=_name(e, lang), target=target)
        said = mentions(r.instrument.element(e.code), data.suggestions)
        if said:
            text += tr("rec-mentions", lang, count=sum(s.count for s in said))
        rows.append((i, f"{e.code} {_name(e, lang)}", text))
    return Section(
        "recommendations",
        Chapter.ANALYSIS,
        tr("sec-recommendations", lang),
        (
            Table(
                (tr("no", lang), tr("element", lang), tr("recommendation", lang)),
                tuple(rows),
                wide=2,
                key="recommendations",
                widths=(7, 28, 65),
            ),
        ),
        sheet=tr("sec-recommendations", lang),
    )


def section_follow_up(data: ReportData) -> Section:
    """Bab IV: how far the previous period's plan got (from report.toml)."""
    lang = data.lang
    rows = data.info.follow_up if data.info is not None else ()
    if not rows:
        blocks: tuple[Block, ...] = (Paragraph(tr("follow-up-none", lang), note=True),)
    else:
        blocks = (
            Table(
                (tr("no", lang), tr("element", lang), tr("follow-up-action", lang), tr("follow-up-status", lang)),
                tuple((i, f.element, f.action, f.status) for i, f in enumerate(rows, start=1)),
                wide=2,
                key="follow-up",
                widths=(7, 25, 48, 20),
            ),
        )
    return Section("follow-up", Chapter.ANALYSIS, tr("sec-follow-up", lang), blocks, sheet=tr("sec-plan", lang))


# --------------------------------------------------------------------------- appendices


def section_questionnaire(data: ReportData) -> Section:
    """Lampiran A: the questions and their answer options."""
    lang = data.lang
    inst = data.result.instrument
    rows = tuple(
        (e.code if len(e.questions) == 1 else q.key.upper(), _name(e, lang), q.text, " / ".join(q.labels))
        for e in inst.elements
        for q in e.questions
    )
    return Section(
        "questionnaire",
        Chapter.APPENDIX,
        tr("sec-questionnaire", lang),
        (
            Table(
                (tr("code", lang), tr("element", lang), tr("question", lang), tr("answers-offered", lang)),
                rows,
                wide=2,
                key="questionnaire",
                widths=(8, 20, 42, 30),
            ),
        ),
        sheet=tr("sheet-appendix", lang),
    )


def section_tabulation(data: ReportData) -> Section:
    """Lampiran B: each respondent's answers (row number only: no identity)."""
    lang = data.lang
    inst = data.result.instrument
    element_of = {q.key: e for e in inst.elements for q in e.questions}
    single = all(len(e.questions) == 1 for e in inst.elements)
    columns = (
        tr("no", lang),
        tr("row", lang),
        *(element_of[k].code if single else k.upper() for k in data.question_keys),
    )
    rows = tuple((i, row, *answers) for i, (row, answers) in enumerate(data.tabulated, start=1))
    notes = [Paragraph(tr("tabulation-note", lang), note=True)]
    if len(rows) < len(data.answers):
        notes.append(Paragraph(tr("tabulation-capped", lang, shown=len(rows), total=len(data.answers)), note=True))
    return Section(
        "tabulation",
        Chapter.APPENDIX,
        tr("sec-tabulation", lang),
        (*notes, Table(columns, rows, key="tabulation")),
        sheet=tr("sheet-appendix", lang),
    )


def section_publication(data: ReportData) -> Section:
    """Lampiran C: where the unit pastes its proof of publication."""
    lang = data.lang
    return Section(
        "publication",
        Chapter.APPENDIX,
        tr("sec-publication", lang),
        (Paragraph(tr("publication-placeholder", lang)),),
        sheet=tr("sheet-appendix", lang),
    )


SectionBuilder = Callable[[ReportData], Section | None]

#: The sections in order. Append a builder (e.g. statistics) to add a section to every format.
SECTION_BUILDERS: list[SectionBuilder] = [
    section_foreword,
    section_background,
    section_legal,
    section_method,
    section_fieldwork,
    section_bands,
    section_sample,
    section_stats,
    section_headline,
    section_elements,
    section_services,
    section_profile,
    section_distribution,
    section_priority,
    section_importance,
    section_element_analysis,
    section_trend,
    section_follow_up,
    section_recommendations,
    section_plan,
    section_suggestions,
    section_closing,
    section_questionnaire,
    section_tabulation,
    section_publication,
]


def build_document(data: ReportData, builders: Sequence[SectionBuilder] | None = None) -> Document:
    """The document: every section whose builder has something to say."""
    sections = tuple(s for b in (builders if builders is not None else SECTION_BUILDERS) if (s := b(data)) is not None)
    return Document(
        lang=data.lang,
        title=tr("doc-title", data.lang),
        unit=data.unit_text,
        period=data.period_text,
        sections=sections,
        footer=tr("footer", data.lang, version=data.version),
        subtitle=tr("doc-subtitle", data.lang, instrument=_instrument_title(data)),
        logo=(data.info.logo.data, data.info.logo.mime) if data.info is not None and data.info.logo else None,
    )
