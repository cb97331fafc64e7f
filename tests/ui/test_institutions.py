"""Add, edit, filter, open and delete institutions by keyboard; check what the repository holds.

Until the app has an Institutions mode of its own, each test pushes the list screen onto the
running app, as the app's `i` key will.
"""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from typing import Any

from textual.pilot import Pilot
from textual.screen import Screen
from textual.widgets import Checkbox, Input, Select, SelectionList

from organiser.clock import LONDON, FixedClock
from organiser.models import (
    FundingSource,
    FundingStatus,
    FundraisingItem,
    Institution,
    InstitutionKind,
    Membership,
    MembershipStatus,
    OneToOneStatus,
    Person,
    RelationalMeeting,
)
from screens.app import OrganiserApp
from screens.confirm import ConfirmDialog
from screens.institution_detail import InstitutionDetailScreen
from screens.institution_dialog import InstitutionDialog
from screens.institutions_screen import InstitutionsScreen
from screens.person_detail import PersonDetailScreen
from screens.widgets.field_error import FieldError
from screens.widgets.institution_table import InstitutionTable
from store.repository import TinyRepository
from tests.ui.conftest import SIZE, has_id, inside, screen_text, tab_to

MONDAY = date(2026, 11, 23)


def named(repo: TinyRepository, name: str) -> Institution:
    found = [i for i in repo.list(Institution) if i.name == name]
    assert len(found) == 1, f"expected one {name!r}, found {len(found)}"
    return found[0]


def person(repo: TinyRepository, name: str) -> Person:
    (found,) = [p for p in repo.list(Person) if p.name == name]
    return found


def field_errors(app: OrganiserApp) -> dict[str, str]:
    return {e.id or "": e.message for e in app.screen.query(FieldError) if e.message}


def prose(app: OrganiserApp) -> str:
    """The dialog's words with the lines it wraps joined up again."""
    return " ".join(" ".join(line.strip(" █▌▐").split()) for line in screen_text(app).splitlines())


def lines_with(text: str, *words: str) -> list[str]:
    return [line for line in text.splitlines() if all(word in line for word in words)]


async def screen_is(pilot: Pilot[None], kind: type[Screen[Any]], tries: int = 40) -> bool:
    """Whether the screen on top becomes a `kind`, waiting a little: a busy machine can take
    more than one pause to open a dialog from a worker."""
    for _ in range(tries):
        await pilot.pause()
        if isinstance(pilot.app.screen, kind) and pilot.app.screen.is_current:
            await pilot.pause()  # and let the flow that opened or closed it finish its step
            return True
        await pilot.pause(0.05)
    return False


async def open_institutions(app: OrganiserApp, pilot: Pilot[None]) -> InstitutionsScreen:
    """Push the list on the running app, as its `i` key will."""
    await pilot.pause()
    screen = InstitutionsScreen(app.repo, app.clock)
    await app.push_screen(screen)
    assert await screen_is(pilot, InstitutionsScreen)
    return screen


def table(app: OrganiserApp) -> InstitutionTable:
    return app.screen.query_one(InstitutionTable)


async def choose(pilot: Pilot[None], select_id: str, label_start: str) -> None:
    """Tab to a Select, open it, type the start of an option and take it."""
    await tab_to(pilot, has_id(select_id))
    await pilot.press("enter")
    await pilot.pause()
    await pilot.press(*label_start.lower())
    await pilot.pause()
    await pilot.press("enter")
    await pilot.pause()


async def test_add_an_institution_with_the_keyboard(
    filled: TinyRepository, clock: FixedClock
) -> None:
    app = OrganiserApp(filled, clock)
    async with app.run_test(size=SIZE) as pilot:
        await open_institutions(app, pilot)
        await pilot.press("n")
        assert await screen_is(pilot, InstitutionDialog)
        await pilot.press(*"St Anne's Church")
        assert app.screen.query_one("#tag", Input).value == "stannes"  # suggested as typed
        await choose(pilot, "institution-kind", "Faith")
        await choose(pilot, "status", "Member")
        await tab_to(pilot, has_id("annual-dues"))
        await pilot.press(*"£1,250.00")
        await tab_to(pilot, inside("letter", Checkbox))
        await pilot.press("space")  # signed: today fills in as the date
        await pilot.pause()
        assert app.screen.query_one("#letter Input", Input).value == "23 Nov 2026"
        await tab_to(pilot, inside("letter", Input))
        await pilot.press("ctrl+u", *"1/9/2026")
        await tab_to(pilot, has_id("renewal-date"))
        await pilot.press(*"1 Sep 2027")
        await tab_to(pilot, has_id("address"))
        await pilot.press(*"Church Lane", "enter", *"Leicester")
        await tab_to(pilot, has_id("notes"))
        await pilot.press(*"Vicar keen; PCC meets monthly")
        await pilot.press("ctrl+s")

        assert await screen_is(pilot, InstitutionsScreen), field_errors(app)
        anne = named(filled, "St Anne's Church")
        assert anne.institution_kind is InstitutionKind.FAITH_CONGREGATION
        assert anne.tag == "stannes"
        assert anne.status is MembershipStatus.MEMBER
        assert anne.annual_dues_pence == 125000
        assert anne.letter_signed
        assert anne.letter_signed_on == date(2026, 9, 1)
        assert anne.renewal_date == date(2027, 9, 1)
        assert anne.address == "Church Lane\nLeicester"
        assert anne.notes == "Vicar keen; PCC meets monthly"
        assert anne.core_team_ids == []
        assert filled.count(Institution) == 4
        assert table(app).current_id == anne.id  # the cursor is on the one just added
        (row,) = lines_with(screen_text(app), "St Anne's Church")
        for cell in ("Faith congregation", "member", "£1,250.00", "1 Sep 2027"):
            assert cell in row, cell
        assert "4 institutions" in screen_text(app)


async def test_edit_an_institution_and_choose_its_core_team(
    filled: TinyRepository, clock: FixedClock
) -> None:
    school = named(filled, "St Mary's Primary")
    amina = person(filled, "Amina Khan")
    app = OrganiserApp(filled, clock)
    async with app.run_test(size=SIZE) as pilot:
        await open_institutions(app, pilot)
        assert table(app).go_to(school.id)
        await pilot.press("e")
        assert await screen_is(pilot, InstitutionDialog)
        assert app.screen.query_one("#name", Input).value == "St Mary's Primary"
        assert not app.screen.has_changes
        await tab_to(pilot, has_id("annual-dues"))
        assert app.screen.query_one("#annual-dues", Input).value == "£0.00"
        await pilot.press("ctrl+u", *"900")
        await tab_to(pilot, has_id("renewal-date"))
        await pilot.press(*"31/1/2027")
        await tab_to(pilot, has_id("core-team"))
        core = app.screen.query_one("#core-team", SelectionList)
        assert core.option_count == 1  # only its own people to choose from
        await pilot.press("space")
        await pilot.press("ctrl+s")

        assert await screen_is(pilot, InstitutionsScreen), field_errors(app)
        edited = filled.get(Institution, school.id)
        assert edited is not None
        assert edited.revision == 2
        assert edited.annual_dues_pence == 90000
        assert edited.renewal_date == date(2027, 1, 31)
        assert edited.core_team_ids == [amina.id]
        assert edited.institution_kind is InstitutionKind.SCHOOL  # untouched fields kept
        assert edited.tag == ""  # an existing tag (here none) is never changed unasked
        (row,) = lines_with(screen_text(app), "St Mary's Primary")
        assert "£900.00" in row and "31 Jan 2027" in row
        assert row.rstrip().endswith("1") and "  1  " in row  # one person, one in the core team


def seed_renewals(repo: TinyRepository) -> dict[str, Institution]:
    changed = {
        "school": named(repo, "St Mary's Primary").evolve(
            renewal_date=MONDAY + timedelta(days=10),
            status=MembershipStatus.MEMBER,
            notes="Head wants a housing assembly",
        ),
        "mosque": named(repo, "Highfields Mosque").evolve(
            renewal_date=MONDAY - timedelta(days=3), status=MembershipStatus.MEMBER
        ),
        "branch": named(repo, "UNISON City Branch").evolve(
            renewal_date=MONDAY + timedelta(days=200), status=MembershipStatus.LAPSED
        ),
    }
    repo.save_all(list(changed.values()))
    return changed


async def test_filter_the_list(filled: TinyRepository, clock: FixedClock) -> None:
    seeded = seed_renewals(filled)
    school, mosque, branch = (seeded[k].id for k in ("school", "mosque", "branch"))
    app = OrganiserApp(filled, clock)
    async with app.run_test(size=SIZE) as pilot:
        await open_institutions(app, pilot)
        shown = table(app).shown_ids
        assert shown == [mosque, school, branch]  # by name

        await pilot.press("slash", *"housing")  # found by its notes
        await pilot.pause()
        assert table(app).shown_ids == [school]
        assert "1 of 3 matches" in screen_text(app)
        await pilot.press("escape")
        await pilot.pause()
        assert table(app).shown_ids == [mosque, school, branch]
        assert table(app).has_focus

        await pilot.press("slash")
        await choose(pilot, "institutions-kind", "Union")
        assert table(app).shown_ids == [branch]
        await pilot.press("escape")
        await pilot.pause()
        await pilot.press("slash")
        await choose(pilot, "institutions-status", "Member")
        assert table(app).shown_ids == [mosque, school]
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen.query_one("#institutions-status", Select).is_blank()

        await pilot.press("r")  # renewals due: soonest first, the overdue one marked
        await pilot.pause()
        assert table(app).shown_ids == [mosque, school]
        text = screen_text(app)
        assert "2 renewals due" in text
        assert "Renewals due in the next 60 days" in text
        (overdue,) = lines_with(text, "Highfields Mosque")
        assert "20 Nov 2026, 3 days overdue" in overdue
        (soon,) = lines_with(text, "St Mary's Primary")
        assert "3 Dec 2026, in 10 days" in soon
        await pilot.press("r")
        await pilot.pause()
        assert table(app).shown_ids == [mosque, school, branch]
        await pilot.press("r", "escape")
        await pilot.pause()
        assert table(app).shown_ids == [mosque, school, branch]
        assert "Renewals due in the next" not in screen_text(app)


def at(day: date, hour: int = 10) -> datetime:
    return datetime.combine(day, time(hour), LONDON)


async def test_open_an_institution_and_see_its_people_1_2_1s_and_dues(
    filled: TinyRepository, clock: FixedClock
) -> None:
    school = named(filled, "St Mary's Primary")
    mosque = named(filled, "Highfields Mosque")
    amina = person(filled, "Amina Khan")
    bilal = person(filled, "Bilal Hussain")
    dev = Person(
        name="Dev Patel",
        memberships=[
            Membership(institution_id=mosque.id, role="trustee"),
            Membership(institution_id=school.id, role="PTA chair"),
        ],
    )
    filled.save_all(
        [
            dev,
            school.evolve(core_team_ids=[amina.id], annual_dues_pence=125000),
            RelationalMeeting(
                person_id=amina.id,
                at=at(MONDAY - timedelta(days=30)),
                potential=4,
                follow_up="Invite to the housing action",
                follow_up_due=MONDAY - timedelta(days=20),
            ),
            RelationalMeeting(person_id=dev.id, at=at(MONDAY - timedelta(days=2)), potential=2),
            RelationalMeeting(  # booked, not held: not listed
                person_id=amina.id, at=at(MONDAY + timedelta(days=1)), status=OneToOneStatus.BOOKED
            ),
            RelationalMeeting(person_id=bilal.id, at=at(MONDAY - timedelta(days=1))),  # elsewhere
            FundraisingItem(
                source=FundingSource.MEMBER_DUES,
                institution_id=school.id,
                amount_pence=100000,
                year=2025,
                status=FundingStatus.PAID,
                invoiced_on=date(2025, 1, 6),
                paid_on=date(2025, 2, 3),
            ),
            FundraisingItem(
                source=FundingSource.MEMBER_DUES,
                institution_id=school.id,
                amount_pence=125000,
                year=2026,
                status=FundingStatus.INVOICED,
                invoiced_on=date(2026, 1, 5),
            ),
        ]
    )
    app = OrganiserApp(filled, clock)
    async with app.run_test(size=SIZE) as pilot:
        await open_institutions(app, pilot)
        assert table(app).go_to(school.id)
        await pilot.press("enter")
        assert await screen_is(pilot, InstitutionDetailScreen)
        text = screen_text(app)
        assert "Institution — St Mary's Primary" in text
        for label, value in (
            ("Kind", "School"),
            ("Annual dues agreed", "£1,250.00"),
            ("Letter of understanding", "Not signed"),
            ("Core team", "Amina Khan"),
            ("People", "2"),
        ):
            assert lines_with(text, label, value), (label, value)
        assert "People (2)" in text
        (amina_row,) = lines_with(text, "Amina Khan", "parent governor")
        assert "Leader (trained)" in amina_row and "yes" in amina_row  # stage as profile names it
        assert "Sat 24 Oct 2026" in amina_row  # her last 1-2-1
        (dev_row,) = lines_with(text, "Dev Patel", "PTA chair")
        assert "Contact" in dev_row and "yes" not in dev_row

        assert "1-2-1s with its people (2), newest first" in text
        newest, older = lines_with(text, "of 5")
        assert "Sat 21 Nov 2026" in newest and "Dev Patel" in newest and "2 of 5" in newest
        assert "Sat 24 Oct 2026" in older and "Amina Khan" in older and "4 of 5" in older
        assert "Invite to the housing action" in older and older.rstrip().endswith(
            "Tue 03 Nov 2026"
        )
        assert "Bilal" not in text

        # Dues history is below the fold: scroll to it.
        await pilot.press("tab")
        await pilot.press("end")
        await pilot.pause()
        text = screen_text(app)
        assert "Dues history" in text
        (latest,) = lines_with(text, "2026", "£1,250.00", "invoiced")
        assert "Mon 05 Jan 2026" in latest
        (paid,) = lines_with(text, "2025", "£1,000.00", "paid")
        assert "Mon 06 Jan 2025" in paid and "Mon 03 Feb 2025" in paid
        assert text.index("2026  ") < text.index("2025  ")
        footer = text.splitlines()[-1]
        for key in ("Open person", "e Edit", "d Delete", "esc Back"):
            assert key in footer, key

        # Enter opens the person under the cursor; escape comes back.
        await pilot.press("shift+tab")
        await pilot.pause()
        await pilot.press("down", "enter")  # Dev, second by name
        assert await screen_is(pilot, PersonDetailScreen)
        assert "Person — Dev Patel" in screen_text(app)
        await pilot.press("escape")
        assert await screen_is(pilot, InstitutionDetailScreen)

        # Edit from here, then back to the list, which shows the change.
        await pilot.press("e")
        assert await screen_is(pilot, InstitutionDialog)
        await pilot.press("end", *" School", "ctrl+s")
        assert await screen_is(pilot, InstitutionDetailScreen)
        assert "Institution — St Mary's Primary School" in screen_text(app)
        await pilot.press("escape")
        assert await screen_is(pilot, InstitutionsScreen)
        assert named(filled, "St Mary's Primary School").id == school.id
        assert lines_with(screen_text(app), "St Mary's Primary Sc")  # the name column is 23 wide


async def test_delete_an_institution_that_people_still_belong_to(
    filled: TinyRepository, clock: FixedClock
) -> None:
    school = named(filled, "St Mary's Primary")
    branch = named(filled, "UNISON City Branch")
    dev = Person(
        name="Dev Patel",
        memberships=[
            Membership(institution_id=branch.id, role="steward"),
            Membership(institution_id=school.id, role="PTA chair"),
        ],
    )
    dues = FundraisingItem(
        source=FundingSource.MEMBER_DUES,
        institution_id=school.id,
        amount_pence=50000,
        year=2026,
        status=FundingStatus.PAID,
    )
    filled.save_all([dev, dues])
    app = OrganiserApp(filled, clock)
    async with app.run_test(size=SIZE) as pilot:
        await open_institutions(app, pilot)
        assert table(app).go_to(school.id)
        await pilot.press("d")
        assert await screen_is(pilot, ConfirmDialog)
        text = prose(app)
        assert "Delete St Mary's Primary?" in text
        assert "2 people still belong to it: their membership of it will be removed." in text
        assert "1 dues or fundraising record will keep the amount" in text
        await pilot.press("enter")  # "Keep" has the focus
        await pilot.pause()
        assert filled.get(Institution, school.id) is not None
        assert person(filled, "Amina Khan").memberships != []

        await pilot.press("d")
        await pilot.pause()
        await pilot.press("y")
        assert await screen_is(pilot, InstitutionsScreen)
        assert filled.get(Institution, school.id) is None
        assert filled.count(Institution) == 2
        assert person(filled, "Amina Khan").memberships == []
        assert [(m.institution_id, m.role) for m in person(filled, "Dev Patel").memberships] == [
            (branch.id, "steward")
        ]
        known = {i.id for i in filled.list(Institution)}
        for someone in filled.list(Person):
            assert set(someone.institution_ids) <= known, someone.name
        kept = filled.get(FundraisingItem, dues.id)
        assert kept is not None
        assert (kept.institution_id, kept.amount_pence) == (None, 50000)
        assert kept.title == "Dues from St Mary's Primary"
        assert "St Mary's" not in screen_text(app)
        assert "2 institutions" in screen_text(app)
        assert table(app).current_id is not None


async def test_delete_from_the_institution_screen(
    filled: TinyRepository, clock: FixedClock
) -> None:
    mosque = named(filled, "Highfields Mosque")
    app = OrganiserApp(filled, clock)
    async with app.run_test(size=SIZE) as pilot:
        await open_institutions(app, pilot)
        await pilot.press("enter")  # Highfields Mosque, first by name
        assert await screen_is(pilot, InstitutionDetailScreen)
        await pilot.press("d")
        await pilot.pause()
        assert "1 person still belongs to it: their membership of it will be removed" in prose(app)
        await pilot.press("y")
        assert await screen_is(pilot, InstitutionsScreen)
        assert filled.get(Institution, mosque.id) is None
        assert person(filled, "Bilal Hussain").memberships == []
        assert "2 institutions" in screen_text(app)


async def test_the_list_is_read_again_when_it_comes_back_into_view(
    filled: TinyRepository, clock: FixedClock
) -> None:
    school = named(filled, "St Mary's Primary")
    app = OrganiserApp(filled, clock)
    async with app.run_test(size=SIZE) as pilot:
        await open_institutions(app, pilot)
        (row,) = lines_with(screen_text(app), "St Mary's Primary")
        assert row.split()[-2:] == ["1", "0"]
        # Elsewhere in the app, someone joins it and is put on its core team.
        dev = Person(name="Dev Patel", memberships=[Membership(institution_id=school.id)])
        filled.save_all([dev, school.evolve(core_team_ids=[dev.id])])
        await pilot.press("question_mark")
        await pilot.pause()
        await pilot.press("escape")
        assert await screen_is(pilot, InstitutionsScreen)
        (row,) = lines_with(screen_text(app), "St Mary's Primary")
        assert row.split()[-2:] == ["2", "1"]
