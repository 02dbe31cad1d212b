"""The units file of ``skm rank``: one row per unit (and per OPD, regency, province …).

CSV with a header row; columns (case-insensitive, Indonesian names accepted):

* ``unit`` (``kode``, ``id``): the unit's key — the file stem or the value of the unit column;
* ``name`` (``nama``): the display name (default: the key);
* ``parent`` (``induk``): the key of the parent row (blank for the top);
* ``population`` (``populasi``): service users in the period, for the Krejcie & Morgan minimum.

Rows that are only parents (an OPD, a regency) need no population. Problems are collected and
reported together, one line each naming the row.
"""

from __future__ import annotations

import contextlib
import csv
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from skm.errors import ExitCode, IssueCode, SkmError
from skm.text import Lang, t

__all__ = ["UnitInfo", "ancestors", "read_units_file"]

_ALIASES = {
    "unit": ("unit", "kode", "id", "kode unit", "unit_id"),
    "name": ("name", "nama", "nama unit"),
    "parent": ("parent", "induk"),
    "population": ("population", "populasi"),
}


@dataclass(frozen=True)
class UnitInfo:
    """One row of the units file."""

    unit: str
    name: str
    parent: str | None = None
    population: int | None = None


def _fail(path: Path, reasons: list[str], lang: Lang) -> SkmError:
    return SkmError(
        IssueCode.INVALID_OPTION,
        ExitCode.INPUT_ERROR,
        reason=t("rank-units-invalid", lang, file=str(path), problems="; ".join(reasons[:20])),
    )


def read_units_file(path: Path, lang: Lang = Lang.ID) -> dict[str, UnitInfo]:
    """Read ``path`` into ``{unit: UnitInfo}``; raises :class:`SkmError` listing every problem."""
    if not path.is_file():
        raise SkmError(IssueCode.FILE_NOT_FOUND, ExitCode.INPUT_ERROR, file=str(path))
    try:
        text = path.read_text(encoding="utf-8-sig")
    except UnicodeDecodeError:
        text = path.read_text(encoding="cp1252")
    except OSError as exc:
        raise SkmError(
            IssueCode.UNREADABLE, ExitCode.INPUT_ERROR, file=str(path), kind="CSV", reason=exc.strerror
        ) from exc
    dialect: type[csv.Dialect] | csv.Dialect = csv.excel
    with contextlib.suppress(csv.Error):
        dialect = csv.Sniffer().sniff(text[:4096], delimiters=",;\t")
    rows = list(csv.reader(text.splitlines(), dialect))
    if not rows:
        raise SkmError(IssueCode.EMPTY_FILE, ExitCode.INPUT_ERROR, file=str(path))
    header = [" ".join(str(h).lower().split()) for h in rows[0]]
    where: dict[str, int] = {}
    for field, names in _ALIASES.items():
        for i, h in enumerate(header):
            if h in names:
                where[field] = i
                break
    if "unit" not in where:
        raise _fail(path, [t("rank-units-no-unit-column", lang, columns=", ".join(rows[0]))], lang)
    out: dict[str, UnitInfo] = {}
    problems: list[str] = []

    def cell(row: list[str], field: str) -> str:
        i = where.get(field)
        return row[i].strip() if i is not None and i < len(row) else ""

    for number, row in enumerate(rows[1:], start=2):
        if not any(c.strip() for c in row):
            continue
        unit = cell(row, "unit")
        if not unit:
            problems.append(t("rank-units-blank-unit", lang, row=number))
            continue
        if unit in out:
            problems.append(t("rank-units-duplicate", lang, row=number, unit=unit))
            continue
        population: int | None = None
        raw = cell(row, "population").replace(".", "").replace(" ", "")
        if raw:
            if not raw.isdigit() or int(raw) < 1:
                problems.append(t("rank-units-bad-population", lang, row=number, value=cell(row, "population")))
            else:
                population = int(raw)
        out[unit] = UnitInfo(unit, cell(row, "name") or unit, cell(row, "parent") or None, population)
    for info in out.values():
        if info.parent is not None and info.parent not in out:
            problems.append(t("rank-units-unknown-parent", lang, unit=info.unit, parent=info.parent))
    for info in out.values():
        try:
            ancestors(info.unit, out)
        except ValueError:
            problems.append(t("rank-units-cycle", lang, unit=info.unit))
    if problems:
        raise _fail(path, problems, lang)
    return out


def ancestors(unit: str, units: Mapping[str, UnitInfo]) -> tuple[str, ...]:
    """The parent chain of ``unit``, nearest first; ``ValueError`` on a cycle."""
    chain: list[str] = []
    info = units.get(unit)
    while info is not None and info.parent is not None:
        if info.parent in chain or info.parent == unit:
            msg = f"cycle at {unit}"
            raise ValueError(msg)
        chain.append(info.parent)
        info = units.get(info.parent)
    return tuple(chain)
