"""What the institution dialog refuses and says, what it keeps, and that names stay literal."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest
from textual.binding import Binding
from textual.pilot import Pilot
from textual.screen import Screen
from textual.widgets import Checkbox, Input, TextArea
from tinydb import TinyDB
from tinydb.storages import MemoryStorage

from organiser.clock import FixedClock
from organiser.models import Institution, Membership, Person
from screens.app import OrganiserApp
from screens.confirm import ConfirmDialog
from screens.institution_detail import InstitutionDetailScreen
from screens.institution_dialog import InstitutionDialog
from screens.institutions_screen import InstitutionsScreen
from screens.widgets.field_error import FieldError
from screens.widgets.institution_table import InstitutionTable
from store.repository import TinyRepository
from tests.ui.conftest import SIZE, alliance, has_id, inside, notices, screen_text, tab_to
from tests.ui.test_commands import check_palette, palette_offers
from tests.ui.test_institutions import open_institutions, screen_is
from tests.ui.test_person_dialog import MARKUP, FailingRepository


def error_text(app: OrganiserApp, widget_id: str) -> str:
    return app.screen.query_one(f"#{widget_id}-error", FieldError).message


def shown_errors(app: OrganiserApp) -> dict[str, str]:
    return {e.id or "": e.message for e in app.screen.query(FieldError) if e.message}


async def start(app: OrganiserApp, pilot: Pilot[None], key: str = "n") -> None:
    """Open the Institutions list (as the app's `i` will) and press `key` on it."""
    await open_institutions(app, pilot)
    await pilot.press(key)
    if key in ("n", "e"):
        assert await screen_is(pilot, InstitutionDialog)
    await pilot.pause()


def under_the_field(text: str, typed: str, message: str) -> bool:
    """True when `message` starts on the screen line just under the box `typed` is in."""
    lines = text.splitlines()
    return any(typed in line and message in lines[row + 2] for row, line in enumerate(lines[:-2]))


# Every other refusal (words, NaN, exponents, too much) is in tests/unit/test_money.py.
@pytest.mark.parametrize(
    ("typed", "says"),
    [
        ("-5", "Annual dues: an amount cannot be negative"),
        ("12.345", "Annual dues: “12.345” has more than two decimal places"),
    ],
)
async def test_wrong_dues_are_explained_next_to_the_dues_and_nothing_is_saved(
    filled: TinyRepository, clock: FixedClock, typed: str, says: str
) -> None:
    app = OrganiserApp(filled, clock)
    async with app.run_test(size=SIZE) as pilot:
        await start(app, pilot)
        await pilot.press(*"Riverside SU")
        await tab_to(pilot, has_id("annual-dues"))
        await pilot.press(*typed, "ctrl+s")
        assert await screen_is(pilot, InstitutionDialog)
        assert says in error_text(app, "annual-dues")
        assert shown_errors(app).keys() == {"annual-dues-error"}
        assert under_the_field(screen_text(app), typed, "Annual dues:")
        assert app.focused is app.screen.query_one("#annual-dues")
        assert filled.count(Institution) == 3


async def test_minus_five_then_too_many_decimals_then_a_good_amount(
    filled: TinyRepository, clock: FixedClock
) -> None:
    app = OrganiserApp(filled, clock)
    async with app.run_test(size=SIZE) as pilot:
        await start(app, pilot)
        await pilot.press(*"Riverside SU")
        await tab_to(pilot, has_id("annual-dues"))
        await pilot.press(*"-5", "ctrl+s")
        await pilot.pause()
        assert "cannot be negative" in error_text(app, "annual-dues")
        await pilot.press("ctrl+u", *"12.345", "ctrl+s")
        await pilot.pause()
        assert "more than two decimal places" in error_text(app, "annual-dues")
        assert filled.count(Institution) == 3
        await pilot.press("ctrl+u", *"12.34", "ctrl+s")
        assert await screen_is(pilot, InstitutionsScreen)
        su = [i for i in filled.list(Institution) if i.name == "Riverside SU"]
        assert [i.annual_dues_pence for i in su] == [1234]
        assert [i.tag for i in su] == ["riversidesu"]


async def test_blank_dues_mean_none_agreed(filled: TinyRepository, clock: FixedClock) -> None:
    app = OrganiserApp(filled, clock)
    async with app.run_test(size=SIZE) as pilot:
        await start(app, pilot)
        await pilot.press(*"Migrant Voices", "ctrl+s")
        assert await screen_is(pilot, InstitutionsScreen), shown_errors(app)
        (saved,) = [i for i in filled.list(Institution) if i.name == "Migrant Voices"]
        assert saved.annual_dues_pence == 0
        assert saved.tag == "migrantvoices"


async def test_every_other_field_is_checked_where_it_is(
    filled: TinyRepository, clock: FixedClock
) -> None:
    mosque = next(i for i in filled.list(Institution) if i.name == "Highfields Mosque")
    filled.save(mosque.evolve(tag="highfields"))
    app = OrganiserApp(filled, clock)
    async with app.run_test(size=SIZE) as pilot:
        await start(app, pilot)
        await tab_to(pilot, has_id("tag"))
        await pilot.press(*"#Highfields")
        await tab_to(pilot, inside("letter", Input))
        await pilot.press(*"1/1/2027")
        await tab_to(pilot, has_id("renewal-date"))
        await pilot.press(*"31/2/2027", "ctrl+s")
        assert await screen_is(pilot, InstitutionDialog)
        assert shown_errors(app) == {
            "name-error": "Name cannot be empty",
            "tag-error": "Tag: #highfields is already the tag of Highfields Mosque",
            "letter-error": "Letter signed on: 1 Jan 2027 is after today; a letter cannot "
            "be signed in the future",
            "renewal-date-error": "Renewal date: there is no 31 February 2027",
        }
        assert app.focused is app.screen.query_one("#name")  # the first problem

        await pilot.press(*"Highfields Youth Project")
        await tab_to(pilot, has_id("tag"))
        await pilot.press("ctrl+u", *"hf youth")
        await tab_to(pilot, inside("letter", Input))
        await pilot.press("ctrl+u", *"1/1/2026")
        await tab_to(pilot, has_id("renewal-date"))
        await pilot.press("ctrl+u", *"28/2/2027", "ctrl+s")
        await pilot.pause()
        assert shown_errors(app) == {
            "tag-error": "Tag: use only letters a to z, digits, - and _, with no spaces "
            "(like stmarys)",
            "letter-error": "A signing date is given but the letter is not ticked as signed: "
            "tick “Signed”, or clear the date",
        }

        await tab_to(pilot, has_id("tag"))
        await pilot.press("ctrl+u", *"hfyouth")
        await tab_to(pilot, inside("letter", Checkbox))
        await pilot.press("space", "ctrl+s")
        assert await screen_is(pilot, InstitutionsScreen), shown_errors(app)
        (saved,) = [i for i in filled.list(Institution) if i.name == "Highfields Youth Project"]
        assert (saved.tag, saved.letter_signed, saved.letter_signed_on, saved.renewal_date) == (
            "hfyouth",
            True,
            date(2026, 1, 1),
            date(2027, 2, 28),
        )


async def test_the_tag_follows_the_name_until_it_is_typed_over(
    filled: TinyRepository, clock: FixedClock
) -> None:
    school = next(i for i in filled.list(Institution) if i.name == "St Mary's Primary")
    filled.save(school.evolve(tag="marys"))
    app = OrganiserApp(filled, clock)
    async with app.run_test(size=SIZE) as pilot:
        await start(app, pilot)
        tag = app.screen.query_one("#tag", Input)
        await pilot.press(*"St Mary's")
        assert tag.value == "stmarys"
        await pilot.press(*" Church")
        assert tag.value == "stmarys"
        await pilot.press("ctrl+u", *"Holy Trinity")
        assert tag.value == "holytrinity"
        await tab_to(pilot, has_id("tag"))
        await pilot.press("ctrl+u", *"trinity")
        await tab_to(pilot, has_id("name"))
        await pilot.press(*" Church")
        assert tag.value == "trinity"  # typed over: left alone
        await pilot.press("escape")
        await pilot.pause()
        await pilot.press("y")
        await pilot.pause()

        # An existing institution keeps its own tag when renamed.
        assert app.screen.query_one(InstitutionTable).go_to(school.id)
        await pilot.press("e")
        await pilot.pause()
        await pilot.press("end", *" School")
        assert app.screen.query_one("#tag", Input).value == "marys"


async def test_cancel_asks_before_discarding_typing(
    filled: TinyRepository, clock: FixedClock
) -> None:
    app = OrganiserApp(filled, clock)
    async with app.run_test(size=SIZE) as pilot:
        await start(app, pilot)
        await pilot.press("escape")  # nothing typed: closes at once
        assert await screen_is(pilot, InstitutionsScreen)

        await pilot.press("n")
        await pilot.pause()
        await tab_to(pilot, has_id("annual-dues"))
        await pilot.press(*"300", "escape")
        assert await screen_is(pilot, ConfirmDialog)
        await pilot.press("n")  # keep editing
        assert await screen_is(pilot, InstitutionDialog)
        assert app.screen.query_one("#annual-dues", Input).value == "300"
        await pilot.press("escape")
        await pilot.pause()
        await pilot.press("y")  # discard
        assert await screen_is(pilot, InstitutionsScreen)
        assert filled.count(Institution) == 3

        # Opening a full record and closing it untouched asks nothing and saves nothing.
        await pilot.press("e")
        assert await screen_is(pilot, InstitutionDialog)
        assert not app.screen.has_changes
        await pilot.press("escape")
        assert await screen_is(pilot, InstitutionsScreen)
        assert {i.revision for i in filled.list(Institution)} == {1}


async def test_a_failed_save_loses_nothing_typed(filled: TinyRepository, clock: FixedClock) -> None:
    failing = FailingRepository(filled)
    app = OrganiserApp(failing, clock)
    async with app.run_test(size=SIZE) as pilot:
        await start(app, pilot)
        await pilot.press(*"Saffron Tenants")
        await tab_to(pilot, has_id("annual-dues"))
        await pilot.press(*"£1,250.00")
        await tab_to(pilot, has_id("renewal-date"))
        await pilot.press(*"1/4/2027")
        await tab_to(pilot, has_id("notes"))
        await pilot.press(*"Meets Tuesdays")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert "The disk is full; nothing was saved." in notices(app)
        assert await screen_is(pilot, InstitutionDialog)  # open again, as it was
        screen = app.screen
        assert screen.query_one("#name", Input).value == "Saffron Tenants"
        assert screen.query_one("#annual-dues", Input).value == "£1,250.00"
        assert screen.query_one("#renewal-date", Input).value == "1 Apr 2027"
        assert screen.query_one("#tag", Input).value == "saffrontenants"
        assert screen.query_one("#notes", TextArea).text == "Meets Tuesdays"
        assert filled.count(Institution) == 3

        failing.failing = False
        await pilot.press("ctrl+s")
        assert await screen_is(pilot, InstitutionsScreen)
        (saved,) = [i for i in filled.list(Institution) if i.name == "Saffron Tenants"]
        assert (saved.annual_dues_pence, saved.renewal_date, saved.notes) == (
            125000,
            date(2027, 4, 1),
            "Meets Tuesdays",
        )


async def test_markup_in_names_is_shown_literally(repo: TinyRepository, clock: FixedClock) -> None:
    records = alliance()
    odd = Institution(name=MARKUP, tag="odd", notes="[bold]not bold[/bold]")
    someone = Person(
        name="[i]Ivy[/i]", memberships=[Membership(institution_id=odd.id, role="[u]x")]
    )
    repo.save_all([*records, odd.evolve(core_team_ids=[someone.id]), someone])
    app = OrganiserApp(repo, clock)
    async with app.run_test(size=(160, 40)) as pilot:
        await start(app, pilot, "slash")
        await pilot.press(*"odd", "enter")
        await pilot.pause()
        assert MARKUP in screen_text(app)
        await pilot.press("enter")
        assert await screen_is(pilot, InstitutionDetailScreen)
        text = screen_text(app)
        assert MARKUP in text
        assert "[bold]not bold[/bold]" in text
        assert "[i]Ivy[/i]" in text and "[u]x" in text
        await pilot.press("e")
        await pilot.pause()
        assert MARKUP in screen_text(app)  # the title and the name field
        assert "[i]Ivy[/i], [u]x" in screen_text(app)  # the core team choice
        await pilot.press("escape")
        await pilot.pause()
        await pilot.press("d")
        await pilot.pause()
        assert MARKUP in screen_text(app)


async def test_read_only_refuses_changes(clock: FixedClock) -> None:
    db = TinyDB(storage=MemoryStorage)
    TinyRepository(db, clock).save_all(alliance())
    repo = TinyRepository(db, clock, read_only=True)
    app = OrganiserApp(repo, clock)
    async with app.run_test(size=SIZE) as pilot:
        await open_institutions(app, pilot)
        for key in ("n", "e", "d"):
            await pilot.press(key)
            assert await screen_is(pilot, InstitutionsScreen)
        assert len([n for n in notices(app) if "read-only" in n]) == 3
        assert "Read-only" in screen_text(app)


@pytest.mark.parametrize("screen", [InstitutionsScreen, InstitutionDetailScreen, InstitutionDialog])
def test_every_binding_has_an_id_and_a_description(screen: type[Any]) -> None:
    for binding in vars(screen)["BINDINGS"]:
        assert isinstance(binding, Binding)
        assert binding.id, binding
        assert binding.description, binding


async def test_the_palette_offers_every_binding(filled: TinyRepository, clock: FixedClock) -> None:
    covered: set[type[Screen[Any]]] = set()
    app = OrganiserApp(filled, clock)
    async with app.run_test(size=SIZE) as pilot:
        await start(app, pilot, "slash")
        await check_palette(app.screen)
        covered.add(type(app.screen))
        offered = await palette_offers(app.screen)
        assert offered["Renewals due"] == "key: r"
        assert offered["Open"] == "key: enter"
        await pilot.press("escape", "enter")
        await pilot.pause()
        await check_palette(app.screen)
        covered.add(type(app.screen))
        assert (await palette_offers(app.screen))["Open person"] == "key: enter"
        await pilot.press("e")
        await pilot.pause()
        await check_palette(app.screen, with_global=False)
        covered.add(type(app.screen))
    assert covered == {InstitutionsScreen, InstitutionDetailScreen, InstitutionDialog}
