"""Wording and JSON of ``skm stats``: every figure goes out with the method that produced it.

Its sentences are in :mod:`skm.text.catalog.stats`.
"""

from __future__ import annotations

import math
from decimal import Decimal
from typing import Any

from skm.analysis.stats.analyse import CONFIDENCE, SIGNIFICANCE, Flag, StatsResult
from skm.analysis.stats.numeric import TestResult
from skm.analysis.stats.quality import DUPLICATE_WINDOW
from skm.text import Lang, fmt_number, t

__all__ = ["flag_label", "method_lines", "stats_to_dict", "summary_lines"]


def _r(value: float | None, places: int) -> float | None:
    return None if value is None or not math.isfinite(value) else round(value, places)


def _p(value: float | None) -> float | None:
    return None if value is None else float(f"{value:.4g}")


def _ci(ci: tuple[float, float] | None, places: int) -> list[float] | None:
    return None if ci is None else [round(ci[0], places), round(ci[1], places)]


def flag_label(kind: str, lang: Lang | str = Lang.ID) -> str:
    """Human name of a flag kind."""
    return t(f"stats-flag-{kind}", lang)


def _p_text(value: float, lang: Lang | str) -> str:
    """``= 0,0123`` or ``< 0,0001``."""
    return f"< {_num_text(0.0001, 4, lang)}" if value < 0.0001 else f"= {_num_text(value, 4, lang)}"


def _num_text(value: float, places: int, lang: Lang | str) -> str:
    return fmt_number(f"{value:.{places}f}", lang)


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
        ),
        "bootstrap": t(
            "stats-m-bootstrap",
            lang,
            level=round(CONFIDENCE * 100),
            resamples=result.resamples,
            seed=result.seed,
            n=result.respondents,
            valid=result.resamples_valid,
        ),
        "grade_probability": t("stats-m-grade", lang, places=instrument.grade_decimals, bands=_bands(result, lang)),
    }
    if result.margin is not None:
        out["margin_of_error"] = t("stats-m-margin", lang, population=result.margin.population, n=result.margin.sample)
    if result.groups is not None:
        out["groups"] = t(
            "stats-m-groups",
            lang,
            column=result.groups.column,
            min_group=result.groups.min_group,
            conversion=instrument.conversion,
        )
    if result.previous is not None:
        out["previous"] = t(
            "stats-m-previous",
            lang,
            file=result.previous.source,
            level=round(CONFIDENCE * 100),
            seed=result.seed,
            seed1=result.seed + 1,
            sig=fmt_number(str(SIGNIFICANCE), lang),
        )
    profile_keys = ", ".join(result.duplicate_columns) or "-"
    window = t("stats-m-window", lang, minutes=int(DUPLICATE_WINDOW.total_seconds() // 60)) if result.has_dates else ""
    out["flags"] = t(
        "stats-m-flags",
        lang,
        profile=profile_keys,
        window=window,
        period=result.period.text if result.period else t("stats-no-period", lang),
        min_group=result.groups.min_group if result.groups else "-",
    )
    out["exclusion"] = (
        t("stats-m-excluded", lang, count=len(result.removed_rows), total=result.rows_total)
        if result.exclude_flagged
        else t("stats-m-not-excluded", lang, total=result.rows_total)
    )
    return out


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
            low="-" if ci is None else _num_text(ci[0], 2, lang),
            high="-" if ci is None else _num_text(ci[1], 2, lang),
            n=result.respondents,
            other=_num_text(100 * (1 - result.grade_probability.get(r.grade, 0.0)), 1, lang),
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
                p="-" if p.test is None else _p_text(p.test.p_value, lang),
                verdict=t("stats-s-significant" if p.significant else "stats-s-not-significant", lang),
            )
        )
    found = [f"{flag_label(f.kind, lang)} {len(f.rows)}" for f in result.flags if f.rows]
    lines.append(t("stats-s-flags", lang, parts=", ".join(found) or t("stats-none", lang)))
    lines.append(
        t("stats-m-excluded", lang, count=len(result.removed_rows), total=result.rows_total)
        if result.exclude_flagged
        else t("stats-m-not-excluded", lang, total=result.rows_total)
    )
    return lines


def _bands(result: StatsResult, lang: Lang | str) -> str:
    bands = result.instrument.bands
    parts = [f"{'≥' if b.inclusive else '>'} {fmt_number(b.lower, lang)} {b.grade}" for b in bands[:-1]]
    parts.append(f"{t('else', lang)} {bands[-1].grade}")
    return "; ".join(parts)


def _test(test: TestResult | None) -> dict[str, Any] | None:
    if test is None:
        return None
    return {
        "test": test.test,
        "statistic": round(test.statistic, 4),
        "p_value": _p(test.p_value),
        "effect": _r(test.effect, 4),
        "effect_size": test.effect_name,
        "sizes": list(test.sizes),
    }


def _flag(flag: Flag, lang: Lang | str) -> dict[str, Any]:
    out: dict[str, Any] = {
        "kind": flag.kind,
        "label": flag_label(flag.kind, lang),
        "rows": list(flag.rows),
        "count": len(flag.rows),
        "excludable": flag.excludable,
    }
    if flag.kind == "duplicate":
        out["duplicate_of"] = [{"row": a, "earlier_row": b} for a, b in flag.duplicate_of]
    if flag.kind == "small-group":
        out["groups"] = [{"group": g, "respondents": n} for g, n in flag.groups]
    return out


def _period(result: StatsResult) -> dict[str, str]:
    assert result.period is not None
    p = result.period
    return {"text": p.text, "start": p.start.isoformat(), "end": p.end.isoformat()}


def _dec(value: Decimal) -> float:
    return float(value)


def stats_to_dict(result: StatsResult, lang: Lang | str = Lang.ID) -> dict[str, Any]:
    """The JSON object of ``skm stats --format json`` (stable keys; see docs/stats.md).

    Rounding: alpha and r to 4 decimals, IKM intervals to 2, NRR intervals to 4,
    probabilities and effect sizes to 4, p-values to 4 significant digits.
    """
    r = result.result
    out: dict[str, Any] = {
        "source": result.source,
        "instrument": result.instrument.key,
        "instrument_title": result.instrument.title_en if str(lang) == Lang.EN else result.instrument.title,
        "respondents": result.respondents,
        "rows_total": result.rows_total,
        "removed_rows": list(result.removed_rows),
        "removed_count": len(result.removed_rows),
        "ikm": _dec(r.ikm_display),
        "grade": r.grade,
        "cronbach_alpha": _r(result.cronbach_alpha, 4),
        "reliability_n": result.reliability_n,
        "items": [
            {
                "code": i.code,
                "name": i.name_en if str(lang) == Lang.EN else i.name,
                "item_total_r": _r(i.item_total_r, 4),
                "r_critical": _r(i.r_critical, 4),
                "valid": i.valid,
                "alpha_if_deleted": _r(i.alpha_if_deleted, 4),
            }
            for i in result.items
        ],
        "ikm_ci": _ci(result.ikm_ci, 2),
        "nrr": {e.code: _dec(e.nrr) for e in result.nrr_ci},
        "nrr_ci": {e.code: None if e.low is None or e.high is None else _ci((e.low, e.high), 4) for e in result.nrr_ci},
        "grade_probability": {g: round(p, 4) for g, p in result.grade_probability.items()},
        "grade_other_probability": round(1 - result.grade_probability.get(r.grade, 0.0), 4),
        "bootstrap": {
            "seed": result.seed,
            "resamples": result.resamples,
            "valid_resamples": result.resamples_valid,
            "confidence": CONFIDENCE,
        },
        "margin_of_error": None
        if result.margin is None
        else {
            "population": result.margin.population,
            "sample": result.margin.sample,
            "proportion_pct": round(result.margin.proportion * 100, 2),
            "ikm": _r(result.margin.ikm, 2),
        },
        "comparison": None,
        "previous": None,
        "period": None
        if result.period is None
        else {
            "text": result.period.text,
            "start": result.period.start.isoformat(),
            "end": result.period.end.isoformat(),
        },
        "flags": [_flag(f, lang) for f in result.flags],
        "notes": [t(n, lang) for n in result.notes],
        "methods": method_lines(result, lang),
    }
    if result.groups is not None:
        g = result.groups
        out["comparison"] = {
            "column": g.column,
            "min_group": g.min_group,
            "groups": [
                {
                    "group": s.name,
                    "respondents": s.respondents,
                    "small": s.small,
                    "graded": s.ikm is not None,
                    "ikm": None if s.ikm is None else _dec(s.ikm),
                    "ikm_ci": _ci(s.ci, 2),
                    "grade": s.grade,
                }
                for s in g.groups
            ],
            "ikm_test": _test(g.test),
            "elements": [
                {"code": code, **(_test(test) or {"test": None}), "p_holm": _p(p_holm)}
                for code, test, p_holm in g.elements
            ],
        }
    if result.previous is not None:
        p = result.previous
        out["previous"] = {
            "source": p.source,
            "respondents": p.respondents,
            "ikm_current": _dec(p.ikm_current),
            "ikm_previous": _dec(p.ikm_previous),
            "grade_previous": p.grade_previous,
            "difference": _dec(p.difference),
            "difference_ci": _ci(p.ci, 2),
            "test": _test(p.test),
            "significant": p.significant,
            "elements": [
                {
                    "code": e.code,
                    "nrr_current": _dec(e.current),
                    "nrr_previous": _dec(e.previous),
                    "difference": _dec(e.difference),
                    "difference_ci": _ci(e.ci, 4),
                    "test": _test(e.test),
                    "p_holm": _p(e.p_holm),
                    "significant": e.significant,
                }
                for e in p.elements
            ],
        }
    return out
