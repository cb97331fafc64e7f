"""Importing people from the People list (key I): the path, the preview, Import, and what the
repository holds afterwards."""

from __future__ import annotations

from pathlib import Path

from textual.pilot import Pilot
from textual.widgets import Input

from organiser.clock import FixedClock
from organiser.models import Institution, Membership, Person
from screens.app import OrganiserApp
from screens.commands import commands_for
from screens.people_import import PeopleImportDialog
from screens.people_screen import PeopleScreen
from screens.today_screen import TodayScreen
from screens.transfer_dialog import TransferDialog
from screens.widgets.field_error import FieldError
from store.repository import TinyRepository
from tests.ui.conftest import SIZE, go_to_people, notices, screen_text, wait_for_screen
from tests.ui.test_transfer import choose, type_path, until

CSV = (
    "\ufeffFirst Name,Last Name,Email,Mobile,Organisation,Job Title\r\n"
    "Zoë,Wójcik,zoe@example.org,07700 900555,Highfields Mosque,Imam's assistant\r\n"
    "Amina,Khan,amina@example.org,07700 900999,,\r\n"
    "Dan,Smith,dan@nowhere,,,\r\n"
)


async def open_import(pilot: Pilot[object]) -> PeopleImportDialog:
    await go_to_people(pilot)
    await pilot.press("I")
    await wait_for_screen(pilot, PeopleImportDialog)
    dialog = pilot.app.screen
    assert isinstance(dialog, PeopleImportDialog)
    return dialog


async def test_import_a_csv_through_the_preview(
    filled: TinyRepository, clock: FixedClock, tmp_path: Path
) -> None:
    csv = tmp_path / "people.csv"
    csv.write_bytes(CSV.encode("utf-8"))
    before = {p.id: p for p in filled.list(Person)}
    mosque = next(i for i in filled.list(Institution) if i.name == "Highfields Mosque")
    app = OrganiserApp(filled, clock)
    async with app.run_test(size=SIZE) as pilot:
        dialog = await open_import(pilot)
        await pilot.press(*str(csv), "enter")
        await until(pilot, lambda: dialog.plan is not None)
        await pilot.pause()
        shown = screen_text(app)
        assert "First Name → first name" in shown and "Organisation → institution" in shown
        assert "1 to create, 1 to update, 0 to skip, 1 invalid (3 rows)" in shown
        assert "Update Amina Khan (line 3): phone" in shown
        assert "Invalid line 4: Email is not an email address" in shown
        assert len(filled.list(Person)) == len(before)  # a preview saves nothing

        await pilot.press("ctrl+s")
        await wait_for_screen(pilot, PeopleScreen)
        assert "Imported people.csv: 1 created, 1 updated, 0 skipped, 1 invalid." in notices(app)
        assert "Zoë Wójcik" in screen_text(app)  # the list shows them at once

    after = {p.name: p for p in filled.list(Person)}
    assert len(after) == len(before) + 1
    zoe = after["Zoë Wójcik"]
    assert (zoe.email, zoe.phone) == ("zoe@example.org", "07700 900555")
    assert zoe.memberships == [Membership(institution_id=mosque.id, role="Imam's assistant")]
    amina = after["Amina Khan"]
    assert amina.phone == "07700 900999"
    assert amina.private_notes == "Worried about her visa"  # the rest of her untouched
    assert amina.notes == "Cares about damp housing"
    assert "Dan Smith" not in after


async def test_a_path_that_cannot_be_read_is_explained_beside_it_and_nothing_saved(
    filled: TinyRepository, clock: FixedClock, tmp_path: Path
) -> None:
    count = len(filled.list(Person))
    app = OrganiserApp(filled, clock)
    async with app.run_test(size=SIZE) as pilot:
        dialog = await open_import(pilot)
        error = dialog.query_one("#import-path-error", FieldError)
        await pilot.press("enter")
        assert "Give the file to import" in error.message
        await pilot.press(*str(tmp_path / "missing.csv"), "enter")
        await until(pilot, lambda: "There is no file" in error.message)
        await pilot.press("ctrl+s")  # with no preview, this previews again: still missing
        await until(pilot, lambda: "There is no file" in error.message)
        binary = tmp_path / "sheet.xlsx"
        binary.write_bytes(b"PK\x03\x04\x00\x00binary")
        await pilot.press("end", "ctrl+u", *str(binary), "enter")
        await until(pilot, lambda: "holds binary data" in error.message)
        assert dialog.query_one("#import-path", Input).value == str(binary)  # nothing lost
        await pilot.press("escape")
        await wait_for_screen(pilot, PeopleScreen)
    assert len(filled.list(Person)) == count


async def test_cancel_after_the_preview_saves_nothing_and_the_key_is_offered(
    filled: TinyRepository, clock: FixedClock, tmp_path: Path
) -> None:
    cards = tmp_path / "contacts.vcf"
    cards.write_text("BEGIN:VCARD\r\nVERSION:4.0\r\nFN:Yusuf Ali\r\nEND:VCARD\r\n")
    count = len(filled.list(Person))
    app = OrganiserApp(filled, clock)
    async with app.run_test(size=SIZE) as pilot:
        screen = await go_to_people(pilot)
        offered = {c.binding.id: c.key for c in commands_for(screen)}
        assert offered["people.import"] == "I"
        assert "I Import" in screen_text(app)  # in the footer
        await pilot.press("I")
        await wait_for_screen(pilot, PeopleImportDialog)
        dialog = app.screen
        assert isinstance(dialog, PeopleImportDialog)
        await pilot.press(*str(cards), "enter")
        await until(pilot, lambda: dialog.plan is not None)
        assert "Create Yusuf Ali (line 1)" in screen_text(app)
        await pilot.press("escape")
        await wait_for_screen(pilot, PeopleScreen)
    assert len(filled.list(Person)) == count


async def test_vcards_and_civicrm_csv_from_the_import_and_export_screen(
    filled: TinyRepository, clock: FixedClock, tmp_path: Path
) -> None:
    app = OrganiserApp(filled, clock, diary_path=tmp_path / "organiser.ics")
    async with app.run_test(size=SIZE) as pilot:
        await wait_for_screen(pilot, TodayScreen)
        await choose(pilot, "People as contacts (vCard)")
        out = tmp_path / "contacts.vcf"
        await type_path(pilot, out)
        await pilot.press("ctrl+s")
        await until(pilot, lambda: out.exists() and not isinstance(app.screen, TransferDialog))
        assert f"Wrote 3 people as vCards to {out}." in notices(app)
        await pilot.press("escape")
        await wait_for_screen(pilot, TodayScreen)
        await choose(pilot, "People for CiviCRM (CSV)")
        sheet = tmp_path / "people.csv"
        await type_path(pilot, sheet)
        await pilot.press("ctrl+s")
        await until(pilot, lambda: sheet.exists())
    cards = out.read_text(encoding="utf-8")
    assert cards.count("BEGIN:VCARD") == 3 and "FN:Amina Khan" in cards
    assert "visa" not in cards and "damp" not in cards
    rows = sheet.read_text(encoding="utf-8").splitlines()
    assert rows[0].startswith("Contact Type,External Identifier,First Name,Last Name")
    assert len(rows) == 4 and "visa" not in sheet.read_text(encoding="utf-8")
