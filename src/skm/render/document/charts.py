"""Charts of the report as PNG images (matplotlib, Agg backend, imported only when a chart is drawn).

Used where a format cannot draw the chart itself (Word). The picture shows exactly the numbers
of its :class:`~skm.render.document.blocks.BarChart`: bars coloured by grade, the grade bounds as
dashed lines, small groups drawn pale and hatched, long labels wrapped rather than cut.
"""

from __future__ import annotations

import io
import textwrap
import warnings

from skm.render.document.blocks import BarChart, LineChart, fmt, printable
from skm.text import Lang

__all__ = ["GRADE_COLOURS", "chart_png", "wrap_label"]

GRADE_COLOURS = {"A": "#1b7f4b", "B": "#2f6db5", "C": "#d08a17", "D": "#b8322a"}
_DEFAULT_BAR = "#2f5d8a"


def _plain(text: str) -> str:
    """Text matplotlib draws as typed: no control characters, ``$`` never starts mathematics."""
    return printable(text).replace("$", r"\$")


def wrap_label(text: str, width: int = 22, lines: int = 3) -> str:
    """A long label on up to ``lines`` lines of about ``width`` characters (the last one shortened)."""
    parts = textwrap.wrap(printable(text), width) or [""]
    if len(parts) > lines:
        parts = [*parts[: lines - 1], textwrap.shorten(" ".join(parts[lines - 1 :]), width, placeholder="…")]
    return "\n".join(parts)


def chart_png(chart: BarChart | LineChart, lang: Lang, *, dpi: int = 200) -> bytes:
    """The bar chart as a PNG: vertical bars for short labels, horizontal for long ones."""
    with warnings.catch_warnings():
        # a glyph the font lacks (emoji in a service name) is drawn as a box, not an error
        warnings.simplefilter("ignore", UserWarning)
        if isinstance(chart, LineChart):
            return _draw_line(chart, lang, dpi)
        return _draw(chart, lang, dpi)


def _draw_line(chart: LineChart, lang: Lang, dpi: int) -> bytes:
    import matplotlib as mpl  # noqa: PLC0415 - heavy; only when a chart is drawn

    mpl.use("Agg", force=True)
    from matplotlib.figure import Figure  # noqa: PLC0415

    n = len(chart.values)
    values = [float(v) for v in chart.values]
    lo, hi = float(chart.minimum), float(chart.maximum)
    fig = Figure(figsize=(6.3, 2.9), dpi=dpi)
    ax = fig.add_subplot()
    xs = list(range(n))
    ax.plot(xs, values, color=_DEFAULT_BAR, linewidth=1.8, zorder=2)
    colours = [GRADE_COLOURS.get(chart.grades[i], _DEFAULT_BAR) if i < len(chart.grades) else _DEFAULT_BAR for i in xs]
    ax.scatter(xs, values, color=colours, s=36, zorder=3)
    for x, v, value in zip(xs, values, chart.values, strict=True):
        ax.text(x, v + (hi - lo) * 0.02, _plain(fmt(value, lang)), ha="center", va="bottom", fontsize=7.5)
    for lower, grade in chart.bands:
        colour = GRADE_COLOURS.get(grade, "#666")
        ax.axhline(float(lower), color=colour, linestyle="--", linewidth=0.9)
        ax.text(n - 0.5, float(lower), f"{grade} {fmt(lower, lang)}", color=colour, fontsize=7, va="bottom")
    ax.set_xticks(xs, [_plain(wrap_label(label, 16, 2)) for label in chart.labels], fontsize=7.5)
    ax.set_xlim(-0.5, n - 0.3)
    ax.set_ylim(lo, hi + (hi - lo) * 0.08)
    if chart.series:
        ax.set_ylabel(_plain(chart.series), fontsize=8)
    for side in ("top", "right"):
        ax.spines[side].set_visible(False)
    fig.tight_layout()
    buffer = io.BytesIO()
    fig.savefig(buffer, format="png", metadata={"Software": None})
    return buffer.getvalue()


def _draw(chart: BarChart, lang: Lang, dpi: int) -> bytes:
    import matplotlib as mpl  # noqa: PLC0415 - heavy; only when a chart is drawn

    mpl.use("Agg", force=True)
    from matplotlib.figure import Figure  # noqa: PLC0415

    n = len(chart.values)
    horizontal = max((len(label) for label in chart.labels), default=0) > 6 or n > 16
    colours = [
        GRADE_COLOURS.get(chart.grades[i], _DEFAULT_BAR) if i < len(chart.grades) else _DEFAULT_BAR for i in range(n)
    ]
    small = [i < len(chart.small) and chart.small[i] for i in range(n)]
    values = [float(v) for v in chart.values]
    lo, hi = float(chart.minimum), float(chart.maximum)
    texts = [_plain(f"{fmt(v, lang)}{chart.suffix}") for v in chart.values]
    if horizontal:
        labels = [_plain(wrap_label(label)) for label in chart.labels]
        lines = sum(max(1, label.count("\n") + 1) for label in labels)
        fig = Figure(figsize=(6.3, max(1.6, 0.32 * lines + 0.8)), dpi=dpi)
        ax = fig.add_subplot()
        ys = list(range(n))[::-1]
        bars = ax.barh(ys, [v - lo for v in values], left=lo, color=colours, height=0.62)
        ax.set_yticks(ys, labels, fontsize=8)
        ax.set_xlim(lo, hi + (hi - lo) * 0.12)
        for lower, grade in chart.bands:
            ax.axvline(float(lower), color=GRADE_COLOURS.get(grade, "#666"), linestyle="--", linewidth=0.9)
            ax.text(
                float(lower), n - 0.45, f" {grade}", color=GRADE_COLOURS.get(grade, "#666"), fontsize=7, va="bottom"
            )
        for bar, text, y, v in zip(bars, texts, ys, values, strict=True):
            ax.text(v + (hi - lo) * 0.01, y, text, va="center", fontsize=7.5)
            del bar
    else:
        fig = Figure(figsize=(6.3, 2.9), dpi=dpi)
        ax = fig.add_subplot()
        xs = list(range(n))
        bars = ax.bar(xs, [v - lo for v in values], bottom=lo, color=colours, width=0.62)
        ax.set_xticks(xs, [_plain(label) for label in chart.labels], fontsize=8)
        ax.set_ylim(lo, hi + (hi - lo) * 0.08)
        for lower, grade in chart.bands:
            ax.axhline(float(lower), color=GRADE_COLOURS.get(grade, "#666"), linestyle="--", linewidth=0.9)
            ax.text(
                n - 0.4,
                float(lower),
                f"{grade} {fmt(lower, lang)}",
                color=GRADE_COLOURS.get(grade, "#666"),
                fontsize=7,
                va="bottom",
            )
        for x, text, v in zip(xs, texts, values, strict=True):
            ax.text(x, v + (hi - lo) * 0.01, text, ha="center", va="bottom", fontsize=7)
    for bar, is_small in zip(bars, small, strict=True):
        if is_small:
            bar.set_alpha(0.35)
            bar.set_hatch("///")
            bar.set_edgecolor("#555555")
    if chart.series:
        (ax.set_xlabel if horizontal else ax.set_ylabel)(_plain(chart.series), fontsize=8)
    ax.tick_params(labelsize=8)
    for side in ("top", "right"):
        ax.spines[side].set_visible(False)
    fig.tight_layout()
    buffer = io.BytesIO()
    fig.savefig(buffer, format="png", metadata={"Software": None})
    return buffer.getvalue()
