"""A spinner on stderr while a slow file is read (only on a terminal, never with JSON output)."""

from __future__ import annotations

import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager

__all__ = ["reading"]

DELAY_SECONDS = 1.0


@contextmanager
def reading(label: str, *, enabled: bool = True, delay: float = DELAY_SECONDS) -> Iterator[None]:
    """Show ``label`` with a spinner on stderr if the block takes longer than ``delay`` seconds.

    Nothing is shown when stderr is not a terminal (piped, redirected, CI) or ``enabled`` is
    false (``--format json``), so machine-readable output stays clean.
    """
    if not enabled or not sys.stderr.isatty():
        yield
        return
    from rich.console import Console  # noqa: PLC0415

    status = Console(stderr=True).status(label)
    lock = threading.Lock()
    state = {"started": False, "done": False}

    def start() -> None:
        with lock:
            if not state["done"]:
                status.start()
                state["started"] = True

    timer = threading.Timer(delay, start)
    timer.daemon = True
    timer.start()
    try:
        yield
    finally:
        timer.cancel()
        with lock:
            state["done"] = True
            if state["started"]:
                status.stop()
