"""``skm publish``: the open-results site (folder layout, open data, output safety, phone layout)."""

from __future__ import annotations

import csv
import io
import json
import re
from pathlib import Path
from urllib.parse import unquote, urlparse

import pytest
from typer.testing import CliRunner

from browser import WIDTHS, browser, check_page, needs_chromium
from skm.api import load, score_responses
from skm.cli import app
from skm.errors import ExitCode
from skm.render.json import result_to_dict
from skm.render.site import slugify

EXAMPLES = Path(__file__).parent.parent / "examples"


def publish(*args: str) -> object:
    return CliRunner().invoke(app, ["publish", *args])


@pytest.fixture
def site(tmp_path: Path, mahulu: Path) -> Path:
    out = tmp_path / "situs"
    result = publish(
        str(mahulu), str(EXAMPLES / "disdukcapil_tw1_2026.csv"), "-o", str(out), "--no-stats",
        "--period-label", "2025-TW4", "--period-label", "2026-TW1",
    )  # fmt: skip
    assert result.exit_code == 0, result.output  # type: ignore[attr-defined]
    return out


@pytest.mark.slow
def test_site_layout_and_open_data(site: Path, mahulu: Path) -> None:
    assert (site / "index.html").is_file()
    assert (site / "LISENSI.txt").read_text(encoding="utf-8").count("CC BY 4.0") == 1
    for period in ("2025-tw4", "2026-tw1"):
        folder = site / period
        for name in ("index.html", "laporan.html", "data/hasil.json", "data/hasil.csv", "data/sebaran.csv"):
            assert (folder / name).is_file(), name
    # the open result is the score contract, numbers equal to skm score
    expected = result_to_dict(score_responses(load(mahulu), by="service", min_group=5))
    published = json.loads((site / "2025-tw4" / "data" / "hasil.json").read_text(encoding="utf-8"))
    assert published["ikm"] == expected["ikm"] == 92.84
    assert [g["group"] for g in published["groups"]] == [g["group"] for g in expected["groups"]]
    # tallies: one row per element, counts add up to the answers given
    rows = list(csv.DictReader(io.StringIO((site / "2025-tw4" / "data" / "sebaran.csv").read_text(encoding="utf-8"))))
    assert [r["code"] for r in rows] == [f"U{i}" for i in range(1, 10)]
    assert all(sum(int(r[f"answer_{v}"]) for v in range(1, 5)) == int(r["answered"]) == 26 for r in rows)
    # one page per service, linked from the period page
    period_page = (site / "2026-tw1" / "index.html").read_text(encoding="utf-8")
    services = sorted(p.name for p in (site / "2026-tw1" / "layanan").iterdir())
    assert services == ["akta-kelahiran.html", "kartu-keluarga.html", "ktp-el.html", "pindah-datang.html"]
    for name in services:
        assert f'href="layanan/{name}"' in period_page
    # the skm poster infographics of each period, shown and linked on its page
    from PIL import Image

    for name, size in (("poster-1080x1350.png", (1080, 1350)), ("poster-1080x1080.png", (1080, 1080))):
        with Image.open(site / "2026-tw1" / "poster" / name) as picture:
            assert picture.size == size
        assert f'href="poster/{name}"' in period_page
    assert '<img class="poster" src="poster/poster-1080x1350.png"' in period_page
    index = (site / "index.html").read_text(encoding="utf-8")
    assert index.index("Triwulan I 2026") < index.index("Triwulan IV 2025")  # newest first
    assert "CC BY 4.0" in index


@pytest.mark.slow
def test_site_pages_have_no_external_resources(site: Path) -> None:
    for page in site.rglob("*.html"):
        text = page.read_text(encoding="utf-8")
        assert "<script" not in text
        assert not re.search(r"""(src|href)=["']?(https?:)?//""", text), page
        assert "@import" not in text
        assert "url(" not in text


@pytest.mark.slow
def test_site_refuses_a_non_empty_folder_without_force(tmp_path: Path, mahulu: Path) -> None:
    out = tmp_path / "situs"
    out.mkdir()
    (out / "lama.txt").write_text("isi lama", encoding="utf-8")
    refused = publish(str(mahulu), "-o", str(out), "--no-stats")
    assert refused.exit_code == ExitCode.OUTPUT_ERROR  # type: ignore[attr-defined]
    assert "sudah berisi" in " ".join(refused.output.split())  # type: ignore[attr-defined]
    assert (out / "lama.txt").read_text(encoding="utf-8") == "isi lama"
    replaced = publish(str(mahulu), "-o", str(out), "--no-stats", "--force")
    assert replaced.exit_code == 0  # type: ignore[attr-defined]
    assert not (out / "lama.txt").exists()
    assert (out / "index.html").is_file()
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []  # no temporary left


def test_site_never_replaces_a_folder_holding_an_input(tmp_path: Path, mahulu: Path) -> None:
    out = tmp_path / "situs"
    out.mkdir()
    source = out / "jawaban.csv"
    source.write_bytes(mahulu.read_bytes())
    refused = publish(str(source), "-o", str(out), "--no-stats", "--force")
    assert refused.exit_code == ExitCode.OUTPUT_ERROR  # type: ignore[attr-defined]
    assert "tidak pernah diganti" in " ".join(refused.output.split())  # type: ignore[attr-defined]
    assert source.read_bytes() == mahulu.read_bytes()


def test_site_never_replaces_a_file_or_a_link(tmp_path: Path, mahulu: Path) -> None:
    a_file = tmp_path / "situs.txt"
    a_file.write_text("bukan folder", encoding="utf-8")
    refused = publish(str(mahulu), "-o", str(a_file), "--no-stats", "--no-posters", "--force")
    assert refused.exit_code == ExitCode.OUTPUT_ERROR  # type: ignore[attr-defined]
    assert a_file.read_text(encoding="utf-8") == "bukan folder"
    target = tmp_path / "asli"
    target.mkdir()
    link = tmp_path / "tautan"
    link.symlink_to(target, target_is_directory=True)
    linked = publish(str(mahulu), "-o", str(link), "--no-stats", "--no-posters", "--force")
    assert linked.exit_code == ExitCode.OUTPUT_ERROR  # type: ignore[attr-defined]
    assert list(target.iterdir()) == []


@pytest.mark.slow
def test_empty_folder_is_used(tmp_path: Path, mahulu: Path) -> None:
    out = tmp_path / "kosong"
    out.mkdir()
    assert publish(str(mahulu), "-o", str(out), "--no-stats").exit_code == 0  # type: ignore[attr-defined]
    assert (out / "index.html").is_file()


def test_usage_errors(tmp_path: Path, mahulu: Path) -> None:
    bad = publish(str(mahulu), "-o", str(tmp_path / "a"), "--licence", "semua-boleh")
    assert bad.exit_code == ExitCode.USAGE  # type: ignore[attr-defined]
    mismatch = publish(
        str(mahulu), "-o", str(tmp_path / "b"), "--period-label", "2026-TW1", "--period-label", "2026-TW2"
    )
    assert mismatch.exit_code == ExitCode.USAGE  # type: ignore[attr-defined]
    assert not (tmp_path / "a").exists()
    assert not (tmp_path / "b").exists()


def test_slugify_is_safe() -> None:
    assert slugify("KTP-el / Kartu Keluarga") == "ktp-el-kartu-keluarga"
    assert slugify("../../etc") == "etc"
    assert slugify("???") == "x"
    assert slugify("Pelayanan Ābc") == "pelayanan-abc"


@pytest.mark.slow
@needs_chromium
def test_site_fits_a_phone_and_a_desktop_and_links_resolve(site: Path, tmp_path: Path) -> None:
    pages = sorted(site.rglob("*.html"))
    assert len(pages) > 10
    shots = tmp_path / "screenshots"
    shots.mkdir()
    with browser() as b:
        for page in pages:
            for width in WIDTHS:
                name = "_".join(page.relative_to(site).with_suffix("").parts)
                check = check_page(b, page, width, shots / f"{name}-{width}.png")
                assert check.problems() == [], (page, width, check.problems())
                for link in check.links:
                    parsed = urlparse(link)
                    assert parsed.scheme == "file", link
                    assert Path(unquote(parsed.path)).is_file(), (page, link)


def test_example_site_is_current() -> None:
    """examples/situs was built by the current code from examples/disdukcapil_tw1_2026.csv."""
    site = EXAMPLES / "situs"
    published = json.loads((site / "2026-tw1" / "data" / "hasil.json").read_text(encoding="utf-8"))
    responses = load(EXAMPLES / "disdukcapil_tw1_2026.csv")
    assert published == json.loads(json.dumps(result_to_dict(score_responses(responses, by="service", min_group=5))))
    assert "Dinas Kependudukan dan Pencatatan Sipil (contoh)" in (site / "index.html").read_text(encoding="utf-8")
