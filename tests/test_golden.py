"""Golden files: the terminal table, JSON and CSV of `skm score` on real and example files.

Refresh with ``pytest --update-golden`` and review the diff before committing.
"""

from __future__ import annotations

import io
import json
from collections.abc import Callable
from pathlib import Path

import pytest
from rich.console import Console

import skm
from skm.render.console import score_renderable
from skm.render.json import dumps, result_to_dict

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"


def render(result: skm.IkmResult, lang: str, title: str) -> str:
    console = Console(file=io.StringIO(), width=110, color_system=None, legacy_windows=False, force_terminal=False)
    console.print(score_renderable(result, lang, title=title))
    out = console.file.getvalue()  # type: ignore[attr-defined]
    assert isinstance(out, str)
    return out


@pytest.mark.parametrize("lang", ["id", "en"])
def test_mahulu_table(mahulu: Path, golden: Callable[[str, str], None], lang: str) -> None:
    golden(f"mahulu.score.{lang}.txt", render(skm.score(mahulu, by="layanan"), lang, mahulu.name))


def test_mahulu_json(mahulu: Path, golden: Callable[[str, str], None]) -> None:
    text = dumps(result_to_dict(skm.score(mahulu, by="layanan"))) + "\n"
    golden("mahulu.score.json", text)
    assert json.loads(text)["ikm"] == 92.84


@pytest.mark.parametrize("name", ["disdukcapil_tw1_2026.csv", "disdukcapil_tw1_2026.xlsx"])
def test_examples_json(name: str, golden: Callable[[str, str], None]) -> None:
    # both files hold the same survey, so they share one golden file (all but the file's name)
    data = result_to_dict(skm.score(EXAMPLES / name, by="layanan"))
    assert data.pop("source") == name
    text = dumps(data) + "\n"
    golden("disdukcapil_tw1_2026.score.json", text)


def test_messy_example_lists_the_three_bad_cells() -> None:
    responses = skm.load(EXAMPLES / "berantakan.csv", invalid="skip")
    assert [(i.row, i.column, i.value) for i in responses.errors] == [
        (5, "Unsur 3", "5"),
        (10, "Unsur 6", "baik"),
        (12, "Unsur 1", "3,5"),
    ]
    assert responses.respondents == 12
    assert [(s.row, s.reason) for s in responses.skipped] == [(8, "empty")]
