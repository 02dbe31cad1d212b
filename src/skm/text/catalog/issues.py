"""Problems and errors: the text of every :class:`skm.errors.IssueCode` and its framing lines."""

from __future__ import annotations

TEXT: dict[str, tuple[str, str]] = {
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
    "bad-tally-number": (
        "Berkas tallies '{file}', baris {row}, kolom '{column}': '{value}' bukan bilangan bulat yang sah. Kolom "
        "answer dan count berisi bilangan bulat (count ≥ 0), seperti yang ditulis skm score --format tallies; "
        "perbaiki baris itu atau buat ulang berkasnya.",
        "Tallies file '{file}', row {row}, column '{column}': '{value}' is not a valid whole number. The answer "
        "and count columns hold whole numbers (count ≥ 0), as skm score --format tallies writes them; "
        "fix that row or make the file again.",
    ),
    "bad-tally-row": (
        "Berkas tallies '{file}', baris {row}: {detail} Setiap baris berisi kolom kelompok (bila ada), "
        "lalu question (u1 … u{n} atau * untuk jumlah responden), answer dan count, seperti yang ditulis skm score "
        "--format tallies; perbaiki baris itu atau buat ulang berkasnya.",
        "Tallies file '{file}', row {row}: {detail} Every row holds the group columns (if any), then question "
        "(u1 … u{n}, or * for the respondents count), answer and count, as skm score --format tallies writes "
        "them; fix that row or make the file again.",
    ),
    # the {detail} of bad-tally-row (a catalog key, translated with the issue's own fields)
    "tally-row-length": (
        "berisi {found} sel, padahal judul kolomnya {expected}.",
        "it holds {found} cells where the header has {expected}.",
    ),
    "tally-unknown-question": (
        "question '{question}' bukan pertanyaan instrumen ini.",
        "question '{question}' is not a question of this instrument.",
    ),
    "tally-answer-outside-scale": (
        "answer '{answer}' untuk {question} di luar skala {low}–{high}.",
        "answer '{answer}' for {question} is outside the scale {low}–{high}.",
    ),
    "tally-groups-differ": (
        "Berkas tallies '{file}' dikelompokkan menurut {columns}, sedangkan '{other}' menurut {other_columns}. "
        "Tallies hanya dapat digabung bila kolom kelompoknya sama: buat ulang dengan --by yang sama.",
        "Tallies file '{file}' is grouped by {columns}, but '{other}' by {other_columns}. Tallies pool only "
        "when their group columns are the same: make them again with the same --by.",
    ),
    "invalid-label-file": (
        "Berkas label '{file}' tidak valid: {reason}. Format: TOML dengan [labels] \"Sangat puas\" = 4 "
        '(dan [columns."U3"] untuk satu kolom), atau CSV label,nilai[,kolom]; lihat docs/readers.md.',
        "Labels file '{file}' is not valid: {reason}. Format: TOML with [labels] \"Very satisfied\" = 4 "
        '(and [columns."U3"] for one column), or CSV label,score[,column]; see docs/readers.md.',
    ),
    "unsupported-format": (
        "Format berkas '{file}' tidak didukung ({suffix}). Gunakan .xlsx, .xlsm, .xlsb, .xls, .ods atau .csv.",
        "Unsupported file format for '{file}' ({suffix}). Use .xlsx, .xlsm, .xlsb, .xls, .ods or .csv.",
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
        "(atau 'Unsur 1', 'U 1'). Kolom yang ada: {columns}. Bila judulnya lain, petakan kolomnya: "
        "--map B=U1 --map C=U2 … (huruf kolom atau judulnya).",
        "File '{file}'{sheet_part}: no element columns. Expected headers {codes} "
        "(or 'Unsur 1', 'U 1'). Columns found: {columns}. If the headers differ, map the columns: "
        "--map B=U1 --map C=U2 … (column letter or header).",
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
    "missing-questions": (
        "pertanyaan {codes} tidak ditemukan; instrumen ini punya {k} pertanyaan dalam {elements} unsur, "
        "semuanya diperlukan untuk menghitung IKM",
        "questions {codes} not found; this instrument has {k} questions in {elements} elements, "
        "all needed to compute the IKM",
    ),
    "ambiguous-columns": (
        "{question} tidak dapat dipastikan, judulnya terlalu mirip: {readings}. Pilih sendiri: ganti nama "
        "kolom {letter} menjadi {key} (atau --map {letter}={key}), atau kolom {other_letter} menjadi {other_key} "
        "(atau --map {other_letter}={other_key})",
        "{question} cannot be told apart, the headers read too much alike: {readings}. Choose yourself: rename "
        "column {letter} to {key} (or --map {letter}={key}), or column {other_letter} to {other_key} "
        "(or --map {other_letter}={other_key})",
    ),
    "column-left-over": (
        "jawabannya berskala, tetapi tidak ada pertanyaan tersisa yang cocok (paling mirip {question}, "
        "skor {score}, sudah dari kolom {holder}); disimpan sebagai atribut. Bila ini pertanyaan: ganti nama "
        "kolom {letter} menjadi {key} atau pakai --map {letter}={key}",
        "its answers are on the scale, but no question left fits it (closest {question}, score {score}, "
        "already column {holder}); kept as an attribute. If it is a question: rename column {letter} to {key} "
        "or use --map {letter}={key}",
    ),
    "scale-column-unnamed": (
        "jawabannya berskala, tetapi judulnya tidak menyebut pertanyaan mana pun; disimpan sebagai atribut. "
        "Bila ini {key}: ganti nama kolom {letter} menjadi {key} atau pakai --map {letter}={key}",
        "its answers are on the scale, but its header names no question; kept as an attribute. "
        "If it is {key}: rename column {letter} to {key} or use --map {letter}={key}",
    ),
    "duplicate-question": (
        "pertanyaan {element} muncul di lebih dari satu kolom ({columns}); hapus atau ganti nama salah satunya",
        "question {element} appears in more than one column ({columns}); remove or rename one",
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
    "bad-map": (
        "--map '{value}' di '{file}': kolom atau pertanyaan tidak dikenal. Tulis KOLOM=PERTANYAAN, "
        "KOLOM berupa huruf atau judul kolom ({columns}); PERTANYAAN salah satu dari {codes}.",
        "--map '{value}' for '{file}': unknown column or question. Write COLUMN=QUESTION, COLUMN a letter "
        "or a header ({columns}); QUESTION one of {codes}.",
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
    "side-file-too-large": (
        "Berkas '{file}' lebih besar dari {limit} sehingga tidak dibaca; berkas instrumen, label, rencana "
        "atau hasil JSON sebesar itu hampir pasti berkas yang salah.",
        "File '{file}' is larger than {limit} and was not read; an instrument, labels, plan or JSON result "
        "file that large is almost certainly the wrong file.",
    ),
    "stats-previous-json": (
        "skm stats --previous butuh berkas jawaban periode lalu: uji Mann–Whitney dan interval selisih "
        "dihitung dari jawaban per responden, sedangkan '{file}' adalah hasil JSON yang hanya memuat angka "
        "terbit. Beri berkas jawabannya, atau pakai skm report --previous '{file}' untuk selisih IKM dan unsur.",
        "skm stats --previous needs the previous period's responses file: the Mann–Whitney test and the "
        "difference interval are computed from each respondent's answers, while '{file}' is a JSON result "
        "holding only the published figures. Give its responses file, or use skm report --previous '{file}' "
        "for the IKM and element differences.",
    ),
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
    # --- dates and periods ---
    "invalid-date": (
        "'{value}' bukan tanggal yang dikenali (mis. 31/01/2026, 2026-01-31, 31 Januari 2026)",
        "'{value}' is not a recognised date (e.g. 31/01/2026, 2026-01-31, 31 Januari 2026)",
    ),
    "period-excluded": (
        "{count} responden di luar periode {period} atau tanpa tanggal tidak dihitung.",
        "{count} respondents outside period {period} or without a date are left out.",
    ),
    "period-empty": (
        "Tidak ada responden dalam periode {period} (kolom tanggal '{column}').",
        "No respondents in period {period} (date column '{column}').",
    ),
    "no-date-column": (
        "Berkas '{file}' tidak punya kolom tanggal (mis. 'Cap waktu', 'Tanggal'); --period dan "
        "--by periode memerlukannya.",
        "File '{file}' has no date column (e.g. 'Timestamp', 'Tanggal'); --period and --by period need one.",
    ),
    "invalid-period": (
        "--period '{value}' tidak dikenali; gunakan 2026-01 (bulan), 2026-TW1 (triwulan), 2026-S1 "
        "(semester), 2026 (tahun) atau 2026-01-01..2026-03-31.",
        "--period '{value}' not understood; use 2026-01 (month), 2026-TW1 (quarter), 2026-S1 "
        "(semester), 2026 (year) or 2026-01-01..2026-03-31.",
    ),
    # --- table layout ---
    "row-after-summary": (
        "baris ini di bawah baris rekap templat (Σ/NRR/IKM) sehingga dilewati, padahal jawabannya "
        "lengkap; bila ini responden, pindahkan ke atas baris rekap",
        "this row lies below the template's summary rows (Σ/NRR/IKM) and was skipped although its "
        "answers are complete; if it is a respondent, move it above the summary rows",
    ),
    "codes-beyond-instrument": (
        "kolom {columns} tampak seperti unsur, tetapi instrumen {instrument} hanya punya {count} unsur; "
        "kolom itu disimpan sebagai atribut, tidak dihitung. Bila berkas memakai metode lama 14 unsur, "
        "jalankan lagi dengan --instrument kepmenpan-25-2004",
        "columns {columns} look like elements but the instrument {instrument} has only {count}; they are "
        "kept as attributes and not scored. If the file uses the older 14-element method, run again "
        "with --instrument kepmenpan-25-2004",
    ),
    # --- instrument files ---
    "unknown-instrument": (
        "Instrumen '{name}' tidak dikenal. Pilihan bawaan: {known}; atau beri jalur berkas .toml.",
        "Unknown instrument '{name}'. Built-in: {known}; or give the path of a .toml file.",
    ),
    "instrument-file-not-found": (
        "Berkas instrumen '{file}' tidak ditemukan.",
        "Instrument file '{file}' not found.",
    ),
    "invalid-instrument-file": (
        "Berkas instrumen '{file}' tidak valid ({count} masalah). Perbaiki baris berikut:",
        "Instrument file '{file}' is invalid ({count} problems). Fix these lines:",
    ),
    "instrument-problem": ("{at_id}: {problem_id}", "{at_en}: {problem_en}"),
    "output-folder-not-empty": (
        "Folder keluaran '{file}' sudah berisi. Pakai --force untuk menggantinya seluruhnya atau pilih folder "
        "lain dengan -o.",
        "Output folder '{file}' is not empty. Use --force to replace it as a whole or choose another folder with -o.",
    ),
    "output-folder-holds-input": (
        "Folder keluaran berisi berkas masukan '{file}'; folder itu tidak pernah diganti. Pilih folder lain dengan -o.",
        "The output folder holds the input '{file}'; it is never replaced. Choose another folder with -o.",
    ),
    "output-not-folder": (
        "Keluaran '{file}' sudah ada dan bukan folder (berkas, tautan atau perangkat); tidak diganti, juga dengan "
        "--force. Pilih nama lain dengan -o.",
        "Output '{file}' exists and is not a folder (a file, link or device); it is never replaced, even with "
        "--force. Choose another name with -o.",
    ),
    "invalid-report-config": (
        "Berkas konfigurasi laporan '{file}' tidak valid ({count} masalah). Perbaiki baris berikut:",
        "Report configuration file '{file}' is invalid ({count} problems). Fix these lines:",
    ),
    "rc-logo-unreadable": (
        "logo '{path}' tidak dapat dibaca (tidak ada, tidak terbaca, atau lebih dari 2 MiB); jalurnya relatif "
        "terhadap folder berkas konfigurasi",
        "logo '{path}' cannot be read (missing, unreadable or larger than 2 MiB); the path is relative to the "
        "configuration file's folder",
    ),
    "rc-logo-kind": ("logo '{path}' bukan gambar PNG atau JPEG", "logo '{path}' is not a PNG or JPEG picture"),
    # --- stats options ---
    "stats-other-instrument": (
        "berkas --previous memakai instrumen lain; bandingkan hanya hasil dengan unsur yang sama",
        "the --previous file uses another instrument; compare only results with the same elements",
    ),
    "stats-too-few-resamples": (
        "--resamples {resamples} terlalu sedikit; minimal 100",
        "--resamples {resamples} is too few; use at least 100",
    ),
    "stats-bad-population": (
        "--population {population} lebih kecil dari jumlah responden ({respondents}); isi jumlah penerima "
        "layanan pada periode survei",
        "--population {population} is smaller than the number of respondents ({respondents}); give the "
        "number of service users in the survey period",
    ),
    "stats-excludes-all": (
        "--exclude-flagged akan membuang semua {rows} baris sehingga tidak ada yang dihitung",
        "--exclude-flagged would remove all {rows} rows; nothing would be left to score",
    ),
}
