"""A supervisor's login reads each organiser's leaders trained, training days and money paid
in from the team database, attributed to the organiser who recorded each session or item,
and nothing more: the database gives it two views of numbers and days, and the tables stay
closed to it, even to hand-written SQL."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, timedelta

import psycopg
import pytest

from cli.main import main
from organiser.clock import FixedClock
from organiser.errors import StoreError
from organiser.models import (
    FundingSource,
    FundingStatus,
    FundraisingItem,
    Participation,
    ParticipationStatus,
    Person,
    RelationalMeeting,
    TrainingSession,
)
from organiser.periods import Period
from organiser.review_figures import compute
from organiser.review_records import Records
from organiser.team_figures import OrganiserFigures, team_rows, whole_team_work
from organiser.team_work import WORK_KEYS
from store.postgres.figures import shared_work
from store.postgres.opened import open_postgres
from store.postgres.team import add_organiser, add_supervisor
from tests.pg_server import Server, opened_for_test

NOVEMBER = Period(date(2026, 11, 1), date(2026, 11, 30), "November")


@dataclass(frozen=True)
class Team:
    ewa: str
    tom: str
    sam: str
    grace: Person


def _done(*people: Person) -> list[Participation]:
    return [Participation(person_id=p.id, status=ParticipationStatus.COMPLETED) for p in people]


@pytest.fixture
def team(pg_server: Server, clock: FixedClock) -> Iterator[Team]:
    """Ewa runs two sessions in November (Grace and Amir complete the first, Grace the second
    again) and records £1,200 of dues and a £500 grant paid; Tom runs one session (Grace and
    Joy) and records £300 of dues paid and a pledge. Sam supervises."""
    ewa, tom, sam = (f"{n}_{uuid.uuid4().hex[:6]}" for n in ("ewa", "tom", "sam"))
    with opened_for_test(pg_server, clock) as admin:
        for role in (ewa, tom):
            add_organiser(admin.repo.connection, role)
        add_supervisor(admin.repo.connection, sam)
    now = clock.now()  # Mon 23 Nov 2026, 09:30
    with open_postgres(pg_server.url(ewa), clock) as hers:
        grace, amir, joy = (
            hers.repo.save(Person(name=name, private_notes="Worried about her visa"))
            for name in ("Grace Okafor", "Amir Shah", "Joy Mensah")
        )
        hers.repo.save(RelationalMeeting(person_id=grace.id, at=now, story="Her landlord's damp"))
        hers.repo.save_all(
            [
                TrainingSession(
                    name="Power and relationships",
                    starts=now - timedelta(days=10),
                    participations=[*_done(grace, amir), Participation(person_id=joy.id)],
                    preparing_days=0.5,
                    delivering_days=1.0,
                    notes="Grace spoke about her landlord",
                ),
                TrainingSession(
                    name="Taster",
                    starts=now - timedelta(days=3),
                    participations=_done(grace),
                    delivering_days=0.5,
                ),
                FundraisingItem(
                    title="St Anne's dues",
                    source=FundingSource.MEMBER_DUES,
                    hard_money=True,
                    amount_pence=120_000,
                    year=2026,
                    status=FundingStatus.PAID,
                    paid_on=date(2026, 11, 10),
                    notes="Father Tom paid at last",
                ),
                FundraisingItem(
                    title="Trust grant",
                    source=FundingSource.GRANT,
                    amount_pence=50_000,
                    year=2026,
                    status=FundingStatus.PAID,
                    paid_on=date(2026, 11, 12),
                ),
            ]
        )
    with open_postgres(pg_server.url(tom), clock) as his:
        his.repo.save_all(
            [
                TrainingSession(
                    name="Listening",
                    starts=now,
                    participations=_done(grace, joy),
                    preparing_days=1.0,
                    delivering_days=1.0,
                ),
                FundraisingItem(
                    title="Mosque dues",
                    source=FundingSource.MEMBER_DUES,
                    hard_money=True,
                    amount_pence=30_000,
                    year=2026,
                    status=FundingStatus.PAID,
                    paid_on=date(2026, 11, 20),
                ),
                FundraisingItem(
                    title="Pledge",
                    source=FundingSource.DONATION,
                    amount_pence=99_900,
                    year=2026,
                    status=FundingStatus.PLEDGED,
                ),
            ]
        )
    yield Team(ewa, tom, sam, grace)


def test_each_organisers_work_is_what_they_recorded(
    team: Team, pg_server: Server, clock: FixedClock
) -> None:
    with open_postgres(pg_server.url(team.sam), clock, read_only=True) as supervisor:
        figures = supervisor.team_figures("Europe/London")
        assert figures is not None
        work = figures.shared_work(NOVEMBER)
    rows = {r.organiser: r for r in team_rows([], NOVEMBER, None, work)}
    ewa, tom = rows[team.ewa].work, rows[team.tom].work
    assert [ewa[k].value for k in WORK_KEYS] == [2, 2.0, 170_000, 120_000]
    assert [tom[k].value for k in WORK_KEYS] == [2, 2.0, 30_000, 30_000]  # not the pledge
    everyone = whole_team_work(work, NOVEMBER)
    assert [everyone[k].value for k in WORK_KEYS] == [3, 4.0, 200_000, 150_000]  # Grace once


def test_an_organisers_own_review_counts_what_her_supervisors_line_does(
    team: Team, pg_server: Server, clock: FixedClock
) -> None:
    """An organiser's own review on the team database counts the trainings and money she
    recorded, as her line in the supervisor's figures does, not the whole alliance's."""
    with open_postgres(pg_server.url(team.ewa), clock) as hers:
        own = {f.key: f for f in compute(Records.read(hers.repo), NOVEMBER, clock.today())}
    with psycopg.connect(pg_server.url(team.sam)) as conn:
        work = shared_work(conn, NOVEMBER)
    line = {r.organiser: r for r in team_rows([], NOVEMBER, None, work)}[team.ewa].work
    assert {k: line[k].value for k in WORK_KEYS} == {k: own[k].value for k in WORK_KEYS}
    everyone = whole_team_work(work, NOVEMBER)
    assert everyone["money_paid"].value > own["money_paid"].value


def test_the_supervisor_reads_numbers_and_never_a_name_or_a_note(
    team: Team, pg_server: Server
) -> None:
    with psycopg.connect(pg_server.url(team.sam), autocommit=True) as conn:
        sessions = conn.execute(
            "SELECT owner, preparing_days + delivering_days + evaluating_days,"
            " cardinality(completed) FROM team_trainings ORDER BY starts"
        ).fetchall()
        assert sessions == [(team.ewa, 1.5, 2), (team.ewa, 0.5, 1), (team.tom, 2.0, 2)]
        paid = conn.execute(
            "SELECT owner, amount_pence, hard_money FROM team_money_paid ORDER BY paid_on"
        ).fetchall()
        assert paid == [
            (team.ewa, 120_000, True),
            (team.ewa, 50_000, False),
            (team.tom, 30_000, True),
        ]
        for query in (
            "SELECT doc->>'name' FROM records WHERE kind = 'people'",  # a person's name
            "SELECT doc->>'notes' FROM records WHERE kind = 'trainings'",  # a session's notes
            "SELECT search FROM records",
            "SELECT count(*) FROM records",
            "SELECT doc FROM private_fields",  # a private note
            "SELECT doc->>'story' FROM own_records",  # a 1-2-1's notes
            "SELECT search FROM own_records",
        ):
            with pytest.raises(psycopg.errors.InsufficientPrivilege):
                conn.execute(query.encode())
        # The views give the owner's role, numbers, days, yes/no and record ids: no text.
        columns = conn.execute(
            "SELECT table_name, column_name, data_type FROM information_schema.columns"
            " WHERE table_name IN ('team_trainings', 'team_money_paid') ORDER BY 1, 2"
        ).fetchall()
        assert {c[2] for c in columns if c[1] != "owner"} <= {
            "timestamp without time zone",
            "double precision",
            "ARRAY",
            "bigint",
            "boolean",
            "date",
        }
        ids = conn.execute("SELECT unnest(completed) FROM team_trainings").fetchall()
        assert {row[0] for row in ids} >= {team.grace.id}
        assert all(len(row[0]) == 32 for row in ids)


def test_an_organisers_login_cannot_read_the_views(team: Team, pg_server: Server) -> None:
    with (
        psycopg.connect(pg_server.url(team.tom), autocommit=True) as conn,
        pytest.raises(psycopg.errors.InsufficientPrivilege),
    ):
        conn.execute(b"SELECT * FROM team_trainings")


def test_a_team_database_made_before_the_views_gets_them_when_its_owner_opens_it(
    team: Team, pg_server: Server, clock: FixedClock
) -> None:
    with psycopg.connect(pg_server.url(), autocommit=True) as admin:
        admin.execute(b"DROP VIEW team_trainings, team_money_paid")
    with (
        psycopg.connect(pg_server.url(team.sam)) as conn,
        pytest.raises(StoreError, match="its administrator sets that up"),
    ):
        shared_work(conn, NOVEMBER)
    with open_postgres(pg_server.url(team.tom), clock):
        pass  # an organiser's opening cannot make them, and does not try
    with psycopg.connect(pg_server.url(team.sam)) as conn, pytest.raises(StoreError):
        shared_work(conn, NOVEMBER)
    with open_postgres(pg_server.url(), clock):
        pass  # the owner's opening makes them, granted to the supervisors
    with psycopg.connect(pg_server.url(team.sam)) as conn:
        work = shared_work(conn, NOVEMBER)
    assert len(work.sessions) == 3 and len(work.paid) == 3


def test_team_figures_prints_the_work_beside_the_1_2_1s(
    team: Team, pg_server: Server, capsys: pytest.CaptureFixture[str]
) -> None:
    month = ["--from", "1/11/2026", "--to", "30/11/2026"]
    assert main(["--db", pg_server.url(team.sam), "team", "figures", *month]) == 0
    said = capsys.readouterr().out
    work = said[said.index("Leaders trained, training days and money paid in") :]
    lines = {line.split()[0]: line.split() for line in work.splitlines()[2:]}
    # Trained, target, training days, target, paid in, target, hard money, target.
    assert lines[team.ewa][1:] == [
        "2", "2.0", "2", "0.80", "£1,700.00", "£2,413.79", "£1,200.00", "£1,206.90",
    ]  # fmt: skip
    assert lines[team.tom][1:4] == ["2", "2.0", "2"]
    assert lines["Whole"][2:] == ["3", "4", "£2,000.00", "£1,500.00"]
    for private in ("Grace", "landlord", "visa", "Father", "St Anne"):
        assert private not in said


def test_review_organiser_includes_their_work(
    team: Team, pg_server: Server, capsys: pytest.CaptureFixture[str]
) -> None:
    month = ["--since", "1/11/2026", "--until", "30/11/2026"]
    assert main(["--db", pg_server.url(team.sam), "review", "--organiser", team.tom, *month]) == 0
    said = capsys.readouterr().out
    assert "| Leaders trained | 2 | 2.0 | 0 |" in said
    assert "| Training days | 2 days | 0.80 days | 0 days |" in said
    assert "| Money paid in | £300.00 | £2,413.79 | £0.00 |" in said
    assert "| Hard money paid in | £300.00 | £1,206.90 | £0.00 |" in said
    assert "Grace" not in said and "Pledge" not in said


def test_no_organiser_of_the_team_has_work_of_anothers(team: Team, pg_server: Server) -> None:
    with psycopg.connect(pg_server.url(team.sam)) as conn:
        work = shared_work(conn, NOVEMBER)
    assert {s.owner for s in work.sessions} == {team.ewa, team.tom}
    assert OrganiserFigures(team.sam) not in [
        r.figures for r in team_rows([], NOVEMBER, None, work)
    ]


def test_an_organisers_own_review_counts_the_trainings_and_money_they_recorded(
    team: Team, pg_server: Server, clock: FixedClock
) -> None:
    """Her own review on the team database counts what her supervisor's line counts for
    her, not the whole alliance's trainings and money (a personal file has only hers)."""
    with open_postgres(pg_server.url(team.ewa), clock) as hers:
        records = Records.read(hers.repo)
        assert hers.repo.own_ids(RelationalMeeting) is None  # her own kind, hers whole
        everyone = hers.repo.list(TrainingSession)
    assert {s.name for s in records.trainings} == {"Power and relationships", "Taster"}
    assert {i.title for i in records.fundraising_items} == {"St Anne's dues", "Trust grant"}
    assert "Listening" in {s.name for s in everyone}  # Tom's, still the alliance's to see
    with open_postgres(pg_server.url(team.tom), clock) as his:
        mine = Records.read(his.repo)
    assert {s.name for s in mine.trainings} == {"Listening"}
    assert {i.title for i in mine.fundraising_items} == {"Mosque dues", "Pledge"}
