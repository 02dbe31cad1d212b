"""The one-page infographic (``skm poster``): an :class:`~skm.core.calc.IkmResult` → PNG, PDF or SVG.

Drawn with matplotlib's object API on an Agg canvas: no pyplot, no global backend, no browser.
One figure gives every format. The page is laid out in *design units*: the width is always
1000 units and the height follows the page's ratio, so one layout serves the social-media
sizes, an A3 print and a 60 × 160 cm banner.

Every text is fitted into its box: wrapped at word boundaries and shrunk until its measured
extent (``Text.get_window_extent``) lies inside the box; at the smallest size it is cut with
"…". :class:`Poster` keeps each text with its box so that tests can check that nothing
overflows. The renderer shows the numbers of the result it is given and never recomputes.
"""

from __future__ import annotations

import io
import unicodedata
import warnings
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from decimal import Decimal
from enum import StrEnum
from functools import lru_cache
from typing import TYPE_CHECKING, cast

import matplotlib as mpl
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure
from matplotlib.font_manager import FontProperties, findfont, get_font
from matplotlib.patches import Circle, FancyBboxPatch, PathPatch, Rectangle
from matplotlib.path import Path as MplPath
from matplotlib.transforms import Affine2D, Bbox, Transform

from skm import __version__
from skm.core.calc import ElementScore, IkmResult
from skm.text import Lang, fmt_number
from skm.text.poster import pt

if TYPE_CHECKING:
    from matplotlib.backend_bases import RendererBase
    from matplotlib.text import Text

    from skm.core.instrument import GradeBand, Instrument

__all__ = [
    "PAGES",
    "LogoError",
    "Page",
    "Poster",
    "PosterData",
    "PosterFormat",
    "PosterSize",
    "QrError",
    "TextBox",
    "build_poster",
    "check_logo",
    "check_qr",
    "poster_context",
    "render_poster",
]


class PosterSize(StrEnum):
    """Page sizes: social media portrait 1080×1350 px, square 1080×1080 px, A3 and a 60×160 cm banner."""

    SOCIAL = "social"
    SQUARE = "square"
    A3 = "a3"
    BANNER = "banner"


class PosterFormat(StrEnum):
    """Output formats (all from the same figure)."""

    PNG = "png"
    PDF = "pdf"
    SVG = "svg"


@dataclass(frozen=True)
class Page:
    """A page: its size in inches, the resolution of its PNG and its usual format."""

    width_in: float
    height_in: float
    dpi: int
    default_format: PosterFormat

    @property
    def pixels(self) -> tuple[int, int]:
        """PNG width and height in pixels (whole pixels, as the Agg canvas truncates)."""
        return int(self.width_in * self.dpi), int(self.height_in * self.dpi)


_MM = 1 / 25.4
PAGES: dict[PosterSize, Page] = {
    PosterSize.SOCIAL: Page(10.8, 13.5, 100, PosterFormat.PNG),
    PosterSize.SQUARE: Page(10.8, 10.8, 100, PosterFormat.PNG),
    PosterSize.A3: Page(297 * _MM, 420 * _MM, 150, PosterFormat.PDF),
    PosterSize.BANNER: Page(600 * _MM, 1600 * _MM, 100, PosterFormat.PDF),
}

# Section heights as fractions of the page height: header, hero, elements, weakest, footer.
_SECTIONS: dict[PosterSize, tuple[float, float, float, float, float]] = {
    PosterSize.SOCIAL: (0.19, 0.165, 0.38, 0.1, 0.095),
    PosterSize.SQUARE: (0.185, 0.16, 0.385, 0.095, 0.095),
    PosterSize.A3: (0.18, 0.165, 0.395, 0.095, 0.095),
    PosterSize.BANNER: (0.14, 0.21, 0.39, 0.09, 0.1),
}

_GRADE_COLOURS = {"A": "#1b7f4b", "B": "#2f6db5", "C": "#d08a17", "D": "#b8322a"}
_BAND_PALETTE = ("#1b7f4b", "#2f6db5", "#d08a17", "#b8322a", "#6b4c9a", "#5b6573")
_NAVY = "#17324d"
_INK = "#1d2733"
_MUTED = "#5b6573"
_TRACK = "#e8edf3"
_PAPER = "#ffffff"
_FAMILY = "DejaVu Sans"  # shipped with matplotlib: the same metrics on every machine

_RECT_CODES = [int(c) for c in (MplPath.MOVETO, MplPath.LINETO, MplPath.LINETO, MplPath.LINETO, MplPath.CLOSEPOLY)]
_EXACT_CHARS = 160
_LOGO_FORMATS = frozenset({"PNG", "JPEG"})
_LOGO_MAX_SIDE = 800
QR_MAX_CHARS = 1000


class LogoError(ValueError):
    """The logo bytes are not a readable PNG/JPEG image."""


class QrError(ValueError):
    """The QR address cannot be encoded."""


@dataclass(frozen=True)
class PosterData:
    """What one poster shows. ``result`` is the analysis result; nothing is recomputed here.

    ``small_below`` is the group-size threshold when this poster's group is smaller than it
    (the poster then says so); ``logo`` is PNG/JPEG bytes; ``qr_url`` is drawn as a QR code.
    """

    result: IkmResult
    lang: Lang = Lang.ID
    unit: str | None = None
    period: str | None = None
    group_column: str | None = None
    group: str | None = None
    small_below: int | None = None
    promise: str | None = None
    logo: bytes | None = None
    qr_url: str | None = None


@dataclass(frozen=True)
class TextBox:
    """One text of the poster with the box it must stay inside (display pixels)."""

    name: str
    box: Bbox
    artist: Text


@dataclass
class Poster:
    """A laid-out poster: the matplotlib figure and every text with its box."""

    figure: Figure
    size: PosterSize
    texts: list[TextBox] = field(default_factory=list)
    pictures: dict[str, Bbox] = field(default_factory=dict)  # "qr", "logo": where they are drawn (display pixels)

    @property
    def renderer(self) -> RendererBase:
        """The Agg renderer the texts were measured with."""
        canvas = self.figure.canvas
        assert isinstance(canvas, FigureCanvasAgg)
        return cast("RendererBase", canvas.get_renderer())  # type: ignore[no-untyped-call]

    def text(self, name: str) -> TextBox:
        """The text box called ``name``."""
        for box in self.texts:
            if box.name == name:
                return box
        raise KeyError(name)


# --------------------------------------------------------------------------- public API


@contextmanager
def poster_context() -> Iterator[None]:
    """matplotlib settings of the poster, independent of the user's matplotlibrc."""
    rc = {k: v for k, v in mpl.rcParamsDefault.items() if not k.startswith("backend")}
    rc.update(
        {
            "font.family": _FAMILY,
            "text.usetex": False,
            "svg.fonttype": "path",
            "svg.hashsalt": "skm-poster",
            "pdf.fonttype": 42,
            "figure.facecolor": _PAPER,
            "savefig.facecolor": _PAPER,
        }
    )
    with mpl.rc_context(rc):
        yield


def render_poster(data: PosterData, size: PosterSize = PosterSize.SOCIAL, fmt: PosterFormat | None = None) -> bytes:
    """The poster as PNG, PDF or SVG bytes (default: the size's usual format)."""
    fmt = fmt or PAGES[size].default_format
    with poster_context():
        poster = build_poster(data, size)
        buffer = io.BytesIO()
        title = f"IKM {_plain(data.unit or '')}".strip()
        metadata: dict[str, str | None]
        if fmt is PosterFormat.PDF:
            metadata = {"Title": title, "Creator": f"skm {__version__}", "CreationDate": None}
        elif fmt is PosterFormat.SVG:
            metadata = {"Title": title, "Creator": f"skm {__version__}", "Date": None}
        else:
            metadata = {"Software": f"skm {__version__}"}
        if fmt is PosterFormat.PNG:  # Pillow's optimiser: a smaller file, same pixels
            poster.figure.savefig(
                buffer, format="png", dpi=poster.figure.dpi, metadata=metadata, pil_kwargs={"optimize": True}
            )
        else:
            poster.figure.savefig(buffer, format=fmt.value, dpi=poster.figure.dpi, metadata=metadata)
    return buffer.getvalue()


def check_logo(data: bytes) -> None:
    """Raise :class:`LogoError` unless ``data`` is a readable PNG or JPEG image."""
    _logo_image(data)


def check_qr(url: str) -> None:
    """Raise :class:`QrError` when ``url`` cannot be drawn as a QR code."""
    _qr_matrix(url)


def build_poster(data: PosterData, size: PosterSize = PosterSize.SOCIAL) -> Poster:
    """Lay out the poster on a figure (call inside :func:`poster_context` for the poster's fonts)."""
    page = PAGES[size]
    figure = Figure(figsize=(page.width_in, page.height_in), dpi=page.dpi)
    FigureCanvasAgg(figure)
    poster = Poster(figure, size)
    _Drawer(poster, page, data).draw(_SECTIONS[size])
    return poster


# --------------------------------------------------------------------------- helpers


@lru_cache(maxsize=1)
def _charmap() -> frozenset[int]:
    """Code points the poster font (regular and bold) can draw."""
    codes: set[int] | None = None
    for weight in ("normal", "bold"):
        font = get_font(findfont(FontProperties(family=_FAMILY, weight=weight), fallback_to_default=True))
        cmap = set(font.get_charmap())
        codes = cmap if codes is None else codes & cmap
    return frozenset(codes or ())


def _plain(text: str) -> str:
    """One line of printable text the font can draw (control characters out, missing glyphs '?')."""
    kept: list[str] = []
    for ch in text:
        category = unicodedata.category(ch)
        if category == "Cc" or ch in "\u2028\u2029":
            kept.append(" ")
        elif category.startswith("C"):
            continue
        else:
            kept.append(ch)
    joined = " ".join("".join(kept).split())
    codes = _charmap()
    return "".join(ch if ch == " " or ord(ch) in codes else "?" for ch in joined)


def _num(value: Decimal, lang: Lang) -> str:
    return fmt_number(value, lang)


def _count(n: int, lang: Lang) -> str:
    text = f"{n:,}"
    return text.replace(",", ".") if lang is Lang.ID else text


def grade_colour(instrument: Instrument, grade: str) -> str:
    """The colour of a grade: the report's colours for A–D, else by the band's rank."""
    if grade in _GRADE_COLOURS:
        return _GRADE_COLOURS[grade]
    for i, band in enumerate(instrument.bands):
        if band.grade == grade:
            return _BAND_PALETTE[min(i, len(_BAND_PALETTE) - 1)]
    return _MUTED


def _band_legend(bands: tuple[GradeBand, ...], lang: Lang) -> list[tuple[str, str]]:
    """``("A", "≥ 88,31")`` … from the best band to the worst."""
    items: list[tuple[str, str]] = []
    for i, band in enumerate(bands):
        if i < len(bands) - 1:
            items.append((band.grade, f"{'≥' if band.inclusive else '>'} {_num(band.lower, lang)}"))
        else:
            above = bands[i - 1] if i else None
            if above is None:
                items.append((band.grade, ""))
            else:
                items.append((band.grade, f"{'<' if above.inclusive else '≤'} {_num(above.lower, lang)}"))
    return items


def _performance(result: IkmResult, lang: Lang) -> str:
    return result.band.performance_en if lang is Lang.EN else result.band.performance


def _element_name(element: ElementScore, lang: Lang) -> str:
    return element.name_en if lang is Lang.EN and element.name_en else element.name


def _weakest(result: IkmResult) -> list[ElementScore]:
    """The element(s) with the lowest NRR (ties all named), in the result's priority order."""
    lowest = result.element(result.priority[0]).nrr
    return [result.element(code) for code in result.priority if result.element(code).nrr == lowest]


def _logo_image(data: bytes) -> object:
    from PIL import Image, UnidentifiedImageError  # noqa: PLC0415 - Pillow comes with matplotlib

    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            image = Image.open(io.BytesIO(data))
            if image.format not in _LOGO_FORMATS:
                msg = f"format {image.format or '?'}"
                raise LogoError(msg)
            image.load()
    except LogoError:
        raise
    except (UnidentifiedImageError, Image.DecompressionBombError, Image.DecompressionBombWarning) as exc:
        raise LogoError(str(exc)[:120]) from exc
    except (OSError, ValueError, SyntaxError) as exc:  # truncated or corrupt image data
        raise LogoError(str(exc)[:120] or type(exc).__name__) from exc
    rgba = image.convert("RGBA")
    rgba.thumbnail((_LOGO_MAX_SIDE, _LOGO_MAX_SIDE))
    return rgba


def _qr_matrix(url: str) -> tuple[bytearray, ...]:
    import segno  # noqa: PLC0415

    text = url.strip()
    if not text:
        raise QrError("empty")
    if len(text) > QR_MAX_CHARS:
        raise QrError(f"{len(text)} > {QR_MAX_CHARS}")
    try:
        code = segno.make(text, error="m", micro=False)
    except segno.DataOverflowError as exc:
        raise QrError(str(exc)) from exc
    return tuple(code.matrix)


# --------------------------------------------------------------------------- drawing

_Box = tuple[float, float, float, float]  # x, y from the top, width, height (design units)


class _Drawer:
    """Draws one poster. Coordinates are design units, y measured from the top of the page."""

    def __init__(self, poster: Poster, page: Page, data: PosterData) -> None:
        self.poster = poster
        self.fig = poster.figure
        self.data = data
        self.lang = data.lang
        self.result = data.result
        self.width = 1000.0
        self.height = 1000.0 * page.height_in / page.width_in
        self.margin = 56.0
        # design units (y up) → figure: isotropic, so rounded corners and circles stay round
        self.transform: Transform = Affine2D().scale(1 / self.width, 1 / self.height) + self.fig.transFigure
        self.points_per_unit = page.width_in * 72 / self.width
        self.renderer = poster.renderer
        self._widths: dict[tuple[str, float, str], float] = {}

    # ----- primitives

    def _y_up(self, box: _Box) -> tuple[float, float, float, float]:
        x, y, w, h = box
        return x, self.height - y - h, w, h

    def _display(self, box: _Box) -> Bbox:
        x, y, w, h = self._y_up(box)
        return Bbox(self.transform.transform([(x, y), (x + w, y + h)]))

    def rect(self, box: _Box, colour: str, *, radius: float = 0.0, alpha: float = 1.0, zorder: float = 1) -> None:
        x, y, w, h = self._y_up(box)
        if radius > 0:
            patch: Rectangle | FancyBboxPatch = FancyBboxPatch(
                (x, y),
                w,
                h,
                boxstyle=f"round,pad=0,rounding_size={min(radius, w / 2, h / 2)}",
                transform=self.transform,
                facecolor=colour,
                edgecolor="none",
                alpha=alpha,
                zorder=zorder,
            )
        else:
            patch = Rectangle(
                (x, y), w, h, transform=self.transform, facecolor=colour, edgecolor="none", alpha=alpha, zorder=zorder
            )
        self.fig.add_artist(patch)

    def circle(self, centre: tuple[float, float], radius: float, colour: str) -> None:
        x, y = centre
        self.fig.add_artist(
            Circle((x, self.height - y), radius, transform=self.transform, facecolor=colour, edgecolor="none", zorder=3)
        )

    def text(
        self,
        name: str,
        box: _Box,
        content: str,
        *,
        size: float,
        min_size: float | None = None,
        max_lines: int = 1,
        bold: bool = False,
        colour: str = _INK,
        ha: str = "left",
        va: str = "center",
    ) -> Text:
        """Fit ``content`` into ``box``: largest size ≤ ``size`` (design units) that fits, wrapped."""
        x, y, w, h = self._y_up(box)
        anchor_x = {"left": x, "center": x + w / 2, "right": x + w}[ha]
        anchor_y = {"top": y + h, "center": y + h / 2, "bottom": y}[va]
        artist = self.fig.text(
            anchor_x,
            anchor_y,
            "",
            transform=self.transform,
            ha=ha,
            va=va,
            multialignment=ha,
            color=colour,
            fontfamily=_FAMILY,
            fontweight="bold" if bold else "normal",
            parse_math=False,
            linespacing=1.15,
            zorder=5,
        )
        limit = self._display(box)
        self._fit(
            artist,
            limit,
            _plain(content),
            size * self.points_per_unit,
            (min_size or size * 0.45) * self.points_per_unit,
            max_lines,
        )
        self.poster.texts.append(TextBox(name, limit, artist))
        return artist

    def same_size(self, texts: list[tuple[Text, str, int]]) -> None:
        """Refit a column of texts (``artist, content, max_lines``) at the smallest size any of them took,
        so that the column reads evenly (a smaller size never makes a text that fitted overflow)."""
        if not texts:
            return
        common = min(float(artist.get_fontsize()) for artist, _, _ in texts)
        boxes = {id(item.artist): item.box for item in self.poster.texts}
        for artist, content, max_lines in texts:
            self._fit(artist, boxes[id(artist)], _plain(content), common, common, max_lines)

    # ----- fitting

    def _width(self, text: str, artist: Text) -> float:
        """The drawn width of ``text`` in pixels (cached). Beyond ``_EXACT_CHARS`` characters (a line
        that cannot fit any box) the sum of the characters' advances, which is fast and never smaller."""
        prop = artist.get_fontproperties()
        key = (text, prop.get_size_in_points(), str(prop.get_weight()))
        width = self._widths.get(key)
        if width is None:
            if len(text) > _EXACT_CHARS:
                width = self._advance_width(text, artist)
            else:
                measured, _, _ = self.renderer.get_text_width_height_descent(text, prop, ismath=False)
                width = float(measured)
            self._widths[key] = width
        return width

    def _advance_width(self, text: str, artist: Text) -> float:
        """The sum of the characters' widths: fast, and never smaller than the drawn width."""
        return sum(self._width(ch, artist) for ch in text)

    def _inside(self, artist: Text, box: Bbox) -> bool:
        extent = artist.get_window_extent(self.renderer)
        slack = 0.5
        return bool(
            extent.x0 >= box.x0 - slack
            and extent.x1 <= box.x1 + slack
            and extent.y0 >= box.y0 - slack
            and extent.y1 <= box.y1 + slack
        )

    def _wrap(self, text: str, width: float, artist: Text) -> list[str]:
        lines: list[str] = []
        current = ""
        for word in text.split(" "):
            candidate = f"{current} {word}" if current else word
            if self._width(candidate, artist) <= width:
                current = candidate
                continue
            if current:
                lines.append(current)
            rest = word
            while len(rest) > 1 and self._width(rest, artist) > width:  # a word wider than the box: break it
                # (measured by character advances: an unbroken 700-letter "word" stays fast)
                low, high = 1, len(rest) - 1  # the longest prefix that fits (at least one character)
                while low < high:
                    mid = (low + high + 1) // 2
                    if self._advance_width(rest[:mid], artist) <= width:
                        low = mid
                    else:
                        high = mid - 1
                cut = low
                lines.append(rest[:cut])
                rest = rest[cut:]
            current = rest
        if current or not lines:
            lines.append(current)
        return lines

    def _ellipsis(self, line: str, width: float, artist: Text) -> str:
        line = line.rstrip()
        while line and self._width(line + "…", artist) > width:
            line = line[:-1].rstrip()
        return line + "…"

    def _fit(self, artist: Text, box: Bbox, text: str, size: float, min_size: float, max_lines: int) -> None:
        size = max(size, 1.0)
        min_size = min(min_size, size)
        lines: list[str] = [text]
        while True:
            artist.set_fontsize(size)
            lines = self._wrap(text, box.width, artist)
            if len(lines) <= max_lines:
                artist.set_text("\n".join(lines))
                if self._inside(artist, box):
                    return
            if size <= min_size:
                break
            size = max(min_size, size * 0.94)
        # Still too long at the smallest size: keep the lines that fit and end the last with "…"
        # (and, for a box lower than one line, go on shrinking).
        while size >= 1.0:
            artist.set_fontsize(size)
            lines = self._wrap(text, box.width, artist)
            for keep in range(min(max_lines, len(lines)), 0, -1):
                shown = lines[:keep]
                if keep < len(lines):
                    shown[-1] = self._ellipsis(shown[-1], box.width, artist)
                artist.set_text("\n".join(shown))
                if self._inside(artist, box):
                    return
            size *= 0.85
        artist.set_text("")

    # ----- sections

    def draw(self, fractions: tuple[float, float, float, float, float]) -> None:
        bottom = max(0.03 * self.height, self.margin * 0.8)
        gap = ((1 - sum(fractions)) * self.height - bottom) / 4  # between the sections
        heights = [f * self.height for f in fractions]
        tops: list[float] = []
        y = 0.0
        for h in heights:
            tops.append(y)
            y += h + gap
        self.rect((0, 0, self.width, self.height), _PAPER, zorder=0)
        self.header(tops[0], heights[0])
        self.hero(tops[1], heights[1])
        self.elements(tops[2], heights[2])
        self.weakest(tops[3], heights[3])
        self.footer(tops[4], heights[4])

    def header(self, top: float, height: float) -> None:
        self.rect((0, top, self.width, height), _NAVY)
        self.rect((0, top + height - 8, self.width, 8), grade_colour(self.result.instrument, self.result.grade))
        pad = min(height * 0.14, 44)
        inner = height - 2 * pad - 8
        x = self.margin
        if self.data.logo is not None:
            side = min(inner, 220.0)
            self.logo((x, top + pad + (inner - side) / 2, side, side))
            x += side + 32
        width = self.width - self.margin - x
        y = top + pad
        self.text(
            "kicker",
            (x, y, width, inner * 0.15),
            pt("kicker", self.lang),
            size=inner * 0.13,
            colour="#b9cde2",
            bold=True,
            va="top",
        )
        unit = self.data.unit or pt("unit-unknown", self.lang)
        self.text(
            "unit",
            (x, y + inner * 0.19, width, inner * 0.55),
            unit,
            size=min(60.0, inner * 0.3),
            min_size=14,
            max_lines=3,
            bold=True,
            colour="#ffffff",
            va="center",
        )
        period = self.data.period or pt("period-unknown", self.lang)
        if self.data.group is not None:
            group = pt("group", self.lang, column=self.data.group_column or "", group=self.data.group)
            period = f"{period} · {group}"
        self.text(
            "period",
            (x, y + inner * 0.78, width, inner * 0.22),
            period,
            size=inner * 0.15,
            min_size=12,
            max_lines=2,
            colour="#dbe6f2",
            va="bottom",
        )

    def logo(self, box: _Box) -> None:
        import numpy as np  # noqa: PLC0415

        assert self.data.logo is not None
        image = _logo_image(self.data.logo)
        self.rect(box, "#ffffff", radius=box[2] * 0.12, zorder=2)
        x, y, w, h = box
        pad = w * 0.08
        iw, ih = image.size  # type: ignore[attr-defined]
        scale = min((w - 2 * pad) / iw, (h - 2 * pad) / ih)
        dw, dh = iw * scale, ih * scale
        inner = (x + (w - dw) / 2, y + (h - dh) / 2, dw, dh)
        self.poster.pictures["logo"] = self._display(inner)
        ux, uy, uw, uh = self._y_up(inner)
        axes = self.fig.add_axes((ux / self.width, uy / self.height, uw / self.width, uh / self.height), zorder=4)
        axes.imshow(np.asarray(image), interpolation="antialiased")
        axes.set_axis_off()

    def hero(self, top: float, height: float) -> None:
        m = self.margin
        content = self.width - 2 * m
        if height > content * 0.5:  # a tall page (banner): the number above, the grade panel below
            number_h = height * 0.56
            self.ikm_block((m, top, content, number_h))
            self.grade_panel((m, top + number_h + height * 0.04, content, height - number_h - height * 0.04))
        else:
            self.ikm_block((m, top, content * 0.56, height))
            self.grade_panel((m + content * 0.6, top, content * 0.4, height))

    def ikm_block(self, box: _Box) -> None:
        x, top, width, height = box
        r = self.result
        self.text(
            "ikm-label",
            (x, top, width, height * 0.17),
            pt("ikm-label", self.lang),
            size=height * 0.12,
            colour=_MUTED,
            bold=True,
            va="top",
        )
        self.text(
            "ikm",
            (x, top + height * 0.17, width, height * 0.58),
            _num(r.ikm_display, self.lang),
            size=height * 0.5,
            colour=_NAVY,
            bold=True,
        )
        small = self.data.small_below is not None
        self.text(
            "respondents",
            (x, top + height * 0.77, width, height * (0.13 if small else 0.2)),
            pt("respondents", self.lang, n=_count(r.respondents, self.lang)),
            size=height * 0.11,
            colour=_INK,
            va="top",
        )
        if small:
            self.text(
                "small",
                (x, top + height * 0.9, width, height * 0.1),
                pt("small-group", self.lang, minimum=self.data.small_below),
                size=height * 0.08,
                colour=_GRADE_COLOURS["D"],
                bold=True,
                max_lines=2,
                va="top",
            )

    def grade_panel(self, box: _Box) -> None:
        px, top, pw, height = box
        r = self.result
        colour = grade_colour(r.instrument, r.grade)
        self.rect(box, colour, radius=28, alpha=0.1)
        pad = min(height * 0.12, 30)
        side = min(height - 2 * pad, pw * 0.45)
        bx, by = px + pad, top + (height - side) / 2
        self.rect((bx, by, side, side), colour, radius=side * 0.16, zorder=2)
        self.text(
            "grade-word",
            (bx, by + side * 0.06, side, side * 0.18),
            pt("grade-word", self.lang),
            size=side * 0.12,
            colour="#ffffff",
            bold=True,
            ha="center",
            va="top",
        )
        self.text(
            "grade",
            (bx, by + side * 0.24, side, side * 0.72),
            r.grade,
            size=side * 0.62,
            colour="#ffffff",
            bold=True,
            ha="center",
        )
        tx = bx + side + pad * 0.8
        tw = px + pw - pad * 0.8 - tx
        self.text(
            "performance-label",
            (tx, by, tw, side * 0.34),
            pt("performance-label", self.lang),
            size=side * 0.15,
            colour=_MUTED,
            max_lines=2,
            va="bottom",
        )
        self.text(
            "performance",
            (tx, by + side * 0.38, tw, side * 0.56),
            _performance(r, self.lang),
            size=side * 0.3,
            colour=colour,
            bold=True,
            max_lines=2,
            va="top",
        )

    def elements(self, top: float, height: float) -> None:
        m = self.margin
        content = self.width - 2 * m
        r = self.result
        title_h = min(height * 0.085, 56)
        legend_h = min(height * 0.07, 44)
        self.text(
            "elements-title",
            (m, top, content, title_h),
            pt("elements-title", self.lang),
            size=title_h * 0.62,
            colour=_NAVY,
            bold=True,
            va="top",
        )
        rows_top = top + title_h + height * 0.015
        rows_h = height - title_h - legend_h - height * 0.04
        k = len(r.elements)
        row_h = rows_h / k
        chip = min(row_h * 0.62, content * 0.045)
        label_w = content * 0.41
        value_w = content * 0.105
        value_x = m + content - chip - content * 0.015 - value_w
        track_x = m + label_w + content * 0.025
        track_w = value_x - content * 0.02 - track_x
        font = min(row_h * 0.48, 28.0)
        labels: list[tuple[Text, str, int]] = []
        for i, e in enumerate(r.elements):
            y = rows_top + i * row_h
            colour = grade_colour(r.instrument, e.grade)
            label = f"{e.code}  {_element_name(e, self.lang)}"
            artist = self.text(
                f"element-{e.code}",
                (m, y + row_h * 0.04, label_w, row_h * 0.92),
                label,
                size=font,
                min_size=font * 0.6,
                max_lines=2,
                colour=_INK,
            )
            labels.append((artist, label, 2))
            bar_h = min(row_h * 0.5, 30.0)
            by = y + (row_h - bar_h) / 2
            self.rect((track_x, by, track_w, bar_h), _TRACK, radius=bar_h / 2)
            fraction = float(min(max(e.converted_display, Decimal(0)), Decimal(100)) / 100)
            if fraction > 0:
                self.rect((track_x, by, max(track_w * fraction, bar_h), bar_h), colour, radius=bar_h / 2, zorder=2)
            self.text(
                f"value-{e.code}",
                (value_x, y, value_w, row_h),
                _num(e.converted_display, self.lang),
                size=font * 1.05,
                colour=colour,
                bold=True,
                ha="right",
            )
            cx = m + content - chip / 2
            self.circle((cx, y + row_h / 2), chip / 2, colour)
            self.text(
                f"grade-{e.code}",
                (cx - chip * 0.4, y + row_h / 2 - chip * 0.4, chip * 0.8, chip * 0.8),
                e.grade,
                size=chip * 0.6,
                colour="#ffffff",
                bold=True,
                ha="center",
            )
        # legend: the grade bands
        self.same_size(labels)
        legend = _band_legend(r.instrument.bands, self.lang)
        ly = top + height - legend_h
        slot = content / len(legend)
        dot = legend_h * 0.7
        for i, (grade, bound) in enumerate(legend):
            sx = m + i * slot
            colour = grade_colour(r.instrument, grade)
            self.circle((sx + dot / 2, ly + legend_h / 2), dot / 2, colour)
            self.text(
                f"legend-grade-{i}",
                (sx + dot * 0.1, ly + (legend_h - dot * 0.8) / 2, dot * 0.8, dot * 0.8),
                grade,
                size=dot * 0.62,
                colour="#ffffff",
                bold=True,
                ha="center",
            )
            self.text(
                f"legend-{i}", (sx + dot + 8, ly, slot - dot - 16, legend_h), bound, size=legend_h * 0.5, colour=_MUTED
            )

    def weakest(self, top: float, height: float) -> None:
        m = self.margin
        content = self.width - 2 * m
        r = self.result
        weakest = _weakest(r)
        colour = grade_colour(r.instrument, weakest[0].grade)
        self.rect((m, top, content, height), colour, radius=22, alpha=0.1)
        self.rect((m, top, 12, height), colour, radius=6, zorder=2)
        pad = min(height * 0.13, 26)
        x = m + 12 + 26
        w = m + content - 26 - x
        inner = height - 2 * pad
        names = ", ".join(
            f"{e.code} {_element_name(e, self.lang)} ({_num(e.converted_display, self.lang)} · {e.grade})"
            for e in weakest
        )
        self.text(
            "weakest",
            (x, top + pad, w, inner * 0.48),
            pt("weakest", self.lang, elements=names),
            size=inner * 0.24,
            max_lines=2,
            bold=True,
            colour=_INK,
            va="top",
        )
        promise = self.data.promise or pt("promise", self.lang)
        self.text(
            "promise",
            (x, top + pad + inner * 0.52, w, inner * 0.48),
            promise,
            size=inner * 0.2,
            max_lines=2,
            colour=_INK,
            va="top",
        )

    def footer(self, top: float, height: float) -> None:
        m = self.margin
        content = self.width - 2 * m
        text_w = content
        if self.data.qr_url is not None:
            side = height
            qx = m + content - side
            self.qr((qx, top, side, side))
            text_w = content - side - 30
        r = self.result
        rows = [("thanks", 0.46, 0.36, True, _NAVY, pt("thanks", self.lang), 2)]
        if self.data.qr_url is not None:
            rows.append(
                ("qr-caption", 0.27, 0.16, False, _INK, f"{pt('qr-caption', self.lang)}: {self.data.qr_url}", 2)
            )
        instrument = r.instrument.title_en if self.lang is Lang.EN else r.instrument.title
        rows.append(
            ("credit", 0.2, 0.11, False, _MUTED, pt("credit", self.lang, version=__version__, instrument=instrument), 2)
        )
        total = sum(row[1] for row in rows)
        y = top
        for name, share, size, bold, colour, content_text, lines in rows:
            h = height * share / total
            self.text(
                name, (m, y, text_w, h), content_text, size=height * size, bold=bold, colour=colour, max_lines=lines
            )
            y += h

    def qr(self, box: _Box) -> None:
        assert self.data.qr_url is not None
        matrix = _qr_matrix(self.data.qr_url)
        x, y, side, _ = box
        self.rect(box, "#ffffff", zorder=2)
        n = len(matrix)
        module = side / (n + 4)
        self.poster.pictures["qr"] = self._display((x + 2 * module, y + 2 * module, n * module, n * module))
        vertices: list[tuple[float, float]] = []
        codes: list[int] = []
        for row, cells in enumerate(matrix):
            col = 0
            while col < n:
                if not cells[col] & 1:
                    col += 1
                    continue
                start = col
                while col < n and cells[col] & 1:
                    col += 1
                x0 = x + (2 + start) * module
                y0 = self.height - (y + (2 + row + 1) * module)
                x1 = x0 + (col - start) * module
                y1 = y0 + module
                vertices += [(x0, y0), (x1, y0), (x1, y1), (x0, y1), (x0, y0)]
                codes += _RECT_CODES
        patch = PathPatch(
            MplPath(vertices, codes),
            transform=self.transform,
            facecolor="#000000",
            edgecolor="none",
            antialiased=False,
            zorder=3,
        )
        self.fig.add_artist(patch)
