"""UndoHistory: the last changes taken back one step at a time, whole, never over newer work."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from organiser.calendar.build import cancelled_entries
from organiser.clock import LONDON, FixedClock
from organiser.erasure import Erasure, erase
from organiser.ladder import move
from organiser.models import (
    LadderMove,
    LadderStage,
    Meeting,
    MeetingKind,
    Person,
    RelationalMeeting,
    Tombstone,
)
from organiser.undo import UNDO_LIMIT, UndoHistory, UndoRefused, history_of
from store.repository import TinyRepository

AT = datetime(2026, 11, 30, 18, 0, tzinfo=LONDON)


@pytest.fixture
def history(repo: TinyRepository, clock: FixedClock) -> UndoHistory:
    return UndoHistory(repo, clock)


def test_an_undone_delete_comes_back_with_the_same_id(history: UndoHistory) -> None:
    amina = history.save(Person(name="Amina Begum", phone="07700 900123"))
    with history.action("Deleted Amina Begum"):
        history.delete(Person, amina.id)
    assert history.get(Person, amina.id) is None
    assert history.undo() == "Deleted Amina Begum"
    back = history.get(Person, amina.id)
    assert back is not None
    assert back.model_dump(exclude={"updated", "revision"}) == amina.model_dump(
        exclude={"updated", "revision"}
    )
    assert back.revision > amina.revision


def test_an_edit_is_undone_to_what_was_there_before(history: UndoHistory) -> None:
    amina = history.save(Person(name="Amina Begum"))
    changed = history.save(amina.evolve(name="Amina B"))
    history.undo()
    back = history.get(Person, amina.id)
    assert back is not None
    assert back.name == "Amina Begum"
    assert back.revision == changed.revision + 1  # a new revision, so open forms see it


def test_a_created_record_is_deleted_by_undo(history: UndoHistory) -> None:
    history.save(Person(name="Amina Begum"))
    assert history.labels == ["Added person"]
    history.undo()
    assert history.list(Person) == []


def test_a_ladder_move_is_undone_as_one_step(history: UndoHistory) -> None:
    amina = history.save(Person(name="Amina Begum", ladder_stage=LadderStage.POTENTIAL_LEADER))
    moved = move(
        amina, LadderStage.EMERGING_LEADER, "Chaired the house meeting", date(2026, 11, 23)
    )
    history.save_all([moved.person, moved.record])
    assert len(history.labels) == 2
    history.undo()
    person = history.get(Person, amina.id)
    assert person is not None and person.ladder_stage is LadderStage.POTENTIAL_LEADER
    assert history.list(LadderMove) == []
    assert history.labels == ["Added person"]


def test_writes_inside_one_action_are_one_step(history: UndoHistory) -> None:
    with history.action() as action:
        a = history.save(Person(name="Amina Begum"))
        history.save(Person(name="Yusuf Khan"))
        history.save(a.evolve(phone="07700 900123"))
        action.label = "Added two people"
    assert history.labels == ["Added two people"]
    history.undo()
    assert history.list(Person) == []


def test_undo_refuses_to_overwrite_newer_work(history: UndoHistory, repo: TinyRepository) -> None:
    amina = history.save(Person(name="Amina Begum"))
    history.save(amina.evolve(name="Amina B"))
    newer = repo.get(Person, amina.id)
    assert newer is not None
    repo.save(newer.evolve(phone="07700 900123"))  # changed behind the history's back
    with pytest.raises(UndoRefused, match="changed since"):
        history.undo()
    kept = repo.get(Person, amina.id)
    assert kept is not None and kept.phone == "07700 900123" and kept.name == "Amina B"
    assert len(history.labels) == 2  # still there: nothing was undone


def test_nothing_to_undo_says_so(history: UndoHistory) -> None:
    with pytest.raises(UndoRefused, match="nothing to undo"):
        history.undo()


def test_the_last_steps_are_kept(history: UndoHistory) -> None:
    people = [history.save(Person(name=f"Person {n}")) for n in range(UNDO_LIMIT + 5)]
    assert len(history.labels) == UNDO_LIMIT >= 20
    for _ in range(UNDO_LIMIT):
        history.undo()
    assert [p.id for p in history.list(Person)] == [p.id for p in people[:5]]


def test_an_undone_cancellation_goes_back_to_the_diary_with_a_higher_sequence(
    history: UndoHistory,
) -> None:
    meeting = history.save(Meeting(title="Core team", meeting_kind=MeetingKind.TEAM, at=AT))
    history.save(meeting.evolve(title="Core team (moved)"))
    history.delete(Meeting, meeting.id)
    tombstone = history.get(Tombstone, meeting.id)
    assert tombstone is not None
    cancelled = cancelled_entries(tombstone, LONDON)
    assert cancelled
    history.undo()
    assert history.get(Tombstone, meeting.id) is None
    back = history.get(Meeting, meeting.id)
    assert back is not None and back.title == "Core team (moved)"
    # The calendar's SEQUENCE is the revision less one: it must rise above the cancellation's.
    assert all(back.revision - 1 > entry.sequence for entry in cancelled)


def test_undo_is_one_change_all_or_none(history: UndoHistory, repo: TinyRepository) -> None:
    amina = history.save(Person(name="Amina Begum"))
    moved = move(amina, LadderStage.POTENTIAL_LEADER, "Brought five people", date(2026, 11, 23))
    history.save_all([moved.person, moved.record])
    repo._read_only = True  # the store refuses the change
    with pytest.raises(Exception, match="read-only"):
        history.undo()
    repo._read_only = False
    person = history.get(Person, amina.id)
    assert person is not None and person.ladder_stage is LadderStage.POTENTIAL_LEADER
    assert len(history.list(LadderMove)) == 1


def test_an_erasure_removes_every_step_holding_the_person(
    history: UndoHistory, clock: FixedClock
) -> None:
    amina = history.save(Person(name="Amina Begum"))
    yusuf = history.save(Person(name="Yusuf Khan"))
    meeting = history.save(
        RelationalMeeting(person_id=yusuf.id, at=AT, story="Met Amina Begum at the school gate")
    )
    history.save(meeting.evolve(story="Talked about housing"))  # before-image names Amina
    history.save(yusuf.evolve(phone="07700 900123"))  # nothing of Amina
    erasure = Erasure.of(amina, clock.now())
    erase(history, erasure, "Asked to be erased", clock.now())
    gone = history.forget_person(amina.id, erasure.patterns)
    assert gone >= 3  # her record, the 1-2-1 that named her, the erasure itself
    assert history.labels == ["Added person", "Added 1-2-1", "Changed person"]
    assert history.get(Person, amina.id) is None
    assert history.undo() == "Changed person"
    # The 1-2-1's edit went with her, so the step before it now meets newer work: refused.
    with pytest.raises(UndoRefused):
        history.undo()
    assert history.get(Person, amina.id) is None  # no undo brings her back


def test_history_of_finds_the_history() -> None:
    clock = FixedClock(AT)
    from tinydb import TinyDB
    from tinydb.storages import MemoryStorage

    inner = TinyRepository(TinyDB(storage=MemoryStorage), clock)
    assert history_of(inner) is None
    wrapped = UndoHistory(inner, clock)
    assert history_of(wrapped) is wrapped
