"""One JSON contract: what the CLI prints with ``--format json`` is exactly the document the Python
API gives for the same file and options (``skm score``, ``skm stats``), source, skipped cells and
reading warnings included."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

import skm
from skm.cli import app
from skm.errors import ExitCode

runner = CliRunner()
ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"
MAHULU = ROOT / "tests" / "data" / "eskm_setda_mahulu_2025.csv"

# (CLI arguments after the file, the same options for the API)
SCORE_CASES: list[tuple[list[Path], list[str], dict[str, Any]]] = [
    ([MAHULU], [], {}),
    ([MAHULU], ["--by", "layanan"], {"by": "layanan"}),
    ([EXAMPLES / "disdukcapil_tw1_2026.xlsx"], [], {}),
    ([EXAMPLES / "disdukcapil_tw1_2026.xlsx"], ["--by", "layanan", "--lang", "en"], {"by": "layanan", "lang": "en"}),
    ([EXAMPLES / "berantakan.csv"], ["--invalid", "skip"], {"invalid": "skip"}),
    ([EXAMPLES / "berantakan.csv"], ["--invalid", "skip", "--by", "layanan"], {"invalid": "skip", "by": "layanan"}),
    (
        [EXAMPLES / "disdukcapil_tw1_2026.csv"],
        ["--weight", "0.111", "--round-index", "3", "--period", "2026-TW1"],
        {"weight": "0.111", "round_index": 3, "period": "2026-TW1"},
    ),
    ([MAHULU, EXAMPLES / "disdukcapil_tw1_2026.csv"], ["--min-group", "30"], {"min_group": 30}),
    (
        [EXAMPLES / "kustom_8_unsur.csv"],
        ["--instrument", str(EXAMPLES / "instrumen_kustom.toml")],
        {"instrument": EXAMPLES / "instrumen_kustom.toml"},
    ),
]


def _cli_json(*args: str) -> dict[str, Any]:
    result = runner.invoke(app, list(args))
    assert result.exit_code == ExitCode.OK, result.output
    data = json.loads(result.stdout)
    assert isinstance(data, dict)
    return data


@pytest.mark.slow
@pytest.mark.parametrize(("files", "args", "options"), SCORE_CASES)
def test_score_cli_json_equals_api(files: list[Path], args: list[str], options: dict[str, Any]) -> None:
    cli = _cli_json("score", *map(str, files), *args, "--format", "json")
    lang = options.pop("lang", "id")
    source: Path | list[str | Path] = files[0] if len(files) == 1 else list(files)
    api = skm.result_to_dict(skm.score(source, **options), lang)
    assert cli == json.loads(json.dumps(api))
    assert cli["source"] == ", ".join(f.name for f in files)


def test_score_json_carries_the_skipped_cells_and_warnings() -> None:
    data = skm.result_to_dict(skm.score(EXAMPLES / "berantakan.csv", invalid="skip"))
    assert [(c["row"], c["column"], c["value"]) for c in data["skipped_cells"]] == [
        (5, "Unsur 3", "5"),
        (10, "Unsur 6", "baik"),
        (12, "Unsur 1", "3,5"),
    ]
    assert all(c["severity"] == "error" for c in data["skipped_cells"])
    assert "skipped_cells" not in skm.result_to_dict(skm.score(MAHULU))


def test_score_api_refuses_rules_and_legacy_options_together() -> None:
    with pytest.raises(ValueError, match="not both"):
        skm.score(MAHULU, rules=skm.ScoringRules(), weight="0.11")


STATS_CASES: list[tuple[Path, list[str], dict[str, Any]]] = [
    (MAHULU, [], {}),
    (MAHULU, ["--by", "layanan", "--population", "120"], {"by": "layanan", "population": 120}),
    (EXAMPLES / "disdukcapil_tw1_2026.xlsx", ["--by", "layanan"], {"by": "layanan"}),
    (EXAMPLES / "berantakan.csv", ["--invalid", "skip"], {"invalid": "skip"}),
    (
        EXAMPLES / "berantakan.csv",
        ["--invalid", "skip", "--by", "layanan", "--exclude-flagged"],
        {"invalid": "skip", "by": "layanan", "exclude_flagged": True},
    ),
    (
        MAHULU,
        ["--previous", str(EXAMPLES / "disdukcapil_tw1_2026.xlsx"), "--period", "2025", "--lang", "en"],
        {"previous": EXAMPLES / "disdukcapil_tw1_2026.xlsx", "period": "2025", "lang": "en"},
    ),
]


@pytest.mark.slow
@pytest.mark.parametrize(("path", "args", "options"), STATS_CASES)
def test_stats_cli_json_equals_api(path: Path, args: list[str], options: dict[str, Any]) -> None:
    fixed = ["--seed", "7", "--resamples", "200"]
    cli = _cli_json("stats", str(path), *args, *fixed, "--format", "json")
    lang = options.pop("lang", "id")
    api = skm.stats_to_dict(skm.stats(path, seed=7, resamples=200, **options), lang)
    assert cli == json.loads(json.dumps(api))
    assert cli["source"] == path.name
    assert ("skipped_cells" in cli) == (options.get("invalid") == "skip")


def test_only_render_json_writes_json() -> None:
    """One home for the JSON contract: no other module of the package serialises JSON."""
    src = ROOT / "src" / "skm"
    writers = sorted(
        str(p.relative_to(src))
        for p in src.rglob("*.py")
        if "json.dump" in p.read_text(encoding="utf-8") or "as_dict(" in p.read_text(encoding="utf-8")
    )
    assert writers == ["render/json.py"]


def test_csv_rows_are_the_published_projection_and_never_formulas() -> None:
    import pandas as pd

    from skm.render.csv import result_csv

    rows = [[4, 3, 4, 4, 3, 4, 4, 3, 4], [3, 3, 4, 4, 4, 4, 3, 3, 4]] * 3
    frame = pd.DataFrame(rows, columns=[f"U{i}" for i in range(1, 10)])
    frame["layanan"] = ["=HYPERLINK(1)"] * 3 + ["@x"] * 3
    result = skm.score(frame, by="layanan", min_group=1)
    lines = result_csv(result).splitlines()
    assert lines[0] == "group,respondents,code,name,answered,sum,nrr,weighted,converted,grade,instrument"
    first = result.elements[0]
    assert lines[1] == (
        f",6,U1,{first.name},6,{first.sum},{first.nrr_display},{first.weighted_display},"
        f"{first.converted_display},{first.grade},permenpan-14-2017"
    )
    groups = {line.split(",")[0] for line in lines[11:]}
    assert groups == {"'=HYPERLINK(1)", "'@x"}
