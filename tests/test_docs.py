"""The documentation stays equal to the code: docs/cli.md is `--help`, every command is documented.

Regenerate docs/cli.md after changing a command: ``SKM_UPDATE_DOCS=1 pytest tests/test_docs.py``.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
import typer
from typer.testing import CliRunner

from skm.cli import app

ROOT = Path(__file__).resolve().parent.parent
CLI_DOC = ROOT / "docs" / "cli.md"

HEADER = """# Referensi perintah / Command reference

Dibuat dari `skm COMMAND --help`; sebuah tes memastikan halaman ini sama dengan `--help`.
Generated from `skm COMMAND --help`; a test keeps this page equal to the help text
(`SKM_UPDATE_DOCS=1 pytest tests/test_docs.py` regenerates it).
"""


def command_names() -> list[str]:
    group = typer.main.get_command(app)
    commands = getattr(group, "commands", None)
    assert isinstance(commands, dict)
    return sorted(commands)


def help_text(*args: str) -> str:
    result = CliRunner().invoke(app, [*args, "--help"], terminal_width=100, env={"COLUMNS": "100"})
    assert result.exit_code == 0, result.output
    return result.stdout.rstrip() + "\n"


def render_reference() -> str:
    parts = [HEADER, "## skm\n", "```text\n" + help_text() + "```\n"]
    for name in command_names():
        parts.append(f"## skm {name}\n")
        parts.append("```text\n" + help_text(name) + "```\n")
    return "\n".join(parts)


def test_cli_reference_equals_help() -> None:
    expected = render_reference()
    if os.environ.get("SKM_UPDATE_DOCS"):
        CLI_DOC.write_text(expected, encoding="utf-8")
    assert CLI_DOC.read_text(encoding="utf-8") == expected, "run: SKM_UPDATE_DOCS=1 pytest tests/test_docs.py"


@pytest.mark.parametrize("command", command_names())
def test_every_command_is_in_the_readme(command: str) -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert f"skm {command}" in readme


@pytest.mark.parametrize("command", command_names())
def test_every_command_has_help(command: str) -> None:
    assert len(help_text(command).splitlines()) > 5


def test_readme_has_exactly_the_two_setup_commands() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    setup = readme.split("## Mulai / Set-up", 1)[1].split("## ", 1)[0]
    blocks = [b.split("```", 1)[0].strip() for b in setup.split("```bash\n")[1:]]
    assert blocks == ["pip install . && skm score --example", 'pip install -e ".[test]" && pytest']


def test_ci_runs_the_readme_test_command() -> None:
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert '\npip install -e ".[test]" && pytest\n' in ci


def test_readme_documents_every_exit_code() -> None:
    from skm.errors import ExitCode

    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    for code in ExitCode:
        assert f"\n| {int(code)} |" in readme, code
