"""The organisers of a team database: each a login role in the group role TEAM_ROLE, which
is granted the tables (store.postgres.schema). Adding one needs a role that may create
roles (CREATEROLE), normally the administrator who set the database up."""

from __future__ import annotations

import re

from psycopg import sql

from organiser.errors import StoreError
from store.postgres.connection import Connection, translated
from store.postgres.schema import TEAM_ROLE, grant_team, team_role_exists

#: What a role name may be here: plain lower-case words, so it reads the same in every
#: message and needs no quoting.
_ROLE_NAME = re.compile(r"^[a-z][a-z0-9_]{0,62}$")


def check_role_name(name: str) -> str:
    name = name.strip()
    if not _ROLE_NAME.match(name) or name.startswith("pg_") or name == TEAM_ROLE:
        raise StoreError(
            f"{name!r} cannot be an organiser's name in the team database: use lower-case "
            "letters, digits and _ (starting with a letter), such as ewa or tom_b."
        )
    return name


def role_exists(conn: Connection, name: str) -> bool:
    return conn.execute("SELECT 1 FROM pg_roles WHERE rolname = %s", (name,)).fetchone() is not None


def add_organiser(conn: Connection, name: str, password: str | None = None) -> bool:
    """Make `name` an organiser of this team database: a login role (with `password`, if
    given) in the group. Returns False when the role already existed (it joins the group)."""
    name = check_role_name(name)
    with translated(f"add the organiser {name}"), conn.transaction():
        if not team_role_exists(conn):
            conn.execute(sql.SQL("CREATE ROLE {} NOLOGIN").format(sql.Identifier(TEAM_ROLE)))
        grant_team(conn)
        created = not role_exists(conn, name)
        if created:
            conn.execute(sql.SQL("CREATE ROLE {} LOGIN").format(sql.Identifier(name)))
        if password:
            conn.execute(
                sql.SQL("ALTER ROLE {} PASSWORD {}").format(
                    sql.Identifier(name), sql.Literal(password)
                )
            )
        conn.execute(
            sql.SQL("GRANT {} TO {}").format(sql.Identifier(TEAM_ROLE), sql.Identifier(name))
        )
    return created


def organisers(conn: Connection) -> list[str]:
    """The organisers of the team: the members of the group role, by name."""
    with translated("list the organisers"):
        rows = conn.execute(
            "SELECT m.rolname FROM pg_auth_members a"
            " JOIN pg_roles g ON g.oid = a.roleid JOIN pg_roles m ON m.oid = a.member"
            " WHERE g.rolname = %s ORDER BY m.rolname",
            (TEAM_ROLE,),
        ).fetchall()
    return [str(row[0]) for row in rows]
