"""Writers of the kinds of files units really have, built from one table of scores.

Each writer takes the same respondents (scores 1–4 per element, in the regulation's list order
U1..U9) and lays them out the way a real source does, so tests can assert that every layout
gives the same index as the plain U1..U9 table.
"""

from __future__ import annotations

import csv
from collections.abc import Sequence
from pathlib import Path

import openpyxl

from skm.core.instrument import PERMENPAN_14_2017

KEYS = [f"u{i}" for i in range(1, 10)]
LABELS = {e.key: e.labels for e in PERMENPAN_14_2017.elements}
QUESTIONS = {e.key: e.questions[0].text for e in PERMENPAN_14_2017.elements}
# questionnaire order of the example form: Sarana asked 8th, Pengaduan 9th
FORM_ORDER = ["u1", "u2", "u3", "u4", "u5", "u6", "u7", "u9", "u8"]

# twelve respondents: service, gender, age, education, date, suggestion, scores U1..U9
PEOPLE: list[tuple[str, str, int, str, str, str, list[int]]] = [
    ("KTP-el", "Laki-laki", 34, "SMA", "05/01/2026 08:12:03", "Pelayanan cepat", [4, 4, 3, 4, 4, 4, 4, 3, 4]),
    ("KTP-el", "Perempuan", 28, "S1", "05/01/2026 09:40:11", "", [3, 3, 3, 4, 3, 4, 4, 3, 3]),
    (
        "Kartu Keluarga",
        "Perempuan",
        45,
        "SMP",
        "06/01/2026 10:02:45",
        "Antrian panjang; mohon ditambah loket",
        [3, 2, 2, 4, 3, 3, 3, 2, 3],
    ),
    ("Kartu Keluarga", "Laki-laki", 51, "SD", "07/01/2026 11:15:00", "", [4, 3, 3, 4, 4, 3, 4, 4, 3]),
    ("Akta Kelahiran", "Perempuan", 23, "D3", "12/01/2026 13:20:09", "Ruang tunggu panas", [3, 3, 2, 4, 3, 3, 4, 3, 2]),
    ("Akta Kelahiran", "Laki-laki", 39, "S1", "13/01/2026 14:05:37", "", [4, 4, 4, 4, 4, 4, 4, 4, 4]),
    ("KTP-el", "Perempuan", 31, "SMA", "20/01/2026 08:55:21", "Petugas ramah", [4, 3, 3, 4, 3, 4, 4, 3, 4]),
    ("Kartu Keluarga", "Laki-laki", 62, "SD", "21/01/2026 09:30:00", "", [2, 2, 1, 3, 2, 3, 3, 1, 2]),
    ("Akta Kelahiran", "Perempuan", 27, "S2", "03/02/2026 10:10:10", "", [3, 4, 3, 4, 4, 3, 3, 3, 3]),
    (
        "KTP-el",
        "Laki-laki",
        44,
        "SMA",
        "04/02/2026 11:11:11",
        "Sistem online sering error",
        [3, 3, 2, 4, 3, 3, 4, 2, 3],
    ),
    ("Kartu Keluarga", "Perempuan", 36, "D3", "16/03/2026 12:00:00", "", [4, 4, 4, 4, 4, 4, 4, 3, 4]),
    ("Akta Kelahiran", "Laki-laki", 29, "S1", "17/03/2026 15:45:59", "Terima kasih", [3, 3, 3, 4, 3, 4, 4, 3, 3]),
]


def plain_csv(path: Path) -> Path:
    """The tidy reference layout: U1..U9 as numbers."""
    with path.open("w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow(["Layanan", *[k.upper() for k in KEYS]])
        for p in PEOPLE:
            w.writerow([p[0], *p[6]])
    return path


def _variant(key: str, score: int, i: int) -> object:
    """The answer as a Google Form (and the people who edit its sheet) write it, varied by row."""
    label = LABELS[key][score - 1]
    match i % 7:
        case 0:
            return label
        case 1:
            return label.upper()
        case 2:
            return "  " + label.lower().replace(" dan ", " & ") + " "
        case 3:
            return f"{score} ({label})"
        case 4:
            return f"{'abcd'[score - 1]}. {label}"
        case 5:
            return str(score)
        case _:
            return label.replace("tetapi", "tapi")


def google_forms_rows(*, english: bool = False, numbered: bool = True) -> list[list[object]]:
    """Header and rows of a Google Forms response sheet (Indonesian or English UI)."""
    header: list[object] = ["Timestamp" if english else "Cap waktu", "Jenis Kelamin", "Usia", "Pendidikan Terakhir"]
    header.append("Jenis layanan yang diterima")
    for n, key in enumerate(FORM_ORDER, 1):
        header.append(f"{n}. {QUESTIONS[key]}" if numbered else QUESTIONS[key])
    header.append("Saran dan masukan untuk perbaikan layanan")
    rows: list[list[object]] = [header]
    for i, (service, gender, age, edu, date, saran, scores) in enumerate(PEOPLE):
        answers = [_variant(key, scores[KEYS.index(key)], i + j) for j, key in enumerate(FORM_ORDER)]
        rows.append([date, gender, age, edu, service, *answers, saran])
    return rows


def write_csv(path: Path, rows: Sequence[Sequence[object]], *, delimiter: str = ",", encoding: str = "utf-8") -> Path:
    with path.open("w", newline="", encoding=encoding) as f:
        csv.writer(f, delimiter=delimiter, lineterminator="\r\n").writerows(rows)
    return path


def write_xlsx(path: Path, sheets: dict[str, Sequence[Sequence[object]]]) -> Path:
    wb = openpyxl.Workbook()
    first = True
    for name, rows in sheets.items():
        ws = wb.active if first else wb.create_sheet()
        assert ws is not None
        ws.title = name
        first = False
        for row in rows:
            ws.append(list(row))
    wb.save(path)
    return path


def processing_template(path: Path) -> Path:
    """The common Excel processing template: titles, a merged two-row header, summary rows beneath."""
    wb = openpyxl.Workbook()
    ws = wb.active
    assert ws is not None
    ws.title = "Olah Data"
    ws.append(["PENGOLAHAN DATA SURVEI KEPUASAN MASYARAKAT PER RESPONDEN DAN PER UNSUR PELAYANAN"])
    ws.merge_cells("A1:K1")
    ws.append(["UNIT PELAYANAN : DINAS KEPENDUDUKAN DAN PENCATATAN SIPIL"])
    ws.merge_cells("A2:K2")
    ws.append([])
    ws.append(["NO. RESP", "NILAI UNSUR PELAYANAN", None, None, None, None, None, None, None, None, "KET"])
    ws.merge_cells("B4:J4")
    ws.append([None, *[k.upper() for k in KEYS], None])
    ws.merge_cells("A4:A5")
    for i, p in enumerate(PEOPLE, 1):
        ws.append([i, *p[6], None])
    for _ in range(3):  # the template's spare numbered rows, never filled in
        ws.append([len(PEOPLE) + 1 + _, *([None] * 9)])
    sums = [sum(p[6][k] for p in PEOPLE) for k in range(9)]
    nrr = [s / len(PEOPLE) for s in sums]
    ws.append(["Σ Nilai/Unsur", *sums])
    ws.append(["NRR/Unsur", *nrr])
    ws.append(["NRR tertimbang/unsur", *[v / 9 for v in nrr]])
    ws.append(["*) Jumlah NRR IKM tertimbang", None, None, None, None, None, None, None, None, sum(nrr) / 9])
    ws.append(["**) IKM Unit pelayanan", None, None, None, None, None, None, None, None, sum(nrr) / 9 * 25])
    ws.append([])
    ws.append(["Keterangan :"])
    ws.append(["U1 s.d. U9", "=", "Unsur-unsur pelayanan"])
    ws.append(["NRR", "=", "Nilai rata-rata"])
    ws.append(["Mutu", "=", "A (Sangat Baik)", 88.31, 100])
    wb.save(path)
    return path


def indonesian_csv(path: Path, *, encoding: str = "utf-8-sig") -> Path:
    """Excel 'CSV' in the Indonesian locale: ';', decimal comma, CRLF, quoted ';' in free text."""
    rows: list[list[object]] = [
        ["No", "Tanggal", "Layanan", "Lama tunggu (jam)", *[f"U{i}" for i in range(1, 10)], "Saran"]
    ]
    for i, p in enumerate(PEOPLE, 1):
        wait = f"{(i % 4) / 2:.1f}".replace(".", ",")
        service = p[0] + (" – Café" if encoding == "cp1252" and i == 2 else "")
        rows.append([i, p[4][:10], service, wait, *[str(v) for v in p[6]], p[5]])
    return write_csv(path, rows, delimiter=";", encoding=encoding)


def kobo_rows() -> list[list[object]]:
    """KoboToolbox 'XML values and headers' export: group paths as headers, choice names as answers."""
    header: list[object] = ["start", "end", "profil/jenis_kelamin", "profil/usia", "profil/jenis_layanan"]
    header += [f"penilaian/{key}" for key in FORM_ORDER] + ["saran", "_id", "_submission_time", "_index"]
    rows: list[list[object]] = [header]
    for i, p in enumerate(PEOPLE, 1):
        day, month, year = p[4][:10].split("/")
        iso = f"{year}-{month}-{day}T{p[4][11:]}"
        answers = [LABELS[key][p[6][KEYS.index(key)] - 1].lower().replace(" ", "_") for key in FORM_ORDER]
        rows.append([iso, iso, p[1].lower(), p[2], p[0], *answers, p[5], 1000 + i, iso, i])
    return rows


def limesurvey_rows() -> list[list[object]]:
    """LimeSurvey response export with question codes and answer codes (A1…A4)."""
    header: list[object] = ["id", "submitdate", "lastpage", "startlanguage", "LAYANAN"]
    header += [f"{key.upper()}[SQ001]" for key in KEYS]
    rows: list[list[object]] = [header]
    for i, p in enumerate(PEOPLE, 1):
        day, month, year = p[4][:10].split("/")
        rows.append([i, f"{year}-{month}-{day} {p[4][11:]}", 3, "id", p[0], *[f"A{v}" for v in p[6]]])
    return rows


def skm_go_id_rows() -> list[list[object]]:
    """Per-respondent export in the shape the issue describes for skm.go.id (columns assumed)."""
    header: list[object] = ["No", "Tanggal", "Jenis Kelamin", "Pendidikan", "Pekerjaan", "Jenis Layanan"]
    header += [k.upper() for k in KEYS]
    rows: list[list[object]] = [header]
    for i, p in enumerate(PEOPLE, 1):
        rows.append([i, p[4][:10], p[1], p[3], "Swasta", p[0], *p[6]])
    return rows


def write_ods(path: Path, rows: Sequence[Sequence[object]], sheet: str = "Jawaban") -> Path:
    """A minimal OpenDocument spreadsheet (what LibreOffice saves), written without extra packages."""
    import zipfile
    from xml.sax.saxutils import escape

    def cell(v: object) -> str:
        if v is None or v == "":
            return "<table:table-cell/>"
        if isinstance(v, int | float) and not isinstance(v, bool):
            number = f'office:value-type="float" office:value="{v}"'
            return f"<table:table-cell {number}><text:p>{v}</text:p></table:table-cell>"
        return f'<table:table-cell office:value-type="string"><text:p>{escape(str(v))}</text:p></table:table-cell>'

    body = "".join("<table:table-row>" + "".join(cell(v) for v in r) + "</table:table-row>" for r in rows)
    content = (
        '<?xml version="1.0" encoding="UTF-8"?>'
        '<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
        'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
        'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.2">'
        f'<office:body><office:spreadsheet><table:table table:name="{sheet}">{body}</table:table>'
        "</office:spreadsheet></office:body></office:document-content>"
    )
    manifest = (
        '<?xml version="1.0" encoding="UTF-8"?>'
        '<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.2">'
        '<manifest:file-entry manifest:full-path="/" '
        'manifest:media-type="application/vnd.oasis.opendocument.spreadsheet"/>'
        '<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>'
        "</manifest:manifest>"
    )
    with zipfile.ZipFile(path, "w") as z:
        z.writestr(zipfile.ZipInfo("mimetype"), "application/vnd.oasis.opendocument.spreadsheet")
        z.writestr("META-INF/manifest.xml", manifest)
        z.writestr("content.xml", content)
    return path


def write_xls(path: Path, rows: Sequence[Sequence[object]], sheet: str = "Sheet1") -> Path:
    """An Excel 97-2003 workbook (.xls), as older office PCs still save."""
    import xlwt

    book = xlwt.Workbook(encoding="utf-8")
    ws = book.add_sheet(sheet)
    for r, row in enumerate(rows):
        for c, value in enumerate(row):
            if value is not None:
                ws.write(r, c, value)
    book.save(str(path))
    return path
