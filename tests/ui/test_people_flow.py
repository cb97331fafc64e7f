"""Add, edit, find and delete a person with the keyboard alone; check what the repository holds."""

from __future__ import annotations

from datetime import date

from textual.widgets import Checkbox, Input, Select, TextArea

from organiser.clock import FixedClock
from organiser.models import Institution, LadderStage, Person
from screens.app import OrganiserApp
from screens.confirm import ConfirmDialog
from screens.people_screen import PeopleScreen
from screens.person_detail import PersonDetailScreen
from screens.person_dialog import PersonDialog
from screens.widgets.field_error import FieldError
from screens.widgets.people_table import PeopleTable
from store.repository import TinyRepository
from tests.ui.conftest import SIZE, go_to_people, has_id, inside, screen_text, tab_to


def field_errors(app: OrganiserApp) -> dict[str, str]:
    return {e.id or "": e.message for e in app.screen.query(FieldError) if e.message}


def person_named(repo: TinyRepository, name: str) -> Person:
    found = [p for p in repo.list(Person) if p.name == name]
    assert len(found) == 1, f"expected one {name!r}, found {len(found)}"
    return found[0]


async def test_add_edit_search_and_delete_a_person(
    filled: TinyRepository, clock: FixedClock
) -> None:
    repo = filled
    mosque = next(i for i in repo.list(Institution) if i.name == "Highfields Mosque")
    app = OrganiserApp(repo, clock)
    async with app.run_test(size=SIZE) as pilot:
        await go_to_people(pilot)
        assert isinstance(app.screen, PeopleScreen)

        # Add ------------------------------------------------------------------------------
        await pilot.press("n")
        await pilot.pause()
        assert isinstance(app.screen, PersonDialog)
        await pilot.press(*"Zofia Wójcik")
        await tab_to(pilot, has_id("phone"))
        await pilot.press(*"07700 900456")
        await tab_to(pilot, has_id("email"))
        await pilot.press(*"zofia@example.org")
        await pilot.press("ctrl+n")  # add an institution: the new row's Select has the focus
        await pilot.pause()
        await pilot.press("enter")  # open the list of institutions, sorted by name
        await pilot.pause()
        await pilot.press("down", "enter")  # past "Choose an institution" to Highfields Mosque
        await pilot.pause()
        await tab_to(pilot, inside("memberships", Input))
        await pilot.press(*"imam")
        await tab_to(pilot, has_id("ladder-stage"))
        await pilot.press("enter", "down", "enter")  # Potential leader
        await pilot.pause()
        await tab_to(pilot, inside("consent-to-contact", Checkbox))
        await pilot.press("space")  # given; today fills in as the date
        await pilot.pause()
        await tab_to(pilot, inside("consent-to-record", Checkbox))
        await pilot.press("space")
        await tab_to(pilot, inside("consent-to-record", Input))
        await pilot.press("ctrl+u", *"last fri")
        await tab_to(pilot, has_id("notes"))
        await pilot.press(*"Runs the Saturday school")
        await tab_to(pilot, has_id("private-notes"))
        await pilot.press(*"Shy about speaking")
        await pilot.press("ctrl+s")
        await pilot.pause()

        assert isinstance(app.screen, PeopleScreen), field_errors(app)
        zofia = person_named(repo, "Zofia Wójcik")
        assert zofia.phone == "07700 900456"
        assert zofia.email == "zofia@example.org"
        assert [(m.institution_id, m.role) for m in zofia.memberships] == [(mosque.id, "imam")]
        assert zofia.ladder_stage == LadderStage.POTENTIAL_LEADER
        assert zofia.consent_to_contact.given
        assert zofia.consent_to_contact.on == clock.today()
        assert zofia.consent_to_record.given
        assert zofia.consent_to_record.on == date(2026, 11, 20)  # the Friday before Mon 23rd
        assert zofia.notes == "Runs the Saturday school"
        assert zofia.private_notes == "Shy about speaking"
        assert repo.count(Person) == 4
        table = app.screen.query_one(PeopleTable)
        assert table.current_id == zofia.id  # the cursor is on the person just added

        # Edit ------------------------------------------------------------------------------
        await pilot.press("e")
        await pilot.pause()
        assert isinstance(app.screen, PersonDialog)
        assert app.screen.query_one("#name", Input).value == "Zofia Wójcik"
        await pilot.press("end", *" Nowak")
        await tab_to(pilot, has_id("phone"))
        await pilot.press("ctrl+u", *"0116 496 0123")
        await pilot.press("ctrl+s")
        await pilot.pause()

        assert isinstance(app.screen, PeopleScreen)
        edited = repo.get(Person, zofia.id)
        assert edited is not None
        assert edited.name == "Zofia Wójcik Nowak"
        assert edited.phone == "0116 496 0123"
        assert edited.revision == 2
        assert edited.memberships == zofia.memberships  # untouched fields kept
        assert edited.consent_to_record == zofia.consent_to_record
        assert repo.count(Person) == 4

        # Search ----------------------------------------------------------------------------
        await pilot.press("escape", "home")  # cursor away from her, to show search finds her
        await pilot.press("slash", *"highfields imam")
        await pilot.pause()
        assert list(table.shown_ids) == [zofia.id]
        assert "1 of 4 matches" in screen_text(app)
        await pilot.press("enter")  # from the search box to the list
        await pilot.pause()
        assert table.has_focus

        # Open, then back ---------------------------------------------------------------------
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, PersonDetailScreen)
        assert "Zofia Wójcik Nowak" in screen_text(app)
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, PeopleScreen)

        # Delete, declining first ---------------------------------------------------------------
        await pilot.press("d")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmDialog)
        shown = screen_text(app)
        assert "Delete Zofia Wójcik Nowak?" in shown
        assert "permanent" in shown
        await pilot.press("enter")  # "Keep" has the focus: enter is safe
        await pilot.pause()
        assert repo.get(Person, zofia.id) is not None

        await pilot.press("d")
        await pilot.pause()
        await pilot.press("y")
        await pilot.pause()
        assert isinstance(app.screen, PeopleScreen)
        assert repo.get(Person, zofia.id) is None
        assert repo.count(Person) == 3
        assert list(table.shown_ids) == []  # the search still finds no one else
        await pilot.press("escape")
        await pilot.pause()
        assert len(table.shown_ids) == 3
        assert "3 people" in screen_text(app)


async def test_edit_and_delete_from_the_person_screen(
    filled: TinyRepository, clock: FixedClock
) -> None:
    app = OrganiserApp(filled, clock)
    async with app.run_test(size=SIZE) as pilot:
        await go_to_people(pilot)
        await pilot.press("enter")  # Amina, first by name
        await pilot.pause()
        assert isinstance(app.screen, PersonDetailScreen)
        await pilot.press("e")
        await pilot.pause()
        await tab_to(pilot, has_id("ladder-stage"))
        await pilot.press("enter", "down", "enter")
        await pilot.press("ctrl+s")
        await pilot.pause()
        amina = person_named(filled, "Amina Khan")
        assert amina.ladder_stage == LadderStage.CORE_TEAM_LEADER
        assert "Core team leader" in screen_text(app)

        await pilot.press("d")
        await pilot.pause()
        await pilot.press("y")
        await pilot.pause()
        assert isinstance(app.screen, PeopleScreen)
        assert filled.get(Person, amina.id) is None
        assert "2 people" in screen_text(app)
        assert "Amina" not in screen_text(app)


async def test_cancel_asks_before_discarding_typing(
    filled: TinyRepository, clock: FixedClock
) -> None:
    app = OrganiserApp(filled, clock)
    async with app.run_test(size=SIZE) as pilot:
        await go_to_people(pilot)
        await pilot.press("n")
        await pilot.pause()
        await pilot.press("escape")  # nothing typed: closes at once
        await pilot.pause()
        assert isinstance(app.screen, PeopleScreen)

        await pilot.press("n")
        await pilot.pause()
        await pilot.press(*"Dev Patel")
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmDialog)
        await pilot.press("n")  # keep editing
        await pilot.pause()
        assert isinstance(app.screen, PersonDialog)
        assert app.screen.query_one("#name", Input).value == "Dev Patel"
        await pilot.press("escape")
        await pilot.pause()
        await pilot.press("y")  # discard
        await pilot.pause()
        assert isinstance(app.screen, PeopleScreen)
        assert filled.count(Person) == 3


async def test_membership_rows_can_be_removed_by_keyboard(
    filled: TinyRepository, clock: FixedClock
) -> None:
    app = OrganiserApp(filled, clock)
    async with app.run_test(size=SIZE) as pilot:
        await go_to_people(pilot)
        await pilot.press("e")  # Amina, a member of St Mary's
        await pilot.pause()
        await tab_to(pilot, inside("memberships", Select))
        await pilot.press("ctrl+r")
        await pilot.pause()
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert person_named(filled, "Amina Khan").memberships == []


async def test_a_role_without_an_institution_is_refused_next_to_the_institutions(
    filled: TinyRepository, clock: FixedClock
) -> None:
    app = OrganiserApp(filled, clock)
    async with app.run_test(size=SIZE) as pilot:
        await go_to_people(pilot)
        await pilot.press("n")
        await pilot.pause()
        await pilot.press(*"Eve Adams", "ctrl+n")
        await pilot.pause()
        await tab_to(pilot, inside("memberships", Input))
        await pilot.press(*"treasurer", "ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, PersonDialog)
        error = app.screen.query_one("#memberships-error")
        assert "Choose the institution" in str(error.render())
        assert filled.count(Person) == 3


async def test_a_date_that_cannot_be_read_is_explained_next_to_the_consent(
    filled: TinyRepository, clock: FixedClock
) -> None:
    app = OrganiserApp(filled, clock)
    async with app.run_test(size=SIZE) as pilot:
        await go_to_people(pilot)
        await pilot.press("n")
        await pilot.pause()
        await pilot.press(*"Eve Adams")
        await tab_to(pilot, inside("consent-to-contact", Input))
        await pilot.press(*"31/2/2026", "ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, PersonDialog)
        text = screen_text(app)
        assert "there is no 31 February 2026" in text
        assert app.focused is app.screen.query_one("#consent-to-contact Input")
        assert filled.count(Person) == 3
        await pilot.press("ctrl+u", *"5/1/2026", "ctrl+s")
        await pilot.pause()
        eve = person_named(filled, "Eve Adams")
        assert eve.consent_to_contact.on == date(2026, 1, 5)
        assert not eve.consent_to_contact.given  # a date alone does not tick the box


async def test_text_areas_keep_line_breaks(filled: TinyRepository, clock: FixedClock) -> None:
    app = OrganiserApp(filled, clock)
    async with app.run_test(size=SIZE) as pilot:
        await go_to_people(pilot)
        await pilot.press("n")
        await pilot.pause()
        await pilot.press(*"Eve Adams")
        await tab_to(pilot, has_id("address"))
        await pilot.press(*"1 High St", "enter", *"Leicester")
        assert app.screen.query_one("#address", TextArea).text == "1 High St\nLeicester"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert person_named(filled, "Eve Adams").address == "1 High St\nLeicester"


async def test_cancelling_an_untouched_edit_asks_nothing(
    filled: TinyRepository, clock: FixedClock
) -> None:
    app = OrganiserApp(filled, clock)
    async with app.run_test(size=SIZE) as pilot:
        await go_to_people(pilot)
        await pilot.press("e")  # Amina: an institution, a consent with a date, notes
        await pilot.pause()
        assert isinstance(app.screen, PersonDialog)
        assert not app.screen.has_changes
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, PeopleScreen)
        assert person_named(filled, "Amina Khan").revision == 1


async def test_the_search_box_clears_with_escape(filled: TinyRepository, clock: FixedClock) -> None:
    app = OrganiserApp(filled, clock)
    async with app.run_test(size=SIZE) as pilot:
        await go_to_people(pilot)
        await pilot.press("slash", *"carol")
        await pilot.pause()
        table = app.screen.query_one(PeopleTable)
        assert len(table.shown_ids) == 1
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen.query_one("#people-search", Input).value == ""
        assert len(table.shown_ids) == 3
        assert table.has_focus


async def test_after_a_delete_the_cursor_is_on_the_next_person(
    filled: TinyRepository, clock: FixedClock
) -> None:
    app = OrganiserApp(filled, clock)
    async with app.run_test(size=SIZE) as pilot:
        await go_to_people(pilot)
        await pilot.press("down", "d")  # Bilal
        await pilot.pause()
        await pilot.press("y")
        await pilot.pause()
        table = app.screen.query_one(PeopleTable)
        carol = person_named(filled, "Carol Evans")
        assert table.current_id == carol.id
        assert [p.name for p in filled.list(Person) if p.name.startswith("Bilal")] == []
