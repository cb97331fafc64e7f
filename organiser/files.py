"""Writing a whole file so that a crash leaves the old one or the new one, never half of one.

The store keeps its snapshots this way; the diary export and any other file the program hands
to the organiser use it too. Every file is readable by its owner only (0600): they hold
personal data.
"""

from __future__ import annotations

import contextlib
import errno
import os
import secrets
import sys
from pathlib import Path

PRIVATE_FILE = 0o600
#: Temporary files are hidden beside their target: ".organiser.json.tmp-1a2b3c4d".
TEMP_MARK = ".tmp-"

_POSIX = os.name == "posix"
#: Without it, Windows would turn every "\n" written into "\r\n".
BINARY = getattr(os, "O_BINARY", 0)


def full_sync(fd: int) -> None:
    """Flush a file's data and metadata to the disk itself (F_FULLFSYNC on macOS)."""
    if sys.platform == "darwin":
        import fcntl

        fcntl.fcntl(fd, fcntl.F_FULLFSYNC)
    else:
        os.fsync(fd)


def sync_dir(path: Path) -> None:
    """Make a directory's entries (a new or renamed file) durable. A no-op on Windows."""
    if not _POSIX:
        return
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def write_all(fd: int, data: bytes) -> None:
    """Write every byte; a short write with no error means the disk is full."""
    view = memoryview(data)
    while view:
        written = os.write(fd, view)
        if written <= 0:
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
        view = view[written:]


def temp_path_for(path: Path) -> Path:
    """A fresh hidden temporary name in the same directory as `path`."""
    return path.with_name(f".{path.name}{TEMP_MARK}{secrets.token_hex(4)}")


def remove_quietly(path: Path) -> None:
    """Delete a file if it is there; errors are ignored (used when tidying up)."""
    with contextlib.suppress(OSError):
        path.unlink()


def atomic_write(path: Path, data: bytes) -> None:
    """Replace `path` with `data` so that a crash leaves either the old file or the new one.

    The data goes to a private temporary file in the same directory, is synced, renamed
    over `path`, and the directory is synced. Raises OSError; the temporary file is removed.
    """
    temp = temp_path_for(path)
    fd = os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | BINARY, PRIVATE_FILE)
    try:
        try:
            write_all(fd, data)
            full_sync(fd)
        finally:
            os.close(fd)
        os.replace(temp, path)
    except BaseException:
        remove_quietly(temp)
        raise
    sync_dir(path.parent)


def explain(error: OSError) -> str:
    """An operating-system error in words, with the system's own wording in brackets."""
    plain = reason(error)
    detail = error.strerror or str(error)
    return plain if detail.lower() == plain.lower() else f"{plain} ({detail})"


def reason(error: OSError) -> str:
    """An operating-system error in words an organiser can act on."""
    code = error.errno
    if code in (errno.ENOSPC, getattr(errno, "EDQUOT", errno.ENOSPC)):
        return "the disk is full"
    if code == errno.EROFS:
        return "the disk is read-only"
    if code in (errno.EACCES, errno.EPERM):
        return "Organiser is not allowed to write there"
    if code == errno.EIO:
        return "the disk reported a fault"
    if code == errno.ENOENT:
        return "the folder no longer exists"
    detail = error.strerror or str(error)
    return detail[:1].lower() + detail[1:] if detail else "an unknown error"
