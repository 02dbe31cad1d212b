"""``skm poster``: every size at its pixel/page size, no text outside its box (measured in the
figure), the numbers of the analysis result, one poster per service, and the output safety."""

from __future__ import annotations

import io
import re
import shutil
import subprocess
import sys
from itertools import combinations
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from PIL import Image
from typer.testing import CliRunner

from skm.analysis.score import score
from skm.cli import app
from skm.core.calc import IkmResult, compute_ikm
from skm.core.instrument import KEPMENPAN_25_2004
from skm.errors import ExitCode
from skm.render.poster import (
    PAGES,
    Poster,
    PosterData,
    PosterFormat,
    PosterSize,
    build_poster,
    poster_context,
    render_poster,
)
from skm.text import Lang, fmt_number

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "examples" / "disdukcapil_tw1_2026.xlsx"
EXAMPLE_POSTER = ROOT / "examples" / "disdukcapil_tw1_2026_poster.png"
LONG_NAME = (
    "Dinas Kependudukan dan Pencatatan Sipil Kabupaten Kepulauan Contoh Raya Provinsi Nusa Tenggara "
    "Barat Daya, Unit Layanan Terpadu"
)[:120]
EXPECTED_PIXELS = {
    PosterSize.SOCIAL: (1080, 1350),
    PosterSize.SQUARE: (1080, 1080),
    PosterSize.A3: (1753, 2480),  # 297 × 420 mm at 150 dpi (the page is exactly A3; pixels whole)
    PosterSize.BANNER: (2362, 6299),  # 60 × 160 cm at 100 dpi
}
EXPECTED_POINTS = {  # PDF page in points (1/72 inch)
    PosterSize.SOCIAL: (777.6, 972.0),
    PosterSize.SQUARE: (777.6, 777.6),
    PosterSize.A3: (841.89, 1190.55),
    PosterSize.BANNER: (1700.79, 4535.43),
}


@pytest.fixture(scope="module")
def result() -> IkmResult:
    return score(EXAMPLE)


def _logo_png() -> bytes:
    image = Image.new("RGBA", (300, 120), (0, 0, 0, 0))
    for x in range(300):
        for y in range(40, 80):
            image.putpixel((x, y), (200, 30, 30, 255))
    buffer = io.BytesIO()
    image.save(buffer, format="PNG")
    return buffer.getvalue()


def _full(result: IkmResult, **extra: object) -> PosterData:
    params: dict[str, object] = {
        "unit": LONG_NAME,
        "period": "Triwulan I 2026",
        "qr_url": "https://example.org/skm/hasil-survei-kepuasan-masyarakat-2026-triwulan-1",
        "logo": _logo_png(),
    }
    params.update(extra)
    return PosterData(result, **params)  # type: ignore[arg-type]


def _assert_fits(poster: Poster) -> None:
    """Every text lies inside its box, and no two texts overlap."""
    renderer = poster.renderer
    extents = {}
    for item in poster.texts:
        extent = item.artist.get_window_extent(renderer)
        box = item.box
        assert extent.x0 >= box.x0 - 0.5, (item.name, extent, box)
        assert extent.x1 <= box.x1 + 0.5, (item.name, extent, box)
        assert extent.y0 >= box.y0 - 0.5, (item.name, extent, box)
        assert extent.y1 <= box.y1 + 0.5, (item.name, extent, box)
        # the box itself lies on the page
        assert box.x0 >= 0, item.name
        assert box.y0 >= 0, item.name
        assert box.x1 <= poster.figure.bbox.x1 + 0.5, item.name
        assert box.y1 <= poster.figure.bbox.y1 + 0.5, item.name
        if item.artist.get_text():
            extents[item.name] = extent
    for (a, ea), (b, eb) in combinations(extents.items(), 2):
        overlap_w = min(ea.x1, eb.x1) - max(ea.x0, eb.x0)
        overlap_h = min(ea.y1, eb.y1) - max(ea.y0, eb.y0)
        assert overlap_w <= 0.5 or overlap_h <= 0.5, f"texts {a} and {b} overlap"


# --------------------------------------------------------------------------- sizes


@pytest.mark.slow
@pytest.mark.parametrize("size", list(PosterSize))
def test_png_has_the_pixel_size_of_its_page(result: IkmResult, size: PosterSize) -> None:
    content = render_poster(_full(result), size, PosterFormat.PNG)
    with Image.open(io.BytesIO(content)) as image:
        assert image.format == "PNG"
        assert image.size == EXPECTED_PIXELS[size] == PAGES[size].pixels
        # not a blank page: the header band, the paper and the grade colours are all there
        colours = image.convert("RGB").getcolors(maxcolors=1 << 20)
        assert colours is not None
        assert len(colours) > 50


@pytest.mark.slow
@pytest.mark.parametrize("size", [PosterSize.SOCIAL, PosterSize.A3, PosterSize.BANNER])
def test_pdf_page_size(result: IkmResult, size: PosterSize) -> None:
    content = render_poster(_full(result), size, PosterFormat.PDF)
    assert content.startswith(b"%PDF")
    boxes = re.findall(rb"/MediaBox\s*\[\s*0\s+0\s+([\d.]+)\s+([\d.]+)\s*\]", content)
    assert len(boxes) == 1, "one page"
    width, height = (float(v) for v in boxes[0])
    assert width == pytest.approx(EXPECTED_POINTS[size][0], abs=0.05)
    assert height == pytest.approx(EXPECTED_POINTS[size][1], abs=0.05)


@pytest.mark.slow
def test_svg_page_size_and_no_outside_requests(result: IkmResult) -> None:
    content = render_poster(_full(result), PosterSize.SOCIAL, PosterFormat.SVG).decode("utf-8")
    assert re.search(r'<svg[^>]*width="777\.6pt"[^>]*height="972pt"', content)
    assert "http://www.w3.org" in content  # namespaces only …
    assert not re.search(r'(?:href|src)="https?://', content)  # … nothing fetched from outside


@pytest.mark.slow
@pytest.mark.parametrize("fmt", [PosterFormat.PDF, PosterFormat.SVG])
def test_the_same_result_gives_the_same_file(result: IkmResult, fmt: PosterFormat) -> None:
    """No dates or random ids in the file: a poster can be regenerated and compared."""
    data = PosterData(result, unit="Dinas Contoh", period="Triwulan I 2026", qr_url="https://example.org/skm")
    assert render_poster(data, PosterSize.SQUARE, fmt) == render_poster(data, PosterSize.SQUARE, fmt)


# --------------------------------------------------------------------------- fitting


@pytest.mark.slow
@pytest.mark.parametrize("size", list(PosterSize))
def test_no_text_overflows_with_a_120_character_name(result: IkmResult, size: PosterSize) -> None:
    assert len(LONG_NAME) == 120
    with poster_context():
        poster = build_poster(_full(result), size)
    _assert_fits(poster)
    unit = poster.text("unit").artist.get_text()
    assert unit.split() == LONG_NAME.split(), "wrapped, not cut"
    assert unit.count("\n") >= 1
    label_sizes = {t.artist.get_fontsize() for t in poster.texts if t.name.startswith("element-")}
    assert len(label_sizes) == 1, "the element names read as one column, at one size"


@pytest.mark.slow
@pytest.mark.parametrize("size", [PosterSize.SOCIAL, PosterSize.SQUARE])
def test_absurd_texts_are_cut_inside_their_box(result: IkmResult, size: PosterSize) -> None:
    name = "X" * 700
    promise = " ".join(["tindak-lanjut"] * 120)
    with poster_context():
        poster = build_poster(_full(result, unit=name, period="P" * 400, promise=promise), size)
    _assert_fits(poster)
    assert poster.text("unit").artist.get_text().endswith("…")
    assert poster.text("promise").artist.get_text().endswith("…")


@pytest.mark.slow
@settings(max_examples=8, deadline=None)
@given(
    unit=st.text(st.characters(codec="utf-8", exclude_categories=["Cs"]), max_size=260),
    promise=st.text(max_size=400),
)
def test_any_unit_name_and_promise_fit(result: IkmResult, unit: str, promise: str) -> None:
    with poster_context():
        poster = build_poster(PosterData(result, unit=unit, promise=promise or None), PosterSize.SQUARE)
    _assert_fits(poster)


@pytest.mark.slow
def test_fourteen_elements_fit(result: IkmResult) -> None:
    rows = [[4, 3, 3, 2, 4, 3, 3, 4, 3, 2, 3, 3, 4, 3], [3, 3, 2, 2, 4, 4, 3, 3, 3, 3, 3, 4, 3, 4]] * 3
    old = compute_ikm(rows, KEPMENPAN_25_2004)
    for size in (PosterSize.SQUARE, PosterSize.SOCIAL):
        with poster_context():
            poster = build_poster(_full(old, unit="Kantor Pelayanan Contoh"), size)
        _assert_fits(poster)
        assert len([t for t in poster.texts if t.name.startswith("element-")]) == 14


@pytest.mark.slow
def test_hostile_text_is_drawn_literally(result: IkmResult) -> None:
    unit = "$x^2$ \\frac{a}{b} <b>tebal</b>\x00\x07 \u200b漢😀"
    with poster_context():
        poster = build_poster(_full(result, unit=unit), PosterSize.SOCIAL)
    _assert_fits(poster)
    shown = poster.text("unit").artist.get_text()
    assert shown.replace("\n", " ") == "$x^2$ \\frac{a}{b} <b>tebal</b> ?😀"  # DejaVu draws this emoji


# --------------------------------------------------------------------------- content


@pytest.mark.slow
def test_numbers_come_from_the_result(result: IkmResult) -> None:
    for lang in Lang:
        with poster_context():
            poster = build_poster(PosterData(result, lang=lang, unit="Unit"), PosterSize.SOCIAL)
        assert poster.text("ikm").artist.get_text() == fmt_number(result.ikm_display, lang)
        assert poster.text("grade").artist.get_text() == result.grade
        expected_performance = result.band.performance_en if lang is Lang.EN else result.band.performance
        assert poster.text("performance").artist.get_text().replace("\n", " ") == expected_performance
        assert str(result.respondents) in poster.text("respondents").artist.get_text()
        for e in result.elements:
            assert poster.text(f"value-{e.code}").artist.get_text() == fmt_number(e.converted_display, lang)
            assert poster.text(f"grade-{e.code}").artist.get_text() == e.grade
        weakest = result.element(result.priority[0])
        text = poster.text("weakest").artist.get_text().replace("\n", " ")
        assert weakest.code in text
        assert fmt_number(weakest.converted_display, lang) in text
    # the example's figures, written as Indonesian documents write them
    with poster_context():
        poster = build_poster(PosterData(result), PosterSize.SOCIAL)
    assert poster.text("ikm").artist.get_text() == "81,09"
    assert poster.text("weakest").artist.get_text().startswith("Prioritas perbaikan: U9")
    assert poster.text("thanks").artist.get_text().startswith("Terima kasih")
    assert poster.text("unit").artist.get_text() == "(nama unit pelayanan)"


@pytest.mark.slow
def test_small_group_is_marked(result: IkmResult) -> None:
    with poster_context():
        marked = build_poster(PosterData(result, small_below=5, group="KTP-el", group_column="Jenis Layanan"))
        plain = build_poster(PosterData(result))
    assert "5" in marked.text("small").artist.get_text()
    assert "KTP-el" in marked.text("period").artist.get_text()
    with pytest.raises(KeyError):
        plain.text("small")


@pytest.mark.slow
def test_qr_code_decodes_to_the_url(result: IkmResult) -> None:
    """The QR drawn is the one segno makes for the URL (module grid compared with the PNG)."""
    import segno

    url = "https://example.org/skm"
    content = render_poster(PosterData(result, qr_url=url), PosterSize.SOCIAL, PosterFormat.PNG)
    with poster_context():
        poster = build_poster(PosterData(result, qr_url=url), PosterSize.SOCIAL)
    caption = poster.text("qr-caption").artist.get_text().replace("\n", " ")
    assert url in caption
    matrix = segno.make(url, error="m", micro=False).matrix
    image = Image.open(io.BytesIO(content)).convert("L")
    box = poster.pictures["qr"]  # display pixels, y up; the PNG's rows run down
    n = len(matrix)
    module = box.width / n
    assert box.height / n == pytest.approx(module)
    assert module > 3, "modules big enough to scan"
    for r in range(n):
        for c in range(n):
            px = image.getpixel((int(box.x0 + (c + 0.5) * module), int(image.height - box.y1 + (r + 0.5) * module)))
            assert (px < 128) == bool(matrix[r][c] & 1), (r, c)


@pytest.mark.slow
def test_logo_is_drawn_beside_the_name(result: IkmResult) -> None:
    data = PosterData(result, unit="Dinas Contoh", logo=_logo_png())
    content = render_poster(data, PosterSize.SOCIAL, PosterFormat.PNG)
    with poster_context():
        poster = build_poster(data, PosterSize.SOCIAL)
    box = poster.pictures["logo"]
    assert box.width / box.height == pytest.approx(300 / 120, rel=0.02), "aspect kept"
    image = Image.open(io.BytesIO(content)).convert("RGB")
    red, green, blue = image.getpixel((int(box.x0 + box.width / 2), int(image.height - (box.y0 + box.height / 2))))
    assert (red > 180, green < 80, blue < 80) == (True, True, True)  # the logo's red stripe
    unit = poster.text("unit").artist.get_window_extent(poster.renderer)
    assert unit.x0 > box.x1, "the name starts right of the logo"


# --------------------------------------------------------------------------- command line


def run(*args: str):  # type: ignore[no-untyped-def]
    return CliRunner().invoke(app, list(args))


@pytest.fixture
def survey(tmp_path: Path) -> Path:
    target = tmp_path / "jawaban.xlsx"
    shutil.copy(EXAMPLE, target)
    return target


@pytest.mark.slow
def test_cli_default_name_beside_the_input_and_refusal(survey: Path) -> None:
    first = run("poster", str(survey), "--unit", "Disdukcapil")
    assert first.exit_code == 0, first.output
    target = survey.with_name("jawaban_poster.png")
    assert target.exists()
    assert "jawaban_poster.png" in first.stderr
    before = target.read_bytes()
    again = run("poster", str(survey), "--unit", "Lain")
    assert again.exit_code == ExitCode.OUTPUT_ERROR
    assert "--force" in again.stderr
    assert target.read_bytes() == before, "an existing output is never overwritten without --force"
    forced = run("poster", str(survey), "--unit", "Lain", "--force")
    assert forced.exit_code == 0, forced.output
    assert target.read_bytes() != before
    onto_input = run("poster", str(survey), "-o", str(survey), "--force")
    assert onto_input.exit_code == ExitCode.USAGE  # .xlsx is not a poster format: refused before anything
    assert survey.read_bytes() == EXAMPLE.read_bytes()


def test_cli_output_never_replaces_an_input(tmp_path: Path, survey: Path) -> None:
    logo = tmp_path / "logo.png"
    logo.write_bytes(_logo_png())
    before = logo.read_bytes()
    result = run("poster", str(survey), "--logo", str(logo), "-o", str(logo), "--force")
    assert result.exit_code == ExitCode.OUTPUT_ERROR
    assert logo.read_bytes() == before


@pytest.mark.slow
@pytest.mark.parametrize(
    ("args", "suffix", "magic"),
    [
        ([], ".png", b"\x89PNG"),
        (["--size", "a3"], ".pdf", b"%PDF"),
        (["--size", "banner"], ".pdf", b"%PDF"),
        (["--size", "square", "--format", "svg"], ".svg", b"<?xml"),
    ],
)
def test_cli_format_follows_the_size(survey: Path, args: list[str], suffix: str, magic: bytes) -> None:
    result = run("poster", str(survey), *args)
    assert result.exit_code == 0, result.output
    assert survey.with_name(f"jawaban_poster{suffix}").read_bytes().startswith(magic)


@pytest.mark.slow
def test_cli_format_from_the_output_suffix_and_conflicts(tmp_path: Path, survey: Path) -> None:
    assert run("poster", str(survey), "-o", str(tmp_path / "p.pdf")).exit_code == 0
    assert (tmp_path / "p.pdf").read_bytes().startswith(b"%PDF")
    conflict = run("poster", str(survey), "-o", str(tmp_path / "q.png"), "--format", "pdf")
    assert conflict.exit_code == ExitCode.USAGE
    assert "--format pdf" in conflict.stderr
    unknown = run("poster", str(survey), "-o", str(tmp_path / "q.jpg"))
    assert unknown.exit_code == ExitCode.USAGE
    assert ".png, .pdf" in unknown.stderr
    assert not (tmp_path / "q.png").exists()
    assert not (tmp_path / "q.jpg").exists()


@pytest.mark.slow
def test_cli_by_service_writes_one_poster_per_service(tmp_path: Path, survey: Path) -> None:
    result = run("poster", str(survey), "--by", "layanan", "--unit", "Disdukcapil", "-o", str(tmp_path / "p.png"))
    assert result.exit_code == 0, result.output
    names = sorted(p.name for p in tmp_path.glob("p_*.png"))
    assert names == ["p_akta-kelahiran.png", "p_kartu-keluarga.png", "p_ktp-el.png", "p_pindah-datang.png"]
    for name in names:
        with Image.open(tmp_path / name) as image:
            assert image.size == (1080, 1350)
    assert "kecil" not in result.stderr
    # the same per-service numbers as skm score --by layanan
    scored = score(survey, by="layanan")
    kk = next(g for g in scored.groups if g.group == "Kartu Keluarga")
    assert kk.result is not None
    assert fmt_number(kk.result.ikm_display, Lang.ID) == "77,78"


@pytest.mark.slow
def test_cli_by_service_marks_or_skips_small_groups(tmp_path: Path, survey: Path) -> None:
    marked = run("poster", str(survey), "--by", "layanan", "--min-group", "16", "-o", str(tmp_path / "m.png"))
    assert marked.exit_code == 0, marked.output
    assert len(list(tmp_path.glob("m_*.png"))) == 4
    assert "'Kartu Keluarga' hanya 14 responden (< 16)" in marked.stderr
    skipped = run(
        "poster", str(survey), "--by", "layanan", "--min-group", "16", "--skip-small", "-o", str(tmp_path / "s.png")
    )
    assert skipped.exit_code == 0, skipped.output
    assert [p.name for p in tmp_path.glob("s_*.png")] == ["s_akta-kelahiran.png"]
    assert "dilewati" in skipped.stderr
    none = run(
        "poster", str(survey), "--by", "layanan", "--min-group", "99", "--skip-small", "-o", str(tmp_path / "n.png")
    )
    assert none.exit_code == ExitCode.INVALID_DATA
    assert not list(tmp_path.glob("n_*.png"))


def test_cli_by_service_checks_every_target_before_writing(tmp_path: Path, survey: Path) -> None:
    (tmp_path / "p_ktp-el.png").write_bytes(b"kept")
    result = run("poster", str(survey), "--by", "layanan", "-o", str(tmp_path / "p.png"))
    assert result.exit_code == ExitCode.OUTPUT_ERROR
    assert (tmp_path / "p_ktp-el.png").read_bytes() == b"kept"
    assert not (tmp_path / "p_akta-kelahiran.png").exists(), "nothing written when one target is refused"


@pytest.mark.slow
def test_cli_logo_and_qr(tmp_path: Path, survey: Path) -> None:
    logo = tmp_path / "logo.png"
    logo.write_bytes(_logo_png())
    ok = run("poster", str(survey), "--logo", str(logo), "--qr", "https://example.org/skm", "--lang", "en")
    assert ok.exit_code == 0, ok.output
    assert "Poster written" in ok.stderr
    broken = tmp_path / "rusak.png"
    broken.write_bytes(b"\x89PNG\r\n\x1a\n not really")
    bad = run("poster", str(survey), "--logo", str(broken), "-o", str(tmp_path / "x.png"))
    assert bad.exit_code == ExitCode.INPUT_ERROR
    assert "rusak.png" in bad.stderr
    missing = run("poster", str(survey), "--logo", str(tmp_path / "tidak-ada.png"), "-o", str(tmp_path / "x.png"))
    assert missing.exit_code == ExitCode.INPUT_ERROR
    gif = run("poster", str(survey), "--logo", str(tmp_path / "logo.gif"), "-o", str(tmp_path / "x.png"))
    assert gif.exit_code == ExitCode.USAGE
    empty_qr = run("poster", str(survey), "--qr", "  ", "-o", str(tmp_path / "x.png"))
    assert empty_qr.exit_code == ExitCode.USAGE
    long_qr = run("poster", str(survey), "--qr", "https://example.org/" + "a" * 3000, "-o", str(tmp_path / "x.png"))
    assert long_qr.exit_code == ExitCode.USAGE
    assert not (tmp_path / "x.png").exists()


@pytest.mark.slow
def test_cli_period_filter_and_label(tmp_path: Path, survey: Path) -> None:
    from skm.render import poster as poster_module

    seen: list[PosterData] = []
    original = poster_module.render_poster

    def spy(data: PosterData, size: PosterSize = PosterSize.SOCIAL, fmt: PosterFormat | None = None) -> bytes:
        seen.append(data)
        return original(data, size, fmt)

    mp = pytest.MonkeyPatch()
    mp.setattr(poster_module, "render_poster", spy)
    try:
        assert run("poster", str(survey), "--period", "2026-01", "-o", str(tmp_path / "a.png")).exit_code == 0
        assert run("poster", str(survey), "--period-label", "TW I", "-o", str(tmp_path / "b.png")).exit_code == 0
        assert run("poster", str(survey), "-o", str(tmp_path / "c.png")).exit_code == 0
    finally:
        mp.undo()
    january, labelled, whole = seen
    assert january.period == "Januari 2026"
    assert january.result.respondents < whole.result.respondents
    assert january.result == score(survey_period(survey, "2026-01"))
    assert labelled.period == "TW I"
    assert whole.period is not None
    assert whole.period.endswith("2026")
    assert " – " in whole.period  # the span of the respondents' dates


def survey_period(path: Path, period: str):  # type: ignore[no-untyped-def]
    from skm.analysis.score import load
    from skm.readers.dates import filter_period

    return filter_period(load(path), period)[0]


@pytest.mark.slow
def test_poster_help_imports_neither_pandas_nor_matplotlib() -> None:
    code = (
        "import sys\nfrom skm.cli import app\n"
        "try:\n    app(['poster', '--help'])\nexcept SystemExit:\n    pass\n"
        "print(sorted(m for m in ('pandas', 'matplotlib') if m in sys.modules))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip().splitlines()[-1] == "[]"


def test_example_poster_is_small_and_in_the_readme() -> None:
    assert EXAMPLE_POSTER.exists()
    assert EXAMPLE_POSTER.stat().st_size < 300_000
    with Image.open(EXAMPLE_POSTER) as image:
        assert image.size == (1080, 1350)
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert "examples/disdukcapil_tw1_2026_poster.png" in readme
