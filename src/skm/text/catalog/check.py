"""Wording of ``skm check`` (how the file was read)."""

from __future__ import annotations

TEXT: dict[str, tuple[str, str]] = {
    "check-title": ("Cara berkas dibaca", "How the file was read"),
    "check-source": (
        "Berkas: {source}{sheet_part}; judul kolom di baris {header_row}; {respondents} responden dibaca.",
        "File: {source}{sheet_part}; headers on row {header_row}; {respondents} respondents read.",
    ),
    "check-column": ("Kolom", "Column"),
    "check-header": ("Judul kolom", "Header"),
    "check-read-as": ("Dibaca sebagai", "Read as"),
    "check-why": ("Alasan", "Why"),
    "check-how-code": ("kode '{detail}' di judul", "code '{detail}' in the header"),
    "check-how-positional": (
        "kode '{detail}' tanpa nama: dibaca menurut urutan daftar peraturan (U8 = Pengaduan, U9 = Sarana)",
        "bare code '{detail}': read in the regulation's list order (U8 = complaints, U9 = facilities)",
    ),
    "check-how-text": ("kata di judul: {detail}", "words in the header: {detail}"),
    "check-how-labels": ("label jawaban: {detail}", "answer labels: {detail}"),
    "check-how-map": ("--map {detail}", "--map {detail}"),
    "check-candidates": ("calon: {candidates}", "candidates: {candidates}"),
    "check-why-text": ("kalimat pertanyaan {detail} sama", "question wording {detail} alike"),
    "check-why-phrase": ("frasa '{detail}'", "phrase '{detail}'"),
    "check-why-word": ("kata '{detail}'", "word '{detail}'"),
    "check-why-weak": ("kata lemah '{detail}'", "weak word '{detail}'"),
    "check-why-labels": ("label jawaban {detail}", "answer labels of {detail}"),
    "check-why-scale": ("{detail} jawaban berskala", "{detail} scale answers"),
    "check-why-free-text": ("hanya {detail} jawaban berskala", "only {detail} scale answers"),
    "check-decision-only": ("satu-satunya calon", "the only candidate"),
    "check-decision-best": ("skor tertinggi", "the highest score"),
    "check-decision-assigned": (
        "calon yang lebih tinggi lebih cocok untuk kolom lain",
        "its higher candidates fit other columns better",
    ),
    "check-decision-left-over": (
        "tidak dipakai: pertanyaannya lebih cocok untuk kolom lain",
        "not used: its questions fit other columns better",
    ),
    "check-how-profile": ("nama kolom profil", "usual profile column name"),
    "check-how-attribute": ("kolom lain (disimpan sebagai atribut)", "other column (kept as an attribute)"),
    "check-profile": ("profil: {name}", "profile: {name}"),
    "check-attribute": ("atribut", "attribute"),
    "check-skipped": ("Baris dilewati ({reason}): {rows}", "Rows skipped ({reason}): {rows}"),
    "check-reason-title": ("judul di atas tabel", "title above the table"),
    "check-reason-summary": ("baris rekap templat, bukan responden", "template summary, not respondents"),
    "check-reason-empty": ("kosong", "empty"),
    "check-reason-no-answers": ("tanpa jawaban unsur", "no element answers"),
    "check-dates": (
        "Tanggal (kolom '{column}'): {first} s.d. {last}; {undated} responden tanpa tanggal.",
        "Dates (column '{column}'): {first} to {last}; {undated} respondents without a date.",
    ),
    "check-ok": ("Tidak ada masalah: berkas siap dihitung.", "No problems: the file is ready to score."),
    "check-problems": ("{count} masalah:", "{count} problems:"),
    "labels-found": (
        "Label yang tidak dikenali per kolom (nilai berbeda yang ditemukan):",
        "Unrecognised labels per column (distinct values found):",
    ),
    "labels-template": (
        "Salin ke berkas label.toml, isi nilainya, lalu jalankan lagi dengan --labels label.toml:",
        "Copy into a file labels.toml, fill in the scores, then run again with --labels labels.toml:",
    ),
}
