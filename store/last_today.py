"""Today as the app last showed it, kept beside the database so the next start can paint it
at once while the database itself is read (screens/today_preview.py makes and shows it).

It holds a few dozen lines of what Today said (names, follow-ups), so it is kept as
carefully as the database: readable by its owner alone, written whole or not at all, never
kept for an encrypted database, and thrown away as soon as the database is opened for
writing, so no change (an erasure above all) can leave an older copy of a person's details
behind. It is trusted only while the database files are exactly those it was made from
(their identity: inode, modification time and size), by the same program, on the same day.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from datetime import date
from pathlib import Path
from typing import Any

from organiser import __version__
from organiser.files import atomic_write, remove_quietly
from store.crypto import is_encrypted
from store.durable import explain
from store.format import journal_path

#: Raise when what is kept changes shape, so an older file is ignored rather than misread.
FORMAT = 1


def last_today_path(path: Path) -> Path:
    return path.with_name(f"{path.name}.today")


def _identity(path: Path) -> list[int] | None:
    try:
        st = path.stat()
    except OSError:
        return None
    return [st.st_ino, st.st_mtime_ns, st.st_size]


def _files(path: Path) -> dict[str, list[int] | None]:
    return {"database": _identity(path), "journal": _identity(journal_path(path))}


def keep_last_today(path: Path, day: date, shown: Mapping[str, Any]) -> list[str]:
    """Keep what Today showed on `day` for the database at `path`, as the files are now
    (call it after the database is closed). Returns a warning rather than raising: the
    next start is only slower without it."""
    path = Path(path).absolute()
    if is_encrypted(path):
        return []
    kept = {
        "format": FORMAT,
        "program": __version__,
        "day": day.isoformat(),
        "files": _files(path),
        "shown": shown,
    }
    try:
        atomic_write(last_today_path(path), json.dumps(kept).encode())
    except (OSError, TypeError, ValueError) as error:
        why = explain(error) if isinstance(error, OSError) else str(error)
        return [f"Could not keep Today for a quick start next time ({why})."]
    return []


def last_today(path: Path) -> tuple[date, Mapping[str, Any]] | None:
    """The day Today was kept, and what it showed, when the app last closed, if the
    database at `path` is still exactly as it was then; None otherwise (the app then starts
    the usual way). Whether that day is still today is the caller's to check."""
    path = Path(path).absolute()
    try:
        kept = json.loads(last_today_path(path).read_bytes())
        day = date.fromisoformat(kept["day"])
    except (OSError, ValueError, KeyError, TypeError):
        return None
    if (
        kept.get("format") != FORMAT
        or kept.get("program") != __version__
        or kept.get("files") != _files(path)
        or not isinstance(kept.get("shown"), dict)
    ):
        return None
    return day, kept["shown"]


def discard_last_today(path: Path) -> None:
    """Forget what Today showed: the database is about to change."""
    remove_quietly(last_today_path(Path(path).absolute()))
