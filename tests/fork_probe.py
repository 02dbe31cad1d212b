"""The engine's xlsx read with the forked parse forced, in a fresh process (tests/test_engine_fork.py).

    python tests/fork_probe.py PATH SHEET MODE SETTINGS_JSON

A process that has imported pyarrow or opened DuckDB runs threads, and the engine then never forks
(:func:`skm.readers.engine._fork_wanted`): each case runs here, in a new interpreter, first with the
fork forced (``_FORK_BYTES = 0``), then the same read on today's serial path (the guard's full scan
first), and prints one JSON line: both outcomes, the pids of the children started, whether any child
is left (running or a zombie), the open file descriptors before and after the forked read, and whether
the parent parsed the sheet itself (``in_process``: the child's table was not used).

MODE replaces the child's body: ``real`` (fastexcel), ``pyarrow`` (nanoarrow hidden: pyarrow writes),
``nofork`` (``os.fork`` fails),
``exit9`` (``os._exit(9)``), ``sigkill`` (the child kills itself), ``garbage`` (writes bytes that are no
Arrow stream), ``stall`` (never ends: the parent must kill it), ``limit`` (writes the address-space limit
it runs under to the file SETTINGS names as "limit_to").
SETTINGS sets module constants first, e.g. ``{"engine._SAMPLE_ROWS": 3, "guard.MAX_CELLS": 30}``.
"""

from __future__ import annotations

import json
import os
import re
import sys
import time
from pathlib import Path
from typing import Any

from skm.errors import SkmError
from skm.readers import engine, guard


def outcome(path: Path, sheet: str | None) -> str:
    """What the engine makes of ``path`` (invalid cells skipped and listed): its read, its Fallback or its
    refusal, as one string."""
    guard._CACHE.clear()
    try:
        read = engine.read_tallies_engine(path, sheet=sheet, invalid="skip")
    except engine.Fallback as exc:  # fastexcel lists a column's types in a set's order, which varies
        return "fallback " + re.sub(
            r"\{[^{}]*\}", lambda m: "{" + ", ".join(sorted(m[0][1:-1].split(", "))) + "}", str(exc)
        )
    except SkmError as exc:
        return f"refused {exc} {exc.exit_code} {exc.issues!r}"
    fields = (read.sheet, read.header_row, read.tallies, read.issues, read.invalid_total, read.date_total)
    return "read " + repr((*fields, read.columns, read.skipped, read.respondents))


def _bodies(mode: str, settings: dict[str, Any]) -> Any:
    def exit9(*_: object) -> None:
        os._exit(9)

    def sigkill(*_: object) -> None:
        os.kill(os.getpid(), 9)

    def garbage(fd: int, *_: object) -> None:
        os.write(fd, b"no Arrow stream here")

    def stall(*_: object) -> None:
        time.sleep(3600)

    def limit(*_: object) -> None:
        import resource

        Path(settings["limit_to"]).write_text(json.dumps(resource.getrlimit(resource.RLIMIT_AS)))

    return {"exit9": exit9, "sigkill": sigkill, "garbage": garbage, "stall": stall, "limit": limit}.get(mode)


def main(argv: list[str]) -> None:
    path, sheet, mode, raw = Path(argv[0]), argv[1] or None, argv[2], argv[3]
    settings: dict[str, Any] = json.loads(raw)
    for name, value in settings.items():
        if "." in name:
            module, attr = name.split(".")
            setattr({"engine": engine, "guard": guard}[module], attr, value)
    if mode == "pyarrow":  # nanoarrow not installed: the child writes its stream with pyarrow
        sys.modules["nanoarrow"] = None  # type: ignore[assignment]
    if mode == "nofork":  # fork fails (no memory, process limit): the parent parses after the scan

        def no_fork() -> int:
            raise OSError("no fork")

        os.fork = no_fork
    body = _bodies(mode, settings)
    if body is not None:
        engine._CHILD_BODY = body
    pids: list[int | None] = []
    start = engine._Child.start

    in_process: list[bool] = []  # the parent parsed the sheet itself (the child's table was not used)

    def recorded(path: Path, index: int, header_row: int, load: Any) -> Any:
        child = start(path, index, header_row, lambda: in_process.append(True) or load())
        pids.append(None if child is None else child.pid)
        return child

    engine._Child.start = recorded  # type: ignore[method-assign]
    engine._FORK_BYTES = 0
    fds = sorted(os.listdir("/proc/self/fd"))
    forked = outcome(path, sheet)
    fds_after = sorted(os.listdir("/proc/self/fd"))
    try:
        os.waitpid(-1, os.WNOHANG)
        left = "a child is left"
    except ChildProcessError:
        left = "no child"
    engine._FORK_BYTES = 1 << 62
    serial = outcome(path, sheet)
    result = {"forked": forked, "serial": serial, "pids": pids, "left": left, "fds": [fds, fds_after]}
    print(json.dumps({**result, "in_process": bool(in_process)}))


if __name__ == "__main__":
    main(sys.argv[1:])
