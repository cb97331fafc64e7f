"""The team database's tables, indexes and row-level security, created and migrated by the
program with a schema version, as the file store keeps its own (store.schema).

One table, `records`, holds every kind of record as the model's JSON (`doc`, JSONB), keyed
by (kind, scope, id): `scope` is empty for the alliance's shared records and the owner's role
for an organiser's own (store.postgres.privacy). `seq` keeps the order records were first
written, so lists come back in the order the file store gives. `search` is the prepared
text a search looks in. `private_fields` holds each organiser's private notes on shared
records. Indexes serve what the screens ask: a kind in order, equality filters (GIN over the
document), people by name, 1-2-1s by person and time.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from organiser.errors import DatabaseTooNew, StoreError
from store.postgres.connection import Connection

#: The schema this program writes. Raise it, and add a migration, whenever the tables change.
VERSION = 1
#: The group role every organiser belongs to (store.postgres.team); granted the tables.
TEAM_ROLE = "organiser_team"
#: Taken while the schema is checked or changed, so two first openings cannot race.
_LOCK_KEY = 0x0F6A_15E7

_CREATE: tuple[str, ...] = (
    """CREATE TABLE organiser_schema (
        one boolean PRIMARY KEY DEFAULT true CHECK (one),
        version integer NOT NULL
    )""",
    """CREATE TABLE records (
        kind text NOT NULL,
        scope text NOT NULL DEFAULT '',
        id text NOT NULL,
        owner text NOT NULL DEFAULT current_user,
        changed_by text NOT NULL DEFAULT current_user,
        seq bigserial NOT NULL,
        revision integer NOT NULL,
        doc jsonb NOT NULL,
        search text NOT NULL DEFAULT '',
        PRIMARY KEY (kind, scope, id)
    )""",
    "CREATE INDEX records_in_order ON records (kind, scope, seq)",
    "CREATE INDEX records_fields ON records USING gin (doc jsonb_path_ops)",
    "CREATE INDEX people_by_name ON records (lower(doc->>'name')) WHERE kind = 'people'",
    """CREATE INDEX one_to_ones_by_person ON records ((doc->>'person_id'), (doc->>'at'))
        WHERE kind = 'one_to_ones'""",
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
    # Row-level security, forced on the tables' owner too (only a superuser passes by).
    "ALTER TABLE records ENABLE ROW LEVEL SECURITY",
    "ALTER TABLE records FORCE ROW LEVEL SECURITY",
    """CREATE POLICY records_read ON records FOR SELECT
        USING (scope = '' OR scope = current_user)""",
    """CREATE POLICY records_add ON records FOR INSERT
        WITH CHECK ((scope = '' OR scope = current_user)
                    AND owner = current_user AND changed_by = current_user)""",
    """CREATE POLICY records_change ON records FOR UPDATE
        USING (scope = '' OR scope = current_user)
        WITH CHECK ((scope = '' OR scope = current_user) AND changed_by = current_user)""",
    """CREATE POLICY records_remove ON records FOR DELETE
        USING (scope = '' OR scope = current_user)""",
    "ALTER TABLE private_fields ENABLE ROW LEVEL SECURITY",
    "ALTER TABLE private_fields FORCE ROW LEVEL SECURITY",
    """CREATE POLICY private_own ON private_fields
        USING (owner = current_user) WITH CHECK (owner = current_user)""",
)

#: From version N (the key) to N + 1; version 0 is an empty database.
MIGRATIONS: Mapping[int, Sequence[str]] = {0: _CREATE}

#: What an organiser's role may do: never change who made a record, never empty a table.
_GRANTS: tuple[str, ...] = (
    f"GRANT SELECT ON organiser_schema TO {TEAM_ROLE}",
    f"GRANT SELECT, INSERT, DELETE ON records, private_fields TO {TEAM_ROLE}",
    f"GRANT UPDATE (doc, revision, search, changed_by) ON records TO {TEAM_ROLE}",
    f"GRANT UPDATE (doc, search) ON private_fields TO {TEAM_ROLE}",
    f"GRANT USAGE ON SEQUENCE records_seq_seq TO {TEAM_ROLE}",
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
            return
        while found < VERSION:
            for statement in MIGRATIONS[found]:
                conn.execute(statement.encode())
            found += 1
        conn.execute(
            "INSERT INTO organiser_schema (version) VALUES (%s) "
            "ON CONFLICT (one) DO UPDATE SET version = excluded.version",
            (VERSION,),
        )
        grant_team(conn)


def team_role_exists(conn: Connection) -> bool:
    row = conn.execute("SELECT 1 FROM pg_roles WHERE rolname = %s", (TEAM_ROLE,)).fetchone()
    return row is not None


def grant_team(conn: Connection) -> None:
    """Give the organisers' group role the tables, if the role exists yet."""
    if team_role_exists(conn):
        for statement in _GRANTS:
            conn.execute(statement.encode())
