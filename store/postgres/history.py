"""Folding away what an erasure left behind in the team database.

PostgreSQL keeps an old version of a changed or deleted row in the table's files (a dead
row) until a VACUUM. `VACUUM FULL` writes each table anew, so nothing erased stays in the
files the tables live in. Only the tables' owner may do that; for anyone else the message
says who must. The server's own write-ahead log and whatever backups the administrator
keeps are outside the program: the message says so rather than claiming they are clean.
"""

from __future__ import annotations

from store.postgres.connection import Connection

TABLES = ("records", "own_records", "private_fields")

_OUTSIDE = (
    "The team database's write-ahead log and any backups its administrator keeps may still "
    "hold what was erased until they are recycled or renewed; ask the administrator."
)


def owns_tables(conn: Connection) -> bool:
    row = conn.execute(
        "SELECT bool_and(pg_has_role(current_user, c.relowner, 'USAGE'))"
        " FROM pg_class c WHERE c.oid = ANY(%s::regclass[])",
        (list(TABLES),),
    ).fetchone()
    return bool(row and row[0])


def fold_history(conn: Connection) -> list[str]:
    """VACUUM FULL the tables when this role may; messages for what is left."""
    if not owns_tables(conn):
        return [
            "Erased records may stay in the team database's files until its owner runs "
            f"VACUUM FULL on {', '.join(TABLES)}; ask the administrator. {_OUTSIDE}"
        ]
    for table in TABLES:
        conn.execute(f"VACUUM (FULL) {table}".encode())
    return [_OUTSIDE]
