"""Reading the report's optional inputs: ``--plan FILE`` and ``--previous FILE``.

A bad file raises :class:`~skm.errors.SkmError` with exit code 3 and one clear line.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from skm.analysis.facts import PlanRow, Trend, compare
from skm.core.calc import IkmResult, ScoringRules
from skm.core.instrument import Instrument
from skm.errors import ExitCode, IssueCode, SkmError
from skm.readers.files import is_blank, read_sheets, row_is_blank
from skm.readers.headers import normalise_header
from skm.text import Lang
from skm.text.report import tr

__all__ = ["read_plan", "read_previous"]

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


def read_plan(path: Path, instrument: Instrument, lang: Lang = Lang.ID) -> list[PlanRow]:
    """Plan rows (program, time, responsible per element) from a csv/xlsx file."""
    try:
        sheets = read_sheets(path)
    except SkmError as exc:
        from skm.text import error_text  # noqa: PLC0415

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
    by_name = {e.name.casefold(): e.code for e in instrument.elements}
    by_name.update({e.name_en.casefold(): e.code for e in instrument.elements})
    by_code = {e.code.casefold(): e.code for e in instrument.elements}
    out: list[PlanRow] = []
    for number, row in enumerate(rows[start + 1 :], start=start + 2):
        if row_is_blank(row):
            continue

        def cell(name: str, row: list[object] = row) -> str:
            i = columns.get(name)
            return "" if i is None or i >= len(row) or is_blank(row[i]) else " ".join(str(row[i]).split())

        value = cell("unsur")
        if not value:
            continue
        key = value.casefold()
        first = key.split()[0] if key.split() else key
        code = by_code.get(key) or by_code.get(first) or by_code.get(f"u{key}") or by_name.get(key)
        if code is None:
            raise _fail(
                "plan-bad-file",
                lang,
                path,
                tr("plan-unknown-unsur", lang, row=number, value=value[:40], codes=", ".join(instrument.codes)),
            )
        out.append(PlanRow(0, code, "", cell("program"), cell("time"), cell("responsible")))
    if not out:
        raise _fail("plan-bad-file", lang, path, tr("plan-empty", lang))
    return out


def read_previous(
    path: Path,
    result: IkmResult,
    *,
    rules: ScoringRules,
    sheet: str | None = None,
    lang: Lang = Lang.ID,
) -> Trend:
    """The trend against an earlier responses file or a JSON result (score or report JSON)."""
    if path.suffix.lower() == ".json":
        from skm.readers.guard import read_capped  # noqa: PLC0415

        try:
            data: Any = json.loads(read_capped(path).decode("utf-8"))
        except FileNotFoundError as exc:
            raise SkmError(IssueCode.FILE_NOT_FOUND, ExitCode.INPUT_ERROR, file=str(path)) from exc
        except RecursionError:
            raise SkmError(IssueCode.TOO_DEEP, ExitCode.INPUT_ERROR, file=str(path)) from None
        except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
            raise _fail("previous-bad-file", lang, path, tr("previous-unreadable", lang, reason=str(exc)[:80])) from exc
        if isinstance(data, dict) and isinstance(data.get("result"), dict):
            data = data["result"]
        if not (isinstance(data, dict) and "ikm" in data and isinstance(data.get("elements"), list)):
            raise _fail("previous-bad-file", lang, path, tr("previous-bad-json", lang))
        try:
            return compare(result, data, path.name)
        except (KeyError, TypeError, ValueError, ArithmeticError) as exc:
            raise _fail("previous-bad-file", lang, path, tr("previous-bad-json", lang)) from exc
    from skm.analysis.score import load, score_responses  # noqa: PLC0415
    from skm.readers import InvalidPolicy  # noqa: PLC0415

    earlier = load(path, instrument=result.instrument, sheet=sheet, invalid=InvalidPolicy.SKIP)
    return compare(result, score_responses(earlier, rules=rules), path.name)
