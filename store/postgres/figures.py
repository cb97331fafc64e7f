"""Every organiser's figures side by side for a period, read from the team database by a
supervisor's login (store.postgres.team): 1-2-1s counted by the owner, time and status
columns alone, never a note (an organiser's own login sees only their own row), and the
facts of the shared trainings and money paid in, through the views a supervisor may read
(store.postgres.supervised)."""

from __future__ import annotations

from psycopg import errors as pg_errors

from organiser.errors import StoreError
from organiser.models import Participation, ParticipationStatus
from organiser.periods import Period
from organiser.team_figures import OrganiserFigures
from organiser.team_work import PaidFacts, SessionFacts, SharedWork
from store.postgres.connection import Connection, translated
from store.postgres.team import organisers

__all__ = ["OrganiserFigures", "one_to_one_figures", "shared_work"]


_COUNTS = (
    "SELECT owner, count(*) FILTER (WHERE status = 'held'),"
    " count(*) FILTER (WHERE status = 'booked'), count(*) FILTER (WHERE status = 'cancelled')"
    " FROM own_records WHERE kind = 'one_to_ones'"
    " AND (moment AT TIME ZONE %s)::date BETWEEN %s AND %s"
    " GROUP BY owner ORDER BY owner"
)


def one_to_one_figures(conn: Connection, period: Period, zone: str) -> list[OrganiserFigures]:
    """Each organiser of the team (and anyone else with 1-2-1s in the period), with the
    1-2-1s whose day in `zone` falls in `period`; an organiser with none shows zeros."""
    with translated("count the 1-2-1s"):
        rows = conn.execute(_COUNTS, (zone, period.start, period.end)).fetchall()
        everyone = organisers(conn)
    counted = {
        str(row[0]): OrganiserFigures(str(row[0]), int(row[1]), int(row[2]), int(row[3]))
        for row in rows
    }
    names = sorted(set(everyone) | set(counted))
    return [counted.get(name, OrganiserFigures(name)) for name in names]


_SESSIONS = (
    "SELECT owner, starts, preparing_days, delivering_days, evaluating_days, completed"
    " FROM team_trainings WHERE starts::date BETWEEN %s AND %s ORDER BY starts, owner"
)
_PAID = (
    "SELECT owner, amount_pence, hard_money, paid_on FROM team_money_paid"
    " WHERE paid_on BETWEEN %s AND %s ORDER BY paid_on, owner"
)


def shared_work(conn: Connection, period: Period) -> SharedWork:
    """The trainings held and the money paid in during `period`, each with the organiser
    who recorded it: a session's day as its organiser wrote the time (as a review counts
    it), money by the day it was paid."""
    with translated("read the team's trainings and money"):
        try:
            sessions = conn.execute(_SESSIONS, (period.start, period.end)).fetchall()
            paid = conn.execute(_PAID, (period.start, period.end)).fetchall()
        except pg_errors.UndefinedTable as error:
            raise StoreError(
                "The team database does not yet give supervisors the figures of trainings "
                "and money: its administrator sets that up by opening it once with their "
                "own login (organiser --db postgresql://ADMIN@… team list)."
            ) from error
    return SharedWork(
        [
            SessionFacts(
                str(owner),
                starts,
                float(preparing),
                float(delivering),
                float(evaluating),
                [
                    Participation(person_id=person, status=ParticipationStatus.COMPLETED)
                    for person in completed
                ],
            )
            for owner, starts, preparing, delivering, evaluating, completed in sessions
        ],
        [PaidFacts(str(owner), int(pence), bool(hard), day) for owner, pence, hard, day in paid],
    )
