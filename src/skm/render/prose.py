"""Rule and method prose: the sentences every output shows beside its numbers.

The score's rules (:func:`rules_lines`, :func:`bands_text`, :func:`legacy_text`) and the methods and
summary of ``skm stats`` (:func:`method_lines`, :func:`summary_lines`), in Indonesian or English.
The terminal, the JSON (``rules.text``, ``methods``) and the report all take them from here.
"""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction
from typing import TYPE_CHECKING

from skm.core.calc import IkmResult, round_half_up
from skm.core.instrument import Instrument
from skm.render.stats import flag_label
from skm.text import Lang, fmt_number, t

if TYPE_CHECKING:
    from skm.analysis.rank import Ranking, UnitRank
    from skm.analysis.stats import StatsResult

__all__ = [
    "bands_text",
    "legacy_number",
    "legacy_text",
    "method_lines",
    "p_text",
    "rank_flag_texts",
    "rank_method_lines",
    "rules_lines",
    "summary_lines",
]


def rules_lines(result: IkmResult, lang: Lang | str = Lang.ID) -> list[str]:
    """The rules used, one sentence each, for every output."""
    rules = result.rules
    weights = (
        sorted({str(w) for w in result.weights})
        if rules.weight.value == "exact"
        else sorted({str(round_half_up(w, 3 if rules.weight.value == "0.111" else 2)) for w in result.weights})
    )
    shown = ", ".join(weights)
    lines = [
        t(
            "rule-instrument",
            lang,
            title=result.instrument.title_en if str(lang) == Lang.EN else result.instrument.title,
        ),
        t(
            "rule-weight-legacy" if rules.is_legacy and rules.weight.value != "exact" else "rule-weight-exact",
            lang,
            weights=shown,
        ),
        t("rule-rounding", lang, places=result.instrument.grade_decimals, bands=bands_text(result, lang)),
        t("rule-missing", lang),
    ]
    if rules.nrr_decimals is not None:
        lines.append(t("rule-nrr-rounding", lang, places=rules.nrr_decimals))
    if rules.index_decimals is not None:
        lines.append(t("rule-index-rounding", lang, places=rules.index_decimals, factor=result.instrument.conversion))
    return lines


def bands_text(result: IkmResult, lang: Lang | str = Lang.ID) -> str:
    """The grade bounds as compared, e.g. ``≥ 88,31 A; ≥ 76,61 B; ≥ 65,00 C; else D``."""
    return _bands(result.instrument, lang)


def _bands(instrument: Instrument, lang: Lang | str) -> str:
    bands = instrument.bands
    parts = [f"{'≥' if b.inclusive else '>'} {fmt_number(b.lower, lang)} {b.grade}" for b in bands[:-1]]
    parts.append(f"{t('else', lang)} {bands[-1].grade}")
    return "; ".join(parts)


def legacy_number(value: Fraction) -> Decimal:
    """A legacy comparison figure: rounded half up to 4 decimals, trailing zeros dropped (≥ 2 kept)."""
    rounded = round_half_up(value, 4)
    trimmed = rounded.normalize()
    return trimmed if -trimmed.as_tuple().exponent >= 2 else rounded.quantize(Decimal("0.01"))  # type: ignore[operator]


def legacy_text(result: IkmResult, lang: Lang | str = Lang.ID) -> str | None:
    """With any legacy option: one sentence giving the emulated IKM, the exact one and the difference."""
    if not result.rules.is_legacy:
        return None
    difference = legacy_number(result.ikm - result.exact_ikm)
    return t(
        "legacy-line",
        lang,
        ikm=fmt_number(legacy_number(result.ikm), lang),
        grade=result.grade,
        exact=fmt_number(legacy_number(result.exact_ikm), lang),
        exact_grade=result.exact_band.grade,
        difference=("+" if difference > 0 else "") + fmt_number(difference, lang),
    )


def p_text(value: float, lang: Lang | str) -> str:
    """A p-value as written: ``= 0,0123`` or ``< 0,0001``."""
    return f"< {_num_text(0.0001, 4, lang)}" if value < 0.0001 else f"= {_num_text(value, 4, lang)}"


def _num_text(value: float, places: int, lang: Lang | str) -> str:
    return fmt_number(f"{value:.{places}f}", lang)


def _thousands(value: int, lang: Lang | str) -> str:
    """An integer with thousands separators: ``200.000`` (Indonesian) or ``200,000``."""
    text = f"{value:,}"
    return text if Lang(lang) is Lang.EN else text.replace(",", ".")


def method_lines(result: StatsResult, lang: Lang | str = Lang.ID) -> dict[str, str]:
    """The method of every figure, one sentence each, keyed by the figure."""
    instrument = result.instrument
    k = len(instrument.elements)
    crit = result.items[0].r_critical if result.items else None
    out = {
        "reliability": t("stats-m-reliability", lang, k=k, n=result.reliability_n, total=result.respondents),
        "alpha_if_deleted": t("stats-m-alpha-deleted", lang),
        "validity": t(
            "stats-m-validity",
            lang,
            df=max(result.reliability_n - 2, 0),
            r="-" if crit is None else _num_text(crit, 4, lang),
            threshold=_num_text(result.discrimination_threshold, 2, lang),
        ),
        "bootstrap": t(
            "stats-m-bootstrap",
            lang,
            level=round(result.confidence * 100),
            resamples=result.resamples,
            seed=result.seed,
            n=result.respondents,
            valid=result.resamples_valid,
            prior=fmt_number(f"{result.prior_respondents:g}", lang),
            low=instrument.scale_min,
            high=instrument.scale_max,
            minimum=result.min_interval_n,
        ),
        **(
            {"bootstrap_normal": t("stats-m-bootstrap-normal", lang, limit=_thousands(result.normal_limit_n, lang))}
            if result.bootstrap_normal_limit
            else {}
        ),
        "grade_stability": t(
            "stats-m-grade", lang, places=instrument.grade_decimals, bands=_bands(result.instrument, lang)
        ),
        "dissatisfied": t("stats-m-dissatisfied", lang),
    }
    if result.post_stratified is not None:
        out["post_stratified"] = t("stats-m-post-stratified", lang)
    if result.clustering is not None and result.clustering.design_effect > 1:
        out["clustering"] = t("stats-m-clustering", lang)
    if result.importance is not None:
        out["importance"] = t(
            "stats-m-importance",
            lang,
            x=_num_text(result.importance.performance_mean, 2, lang),
            y=_num_text(result.importance.expectation_mean, 2, lang),
        )
    if result.margin is not None:
        out["margin_of_error"] = t("stats-m-margin", lang, population=result.margin.population, n=result.margin.sample)
    if result.groups is not None:
        out["groups"] = t(
            "stats-m-groups",
            lang,
            column=result.groups.column,
            min_group=result.groups.min_group,
            conversion=instrument.conversion,
            minimum=result.min_interval_n,
        )
    if result.previous is not None:
        out["previous"] = t(
            "stats-m-previous",
            lang,
            file=result.previous.source,
            level=round(result.confidence * 100),
            seed=result.seed,
            seed1=result.seed + 1,
            sig=fmt_number(str(result.significance), lang),
        )
    profile_keys = ", ".join(result.duplicate_columns) or "-"
    window = t("stats-m-window", lang, minutes=result.duplicate_window_minutes) if result.has_dates else ""
    out["flags"] = t(
        "stats-m-flags",
        lang,
        profile=profile_keys,
        window=window,
        period=result.period.text if result.period else t("stats-no-period", lang),
        min_group=result.groups.min_group if result.groups else "-",
        minimum=result.min_identifying_columns,
    )
    out["exclusion"] = (
        t("stats-m-excluded", lang, count=len(result.removed_rows), total=result.rows_total)
        if result.exclude_flagged
        else t("stats-m-not-excluded", lang, total=result.rows_total)
    )
    return out


def _design_lines(result: StatsResult, lang: Lang | str) -> list[str]:
    """The summary sentences on weighting and design: post-stratified IKM, clustering by service,
    importance–performance quadrants (each only when computed)."""
    r = result.result
    lines: list[str] = []
    ps = result.post_stratified
    if ps is not None:
        lines.append(
            t(
                "stats-s-post-stratified",
                lang,
                column=ps.column,
                ikm=fmt_number(ps.ikm, lang),
                grade=ps.grade,
                low="-" if ps.ci is None else _num_text(ps.ci[0], 2, lang),
                high="-" if ps.ci is None else _num_text(ps.ci[1], 2, lang),
                pooled=fmt_number(r.ikm_display, lang),
                pooled_grade=r.grade,
                deff=_num_text(ps.design_effect, 2, lang),
                neff=_num_text(ps.effective_n, 0, lang),
            )
        )
    c = result.clustering
    if c is not None and c.ci is not None and c.design_effect > 1:  # respondents of a service are alike
        lines.append(
            t(
                "stats-s-clustering",
                lang,
                column=c.column,
                clusters=c.clusters,
                icc=_num_text(c.icc, 3, lang),
                deff=_num_text(c.design_effect, 2, lang),
                neff=_num_text(c.effective_n, 0, lang),
                low=_num_text(c.ci[0], 2, lang),
                high=_num_text(c.ci[1], 2, lang),
            )
        )
    ip = result.importance
    if ip is not None:

        def codes(name: str) -> str:
            return ", ".join(e.code for e in ip.elements if e.quadrant == name) or "-"

        lines.append(
            t(
                "stats-s-importance",
                lang,
                first=codes("prioritas-utama"),
                keep=codes("pertahankan"),
                low=codes("prioritas-rendah"),
                over=codes("berlebihan"),
            )
        )
    return lines


def summary_lines(result: StatsResult, lang: Lang | str = Lang.ID) -> list[str]:
    """A few plain sentences for a report's "Keandalan data" section (methods: :func:`method_lines`).

    Alpha ≥ 0.70 is called reliable (Nunnally's usual threshold); the sentence says so.
    """
    r = result.result
    ci = result.ikm_ci
    lines = [
        t(
            "stats-s-ci",
            lang,
            ikm=fmt_number(r.ikm_display, lang),
            grade=r.grade,
            low=_num_text(ci[0], 2, lang),
            high=_num_text(ci[1], 2, lang),
            n=result.respondents,
            same=_num_text(100 * result.grade_stability.get(r.grade, 0.0), 1, lang),
        )
        if ci is not None and result.grade_stability
        else t(
            "stats-s-ci-none",
            lang,
            ikm=fmt_number(r.ikm_display, lang),
            grade=r.grade,
            n=result.respondents,
            minimum=result.min_interval_n,
        )
    ]
    if result.cronbach_alpha is None:
        lines.append(t("stats-s-alpha-none", lang))
    else:
        crit = result.items[0].r_critical if result.items else None
        lines.append(
            t(
                "stats-s-alpha",
                lang,
                alpha=_num_text(result.cronbach_alpha, 4, lang),
                verdict=t("stats-s-reliable" if result.cronbach_alpha >= 0.7 else "stats-s-unreliable", lang),
                valid=sum(1 for i in result.items if i.valid),
                k=len(result.items),
                r="-" if crit is None else _num_text(crit, 4, lang),
                n=result.reliability_n,
                discriminating=sum(1 for i in result.items if i.discriminating),
                threshold=_num_text(result.discrimination_threshold, 2, lang),
            )
        )
    if result.margin is not None:
        lines.append(
            t(
                "stats-s-margin",
                lang,
                population=result.margin.population,
                prop=_num_text(100 * result.margin.proportion, 2, lang),
            )
        )
    if result.previous is not None:
        p = result.previous
        lines.append(
            t(
                "stats-s-previous",
                lang,
                file=p.source,
                prev=fmt_number(p.ikm_previous, lang),
                diff=fmt_number(p.difference, lang),
                low="-" if p.ci is None else _num_text(p.ci[0], 2, lang),
                high="-" if p.ci is None else _num_text(p.ci[1], 2, lang),
                p="-" if p.test is None else p_text(p.test.p_value, lang),
                verdict=t("stats-s-significant" if p.significant else "stats-s-not-significant", lang),
            )
        )
    lines += _design_lines(result, lang)
    found = [f"{flag_label(f.kind, lang)} {len(f.rows)}" for f in result.flags if f.rows]
    lines.append(t("stats-s-flags", lang, parts=", ".join(found) or t("stats-none", lang)))
    lines.extend(n.text(lang) for n in result.notes)
    lines.append(
        t("stats-m-excluded", lang, count=len(result.removed_rows), total=result.rows_total)
        if result.exclude_flagged
        else t("stats-m-not-excluded", lang, total=result.rows_total)
    )
    return lines


# --- skm rank ---------------------------------------------------------------------------------


def rank_flag_texts(ranking: Ranking, unit: UnitRank, lang: Lang | str) -> list[str]:
    """The unit's flags as sentences."""
    return [t(f"rank-flag-{f}", lang, minimum=ranking.min_respondents) for f in unit.flags]


def rank_method_lines(ranking: Ranking, lang: Lang | str = Lang.ID) -> list[str]:
    """The method of ``skm rank``, one sentence each (printed with every output)."""
    params = {
        "minimum": ranking.min_respondents,
        "resamples": ranking.resamples,
        "seed": ranking.seed,
        "pairs": ranking.pairs,
        "alpha": fmt_number(str(ranking.alpha), lang),
    }
    from skm.analysis.rank import INTERVAL_TALLIES  # noqa: PLC0415 - numpy only for skm rank

    from_tallies = sum(1 for u in ranking.units if u.interval_method == INTERVAL_TALLIES)
    instrument = ranking.instrument
    params["count"] = from_tallies
    params["conversion"] = instrument.conversion
    params["low"] = instrument.conversion * instrument.scale_min
    params["high"] = instrument.conversion * instrument.scale_max
    keys = ["rank-method-rank"]
    keys += ["rank-method-ci"] if from_tallies < len(ranking.units) or not ranking.units else []
    keys += ["rank-method-tallies"] if from_tallies else []
    keys += ["rank-method-interval", "rank-method-group", "rank-method-rollup", "rank-method-sample"]
    return [t(k, lang, **params) for k in keys]
