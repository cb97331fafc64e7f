"""Small file-system primitives for durable, private files: syncing, atomic replacement, modes.

The whole-file primitives (syncing, atomic replacement) live in `organiser.files`, so the
diary export can use them without the store; they are re-exported here for the store.

Every file the store creates is readable by its owner only (0600) and every directory it
creates is private (0700): the data is about real people.
"""

from __future__ import annotations

import os
import stat
import sys
from pathlib import Path

from organiser.files import (
    BINARY,
    PRIVATE_FILE,
    TEMP_MARK,
    atomic_write,
    explain,
    full_sync,
    reason,
    remove_quietly,
    sync_dir,
    temp_path_for,
    write_all,
)

__all__ = [
    "BINARY",
    "PRIVATE_DIR",
    "PRIVATE_FILE",
    "TEMP_MARK",
    "atomic_write",
    "data_sync",
    "explain",
    "full_sync",
    "loose_mode",
    "make_private_dirs",
    "reason",
    "remove_quietly",
    "stale_temp_files",
    "sync_dir",
    "temp_path_for",
    "tighten",
    "write_all",
]

PRIVATE_DIR = 0o700

_POSIX = os.name == "posix"


def data_sync(fd: int) -> None:
    """Flush a file's data (and its length) to disk; cheaper than `full_sync` where possible."""
    if sys.platform == "darwin" or not hasattr(os, "fdatasync"):
        full_sync(fd)
    else:
        os.fdatasync(fd)


def stale_temp_files(path: Path) -> list[Path]:
    """Temporary files left beside `path` by an interrupted write."""
    prefix = f".{path.name}{TEMP_MARK}"
    try:
        return [p for p in path.parent.iterdir() if p.name.startswith(prefix)]
    except OSError:
        return []


def make_private_dirs(directory: Path) -> None:
    """Create `directory` and any missing parents, each with mode 0700."""
    missing: list[Path] = []
    current = directory
    while not current.exists():
        missing.append(current)
        current = current.parent
    for folder in reversed(missing):
        folder.mkdir(mode=PRIVATE_DIR, exist_ok=True)


def loose_mode(path: Path, allowed: int) -> int | None:
    """The permission bits of `path` if they grant more than `allowed`; otherwise None."""
    if not _POSIX:
        return None
    try:
        mode = stat.S_IMODE(path.stat().st_mode)
    except FileNotFoundError:
        return None
    return mode if mode & ~allowed else None


def tighten(path: Path, allowed: int = PRIVATE_FILE) -> str | None:
    """Restrict `path` to its owner. Returns a message for the user when it had to be changed."""
    mode = loose_mode(path, allowed)
    if mode is None:
        return None
    what = "folder" if path.is_dir() else "file"
    try:
        path.chmod(allowed)
    except OSError as error:
        return (
            f"The {what} {path} can be read by other people using this computer "
            f"(permissions {mode:o}), and Organiser could not change that: {explain(error)}."
        )
    return (
        f"The {what} {path} could be read by other people using this computer "
        f"(permissions {mode:o}); Organiser has made it private to you ({allowed:o})."
    )
