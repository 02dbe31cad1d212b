"""The xlsx scan of skm/readers/guard.py as it was at commit 14f3240 (before the formula check by
each "f" in its place, the shared ":c" search, the head cut without counting the whole block and the
check of values cut by a block's end), kept unchanged so that tests/test_guard_scan.py and
benchmarks/xlsx_guard.py compare the guard with it. Only the xlsx part (``scan_ooxml``); not
imported by skm."""

from __future__ import annotations

import posixpath
import queue
import re
import struct
import threading
import zipfile
import zlib
from collections.abc import Callable, Generator, Iterator
from dataclasses import dataclass, field
from itertools import islice
from pathlib import Path
from typing import IO
from xml.parsers import expat

from skm.errors import ExitCode, IssueCode, SkmError

MAX_CELLS = 10_000_000  # filled cells in one sheet (100 000 respondents × 100 columns)
MAX_AREA = 20_000_000  # cells of the dense rectangle A1 … farthest cell
FREE_AREA = 1_000_000  # below this area any sparsity is accepted
SPARSE_FACTOR = 20  # above FREE_AREA, the area may be at most this many times the filled cells
MAX_PART_BYTES = 512 * 1024 * 1024  # inflated size of one XML part of an xlsx/ods
MAX_SPREADSHEET_BYTES = 512 * 1024 * 1024  # size on disk of an xls/xlsb (binary formats)
MAX_CSV_BYTES = 256 * 1024 * 1024  # size of a CSV file
MAX_SIDE_FILE_BYTES = 16 * 1024 * 1024  # --labels, --instrument, --previous (JSON), --plan (CSV)
_CHUNK = 16 * 1024 * 1024
_HEAD_CAP = 16 * 1024 * 1024  # inflated bytes kept for a sheet's first rows
_MAX_TAG = 1024 * 1024

_NONFINITE = re.compile(rb"<v>\s*[+-]?(?:[iInN]|[0-9.]{0,20}[eE]\+?[0-9]{3})")
_DETAIL_FLAGS = frozenset({"error", "formula"})
_DOCTYPE = re.compile(rb"<!DOCTYPE|<!ENTITY")
# what a broken or hostile zip makes the standard library raise (bad headers, bad deflate data,
# encryption, unknown compression, bad CRC, truncation)
_ZIP_ERRORS = (
    zipfile.BadZipFile,
    zipfile.LargeZipFile,
    zlib.error,
    struct.error,
    OSError,
    EOFError,
    NotImplementedError,
    RuntimeError,
    ValueError,
    KeyError,
)


@dataclass
class SheetScan:
    """What one worksheet part holds: extent, filled cells, and the cells calamine would blank."""

    member: str
    max_row: int = 0  # 1-based, 0 = empty
    max_col: int = 0
    cells: int = 0
    flags: set[str] = field(default_factory=set)
    implicit: bool = False  # some cells carry no r="A1" reference
    unusable: dict[tuple[int, int], str] = field(default_factory=dict)  # (row0, col0) → shown text
    head: bytes = b""  # the part up to the end of the first rows (when asked for)
    head_complete: bool = True  # ``head`` is the whole part
    head_rows: int = 0  # the rows ``head`` was asked to hold


def _mb(n: int) -> int:
    return n // (1024 * 1024)


def _bounded(digits: str) -> int:
    """A row number as read, but never more than 10**12 (far past any limit anyway)."""
    return int(digits) if len(digits.lstrip("0")) <= 12 else 10**12


def _col_number(letters: str) -> int:
    n = 0
    for ch in letters:
        n = n * 26 + ord(ch) - 64
    return n


def _unreadable(path: Path, reason: str) -> SkmError:
    return SkmError(IssueCode.UNREADABLE, ExitCode.INPUT_ERROR, file=str(path), kind="Excel/ODS", reason=reason)


def _inflated_too_large(path: Path, member: str, limit: int) -> SkmError:
    """The refusal of a package part that inflates (or claims to) past ``limit`` bytes."""
    return SkmError(IssueCode.INFLATED_TOO_LARGE, ExitCode.INPUT_ERROR, file=str(path), member=member, limit=_mb(limit))


def check_file_size(path: Path, limit: int, kind: str) -> None:
    """Refuse a file larger than ``limit`` bytes (exit 3)."""
    try:
        size = path.stat().st_size
    except OSError:
        return  # the reader reports it
    if size > limit:
        raise SkmError(IssueCode.FILE_TOO_LARGE, ExitCode.INPUT_ERROR, file=str(path), limit=_mb(limit), kind=kind)


def read_capped(path: Path, limit: int = MAX_SIDE_FILE_BYTES, kind: str = "TOML/CSV/JSON") -> bytes:
    """At most ``limit`` bytes of a side file (also from a device or a pipe); refuse a longer one.

    Raises :class:`SkmError` exit 3: permission denied or too large; lets ``FileNotFoundError`` and
    other ``OSError`` through for the caller's own message.
    """
    try:
        with path.open("rb") as handle:
            data = handle.read(limit + 1)
    except PermissionError:
        raise SkmError(IssueCode.PERMISSION_DENIED, ExitCode.INPUT_ERROR, file=str(path)) from None
    if len(data) > limit:
        raise SkmError(IssueCode.FILE_TOO_LARGE, ExitCode.INPUT_ERROR, file=str(path), limit=_mb(limit), kind=kind)
    return data


def _stream_parts(path: Path, zf: zipfile.ZipFile, name: str) -> IO[bytes]:
    info = zf.getinfo(name)
    if info.file_size > MAX_PART_BYTES:  # the zip's own claim: refuse early
        raise _inflated_too_large(path, name, MAX_PART_BYTES)
    return zf.open(info)


def _inflating(stream: IO[bytes]) -> Generator[bytes, None, None]:
    """``stream.read(_CHUNK)`` until the end, the next block inflated in a thread while the caller
    looks at the previous one (zlib and the CRC release the GIL; the searches and counts do not).

    At most two blocks wait ahead of the caller (the queue and the one being read), so a zip bomb
    costs at most three blocks of memory before the caller's cap on the inflated size stops it. An
    error of the stream (bad deflate data, bad CRC) is raised in the caller at the block it would
    have read. The thread has stopped when the generator ends, however it ends: the stream is then
    the caller's to close."""
    blocks: queue.Queue[bytes | BaseException] = queue.Queue(maxsize=1)
    stop = threading.Event()

    def produce() -> None:
        while not stop.is_set():
            try:
                item: bytes | BaseException = stream.read(_CHUNK)
            except BaseException as exc:  # noqa: BLE001 - handed to the caller, raised there
                item = exc
            while not stop.is_set():
                try:
                    blocks.put(item, timeout=0.05)
                    break
                except queue.Full:
                    continue
            if not isinstance(item, bytes) or not item:
                return

    worker = threading.Thread(target=produce, name="skm-inflate", daemon=True)
    worker.start()
    try:
        while True:
            item = blocks.get()
            if isinstance(item, BaseException):
                raise item
            yield item
            if not item:
                return
    finally:
        stop.set()
        worker.join()


def _iter_raw(path: Path, zf: zipfile.ZipFile, name: str) -> Generator[bytes, None, None]:
    """The inflated part in blocks of :data:`_CHUNK` bytes (the last one empty), refused as soon as
    the bytes really inflated pass :data:`MAX_PART_BYTES`."""
    total = 0
    with _stream_parts(path, zf, name) as stream:
        blocks = _inflating(stream)
        try:
            for block in blocks:
                total += len(block)
                if total > MAX_PART_BYTES:
                    raise _inflated_too_large(path, name, MAX_PART_BYTES)
                yield block
                if not block:
                    return
        finally:
            blocks.close()  # the thread stops before the stream closes


def _iter_blocks(path: Path, zf: zipfile.ZipFile, name: str) -> Iterator[bytes]:
    """The inflated part in blocks that end on a complete tag, counting the real inflated size."""
    carry = b""
    blocks = _iter_raw(path, zf, name)
    try:
        for block in blocks:
            if not block:
                if carry:
                    yield carry
                return
            data = carry + block
            # anywhere, however long the prolog ("!" alone: a one-byte search is several times faster)
            if b"!" in data and (b"<!DOCTYPE" in data or b"<!ENTITY" in data):
                raise _unreadable(path, f"{name}: DOCTYPE/ENTITY")
            last = data.rfind(b"<")
            if last != -1 and data.find(b">", last) == -1:
                carry = data[last:]
                data = data[:last]
                if len(carry) > _MAX_TAG:
                    raise _unreadable(path, f"{name}: tag > {_MAX_TAG} bytes")
            else:
                carry = b""
            yield data
    finally:
        blocks.close()  # the inflating thread stops, then the stream closes


_ROW_DIGITS_6 = re.compile(rb'<c r="[A-Z]{1,3}([0-9]{6})"')
_ROW_DIGITS_5 = re.compile(rb'<c r="[A-Z]{1,3}([0-9]{5})"')
_LONG_ROWS = re.compile(rb'<c r="[A-Z]{1,3}([0-9]{7,9})"')
# upper-case letters → "A", digits and "." → "0", both quotes → '"', "-" → "+", XML white space, ">"
# and "/" → " ": one translated copy of a block answers "is there a reference / number of this shape" with C-speed
# searches (lower-case letters stay: a reference in lower case is measured by the exact walk)
_SHAPES = bytes.maketrans(
    b"ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789.'-\t\n\r>/",
    b"A" * 26 + b"0" * 11 + b'"+     ',
)
_PREFIXED = re.compile(rb":c[\s>/]")
_ROW_END = re.compile(rb"</row>")
_WHITE = bytes.maketrans(b"\t\n\r'", b'   "')  # for the exact matches: "<c\tr='A1'" is a cell too


def _quick_extent(data: bytes, shapes: bytes, filled: int) -> tuple[int, int] | None:
    """An upper bound of the farthest row and column of a block whose cells all start ``<c r="``;
    ``None`` when the block needs the exact walk (prefixed tags, cells without a reference, odd
    references such as lower-case letters, four letters or ten digits).

    C-speed searches instead of one match per cell, on ``shapes`` (the block translated by
    :data:`_SHAPES`): how many references have one, two or three letters followed by a digit, how
    many digits the longest number before a quote has (then, from six digits on, or from five when
    that bound would not pass for the block's ``filled`` cells, the exact maximum of the references
    of that length, matched from the first such number on: rows are usually in order, so only the
    tail is matched)."""
    cells = shapes.count(b"<c ")  # every cell tag: "<c>", "<c/>", any white space after the name
    if b":" in shapes and b":c " in shapes and _PREFIXED.search(data):  # ":" alone: a one-byte search
        return None  # prefixed cell tags: the exact walk
    if not cells:
        return 0, 0
    letters = 0
    counted = 0
    for n in (1, 2, 3):
        counted += shapes.count(b'<c r="' + b"A" * n + b"0")
        if counted == cells:
            letters = n
            break
    if not letters:
        return None  # no reference, lower case, four letters, no digits: the exact walk reads them
    first = shapes.find(b'000000"')  # six digits or more before a quote: rows from 100 000 on (or other numbers)
    if first < 0:
        # at most five digits: ten thousand rows or more measured on the tail, fewer bounded by their digits
        first = shapes.find(b'00000"')
        bound = 99_999 * (26 if letters < 2 else 26**letters)
        if first >= 0 and bound > FREE_AREA and bound > SPARSE_FACTOR * filled:  # the bound alone would not pass
            found = _ROW_DIGITS_5.findall(data[max(0, first - 9) :].translate(_WHITE))
            max_row = int(max(found)) if found else 9_999
        elif first >= 0:
            max_row = 99_999
        else:
            digits = next((k for k in (4, 3, 2) if b"0" * k + b'"' in shapes), 1)
            max_row = 10**digits - 1
    elif b'0000000"' in shapes[max(0, first - 1) :]:  # seven digits or more: rare (or hostile), measured exactly
        if b'0000000000"' in shapes[max(0, first - 4) :]:
            return None
        max_row = max((int(r) for r in _LONG_ROWS.findall(data.translate(_WHITE))), default=999_999)
    else:  # rows are usually in order: only the tail from the first such number is matched
        found = _ROW_DIGITS_6.findall(data[max(0, first - 9) :].translate(_WHITE))
        max_row = int(max(found)) if found else 99_999  # same length: the text order is the number order
    if letters < 2:
        cols = 26
    else:
        hits = set(re.findall(rb'<c r="([A-Z]{%d})[0-9]' % letters, data.translate(_WHITE)))
        cols = _col_number(max(hits).decode("ascii"))
    return max_row, cols


_CELL_EXACT = re.compile(rb'<c r="([A-Z]{1,3})([0-9]{1,9})"[^>]*?(/?)>')


def _flags_of(data: bytes, shapes: bytes, flags: set[str], values: bool) -> None:
    """The cheap triggers of one block (a false alarm only costs the exact walk or a pass over the cells);
    booleans and non-finite numbers only with ``values`` (a caller reading typed columns checks them)."""
    if "error" not in flags and b't="e"' in shapes:
        flags.add("error")
    # "<f>", "<f t=…", "</x:f>" … (a one-byte search first: a block of shared-string cells has no "f" or ":")
    if "formula" not in flags and b"f" in shapes and (b"<f " in shapes or (b":" in shapes and b":f " in shapes)):
        flags.add("formula")
    if not values:
        return
    if "bool" not in flags and b't="b"' in shapes:
        flags.add("bool")
    if "nonfinite" not in flags:
        # a value not starting with a digit (sign, space, "inf", "nan") or a number with an exponent
        odd = shapes.count(b"<v 0") != shapes.count(b"<v ") or b"0e" in shapes or b"0A" in shapes
        if (b":" in shapes and b":v " in shapes) or (odd and _NONFINITE.search(data)):
            flags.add("nonfinite")


def _scan_sheet(path: Path, zf: zipfile.ZipFile, name: str, head_rows: int = 0, values: bool = True) -> SheetScan:
    scan = SheetScan(name)
    head: list[bytes] = []  # the part up to the end of row ``head_rows`` (the sheet's first rows)
    rows_seen, kept = 0, 0
    for data in _iter_blocks(path, zf, name):
        if head_rows and scan.head_complete:
            ends = data.count(b"</row>")
            if rows_seen + ends < head_rows and kept + len(data) <= _HEAD_CAP:
                head.append(data)
                kept += len(data)
            else:  # cut after row ``head_rows`` (or the last whole row under the cap)
                want = min(head_rows - rows_seen, ends)
                hit = next(islice(_ROW_END.finditer(data), want - 1, None), None) if want > 0 else None
                cut = hit.start() if hit is not None else -1
                if kept + cut + 6 > _HEAD_CAP:
                    cut = data.rfind(b"</row>", 0, max(0, _HEAD_CAP - kept))
                head.append(data[: cut + 6] if cut >= 0 else b"")
                scan.head_complete = False
            rows_seen += ends
        shapes = data.translate(_SHAPES)
        filled = data.count(b"</c>") + (data.count(b":c>") if b":" in shapes and b":c " in shapes else 0)
        scan.cells += filled
        quick = None if scan.implicit else _quick_extent(data, shapes, filled)
        if quick is None:
            scan.implicit = True
        else:
            scan.max_row, scan.max_col = max(scan.max_row, quick[0]), max(scan.max_col, quick[1])
        _flags_of(data, shapes, scan.flags, values)
    if head_rows:
        scan.head = b"".join(head)
    if scan.cells > MAX_CELLS:
        return scan  # refused whatever the positions
    if scan.flags & _DETAIL_FLAGS or scan.implicit:
        _detail(path, zf, scan)  # exact positions, unusable cells
    elif _over_limits(scan):  # the bound counts styled empty cells too: measure exactly
        scan.max_row = scan.max_col = 0
        for data in _iter_blocks(path, zf, name):
            for letters, row, empty in _CELL_EXACT.findall(data.translate(_WHITE)):
                if not empty:
                    scan.max_row = max(scan.max_row, int(row))
                    scan.max_col = max(scan.max_col, _col_number(letters.decode("ascii")))
    return scan


def _local(name: str) -> str:
    """An element or attribute name without its namespace (expat joins them with a space)."""
    return name.rsplit(" ", 1)[-1]


def _detail(path: Path, zf: zipfile.ZipFile, scan: SheetScan) -> None:
    """Walk the part with expat: exact positions (also without r="A1") and the unusable cells."""
    state: dict[str, object] = {"row": 0, "col": 0, "t": None, "f": None, "v": None, "grab": None}
    found: dict[tuple[int, int], str] = {}
    extent = [0, 0, 0]  # max row, max col, filled cells

    def start(name: str, attrs: dict[str, str]) -> None:
        tag = _local(name)
        if tag == "row":
            r = attrs.get("r")
            state["row"] = int(r) if r and r.isdigit() else int(state["row"]) + 1  # type: ignore[call-overload]
            state["col"] = 0
        elif tag == "c":
            ref = attrs.get("r")
            m = re.fullmatch(r"([A-Za-z]+)([0-9]+)", ref or "")
            if m:  # any case, any length, leading zeros: as the library reads it
                state["col"], state["row"] = _col_number(m.group(1).upper()[:8]), _bounded(m.group(2))
            else:
                state["col"] = int(state["col"]) + 1  # type: ignore[call-overload]
            state["t"], state["f"], state["v"] = attrs.get("t"), None, None
        elif tag in {"f", "v"}:
            state[tag] = ""
            state["grab"] = tag
        elif tag == "is":
            state["v"] = ""

    def end(name: str) -> None:
        tag = _local(name)
        if tag in {"f", "v"}:
            state["grab"] = None
        elif tag == "c":
            value, formula = state["v"], state["f"]
            if value is None and formula is None:
                return
            row, col = int(state["row"]), int(state["col"])  # type: ignore[call-overload]
            extent[0], extent[1], extent[2] = max(extent[0], row), max(extent[1], col), extent[2] + 1
            if state["t"] == "e":
                found[(row - 1, col - 1)] = str(value or "#ERROR")[:40]
            elif value is None:
                found[(row - 1, col - 1)] = ("=" + str(formula or "…"))[:40]

    def text(data: str) -> None:
        grab = state["grab"]
        if grab is not None and len(str(state[grab])) < 200:  # type: ignore[index]
            state[grab] = str(state[grab]) + data  # type: ignore[index]

    def refuse(*_: object) -> None:
        raise _unreadable(path, f"{scan.member}: DOCTYPE/ENTITY")

    parser = expat.ParserCreate(namespace_separator=" ")
    parser.StartElementHandler = start
    parser.EndElementHandler = end
    parser.CharacterDataHandler = text
    parser.StartDoctypeDeclHandler = refuse
    parser.EntityDeclHandler = refuse
    try:
        for data in _iter_blocks(path, zf, scan.member):
            parser.Parse(data, False)
        parser.Parse(b"", True)
    except (expat.ExpatError, LookupError) as exc:  # LookupError: an unknown encoding declared
        raise _unreadable(path, f"{scan.member}: {exc}") from None
    scan.max_row, scan.max_col, scan.cells = extent
    scan.unusable = found


def _over_limits(scan: SheetScan) -> bool:
    area = scan.max_row * scan.max_col
    return scan.cells > MAX_CELLS or area > MAX_AREA or (area > FREE_AREA and area > SPARSE_FACTOR * scan.cells)


def _check_extent(path: Path, sheet: str, scan: SheetScan) -> None:
    area = scan.max_row * scan.max_col
    if scan.cells > MAX_CELLS:
        raise SkmError(
            IssueCode.TOO_MANY_CELLS,
            ExitCode.INPUT_ERROR,
            file=str(path),
            sheet=sheet,
            count=scan.cells,
            limit=MAX_CELLS,
        )
    if area > MAX_AREA or (area > FREE_AREA and area > SPARSE_FACTOR * scan.cells):
        letters = ""
        n = scan.max_col
        while n:
            n, rem = divmod(n - 1, 26)
            letters = chr(65 + rem) + letters
        raise SkmError(
            IssueCode.AREA_TOO_LARGE,
            ExitCode.INPUT_ERROR,
            file=str(path),
            sheet=sheet,
            cell=f"{letters}{scan.max_row}",
            area=area,
            count=scan.cells,
            limit=min(MAX_AREA, max(FREE_AREA, SPARSE_FACTOR * scan.cells)),
        )


def _sheet_names(path: Path, zf: zipfile.ZipFile, names: set[str], *, binary: bool = False) -> dict[str, str]:
    """Worksheet part → sheet name, from xl/workbook.xml (``binary``: xl/workbook.bin, an xlsb) and its
    relationships (best effort)."""
    wanted: dict[str, str] = {}  # r:id → sheet name
    targets: dict[str, str] = {}  # r:id → part

    def read_small(name: str) -> bytes:
        info = zf.getinfo(name)
        if info.file_size > MAX_SIDE_FILE_BYTES:
            raise _inflated_too_large(path, name, MAX_SIDE_FILE_BYTES)
        with zf.open(info) as handle:
            data = handle.read(MAX_SIDE_FILE_BYTES + 1)
        if _DOCTYPE.search(data):
            raise _unreadable(path, f"{name}: DOCTYPE/ENTITY")
        return data

    def parse(data: bytes, handler: Callable[[str, dict[str, str]], None]) -> None:
        parser = expat.ParserCreate(namespace_separator=" ")
        parser.StartElementHandler = handler
        try:
            parser.Parse(data, True)
        except (expat.ExpatError, LookupError) as exc:  # LookupError: an unknown encoding declared
            raise _unreadable(path, str(exc)) from None

    def on_sheet(name: str, attrs: dict[str, str]) -> None:
        if _local(name) == "sheet":
            rid = next((v for k, v in attrs.items() if _local(k) == "id" and k != "sheetId"), None)
            if rid is not None:
                wanted[rid] = attrs.get("name", "")

    def on_rel(name: str, attrs: dict[str, str]) -> None:
        if _local(name) == "Relationship" and "Id" in attrs and "Target" in attrs:
            target = attrs["Target"]
            part = target.lstrip("/") if target.startswith("/") else posixpath.join("xl", target)
            targets[attrs["Id"]] = posixpath.normpath(part)

    if binary:
        raise NotImplementedError("xlsb: not kept in this copy")
    parse(read_small("xl/workbook.xml"), on_sheet)
    rels = "xl/_rels/workbook.bin.rels" if binary else "xl/_rels/workbook.xml.rels"
    if rels in names:
        parse(read_small(rels), on_rel)
    if binary and any(rid not in targets for rid in wanted):  # calamine would panic on it
        raise _unreadable(path, "xl/workbook.bin: a sheet without its relationship")
    return {targets[rid]: sheet for rid, sheet in wanted.items() if rid in targets}


_CACHE: dict[tuple[object, ...], dict[str, SheetScan]] = {}


def scan_ooxml(path: Path, *, head_rows: int = 0, values: bool = True) -> dict[str, SheetScan]:
    """Scan an xlsx/xlsm: refuse past the limits (exit 3); sheet name → its scan.

    ``head_rows``: keep each sheet's part up to the end of that row (:attr:`SheetScan.head`).
    ``values=False`` does not look for booleans and non-finite numbers (a reader of typed columns
    checks them): both flags are then set, so a reader of Python cells looks at every cell.
    The last file's scans are kept (by path, size, modification time and inode): the engine and then
    the reference reader of the same file scan it once."""
    try:
        stat = path.stat()
        key: tuple[object, ...] | None = (str(path.resolve()), stat.st_size, stat.st_mtime_ns, stat.st_ino)
    except OSError:
        key = None
    cached = _CACHE.get(key) if key is not None else None
    if cached is not None and all(s.head_rows >= head_rows for s in cached.values()):
        return cached
    scans = _scan_ooxml(path, head_rows, values)
    _CACHE.clear()
    if key is not None:
        _CACHE[key] = scans
    return scans


def _open_package(path: Path, workbook: str) -> tuple[zipfile.ZipFile, set[str]]:
    """An Office package opened as a zip, and its member names; unreadable (exit 3) when it is not a
    zip or lacks its ``workbook`` part."""
    try:
        zf = zipfile.ZipFile(path)
    except _ZIP_ERRORS as exc:
        raise _unreadable(path, str(exc)[:200] or type(exc).__name__) from None
    names = set(zf.namelist())
    if workbook not in names:
        zf.close()
        raise _unreadable(path, f"{workbook} missing")
    return zf, names


def _scan_ooxml(path: Path, head_rows: int, values: bool) -> dict[str, SheetScan]:
    zf, names = _open_package(path, "xl/workbook.xml")
    with zf:
        try:
            titles = _sheet_names(path, zf, names)
            scans: dict[str, SheetScan] = {}
            for member in sorted(n for n in names if n.startswith("xl/worksheets/") and n.endswith(".xml")):
                scan = _scan_sheet(path, zf, member, head_rows, values)
                scan.head_rows = head_rows
                if not values:
                    scan.flags |= {"bool", "nonfinite"}
                sheet = titles.get(member, member)
                _check_extent(path, sheet, scan)
                scans[sheet] = scan
            if "xl/sharedStrings.xml" in names:
                for _ in _iter_blocks(path, zf, "xl/sharedStrings.xml"):
                    pass
        except _ZIP_ERRORS as exc:
            raise _unreadable(path, str(exc)[:200] or type(exc).__name__) from None
    return scans
