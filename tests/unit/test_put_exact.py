"""Repository.put_exact: records written back exactly as given, all or none."""

from __future__ import annotations

from datetime import datetime

import pytest

from organiser.clock import LONDON
from organiser.errors import StoreError
from organiser.models import Meeting, MeetingKind, Person, Tombstone
from organiser.repository import Repository


def test_keeps_ids_times_and_revisions(repo: Repository) -> None:
    first = repo.save(Person(name="Amina Yusuf"))
    saved = repo.save(first.evolve(phone="07700 900123"))
    assert saved.revision == 2
    repo.delete(Person, saved.id)
    assert repo.put_exact([saved]) == [saved]
    assert repo.get(Person, saved.id) == saved


def test_all_or_none(repo: Repository) -> None:
    amina = repo.save(Person(name="Amina Yusuf"))
    with pytest.raises(StoreError):
        repo.put_exact([amina.evolve(name="Amina Y"), amina.evolve(name="Amina Y")])
    assert repo.list(Person) == [amina]


def test_a_deleted_diary_record_brought_back_loses_its_tombstone(repo: Repository) -> None:
    at = datetime(2026, 11, 30, 18, 0, tzinfo=LONDON)
    meeting = repo.save(Meeting(title="Core team", meeting_kind=MeetingKind.TEAM, at=at))
    repo.delete(Meeting, meeting.id)
    assert repo.get(Tombstone, meeting.id) is not None
    repo.put_exact([meeting])
    assert repo.get(Meeting, meeting.id) == meeting
    assert repo.get(Tombstone, meeting.id) is None
