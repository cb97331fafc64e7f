"""Erasing a person: every trace of them goes, the organiser's figures stay the same."""

from __future__ import annotations

import json
from collections import Counter
from datetime import date, datetime, timedelta

import pytest
from tinydb import TinyDB
from tinydb.storages import MemoryStorage

from organiser.clock import LONDON, FixedClock
from organiser.demo import build_demo
from organiser.erasure import Erasure, amend_copy, erase, everything, plan_erasure
from organiser.mentions import ERASED
from organiser.models import (
    RECORD_TYPES,
    ActionPoint,
    AuditEntry,
    Campaign,
    Conversation,
    Institution,
    LadderMove,
    LadderStage,
    LeaderRole,
    ListeningCampaign,
    Meeting,
    OneToOneStatus,
    Participation,
    ParticipationStatus,
    Person,
    Profile,
    PublicAction,
    Record,
    RelationalMeeting,
    TrainingSession,
)
from organiser.periods import Period
from organiser.review_figures import compute
from organiser.review_records import Records
from store.repository import TinyRepository

NAME, EMAIL, PHONE = "Xanthe Quillfeather", "xanthe.q@example.net", "+44 7700 900987"
PAST = datetime(2026, 10, 5, 10, 0, tzinfo=LONDON)
SOON = datetime(2026, 12, 2, 18, 0, tzinfo=LONDON)


def figures(repo: TinyRepository, period: Period, today: date) -> dict[str, float]:
    """A review's figures over `period`, but for the follow-ups overdue: a follow-up agreed
    with someone erased can no longer be done, so it goes (see the test below)."""
    found = compute(Records.read(repo), period, today)
    return {f.key: f.value for f in found if f.key != "follow_ups_overdue"}


def overdue(repo: TinyRepository, today: date) -> float:
    period = Period(today, today)
    return next(
        f.value for f in compute(Records.read(repo), period, today) if f.key == "follow_ups_overdue"
    )


def traces(repo: TinyRepository, *texts: str) -> list[str]:
    """Which of `texts` appear anywhere in the records (case ignored)."""
    everything_held = json.dumps(
        [r.model_dump(mode="json") for kind in RECORD_TYPES for r in repo.list(kind)],
        ensure_ascii=False,
    ).casefold()
    return [t for t in texts if t.casefold() in everything_held]


def alliance() -> tuple[Person, list[Record]]:
    """Xanthe, named, linked and mentioned everywhere she can be; Bilal mentions her phone."""
    xanthe = Person(name=NAME, email=EMAIL, phone=PHONE, notes="Runs the food bank")
    school = Institution(name="St Mary's", core_team_ids=[xanthe.id])
    bilal = Person(name="Bilal Hussain", notes="Call Xanthe on 07700 900 987 about the hall")
    listening = ListeningCampaign(name="Spring listening", starts=date(2026, 3, 1))
    records: list[Record] = [
        Profile(organiser_name="Jo Bloggs"),
        school,
        xanthe,
        bilal,
        listening,
        RelationalMeeting(
            person_id=xanthe.id,
            at=PAST,
            story="Her landlord",
            potential=4,
            follow_up="Invite to training",
            follow_up_due=date(2026, 10, 20),
            place="Her flat",
        ),  # fmt: skip
        RelationalMeeting(person_id=xanthe.id, at=PAST - timedelta(days=30), interests="damp"),
        RelationalMeeting(person_id=xanthe.id, at=SOON, status=OneToOneStatus.BOOKED),
        RelationalMeeting(person_id=bilal.id, at=PAST, story=f"Knows {NAME} from the mosque"),
        LadderMove(
            person_id=xanthe.id,
            on=date(2026, 10, 6),
            from_stage=LadderStage.EMERGING_LEADER,
            to_stage=LadderStage.LEADER,
            reason="Chaired the house meeting",
        ),  # fmt: skip
        Conversation(
            listening_campaign_id=listening.id,
            on=date(2026, 3, 4),
            person_id=xanthe.id,
            who="Xanthe",
            story=f"{NAME.upper()} said the damp is worst in winter",
        ),  # fmt: skip
        Campaign(name="Safe homes", leader_ids=[xanthe.id, bilal.id]),
        PublicAction(
            name="Housing assembly",
            at=PAST,
            turnout_target=200,
            turnout_actual=230,
            leader_roles=[LeaderRole(person_id=xanthe.id, role="chair")],
        ),  # fmt: skip
        Meeting(
            title="Planning Group",
            at=PAST,
            attendee_ids=[xanthe.id, bilal.id],
            minutes=f"Agreed: write to {EMAIL}. Xanthe  Quillfeather to chair.",
            action_points=[ActionPoint(text="Book the hall", owner_id=xanthe.id)],
        ),  # fmt: skip
        Meeting(title="Next Planning Group", at=SOON, attendee_ids=[xanthe.id]),
        TrainingSession(
            name="Leadership taster",
            starts=PAST,
            trainer_ids=[xanthe.id],
            participations=[
                Participation(person_id=xanthe.id, status=ParticipationStatus.COMPLETED),
                Participation(person_id=bilal.id, status=ParticipationStatus.COMPLETED),
            ],
            notes=f"{NAME} asked good questions",
        ),  # fmt: skip
        TrainingSession(
            name="National training",
            starts=SOON,
            participations=[Participation(person_id=xanthe.id)],
        ),  # fmt: skip
    ]
    return xanthe, records


@pytest.fixture
def filled(repo: TinyRepository) -> tuple[TinyRepository, Person]:
    xanthe, records = alliance()
    repo.save_all(records)
    return repo, xanthe


def test_the_plan_says_what_happens_and_finds_every_mention(
    filled: tuple[TinyRepository, Person], clock: FixedClock
) -> None:
    repo, xanthe = filled
    plan = plan_erasure(Erasure.of(xanthe, clock.now()), everything(repo))
    assert plan.person is not None and plan.person.id == xanthe.id
    found = sorted((m.where, m.found) for m in plan.mentions)
    assert found == [
        ("1-2-1 on Mon 05 Oct 2026, story", NAME),
        ("Listening conversation on Wed 04 Mar 2026, story", NAME.upper()),
        ("Meeting “Planning Group” on Mon 05 Oct 2026, minutes", "Xanthe  Quillfeather"),
        ("Meeting “Planning Group” on Mon 05 Oct 2026, minutes", EMAIL),
        ("Person “Bilal Hussain”, notes", "07700 900 987"),
        ("Training “Leadership taster” on Mon 05 Oct 2026, notes", NAME),
    ]
    assert plan.summary() == (
        "2 1-2-1s, one ladder move, one role at a public action, one place at a meeting and one "
        "place at a training stay as anonymous entries with every note cleared, so your figures "
        "stay right. One 1-2-1, one place at a meeting and one place at a training planned with "
        "them are dropped. 3 other records no longer link to them. 6 mentions of them in notes "
        "to review, one by one."
    )


def test_erasing_leaves_no_trace_and_keeps_the_counts(
    filled: tuple[TinyRepository, Person], clock: FixedClock
) -> None:
    repo, xanthe = filled
    period = Period(date(2026, 1, 1), date(2026, 11, 23))
    before = figures(repo, period, clock.today())
    assert overdue(repo, clock.today()) == 1
    held_before = Counter(m.status for m in repo.list(RelationalMeeting))

    audit = erase(repo, Erasure.of(xanthe, clock.now()), "Asked to be forgotten", clock.now())

    assert traces(repo, NAME, EMAIL, PHONE, "900987", "900 987", xanthe.id, "food bank") == []
    assert traces(repo, "Her landlord", "Her flat", "Invite to training", "Chaired") == []
    assert repo.get(Person, xanthe.id) is None
    assert figures(repo, period, clock.today()) == before
    assert overdue(repo, clock.today()) == 0  # her follow-up went with her notes
    held = Counter(m.status for m in repo.list(RelationalMeeting))
    assert held == held_before - Counter({OneToOneStatus.BOOKED: 1})
    # Her anonymous entries share one stand-in id, which no person has.
    shells = {m.person_id for m in repo.list(RelationalMeeting) if m.story == ""}
    shells |= {m.person_id for m in repo.list(LadderMove)}
    assert len(shells) == 1 and repo.get(Person, shells.pop()) is None
    taster = next(t for t in repo.list(TrainingSession) if t.name == "Leadership taster")
    assert taster.trainer_ids == [] and len(taster.participations) == 2
    national = next(t for t in repo.list(TrainingSession) if t.name == "National training")
    assert national.participations == []
    bilal = next(p for p in repo.list(Person) if p.name == "Bilal Hussain")
    assert bilal.notes == f"Call Xanthe on {ERASED} about the hall"
    assert [c.leader_ids for c in repo.list(Campaign)] == [[bilal.id]]
    assert [c.person_id for c in repo.list(Conversation)] == [None]
    # The audit trail says when and why, never who.
    assert repo.list(AuditEntry) == [audit]
    assert (audit.at, audit.reason, audit.replaced, audit.skipped) == (
        clock.now(),
        "Asked to be forgotten",
        6,
        0,
    )
    assert audit.deleted == 1  # the booked 1-2-1; her own record is not counted


def test_a_mention_the_organiser_skips_stays(
    filled: tuple[TinyRepository, Person], clock: FixedClock
) -> None:
    repo, xanthe = filled
    erasure = Erasure.of(xanthe, clock.now())
    plan = plan_erasure(erasure, everything(repo))
    other = next(m for m in plan.mentions if m.record.kind == "one_to_ones")
    erase(repo, erasure.skipping([other.key]), "Retention review", clock.now())
    assert traces(repo, NAME) == [NAME]
    story = repo.get(RelationalMeeting, other.record.id)
    assert story is not None and story.story == f"Knows {NAME} from the mosque"
    assert repo.list(AuditEntry)[0].skipped == 1


def test_the_reason_must_be_given_and_must_not_name_them(
    filled: tuple[TinyRepository, Person], clock: FixedClock
) -> None:
    repo, xanthe = filled
    erasure = Erasure.of(xanthe, clock.now())
    with pytest.raises(ValueError, match="Say why"):
        erase(repo, erasure, "  ", clock.now())
    with pytest.raises(ValueError, match="names them"):
        erase(repo, erasure, f"{NAME} asked", clock.now())
    assert repo.get(Person, xanthe.id) is not None and repo.list(AuditEntry) == []


def test_an_older_copy_is_amended_the_same_way(clock: FixedClock) -> None:
    """A backup from before her last 1-2-1 was edited: the older text loses her name too,
    and the skipped mention (same place, same text) stays skipped."""
    xanthe, records = alliance()
    live = TinyRepository(TinyDB(storage=MemoryStorage), clock)
    backup = TinyRepository(TinyDB(storage=MemoryStorage), clock)
    live.save_all(records)
    backup.save_all(records)
    first = next(r for r in records if isinstance(r, RelationalMeeting) and r.story)
    stored = live.get(RelationalMeeting, first.id)
    assert stored is not None
    live.save(stored.evolve(story="Her landlord again"))
    bilal_story = next(
        m for m in plan_erasure(Erasure.of(xanthe, clock.now()), everything(live)).mentions
        if m.record.kind == "one_to_ones"
    )  # fmt: skip
    erasure = Erasure.of(xanthe, clock.now()).skipping([bilal_story.key])
    erase(live, erasure, "Asked to be forgotten", clock.now())
    amend_copy(backup, erasure)
    assert traces(backup, EMAIL, PHONE, "900 987", xanthe.id, "Her landlord") == []
    assert traces(backup, NAME) == [NAME]  # only where the organiser kept it
    assert backup.list(AuditEntry) == []
    stand_ins = {m.person_id for m in live.list(LadderMove)}
    assert stand_ins == {m.person_id for m in backup.list(LadderMove)}


def test_the_demo_figures_are_the_same_after_erasing_its_busiest_person(
    clock: FixedClock,
) -> None:
    repo = TinyRepository(TinyDB(storage=MemoryStorage), clock)
    repo.save_all(build_demo(clock.today()).records)
    busiest, _ = Counter(m.person_id for m in repo.list(RelationalMeeting)).most_common(1)[0]
    person = repo.get(Person, busiest)
    assert person is not None
    year = Period(date(2025, 11, 24), clock.today())
    quarter = Period(date(2026, 9, 1), clock.today())
    before = [figures(repo, p, clock.today()) for p in (year, quarter)]
    erase(repo, Erasure.of(person, clock.now()), "Asked to be forgotten", clock.now())
    after = [figures(repo, p, clock.today()) for p in (year, quarter)]
    assert after == before
    assert traces(repo, person.name, person.id) == []
