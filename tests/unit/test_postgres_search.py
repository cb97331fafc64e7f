"""The team store searches with PostgreSQL's own text search as well as the file store's
substring rule: stemmed words are found too, and ranked first; a private note is searched
for its author alone. And a read hands back the records it validated before, unless their
rows have changed."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from datetime import date

import pytest

from organiser.clock import FixedClock
from organiser.models import Conversation, ListeningCampaign, Meeting, Person, RelationalMeeting
from store.postgres.opened import OpenedPostgres, open_postgres
from store.postgres.reading import R, Validated
from store.postgres.team import add_organiser
from tests.pg_server import Server, opened_for_test


@pytest.fixture
def team(pg_server: Server, clock: FixedClock) -> Iterator[OpenedPostgres]:
    with opened_for_test(pg_server, clock) as opened:
        yield opened


def test_a_stemmed_word_finds_what_a_substring_search_would_not(
    team: OpenedPostgres, clock: FixedClock
) -> None:
    repo = team.repo
    near = repo.save(Person(name="Ann Lee", notes="Lives by the old warehouses"))
    damp = repo.save(Person(name="Ben Hill", notes="Damp housing, landlord ignores it"))
    repo.save(Person(name="Cath Roe", notes="Bus fares"))
    # "houses" is in neither's text as typed; the text search stems it to "hous", which
    # "housing" shares: found, and ranked before the substring match ("warehouses").
    assert [p.id for p in repo.search(Person, "houses")] == [damp.id, near.id]
    assert [p.id for p in repo.search(Person, "Houses landlords")] == [damp.id]
    assert [p.id for p in repo.search(Person, "houses", limit=1)] == [damp.id]
    assert repo.search(Person, "housekeeping") == []
    # Only stop words: nothing for the text search, so the substring rule alone decides.
    assert [p.id for p in repo.search(Person, "the")] == [near.id]

    met = repo.save(
        RelationalMeeting(person_id=damp.id, at=clock.now(), story="Organising the tenants")
    )
    assert [m.id for m in repo.search(RelationalMeeting, "organised tenant")] == [met.id]
    minutes = repo.save(Meeting(title="Tenants' meeting", at=clock.now(), minutes="Evictions"))
    assert [m.id for m in repo.search(Meeting, "eviction")] == [minutes.id]
    campaign = repo.save(ListeningCampaign(name="Homes", starts=date(2026, 11, 1)))
    heard = repo.save(
        Conversation(
            listening_campaign_id=campaign.id, on=date(2026, 11, 20), story="Mould in flats"
        )
    )
    assert [c.id for c in repo.search(Conversation, "flat mouldy")] == []  # "mouldy" stays
    assert [c.id for c in repo.search(Conversation, "flat mould")] == [heard.id]


def test_a_stemmed_search_reads_private_notes_for_their_author_only(
    team: OpenedPostgres, pg_server: Server, clock: FixedClock
) -> None:
    roles = [f"{name}_{uuid.uuid4().hex[:6]}" for name in ("ewa", "tom")]
    for role in roles:
        assert add_organiser(team.repo.connection, role)
    with (
        open_postgres(pg_server.url(roles[0]), clock) as ewa,
        open_postgres(pg_server.url(roles[1]), clock) as tom,
    ):
        person = ewa.repo.save(
            Person(name="Grace Okafor", notes="Nurse", private_notes="Worried about visas")
        )
        # Every word found, across her shared and her private text, by stem.
        assert [p.id for p in ewa.repo.search(Person, "visa nurses")] == [person.id]
        assert [p.id for p in ewa.repo.search(Person, "worry")] == [person.id]
        assert tom.repo.search(Person, "visa") == []
        assert tom.repo.search(Person, "worry") == []
        assert [p.id for p in tom.repo.search(Person, "nurses")] == [person.id]


def test_a_read_hands_back_the_same_records_until_their_rows_change(
    team: OpenedPostgres,
) -> None:
    repo = team.repo
    repo.save_all([Person(name="Ann Lee"), Person(name="Ben Hill", private_notes="Kind")])
    first = repo.list(Person)
    again = repo.list(Person)
    assert [a is b for a, b in zip(first, again, strict=True)] == [True, True]
    assert repo.get(Person, first[0].id) is first[0]

    # Changed behind the repository's back, its revision kept: read afresh all the same.
    conn = repo.connection
    conn.execute(
        "UPDATE records SET doc = jsonb_set(doc, '{name}', '\"Ann Leigh\"') WHERE id = %s",
        (first[0].id,),
    )
    conn.execute('UPDATE private_fields SET doc = \'{"private_notes": "Kinder"}\'')
    now = repo.list(Person)
    assert [p.name for p in now] == ["Ann Leigh", "Ben Hill"]
    assert now[1].private_notes == "Kinder" and now[1] is not first[1]
    assert now[0].revision == first[0].revision

    # One removed is gone from the next read; one saved is read as saved.
    repo.delete(Person, now[0].id)
    saved = repo.save(now[1].evolve(notes="Met at the school gate"))
    assert repo.list(Person) == [saved]
    assert [p.notes for p in repo.search(Person, "gates")] == ["Met at the school gate"]


def test_two_threads_reading_one_kind_validate_its_records_once(
    team: OpenedPostgres, clock: FixedClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The app reads in threads (Today, the record check, a list): the second read of a
    kind waits for the first and hands out what it validated."""
    team.repo.save_all([Person(name=f"Person {n}") for n in range(300)])
    # A repository of its own, so nothing is validated yet.
    with open_postgres(team.url, clock) as fresh:
        validated: list[str] = []
        load = Validated.load

        def counted(self: Validated, kind: type[R], record_id: str, stamp: str, text: str) -> R:
            validated.append(record_id)
            return load(self, kind, record_id, stamp, text)

        monkeypatch.setattr(Validated, "load", counted)
        with ThreadPoolExecutor(2) as pool:
            first, second = pool.map(lambda _: fresh.repo.list(Person), range(2))
    assert (
        len(first) == 300 and [a is b for a, b in zip(first, second, strict=True)] == [True] * 300
    )
    assert sorted(validated) == sorted(p.id for p in first)
