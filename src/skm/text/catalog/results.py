"""Tables and headings of ``skm score`` and ``skm sample`` (console and document)."""

from __future__ import annotations

TEXT: dict[str, tuple[str, str]] = {
    "respondents": ("Responden", "Respondents"),
    "element": ("Unsur", "Element"),
    "code": ("Kode", "Code"),
    "answered": ("Terisi (n)", "Answered (n)"),
    "sum": ("Jumlah nilai", "Sum"),
    "nrr": ("NRR", "NRR"),
    "weighted": ("NRR tertimbang", "Weighted NRR"),
    "converted": ("25 × NRR", "25 × NRR"),
    "grade": ("Mutu", "Grade"),
    "performance": ("Kinerja", "Performance"),
    "index": ("Nilai indeks (NI)", "Index value (NI)"),
    "ikm": ("IKM", "IKM"),
    "rank": ("Prioritas", "Priority"),
    "priority-title": (
        "Prioritas perbaikan (unsur terlemah lebih dulu)",
        "Priority for improvement (weakest element first)",
    ),
    "elements-title": ("Nilai per unsur", "Results per element"),
    "result-title": ("Indeks Kepuasan Masyarakat", "Community Satisfaction Index (IKM)"),
    "rules-title": ("Aturan perhitungan", "Computation rules"),
    "group": ("Kelompok", "Group"),
    "groups-title": ("Hasil per {column}", "Results by {column}"),
    "pooled": ("Gabungan (semua responden)", "Pooled (all respondents)"),
    "not-graded": ("tidak dinilai", "not graded"),
    "small-flag": ("sedikit (< {minimum})", "small (< {minimum})"),
    "note": ("Catatan", "Note"),
    "rule-instrument": ("Instrumen: {title}", "Instrument: {title}"),
    "rule-weight-exact": (
        "Bobot: eksak {weights} per unsur (bukan 0,111 atau 0,11)",
        "Weight: exact {weights} per element (not 0.111 or 0.11)",
    ),
    "rule-weight-legacy": (
        "Bobot: {weights} per unsur (emulasi lama, BUKAN eksak; hasil berbeda dari bobot 1/k)",
        "Weight: {weights} per element (legacy emulation, NOT exact; differs from 1/k)",
    ),
    "rule-rounding": (
        "Pembulatan: aritmetika eksak; NRR dan NI ditampilkan 4 desimal; IKM dibulatkan "
        "setengah ke atas ke {places} desimal lalu dibandingkan dengan batas mutu ({bands})",
        "Rounding: exact arithmetic; NRR and NI shown to 4 decimals; IKM rounded half up to "
        "{places} decimals, then compared with the grade bounds ({bands})",
    ),
    "else": ("selain itu", "else"),
    "rule-nrr-rounding": (
        "Emulasi lama: NRR dibulatkan ke {places} desimal sebelum dibobot",
        "Legacy emulation: NRR rounded to {places} decimals before weighting",
    ),
    "rule-index-rounding": (
        "Emulasi lama: NI dibulatkan ke {places} desimal sebelum dikali {factor}",
        "Legacy emulation: NI rounded to {places} decimals before multiplying by {factor}",
    ),
    "rule-missing": (
        "Jawaban kosong: tidak dihitung (bukan 0); NRR tiap unsur dibagi jumlah yang mengisi unsur itu (n)",
        "Blank answers: left out (never 0); each element's NRR divides by those who answered it (n)",
    ),
    "rule-u8u9": (
        "Kolom U8/U9 tanpa nama dibaca menurut urutan peraturan: U8 = Penanganan Pengaduan, U9 = Sarana",
        "Bare U8/U9 columns read in the regulation's list order: U8 = complaint handling, U9 = facilities",
    ),
    # sample
    "sample-title": ("Ukuran sampel minimum", "Minimum sample size"),
    "population": ("Populasi", "Population"),
    "sample": ("Sampel minimum", "Minimum sample"),
    "method": ("Metode", "Method"),
    "rounding": ("Pembulatan", "Rounding"),
    "service": ("Layanan", "Service"),
    "allocated": ("Alokasi proporsional", "Proportional allocation"),
    "total": ("Total", "Total"),
    "method-krejcie-morgan": (
        "Krejcie & Morgan (X² = {chi2}, P = {p}, d = {d})",
        "Krejcie & Morgan (X² = {chi2}, P = {p}, d = {d})",
    ),
    "method-slovin": ("Slovin (e = {d})", "Slovin (e = {d})"),
    "method-cochran": (
        "Cochran dengan koreksi populasi terbatas (z² = {chi2}, P = {p}, e = {d})",
        "Cochran with finite-population correction (z² = {chi2}, P = {p}, e = {d})",
    ),
    "rounding-half-up": ("setengah ke atas", "half up"),
    "rounding-up": ("selalu ke atas", "always up"),
    "sample-allocation-note": (
        "Alokasi proporsional membagi sampel keseluruhan {overall} (untuk populasi {population}) "
        "menurut populasi tiap layanan; minimum per layanan menghitung tiap layanan tersendiri.",
        "Proportional allocation splits the overall sample {overall} (for population {population}) "
        "by each service's population; the per-service minimum sizes each service on its own.",
    ),
    # legacy emulation
    "legacy-title": ("Emulasi lama (bukan nilai eksak)", "Legacy emulation (not the exact value)"),
    "legacy-line": (
        "IKM emulasi lama {ikm} (mutu {grade}); nilai eksak {exact} (mutu {exact_grade}); selisih {difference}",
        "Legacy-emulated IKM {ikm} (grade {grade}); exact value {exact} (grade {exact_grade}); difference {difference}",
    ),
}
