"""Shared fixtures."""

from __future__ import annotations

from pathlib import Path

import pytest

DATA = Path(__file__).parent / "data"
GOLDEN = Path(__file__).parent / "golden"


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption("--update-golden", action="store_true", help="rewrite tests/golden/* from the current output")


@pytest.fixture
def golden(request: pytest.FixtureRequest):  # type: ignore[no-untyped-def]
    """``golden(name, text)`` compares ``text`` with tests/golden/<name> (or rewrites it with --update-golden)."""
    update = bool(request.config.getoption("--update-golden"))

    def check(name: str, text: str) -> None:
        path = GOLDEN / name
        if update:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8")
        assert path.exists(), f"missing golden file {path}; run pytest --update-golden and review the diff"
        assert text == path.read_text(encoding="utf-8")

    return check


@pytest.fixture
def data_dir() -> Path:
    """Folder of test input files (see tests/data/README.md for their sources)."""
    return DATA


@pytest.fixture
def mahulu() -> Path:
    """The real Mahulu SKM file (26 respondents, IKM 92.84 A)."""
    return DATA / "eskm_setda_mahulu_2025.csv"
