"""Start-up: the console script registers only the command it runs, and nothing changes for the user."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest
import typer

from skm.cli import COMMANDS, app, build_app


def _names(application: typer.Typer) -> list[str]:
    return [c.name or "" for c in application.registered_commands]


def test_commands_lists_every_registered_command_in_help_order() -> None:
    assert _names(app) == list(COMMANDS)


@pytest.mark.parametrize("name", COMMANDS)
def test_build_app_with_one_command_registers_it_alone(name: str) -> None:
    assert _names(build_app(name)) == [name]


def _main(argv: list[str]) -> tuple[str, str]:
    """Run :func:`skm.cli.main` with ``argv`` in a fresh interpreter: its stdout and the skm.cli modules it loaded."""
    code = (
        "import sys\n"
        f"sys.argv = ['skm', *{argv!r}]\n"
        "from skm.cli import main\n"
        "try:\n    main()\nexcept SystemExit:\n    pass\n"
        "print('MODULES', ','.join(sorted(m for m in sys.modules if m.startswith('skm.cli.'))))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    body, _, modules = out.rpartition("MODULES ")
    return body, modules.strip()


@pytest.mark.slow
def test_main_imports_only_the_command_it_runs() -> None:
    body, modules = _main(["sample", "1000"])
    assert "278" in body
    assert modules == "skm.cli.common,skm.cli.sample"


@pytest.mark.slow
@pytest.mark.parametrize("argv", [["--help"], ["--version"], ["scroe", "x.csv"]])
def test_main_without_a_command_first_has_every_command(argv: list[str]) -> None:
    _, modules = _main(argv)
    assert all(f"skm.cli.{name}" in modules.split(",") for name in COMMANDS)


@pytest.mark.slow
def test_main_help_of_one_command_is_the_full_apps() -> None:
    from typer.testing import CliRunner

    body, _ = _main(["score", "--help"])
    expected = CliRunner().invoke(app, ["score", "--help"], prog_name="skm", terminal_width=80).output
    assert body.split() == expected.split()


@pytest.mark.slow
@pytest.mark.parametrize("argv", [["sample", "1000"], ["score", "tidak-ada.csv"]])
def test_main_freezes_what_is_left_before_the_interpreter_exits(argv: list[str]) -> None:
    # after a command that succeeded and one that failed (exit 3): the objects left are frozen, so the
    # shutdown runs no cycle-collector pass over every module's objects (skm.cli.main's docstring)
    code = (
        "import gc, sys\n"
        f"sys.argv = ['skm', *{argv!r}]\n"
        "from skm.cli import main\n"
        "try:\n    main()\nexcept SystemExit as e:\n    code = e.code\n"
        "print('FROZEN', gc.get_freeze_count(), code)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    frozen, code = out.rpartition("FROZEN ")[2].split()
    assert int(frozen) > 10_000
    assert code == ("0" if argv[0] == "sample" else "3")


@pytest.mark.slow
@pytest.mark.parametrize("preset", [None, "3"])
def test_main_keeps_numpys_blas_on_one_thread_unless_the_user_set_it(preset: str | None) -> None:
    # OpenBLAS starts a thread per core when numpy is imported (it spins before it sleeps): the console
    # script tells it to use one, before a command imports numpy; a value the user set is kept
    code = (
        "import sys\n"
        "sys.argv = ['skm', 'sample', '1000']\n"
        "from skm.cli import main\n"
        "try:\n    main()\nexcept SystemExit:\n    pass\n"
        "import numpy\n"
        "from threadpoolctl import threadpool_info\n"
        "import os\n"
        "blas = [i['num_threads'] for i in threadpool_info() if i['internal_api'] == 'openblas']\n"
        "print('BLAS', os.environ['OPENBLAS_NUM_THREADS'], blas)"
    )
    env = {k: v for k, v in os.environ.items() if k != "OPENBLAS_NUM_THREADS"}
    if preset is not None:
        env["OPENBLAS_NUM_THREADS"] = preset
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, env=env).stdout
    threads = out.rpartition("BLAS ")[2].strip()
    expected = 1 if preset is None else min(int(preset), os.cpu_count() or 1)
    assert threads == f"{preset or 1} [{expected}]"
