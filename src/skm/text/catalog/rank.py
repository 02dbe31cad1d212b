"""Wording of ``skm rank`` (Indonesian, English), loaded by :mod:`skm.text`.

Every key is prefixed ``rank-`` so it cannot clash with another area's keys.
"""

from __future__ import annotations

TEXT: dict[str, tuple[str, str]] = {
    # units file and previous period
    "rank-units-invalid": (
        "Berkas unit '{file}' tidak valid: {problems}. Format: CSV dengan kolom unit, nama, induk, "
        "populasi (lihat docs/rank.md).",
        "Units file '{file}' is not valid: {problems}. Format: CSV with columns unit, name, parent, "
        "population (see docs/rank.md).",
    ),
    "rank-units-no-unit-column": (
        "tidak ada kolom 'unit' (atau 'kode'); kolom yang ada: {columns}",
        "no 'unit' (or 'kode') column; columns found: {columns}",
    ),
    "rank-units-blank-unit": ("baris {row}: kode unit kosong", "row {row}: blank unit key"),
    "rank-units-duplicate": ("baris {row}: unit '{unit}' sudah ada", "row {row}: unit '{unit}' appears twice"),
    "rank-units-bad-population": (
        "baris {row}: populasi '{value}' bukan bilangan bulat positif",
        "row {row}: population '{value}' is not a positive whole number",
    ),
    "rank-units-unknown-parent": (
        "induk '{parent}' dari unit '{unit}' tidak ada di berkas",
        "parent '{parent}' of unit '{unit}' is not in the file",
    ),
    "rank-units-cycle": ("rantai induk unit '{unit}' berputar", "the parent chain of unit '{unit}' loops"),
    "rank-json-kind": ("JSON skm rank", "skm rank JSON"),
    "rank-no-input": ("beri BERKAS atau FOLDER", "give FILES or a FOLDER"),
    # tallies files (skm score --format tallies)
    "rank-tallies-options-ignored": (
        "Catatan: {options} tidak berlaku untuk {count} unit dari berkas tallies ({units}): tallies sudah "
        "berisi jumlah jawaban yang sah per pertanyaan, tanpa sheet, sel atau label.",
        "Note: {options} do not apply to the {count} unit(s) read from tallies files ({units}): tallies already "
        "hold the valid answers' counts per question, with no sheet, cells or labels.",
    ),
    "rank-tallies-several-groups": (
        "Berkas tallies '{file}' dikelompokkan menurut beberapa kolom ({columns}); pilih kolom yang menamai "
        "unit dengan --unit-column KOLOM (kolom lain digabung).",
        "Tallies file '{file}' is grouped by several columns ({columns}); choose the column naming the unit "
        "with --unit-column COLUMN (the others are pooled).",
    ),
    "rank-tallies-unknown-column": (
        "Berkas tallies '{file}' tidak punya kolom kelompok '{column}'; kolom kelompoknya: {columns}.",
        "Tallies file '{file}' has no group column '{column}'; its group columns: {columns}.",
    ),
    "rank-tallies-and-responses": (
        "Unit berikut ada di berkas tallies dan juga di berkas jawaban, kemungkinan responden yang sama "
        "terhitung dua kali; beri salah satunya saja: {units}",
        "These units are in a tallies file and also in responses, most likely the same respondents counted "
        "twice; give only one of them: {units}",
    ),
    "rank-more-units": ("… dan {count} unit lainnya", "… and {count} more units"),
    # titles and headers
    "rank-title": ("Peringkat unit pelayanan", "Ranking of service units"),
    "rank-rank": ("Peringkat", "Rank"),
    "rank-unit": ("Unit", "Unit"),
    "rank-parent": ("Induk", "Parent"),
    "rank-respondents": ("Responden", "Respondents"),
    "rank-minimum": ("Sampel min.", "Min. sample"),
    "rank-met": ("Cukup", "Met"),
    "rank-ci": ("Interval 95 %", "95 % interval"),
    "rank-interval": ("Rentang peringkat", "Rank range"),
    "rank-group": ("Kelompok", "Group"),
    "rank-weakest": ("Unsur terlemah", "Weakest element"),
    "rank-flags": ("Catatan", "Flags"),
    "rank-yes": ("ya", "yes"),
    "rank-short-rank": ("#", "#"),
    "rank-short-minimum": ("n min", "n min"),
    "rank-short-interval": ("Rentang", "Range"),
    "rank-short-group": ("Kel.", "Grp"),
    "rank-short-weakest": ("Terlemah", "Weakest"),
    "rank-no": ("tidak", "no"),
    "rank-parents-title": (
        "Rekap per induk: IKM gabungan (semua responden) dan rata-rata IKM unit",
        "Roll-up per parent: pooled IKM (all respondents) and mean of unit IKMs",
    ),
    "rank-pooled": ("IKM gabungan (responden digabung)", "Pooled IKM (respondents pooled)"),
    "rank-mean": ("Rata-rata IKM unit (tidak berbobot)", "Mean of unit IKMs (unweighted)"),
    "rank-units-count": ("Unit", "Units"),
    "rank-whole": ("Keseluruhan", "Whole"),
    "rank-elements-title": ("NRR per unit dan unsur", "NRR per unit and element"),
    "rank-weakest-overall": (
        "Unsur terlemah secara keseluruhan: {code} {name} (NRR gabungan {nrr}); "
        "unsur terlemah di {count} dari {units} unit.",
        "Weakest element overall: {code} {name} (pooled NRR {nrr}); the weakest element in {count} of {units} units.",
    ),
    "rank-change-title": (
        "Perubahan dibanding periode sebelumnya ({source})",
        "Change against the previous period ({source})",
    ),
    "rank-before": ("Sebelum", "Before"),
    "rank-now": ("Sekarang", "Now"),
    "rank-change": ("Perubahan", "Change"),
    "rank-grade-change": ("Mutu", "Grade"),
    "rank-rank-change": ("Peringkat", "Rank"),
    "rank-only-now": ("Hanya ada di periode ini: {units}", "Only in this period: {units}"),
    "rank-only-before": ("Hanya ada di periode sebelumnya: {units}", "Only in the previous period: {units}"),
    "rank-without-data": (
        "Unit di berkas unit tanpa data: {units}",
        "Units in the units file without data: {units}",
    ),
    "rank-plot-title": (
        "IKM per unit dengan interval 95 %, diurutkan; latar berwarna menunjukkan batas mutu, pita abu-abu "
        "bergantian menandai kelompok unit yang tidak dapat dibedakan",
        "IKM per unit with 95 % intervals, sorted; the coloured background shows the grade bands, alternating "
        "grey stripes mark the groups of units that cannot be told apart",
    ),
    "rank-table-title": ("Tabel peringkat", "League table"),
    "rank-method-title": ("Metode", "Method"),
    # flags
    "rank-flag-few-respondents": (
        "responden < {minimum}: tidak diperingkat",
        "fewer than {minimum} respondents: not ranked",
    ),
    "rank-flag-below-minimum": ("di bawah sampel minimum", "below the minimum sample"),
    "rank-flag-not-scored": ("ada unsur tanpa jawaban: IKM tidak dihitung", "an element without answers: no IKM"),
    "rank-flag-skipped-cells": ("ada sel tidak valid yang dilewati", "invalid cells were left out"),
    "rank-flag-reading-warnings": ("ada peringatan saat membaca", "warnings while reading"),
    "rank-flag-not-in-units-file": ("tidak ada di berkas unit", "not in the units file"),
    # method, one sentence each
    "rank-method-rank": (
        "Peringkat: peringkat kompetisi menurut IKM yang ditampilkan (2 desimal, dibulatkan setengah ke atas); "
        "IKM sama, peringkat sama (1, 2, 2, 4). Unit dengan kurang dari {minimum} responden tidak diperingkat.",
        "Rank: competition ranking on the displayed IKM (2 decimals, rounded half up); equal IKMs share a rank "
        "(1, 2, 2, 4). Units with fewer than {minimum} respondents are not ranked.",
    ),
    "rank-method-ci": (
        "Interval 95 %: persentil 2,5 % dan 97,5 % dari {resamples} replikasi bootstrap Bayes tingkat responden "
        "(bobot Dirichlet(1, …, 1) per responden) per unit "
        "(seed {seed} + crc32(kode unit)).",
        "95 % interval: the 2.5 % and 97.5 % percentiles of {resamples} respondent-level Bayesian bootstrap "
        "replicates (Dirichlet(1, …, 1) respondent weights) per unit (seed {seed} + crc32(unit key)).",
    ),
    "rank-method-tallies": (
        "† Unit dari berkas tallies ({count} unit): tally per pertanyaan tidak memuat kovarians antar "
        "pertanyaan, sehingga responden tidak dapat di-bootstrap. IKM, mutu, peringkat, responden dan unsur "
        "terlemah tetap eksak; galat bakunya adalah batas atas konservatif se = {conversion} × Σ aₖ·sₖ/√nₖ "
        "(aₖ bobot unsur dibagi jumlah pertanyaannya, sₖ simpangan baku jawaban pertanyaan k, nₖ jumlah "
        "jawabannya), yang berlaku untuk korelasi apa pun; interval 95 % = IKM ± 1,96·se (dibatasi "
        "{low}–{high}); rentang peringkat memakai {resamples} tarikan normal IKM + se·N(0, 1) dengan seed "
        "yang sama, dan uji kelompok memakai se ini. Karena konservatif, unit ini lebih jarang dipisahkan, "
        "tidak pernah lebih sering.",
        "† Units from a tallies file ({count} units): per-question tallies do not hold the covariance between "
        "questions, so respondents cannot be bootstrapped. IKM, grade, rank, respondents and weakest element "
        "are still exact; the standard error is the conservative upper bound se = {conversion} × Σ aₖ·sₖ/√nₖ "
        "(aₖ the element's weight divided by its number of questions, sₖ the standard deviation of question "
        "k's answers, nₖ its number of answers), which holds for any correlation; 95 % interval = IKM ± "
        "1.96·se (clipped to {low}–{high}); the rank range uses {resamples} normal draws IKM + se·N(0, 1) with "
        "the same seed, and the group test uses this se. Being conservative, these units are separated less "
        "often, never more.",
    ),
    "rank-method-interval": (
        "Rentang peringkat: replikasi ke-b semua unit membentuk satu peringkat bersama; rentang adalah persentil "
        "2,5 % dan 97,5 % dari peringkat unit itu pada {resamples} replikasi bersama.",
        "Rank range: replicate b of every unit forms one joint ranking; the range is the 2.5 % and 97.5 % "
        "percentiles of the unit's rank over the {resamples} joint replicates.",
    ),
    "rank-method-group": (
        "Kelompok: setiap pasangan unit ({pairs} pasangan) diuji dengan uji z dua sisi atas selisih IKM "
        "(galat baku bootstrap; untuk unit † batas atasnya), "
        "dikoreksi bersama dengan metode Holm pada α = {alpha}. Dari IKM tertinggi ke "
        "bawah, unit pertama memimpin kelompok 1; unit berikutnya masuk kelompok yang sama kecuali berbeda "
        "nyata dari pemimpinnya, lalu ia memimpin kelompok baru. Unit dalam satu kelompok tidak dapat "
        "dibedakan dari pemimpinnya: perbedaannya tidak lebih besar dari kebetulan.",
        "Group: every pair of units ({pairs} pairs) is compared with a two-sided z test on the IKM difference "
        "(bootstrap standard errors; for † units their upper bound), "
        "corrected together with Holm's method at α = {alpha}. From the highest "
        "IKM down, the first unit leads group 1; each next unit joins the current group unless it differs "
        "significantly from its leader, in which case it leads a new group. Units in one group cannot be told "
        "apart from their leader: their difference is not larger than chance.",
    ),
    "rank-method-rollup": (
        "Rekap: IKM gabungan menghitung semua responden unit-unit di bawahnya bersama-sama (aturan peraturan); "
        "rata-rata IKM unit adalah rata-rata tidak berbobot dari IKM eksak unit yang dapat dihitung.",
        "Roll-up: the pooled IKM scores all respondents of the units below together (the regulation's rule); "
        "the mean of unit IKMs is the unweighted mean of the exact IKMs of the units that can be scored.",
    ),
    "rank-method-sample": (
        "Sampel minimum: Krejcie & Morgan dari populasi di berkas unit (dibulatkan setengah ke atas).",
        "Minimum sample: Krejcie & Morgan from the population in the units file (rounded half up).",
    ),
}
