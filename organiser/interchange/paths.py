"""Where import and export files go by default, and why a path typed cannot be used."""

from __future__ import annotations

from pathlib import Path


def beside(database: Path, ending: str) -> Path:
    """A file beside the database, named after it: organiser.json, organiser-backup.json."""
    return database.with_name(f"{database.stem}{ending}")


def out_problem(out: Path) -> str | None:
    """Why a file cannot be written at `out`, in words; None when it can be tried."""
    if out.is_dir():
        return f"{out} is a folder; give a file name in it."
    if not out.parent.is_dir():
        return f"There is no folder {out.parent} to write {out.name} in."
    return None


def in_problem(path: Path) -> str | None:
    """Why `path` cannot be read as a file, in words; None when it can be tried."""
    if path.is_dir():
        return f"{path} is a folder, not a file."
    if not path.exists():
        return f"There is no file {path}."
    return None
