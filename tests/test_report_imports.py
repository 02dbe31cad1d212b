"""``skm report`` and ``skm stats`` pay only for what they use: no pydantic model of skm's is built
(building one costs far more than typer's own pydantic import) without a report.toml or another side
file, no matplotlib (the docx charts are drawn with Pillow), no scipy without the statistics."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

MODELS = "skm-pydantic-models"  # stands, in the loaded names, for any pydantic model defined by skm


def _loaded(argv: list[str], cwd: Path) -> set[str]:
    """The modules loaded by ``skm ARGV`` (and MODELS when a pydantic model of skm's was built)."""
    code = (
        "import sys\nfrom skm.cli import app\n"
        f"try:\n    app({argv!r})\nexcept SystemExit as exc:\n    assert not exc.code, exc.code\n"
        "from pydantic import BaseModel\n"
        "def every(c):\n    return [c, *(s for d in c.__subclasses__() for s in every(d))]\n"
        f"ours = [c for c in every(BaseModel) if c.__module__.startswith('skm')]\n"
        f"print(' '.join(sorted(sys.modules)), {MODELS!r} if ours else '')"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=cwd)
    return set(out.stdout.split())


@pytest.mark.slow
@pytest.mark.parametrize(
    ("argv", "absent"),
    [
        (["report", "--example", "-f", "html", "-o", "r.html"], {MODELS, "matplotlib", "docx", "openpyxl"}),
        (["report", "--example", "-f", "json", "-o", "r.json", "--no-stats"], {MODELS, "matplotlib", "scipy"}),
        (["report", "--example", "-f", "docx", "-o", "r.docx", "--no-stats"], {MODELS, "matplotlib", "scipy"}),
        (["stats", "--help"], {MODELS, "matplotlib", "pandas"}),
    ],
)
def test_report_and_stats_do_not_import_what_they_do_not_use(tmp_path: Path, argv: list[str], absent: set[str]) -> None:
    assert _loaded(argv, tmp_path) & absent == set()


@pytest.mark.slow
def test_a_report_toml_still_builds_its_model(tmp_path: Path) -> None:
    (tmp_path / "report.toml").write_text('unit = "Dinas X"\n', encoding="utf-8")
    argv = ["report", "--example", "-f", "json", "-o", "r.json", "--no-stats", "--config", "report.toml"]
    assert MODELS in _loaded(argv, tmp_path)


@pytest.mark.slow
def test_gather_imports_nothing_the_read_did_not_preload(tmp_path: Path) -> None:
    """What ``skm report`` imports after the engine's read is imported during it (the preload lists):
    the figures' first call does not import a module of its own."""
    code = """
import importlib, os, sys
from pathlib import Path
os.environ["SKM_ENGINE"] = "always"
import skm.cli.report as report
import skm.cli.engine_input as engine_input
from skm.cli.score import example_path
from skm.core.calc import ScoringRules
from skm.errors import InvalidPolicy
from skm.text import Lang
path = example_path()
options = dict(instrument=None, sheet=None, invalid=InvalidPolicy.ERROR, labels=None, lang=Lang.ID)
preload = [*report._GATHER_MODULES, *engine_input.STATS_MODULES, *report._RENDER_MODULES[report.ReportFormat.JSON]]
responses = engine_input.read_responses_input(path, progress=False, preload=preload, **options)
engine_input.read_responses_input = lambda *args, **kwargs: responses
before = set(sys.modules)
report.gather(path, rules=ScoringRules(), with_stats=True, **options)
print(" ".join(sorted(set(sys.modules) - before)))
"""
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=tmp_path)
    assert out.stdout.split() == []


@pytest.mark.slow
def test_spreadsheet_reader_imports_pandas_while_calamine_parses(tmp_path: Path) -> None:
    """The reference reader imports its numpy/pandas half in a thread while a spreadsheet is scanned and
    parsed (calamine releases the GIL), and joins it before it returns or raises: no thread is left."""
    from test_engine import write_book

    header = ["Jenis layanan", *(f"U{i}" for i in range(1, 10))]
    write_book(tmp_path / "data.xlsx", {"Jawaban": [header, *(["KTP", *[3] * 9] for _ in range(20))]})
    (tmp_path / "rusak.xlsx").write_bytes(b"not a zip at all" * 10)
    code = """
import importlib, sys, threading
import skm.readers.table as table
from skm.errors import SkmError
assert "pandas" not in sys.modules
ran_in = []
real = importlib.import_module
def spy(name, *args):
    if name == "skm.readers.build":
        ran_in.append(threading.current_thread().name)
    return real(name, *args)
importlib.import_module = spy
responses = table.read_responses("data.xlsx")
assert len(responses.frame) == 20, len(responses.frame)
assert ran_in == ["skm-import"], ran_in
assert [t.name for t in threading.enumerate()] == ["MainThread"]
try:
    table.read_responses("rusak.xlsx")
except SkmError as exc:
    print("refused", int(exc.exit_code))
assert [t.name for t in threading.enumerate()] == ["MainThread"]
assert ran_in == ["skm-import"], ran_in  # (pandas was there: no second thread)
"""
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=False, cwd=tmp_path)
    assert out.returncode == 0, out.stderr
    assert out.stdout.split() == ["refused", "3"]
