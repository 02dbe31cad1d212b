"""Charts of the report as PNG images, drawn with Pillow (imported only when a chart is drawn).

Used where a format cannot draw the chart itself (Word). The picture shows exactly the numbers
of its :class:`~skm.render.document.blocks.BarChart` or :class:`~skm.render.document.blocks.LineChart`:
bars coloured by grade, the grade bounds as dashed lines, small groups drawn pale and hatched,
long labels wrapped rather than cut.

Pillow rather than matplotlib: importing matplotlib alone costs more than the whole Word document
(about 0.6 s of CPU, then 0.2 s a chart), and these charts are a few rectangles, lines and labels
laid out from their sizes. Everything is drawn at twice the resolution and reduced, so slanted
lines and hatching are smoothed. The font is DejaVu Sans (shipped with matplotlib, a dependency
of ``skm poster``); Pillow's own font stands in when it cannot be found.
"""

from __future__ import annotations

import io
import math
import textwrap
from decimal import Decimal
from functools import cache
from importlib.util import find_spec
from pathlib import Path
from typing import Any

from skm.render.document.blocks import BarChart, LineChart, fmt, printable
from skm.text import Lang

__all__ = ["GRADE_COLOURS", "chart_png", "wrap_label"]

GRADE_COLOURS = {"A": "#1b7f4b", "B": "#2f6db5", "C": "#d08a17", "D": "#b8322a"}
_DEFAULT_BAR = "#2f5d8a"
_OTHER_BAND = "#666666"
_INK = "#000000"
_SMALL_EDGE = "#555555"
_SMALL_ALPHA = 0.35
_SUPERSAMPLE = 2
_WIDTH_IN = 6.3


def wrap_label(text: str, width: int = 22, lines: int = 3) -> str:
    """A long label on up to ``lines`` lines of about ``width`` characters (the last one shortened)."""
    parts = textwrap.wrap(printable(text), width) or [""]
    if len(parts) > lines:
        parts = [*parts[: lines - 1], textwrap.shorten(" ".join(parts[lines - 1 :]), width, placeholder="…")]
    return "\n".join(parts)


def _plain(text: str) -> str:
    """Text as drawn: no control characters, a tab as a space, any line break as ``\\n``."""
    return printable(text).replace("\r\n", "\n").replace("\r", "\n").replace("\t", " ")


def chart_png(chart: BarChart | LineChart, lang: Lang, *, dpi: int = 200) -> bytes:
    """The chart as a PNG of 6.3 inches' width at ``dpi``: a line over the periods for a
    :class:`LineChart`; bars for a :class:`BarChart`, vertical for short labels, horizontal for
    long ones (or many bars)."""
    if isinstance(chart, LineChart):
        canvas = _draw_line(chart, lang, dpi)
    elif max((len(label) for label in chart.labels), default=0) > 6 or len(chart.values) > 16:
        canvas = _draw_horizontal(chart, lang, dpi)
    else:
        canvas = _draw_vertical(chart, lang, dpi)
    return canvas.png()


# --------------------------------------------------------------------------- drawing surface


@cache
def _font_file() -> str | None:
    """DejaVu Sans from matplotlib's data folder (located, not imported), else None."""
    spec = find_spec("matplotlib")
    for folder in (spec.submodule_search_locations or []) if spec is not None else []:
        path = Path(folder) / "mpl-data" / "fonts" / "ttf" / "DejaVuSans.ttf"
        if path.is_file():
            return str(path)
    return None


@cache
def _font(pixels: int) -> Any:
    from PIL import ImageFont  # noqa: PLC0415 - only when a chart is drawn

    path = _font_file()
    if path is None:
        return ImageFont.load_default(pixels)
    return ImageFont.truetype(path, pixels)


def _rgba(colour: str, alpha: float = 1.0) -> tuple[int, int, int, int]:
    return (int(colour[1:3], 16), int(colour[3:5], 16), int(colour[5:7], 16), round(255 * alpha))


class _Canvas:
    """A white picture of ``height`` inches, sizes given in points (1/72 inch), origin top left."""

    def __init__(self, height: float, dpi: int) -> None:
        from PIL import Image, ImageDraw  # noqa: PLC0415 - only when a chart is drawn

        self.dpi = dpi
        self.scale = dpi * _SUPERSAMPLE / 72  # pixels per point
        self.width = round(_WIDTH_IN * 72 * self.scale)
        self.height = round(height * 72 * self.scale)
        self.image = Image.new("RGB", (self.width, self.height), "white")
        self.draw = ImageDraw.Draw(self.image, "RGBA")

    def px(self, points: float) -> float:
        return points * self.scale

    def font(self, size: float) -> Any:
        return _font(max(1, round(self.px(size))))

    def line_height(self, size: float) -> float:
        return self.px(size) * 1.2

    def text_size(self, text: str, size: float) -> tuple[float, float]:
        """Width and height (pixels) of ``text`` in ``size`` points, one line per ``\\n``."""
        font = self.font(size)
        lines = text.split("\n")
        width = max(font.getlength(line) for line in lines)
        return width, self.line_height(size) * len(lines)

    def text(
        self, x: float, y: float, text: str, size: float, *, colour: str = _INK, h: str = "l", v: str = "m"
    ) -> None:
        """``text`` at (``x``, ``y``): ``h`` is l/m/r (left, centre, right), ``v`` t/m/b (top, middle, bottom)."""
        lines = text.split("\n")
        step = self.line_height(size)
        top = {"t": y, "m": y - step * len(lines) / 2, "b": y - step * len(lines)}[v]
        font = self.font(size)
        for i, line in enumerate(lines):
            self.draw.text((x, top + step * (i + 0.5)), line, font=font, fill=_rgba(colour), anchor=f"{h}m")

    def vertical_text(self, x: float, y: float, text: str, size: float) -> None:
        """``text`` turned a quarter to the left, centred on (``x``, ``y``)."""
        from PIL import Image, ImageDraw  # noqa: PLC0415

        width, height = self.text_size(text, size)
        label = Image.new("RGBA", (math.ceil(width) + 2, math.ceil(height) + 2), (255, 255, 255, 0))
        ImageDraw.Draw(label).text(
            (label.width / 2, label.height / 2), text, font=self.font(size), fill=_rgba(_INK), anchor="mm"
        )
        turned = label.rotate(90, expand=True)
        self.image.paste(turned, (round(x - turned.width / 2), round(y - turned.height / 2)), turned)

    def line(self, points: list[tuple[float, float]], colour: str, width: float, alpha: float = 1.0) -> None:
        self.draw.line(points, fill=_rgba(colour, alpha), width=max(1, round(self.px(width))), joint="curve")

    def dashed(self, start: tuple[float, float], end: tuple[float, float], colour: str, width: float) -> None:
        """A horizontal or vertical dashed line (matplotlib's "--": 3.7 on, 1.6 off, times the width)."""
        on, off = self.px(3.7 * width), self.px(1.6 * width)
        length = math.dist(start, end)
        dx, dy = ((end[0] - start[0]) / length, (end[1] - start[1]) / length) if length else (0.0, 0.0)
        done = 0.0
        while done < length:
            stop = min(done + on, length)
            a = (start[0] + dx * done, start[1] + dy * done)
            b = (start[0] + dx * stop, start[1] + dy * stop)
            self.line([a, b], colour, width)
            done = stop + off

    def bar(self, box: tuple[float, float, float, float], colour: str, *, small: bool) -> None:
        """A filled rectangle (left, top, right, bottom); a small group's pale, hatched and outlined."""
        x0, y0, x1, y1 = box
        if not small:
            self.draw.rectangle(box, fill=_rgba(colour))
            return
        self.draw.rectangle(box, fill=_rgba(colour, _SMALL_ALPHA))
        step = self.px(6)  # "///": slanted lines every 6 points
        width = self.px(0.8)
        c = x0 + y0 + step
        while c < x1 + y1:  # the line x + y = c, from its lowest to its highest point inside the box
            left, right = max(x0, c - y1), min(x1, c - y0)
            if left < right:
                self.line([(left, c - left), (right, c - right)], _SMALL_EDGE, 0.8, _SMALL_ALPHA + 0.15)
            c += step
        self.draw.rectangle(box, outline=_rgba(_SMALL_EDGE, _SMALL_ALPHA + 0.15), width=round(width))

    def png(self) -> bytes:
        buffer = io.BytesIO()
        # zlib level 1: half the time of the default 6 for a file about a quarter larger (still
        # smaller than matplotlib's)
        self.image.reduce(_SUPERSAMPLE).save(buffer, format="PNG", dpi=(self.dpi, self.dpi), compress_level=1)
        return buffer.getvalue()


# --------------------------------------------------------------------------- axes


def _ticks(lo: float, hi: float, most: int) -> list[float]:
    """Round tick values on [``lo``, ``hi``]: a step of 1, 2, 2.5 or 5 times a power of ten, at most
    ``most`` steps between the first and the last."""
    span = hi - lo
    if span <= 0:
        return [lo]
    power = 10 ** math.floor(math.log10(span / most))
    step = next(m * power for m in (1, 2, 2.5, 5, 10, 20) if span / (m * power) <= most)
    first = math.ceil(lo / step - 1e-9) * step
    count = math.floor((hi - first) / step + 1e-9) + 1
    return [first + i * step for i in range(count)]


def _tick_text(value: float, ticks: list[float], lang: Lang) -> str:
    step = ticks[1] - ticks[0] if len(ticks) > 1 else 1.0
    places = next((p for p in range(4) if abs(step * 10**p - round(step * 10**p)) < 1e-9), 3)
    return fmt(Decimal(f"{value:.{places}f}"), lang)


class _Axes:
    """The plot area (pixels) and the data ranges it shows."""

    def __init__(
        self,
        canvas: _Canvas,
        box: tuple[float, float, float, float],
        xs: tuple[float, float],
        ys: tuple[float, float],
        reach: float | None = None,
    ) -> None:
        self.canvas = canvas
        self.left, self.top, self.right, self.bottom = box
        # an empty range (one value, no bars) is widened rather than divided by
        self.xs = xs if xs[1] > xs[0] else (xs[0] - 0.5, xs[0] + 0.5)
        self.ys = ys if ys[1] > ys[0] else (ys[0] - 0.5, ys[0] + 0.5)
        self.reach = self.right if reach is None else reach  # where the bottom axis and bounds end

    def x(self, value: float) -> float:
        return self.left + (value - self.xs[0]) / (self.xs[1] - self.xs[0]) * (self.right - self.left)

    def y(self, value: float) -> float:
        return self.bottom - (value - self.ys[0]) / (self.ys[1] - self.ys[0]) * (self.bottom - self.top)

    def spines(self) -> None:
        """The left and bottom axis lines (no top or right)."""
        c = self.canvas
        c.line([(self.left, self.top), (self.left, self.bottom)], _INK, 0.8)
        c.line([(self.left, self.bottom), (self.reach, self.bottom)], _INK, 0.8)

    def x_ticks(self, positions: list[float], labels: list[str], size: float) -> None:
        c = self.canvas
        for value, label in zip(positions, labels, strict=True):
            x = self.x(value)
            c.line([(x, self.bottom), (x, self.bottom + c.px(3.5))], _INK, 0.8)
            c.text(x, self.bottom + c.px(7), label, size, h="m", v="t")

    def y_ticks(self, positions: list[float], labels: list[str], size: float) -> None:
        c = self.canvas
        for value, label in zip(positions, labels, strict=True):
            y = self.y(value)
            c.line([(self.left - c.px(3.5), y), (self.left, y)], _INK, 0.8)
            c.text(self.left - c.px(7), y, label, size, h="r", v="m")


def _colours(chart: BarChart | LineChart) -> list[str]:
    return [GRADE_COLOURS.get(g, _DEFAULT_BAR) for g in chart.grades[: len(chart.values)]] + [_DEFAULT_BAR] * (
        len(chart.values) - len(chart.grades)
    )


def _value_ticks(
    canvas: _Canvas, lo: float, hi: float, length: float, spacing: float, lang: Lang
) -> tuple[list[float], list[str]]:
    """Ticks on [``lo``, ``hi``] about ``spacing`` points apart (at most 10) along ``length`` pixels."""
    ticks = _ticks(lo, hi, max(2, min(10, int(length / canvas.px(spacing)))))
    return ticks, [_tick_text(t, ticks, lang) for t in ticks]


def _draw_horizontal(chart: BarChart, lang: Lang, dpi: int) -> _Canvas:
    n = len(chart.values)
    labels = [_plain(wrap_label(label)) for label in chart.labels]
    lines = sum(max(1, label.count("\n") + 1) for label in labels)
    c = _Canvas(max(1.6, 0.32 * lines + 0.8), dpi)
    values = [float(v) for v in chart.values]
    lo, hi = float(chart.minimum), float(chart.maximum)
    label_width = max((c.text_size(label, 8)[0] for label in labels), default=0.0)
    series = _plain(chart.series)
    bottom = c.px(7 + 4) + c.line_height(8) + (c.line_height(8) + c.px(4) if series else 0)
    top = c.line_height(7) + c.px(4)
    axes = _Axes(
        c,
        (c.px(6) + label_width + c.px(7), top, c.width - c.px(6), c.height - bottom),
        (lo, hi + (hi - lo) * 0.12),
        (-0.55, n - 0.45),
    )
    ticks, tick_labels = _value_ticks(c, *axes.xs, axes.right - axes.left, 36, lang)
    small = [i < len(chart.small) and chart.small[i] for i in range(n)]
    for i, (value, colour) in enumerate(zip(values, _colours(chart), strict=True)):
        y = n - 1 - i  # the first label on top
        c.bar((axes.x(lo), axes.y(y + 0.31), axes.x(value), axes.y(y - 0.31)), colour, small=small[i])
    for lower, grade in chart.bands:
        colour = GRADE_COLOURS.get(grade, _OTHER_BAND)
        x = axes.x(float(lower))
        c.dashed((x, axes.top), (x, axes.bottom), colour, 0.9)
        c.text(x + c.px(1.5), axes.top - c.px(1), _plain(grade), 7, colour=colour, v="b")
    for i, number in enumerate(chart.values):
        label = _plain(f"{fmt(number, lang)}{chart.suffix}")
        c.text(axes.x(values[i] + (hi - lo) * 0.01), axes.y(n - 1 - i), label, 7.5, v="m")
    axes.spines()
    axes.x_ticks(ticks, tick_labels, 8)
    axes.y_ticks([float(n - 1 - i) for i in range(n)], labels, 8)
    if series:
        c.text((axes.left + axes.right) / 2, c.height - c.px(4), series, 8, h="m", v="b")
    return c


def _draw_vertical(chart: BarChart, lang: Lang, dpi: int) -> _Canvas:
    n = len(chart.values)
    c = _Canvas(2.9, dpi)
    values = [float(v) for v in chart.values]
    lo, hi = float(chart.minimum), float(chart.maximum)
    labels = [_plain(label) for label in chart.labels]
    series = _plain(chart.series)
    top_value = hi + (hi - lo) * 0.08
    box, end = _plot_box(c, chart, labels, 8, series, (lo, top_value), lang)
    axes = _Axes(c, box, (-0.6, max(n, 1) - 0.4), (lo, top_value), reach=end)
    ticks, tick_labels = _value_ticks(c, lo, top_value, axes.bottom - axes.top, 18, lang)
    small = [i < len(chart.small) and chart.small[i] for i in range(n)]
    for i, (value, colour) in enumerate(zip(values, _colours(chart), strict=True)):
        c.bar((axes.x(i - 0.31), axes.y(value), axes.x(i + 0.31), axes.y(lo)), colour, small=small[i])
    _bands_across(axes, chart.bands, lang)
    for i, number in enumerate(chart.values):
        text = _plain(f"{fmt(number, lang)}{chart.suffix}")
        c.text(axes.x(i), axes.y(values[i] + (hi - lo) * 0.01), text, 7, h="m", v="b")
    _frame(axes, labels, 8, (ticks, tick_labels), series)
    return c


def _plot_box(
    c: _Canvas,
    chart: BarChart | LineChart,
    labels: list[str],
    label_size: float,
    series: str,
    span: tuple[float, float],
    lang: Lang,
) -> tuple[tuple[float, float, float, float], float]:
    """The plot's box (left, top, right, bottom) under category labels of ``label_size`` points and
    beside the value ticks over ``span`` (and the series name, when there is one), and the x where
    the grade bounds' lines end."""
    label_height = max((c.text_size(label, label_size)[1] for label in labels), default=c.line_height(label_size))
    probe = _ticks(span[0], span[1], 10)
    tick_width = max(c.text_size(_tick_text(t, probe, lang), 8)[0] for t in probe)
    left = c.px(6) + (c.line_height(8) + c.px(4) if series else 0) + tick_width + c.px(7)
    end = c.width - c.px(6)
    box = (left, c.px(8), end - _bands_room(c, chart.bands, lang), c.height - c.px(7 + 4) - label_height)
    return box, end


def _frame(
    axes: _Axes, labels: list[str], label_size: float, ticks: tuple[list[float], list[str]], series: str
) -> None:
    """The axes' lines, a category label under each of ``labels``' places, the value ticks, and the
    series name along the left edge (when there is one)."""
    c = axes.canvas
    axes.spines()
    axes.x_ticks([float(i) for i in range(len(labels))], labels, label_size)
    axes.y_ticks(ticks[0], ticks[1], 8)
    if series:
        c.vertical_text(c.px(6) + c.line_height(8) / 2, (axes.top + axes.bottom) / 2, series, 8)


def _bands_across(axes: _Axes, bands: tuple[tuple[Decimal, str], ...], lang: Lang) -> None:
    """Grade bounds as dashed lines across the plot, each named at its right end ("A 88,31")."""
    c = axes.canvas
    for lower, grade in bands:
        colour = GRADE_COLOURS.get(grade, _OTHER_BAND)
        y = axes.y(float(lower))
        c.dashed((axes.left, y), (axes.reach, y), colour, 0.9)
        c.text(axes.reach, y - c.px(1), _band_text(lower, grade, lang), 7, colour=colour, h="r", v="b")


def _band_text(lower: Decimal, grade: str, lang: Lang) -> str:
    return _plain(f"{grade} {fmt(lower, lang)}")


def _bands_room(c: _Canvas, bands: tuple[tuple[Decimal, str], ...], lang: Lang) -> float:
    """Pixels kept right of the last bar or point for the names of the grade bounds."""
    return max((c.text_size(_band_text(lower, grade, lang), 7)[0] for lower, grade in bands), default=0.0)


def _draw_line(chart: LineChart, lang: Lang, dpi: int) -> _Canvas:
    n = len(chart.values)
    c = _Canvas(2.9, dpi)
    values = [float(v) for v in chart.values]
    lo, hi = float(chart.minimum), float(chart.maximum)
    labels = [_plain(wrap_label(label, 16, 2)) for label in chart.labels]
    series = _plain(chart.series)
    top_value = hi + (hi - lo) * 0.08
    box, end = _plot_box(c, chart, labels, 7.5, series, (lo, top_value), lang)
    axes = _Axes(c, box, (-0.5, max(n, 1) - 0.5), (lo, top_value), reach=end)
    ticks, tick_labels = _value_ticks(c, lo, top_value, axes.bottom - axes.top, 18, lang)
    _bands_across(axes, chart.bands, lang)
    points = [(axes.x(i), axes.y(v)) for i, v in enumerate(values)]
    if len(points) > 1:
        c.line(points, _DEFAULT_BAR, 1.8)
    radius = c.px(3)
    for (x, y), colour, value in zip(points, _colours(chart), chart.values, strict=True):
        c.draw.ellipse((x - radius, y - radius, x + radius, y + radius), fill=_rgba(colour))
        c.text(x, y - radius - c.px(1), _plain(fmt(value, lang)), 7.5, h="m", v="b")
    _frame(axes, labels, 7.5, (ticks, tick_labels), series)
    return c
