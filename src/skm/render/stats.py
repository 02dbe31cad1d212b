"""Wording and JSON of ``skm stats``: every figure goes out with the method that produced it.

Registers this area's message templates (Indonesian, English) with :mod:`skm.text`.
"""

from __future__ import annotations

import math
from decimal import Decimal
from typing import Any

from skm.analysis.stats.analyse import CONFIDENCE, SIGNIFICANCE, Flag, StatsResult
from skm.analysis.stats.numeric import TestResult
from skm.analysis.stats.quality import DUPLICATE_WINDOW
from skm.text import Lang, fmt_number, register, t

__all__ = ["flag_label", "method_lines", "stats_to_dict", "summary_lines"]

register(
    {
        "stats-m-reliability": (
            "Reliabilitas: Cronbach's alpha = k/(k−1)·(1 − Σs²ᵢ/s²ₜ) atas skor {k} unsur per responden "
            "(skor unsur = rata-rata pertanyaannya), varians sampel (pembagi n−1). Responden dengan "
            "jawaban kosong dikeluarkan seluruhnya (listwise): n = {n} dari {total}.",
            "Reliability: Cronbach's alpha = k/(k−1)·(1 − Σs²ᵢ/s²ₜ) over the {k} element scores per "
            "respondent (element score = mean of its questions), sample variances (divisor n−1). "
            "Respondents with a blank answer are left out entirely (listwise): n = {n} of {total}.",
        ),
        "stats-m-alpha-deleted": (
            "Alpha jika unsur dihapus: alpha yang sama dihitung tanpa unsur itu.",
            "Alpha if deleted: the same alpha computed without that element.",
        ),
        "stats-m-validity": (
            "Validitas: korelasi Pearson terkoreksi tiap unsur dengan jumlah unsur lainnya (r hitung); "
            "valid bila r hitung > r tabel. r tabel = t/√(df + t²), t = t(1 − 0,05/2; df) dari distribusi "
            "t (scipy), dua sisi, α = 0,05, df = n − 2 = {df}: r tabel = {r}.",
            "Validity: corrected item–total Pearson r of each element with the sum of the other elements; "
            "valid when r > r critical. r critical = t/√(df + t²), t = t(1 − 0.05/2; df) from the t "
            "distribution (scipy), two-tailed, α = 0.05, df = n − 2 = {df}: r critical = {r}.",
        ),
        "stats-m-bootstrap": (
            "Interval kepercayaan {level}%: bootstrap persentil tingkat responden, {resamples} ulangan, "
            "seed {seed} (numpy default_rng). Tiap ulangan menarik {n} responden dengan pengembalian dan "
            "menghitung ulang NRR (rata-rata jawaban yang terisi, kosong tidak dihitung) dan IKM dengan "
            "bobot yang sama; {valid} ulangan sah. Angka titik tetap hasil hitung eksak.",
            "{level}% confidence intervals: respondent-level percentile bootstrap, {resamples} resamples, "
            "seed {seed} (numpy default_rng). Each resample draws {n} respondents with replacement and "
            "recomputes the NRRs (mean of the answers given, blanks left out) and the IKM with the same "
            "weights; {valid} valid resamples. Point figures remain the exact computation.",
        ),
        "stats-m-grade": (
            "Peluang mutu: bagian IKM bootstrap yang jatuh di tiap rentang mutu, setelah dibulatkan "
            "setengah ke atas ke {places} desimal seperti perhitungan IKM ({bands}); peluang mutu lain = "
            "1 − peluang mutu hasil hitung. Distribusi bootstrap dipakai sebagai perkiraan ketidakpastian IKM.",
            "Grade probability: share of bootstrap IKMs in each grade band, after rounding half up to "
            "{places} decimals as the IKM itself is graded ({bands}); probability of another grade = 1 − that "
            "of the computed grade. The bootstrap distribution stands in for the uncertainty of the IKM.",
        ),
        "stats-m-margin": (
            "Margin of error (populasi N = {population}, n = {n}, z = 1,96, koreksi populasi terbatas): "
            "proporsi e = z·√(p(1−p)/n)·√((N−n)/(N−1)) dengan p = 0,5; IKM e = z·s/√n·√((N−n)/(N−1)), "
            "s = simpangan baku skor IKM per responden.",
            "Margin of error (population N = {population}, n = {n}, z = 1.96, finite population correction): "
            "proportion e = z·√(p(1−p)/n)·√((N−n)/(N−1)) with p = 0.5; IKM e = z·s/√n·√((N−n)/(N−1)), "
            "s = standard deviation of the respondents' IKM-scale scores.",
        ),
        "stats-m-groups": (
            "Perbandingan kelompok '{column}': Kruskal–Wallis H (> 2 kelompok, koreksi ties, p dari χ²; "
            "efek ε² = H/(n−1)) atau Mann–Whitney U dua sisi (2 kelompok; efek r rank-biserial = "
            "2U₁/(n₁n₂) − 1) atas skor IKM per responden ({conversion} × Σ bobot × skor unsur; responden "
            "dengan unsur kosong tidak ikut) dan per unsur (p dikoreksi Holm). IK 95% IKM tiap kelompok: "
            "bootstrap persentil yang sama atas responden kelompok itu. Kelompok < {min_group} responden "
            "dilaporkan, tidak dinilai dan tidak diuji.",
            "Group comparison '{column}': Kruskal–Wallis H (> 2 groups, tie-corrected, χ² p-value; effect "
            "ε² = H/(n−1)) or two-sided Mann–Whitney U (2 groups; effect rank-biserial r = 2U₁/(n₁n₂) − 1) "
            "on respondent-level IKM-scale scores ({conversion} × Σ weight × element score; respondents with "
            "a blank element left out) and per element (Holm-adjusted p). Each group's 95% IKM interval: the "
            "same percentile bootstrap over that group's respondents. Groups under {min_group} respondents "
            "are reported, not graded and not tested.",
        ),
        "stats-m-previous": (
            "Perbandingan periode dengan '{file}': Mann–Whitney U dua sisi atas skor IKM per responden "
            "(efek r rank-biserial, positif = periode ini lebih tinggi); selisih IKM dengan interval "
            "bootstrap {level}% (bootstrap independen kedua berkas, seed {seed} dan {seed1}). Berubah "
            "nyata bila p < {sig}; per unsur bila p Holm < {sig}.",
            "Period comparison with '{file}': two-sided Mann–Whitney U on respondent-level IKM-scale "
            "scores (rank-biserial r, positive = this period higher); IKM difference with a {level}% "
            "bootstrap interval (independent bootstraps of both files, seeds {seed} and {seed1}). "
            "Significant when p < {sig}; per element when the Holm-adjusted p < {sig}.",
        ),
        "stats-m-flags": (
            "Tanda mutu data tidak mengubah indeks dengan sendirinya. straight-lining: semua jawaban "
            "(≥ 2 terisi) sama; duplikat: profil ({profile}) dan semua jawaban sama{window}, baris pertama "
            "tidak ditandai; di luar periode: tanggal di luar {period}; kelompok kecil: < {min_group} "
            "responden. Baris = nomor baris di spreadsheet.",
            "Data-quality flags never change the index by themselves. straight-lining: all answers "
            "(≥ 2 given) identical; duplicate: same profile ({profile}) and identical answers{window}, the "
            "first row is not flagged; outside period: dated outside {period}; small group: < {min_group} "
            "respondents. Rows are spreadsheet row numbers.",
        ),
        "stats-s-ci": (
            "IKM {ikm} (mutu {grade}); interval kepercayaan 95% [{low}; {high}] (bootstrap, {n} responden). "
            "Peluang mutu lain: {other}%.",
            "IKM {ikm} (grade {grade}); 95% confidence interval [{low}; {high}] (bootstrap, {n} respondents). "
            "Probability of another grade: {other}%.",
        ),
        "stats-s-alpha": (
            "Reliabilitas: Cronbach's alpha {alpha} ({verdict}); {valid} dari {k} unsur valid "
            "(r hitung > r tabel {r}).",
            "Reliability: Cronbach's alpha {alpha} ({verdict}); {valid} of {k} elements valid (r > r critical {r}).",
        ),
        "stats-s-alpha-none": (
            "Reliabilitas tidak dapat dihitung (terlalu sedikit responden lengkap atau jawaban seragam).",
            "Reliability cannot be computed (too few complete respondents or identical answers).",
        ),
        "stats-s-reliable": ("andal, ≥ 0,70", "reliable, ≥ 0.70"),
        "stats-s-unreliable": ("kurang andal, < 0,70", "not reliable, < 0.70"),
        "stats-s-margin": (
            "Margin of error untuk populasi {population}: ±{prop} poin persen.",
            "Margin of error for a population of {population}: ±{prop} percentage points.",
        ),
        "stats-s-flags": ("Tanda mutu data: {parts}.", "Data-quality flags: {parts}."),
        "stats-s-previous": (
            "Dibanding '{file}' (IKM {prev}): selisih {diff}, IK 95% [{low}; {high}], p {p} ({verdict}).",
            "Against '{file}' (IKM {prev}): difference {diff}, 95% CI [{low}; {high}], p {p} ({verdict}).",
        ),
        "stats-s-significant": ("berubah nyata", "significant change"),
        "stats-s-not-significant": ("tidak berbeda nyata", "not a significant change"),
        "stats-m-window": (", dikirim dalam {minutes} menit", ", submitted within {minutes} minutes"),
        "stats-m-excluded": (
            "--exclude-flagged: {count} dari {total} baris dikeluarkan (straight-lining, duplikat, di luar "
            "periode, tanggal tak terbaca) sebelum semua angka dihitung ulang.",
            "--exclude-flagged: {count} of {total} rows removed (straight-lining, duplicate, outside period, "
            "unreadable date) before every figure was recomputed.",
        ),
        "stats-m-not-excluded": (
            "Semua {total} baris dihitung; gunakan --exclude-flagged untuk menghitung ulang tanpa baris bertanda.",
            "All {total} rows are counted; use --exclude-flagged to recompute without flagged rows.",
        ),
        "stats-note-no-profile": (
            "Duplikat tidak diperiksa: tidak ada kolom profil responden.",
            "Duplicates not checked: no respondent-profile columns.",
        ),
        "stats-note-no-date": (
            "Periode tidak diperiksa: tidak ada kolom tanggal.",
            "Period not checked: no date column.",
        ),
        "stats-flag-straight-lining": ("Jawaban seragam (straight-lining)", "Straight-lining"),
        "stats-flag-duplicate": ("Kiriman ganda", "Duplicate submission"),
        "stats-flag-outside-period": ("Di luar periode", "Outside the period"),
        "stats-flag-date-unreadable": ("Tanggal tak terbaca", "Unreadable date"),
        "stats-flag-small-group": ("Kelompok terlalu kecil", "Group too small"),
        "stats-none": ("tidak ada", "none"),
        "stats-title": ("Keandalan data", "Data reliability"),
        "stats-summary": (
            "IKM {ikm} (mutu {grade}), IK {level}% [{low}; {high}], {n} responden{removed}",
            "IKM {ikm} (grade {grade}), {level}% CI [{low}; {high}], {n} respondents{removed}",
        ),
        "stats-removed": (" ({count} baris bertanda dikeluarkan)", " ({count} flagged rows removed)"),
        "stats-alpha": (
            "Cronbach's alpha {alpha} (n = {n}, {k} unsur)",
            "Cronbach's alpha {alpha} (n = {n}, {k} elements)",
        ),
        "stats-items-title": ("Validitas dan reliabilitas per unsur", "Validity and reliability per element"),
        "stats-r": ("r hitung", "item–total r"),
        "stats-r-crit": ("r tabel", "r critical"),
        "stats-valid": ("valid", "valid"),
        "stats-invalid": ("tidak valid", "not valid"),
        "stats-alpha-deleted": ("alpha jika dihapus", "alpha if deleted"),
        "stats-ci-title": ("NRR dan interval kepercayaan 95%", "NRR and 95% confidence intervals"),
        "stats-ci": ("IK 95%", "95% CI"),
        "stats-grade-title": ("Peluang mutu", "Grade probability"),
        "stats-probability": ("peluang", "probability"),
        "stats-other-grade": ("peluang mutu lain: {p}", "probability of another grade: {p}"),
        "stats-margin": (
            "Margin of error (N = {population}, n = {n}): ±{prop} poin persen (proporsi), ±{ikm} poin IKM",
            "Margin of error (N = {population}, n = {n}): ±{prop} percentage points (proportion), ±{ikm} IKM points",
        ),
        "stats-groups-title": ("Perbandingan kelompok: {column}", "Group comparison: {column}"),
        "stats-group": ("Kelompok", "Group"),
        "stats-not-graded": ("tidak dinilai (kecil)", "not graded (small)"),
        "stats-test": ("uji", "test"),
        "stats-no-test": (
            "Tidak diuji: kurang dari dua kelompok dengan sedikitnya {min_group} responden.",
            "Not tested: fewer than two groups with at least {min_group} respondents.",
        ),
        "stats-effect": ("efek", "effect"),
        "stats-previous-title": ("Dibanding periode lalu: {file}", "Against the previous period: {file}"),
        "stats-previous": ("lalu", "previous"),
        "stats-current": ("kini", "current"),
        "stats-diff": ("selisih", "difference"),
        "stats-significant": ("nyata", "significant"),
        "stats-yes": ("ya", "yes"),
        "stats-no": ("tidak", "no"),
        "stats-flags-title": ("Tanda mutu data", "Data-quality flags"),
        "stats-kind": ("jenis", "kind"),
        "stats-count": ("jumlah", "count"),
        "stats-rows": ("baris", "rows"),
        "stats-methods-title": ("Metode", "Methods"),
        "stats-no-period": ("(tanpa --period)", "(no --period)"),
    }
)


def _r(value: float | None, places: int) -> float | None:
    return None if value is None or not math.isfinite(value) else round(value, places)


def _p(value: float | None) -> float | None:
    return None if value is None else float(f"{value:.4g}")


def _ci(ci: tuple[float, float] | None, places: int) -> list[float] | None:
    return None if ci is None else [round(ci[0], places), round(ci[1], places)]


def flag_label(kind: str, lang: Lang | str = Lang.ID) -> str:
    """Human name of a flag kind."""
    return t(f"stats-flag-{kind}", lang)


def _p_text(value: float, lang: Lang | str) -> str:
    """``= 0,0123`` or ``< 0,0001``."""
    return f"< {_num_text(0.0001, 4, lang)}" if value < 0.0001 else f"= {_num_text(value, 4, lang)}"


def _num_text(value: float, places: int, lang: Lang | str) -> str:
    return fmt_number(f"{value:.{places}f}", lang)


def method_lines(result: StatsResult, lang: Lang | str = Lang.ID) -> dict[str, str]:
    """The method of every figure, one sentence each, keyed by the figure."""
    instrument = result.instrument
    k = len(instrument.elements)
    crit = result.items[0].r_critical if result.items else None
    out = {
        "reliability": t("stats-m-reliability", lang, k=k, n=result.reliability_n, total=result.respondents),
        "alpha_if_deleted": t("stats-m-alpha-deleted", lang),
        "validity": t(
            "stats-m-validity",
            lang,
            df=max(result.reliability_n - 2, 0),
            r="-" if crit is None else _num_text(crit, 4, lang),
        ),
        "bootstrap": t(
            "stats-m-bootstrap",
            lang,
            level=round(CONFIDENCE * 100),
            resamples=result.resamples,
            seed=result.seed,
            n=result.respondents,
            valid=result.resamples_valid,
        ),
        "grade_probability": t("stats-m-grade", lang, places=instrument.grade_decimals, bands=_bands(result, lang)),
    }
    if result.margin is not None:
        out["margin_of_error"] = t("stats-m-margin", lang, population=result.margin.population, n=result.margin.sample)
    if result.groups is not None:
        out["groups"] = t(
            "stats-m-groups",
            lang,
            column=result.groups.column,
            min_group=result.groups.min_group,
            conversion=instrument.conversion,
        )
    if result.previous is not None:
        out["previous"] = t(
            "stats-m-previous",
            lang,
            file=result.previous.source,
            level=round(CONFIDENCE * 100),
            seed=result.seed,
            seed1=result.seed + 1,
            sig=fmt_number(str(SIGNIFICANCE), lang),
        )
    profile_keys = ", ".join(result.duplicate_columns) or "-"
    window = t("stats-m-window", lang, minutes=int(DUPLICATE_WINDOW.total_seconds() // 60)) if result.has_dates else ""
    out["flags"] = t(
        "stats-m-flags",
        lang,
        profile=profile_keys,
        window=window,
        period=result.period.text if result.period else t("stats-no-period", lang),
        min_group=result.groups.min_group if result.groups else "-",
    )
    out["exclusion"] = (
        t("stats-m-excluded", lang, count=len(result.removed_rows), total=result.rows_total)
        if result.exclude_flagged
        else t("stats-m-not-excluded", lang, total=result.rows_total)
    )
    return out


def summary_lines(result: StatsResult, lang: Lang | str = Lang.ID) -> list[str]:
    """A few plain sentences for a report's "Keandalan data" section (methods: :func:`method_lines`).

    Alpha ≥ 0.70 is called reliable (Nunnally's usual threshold); the sentence says so.
    """
    r = result.result
    ci = result.ikm_ci
    lines = [
        t(
            "stats-s-ci",
            lang,
            ikm=fmt_number(r.ikm_display, lang),
            grade=r.grade,
            low="-" if ci is None else _num_text(ci[0], 2, lang),
            high="-" if ci is None else _num_text(ci[1], 2, lang),
            n=result.respondents,
            other=_num_text(100 * (1 - result.grade_probability.get(r.grade, 0.0)), 1, lang),
        )
    ]
    if result.cronbach_alpha is None:
        lines.append(t("stats-s-alpha-none", lang))
    else:
        crit = result.items[0].r_critical if result.items else None
        lines.append(
            t(
                "stats-s-alpha",
                lang,
                alpha=_num_text(result.cronbach_alpha, 4, lang),
                verdict=t("stats-s-reliable" if result.cronbach_alpha >= 0.7 else "stats-s-unreliable", lang),
                valid=sum(1 for i in result.items if i.valid),
                k=len(result.items),
                r="-" if crit is None else _num_text(crit, 4, lang),
            )
        )
    if result.margin is not None:
        lines.append(
            t(
                "stats-s-margin",
                lang,
                population=result.margin.population,
                prop=_num_text(100 * result.margin.proportion, 2, lang),
            )
        )
    if result.previous is not None:
        p = result.previous
        lines.append(
            t(
                "stats-s-previous",
                lang,
                file=p.source,
                prev=fmt_number(p.ikm_previous, lang),
                diff=fmt_number(p.difference, lang),
                low="-" if p.ci is None else _num_text(p.ci[0], 2, lang),
                high="-" if p.ci is None else _num_text(p.ci[1], 2, lang),
                p="-" if p.test is None else _p_text(p.test.p_value, lang),
                verdict=t("stats-s-significant" if p.significant else "stats-s-not-significant", lang),
            )
        )
    found = [f"{flag_label(f.kind, lang)} {len(f.rows)}" for f in result.flags if f.rows]
    lines.append(t("stats-s-flags", lang, parts=", ".join(found) or t("stats-none", lang)))
    lines.append(
        t("stats-m-excluded", lang, count=len(result.removed_rows), total=result.rows_total)
        if result.exclude_flagged
        else t("stats-m-not-excluded", lang, total=result.rows_total)
    )
    return lines


def _bands(result: StatsResult, lang: Lang | str) -> str:
    bands = result.instrument.bands
    parts = [f"{'≥' if b.inclusive else '>'} {fmt_number(b.lower, lang)} {b.grade}" for b in bands[:-1]]
    parts.append(f"{t('else', lang)} {bands[-1].grade}")
    return "; ".join(parts)


def _test(test: TestResult | None) -> dict[str, Any] | None:
    if test is None:
        return None
    return {
        "test": test.test,
        "statistic": round(test.statistic, 4),
        "p_value": _p(test.p_value),
        "effect": _r(test.effect, 4),
        "effect_size": test.effect_name,
        "sizes": list(test.sizes),
    }


def _flag(flag: Flag, lang: Lang | str) -> dict[str, Any]:
    out: dict[str, Any] = {
        "kind": flag.kind,
        "label": flag_label(flag.kind, lang),
        "rows": list(flag.rows),
        "count": len(flag.rows),
        "excludable": flag.excludable,
    }
    if flag.kind == "duplicate":
        out["duplicate_of"] = [{"row": a, "earlier_row": b} for a, b in flag.duplicate_of]
    if flag.kind == "small-group":
        out["groups"] = [{"group": g, "respondents": n} for g, n in flag.groups]
    return out


def _period(result: StatsResult) -> dict[str, str]:
    assert result.period is not None
    p = result.period
    return {"text": p.text, "start": p.start.isoformat(), "end": p.end.isoformat()}


def _dec(value: Decimal) -> float:
    return float(value)


def stats_to_dict(result: StatsResult, lang: Lang | str = Lang.ID) -> dict[str, Any]:
    """The JSON object of ``skm stats --format json`` (stable keys; see docs/stats.md).

    Rounding: alpha and r to 4 decimals, IKM intervals to 2, NRR intervals to 4,
    probabilities and effect sizes to 4, p-values to 4 significant digits.
    """
    r = result.result
    out: dict[str, Any] = {
        "source": result.source,
        "instrument": result.instrument.key,
        "instrument_title": result.instrument.title_en if str(lang) == Lang.EN else result.instrument.title,
        "respondents": result.respondents,
        "rows_total": result.rows_total,
        "removed_rows": list(result.removed_rows),
        "removed_count": len(result.removed_rows),
        "ikm": _dec(r.ikm_display),
        "grade": r.grade,
        "cronbach_alpha": _r(result.cronbach_alpha, 4),
        "reliability_n": result.reliability_n,
        "items": [
            {
                "code": i.code,
                "name": i.name_en if str(lang) == Lang.EN else i.name,
                "item_total_r": _r(i.item_total_r, 4),
                "r_critical": _r(i.r_critical, 4),
                "valid": i.valid,
                "alpha_if_deleted": _r(i.alpha_if_deleted, 4),
            }
            for i in result.items
        ],
        "ikm_ci": _ci(result.ikm_ci, 2),
        "nrr": {e.code: _dec(e.nrr) for e in result.nrr_ci},
        "nrr_ci": {e.code: None if e.low is None or e.high is None else _ci((e.low, e.high), 4) for e in result.nrr_ci},
        "grade_probability": {g: round(p, 4) for g, p in result.grade_probability.items()},
        "grade_other_probability": round(1 - result.grade_probability.get(r.grade, 0.0), 4),
        "bootstrap": {
            "seed": result.seed,
            "resamples": result.resamples,
            "valid_resamples": result.resamples_valid,
            "confidence": CONFIDENCE,
        },
        "margin_of_error": None
        if result.margin is None
        else {
            "population": result.margin.population,
            "sample": result.margin.sample,
            "proportion_pct": round(result.margin.proportion * 100, 2),
            "ikm": _r(result.margin.ikm, 2),
        },
        "comparison": None,
        "previous": None,
        "period": None
        if result.period is None
        else {
            "text": result.period.text,
            "start": result.period.start.isoformat(),
            "end": result.period.end.isoformat(),
        },
        "flags": [_flag(f, lang) for f in result.flags],
        "notes": [t(n, lang) for n in result.notes],
        "methods": method_lines(result, lang),
    }
    if result.groups is not None:
        g = result.groups
        out["comparison"] = {
            "column": g.column,
            "min_group": g.min_group,
            "groups": [
                {
                    "group": s.name,
                    "respondents": s.respondents,
                    "small": s.small,
                    "graded": s.ikm is not None,
                    "ikm": None if s.ikm is None else _dec(s.ikm),
                    "ikm_ci": _ci(s.ci, 2),
                    "grade": s.grade,
                }
                for s in g.groups
            ],
            "ikm_test": _test(g.test),
            "elements": [
                {"code": code, **(_test(test) or {"test": None}), "p_holm": _p(p_holm)}
                for code, test, p_holm in g.elements
            ],
        }
    if result.previous is not None:
        p = result.previous
        out["previous"] = {
            "source": p.source,
            "respondents": p.respondents,
            "ikm_current": _dec(p.ikm_current),
            "ikm_previous": _dec(p.ikm_previous),
            "grade_previous": p.grade_previous,
            "difference": _dec(p.difference),
            "difference_ci": _ci(p.ci, 2),
            "test": _test(p.test),
            "significant": p.significant,
            "elements": [
                {
                    "code": e.code,
                    "nrr_current": _dec(e.current),
                    "nrr_previous": _dec(e.previous),
                    "difference": _dec(e.difference),
                    "difference_ci": _ci(e.ci, 4),
                    "test": _test(e.test),
                    "p_holm": _p(e.p_holm),
                    "significant": e.significant,
                }
                for e in p.elements
            ],
        }
    return out
