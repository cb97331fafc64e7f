"""The organisers of a team database: each a login role in the group role TEAM_ROLE, which
is granted the tables (store.postgres.schema). Adding one needs a role that may create
roles (CREATEROLE), normally the administrator who set the database up and owns the tables.

A supervisor has a login of their own in SUPERVISOR_ROLE, outside the organisers' group: it
may read when each organiser's 1-2-1s were and how they went (the `moment` and `status`
columns), for the figures side by side, and nothing else: no notes, no names, no documents.
A lead organiser who also supervises has two logins."""

from __future__ import annotations

import re

from psycopg import sql

from organiser.errors import StoreError
from store.postgres.connection import Connection, translated
from store.postgres.schema import (
    SUPERVISOR_ROLE,
    TEAM_ROLE,
    allow_supervisors,
    grant_team,
    team_role_exists,
)

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
        return _login_in(conn, name, password, TEAM_ROLE)


def add_supervisor(conn: Connection, name: str, password: str | None = None) -> bool:
    """Make `name` a supervisor's login: the figures of every organiser, none of their notes.
    Refused for an organiser's own login, which would then read everything its group may."""
    name = check_role_name(name)
    with translated(f"add the supervisor {name}"), conn.transaction():
        if name in _members(conn, TEAM_ROLE):
            raise StoreError(
                f"{name} is an organiser's login; a supervisor's must be one of its own (such "
                f"as {name[:50]}_supervises), so that it reads the figures and nothing more."
            )
        if not role_exists(conn, SUPERVISOR_ROLE):
            conn.execute(sql.SQL("CREATE ROLE {} NOLOGIN").format(sql.Identifier(SUPERVISOR_ROLE)))
        allow_supervisors(conn)
        return _login_in(conn, name, password, SUPERVISOR_ROLE)


def _login_in(conn: Connection, name: str, password: str | None, group: str) -> bool:
    """The login role `name` (made if missing; its password set if given) in `group`, inside
    the caller's transaction. Returns whether the role was made."""
    created = not role_exists(conn, name)
    if created:
        conn.execute(sql.SQL("CREATE ROLE {} LOGIN").format(sql.Identifier(name)))
    if password:
        conn.execute(
            sql.SQL("ALTER ROLE {} PASSWORD {}").format(sql.Identifier(name), sql.Literal(password))
        )
    conn.execute(sql.SQL("GRANT {} TO {}").format(sql.Identifier(group), sql.Identifier(name)))
    return created


def _members(conn: Connection, group: str) -> list[str]:
    rows = conn.execute(
        "SELECT m.rolname FROM pg_auth_members a"
        " JOIN pg_roles g ON g.oid = a.roleid JOIN pg_roles m ON m.oid = a.member"
        " WHERE g.rolname = %s ORDER BY m.rolname",
        (group,),
    ).fetchall()
    return [str(row[0]) for row in rows]


def organisers(conn: Connection) -> list[str]:
    """The organisers of the team: the members of the group role, by name."""
    with translated("list the organisers"):
        return _members(conn, TEAM_ROLE)


def is_supervisor(conn: Connection) -> bool:
    """Whether this login may read every organiser's figures."""
    with translated("look up this login's role"):
        row = conn.execute(
            "SELECT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = %s)"
            " AND pg_has_role(current_user, %s, 'MEMBER')",
            (SUPERVISOR_ROLE, SUPERVISOR_ROLE),
        ).fetchone()
    return bool(row and row[0])
