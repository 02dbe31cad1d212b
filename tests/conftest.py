"""Shared fixtures."""

from __future__ import annotations

from pathlib import Path

import pytest

DATA = Path(__file__).parent / "data"


@pytest.fixture
def data_dir() -> Path:
    """Folder of test input files (see tests/data/README.md for their sources)."""
    return DATA


@pytest.fixture
def mahulu() -> Path:
    """The real Mahulu SKM file (26 respondents, IKM 92.84 A)."""
    return DATA / "eskm_setda_mahulu_2025.csv"
