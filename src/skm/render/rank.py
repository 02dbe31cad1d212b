"""Renderers of ``skm rank``: JSON dict, console table, Markdown, CSV, HTML (dot plot, heat map)
and xlsx. Results → bytes only: nothing here reads files or recomputes an index.

Numbers are the displayed ones (IKM and interval 2 decimals, NRR 4, rounded half up from exact
values). Text cells of CSV and xlsx that start with = + - @ (or a tab/CR) are neutralised.
"""

from __future__ import annotations

import csv
import io
from decimal import Decimal
from html import escape
from pathlib import Path
from typing import Any

from skm.analysis.rank import INTERVAL_TALLIES, Ranking, UnitRank
from skm.core.calc import grade_band
from skm.render.prose import rank_flag_texts as flag_texts
from skm.render.prose import rank_method_lines as method_lines
from skm.render.safe import inert_workbook, is_formula_like, neutralise_formula
from skm.text import Lang, fmt_number, t

__all__ = [
    "ranking_csv",
    "ranking_html",
    "ranking_markdown",
    "ranking_renderables",
    "write_ranking_xlsx",
]

_GRADE_COLOURS = {"A": "#1b7f4b", "B": "#2f6db5", "C": "#d08a17", "D": "#b8322a"}
_BAND_FILLS = {"A": "#e3f3ea", "B": "#e6eef9", "C": "#fbf0dc", "D": "#f8e1df"}


# --- shared cells ---------------------------------------------------------------------------


def _fmt(value: Decimal | None, lang: Lang | str) -> str:
    return "–" if value is None else fmt_number(value, lang)


def _signed(value: Decimal | int | None, lang: Lang | str) -> str:
    if value is None:
        return "–"
    text = fmt_number(value, lang) if isinstance(value, Decimal) else str(value)
    return f"+{text}" if value > 0 else text


def _met(unit: UnitRank, lang: Lang | str) -> str:
    return "–" if unit.sample_met is None else t("rank-yes" if unit.sample_met else "rank-no", lang)


def _interval(unit: UnitRank) -> str:
    return "–" if unit.rank_interval is None else f"{unit.rank_interval[0]}–{unit.rank_interval[1]}"


def _ci(unit: UnitRank, lang: Lang | str) -> str:
    """The 95 % interval; ``†`` marks the conservative bound of a unit from tallies (the method
    text explains it)."""
    if unit.ci is None:
        return "–"
    mark = " †" if unit.interval_method == INTERVAL_TALLIES else ""
    return f"{fmt_number(unit.ci[0], lang)}–{fmt_number(unit.ci[1], lang)}{mark}"


def _headers(lang: Lang | str) -> list[str]:
    keys = ["rank-rank", "rank-unit", "rank-parent", "rank-respondents", "rank-minimum", "rank-met", "ikm"]
    keys += ["rank-ci", "grade", "rank-interval", "rank-group", "rank-weakest", "rank-flags"]
    return [t(k, lang) for k in keys]


def _parent_name(ranking: Ranking, key: str | None) -> str:
    if key is None:
        return "–"
    return next((p.name for p in ranking.parents if p.unit == key), key)


def _row(ranking: Ranking, u: UnitRank, lang: Lang | str) -> list[str]:
    return [
        "–" if u.rank is None else str(u.rank),
        u.name,
        _parent_name(ranking, u.parent),
        str(u.respondents),
        "–" if u.minimum_sample is None else str(u.minimum_sample),
        _met(u, lang),
        _fmt(u.ikm, lang),
        _ci(u, lang),
        u.grade or "–",
        _interval(u),
        "–" if u.rank_group is None else str(u.rank_group),
        u.weakest or "–",
        "; ".join(flag_texts(ranking, u, lang)),
    ]


def _parent_headers(lang: Lang | str) -> list[str]:
    keys = ["rank-parent", "rank-units-count", "rank-respondents", "rank-pooled", "grade", "rank-mean", "rank-weakest"]
    return [t(k, lang) for k in keys]


def _parent_rows(ranking: Ranking, lang: Lang | str) -> list[list[str]]:
    rows = []
    rollups = list(ranking.parents) + ([ranking.pooled] if ranking.pooled is not None else [])
    for p in rollups:
        rows.append(
            [
                t("rank-whole", lang) if p.unit == "*" else ("› " * p.depth + p.name),
                str(p.units),
                str(p.respondents),
                fmt_number(p.pooled.ikm_display, lang),
                p.pooled.grade,
                fmt_number(p.mean_display, lang),
                p.pooled.priority[0],
            ]
        )
    return rows


def _element_codes(ranking: Ranking) -> list[str]:
    return [e.code for e in ranking.instrument.elements]


def _weakest_line(ranking: Ranking, lang: Lang | str) -> str | None:
    if ranking.pooled is None or ranking.weakest_element is None:
        return None
    e = ranking.pooled.pooled.element(ranking.weakest_element)
    return t(
        "rank-weakest-overall",
        lang,
        code=e.code,
        name=e.name_en if str(lang) == Lang.EN else e.name,
        nrr=fmt_number(e.nrr_display, lang),
        count=ranking.weakest_counts.get(e.code, 0),
        units=sum(ranking.weakest_counts.values()),
    )


def _change_headers(lang: Lang | str) -> list[str]:
    return [
        t("rank-unit", lang),
        f"IKM {t('rank-before', lang)}",
        f"IKM {t('rank-now', lang)}",
        t("rank-change", lang),
        t("grade", lang),
        t("rank-rank-change", lang),
    ]


def _change_rows(ranking: Ranking, lang: Lang | str) -> list[list[str]]:
    if ranking.comparison is None:
        return []
    rows = []
    for ch in ranking.comparison.changes:
        grade = f"{ch.grade_before or '–'} → {ch.grade_now or '–'}"
        ranks = f"{ch.rank_before or '–'} → {ch.rank_now or '–'} ({_signed(ch.rank_change, lang)})"
        rows.append(
            [ch.name, _fmt(ch.ikm_before, lang), _fmt(ch.ikm_now, lang), _signed(ch.ikm_change, lang), grade, ranks]
        )
    return rows


def _notes(ranking: Ranking, lang: Lang | str) -> list[str]:
    notes = []
    if ranking.comparison is not None:
        if ranking.comparison.only_now:
            notes.append(t("rank-only-now", lang, units=", ".join(ranking.comparison.only_now)))
        if ranking.comparison.only_before:
            notes.append(t("rank-only-before", lang, units=", ".join(ranking.comparison.only_before)))
    if ranking.without_data:
        notes.append(t("rank-without-data", lang, units=", ".join(ranking.without_data)))
    return notes


# --- console ------------------------------------------------------------------------------------


def ranking_renderables(ranking: Ranking, lang: Lang | str = Lang.ID) -> list[Any]:
    """Rich renderables: league table, roll-up, NRR per unit and element, change, notes and method."""
    from rich.table import Table  # noqa: PLC0415
    from rich.text import Text  # noqa: PLC0415

    out: list[Any] = []
    table = Table(title=t("rank-title", lang), title_justify="left")
    keys = ["rank-short-rank", "rank-unit", "n", "rank-short-minimum", "ikm", "rank-ci", "grade"]
    keys += ["rank-short-interval", "rank-short-group", "rank-short-weakest", "rank-flags"]
    for i, key in enumerate(keys):
        header = "n" if key == "n" else t(key, lang)
        table.add_column(header, justify="right" if i in {0, 2, 3, 4, 8} else "left", overflow="fold")
    for u in ranking.units:
        row = _row(ranking, u, lang)
        minimum = row[4] if u.sample_met is not False else f"{row[4]} (!)"
        table.add_row(row[0], row[1], row[3], minimum, *row[6:])
    out.append(table)
    if ranking.pooled is not None:
        parents = Table(title=t("rank-parents-title", lang), title_justify="left")
        for i, h in enumerate(_parent_headers(lang)):
            parents.add_column(h, justify="left" if i in {0, 4, 6} else "right")
        for row in _parent_rows(ranking, lang):
            parents.add_row(*row)
        out.append(parents)
    elements = Table(title=t("rank-elements-title", lang), title_justify="left")
    elements.add_column(t("rank-unit", lang))
    for code in _element_codes(ranking):
        elements.add_column(code, justify="right")
    for row in _element_rows(ranking, lang):
        elements.add_row(*row)
    out.append(elements)
    line = _weakest_line(ranking, lang)
    if line:
        out.append(Text(line))
    if ranking.comparison is not None:
        change = Table(title=t("rank-change-title", lang, source=ranking.comparison.source), title_justify="left")
        for i, h in enumerate(_change_headers(lang)):
            change.add_column(h, justify="left" if i in {0, 4} else "right")
        for row in _change_rows(ranking, lang):
            change.add_row(*row)
        out.append(change)
    out.extend(Text(n) for n in _notes(ranking, lang))
    out.append(Text(t("rank-method-title", lang) + ":", style="bold"))
    out.extend(Text("• " + m) for m in method_lines(ranking, lang))
    return out


# --- markdown -----------------------------------------------------------------------------------


def _md_cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def _md_table(headers: list[str], rows: list[list[str]]) -> list[str]:
    lines = ["| " + " | ".join(_md_cell(h) for h in headers) + " |", "|" + "---|" * len(headers)]
    lines += ["| " + " | ".join(_md_cell(c) for c in row) + " |" for row in rows]
    return lines


def _element_rows(ranking: Ranking, lang: Lang | str) -> list[list[str]]:
    codes = _element_codes(ranking)
    rows = []
    for u in ranking.units:
        nrr = {e.code: e.nrr_display for e in u.result.elements} if u.result else {}
        rows.append([u.name, *[_fmt(nrr.get(c), lang) for c in codes]])
    return rows


def ranking_markdown(ranking: Ranking, lang: Lang | str = Lang.ID) -> str:
    """The ranking as Markdown."""
    lines = [f"# {t('rank-title', lang)}", ""]
    lines += _md_table(_headers(lang), [_row(ranking, u, lang) for u in ranking.units])
    if ranking.pooled is not None:
        lines += ["", f"## {t('rank-parents-title', lang)}", ""]
        lines += _md_table(_parent_headers(lang), _parent_rows(ranking, lang))
    lines += ["", f"## {t('rank-elements-title', lang)}", ""]
    lines += _md_table([t("rank-unit", lang), *_element_codes(ranking)], _element_rows(ranking, lang))
    line = _weakest_line(ranking, lang)
    if line:
        lines += ["", line]
    if ranking.comparison is not None:
        lines += ["", f"## {t('rank-change-title', lang, source=ranking.comparison.source)}", ""]
        lines += _md_table(_change_headers(lang), _change_rows(ranking, lang))
    notes = _notes(ranking, lang)
    if notes:
        lines += ["", *[f"- {n}" for n in notes]]
    lines += ["", f"## {t('rank-method-title', lang)}", ""]
    lines += [f"- {m}" for m in method_lines(ranking, lang)]
    return "\n".join(lines) + "\n"


# --- CSV ----------------------------------------------------------------------------------------

_CSV_COLUMNS = [
    "kind",
    "rank",
    "unit",
    "name",
    "parent",
    "respondents",
    "population",
    "minimum_sample",
    "sample_met",
    "ikm",
    "ci_low",
    "ci_high",
    "grade",
    "rank_interval_low",
    "rank_interval_high",
    "rank_group",
    "mean_of_units",
    "weakest",
    "flags",
    "interval_method",
]


def ranking_csv(ranking: Ranking) -> str:
    """One row per unit, then one per parent and the whole (``kind``), with each element's NRR."""
    codes = _element_codes(ranking)
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow([*_CSV_COLUMNS, *[f"nrr_{c}" for c in codes]])
    for u in ranking.units:
        nrr = {e.code: e.nrr_display for e in u.result.elements} if u.result else {}
        row: list[object] = [
            "unit",
            u.rank,
            u.unit,
            u.name,
            u.parent,
            u.respondents,
            u.population,
            u.minimum_sample,
            u.sample_met,
            u.ikm,
            u.ci[0] if u.ci else None,
            u.ci[1] if u.ci else None,
            u.grade,
            u.rank_interval[0] if u.rank_interval else None,
            u.rank_interval[1] if u.rank_interval else None,
            u.rank_group,
            None,
            u.weakest,
            " ".join(u.flags),
            u.interval_method,
            *[nrr.get(c) for c in codes],
        ]
        writer.writerow([neutralise_formula("" if v is None else v) for v in row])
    rollups = list(ranking.parents) + ([ranking.pooled] if ranking.pooled is not None else [])
    for p in rollups:
        nrr = {e.code: e.nrr_display for e in p.pooled.elements}
        kind = "whole" if p.unit == "*" else "parent"
        row = [kind, None, p.unit, p.name, p.parent, p.respondents, None, None, None, p.pooled.ikm_display]
        row += [None, None, p.pooled.grade, None, None, None, p.mean_display, p.pooled.priority[0], "", None]
        row += [nrr.get(c) for c in codes]
        writer.writerow([neutralise_formula("" if v is None else v) for v in row])
    return buffer.getvalue()


# --- HTML ---------------------------------------------------------------------------------------

_CSS = """
*{box-sizing:border-box}
body{margin:0;color:#1d2433;font:15px/1.5 "Noto Sans","Segoe UI","DejaVu Sans",Arial,sans-serif;background:#fff}
main{max-width:1100px;margin:0 auto;padding:16px}
h1{font-size:1.5rem;color:#16325c;margin:.2em 0 .6em}
h2{font-size:1.15rem;color:#16325c;margin:1.6em 0 .5em}
.scroll{overflow-x:auto;max-width:100%;-webkit-overflow-scrolling:touch}
table{border-collapse:collapse;font-size:.9rem;min-width:100%}
th,td{border-bottom:1px solid #d9dee7;padding:4px 8px;text-align:left;vertical-align:top;white-space:nowrap}
th{background:#16325c;color:#fff;position:sticky;top:0}
td.n{text-align:right;font-variant-numeric:tabular-nums}
td.flags{white-space:normal;min-width:12em}
tr.g-even td{background:#f5f7fb}
.grade{font-weight:700}
.grade-A{color:#1b7f4b}.grade-B{color:#2f6db5}.grade-C{color:#d08a17}.grade-D{color:#b8322a}
figure{margin:0}
svg{display:block;width:100%;max-width:760px;height:auto}
p,li{max-width:70em;overflow-wrap:anywhere}
.note{color:#5a6475;font-size:.9rem}
"""


def _heat(nrr: Decimal | None, ranking: Ranking) -> str:
    if nrr is None:
        return ""

    grade = grade_band(nrr * ranking.instrument.conversion, ranking.instrument).grade
    return f' style="background:{_BAND_FILLS.get(grade, "#fff")}"'


def _html_table(
    headers: list[str], rows: list[list[str]], numeric: set[int], extra: list[list[str]] | None = None
) -> str:
    head = "".join(f"<th scope=col>{escape(h)}</th>" for h in headers)
    body = []
    for r, row in enumerate(rows):
        cells = []
        for i, cell in enumerate(row):
            attrs = extra[r][i] if extra else ""
            cls = ' class="n"' if i in numeric else ""
            cells.append(f"<td{cls}{attrs}>{escape(cell)}</td>")
        body.append("<tr>" + "".join(cells) + "</tr>")
    return f'<div class="scroll"><table><thead><tr>{head}</tr></thead><tbody>{"".join(body)}</tbody></table></div>'


def dot_plot_svg(ranking: Ranking, lang: Lang | str = Lang.ID) -> str:
    """A sorted dot plot of the ranked units' IKM with 95 % intervals over the grade bands."""
    units = [u for u in ranking.units if u.ikm is not None]
    if not units:
        return ""
    lows = [float(u.ci[0]) if u.ci else float(u.ikm or 0) for u in units]
    floor = max(25.0, min(*lows, 60.0) - 2)
    floor = float(int(floor // 5 * 5))
    width, left, right, row_h, top = 520.0, 170.0, 14.0, 18.0, 28.0
    height = top + row_h * len(units) + 24
    span = width - left - right

    def x(value: float) -> float:
        return left + (min(max(value, floor), 100.0) - floor) / (100.0 - floor) * span

    parts = [
        f'<svg viewBox="0 0 {width:.0f} {height:.0f}" role="img" aria-label="{escape(t("rank-plot-title", lang))}" '
        f'xmlns="http://www.w3.org/2000/svg" font-family="sans-serif" font-size="12">'
    ]
    bands = sorted(ranking.instrument.bands, key=lambda b: b.lower)
    for i, band in enumerate(bands):
        low = float(band.lower)
        high = float(bands[i + 1].lower) if i + 1 < len(bands) else 100.0
        if high <= floor:
            continue
        x0, x1 = x(low), x(high)
        fill = _BAND_FILLS.get(band.grade, "#f3f3f3")
        parts.append(
            f'<rect x="{x0:.1f}" y="{top - 8:.1f}" width="{x1 - x0:.1f}" height="{height - top:.1f}" fill="{fill}"/>'
        )
        colour = _GRADE_COLOURS.get(band.grade, "#666")
        parts.append(
            f'<text x="{(x0 + x1) / 2:.1f}" y="{top - 12:.1f}" text-anchor="middle" fill="{colour}" '
            f'font-weight="700">{escape(band.grade)}</text>'
        )
    for i, u in enumerate(units):
        if u.rank_group is not None and u.rank_group % 2 == 0:
            y0 = top + row_h * i
            stripe = f'<rect x="0" y="{y0:.1f}" width="{width:.0f}" height="{row_h:.1f}"'
            parts.append(stripe + ' fill="#000" opacity=".06"/>')
    tick = floor
    while tick <= 100:
        parts.append(
            f'<text x="{x(tick):.1f}" y="{height - 6:.1f}" text-anchor="middle" fill="#5a6475">{tick:.0f}</text>'
        )
        tick += 5 if 100 - floor <= 50 else 10
    for i, u in enumerate(units):
        y = top + row_h * i + row_h / 2
        label = (f"{u.rank}. " if u.rank else "– ") + (u.name if len(u.name) <= 24 else u.name[:23] + "…")
        parts.append(f'<text x="{left - 8:.1f}" y="{y + 4:.1f}" text-anchor="end">{escape(label)}</text>')
        colour = _GRADE_COLOURS.get(u.grade or "", "#666")
        if u.ci is not None:
            parts.append(
                f'<line x1="{x(float(u.ci[0])):.1f}" x2="{x(float(u.ci[1])):.1f}" y1="{y:.1f}" y2="{y:.1f}" '
                f'stroke="{colour}" stroke-width="2"/>'
            )
        tip = f"{u.name}: IKM {fmt_number(u.ikm or Decimal(0), lang)} ({_ci(u, lang)})"
        parts.append(
            f'<circle cx="{x(float(u.ikm or 0)):.1f}" cy="{y:.1f}" r="4" fill="{colour}">'
            f"<title>{escape(tip)}</title></circle>"
        )
    parts.append("</svg>")
    return "".join(parts)


def ranking_html(ranking: Ranking, lang: Lang | str = Lang.ID) -> str:
    """A self-contained HTML page (no scripts, no external files) that fits a phone screen."""
    title = t("rank-title", lang)
    body = [f"<h1>{escape(title)}</h1>"]
    body.append(f'<figure><figcaption class="note">{escape(t("rank-plot-title", lang))}</figcaption>')
    body.append(dot_plot_svg(ranking, lang) + "</figure>")
    body.append(f"<h2>{escape(t('rank-table-title', lang))}</h2>")
    rows = [_row(ranking, u, lang) for u in ranking.units]
    grade_col = 8
    extra = [["" for _ in row] for row in rows]
    for r, u in enumerate(ranking.units):
        if u.grade:
            extra[r][grade_col] = f' class="grade grade-{escape(u.grade)}"'
        extra[r][12] = ' class="flags"'
    body.append(_html_table(_headers(lang), rows, {0, 3, 4, 6, 10}, extra))
    if ranking.pooled is not None:
        body.append(f"<h2>{escape(t('rank-parents-title', lang))}</h2>")
        body.append(_html_table(_parent_headers(lang), _parent_rows(ranking, lang), {1, 2, 3, 5}))
    codes = _element_codes(ranking)
    body.append(f"<h2>{escape(t('rank-elements-title', lang))}</h2>")
    heat_rows = _element_rows(ranking, lang)
    heat_extra = []
    for u in ranking.units:
        nrr = {e.code: e.nrr_display for e in u.result.elements} if u.result else {}
        heat_extra.append(["", *[_heat(nrr.get(c), ranking) for c in codes]])
    body.append(_html_table([t("rank-unit", lang), *codes], heat_rows, set(range(1, len(codes) + 1)), heat_extra))
    line = _weakest_line(ranking, lang)
    if line:
        body.append(f"<p>{escape(line)}</p>")
    if ranking.comparison is not None:
        body.append(f"<h2>{escape(t('rank-change-title', lang, source=ranking.comparison.source))}</h2>")
        body.append(_html_table(_change_headers(lang), _change_rows(ranking, lang), {1, 2, 3}))
    body.extend(f'<p class="note">{escape(n)}</p>' for n in _notes(ranking, lang))
    body.append(f"<h2>{escape(t('rank-method-title', lang))}</h2><ul>")
    body.extend(f"<li>{escape(m)}</li>" for m in method_lines(ranking, lang))
    body.append("</ul>")
    return (
        f'<!DOCTYPE html>\n<html lang="{escape(str(lang))}"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>{escape(title)}</title><style>{_CSS}</style></head>"
        f"<body><main>{''.join(body)}</main></body></html>\n"
    )


# --- xlsx ---------------------------------------------------------------------------------------


def write_ranking_xlsx(ranking: Ranking, path: Path, lang: Lang | str = Lang.ID) -> None:
    """Workbook: league table, roll-up, NRR heat map (coloured by grade band), change and method."""
    from openpyxl import Workbook  # noqa: PLC0415
    from openpyxl.styles import Font, PatternFill  # noqa: PLC0415

    wb = Workbook()
    bold = Font(bold=True)

    def put(ws: Any, row: int, col: int, value: object, fill: str | None = None) -> None:
        cell = ws.cell(row=row, column=col)
        if isinstance(value, Decimal):
            cell.value = float(value)
            cell.number_format = "0.00" if value.as_tuple().exponent == -2 else "0.0000"
        elif isinstance(value, str):
            cell.value = value
            if is_formula_like(value):
                cell.data_type = "s"
                cell.quotePrefix = True
        else:
            cell.value = value
        if fill:
            cell.fill = PatternFill("solid", fgColor=fill.lstrip("#"))

    def header(ws: Any, names: list[str]) -> None:
        for c, name in enumerate(names, start=1):
            put(ws, 1, c, name)
            ws.cell(row=1, column=c).font = bold
        ws.freeze_panes = "A2"

    ws = wb.active
    ws.title = t("rank-rank", lang)[:31]
    header(ws, _headers(lang))
    for r, u in enumerate(ranking.units, start=2):
        values: list[object] = [
            u.rank,
            u.name,
            None if u.parent is None else _parent_name(ranking, u.parent),
            u.respondents,
            u.minimum_sample,
            _met(u, lang),
            u.ikm,
            _ci(u, lang),
            u.grade,
            _interval(u),
            u.rank_group,
            u.weakest,
            "; ".join(flag_texts(ranking, u, lang)),
        ]
        for c, value in enumerate(values, start=1):
            put(ws, r, c, value, _BAND_FILLS.get(u.grade or "") if c == 9 else None)
    if ranking.pooled is not None:
        wp = wb.create_sheet(t("rank-parent", lang)[:31])
        header(wp, _parent_headers(lang))
        rollups = [*list(ranking.parents), ranking.pooled]
        for r, p in enumerate(rollups, start=2):
            name = t("rank-whole", lang) if p.unit == "*" else p.name
            row = [name, p.units, p.respondents, p.pooled.ikm_display, p.pooled.grade, p.mean_display]
            for c, value in enumerate([*row, p.pooled.priority[0]], start=1):
                put(wp, r, c, value)
    codes = _element_codes(ranking)
    we = wb.create_sheet("NRR")
    header(we, [t("rank-unit", lang), *codes])

    for r, u in enumerate(ranking.units, start=2):
        put(we, r, 1, u.name)
        nrr = {e.code: e.nrr_display for e in u.result.elements} if u.result else {}
        for c, code in enumerate(codes, start=2):
            value = nrr.get(code)
            fill = None
            if value is not None:
                fill = _BAND_FILLS.get(grade_band(value * ranking.instrument.conversion, ranking.instrument).grade)
            put(we, r, c, value, fill)
    line = _weakest_line(ranking, lang)
    if line:
        put(we, len(ranking.units) + 3, 1, line)
    if ranking.comparison is not None:
        wc = wb.create_sheet(t("rank-change", lang)[:31])
        header(wc, _change_headers(lang))
        for r, ch in enumerate(ranking.comparison.changes, start=2):
            row2: list[object] = [ch.name, ch.ikm_before, ch.ikm_now, ch.ikm_change]
            row2 += [f"{ch.grade_before or '–'} → {ch.grade_now or '–'}", ch.rank_change]
            for c, value in enumerate(row2, start=1):
                put(wc, r, c, value)
    wm = wb.create_sheet(t("rank-method-title", lang)[:31])
    for r, text in enumerate([*method_lines(ranking, lang), *_notes(ranking, lang)], start=1):
        put(wm, r, 1, text)
    for sheet in wb.worksheets:
        for column in sheet.columns:
            width = max((len(str(c.value)) for c in column if c.value is not None), default=8)
            sheet.column_dimensions[column[0].column_letter].width = min(max(width + 2, 8), 60)
    inert_workbook(wb)  # unit names typed by people: no formula, nothing XML cannot hold
    wb.save(path)
