"""The team database's tables, indexes and row-level security, created and migrated by the
program with a schema version, as the file store keeps its own (store.schema).

Records are kept as the model's JSON (`doc`, JSONB), keyed by (kind, scope, id): the
alliance's in `records` (scope empty), each organiser's own in `own_records` (scope their
role; store.postgres.privacy says which kinds). `seq` keeps the order records were first
written, so lists come back in the order the file store gives; `search` is the prepared text
a search looks in; `person_id`, and since version 2 `moment` and `status`, are copied out
of the document (for look-ups by person, and for the supervisor's figures).
`private_fields` holds each organiser's private notes on shared records. Indexes serve what
the screens ask: a kind in order, equality filters (GIN over the document), records by
person (1-2-1s, ladder moves), people by name, and search (PostgreSQL's text search over
the `words` column since version 3, and trigrams where the pg_trgm extension can be had).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import psycopg

from organiser.errors import DatabaseTooNew, StoreError
from store.postgres.connection import Connection
from store.postgres.supervised import create_views, views_due

#: The schema this program writes. Raise it, and add a migration, whenever the tables change.
VERSION = 3
#: The group role every organiser belongs to (store.postgres.team); granted the tables.
TEAM_ROLE = "organiser_team"
#: The group role of supervisors' logins (store.postgres.team): every organiser's figures.
SUPERVISOR_ROLE = "organiser_supervisors"
#: Taken while the schema is checked or changed, so two first openings cannot race.
_LOCK_KEY = 0x0F6A_15E7


def _record_table(name: str) -> str:
    return f"""CREATE TABLE {name} (
        kind text NOT NULL,
        scope text NOT NULL DEFAULT '',
        id text NOT NULL,
        owner text NOT NULL DEFAULT current_user,
        changed_by text NOT NULL DEFAULT current_user,
        seq bigserial NOT NULL,
        revision integer NOT NULL,
        doc jsonb NOT NULL,
        search text NOT NULL DEFAULT '',
        person_id text,
        PRIMARY KEY (kind, scope, id)
    )"""


_CREATE: tuple[str, ...] = (
    """CREATE TABLE organiser_schema (
        one boolean PRIMARY KEY DEFAULT true CHECK (one),
        version integer NOT NULL
    )""",
    # The alliance's records. Row-level security only checks who writes: a policy that
    # narrows reading would keep PostgreSQL from using the indexes below (their operators
    # are not leakproof), and every organiser reads these anyway.
    _record_table("records"),
    "CREATE INDEX records_in_order ON records (kind, seq)",
    "CREATE INDEX records_fields ON records USING gin (doc jsonb_path_ops)",
    "CREATE INDEX records_by_person ON records (kind, person_id)",
    "CREATE INDEX people_by_name ON records (lower(doc->>'name')) WHERE kind = 'people'",
    "ALTER TABLE records ENABLE ROW LEVEL SECURITY",
    "ALTER TABLE records FORCE ROW LEVEL SECURITY",
    "CREATE POLICY records_read ON records FOR SELECT USING (true)",
    """CREATE POLICY records_add ON records FOR INSERT
        WITH CHECK (scope = '' AND owner = current_user AND changed_by = current_user)""",
    """CREATE POLICY records_change ON records FOR UPDATE
        USING (true) WITH CHECK (scope = '' AND changed_by = current_user)""",
    "CREATE POLICY records_remove ON records FOR DELETE USING (true)",
    # Each organiser's own records (1-2-1s, profile, reviews, tombstones): scope is the
    # owner's role, and nobody else's rows are ever seen. Equality on text is leakproof, so
    # the indexes on (kind, scope, …) still serve under the policy.
    _record_table("own_records"),
    "CREATE INDEX own_records_in_order ON own_records (kind, scope, seq)",
    "CREATE INDEX own_records_by_person ON own_records (kind, scope, person_id)",
    "ALTER TABLE own_records ENABLE ROW LEVEL SECURITY",
    "ALTER TABLE own_records FORCE ROW LEVEL SECURITY",
    """CREATE POLICY own_records_own ON own_records
        USING (scope = current_user AND owner = current_user)
        WITH CHECK (scope = current_user AND owner = current_user
                    AND changed_by = current_user)""",
    # Each organiser's private fields (notes) on the alliance's records, theirs alone.
    """CREATE TABLE private_fields (
        kind text NOT NULL,
        scope text NOT NULL,
        id text NOT NULL,
        owner text NOT NULL DEFAULT current_user,
        doc jsonb NOT NULL,
        search text NOT NULL DEFAULT '',
        PRIMARY KEY (kind, scope, id, owner),
        FOREIGN KEY (kind, scope, id) REFERENCES records (kind, scope, id) ON DELETE CASCADE
    )""",
    "ALTER TABLE private_fields ENABLE ROW LEVEL SECURITY",
    "ALTER TABLE private_fields FORCE ROW LEVEL SECURITY",
    """CREATE POLICY private_own ON private_fields
        USING (owner = current_user) WITH CHECK (owner = current_user)""",
)


def _facts(table: str) -> tuple[str, ...]:
    """Version 2 copies a record's time and status out of its document (for the supervisor's
    figures, which may read those and never the notes). The migration runs as the tables'
    owner with row-level security lifted for it, so every organiser's rows are filled in."""
    return (
        f"ALTER TABLE {table} NO FORCE ROW LEVEL SECURITY",
        f"ALTER TABLE {table} ADD COLUMN moment timestamptz, ADD COLUMN status text",
        f"""UPDATE {table} SET
            moment = CASE WHEN jsonb_typeof(doc->'at') = 'string'
                          THEN (doc->>'at')::timestamptz END,
            status = CASE WHEN jsonb_typeof(doc->'status') = 'string' THEN doc->>'status' END""",
        f"ALTER TABLE {table} FORCE ROW LEVEL SECURITY",
    )


_TO_TWO: tuple[str, ...] = (
    *_facts("records"),
    *_facts("own_records"),
    "CREATE INDEX own_records_by_moment ON own_records (kind, moment)",
)

#: From version N (the key) to N + 1; version 0 is an empty database.
#: Version 3: each table's search text as a tsvector (`words`, English: stemmed, stop words
#: dropped), for PostgreSQL's own text search (store.postgres.queries.search_clause); a
#: generated column, so every write keeps it. It is made from the first 100,000 characters
#: (a tsvector holds at most 1 MB, and a pasted note must never fail a save): the substring
#: search, which a search also does, reads all of it. Only `records` has a GIN index over
#: it: own_records is read under a row-level security policy, behind which the planner may
#: not use an index for an operator that is not leakproof (@@ is not), so a search there
#: reads the organiser's own rows, their tsvectors ready made.
_TO_THREE: tuple[str, ...] = (
    *(
        f"ALTER TABLE {table} ADD COLUMN words tsvector GENERATED ALWAYS AS"
        " (to_tsvector('english', left(search, 100000))) STORED"
        for table in ("records", "own_records", "private_fields")
    ),
    "CREATE INDEX records_words ON records USING gin (words)",
)

MIGRATIONS: Mapping[int, Sequence[str]] = {0: _CREATE, 1: _TO_TWO, 2: _TO_THREE}

#: What an organiser's role may do: never change who made a record, never empty a table.
_GRANTS: tuple[str, ...] = (
    f"GRANT SELECT ON organiser_schema TO {TEAM_ROLE}",
    f"GRANT SELECT, INSERT, DELETE ON records, own_records, private_fields TO {TEAM_ROLE}",
    f"GRANT UPDATE (doc, revision, search, person_id, moment, status, changed_by)"
    " ON records, own_records"
    f" TO {TEAM_ROLE}",
    f"GRANT UPDATE (doc, search) ON private_fields TO {TEAM_ROLE}",
    f"GRANT USAGE ON SEQUENCE records_seq_seq, own_records_seq_seq TO {TEAM_ROLE}",
)


def stored_version(conn: Connection) -> int:
    """The version the database holds; 0 when it has no Organiser tables yet."""
    row = conn.execute("SELECT to_regclass('organiser_schema') IS NOT NULL").fetchone()
    if not row or not row[0]:
        return 0
    found = conn.execute("SELECT version FROM organiser_schema").fetchone()
    return int(str(found[0])) if found else 0


def _refuse_newer(found: int) -> None:
    if found > VERSION:
        raise DatabaseTooNew(
            f"The team database was set up by a newer Organiser (schema {found}; this one "
            f"knows {VERSION}). Update Organiser to open it."
        )


def settle(conn: Connection, *, read_only: bool) -> None:
    """Create the tables, or bring them up to this version, in one transaction."""
    if read_only:
        found = stored_version(conn)
        _refuse_newer(found)
        if found < VERSION:
            raise StoreError(
                "The team database is not set up for this Organiser yet; open it once "
                "without --read-only (as the role that owns it) to set it up."
            )
        return
    with conn.transaction():
        conn.execute("SELECT pg_advisory_xact_lock(%s)", (_LOCK_KEY,))
        found = stored_version(conn)
        _refuse_newer(found)
        if found == VERSION:
            _supervised_views(conn)
            return
        created = found == 0
        while found < VERSION:
            for statement in MIGRATIONS[found]:
                conn.execute(statement.encode())
            found += 1
        if created:
            _index_search(conn)
        conn.execute(
            "INSERT INTO organiser_schema (version) VALUES (%s) "
            "ON CONFLICT (one) DO UPDATE SET version = excluded.version",
            (VERSION,),
        )
        grant_team(conn)
        _supervised_views(conn)


def _index_search(conn: Connection) -> None:
    """A trigram index over the search text, so a search for any part of a word is answered
    from the index on a large database. pg_trgm is a trusted extension (the database's owner
    may add it) shipped with PostgreSQL; where it is missing, searches read the table."""
    try:
        with conn.transaction():
            conn.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")
            conn.execute("CREATE INDEX records_search ON records USING gin (search gin_trgm_ops)")
    except psycopg.Error:
        pass


def allow_supervisors(conn: Connection) -> None:
    """Let the supervisors' group read when each 1-2-1 was and how it went, and nothing
    else of them: a policy for that group alone (so organisers' reads keep their indexes)
    and privileges on those columns only. Needs the tables' owner."""
    found = conn.execute(
        "SELECT 1 FROM pg_policies WHERE tablename = 'own_records'"
        " AND policyname = 'own_records_supervised'"
    ).fetchone()
    if found is None:
        conn.execute(
            f"CREATE POLICY own_records_supervised ON own_records FOR SELECT"
            f" TO {SUPERVISOR_ROLE} USING (kind = 'one_to_ones')".encode()
        )
    conn.execute(
        f"GRANT SELECT (kind, owner, moment, status) ON own_records TO {SUPERVISOR_ROLE}".encode()
    )
    conn.execute(f"GRANT SELECT ON organiser_schema TO {SUPERVISOR_ROLE}".encode())
    create_views(conn, (SUPERVISOR_ROLE,))


def _supervised_views(conn: Connection) -> None:
    """The views of the shared trainings and money a supervisor reads (store.postgres.
    supervised), made or remade when this login owns the tables and they are missing or
    older: so a team database set up before them gets them when its owner next opens it."""
    if views_due(conn):
        supervising = conn.execute(
            "SELECT 1 FROM pg_roles WHERE rolname = %s", (SUPERVISOR_ROLE,)
        ).fetchone()
        create_views(conn, (SUPERVISOR_ROLE,) if supervising else ())


def team_role_exists(conn: Connection) -> bool:
    row = conn.execute("SELECT 1 FROM pg_roles WHERE rolname = %s", (TEAM_ROLE,)).fetchone()
    return row is not None


def grant_team(conn: Connection) -> None:
    """Give the organisers' group role the tables, if the role exists yet."""
    if team_role_exists(conn):
        for statement in _GRANTS:
            conn.execute(statement.encode())


def refresh_statistics(conn: Connection) -> None:
    """ANALYZE the tables after a bulk change (a migration), so the planner's estimates fit
    at once rather than after autovacuum's next round. Tables this role does not own are
    skipped by the server with a notice, never an error."""
    conn.execute("ANALYZE records, own_records, private_fields")
