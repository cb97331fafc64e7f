"""The team database keeps organisers' own work apart in the database itself: row-level
security and column privileges, tried through the repository and with hand-written SQL."""

from __future__ import annotations

import uuid
from collections.abc import Iterator

import psycopg
import pytest

from organiser.clock import FixedClock
from organiser.errors import Conflict, DatabaseTooNew
from organiser.models import Institution, Person, Profile, RelationalMeeting
from store.postgres.opened import OpenedPostgres, open_postgres
from store.postgres.schema import VERSION, stored_version
from store.postgres.team import add_organiser, organisers
from tests.pg_server import DATABASE, Server, opened_for_test


@pytest.fixture
def admin(pg_server: Server, clock: FixedClock) -> Iterator[OpenedPostgres]:
    with opened_for_test(pg_server, clock) as opened:
        yield opened


def _organiser(
    admin: OpenedPostgres, server: Server, clock: FixedClock, name: str
) -> OpenedPostgres:
    role = f"{name}_{uuid.uuid4().hex[:6]}"  # roles outlive a test on the worker's server
    assert add_organiser(admin.repo.connection, role)
    return open_postgres(server.url(role), clock)


@pytest.fixture
def two(
    admin: OpenedPostgres, pg_server: Server, clock: FixedClock
) -> Iterator[tuple[OpenedPostgres, OpenedPostgres]]:
    ewa = _organiser(admin, pg_server, clock, "ewa")
    tom = _organiser(admin, pg_server, clock, "tom")
    yield ewa, tom
    ewa.close()
    tom.close()


def test_private_notes_and_one_to_ones_are_their_authors_alone(
    two: tuple[OpenedPostgres, OpenedPostgres], pg_server: Server, clock: FixedClock
) -> None:
    ewa, tom = two
    person = ewa.repo.save(Person(name="Grace Okafor", private_notes="Worried about her visa"))
    ewa.repo.save(RelationalMeeting(person_id=person.id, at=clock.now(), story="Her son"))

    # Tom sees the person, without Ewa's private notes, and none of her 1-2-1s.
    seen = tom.repo.get(Person, person.id)
    assert seen is not None and seen.name == "Grace Okafor" and seen.private_notes == ""
    assert tom.repo.list(RelationalMeeting) == [] and tom.repo.count(RelationalMeeting) == 0
    assert tom.repo.search(Person, "visa") == []
    assert [p.id for p in ewa.repo.search(Person, "visa")] == [person.id]

    # Nor with hand-written SQL on his own connection.
    conn = tom.repo.connection
    assert conn.execute("SELECT * FROM private_fields").fetchall() == []
    assert conn.execute("SELECT * FROM own_records").fetchall() == []
    for table in ("records", "own_records", "private_fields"):
        text = conn.execute(f"SELECT string_agg(doc::text || search, ' ') FROM {table}".encode())
        everything = str(text.fetchone())
        assert "visa" not in everything and "Her son" not in everything
    with pytest.raises(psycopg.errors.InsufficientPrivilege):
        conn.execute("SET row_security = off")
        conn.execute("SELECT * FROM private_fields")
    conn.execute("RESET row_security")
    with pytest.raises(psycopg.errors.InsufficientPrivilege):
        conn.execute("ALTER TABLE private_fields DISABLE ROW LEVEL SECURITY")

    # His own private notes on her are his alone, and leave Ewa's as they were.
    tom.repo.save(seen.evolve(private_notes="Knows the vicar"))
    mine = ewa.repo.get(Person, person.id)
    assert mine is not None and mine.private_notes == "Worried about her visa"
    theirs = tom.repo.get(Person, person.id)
    assert theirs is not None and theirs.private_notes == "Knows the vicar"

    # Deleting the person takes everyone's private notes with it (checked as superuser).
    assert tom.repo.delete(Person, person.id)
    with psycopg.connect(pg_server.url("postgres", DATABASE)) as root:
        assert root.execute("SELECT count(*) FROM private_fields").fetchone() == (0,)
        kept = root.execute(
            "SELECT count(*) FROM own_records WHERE kind = 'one_to_ones'"
        ).fetchone()
        assert kept == (1,)  # her 1-2-1 stays hers


def test_shared_records_remember_who_made_and_changed_them(
    two: tuple[OpenedPostgres, OpenedPostgres],
) -> None:
    ewa, tom = two
    church = ewa.repo.save(Institution(name="St Mary's"))
    seen = tom.repo.get(Institution, church.id)
    assert seen is not None
    tom.repo.save(seen.evolve(notes="Vicar keen"))
    owner, changed_by = tom.repo.connection.execute(
        "SELECT owner, changed_by FROM records WHERE id = %s", (church.id,)
    ).fetchone() or ("", "")
    assert (owner, changed_by) == (ewa.repo.role, tom.repo.role)
    with pytest.raises(psycopg.errors.InsufficientPrivilege):
        tom.repo.connection.execute("UPDATE records SET owner = current_user")
    with pytest.raises(psycopg.errors.InsufficientPrivilege):
        tom.repo.connection.execute("TRUNCATE records")


def test_a_stale_save_names_who_changed_the_record_and_when(
    two: tuple[OpenedPostgres, OpenedPostgres], clock: FixedClock
) -> None:
    ewa, tom = two
    church = ewa.repo.save(Institution(name="St Mary's"))
    clock.advance(hours=4, minutes=32)
    tom.repo.save(church.evolve(notes="Tom's edit"))
    with pytest.raises(Conflict, match=rf"changed elsewhere by {tom.repo.role} at 14:02") as e:
        ewa.repo.save(church.evolve(notes="Ewa's edit"))
    assert e.value.by == tom.repo.role and e.value.at == clock.now()
    kept = ewa.repo.get(Institution, church.id)
    assert kept is not None and kept.notes == "Tom's edit" and kept.revision == 2


def test_each_organiser_has_a_profile_of_their_own(
    two: tuple[OpenedPostgres, OpenedPostgres],
) -> None:
    ewa, tom = two
    ewa.repo.save(Profile(organiser_name="Ewa Nowak"))
    assert tom.repo.profile() is None
    tom.repo.save(Profile(organiser_name="Tom Baker"))
    ewa_profile, tom_profile = ewa.repo.profile(), tom.repo.profile()
    assert ewa_profile is not None and ewa_profile.organiser_name == "Ewa Nowak"
    assert tom_profile is not None and tom_profile.organiser_name == "Tom Baker"


def test_the_team_lists_its_organisers(
    two: tuple[OpenedPostgres, OpenedPostgres], admin: OpenedPostgres
) -> None:
    ewa, tom = two
    names = organisers(admin.repo.connection)
    assert ewa.repo.role in names and tom.repo.role in names
    assert not add_organiser(admin.repo.connection, ewa.repo.role)  # already there


def test_the_schema_is_versioned_and_a_newer_one_refused(
    admin: OpenedPostgres, pg_server: Server, clock: FixedClock
) -> None:
    conn = admin.repo.connection
    assert stored_version(conn) == VERSION
    conn.execute("UPDATE organiser_schema SET version = version + 1")
    try:
        with pytest.raises(DatabaseTooNew, match="newer Organiser"):
            open_postgres(pg_server.url(), clock)
    finally:
        conn.execute("UPDATE organiser_schema SET version = %s", (VERSION,))


def test_forgetting_history_rewrites_the_tables_when_their_owner_asks(
    two: tuple[OpenedPostgres, OpenedPostgres], admin: OpenedPostgres
) -> None:
    ewa, _ = two
    xanthe = ewa.repo.save(Person(name="Xanthe Price", notes="Rent arrears"))
    assert ewa.repo.delete(Person, xanthe.id)
    said = ewa.repo.forget_history(lambda _: None)
    assert len(said) == 1 and "its owner runs VACUUM FULL" in said[0]

    conn = admin.repo.connection
    before = conn.execute("SELECT pg_relation_filenode('records')").fetchone()
    said = admin.repo.forget_history(lambda _: None)
    assert len(said) == 1 and "write-ahead log" in said[0]
    after = conn.execute("SELECT pg_relation_filenode('records')").fetchone()
    assert before != after  # written anew: the dead row's file is gone
    assert ewa.repo.get(Person, xanthe.id) is None


def test_a_lost_connection_is_made_again(
    admin: OpenedPostgres, pg_server: Server, clock: FixedClock
) -> None:
    church = admin.repo.save(Institution(name="St Mary's"))
    with psycopg.connect(pg_server.url("postgres", DATABASE), autocommit=True) as root:
        root.execute(
            "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE usename = %s",
            (admin.repo.role,),
        )
    assert [i.name for i in admin.repo.list(Institution)] == ["St Mary's"]  # read again
    admin.repo.save(church.evolve(notes="Saved on the new connection"))
    saved = admin.repo.get(Institution, church.id)
    assert saved is not None and saved.notes == "Saved on the new connection"
