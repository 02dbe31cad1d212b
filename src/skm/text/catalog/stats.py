"""Wording of ``skm stats``: methods, summaries, table headings and flags."""

from __future__ import annotations

TEXT: dict[str, tuple[str, str]] = {
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
        "Reliabilitas: Cronbach's alpha {alpha} ({verdict}); {valid} dari {k} unsur valid (r hitung > r tabel {r}).",
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
