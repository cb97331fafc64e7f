"""Import and export (key X): a backup written through the screen, and one restored from it."""

from __future__ import annotations

import json
import stat
from collections.abc import Callable
from pathlib import Path

from textual.pilot import Pilot
from textual.widgets import Checkbox, Input, OptionList

from organiser.clock import FixedClock
from organiser.interchange.backup import backup_text
from organiser.models import RECORD_TYPES, Person
from screens.app import OrganiserApp
from screens.commands import commands_for
from screens.today_screen import TodayScreen
from screens.transfer_dialog import TransferDialog
from screens.transfer_screen import TransferScreen
from screens.welcome import WelcomeScreen
from screens.widgets.field_error import FieldError
from store.repository import TinyRepository
from tests.ui.conftest import SIZE, has_id, notices, screen_text, tab_to, wait_for_screen


async def until(pilot: Pilot[object], done: Callable[[], bool], tries: int = 100) -> None:
    for _ in range(tries):
        await pilot.pause(0.05)
        if done():
            return
    raise AssertionError("the work in the background did not finish")


async def choose(pilot: Pilot[object], label: str, key: str = "X") -> TransferDialog:
    """X (or `key`), then down the list to `label` and enter, as a person would."""
    await pilot.press(key)
    await wait_for_screen(pilot, TransferScreen)
    options = pilot.app.screen.query_one("#transfer-list", OptionList)
    assert pilot.app.focused is options
    for _ in range(options.option_count):
        highlighted = options.highlighted_option
        if highlighted is not None and label in str(highlighted.prompt):
            break
        await pilot.press("down")
    await pilot.press("enter")
    await wait_for_screen(pilot, TransferDialog)
    dialog = pilot.app.screen
    assert isinstance(dialog, TransferDialog)
    return dialog


async def type_path(pilot: Pilot[object], path: Path) -> None:
    await tab_to(pilot, has_id("transfer-path"))
    await pilot.press("end", "ctrl+u")
    await pilot.press(*str(path))


async def test_a_backup_is_written_through_the_screen(
    filled: TinyRepository, clock: FixedClock, tmp_path: Path
) -> None:
    app = OrganiserApp(filled, clock, diary_path=tmp_path / "organiser.ics")
    async with app.run_test(size=SIZE) as pilot:
        await wait_for_screen(pilot, TodayScreen)
        dialog = await choose(pilot, "Full backup")
        text = screen_text(app)
        assert "Export: Full backup (JSON)" in text
        assert "personal data" in text and "Private notes are what you wrote" in text
        path = dialog.query_one("#transfer-path", Input)
        assert path.value == str(tmp_path / "organiser-backup.json")
        private = dialog.query_one("#transfer-private", Checkbox)
        assert private.value is False
        await tab_to(pilot, has_id("transfer-private"))
        await pilot.press("space")
        out = tmp_path / "kept" / "backup.json"
        await type_path(pilot, out)
        await pilot.press("ctrl+s")  # no such folder yet: said beside the field
        await pilot.pause()
        error = dialog.query_one("#transfer-path-error", FieldError)
        assert error.message == f"There is no folder {out.parent} to write backup.json in."
        out.parent.mkdir()
        await pilot.press("ctrl+s")
        await until(pilot, lambda: not isinstance(app.screen, TransferDialog))
        total = sum(filled.count(kind) for kind in RECORD_TYPES)
        assert f"Wrote a backup of {total} records to {out} (with private notes)." in notices(app)
    assert stat.S_IMODE(out.stat().st_mode) == 0o600
    assert out.read_text(encoding="utf-8") == backup_text(filled, include_private=True)
    assert json.loads(out.read_text(encoding="utf-8"))["private_notes_included"] is True


async def test_restoring_is_offered_only_into_an_empty_database(
    filled: TinyRepository, clock: FixedClock, tmp_path: Path
) -> None:
    app = OrganiserApp(filled, clock, diary_path=tmp_path / "organiser.ics")
    async with app.run_test(size=SIZE) as pilot:
        await wait_for_screen(pilot, TodayScreen)
        await pilot.press("X")
        await wait_for_screen(pilot, TransferScreen)
        options = app.screen.query_one("#transfer-list", OptionList)
        restore = options.get_option("backup-import")
        assert restore.disabled
        assert "only into an empty database" in screen_text(app)
        await pilot.press("escape")
        await wait_for_screen(pilot, TodayScreen)


async def test_a_backup_is_restored_from_the_first_run_screen(
    filled: TinyRepository, repo: TinyRepository, clock: FixedClock, tmp_path: Path
) -> None:
    from tinydb import TinyDB
    from tinydb.storages import MemoryStorage

    backup = tmp_path / "organiser-backup.json"
    backup.write_text(backup_text(filled), encoding="utf-8")
    empty = TinyRepository(TinyDB(storage=MemoryStorage), clock)
    app = OrganiserApp(empty, clock, diary_path=tmp_path / "organiser.ics")
    async with app.run_test(size=SIZE) as pilot:
        await wait_for_screen(pilot, WelcomeScreen)
        assert "ctrl+r" in screen_text(app)
        dialog = await choose(pilot, "Restore a full backup", key="ctrl+r")
        assert dialog.query_one("#transfer-path", Input).value == str(backup)
        await pilot.press("ctrl+s")
        await wait_for_screen(pilot, TodayScreen)
        said = " ".join(notices(app))
        assert f"Restored {sum(filled.count(k) for k in RECORD_TYPES)} records." in said
        assert "private notes came back blank" in said
    assert {p.id for p in empty.list(Person)} == {p.id for p in filled.list(Person)}
    assert empty.profile() == filled.profile()
    assert all(p.private_notes == "" for p in empty.list(Person))
    empty.close()


async def test_a_file_that_is_not_a_backup_is_refused_beside_its_name(
    clock: FixedClock, tmp_path: Path
) -> None:
    from tinydb import TinyDB
    from tinydb.storages import MemoryStorage

    (tmp_path / "organiser-backup.json").write_text("{not json", encoding="utf-8")
    empty = TinyRepository(TinyDB(storage=MemoryStorage), clock)
    app = OrganiserApp(empty, clock, diary_path=tmp_path / "organiser.ics")
    async with app.run_test(size=SIZE) as pilot:
        await wait_for_screen(pilot, WelcomeScreen)
        dialog = await choose(pilot, "Restore a full backup", key="ctrl+r")
        dialog.post_message(TransferDialog.Progress(1234, 5000))  # as the worker sends it
        await pilot.pause()
        assert "1,234 of 5,000 records" in screen_text(app)
        await pilot.press("ctrl+s")
        error = dialog.query_one("#transfer-path-error", FieldError)
        await until(pilot, lambda: bool(error.message))
        assert error.message.startswith("organiser-backup.json is not JSON (line 1")
        assert app.screen is dialog
        assert "of 5,000 records" not in screen_text(app)
    assert empty.is_empty()
    empty.close()


async def test_import_and_export_is_in_the_palette(
    filled: TinyRepository, clock: FixedClock, tmp_path: Path
) -> None:
    app = OrganiserApp(filled, clock, diary_path=tmp_path / "organiser.ics")
    async with app.run_test(size=SIZE) as pilot:
        await wait_for_screen(pilot, TodayScreen)
        found = [c for c in commands_for(app.screen) if c.description == "Import and export"]
        assert [c.key for c in found] == ["X"]


async def test_people_and_events_are_exported_for_action_network(
    filled: TinyRepository, clock: FixedClock, tmp_path: Path
) -> None:
    app = OrganiserApp(filled, clock, diary_path=tmp_path / "organiser.ics")
    async with app.run_test(size=SIZE) as pilot:
        await wait_for_screen(pilot, TodayScreen)
        dialog = await choose(pilot, "Action Network")
        assert not dialog.query("#transfer-private")  # never private notes: nothing to tick
        assert "never go in" in screen_text(app)
        out = tmp_path / "organiser-osdi.json"
        assert dialog.query_one("#transfer-path", Input).value == str(out)
        await pilot.press("enter")
        await until(pilot, lambda: not isinstance(app.screen, TransferDialog))
        assert f"Wrote 3 people and their events to {out}." in notices(app)
    document = json.loads(out.read_text(encoding="utf-8"))
    people = document["_embedded"]["osdi:people"]
    assert {p["identifiers"][0] for p in people} == {
        f"organiser:{p.id}" for p in filled.list(Person)
    }
    assert "Worried about her visa" not in out.read_text(encoding="utf-8")
