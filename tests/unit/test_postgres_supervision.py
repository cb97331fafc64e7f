"""A supervisor's login reads every organiser's 1-2-1 figures side by side, and nothing of
the 1-2-1s themselves: not through the program, not with hand-written SQL."""

from __future__ import annotations

import uuid
from collections.abc import Iterator

import psycopg
import pytest

from cli.main import main
from organiser.clock import FixedClock
from organiser.errors import StoreError
from organiser.models import OneToOneStatus, Person, Profile, RelationalMeeting
from organiser.periods import Period
from store.postgres.figures import OrganiserFigures, one_to_one_figures
from store.postgres.opened import OpenedPostgres, open_postgres
from store.postgres.team import add_organiser, add_supervisor
from tests.pg_server import Server, opened_for_test


def _name(stem: str) -> str:
    return f"{stem}_{uuid.uuid4().hex[:6]}"  # roles outlive a test on the worker's server


@pytest.fixture
def team(pg_server: Server, clock: FixedClock) -> Iterator[tuple[OpenedPostgres, list[str]]]:
    """Ewa with three 1-2-1s held and one booked this week, Tom with one held, a supervisor."""
    ewa, tom, sam = _name("ewa"), _name("tom"), _name("sam")
    with opened_for_test(pg_server, clock) as admin:
        for role in (ewa, tom):
            add_organiser(admin.repo.connection, role)
        add_supervisor(admin.repo.connection, sam)
        with open_postgres(pg_server.url(ewa), clock) as mine:
            grace = mine.repo.save(Person(name="Grace Okafor"))
            mine.repo.save(Profile(organiser_name="Ewa Nowak"))
            mine.repo.save_all(
                [
                    RelationalMeeting(person_id=grace.id, at=clock.now(), story="Her landlord")
                    for _ in range(3)
                ]
                + [
                    RelationalMeeting(
                        person_id=grace.id, at=clock.now(), status=OneToOneStatus.BOOKED
                    )
                ]
            )
        with open_postgres(pg_server.url(tom), clock) as his:
            his.repo.save(RelationalMeeting(person_id=grace.id, at=clock.now(), story="Vicar"))
        yield admin, [ewa, tom, sam]


def test_the_supervisor_sees_every_organisers_figures(
    team: tuple[OpenedPostgres, list[str]], pg_server: Server, clock: FixedClock
) -> None:
    _, (ewa, tom, sam) = team
    with psycopg.connect(pg_server.url(sam)) as conn:
        figures = one_to_one_figures(conn, Period(clock.today(), clock.today()), "Europe/London")
    assert OrganiserFigures(ewa, held=3, booked=1) in figures
    assert OrganiserFigures(tom, held=1) in figures


def test_the_supervisor_reads_no_notes_even_with_sql(
    team: tuple[OpenedPostgres, list[str]], pg_server: Server
) -> None:
    _, (_, _, sam) = team
    with psycopg.connect(pg_server.url(sam), autocommit=True) as conn:
        for query in (
            "SELECT doc FROM own_records",
            "SELECT search FROM own_records",
            "SELECT * FROM private_fields",
            "SELECT doc FROM records",
        ):
            with pytest.raises(psycopg.errors.InsufficientPrivilege):
                conn.execute(query.encode())
        kinds = conn.execute("SELECT DISTINCT kind FROM own_records").fetchall()
        assert kinds == [("one_to_ones",)]  # not the organisers' profiles or reviews


def test_an_organisers_login_cannot_be_made_a_supervisor(
    team: tuple[OpenedPostgres, list[str]],
) -> None:
    admin, (ewa, _, _) = team
    with pytest.raises(StoreError, match="a supervisor's must be one of its own"):
        add_supervisor(admin.repo.connection, ewa)


def test_team_figures_prints_them_side_by_side(
    team: tuple[OpenedPostgres, list[str]],
    pg_server: Server,
    capsys: pytest.CaptureFixture[str],
) -> None:
    _, (ewa, tom, sam) = team
    day = ["--from", "23/11/2026", "--to", "23/11/2026"]
    assert main(["--db", pg_server.url(sam), "team", "figures", *day]) == 0
    said = capsys.readouterr().out.splitlines()
    lines = said[: said.index("")]  # the 1-2-1s; the trainings and money come after
    assert (
        lines[0]
        == "1-2-1s from Mon 23 Nov 2026 to Mon 23 Nov 2026 (1 working day, Monday to Friday)"
    )
    assert [line.split() for line in lines if line.startswith((ewa, tom))] == [
        [ewa, "3", "3.0", "1", "0"],
        [tom, "1", "1.0", "0", "0"],
    ]
    assert main(["--db", pg_server.url(tom), "team", "figures", *day]) == 0
    said = capsys.readouterr().out
    assert tom in said and ewa not in said and "your own figures only" in said
