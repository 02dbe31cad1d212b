"""The core stays pure, and the fast commands stay fast."""

from __future__ import annotations

import subprocess
import sys

import pytest

CORE = ["skm.core.calc", "skm.core.instrument", "skm.core.sampling", "skm.errors", "skm.text", "skm.core.periods"]
FORBIDDEN = ["typer", "rich", "openpyxl", "click", "pandas", "python_calamine"]


@pytest.mark.slow
@pytest.mark.parametrize("module", CORE)
def test_core_imports_no_io_or_cli_libraries(module: str) -> None:
    code = f"import sys, {module}; print(','.join(m for m in {FORBIDDEN!r} if m in sys.modules))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == ""


@pytest.mark.slow
@pytest.mark.parametrize(
    "argv", [["--help"], ["sample", "1000"], ["sample", "--help"], ["score", "--help"], ["report", "--help"]]
)
def test_help_and_sample_do_not_import_pandas(argv: list[str]) -> None:
    code = (
        "import sys\nfrom skm.cli import app\n"
        f"try:\n    app({argv!r})\nexcept SystemExit:\n    pass\n"
        "print('PANDAS' if 'pandas' in sys.modules else 'OK')"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip().splitlines()[-1] == "OK"
