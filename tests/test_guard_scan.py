"""The xlsx guard's scan against its copy before the single-search formula check (tests/guard_before.py,
commit 14f3240): the same refusals, extents, cell counts, flags, unusable cells and first rows on
generated sheets, hostile ones included, with the inflated part cut into blocks of any size (a tag,
a formula, an error cell or a value split across two blocks). The one difference allowed is a
stricter one: a non-finite value cut by a block's end, or inside a value tag with attributes, which
the earlier scan let pass unseen."""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import guard_before
from skm.errors import SkmError
from skm.readers import guard
from test_hostile import _WB, _WBRELS  # the same minimal workbook part and its relations

_CT = (
    '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/'
    'content-types"><Default Extension="xml" ContentType="application/xml"/></Types>'
)
_HEAD = (
    '<?xml version="1.0" encoding="UTF-8"?>\r\n<worksheet xmlns="http://schemas.openxmlformats.org/'
    'spreadsheetml/2006/main" xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
    "<sheetData>"
)
_TAIL = "</sheetData></worksheet>"
# what the scan must see wherever a block ends: a non-finite value (the stricter check)
_NONFINITE = re.compile(rb"<(?:[^\s>/:]+:)?v(?:\s[^>]*)?>\s*[+-]?(?:[iInN]|[0-9.]{0,20}[eE]\+?[0-9]{3})")


def write(path: Path, sheet: str) -> Path:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", _CT)
        z.writestr("xl/workbook.xml", _WB)
        z.writestr("xl/_rels/workbook.xml.rels", _WBRELS)
        z.writestr("xl/worksheets/sheet1.xml", sheet)
    return path


def letters(n: int) -> str:
    out = ""
    while n:
        n, rem = divmod(n - 1, 26)
        out = chr(65 + rem) + out
    return out


def outcome(module: object, path: Path, head_rows: int, values: bool) -> object:
    """What a scan gives: the refusal (its code and fields) or every field of each sheet's scan."""
    module._CACHE.clear()  # type: ignore[attr-defined]
    try:
        scans = module.scan_ooxml(path, head_rows=head_rows, values=values)  # type: ignore[attr-defined]
    except SkmError as exc:
        return ("refused", exc.code, sorted((k, str(v)) for k, v in exc.params.items()))
    return {
        name: (s.max_row, s.max_col, s.cells, s.flags, s.implicit, s.unusable, s.head, s.head_complete)
        for name, s in scans.items()
    }


def verdict(result: object) -> object:
    """A scan's outcome without its extent (a bound that depends on where the blocks end, measured
    exactly whenever it would not pass): the refusal, or each sheet's cells, flags, unusable cells
    and first rows."""
    if not isinstance(result, dict):
        return result
    return {name: (s[2], s[3], s[5], s[6], s[7]) for name, s in result.items()}


def compare(path: Path, chunk: int, head_rows: int, values: bool, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(guard, "_CHUNK", chunk)
    monkeypatch.setattr(guard_before, "_CHUNK", chunk)
    ours = outcome(guard, path, head_rows, values)
    before = outcome(guard_before, path, head_rows, values)
    if isinstance(ours, dict) and isinstance(before, dict) and values:
        # the one difference allowed: a non-finite value the earlier scan did not see
        xml = zipfile.ZipFile(path).read("xl/worksheets/sheet1.xml")
        for name, scan in ours.items():
            flags, old_flags = scan[3], before[name][3]
            assert old_flags <= flags
            if flags - old_flags:
                assert flags - old_flags == {"nonfinite"}
                assert _NONFINITE.search(xml)
            old = before[name]
            before[name] = (*old[:3], flags, *old[4:])
    assert ours == before


def cell_xml(kind: int, row: int, column: int, text: str) -> str:
    """One cell in one of the shapes a writer, a damaged file or an attacker may give it."""
    ref = f"{letters(column)}{row}"
    shapes = [
        f'<c r="{ref}"><v>{column % 5}</v></c>',
        f'<c r="{ref}" t="inlineStr"><is><t>{text}</t></is></c>',
        f'<c r="{ref}" s="1"/>',  # styled, empty
        f'<c r="{ref}" t="e"><v>#N/A</v></c>',  # an Excel error
        f"<c r='{ref}' t='e'><v>#DIV/0!</v></c>",  # single quotes
        f'<c r="{ref}"><f>SUM(A1:A{row})</f></c>',  # a formula without its value
        f'<c r="{ref}"><f>1+1</f><v>2</v></c>',  # with its value
        f'<c\tr="{ref}"\n><v>1</v></c>',  # other white space
        f'<c r="{ref.lower()}"><v>1</v></c>',  # lower case
        f"<c><v>{column}</v></c>",  # no reference
        f'<x:c r="{ref}"><x:v>3</x:v></x:c>',  # a prefixed tag
        f'<c r="{ref}" t="b"><v>1</v></c>',  # a boolean
        f'<c r="{ref}"><v>nan</v></c>',
        f'<c r="{ref}"><v>1e999</v></c>',
        f'<c r="{ref}"><v xml:space="preserve"> inf</v></c>',
        f'<c r="{ref}"><x:f>A1</x:f></c>',
        f'<c r="{ref}" t="str"><f>"f"&amp;"f"</f><v>ff</v></c>',
    ]
    return shapes[kind % len(shapes)]


_TEXTS = st.text(alphabet="abcdefABCF fx<>", max_size=12).map(lambda s: s.replace("<", "&lt;").replace(">", "&gt;"))
_CELLS = st.lists(
    st.tuples(
        st.integers(0, 40),  # kind: mostly plain numbers and texts
        st.sampled_from([1, 2, 3, 9, 99, 999, 9_999, 10_000, 99_999, 100_000, 999_999, 1_000_000, 1_048_576]),
        st.sampled_from([1, 2, 3, 26, 27, 52, 300, 702, 703, 16_384]),
        _TEXTS,
    ),
    max_size=30,
)


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    cells=_CELLS,
    plain_rows=st.integers(0, 40),
    chunk=st.one_of(st.integers(24, 400), st.just(16 * 1024 * 1024)),
    head_rows=st.sampled_from([0, 1, 5, 2000]),
    values=st.booleans(),
)
def test_the_scan_gives_what_the_earlier_scan_gave(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    cells: list[tuple[int, int, int, str]],
    plain_rows: int,
    chunk: int,
    head_rows: int,
    values: bool,
) -> None:
    rows = [
        f'<row r="{r}">' + "".join(cell_xml(0, r, c, "x") for c in range(1, 12)) + "</row>"
        for r in range(1, plain_rows + 1)
    ]
    extra = "".join(
        f"<row>{cell_xml(kind if kind < 17 else kind % 2, row, column, text)}</row>"
        for kind, row, column, text in cells
    )
    path = write(tmp_path / "acak.xlsx", _HEAD + "".join(rows) + extra + _TAIL)
    compare(path, chunk, head_rows, values, monkeypatch)


_BOUNDARY_CASES = {
    "formula": '<c r="B3"><f>SUM(A1:A2)</f></c>',
    "prefixed formula": '<c r="B3"><x:f>A1</x:f></c>',
    "error": '<c r="B3" t="e"><v>#N/A</v></c>',
    "far cell": '<c r="XFD1048576"><v>1</v></c>',
    "two letters": '<c r="ZZ900000"><v>1</v></c>',
    "prefixed cell": '<x:c r="B3"><x:v>1</x:v></x:c>',
    "doctype": '<!DOCTYPE x [<!ENTITY a "b">]><c r="B3"><v>1</v></c>',
    "nan": '<c r="B3"><v>nan</v></c>',
    "exponent": '<c r="B3"><v>1.5e999</v></c>',
    "value with attributes": '<c r="B3"><v xml:space="preserve">-inf</v></c>',
}


@pytest.mark.parametrize("case", sorted(_BOUNDARY_CASES))
def test_a_block_may_end_anywhere_in_a_refused_or_flagged_cell(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, case: str
) -> None:
    """Every block size from 24 bytes to the whole part: the hostile cell is cut at every byte (its tag,
    its formula, its value), and the scan sees it each time as it does in one block."""
    plain = "".join(
        f'<row r="{r}"><c r="A{r}"><v>{r}</v></c><c r="C{r}" t="inlineStr"><is><t>ff</t></is></c></row>' for r in (1, 2)
    )
    sheet = _HEAD + plain + f"<row>{_BOUNDARY_CASES[case]}</row>" + _TAIL
    path = write(tmp_path / "batas.xlsx", sheet)
    whole = outcome(guard, path, 1, True)
    plain_path = write(tmp_path / "biasa.xlsx", _HEAD + plain + _TAIL)
    assert verdict(whole) != verdict(outcome(guard, plain_path, 1, True))  # the cell matters
    start = sheet.index(_BOUNDARY_CASES[case])
    for chunk in [*range(24, 60), *range(start - 8, start + len(_BOUNDARY_CASES[case]) + 8)]:
        monkeypatch.setattr(guard, "_CHUNK", chunk)
        assert verdict(outcome(guard, path, 1, True)) == verdict(whole), chunk
        compare(path, chunk, 1, True, monkeypatch)


def test_many_f_in_the_texts_still_finds_a_formula(tmp_path: Path) -> None:
    """Past 64 "f" in a block the formula tag is looked for with a search over the whole block."""
    texts = "".join(f'<row r="{r}"><c r="A{r}" t="inlineStr"><is><t>fff fff</t></is></c></row>' for r in range(1, 40))
    late = '<row r="40"><c r="A40"><f>SUM(A1:A3)</f></c></row>'
    for tail, flagged in ((late, True), ("", False)):
        guard._CACHE.clear()
        scan = guard.scan_ooxml(write(tmp_path / f"f{flagged}.xlsx", _HEAD + texts + tail + _TAIL))["Data"]
        assert ("formula" in scan.flags) is flagged
        assert (scan.unusable == {(39, 0): "=SUM(A1:A3)"}) is flagged


@pytest.mark.parametrize(
    ("value", "flagged"),
    [
        ("nan", True),
        ("NaN", True),
        ("inf", True),
        ("-1e999", True),
        (" nan", True),
        ("-12", False),
        ("3", False),
        ("1.25", False),
    ],
)
def test_a_value_cut_by_the_end_of_a_block_is_checked(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, value: str, flagged: bool
) -> None:
    """'<v>' | 'nan</v>': the earlier scan looked at each block alone and let a value cut there pass."""
    sheet = _HEAD + f'<row r="1"><c r="A1"><v>{value}</v></c></row>' + _TAIL
    path = write(tmp_path / "potong.xlsx", sheet)
    start = sheet.index("<v>") + 3
    for cut in range(start - 1, start + len(value) + 1):
        monkeypatch.setattr(guard, "_CHUNK", cut)
        guard._CACHE.clear()
        assert ("nonfinite" in guard.scan_ooxml(path)["Data"].flags) is flagged, cut
    # a value too long to join with the next block's first bytes is taken as non-finite
    long = _HEAD + f'<row r="1"><c r="A1"><v>{"1" * 600}</v></c></row>' + _TAIL
    monkeypatch.setattr(guard, "_CHUNK", long.index("<v>") + 3 + 300)
    guard._CACHE.clear()
    assert "nonfinite" in guard.scan_ooxml(write(tmp_path / "panjang.xlsx", long))["Data"].flags


@pytest.mark.parametrize("kind", range(17))
@pytest.mark.parametrize("values", [False, True])
def test_each_kind_of_cell_alone_gives_what_the_earlier_scan_gave(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, kind: int, values: bool
) -> None:
    """One cell of each shape (a prefixed formula, single quotes, no reference …) among plain rows,
    alone so that no other cell raises the same flag, with blocks of several sizes."""
    rows = "".join(
        f'<row r="{r}">' + "".join(cell_xml(c % 2, r, c, "ab") for c in range(1, 6)) + "</row>" for r in range(1, 9)
    )
    path = write(tmp_path / "satu.xlsx", _HEAD + rows + f"<row>{cell_xml(kind, 9, 27, 'x')}</row>" + _TAIL)
    for chunk in (24, 37, 101, 16 * 1024 * 1024):
        compare(path, chunk, 3, values, monkeypatch)


@pytest.mark.parametrize("attribute", ['t = "e"', "t= 'e'", 't\n="e"'])
def test_an_error_type_with_white_space_around_the_equals_sign_is_found(tmp_path: Path, attribute: str) -> None:
    """Valid XML that calamine reads as a blank cell: the earlier scan looked for t="e" only."""
    sheet = _HEAD + f'<row r="1"><c r="A1"><v>1</v></c><c r="B1" {attribute}><v>#N/A</v></c></row>' + _TAIL
    path = write(tmp_path / "spasi.xlsx", sheet)
    guard._CACHE.clear()
    assert guard.scan_ooxml(path, head_rows=1, values=False)["Data"].unusable == {(0, 1): "#N/A"}
    guard_before._CACHE.clear()
    assert guard_before.scan_ooxml(path)["Data"].unusable == {}  # what it missed


@pytest.mark.parametrize("attribute", ['t = "b"', "t ='b'"])
def test_a_boolean_type_with_white_space_around_the_equals_sign_is_found(tmp_path: Path, attribute: str) -> None:
    """A boolean (True would count as answer 1) is looked for cell by cell when the scan sees one."""
    sheet = _HEAD + f'<row r="1"><c r="A1"><v>1</v></c><c r="B1" {attribute}><v>1</v></c></row>' + _TAIL
    guard._CACHE.clear()
    assert "bool" in guard.scan_ooxml(write(tmp_path / "benar.xlsx", sheet))["Data"].flags
