"""A minimal .xlsb (Excel binary workbook, BIFF12 records in a zip) for the reader tests.

Only what python-calamine needs to open a workbook and read its sheets ([MS-XLSB]): the content
types, the package and workbook relationships, ``xl/workbook.bin`` (BrtBeginBook, BrtBundleSh per
sheet, BrtEndBook), and per sheet ``xl/worksheets/sheetN.bin`` (BrtBeginSheet, BrtWsDim,
BrtBeginSheetData, a BrtRowHdr per row, one cell record per cell, BrtEndSheetData, BrtEndSheet).
Strings are written inline (BrtCellSt): no shared strings part. :func:`record` also writes the
odd records the hostile tests need.
"""

from __future__ import annotations

import struct
import zipfile
from dataclasses import dataclass
from pathlib import Path

__all__ = ["ERRORS", "Error", "FormulaError", "FormulaNumber", "Shared", "record", "sheet_bin", "write_xlsb"]

ERRORS = {"#NULL!": 0x00, "#DIV/0!": 0x07, "#VALUE!": 0x0F, "#REF!": 0x17, "#NAME?": 0x1D, "#NUM!": 0x24, "#N/A": 0x2A}


@dataclass(frozen=True)
class Error:
    """An error cell (BrtCellError): ``text`` is one of :data:`ERRORS`."""

    text: str


@dataclass(frozen=True)
class FormulaError:
    """A formula whose stored result is an error (BrtFmlaError), the formula ``1/0``."""

    text: str


@dataclass(frozen=True)
class FormulaNumber:
    """A formula whose stored result is a number (BrtFmlaNum), the formula ``1/0`` (any will do)."""

    value: float


@dataclass(frozen=True)
class Shared:
    """A cell naming shared string ``index`` (BrtCellIsst)."""

    index: int


def _varint(n: int, most: int) -> bytes:
    out = bytearray()
    for _ in range(most):
        byte = n & 0x7F
        n >>= 7
        out.append(byte | (0x80 if n else 0))
        if not n:
            return bytes(out)
    raise ValueError("too large for a record header")


def record(kind: int, body: bytes = b"", *, size: int | None = None) -> bytes:
    """One BIFF12 record: type (1-2 bytes), size (1-4 bytes), body; ``size`` overrides the size written."""
    return _varint(kind, 2) + _varint(len(body) if size is None else size, 4) + body


def _wide(text: str) -> bytes:
    return struct.pack("<I", len(text)) + text.encode("utf-16-le")


_FORMULA = struct.pack("<H", 0) + struct.pack("<I", 7) + bytes([0x1E, 1, 0, 0x1E, 0, 0, 0x06]) + struct.pack("<I", 0)


def _cell(col: int, value: object) -> bytes:
    head = struct.pack("<II", col, 0)  # column, style 0
    if value is None:
        return b""
    if isinstance(value, Error):
        return record(0x03, head + bytes([ERRORS[value.text]]))
    if isinstance(value, FormulaError):
        return record(0x0B, head + bytes([ERRORS[value.text]]) + _FORMULA)
    if isinstance(value, Shared):
        return record(0x07, head + struct.pack("<I", value.index))
    if isinstance(value, FormulaNumber):
        return record(0x09, head + struct.pack("<d", value.value) + _FORMULA)
    if isinstance(value, bool):
        return record(0x04, head + bytes([int(value)]))
    if isinstance(value, int | float):
        return record(0x05, head + struct.pack("<d", float(value)))
    return record(0x06, head + _wide(str(value)))


def sheet_bin(rows: list[list[object]], *, first_row: int = 0, extra: bytes = b"") -> bytes:
    """A worksheet part: row ``first_row + i`` holds ``rows[i]`` (None: no cell); ``extra`` goes after the rows."""
    width = max((len(r) for r in rows), default=1)
    dim = struct.pack("<IIII", first_row, first_row + max(len(rows) - 1, 0), 0, max(width - 1, 0))
    body = [record(0x81), record(0x94, dim), record(0x91)]
    for i, row in enumerate(rows):
        body.append(record(0x00, struct.pack("<IIH", first_row + i, 0, 0x0114) + bytes(3) + struct.pack("<I", 0)))
        body.extend(_cell(c, v) for c, v in enumerate(row))
    body += [extra, record(0x92), record(0x82)]
    return b"".join(body)


_CT = (
    '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/'
    'content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.'
    'relationships+xml"/><Default Extension="bin" ContentType="application/vnd.ms-excel.sheet.binary.'
    'macroEnabled.main"/><Override PartName="/xl/workbook.bin" ContentType="application/vnd.ms-excel.'
    'sheet.binary.macroEnabled.main"/>{sheets}</Types>'
)
_RELS = (
    '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/'
    '2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
    'relationships/officeDocument" Target="xl/workbook.bin"/></Relationships>'
)


def write_xlsb(path: Path, sheets: dict[str, list[list[object]] | bytes], strings: list[str] | None = None) -> Path:
    """An .xlsb with one worksheet per entry: its rows (see :func:`sheet_bin`) or its part's bytes;
    ``strings``: a shared strings part (BrtBeginSst, a BrtSSTItem per string, BrtEndSst)."""
    book = [record(0x83), record(0x8F)]
    rels = []
    overrides = []
    for n, name in enumerate(sheets, 1):
        book.append(record(0x9C, struct.pack("<II", 0, n) + _wide(f"rId{n}") + _wide(name)))
        rels.append(
            f'<Relationship Id="rId{n}" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
            f'relationships/worksheet" Target="worksheets/sheet{n}.bin"/>'
        )
        overrides.append(
            f'<Override PartName="/xl/worksheets/sheet{n}.bin" ContentType="application/vnd.ms-excel.worksheet"/>'
        )
    book += [record(0x90), record(0x84)]
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", _CT.format(sheets="".join(overrides)))
        z.writestr("_rels/.rels", _RELS)
        z.writestr("xl/workbook.bin", b"".join(book))
        z.writestr(
            "xl/_rels/workbook.bin.rels",
            '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/'
            'package/2006/relationships">' + "".join(rels) + "</Relationships>",
        )
        if strings is not None:
            items = b"".join(record(0x13, b"\x00" + _wide(text)) for text in strings)
            sst = record(0x9F, struct.pack("<II", len(strings), len(strings))) + items + record(0xA0)
            z.writestr("xl/sharedStrings.bin", sst)
        for n, rows in enumerate(sheets.values(), 1):
            z.writestr(f"xl/worksheets/sheet{n}.bin", rows if isinstance(rows, bytes) else sheet_bin(rows))
    return path
