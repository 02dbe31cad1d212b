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
    "ch-preface": ("Kata Pengantar", "Foreword"),
    "sec-foreword": ("Kata Pengantar", "Foreword"),
    "grade-up": ("mutu naik dari {before} menjadi {after}", "grade rose from {before} to {after}"),
    "grade-down": ("mutu turun dari {before} menjadi {after}", "grade fell from {before} to {after}"),
    "grade-same": ("mutu tetap {grade}", "grade stayed {grade}"),
    "trend-periods": ("IKM per periode", "IKM by period"),
    "trend-periods-text": (
        "Selama {count} periode, dari {first} sampai {last}, IKM berubah dari {first_ikm} menjadi {last_ikm} "
        "({change} poin); {grades}.",
        "Over {count} periods, from {first} to {last}, the IKM moved from {first_ikm} to {last_ikm} "
        "({change} points); {grades}.",
    ),
    "trend-grade-text": ("Dibanding periode sebelumnya, {grades}.", "Against the previous period, the {grades}."),
    "remark": ("Keterangan", "Remark"),
    "foreword-text": (
        "Puji syukur kami panjatkan ke hadirat Tuhan Yang Maha Esa, karena atas rahmat-Nya laporan Survei "
        "Kepuasan Masyarakat (SKM) {unit} periode {period} dapat diselesaikan. Survei ini dilaksanakan "
        "sesuai Peraturan Menteri PANRB Nomor 14 Tahun 2017 untuk mengukur kepuasan masyarakat atas "
        "layanan yang kami berikan; hasilnya, IKM {ikm} dengan mutu {grade}, menjadi dasar perbaikan "
        "pelayanan dan dipublikasikan kepada masyarakat.",
        "This report presents the Community Satisfaction Survey (SKM) of {unit} for {period}. The survey "
        "follows Minister of Administrative and Bureaucratic Reform Regulation 14/2017 and measures how "
        "satisfied the public is with our services; its result, IKM {ikm} with grade {grade}, is the basis "
        "of our improvements and is published to the public.",
    ),
    "foreword-thanks": (
        "Terima kasih kepada seluruh responden dan tim pelaksana. Kritik dan saran untuk perbaikan laporan "
        "ini kami terima dengan terbuka.",
        "We thank every respondent and the survey team. Comments that improve this report are welcome.",
    ),
    "sec-legal": ("Dasar Hukum", "Legal basis"),
    "legal-rule": ("Peraturan", "Regulation"),
    "legal-uu": (
        "Undang-Undang Nomor 25 Tahun 2009 tentang Pelayanan Publik",
        "Law 25/2009 on Public Services",
    ),
    "legal-pp": (
        "Peraturan Pemerintah Nomor 96 Tahun 2012 tentang Pelaksanaan Undang-Undang Nomor 25 Tahun 2009 "
        "tentang Pelayanan Publik",
        "Government Regulation 96/2012 implementing Law 25/2009 on Public Services",
    ),
    "legal-permen": (
        "Peraturan Menteri Pendayagunaan Aparatur Negara dan Reformasi Birokrasi Nomor 14 Tahun 2017 tentang "
        "Pedoman Penyusunan Survei Kepuasan Masyarakat Unit Penyelenggara Pelayanan Publik",
        "Minister of Administrative and Bureaucratic Reform Regulation 14/2017 on Guidelines for Community "
        "Satisfaction Surveys of Public Service Units",
    ),
    "sec-fieldwork": ("Pelaksanaan Survei", "Fieldwork"),
    "collection-method": ("Metode pengumpulan data", "Data collection method"),
    "location": ("Lokasi", "Location"),
    "field-days": ("Waktu pelaksanaan", "Field days"),
    "team": ("Tim pelaksana", "Survey team"),
    "name": ("Nama", "Name"),
    "role": ("Peran", "Role"),
    "missing": ("(belum diisi: {key} di report.toml)", "(not given: {key} in report.toml)"),
    "field-days-from-data": (
        "{dates} ({days} hari pengisian menurut tanggal di data)",
        "{dates} ({days} days with responses, from the data's dates)",
    ),
    "sec-element-analysis": ("Analisis per Unsur", "Analysis per element"),
    "element-analysis": (
        "{code} {name}: 25 × NRR {value} (mutu {grade}), peringkat {rank} dari {k} unsur, {gap} poin {side} IKM {ikm}.",
        "{code} {name}: 25 × NRR {value} (grade {grade}), rank {rank} of {k} elements, {gap} points "
        "{side} the IKM {ikm}.",
    ),
    "below": ("di bawah", "below"),
    "above": ("di atas", "above"),
    "element-mentions": (
        "{count} saran responden menyebut unsur ini, antara lain: {examples}.",
        "{count} respondents' suggestions mention this element, for example: {examples}.",
    ),
    "element-no-mentions": (
        "Tidak ada saran responden yang menyebut unsur ini secara langsung.",
        "No respondent's suggestion mentions this element directly.",
    ),
    "sec-recommendations": ("Rekomendasi", "Recommendations"),
    "recommendation": ("Rekomendasi", "Recommendation"),
    "rec-plan": ("{program} (rencana tindak lanjut)", "{program} (follow-up plan)"),
    "rec-generic": (
        "Tingkatkan {name}: tetapkan sasaran 25 × NRR periode berikut di atas {target}, tunjuk penanggung "
        "jawab, dan laporkan kemajuannya.",
        "Improve {name}: set a target above {target} for the next period's 25 × NRR, name who is "
        "responsible, and report the progress.",
    ),
    "rec-mentions": (" Tindak lanjuti {count} saran responden terkait.", " Follow up the {count} related suggestions."),
    "sec-follow-up": ("Tindak Lanjut Periode Sebelumnya", "Follow-up of the previous period"),
    "follow-up-action": ("Tindak lanjut", "Action"),
    "follow-up-status": ("Status", "Status"),
    "follow-up-none": (
        "Status tindak lanjut periode sebelumnya belum diisi (tabel [[follow_up]] di report.toml).",
        "The previous period's follow-up status is not given ([[follow_up]] table in report.toml).",
    ),
    "sec-questionnaire": ("Kuesioner", "Questionnaire"),
    "answers-offered": ("Pilihan jawaban", "Answer options"),
    "sec-tabulation": ("Tabulasi Jawaban per Responden", "Answers per respondent"),
    "tabulation-note": (
        "Satu baris per responden (nomor baris di berkas data), tanpa identitas; sel kosong = tidak dijawab.",
        "One row per respondent (row number in the data file), without identity; blank = not answered.",
    ),
    "tabulation-capped": (
        "Hanya {shown} responden pertama dari {total} yang ditampilkan di sini (berkas sebesar ini tidak "
        "terbaca sebagai tabel dokumen); jumlah dan hasil di laporan ini mencakup semua {total} responden, "
        "dan jawaban lengkap ada di berkas data.",
        "Only the first {shown} of {total} respondents are shown here (a table this large cannot be read in a "
        "document); the sums and results in this report cover all {total} respondents, and the complete "
        "answers are in the data file.",
    ),
    "suggestions-capped": (
        "Ditampilkan {shown} saran yang paling sering dari {distinct} saran berbeda; daftar lengkap ada di "
        "laporan --format json.",
        "The {shown} most frequent of {distinct} distinct suggestions are shown; the full list is in the "
        "--format json report.",
    ),
    "sec-publication": ("Bukti Publikasi", "Proof of publication"),
    "publication-placeholder": (
        "(Tempelkan di sini tangkapan layar atau foto publikasi hasil SKM: situs web, media sosial, papan "
        "pengumuman di ruang pelayanan, beserta tanggalnya.)",
        "(Paste here a screenshot or photo of the published result: website, social media, notice board "
        "at the service point, with its date.)",
    ),
    "nip": ("NIP {nip}", "NIP {nip}"),
    "sheet-preface": ("Pengantar", "Foreword"),
    "sheet-appendix": ("Lampiran", "Appendix"),
    # chapter names without their number (Word numbers chapters from the heading style)
    "chname-intro": ("Pendahuluan", "Introduction"),
    "chname-method": ("Metodologi", "Methodology"),
    "chname-results": ("Hasil Survei", "Results"),
    "chname-analysis": ("Analisis dan Rencana Tindak Lanjut", "Analysis and follow-up plan"),
    "chname-closing": ("Penutup", "Closing"),
    "chapter-number": ("BAB %1", "CHAPTER %1"),
    "caption-figure": ("Gambar", "Figure"),
    "caption-table": ("Tabel", "Table"),
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
    "scale-1": ("tidak baik", "poor"),
    "scale-2": ("kurang baik", "fair"),
    "scale-3": ("baik", "good"),
    "scale-4": ("sangat baik", "very good"),
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
    # skm publish: the open-results site
    "site-kicker": ("HASIL SURVEI KEPUASAN MASYARAKAT", "COMMUNITY SATISFACTION SURVEY RESULTS"),
    "site-intro": (
        "Hasil Survei Kepuasan Masyarakat dipublikasikan terbuka: angka, laporan lengkap dan data olahannya.",
        "The results of the Community Satisfaction Survey, published openly: figures, full report and data.",
    ),
    "site-latest": ("Periode terakhir: {period}", "Latest period: {period}"),
    "site-home": ("Semua periode", "All periods"),
    "site-periods": ("Hasil per periode", "Results by period"),
    "site-chart-periods": ("IKM per periode", "IKM by period"),
    "site-report": ("Laporan lengkap (HTML, siap cetak)", "Full report (HTML, printable)"),
    "site-report-short": ("Laporan", "Report"),
    "site-downloads": ("Laporan dan data terbuka", "Report and open data"),
    "site-json": ("Hasil (JSON)", "Result (JSON)"),
    "site-csv": ("Hasil per unsur (CSV)", "Result per element (CSV)"),
    "site-tally": ("Sebaran jawaban (CSV)", "Answer tallies (CSV)"),
    "site-profile": ("Profil responden (CSV)", "Respondent profile (CSV)"),
    "site-poster": ("Infografis", "Infographic"),
    "site-services": ("Hasil per jenis layanan", "Results by service"),
    "site-small": (
        "Responden layanan ini kurang dari {minimum}: angkanya ditampilkan, tetapi belum dapat diandalkan.",
        "Fewer than {minimum} respondents for this service: the figures are shown but are not reliable yet.",
    ),
    "site-back-period": ("Kembali ke hasil {period}", "Back to the results of {period}"),
    "site-open-data": ("Data terbuka", "Open data"),
    "site-open-data-text": (
        "Setiap periode menyertakan hasil dalam JSON dan CSV, sebaran jawaban per unsur dan profil responden "
        "(hanya jumlah per kategori; tidak ada data perorangan). Angka dihitung dengan aritmetika eksak "
        "sesuai PermenPANRB 14/2017.",
        "Each period comes with the result as JSON and CSV, the answer tallies per element and the respondent "
        "profile (counts per category only; no personal data). Figures use exact arithmetic as in "
        "PermenPANRB 14/2017.",
    ),
    "site-licence": (
        "Data dan laporan di situs ini dapat dipakai ulang di bawah lisensi {licence} ({url}).",
        "The data and reports on this site may be reused under the {licence} licence ({url}).",
    ),
    "site-licence-file": (
        "Hasil Survei Kepuasan Masyarakat {unit}\n\nData dan laporan di folder ini dilisensikan di bawah "
        "{licence}.\nTeks lisensi: https://{url}\nSebutkan sumbernya: {unit}.",
        "Community Satisfaction Survey results of {unit}\n\nThe data and reports in this folder are licensed "
        "under {licence}.\nLicence text: https://{url}\nAttribute: {unit}.",
    ),
}
