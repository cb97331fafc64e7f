"""Export to diary (key D): the dialog, the file it writes, and the file kept up to date."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from textual.pilot import Pilot
from textual.widgets import Checkbox, Input, SelectionList

from organiser.clock import FixedClock
from organiser.models import DiaryFile, DiaryKind, Meeting, Profile
from screens.app import OrganiserApp
from screens.calendar_dialog import DiaryDialog
from screens.calendar_keeper import DiaryKeeper
from screens.commands import commands_for
from screens.help_screen import HelpScreen
from screens.widgets.field_error import FieldError
from store.repository import TinyRepository
from tests.calendar_samples import Diary, components, fill_diary, uid
from tests.ui.conftest import SIZE, has_id, notices, screen_text, tab_to, wait_for_screen


@pytest.fixture
def diary(repo: TinyRepository, clock: FixedClock) -> Diary:
    return fill_diary(repo, clock)


@pytest.fixture(autouse=True)
def quick_keeper(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(DiaryKeeper, "DELAY", 0.05)


async def until(pilot: Pilot[object], done: Callable[[], bool], tries: int = 100) -> None:
    """Wait for work done in a thread (the export, the keeper) as a person would: briefly."""
    for _ in range(tries):
        await pilot.pause(0.05)
        if done():
            return
    raise AssertionError("the work in the background did not finish")


async def open_dialog(pilot: Pilot[object]) -> DiaryDialog:
    await pilot.pause()
    await pilot.press("D")
    await wait_for_screen(pilot, DiaryDialog)
    dialog = pilot.app.screen
    assert isinstance(dialog, DiaryDialog)
    return dialog


async def test_export_writes_the_chosen_kinds_and_keeps_the_file_up_to_date(
    repo: TinyRepository, clock: FixedClock, diary: Diary, tmp_path: Path
) -> None:
    out = tmp_path / "diary.ics"
    app = OrganiserApp(repo, clock, diary_path=out)
    async with app.run_test(size=SIZE) as pilot:
        dialog = await open_dialog(pilot)
        assert "Export to your diary" in screen_text(app)
        # Untick the last kind, dues invoices, with the keyboard.
        kinds = dialog.query_one("#diary-kinds", SelectionList)
        assert app.focused is kinds
        await pilot.press("end", "space")
        await tab_to(pilot, has_id("diary-keep"))
        await pilot.press("space")
        assert dialog.query_one("#diary-path", Input).value == str(out)
        await pilot.press("ctrl+s")
        await until(pilot, lambda: not isinstance(app.screen, DiaryDialog))
        assert f"Wrote 14 diary entries to {out}" in notices(app)
        found = components(out.read_bytes())
        assert uid("invoice", diary.invoice.id) not in found
        assert uid("one-to-one", diary.booked.id) in found
        assert len(found) == 14

        # The repository holds the setting.
        profile = repo.profile()
        assert profile is not None and profile.diary_file is not None
        assert profile.diary_file.path == str(out)
        assert DiaryKind.INVOICE not in profile.diary_file.kinds
        assert len(profile.diary_file.kinds) == len(DiaryKind) - 1

        # A change anywhere rewrites the file, in the background.
        writes = app.diary_keeper.writes
        meeting = repo.get(Meeting, diary.meeting.id)
        assert meeting is not None
        app.repo.save(meeting.evolve(title="Planning Group; moved"))
        await until(pilot, lambda: app.diary_keeper.writes > writes)
        event = components(out.read_bytes())[uid("meeting", diary.meeting.id)]
        assert str(event["SUMMARY"]) == "Planning Group; moved"
        assert int(event["SEQUENCE"]) == 1


async def test_bad_input_is_shown_beside_its_field_and_nothing_is_written(
    repo: TinyRepository, clock: FixedClock, diary: Diary, tmp_path: Path
) -> None:
    out = tmp_path / "diary.ics"
    app = OrganiserApp(repo, clock, diary_path=out)
    async with app.run_test(size=SIZE) as pilot:
        dialog = await open_dialog(pilot)
        await tab_to(pilot, has_id("diary-start"))
        await pilot.press(*"banana")
        await tab_to(pilot, has_id("diary-keep"))
        await pilot.press("space")
        await tab_to(pilot, has_id("diary-path"))
        await pilot.press("end", "ctrl+u", *str(tmp_path / "no-such-folder" / "x.ics"))
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, DiaryDialog)
        errors = {e.id: e.message for e in dialog.query(FieldError) if e.message}
        assert "is not a date I can read" in errors["diary-start-error"]
        assert errors["diary-keep-error"].startswith("A file kept up to date holds every day")
        assert errors["diary-path-error"].startswith("There is no folder")
        assert app.focused is dialog.query_one("#diary-start", Input)
        assert dialog.query_one("#diary-start", Input).value == "banana"  # nothing lost
        await pilot.press("escape")
        await pilot.pause()
        assert not isinstance(app.screen, DiaryDialog)
    assert list(tmp_path.iterdir()) == []
    profile = repo.profile()
    assert profile is not None and profile.diary_file is None


async def test_the_dialog_opens_with_the_kept_file_and_unticking_stops_keeping(
    repo: TinyRepository, clock: FixedClock, diary: Diary, tmp_path: Path
) -> None:
    out = tmp_path / "kept.ics"
    profile = repo.profile()
    assert isinstance(profile, Profile)
    repo.save(profile.evolve(diary_file=DiaryFile(path=str(out), todo=True)))
    app = OrganiserApp(repo, clock, diary_path=tmp_path / "other.ics")
    async with app.run_test(size=SIZE) as pilot:
        await until(pilot, lambda: out.exists())  # brought up to date when the app opens
        dialog = await open_dialog(pilot)
        assert dialog.query_one("#diary-path", Input).value == str(out)
        assert dialog.query_one("#diary-todo", Checkbox).value is True
        assert dialog.query_one("#diary-keep", Checkbox).value is True
        await tab_to(pilot, has_id("diary-keep"))
        await pilot.press("space")
        await pilot.press("ctrl+s")
        await until(pilot, lambda: not isinstance(app.screen, DiaryDialog))
        assert f"{out} is no longer kept up to date." in notices(app)
    kept = repo.profile()
    assert kept is not None and kept.diary_file is None
    assert {c.name for c in components(out.read_bytes()).values()} == {"VEVENT", "VTODO"}


async def test_what_is_waiting_is_written_when_the_app_closes(
    repo: TinyRepository,
    clock: FixedClock,
    diary: Diary,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    out = tmp_path / "kept.ics"
    profile = repo.profile()
    assert isinstance(profile, Profile)
    repo.save(profile.evolve(diary_file=DiaryFile(path=str(out))))
    monkeypatch.setattr(DiaryKeeper, "DELAY", 60)
    app = OrganiserApp(repo, clock)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        app.repo.save(diary.action.evolve(name="Housing assembly, rescheduled"))
        await pilot.press("q")
    event = components(out.read_bytes())[uid("action", diary.action.id)]
    assert str(event["SUMMARY"]) == "Housing assembly, rescheduled"


async def test_export_to_diary_is_in_the_help_and_the_palette(
    repo: TinyRepository, clock: FixedClock, diary: Diary
) -> None:
    app = OrganiserApp(repo, clock)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert any(
            c.key == "D" and c.description == "Export to diary" for c in commands_for(app.screen)
        )
        await pilot.press("question_mark")
        await wait_for_screen(pilot, HelpScreen)
        assert "Export to diary" in screen_text(app)
