"""Writing outputs safely: never over an input, never over an existing file without force,
and atomically (a temporary file in the same folder, then a rename)."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Callable, Iterable
from pathlib import Path

from skm.errors import ExitCode, IssueCode, SkmError

__all__ = ["check_output", "write_atomic"]


def check_output(path: Path, *, inputs: Iterable[Path] = (), force: bool = False) -> None:
    """Refuse an output path that is an input or exists (unless ``force``)."""
    resolved = path.resolve()
    for source in inputs:
        if source.exists() and source.resolve() == resolved:
            raise SkmError(IssueCode.OUTPUT_IS_INPUT, ExitCode.OUTPUT_ERROR, file=str(path))
    if path.exists() and not force:
        raise SkmError(IssueCode.OUTPUT_EXISTS, ExitCode.OUTPUT_ERROR, file=str(path))


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def write_atomic(
    path: Path,
    content: bytes | str | Callable[[Path], None],
    *,
    inputs: Iterable[Path] = (),
    force: bool = False,
) -> None:
    """Write ``content`` (bytes, text, or a function that writes a given path) to ``path``.

    The data goes to a temporary file beside ``path`` that is renamed into place only when
    complete, so a crash never leaves a half-written report.
    """
    check_output(path, inputs=inputs, force=force)
    folder = path.parent if str(path.parent) else Path()
    try:
        fd, tmp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=folder)
    except OSError as exc:
        raise SkmError(IssueCode.OUTPUT_UNWRITABLE, ExitCode.OUTPUT_ERROR, file=str(path), reason=exc.strerror) from exc
    tmp = Path(tmp_name)
    try:
        if callable(content):
            os.close(fd)
            content(tmp)
        else:
            data = content.encode("utf-8") if isinstance(content, str) else content
            with os.fdopen(fd, "wb") as handle:
                handle.write(data)
        # mkstemp creates the file 0600; give the output the mode a plain open() would.
        os.chmod(tmp, 0o666 & ~_umask())
        os.replace(tmp, path)
    except OSError as exc:
        tmp.unlink(missing_ok=True)
        raise SkmError(IssueCode.OUTPUT_UNWRITABLE, ExitCode.OUTPUT_ERROR, file=str(path), reason=exc.strerror) from exc
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
