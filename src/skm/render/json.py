"""The JSON contract of ``skm score --format json`` (documented in the README).

Numbers are JSON numbers rounded as displayed: NRR, weighted NRR and NI to 4 decimals,
25 × NRR and IKM to 2, all rounded half up from exact values.
"""

from __future__ import annotations

import json
from decimal import Decimal
from fractions import Fraction
from typing import Any

from skm.core.calc import GroupResult, IkmResult, round_half_up
from skm.text import Lang, fmt_number, t

__all__ = ["bands_text", "dumps", "legacy_comparison", "legacy_number", "legacy_text", "result_to_dict", "rules_lines"]

LEGACY_LABEL = "emulasi lama / legacy emulation"


def _num(value: Decimal) -> float | int:
    return float(value)


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
    bands = result.instrument.bands
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


def _core(result: IkmResult) -> dict[str, Any]:
    return {
        "respondents": result.respondents,
        "index": _num(result.index_display),
        "ikm": _num(result.ikm_display),
        "grade": result.grade,
        "performance": result.band.performance,
        "performance_en": result.band.performance_en,
        "elements": [
            {
                "code": e.code,
                "name": e.name,
                "answered": e.answered,
                "sum": e.sum,
                "nrr": _num(e.nrr_display),
                "weight": _num(round_half_up(e.weight, 4)),
                "weighted": _num(e.weighted_display),
                "converted": _num(e.converted_display),
                "grade": e.grade,
                "distribution": list(e.counts),
            }
            for e in result.elements
        ],
        "priority": list(result.priority),
    }


def _group(group: GroupResult) -> dict[str, Any]:
    out: dict[str, Any] = {"group": group.group, "respondents": group.respondents, "small": group.small}
    if group.result is None:
        out.update({"graded": False, "missing": list(group.missing)})
    else:
        core = _core(group.result)
        core.pop("respondents")
        out.update({"graded": True, **core})
    return out


def result_to_dict(result: IkmResult, lang: Lang | str = Lang.ID) -> dict[str, Any]:
    """The documented JSON object for a result (stable keys; see README)."""
    out = _core(result)
    ordered: dict[str, Any] = {
        "respondents": out.pop("respondents"),
        "index": out.pop("index"),
        "ikm": out.pop("ikm"),
        "grade": out.pop("grade"),
        "performance": out.pop("performance"),
        "performance_en": out.pop("performance_en"),
        "weight": result.rules.weight.value,
        "instrument": result.instrument.key,
        "instrument_title": result.instrument.title_en if str(lang) == Lang.EN else result.instrument.title,
        "rules": {
            "weight": result.rules.weight.value,
            "nrr_decimals": result.rules.nrr_decimals,
            "index_decimals": result.rules.index_decimals,
            "grading": _grading(result),
            "missing": "available-case per element",
            "text": rules_lines(result, lang),
        },
        **out,
    }
    legacy = legacy_comparison(result)
    if legacy is not None:
        ordered["legacy"] = legacy
    if result.group_by is not None:
        ordered["group_by"] = result.group_by
        ordered["groups"] = [_group(g) for g in result.groups]
    return ordered


def dumps(data: object) -> str:
    """JSON text as the CLI prints it (UTF-8, indented)."""
    return json.dumps(data, ensure_ascii=False, indent=2)
