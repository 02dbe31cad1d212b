"""Custom instrument files (TOML): validation with line numbers, scoring end to end, --instrument."""

from __future__ import annotations

import json
from fractions import Fraction
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from pydantic import ValidationError
from typer.testing import CliRunner

import skm
from skm.cli import app
from skm.core.calc import ScoringRules, Tally, score_tallies
from skm.core.instrument import KEPMENPAN_25_2004, PERMENPAN_14_2017
from skm.errors import ExitCode, SkmError
from skm.readers.headers import match_header
from skm.readers.instrument_file import (
    InstrumentSpec,
    instrument_from_toml,
    load_instrument_file,
    resolve_instrument,
    toml_line_map,
)
from skm.render.json import result_to_dict
from skm.text import issue_line

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "examples" / "instrumen_kustom.toml"
runner = CliRunner()

LABELS = 'labels = ["Tidak puas", "Kurang puas", "Puas", "Sangat puas"]\n'


def problems(source: str) -> list[tuple[int | None, str]]:
    """(line, problem key) of every issue the file raises."""
    with pytest.raises(SkmError) as info:
        instrument_from_toml(source, file="x.toml")
    assert info.value.exit_code == ExitCode.USAGE
    return [(i.params["line"], str(i.params["problem"])) for i in info.value.issues]  # type: ignore[misc]


def test_example_file_is_valid_with_eight_elements_and_sub_questions() -> None:
    inst = load_instrument_file(EXAMPLE)
    assert inst.key == "contoh-kustom-8"
    assert len(inst.elements) == 8
    assert inst.element("U1").questions[0].key == "u1a"
    assert [q.key for q in inst.element("U1").questions] == ["u1a", "u1b"]
    assert sum(inst.exact_weights()) == 1
    assert inst.element("U3").weight == Fraction(3, 16)
    assert inst.element("U2").labels == ("Tidak puas", "Kurang puas", "Puas", "Sangat puas")
    assert inst.element("U7").labels[0] == "Tidak ada"
    assert inst.bands == PERMENPAN_14_2017.bands


def test_weights_not_summing_to_one_name_the_line() -> None:
    source = (
        LABELS
        + '[[elements]]\ncode = "A"\nname = "Satu"\nweight = "1/2"\n'
        + '[[elements]]\ncode = "B"\nname = "Dua"\nweight = 0.3\n'
    )
    assert problems(source) == [(5, "ip-weight-sum")]
    with pytest.raises(SkmError) as info:
        instrument_from_toml(source, file="x.toml")
    line = issue_line(info.value.issues[0], "en")
    assert line.startswith("x.toml: line 5 (elements[1].weight)")
    assert "4/5" in line
    assert "off by -1/5" in line


def test_weights_may_be_fractions_decimals_or_numbers() -> None:
    source = (
        LABELS
        + '[[elements]]\ncode = "A"\nname = "Satu"\nweight = "1/3"\n'
        + '[[elements]]\ncode = "B"\nname = "Dua"\nweight = "1/6"\n'
        + '[[elements]]\ncode = "C"\nname = "Tiga"\nweight = 0.5\n'
    )
    inst = instrument_from_toml(source)
    assert inst.exact_weights() == (Fraction(1, 3), Fraction(1, 6), Fraction(1, 2))


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        ("title = 'x'\nkey = = 3\n", [(2, "ip-toml")]),
        ("a = [1,\n", [(1, "ip-toml")]),  # at the end of the document: its last line
        ("title = 'x'\n[[elements]]\ncode = 'A'\nnmae = 'typo'\n", [(4, "ip-extra")]),
        ("[[elements]]\nname = 'no code'\n", [(1, "ip-missing")]),
        ("scale = 'big'\n", [(1, "ip-type")]),
        (LABELS + "[[elements]]\ncode = 'A'\nname = 'x'\nweight = 'half'\n", [(5, "ip-weight-format")]),
        (
            LABELS + "[[elements]]\ncode = 'A'\nname = 'x'\nweight = '1/2'\n[[elements]]\ncode = 'B'\nname = 'y'\n",
            [(6, "ip-weight-partial")],  # the element without a weight
        ),
        (
            "[[elements]]\ncode = 'A'\nname = 'x'\nlabels = ['a', 'b']\n[[elements]]\ncode = 'a'\nname = 'y'\n",
            [(4, "ip-labels-count"), (5, "ip-no-labels"), (6, "ip-duplicate")],
        ),
        (
            LABELS + "[[elements]]\ncode = 'A'\nname = 'x'\n  [[elements.questions]]\n  key = 'q 1'\n",
            [(6, "ip-key-format")],
        ),
        ("scale = [1, 5]\n" + "labels = ['1','2','3','4','5']\n", [(1, "ip-bands-needed")]),
        ("scale = [1, 3]\n" + "labels = ['1','2','3']\n", [(1, "ip-conversion"), (1, "ip-bands-needed")]),
        (
            "[[bands]]\ngrade = 'A'\nlower = 80\nperformance = 'Baik'\n"
            "[[bands]]\ngrade = 'B'\nlower = 90\nperformance = 'Kurang'\n",
            [(7, "ip-bands-order")],
        ),
        ("base = 'kepmenpan-1999'\n", [(1, "ip-base")]),
        ("scale = [1, 5]\nconversion = 20\n", [(1, "ip-no-labels"), (1, "ip-bands-needed")]),
        ("[[bands]]\ngrade = 'A'\nlower = 'nan'\nperformance = 'x'\n", [(3, "ip-decimal")]),
    ],
)
def test_invalid_files_give_line_numbered_errors(source: str, expected: list[tuple[int, str]]) -> None:
    assert problems(source) == expected


def test_all_problems_are_reported_at_once_in_line_order() -> None:
    source = (
        LABELS
        + "[[elements]]\ncode = 'A'\nname = 'x'\nweight = 'oops'\n"
        + "[[elements]]\ncode = 'A'\nname = 'y'\nweight = 2\n"
    )
    found = problems(source)
    assert found == [(5, "ip-weight-format"), (7, "ip-duplicate"), (9, "ip-weight-range")]
    assert len(found) == 3  # the repeated code is reported once, not again as a repeated question key


def test_single_value_and_file_wide_problems_come_together() -> None:
    """A broken single value (pydantic field validator) does not hide the file-wide rules."""
    source = (
        "base = 'kepmenpan-1999'\n"
        + "[[elements]]\ncode = 'A'\nname = 'x'\nlabels = ['a', 'b']\n"
        + "[[bands]]\ngrade = 'A'\nlower = 'lots'\nperformance = 'Baik'\n"
        + "[[bands]]\ngrade = 'A'\nlower = 50\nperformance = 'Kurang'\n"
    )
    assert problems(source) == [(1, "ip-base"), (5, "ip-labels-count"), (8, "ip-decimal"), (11, "ip-duplicate")]


def test_the_rules_are_pydantic_validators() -> None:
    """The models carry the rules: validating the spec alone raises the problem keys with their places."""
    with pytest.raises(ValidationError) as single:
        InstrumentSpec.model_validate({"elements": [{"code": "A", "name": "x", "weight": "half"}]})
    assert [(e["type"], e["loc"]) for e in single.value.errors()] == [("ip-weight-format", ("elements", 0, "weight"))]
    with pytest.raises(ValidationError) as wide:
        InstrumentSpec.model_validate({"labels": ["a", "b", "c", "d"], "elements": [{"code": "A"}, {"code": "a"}]})
    assert [(e["type"], e["loc"]) for e in wide.value.errors()] == [
        ("ip-missing", ("elements", 0, "name")),
        ("ip-duplicate", ("elements", 1, "code")),
        ("ip-missing", ("elements", 1, "name")),
    ]
    spec = InstrumentSpec.model_validate({"labels": ["a", "b", "c", "d"]}, context={"stem": "mine"})
    assert spec.instrument.key == "mine"
    assert len(spec.instrument.elements) == 9


def test_line_map_follows_nested_arrays_of_tables() -> None:
    lines = toml_line_map(EXAMPLE.read_text("utf-8"))
    source = EXAMPLE.read_text("utf-8").splitlines()
    assert source[lines[("elements", 0, "questions", 1, "key")] - 1].strip() == 'key = "u1b"'
    assert source[lines[("elements", 2, "weight")] - 1].strip().startswith('weight = "3/16"')


def test_renamed_element_inherits_nothing_but_unrenamed_inherits_text() -> None:
    inst = instrument_from_toml(
        "[[elements]]\ncode = 'U1'\n[[elements]]\ncode = 'U4'\nname = 'Keamanan'\nlabels = ['a','b','c','d']\n"
    )
    assert inst.element("U1").name == "Persyaratan"
    assert inst.element("U1").questions == PERMENPAN_14_2017.element("U1").questions
    assert inst.element("U4").name_en == "Keamanan"
    assert inst.element("U4").questions[0].text == "Keamanan"


def test_headers_for_sub_questions() -> None:
    inst = load_instrument_file(EXAMPLE)
    assert match_header("U1a", inst) is not None
    assert match_header("U1.B", inst).key == "u1b"  # type: ignore[union-attr]
    assert match_header("U1", inst) is None  # which of the two questions? never guessed
    assert match_header("U 8", inst).key == "u8"  # type: ignore[union-attr]
    dotted = instrument_from_toml(
        "[[elements]]\ncode='U1'\nname='x'\nlabels=['a','b','c','d']\n"
        "  [[elements.questions]]\n  key='u1.1'\n  [[elements.questions]]\n  key='u1.2'\n"
    )
    assert match_header("U1.2", dotted).key == "u1.2"  # type: ignore[union-attr]
    assert match_header("U1.1", KEPMENPAN_25_2004) is None  # never U11


CUSTOM_CSV = """No,Jenis Layanan,U1a,U1b,U2,U3,U4,U5,U6,U7,U8
1,KTP,4,2,3,4,3,3,4,2,3
2,KK,3,,3,3,4,3,4,1,3
3,KTP,4,4,2,4,3,4,3,2,4
"""


@pytest.fixture
def custom_csv(tmp_path: Path) -> Path:
    path = tmp_path / "kustom.csv"
    path.write_text(CUSTOM_CSV, encoding="utf-8")
    return path


def test_custom_instrument_with_sub_questions_and_k8_end_to_end(custom_csv: Path) -> None:
    result = skm.score(custom_csv, instrument=str(EXAMPLE))
    # U1 = mean of question means = (11/3 + 6/2) / 2 = 10/3, not the pooled 17/5
    assert result.element("U1").nrr == Fraction(10, 3)
    assert result.element("U1").answered == 3
    assert len(result.elements) == 8
    # by hand: 1/8·(10+8+10+10+11+10)/3 + 3/16·11/3 + 1/16·5/3 = 13/4
    assert result.index == Fraction(13, 4)
    assert result.ikm == Fraction(325, 4)
    assert result.grade == "B"


def test_cli_json_with_instrument_file_equals_api(custom_csv: Path) -> None:
    out = runner.invoke(app, ["score", str(custom_csv), "--instrument", str(EXAMPLE), "--format", "json"])
    assert out.exit_code == ExitCode.OK, out.output
    data = json.loads(out.stdout)
    expected = result_to_dict(skm.score(custom_csv, instrument=load_instrument_file(EXAMPLE)))
    assert data == expected
    assert data["instrument"] == "contoh-kustom-8"
    assert data["instrument_title"].startswith("Kuesioner Dinas Contoh")
    assert data["ikm"] == 81.25


def test_cli_table_names_the_instrument(custom_csv: Path) -> None:
    out = runner.invoke(app, ["score", str(custom_csv), "--instrument", str(EXAMPLE)])
    assert out.exit_code == ExitCode.OK, out.output
    assert "Instrumen: Kuesioner Dinas Contoh 2026" in out.stdout


def test_cli_invalid_instrument_file_exits_2_with_lines(tmp_path: Path, custom_csv: Path) -> None:
    bad = tmp_path / "salah.toml"
    bad.write_text(LABELS + "[[elements]]\ncode = 'A'\nname = 'x'\nweight = '1/3'\n", encoding="utf-8")
    out = runner.invoke(app, ["score", str(custom_csv), "--instrument", str(bad), "--lang", "en"])
    assert out.exit_code == ExitCode.USAGE
    assert "salah.toml: line 5 (elements[1].weight): the weights sum to 1/3" in out.stderr
    assert "Traceback" not in out.output


def test_cli_unknown_instrument_name_exits_2(custom_csv: Path) -> None:
    out = runner.invoke(app, ["score", str(custom_csv), "--instrument", "kepmenpan-1999"])
    assert out.exit_code == ExitCode.USAGE
    assert "kepmenpan-25-2004" in out.stderr


def test_resolve_instrument() -> None:
    assert resolve_instrument(None) is PERMENPAN_14_2017
    assert resolve_instrument("2004") is KEPMENPAN_25_2004
    assert resolve_instrument(EXAMPLE).key == "contoh-kustom-8"
    with pytest.raises(SkmError) as info:
        resolve_instrument("tidak-ada.toml")
    assert info.value.exit_code == ExitCode.USAGE


# --- legacy emulation --------------------------------------------------------------------------


def test_legacy_2004_report_rounded_ni_to_three_decimals() -> None:
    # every element NRR 3.0586 → NI 3.0586, rounded 3.059 → 3.059 × 25 = 76.475 (reference §6)
    n = 10_000
    tallies = {k: Tally((0, 0, n - 586, 586)) for k in KEPMENPAN_25_2004.question_keys}
    result = score_tallies(tallies, n, KEPMENPAN_25_2004, ScoringRules(index_decimals=3))
    assert result.ikm == Fraction("76.475")
    assert result.exact_ikm == Fraction("76.465")
    data = result_to_dict(result)
    assert data["legacy"] == {
        "label": "emulasi lama / legacy emulation",
        "ikm": 76.475,
        "grade": "B",
        "exact_ikm": 76.465,
        "exact_grade": "B",
        "difference": 0.01,
        "index": 3.059,
        "exact_index": 3.0586,
    }


def test_no_legacy_block_for_exact_results(custom_csv: Path) -> None:
    assert "legacy" not in result_to_dict(skm.score(custom_csv, instrument=EXAMPLE))


def _csv_2004(tmp_path: Path, rows: list[list[int]]) -> Path:
    path = tmp_path / "lama.csv"
    header = ",".join(f"U{i}" for i in range(1, 15))
    path.write_text(header + "\n" + "\n".join(",".join(map(str, r)) for r in rows) + "\n", encoding="utf-8")
    return path


def test_legacy_weight_0071_perfect_survey_scores_99_40(tmp_path: Path) -> None:
    path = _csv_2004(tmp_path, [[4] * 14] * 3)
    out = runner.invoke(
        app, ["score", str(path), "--instrument", "kepmenpan-25-2004", "--weight", "0.111", "--format", "json"]
    )
    assert out.exit_code == ExitCode.OK, out.output
    data = json.loads(out.stdout)
    assert data["instrument"] == "kepmenpan-25-2004"
    assert data["legacy"]["ikm"] == 99.4
    assert data["legacy"]["exact_ikm"] == 100
    assert data["legacy"]["difference"] == -0.6


def test_round_nrr_cli_json_equals_api_and_shows_difference(tmp_path: Path) -> None:
    rows = [[3, 4, 2, 3, 3, 4, 3, 3, 2, 4, 3, 3, 4, 3], [4, 3, 3, 3, 2, 4, 4, 3, 3, 3, 3, 4, 4, 2]] * 2
    rows.append([3] * 14)
    path = _csv_2004(tmp_path, rows)
    args = ["score", str(path), "--instrument", "2004", "--round-nrr", "2", "--round-index", "3"]
    out = runner.invoke(app, [*args, "--format", "json"])
    assert out.exit_code == ExitCode.OK, out.output
    data = json.loads(out.stdout)
    rules = ScoringRules(nrr_decimals=2, index_decimals=3)
    api = skm.score(path, instrument="kepmenpan-25-2004", rules=rules)
    assert data == result_to_dict(api)
    assert data["legacy"]["difference"] == float(round(api.ikm - api.exact_ikm, 4))
    table = runner.invoke(app, args)
    assert "Emulasi lama" in table.stdout
    assert "selisih" in table.stdout


def test_toml_examples_in_the_docs_are_valid() -> None:
    text = (ROOT / "docs" / "instrumen.md").read_text("utf-8")
    blocks = [b.split("```", 1)[0] for b in text.split("```toml\n")[1:]]
    assert len(blocks) == 3
    expectation = instrument_from_toml(blocks[2])
    assert expectation.question_keys == ("u1",)
    assert expectation.expectation_keys == ("h1",)
    first = instrument_from_toml(blocks[0])
    assert first.question_keys == ("u1a", "u1b", "u2", "u3")
    assert first.exact_weights() == (Fraction(1, 4), Fraction(1, 4), Fraction(1, 2))
    five = instrument_from_toml(blocks[1])
    assert (five.scale_min, five.scale_max, five.conversion) == (1, 5, 20)
    assert [b.grade for b in five.bands] == ["A", "B", "C", "D"]


def test_five_point_scale_scores_on_20_to_100() -> None:
    text = (ROOT / "docs" / "instrumen.md").read_text("utf-8")
    five = instrument_from_toml(text.split("```toml\n")[2].split("```", 1)[0])
    result = score_tallies({"u1": Tally((0, 0, 0, 1, 1), 1)}, 2, five)
    assert result.ikm == 90  # mean 4.5 × 20
    assert result.grade == "A"


def test_custom_example_data_matches_the_examples_readme() -> None:
    result = skm.score(ROOT / "examples" / "kustom_8_unsur.csv", instrument=EXAMPLE)
    readme = (ROOT / "examples" / "README.md").read_text("utf-8")
    shown = str(result.ikm_display).replace(".", ",")
    assert f"→ IKM {shown} ({result.grade})" in readme
    assert result.element("U1").answered == 30
    assert result.respondents == 30


def test_instrument_file_module_imports_no_cli_or_io_libraries() -> None:
    import subprocess
    import sys

    forbidden = ["typer", "rich", "openpyxl", "pandas", "python_calamine"]
    code = f"import sys, skm.readers.instrument_file; print(','.join(m for m in {forbidden!r} if m in sys.modules))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == ""


@st.composite
def weight_lists(draw: st.DrawFn) -> list[Fraction]:
    """2–12 positive weights that sum to exactly 1."""
    parts = draw(st.lists(st.integers(1, 50), min_size=2, max_size=12))
    total = sum(parts)
    return [Fraction(p, total) for p in parts]


@given(weights=weight_lists(), value=st.integers(1, 4), off=st.sampled_from([0, 1, -1]))
@settings(max_examples=40, deadline=None)
def test_any_weights_summing_to_one_are_accepted_and_others_rejected(
    weights: list[Fraction], value: int, off: int
) -> None:
    if off:
        weights = [*weights[:-1], weights[-1] + Fraction(off, 1000)]
    lines = [LABELS]
    for i, w in enumerate(weights, 1):
        lines.append(f'[[elements]]\ncode = "E{i}"\nname = "Unsur {i}"\nweight = "{w}"\n')
    source = "".join(lines)
    if off and weights[-1] > 0:
        assert problems(source) == [(5, "ip-weight-sum")]  # the first weight's line
        return
    if off:
        return
    inst = instrument_from_toml(source)
    assert inst.exact_weights() == tuple(weights)
    result = score_tallies({k: Tally(tuple(int(v == value) for v in range(1, 5))) for k in inst.question_keys}, 1, inst)
    assert result.index == value  # constant answers give that value whatever the weights


def test_stats_takes_the_instrument_option() -> None:
    data_file = ROOT / "examples" / "kustom_8_unsur.csv"
    out = runner.invoke(app, ["stats", str(data_file), "--instrument", str(EXAMPLE), "--format", "json"])
    assert out.exit_code == ExitCode.OK, out.output
    data = json.loads(out.stdout)
    assert data["instrument"] == "contoh-kustom-8"
    assert data["ikm"] == float(skm.score(data_file, instrument=EXAMPLE).ikm_display)
