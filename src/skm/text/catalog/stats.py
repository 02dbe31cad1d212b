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
        "Validitas, dua ukuran yang berbeda: (1) uji signifikansi — r hitung (korelasi Pearson terkoreksi "
        "tiap unsur dengan jumlah unsur lainnya) > r tabel, “valid” menurut kebiasaan; r tabel = "
        "t/√(df + t²), t = t(1 − 0,05/2; df) (distribusi t Student), dua sisi, α = 0,05, df = n − 2 = {df}: "
        "r tabel = {r}. "
        "Uji ini bergantung pada n: r yang sama menjadi “valid” bila responden bertambah. "
        "(2) daya beda — r hitung ≥ {threshold} (ambang lazim, tidak bergantung pada n).",
        "Validity, two different measures: (1) significance test — the corrected item–total Pearson r of "
        "each element with the sum of the other elements > r critical, the customary “valid”; "
        "r critical = t/√(df + t²), t = t(1 − 0.05/2; df) (Student's t distribution), two-tailed, α = 0.05, "
        "df = n − 2 = {df}: "
        "r critical = {r}. This test depends on n: the same r turns “valid” with more respondents. "
        "(2) item discrimination — r ≥ {threshold} (the usual rule of thumb, independent of n).",
    ),
    "stats-m-bootstrap": (
        "Interval kepercayaan {level}%: bootstrap Bayes tingkat responden (Rubin 1981) dengan prior lemah, "
        "{resamples} ulangan, seed {seed} (numpy default_rng). Tiap ulangan memberi {n} responden bobot acak "
        "Dirichlet(1, …, 1), ditambah {prior} responden semu yang tersebar rata di nilai jawaban {low}–{high} "
        "(supaya interval tidak menyempit menjadi satu titik bila semua menjawab sama), lalu menghitung ulang "
        "NRR (rata-rata jawaban yang terisi) dan IKM dengan bobot yang sama; {valid} ulangan sah; interval = "
        "persentil 2,5 dan 97,5. Di bawah {minimum} responden (atau jawaban suatu unsur) interval tidak "
        "diberikan. Angka titik tetap hasil hitung eksak.",
        "{level}% confidence intervals: respondent-level Bayesian bootstrap (Rubin 1981) with a weak prior, "
        "{resamples} resamples, seed {seed} (numpy default_rng). Each resample gives the {n} respondents "
        "random Dirichlet(1, …, 1) weights, plus {prior} pseudo-respondent spread evenly over the answer "
        "values {low}–{high} (so that an interval does not collapse to a point when everyone answers alike), "
        "and recomputes the NRRs (mean of the answers given) and the IKM with the same weights; {valid} valid "
        "resamples; interval = 2.5th and 97.5th percentiles. Below {minimum} respondents (or answers to an "
        "element) no interval is given. Point figures remain the exact computation.",
    ),
    "stats-m-bootstrap-normal": (
        "Mulai {limit} responden (berkas ini, kelompok, atau berkas pembanding), jumlah bobot tiap ulangan "
        "tidak ditarik sebagai satu variabel Gamma per pola jawaban, melainkan dari batas normalnya untuk "
        "sampel besar: S = Σ W·z (z = nilai dan tanda terisi tiap pola, W ~ Gamma(banyak responden pola)) "
        "berdistribusi normal dengan rata-rata Σ c·z dan kovarians Σ c·z·zᵀ yang persis sama; dari S dihitung "
        "rasio yang sama (rata-rata pertanyaan, NRR, IKM). Seed yang sama memberi hasil yang sama.",
        "From {limit} respondents on (this file, a group or a compared file) each resample's sums of weights "
        "are not drawn as one Gamma variable per answer pattern but from their large-sample normal limit: "
        "S = Σ W·z (z = each pattern's values and answered flags, W ~ Gamma(the pattern's respondents)) is "
        "normal with exactly the same mean Σ c·z and covariance Σ c·z·zᵀ; the same ratios (question means, "
        "NRR, IKM) are computed from S. The same seed gives the same results.",
    ),
    "stats-m-grade": (
        "Stabilitas mutu: bagian ulangan bootstrap yang IKM-nya (dibulatkan setengah ke atas ke {places} "
        "desimal, {bands}) jatuh di tiap mutu. Ini mengukur seberapa mantap mutu bila survei diulang dengan "
        "responden serupa, BUKAN peluang bahwa mutu itu benar: di dekat batas mutu angka ini bisa 0,76 padahal "
        "mutu yang dilaporkan hanya benar sekitar 60% kali (lihat docs/stats.md).",
        "Grade stability: share of bootstrap resamples whose IKM (rounded half up to {places} decimals, "
        "{bands}) falls in each grade. It measures how steady the grade is if the survey were repeated with "
        "similar respondents, NOT the probability that the grade is right: near a grade bound it can read 0.76 "
        "while the reported grade is right only about 60% of the time (see docs/stats.md).",
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
        "2U₁/(n₁n₂) − 1) atas skor IKM per responden ({conversion} × Σ bobot × skor unsur, dihitung eksak "
        "lalu diberi peringkat sehingga skor yang sama adalah ties; responden dengan unsur kosong tidak "
        "ikut) dan per unsur (p dikoreksi Holm). Uji ini membandingkan sebaran skor antar kelompok, bukan "
        "IKM kelompok yang ditampilkan. IK 95% IKM tiap kelompok: bootstrap yang sama atas responden "
        "kelompok itu (hanya kelompok ≥ {minimum} responden). Kelompok < {min_group} responden "
        "dilaporkan, tidak dinilai dan tidak diuji.",
        "Group comparison '{column}': Kruskal–Wallis H (> 2 groups, tie-corrected, χ² p-value; effect "
        "ε² = H/(n−1)) or two-sided Mann–Whitney U (2 groups; effect rank-biserial r = 2U₁/(n₁n₂) − 1) "
        "on respondent-level IKM-scale scores ({conversion} × Σ weight × element score, computed exactly "
        "and then ranked, so equal scores are ties; respondents with a blank element left out) and per "
        "element (Holm-adjusted p). These tests compare the distributions of scores between groups, not "
        "the group IKMs shown. Each group's 95% IKM interval: the same bootstrap over that group's "
        "respondents (groups of ≥ {minimum} respondents only). Groups under {min_group} respondents are "
        "reported, not graded and not tested.",
    ),
    "stats-m-previous": (
        "Perbandingan periode dengan '{file}': yang diuji adalah yang ditampilkan — selisih IKM (dan NRR) "
        "eksak, dengan interval bootstrap {level}% dari bootstrap independen kedua berkas (seed {seed} dan "
        "{seed1}) dan p bootstrap = 2·(1 + min(#selisih ≤ 0, #≥ 0))/(B + 1). Berubah nyata bila p < {sig} "
        "(interval tidak memuat 0); per unsur bila p Holm < {sig}. Mann–Whitney U dua sisi atas skor "
        "eksak per responden (r rank-biserial) dicetak di sampingnya sebagai uji sebaran, bukan penentu.",
        "Period comparison with '{file}': what is shown is what is tested — the exact IKM (and NRR) "
        "difference, with a {level}% bootstrap interval from independent bootstraps of both files (seeds "
        "{seed} and {seed1}) and bootstrap p = 2·(1 + min(#differences ≤ 0, #≥ 0))/(B + 1). Significant when "
        "p < {sig} (the interval leaves out 0); per element when the Holm-adjusted p < {sig}. A two-sided "
        "Mann–Whitney U on exact respondent scores (rank-biserial r) is printed beside it as a test of the "
        "distributions, not as the verdict.",
    ),
    "stats-m-flags": (
        "Tanda mutu data tidak mengubah indeks dengan sendirinya. Jawaban seragam (semua jawaban ≥ 2 terisi "
        "sama) lazim pada populasi yang puas, jadi straight-lining hanya ditandai bila ada bukti lain: "
        "dikirim pada menit yang sama dengan baris lain, saran tertulis identik (≥ 12 huruf) dengan baris "
        "lain, atau salinan kiriman ganda. Duplikat: profil ({profile}) dan semua jawaban sama{window}, baris "
        "pertama tidak ditandai; diperiksa hanya dengan ≥ {minimum} kolom profil pembeda (selain tanggal, "
        "saran, layanan, unit). Di luar periode: tanggal di luar {period}; kelompok kecil: < {min_group} "
        "responden. Baris = nomor baris di spreadsheet.",
        "Data-quality flags never change the index by themselves. Uniform answers (all ≥ 2 answers "
        "identical) are normal in a satisfied population, so straight-lining is flagged only with other "
        "evidence: submitted in the same minute as another row, identical written suggestion (≥ 12 "
        "characters) as another row, or being a duplicate copy. Duplicate: same profile ({profile}) and identical "
        "answers{window}, the first row is not flagged; checked only with ≥ {minimum} identifying profile "
        "columns (other than date, suggestion, service, unit). Outside period: dated outside {period}; small "
        "group: < {min_group} respondents. Rows are spreadsheet row numbers.",
    ),
    "stats-s-ci": (
        "IKM {ikm} (mutu {grade}); interval kepercayaan 95% [{low}; {high}] (bootstrap, {n} responden). "
        "Stabilitas mutu: bila survei diulang dengan responden serupa, mutu {grade} bertahan pada {same}% "
        "ulangan (ini bukan peluang bahwa mutu benar).",
        "IKM {ikm} (grade {grade}); 95% confidence interval [{low}; {high}] (bootstrap, {n} respondents). "
        "Grade stability: were the survey repeated with similar respondents, grade {grade} would hold in "
        "{same}% of resamples (this is not the probability that the grade is right).",
    ),
    "stats-s-ci-none": (
        "IKM {ikm} (mutu {grade}) dari {n} responden: terlalu sedikit (< {minimum}) untuk interval kepercayaan "
        "atau stabilitas mutu; angka ini sangat tidak pasti.",
        "IKM {ikm} (grade {grade}) from {n} respondents: too few (< {minimum}) for a confidence interval or "
        "grade stability; the figure is very uncertain.",
    ),
    "stats-s-alpha": (
        "Reliabilitas: Cronbach's alpha {alpha} ({verdict}, n = {n}). Validitas: {valid} dari {k} unsur "
        "“valid” menurut uji signifikansi (r hitung > r tabel {r}); {discriminating} dari {k} unsur "
        "berdaya beda cukup (r hitung ≥ {threshold}).",
        "Reliability: Cronbach's alpha {alpha} ({verdict}, n = {n}). Validity: {valid} of {k} elements "
        "“valid” by the significance test (r > r critical {r}); {discriminating} of {k} elements "
        "discriminate well (r ≥ {threshold}).",
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
        "Dibanding '{file}' (IKM {prev}): selisih {diff}, IK 95% [{low}; {high}], p bootstrap {p} ({verdict}).",
        "Against '{file}' (IKM {prev}): difference {diff}, 95% CI [{low}; {high}], bootstrap p {p} ({verdict}).",
    ),
    "stats-s-post-stratified": (
        "IKM terbobot populasi layanan (post-stratifikasi, tiap layanan menurut bagiannya dalam populasi "
        "'{column}'): {ikm} (mutu {grade}), IK 95% [{low}; {high}]; IKM gabungan (tiap responden sama bobot): "
        "{pooled} (mutu {pooled_grade}). Efek desain pembobotan {deff} (n efektif {neff}).",
        "IKM weighted by service population (post-stratified, each service by its share of the population, "
        "'{column}'): {ikm} (grade {grade}), 95% CI [{low}; {high}]; pooled IKM (every respondent equal): "
        "{pooled} (grade {pooled_grade}). Design effect of the weighting {deff} (effective n {neff}).",
    ),
    "stats-s-clustering": (
        "Responden mengelompok per layanan ('{column}', {clusters} layanan): korelasi intrakelas {icc}, efek "
        "desain {deff} (n efektif {neff}); bila layanan yang disurvei dianggap contoh dari layanan unit, IK 95% "
        "IKM gabungan melebar menjadi [{low}; {high}].",
        "Respondents cluster by service ('{column}', {clusters} services): intra-class correlation {icc}, design "
        "effect {deff} (effective n {neff}); if the services surveyed stand for a sample of the unit's services, "
        "the pooled IKM's 95% CI widens to [{low}; {high}].",
    ),
    "stats-s-importance": (
        "Kepentingan–kinerja (jawaban harapan): prioritas utama (harapan tinggi, kinerja rendah): {first}; "
        "pertahankan: {keep}; prioritas rendah: {low}; berlebihan: {over}.",
        "Importance–performance (expectation answers): first priority (high expectation, low performance): "
        "{first}; keep up: {keep}; low priority: {low}; possible overkill: {over}.",
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
        "Duplikat tidak dapat diperiksa: tidak ada kolom profil pembeda responden (perlu ≥ {minimum}).",
        "Duplicates cannot be checked: no identifying respondent-profile columns (≥ {minimum} needed).",
    ),
    "stats-note-few-identifying": (
        "Duplikat tidak dapat diperiksa: hanya kolom profil {columns}; perlu sedikitnya {minimum} kolom pembeda "
        "(selain tanggal, saran, layanan, unit), karena dengan lebih sedikit responden jujur berjawaban sama "
        "akan tampak ganda.",
        "Duplicates cannot be checked: only the profile columns {columns}; at least {minimum} identifying "
        "columns (other than date, suggestion, service, unit) are needed, since with fewer honest respondents "
        "with equal answers would look like copies.",
    ),
    "stats-note-listwise": (
        "Perhatian: alpha dan validitas memakai {n} dari {total} responden (hanya yang menjawab semua unsur); "
        "{pct}% tidak ikut. Bila jawaban kosong tidak acak, angka ini bisa menyesatkan.",
        "Caution: alpha and validity use {n} of {total} respondents (only those who answered every element); "
        "{pct}% are left out. If blanks are not random, these figures may mislead.",
    ),
    "stats-note-small-n": (
        "Hanya {n} responden: interval kepercayaan dan stabilitas mutu tidak diberikan (perlu ≥ {minimum}).",
        "Only {n} respondents: no confidence intervals and no grade stability are given (≥ {minimum} needed).",
    ),
    "stats-note-no-service": (
        "IKM terbobot populasi layanan tidak dihitung: tidak ada kolom layanan.",
        "IKM weighted by service population not computed: no service column.",
    ),
    "stats-note-service-unlisted": (
        "IKM terbobot populasi layanan tidak dihitung: layanan tanpa populasi: {services} "
        "(beri --service-population untuk setiap layanan).",
        "IKM weighted by service population not computed: services without a population: {services} "
        "(give --service-population for every service).",
    ),
    "stats-note-service-empty": (
        "IKM terbobot populasi layanan tidak dihitung: layanan tanpa responden: {services} (IKM-nya tidak "
        "diketahui, jadi bobotnya tidak dapat diwakili).",
        "IKM weighted by service population not computed: services without respondents: {services} (their IKM "
        "is unknown, so their weight cannot be represented).",
    ),
    "stats-note-no-expectation": (
        "Kolom harapan tidak ditemukan: {columns}; unsur itu tidak ikut analisis kepentingan–kinerja.",
        "Expectation columns not found: {columns}; those elements are left out of the importance–performance analysis.",
    ),
    "stats-m-dissatisfied": (
        "Tidak puas: bagian responden yang skor unsurnya (rata-rata jawabannya) di bawah titik tengah skala "
        "(jawaban 1–2 pada skala 1–4), dengan interval Wilson 95%.",
        "Dissatisfied: share of respondents whose element score (mean of their answers) is below the middle "
        "of the scale (answers 1–2 on the 1–4 scale), with a 95% Wilson interval.",
    ),
    "stats-m-post-stratified": (
        "IKM terbobot populasi layanan (post-stratifikasi): Σ (Nₛ/N)·IKMₛ, IKMₛ = IKM eksak layanan s, "
        "Nₛ = --service-population; IK 95% dari bootstrap Bayes terpisah dan independen di tiap layanan "
        "(seed + 2, seed + 3, …) digabung dengan bobot yang sama. Efek desain Kish = n·Σwᵢ²/(Σwᵢ)², "
        "wᵢ = Nₛ/nₛ. IKM gabungan memberi bobot sama pada tiap responden, sehingga layanan dengan "
        "responden terbanyak paling menentukan.",
        "IKM weighted by service population (post-stratified): Σ (Nₛ/N)·IKMₛ, IKMₛ = exact IKM of service "
        "s, Nₛ = --service-population; 95% CI from separate, independent Bayesian bootstraps within each "
        "service (seeds seed + 2, seed + 3, …) combined with the same weights. Kish design effect = "
        "n·Σwᵢ²/(Σwᵢ)², wᵢ = Nₛ/nₛ. The pooled IKM weighs every respondent equally, so the service with "
        "most respondents dominates it.",
    ),
    "stats-m-clustering": (
        "Pengelompokan per layanan: korelasi intrakelas ANOVA satu arah atas skor IKM per responden (negatif "
        "→ 0), efek desain = 1 + (m̄ − 1)·ICC, m̄ = rata-rata responden per layanan; IK gabungan yang "
        "disesuaikan = IKM ± √efek desain × jarak ujung IK biasa. Berlaku bila layanan yang disurvei adalah "
        "contoh (klaster); bila semua layanan disurvei, pakai IKM terbobot populasi layanan. Dengan sedikit "
        "layanan ICC sangat tidak pasti.",
        "Clustering by service: one-way ANOVA intra-class correlation of respondent IKM-scale scores "
        "(negative → 0), design effect = 1 + (m̄ − 1)·ICC, m̄ = mean respondents per service; adjusted pooled CI "
        "= IKM ± √design effect × the usual CI's distances. Applies when the services surveyed are a sample "
        "(clusters); when every service was surveyed, use the IKM weighted by service population. With few "
        "services the ICC is very uncertain.",
    ),
    "stats-m-importance": (
        "Kepentingan–kinerja: kinerja = NRR unsur (rata-rata jawaban), harapan = rata-rata jawaban pertanyaan "
        "harapan unsur itu (skala yang sama); gap = kinerja − harapan (negatif: di bawah harapan), dengan "
        "IK 95% dari satu bootstrap Bayes atas kedua jawaban (bobot responden yang sama, seed + 100); kesesuaian = "
        "kinerja/harapan. Kuadran di sekitar rata-rata kinerja {x} dan rata-rata harapan {y}: prioritas utama "
        "(harapan ≥ rata-rata, kinerja < rata-rata), pertahankan (keduanya ≥), prioritas rendah (keduanya <), "
        "berlebihan (harapan <, kinerja ≥). Jawaban harapan tidak ikut dihitung dalam IKM.",
        "Importance–performance: performance = the element's NRR (mean answer), expectation = mean answer to "
        "the element's expectation questions (same scale); gap = performance − expectation (negative: below "
        "expectations), with a 95% interval from one Bayesian bootstrap of both answers (same respondent "
        "weights, seed + 100); conformity = performance/expectation. Quadrants around mean performance {x} and mean "
        "expectation {y}: first priority (expectation ≥ mean, performance < mean), keep up (both ≥), low "
        "priority (both <), possible overkill (expectation <, performance ≥). Expectation answers are never "
        "part of the IKM.",
    ),
    "stats-q-prioritas-utama": ("Prioritas utama", "First priority"),
    "stats-q-pertahankan": ("Pertahankan", "Keep up"),
    "stats-q-prioritas-rendah": ("Prioritas rendah", "Low priority"),
    "stats-q-berlebihan": ("Berlebihan", "Possible overkill"),
    "stats-uniform": (
        "{count} baris berjawaban seragam; hanya {flagged} ditandai karena ada bukti lain.",
        "{count} rows with uniform answers; only {flagged} flagged, on other evidence.",
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
    "stats-summary-no-ci": (
        "IKM {ikm} (mutu {grade}), {n} responden{removed}; IK {level}% tidak diberikan (< {minimum} responden)",
        "IKM {ikm} (grade {grade}), {n} respondents{removed}; no {level}% CI (< {minimum} respondents)",
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
    "stats-grade-title": (
        "Stabilitas mutu (bagian ulangan bootstrap per mutu; bukan peluang mutu benar)",
        "Grade stability (share of bootstrap resamples per grade; not the probability the grade is right)",
    ),
    "stats-probability": ("bagian ulangan", "share of resamples"),
    "stats-other-grade": ("mutu lain pada {p} ulangan", "another grade in {p} of resamples"),
    "stats-no-intervals": (
        "Tidak diberikan: {n} responden (< {minimum}).",
        "Not given: {n} respondents (< {minimum}).",
    ),
    "stats-discriminating": ("daya beda ≥ {threshold}", "discrimination ≥ {threshold}"),
    "stats-r-test": ("r > r tabel (uji signifikansi)", "r > r critical (significance test)"),
    "stats-dissatisfied-title": (
        "Tidak puas per unsur (skor di bawah titik tengah, mis. jawaban 1–2), interval Wilson 95%",
        "Dissatisfied per element (score below the middle, e.g. answers 1–2), 95% Wilson interval",
    ),
    "stats-dissatisfied": ("tidak puas", "dissatisfied"),
    "stats-answered": ("menjawab", "answered"),
    "stats-post-title": (
        "IKM gabungan dan IKM terbobot populasi layanan ({column})",
        "Pooled IKM and IKM weighted by service population ({column})",
    ),
    "stats-pooled": ("IKM gabungan (tiap responden sama bobot)", "Pooled IKM (every respondent equal)"),
    "stats-post": ("IKM terbobot populasi layanan", "IKM weighted by service population"),
    "stats-clustered": (
        "IKM gabungan, IK disesuaikan klaster layanan (efek desain {deff})",
        "Pooled IKM, CI adjusted for clustering by service (design effect {deff})",
    ),
    "stats-population": ("populasi", "population"),
    "stats-share": ("bobot", "weight"),
    "stats-importance-title": ("Kepentingan–kinerja (harapan)", "Importance–performance (expectations)"),
    "stats-importance-sheet": ("Kepentingan-kinerja", "Importance-performance"),
    "stats-performance": ("kinerja", "performance"),
    "stats-expectation": ("harapan", "expectation"),
    "stats-gap": ("gap", "gap"),
    "stats-conformity": ("kesesuaian %", "conformity %"),
    "stats-quadrant": ("kuadran", "quadrant"),
    "stats-rank-test": ("uji peringkat", "rank test"),
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
