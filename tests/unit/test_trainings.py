"""Training helpers: list order, counts, participants, Today's items and typed numbers."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

import pytest

from organiser.clock import LONDON
from organiser.models import Participation, ParticipationStatus, Person, TrainingSession
from organiser.trainings import (
    add_participant,
    coming_up,
    confirm,
    counts,
    format_starts,
    in_list_order,
    parse_days,
    parse_hours,
    remove_participant,
    set_status,
    unconfirmed,
)

MONDAY = date(2026, 11, 23)
S = ParticipationStatus


def at(day: date, hour: int = 18) -> datetime:
    return datetime.combine(day, time(hour), LONDON)


def session(name: str, days: int, *parts: Participation) -> TrainingSession:
    return TrainingSession(
        name=name, starts=at(MONDAY + timedelta(days=days)), participations=list(parts)
    )


def test_upcoming_first_soonest_first_then_the_past_most_recent_first() -> None:
    shown = in_list_order(
        [session("old", -30), session("later", 20), session("today", 0), session("recent", -2)],
        MONDAY,
        LONDON,
    )
    assert [s.name for s in shown] == ["today", "later", "recent", "old"]


def test_counts_and_participants() -> None:
    amina, bilal = Person(name="Amina"), Person(name="Bilal")
    taster = add_participant(session("taster", 1), amina.id, MONDAY)
    taster = add_participant(taster, bilal.id, MONDAY)
    assert add_participant(taster, amina.id, MONDAY) == taster  # once only
    assert taster.participations[0].nominated_on == MONDAY
    assert counts(taster).nominated == 2

    taster = confirm(taster, amina.id)
    assert taster.participations[0].status is S.CONFIRMED
    taster = set_status(taster, amina.id, S.COMPLETED)
    assert confirm(taster, amina.id) == taster  # only a nominated person is confirmed
    taster = set_status(taster, bilal.id, S.ATTENDED)
    numbers = counts(taster)
    assert (numbers.nominated, numbers.attended, numbers.completed) == (2, 2, 1)
    taster = remove_participant(taster, bilal.id)
    assert [p.person_id for p in taster.participations] == [amina.id]
    with pytest.raises(ValueError):
        set_status(taster, bilal.id, S.ATTENDED)


def test_today_items_trainings_this_week_and_nominations_still_to_confirm() -> None:
    amina, bilal = Person(name="Amina"), Person(name="Bilal")
    soon = session(
        "soon", 3, Participation(person_id=amina.id), Participation(
            person_id=bilal.id, status=S.CONFIRMED
        )
    )  # fmt: skip
    far = session("far", 8, Participation(person_id=bilal.id))
    past = session("past", -1, Participation(person_id=amina.id))
    assert [s.name for s in coming_up([far, past, soon], MONDAY, LONDON)] == ["soon"]
    waiting = unconfirmed([far, past, soon], MONDAY, LONDON)
    assert [(n.session.name, n.person_id) for n in waiting] == [
        ("soon", amina.id),
        ("far", bilal.id),
    ]


@pytest.mark.parametrize(
    ("typed", "days"), [("", 0.0), ("0.5", 0.5), ("1,5", 1.5), (".5", 0.5), ("2", 2.0)]
)
def test_days_as_typed(typed: str, days: float) -> None:
    assert parse_days(typed) == days


@pytest.mark.parametrize(
    ("typed", "message"),
    [("-1", "cannot be negative"), ("half", "is not a number of days"), ("nan", "type a number")],
)
def test_days_refused_in_words(typed: str, message: str) -> None:
    with pytest.raises(ValueError, match=message):
        parse_days(typed)


def test_hours_and_the_start_as_typed_back() -> None:
    assert parse_hours("2") == 2.0
    assert parse_hours("1,5 h") == 1.5
    for bad in ("", "0", "-2", "two"):
        with pytest.raises(ValueError):
            parse_hours(bad)
    assert format_starts(at(date(2026, 12, 1), 9), LONDON) == "1 Dec 2026 09:00"
