"""Wording of the infographic poster (``skm poster``); keys are prefixed ``poster-`` when loaded."""

from __future__ import annotations

PREFIX = "poster-"

TEXT: dict[str, tuple[str, str]] = {
    # --- on the poster ---
    "kicker": ("HASIL SURVEI KEPUASAN MASYARAKAT", "COMMUNITY SATISFACTION SURVEY RESULTS"),
    "unit-unknown": ("(nama unit pelayanan)", "(service unit name)"),
    "period-unknown": ("(periode survei)", "(survey period)"),
    "group": ("{column}: {group}", "{column}: {group}"),
    "ikm-label": ("Indeks Kepuasan Masyarakat (IKM)", "Community Satisfaction Index (IKM)"),
    "respondents": ("{n} responden", "{n} respondents"),
    "small-group": (
        "Responden kurang dari {minimum}: hasil belum dapat diandalkan",
        "Fewer than {minimum} respondents: the result is not reliable",
    ),
    "grade-word": ("MUTU", "GRADE"),
    "performance-label": ("Kinerja unit pelayanan", "Unit performance"),
    "elements-title": ("Nilai per unsur (25 × NRR)", "Score per element (25 × NRR)"),
    "weakest": ("Prioritas perbaikan: {elements}", "Improvement priority: {elements}"),
    "promise": (
        "Kami berkomitmen menindaklanjuti hasil survei ini dengan rencana perbaikan, dimulai dari unsur tersebut.",
        "We are committed to acting on these results with an improvement plan, starting with this element.",
    ),
    "thanks": ("Terima kasih atas partisipasi Anda!", "Thank you for taking part!"),
    "credit": (
        "Dihitung dengan skm {version} · instrumen {instrument}",
        "Computed with skm {version} · instrument {instrument}",
    ),
    "qr-caption": ("Pindai untuk hasil lengkap", "Scan for the full results"),
    # --- command line ---
    "written": ("Poster ditulis: {file}", "Poster written: {file}"),
    "no-unit": (
        "Catatan: --unit tidak diberikan; poster memuat teks pengganti '{placeholder}'.",
        "Note: --unit not given; the poster shows the placeholder '{placeholder}'.",
    ),
    "group-small": (
        "Catatan: kelompok '{group}' hanya {n} responden (< {minimum}); posternya diberi tanda.",
        "Note: group '{group}' has only {n} respondents (< {minimum}); its poster is marked.",
    ),
    "group-skipped": (
        "Catatan: kelompok '{group}' dilewati: unsur tanpa jawaban ({codes}).",
        "Note: group '{group}' skipped: element(s) without answers ({codes}).",
    ),
    "group-skipped-small": (
        "Catatan: kelompok '{group}' dilewati: hanya {n} responden (< {minimum}, --skip-small).",
        "Note: group '{group}' skipped: only {n} respondents (< {minimum}, --skip-small).",
    ),
    "no-groups": (
        "tidak ada kelompok '{column}' yang dapat dibuat posternya",
        "no group of '{column}' can be made into a poster",
    ),
    "bad-format": (
        "format keluaran '{suffix}' tidak didukung poster; gunakan .png, .pdf atau .svg (atau --format)",
        "output format '{suffix}' is not supported for posters; use .png, .pdf or .svg (or --format)",
    ),
    "format-conflict": (
        "--format {fmt} tidak cocok dengan akhiran berkas -o '{file}'",
        "--format {fmt} does not match the -o file suffix '{file}'",
    ),
    "logo-suffix": (
        "--logo '{file}': gunakan gambar .png atau .jpg",
        "--logo '{file}': use a .png or .jpg image",
    ),
    "logo-unreadable": (
        "--logo '{file}' tidak dapat dibaca sebagai gambar PNG/JPEG: {reason}",
        "--logo '{file}' cannot be read as a PNG/JPEG image: {reason}",
    ),
    "logo-too-large": (
        "--logo '{file}' terlalu besar ({size} MB; maksimum {limit} MB)",
        "--logo '{file}' is too large ({size} MB; at most {limit} MB)",
    ),
    "qr-invalid": (
        "--qr: {reason}",
        "--qr: {reason}",
    ),
    "qr-empty": ("alamat kosong", "the address is empty"),
    "qr-too-long": (
        "alamat terlalu panjang untuk kode QR ({n} karakter; maksimum {limit})",
        "the address is too long for a QR code ({n} characters; at most {limit})",
    ),
}
