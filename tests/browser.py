"""Headless Chromium (Debian's /usr/bin/chromium) driven by playwright, for the layout tests.

Never downloads a browser. Every request that is not a local file is blocked and recorded, so a
page that reaches for the network fails its test. Tests skip with a clear reason when Chromium or
playwright is absent.
"""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest

CHROMIUM = Path("/usr/bin/chromium") if Path("/usr/bin/chromium").is_file() else None
if CHROMIUM is None and (found := shutil.which("chromium") or shutil.which("chromium-browser")):
    CHROMIUM = Path(found)

ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]

WIDTHS = (390, 1280)


def _playwright_missing() -> bool:
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        return True
    return False


needs_chromium = pytest.mark.skipif(
    CHROMIUM is None or _playwright_missing(),
    reason="needs Chromium at /usr/bin/chromium (apt install chromium) and playwright (pip install -e '.[test]')",
)


@dataclass
class PageCheck:
    """What one page load showed: layout widths, console errors, blocked and failed requests."""

    scroll_width: int
    inner_width: int
    console: list[str] = field(default_factory=list)
    external: list[str] = field(default_factory=list)
    failed: list[str] = field(default_factory=list)
    links: list[str] = field(default_factory=list)
    overprinted: list[str] = field(default_factory=list)

    def problems(self) -> list[str]:
        out = [f"console: {m}" for m in self.console]
        out += [f"text wider than its cell (overprints its neighbour): {c}" for c in self.overprinted]
        out += [f"external request: {u}" for u in self.external]
        out += [f"failed request: {u}" for u in self.failed]
        if self.scroll_width > self.inner_width:
            out.append(f"horizontal overflow: scrollWidth {self.scroll_width} > innerWidth {self.inner_width}")
        return out


@contextmanager
def browser() -> Iterator[Any]:
    """A headless Chromium from the system, never a downloaded one."""
    from playwright.sync_api import sync_playwright

    assert CHROMIUM is not None
    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=str(CHROMIUM), args=ARGS, headless=True)
        try:
            yield b
        finally:
            b.close()


def check_page(b: Any, page_path: Path, width: int, screenshot: Path) -> PageCheck:
    """Load ``page_path`` at ``width`` px, screenshot the whole page, report what went wrong."""
    context = b.new_context(viewport={"width": width, "height": 900}, device_scale_factor=1)
    page = context.new_page()
    console: list[str] = []
    external: list[str] = []
    failed: list[str] = []

    def route(r: Any) -> None:
        url = r.request.url
        if url.startswith(("file:", "data:", "about:")):
            r.continue_()
        else:
            external.append(url)
            r.abort()

    page.route("**/*", route)
    page.on("console", lambda m: console.append(m.text) if m.type in {"error", "warning"} else None)
    page.on("pageerror", lambda e: console.append(str(e)))
    page.on("requestfailed", lambda r: failed.append(r.url) if r.url.startswith("file:") else None)
    page.goto(page_path.resolve().as_uri(), wait_until="load")
    widths = page.evaluate("[document.documentElement.scrollWidth, window.innerWidth]")
    links = page.evaluate("Array.from(document.querySelectorAll('a[href]')).map(a => a.href)")
    overprinted = page.evaluate(
        "Array.from(document.querySelectorAll('td, th')).filter(c => c.scrollWidth > c.clientWidth + 1)"
        ".map(c => c.textContent.slice(0, 40))"
    )
    page.screenshot(path=str(screenshot), full_page=True)
    context.close()
    return PageCheck(
        int(widths[0]),
        int(widths[1]),
        console,
        external,
        failed,
        [str(u) for u in links],
        [str(c) for c in overprinted],
    )
