"""``skm rank`` on a generated province: 5 regencies, 10 OPDs, 60 units in three quality tiers.

Every expected value (IKM, ranks, pooled and mean-of-units roll-ups, changes) is computed here
independently, with Fractions, from the answers the test wrote. The tiers are the truth the
rank groups must recover: units within a tier differ only by sampling noise, tiers are far apart.
"""

from __future__ import annotations

import csv
import json
import random
from decimal import ROUND_HALF_UP, Decimal, localcontext
from fractions import Fraction
from pathlib import Path

import numpy as np
import pytest
from typer.testing import CliRunner

from skm.analysis.rank import Ranking, holm_reject, rank_groups, rank_paths
from skm.analysis.stats.numeric import holm
from skm.cli import app
from skm.render.json import dumps, ranking_to_dict
from skm.render.rank import ranking_csv, ranking_html

Row = list[int | None]
TIER_BASE = {1: 4, 2: 3, 3: 2}
N = 60
SMALL_UNIT = "K2-O1-U02"  # 30 respondents, population 50 → minimum 44: below its minimum
TWIN_A, TWIN_B = "K1-O1-U01", "K1-O1-U04"  # identical in truth (the same answers)
BLANKS_UNIT = "K1-O1-U06"  # some blank cells: available-case per element


def unit_keys() -> list[str]:
    return [f"K{k}-O{o}-U{u:02d}" for k in range(1, 6) for o in (1, 2) for u in range(1, 7)]


def tier_of(index: int) -> int:
    return index % 3 + 1


def answers(seed: int, base: int, n: int) -> list[Row]:
    rng = random.Random(seed)
    rows: list[Row] = []
    for _ in range(n):
        row: Row = []
        for _ in range(9):
            r = rng.random()
            v = base if r < 0.7 else (base - 1 if r < 0.85 else base + 1)
            row.append(min(4, max(1, v)))
        rows.append(row)
    return rows


def province_data(period: int) -> dict[str, list[Row]]:
    """Answers per unit; period 0 is the current one, 1 the previous (other noise, one unit swapped)."""
    data: dict[str, list[Row]] = {}
    keys = unit_keys()
    for i, key in enumerate(keys):
        if period == 1 and i == len(keys) - 1:
            continue  # this unit is new in the current period
        seed = 1000 * period + (keys.index(TWIN_A) if key == TWIN_B else i)
        n = 30 if key == SMALL_UNIT else N
        rows = answers(seed, TIER_BASE[tier_of(i)], n)
        if key == BLANKS_UNIT:
            for r, row in enumerate(rows):
                row[r % 9] = None if r % 4 == 0 else row[r % 9]
        data[key] = rows
    if period == 1:
        data["K9-GONE"] = answers(999, 3, N)  # only in the previous period
    return data


def write_unit(path: Path, rows: list[Row]) -> None:
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow([f"U{i}" for i in range(1, 10)])
        writer.writerows([["" if v is None else v for v in row] for row in rows])


def write_units_file(path: Path) -> None:
    rows = [["unit", "nama", "induk", "populasi"], ["P", "Provinsi Contoh", "", ""]]
    for k in range(1, 6):
        rows.append([f"K{k}", f"Kabupaten {k}", "P", ""])
        for o in (1, 2):
            rows.append([f"K{k}-O{o}", f"Dinas {o} Kabupaten {k}", f"K{k}", ""])
    for key in unit_keys():
        rows.append([key, f"Unit {key}", key.rsplit("-", 1)[0], "50"])
    with path.open("w", newline="", encoding="utf-8") as handle:
        csv.writer(handle).writerows(rows)


@pytest.fixture(scope="module")
def province(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    root = tmp_path_factory.mktemp("province")
    paths = {"root": root, "units": root / "units.csv", "now": root / "2026", "before": root / "2025"}
    write_units_file(paths["units"])
    for name, period in (("now", 0), ("before", 1)):
        paths[name].mkdir()
        for key, rows in province_data(period).items():
            write_unit(paths[name] / f"{key}.csv", rows)
    return paths


@pytest.fixture(scope="module")
def ranking(province: dict[str, Path]) -> Ranking:
    return rank_paths([province["now"]], units_file=province["units"], previous=province["before"])


# --- independent arithmetic ---------------------------------------------------------------------


def exact_ikm(rows: list[Row]) -> Fraction:
    nrr = []
    for e in range(9):
        values = [r[e] for r in rows if r[e] is not None]
        nrr.append(Fraction(sum(v for v in values if v is not None), len(values)))
    return 25 * sum(nrr, Fraction(0)) / 9


def shown(value: Fraction) -> Decimal:
    with localcontext() as ctx:
        ctx.prec = 50
        return (Decimal(value.numerator) / Decimal(value.denominator)).quantize(Decimal("0.01"), ROUND_HALF_UP)


def competition_ranks(values: dict[str, Decimal]) -> dict[str, int]:
    return {k: 1 + sum(1 for w in values.values() if w > v) for k, v in values.items()}


# --- the league table ----------------------------------------------------------------------------


@pytest.mark.slow
def test_ikm_and_competition_ranks_match_independent_arithmetic(ranking: Ranking) -> None:
    data = province_data(0)
    expected = {k: shown(exact_ikm(rows)) for k, rows in data.items()}
    assert {u.unit: u.ikm for u in ranking.units} == expected
    assert {u.unit: u.rank for u in ranking.units} == competition_ranks(expected)
    assert [u.rank for u in ranking.units] == sorted(u.rank or 0 for u in ranking.units)  # league order


def test_units_identical_in_truth_share_rank_and_group(ranking: Ranking) -> None:
    a, b = ranking.unit(TWIN_A), ranking.unit(TWIN_B)
    assert a.ikm == b.ikm
    assert a.rank == b.rank
    assert a.rank_group == b.rank_group
    assert a.rank is not None
    assert sum(1 for u in ranking.units if u.rank == a.rank) == 2
    assert all(u.rank != a.rank + 1 for u in ranking.units)  # 1, 2, 2, 4


def test_rank_groups_recover_the_tiers_and_never_split_noise(ranking: Ranking) -> None:
    keys = unit_keys()
    truth = {key: tier_of(i) for i, key in enumerate(keys)}
    assert {u.unit: u.rank_group for u in ranking.units} == truth
    assert ranking.groups == 3
    assert ranking.pairs == 60 * 59 // 2
    for u in ranking.units:
        assert u.ci is not None
        assert u.ikm is not None
        assert u.ci[0] <= u.ikm <= u.ci[1]
        assert u.rank_interval is not None
        # the rank range never leaves the unit's tier (20 units each)
        first = 20 * (truth[u.unit] - 1) + 1
        assert first <= u.rank_interval[0] <= u.rank_interval[1] <= first + 19


def test_minimum_sample_and_flags(ranking: Ranking) -> None:
    small = ranking.unit(SMALL_UNIT)
    assert small.minimum_sample == 44  # Krejcie & Morgan, N = 50
    assert small.sample_met is False
    assert "below-minimum" in small.flags
    assert small.rank is not None  # flagged, still ranked
    others = [u for u in ranking.units if u.unit != SMALL_UNIT]
    assert all(u.sample_met and u.flags == () for u in others)
    assert ranking.unit(TWIN_A).name == f"Unit {TWIN_A}"
    assert ranking.unit(TWIN_A).chain == ("K1-O1", "K1", "P")


def test_rollup_pooled_and_mean_of_units(ranking: Ranking) -> None:
    data = province_data(0)
    parents = {p.unit: p for p in ranking.parents}
    assert set(parents) == {"P", *(f"K{k}" for k in range(1, 6)), *(f"K{k}-O{o}" for k in range(1, 6) for o in (1, 2))}
    for key, p in parents.items():
        members = [u for u in data if u.startswith(key + "-") or key == "P"]
        pooled_rows = [row for u in members for row in data[u]]
        assert p.pooled.ikm == exact_ikm(pooled_rows), key
        assert p.mean_of_units == sum((exact_ikm(data[u]) for u in members), Fraction(0)) / len(members), key
        assert p.units == len(members)
        assert p.respondents == len(pooled_rows)
    assert ranking.pooled is not None
    assert ranking.pooled.pooled.ikm == parents["P"].pooled.ikm
    assert ranking.pooled.pooled.ikm != ranking.pooled.mean_of_units  # the two rules differ (unequal sizes)


def test_weakest_element_across_units(ranking: Ranking) -> None:
    data = province_data(0)
    rows = [r for rs in data.values() for r in rs]
    nrr = {
        f"U{e + 1}": Fraction(sum(r[e] or 0 for r in rows), sum(1 for r in rows if r[e] is not None)) for e in range(9)
    }
    assert ranking.weakest_element == min(nrr, key=lambda c: (nrr[c], int(c[1:])))
    assert sum(ranking.weakest_counts.values()) == 60


@pytest.mark.slow
def test_change_against_previous_period(ranking: Ranking, province: dict[str, Path]) -> None:
    now = {k: shown(exact_ikm(rows)) for k, rows in province_data(0).items()}
    before = {k: shown(exact_ikm(rows)) for k, rows in province_data(1).items()}
    rank_now, rank_before = competition_ranks(now), competition_ranks(before)
    comparison = ranking.comparison
    assert comparison is not None
    assert comparison.only_now == (unit_keys()[-1],)
    assert comparison.only_before == ("K9-GONE",)
    assert {c.unit for c in comparison.changes} == set(now) & set(before)
    for c in comparison.changes:
        assert c.ikm_change == now[c.unit] - before[c.unit]
        assert c.rank_change == rank_before[c.unit] - rank_now[c.unit]
    assert any(c.rank_change != 0 for c in comparison.changes)
    # the previous period given as `skm rank --format json` gives the same change
    prior = rank_paths([province["before"]], units_file=province["units"])
    saved = province["root"] / "2025.json"
    saved.write_text(dumps(ranking_to_dict(prior)) + "\n", encoding="utf-8")
    again = rank_paths([province["now"]], units_file=province["units"], previous=saved)
    assert again.comparison is not None
    assert again.comparison.changes == comparison.changes
    assert again.comparison.only_before == comparison.only_before


@pytest.mark.slow
def test_unit_column_of_one_big_file_equals_one_file_per_unit(province: dict[str, Path], tmp_path: Path) -> None:
    big = tmp_path / "semua.csv"
    with big.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(["Unit", *[f"U{i}" for i in range(1, 10)]])
        for key, rows in province_data(0).items():
            writer.writerows([[key, *["" if v is None else v for v in row]] for row in rows])
    one = rank_paths([big], unit_column="unit", units_file=province["units"])
    many = rank_paths([province["now"]], units_file=province["units"])
    assert ranking_to_dict(one) == ranking_to_dict(many)


# --- statistics building blocks -------------------------------------------------------------


@pytest.mark.parametrize("seed", range(5))
def test_vectorised_holm_agrees_with_adjusted_p_values(seed: int) -> None:
    rng = np.random.default_rng(seed)
    p = np.concatenate([rng.uniform(0, 0.002, 30), rng.uniform(0, 1, 70), [0.001, 0.001]])
    assert holm_reject(p, 0.05).tolist() == [a <= 0.05 for a in holm(p.tolist())]


def test_rank_groups_on_known_estimates() -> None:
    # three clear levels, SE 1: z between levels is 10/sqrt(2) > 7
    assert rank_groups([90, 89.5, 89, 80, 79.9, 60], [1, 1, 1, 1, 1, 1]) == [1, 1, 1, 2, 2, 3]
    assert rank_groups([90, 89], [5, 5]) == [1, 1]  # noise: not separated
    assert rank_groups([], []) == []


# --- command line ----------------------------------------------------------------------------------


@pytest.mark.slow
def test_cli_json_equals_python_api(province: dict[str, Path]) -> None:
    result = CliRunner().invoke(
        app, ["rank", str(province["now"]), "--units", str(province["units"]), "--format", "json"]
    )
    assert result.exit_code == 0, result.output
    api = ranking_to_dict(rank_paths([province["now"]], units_file=province["units"]))
    assert json.loads(result.stdout) == json.loads(json.dumps(api))
    data = json.loads(result.stdout)
    contract = {"unit", "name", "parent", "respondents", "ikm", "ci", "grade", "rank", "rank_group"}
    contract |= {"minimum_sample", "sample_met", "weakest", "flags"}
    assert contract <= set(data["units"][0])
    assert {"parents", "pooled", "method"} <= set(data)
    assert any("Holm" in line for line in data["method"]["text"])


@pytest.mark.slow
def test_cli_outputs_and_safety(province: dict[str, Path], tmp_path: Path) -> None:
    runner = CliRunner()
    few = tmp_path / "few"
    few.mkdir()
    for key in unit_keys()[:12]:
        (few / f"{key}.csv").write_bytes((province["now"] / f"{key}.csv").read_bytes())
    base = ["rank", str(few), "--units", str(province["units"]), "--resamples", "200"]
    for fmt in ("md", "html", "csv", "json", "xlsx", "table"):
        out = tmp_path / f"out.{fmt}"
        result = runner.invoke(app, [*base, "--format", fmt, "-o", str(out)])
        assert result.exit_code == 0, result.output
        assert out.stat().st_size > 0
    again = runner.invoke(app, [*base, "--format", "md", "-o", str(tmp_path / "out.md")])
    assert again.exit_code == 4
    forced = runner.invoke(app, [*base, "--format", "md", "-o", str(tmp_path / "out.md"), "--force"])
    assert forced.exit_code == 0
    before = province["units"].read_bytes()
    onto_input = runner.invoke(app, [*base, "--format", "csv", "-o", str(province["units"]), "--force"])
    assert onto_input.exit_code == 4
    assert province["units"].read_bytes() == before
    md = (tmp_path / "out.md").read_text(encoding="utf-8")
    assert "Holm" in md
    assert "Rata-rata IKM unit" in md
    english = runner.invoke(app, [*base, "--lang", "en"])
    assert english.exit_code == 0
    assert "Pooled IKM" in english.stdout
    assert "Mean of unit IKMs" in english.stdout


def test_cli_refuses_a_broken_units_file(province: dict[str, Path], tmp_path: Path) -> None:
    bad = tmp_path / "units.csv"
    bad.write_text("unit,name,parent,population\nA,Unit A,NOPE,12\nB,Unit B,,dua\n", encoding="utf-8")
    result = CliRunner().invoke(app, ["rank", str(province["now"]), "--units", str(bad), "--lang", "en"])
    assert result.exit_code == 3
    text = " ".join(result.output.split())
    assert "NOPE" in text
    assert "row 3" in text
    assert "Traceback" not in result.output


def test_formula_cells_are_neutralised(tmp_path: Path) -> None:
    folder = tmp_path / "units"
    folder.mkdir()
    write_unit(folder / "=HYPERLINK(1).csv", answers(1, 3, 20))
    write_unit(folder / "ok.csv", answers(2, 3, 20))
    ranking = rank_paths([folder], resamples=100)
    rows = list(csv.reader(ranking_csv(ranking).splitlines()))
    cells = [c for row in rows for c in row]
    assert "'=HYPERLINK(1)" in cells
    assert not any(c.startswith(("=", "+", "@")) for c in cells)
    out = tmp_path / "r.xlsx"
    result = CliRunner().invoke(app, ["rank", str(folder), "--format", "xlsx", "-o", str(out), "--resamples", "100"])
    assert result.exit_code == 0, result.output
    from openpyxl import load_workbook

    ws = load_workbook(out).worksheets[0]
    cell = next(c for row in ws.iter_rows() for c in row if c.value == "=HYPERLINK(1)")
    assert cell.data_type == "s"
    assert cell.quotePrefix


def test_few_respondents_are_shown_but_not_ranked(tmp_path: Path) -> None:
    folder = tmp_path / "units"
    folder.mkdir()
    write_unit(folder / "tiny.csv", answers(1, 4, 3))
    write_unit(folder / "a.csv", answers(2, 3, 40))
    write_unit(folder / "b.csv", answers(3, 2, 40))
    no_u9 = answers(5, 3, 20)
    for row in no_u9:
        row[8] = None
    write_unit(folder / "no-u9.csv", no_u9)
    ranking = rank_paths([folder], resamples=200)
    tiny = ranking.unit("tiny")
    assert tiny.rank is None
    assert tiny.rank_group is None
    assert tiny.flags == ("few-respondents",)
    assert tiny.ikm is not None
    unscored = ranking.unit("no-u9")
    assert unscored.flags == ("not-scored",)
    assert unscored.ikm is None
    assert unscored.rank is None
    assert [u.unit for u in ranking.units] == ["a", "b", "tiny", "no-u9"]
    assert ranking.pooled is not None
    assert ranking.pooled.units == 3  # the whole pools the units that can be scored
    for text in (ranking_csv(ranking), ranking_html(ranking), dumps(ranking_to_dict(ranking))):
        assert "no-u9" in text


# --- the html page in a browser ----------------------------------------------------------------------

CHROMIUM = Path("/usr/bin/chromium")


@pytest.mark.slow
@pytest.mark.skipif(not CHROMIUM.exists(), reason="Debian chromium (/usr/bin/chromium) is not installed")
@pytest.mark.parametrize("width", [390, 1280])
def test_html_fits_phone_and_desktop_without_errors(ranking: Ranking, tmp_path: Path, width: int) -> None:
    sync_api = pytest.importorskip("playwright.sync_api", reason="playwright is not installed (pip install -e .[test])")
    page_file = tmp_path / "rank.html"
    html = ranking_html(ranking)
    assert "<script" not in html
    assert "http" not in html.replace('xmlns="http://www.w3.org/2000/svg"', "")  # self-contained
    page_file.write_text(html, encoding="utf-8")
    errors: list[str] = []
    with sync_api.sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=str(CHROMIUM), args=["--no-sandbox"])
        try:
            page = browser.new_page(viewport={"width": width, "height": 900})
            page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
            page.on("pageerror", lambda e: errors.append(str(e)))
            page.goto(page_file.as_uri())
            scroll_width = page.evaluate("document.documentElement.scrollWidth")
            inner_width = page.evaluate("window.innerWidth")
            dots = page.evaluate("document.querySelectorAll('svg circle').length")
        finally:
            browser.close()
    assert scroll_width <= inner_width
    assert dots == 60
    assert errors == []


def test_unit_tallies_equal_the_score_tallies(province: dict[str, Path]) -> None:
    from skm.analysis.rank import summarise_unit
    from skm.analysis.score import tally_frame
    from skm.readers import read_responses

    responses = read_responses(province["now"] / f"{BLANKS_UNIT}.csv")
    summary = summarise_unit(BLANKS_UNIT, responses.frame, resamples=0)
    assert summary.tallies == tally_frame(responses.frame)
    assert summary.draws.size == 0
    assert any(t.answered < summary.respondents for t in summary.tallies.values())  # blanks not counted


def test_skipped_cells_are_flagged_and_listed(tmp_path: Path) -> None:
    folder = tmp_path / "units"
    folder.mkdir()
    rows = answers(4, 3, 20)
    write_unit(folder / "a.csv", rows)
    bad = [list(r) for r in rows]
    bad[2][1] = 7  # out of scale: row 4 of the file, column U2
    write_unit(folder / "b.csv", bad)
    refused = CliRunner().invoke(app, ["rank", str(folder), "--lang", "en"])
    assert refused.exit_code == 1
    result = CliRunner().invoke(app, ["rank", str(folder), "--invalid", "skip", "--format", "json", "--lang", "en"])
    assert result.exit_code == 0, result.output
    units = {u["unit"]: u for u in json.loads(result.stdout)["units"]}
    assert units["b"]["flags"] == ["skipped-cells"]
    assert units["a"]["flags"] == []
    assert "row 4" in result.stderr
    assert "U2" in result.stderr
    assert "1 invalid cells left out" in result.stderr


@pytest.mark.slow
def test_jobs_give_the_same_ranking_and_errors(province: dict[str, Path], tmp_path: Path) -> None:
    serial = rank_paths([province["now"]], units_file=province["units"], resamples=200)
    parallel = rank_paths([province["now"]], units_file=province["units"], resamples=200, jobs=2)
    assert ranking_to_dict(parallel) == ranking_to_dict(serial)
    folder = tmp_path / "broken"
    folder.mkdir()
    for i in range(4):
        rows = answers(i, 3, 10)
        rows[0][0] = 9 if i % 2 else rows[0][0]
        write_unit(folder / f"u{i}.csv", rows)
    result = CliRunner().invoke(app, ["rank", str(folder), "--jobs", "2", "--lang", "en"])
    assert result.exit_code == 1
    assert "u1.csv" in result.output
    assert "u3.csv" in result.output  # every file's problems at once, across processes
