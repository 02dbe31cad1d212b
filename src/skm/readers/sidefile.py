"""Reading a side file (instrument TOML, labels, ``--plan``, ``--previous`` JSON): capped in size,
TOML syntax errors located by line.

A side file is small by nature; anything larger than :data:`MAX_SIDE_FILE` (or endless, such as
``/dev/zero``) is refused with one clear line instead of being read into memory.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from skm.errors import ExitCode, Issue, IssueCode, SkmError
from skm.text import Lang, t

__all__ = [
    "MAX_SIDE_FILE",
    "Loc",
    "TomlSyntax",
    "line_issue",
    "line_of",
    "load_toml",
    "read_side_file",
    "toml_line_map",
]

MAX_SIDE_FILE = 1 << 20  # 1 MiB

_TOML_POSITION = re.compile(r"\(at line (\d+), column (\d+)\)")


def read_side_file(
    path: Path,
    *,
    kind: str,
    exit_code: ExitCode = ExitCode.INPUT_ERROR,
    not_found: IssueCode = IssueCode.FILE_NOT_FOUND,
    limit: int = MAX_SIDE_FILE,
) -> bytes:
    """The bytes of ``path``, read at most ``limit`` bytes far. Raises :class:`SkmError` with
    ``exit_code`` when the file is missing (``not_found``), unreadable or larger than ``limit``."""
    try:
        with path.open("rb") as handle:
            data = handle.read(limit + 1)
    except FileNotFoundError:
        raise SkmError(not_found, exit_code, file=str(path)) from None
    except OSError as exc:
        reason = exc.strerror or type(exc).__name__
        raise SkmError(IssueCode.UNREADABLE, exit_code, file=str(path), kind=kind, reason=reason[:120]) from None
    if len(data) > limit:
        size = f"{limit // (1 << 20)} MiB" if limit % (1 << 20) == 0 else f"{limit} bytes"
        raise SkmError(IssueCode.SIDE_FILE_TOO_LARGE, exit_code, file=str(path), limit=size)
    return data


@dataclass(frozen=True)
class TomlSyntax(Exception):  # noqa: N818 - a parse outcome, raised like an error
    """A TOML syntax error: the 1-based line and the parser's words without the position."""

    line: int
    detail: str


def load_toml(source: str, *, file: str, exit_code: ExitCode = ExitCode.INPUT_ERROR) -> dict[str, Any]:
    """Parse TOML text. Raises :class:`TomlSyntax` (line and detail) on a syntax error, and
    :class:`SkmError` (``exit_code``) for tables or arrays nested thousands deep."""
    try:
        return tomllib.loads(source)
    except RecursionError:
        raise SkmError(IssueCode.TOO_DEEP, exit_code, file=file) from None
    except tomllib.TOMLDecodeError as exc:
        text = str(exc)
        found = _TOML_POSITION.search(text)
        line = int(found.group(1)) if found else max(1, len(source.splitlines()))
        detail = _TOML_POSITION.sub("", text).replace("(at end of document)", "").strip()
        raise TomlSyntax(line, detail) from None


# --- locating keys in the TOML source --------------------------------------------------------

_HEADER = re.compile(r"^\s*(\[\[?)\s*([A-Za-z0-9_.\- \"']+?)\s*\]\]?\s*(?:#.*)?$")
_KEYLINE = re.compile(r"""^\s*("[^"]*"|'[^']*'|[A-Za-z0-9_\-]+)\s*=""")

Loc = tuple[str | int, ...]


def toml_line_map(source: str) -> dict[Loc, int]:
    """Map the location of every table and key (``("elements", 2, "weight")``) to its 1-based line.

    Understands ``[table]``, ``[[array.of.tables]]`` (nested under the latest parent entry)
    and ``key = value`` lines; inline tables map to the line of their key.
    """
    lines: dict[Loc, int] = {}
    counters: dict[Loc, int] = {}
    current: Loc = ()
    for number, raw in enumerate(source.splitlines(), 1):
        header = _HEADER.match(raw)
        if header and not raw.lstrip().startswith("#"):
            is_array = header.group(1) == "[["
            names = [n.strip().strip("\"'") for n in header.group(2).split(".")]
            path: Loc = ()
            for i, name in enumerate(names):
                path = (*path, name)
                last = i == len(names) - 1
                if last and is_array:
                    index = counters.get(path, -1) + 1
                    counters[path] = index
                    path = (*path, index)
                elif not last and path in counters:
                    path = (*path, counters[path])
                lines.setdefault(path, number)
            current = path
            continue
        key = _KEYLINE.match(raw)
        if key and not raw.lstrip().startswith("#"):
            lines.setdefault((*current, key.group(1).strip("\"'")), number)
    return lines


def line_of(loc: Loc, lines: dict[Loc, int]) -> int | None:
    """The line of ``loc`` or of its nearest enclosing key or table."""
    for end in range(len(loc), 0, -1):
        if loc[:end] in lines:
            return lines[loc[:end]]
    return None


def line_issue(file: str, line: int | None, where: str, key: str, **params: object) -> Issue:
    """A side file's problem at a line, its sentence prepared in both languages (shown as
    "berkas.toml: baris 12 (where): …")."""
    at = {lang: t("instrument-at", lang, line=line, where=where) if line is not None else where for lang in Lang}
    return Issue(
        IssueCode.INVALID_INSTRUMENT,
        file=file,
        params={
            "line": line,
            "where": where,
            "problem": key,
            "at_id": at[Lang.ID],
            "at_en": at[Lang.EN],
            "problem_id": t(key, Lang.ID, **params),
            "problem_en": t(key, Lang.EN, **params),
        },
    )
