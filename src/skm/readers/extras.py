"""The side inputs of ``skm report`` and ``skm stats``: ``--plan FILE`` and ``--previous FILE``.

A pure loader: ``--plan`` gives :class:`PlanEntry` rows; ``--previous`` gives either the earlier
:class:`~skm.readers.Responses` (a responses file) or a :class:`PreviousSummary` (a JSON document
written by ``skm score --format json`` or ``skm report --format json``). Comparing with the current
result is analysis (:mod:`skm.analysis.trend`). A bad file raises :class:`~skm.errors.SkmError`
with exit code 3 and one clear line.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import Any

from skm.core.instrument import Instrument
from skm.errors import ExitCode, InvalidPolicy, IssueCode, SkmError
from skm.readers.cells import LabelBook
from skm.readers.files import is_blank, read_sheets, row_is_blank
from skm.readers.headers import normalise_header
from skm.readers.responses import Responses
from skm.readers.sidefile import MAX_SIDE_FILE, read_side_file
from skm.readers.table import read_responses
from skm.text import Lang, error_text
from skm.text.report import tr

__all__ = ["MAX_PREVIOUS_JSON", "PlanEntry", "PreviousSummary", "read_plan", "read_previous"]

MAX_PREVIOUS_JSON = 16 << 20  # a report JSON carries suggestions and groups: larger than other side files

_CENT = Decimal("0.01")


@dataclass(frozen=True)
class PlanEntry:
    """One row of the ``--plan`` file: the element and what is planned for it."""

    code: str
    program: str = ""
    time: str = ""
    responsible: str = ""


@dataclass(frozen=True)
class PreviousSummary:
    """An earlier result read from its JSON document: the published figures, no respondents."""

    source: str
    ikm: Decimal  # two decimals, as published
    grade: str
    elements: dict[str, Decimal]  # element code (upper case) → 25 × NRR, two decimals
    period: str | None = None  # the period a report JSON names (identity.period_text)
    respondents: int | None = None


_PLAN_COLUMNS: dict[str, tuple[str, ...]] = {
    "unsur": ("unsur", "element", "kode", "kode unsur", "code"),
    "program": ("program kegiatan", "program", "kegiatan", "programme", "activity", "rencana", "tindak lanjut"),
    "time": ("waktu", "jadwal", "waktu tw", "time", "when", "triwulan"),
    "responsible": ("penanggung jawab", "pj", "responsible", "pic", "penanggungjawab"),
}


def _fail(key: str, lang: Lang, path: Path, reason: str) -> SkmError:
    return SkmError(IssueCode.INVALID_OPTION, ExitCode.INPUT_ERROR, reason=tr(key, lang, file=path.name, reason=reason))


def _plan_column(header: object) -> str | None:
    text = normalise_header(header).replace("/", " ").replace("  ", " ").strip()
    for name, aliases in _PLAN_COLUMNS.items():
        if text in aliases:
            return name
    for name, aliases in _PLAN_COLUMNS.items():
        if any(text.startswith(a) for a in aliases):
            return name
    return None


def _plan_cell(row: list[object], i: int) -> str:
    return "" if i >= len(row) or is_blank(row[i]) else " ".join(str(row[i]).split())


def _plan_entries(
    raw: list[dict[str, str]], numbers: list[int], instrument: Instrument, lang: Lang, path: Path
) -> list[PlanEntry]:
    """The rows checked by :class:`~skm.readers.specs.PlanRowSpec`; every unknown element named at once."""
    from pydantic import TypeAdapter, ValidationError  # noqa: PLC0415 - pydantic only with --plan

    from skm.readers.specs import PlanRowSpec  # noqa: PLC0415

    try:
        specs = TypeAdapter(list[PlanRowSpec]).validate_python(raw, context={"instrument": instrument})
    except ValidationError as exc:
        codes = ", ".join(instrument.codes)
        reasons = [
            tr("plan-unknown-unsur", lang, row=numbers[int(e["loc"][0])], codes=codes, **e.get("ctx", {}))
            for e in exc.errors()
            if e["type"] == "plan-unknown-unsur"
        ]
        raise _fail("plan-bad-file", lang, path, "; ".join(reasons) or str(exc)[:200]) from None
    return [PlanEntry(s.unsur, s.program, s.time, s.responsible) for s in specs]


def read_plan(path: Path, instrument: Instrument, lang: Lang = Lang.ID) -> list[PlanEntry]:
    """Plan rows (program, time, responsible per element) from a csv/xlsx file."""
    try:
        if not path.is_file() and path.exists():
            raise SkmError(IssueCode.NOT_A_FILE, ExitCode.INPUT_ERROR, file=str(path))
        if path.is_file() and path.stat().st_size > MAX_SIDE_FILE:
            raise SkmError(IssueCode.SIDE_FILE_TOO_LARGE, ExitCode.INPUT_ERROR, file=str(path), limit="1 MiB")
        sheets = read_sheets(path)
    except SkmError as exc:
        raise _fail("plan-bad-file", lang, path, error_text(exc, lang)) from exc
    rows = sheets[0].rows if sheets else []
    start = next((i for i, r in enumerate(rows) if not row_is_blank(r)), None)
    if start is None:
        raise _fail("plan-bad-file", lang, path, tr("plan-empty", lang))
    header = rows[start]
    columns: dict[str, int] = {}
    for i, h in enumerate(header):
        name = _plan_column(h)
        if name is not None and name not in columns:
            columns[name] = i
    if "unsur" not in columns:
        found = ", ".join(f"'{h}'" for h in header if not is_blank(h)) or "-"
        raise _fail("plan-bad-file", lang, path, tr("plan-no-unsur", lang, columns=found))
    raw: list[dict[str, str]] = []
    numbers: list[int] = []
    for number, row in enumerate(rows[start + 1 :], start=start + 2):
        values = {name: _plan_cell(row, i) for name, i in columns.items()}
        if values["unsur"]:  # blank rows and rows without an element are not plan rows
            raw.append(values)
            numbers.append(number)
    out = _plan_entries(raw, numbers, instrument, lang, path)
    if not out:
        raise _fail("plan-bad-file", lang, path, tr("plan-empty", lang))
    return out


def read_previous(
    path: Path,
    *,
    instrument: Instrument,
    sheet: str | None = None,
    invalid: InvalidPolicy = InvalidPolicy.SKIP,
    labels: LabelBook | None = None,
    lang: Lang = Lang.ID,
) -> Responses | PreviousSummary:
    """``--previous``: an earlier responses file (read with the current instrument and labels) or
    a JSON result (``skm score``/``skm report --format json``; ``.json`` suffix)."""
    if path.suffix.lower() != ".json":
        return read_responses(path, sheet=sheet, instrument=instrument, invalid=invalid, labels=labels)
    raw = read_side_file(path, kind="JSON", limit=MAX_PREVIOUS_JSON)
    try:
        data: Any = json.loads(raw.decode("utf-8-sig"))
    except (UnicodeDecodeError, json.JSONDecodeError, RecursionError) as exc:
        raise _fail("previous-bad-file", lang, path, tr("previous-unreadable", lang, reason=str(exc)[:80])) from None
    period: str | None = None
    if isinstance(data, dict) and isinstance(data.get("result"), dict):
        identity = data.get("identity")
        if isinstance(identity, dict) and isinstance(identity.get("period_text"), str):
            period = identity["period_text"][:200]
        data = data["result"]  # a report JSON holds the score JSON under "result"
    if not (isinstance(data, dict) and "ikm" in data and isinstance(data.get("elements"), list)):
        raise _fail("previous-bad-file", lang, path, tr("previous-bad-json", lang))
    try:
        return PreviousSummary(
            source=path.name,
            ikm=Decimal(str(data["ikm"])).quantize(_CENT),
            grade=str(data.get("grade", "")),
            elements={
                str(e["code"]).upper(): Decimal(str(e["converted"])).quantize(_CENT)
                for e in data["elements"]
                if isinstance(e, dict) and "code" in e and "converted" in e
            },
            period=period,
            respondents=data["respondents"] if isinstance(data.get("respondents"), int) else None,
        )
    except (KeyError, TypeError, ValueError, ArithmeticError) as exc:
        raise _fail("previous-bad-file", lang, path, tr("previous-bad-json", lang)) from exc
