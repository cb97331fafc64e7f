"""Every organiser's 1-2-1 figures side by side for a period, read from the team database by
a supervisor's login (store.postgres.team): counts by the owner, time and status columns
alone, never a note. An organiser's own login sees only their own row."""

from __future__ import annotations

from organiser.periods import Period
from organiser.team_figures import OrganiserFigures
from store.postgres.connection import Connection, translated
from store.postgres.team import organisers

__all__ = ["OrganiserFigures", "one_to_one_figures"]


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
