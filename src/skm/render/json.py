"""The one JSON contract of skm: every command's JSON document is built here.

``skm score`` (:func:`result_to_dict`), ``skm stats`` (:func:`stats_to_dict`), ``skm check``
(:func:`check_to_dict`), ``skm sample`` (:func:`sample_to_dict`) and ``skm report --format json``
(:func:`report_to_dict`), with the issue objects they share (:func:`issue_to_dict`). The keys are
documented in the README ("JSON") and docs/stats.md; the CLI prints exactly these dictionaries,
so ``skm score FILE --format json`` equals ``skm.result_to_dict(skm.score(FILE))``.

Numbers are JSON numbers rounded as displayed: NRR, weighted NRR and NI to 4 decimals,
25 × NRR and IKM to 2, all rounded half up from exact values. Statistics: alpha and r to
4 decimals, IKM intervals to 2, NRR intervals to 4, probabilities and effect sizes to 4,
p-values to 4 significant digits (:func:`stat_round`, :func:`p_round`, :func:`interval`).
"""

from __future__ import annotations

import json
import math
from collections.abc import Sequence
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from skm.analysis.facts import percent
from skm.core.calc import GroupResult, IkmResult
from skm.core.sampling import SampleSize, ServiceSample
from skm.errors import Issue
from skm.render.prose import bands_text, legacy_number, method_lines, rank_method_lines, rules_lines
from skm.render.rows import element_row
from skm.render.stats import flag_label
from skm.text import Lang, issue_line, t

if TYPE_CHECKING:
    from skm.analysis.facts import ReportData
    from skm.analysis.rank import ParentRollup, Ranking, UnitRank
    from skm.analysis.stats import StatsResult
    from skm.analysis.stats.analyse import Flag
    from skm.analysis.stats.numeric import TestResult
    from skm.readers import Responses
    from skm.readers.responses import ColumnInfo

__all__ = [
    "check_to_dict",
    "dumps",
    "interval",
    "issue_to_dict",
    "legacy_comparison",
    "p_round",
    "ranking_to_dict",
    "report_to_dict",
    "result_to_dict",
    "sample_size_to_dict",
    "sample_to_dict",
    "stat_round",
    "stats_to_dict",
    "unreadable_to_dict",
]

LEGACY_LABEL = "emulasi lama / legacy emulation"


def dumps(data: object) -> str:
    """JSON text as the CLI prints it (UTF-8, indented)."""
    return json.dumps(data, ensure_ascii=False, indent=2)


def _num(value: Decimal) -> float | int:
    return float(value)


def _title(result: IkmResult, lang: Lang | str) -> str:
    return result.instrument.title_en if str(lang) == Lang.EN else result.instrument.title


# --------------------------------------------------------------------------- issues


def issue_to_dict(issue: Issue) -> dict[str, object]:
    """An issue as data (the message itself is rendered per language where a command adds it)."""
    return {
        "code": issue.code.value,
        "severity": issue.severity.value,
        "file": issue.file,
        "sheet": issue.sheet,
        "row": issue.row,
        "column": issue.column,
        "letter": issue.letter,
        "value": issue.value,
        **({"params": issue.params} if issue.params else {}),
    }


# --------------------------------------------------------------------------- skm score


def legacy_comparison(result: IkmResult) -> dict[str, Any] | None:
    """With any legacy option: the emulated IKM beside the exact one and their difference."""
    if not result.rules.is_legacy:
        return None
    return {
        "label": LEGACY_LABEL,
        "ikm": _num(legacy_number(result.ikm)),
        "grade": result.grade,
        "exact_ikm": _num(legacy_number(result.exact_ikm)),
        "exact_grade": result.exact_band.grade,
        "difference": _num(legacy_number(result.ikm - result.exact_ikm)),
        "index": _num(legacy_number(result.index)),
        "exact_index": _num(legacy_number(result.exact_index)),
    }


def _grading(result: IkmResult) -> str:
    places = result.instrument.grade_decimals
    if all(b.inclusive for b in result.instrument.bands):
        return f"IKM rounded half up to {places} decimals, then >= band lower bound"
    return f"IKM rounded half up to {places} decimals, then compared with the bounds: {bands_text(result, Lang.EN)}"


def _elements(result: IkmResult) -> list[dict[str, Any]]:
    out = []
    for e in result.elements:
        row = element_row(e)  # the JSON names elements in Indonesian, whatever the language
        out.append(
            {
                "code": row.code,
                "name": row.name,
                "answered": row.answered,
                "sum": row.sum,
                "nrr": _num(row.nrr),
                "weight": _num(row.weight),
                "weighted": _num(row.weighted),
                "converted": _num(row.converted),
                "grade": row.grade,
                "distribution": list(e.counts),
            }
        )
    return out


def _headline(result: IkmResult) -> dict[str, Any]:
    return {
        "respondents": result.respondents,
        "index": _num(result.index_display),
        "ikm": _num(result.ikm_display),
        "grade": result.grade,
        "performance": result.band.performance,
        "performance_en": result.band.performance_en,
    }


def _group(group: GroupResult) -> dict[str, Any]:
    out: dict[str, Any] = {"group": group.group, "respondents": group.respondents, "small": group.small}
    if group.result is None:
        out.update({"graded": False, "missing": list(group.missing)})
    else:
        headline = _headline(group.result)
        headline.pop("respondents")
        out.update(
            {
                "graded": True,
                **headline,
                "elements": _elements(group.result),
                "priority": list(group.result.priority),
            }
        )
    return out


def result_to_dict(result: IkmResult, lang: Lang | str = Lang.ID) -> dict[str, Any]:
    """The documented JSON object of a result (stable keys; see README): what ``skm score
    --format json`` prints, including the source file, the skipped cells and the reading
    warnings when the result was read from a file."""
    out: dict[str, Any] = {
        **_headline(result),
        "weight": result.rules.weight.value,
        "instrument": result.instrument.key,
        "instrument_title": _title(result, lang),
        "rules": {
            "weight": result.rules.weight.value,
            "nrr_decimals": result.rules.nrr_decimals,
            "index_decimals": result.rules.index_decimals,
            "grading": _grading(result),
            "missing": "available-case per element",
            "text": rules_lines(result, lang),
        },
        "elements": _elements(result),
        "priority": list(result.priority),
    }
    legacy = legacy_comparison(result)
    if legacy is not None:
        out["legacy"] = legacy
    if result.group_by is not None:
        out["group_by"] = result.group_by
        out["groups"] = [_group(g) for g in result.groups]
    if result.source is not None:
        out["source"] = result.source
    if result.skipped_cells:
        out["skipped_cells"] = [issue_to_dict(i) for i in result.skipped_cells]
    if result.skipped_total > len(result.skipped_cells):
        out["skipped_cells_total"] = result.skipped_total
    if result.warnings:
        out["warnings"] = [issue_to_dict(i) for i in result.warnings]
    return out


# --------------------------------------------------------------------------- skm stats


def stat_round(value: float | None, places: int) -> float | None:
    """A statistic as published: rounded to ``places`` (``None`` when missing or not finite)."""
    return None if value is None or not math.isfinite(value) else round(value, places)


def p_round(value: float | None) -> float | None:
    """A p-value as published: 4 significant digits."""
    return None if value is None else float(f"{value:.4g}")


def interval(ci: tuple[float, float] | None, places: int) -> list[float] | None:
    """An interval as published: both ends rounded to ``places``."""
    return None if ci is None else [round(ci[0], places), round(ci[1], places)]


def _test(test: TestResult | None) -> dict[str, Any] | None:
    if test is None:
        return None
    return {
        "test": test.test,
        "statistic": round(test.statistic, 4),
        "p_value": p_round(test.p_value),
        "effect": stat_round(test.effect, 4),
        "effect_size": test.effect_name or None,
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


def _comparison(result: StatsResult) -> dict[str, Any] | None:
    g = result.groups
    if g is None:
        return None
    return {
        "column": g.column,
        "min_group": g.min_group,
        "groups": [
            {
                "group": s.name,
                "respondents": s.respondents,
                "small": s.small,
                "graded": s.ikm is not None,
                "ikm": None if s.ikm is None else float(s.ikm),
                "ikm_ci": interval(s.ci, 2),
                "grade": s.grade,
            }
            for s in g.groups
        ],
        "ikm_test": _test(g.test),
        "elements": [
            {
                "code": code,
                "test": _test(test),
                "p_holm": p_round(p_holm),
                "significant": p_holm is not None and p_holm < result.significance,
            }
            for code, test, p_holm in g.elements
        ],
    }


def _previous(result: StatsResult) -> dict[str, Any] | None:
    p = result.previous
    if p is None:
        return None
    return {
        "source": p.source,
        "respondents": p.respondents,
        "ikm_current": float(p.ikm_current),
        "ikm_previous": float(p.ikm_previous),
        "grade_previous": p.grade_previous,
        "difference": float(p.difference),
        "difference_ci": interval(p.ci, 2),
        "test": _test(p.test),
        "rank_test": _test(p.rank_test),
        "significant": p.significant,
        "elements": [
            {
                "code": e.code,
                "nrr_current": float(e.current),
                "nrr_previous": float(e.previous),
                "difference": float(e.difference),
                "difference_ci": interval(e.ci, 4),
                "test": _test(e.test),
                "rank_test": _test(e.rank_test),
                "p_holm": p_round(e.p_holm),
                "significant": e.significant,
            }
            for e in p.elements
        ],
    }


def _post_stratified(result: StatsResult) -> dict[str, Any] | None:
    ps = result.post_stratified
    if ps is None:
        return None
    return {
        "column": ps.column,
        "ikm": float(ps.ikm),
        "grade": ps.grade,
        "ci": interval(ps.ci, 2),
        "design_effect": round(ps.design_effect, 4),
        "effective_n": round(ps.effective_n, 1),
        "strata": [
            {
                "service": s.name,
                "population": s.population,
                "share": round(float(s.share), 4),
                "respondents": s.respondents,
                "ikm": float(s.ikm),
            }
            for s in ps.strata
        ],
    }


def _clustering(result: StatsResult) -> dict[str, Any] | None:
    c = result.clustering
    if c is None:
        return None
    return {
        "column": c.column,
        "clusters": c.clusters,
        "mean_size": round(c.mean_size, 2),
        "icc": round(c.icc, 4),
        "design_effect": round(c.design_effect, 4),
        "effective_n": round(c.effective_n, 1),
        "ikm_ci": interval(c.ci, 2),
    }


def _importance(result: StatsResult, lang: Lang | str) -> dict[str, Any] | None:
    ip = result.importance
    if ip is None:
        return None
    return {
        "performance_mean": round(ip.performance_mean, 4),
        "expectation_mean": round(ip.expectation_mean, 4),
        "invalid_cells": ip.invalid_cells,
        "elements": [
            {
                "code": e.code,
                "performance": round(e.performance, 4),
                "expectation": stat_round(e.expectation, 4),
                "gap": stat_round(e.gap, 4),
                "gap_ci": interval(e.gap_ci, 4),
                "conformity_pct": stat_round(None if e.conformity is None else 100 * e.conformity, 2),
                "answered": e.answered,
                "quadrant": e.quadrant,
                "quadrant_label": None if e.quadrant is None else t(f"stats-q-{e.quadrant}", lang),
            }
            for e in ip.elements
        ],
    }


def stats_to_dict(result: StatsResult, lang: Lang | str = Lang.ID) -> dict[str, Any]:
    """The JSON object of ``skm stats --format json`` (stable keys; see docs/stats.md)."""
    r = result.result
    out: dict[str, Any] = {
        "source": result.source,
        "instrument": result.instrument.key,
        "instrument_title": _title(r, lang),
        "respondents": result.respondents,
        "rows_total": result.rows_total,
        "removed_rows": list(result.removed_rows),
        "removed_count": len(result.removed_rows),
        "ikm": float(r.ikm_display),
        "grade": r.grade,
        "cronbach_alpha": stat_round(result.cronbach_alpha, 4),
        "reliability_n": result.reliability_n,
        "reliability_total": result.reliability_total,
        "discrimination_threshold": result.discrimination_threshold,
        "items": [
            {
                "code": i.code,
                "name": i.name_en if str(lang) == Lang.EN else i.name,
                "item_total_r": stat_round(i.item_total_r, 4),
                "r_critical": stat_round(i.r_critical, 4),
                "valid": i.valid,
                "discriminating": i.discriminating,
                "alpha_if_deleted": stat_round(i.alpha_if_deleted, 4),
            }
            for i in result.items
        ],
        "intervals_given": result.intervals_given,
        "min_interval_n": result.min_interval_n,
        "ikm_ci": interval(result.ikm_ci, 2),
        "nrr": {e.code: float(e.nrr) for e in result.nrr_ci},
        "nrr_ci": {
            e.code: None if e.low is None or e.high is None else interval((e.low, e.high), 4) for e in result.nrr_ci
        },
        "grade_stability": {
            "grade": r.grade,
            "same_grade": round(result.grade_stability[r.grade], 4) if result.grade_stability else None,
            "shares": {g: round(p, 4) for g, p in result.grade_stability.items()},
        },
        "bootstrap": {
            "method": "bayesian-bootstrap",
            "prior_respondents": result.prior_respondents,
            "seed": result.seed,
            "resamples": result.resamples,
            "valid_resamples": result.resamples_valid,
            "confidence": result.confidence,
        },
        "dissatisfied": [
            {
                "code": d.code,
                "count": d.count,
                "answered": d.answered,
                "share": stat_round(d.share, 4),
                "ci": interval(d.ci, 4),
            }
            for d in result.dissatisfied
        ],
        "post_stratified": _post_stratified(result),
        "clustering": _clustering(result),
        "importance": _importance(result, lang),
        "uniform_rows": result.uniform_rows,
        "margin_of_error": None
        if result.margin is None
        else {
            "population": result.margin.population,
            "sample": result.margin.sample,
            "proportion_pct": round(result.margin.proportion * 100, 2),
            "ikm": stat_round(result.margin.ikm, 2),
        },
        "comparison": _comparison(result),
        "previous": _previous(result),
        "period": None
        if result.period is None
        else {
            "text": result.period.text,
            "start": result.period.start.isoformat(),
            "end": result.period.end.isoformat(),
        },
        "flags": [_flag(f, lang) for f in result.flags],
        "notes": [n.text(lang) for n in result.notes],
        "methods": method_lines(result, lang),
    }
    if r.skipped_cells:
        out["skipped_cells"] = [issue_to_dict(i) for i in r.skipped_cells]
    return out


# --------------------------------------------------------------------------- skm check


def _dates(responses: Responses) -> dict[str, object] | None:
    """First and last survey date and how many respondents have none (``None`` without a date column)."""
    column = responses.profile.get("date")
    if column is None or not str(responses.frame[column].dtype).startswith("datetime64"):
        return None
    dates = responses.frame[column]
    dated = dates.dropna()
    return {
        "column": column,
        "first": dated.min().isoformat() if len(dated) else None,
        "last": dated.max().isoformat() if len(dated) else None,
        "undated": int(dates.isna().sum()),
    }


def _decision(column: ColumnInfo) -> str | None:
    """Why a column scored against the questions got its question (or none): ``only`` candidate,
    ``best`` score, ``assigned`` (its better candidates went to other columns), ``left-over``."""
    if not column.candidates or column.how not in {"text", "attribute"}:
        return None
    if column.key is None:
        return "left-over"
    if len(column.candidates) == 1:
        return "only"
    return "best" if column.candidates[0].key == column.key else "assigned"


def check_to_dict(responses: Responses, lang: Lang | str = Lang.ID) -> dict[str, object]:
    """The JSON contract of ``skm check``: every decision the reader took, and every issue."""
    profile_of = {column: name for name, column in responses.profile.items()}
    element_of = {q.key: e.code for e in responses.instrument.elements for q in e.questions}
    columns: list[dict[str, object]] = []
    other: list[str] = []
    for c in responses.columns:
        if c.key is None and not c.header:
            continue
        how = c.how
        if c.key is None and c.header in profile_of:
            how = "profile"
        elif c.key is None:
            other.append(c.header)
        columns.append(
            {
                "letter": c.letter,
                "header": c.header,
                "element": element_of.get(c.key, c.key.upper()) if c.key else None,
                "question": c.key,
                "profile": profile_of.get(c.header) if c.key is None else None,
                "how": how,
                "detail": c.detail,
                "decision": _decision(c),
                "candidates": [
                    {
                        "question": cand.key,
                        "element": element_of.get(cand.key, cand.key.upper()),
                        "score": cand.score,
                        "reasons": [{"kind": r.kind, "detail": r.detail, "points": r.points} for r in cand.reasons],
                    }
                    for cand in c.candidates
                ],
            }
        )
    return {
        "source": responses.source,
        "dates": _dates(responses),
        "sheet": responses.sheet,
        "header_row": responses.header_row,
        "respondents": responses.respondents,
        "columns": columns,
        "profile": dict(responses.profile),
        "other_columns": other,
        "skipped_rows": [{"row": s.row, "reason": s.reason} for s in responses.skipped],
        "issues": [{**issue_to_dict(i), "message": issue_line(i, lang)} for i in responses.issues],
    }


def unreadable_to_dict(source: str, code: str, message: str) -> dict[str, object]:
    """``skm check`` on several files: the entry of a file that could not be read at all."""
    return {"source": source, "error": {"code": code, "message": message}}


# --------------------------------------------------------------------------- skm sample


def sample_size_to_dict(size: SampleSize) -> dict[str, object]:
    """A sample size: population, sample, method, rounding and parameters."""
    return {
        "population": size.population,
        "sample": size.sample,
        "method": size.method.value,
        "rounding": size.rounding.value,
        "margin": float(size.margin),
        "confidence": None if size.confidence is None else float(size.confidence),
        "proportion": None if size.proportion is None else float(size.proportion),
        "chi_square": None if size.chi_square is None else float(size.chi_square),
        "exact": float(size.exact),
    }


def sample_to_dict(size: SampleSize, services: Sequence[ServiceSample] = ()) -> dict[str, object]:
    """The JSON object of ``skm sample --format json``: the overall size and, per service, its own
    minimum and its proportional share of the overall sample."""
    out = sample_size_to_dict(size)
    if services:
        out["services"] = [
            {"service": s.service, "population": s.population, "sample": s.minimum, "allocated": s.allocated}
            for s in services
        ]
        out["services_minimum_total"] = sum(s.minimum for s in services)
    return out


# --------------------------------------------------------------------------- skm report


def report_to_dict(data: ReportData) -> dict[str, Any]:
    """The documented JSON object of a report."""
    result = data.result
    out: dict[str, Any] = {
        "report": "skm-report",
        "identity": {
            "unit": data.unit,
            "period": data.period,
            "period_text": data.period_text,
            "first_date": None if data.first_date is None else data.first_date.isoformat(),
            "last_date": None if data.last_date is None else data.last_date.isoformat(),
            "services": list(data.services),
            "source": data.source_name,
            "sha256": data.sha256 or None,
            "version": data.version,
            "generated": data.generated.isoformat(),
            "lang": data.lang.value,
        },
        "sample": {
            "respondents": result.respondents,
            "population": data.population,
            "minimum": None if data.minimum is None else sample_size_to_dict(data.minimum),
            "met": data.sample_met,
            "skipped_cells": data.skipped_cells,
            "services": [
                {
                    "service": r.service,
                    "population": r.population,
                    "minimum": r.minimum,
                    "allocated": r.allocated,
                    "respondents": r.respondents,
                    "met": r.met,
                }
                for r in data.service_samples
            ],
        },
        "result": result_to_dict(result, data.lang),
        "profiles": [
            {
                "name": p.name,
                "column": p.column,
                "total": p.total,
                "rows": [{"label": label, "count": n, "percent": float(percent(n, p.total))} for label, n in p.rows],
            }
            for p in data.profiles
        ],
        "services": None,
        "plan": {
            "source": data.plan_source,
            "rows": [
                {
                    "priority": p.rank,
                    "code": p.code,
                    "name": p.name,
                    "program": p.program,
                    "time": p.time,
                    "responsible": p.responsible,
                }
                for p in data.plan
            ],
        },
        "suggestions": {
            "respondents": data.suggestion_total,
            "items": [{"text": s.text, "count": s.count} for s in data.suggestions],
        },
        "trend": None,
    }
    if data.by_service is not None and data.by_service.group_by is not None:
        services = result_to_dict(data.by_service, data.lang)
        out["services"] = {"column": services["group_by"], "groups": services["groups"]}
    if data.trend is not None:
        tr = data.trend
        out["trend"] = {
            "source": tr.source,
            "previous_ikm": float(tr.previous_ikm),
            "previous_grade": tr.previous_grade or None,
            "ikm": float(tr.current_ikm),
            "change": float(tr.change),
            "drops": list(tr.drops),
            "elements": [
                {
                    "code": r.code,
                    "previous": _optional(r.previous),
                    "current": float(r.current),
                    "change": _optional(r.change),
                    "dropped": r.dropped,
                }
                for r in tr.elements
            ],
        }
    if data.stats is not None:
        out["stats"] = stats_to_dict(data.stats, data.lang)
    if data.extra:
        out.update(data.extra)
    return out


def _optional(value: Decimal | None) -> float | None:
    return None if value is None else float(value)


# --- skm rank ---------------------------------------------------------------------------------


def _opt_num(value: Decimal | None) -> float | None:
    return None if value is None else float(value)


def _rank_nrr(unit: UnitRank) -> dict[str, float]:
    if unit.result is None:
        return {}
    return {e.code: float(e.nrr_display) for e in unit.result.elements}


def _rank_parent(p: ParentRollup) -> dict[str, Any]:
    return {
        "unit": p.unit,
        "name": p.name,
        "parent": p.parent,
        "depth": p.depth,
        "units": p.units,
        "respondents": p.respondents,
        "ikm": float(p.pooled.ikm_display),
        "grade": p.pooled.grade,
        "mean_of_units": float(p.mean_display),
        "weakest": p.pooled.priority[0],
    }


def ranking_to_dict(ranking: Ranking, lang: Lang | str = Lang.ID) -> dict[str, Any]:
    """The JSON contract of ``skm rank --format json`` (documented in docs/rank.md)."""
    from skm.analysis.rank import LEVEL  # noqa: PLC0415 - numpy only for skm rank

    units = []
    for u in ranking.units:
        units.append(
            {
                "unit": u.unit,
                "name": u.name,
                "parent": u.parent,
                "respondents": u.respondents,
                "ikm": _opt_num(u.ikm),
                "ci": None if u.ci is None else [float(u.ci[0]), float(u.ci[1])],
                "grade": u.grade,
                "rank": u.rank,
                "rank_group": u.rank_group,
                "rank_interval": None if u.rank_interval is None else list(u.rank_interval),
                "population": u.population,
                "minimum_sample": u.minimum_sample,
                "sample_met": u.sample_met,
                "weakest": u.weakest,
                "nrr": _rank_nrr(u),
                "flags": list(u.flags),
                "interval_method": u.interval_method,
            }
        )
    pooled: dict[str, Any] = {}
    if ranking.pooled is not None:
        pooled = _rank_parent(ranking.pooled)
        for key in ("unit", "name", "parent", "depth"):
            pooled.pop(key)
        pooled["weakest_counts"] = dict(sorted(ranking.weakest_counts.items()))
    data: dict[str, Any] = {
        "instrument": ranking.instrument.key,
        "units": units,
        "parents": [_rank_parent(p) for p in ranking.parents],
        "pooled": pooled,
        "without_data": list(ranking.without_data),
        "method": {
            "resamples": ranking.resamples,
            "seed": ranking.seed,
            "level": LEVEL,
            "alpha": ranking.alpha,
            "correction": "holm",
            "pairs": ranking.pairs,
            "min_respondents": ranking.min_respondents,
            "interval_methods": sorted({u.interval_method for u in ranking.units}),
            "text": rank_method_lines(ranking, lang),
        },
    }
    if ranking.comparison is not None:
        c = ranking.comparison
        data["change"] = {
            "source": c.source,
            "units": [
                {
                    "unit": ch.unit,
                    "name": ch.name,
                    "ikm_before": _opt_num(ch.ikm_before),
                    "ikm_now": _opt_num(ch.ikm_now),
                    "ikm_change": _opt_num(ch.ikm_change),
                    "grade_before": ch.grade_before,
                    "grade_now": ch.grade_now,
                    "rank_before": ch.rank_before,
                    "rank_now": ch.rank_now,
                    "rank_change": ch.rank_change,
                }
                for ch in c.changes
            ],
            "only_now": list(c.only_now),
            "only_before": list(c.only_before),
        }
    return data
