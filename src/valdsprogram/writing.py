"""The one way the tool writes a file: atomically, and never over an existing file unless asked.

Only a regular file is ever replaced (never a link, a folder, a pipe or a device such as `/dev/full`), and every
target of a batch can be checked before the first is written, so a batch never stops halfway. A run killed midway
leaves at most a hidden `.<name>.*.tmp` beside the target, which no command reads and the next write there removes.
"""

from __future__ import annotations

import contextlib
import os
import stat
import tempfile
import time
from collections.abc import Mapping
from pathlib import Path

from valdsprogram.errors import ValdsprogramError
from valdsprogram.text import os_error_text

STALE_SECONDS = 600
"""A temporary file older than this was left by a run that was killed; the next write beside it removes it."""


class WriteRefused(ValdsprogramError):
    """The file exists and replacing it was not asked for, or the file could not be written; Swedish message."""

    def __init__(self, message: str, *, exists: bool = False) -> None:
        super().__init__(message)
        self.exists = exists
        """True when the only reason is an existing file that --skriv-over would replace."""
        self.exit_code = 1 if exists else 2
        """An existing file is the user's to decide on (1); a file that cannot be written is a failure (2)."""


class NothingWritten(ValdsprogramError):
    """Some targets of a batch must not or cannot be written, so none was; `refusals` says why, file by file."""

    def __init__(self, refusals: list[WriteRefused]) -> None:
        super().__init__("inget skrevs.")
        self.refusals = refusals
        """Each refused target's WriteRefused, in the batch's order."""
        self.exit_code = 1 if all(r.exists for r in refusals) else 2
        """1 when every refusal is an existing file (the user's to decide on), else 2."""


def check_targets(paths: list[Path], *, overwrite: bool) -> None:
    """Check every target of a batch before the first is written; NothingWritten names each one refused."""
    refusals: list[WriteRefused] = []
    for path in paths:
        try:
            check_target(path, overwrite=overwrite)
        except WriteRefused as error:
            refusals.append(error)
    if refusals:
        raise NothingWritten(refusals)


def check_target(path: Path, *, overwrite: bool) -> None:
    """Raise WriteRefused when `path` must not or cannot be written; writes nothing."""
    try:
        info = os.lstat(path)
    except FileNotFoundError:
        _check_folder(path.parent)
        return
    except OSError as error:
        raise WriteRefused(f"Kan inte skriva {path}: {os_error_text(error)}.") from None
    if stat.S_ISLNK(info.st_mode):
        raise WriteRefused(f"{path} är en symbolisk länk; verktyget ersätter bara vanliga filer.")
    if stat.S_ISDIR(info.st_mode):
        raise WriteRefused(f"{path} är en mapp; ange ett filnamn.")
    if not stat.S_ISREG(info.st_mode):
        raise WriteRefused(f"{path} är ingen vanlig fil (utan till exempel en enhet eller en pipe) och ersätts aldrig.")
    if not overwrite:
        raise WriteRefused(f"{path} finns redan och skrivs inte över.", exists=True)


def _check_folder(folder: Path) -> None:
    """The nearest existing folder above a new file must be a folder (a file there would make mkdir fail)."""
    for ancestor in (folder, *folder.parents):
        try:
            info = os.stat(ancestor)
        except FileNotFoundError:
            continue
        except OSError as error:
            raise WriteRefused(f"Kan inte skriva i {ancestor}: {os_error_text(error)}.") from None
        if not stat.S_ISDIR(info.st_mode):
            raise WriteRefused(f"Kan inte skapa mappen {folder}: {ancestor} är en fil, inte en mapp.")
        return


def write_atomic(path: Path, text: str | bytes, *, overwrite: bool) -> None:
    """Write `text` (as UTF-8; bytes as they are) to `path` via a temporary file in the same folder and a rename.

    An interrupted run leaves either the old file or the new one, never half of one. Raises `WriteRefused` with a
    Swedish message when the file exists and `overwrite` is false, when it is not a regular file, or on an OS
    error (disk full included): a failed write is never taken for a written file.
    """
    write_all({path: text}, overwrite=overwrite)


def write_all(documents: Mapping[Path, str | bytes], *, overwrite: bool) -> None:
    """Write every document, or none: each goes to a temporary file beside its target first, and only when all
    are written (a full disk shows here) are they renamed into place, so a failure leaves no file of the batch.

    Raises `WriteRefused` as `write_atomic` does, for the first target that fails; no target is touched then.
    """
    temporaries: dict[Path, str] = {}
    placed: list[Path] = []
    try:
        for path, text in documents.items():
            check_target(path, overwrite=overwrite)
            temporaries[path] = _temporary(path, text, overwrite=overwrite)
        for path, temporary in temporaries.items():
            _place(path, temporary, overwrite=overwrite)
            placed.append(path)
    except WriteRefused:
        _undo(placed, overwrite=overwrite)
        raise
    finally:
        for temporary in temporaries.values():
            with contextlib.suppress(FileNotFoundError):
                os.unlink(temporary)


def _temporary(path: Path, text: str | bytes, *, overwrite: bool) -> str:
    """`text` written and synced to a hidden temporary file beside `path`; its name."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise WriteRefused(f"Kan inte skapa mappen {path.parent}: {os_error_text(error)}.") from None
    _remove_stale(path)
    temporary = ""
    try:
        fd, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
        os.fchmod(fd, os.lstat(path).st_mode & 0o777 if overwrite and path.exists() else _default_mode())
        data = text if isinstance(text, bytes) else text.encode("utf-8")
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
    except OSError as error:
        if temporary:
            with contextlib.suppress(FileNotFoundError):
                os.unlink(temporary)
        raise WriteRefused(f"Kunde inte skriva {path}: {os_error_text(error)}.") from None
    return temporary


def _place(path: Path, temporary: str, *, overwrite: bool) -> None:
    """The written temporary file renamed into place (or, without `overwrite`, linked: never over a new file)."""
    try:
        if overwrite:
            check_target(path, overwrite=True)  # still a regular file (or none) just before the rename
            os.replace(temporary, path)
        else:
            # link() fails if the target appeared meanwhile, so a concurrent file is never replaced.
            os.link(temporary, path)
    except FileExistsError:
        raise WriteRefused(f"{path} finns redan och skrivs inte över.", exists=True) from None
    except OSError as error:
        raise WriteRefused(f"Kunde inte skriva {path}: {os_error_text(error)}.") from None


def _undo(placed: list[Path], *, overwrite: bool) -> None:
    """Remove the files a failed batch had already placed, when they were new (without `overwrite` they all are)."""
    if overwrite:
        return  # a replaced file's old text is gone; renames after full writes fail only on a vanished folder
    for path in placed:
        with contextlib.suppress(OSError):
            os.unlink(path)


def _remove_stale(path: Path) -> None:
    """Remove this file's temporary files left by a killed run (old enough that no live run still writes them)."""
    cutoff = time.time() - STALE_SECONDS
    with contextlib.suppress(OSError):
        for entry in os.scandir(path.parent):
            if entry.name.startswith(f".{path.name}.") and entry.name.endswith(".tmp") and entry.is_file():
                with contextlib.suppress(OSError):
                    if entry.stat(follow_symlinks=False).st_mtime < cutoff:
                        os.unlink(entry.path)


def _default_mode() -> int:
    """0666 less the umask: what `open()` would have given a new file (mkstemp gives 0600)."""
    umask = os.umask(0)
    os.umask(umask)
    return 0o666 & ~umask
