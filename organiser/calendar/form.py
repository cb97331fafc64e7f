"""The diary export as a person fills it in: what they typed, checked, with a message for
each field that is wrong. The app's dialog shows the form; this reads it."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path

from pydantic import ValidationError

from organiser.calendar.export import DiaryChoice
from organiser.dates import format_day, parse_day
from organiser.models import DiaryFile, DiaryKind
from organiser.validation import describe


@dataclass(frozen=True)
class DiaryForm:
    """The dialog's fields as typed."""

    kinds: tuple[DiaryKind, ...]
    start: str = ""
    end: str = ""
    include_private: bool = False
    todo: bool = False
    split: bool = False
    keep: bool = False
    path: str = ""

    @classmethod
    def for_profile(cls, kept: DiaryFile | None, default_path: Path) -> DiaryForm:
        """The form as it opens: the kept file's settings, or everything to the default path."""
        if kept is None:
            return cls(tuple(DiaryKind), path=str(default_path))
        return cls(
            tuple(kept.kinds),
            include_private=kept.include_private,
            todo=kept.todo,
            split=kept.split,
            keep=True,
            path=kept.path,
        )


@dataclass(frozen=True)
class DiaryRequest:
    """A checked form: what to export, where, and the file to keep up to date (or None)."""

    choice: DiaryChoice
    out: Path
    keep: DiaryFile | None


def out_problem(out: Path) -> str | None:
    """Why the diary cannot be written to `out`, in words; None when it can."""
    if out.is_dir():
        return f"{out} is a folder; give a file name, such as {out / 'organiser.ics'}."
    if not out.parent.is_dir():
        return f"There is no folder {out.parent} to write {out.name} in."
    return None


def _day(text: str, today: date, errors: dict[str, str], field: str) -> date | None:
    if not text.strip():
        return None
    try:
        return parse_day(text, today)
    except ValueError as error:
        errors[field] = str(error)[:1].upper() + str(error)[1:]
        return None


def read_form(
    form: DiaryForm, today: date, home: Path
) -> tuple[DiaryRequest | None, dict[str, str]]:
    """The request the form makes, or None and a message for each field that must change.
    A relative path is taken from `home`."""
    errors: dict[str, str] = {}
    if not form.kinds:
        errors["kinds"] = "Choose at least one kind of entry."
    start = _day(form.start, today, errors, "start")
    end = _day(form.end, today, errors, "end")
    if start and end and end < start:
        errors["end"] = f"The period ends ({format_day(end)}) before it starts."
    out = Path(form.path.strip()).expanduser()
    if not form.path.strip():
        errors["path"] = "Say where to write the file, such as ~/organiser.ics."
    else:
        out = out if out.is_absolute() else home / out
        problem = out_problem(out)
        if problem:
            errors["path"] = problem
    if form.keep and (form.start.strip() or form.end.strip()):
        errors["keep"] = "A file kept up to date holds every day: clear From and To first."
    if errors:
        return None, errors
    choice = DiaryChoice(
        frozenset(form.kinds), start, end, form.include_private, form.todo, form.split
    )
    keep = None
    if form.keep:
        try:
            keep = DiaryFile(
                path=str(out),
                kinds=list(form.kinds),
                include_private=form.include_private,
                todo=form.todo,
                split=form.split,
            )
        except ValidationError as error:
            return None, {"path": f"This path cannot be kept: {describe(error)}"}
    return DiaryRequest(choice, out, keep), {}
