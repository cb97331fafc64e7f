"""A supervisor's login opens the Team figures: every organiser's 1-2-1s side by side for the
period chosen with 1 to 4 (or the command palette), and their leaders trained, training days
and money paid in, read from the team database, with no note anywhere on screen."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from datetime import timedelta

import pytest
from textual.pilot import Pilot

from cli.main import main
from organiser.clock import FixedClock
from organiser.models import (
    FundingSource,
    FundingStatus,
    FundraisingItem,
    OneToOneStatus,
    Participation,
    ParticipationStatus,
    Person,
    RelationalMeeting,
    TrainingSession,
)
from organiser.periods import Period
from screens.team_app import TeamFiguresApp
from screens.team_figures import TeamFiguresScreen
from screens.team_review import OrganiserFiguresScreen
from screens.widgets.action_table import KeyedTable
from store.postgres.opened import OpenedPostgres, open_postgres
from store.postgres.team import add_organiser, add_supervisor
from tests.pg_server import Server, opened_for_test
from tests.ui.conftest import SIZE, notices, screen_text, wait_for_screen


@pytest.fixture
def team(pg_server: Server, clock: FixedClock) -> Iterator[tuple[OpenedPostgres, list[str]]]:
    """Ewa: two 1-2-1s held today, one booked later today, one held in October, a session
    this morning Grace completed (a day's delivering) and £100 of dues paid today; Tom: one
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
                TrainingSession(
                    name="Power and relationships",
                    starts=now,
                    delivering_days=1.0,
                    notes="Grace's story of the damp",
                    participations=[
                        Participation(person_id=grace.id, status=ParticipationStatus.COMPLETED)
                    ],
                ),
                FundraisingItem(
                    title="St Anne's dues",
                    source=FundingSource.MEMBER_DUES,
                    hard_money=True,
                    amount_pence=10_000,
                    year=2026,
                    status=FundingStatus.PAID,
                    paid_on=now.date(),
                ),
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
    """`name`'s line, in words: not a table's scrollbar (other tests' organisers fill it)."""
    line = next(line for line in text.splitlines() if name in line).replace("│", " ")
    return [word for word in line.split() if not set(word) <= SCROLLBAR]


SCROLLBAR = set("▁▂▃▄▅▆▇█▔▕▏")


def work_line_of(text: str, name: str) -> list[str]:
    """`name`'s line in the table of leaders trained, training days and money."""
    return line_of(text[text.index("Leaders trained, training days") :], name)


async def go_to(pilot: Pilot[None], table: KeyedTable, name: str) -> None:
    """Down the table to `name`'s line, as a person would: other tests on this worker's
    server leave organisers of their own (roles outlive a TRUNCATE)."""
    for _ in range(50):
        if table.current_id == name or table.cursor_row == 0:
            break
        await pilot.press("up")
    for _ in range(50):
        if table.current_id == name:
            await pilot.pause(0.1)  # and let the table scroll to the line
            return
        await pilot.press("down")
    raise AssertionError(f"{name} is not in the table")


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
        ones, work = app.screen.query(KeyedTable)
        await go_to(pilot, ones, ewa)
        shown = screen_text(app)
        assert "This week: 1-2-1s from Mon 23 Nov to Mon 23 Nov 2026, 1 working day" in shown
        # Organiser, held, target, a day, on target, booked, cancelled.
        assert line_of(shown, ewa) == [ewa, "2", "3", "2.0", "no", "1", "0"]
        await go_to(pilot, ones, tom)
        assert line_of(screen_text(app), tom) == [tom, "1", "3", "1.0", "no", "0", "1"]
        await go_to(pilot, ones, "whole-team")
        assert line_of(screen_text(app), "Whole team")[:3] == ["Whole", "team", "3"]

        # The second table: trained, training days, paid in and hard money, each against one
        # organiser's target for one working day of 2026's 261.
        await pilot.press("tab")
        assert app.focused is work
        await go_to(pilot, work, ewa)
        shown = screen_text(app)
        assert work_line_of(shown, ewa) == [
            ewa, "1", "0.10", "1", "0.04", "£100.00", "£114.94", "£100.00", "£57.47",
        ]  # fmt: skip
        await go_to(pilot, work, tom)
        assert work_line_of(screen_text(app), tom)[1:] == [
            "0", "0.10", "0", "0.04", "£0.00", "£114.94", "£0.00", "£57.47",
        ]  # fmt: skip
        await go_to(pilot, work, "whole-team")
        shown = screen_text(app)
        assert work_line_of(shown, "Whole team")[2:] == ["1", "1", "£100.00", "£100.00"]
        for note in ("damp", "school", "vicar", "Grace", "St Anne"):
            assert note not in shown

        # The year, from the command palette: October's 1-2-1 counts too.
        await pilot.press("ctrl+p")
        await pilot.pause()
        await pilot.press(*"Year")
        await pilot.pause(0.3)
        await pilot.press("enter")
        for _ in range(50):
            await pilot.pause(0.02)
            shown = screen_text(app)
            if "This year" in shown:
                break
        assert isinstance(app.screen, TeamFiguresScreen)
        assert "This year: 1-2-1s from Thu 1 Jan to Mon 23 Nov 2026" in shown
        await pilot.press("shift+tab")
        assert app.focused is ones
        await go_to(pilot, ones, ewa)
        assert line_of(screen_text(app), ewa)[1] == "3"

        # enter on Ewa's line of the second table opens her review, with her work in it.
        await pilot.press("tab")
        await go_to(pilot, work, ewa)
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
        # 233 of 261 weekdays: 25 x 233 / 261 leaders, 10 days, £30,000 and half of it.
        assert line_of(shown, "Leaders trained")[2:] == ["1", "22.3", "0"]
        assert line_of(shown, "Training days")[2:] == ["1", "day", "8.9", "days", "0", "days"]
        assert line_of(shown, "Money paid in")[3:] == ["£100.00", "£26,781.61", "£0.00"]
        assert line_of(shown, "Hard money paid in")[4:] == ["£100.00", "£13,390.80", "£0.00"]
        words = " ".join(shown.split())
        assert "leaves out the 1-2-1s' notes" in words
        for note in ("damp", "school", "Grace", "St Anne"):
            assert note not in shown
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, TeamFiguresScreen)

        await pilot.press("escape")
        await pilot.pause()
    assert app.return_code == 0
    # Reading the figures changed nothing: each organiser's 1-2-1s are as they were.
    assert supervisor.repo.read_only


async def test_every_key_of_the_team_figures_is_in_the_palette_and_the_footer(
    team: tuple[OpenedPostgres, list[str]], clock: FixedClock
) -> None:
    supervisor, _ = team
    figures = supervisor.team_figures("Europe/London")
    assert figures is not None
    app = TeamFiguresApp(figures, clock)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        wanted = ["This week", "Last 4 weeks", "Quarter", "Year", "Read again", "Review"]
        wanted += ["Back", "Help", "Quit"]
        footer = screen_text(app).splitlines()[-1]
        for label in wanted:
            assert label in footer
        await pilot.press("ctrl+p")
        await pilot.pause(0.3)
        offered = screen_text(app)
        for label in ["This week", "Last 4 weeks", "Quarter", "Read again", "Help", "Quit"]:
            assert label in offered
        await pilot.press("escape")
        await pilot.pause()
        await pilot.press("question_mark")
        await pilot.pause()
        assert "On the Team figures screen" in screen_text(app)
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, TeamFiguresScreen)
        await pilot.press("q")
        await pilot.pause()
    assert app.return_code == 0


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


async def test_without_the_views_the_1_2_1s_still_show_and_a_notice_says_why(
    pg_server: Server, team: tuple[OpenedPostgres, list[str]], clock: FixedClock
) -> None:
    """A team database set up before the views, not yet opened by its owner since."""
    supervisor, (ewa, _) = team
    with open_postgres(pg_server.url(), clock) as admin:
        admin.repo.connection.execute(b"DROP VIEW team_trainings, team_money_paid")
    figures = supervisor.team_figures("Europe/London")
    assert figures is not None
    app = TeamFiguresApp(figures, clock)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        ones = app.screen.query_one("#team-table", KeyedTable)
        await go_to(pilot, ones, ewa)
        assert line_of(screen_text(app), ewa)[:2] == [ewa, "2"]
        said = " ".join(notices(app))
        assert "its administrator sets that up" in said
        assert app.screen.query_one("#team-work", KeyedTable).row_count == 0  # not zeros
        await pilot.press("enter")  # her review: the 1-2-1s alone
        await wait_for_screen(pilot, OrganiserFiguresScreen)
        shown = screen_text(app)
        assert line_of(shown, "1-2-1s held")[2] == "2"
        assert "Leaders trained" not in shown.split(ewa, 1)[1].split("Built from")[0]
    with open_postgres(pg_server.url(), clock):
        pass  # the owner's next opening puts them back
    assert len(figures.shared_work(Period(clock.today(), clock.today())).sessions) == 1
