"""Wording of the report (``skm report``); keys are used with the ``rpt-`` prefix (see :func:`skm.text.report.tr`)."""

from __future__ import annotations

PREFIX = "rpt-"

TEXT: dict[str, tuple[str, str]] = {
    "doc-title": ("Laporan Survei Kepuasan Masyarakat", "Community Satisfaction Survey Report"),
    "doc-kicker": ("LAPORAN HASIL", "REPORT"),
    "doc-subtitle": (
        "Indeks Kepuasan Masyarakat (IKM) — instrumen {instrument}",
        "Community Satisfaction Index (IKM) — instrument {instrument}",
    ),
    "cover-result": ("Hasil", "Result"),
    "unit-unknown": ("(nama unit pelayanan)", "(service unit name)"),
    "period-unknown": ("(periode survei)", "(survey period)"),
    "ch-intro": ("Bab I Pendahuluan", "1 Introduction"),
    "ch-method": ("Bab II Metodologi", "2 Methodology"),
    "ch-results": ("Bab III Hasil Survei", "3 Results"),
    "ch-analysis": ("Bab IV Analisis dan Rencana Tindak Lanjut", "4 Analysis and follow-up plan"),
    "ch-closing": ("Bab V Penutup", "5 Closing"),
    "ch-appendix": ("Lampiran", "Appendix"),
    # intro
    "sec-background": ("Latar Belakang dan Tujuan", "Background and purpose"),
    "background-text": (
        "Survei Kepuasan Masyarakat (SKM) adalah pengukuran secara komprehensif atas tingkat kepuasan "
        "masyarakat terhadap kualitas layanan yang diselenggarakan oleh penyelenggara pelayanan publik, "
        "sebagaimana diamanatkan Undang-Undang Nomor 25 Tahun 2009 tentang Pelayanan Publik. Survei ini "
        "menggunakan instrumen {instrument}.",
        "The Community Satisfaction Survey (SKM) measures how satisfied the public is with the services "
        "of a public service provider, as required by Law 25/2009 on Public Services. This survey uses "
        "the instrument {instrument}.",
    ),
    "purpose-text": (
        "Survei ini bertujuan mengetahui tingkat kepuasan pengguna layanan {unit}, menemukan unsur "
        "pelayanan yang perlu diperbaiki, dan menjadi dasar rencana tindak lanjut serta publikasi hasil.",
        "The survey measures the satisfaction of the users of {unit}, finds the elements of the service "
        "that need improvement, and is the basis of the follow-up plan and of the published result.",
    ),
    "sec-identity": ("Identitas Survei", "Survey identity"),
    "unit": ("Unit pelayanan", "Service unit"),
    "services": ("Jenis layanan", "Services"),
    "period": ("Periode survei", "Survey period"),
    "dates": ("Tanggal pengisian", "Response dates"),
    "respondents": ("Jumlah responden", "Respondents"),
    # method
    "sec-method": ("Metode dan Aturan Perhitungan", "Method and computation rules"),
    "method-text": (
        "Kuesioner terdiri atas {k} unsur pelayanan dengan skala jawaban {low}–{high}. Untuk tiap unsur "
        "dihitung nilai rata-rata (NRR); nilai indeks (NI) adalah jumlah NRR × bobot, dan IKM = NI × {factor}.",
        "The questionnaire has {k} service elements answered on a {low}–{high} scale. Each element's mean "
        "(NRR) is computed; the index value (NI) is the sum of NRR × weight, and IKM = NI × {factor}.",
    ),
    "instrument": ("Instrumen", "Instrument"),
    "rules": ("Aturan perhitungan", "Computation rules"),
    "input-file": ("Berkas data", "Data file"),
    "sha256": ("SHA-256 berkas data", "SHA-256 of the data file"),
    "tool": ("Dihitung dengan", "Computed with"),
    "generated": ("Tanggal laporan", "Report date"),
    "elements-list": ("Unsur pelayanan yang diukur", "Service elements measured"),
    "question": ("Pertanyaan", "Question"),
    "sec-bands": ("Nilai Persepsi, Interval dan Mutu Pelayanan", "Grade bands"),
    "ni-lower": ("NI (batas bawah)", "NI (lower bound)"),
    "ikm-lower": ("IKM (batas bawah)", "IKM (lower bound)"),
    "sec-sample": ("Responden dan Sampel", "Respondents and sample"),
    "population": ("Populasi penerima layanan", "Population of service users"),
    "minimum": ("Sampel minimum (Krejcie & Morgan)", "Minimum sample (Krejcie & Morgan)"),
    "sample-met": ("Terpenuhi", "Met"),
    "sample-yes": ("ya ({n} ≥ {minimum})", "yes ({n} ≥ {minimum})"),
    "sample-no": ("tidak ({n} < {minimum}); kurang {short} responden", "no ({n} < {minimum}); {short} short"),
    "population-short": ("Populasi", "Population"),
    "minimum-short": ("Sampel minimum", "Minimum sample"),
    "allocated": ("Alokasi proporsional", "Proportional share"),
    "respondents-short": ("Responden", "Respondents"),
    "yes": ("ya", "yes"),
    "short": ("kurang {short}", "{short} short"),
    "service-samples": ("Sampel per jenis layanan", "Sample per service"),
    "service-samples-note": (
        "Sampel minimum tiap layanan dihitung tersendiri (Krejcie & Morgan); alokasi proporsional membagi "
        "sampel minimum keseluruhan menurut populasi layanan.",
        "Each service's minimum is sized on its own (Krejcie & Morgan); the proportional share splits the "
        "overall minimum by the services' populations.",
    ),
    "no-population": (
        "Populasi tidak diberikan (--population); kecukupan sampel tidak dinilai.",
        "No population given (--population); sample adequacy not assessed.",
    ),
    "skipped-rows": (
        "{count} sel jawaban tidak valid dikecualikan dari perhitungan.",
        "{count} invalid answer cells were left out of the computation.",
    ),
    # results
    "sec-headline": ("Indeks Kepuasan Masyarakat", "Community Satisfaction Index"),
    "headline-text": (
        "Nilai IKM {unit} adalah {ikm} (NI {ni}) dengan mutu pelayanan {grade} dan kinerja unit "
        "pelayanan \u201c{performance}\u201d, dihitung dari {n} responden.",
        "The IKM of {unit} is {ikm} (NI {ni}): grade {grade}, performance \u201c{performance}\u201d, "
        "from {n} respondents.",
    ),
    "ni": ("Nilai indeks (NI)", "Index value (NI)"),
    "ikm": ("IKM", "IKM"),
    "grade": ("Mutu", "Grade"),
    "performance": ("Kinerja", "Performance"),
    "sec-elements": ("Nilai per Unsur Pelayanan", "Results per element"),
    "code": ("Kode", "Code"),
    "element": ("Unsur", "Element"),
    "answered": ("n", "n"),
    "sum": ("Σ nilai", "Σ answers"),
    "nrr": ("NRR", "NRR"),
    "weighted": ("NRR × bobot", "NRR × weight"),
    "converted": ("25 × NRR", "25 × NRR"),
    "weight": ("Bobot", "Weight"),
    "total-row": ("Nilai indeks (NI) / IKM", "Index value (NI) / IKM"),
    "chart-elements": ("Nilai per unsur (25 × NRR) dan batas mutu", "Per-element value (25 × NRR) and grade bounds"),
    "sec-profile": ("Profil Responden", "Respondent profile"),
    "profile-none": (
        "Berkas data tidak memuat kolom profil responden (jenis kelamin, usia, pendidikan, pekerjaan).",
        "The data file has no respondent-profile columns (gender, age, education, occupation).",
    ),
    "prof-gender": ("Jenis kelamin", "Gender"),
    "prof-age": ("Usia", "Age"),
    "prof-education": ("Pendidikan", "Education"),
    "prof-occupation": ("Pekerjaan", "Occupation"),
    "prof-service": ("Jenis layanan", "Service"),
    "prof-disability": ("Disabilitas", "Disability"),
    "category": ("Kategori", "Category"),
    "count": ("Jumlah", "Count"),
    "percent": ("%", "%"),
    "blank": ("(tidak diisi)", "(blank)"),
    "male": ("Laki-laki", "Male"),
    "female": ("Perempuan", "Female"),
    "age-under": ("< {hi} tahun", "under {hi}"),
    "age-range": ("{lo}–{hi} tahun", "{lo}–{hi}"),
    "age-over": ("≥ {lo} tahun", "{lo} and over"),
    "sec-services": ("Hasil per Jenis Layanan", "Results per service"),
    "service": ("Layanan", "Service"),
    "small": ("responden sedikit (< {minimum})", "few respondents (< {minimum})"),
    "not-graded": ("tidak dinilai (unsur {codes} tanpa jawaban)", "not graded (no answers for {codes})"),
    "services-note": (
        "IKM unit dihitung dari seluruh responden, bukan rata-rata IKM per layanan.",
        "The unit's IKM is computed on all respondents pooled, not as a mean of the services' IKM.",
    ),
    "chart-services": ("IKM per jenis layanan", "IKM per service"),
    "sec-distribution": ("Sebaran Jawaban per Unsur", "Answer distribution per element"),
    "distribution-note": (
        "Jumlah dan persentase responden yang memberi tiap nilai jawaban ({labels}).",
        "Count and share of respondents giving each answer value ({labels}).",
    ),
    # analysis
    "sec-priority": ("Prioritas Perbaikan", "Priority for improvement"),
    "priority-text": (
        "Unsur dengan nilai terendah menjadi prioritas perbaikan: {weakest}. Unsur dengan nilai tertinggi: {best}.",
        "The lowest-scoring elements come first for improvement: {weakest}. Highest-scoring element: {best}.",
    ),
    "rank": ("Prioritas", "Priority"),
    "sec-trend": ("Perbandingan dengan Periode Sebelumnya", "Comparison with the previous period"),
    "previous": ("Sebelumnya", "Previous"),
    "current": ("Sekarang", "Current"),
    "change": ("Perubahan", "Change"),
    "trend-source": ("Data pembanding", "Compared with"),
    "drop": ("turun", "drop"),
    "rise": ("naik", "up"),
    "same": ("tetap", "same"),
    "absent": ("(tidak ada)", "(absent)"),
    "trend-text-up": (
        "IKM naik {change} poin dari {previous} menjadi {current}.",
        "The IKM rose {change} points from {previous} to {current}.",
    ),
    "trend-text-down": (
        "IKM turun {change} poin dari {previous} menjadi {current}.",
        "The IKM fell {change} points from {previous} to {current}.",
    ),
    "trend-text-same": ("IKM tetap {current}.", "The IKM is unchanged at {current}."),
    "trend-drops": ("Unsur yang turun: {codes}.", "Elements that dropped: {codes}."),
    "sec-plan": ("Rencana Tindak Lanjut", "Follow-up plan"),
    "plan-blank": (
        "Kolom program/kegiatan, waktu dan penanggung jawab diisi oleh unit pelayanan (atau dari --plan).",
        "The programme, time and responsible columns are for the unit to fill in (or come from --plan).",
    ),
    "plan-from": ("Rencana diambil dari berkas {file}.", "Plan taken from the file {file}."),
    "program": ("Program/kegiatan", "Programme/activity"),
    "time": ("Waktu (TW I–IV)", "Time (Q1–Q4)"),
    "responsible": ("Penanggung jawab", "Responsible"),
    "sec-suggestions": ("Saran dan Masukan Responden", "Respondents' suggestions"),
    "suggestion": ("Saran/masukan", "Suggestion"),
    "suggestions-none": ("Tidak ada saran atau masukan tertulis.", "No written suggestions."),
    "suggestions-count": (
        "{distinct} saran berbeda dari {total} responden yang menulis saran; saran yang sama dihitung.",
        "{distinct} distinct suggestions from {total} respondents who wrote one; repeats are counted.",
    ),
    "no": ("No.", "No."),
    # closing
    "sec-closing": ("Kesimpulan", "Conclusion"),
    "closing-text": (
        "Berdasarkan hasil survei, IKM {unit} periode {period} adalah {ikm} dengan mutu {grade} "
        "(\u201c{performance}\u201d). Unsur {weakest} menjadi prioritas perbaikan dan dituangkan dalam "
        "rencana tindak lanjut. Hasil survei ini dipublikasikan kepada masyarakat dan menjadi bahan "
        "evaluasi penyelenggaraan pelayanan publik.",
        "The IKM of {unit} for {period} is {ikm}, grade {grade} (\u201c{performance}\u201d). Element(s) "
        "{weakest} come first in the follow-up plan. This result is published and used to evaluate "
        "the service.",
    ),
    "sign-place": ("……………………, {date}", "……………………, {date}"),
    "sign-role": ("Kepala {unit}", "Head of {unit}"),
    "sign-name": ("(……………………………………)", "(……………………………………)"),
    "footer": ("Dibuat dengan skm {version}", "Made with skm {version}"),
    "total": ("Jumlah", "Total"),
    "sheet-method": ("Metodologi", "Method"),
    "sheet-intro": ("Identitas", "Identity"),
    "sheet-closing": ("Penutup", "Closing"),
    "row": ("Baris berkas", "File row"),
    "answered-long": ("n (terisi)", "n (answered)"),
    "sheet-data": ("Data", "Data"),
    "sec-stats": ("Uji Validitas dan Reliabilitas", "Validity and reliability"),
    "sheet-stats": ("Validitas", "Validity"),
    "r-item": ("r hitung", "item–total r"),
    "r-table": ("r tabel", "r critical"),
    "valid": ("Valid", "Valid"),
    "no-word": ("tidak", "no"),
    "alpha-deleted": ("Alpha jika dihapus", "Alpha if deleted"),
    "nrr-low": ("NRR 95% bawah", "NRR 95% low"),
    "nrr-high": ("NRR 95% atas", "NRR 95% high"),
    "toc": ("Daftar Isi", "Contents"),
    "toc-update": (
        "Daftar isi: di Word klik kanan di sini lalu pilih \u201cPerbarui Bidang\u201d (Update Field).",
        "Contents: in Word right-click here and choose \u201cUpdate Field\u201d.",
    ),
    # errors
    "plan-bad-file": ("--plan '{file}': {reason}", "--plan '{file}': {reason}"),
    "plan-no-unsur": (
        "tidak ada kolom 'unsur' (kode U1… atau nama unsur); kolom yang ada: {columns}",
        "no 'unsur' column (code U1… or element name); columns: {columns}",
    ),
    "plan-unknown-unsur": (
        "baris {row}: unsur '{value}' tidak dikenal; gunakan kode ({codes}) atau nama unsur",
        "row {row}: element '{value}' is unknown; use a code ({codes}) or an element name",
    ),
    "plan-empty": ("berkas tidak berisi baris rencana", "the file holds no plan rows"),
    "previous-bad-file": ("--previous '{file}': {reason}", "--previous '{file}': {reason}"),
    "previous-bad-json": (
        "bukan hasil JSON skm (diperlukan 'ikm' dan 'elements')",
        "not an skm JSON result ('ikm' and 'elements' are required)",
    ),
    "previous-unreadable": ("JSON tidak valid: {reason}", "invalid JSON: {reason}"),
}
