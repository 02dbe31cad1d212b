"""Every user-facing sentence, in Indonesian (default) and English. Pure: stdlib only.

Templates use ``str.format`` fields. Issue templates are keyed by :class:`IssueCode` value;
user-interface words by short keys. One place to review wording in both languages.
"""

from __future__ import annotations

from decimal import Decimal
from enum import StrEnum

from skm.errors import Issue, SkmError

__all__ = ["Lang", "fmt_number", "issue_line", "t"]


class Lang(StrEnum):
    """Output language."""

    ID = "id"
    EN = "en"


_TEXT: dict[str, tuple[str, str]] = {
    # --- input errors ---
    "file-not-found": (
        "Berkas '{file}' tidak ditemukan. Periksa nama dan foldernya.",
        "File '{file}' not found. Check its name and folder.",
    ),
    "not-a-file": (
        "'{file}' bukan berkas (mungkin folder).",
        "'{file}' is not a file (perhaps a folder).",
    ),
    "unreadable-file": (
        "Berkas '{file}' tidak dapat dibaca sebagai {kind}: {reason}. "
        "Buka di Excel lalu simpan ulang sebagai .xlsx atau .csv.",
        "File '{file}' cannot be read as {kind}: {reason}. Open it in Excel and save it again as .xlsx or .csv.",
    ),
    "invalid-label-file": (
        "Berkas label '{file}' tidak valid: {reason}. Format: TOML dengan [labels] \"Sangat puas\" = 4 "
        '(dan [columns."U3"] untuk satu kolom), atau CSV label,nilai[,kolom]; lihat docs/readers.md.',
        "Labels file '{file}' is not valid: {reason}. Format: TOML with [labels] \"Very satisfied\" = 4 "
        '(and [columns."U3"] for one column), or CSV label,score[,column]; see docs/readers.md.',
    ),
    "unsupported-format": (
        "Format berkas '{file}' tidak didukung ({suffix}). Gunakan .xlsx, .xlsm, .xls, .ods atau .csv.",
        "Unsupported file format for '{file}' ({suffix}). Use .xlsx, .xlsm, .xls, .ods or .csv.",
    ),
    "encoding-error": (
        "Berkas '{file}' bukan teks UTF-8 maupun Windows-1252. Simpan ulang sebagai 'CSV UTF-8' dari Excel.",
        "File '{file}' is neither UTF-8 nor Windows-1252 text. Save it again as 'CSV UTF-8' from Excel.",
    ),
    "empty-file": (
        "Berkas '{file}' tidak berisi data responden (kosong atau hanya baris judul kolom).",
        "File '{file}' holds no respondent data (empty, or a header row only).",
    ),
    "no-element-columns": (
        "Berkas '{file}'{sheet_part}: tidak ada kolom unsur. Diharapkan judul kolom {codes} "
        "(atau 'Unsur 1', 'U 1'). Kolom yang ada: {columns}.",
        "File '{file}'{sheet_part}: no element columns. Expected headers {codes} "
        "(or 'Unsur 1', 'U 1'). Columns found: {columns}.",
    ),
    "sheet-not-found": (
        "Sheet '{sheet}' tidak ada di '{file}'. Sheet yang ada: {sheets}.",
        "Sheet '{sheet}' is not in '{file}'. Sheets: {sheets}.",
    ),
    "ambiguous-sheet": (
        "Beberapa sheet di '{file}' berisi jawaban ({sheets}). Pilih satu dengan --sheet.",
        "Several sheets in '{file}' hold answers ({sheets}). Choose one with --sheet.",
    ),
    # --- data issues ---
    "out-of-range": (
        "nilai '{value}' di luar skala {low}–{high}",
        "value '{value}' is outside the {low}–{high} scale",
    ),
    "not-a-number": (
        "'{value}' bukan angka; diharapkan bilangan bulat {low}–{high}",
        "'{value}' is not a number; expected a whole number {low}–{high}",
    ),
    "not-an-integer": (
        "'{value}' bukan bilangan bulat; diharapkan {low}, {mid} … {high}",
        "'{value}' is not a whole number; expected {low}, {mid} … {high}",
    ),
    "unknown-label": (
        "jawaban '{value}' tidak dikenali untuk {element}; diharapkan salah satu dari: {expected}",
        "answer '{value}' is not recognised for {element}; expected one of: {expected}",
    ),
    "no-respondents": (
        "tidak ada responden yang dapat dihitung",
        "no respondents to score",
    ),
    "missing-elements": (
        "kolom unsur {codes} tidak ditemukan; semua {k} unsur diperlukan untuk menghitung IKM",
        "element columns {codes} not found; all {k} elements are needed to compute the IKM",
    ),
    "duplicate-element": (
        "unsur {element} muncul di lebih dari satu kolom ({columns}); hapus atau ganti nama salah satunya",
        "element {element} appears in more than one column ({columns}); remove or rename one",
    ),
    "no-answers": (
        "unsur {codes} tidak memiliki satu jawaban pun; NRR tidak dapat dihitung",
        "elements {codes} have no answers at all; their NRR cannot be computed",
    ),
    "unknown-column": (
        "kolom '{column}' tidak ditemukan. Kolom yang ada: {columns}",
        "column '{column}' not found. Columns: {columns}",
    ),
    "small-group": (
        "kelompok '{group}' hanya {n} responden (< {minimum}); hasilnya kurang dapat diandalkan",
        "group '{group}' has only {n} respondents (< {minimum}); its result is unreliable",
    ),
    "header-label-mismatch": (
        "judul kolom menunjuk {header_element}, tetapi jawabannya berlabel {label_element}; dibaca sebagai {used}",
        "the header names {header_element}, but the answers carry the labels of {label_element}; read as {used}",
    ),
    "invalid-data": (
        "Berkas '{file}' berisi {count} sel tidak valid. Perbaiki sel berikut lalu jalankan lagi:",
        "File '{file}' has {count} invalid cells. Fix these cells and run again:",
    ),
    "bad-columns": (
        "Berkas '{file}': kolom unsur tidak lengkap atau ganda:",
        "File '{file}': element columns are incomplete or repeated:",
    ),
    "skipped-cell": ("dilewati: {line}", "skipped: {line}"),
    "warning-line": ("peringatan: {line}", "warning: {line}"),
    "skipped-count": (
        "{count} sel tidak valid dilewati (tidak dihitung); daftar di atas.",
        "{count} invalid cells left out (not counted); listed above.",
    ),
    "more-issues": ("… dan {count} masalah lainnya.", "… and {count} more problems."),
    # --- output errors ---
    "output-exists": (
        "Berkas keluaran '{file}' sudah ada. Pakai --force untuk menimpanya atau pilih nama lain dengan -o.",
        "Output file '{file}' already exists. Use --force to overwrite it or choose another name with -o.",
    ),
    "output-is-input": (
        "Berkas keluaran '{file}' sama dengan berkas masukan; berkas masukan tidak pernah ditimpa.",
        "Output file '{file}' is the input file; input files are never overwritten.",
    ),
    "output-unwritable": (
        "Tidak dapat menulis '{file}': {reason}.",
        "Cannot write '{file}': {reason}.",
    ),
    "invalid-option": ("{reason}", "{reason}"),
    # --- locations ---
    "loc-file": ("{file}", "{file}"),
    "loc-sheet": ("sheet '{sheet}'", "sheet '{sheet}'"),
    "loc-row": ("baris {row}", "row {row}"),
    "loc-column": ("kolom '{column}'", "column '{column}'"),
    "internal-error": (
        "Terjadi kesalahan internal: {reason}. Jalankan lagi dengan --debug dan laporkan.",
        "Internal error: {reason}. Run again with --debug and report it.",
    ),
    "interrupted": ("Dibatalkan.", "Interrupted."),
    # --- user interface ---
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
}


def register(texts: dict[str, tuple[str, str]]) -> None:
    """Add an area's message templates (Indonesian, English); keys must be new.

    Areas (readers, report, stats, template …) keep their wording in a module of their own and
    register it at import, so that every sentence is still reached through :func:`t`.
    """
    clash = sorted(set(texts) & set(_TEXT))
    if clash:
        msg = f"message keys defined twice: {clash}"
        raise ValueError(msg)
    _TEXT.update(texts)


def t(key: str, lang: Lang | str = Lang.ID, /, **params: object) -> str:
    """The text for ``key`` in ``lang``, formatted with ``params``."""
    pair = _TEXT[key]
    template = pair[1] if str(lang) == Lang.EN else pair[0]
    return template.format(**params) if params else template


def has(key: str) -> bool:
    """Whether a message key exists."""
    return key in _TEXT


def fmt_number(value: Decimal | float | str, lang: Lang | str = Lang.ID) -> str:
    """A number as Indonesian documents write it (decimal comma) or in English."""
    text = str(value)
    return text.replace(".", ",") if str(lang) == Lang.ID else text


def issue_line(issue: Issue, lang: Lang | str = Lang.ID) -> str:
    """One line naming where the problem is and what was expected."""
    where: list[str] = []
    if issue.file:
        where.append(t("loc-file", lang, file=issue.file))
    if issue.sheet:
        where.append(t("loc-sheet", lang, sheet=issue.sheet))
    if issue.row is not None:
        where.append(t("loc-row", lang, row=issue.row))
    if issue.column:
        col = t("loc-column", lang, column=issue.column)
        where.append(f"{col} ({issue.letter})" if issue.letter else col)
    params = {"value": issue.value, **issue.params}
    body = t(issue.code.value, lang, **params)
    return (", ".join(where) + ": " + body) if where else body


def error_text(error: SkmError, lang: Lang | str = Lang.ID) -> str:
    """The headline message of an error."""
    params = dict(error.params)
    if "sheet_part" not in params:
        sheet = params.get("sheet")
        params["sheet_part"] = f", sheet '{sheet}'" if sheet else ""
    return t(error.code.value, lang, **params)


from skm.text import engine as _engine  # noqa: E402, F401 - registers the sentences of the engine, tallies and sql
