"""The team database's indexes are there and the repository's own queries can use them."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from organiser.clock import FixedClock
from organiser.models import LadderStage, Person, RelationalMeeting
from store.postgres.opened import OpenedPostgres
from store.postgres.queries import ORDER, search_clause, select, where_clause
from tests.pg_server import Server, opened_for_test


@pytest.fixture
def team(pg_server: Server, clock: FixedClock) -> Iterator[OpenedPostgres]:
    with opened_for_test(pg_server, clock) as opened:
        people = [Person(name=f"Person {n}", notes=f"Note number {n}") for n in range(200)]
        people[7] = people[7].evolve(notes="Damp housing", ladder_stage=LadderStage.LEADER)
        opened.repo.save_all(people)
        opened.repo.connection.execute("ANALYZE records")
        yield opened


def _plan(team: OpenedPostgres, extra: str, params: list[object]) -> str:
    """The plan for a filter when the indexes that merely pick out the kind are set aside (in
    a transaction rolled back), and a whole-table scan is discouraged: on a table this small
    the planner would otherwise rightly prefer those."""
    conn = team.repo.connection
    with conn.transaction(force_rollback=True):
        conn.execute("DROP INDEX people_by_name, records_in_order, records_by_person")
        conn.execute("ALTER TABLE records DROP CONSTRAINT records_pkey CASCADE")
        conn.execute("SET LOCAL enable_seqscan = off")
        query = f"EXPLAIN SELECT r.id FROM records r WHERE r.kind = %s AND r.scope = %s{extra}"
        rows = conn.execute(query.encode(), ["people", "", *params]).fetchall()
    return "\n".join(str(row[0]) for row in rows)


def test_the_indexes_are_made_with_the_tables(team: OpenedPostgres) -> None:
    rows = team.repo.connection.execute(
        "SELECT indexname FROM pg_indexes WHERE tablename = 'records'"
    ).fetchall()
    names = {str(row[0]) for row in rows}
    assert {"records_in_order", "records_fields", "people_by_name", "records_by_person"} <= names
    assert "records_words" in names
    assert "records_search" in names  # pg_trgm comes with Debian's PostgreSQL


def test_a_search_is_answered_from_the_text_search_and_trigram_indexes(
    team: OpenedPostgres,
) -> None:
    found = search_clause("housing")
    plan = _plan(team, found.where, found.params)
    assert "records_words" in plan and "records_search" in plan
    assert [p.name for p in team.repo.search(Person, "HOUSING damp")] == ["Person 7"]


def test_an_equality_filter_is_answered_from_the_document_index(team: OpenedPostgres) -> None:
    sql, params = where_clause({"ladder_stage": LadderStage.LEADER})
    assert "records_fields" in _plan(team, sql, params)


def test_an_organisers_1_2_1s_with_one_person_come_from_the_index_by_person(
    team: OpenedPostgres, clock: FixedClock
) -> None:
    people = team.repo.list(Person)
    team.repo.save_all(
        [
            RelationalMeeting(person_id=people[n % 20].id, at=clock.now(), story=f"Story {n}")
            for n in range(200)
        ]
    )
    conn = team.repo.connection
    conn.execute("ANALYZE own_records")
    sql, params = where_clause({"person_id": people[3].id})
    with conn.transaction(force_rollback=True):
        conn.execute("SET LOCAL enable_seqscan = off")  # row-level security applies here
        query = f"EXPLAIN {select(RelationalMeeting, docs=False)}{sql}{ORDER}"
        scope = team.repo.role
        rows = conn.execute(query.encode(), ["one_to_ones", scope, *params]).fetchall()
    assert "own_records_by_person" in "\n".join(str(row[0]) for row in rows)
    found = team.repo.list(RelationalMeeting, where={"person_id": people[3].id})
    assert [m.story for m in found] == [f"Story {n}" for n in range(3, 200, 20)]
