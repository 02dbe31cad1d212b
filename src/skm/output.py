"""Writing outputs safely: never over an input, never over an existing file without force, never
over anything but a regular file, and atomically (a temporary file in the same folder, then a
rename or an exclusive link).

* Every file a command reads is an input (responses, every file of a folder, ``--labels``,
  ``--instrument``, ``--plan``, ``--previous``): an output naming one of them is refused, also
  through a symlink or a hard link, also with ``--force``.
* Without ``--force`` the final name is created exclusively (a hard link from the temporary
  file, or ``O_EXCL``): of several commands writing the same new name at once exactly one wins.
  A dangling symlink counts as existing.
* With ``--force`` only a regular file is replaced; a folder, device, pipe or dangling link is not.
* SIGINT, SIGTERM and SIGHUP during the write remove the temporary file; a failing write (full
  disk) exits 4 with one line, without the zip library's late complaint.
"""

from __future__ import annotations

import contextlib
import errno
import gc
import os
import shutil
import signal
import stat
import sys
import tempfile
import threading
import traceback
from collections.abc import Callable, Iterable, Iterator, Mapping
from pathlib import Path
from types import FrameType

from skm.errors import ExitCode, IssueCode, SkmError

__all__ = ["check_folder", "check_output", "write_atomic", "write_folder"]


def _same_file(a: Path, b: Path) -> bool:
    try:
        return os.path.samefile(a, b)
    except OSError:
        return a.resolve() == b.resolve()


def check_output(path: Path, *, inputs: Iterable[Path] = (), force: bool = False) -> None:
    """Refuse an output path that is an input, exists (unless ``force``; a dangling symlink
    exists) or is not a regular file (even with ``force``)."""
    resolved = path.resolve()
    for source in inputs:
        if source.exists() and (source.resolve() == resolved or (path.exists() and _same_file(source, path))):
            raise SkmError(IssueCode.OUTPUT_IS_INPUT, ExitCode.OUTPUT_ERROR, file=str(path))
    if not os.path.lexists(path):
        return
    if not force:
        raise SkmError(IssueCode.OUTPUT_EXISTS, ExitCode.OUTPUT_ERROR, file=str(path))
    try:
        regular = stat.S_ISREG(path.stat().st_mode)  # follows a symlink: a link to a file is fine
    except OSError:
        regular = False  # dangling link, loop, no permission
    if not regular:
        raise SkmError(IssueCode.OUTPUT_NOT_REGULAR, ExitCode.OUTPUT_ERROR, file=str(path))


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


@contextlib.contextmanager
def _interruptible() -> Iterator[None]:
    """SIGTERM and SIGHUP raise KeyboardInterrupt (like SIGINT) so the temporary file is removed."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return

    def interrupt(signum: int, frame: FrameType | None) -> None:
        raise KeyboardInterrupt

    wanted = [s for s in (getattr(signal, "SIGTERM", None), getattr(signal, "SIGHUP", None)) if s is not None]
    previous = {}
    for sig in wanted:
        with contextlib.suppress(OSError, ValueError):
            previous[sig] = signal.signal(sig, interrupt)
    try:
        yield
    finally:
        for sig, handler in previous.items():
            signal.signal(sig, handler)


@contextlib.contextmanager
def _quiet_finalisers() -> Iterator[None]:
    """Silence "Exception ignored in ZipFile.__del__" while a failed writer is collected."""
    hook = sys.unraisablehook
    sys.unraisablehook = lambda _: None
    try:
        yield
    finally:
        sys.unraisablehook = hook


def _publish(tmp: Path, path: Path, force: bool) -> None:
    """Put the finished temporary file at ``path``: replace (force) or create exclusively."""
    if force:
        os.replace(tmp, path)
        return
    try:
        os.link(tmp, path)
    except FileExistsError:
        raise SkmError(IssueCode.OUTPUT_EXISTS, ExitCode.OUTPUT_ERROR, file=str(path)) from None
    except OSError as exc:
        if exc.errno not in (errno.EPERM, errno.EOPNOTSUPP, errno.ENOTSUP, errno.EXDEV, errno.EMLINK):
            raise
        try:  # a file system without hard links: claim the name, then fill it
            os.close(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600))
        except FileExistsError:
            raise SkmError(IssueCode.OUTPUT_EXISTS, ExitCode.OUTPUT_ERROR, file=str(path)) from None
        os.replace(tmp, path)
        return
    tmp.unlink()


def write_atomic(
    path: Path,
    content: bytes | str | Callable[[Path], None],
    *,
    inputs: Iterable[Path] = (),
    force: bool = False,
) -> None:
    """Write ``content`` (bytes, text, or a function that writes a given path) to ``path``.

    The data goes to a temporary file beside ``path`` that is renamed (``force``) or linked
    (exclusively) into place only when complete, so a crash never leaves a half-written report.
    """
    inputs = list(inputs)
    check_output(path, inputs=inputs, force=force)
    folder = path.parent if str(path.parent) else Path()
    with _interruptible():
        try:
            fd, tmp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=folder)
        except OSError as exc:
            raise SkmError(
                IssueCode.OUTPUT_UNWRITABLE, ExitCode.OUTPUT_ERROR, file=str(path), reason=exc.strerror
            ) from exc
        tmp = Path(tmp_name)
        try:
            if callable(content):
                os.close(fd)
                with _quiet_finalisers():
                    try:
                        content(tmp)
                    except OSError as exc:
                        _drop_frames(exc)
                        raise
            else:
                data = content.encode("utf-8") if isinstance(content, str) else content
                with os.fdopen(fd, "wb") as handle:
                    handle.write(data)
            # mkstemp creates the file 0600; give the output the mode a plain open() would.
            os.chmod(tmp, 0o666 & ~_umask())
            check_output(path, inputs=inputs, force=force)  # again: the name may have appeared meanwhile
            _publish(tmp, path, force)
        except OSError as exc:
            tmp.unlink(missing_ok=True)
            raise SkmError(
                IssueCode.OUTPUT_UNWRITABLE, ExitCode.OUTPUT_ERROR, file=str(path), reason=exc.strerror or str(exc)
            ) from None
        except BaseException:
            tmp.unlink(missing_ok=True)
            raise


def _drop_frames(exc: BaseException) -> None:
    """Free the failed writer's objects now (an open ZipFile would retry writing when collected)."""
    tb = exc.__traceback__
    if tb is not None and tb.tb_next is not None:  # not write_atomic's own frame: it is running
        traceback.clear_frames(tb.tb_next)
    gc.collect()


def check_folder(path: Path, *, inputs: Iterable[Path] = (), force: bool = False) -> None:
    """Refuse an output folder that holds an input (even with ``force``), that is not a real folder
    (a file, a symlink, a device), or that is not empty (unless ``force``)."""
    resolved = path.resolve()
    for source in inputs:
        if source.exists() and (source.resolve() == resolved or resolved in source.resolve().parents):
            raise SkmError(IssueCode.OUTPUT_FOLDER_HOLDS_INPUT, ExitCode.OUTPUT_ERROR, file=str(source))
    if not os.path.lexists(path):
        return
    if path.is_symlink() or not path.is_dir():
        raise SkmError(IssueCode.OUTPUT_NOT_FOLDER, ExitCode.OUTPUT_ERROR, file=str(path))
    if any(path.iterdir()) and not force:
        raise SkmError(IssueCode.OUTPUT_FOLDER_NOT_EMPTY, ExitCode.OUTPUT_ERROR, file=str(path))


def write_folder(
    path: Path,
    files: Mapping[str, bytes | str],
    *,
    inputs: Iterable[Path] = (),
    force: bool = False,
) -> None:
    """Write a whole folder (``relative path → content``) atomically.

    The files go to a temporary folder beside ``path`` that takes its place only when complete;
    with ``force`` an existing folder is replaced as a whole (never one holding an input). An
    interrupt (SIGINT, SIGTERM, SIGHUP) removes the temporary folder. Relative paths must stay
    inside the folder.
    """
    inputs = list(inputs)
    check_folder(path, inputs=inputs, force=force)
    parent = path.parent if str(path.parent) else Path()
    with _interruptible():
        try:
            tmp = Path(tempfile.mkdtemp(prefix=f".{path.name}.", suffix=".tmp", dir=parent))
        except OSError as exc:
            raise SkmError(
                IssueCode.OUTPUT_UNWRITABLE, ExitCode.OUTPUT_ERROR, file=str(path), reason=exc.strerror
            ) from exc
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
            for folder in [tmp, *(p for p in tmp.rglob("*") if p.is_dir())]:
                os.chmod(folder, 0o777 & ~_umask())
            if os.path.lexists(path):
                check_folder(path, inputs=inputs, force=force)  # still what was checked
                old = Path(tempfile.mkdtemp(prefix=f".{path.name}.", suffix=".old", dir=parent))
                os.replace(path, old / path.name)
            try:
                os.rename(tmp, path)  # fails if a folder appeared there meanwhile: never merged into it
            except OSError as exc:
                if old is not None:
                    os.replace(old / path.name, path)
                if exc.errno in (errno.EEXIST, errno.ENOTEMPTY):
                    raise SkmError(IssueCode.OUTPUT_FOLDER_NOT_EMPTY, ExitCode.OUTPUT_ERROR, file=str(path)) from None
                raise
        except OSError as exc:
            shutil.rmtree(tmp, ignore_errors=True)
            raise SkmError(
                IssueCode.OUTPUT_UNWRITABLE, ExitCode.OUTPUT_ERROR, file=str(path), reason=exc.strerror
            ) from exc
        except BaseException:
            shutil.rmtree(tmp, ignore_errors=True)
            raise
        finally:
            if old is not None:
                shutil.rmtree(old, ignore_errors=True)
