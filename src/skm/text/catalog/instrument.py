"""Problems in an instrument TOML file, one line each (``instrument-problem`` frames them)."""

from __future__ import annotations

TEXT: dict[str, tuple[str, str]] = {
    "instrument-at": ("baris {line} ({where})", "line {line} ({where})"),
    # problems (Indonesian, English); {…} filled from the check
    "ip-toml": ("sintaks TOML salah: {detail}", "TOML syntax error: {detail}"),
    "ip-missing": ("wajib diisi", "required"),
    "ip-extra": (
        "kunci tidak dikenal (salah ketik?); kunci yang boleh: {allowed}",
        "unknown key (a typo?); allowed keys: {allowed}",
    ),
    "ip-type": ("jenis nilai salah: {detail}", "wrong kind of value: {detail}"),
    "ip-weight-format": (
        "bobot '{value}' tidak terbaca; tulis pecahan \"1/8\" atau desimal 0.125",
        "weight '{value}' cannot be read; write a fraction \"1/8\" or a decimal 0.125",
    ),
    "ip-weight-range": ("bobot {value} harus > 0 dan ≤ 1", "weight {value} must be > 0 and ≤ 1"),
    "ip-weight-sum": (
        "jumlah bobot {total} (= {decimal}), harus tepat 1; selisih {gap}",
        "the weights sum to {total} (= {decimal}), they must sum to exactly 1; off by {gap}",
    ),
    "ip-weight-partial": (
        "bobot hanya diisi untuk sebagian unsur ({given} dari {k}); isi untuk semua atau tidak sama sekali",
        "weights are given for only some elements ({given} of {k}); give all or none",
    ),
    "ip-duplicate": ("'{value}' dipakai lebih dari sekali", "'{value}' is used more than once"),
    "ip-key-format": (
        "kunci pertanyaan '{value}' hanya boleh huruf, angka, '.', '_' atau '-'",
        "question key '{value}' may only contain letters, digits, '.', '_' or '-'",
    ),
    "ip-labels-count": (
        "{count} label, padahal skala {low}–{high} butuh {needed}",
        "{count} labels, but the {low}–{high} scale needs {needed}",
    ),
    "ip-no-labels": (
        "label jawaban tidak ada; isi 'labels' (untuk unsur ini atau di tingkat atas)",
        "no answer labels; set 'labels' (for this element or at the top level)",
    ),
    "ip-scale": (
        "skala harus dua bilangan bulat [terendah, tertinggi] dengan terendah < tertinggi",
        "the scale must be two whole numbers [lowest, highest] with lowest < highest",
    ),
    "ip-conversion": (
        "faktor konversi wajib diisi: 100 tidak habis dibagi nilai tertinggi skala {high}",
        "give the conversion factor: 100 is not divisible by the scale's highest value {high}",
    ),
    "ip-bands-needed": (
        "batas mutu ([[bands]]) wajib diisi bila skala atau konversi berbeda dari instrumen dasar",
        "grade bands ([[bands]]) are required when the scale or conversion differs from the base instrument",
    ),
    "ip-bands-order": (
        "batas bawah mutu harus menurun dari mutu terbaik ke terburuk",
        "band lower bounds must decrease from the best grade to the worst",
    ),
    "ip-band-range": (
        "batas {value} di luar rentang nilai konversi {low}–{high}",
        "bound {value} is outside the converted range {low}–{high}",
    ),
    "ip-decimal": ("'{value}' bukan angka desimal", "'{value}' is not a decimal number"),
    "ip-base": (
        "instrumen dasar '{value}' tidak dikenal; pilihan: {known}",
        "unknown base instrument '{value}'; choose one of: {known}",
    ),
    "ip-no-elements": ("tidak ada unsur", "no elements"),
}
