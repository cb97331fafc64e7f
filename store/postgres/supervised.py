"""What a supervisor's login may read of the alliance's shared trainings and money, enforced
by the database: two views, owned by the tables' owner and granted to the supervisors'
group alone, that give each row's owner (the organiser who recorded it) and numbers, days and
record ids only. The shared tables themselves stay closed to a supervisor, so no name, note,
venue, title or any other text of a record can be read, not even with hand-written SQL.

- `team_trainings`: a session's owner, its start as the organiser wrote it (wall-clock time,
  as organiser.training counts the day), their preparing, delivering and evaluating days,
  and the record ids of the people who completed it.
- `team_money_paid`: each paid fundraising item's owner, amount in pence, whether it is hard
  money, and the day it was paid. Items not paid are not in the view.

Both are security barriers, so a function in a reader's query never sees a row the view
leaves out. They are made (or remade, when VIEWS_MARK changes) by the tables' owner: when a
supervisor is added, and when the owner opens the team database (store.postgres.schema).
"""

from __future__ import annotations

from collections.abc import Sequence

from store.postgres.connection import Connection

#: Kept as the views' comment: raise it whenever a view below changes, so a team database's
#: views are remade when its owner next opens it.
VIEWS_MARK = "organiser team views 1"
VIEWS = ("team_trainings", "team_money_paid")

_TRAININGS = """CREATE OR REPLACE VIEW team_trainings WITH (security_barrier) AS
SELECT owner,
    (doc->>'starts')::timestamp AS starts,
    CASE WHEN jsonb_typeof(doc->'preparing_days') = 'number'
         THEN (doc->'preparing_days')::float8 ELSE 0 END AS preparing_days,
    CASE WHEN jsonb_typeof(doc->'delivering_days') = 'number'
         THEN (doc->'delivering_days')::float8 ELSE 0 END AS delivering_days,
    CASE WHEN jsonb_typeof(doc->'evaluating_days') = 'number'
         THEN (doc->'evaluating_days')::float8 ELSE 0 END AS evaluating_days,
    ARRAY(
        SELECT p->>'person_id'
        FROM jsonb_array_elements(CASE WHEN jsonb_typeof(doc->'participations') = 'array'
                                       THEN doc->'participations' ELSE '[]' END) AS p
        WHERE p->>'status' = 'completed' AND p->>'person_id' ~ '^[0-9a-f]{32}$'
    ) AS completed
FROM records
WHERE kind = 'trainings' AND scope = '' AND jsonb_typeof(doc->'starts') = 'string'"""

_MONEY = """CREATE OR REPLACE VIEW team_money_paid WITH (security_barrier) AS
SELECT owner,
    (doc->'amount_pence')::bigint AS amount_pence,
    jsonb_typeof(doc->'hard_money') = 'boolean' AND (doc->'hard_money')::boolean AS hard_money,
    (doc->>'paid_on')::date AS paid_on
FROM records
WHERE kind = 'fundraising_items' AND scope = '' AND doc->>'status' = 'paid'
    AND jsonb_typeof(doc->'amount_pence') = 'number' AND jsonb_typeof(doc->'paid_on') = 'string'"""


def create_views(conn: Connection, readers: Sequence[str]) -> None:
    """Make (or remake) the views and let `readers` (group roles) read them. Needs the
    tables' owner; run inside the caller's transaction."""
    for statement in (_TRAININGS, _MONEY):
        conn.execute(statement.encode())
    for view in VIEWS:
        conn.execute(f"COMMENT ON VIEW {view} IS '{VIEWS_MARK}'".encode())
        for reader in readers:
            conn.execute(f"GRANT SELECT ON {view} TO {reader}".encode())


def views_due(conn: Connection) -> bool:
    """Whether this login owns the shared tables and the views are missing or older than
    this program's: one short query, asked each time the team database is opened."""
    row = conn.execute(
        "SELECT pg_has_role(current_user, c.relowner, 'USAGE')"
        " AND obj_description(to_regclass('team_money_paid'), 'pg_class') IS DISTINCT FROM %s"
        " FROM pg_class c WHERE c.oid = to_regclass('records')",
        (VIEWS_MARK,),
    ).fetchone()
    return bool(row and row[0])
