"""Two organisers edit the same institution in the team database: the second save is
refused with a message naming who changed it and when, and the form stays open with what
was typed, so nothing is lost."""

from __future__ import annotations

import uuid
from collections.abc import Iterator

import pytest
from textual.widgets import TextArea

from organiser.clock import FixedClock
from organiser.models import Institution, Profile
from screens.app import OrganiserApp
from screens.institution_detail import InstitutionDetailScreen
from screens.institution_dialog import InstitutionDialog
from screens.institutions_screen import InstitutionsScreen
from store.postgres.opened import OpenedPostgres, open_postgres
from store.postgres.team import add_organiser
from tests.pg_server import Server, opened_for_test
from tests.ui.conftest import SIZE, has_id, notices, tab_to
from tests.ui.test_institutions import screen_is


@pytest.fixture
def two(pg_server: Server, clock: FixedClock) -> Iterator[tuple[OpenedPostgres, OpenedPostgres]]:
    with opened_for_test(pg_server, clock) as admin:
        roles = [f"{name}_{uuid.uuid4().hex[:6]}" for name in ("ewa", "tom")]
        for role in roles:
            add_organiser(admin.repo.connection, role)
    ewa, tom = (open_postgres(pg_server.url(role), clock) for role in roles)
    yield ewa, tom
    ewa.close()
    tom.close()


async def test_a_stale_save_names_the_other_organiser_and_keeps_the_typing(
    two: tuple[OpenedPostgres, OpenedPostgres], clock: FixedClock
) -> None:
    ewa, tom = two
    ewa.repo.save(Profile(organiser_name="Ewa Nowak"))
    church = ewa.repo.save(Institution(name="St Mary's"))
    app = OrganiserApp(ewa.repo, clock)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("i")
        assert await screen_is(pilot, InstitutionsScreen)
        await pilot.press("enter")
        assert await screen_is(pilot, InstitutionDetailScreen)
        await pilot.press("e")
        assert await screen_is(pilot, InstitutionDialog)
        await tab_to(pilot, has_id("notes"))
        await pilot.press(*"Vicar keen on housing")

        clock.advance(hours=4, minutes=32)  # meanwhile Tom changes it: 14:02
        tom.repo.save(church.evolve(notes="Tom's note"))

        await pilot.press("ctrl+s")
        await pilot.pause()
        said = " ".join(notices(app))
        assert f"changed elsewhere by {tom.repo.role} at 14:02" in said
        assert await screen_is(pilot, InstitutionDialog)  # open again, with the typing
        assert app.screen.query_one("#notes", TextArea).text == "Vicar keen on housing"

    kept = ewa.repo.get(Institution, church.id)
    assert kept is not None and (kept.notes, kept.revision) == ("Tom's note", 2)
