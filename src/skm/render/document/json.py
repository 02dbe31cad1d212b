"""The report as JSON: the score object (``skm score --format json``) under ``result`` plus
identity, sample, profiles, services, plan, suggestions and trend."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from skm.analysis.facts import ReportData, percent
from skm.render.json import dumps, result_to_dict

__all__ = ["render_json", "report_to_dict"]


def _num(value: Decimal | None) -> float | None:
    return None if value is None else float(value)


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
            "minimum": None if data.minimum is None else data.minimum.as_dict(),
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
                    "previous": _num(r.previous),
                    "current": float(r.current),
                    "change": _num(r.change),
                    "dropped": r.dropped,
                }
                for r in tr.elements
            ],
        }
    if data.stats is not None:
        from skm.render.stats import stats_to_dict  # noqa: PLC0415

        out["stats"] = stats_to_dict(data.stats, data.lang)
    if data.extra:
        out.update(data.extra)
    return out


def render_json(data: ReportData) -> str:
    """The JSON text of a report."""
    return dumps(report_to_dict(data)) + "\n"
