"""Fundraising by keyboard: raise the year's dues from the member institutions, invoice and
mark one paid and watch the progress move; wrong amounts and a missing reason are shown next to
their fields and save nothing; Today lists a dues invoice overdue and opens it."""

from __future__ import annotations

from datetime import date, timedelta

from textual.pilot import Pilot
from textual.widgets import Input

from organiser.clock import FixedClock
from organiser.models import (
    DuesKind,
    FundingSource,
    FundingStatus,
    FundraisingItem,
    FundraisingTarget,
    Institution,
    MembershipStatus,
    Profile,
)
from screens.app import OrganiserApp
from screens.confirm import ConfirmDialog
from screens.fundraising_detail import FundraisingItemScreen
from screens.fundraising_dialog import FundraisingItemDialog
from screens.fundraising_lost import LostDialog
from screens.fundraising_screen import FundraisingScreen
from screens.fundraising_target import TargetDialog
from screens.today_screen import TodayScreen
from screens.widgets.fundraising_table import FundraisingTable
from store.repository import TinyRepository
from tests.ui.conftest import (
    SIZE,
    has_id,
    notices,
    screen_text,
    tab_to,
    wait_for_screen,
    wait_for_today,
)
from tests.ui.test_institutions import field_errors, prose

TODAY = date(2026, 11, 23)


def seed(repo: TinyRepository) -> dict[str, Institution]:
    """Two members owing dues (one renewing, one new this year), one with none agreed, one
    lapsed and one prospect."""
    members = {
        "school": Institution(
            name="St Mary's [b]Primary[/b]",
            status=MembershipStatus.MEMBER,
            annual_dues_pence=75_000,
            letter_signed=True,
            letter_signed_on=date(2024, 9, 1),
            renewal_date=date(2027, 3, 1),
        ),
        "mosque": Institution(
            name="Highfields Mosque",
            status=MembershipStatus.MEMBER,
            annual_dues_pence=50_000,
            letter_signed=True,
            letter_signed_on=date(2026, 2, 1),
        ),
        "branch": Institution(name="UNISON Branch", status=MembershipStatus.MEMBER),
        "church": Institution(
            name="Lapsed Church", status=MembershipStatus.LAPSED, annual_dues_pence=40_000
        ),
        "college": Institution(name="City College", annual_dues_pence=90_000),
    }
    repo.save_all([Profile(organiser_name="Jo"), *members.values()])
    return members


async def open_fundraising(pilot: Pilot[None]) -> FundraisingScreen:
    """The app opens on Today: press `F` for Fundraising, as a person would."""
    await pilot.pause()
    await pilot.press("F")
    await wait_for_screen(pilot, FundraisingScreen)
    screen = pilot.app.screen
    assert isinstance(screen, FundraisingScreen)
    return screen


def row_of(app: OrganiserApp, item_id: str) -> None:
    assert app.screen.query_one(FundraisingTable).go_to(item_id)


async def test_raise_the_dues_mark_one_paid_and_see_the_progress(
    repo: TinyRepository, clock: FixedClock
) -> None:
    members = seed(repo)
    app = OrganiserApp(repo, clock)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await open_fundraising(pilot)
        text = screen_text(app)
        assert "F Fundraising" in text  # in the areas' bar, key and name together
        assert "Nothing raised for 2026 yet: n adds an item, R raises the members' dues" in text
        assert "Target 2026: £30,000.00, at least 50% of it hard money" in text

        await pilot.press("R")
        await wait_for_screen(pilot, ConfirmDialog)
        asked = prose(app)
        assert "This creates 2 dues items for 2026, £1,250.00 in all" in asked
        assert "1 retention (members renewing): £750.00" in asked
        assert "1 recruitment (new members this year): £500.00" in asked
        assert "Left out: 1 member with no annual dues agreed." in asked
        await pilot.press("y")
        await wait_for_screen(pilot, FundraisingScreen)

        items = {i.institution_id: i for i in repo.list(FundraisingItem)}
        assert set(items) == {members["school"].id, members["mosque"].id}
        school = items[members["school"].id]
        assert (school.status, school.dues_kind, school.amount_pence, school.hard_money) == (
            FundingStatus.PLEDGED,
            DuesKind.RETENTION,
            75_000,
            True,
        )
        assert school.expected_on == date(2026, 3, 1) and school.year == 2026
        assert school.title == "Dues 2026: St Mary's [b]Primary[/b]"
        assert items[members["mosque"].id].dues_kind is DuesKind.RECRUITMENT
        text = screen_text(app)
        assert "St Mary's [b]Primary[/b]" in text
        assert "£0.00 paid (0%), £30,000.00 to go" in text
        assert "▓ pledged or invoiced £1,250.00" in text

        row_of(app, school.id)
        await pilot.press("I")
        await pilot.pause()
        invoiced = repo.get(FundraisingItem, school.id)
        assert invoiced is not None and invoiced.status is FundingStatus.INVOICED
        assert (invoiced.invoiced_on, invoiced.due_on) == (TODAY, date(2026, 12, 23))
        assert "due 23 Dec 2026" in screen_text(app)

        row_of(app, school.id)
        await pilot.press("P")
        await pilot.pause()
        paid = repo.get(FundraisingItem, school.id)
        assert paid is not None
        assert (paid.status, paid.paid_on, paid.invoiced_on) == (FundingStatus.PAID, TODAY, TODAY)
        text = screen_text(app)
        assert "£750.00 paid (2%), £29,250.00 to go" in text
        assert "▓ pledged or invoiced £500.00" in text
        assert "£750.00 of £15,000.00; hard is 100% of paid (at least 50%): met" in text
        assert "£750.00 paid, £0.00 to come (members renewing)" in text
        assert "£0.00 paid, £500.00 to come (new members)" in text
        assert "paid 23 Nov 2026" in text

        await pilot.press("R")  # a second time: nothing new
        await pilot.pause()
        assert len(repo.list(FundraisingItem)) == 2
        assert any(
            "Nothing to raise for 2026: 2 members already with 2026 dues" in n for n in notices(app)
        )


async def test_a_wrong_amount_is_shown_next_to_the_field_and_saves_nothing(
    repo: TinyRepository, clock: FixedClock
) -> None:
    seed(repo)
    app = OrganiserApp(repo, clock)
    async with app.run_test(size=SIZE) as pilot:
        await open_fundraising(pilot)
        await pilot.press("n")
        await wait_for_screen(pilot, FundraisingItemDialog)
        await pilot.press(*"Dues 2026: City College")
        for typed, message in (
            ("-250", "Amount: an amount cannot be negative"),
            ("12.345", "Amount: “12.345” has more than two decimal places"),
            ("lots", "Amount: “lots” is not an amount in pounds"),
            ("2000000", "Amount: “2000000” is more than £1,000,000.00"),
            ("", "Amount: type an amount in pounds"),
        ):
            await tab_to(pilot, has_id("item-amount"))
            await pilot.press("end", "ctrl+u", *typed, "ctrl+s")
            await pilot.pause()
            assert isinstance(app.screen, FundraisingItemDialog), typed
            assert field_errors(app)["item-amount-error"].startswith(message), typed
            assert repo.list(FundraisingItem) == []
        assert app.focused is not None and app.focused.id == "item-amount"

        # A paid item needs the day it was paid: said next to that field.
        await tab_to(pilot, has_id("item-status"))
        await pilot.press("enter", *"paid", "enter")
        await tab_to(pilot, has_id("item-amount"))
        await pilot.press("end", "ctrl+u", *"£1,250.50", "ctrl+s")
        await pilot.pause()
        errors = field_errors(app)
        assert "item-amount-error" not in errors
        assert errors["item-paid-error"] == "Paid on: a paid item needs the day the money came in"
        assert repo.list(FundraisingItem) == []

        await tab_to(pilot, has_id("item-paid"))
        await pilot.press(*"yesterday", "ctrl+s")
        await wait_for_screen(pilot, FundraisingScreen)
        (saved,) = repo.list(FundraisingItem)
        assert (saved.title, saved.amount_pence, saved.status, saved.paid_on, saved.year) == (
            "Dues 2026: City College",
            125_050,
            FundingStatus.PAID,
            TODAY - timedelta(days=1),
            2026,
        )
        # Member dues, as the form starts, are hard money.
        assert saved.source is FundingSource.MEMBER_DUES and saved.hard_money


async def test_a_grant_is_soft_money_unless_the_organiser_says_otherwise(
    repo: TinyRepository, clock: FixedClock
) -> None:
    seed(repo)
    app = OrganiserApp(repo, clock)
    async with app.run_test(size=SIZE) as pilot:
        await open_fundraising(pilot)
        await pilot.press("n")
        await wait_for_screen(pilot, FundraisingItemDialog)
        await pilot.press(*"Civic Life Trust")
        await tab_to(pilot, has_id("item-source"))
        await pilot.press("enter", *"grant", "enter")
        await tab_to(pilot, has_id("item-amount"))
        await pilot.press(*"4000", "ctrl+s")
        await wait_for_screen(pilot, FundraisingScreen)
        (grant,) = repo.list(FundraisingItem)
        assert (grant.source, grant.hard_money, grant.amount_pence) == (
            FundingSource.GRANT,
            False,
            400_000,
        )
        assert "£4,000.00" in screen_text(app) and "soft" in screen_text(app)


async def test_lost_asks_why_and_keeps_the_reason(repo: TinyRepository, clock: FixedClock) -> None:
    seed(repo)
    grant = repo.save(
        FundraisingItem(
            title="Lottery small grant",
            source=FundingSource.GRANT,
            amount_pence=500_000,
            year=2026,
            status=FundingStatus.ASKED,
        )
    )
    app = OrganiserApp(repo, clock)
    async with app.run_test(size=SIZE) as pilot:
        await open_fundraising(pilot)
        await pilot.press("enter")
        await wait_for_screen(pilot, FundraisingItemScreen)
        await pilot.press("X")
        await wait_for_screen(pilot, LostDialog)
        await pilot.press("enter")
        await pilot.pause()
        assert field_errors(app) == {
            "lost-reason-error": "Why it was lost: say why, so the lesson is kept"
        }
        stored = repo.get(FundraisingItem, grant.id)
        assert stored is not None and stored.status is FundingStatus.ASKED
        await pilot.press(*"Four times oversubscribed", "enter")
        await wait_for_screen(pilot, FundraisingItemScreen)
        stored = repo.get(FundraisingItem, grant.id)
        assert stored is not None
        assert (stored.status, stored.lost_reason) == (
            FundingStatus.LOST,
            "Four times oversubscribed",
        )
        assert "Four times oversubscribed" in screen_text(app)
        await pilot.press("P")  # lost, then paid: a move forward from lost is allowed
        await pilot.pause()
        stored = repo.get(FundraisingItem, grant.id)
        assert stored is not None and stored.status is FundingStatus.PAID
        await pilot.press("A")  # but nothing moves a paid item back
        await pilot.pause()
        assert "It is paid: e edits it if that was a mistake." in notices(app)
        stored = repo.get(FundraisingItem, grant.id)
        assert stored is not None and stored.status is FundingStatus.PAID


async def test_set_the_years_target_and_switch_years(
    repo: TinyRepository, clock: FixedClock
) -> None:
    seed(repo)
    app = OrganiserApp(repo, clock)
    async with app.run_test(size=SIZE) as pilot:
        await open_fundraising(pilot)
        assert "(your profile's default; T sets this year's)" in screen_text(app)
        await pilot.press("T")
        await wait_for_screen(pilot, TargetDialog)
        await pilot.press("end", "ctrl+u", *"35,000.001", "tab", "end", "ctrl+u", *"120")
        await pilot.press("ctrl+s")
        await pilot.pause()
        errors = field_errors(app)
        assert errors["target-amount-error"].startswith("Money to raise: “35,000.001” has more")
        assert errors["target-hard-error"].startswith("Hard money: type a whole number from 0")
        assert repo.list(FundraisingTarget) == []
        app.screen.query_one("#target-amount", Input).value = "£35,000"
        app.screen.query_one("#target-hard", Input).value = "60"
        await pilot.press("ctrl+s")
        await wait_for_screen(pilot, FundraisingScreen)
        (target,) = repo.list(FundraisingTarget)
        assert (target.year, target.target_pence, target.hard_money_percent) == (
            2026,
            3_500_000,
            60,
        )
        text = screen_text(app)
        assert "Target 2026: £35,000.00, at least 60% of it hard money (set for this year" in text

        await pilot.press("right_square_bracket")
        await pilot.pause()
        assert "Target 2027: £30,000.00" in screen_text(app)
        assert "Nothing raised for 2027 yet" in screen_text(app)
        await pilot.press("left_square_bracket")
        await pilot.pause()
        assert "Target 2026: £35,000.00" in screen_text(app)


async def test_filter_overdue_and_delete_with_a_question(
    repo: TinyRepository, clock: FixedClock
) -> None:
    members = seed(repo)
    overdue = FundraisingItem(
        source=FundingSource.MEMBER_DUES,
        institution_id=members["school"].id,
        hard_money=True,
        amount_pence=75_000,
        year=2026,
        status=FundingStatus.INVOICED,
        invoiced_on=date(2026, 9, 1),
        due_on=date(2026, 10, 1),
    )
    pledged = FundraisingItem(
        source=FundingSource.DONATION, title="Friends", amount_pence=10_000, year=2026,
        status=FundingStatus.PLEDGED,
    )  # fmt: skip
    repo.save_all([overdue, pledged])
    app = OrganiserApp(repo, clock)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_fundraising(pilot)
        assert "1 invoice overdue" in screen_text(app)
        await pilot.press("f")
        await pilot.pause()
        assert [i.id for i in screen._items] == [overdue.id]
        assert "showing overdue invoices only, 2 in all" in screen_text(app)
        assert "invoiced, overdue" in screen_text(app)
        await pilot.press("escape")
        await pilot.pause()
        assert len(screen._items) == 2

        row_of(app, pledged.id)
        await pilot.press("d")
        await wait_for_screen(pilot, ConfirmDialog)
        assert "Delete Friends, £100.00 (pledged), from 2026?" in prose(app)
        await pilot.press("n")
        await wait_for_screen(pilot, FundraisingScreen)
        assert len(repo.list(FundraisingItem)) == 2
        await pilot.press("d")
        await wait_for_screen(pilot, ConfirmDialog)
        await pilot.press("y")
        await wait_for_screen(pilot, FundraisingScreen)
        assert [i.id for i in repo.list(FundraisingItem)] == [overdue.id]


async def test_today_lists_a_dues_invoice_overdue_and_opens_it(
    repo: TinyRepository, clock: FixedClock
) -> None:
    members = seed(repo)
    overdue = repo.save(
        FundraisingItem(
            title="Dues 2026: St Mary's",
            source=FundingSource.MEMBER_DUES,
            institution_id=members["school"].id,
            hard_money=True,
            amount_pence=75_000,
            year=2026,
            status=FundingStatus.INVOICED,
            invoiced_on=date(2026, 10, 1),
            due_on=date(2026, 10, 31),
        )
    )
    app = OrganiserApp(repo, clock)
    async with app.run_test(size=SIZE) as pilot:
        await wait_for_today(pilot)
        assert isinstance(app.screen, TodayScreen)
        text = screen_text(app)
        assert "dues overdue (1)" in text
        assert "31 Oct overdue  Dues St Mary's [b]Primary[/b]  £750.00" in text
        await tab_to(pilot, has_id("today-renewals"))
        await pilot.press("enter")
        await wait_for_screen(pilot, FundraisingItemScreen)
        assert app.screen.item.id == overdue.id
        assert "invoiced, overdue since Sat 31 Oct 2026" in screen_text(app)
        await pilot.press("P")
        await pilot.pause()
        paid = repo.get(FundraisingItem, overdue.id)
        assert paid is not None and paid.status is FundingStatus.PAID and paid.paid_on == TODAY
        await pilot.press("escape")
        await wait_for_today(pilot)
        assert "dues overdue (0)" in screen_text(app)


async def test_read_only_refuses_every_change_politely(
    repo: TinyRepository, clock: FixedClock
) -> None:
    seed(repo)
    repo.save(
        FundraisingItem(source=FundingSource.GRANT, amount_pence=100, year=2026, title="Grant")
    )
    read_only = TinyRepository(repo.db, clock, read_only=True)
    app = OrganiserApp(read_only, clock)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await open_fundraising(pilot)
        for key in ("n", "e", "d", "R", "T", "I", "P", "X"):
            await pilot.press(key)
            await pilot.pause()
            assert isinstance(app.screen, FundraisingScreen), key
        assert len([n for n in notices(app) if "read-only" in n]) == 8
        (item,) = repo.list(FundraisingItem)
        assert item.status is FundingStatus.PROSPECT
        assert repo.list(FundraisingTarget) == []
