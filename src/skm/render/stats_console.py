"""Rich renderables of ``skm stats``, drawn from :func:`skm.analysis.stats.stats_to_dict` so that the
table and the JSON always show the same numbers. Returns objects; never prints."""

from __future__ import annotations

from typing import Any

from rich.console import Group, RenderableType
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from skm.text import Lang, fmt_number, t

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


def _test_text(test: dict[str, Any] | None, lang: Lang | str) -> str:
    if test is None or test.get("test") is None:
        return "-"
    name = "Kruskal–Wallis H" if test["test"] == "kruskal-wallis" else "Mann–Whitney U"
    effect = "ε²" if test["effect_size"] == "epsilon-squared" else "r_rb"
    return (
        f"{name} = {_n(test['statistic'], lang, 2)}, p {_p_eq(test['p_value'], lang)}, "
        f"{effect} = {_n(test['effect'], lang, 3)}"
    )


def _rows_text(rows: list[int]) -> str:
    shown = ", ".join(str(r) for r in rows[:_MAX_ROWS_SHOWN])
    return shown + (f" … (+{len(rows) - _MAX_ROWS_SHOWN})" if len(rows) > _MAX_ROWS_SHOWN else "")


def _summary(data: dict[str, Any], lang: Lang | str) -> Panel:
    ci = data["ikm_ci"] or [None, None]
    removed = t("stats-removed", lang, count=data["removed_count"]) if data["removed_count"] else ""
    lines = [
        t("rule-instrument", lang, title=data["instrument_title"]),
        t(
            "stats-summary",
            lang,
            ikm=_n(data["ikm"], lang, 2),
            grade=data["grade"],
            level=round(data["bootstrap"]["confidence"] * 100),
            low=_n(ci[0], lang, 2),
            high=_n(ci[1], lang, 2),
            n=data["respondents"],
            removed=removed,
        ),
        t(
            "stats-alpha",
            lang,
            alpha=_n(data["cronbach_alpha"], lang, 4),
            n=data["reliability_n"],
            k=len(data["items"]),
        ),
    ]
    m = data["margin_of_error"]
    if m is not None:
        lines.append(
            t(
                "stats-margin",
                lang,
                population=m["population"],
                n=m["sample"],
                prop=_n(m["proportion_pct"], lang, 2),
                ikm=_n(m["ikm"], lang, 2),
            )
        )
    return Panel("\n".join(lines), title=f"{t('stats-title', lang)}: {data['source']}", expand=False)


def _items(data: dict[str, Any], lang: Lang | str) -> Table:
    table = Table(title=t("stats-items-title", lang), title_justify="left")
    table.add_column(t("code", lang))
    table.add_column(t("element", lang))
    table.add_column(t("stats-r", lang), justify="right")
    table.add_column(t("stats-r-crit", lang), justify="right")
    table.add_column(t("stats-valid", lang), justify="center")
    table.add_column(t("stats-alpha-deleted", lang), justify="right")
    for item in data["items"]:
        valid = item["valid"]
        verdict = (
            Text("-")
            if valid is None
            else Text(t("stats-valid", lang), style="green")
            if valid
            else Text(t("stats-invalid", lang), style="red")
        )
        table.add_row(
            item["code"],
            item["name"],
            _n(item["item_total_r"], lang, 4),
            _n(item["r_critical"], lang, 4),
            verdict,
            _n(item["alpha_if_deleted"], lang, 4),
        )
    return table


def _intervals(data: dict[str, Any], lang: Lang | str) -> Table:
    table = Table(title=t("stats-ci-title", lang), title_justify="left")
    table.add_column(t("code", lang))
    table.add_column(t("nrr", lang), justify="right")
    table.add_column(t("stats-ci", lang), justify="right")
    for code, nrr in data["nrr"].items():
        table.add_row(code, _n(nrr, lang, 4), _ci(data["nrr_ci"][code], lang, 4))
    table.add_row("IKM", _n(data["ikm"], lang, 2), _ci(data["ikm_ci"], lang, 2), style="bold")
    return table


def _grades(data: dict[str, Any], lang: Lang | str) -> RenderableType:
    table = Table(title=t("stats-grade-title", lang), title_justify="left")
    table.add_column(t("grade", lang), justify="center")
    table.add_column(t("stats-probability", lang), justify="right")
    for grade, p in data["grade_probability"].items():
        table.add_row(grade, _n(p, lang, 4), style="bold" if grade == data["grade"] else "")
    return Group(table, Text(t("stats-other-grade", lang, p=_n(data["grade_other_probability"], lang, 4))))


def _groups(data: dict[str, Any], lang: Lang | str) -> RenderableType:
    comp = data["comparison"]
    table = Table(title=t("stats-groups-title", lang, column=comp["column"]), title_justify="left")
    table.add_column(t("stats-group", lang))
    table.add_column(t("respondents", lang), justify="right")
    table.add_column(t("ikm", lang), justify="right")
    table.add_column(t("stats-ci", lang), justify="right")
    table.add_column(t("grade", lang), justify="center")
    for g in comp["groups"]:
        graded = g["graded"] and not g["small"]
        table.add_row(
            g["group"],
            str(g["respondents"]),
            _n(g["ikm"], lang, 2) if graded else t("stats-not-graded", lang),
            _ci(g["ikm_ci"], lang, 2) if graded else "",
            g["grade"] or "-",
        )
    if comp["ikm_test"] is None:
        return Group(table, Text(t("stats-no-test", lang, min_group=comp["min_group"])))
    tests = Table(title=t("stats-test", lang), title_justify="left")
    tests.add_column(t("code", lang))
    tests.add_column(t("stats-test", lang))
    tests.add_column("p (Holm)", justify="right")
    tests.add_row("IKM", _test_text(comp["ikm_test"], lang), "")
    for e in comp["elements"]:
        tests.add_row(e["code"], _test_text(e if e.get("test") else None, lang), _p(e["p_holm"], lang))
    return Group(table, tests)


def _previous(data: dict[str, Any], lang: Lang | str) -> Table:
    prev = data["previous"]
    yes, no = t("stats-yes", lang), t("stats-no", lang)
    table = Table(title=t("stats-previous-title", lang, file=prev["source"]), title_justify="left")
    for key, justify in (
        ("code", "left"),
        ("stats-previous", "right"),
        ("stats-current", "right"),
        ("stats-diff", "right"),
        ("stats-ci", "right"),
        ("stats-test", "left"),
        ("stats-significant", "center"),
    ):
        table.add_column(t(key, lang), justify=justify)  # type: ignore[arg-type]
    for e in prev["elements"]:
        table.add_row(
            e["code"],
            _n(e["nrr_previous"], lang, 4),
            _n(e["nrr_current"], lang, 4),
            _n(e["difference"], lang, 4),
            _ci(e["difference_ci"], lang, 4),
            f"{_test_text(e['test'], lang)}; p Holm {_p_eq(e['p_holm'], lang)}",
            yes if e["significant"] else no,
        )
    table.add_row(
        "IKM",
        _n(prev["ikm_previous"], lang, 2),
        _n(prev["ikm_current"], lang, 2),
        _n(prev["difference"], lang, 2),
        _ci(prev["difference_ci"], lang, 2),
        _test_text(prev["test"], lang),
        yes if prev["significant"] else no,
        style="bold",
    )
    return table


def _flags(data: dict[str, Any], lang: Lang | str) -> Table:
    table = Table(title=t("stats-flags-title", lang), title_justify="left")
    table.add_column(t("stats-kind", lang))
    table.add_column(t("stats-count", lang), justify="right")
    table.add_column(t("stats-rows", lang))
    for f in data["flags"]:
        rows = _rows_text(f["rows"]) if f["rows"] else t("stats-none", lang)
        if f["kind"] == "duplicate" and f["duplicate_of"]:
            pairs = f["duplicate_of"][:_MAX_ROWS_SHOWN]
            rows = ", ".join(f"{d['row']} (= {d['earlier_row']})" for d in pairs)
        if f["kind"] == "small-group" and f["groups"]:
            rows = "; ".join(f"{g['group']} ({g['respondents']})" for g in f["groups"])
        table.add_row(f["label"], str(f["count"]), rows)
    return table


def stats_renderable(data: dict[str, Any], lang: Lang | str = Lang.ID) -> RenderableType:
    """Everything ``skm stats`` shows in a terminal, from its JSON dictionary."""
    parts: list[RenderableType] = [_summary(data, lang), _items(data, lang), _intervals(data, lang)]
    parts.append(_grades(data, lang))
    if data["comparison"] is not None:
        parts.append(_groups(data, lang))
    if data["previous"] is not None:
        parts.append(_previous(data, lang))
    parts.append(_flags(data, lang))
    notes = list(data["notes"])
    methods = Text(t("stats-methods-title", lang) + "\n", style="bold")
    for line in [*notes, *data["methods"].values()]:
        methods.append(f"• {line}\n", style="")
    parts.append(methods)
    return Group(*parts)
