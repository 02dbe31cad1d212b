"""A single self-contained HTML report: inline CSS, inline SVG charts, no script, no network.

The print stylesheet lays the document out on A4 so a browser's "Print to PDF" gives a clean
report. Every text is HTML-escaped (respondents' suggestions and service names included).
"""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal
from html import escape as _escape

from skm.render.document.blocks import (
    BarChart,
    Cell,
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
    printable,
    section_number,
)
from skm.render.document.charts import wrap_label
from skm.text.report import tr

__all__ = ["CSS", "escape", "render_html", "render_section", "svg_bar_chart", "svg_line_chart", "svg_quadrant_chart"]

_GRADE_COLOURS = {"A": "#1b7f4b", "B": "#2f6db5", "C": "#d08a17", "D": "#b8322a"}
_DEFAULT_BAR = "#2f5d8a"
_SMALL = ' fill-opacity="0.35" stroke="#555" stroke-dasharray="3 2" class="small"'


def escape(text: object) -> str:
    """Text safe in HTML content and attribute values."""
    return _escape(printable(str(text)), quote=True)


def _cell(value: Cell, doc: Document) -> str:
    if value is None:
        return ""
    if isinstance(value, Decimal | int):
        return fmt(value, doc.lang)
    return escape(value)


def _is_numeric(table: Table, i: int) -> bool:
    return bool(table.rows) and all(isinstance(r[i], int | Decimal) or r[i] is None for r in table.rows)


def _table(table: Table, doc: Document) -> str:
    numeric = [_is_numeric(table, i) for i in range(len(table.columns))]

    def cls(i: int) -> str:
        names = []
        if numeric[i]:
            names.append("num")
        if table.wide == i:
            names.append("wide")
        return f' class="{" ".join(names)}"' if names else ""

    head = "".join(f"<th{cls(i)}>{escape(c)}</th>" for i, c in enumerate(table.columns))
    body = []
    for n, row in enumerate(table.rows):
        cells = "".join(f"<td{cls(i)}>{_cell(v, doc)}</td>" for i, v in enumerate(row))
        flag = table.flags[n] if n < len(table.flags) else ""
        body.append(f'<tr class="{escape(flag)}">{cells}</tr>' if flag else f"<tr>{cells}</tr>")
    foot = ""
    if table.total is not None:
        cells = "".join(f"<td{cls(i)}>{_cell(v, doc)}</td>" for i, v in enumerate(table.total))
        foot = f"<tfoot><tr>{cells}</tr></tfoot>"
    caption = f"<caption>{escape(table.caption)}</caption>" if table.caption else ""
    if len(table.widths) == len(table.columns):
        caption += "<colgroup>" + "".join(f'<col style="width:{w}%">' for w in table.widths) + "</colgroup>"
    key = f' data-table="{escape(table.key)}"' if table.key else ""
    if len(table.widths) == len(table.columns):
        key += ' class="fixed"'
    return (
        f'<div class="tscroll"><table{key}>{caption}<thead><tr>{head}</tr></thead>'
        f"<tbody>{''.join(body)}</tbody>{foot}</table></div>"
    )


def _num(value: float) -> str:
    return f"{value:.1f}".rstrip("0").rstrip(".")


def svg_bar_chart(chart: BarChart, doc: Document, *, compact: bool = False) -> str:
    """An inline SVG bar chart: vertical bars for short labels, horizontal for long ones."""
    if not chart.values:
        return ""
    horizontal = compact or max(len(label) for label in chart.labels) > 6 or len(chart.values) > 16
    lo, hi = float(chart.minimum), float(chart.maximum)
    span = hi - lo or 1.0
    colours = [
        _GRADE_COLOURS.get(chart.grades[i], _DEFAULT_BAR) if i < len(chart.grades) else _DEFAULT_BAR
        for i in range(len(chart.values))
    ]
    parts: list[str] = []
    label = escape(chart.title)
    if horizontal:
        left, right, top, row_h = (112, 50, 10, 24) if compact else (200, 60, 12, 26)
        width = 330 if compact else 680
        plot_w = width - left - right
        limit = 17 if compact else 30
        wrapped = [wrap_label(name, limit, 2).split("\n") for name in chart.labels]
        if any(len(lines) > 1 for lines in wrapped):
            row_h += 10
        height = top + row_h * len(chart.values) + 30
        bottom = top + row_h * len(chart.values)

        def x(v: float) -> float:
            return left + (v - lo) / span * plot_w

        parts.extend(_band_shading_h(chart, x, top, bottom))
        for i, (name, value) in enumerate(zip(chart.labels, chart.values, strict=True)):
            ry = top + i * row_h
            lines = wrapped[i]
            first = ry + row_h / 2 + 4 - 5.5 * (len(lines) - 1)
            spans = "".join(
                f'<tspan x="{left - 8}" y="{first + 11 * k:.1f}">{escape(line)}</tspan>' for k, line in enumerate(lines)
            )
            parts.append(f'<text text-anchor="end" class="lbl"><title>{escape(name)}</title>{spans}</text>')
            w = max(x(float(value)) - left, 1.0)
            parts.append(
                f'<rect x="{left}" y="{ry + 5}" width="{w:.1f}" height="{row_h - 10}" fill="{colours[i]}" rx="2"'
                f"{_SMALL if i < len(chart.small) and chart.small[i] else ''}/>"
            )
            parts.append(
                f'<text x="{left + w + 5:.1f}" y="{ry + row_h / 2 + 4:.1f}" class="val">'
                f"{escape(fmt(value, doc.lang))}{escape(chart.suffix)}</text>"
            )
        parts.append(f'<line x1="{left}" y1="{top}" x2="{left}" y2="{bottom}" class="axis"/>')
        for tick in _ticks(lo, hi):
            parts.append(
                f'<text x="{x(tick):.1f}" y="{bottom + 16}" text-anchor="middle" class="tick">{_num(tick)}</text>'
            )
    else:
        left, right, top, bottom_pad = 44, 70, 16, 34
        width, height = 680, 300
        bottom = height - bottom_pad
        plot_h = bottom - top
        slot = (width - left - right) / len(chart.values)

        def y(v: float) -> float:
            return bottom - (v - lo) / span * plot_h

        for tick in _ticks(lo, hi):
            parts.append(f'<line x1="{left}" y1="{y(tick):.1f}" x2="{width - right}" y2="{y(tick):.1f}" class="grid"/>')
            parts.append(
                f'<text x="{left - 6}" y="{y(tick) + 4:.1f}" text-anchor="end" class="tick">{_num(tick)}</text>'
            )
        for lower, grade in chart.bands:
            yy = y(float(lower))
            parts.append(
                f'<line x1="{left}" y1="{yy:.1f}" x2="{width - right}" y2="{yy:.1f}" class="band" '
                f'stroke="{_GRADE_COLOURS.get(grade, "#666")}"/>'
            )
            parts.append(
                f'<text x="{width - right + 4}" y="{yy + 4:.1f}" class="bandlbl" '
                f'fill="{_GRADE_COLOURS.get(grade, "#666")}">{escape(grade)} {escape(fmt(lower, doc.lang))}</text>'
            )
        bar_w = min(slot * 0.62, 48)
        for i, (name, value) in enumerate(zip(chart.labels, chart.values, strict=True)):
            cx = left + slot * (i + 0.5)
            yy = y(float(value))
            parts.append(
                f'<rect x="{cx - bar_w / 2:.1f}" y="{yy:.1f}" width="{bar_w:.1f}" height="{bottom - yy:.1f}" '
                f'fill="{colours[i]}" rx="2"{_SMALL if i < len(chart.small) and chart.small[i] else ""}>'
                f"<title>{escape(name)}: {escape(fmt(value, doc.lang))}</title></rect>"
            )
            parts.append(
                f'<text x="{cx:.1f}" y="{yy - 5:.1f}" text-anchor="middle" class="val">'
                f"{escape(fmt(value, doc.lang))}{escape(chart.suffix)}</text>"
            )
            parts.append(f'<text x="{cx:.1f}" y="{bottom + 16}" text-anchor="middle" class="lbl">{escape(name)}</text>')
        parts.append(f'<line x1="{left}" y1="{bottom}" x2="{width - right}" y2="{bottom}" class="axis"/>')
    caption = "" if compact else f"<figcaption>{label}</figcaption>"
    return (
        f'<figure class="chart"><svg viewBox="0 0 {width} {height}" '
        f'role="img" aria-label="{label}">{"".join(parts)}</svg>{caption}</figure>'
    )


def svg_line_chart(chart: LineChart, doc: Document) -> str:
    """An inline SVG line chart: one point per period, coloured by grade, with the grade bounds."""
    if not chart.values:
        return ""
    left, right, top, bottom_pad = 44, 70, 16, 44
    width, height = 680, 280
    bottom = height - bottom_pad
    lo, hi = float(chart.minimum), float(chart.maximum)
    span = hi - lo or 1.0
    slot = (width - left - right) / len(chart.values)

    def y(v: float) -> float:
        return bottom - (v - lo) / span * (bottom - top)

    parts: list[str] = []
    for tick in _ticks(lo, hi):
        parts.append(f'<line x1="{left}" y1="{y(tick):.1f}" x2="{width - right}" y2="{y(tick):.1f}" class="grid"/>')
        parts.append(f'<text x="{left - 6}" y="{y(tick) + 4:.1f}" text-anchor="end" class="tick">{_num(tick)}</text>')
    for lower, grade in chart.bands:
        yy = y(float(lower))
        colour = _GRADE_COLOURS.get(grade, "#666")
        parts.append(
            f'<line x1="{left}" y1="{yy:.1f}" x2="{width - right}" y2="{yy:.1f}" class="band" stroke="{colour}"/>'
        )
        parts.append(
            f'<text x="{width - right + 4}" y="{yy + 4:.1f}" class="bandlbl" fill="{colour}">'
            f"{escape(grade)} {escape(fmt(lower, doc.lang))}</text>"
        )
    points = [(left + slot * (i + 0.5), y(float(v))) for i, v in enumerate(chart.values)]
    path = " ".join(f"{px:.1f},{py:.1f}" for px, py in points)
    parts.append(f'<polyline points="{path}" fill="none" stroke="{_DEFAULT_BAR}" stroke-width="2"/>')
    for i, ((px, py), name, value) in enumerate(zip(points, chart.labels, chart.values, strict=True)):
        colour = _GRADE_COLOURS.get(chart.grades[i], _DEFAULT_BAR) if i < len(chart.grades) else _DEFAULT_BAR
        parts.append(
            f'<circle cx="{px:.1f}" cy="{py:.1f}" r="5" fill="{colour}"><title>{escape(name)}: '
            f"{escape(fmt(value, doc.lang))}</title></circle>"
        )
        parts.append(
            f'<text x="{px:.1f}" y="{py - 9:.1f}" text-anchor="middle" class="val">'
            f"{escape(fmt(value, doc.lang))}</text>"
        )
        lines = wrap_label(name, 18, 2).split("\n")
        spans = "".join(
            f'<tspan x="{px:.1f}" y="{bottom + 16 + 11 * k}">{escape(line)}</tspan>' for k, line in enumerate(lines)
        )
        parts.append(f'<text text-anchor="middle" class="lbl">{spans}</text>')
    parts.append(f'<line x1="{left}" y1="{bottom}" x2="{width - right}" y2="{bottom}" class="axis"/>')
    label = escape(chart.title)
    return (
        f'<figure class="chart"><svg viewBox="0 0 {width} {height}" role="img" aria-label="{label}">'
        f"{''.join(parts)}</svg><figcaption>{label}</figcaption></figure>"
    )


def svg_quadrant_chart(chart: QuadrantChart, doc: Document) -> str:
    """An inline SVG scatter of the elements around the two means, one name per quadrant
    (importance–performance: the top-left quadrant, high expectation and low performance, is
    shaded as the first priority)."""
    if not chart.labels:
        return ""
    xs, ys = [float(v) for v in chart.x], [float(v) for v in chart.y]
    x_mean, y_mean = float(chart.x_mean), float(chart.y_mean)

    def span(values: list[float], mean: float) -> tuple[float, float]:
        low, high = min([*values, mean]), max([*values, mean])
        pad = max((high - low) * 0.12, 0.05)
        return low - pad, high + pad

    (x_lo, x_hi), (y_lo, y_hi) = span(xs, x_mean), span(ys, y_mean)
    width, height, left, right, top, bottom = 600, 420, 62, 18, 16, 48
    plot_w, plot_h = width - left - right, height - top - bottom

    def px(v: float) -> float:
        return left + (v - x_lo) / (x_hi - x_lo) * plot_w

    def py(v: float) -> float:
        return top + (y_hi - v) / (y_hi - y_lo) * plot_h

    cx, cy = px(x_mean), py(y_mean)
    parts = [
        f'<rect x="{left}" y="{top}" width="{cx - left:.1f}" height="{cy - top:.1f}" fill="#b8322a" opacity="0.08"/>',
        f'<rect x="{left}" y="{top}" width="{plot_w}" height="{plot_h}" fill="none" class="axis"/>',
        f'<line x1="{cx:.1f}" y1="{top}" x2="{cx:.1f}" y2="{top + plot_h}" class="band" stroke="#666"/>',
        f'<line x1="{left}" y1="{cy:.1f}" x2="{left + plot_w}" y2="{cy:.1f}" class="band" stroke="#666"/>',
    ]
    corners = (
        (left + 6, top + 14, "start"),
        (left + plot_w - 6, top + 14, "end"),
        (left + 6, top + plot_h - 8, "start"),
        (left + plot_w - 6, top + plot_h - 8, "end"),
    )
    for (qx, qy, anchor), name in zip(corners, chart.quadrants, strict=True):
        parts.append(
            f'<text x="{qx}" y="{qy}" text-anchor="{anchor}" class="bandlbl" fill="#555">{escape(name)}</text>'
        )
    for name, xv, yv in zip(chart.labels, xs, ys, strict=True):
        colour = "#b8322a" if xv < x_mean and yv >= y_mean else _DEFAULT_BAR
        tip = f"{name}: {fmt(Decimal(f'{xv:.2f}'), doc.lang)}; {fmt(Decimal(f'{yv:.2f}'), doc.lang)}"
        parts.append(
            f'<circle cx="{px(xv):.1f}" cy="{py(yv):.1f}" r="5" fill="{colour}"><title>{escape(tip)}</title></circle>'
        )
        parts.append(f'<text x="{px(xv) + 7:.1f}" y="{py(yv) + 4:.1f}" class="val">{escape(name)}</text>')
    for tick in (x_lo, x_mean, x_hi):
        parts.append(
            f'<text x="{px(tick):.1f}" y="{top + plot_h + 15}" text-anchor="middle" class="tick">'
            f"{escape(fmt(Decimal(f'{tick:.2f}'), doc.lang))}</text>"
        )
    for tick in (y_lo, y_mean, y_hi):
        parts.append(
            f'<text x="{left - 6}" y="{py(tick) + 4:.1f}" text-anchor="end" class="tick">'
            f"{escape(fmt(Decimal(f'{tick:.2f}'), doc.lang))}</text>"
        )
    parts.append(
        f'<text x="{left + plot_w / 2:.1f}" y="{height - 10}" text-anchor="middle" class="lbl">'
        f"{escape(chart.x_title)}</text>"
    )
    parts.append(
        f'<text x="14" y="{top + plot_h / 2:.1f}" text-anchor="middle" class="lbl" '
        f'transform="rotate(-90 14 {top + plot_h / 2:.1f})">{escape(chart.y_title)}</text>'
    )
    label = escape(chart.title)
    return (
        f'<figure class="chart"><svg viewBox="0 0 {width} {height}" role="img" aria-label="{label}">'
        f"{''.join(parts)}</svg><figcaption>{label}</figcaption></figure>"
    )


def _band_shading_h(chart: BarChart, x: Callable[[float], float], top: float, bottom: float) -> list[str]:
    out: list[str] = []
    for lower, grade in chart.bands:
        xx = x(float(lower))
        colour = _GRADE_COLOURS.get(grade, "#666")
        out.append(f'<line x1="{xx:.1f}" y1="{top - 4}" x2="{xx:.1f}" y2="{bottom}" class="band" stroke="{colour}"/>')
        out.append(f'<text x="{xx + 3:.1f}" y="{top + 4}" class="bandlbl" fill="{colour}">{escape(grade)}</text>')
    return out


def _ticks(lo: float, hi: float) -> list[float]:
    span = hi - lo
    step = 25.0 if span > 60 else 10.0 if span > 20 else 5.0 if span > 8 else 1.0
    start = (lo // step) * step
    ticks = []
    v = start if start >= lo else start + step
    while v <= hi + 1e-9:
        ticks.append(v)
        v += step
    return ticks


def _headline(block: Headline, doc: Document) -> str:
    cards = []
    for i, (label, value) in enumerate(block.items):
        main = " main" if i == 1 else ""
        style = (
            f' style="--accent:{_GRADE_COLOURS.get(block.grade, _DEFAULT_BAR)}"' if i in {1, 2} and block.grade else ""
        )
        cards.append(
            f'<div class="card{main}"{style}><div class="k">{escape(label)}</div>'
            f'<div class="v">{escape(fmt(value, doc.lang))}</div></div>'
        )
    return f'<div class="headline">{"".join(cards)}</div>'


def _key_values(block: KeyValues) -> str:
    rows = "".join(f"<tr><th>{escape(k)}</th><td>{escape(v)}</td></tr>" for k, v in block.rows)
    return f'<div class="tscroll"><table class="kv">{rows}</table></div>'


def _section(section: Section, doc: Document, number: str) -> str:
    no = f'<span class="no">{number}</span> ' if number else ""
    heading = f"<h3>{no}{escape(section.title)}</h3>" if section.chapter.numbered or number else ""
    out = [f'<section id="sec-{escape(section.key)}">{heading}']
    blocks = list(section.blocks)
    i = 0
    while i < len(blocks):
        block = blocks[i]
        i += 1
        after = blocks[i] if i < len(blocks) else None
        if isinstance(block, Table) and isinstance(after, BarChart) and block.caption and after.title == block.caption:
            out.append(f'<div class="pair">{_table(block, doc)}{svg_bar_chart(after, doc, compact=True)}</div>')
            i += 1
        elif isinstance(block, Paragraph):
            out.append(f'<p class="note">{escape(block.text)}</p>' if block.note else f"<p>{escape(block.text)}</p>")
        elif isinstance(block, KeyValues):
            out.append(_key_values(block))
        elif isinstance(block, Headline):
            out.append(_headline(block, doc))
        elif isinstance(block, Table):
            out.append(_table(block, doc))
        elif isinstance(block, BarChart):
            out.append(svg_bar_chart(block, doc))
        elif isinstance(block, LineChart):
            out.append(svg_line_chart(block, doc))
        elif isinstance(block, QuadrantChart):
            out.append(svg_quadrant_chart(block, doc))
        elif isinstance(block, Signature):
            lines = "".join(f"<div>{escape(line)}</div>" for line in block.lines)
            below = "".join(f"<div>{escape(line)}</div>" for line in block.after)
            out.append(
                f'<div class="sign">{lines}<div class="space"></div><div class="name">{escape(block.name)}</div>'
                f"{below}</div>"
            )
    out.append("</section>")
    return "".join(out)


#: Draw one section (its blocks) as HTML; ``number`` is shown before the title.
render_section = _section

_CSS = """
:root{--ink:#1d2430;--muted:#5b6573;--navy:#16325c;--line:#c9d1dc;--soft:#eef2f7;--gold:#b8892b}
*{box-sizing:border-box}
html{background:#e9edf2}
body{margin:0;color:var(--ink);font:10.5pt/1.55 "Noto Sans","Segoe UI","DejaVu Sans",Arial,sans-serif}
.page{max-width:210mm;margin:24px auto;background:#fff;padding:18mm 17mm 16mm;box-shadow:0 2px 14px rgba(0,0,0,.12)}
.cover{border-top:6px solid var(--navy);border-bottom:1px solid var(--line);padding:14px 0 18px;margin-bottom:18px}
.cover .band{display:none}
.cover .made{display:none}
.badge{display:flex;gap:0;margin:16px 0 4px;border:1px solid var(--line);border-left:6px solid var(--accent)}
.badge div{flex:1;padding:8px 12px;border-right:1px solid var(--line)}
.badge div:last-child{border-right:0;flex:1.5}
.badge .k{display:block;font-size:8pt;color:var(--muted);text-transform:uppercase;letter-spacing:.06em}
.badge .v{display:block;font-size:15pt;font-weight:700;color:var(--accent)}
.cover .kicker{letter-spacing:.18em;font-size:9pt;color:var(--gold);font-weight:700}
.cover h1{font:700 22pt/1.2 "Noto Serif","Georgia","DejaVu Serif",serif;color:var(--navy);margin:6px 0 4px}
.cover .sub{color:var(--muted);margin:0 0 12px;text-align:left}
.cover .unit{font-size:14pt;font-weight:700;margin:0}
.cover .period{margin:2px 0 0;color:var(--muted)}
nav.toc{background:var(--soft);border-left:4px solid var(--navy);padding:8px 14px;margin:0 0 18px;font-size:9.5pt}
nav.toc h2{font-size:10pt;margin:0 0 4px;color:var(--navy);text-transform:uppercase;letter-spacing:.06em;
  border:0;padding:0}
nav.toc>ol{margin:0;padding-left:0;list-style:none;columns:2;column-gap:28px}
nav.toc>ol>li{break-inside:avoid;font-weight:600;margin-bottom:2px}
nav.toc ol ol{list-style:none;padding-left:4px;font-weight:400;margin:0 0 4px}
nav.toc ol ol li{display:flex;gap:6px}
nav.toc ol ol .no{color:var(--gold);flex:0 0 2em}
nav.toc ol ol a{display:flex;gap:6px}
nav.toc a{color:var(--ink);text-decoration:none}
h2{font:700 13.5pt/1.3 "Noto Serif","Georgia","DejaVu Serif",serif;color:var(--navy);text-transform:uppercase;
  letter-spacing:.03em;border-bottom:2px solid var(--navy);padding-bottom:4px;margin:26px 0 10px}
h3{font-size:11.5pt;color:var(--navy);margin:18px 0 6px}
h3 .no{color:var(--gold);margin-right:4px}
p{margin:0 0 8px;text-align:justify}
p.note{font-size:9pt;color:var(--muted);text-align:left}
table{border-collapse:collapse;width:100%;margin:6px 0 12px;font-size:9.3pt;page-break-inside:auto}
caption{caption-side:top;text-align:left;font-weight:700;color:var(--navy);padding:2px 0 4px}
th,td{border:1px solid var(--line);padding:4px 7px;vertical-align:top}
thead th{background:var(--navy);color:#fff;font-weight:600;text-align:left}
thead th.num{text-align:right}
tbody tr:nth-child(even) td{background:#f7f9fb}
td.num{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}
td.wide{width:45%}
tfoot td{font-weight:700;background:var(--soft);border-top:2px solid var(--navy)}
tr{page-break-inside:avoid}
tr.drop td{color:#b8322a;font-weight:600}
tr.drop td:last-child::before{content:"▼ "}
tr.small td{color:#5b6573;font-style:italic}
tr.invalid td{color:#b8322a}
table.fixed td{word-wrap:break-word}
table.fixed thead th.num{white-space:normal}
table.kv th{width:34%;text-align:left;background:var(--soft);font-weight:600;color:var(--navy)}
table.kv td{word-break:break-word}
.headline{display:grid;grid-template-columns:1fr 1.3fr .8fr 1.3fr;gap:10px;margin:8px 0 12px}
.card{border:1px solid var(--line);border-top:4px solid var(--accent,var(--navy));padding:8px 10px;background:#fff}
.card .k{font-size:8.5pt;color:var(--muted);text-transform:uppercase;letter-spacing:.05em}
.card .v{font-size:16pt;font-weight:700;color:var(--accent,var(--navy))}
.card.main .v{font-size:22pt}
figure.chart{margin:6px 0 14px;page-break-inside:avoid}
.pair{display:grid;grid-template-columns:1fr 1fr;gap:14px;align-items:start;page-break-inside:avoid}
.pair table{margin-top:0}
.pair figure.chart{padding-top:22px}
.pair figure.chart{margin:0}
thead th.num{white-space:nowrap}
figure.chart svg{width:100%;height:auto;display:block}
figcaption{font-size:8.5pt;color:var(--muted);text-align:center;margin-top:2px}
svg .lbl{font-size:11px;fill:#333}
svg .val{font-size:10px;fill:#222;font-weight:600}
svg .tick{font-size:10px;fill:#777}
svg .grid{stroke:#e3e7ec;stroke-width:1}
svg .axis{stroke:#888;stroke-width:1}
svg .band{stroke-width:1.4;stroke-dasharray:5 3}
svg .bandlbl{font-size:10px;font-weight:700}
footer{margin-top:22px;border-top:1px solid var(--line);padding-top:6px;font-size:8.5pt;color:var(--muted);
  display:flex;justify-content:space-between}
.sign{margin:28px 0 0 auto;width:50%;text-align:center;page-break-inside:avoid}
.sign .space{height:60px}
.sign .name{font-weight:700;text-decoration:underline}
.cover img.logo{display:block;max-height:28mm;max-width:60%;margin:10px 0 8px}
.tscroll{overflow-x:auto;max-width:100%}
.tscroll table{margin-top:6px}
caption{break-after:avoid;page-break-after:avoid}
thead{break-inside:avoid;break-after:avoid}
tbody tr:first-child{break-before:avoid;page-break-before:avoid}
@media screen and (max-width:700px){
  html{background:#fff}
  body{font-size:10pt}
  .page{margin:0;padding:14px 12px;box-shadow:none;max-width:none}
  p{text-align:left;hyphens:auto}
  .cover h1{font-size:17pt}
  .badge{flex-wrap:wrap}
  .badge div{flex:1 1 45%;border-bottom:1px solid var(--line)}
  .badge div:last-child{flex:1 1 100%}
  .headline{grid-template-columns:1fr 1fr}
  .card .v{font-size:14pt;overflow-wrap:anywhere}
  .card.main .v{font-size:18pt}
  nav.toc>ol{columns:1}
  .pair{display:block}
  .pair figure.chart{padding-top:8px;margin:0 0 14px}
  table{font-size:8.8pt}
  th,td{padding:3px 5px}
  table.fixed{table-layout:auto}
  td.wide{width:auto;min-width:9em}
  table.kv th{width:auto}
  .sign{width:100%}
  footer{flex-direction:column;gap:2px}
}
@media screen and (max-width:360px){.headline{grid-template-columns:1fr}}
@page{size:A4;margin:16mm 15mm 18mm;
  @bottom-right{content:counter(page);font:9pt "Noto Sans","DejaVu Sans",Arial,sans-serif;color:#5b6573}}
@page:first{@bottom-right{content:none}}
@media print{
  html{background:#fff}
  body{font-size:10pt}
  .page{margin:0;padding:0;box-shadow:none;max-width:none}
  .cover{height:255mm;display:flex;flex-direction:column;justify-content:center;border-top:0;border-bottom:0;
    margin:0;padding:0 6mm;page-break-after:always;position:relative}
  .cover .band{display:block;position:absolute;top:0;left:0;right:0;height:14mm;background:var(--navy);
    border-bottom:3mm solid var(--gold)}
  .cover h1{font-size:30pt;margin:10px 0 10px}
  .cover .sub{font-size:12pt}
  .cover .unit{font-size:18pt;margin-top:30mm}
  .cover .period{font-size:13pt}
  .cover .badge{margin-top:18mm}
  .cover .made{display:block;position:absolute;bottom:0;left:6mm;font-size:9pt;color:var(--muted)}
  nav.toc{page-break-after:always;background:none;border:0;padding:0;font-size:11pt}
  nav.toc>ol{columns:1}
  nav.toc h2{font-size:14pt;margin-bottom:10px}
  footer{display:none}
  h2{page-break-before:always;page-break-after:avoid}
  h2.first{page-break-before:avoid}
  h3{page-break-after:avoid}
  thead{display:table-header-group}
  .tscroll{overflow:visible}
  table.fixed{table-layout:fixed}
  a{color:inherit;text-decoration:none}
}
"""

#: The report's stylesheet (screen, phone and print), shared with the pages of ``skm publish``.
CSS = _CSS


def _cover(doc: Document) -> str:
    kicker = escape(tr("doc-kicker", doc.lang))
    badge = ""
    headline = doc.headline()
    if headline is not None:
        colour = _GRADE_COLOURS.get(headline.grade, _DEFAULT_BAR)
        items = "".join(
            f'<div><span class="k">{escape(k)}</span><span class="v">{escape(fmt(v, doc.lang))}</span></div>'
            for k, v in headline.items
        )
        badge = f'<div class="badge" style="--accent:{colour}">{items}</div>'
    logo = ""
    if doc.logo is not None:
        import base64  # noqa: PLC0415

        picture, mime = doc.logo
        logo = f'<img class="logo" alt="logo" src="data:{escape(mime)};base64,{base64.b64encode(picture).decode()}">'
    return (
        f'<header class="cover"><div class="band"></div>{logo}<div class="kicker">{kicker}</div>'
        f"<h1>{escape(doc.title)}</h1>"
        f'<p class="sub">{escape(doc.subtitle)}</p><p class="unit">{escape(doc.unit)}</p>'
        f'<p class="period">{escape(doc.period)}</p>{badge}'
        f'<p class="made">{escape(doc.footer)}</p></header>\n'
    )


def render_html(doc: Document) -> str:
    """The whole report as one HTML page."""
    lang = doc.lang.value
    toc_items = []
    body = []
    for n, (number, chapter, title, sections) in enumerate(doc.numbered_chapters()):
        subs = "".join(
            f'<li><a href="#sec-{escape(s.key)}"><span class="no">{section_number(number, chapter, m)}</span> '
            f"{escape(s.title)}</a></li>"
            for m, s in enumerate(sections, start=1)
        )
        toc_items.append(f'<li><a href="#ch-{n + 1}">{escape(title)}</a><ol>{subs}</ol></li>')
        cls = ' class="first"' if n == 0 else ""
        body.append(f'<h2 id="ch-{n + 1}"{cls}>{escape(title)}</h2>')
        for m, section in enumerate(sections, start=1):
            body.append(_section(section, doc, section_number(number, chapter, m)))
    toc_title = escape(tr("toc", doc.lang))
    return (
        f'<!DOCTYPE html>\n<html lang="{lang}">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{escape(doc.title)} — {escape(doc.unit)}</title>\n<style>{_CSS}</style>\n</head>\n<body>\n"
        '<main class="page">\n'
        + _cover(doc)
        + f'<nav class="toc"><h2>{toc_title}</h2><ol>{"".join(toc_items)}</ol></nav>\n'
        + "\n".join(body)
        + f"\n<footer><span>{escape(doc.unit)} · {escape(doc.period)}</span>"
        f"<span>{escape(doc.footer)}</span></footer>\n"
        "</main>\n</body>\n</html>\n"
    )
