"""One function run in a thread beside the caller's work (a parse, a query, imports), its value or error
given back where the caller waits for it."""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any

__all__ = ["InThread"]


class InThread:
    """``fn()`` started in a thread (named ``name``); :meth:`result` waits for it and returns its value
    or raises its error, :meth:`wait` only waits."""

    def __init__(self, fn: Callable[[], Any], name: str = "skm-parse") -> None:
        self._value: Any = None
        self._error: BaseException | None = None
        self._thread = threading.Thread(target=self._run, args=(fn,), name=name, daemon=True)
        self._thread.start()

    def _run(self, fn: Callable[[], Any]) -> None:
        try:
            self._value = fn()
        except BaseException as exc:  # noqa: BLE001 - raised in the caller's thread by result()
            self._error = exc

    def wait(self) -> None:
        self._thread.join()

    def result(self) -> Any:
        self._thread.join()
        if self._error is not None:
            raise self._error
        return self._value
