"""Each organiser's leaders trained, training days and money paid in on a team database are
the work they recorded, counted by the same rules as a supervision review's figures."""

from __future__ import annotations

from datetime import date, datetime
from zoneinfo import ZoneInfo

from organiser.models import (
    FundingSource,
    FundingStatus,
    FundraisingItem,
    Participation,
    ParticipationStatus,
    Profile,
    TrainingSession,
)
from organiser.models.supervision import Figure
from organiser.periods import Period
from organiser.review_figures import compute
from organiser.review_records import Records
from organiser.team_figures import (
    LEFT_OUT,
    OrganiserFigures,
    review_figures,
    team_rows,
    whole_team_work,
)
from organiser.team_work import (
    WORK_KEYS,
    PaidFacts,
    SessionFacts,
    SharedWork,
    target_text,
    value_text,
    work_figures,
)

LONDON = ZoneInfo("Europe/London")
MONTH = Period(date(2026, 11, 1), date(2026, 11, 30), "November")
GRACE, AMIR, JOY = "a" * 32, "b" * 32, "c" * 32


def _completed(*people: str) -> list[Participation]:
    return [Participation(person_id=p, status=ParticipationStatus.COMPLETED) for p in people]


def _session(day: int, people: list[Participation], prep: float, deliver: float) -> TrainingSession:
    return TrainingSession(
        name="Power and relationships",
        starts=datetime(2026, 11, day, 18, tzinfo=LONDON),
        participations=people,
        preparing_days=prep,
        delivering_days=deliver,
        notes="Grace spoke about her landlord",
    )


def _paid(pence: int, day: date | None, *, hard: bool) -> FundraisingItem:
    return FundraisingItem(
        source=FundingSource.MEMBER_DUES if hard else FundingSource.GRANT,
        hard_money=hard,
        amount_pence=pence,
        year=2026,
        status=FundingStatus.PAID,
        paid_on=day,
        notes="Father Tom's parish",
    )


def _session_facts(owner: str, session: TrainingSession) -> SessionFacts:
    """What the team database's view gives of `session`: no name, no notes."""
    return SessionFacts(
        owner,
        session.starts.replace(tzinfo=None),
        session.preparing_days,
        session.delivering_days,
        session.evaluating_days,
        _completed(*(p.person_id for p in session.participations if p.status == "completed")),
    )


def _paid_facts(owner: str, item: FundraisingItem) -> PaidFacts:
    return PaidFacts(owner, item.amount_pence, item.hard_money, item.paid_on)


EWA_SESSIONS = [
    _session(4, _completed(GRACE, AMIR), 0.5, 1.0),
    _session(18, _completed(GRACE) + [Participation(person_id=JOY)], 0.5, 0.5),  # Grace twice
    _session(2, [], 0.25, 0.0),  # days of preparing, nobody trained yet
]
OCTOBER = TrainingSession(
    name="Taster",
    starts=datetime(2026, 10, 20, 18, tzinfo=LONDON),
    participations=_completed(JOY),
    delivering_days=1.0,
)
EWA_MONEY = [
    _paid(120_000, date(2026, 11, 10), hard=True),
    _paid(50_000, date(2026, 11, 12), hard=False),
    _paid(9_999, date(2026, 10, 30), hard=True),  # October: the period before
    _paid(70_000, None, hard=True),  # paid with no day: counts nowhere, as in a review
]
TOM_SESSIONS = [_session(25, _completed(GRACE, JOY), 1.0, 1.0)]
TOM_MONEY = [_paid(30_000, date(2026, 11, 20), hard=True)]


def _team() -> SharedWork:
    return SharedWork(
        [_session_facts("ewa", s) for s in [*EWA_SESSIONS, OCTOBER]]
        + [_session_facts("tom", s) for s in TOM_SESSIONS],
        [_paid_facts("ewa", i) for i in EWA_MONEY] + [_paid_facts("tom", i) for i in TOM_MONEY],
    )


def _review(sessions: list[TrainingSession], money: list[FundraisingItem]) -> dict[str, Figure]:
    """What a supervision review of November counts from these records alone."""
    records = Records(
        profile=Profile(organiser_name="Organiser"), trainings=sessions, fundraising_items=money
    )
    figures = compute(records, MONTH, MONTH.end)
    return {f.key: f for f in figures if f.key in WORK_KEYS}


def test_an_organisers_figures_are_a_reviews_of_what_they_recorded() -> None:
    ewa = work_figures(_team().of("ewa"), _team().of("ewa"), MONTH, None)
    assert {f.key: f for f in ewa} == _review([*EWA_SESSIONS, OCTOBER], EWA_MONEY)
    by_key = {f.key: f for f in ewa}
    assert by_key["leaders_trained"].value == 2  # Grace trained twice counts once; Joy nominated
    assert by_key["leaders_trained"].previous == 1  # Joy, in October
    assert by_key["training_days"].value == 2.75
    assert by_key["money_paid"].value == 170_000
    assert by_key["hard_money_paid"].value == 120_000
    assert by_key["hard_money_paid"].previous == 9_999


def test_each_organisers_line_counts_only_what_they_recorded() -> None:
    rows = team_rows([OrganiserFigures("tom", held=4)], MONTH, None, _team())
    assert [r.organiser for r in rows] == ["ewa", "tom"]  # Ewa recorded work, no 1-2-1s read
    ewa, tom = rows
    assert ewa.figures == OrganiserFigures("ewa")
    assert ewa.work["leaders_trained"].value == 2
    assert tom.work["leaders_trained"].value == 2
    assert tom.work["training_days"].value == 2.0
    assert tom.work["money_paid"].value == 30_000
    assert tom.work["hard_money_paid"].value == 30_000
    # Targets: one organiser's year pro rata, the same for every line.
    assert ewa.work["leaders_trained"].target == tom.work["leaders_trained"].target
    review = _review(TOM_SESSIONS, TOM_MONEY)
    assert tom.work["money_paid"].target == review["money_paid"].target


def test_the_whole_team_counts_a_person_trained_by_two_organisers_once() -> None:
    team = whole_team_work(_team(), MONTH)
    assert team["leaders_trained"].value == 3  # Grace, Amir (Ewa's) and Joy (Tom's)
    assert team["training_days"].value == 4.75
    assert team["money_paid"].value == 200_000
    everything = _review([*EWA_SESSIONS, OCTOBER, *TOM_SESSIONS], EWA_MONEY + TOM_MONEY)
    assert {k: f.value for k, f in team.items()} == {k: f.value for k, f in everything.items()}


def test_a_supervisors_review_adds_the_work_to_the_1_2_1s() -> None:
    figures = review_figures(
        OrganiserFigures("ewa", held=30), OrganiserFigures("ewa"), MONTH, None, _team().of("ewa")
    )
    keys = [f.key for f in figures]
    assert keys[:4] == ["one_to_ones", "one_to_ones_per_day", "booked", "cancelled"]
    assert keys[4:] == list(WORK_KEYS)
    assert "Leaders trained" in [f.label for f in figures]
    # Without the work (an organiser's own login) the review holds the 1-2-1s alone.
    alone = review_figures(OrganiserFigures("ewa", held=30), OrganiserFigures("ewa"), MONTH, None)
    assert [f.key for f in alone] == keys[:4]


def test_figures_read_as_a_review_shows_them() -> None:
    (row,) = team_rows([OrganiserFigures("tom")], MONTH, None, _team().of("tom"))
    shown = {k: (value_text(f), target_text(f)) for k, f in row.work.items()}
    assert shown["money_paid"] == ("£300.00", "£2,413.79")  # 21 of 2026's 261 weekdays
    assert shown["training_days"] == ("2", "0.80")
    assert shown["leaders_trained"] == ("2", "2.0")


def test_what_is_left_out_says_what_is_counted_now() -> None:
    words = " ".join(LEFT_OUT.split())
    assert "leaders trained" in words and "money paid in" in words
    assert "not counted per organiser" not in words
    assert "ladder moves" in words


def test_a_session_held_later_or_earlier_does_not_count() -> None:
    late = SessionFacts(
        "ewa", datetime(2026, 11, 30, 23, 59), 1.0, 0, 0, _completed(GRACE)
    )  # 30 November, 23:59 as written
    early = SessionFacts("ewa", datetime(2026, 10, 31, 23, 59), 5.0, 0, 0, _completed(AMIR))
    figures = {f.key: f for f in work_figures(SharedWork([late, early]), SharedWork(), MONTH, None)}
    assert figures["training_days"].value == 1.0
    assert figures["leaders_trained"].value == 1
