"""Export to diary from anywhere (key D): the dialog, then the "keep it up to date" setting
saved in the Profile, and a word about where the file went."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from textual.screen import Screen

from organiser.calendar.form import DiaryForm
from organiser.clock import Clock
from organiser.errors import OrganiserError
from organiser.models import Profile
from organiser.repository import Repository
from screens.calendar_dialog import DiaryDialog, Exported
from screens.person_flows import report


def where(exported: Exported) -> str:
    """ "Wrote 806 diary entries to /home/jo/organiser.ics" (or to N files)."""
    count = f"{exported.entries:,} diary entr{'y' if exported.entries == 1 else 'ies'}"
    paths = [path for path, _ in exported.files]
    if len(paths) == 1:
        return f"Wrote {count} to {paths[0]}"
    return f"Wrote {count} to {len(paths)} files in {paths[0].parent}, one per kind"


async def export_to_diary(
    screen: Screen[Any], repo: Repository, clock: Clock, default_path: Path
) -> Exported | None:
    """Open the dialog; after a successful export, save (or clear) the kept file setting."""
    try:
        profile = repo.profile() or Profile(organiser_name="Organiser")
    except OrganiserError as error:
        report(screen, error, "Cannot open the export")
        return None
    form = DiaryForm.for_profile(profile.diary_file, default_path)
    dialog = DiaryDialog(repo, form, clock.today(), Path.home())
    exported = await screen.app.push_screen_wait(dialog)
    if exported is None:
        return None
    screen.notify(where(exported), title="Exported", markup=False, timeout=10)
    kept = profile.diary_file
    keep = exported.request.keep
    if keep is None and (kept is None or Path(kept.path) != exported.request.out):
        return exported  # a one-off export elsewhere leaves the kept file alone
    if keep == kept or repo.read_only or not profile.is_saved:
        return exported
    try:
        repo.save(profile.evolve(diary_file=keep))
    except Exception as error:  # the file is written; only the setting was not kept
        report(screen, error, "Setting not saved")
        return exported
    if keep is not None:
        screen.notify(f"{keep.path} will be rewritten after every change.", markup=False)
    elif kept is not None:
        screen.notify(f"{kept.path} is no longer kept up to date.", markup=False)
    return exported
