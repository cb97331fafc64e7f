"""Training: local tasters, workshops in member institutions and the National Community
Leadership Training, with who was nominated, came and completed, and the organiser's days."""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import timedelta

from organiser.demo.context import Context, new_id
from organiser.demo.people import Cast
from organiser.models import (
    LadderStage,
    Participation,
    ParticipationStatus,
    Person,
    TrainingKind,
    TrainingSession,
)

K = TrainingKind
S = LadderStage
P = ParticipationStatus


@dataclass(frozen=True)
class Course:
    name: str
    kind: TrainingKind
    #: Days from today to the start: negative in the past.
    offset: int
    hour: int
    hours: float
    all_day: bool
    venue: str
    places: int
    #: The organiser's days preparing, delivering and evaluating.
    days: tuple[float, float, float]
    organiser_trains: bool
    curriculum: str
    worked: str = ""
    change: str = ""


TASTER = (
    "Power and self-interest; the 1-2-1 (practised in pairs); turning problems into issues; "
    "the cycle of action; telling your story of self."
)
COURSES = (
    Course(
        "Community organising taster",
        K.LOCAL_TASTER,
        -300,
        10,
        6,
        True,
        "St Saviour's C of E Primary School, hall",
        16,
        (1.0, 1.0, 0.5),
        True,
        TASTER,
        "Pairs practising 1-2-1s on each other; the power walk.",
        "Too much input before lunch; start with stories.",
    ),
    Course(
        "National Community Leadership Training",
        K.NATIONAL_LEADERSHIP,
        -230,
        9,
        35,
        True,
        "Residential, London",
        4,
        (0.5, 0.0, 0.5),
        False,
        "Five days: relational power, the iron rule, power analysis, negotiation, public "
        "action, evaluation. Delivered by the national training team.",
        "Leaders came back confident and with a network beyond the city.",
        "Nominate earlier so employers can release people.",
    ),
    Course(
        "Listening well: a workshop for core teams",
        K.INSTITUTION_WORKSHOP,
        -170,
        18,
        2,
        False,
        "Masjid al-Noor, community room",
        14,
        (0.5, 0.5, 0.25),
        True,
        "How to run a listening session; open questions; recording concerns without "
        "leading; tallying.",
        "Role play with real concerns from the last campaign.",
        "Provide the tally sheet on paper as well as the phone form.",
    ),
    Course(
        "Community organising taster",
        K.LOCAL_TASTER,
        -115,
        10,
        6,
        True,
        "Gurdwara Nanak Darbar, upstairs hall",
        18,
        (1.0, 1.0, 0.5),
        True,
        TASTER,
        "Langar lunch made it feel like a community day; great mix of institutions.",
        "Two co-trainers needed for 18 people.",
    ),
    Course(
        "Power analysis for the housing campaign",
        K.INSTITUTION_WORKSHOP,
        -75,
        19,
        2.5,
        False,
        "Holy Trinity Parish Church, vestry",
        12,
        (0.5, 0.5, 0.25),
        True,
        "Who decides on licensing; interests; our relationships; drawing the power map.",
        "The map on the wall is still being used by the Planning Group.",
        "Needed the council's structure chart beforehand.",
    ),
    Course(
        "Public speaking and testimony",
        K.OTHER,
        -40,
        18,
        2,
        False,
        "Riverside University, seminar room 2",
        10,
        (0.5, 0.5, 0.25),
        True,
        "Telling your story in two minutes; the ask in one sentence; practice on a real stage.",
        "Everyone spoke at least twice; three went on to speak at the assembly.",
        "Film the practice so people can see themselves.",
    ),
    Course(
        "Listening well: a workshop for core teams",
        K.INSTITUTION_WORKSHOP,
        8,
        18,
        2,
        False,
        "Spinney Hill Islamic Centre, sisters' hall",
        14,
        (0.5, 0.0, 0.0),
        True,
        "How to run a listening session; open questions; recording concerns; tallying.",
    ),
    Course(
        "Community organising taster",
        K.LOCAL_TASTER,
        24,
        10,
        6,
        True,
        "Evington Park Academy, library",
        18,
        (0.5, 0.0, 0.0),
        True,
        TASTER,
    ),
    Course(
        "National Community Leadership Training",
        K.NATIONAL_LEADERSHIP,
        62,
        9,
        35,
        True,
        "Residential, Birmingham",
        5,
        (0.0, 0.0, 0.0),
        False,
        "Five days with the national training team.",
    ),
)


def _who(course: Course, rng: random.Random, cast: Cast, scale: float) -> list[Person]:
    if course.kind is K.NATIONAL_LEADERSHIP:
        pool = cast.at_least(LadderStage.EMERGING_LEADER)
    elif course.kind is K.LOCAL_TASTER:
        pool = [p for p in cast.people if p.ladder_stage in (S.POTENTIAL_LEADER, S.EMERGING_LEADER)]
    else:
        pool = cast.at_least(LadderStage.POTENTIAL_LEADER)
    places = max(2, round(course.places * min(scale, 4.0)))
    return rng.sample(pool, min(len(pool), places))


def _status(rng: random.Random, course: Course, past: bool) -> ParticipationStatus:
    """Upcoming: nominated or confirmed. Past: courses are completed or only attended;
    a workshop is attended. Some never came."""
    if not past:
        return P.CONFIRMED if rng.random() < 0.5 else P.NOMINATED
    roll = rng.random()
    if roll > 0.85:
        return P.DID_NOT_ATTEND
    if course.kind in (K.LOCAL_TASTER, K.NATIONAL_LEADERSHIP) and roll < 0.6:
        return P.COMPLETED
    return P.ATTENDED


def build_trainings(ctx: Context, cast: Cast) -> list[TrainingSession]:
    rng = ctx.stream("training")
    co_trainers = cast.at_least(LadderStage.LEADER)
    sessions = []
    for course in COURSES:
        past = course.offset < 0
        day = ctx.days_ahead(course.offset)
        # Tasters on Saturdays, the national course a week from Monday, the rest any day.
        weekday = {K.LOCAL_TASTER: 5, K.NATIONAL_LEADERSHIP: 0}.get(course.kind, day.weekday())
        day = ctx.on_weekday(day, weekday, later=not past)
        participants = _who(course, rng, cast, ctx.scale)
        trainers = (
            rng.sample(co_trainers, min(len(co_trainers), 2))
            if course.organiser_trains and co_trainers
            else []
        )
        training_ids = {p.id for p in trainers}
        participations = [
            Participation(
                person_id=person.id,
                status=_status(rng, course, past),
                nominated_on=day - timedelta(days=rng.randrange(10, 45)),
            )
            for person in participants
            if person.id not in training_ids
        ]
        preparing, delivering, evaluating = course.days
        sessions.append(
            TrainingSession(
                id=new_id(rng),
                name=course.name,
                training_kind=course.kind,
                starts=ctx.at(day, course.hour),
                length_hours=course.hours,
                all_day=course.all_day,
                venue=course.venue,
                trainer_ids=[p.id for p in trainers],
                organiser_is_trainer=course.organiser_trains,
                curriculum=course.curriculum,
                what_worked=course.worked if past else "",
                what_to_change=course.change if past else "",
                participations=participations,
                preparing_days=preparing,
                delivering_days=delivering if past else 0.0,
                evaluating_days=evaluating if past else 0.0,
            )
        )
    return sessions
