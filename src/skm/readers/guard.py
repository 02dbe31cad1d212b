"""Look inside a spreadsheet before it is loaded: refuse what would exhaust memory, find the cells
that hold no answer although they are not blank.

python-calamine materialises a sheet as a dense rectangle from A1 to the farthest used cell, so a
1 KB xlsx with one value at ``XFD1048576`` asks for 17 billion cells, and a zip whose sheet
inflates to gigabytes is read whole. Before calamine sees an xlsx/xlsm, :func:`scan_ooxml`
streams every worksheet part (16 MB at a time, never the whole part) and measures what is
really there, with C-speed byte searches and counts (no match per cell) and an exact walk only
when they cannot bound it:

* inflated size of each XML part (cap :data:`MAX_PART_BYTES`, counted while inflating, not taken
  from the zip's own claims);
* filled cells (cap :data:`MAX_CELLS`) and the dense area they span (cap :data:`MAX_AREA`, and
  no more than :data:`SPARSE_FACTOR` times the filled cells once past :data:`FREE_AREA`);
* cells that calamine would turn into blanks: Excel errors (``#N/A``, ``#DIV/0!``) and formulas
  without a stored value. Their positions are returned so the reader can mark them
  :class:`~skm.readers.cells.Unusable` (an invalid cell, listed), never a blank.

The scan can keep each sheet's first rows (the engine reads them with python-calamine instead
of parsing the sheet twice), and the last file's scans are reused, so a file the engine leaves to
the reference reader is scanned once.

A DOCTYPE (entity declarations: XXE, "billion laughs") in any part is refused. ODS gets the
inflated-size cap, the cell caps and a check on repeated filled rows/columns. The binary formats get
the cell caps and their error cells found by a bounded walk of their records: xlsb
(:func:`scan_xlsb`, BIFF12 records in a zip, each part's inflated size counted) and xls
(:func:`scan_xls`, BIFF8 records in an OLE2 file read with ``xlrd.compdoc``, a file-size cap).
Limits are documented in docs/security.md.
"""

from __future__ import annotations

import codecs
import io
import posixpath
import queue
import re
import struct
import threading
import zipfile
import zlib
from collections.abc import Callable, Generator
from dataclasses import dataclass, field
from itertools import islice
from pathlib import Path
from typing import IO
from xml.parsers import expat

from skm.errors import ExitCode, IssueCode, SkmError

__all__ = [
    "FREE_AREA",
    "MAX_AREA",
    "MAX_CELLS",
    "MAX_CSV_BYTES",
    "MAX_PART_BYTES",
    "MAX_RECORDS",
    "MAX_SIDE_FILE_BYTES",
    "MAX_SPREADSHEET_BYTES",
    "SPARSE_FACTOR",
    "SheetScan",
    "check_file_size",
    "read_capped",
    "scan_ods",
    "scan_ooxml",
    "scan_ooxml_heads",
    "scan_xls",
    "scan_xlsb",
]

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
_HEAD_CHUNK = 1024 * 1024  # the head pass's blocks (a sheet's first rows are usually a small part of a block)
_MAX_TAG = 1024 * 1024

_NONFINITE = re.compile(rb"<v(?:\s[^>]*)?>\s*[+-]?(?:[iInN]|[0-9.]{0,20}[eE]\+?[0-9]{3})")
_VALUE_TAG = re.compile(rb"<(?:[^\s>/:]+:)?v(?:\s[^>]*)?>")  # the start tag of a value (any prefix, attributes)
_SEAM = 256  # bytes of a value's text cut by a block's end looked at with the next block's first bytes
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


def _inflating(stream: IO[bytes], chunk: int = 0) -> Generator[bytes, None, None]:
    """``stream.read(chunk or _CHUNK)`` until the end, the next block inflated in a thread while the caller
    looks at the previous one (zlib and the CRC release the GIL; the searches and counts do not).

    At most two blocks wait ahead of the caller (the queue and the one being read), so a zip bomb
    costs at most three blocks of memory before the caller's cap on the inflated size stops it. An
    error of the stream (bad deflate data, bad CRC) is raised in the caller at the block it would
    have read. The thread has stopped when the generator ends, however it ends: the stream is then
    the caller's to close."""
    blocks: queue.Queue[bytes | BaseException] = queue.Queue(maxsize=1)
    stop = threading.Event()
    size = chunk or _CHUNK

    def produce() -> None:
        while not stop.is_set():
            try:
                item: bytes | BaseException = stream.read(size)
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


def _iter_raw(path: Path, zf: zipfile.ZipFile, name: str, chunk: int = 0) -> Generator[bytes, None, None]:
    """The inflated part in blocks of ``chunk`` (:data:`_CHUNK`) bytes (the last one empty), refused as soon as
    the bytes really inflated pass :data:`MAX_PART_BYTES`."""
    total = 0
    with _stream_parts(path, zf, name) as stream:
        blocks = _inflating(stream, chunk)
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


def _iter_blocks(path: Path, zf: zipfile.ZipFile, name: str, chunk: int = 0) -> Generator[bytes, None, None]:
    """The inflated part in blocks that end on a complete tag, counting the real inflated size."""
    carry = b""
    blocks = _iter_raw(path, zf, name, chunk)
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


def _quick_extent(data: bytes, shapes: bytes, filled: int, prefixed: bool) -> tuple[int, int] | None:
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
    if prefixed and _PREFIXED.search(data):  # ``prefixed``: ":c " in ``shapes`` (looked for once per block)
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


_FEW = 64  # occurrences of a byte looked at one by one before a substring search over the whole block


def _formula_tag(shapes: bytes) -> bool:
    """``b"<f " in shapes or b":f " in shapes`` ("<f>", "<f t=…", "</x:f>" …): each "f" (a one-byte
    search) looked at in its place while there are few (a block of numbers and short texts has none or
    a handful), the two substring searches over the whole block only past :data:`_FEW`."""
    at = shapes.find(b"f")
    for _ in range(_FEW):
        if at < 0:
            return False
        if at > 0 and shapes[at - 1] in b"<:" and shapes[at + 1 : at + 2] == b" ":
            return True
        at = shapes.find(b"f", at + 1)
    return at >= 0 and (b"<f " in shapes or (b":" in shapes and b":f " in shapes))


def _flags_of(data: bytes, shapes: bytes, flags: set[str], values: bool) -> None:
    """The cheap triggers of one block (a false alarm only costs the exact walk or a pass over the cells);
    booleans and non-finite numbers only with ``values`` (a caller reading typed columns checks them)."""
    # a value "e" of any attribute: t="e", and t = 'e' (XML allows white space around "="; calamine reads
    # the cell as a blank all the same); a false alarm (a text holding "e" in quotes) costs the exact walk
    if "error" not in flags and b'"e"' in shapes:
        flags.add("error")
    if "formula" not in flags and _formula_tag(shapes):
        flags.add("formula")
    if not values:
        return
    if "bool" not in flags and b'"b"' in shapes:  # t="b", t = "b" (as for the errors)
        flags.add("bool")
    if "nonfinite" not in flags:
        # a value not starting with a digit (sign, space, "inf", "nan") or a number with an exponent
        odd = shapes.count(b"<v 0") != shapes.count(b"<v ") or b"0e" in shapes or b"0A" in shapes
        if (b":" in shapes and b":v " in shapes) or (odd and _NONFINITE.search(data)):
            flags.add("nonfinite")


def _open_value(data: bytes) -> bytes | None:
    """The value whose text the block's end cuts or has not begun (its start tag and the text so far:
    ``<v>1``, ``<v>``), or ``None``. A block ends on a complete tag, not on a complete text: the next
    block holds the rest."""
    lt = data.rfind(b"<")
    gt = data.find(b">", lt)
    if lt < 0 or gt < 0 or data[gt - 1] == 47:  # no tag, or an empty element ("<v/>")
        return None
    # at most one byte past what is joined: a longer text is taken as non-finite, never copied whole
    return data[lt : max(gt + 1, lt + _SEAM + 1)] if _VALUE_TAG.fullmatch(data, lt, gt + 1) else None


def _nonfinite_across(seam: bytes, data: bytes) -> bool:
    """A value cut by a block's end (``seam``, from its start tag) with its rest at the start of ``data``
    is not a finite number written plainly; a text too long to join (past :data:`_SEAM` bytes) is
    taken as one."""
    rest = data.find(b"<")
    rest = len(data) if rest < 0 else rest
    if len(seam) > _SEAM or rest > _SEAM:
        return True
    text = seam + data[:rest]
    return bool(_NONFINITE.match(_VALUE_TAG.sub(b"<v>", text, count=1)))


class _HeadCut:
    """A part's first ``rows`` rows (at most :data:`_HEAD_CAP` bytes, cut after a whole row) kept from
    its blocks as they pass: :meth:`feed` each block while :attr:`SheetScan.head_complete` holds."""

    def __init__(self, scan: SheetScan, rows: int) -> None:
        self.scan = scan
        self.rows = rows
        self.parts: list[bytes] = []  # the part up to the end of row ``rows``
        self.seen = 0
        self.kept = 0

    def feed(self, data: bytes) -> None:
        # the row ends up to row ``rows`` only (the first rows are usually a small part of the block)
        want = self.rows - self.seen
        ends = [m.start() for m in islice(_ROW_END.finditer(data), want)]
        if len(ends) < want and self.kept + len(data) <= _HEAD_CAP:
            self.parts.append(data)
            self.kept += len(data)
        else:  # cut after row ``rows`` (or the last whole row under the cap)
            cut = ends[-1] if ends else -1
            if self.kept + cut + 6 > _HEAD_CAP:
                cut = data.rfind(b"</row>", 0, max(0, _HEAD_CAP - self.kept))
            self.parts.append(data[: cut + 6] if cut >= 0 else b"")
            self.scan.head_complete = False
        self.seen += len(ends)

    def done(self) -> None:
        self.scan.head = b"".join(self.parts)


def _shapes_of(data: bytes) -> tuple[bytes, bool, int]:
    """A block translated by :data:`_SHAPES`, whether its cell tags may carry a prefix (``x:c``), and
    its filled cells (closing cell tags)."""
    shapes = data.translate(_SHAPES)
    prefixed = b":" in data and b":c " in shapes  # ":" alone first: a one-byte search (the translation keeps ":")
    return shapes, prefixed, data.count(b"</c>") + (data.count(b":c>") if prefixed else 0)


def _scan_sheet(path: Path, zf: zipfile.ZipFile, name: str, head_rows: int = 0, values: bool = True) -> SheetScan:
    scan = SheetScan(name)
    head = _HeadCut(scan, head_rows)  # the part up to the end of row ``head_rows`` (the sheet's first rows)
    seam: bytes | None = None  # ``values``: the value cut by the previous block's end
    for data in _iter_blocks(path, zf, name):
        if values and "nonfinite" not in scan.flags:  # a value cut by the blocks' seam: "<v>1" | "e999</v>"
            if seam is not None and _nonfinite_across(seam, data):
                scan.flags.add("nonfinite")
            seam = _open_value(data)
        if head_rows and scan.head_complete:
            head.feed(data)
        shapes, prefixed, filled = _shapes_of(data)
        scan.cells += filled
        quick = None if scan.implicit else _quick_extent(data, shapes, filled, prefixed)
        if quick is None:
            scan.implicit = True
        else:
            scan.max_row, scan.max_col = max(scan.max_row, quick[0]), max(scan.max_col, quick[1])
        _flags_of(data, shapes, scan.flags, values)
    if head_rows:
        head.done()
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
        wanted.update(_bundle_sheets(path, read_small("xl/workbook.bin")))
    else:
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


def scan_ooxml_heads(path: Path, head_rows: int) -> dict[str, SheetScan] | None:
    """Each worksheet's first ``head_rows`` rows only (sheet name → a scan of them: ``head``,
    ``head_complete``, and the extent and filled cells *of the head*), inflating each part until they
    end: what python-calamine may read of an xlsx/xlsm before :func:`scan_ooxml` has finished.

    Those bytes pass what the full scan applies to them: each part's claimed and really inflated size,
    DOCTYPE/ENTITY, the tag length cap (:func:`_iter_blocks`), and the shared strings the same way (a
    copy of the heads holds them whole). The head's own dense rectangle must pass the sheet limits
    (:func:`_over_limits`, on the upper bound :func:`_quick_extent` gives): ``None`` when it does not, or
    when it cannot be bounded that way (cells without a reference, prefixed tags): the caller then waits
    for :func:`scan_ooxml`. Raises :class:`SkmError` (exit 3) for what it refuses. Not cached: the full
    scan still runs, and decides, before anything below the heads is used."""
    zf, names = _open_package(path, "xl/workbook.xml")
    with zf:
        try:
            titles = _sheet_names(path, zf, names)
            scans: dict[str, SheetScan] = {}
            for member in sorted(n for n in names if n.startswith("xl/worksheets/") and n.endswith(".xml")):
                scan = SheetScan(member, head_rows=head_rows)
                cut = _HeadCut(scan, head_rows)
                blocks = _iter_blocks(path, zf, member, _HEAD_CHUNK)
                try:
                    for data in blocks:
                        cut.feed(data)
                        if not scan.head_complete:
                            break
                finally:
                    blocks.close()  # the inflating thread stops, then the stream closes
                cut.done()
                head = scan.head
                if not scan.head_complete and head.count(b"</row>") != head_rows:
                    return None  # cut by the size cap: where depends on the blocks, the full scan's decide
                shapes, prefixed, scan.cells = _shapes_of(head)
                quick = _quick_extent(head, shapes, scan.cells, prefixed)
                if quick is None:
                    return None
                scan.max_row, scan.max_col = quick
                if _over_limits(scan):
                    return None
                scans[titles.get(member, member)] = scan
            if "xl/sharedStrings.xml" in names:
                for _ in _iter_blocks(path, zf, "xl/sharedStrings.xml"):
                    pass
        except _ZIP_ERRORS as exc:
            raise _unreadable(path, str(exc)[:200] or type(exc).__name__) from None
    return scans


ODS_MAX_REPEAT_COLUMNS = 16_384  # one filled cell repeated across more columns than a sheet has
ODS_MAX_REPEAT_ROWS = 65_536  # one filled row repeated more often


def _ods_repeat_refusal(path: Path, count: int, limit: int) -> SkmError:
    return SkmError(IssueCode.REPEAT_TOO_LARGE, ExitCode.INPUT_ERROR, file=str(path), count=count, limit=limit)


_OFFICE = "urn:oasis:names:tc:opendocument:xmlns:office:1.0 "
_ODS_MAX_MARKED = 100_000  # unusable cells marked per table (each is an invalid cell for the reader)


def _attr(attrs: dict[str, str], name: str) -> str | None:
    """The value of the attribute named ``name`` in any namespace."""
    return next((v for k, v in attrs.items() if _local(k) == name), None)


def _repeat(attrs: dict[str, str], name: str) -> int:
    try:
        return max(1, int((_attr(attrs, name) or "1").strip()))
    except ValueError:
        return 1


class _OdsWalk:
    """The extent of each table of an ODS ``content.xml``, followed as a stream of tags (expat): rows and
    cells with their repeats, the farthest filled row and column, the filled cells counted with their
    repeats; checked with the xlsx caps (:func:`_check_extent`) and the repeat limits."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.table: SheetScan | None = None
        self.row = 0  # rows before the open row
        self.row_repeat = 0  # the open row's repeat (0: none open)
        self.col = 0  # cells before the open cell
        self.cell_repeat = 0  # the open cell's repeat (0: none open)
        self.cell_filled = False
        self.row_cells = 0  # filled cells of the open row (its repeats not counted)
        self.row_last = 0  # the open row's farthest filled column
        self.scans: dict[str, SheetScan] = {}
        # the open cell: has it a value type, a formula, an error value, and its text (for an unusable cell)
        self.typed = False
        self.formula = ""
        self.error = False
        self.text: list[str] = []
        self.row_unusable: list[tuple[int, int, str]] = []  # (first column, repeat, shown text) of the open row

    def text_data(self, data: str) -> None:
        if self.cell_repeat and sum(len(t) for t in self.text) < 200:
            self.text.append(data)

    def start(self, name: str, attrs: dict[str, str]) -> None:
        local = _local(name)
        if local == "table":
            self.table = SheetScan(_attr(attrs, "name") or "")
            self.table.flags |= {"bool", "nonfinite"}  # not looked for here: the reader checks every cell
            self.scans.setdefault(self.table.member, self.table)
            self.row = 0
        elif local == "table-row":
            self.row_repeat, self.col, self.row_cells, self.row_last = _repeat(attrs, "number-rows-repeated"), 0, 0, 0
            self.row_unusable = []
        elif local in ("table-cell", "covered-table-cell"):
            self.cell_repeat = _repeat(attrs, "number-columns-repeated")
            types = {k: v for k, v in attrs.items() if _local(k) == "value-type"}
            # office:value-type is what calamine reads; calcext:value-type="error" marks an error value
            self.typed = any(k.startswith(_OFFICE) for k in types)
            self.error = any(v == "error" for v in types.values())
            self.formula = _attr(attrs, "formula") or ""
            self.cell_filled = bool(types)
            self.text = []
        elif local == "p" and self.cell_repeat:
            self.cell_filled = True

    def end(self, name: str) -> None:
        local = _local(name)
        if local in ("table-cell", "covered-table-cell") and self.cell_repeat:
            if self.cell_filled:
                if self.cell_repeat > ODS_MAX_REPEAT_COLUMNS:
                    raise _ods_repeat_refusal(self.path, self.cell_repeat, ODS_MAX_REPEAT_COLUMNS)
                self.row_cells += self.cell_repeat
                self.row_last = self.col + self.cell_repeat
            # calamine gives a blank for a cell without a value type (a formula without a stored value, an
            # error), a number for an error typed as one: the reader marks them (never a silent blank)
            shown = "".join(self.text).strip()
            if self.error or (not self.typed and (self.formula or shown)):
                text = shown or ("=" + self.formula.removeprefix("of:").lstrip("=") if self.formula else "#ERROR")
                self.row_unusable.append((self.col, self.cell_repeat, text[:40]))
            self.col += self.cell_repeat
            self.cell_repeat, self.cell_filled = 0, False
        elif local == "table-row" and self.row_repeat:
            if self.row_cells and self.table is not None:
                if self.row_repeat > ODS_MAX_REPEAT_ROWS:
                    raise _ods_repeat_refusal(self.path, self.row_repeat, ODS_MAX_REPEAT_ROWS)
                scan = self.table
                scan.cells += self.row_cells * self.row_repeat
                scan.max_row = self.row + self.row_repeat
                scan.max_col = max(scan.max_col, self.row_last)
                if scan.cells > MAX_CELLS or scan.max_row * scan.max_col > MAX_AREA:
                    _check_extent(self.path, scan.member, scan)  # refused as soon as it is certain
            if self.table is not None:  # at most _ODS_MAX_MARKED positions, however large the repeats
                found = self.table.unusable
                rows = range(self.row, self.row + self.row_repeat)
                for first, width, text in self.row_unusable:
                    cells = ((r, c) for r in rows for c in range(first, first + width))  # lazy, unlike product
                    found.update(dict.fromkeys(islice(cells, max(0, _ODS_MAX_MARKED - len(found))), text))
            self.row += self.row_repeat
            self.row_repeat = 0
        elif local == "table" and self.table is not None:
            _check_extent(self.path, self.table.member, self.table)
            self.table = None


def scan_ods(path: Path) -> dict[str, SheetScan]:
    """Refuse an ODS whose content inflates past the cap, repeats a filled cell or row enormously, or
    whose tables hold more filled cells or span a larger or sparser area than an xlsx may
    (:data:`MAX_CELLS`, :data:`MAX_AREA`, :data:`SPARSE_FACTOR`): calamine expands repeated rows between
    filled ones into a dense grid. The whole part is walked (rows of any length, repeats anywhere)."""
    try:
        zf = zipfile.ZipFile(path)
    except _ZIP_ERRORS as exc:
        raise _unreadable(path, str(exc)[:200] or type(exc).__name__) from None
    with zf:
        if "content.xml" not in zf.namelist():
            raise _unreadable(path, "content.xml missing")
        try:
            walk = _OdsWalk(path)
            parser = expat.ParserCreate(namespace_separator=" ")
            parser.StartElementHandler = walk.start
            parser.EndElementHandler = walk.end
            parser.CharacterDataHandler = walk.text_data
            for data in _iter_blocks(path, zf, "content.xml"):
                parser.Parse(data, False)
            parser.Parse(b"", True)
        except (expat.ExpatError, LookupError) as exc:  # LookupError: an unknown encoding declared
            raise _unreadable(path, f"content.xml: {exc}"[:200]) from None
        except _ZIP_ERRORS as exc:
            raise _unreadable(path, str(exc)[:200] or type(exc).__name__) from None
    return walk.scans


# --- binary workbooks: xlsb (BIFF12 records in a zip), xls (BIFF8 records in an OLE2 compound file) ----------

MAX_RECORDS = 3 * MAX_CELLS  # records of one xlsb sheet or xls stream (a cell, a row header, a styled blank: one each)
_ERROR_TEXT = {
    0x00: "#NULL!",
    0x07: "#DIV/0!",
    0x0F: "#VALUE!",
    0x17: "#REF!",
    0x1D: "#NAME?",
    0x24: "#NUM!",
    0x2A: "#N/A",
    0x2B: "#GETTING_DATA",
}
_U32 = struct.Struct("<I").unpack_from
_U16 = struct.Struct("<H").unpack_from
_BIFF8_CELL = struct.Struct("<HH").unpack_from  # row, column of a BIFF8 cell record
# BIFF12 cell records calamine reads, with the bytes it reads of them (a shorter one makes it fail):
# BrtCellRk, BrtCellError, BrtCellBool, BrtCellReal, BrtCellSt, BrtCellIsst, BrtFmlaString, BrtFmlaNum,
# BrtFmlaBool; BrtFmlaError (0x0B) it skips, so its cell would be missing: marked from its error code
_XLSB_NEED = bytes([0, 0, 12, 9, 9, 16, 12, 12, 12, 16, 9, 8])  # by record type 0x00 … 0x0B
# before BrtBeginSheetData calamine skips these blocks whole (a BrtBeginSheetData inside one is not the start)
_XLSB_BLOCKS = {0x85: 0x86, 0x25: 0x26, 0x186: 0x187}
_XLSB_PAD = 22  # a record header (at most 2 + 4 bytes) and the 16 bytes read of a record


def _too_many_records(path: Path, member: str) -> SkmError:
    return _unreadable(path, f"{member}: more than {MAX_RECORDS} records")


class _Biff12Sheet:
    """One xlsb worksheet part, its BIFF12 records followed as python-calamine follows them: up to
    BrtWsDim, up to BrtBeginSheetData (skipping the blocks it skips), then the cells up to
    BrtEndSheetData (or a row number past 2**20, where calamine stops). Fed in blocks; a record may
    span blocks (its header and first 16 bytes are carried over, the rest skipped)."""

    def __init__(self, path: Path, member: str, strings: int | None = None) -> None:
        self.path = path
        self.strings = strings  # the shared strings calamine will hold (None: not known, not checked)
        self.scan = SheetScan(member)
        self.scan.flags |= {"bool", "nonfinite"}  # not looked for here: the reader checks every cell
        self.phase = 0  # 0: before BrtWsDim, 1: before BrtBeginSheetData, 2: the cells, 3: done
        self.until = -1  # phase 1: the record type that ends the block being skipped
        self.row = 0
        self.records = 0
        self.carry = b""
        self.skip = 0  # bytes of the last record still to come in the next blocks

    def feed(self, block: bytes) -> None:
        """The next inflated block; ``b""`` at the end of the part."""
        if self.phase == 3:
            return
        if not block:
            if self.skip or self.carry:  # a record cut by the end of the part: calamine cannot read it
                data = self.carry + bytes(_XLSB_PAD)
                if self.skip or self._run(data, len(self.carry), len(self.carry)) > len(self.carry):
                    raise _unreadable(self.path, f"{self.scan.member}: truncated record")
            if self.phase != 3:
                raise _unreadable(self.path, f"{self.scan.member}: no end of the sheet data")
            return
        if self.skip >= len(block):
            self.skip -= len(block)
            return
        data = self.carry + block[self.skip :] if self.carry else block[self.skip :]
        self.skip, self.carry = 0, b""
        end = len(data)
        pos = self._run(data, max(0, end - _XLSB_PAD), end)
        if pos > end:
            self.skip = pos - end
        elif self.phase != 3:
            self.carry = data[pos:]
        scan = self.scan
        if scan.cells > MAX_CELLS or scan.max_row * scan.max_col > MAX_AREA:
            _check_extent(self.path, scan.member, scan)  # refused as soon as it is certain

    def _check_string(self, data: bytes, body: int) -> None:
        """A BrtCellIsst naming a shared string calamine does not hold would make it panic."""
        index = _U32(data, body + 8)[0]
        if self.strings is not None and index >= self.strings:
            raise _unreadable(self.path, f"{self.scan.member}: shared string {index} of {self.strings}")

    def _run(self, data: bytes, stop: int, end: int) -> int:
        """The records starting before ``stop`` (``data`` holds at least :data:`_XLSB_PAD` bytes past it);
        the position after the last one (past ``end`` when it continues in the next block)."""
        pos = 0
        phase, row = self.phase, self.row
        scan = self.scan
        found = scan.unusable
        max_row, max_col, cells = scan.max_row, scan.max_col, scan.cells
        need = _XLSB_NEED
        records = 0
        try:
            while pos < stop:
                kind = data[pos]
                size = data[pos + 1]
                records += 1
                if phase == 2 and kind < 0x80 and size < 0x80:  # the cells, short headers: the fast path
                    body = pos + 2
                    pos = body + size
                    if kind > 0x0B:
                        if kind == 0x92:  # BrtEndSheetData
                            phase = 3
                            break
                    elif kind > 1:  # a cell record with a value
                        if size < need[kind]:
                            raise _unreadable(self.path, f"{scan.member}: a cell record of {size} bytes")
                        col = _U32(data, body)[0]
                        cells += 1
                        if col >= max_col:
                            max_col = col + 1
                        if row >= max_row:
                            max_row = row + 1
                        if kind == 0x03 or kind == 0x0B:  # noqa: PLR1714 - two ints: faster than a set
                            found[(row, col)] = _ERROR_TEXT.get(data[body + 8] if size > 8 else -1, "#ERROR")
                        elif kind == 0x07:
                            self._check_string(data, body)
                    elif kind == 0:  # BrtRowHdr
                        if size < 4:
                            raise _unreadable(self.path, f"{scan.member}: a row record of {size} bytes")
                        row = _U32(data, body)[0]
                        if row > 0x0010_0000:  # calamine stops there
                            phase = 3
                            break
                    continue
                # the header as calamine reads it: a type of one or two bytes, a size of one to four bytes
                if kind < 0x80:
                    pos += 1
                else:
                    kind = (kind & 0x7F) | ((size & 0x7F) << 7)
                    pos += 2
                size = data[pos]
                pos += 1
                if size >= 0x80:
                    size &= 0x7F
                    for shift in (7, 14, 21):
                        byte = data[pos]
                        pos += 1
                        size |= (byte & 0x7F) << shift
                        if byte < 0x80:
                            break
                body = pos
                pos += size
                if phase == 2:
                    if 1 < kind <= 0x0B:
                        if size < need[kind]:
                            raise _unreadable(self.path, f"{scan.member}: a cell record of {size} bytes")
                        col = _U32(data, body)[0]
                        cells += 1
                        max_row, max_col = max(max_row, row + 1), max(max_col, col + 1)
                        if kind == 0x03 or kind == 0x0B:  # noqa: PLR1714
                            found[(row, col)] = _ERROR_TEXT.get(data[body + 8] if size > 8 else -1, "#ERROR")
                        elif kind == 0x07:
                            self._check_string(data, body)
                    elif kind == 0x00:
                        if size < 4:
                            raise _unreadable(self.path, f"{scan.member}: a row record of {size} bytes")
                        row = _U32(data, body)[0]
                        if row > 0x0010_0000:
                            phase = 3
                            break
                    elif kind == 0x92:
                        phase = 3
                        break
                elif phase == 0:
                    if kind == 0x94:  # BrtWsDim: calamine reads its 16 bytes (a shorter one makes it panic)
                        if size < 16:
                            raise _unreadable(self.path, f"{scan.member}: a dimension record of {size} bytes")
                        phase = 1
                elif self.until >= 0:
                    if kind == self.until:
                        self.until = -1
                elif kind == 0x91:  # BrtBeginSheetData
                    phase = 2
                else:
                    self.until = _XLSB_BLOCKS.get(kind, -1)
        finally:
            self.phase, self.row, self.records = phase, row, self.records + records
            scan.max_row, scan.max_col, scan.cells = max_row, max_col, cells
        if self.records > MAX_RECORDS:  # checked once per block: the work is bounded all the same
            raise _too_many_records(self.path, scan.member)
        if phase == 3 and pos > end:
            return end  # the sheet data ended in this record: nothing more is read
        return pos


def _bundle_sheets(path: Path, data: bytes) -> dict[str, str]:
    """Relationship id → sheet name, from the BrtBundleSh records of an xlsb's ``xl/workbook.bin``."""
    wanted: dict[str, str] = {}
    pos, end = 0, len(data)

    def wide(at: int) -> tuple[str | None, int]:
        if at + 4 > stop:
            raise _unreadable(path, "xl/workbook.bin: a sheet record cut short")
        count = _U32(data, at)[0]
        if count == 0xFFFF_FFFF:
            return None, at + 4
        if at + 4 + 2 * count > stop:
            raise _unreadable(path, "xl/workbook.bin: a sheet name longer than its record")
        return data[at + 4 : at + 4 + 2 * count].decode("utf-16-le", "replace"), at + 4 + 2 * count

    while pos < end:
        header = data[pos : pos + 6] + bytes(6)
        kind, used = (header[0], 1) if header[0] < 0x80 else ((header[0] & 0x7F) | ((header[1] & 0x7F) << 7), 2)
        size = 0
        for i in range(4):
            byte = header[used + i]
            size |= (byte & 0x7F) << (7 * i)
            if byte < 0x80:
                used += i + 1
                break
        else:
            used += 4
        body, stop = pos + used, pos + used + size
        if stop > end:
            raise _unreadable(path, "xl/workbook.bin: truncated record")
        if kind == 0x9C:  # BrtBundleSh: state, tab id, relationship id, name
            rid, at = wide(body + 8)
            name, _ = wide(at)
            if rid is not None:
                wanted[rid] = name or ""
        elif kind == 0x90:  # BrtEndBundleShs
            break
        pos = stop
    return wanted


def _sst_count(path: Path, zf: zipfile.ZipFile) -> int | None:
    """The number of strings python-calamine reads from ``xl/sharedStrings.bin`` (the unique count of
    its BrtBeginSst, looked for in the first block; None when not there: calamine then refuses the
    part itself), the whole part inflated with its size counted."""
    count: int | None = None
    first = True
    for block in _iter_raw(path, zf, "xl/sharedStrings.bin"):
        if first:
            first = False
            data = block + bytes(_XLSB_PAD)
            pos, end = 0, len(block)
            while pos < end and count is None:
                kind = data[pos]
                pos += 1
                if kind >= 0x80:
                    kind = (kind & 0x7F) | ((data[pos] & 0x7F) << 7)
                    pos += 1
                size = 0
                for shift in (0, 7, 14, 21):
                    byte = data[pos]
                    pos += 1
                    size |= (byte & 0x7F) << shift
                    if byte < 0x80:
                        break
                if kind == 0x9F and size >= 8 and pos + 8 <= end:  # BrtBeginSst: total, unique
                    count = _U32(data, pos + 4)[0]
                pos += size
    return count


def scan_xlsb(path: Path) -> dict[str, SheetScan]:
    """Scan an xlsb (BIFF12 records in a zip): refuse past the limits of an xlsx (exit 3); sheet name →
    its scan, whose ``unusable`` holds the error cells (BrtCellError, BrtFmlaError) calamine reads as
    blanks or leaves out. Every worksheet part, the shared strings and the styles are inflated with
    their real size counted (:data:`MAX_PART_BYTES`), the records of a sheet at most
    :data:`MAX_RECORDS`."""
    zf, names = _open_package(path, "xl/workbook.bin")
    with zf:
        try:
            titles = _sheet_names(path, zf, names, binary=True)
            strings = _sst_count(path, zf) if "xl/sharedStrings.bin" in names else 0
            scans: dict[str, SheetScan] = {}
            for member in sorted(n for n in names if n.startswith("xl/worksheets/") and n.endswith(".bin")):
                walk = _Biff12Sheet(path, member, strings)
                for block in _iter_raw(path, zf, member):
                    walk.feed(block)
                sheet = titles.get(member, member)
                _check_extent(path, sheet, walk.scan)
                scans[sheet] = walk.scan
            if "xl/styles.bin" in names:
                for _ in _iter_raw(path, zf, "xl/styles.bin"):
                    pass
        except _ZIP_ERRORS as exc:
            raise _unreadable(path, str(exc)[:200] or type(exc).__name__) from None
    return scans


_XLS_BOOLERR, _XLS_FORMULA, _XLS_MULRK = 0x0205, 0x0006, 0x00BD
# the cell records with one value: NUMBER, RK, LABELSST, LABEL, RSTRING, BOOLERR, FORMULA
_XLS_CELLS = frozenset({0x0203, 0x027E, 0x00FD, 0x0204, 0x00D6, _XLS_BOOLERR, _XLS_FORMULA})


def _xls_stream(path: Path, data: bytes) -> tuple[bytes, int, int]:
    """The workbook stream of an OLE2 compound file: (buffer, start, length), by xlrd's reader of the
    container (chains checked for loops and bounds; a broken container raises)."""
    from xlrd.compdoc import CompDoc  # noqa: PLC0415 - only when an xls is read

    try:
        doc = CompDoc(data, logfile=io.StringIO())
        for name in ("Workbook", "Book"):
            mem, base, length = doc.locate_named_stream(name)
            if mem is not None:
                if base < 0 or length < 0 or base + length > len(mem):
                    raise _unreadable(path, "the workbook stream lies outside the file")
                return mem, base, length
    except SkmError:
        raise
    except Exception as exc:  # noqa: BLE001 - xlrd raises several types for a broken container
        raise _unreadable(path, f"OLE2: {exc}"[:200]) from None
    raise _unreadable(path, "no Workbook stream (not an Excel 97-2003 workbook)")


def _boundsheet_name(body: bytes, biff8: bool, codepage: str) -> str:
    """The name of a BOUNDSHEET record (after its position, state and type)."""
    count = body[6] if len(body) > 6 else 0
    if not biff8:
        return body[7 : 7 + count].decode(codepage, "replace")
    wide = len(body) > 7 and body[7] & 1
    chars = body[8 : 8 + count * (2 if wide else 1)]
    return chars.decode("utf-16-le" if wide else "latin-1", "replace")


def _xls_dimension(path: Path, sheet: str, mem: bytes, body: int, size: int) -> None:
    """A DIMENSIONS record: python-calamine reserves room for the rows × columns it announces before
    reading a cell (u32 arithmetic that wraps when the last row is before the first): a claim past
    :data:`MAX_AREA` would abort the process, so it is refused."""
    if size == 14:
        first_row, last_row, first_col, last_col = struct.unpack_from("<IIHH", mem, body)
    elif size == 10:
        first_row, last_row, first_col, last_col = struct.unpack_from("<HHHH", mem, body)
    else:
        return  # the library refuses the record itself
    if last_row < 1 or last_col < 1:
        return
    rows = (last_row - 1 - first_row + 1) % 2**32
    cols = (last_col - 1 - first_col + 1) % 2**32
    if rows * cols > MAX_AREA:
        raise _unreadable(path, f"sheet '{sheet}': its dimensions announce {rows * cols} cells (limit {MAX_AREA})")


def _xls_sheet(path: Path, mem: bytes, pos: int, end: int, scan: SheetScan, records: int) -> int:
    """The records of one sheet from ``pos`` (its BOF, where its BOUNDSHEET record puts it) to the first
    EOF, as python-calamine reads them: the extent and error cells into ``scan``, the DIMENSIONS
    checked; the records counted so far (with ``records`` before)."""
    cells, max_row, max_col = scan.cells, scan.max_row, scan.max_col
    found = scan.unusable
    cell_kinds = _XLS_CELLS
    try:
        while pos + 4 <= end:
            kind, size = _BIFF8_CELL(mem, pos)
            body = pos + 4
            pos = body + size
            if pos > end:
                raise _unreadable(path, f"sheet '{scan.member}': a record cut short")
            records += 1
            if kind in cell_kinds:
                if size < 6:
                    raise _unreadable(path, f"sheet '{scan.member}': a cell record of {size} bytes")
                row, col = _BIFF8_CELL(mem, body)
                cells += 1
                if row >= max_row:
                    max_row = row + 1
                if col >= max_col:
                    max_col = col + 1
                if kind == _XLS_BOOLERR:
                    if size >= 8 and mem[body + 7] == 1:  # an error, not a boolean
                        found[(row, col)] = _ERROR_TEXT.get(mem[body + 6], "#ERROR")
                elif (
                    kind == _XLS_FORMULA
                    and size >= 14
                    and mem[body + 6] == 2
                    and mem[body + 12 : body + 14] == b"\xff\xff"
                ):
                    found[(row, col)] = _ERROR_TEXT.get(mem[body + 8], "#ERROR")  # the stored result is an error
            elif kind == _XLS_MULRK:
                if size < 6:
                    raise _unreadable(path, f"sheet '{scan.member}': a cell record of {size} bytes")
                row, first = _BIFF8_CELL(mem, body)
                last = _U16(mem, pos - 2)[0]
                if last >= first:
                    cells += last - first + 1
                    max_row, max_col = max(max_row, row + 1), max(max_col, last + 1)
            elif kind == 0x0200:
                _xls_dimension(path, scan.member, mem, body, size)
            elif kind == 0x000A:  # EOF: the library stops there (an embedded chart's EOF too)
                break
            if records > MAX_RECORDS:
                raise _too_many_records(path, "Workbook")
    finally:
        scan.cells, scan.max_row, scan.max_col = cells, max_row, max_col
    return records


def scan_xls(path: Path) -> dict[str, SheetScan]:
    """Scan an xls (BIFF8, or BIFF5, records in an OLE2 compound file) as python-calamine reads it:
    the workbook globals up to their EOF, then each sheet from where its BOUNDSHEET record puts it up
    to its EOF. Refused (exit 3): a file over :data:`MAX_SPREADSHEET_BYTES`, a broken container, a
    record cut short, more than :data:`MAX_RECORDS` records in all, an encrypted workbook, a shared
    string table or sheet dimensions announcing more than the file can hold (the library reserves
    memory for them first), a sheet past the limits of an xlsx. Sheet name → its scan, whose
    ``unusable`` holds the error cells calamine reads as blanks: BOOLERR records holding an error,
    FORMULA records whose stored result is an error."""
    check_file_size(path, MAX_SPREADSHEET_BYTES, "xls")
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise _unreadable(path, exc.strerror or type(exc).__name__) from None
    mem, base, length = _xls_stream(path, data)
    end = base + length
    sheets: list[tuple[int, str]] = []  # (stream offset of the sheet's BOF, name), in BOUNDSHEET order
    biff8, codepage = True, "cp1252"
    pos, records = base, 0
    while pos + 4 <= end:  # the globals
        kind, size = _BIFF8_CELL(mem, pos)
        body = pos + 4
        if body + size > end:
            raise _unreadable(path, f"a record cut short at byte {pos - base} of the workbook stream")
        records += 1
        if records > MAX_RECORDS:
            raise _too_many_records(path, "Workbook")
        if kind == 0x000A:  # EOF
            break
        if kind == 0x0809 and size >= 2:  # BOF
            biff8 = _U16(mem, body)[0] in (0x0600, 0)
        elif kind == 0x0085 and size >= 6:  # BOUNDSHEET: where the sheet's BOF is, and its name
            name = _boundsheet_name(bytes(mem[body : body + size]), biff8, codepage)
            sheets.append((_U32(mem, body)[0], name.replace("\0", "")))
        elif kind == 0x0042 and size >= 2:  # CODEPAGE (the names of a BIFF5 workbook)
            number = _U16(mem, body)[0]
            codepage = "cp1252" if number in (1200, 0x8000, 0x8001) else f"cp{number}"
            try:
                codecs.lookup(codepage)
            except LookupError:
                codepage = "cp1252"
        elif kind == 0x002F and size >= 2 and _U16(mem, body)[0]:  # FILEPASS: the records are encrypted
            raise _unreadable(path, "encrypted (password protected)")
        elif kind == 0x00FC and size >= 8:  # SST: the library reserves room for its unique count first
            unique = struct.unpack_from("<i", mem, body + 4)[0]
            if unique < 0 or unique > length // 3:
                raise _unreadable(path, f"a shared string table of {unique} strings in {length} bytes")
        pos = body + size
    scans: dict[str, SheetScan] = {}
    for offset, name in sheets:
        if offset >= length:
            raise _unreadable(path, f"sheet '{name}' starts past the workbook stream")
        scan = scans.setdefault(name, SheetScan(name))
        scan.flags |= {"bool", "nonfinite"}  # not looked for here: the reader checks every cell
        records = _xls_sheet(path, mem, base + offset, end, scan, records)
        _check_extent(path, name, scan)
    return scans
