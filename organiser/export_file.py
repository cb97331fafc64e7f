"""Writing an export (a review, a report) to a file of the organiser's choosing: all of it or
none, readable by its owner alone, since exports hold personal data."""

from __future__ import annotations

from pathlib import Path

from organiser.files import atomic_write


def write_private(path: Path, text: str) -> Path:
    """Write `text` (UTF-8) to `path`, replacing any file there, mode 0600, atomically (see
    `organiser.files.atomic_write`). Returns the path written; raises OSError."""
    path = path.expanduser()
    atomic_write(path, text.encode("utf-8"))
    return path
