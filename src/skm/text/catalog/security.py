"""Messages about hostile or broken inputs and refused outputs (limits, unusable cells, races).

Loaded by :mod:`skm.text` with the other catalogues; reached through :func:`skm.text.t`.
"""

from __future__ import annotations

TEXT: dict[str, tuple[str, str]] = {
    "input-too-many-cells": (
        "Berkas '{file}', sheet '{sheet}': {count} sel berisi, melebihi batas {limit} sel. "
        "Pisahkan data ke beberapa berkas.",
        "File '{file}', sheet '{sheet}': {count} filled cells, over the limit of {limit} cells. "
        "Split the data into several files.",
    ),
    "input-area-too-large": (
        "Berkas '{file}', sheet '{sheet}': sel terjauh {cell} membuat area {area} sel (batas {limit}), "
        "padahal hanya {count} sel berisi. Hapus isi sel di luar tabel data (Ctrl+End di Excel menunjukkan "
        "sel terjauh).",
        "File '{file}', sheet '{sheet}': the farthest cell {cell} spans an area of {area} cells (limit "
        "{limit}) for only {count} filled cells. Clear the cells outside the data table (Ctrl+End in Excel "
        "shows the farthest cell).",
    ),
    "input-inflated-too-large": (
        "Berkas '{file}': bagian '{member}' mengembang melebihi batas {limit} MB setelah diekstrak "
        "(kemungkinan bom zip); berkas ditolak.",
        "File '{file}': part '{member}' inflates beyond the limit of {limit} MB (perhaps a zip bomb); "
        "the file is refused.",
    ),
    "input-repeat-too-large": (
        "Berkas '{file}': sel atau baris berisi diulang {count} kali (batas {limit}); berkas ditolak "
        "untuk melindungi memori. Hapus pengulangan itu di LibreOffice lalu simpan ulang.",
        "File '{file}': a filled cell or row is repeated {count} times (limit {limit}); the file is refused "
        "to protect memory. Remove the repetition in LibreOffice and save it again.",
    ),
    "input-file-too-large": (
        "Berkas '{file}' lebih besar dari batas {limit} MB untuk berkas {kind}; berkas ditolak.",
        "File '{file}' is larger than the {limit} MB limit for {kind} files; the file is refused.",
    ),
    "input-too-deep": (
        "Berkas '{file}' bersarang terlalu dalam (tabel di dalam tabel); berkas ditolak.",
        "File '{file}' is nested too deeply (tables within tables); the file is refused.",
    ),
    "permission-denied": (
        "Berkas '{file}' tidak dapat dibaca: tidak ada izin membaca. Periksa hak akses berkas itu.",
        "File '{file}' cannot be read: permission denied. Check the file's permissions.",
    ),
    "csv-unclosed-quote": (
        "Berkas '{file}': tanda kutip (\") yang dibuka di baris {row} tidak pernah ditutup. "
        "Perbaiki sel itu lalu simpan ulang sebagai CSV.",
        "File '{file}': the quote (\") opened on row {row} is never closed. Fix that cell and save the CSV again.",
    ),
    "unusable-cell": (
        "'{value}' bukan jawaban (galat Excel, rumus tanpa nilai tersimpan, TRUE/FALSE atau angka tak "
        "terhingga); isi dengan bilangan bulat {low}–{high}",
        "'{value}' is not an answer (an Excel error, a formula without a stored value, TRUE/FALSE or an "
        "infinite number); enter a whole number {low}–{high}",
    ),
    "number-label-mismatch": (
        "'{value}': angka dan label tidak cocok atau labelnya tidak dikenal ({expected}); tulis angka atau "
        "label yang benar saja",
        "'{value}': the number and the label disagree or the label is unknown ({expected}); write only the "
        "right number or label",
    ),
    "output-not-regular": (
        "Keluaran '{file}' bukan berkas biasa (folder, perangkat, pipa atau tautan yang putus); tidak "
        "ditimpa, juga dengan --force. Pilih nama lain dengan -o.",
        "Output '{file}' is not a regular file (a folder, device, pipe or dangling link); it is never "
        "replaced, not even with --force. Choose another name with -o.",
    ),
    "output-dir-name": (
        "nama keluaran '{file}' berakhiran pemisah folder; beri nama berkas",
        "output name '{file}' ends with a folder separator; give a file name",
    ),
    "more-issues-check": (
        "… dan {count} masalah lainnya; 'skm check {file}' menampilkan semuanya.",
        "… and {count} more problems; 'skm check {file}' lists them all.",
    ),
    "stdout-name": ("keluaran standar", "standard output"),
}
