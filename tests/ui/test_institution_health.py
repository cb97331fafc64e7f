"""Institution health in the app: a member at risk is flagged on Today, marked on the
institutions list with the reason on its detail view, and a 1-2-1 with its people clears it."""

from __future__ import annotations

from datetime import date, datetime, time

from organiser.clock import LONDON, FixedClock
from organiser.models import (
    FundingSource,
    FundingStatus,
    FundraisingItem,
    Institution,
    MembershipStatus,
    Person,
    RelationalMeeting,
)
from screens.app import OrganiserApp
from screens.institution_detail import InstitutionDetailScreen
from screens.institutions_screen import InstitutionsScreen
from screens.one_to_one_dialog import OneToOneDialog
from screens.person_detail import PersonDetailScreen
from store.repository import TinyRepository
from tests.ui.conftest import SIZE, screen_text, wait_for_screen, wait_for_today

REASON = "dues £120.00 unpaid since 1 Sep 2026; no 1-2-1 with its people since 3 Jul 2026"


def at_risk_school(repo: TinyRepository) -> tuple[Institution, Person]:
    """St Mary's made a member owing £120 since 1 Sep; Amina, its parent governor, last
    seen on 3 Jul."""
    school = next(i for i in repo.list(Institution) if i.name == "St Mary's Primary")
    school = repo.save(school.evolve(status=MembershipStatus.MEMBER, annual_dues_pence=12_000))
    amina = next(p for p in repo.list(Person) if p.name == "Amina Khan")
    repo.save_all(
        [
            FundraisingItem(
                source=FundingSource.MEMBER_DUES,
                institution_id=school.id,
                hard_money=True,
                amount_pence=12_000,
                year=2026,
                status=FundingStatus.INVOICED,
                invoiced_on=date(2026, 8, 1),
                due_on=date(2026, 9, 1),
            ),
            RelationalMeeting(
                person_id=amina.id, at=datetime.combine(date(2026, 7, 3), time(10), LONDON)
            ),
        ]
    )
    return school, amina


async def test_an_institution_at_risk_is_flagged_and_a_1_2_1_clears_it(
    filled: TinyRepository, clock: FixedClock
) -> None:
    school, amina = at_risk_school(filled)
    app = OrganiserApp(filled, clock)
    async with app.run_test(size=SIZE) as pilot:
        await wait_for_today(pilot)
        text = screen_text(app)
        assert "At risk (1), renewals (0), dues overdue (1)" in text
        assert "At risk  St Mary's Primary: dues £120.00 unpaid" in text

        await pilot.press("i")
        await wait_for_screen(pilot, InstitutionsScreen)
        text = screen_text(app)
        assert "⚠ St Mary's Primary" in text and "⚠ 1 at risk" in text
        assert "⚠ Highfields Mosque" not in text
        await pilot.press("slash", *"St Mary", "enter", "enter")
        await wait_for_screen(pilot, InstitutionDetailScreen)
        assert f"⚠ At risk: {REASON}" in screen_text(app)

        # Amina is one of its people: open her and log a 1-2-1 with her now.
        await pilot.press("enter")
        await wait_for_screen(pilot, PersonDetailScreen)
        await pilot.press("l")
        await wait_for_screen(pilot, OneToOneDialog)
        await pilot.press("ctrl+s")
        await wait_for_screen(pilot, PersonDetailScreen)
        held = filled.list(RelationalMeeting, {"person_id": amina.id})
        assert len(held) == 2 and any(m.at.date() == date(2026, 11, 23) for m in held)

        await pilot.press("escape")
        await wait_for_screen(pilot, InstitutionDetailScreen)
        assert "At risk" not in screen_text(app)
        await pilot.press("escape")
        await wait_for_screen(pilot, InstitutionsScreen)
        assert "at risk" not in screen_text(app) and "⚠" not in screen_text(app)
        stored = filled.get(Institution, school.id)
        assert stored is not None and stored.status is MembershipStatus.MEMBER
