"""The one way the tool writes a file: atomically, and never over an existing file unless asked."""

from __future__ import annotations

import contextlib
import os
import tempfile
from pathlib import Path

from valdsprogram.text import os_error_text


class WriteRefused(Exception):
    """The file exists and replacing it was not asked for, or the file could not be written."""


def write_atomic(path: Path, text: str | bytes, *, overwrite: bool) -> None:
    """Write `text` (as UTF-8; bytes as they are) to `path` via a temporary file in the same folder and a rename.

    An interrupted run leaves either the old file or the new one, never half of one. Raises
    `WriteRefused` with a Swedish message when the file exists and `overwrite` is false, or on an OS error.
    """
    if path.exists() and not overwrite:
        raise WriteRefused(f"{path} finns redan och skrivs inte över.")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
        try:
            os.chmod(temporary, path.stat().st_mode & 0o777 if path.exists() else _default_mode())
            data = text if isinstance(text, bytes) else text.encode("utf-8")
            with os.fdopen(fd, "wb") as handle:
                handle.write(data)
                handle.flush()
                os.fsync(handle.fileno())
            if overwrite:
                os.replace(temporary, path)
            else:
                # link() fails if the target appeared meanwhile, so a concurrent file is never replaced.
                os.link(temporary, path)
        finally:
            with contextlib.suppress(FileNotFoundError):
                os.unlink(temporary)
    except FileExistsError:
        raise WriteRefused(f"{path} finns redan och skrivs inte över.") from None
    except OSError as error:
        raise WriteRefused(f"Kunde inte skriva {path}: {os_error_text(error)}.") from None


def _default_mode() -> int:
    """0666 less the umask: what `open()` would have given a new file (mkstemp gives 0600)."""
    umask = os.umask(0)
    os.umask(umask)
    return 0o666 & ~umask
