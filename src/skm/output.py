"""Writing outputs safely: never over an input, never over an existing file without force,
and atomically (a temporary file in the same folder, then a rename)."""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Callable, Iterable, Mapping
from pathlib import Path

from skm.errors import ExitCode, IssueCode, SkmError

__all__ = ["check_folder", "check_output", "write_atomic", "write_folder"]


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


def check_folder(path: Path, *, inputs: Iterable[Path] = (), force: bool = False) -> None:
    """Refuse an output folder that is a file, holds an input, or is not empty (unless ``force``)."""
    resolved = path.resolve()
    for source in inputs:
        if source.exists() and (source.resolve() == resolved or resolved in source.resolve().parents):
            raise SkmError(IssueCode.OUTPUT_IS_INPUT, ExitCode.OUTPUT_ERROR, file=str(source))
    if path.exists() and not path.is_dir():
        raise SkmError(IssueCode.OUTPUT_EXISTS, ExitCode.OUTPUT_ERROR, file=str(path))
    if path.is_dir() and any(path.iterdir()) and not force:
        raise SkmError(IssueCode.OUTPUT_EXISTS, ExitCode.OUTPUT_ERROR, file=str(path))


def write_folder(
    path: Path,
    files: Mapping[str, bytes | str],
    *,
    inputs: Iterable[Path] = (),
    force: bool = False,
) -> None:
    """Write a whole folder (``relative path → content``) atomically.

    The files go to a temporary folder beside ``path`` that replaces ``path`` only when complete;
    with ``force`` an existing folder is replaced as a whole (never when it holds an input).
    Relative paths must stay inside the folder.
    """
    inputs = list(inputs)
    check_folder(path, inputs=inputs, force=force)
    parent = path.parent if str(path.parent) else Path()
    try:
        tmp = Path(tempfile.mkdtemp(prefix=f".{path.name}.", suffix=".tmp", dir=parent))
    except OSError as exc:
        raise SkmError(IssueCode.OUTPUT_UNWRITABLE, ExitCode.OUTPUT_ERROR, file=str(path), reason=exc.strerror) from exc
    old: Path | None = None
    try:
        mode = 0o666 & ~_umask()
        for name, content in files.items():
            target = (tmp / name).resolve()
            if tmp.resolve() not in target.parents:
                msg = f"path outside the output folder: {name!r}"
                raise ValueError(msg)
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(content.encode("utf-8") if isinstance(content, str) else content)
            os.chmod(target, mode)
        os.chmod(tmp, 0o777 & ~_umask())
        if path.exists():
            old = Path(tempfile.mkdtemp(prefix=f".{path.name}.", suffix=".old", dir=parent))
            os.replace(path, old / path.name)
        os.replace(tmp, path)
    except OSError as exc:
        shutil.rmtree(tmp, ignore_errors=True)
        if old is not None and not path.exists():
            os.replace(old / path.name, path)
        raise SkmError(IssueCode.OUTPUT_UNWRITABLE, ExitCode.OUTPUT_ERROR, file=str(path), reason=exc.strerror) from exc
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise
    if old is not None:
        shutil.rmtree(old, ignore_errors=True)
