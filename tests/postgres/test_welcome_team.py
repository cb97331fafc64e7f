"""The Welcome on a team database says where the records are kept and who reads them,
not "on this computer, readable by you alone"; starting there saves the organiser's own
Profile in the team database."""

from __future__ import annotations

import uuid
from collections.abc import Iterator

import pytest

from organiser.clock import FixedClock
from organiser.models import Profile
from screens.app import OrganiserApp
from screens.today_screen import TodayScreen
from screens.welcome import WelcomeScreen
from store.postgres.opened import OpenedPostgres, open_postgres
from store.postgres.team import add_organiser
from tests.pg_server import Server, opened_for_test
from tests.ui.conftest import SIZE, screen_text, wait_for_screen


@pytest.fixture
def ewa(pg_server: Server, clock: FixedClock) -> Iterator[OpenedPostgres]:
    with opened_for_test(pg_server, clock) as admin:
        role = f"ewa_{uuid.uuid4().hex[:6]}"
        add_organiser(admin.repo.connection, role)
    with open_postgres(pg_server.url(role), clock) as opened:
        yield opened


def words(app: OrganiserApp) -> str:
    """The screen's text with its wrapping undone."""
    return " ".join(screen_text(app).split())


async def test_the_welcome_says_the_team_database_keeps_things(
    ewa: OpenedPostgres, clock: FixedClock
) -> None:
    app = OrganiserApp(ewa.repo, clock, kept=ewa.kept)
    async with app.run_test(size=SIZE) as pilot:
        await wait_for_screen(pilot, WelcomeScreen)
        shown = words(app)
        assert "on this computer" not in shown
        assert "in your team's database" in shown
        assert "shared with the team" in shown
        assert "readable by you alone" in shown
        assert "password" not in shown.lower()

        await pilot.press(*"Ewa Nowak")
        await pilot.press("ctrl+s")
        await wait_for_screen(pilot, TodayScreen)
    profile = ewa.repo.profile()
    assert profile is not None and profile.organiser_name == "Ewa Nowak"
    assert ewa.repo.list(Profile) == [profile]


def test_the_team_database_names_itself_without_a_password(ewa: OpenedPostgres) -> None:
    assert ewa.where in ewa.kept
    assert "postgresql://" in ewa.kept or "@" in ewa.kept
