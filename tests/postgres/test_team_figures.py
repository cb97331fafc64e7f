"""A supervisor's login opens the Team figures: every organiser's 1-2-1s side by side for the
period chosen with 1 to 4, read from the team database, with no note anywhere on screen."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from datetime import timedelta

import pytest

from cli.main import main
from organiser.clock import FixedClock
from organiser.models import OneToOneStatus, Person, RelationalMeeting
from screens.team_app import TeamFiguresApp
from screens.team_figures import TeamFiguresScreen
from screens.team_review import OrganiserFiguresScreen
from screens.widgets.action_table import KeyedTable
from store.postgres.opened import OpenedPostgres, open_postgres
from store.postgres.team import add_organiser, add_supervisor
from tests.pg_server import Server, opened_for_test
from tests.ui.conftest import SIZE, screen_text


@pytest.fixture
def team(pg_server: Server, clock: FixedClock) -> Iterator[tuple[OpenedPostgres, list[str]]]:
    """Ewa: two 1-2-1s held today, one booked later today, one held in October; Tom: one
    held today, one cancelled. Yields the supervisor's opened database and the roles."""
    ewa, tom, sam = (f"{n}_{uuid.uuid4().hex[:6]}" for n in ("ewa", "tom", "sam"))
    with opened_for_test(pg_server, clock) as admin:
        for role in (ewa, tom):
            add_organiser(admin.repo.connection, role)
        add_supervisor(admin.repo.connection, sam)
    now = clock.now()
    with open_postgres(pg_server.url(ewa), clock) as hers:
        grace = hers.repo.save(Person(name="Grace Okafor"))
        hers.repo.save_all(
            [
                RelationalMeeting(person_id=grace.id, at=now, story="Her landlord's damp"),
                RelationalMeeting(person_id=grace.id, at=now, story="Her son's school"),
                RelationalMeeting(
                    person_id=grace.id, at=now + timedelta(hours=5), status=OneToOneStatus.BOOKED
                ),
                RelationalMeeting(person_id=grace.id, at=now - timedelta(days=40), story="Old"),
            ]
        )
    with open_postgres(pg_server.url(tom), clock) as his:
        his.repo.save(RelationalMeeting(person_id=grace.id, at=now, story="The vicar's worry"))
        his.repo.save(
            RelationalMeeting(person_id=grace.id, at=now, status=OneToOneStatus.CANCELLED)
        )
    with open_postgres(pg_server.url(sam), clock, read_only=True) as supervisor:
        yield supervisor, [ewa, tom]


def line_of(text: str, name: str) -> list[str]:
    return next(line for line in text.splitlines() if name in line).replace("│", " ").split()


async def test_the_supervisor_sees_every_organiser_side_by_side(
    team: tuple[OpenedPostgres, list[str]], clock: FixedClock
) -> None:
    supervisor, (ewa, tom) = team
    figures = supervisor.team_figures("Europe/London")
    assert figures is not None
    app = TeamFiguresApp(figures, clock)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, TeamFiguresScreen)
        shown = screen_text(app)
        assert "This week: 1-2-1s from Mon 23 Nov to Mon 23 Nov 2026, 1 working day" in shown
        # Organiser, held, target, a day, on target, booked, cancelled.
        assert line_of(shown, ewa) == [ewa, "2", "3", "2.0", "no", "1", "0"]
        assert line_of(shown, tom) == [tom, "1", "3", "1.0", "no", "0", "1"]
        assert line_of(shown, "Whole team")[:3] == ["Whole", "team", "3"]
        for note in ("damp", "school", "vicar", "Grace"):
            assert note not in shown

        await pilot.press("4")  # the year: October's 1-2-1 counts too
        await pilot.pause()
        shown = screen_text(app)
        assert "This year: 1-2-1s from Thu 1 Jan to Mon 23 Nov 2026" in shown
        assert line_of(shown, ewa)[1] == "3"

        # Other tests on this worker's server leave organisers of their own: go to Ewa's line.
        table = app.screen.query_one(KeyedTable)
        for _ in range(50):
            if table.current_id == ewa:
                break
            await pilot.press("down")
        await pilot.press("enter")
        heading = f"{ewa}: Thu 01 Jan 2026 to Mon 23 Nov 2026"
        for _ in range(100):  # a loaded machine may paint the new screen a moment later
            await pilot.pause(0.02)
            shown = screen_text(app)
            if isinstance(app.screen, OrganiserFiguresScreen) and heading in shown:
                break
        assert isinstance(app.screen, OrganiserFiguresScreen)
        assert heading in shown
        assert line_of(shown, "1-2-1s held")[2:] == ["3", "699", "0"]  # 233 working days x 3
        assert "leaves out the 1-2-1s' notes" in " ".join(shown.split())
        for note in ("damp", "school", "Grace"):
            assert note not in shown
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, TeamFiguresScreen)

        await pilot.press("escape")
        await pilot.pause()
    assert app.return_code == 0
    # Reading the figures changed nothing: each organiser's 1-2-1s are as they were.
    assert supervisor.repo.read_only


def test_an_organisers_own_login_has_no_team_figures(
    pg_server: Server, team: tuple[OpenedPostgres, list[str]], clock: FixedClock
) -> None:
    _, (ewa, _) = team
    with open_postgres(pg_server.url(ewa), clock) as hers:
        assert hers.team_figures("Europe/London") is None
        assert len(hers.repo.list(RelationalMeeting)) == 4


def test_review_organiser_prints_their_figures_and_what_it_leaves_out(
    pg_server: Server,
    team: tuple[OpenedPostgres, list[str]],
    capsys: pytest.CaptureFixture[str],
) -> None:
    supervisor, (ewa, tom) = team
    day = ["--since", "23/11/2026", "--until", "23/11/2026"]
    assert main(["--db", supervisor.url, "review", "--organiser", ewa, *day]) == 0
    said = capsys.readouterr().out
    assert f"# Supervision figures: {ewa}" in said
    assert "| 1-2-1s held | 2 | 3 | 0 |" in said
    assert "| 1-2-1s booked | 1 | – | 0 |" in said
    assert "leaves out the 1-2-1s' notes" in said
    assert "damp" not in said and "Grace" not in said

    assert main(["--db", supervisor.url, "review", "--organiser", "nobody", *day]) == 1
    assert "nobody is not an organiser of the team" in capsys.readouterr().err
    own = pg_server.url(tom)
    assert main(["--db", own, "review", "--organiser", ewa, *day]) == 1
    assert "for a supervisor's login" in capsys.readouterr().err
