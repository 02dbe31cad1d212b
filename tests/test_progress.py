"""The reading indicator: on a terminal after the delay, never when piped or disabled."""

from __future__ import annotations

import io
import sys
import time

import pytest

from skm.cli.progress import reading


class FakeTerminal(io.StringIO):
    def isatty(self) -> bool:
        return True


@pytest.mark.slow
@pytest.mark.parametrize(("tty", "enabled", "work", "shown"), [
    (True, True, 0.3, True),     # slow read on a terminal
    (True, True, 0.0, False),    # fast read: nothing
    (True, False, 0.3, False),   # --format json
    (False, True, 0.3, False),   # piped / redirected
])  # fmt: skip
def test_indicator(monkeypatch: pytest.MonkeyPatch, tty: bool, enabled: bool, work: float, shown: bool) -> None:
    stream = FakeTerminal() if tty else io.StringIO()
    monkeypatch.setattr(sys, "stderr", stream)
    with reading("membaca data.xlsx …", enabled=enabled, delay=0.05):
        time.sleep(work)
    assert ("membaca data.xlsx" in stream.getvalue()) is shown
