"""Usage errors and notices of the command line (``skm sample``, ``score``, ``report``, ``template``)."""

from __future__ import annotations

TEXT: dict[str, tuple[str, str]] = {
    "map-format": (
        "--map '{value}': tulis KOLOM=PERTANYAAN, mis. --map J=U5 atau --map \"Kecepatan layanan=U3\"",
        "--map '{value}': write COLUMN=QUESTION, e.g. --map J=U5 or --map \"Service speed=U3\"",
    ),
    # skm sample
    "sample-bad-population": (
        "populasi harus bilangan bulat ≥ 1, bukan '{value}'",
        "population must be a whole number ≥ 1, not '{value}'",
    ),
    "sample-bad-margin": (
        "--margin harus di antara 0 dan 1 (mis. 0.05), bukan '{value}'",
        "--margin must be between 0 and 1 (e.g. 0.05), not '{value}'",
    ),
    "sample-bad-confidence": (
        "--confidence harus di antara 0 dan 1 (mis. 0.95), bukan '{value}'",
        "--confidence must be between 0 and 1 (e.g. 0.95), not '{value}'",
    ),
    "sample-bad-proportion": (
        "--proportion harus di antara 0 dan 1 (mis. 0.5), bukan '{value}'",
        "--proportion must be between 0 and 1 (e.g. 0.5), not '{value}'",
    ),
    "sample-bad-service": (
        "--service harus berbentuk NAMA=POPULASI (mis. \"KTP-el=1200\"), bukan '{value}'",
        "--service must look like NAME=POPULATION (e.g. \"KTP-el=1200\"), not '{value}'",
    ),
    "sample-services-file": ("berkas layanan '{file}': {reason}", "services file '{file}': {reason}"),
    "sample-services-row": (
        "baris {line}: diperlukan 2 kolom (layanan,populasi)",
        "row {line}: 2 columns needed (service,population)",
    ),
    "sample-unknown-option": (
        "opsi tidak dikenal: '{value}' (lihat skm sample --help)",
        "unknown option: '{value}' (see skm sample --help)",
    ),
    "sample-no-population": (
        "beri POPULASI atau --service/--services-file",
        "give a POPULATION or --service/--services-file",
    ),
    "sample-population-mismatch": (
        "POPULASI {population} tidak sama dengan jumlah populasi layanan {total}; hapus POPULASI atau perbaiki",
        "POPULATION {population} differs from the services' total {total}; drop POPULATION or fix it",
    ),
    # skm score
    "score-no-file": ("beri BERKAS atau --example", "give a FILE or --example"),
    # skm report
    "report-population-mismatch": (
        "--population {population} ≠ jumlah --service-population ({total})",
        "--population {population} ≠ sum of --service-population ({total})",
    ),
    "report-written": ("Laporan ditulis: {file}", "Report written: {file}"),
    # skm template
    "template-not-xlsx": (
        "lembar isian harus berakhiran .xlsx, bukan '{suffix}'",
        "the entry workbook must end in .xlsx, not '{suffix}'",
    ),
    "template-written": ("Ditulis: {file}", "Written: {file}"),
    "report-config-missing": (
        "Catatan: laporan memuat isian kosong untuk {keys}; isi di report.toml (--config) atau dengan --head/--nip.",
        "Note: the report shows placeholders for {keys}; fill them in report.toml (--config) or with --head/--nip.",
    ),
    "report-previous-periods": (
        "{names} --previous-period untuk {files} berkas --previous; beri satu nama per berkas, urutan sama",
        "{names} --previous-period for {files} --previous files; give one name per file, in the same order",
    ),
    # skm publish
    "publish-licence": (
        "lisensi '{licence}' tidak dikenal; pilih salah satu: {known}",
        "unknown licence '{licence}'; choose one of: {known}",
    ),
    "publish-periods": (
        "{periods} --period-label untuk {files} berkas; beri satu --period-label per berkas, urutan sama",
        "{periods} --period-label for {files} files; give one --period-label per file, in the same order",
    ),
    "publish-written": ("Situs ditulis: {folder} (buka {index})", "Site written: {folder} (open {index})"),
}
