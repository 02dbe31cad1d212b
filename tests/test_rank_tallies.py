"""``skm rank`` on tallies files (``skm score --format tallies``), alone, as ``--previous`` and mixed
with responses.

The generated province of tests/test_rank.py is written as unit files and, through ``skm score
--format tallies``, as tallies. From tallies, IKM, grades, ranks and respondents must be exactly
those of the responses; the standard error is a conservative bound, checked here against the
delta-method standard error computed independently from the respondents' answers (with the
covariances the tallies lose).
"""

from __future__ import annotations

import csv
import json
import math
import random
import statistics
from decimal import Decimal
from fractions import Fraction
from pathlib import Path

import numpy as np
import pytest
from openpyxl import load_workbook
from typer.testing import CliRunner

from skm.analysis.rank import (
    INTERVAL_BOOTSTRAP,
    INTERVAL_TALLIES,
    Ranking,
    rank_paths,
    summarise_tallies,
    tallies_se_bound,
    unit_seed,
)
from skm.cli import app
from skm.core.calc import Tally, tally_values
from skm.core.instrument import PERMENPAN_14_2017, Instrument
from skm.core.tallies import GroupTally, TallySet
from skm.render.json import ranking_to_dict
from skm.render.rank import ranking_csv, ranking_html, ranking_markdown
from test_rank import (
    BLANKS_UNIT,
    SMALL_UNIT,
    TWIN_A,
    TWIN_B,
    Row,
    exact_ikm,
    province,  # noqa: F401 - the module-scoped fixture: the same generated province
    province_data,
    shown,
    tier_of,
    unit_keys,
    write_unit,
)

runner = CliRunner()
RESAMPLES = 300
Z = statistics.NormalDist().inv_cdf(0.975)


def score_tallies_file(source: Path, out: Path, *extra: str) -> Path:
    """``skm score SOURCE --format tallies -o OUT``: the tallies the way users make them."""
    result = runner.invoke(app, ["score", str(source), *extra, "--format", "tallies", "-o", str(out)])
    assert result.exit_code == 0, result.output
    return out


@pytest.fixture(scope="module")
def tallied(province: dict[str, Path]) -> dict[str, Path]:  # noqa: F811 - the fixture imported above
    """test_rank's generated province (both periods' unit files) and the tallies skm score makes of it."""
    paths = dict(province)
    root = paths["root"]
    paths["now_tallies"] = score_tallies_file(paths["now"], root / "2026-tallies.csv")
    paths["before_tallies"] = score_tallies_file(paths["before"], root / "2025-tallies.parquet")
    return paths


@pytest.fixture(scope="module")
def from_responses(tallied: dict[str, Path]) -> Ranking:
    return rank_paths([tallied["now"]], units_file=tallied["units"], resamples=RESAMPLES)


@pytest.fixture(scope="module")
def from_tallies(tallied: dict[str, Path]) -> Ranking:
    return rank_paths([tallied["now_tallies"]], units_file=tallied["units"], resamples=RESAMPLES)


# --- independent statistics --------------------------------------------------------------------


def delta_se(rows: list[Row], conversion: int = 25) -> tuple[float, float]:
    """The delta-method standard error of the IKM from respondent data, with every covariance.

    IKM = conversion/9 · Σₖ X̄ₖ (X̄ₖ the mean of question k over the nₖ respondents who answered
    it); Cov(X̄ₖ, X̄ₗ) is estimated by Σ over respondents answering both of (xₖ − X̄ₖ)(xₗ − X̄ₗ),
    divided by nₖ·nₗ. Returns (plug-in se, the same with n/(n − 1) applied to each covariance's
    respondents, the unbiased version).
    """
    k = len(rows[0])
    a = conversion / k
    answered = [[r[q] for r in rows if r[q] is not None] for q in range(k)]
    mean = [sum(v for v in vs if v is not None) / len(vs) for vs in answered]
    n = [len(vs) for vs in answered]
    plug_in = unbiased = 0.0
    for p in range(k):
        for q in range(k):
            both = [(r[p], r[q]) for r in rows if r[p] is not None and r[q] is not None]
            products = sum((x - mean[p]) * (y - mean[q]) for x, y in both if x is not None and y is not None)
            plug_in += a * a * products / (n[p] * n[q])
            m = len(both)
            unbiased += a * a * products / (n[p] * n[q]) * (m / (m - 1) if m > 1 else 1.0)
    return math.sqrt(max(plug_in, 0.0)), math.sqrt(max(unbiased, 0.0))


def bound_by_hand(rows: list[Row], conversion: int = 25) -> float:
    """conversion/9 · Σₖ sₖ/√nₖ with sₖ the sample standard deviation of question k's answers."""
    k = len(rows[0])
    total = 0.0
    for q in range(k):
        values = [float(r[q]) for r in rows if r[q] is not None]
        total += statistics.stdev(values) / math.sqrt(len(values))
    return conversion / k * total


def tallies_of(rows: list[Row], instrument: Instrument = PERMENPAN_14_2017) -> dict[str, Tally]:
    keys = instrument.question_keys
    return {key: tally_values([r[i] for r in rows], instrument) for i, key in enumerate(keys)}


def correlated_unit(seed: int) -> list[Row]:
    """Respondents with a shared satisfaction level (questions correlated) and some blanks."""
    rng = random.Random(seed)
    n = rng.randint(6, 90)
    spread, blank = rng.uniform(0.2, 1.2), rng.uniform(0.0, 0.3)
    rows: list[Row] = []
    for _ in range(n):
        level = rng.gauss(3.0, 0.7)
        row: Row = [min(4, max(1, round(level + rng.gauss(0, spread)))) for _ in range(9)]
        rows.append([None if rng.random() < blank else v for v in row])
    for q in range(9):  # every question answered at least twice
        for r in range(2):
            if rows[r][q] is None:
                rows[r][q] = 3
    return rows


# --- the same province from responses and from tallies --------------------------------------------


@pytest.mark.slow
def test_tallies_give_the_same_ikm_grades_ranks_and_respondents(from_responses: Ranking, from_tallies: Ranking) -> None:
    data = province_data(0)
    assert {u.unit for u in from_tallies.units} == set(data)  # the per-file column names units by stem
    for u in from_tallies.units:
        r = from_responses.unit(u.unit)
        assert u.result is not None
        assert r.result is not None
        assert u.result.ikm == r.result.ikm == exact_ikm(data[u.unit]), u.unit
        assert (u.ikm, u.grade, u.rank, u.respondents, u.weakest) == (r.ikm, r.grade, r.rank, r.respondents, r.weakest)
        assert (u.minimum_sample, u.sample_met, u.flags, u.name, u.chain) == (
            r.minimum_sample,
            r.sample_met,
            r.flags,
            r.name,
            r.chain,
        )
        assert u.interval_method == INTERVAL_TALLIES
        assert r.interval_method == INTERVAL_BOOTSTRAP
    assert [u.unit for u in from_tallies.units] == [u.unit for u in from_responses.units]
    assert from_tallies.unit(SMALL_UNIT).sample_met is False
    assert from_tallies.unit(TWIN_A).rank == from_tallies.unit(TWIN_B).rank
    for mine, theirs in zip(from_tallies.parents, from_responses.parents, strict=True):
        assert (mine.unit, mine.pooled.ikm, mine.mean_of_units, mine.respondents) == (
            theirs.unit,
            theirs.pooled.ikm,
            theirs.mean_of_units,
            theirs.respondents,
        )
    assert from_tallies.pooled is not None
    assert from_responses.pooled is not None
    assert from_tallies.pooled.pooled.ikm == from_responses.pooled.pooled.ikm
    assert from_tallies.weakest_counts == from_responses.weakest_counts


def test_tallies_units_keep_the_tiers_apart_and_never_split_noise(from_tallies: Ranking) -> None:
    truth = {key: tier_of(i) for i, key in enumerate(unit_keys())}
    assert {u.unit: u.rank_group for u in from_tallies.units} == truth
    for u in from_tallies.units:
        assert u.rank_interval is not None
        first = 20 * (truth[u.unit] - 1) + 1
        assert first <= u.rank_interval[0] <= u.rank_interval[1] <= first + 19


def test_bound_matches_its_formula_and_interval(from_tallies: Ranking) -> None:
    data = province_data(0)
    for key in (TWIN_A, TWIN_B, SMALL_UNIT, BLANKS_UNIT, unit_keys()[7], unit_keys()[50]):
        u = from_tallies.unit(key)
        assert u.se is not None
        assert u.se == pytest.approx(bound_by_hand(data[key]), rel=1e-12)
        assert u.ci is not None
        ikm = float(exact_ikm(data[key]))
        low, high = max(25.0, ikm - Z * u.se), min(100.0, ikm + Z * u.se)
        assert abs(float(u.ci[0]) - low) <= 0.005 + 1e-9
        assert abs(float(u.ci[1]) - high) <= 0.005 + 1e-9


@pytest.mark.slow
def test_bound_is_never_below_the_delta_method_se(from_tallies: Ranking, from_responses: Ranking) -> None:
    data = province_data(0)
    for key in (TWIN_A, SMALL_UNIT, BLANKS_UNIT, *unit_keys()[20:26]):
        plug_in, unbiased = delta_se(data[key])
        u = from_tallies.unit(key)
        assert u.se is not None
        assert u.se >= plug_in, key
        if key != BLANKS_UNIT:  # complete answers: the unbiased covariance matrix is bounded too
            assert u.se >= unbiased - 1e-12, key
        bootstrap = from_responses.unit(key).se
        assert bootstrap is not None
        assert u.se >= bootstrap, key  # conservative against the bootstrap as well
    for seed in range(12):  # correlated questions, blanks, small and large units
        rows = correlated_unit(seed)
        plug_in, _ = delta_se(rows)
        bound = tallies_se_bound(tallies_of(rows))
        assert bound == pytest.approx(bound_by_hand(rows), rel=1e-12)
        assert bound >= plug_in, seed


def test_bound_is_tight_when_questions_are_perfectly_correlated() -> None:
    rng = random.Random(3)
    rows: list[Row] = []
    for _ in range(40):
        v = rng.randint(1, 4)
        rows.append([v] * 9)
    _, unbiased = delta_se(rows)
    assert tallies_se_bound(tallies_of(rows)) == pytest.approx(unbiased, rel=1e-12)


def test_bound_weights_sub_questions_and_conversion() -> None:
    from skm.readers.instrument_file import load_instrument_file

    instrument = load_instrument_file(Path(__file__).resolve().parent.parent / "examples" / "instrumen_kustom.toml")
    assert any(len(e.questions) > 1 for e in instrument.elements)
    rng = random.Random(11)
    low, high = instrument.scale_min, instrument.scale_max
    answers = {q: [rng.randint(low, high) for _ in range(rng.randint(3, 30))] for q in instrument.question_keys}
    tallies = {q: tally_values(v, instrument) for q, v in answers.items()}
    expected = 0.0
    for element, weight in zip(instrument.elements, instrument.exact_weights(), strict=True):
        for q in element.questions:
            values = [float(v) for v in answers[q.key]]
            expected += float(weight) / len(element.questions) * statistics.stdev(values) / math.sqrt(len(values))
    assert tallies_se_bound(tallies, instrument) == pytest.approx(instrument.conversion * expected, rel=1e-12)


def test_normal_replicates_are_seeded_per_unit() -> None:
    rows = correlated_unit(5)
    group = GroupTally(len(rows), tallies_of(rows))
    one = summarise_tallies("unit-a", group, resamples=20_000, seed=7)
    assert one.se is not None
    assert np.array_equal(one.draws, summarise_tallies("unit-a", group, resamples=20_000, seed=7).draws)
    assert not np.array_equal(one.draws, summarise_tallies("unit-b", group, resamples=20_000, seed=7).draws)
    expected = np.random.default_rng(unit_seed("unit-a", 7)).standard_normal(20_000)
    ikm = float(exact_ikm(rows))
    assert np.allclose(one.draws, ikm + one.se * expected)
    assert float(np.mean(one.draws)) == pytest.approx(ikm, abs=4 * one.se / math.sqrt(20_000))
    assert float(np.std(one.draws)) == pytest.approx(one.se, rel=0.03)


# --- outputs say which method each unit's interval comes from ------------------------------------------


def test_interval_method_is_labelled_in_every_output(from_tallies: Ranking, tmp_path: Path) -> None:
    data = ranking_to_dict(from_tallies)
    assert {u["interval_method"] for u in data["units"]} == {"tallies-bound"}
    assert data["method"]["interval_methods"] == ["tallies-bound"]
    assert any("Unit dari berkas tallies (60 unit)" in line for line in data["method"]["text"])
    assert not any("bootstrap Bayes tingkat responden" in line for line in data["method"]["text"])
    english = ranking_to_dict(from_tallies, "en")
    assert any("Units from a tallies file (60 units)" in line for line in english["method"]["text"])
    md = ranking_markdown(from_tallies)
    assert md.count(" †") >= 60
    assert "batas atas konservatif" in md
    assert "†" in ranking_html(from_tallies)
    rows = list(csv.DictReader(ranking_csv(from_tallies).splitlines()))
    assert {r["interval_method"] for r in rows if r["kind"] == "unit"} == {"tallies-bound"}
    assert {r["interval_method"] for r in rows if r["kind"] != "unit"} == {""}
    out = tmp_path / "r.xlsx"
    from skm.render.rank import write_ranking_xlsx

    write_ranking_xlsx(from_tallies, out)
    cells = [str(c.value) for ws in load_workbook(out).worksheets for row in ws.iter_rows() for c in row if c.value]
    assert any(c.endswith(" †") for c in cells)
    assert any("Unit dari berkas tallies" in c for c in cells)


def test_cli_json_of_a_tallies_file_equals_the_python_api(tallied: dict[str, Path]) -> None:
    args = [str(tallied["now_tallies"]), "--units", str(tallied["units"]), "--resamples", "200"]
    result = runner.invoke(app, ["rank", *args, "--format", "json"])
    assert result.exit_code == 0, result.output
    api = ranking_to_dict(rank_paths([tallied["now_tallies"]], units_file=tallied["units"], resamples=200))
    assert json.loads(result.stdout) == json.loads(json.dumps(api))
    table = runner.invoke(app, ["rank", *args, "--lang", "en"])
    assert table.exit_code == 0, table.output
    assert "†" in table.stdout
    assert "Units from a tallies file" in " ".join(table.stdout.split())


# --- previous period, mixing, unit columns ---------------------------------------------------------------


@pytest.mark.slow
def test_previous_period_as_a_tallies_file(tallied: dict[str, Path], from_tallies: Ranking) -> None:
    by_files = rank_paths([tallied["now"]], units_file=tallied["units"], previous=tallied["before"], resamples=100)
    by_tallies = rank_paths(
        [tallied["now_tallies"]], units_file=tallied["units"], previous=tallied["before_tallies"], resamples=100
    )
    assert by_files.comparison is not None
    assert by_tallies.comparison is not None
    assert by_tallies.comparison.changes == by_files.comparison.changes
    assert by_tallies.comparison.only_before == ("K9-GONE",)
    assert by_tallies.comparison.only_now == (unit_keys()[-1],)
    before = {k: shown(exact_ikm(rows)) for k, rows in province_data(1).items()}
    for change in by_tallies.comparison.changes:
        assert change.ikm_before == before[change.unit]
    result = runner.invoke(
        app,
        ["rank", str(tallied["now"]), "--previous", str(tallied["before_tallies"]), "--format", "json"],
        catch_exceptions=False,
    )
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["change"]["only_before"] == ["K9-GONE"]


@pytest.mark.slow
def test_a_folder_mixing_tallies_and_responses(
    tallied: dict[str, Path], from_responses: Ranking, tmp_path: Path
) -> None:
    keys = unit_keys()
    mixed, rest = tmp_path / "mixed", tmp_path / "rest"
    mixed.mkdir()
    rest.mkdir()
    for i, key in enumerate(keys):
        target = mixed if i % 2 else rest
        (target / f"{key}.csv").write_bytes((tallied["now"] / f"{key}.csv").read_bytes())
    score_tallies_file(rest, mixed / "the-rest-as-tallies.csv")
    ranking = rank_paths([mixed], units_file=tallied["units"], resamples=RESAMPLES)
    assert {u.unit for u in ranking.units} == set(keys)
    for i, key in enumerate(keys):
        u, r = ranking.unit(key), from_responses.unit(key)
        assert (u.ikm, u.grade, u.rank, u.respondents) == (r.ikm, r.grade, r.rank, r.respondents)
        assert u.interval_method == (INTERVAL_BOOTSTRAP if i % 2 else INTERVAL_TALLIES)
        if i % 2:  # a unit's bootstrap depends on its own answers and key only
            assert u.ci == r.ci
            assert u.se == r.se
    text = ranking_to_dict(ranking)["method"]["text"]
    assert any("Unit dari berkas tallies (30 unit)" in line for line in text)
    assert any("bootstrap Bayes tingkat responden" in line for line in text)
    # the tallies of units also given as responses: the same respondents twice, refused
    twice = runner.invoke(app, ["rank", str(mixed), str(tallied["now_tallies"]), "--lang", "en"])
    assert twice.exit_code == 2
    message = " ".join(twice.output.split())
    assert "counted twice" in message
    assert f"{keys[1]} (2026-tallies.csv / {keys[1]}.csv)" in message
    assert "Traceback" not in twice.output


def test_unit_column_across_a_responses_file_and_a_tallies_file(tallied: dict[str, Path], tmp_path: Path) -> None:
    data = province_data(0)
    keys = unit_keys()
    first, second = tmp_path / "first.csv", tmp_path / "second.csv"
    for path, part in ((first, keys[:30]), (second, keys[30:])):
        with path.open("w", newline="", encoding="utf-8") as handle:
            writer = csv.writer(handle)
            writer.writerow(["Unit", *[f"U{i}" for i in range(1, 10)]])
            for key in part:
                writer.writerows([[key, *["" if v is None else v for v in row]] for row in data[key]])
    second_tallies = score_tallies_file(second, tmp_path / "second-tallies.parquet", "--by", "Unit")
    ranking = rank_paths([first, second_tallies], unit_column="unit", units_file=tallied["units"], resamples=100)
    for key in keys:
        u = ranking.unit(key)
        assert u.ikm == shown(exact_ikm(data[key]))
        assert u.respondents == len(data[key])
        assert u.interval_method == (INTERVAL_BOOTSTRAP if key in keys[:30] else INTERVAL_TALLIES)


def write_two_column_tallies(path: Path, data: dict[str, list[Row]]) -> None:
    """Tallies grouped by unit and by a second column (odd and even respondents)."""
    from skm.render.tallies import tallies_bytes

    groups = {}
    for key, rows in data.items():
        for kind, part in (("ganjil", rows[::2]), ("genap", rows[1::2])):
            groups[(kind, key)] = GroupTally(len(part), tallies_of(part))
    path.write_bytes(tallies_bytes(TallySet(PERMENPAN_14_2017, ("Jenis", "Unit"), groups), path.suffix))


def test_several_group_columns_need_the_unit_column(tmp_path: Path) -> None:
    data = dict(list(province_data(0).items())[:6])
    two = tmp_path / "dua-kolom.csv"
    write_two_column_tallies(two, data)
    refused = runner.invoke(app, ["rank", str(two), "--lang", "en"])
    assert refused.exit_code == 2
    assert "Jenis, Unit" in refused.output
    assert "--unit-column" in refused.output
    unknown = runner.invoke(app, ["rank", str(two), "--unit-column", "Layanan", "--lang", "en"])
    assert unknown.exit_code == 2
    assert "Layanan" in unknown.output
    assert "Jenis, Unit" in unknown.output
    ranking = rank_paths([two], unit_column="unit", resamples=100)  # pooled over Jenis
    assert {u.unit: u.result.ikm for u in ranking.units if u.result} == {k: exact_ikm(v) for k, v in data.items()}
    assert {u.unit: u.respondents for u in ranking.units} == {k: len(v) for k, v in data.items()}
    by_kind = rank_paths([two], unit_column="JENIS", resamples=100)
    assert {u.unit for u in by_kind.units} == {"ganjil", "genap"}
    odd = [row for rows in data.values() for row in rows[::2]]
    assert by_kind.unit("ganjil").result is not None
    assert by_kind.unit("ganjil").result.ikm == exact_ikm(odd)  # type: ignore[union-attr]


def test_tallies_without_group_column_are_one_unit_named_by_the_file(tallied: dict[str, Path], tmp_path: Path) -> None:
    solo = score_tallies_file(tallied["now"] / f"{TWIN_A}.csv", tmp_path / "puskesmas-solo.csv")
    other = tmp_path / "lain.csv"
    write_unit(other, province_data(0)[TWIN_B])
    ranking = rank_paths([solo, other], resamples=100)
    assert [u.unit for u in ranking.units] == ["lain", "puskesmas-solo"]  # twins: equal IKM, key order
    assert ranking.unit("puskesmas-solo").ikm == ranking.unit("lain").ikm
    assert ranking.unit("puskesmas-solo").rank == ranking.unit("lain").rank == 1
    assert ranking.unit("puskesmas-solo").interval_method == INTERVAL_TALLIES
    refused = runner.invoke(app, ["rank", str(solo), "--unit-column", "unit", "--lang", "en"])
    assert refused.exit_code == 2
    assert "no group column 'unit'" in " ".join(refused.output.split())


def test_map_option_maps_a_column_of_every_unit_file(tmp_path: Path) -> None:
    folder = tmp_path / "units"
    folder.mkdir()
    data = dict(list(province_data(0).items())[:3])
    for key, rows in data.items():
        with (folder / f"{key}.csv").open("w", newline="", encoding="utf-8") as handle:
            writer = csv.writer(handle)
            writer.writerow([*[f"U{i}" for i in range(1, 9)], "Kecepatan tanggapan pengaduan"])
            writer.writerows([["" if v is None else v for v in row] for row in rows])
    refused = runner.invoke(app, ["rank", str(folder), "--resamples", "100", "--format", "json"])
    assert refused.exit_code != 0
    result = runner.invoke(app, ["rank", str(folder), "--resamples", "100", "--format", "json", "--map", "I=U9"])
    assert result.exit_code == 0, result.output
    units = {u["unit"]: u for u in json.loads(result.stdout)["units"]}
    assert {k: Decimal(str(u["ikm"])) for k, u in units.items()} == {k: shown(exact_ikm(v)) for k, v in data.items()}
    bad = runner.invoke(app, ["rank", str(folder), "--map", "I"])
    assert bad.exit_code == 2


def test_exact_fraction_arithmetic_is_kept(from_tallies: Ranking) -> None:
    u = from_tallies.unit(BLANKS_UNIT)
    assert u.result is not None
    assert isinstance(u.result.ikm, Fraction)
    assert u.result.ikm == exact_ikm(province_data(0)[BLANKS_UNIT])


def test_a_semicolon_tallies_file_is_recognised(tallied: dict[str, Path], tmp_path: Path) -> None:
    comma = score_tallies_file(tallied["now"] / f"{TWIN_A}.csv", tmp_path / "koma.csv")
    semicolon = tmp_path / "titik-koma.csv"
    semicolon.write_text(comma.read_text(encoding="utf-8").replace(",", ";"), encoding="utf-8")
    ranking = rank_paths([semicolon], resamples=100)
    assert [u.unit for u in ranking.units] == ["titik-koma"]
    assert ranking.units[0].interval_method == INTERVAL_TALLIES
    assert ranking.units[0].ikm == shown(exact_ikm(province_data(0)[TWIN_A]))


@pytest.mark.parametrize("count", ["abc", "-2", "2.5"])
def test_a_bad_count_in_a_tallies_file_names_file_row_and_column(tmp_path: Path, count: str) -> None:
    """A count that is no whole number ≥ 0: exit 3, one line naming the file, row and column, no traceback."""
    path = tmp_path / "rusak.csv"
    path.write_text(f"Jenis Layanan,question,answer,count\nKTP,*,,10\nKTP,u1,3,{count}\n", encoding="utf-8")
    for command in (["rank", str(path)], ["score", str(path)]):
        result = runner.invoke(app, [*command, "--lang", "en"])
        assert result.exit_code == 3, result.output
        expected = f"Tallies file 'rusak.csv', row 3, column 'count': '{count}' is not a valid whole number"
        assert expected in result.output
        assert "Traceback" not in result.output


@pytest.mark.parametrize(
    ("row", "expected_en", "expected_id"),
    [
        ("KTP,u1,3", "row 3: it holds 3 cells where the header has 4.", "baris 3: berisi 3 sel, padahal"),
        ("KTP,u12,3,5", "row 3: question 'u12' is not a question of this instrument.", "question 'u12' bukan"),
        ("KTP,u1,7,5", "row 3: answer '7' for u1 is outside the scale 1–4.", "answer '7' untuk u1 di luar skala 1–4"),
        ("KTP,u1,,5", "row 3: answer '' for u1 is outside the scale 1–4.", "answer '' untuk u1 di luar skala"),
    ],
)
def test_a_row_that_is_no_tally_names_file_row_and_reason_in_both_languages(
    tmp_path: Path, row: str, expected_en: str, expected_id: str
) -> None:
    """Wrong cell count, unknown question, answer off the scale: exit 3, one line with the file, the row
    and the reason in the user's language (no English reason inside an Indonesian sentence), no Excel advice."""
    path = tmp_path / "rusak.csv"
    path.write_text(f"Jenis Layanan,question,answer,count\nKTP,*,,10\n{row}\n", encoding="utf-8")
    for command in (["rank", str(path)], ["score", str(path)]):
        english = runner.invoke(app, [*command, "--lang", "en"])
        assert english.exit_code == 3, english.output
        assert f"Tallies file 'rusak.csv', {expected_en}" in english.output
        assert "Excel" not in english.output
        assert "Traceback" not in english.output
        indonesian = runner.invoke(app, command)
        assert indonesian.exit_code == 3, indonesian.output
        assert "Berkas tallies 'rusak.csv'" in indonesian.output
        assert expected_id in indonesian.output
        assert " row " not in indonesian.output
        assert "outside" not in indonesian.output


def test_tallies_files_grouped_differently_name_both_files_and_their_columns(tmp_path: Path) -> None:
    a = tmp_path / "a.csv"
    a.write_text("Jenis Layanan,question,answer,count\nKTP,*,,2\nKTP,u1,3,2\n", encoding="utf-8")
    b = tmp_path / "b.csv"
    b.write_text("Kecamatan,question,answer,count\nX,*,,2\nX,u1,4,2\n", encoding="utf-8")
    result = runner.invoke(app, ["score", str(a), str(b), "--lang", "en"])
    assert result.exit_code == 3, result.output
    assert "Tallies file 'b.csv' is grouped by 'Kecamatan', but 'a.csv' by 'Jenis Layanan'" in result.output
    assert "Traceback" not in result.output


def test_reading_options_that_do_not_apply_to_tallies_units_are_named_on_stderr(tallied: dict[str, Path]) -> None:
    args = ["rank", str(tallied["now_tallies"]), "--units", str(tallied["units"]), "--resamples", "100"]
    quiet = runner.invoke(app, [*args, "--format", "json", "--lang", "en"])
    assert quiet.exit_code == 0, quiet.output
    assert "do not apply" not in quiet.stderr
    told = runner.invoke(app, [*args, "--format", "json", "--lang", "en", "--invalid", "skip", "--sheet", "2"])
    assert told.exit_code == 0, told.output
    assert "Note: --sheet, --invalid do not apply to the" in " ".join(told.stderr.split())
    assert json.loads(told.stdout) == json.loads(quiet.stdout)  # the ranking itself is unchanged
    indonesian = runner.invoke(app, [*args, "--format", "json", "--invalid", "skip"])
    assert "Catatan: --invalid tidak berlaku untuk" in " ".join(indonesian.stderr.split())
