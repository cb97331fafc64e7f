"""The team database's schema is migrated by the program: a database set up by an older
Organiser is brought up to date in one transaction, every organiser's rows included."""

from __future__ import annotations

import json
import uuid
from collections.abc import Iterator
from datetime import datetime

import psycopg
import pytest

from organiser.clock import FixedClock
from organiser.models import OneToOneStatus, Person, RelationalMeeting
from store.postgres.opened import open_postgres
from store.postgres.schema import MIGRATIONS, VERSION, stored_version
from tests.pg_server import ADMIN, Server

PERSON = Person(name="Amina Khan", notes="Damp housing", revision=1)


@pytest.fixture
def old_database(pg_server: Server) -> Iterator[str]:
    """A database of its own, set up as version 1 left it, holding another organiser's 1-2-1."""
    name = f"old_{uuid.uuid4().hex[:8]}"
    with psycopg.connect(pg_server.url("postgres", "postgres"), autocommit=True) as root:
        root.execute(f"CREATE DATABASE {name} OWNER {ADMIN}".encode())
    with psycopg.connect(pg_server.url(ADMIN, name), autocommit=True) as admin:
        for statement in MIGRATIONS[0]:
            admin.execute(statement.encode())
        admin.execute("INSERT INTO organiser_schema (version) VALUES (1)")
    yield name
    with psycopg.connect(pg_server.url("postgres", "postgres"), autocommit=True) as root:
        root.execute(f"DROP DATABASE {name} WITH (FORCE)".encode())


def test_version_1_is_brought_up_to_date_with_every_organisers_rows(
    old_database: str, pg_server: Server, clock: FixedClock
) -> None:
    held = RelationalMeeting(
        person_id="a" * 32,
        at=datetime(2026, 11, 20, 10, 0, tzinfo=clock.now().tzinfo),
        status=OneToOneStatus.HELD,
        story="Her landlord",
        revision=1,
    )
    with psycopg.connect(pg_server.url("postgres", old_database), autocommit=True) as root:
        root.execute(  # written as another organiser would have: row-level security hides it
            "INSERT INTO own_records (kind, scope, id, owner, changed_by, revision, doc)"
            " VALUES ('one_to_ones', 'tom', %s, 'tom', 'tom', 1, %s::jsonb)",
            (held.id, json.dumps(held.model_dump(mode="json"))),
        )
    with open_postgres(pg_server.url(ADMIN, old_database), clock) as opened:
        assert stored_version(opened.repo.connection) == VERSION
    with psycopg.connect(pg_server.url("postgres", old_database)) as root:
        row = root.execute("SELECT moment, status FROM own_records").fetchone()
        forced = root.execute(
            "SELECT bool_and(relforcerowsecurity) FROM pg_class"
            " WHERE relname IN ('records', 'own_records', 'private_fields')"
        ).fetchone()
    assert row == (held.at, "held")
    assert forced == (True,)  # row-level security is back on the owner after the migration


@pytest.fixture
def version_2_database(pg_server: Server) -> Iterator[str]:
    """A database of its own, set up as version 2 left it."""
    name = f"two_{uuid.uuid4().hex[:8]}"
    with psycopg.connect(pg_server.url("postgres", "postgres"), autocommit=True) as root:
        root.execute(f"CREATE DATABASE {name} OWNER {ADMIN}".encode())
    with psycopg.connect(pg_server.url(ADMIN, name), autocommit=True) as admin:
        for statement in (*MIGRATIONS[0], *MIGRATIONS[1]):
            admin.execute(statement.encode())
        admin.execute("INSERT INTO organiser_schema (version) VALUES (2)")
    yield name
    with psycopg.connect(pg_server.url("postgres", "postgres"), autocommit=True) as root:
        root.execute(f"DROP DATABASE {name} WITH (FORCE)".encode())


def test_version_2_gains_text_search_over_every_organisers_rows(
    version_2_database: str, pg_server: Server, clock: FixedClock
) -> None:
    """The records written by version 2 (by this organiser and another) are searched by
    PostgreSQL's text search once the database is brought up to version 3."""
    with psycopg.connect(pg_server.url(ADMIN, version_2_database), autocommit=True) as admin:
        admin.execute(  # the repository of version 2 wrote its rows so
            "INSERT INTO records (kind, id, revision, doc, search)"
            " VALUES ('people', %s, 1, %s::jsonb, %s)",
            (PERSON.id, json.dumps(PERSON.model_dump(mode="json")), "amina khan damp housing"),
        )
    with psycopg.connect(pg_server.url("postgres", version_2_database), autocommit=True) as root:
        root.execute(
            "INSERT INTO own_records (kind, scope, id, owner, changed_by, revision, doc, search)"
            " VALUES ('one_to_ones', 'tom', %s, 'tom', 'tom', 1, '{}'::jsonb, 'her landlords')",
            ("b" * 32,),
        )
    with open_postgres(pg_server.url(ADMIN, version_2_database), clock) as opened:
        assert stored_version(opened.repo.connection) == VERSION == 3
        assert [p.id for p in opened.repo.search(Person, "houses")] == [PERSON.id]
    with psycopg.connect(pg_server.url("postgres", version_2_database)) as root:
        row = root.execute("SELECT words::text FROM own_records").fetchone()
        indexes = root.execute("SELECT indexname FROM pg_indexes WHERE tablename = 'records'")
        names = {str(found[0]) for found in indexes.fetchall()}
    assert row == ("'landlord':2",)
    assert "records_words" in names
