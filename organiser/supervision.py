"""Supervision reviews: assembled from the records, kept or dropped, finished and frozen.

A review covers a period, by default from the day after the previous review's period up to
today (the last fortnight for the first one). Starting one works out every figure against
its target and the period before, suggests what moved and what stalled, and brings in the
earlier reviews' agreed actions still open, to check. A draft can be refreshed until it is
finished; finishing freezes it, and a finished review's figures are never worked out again.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any

from organiser.models import AgreedAction, ReviewStatus, SupervisionReview
from organiser.models.supervision import FigureUnit
from organiser.periods import Period
from organiser.review_figures import compute, top_concerns
from organiser.review_records import Records, as_of
from organiser.review_suggestions import suggest

#: The first review, with none before it, looks back this many days (today included).
FIRST_PERIOD_DAYS = 14
#: The figures drawn as trends, in the order they are drawn.
TREND_KEYS = (
    "one_to_ones",
    "one_to_ones_per_day",
    "ladder_moves_up",
    "leaders_trained",
    "conversations",
    "money_paid",
)
#: How many periods a trend shows: the last finished reviews and the one in hand.
TREND_LENGTH = 6


class ReviewFinished(ValueError):
    """A finished review's figures and suggestions are kept as they were."""


def _order(review: SupervisionReview) -> tuple[date, datetime]:
    return review.period_end, review.at


def in_list_order(reviews: Iterable[SupervisionReview]) -> list[SupervisionReview]:
    """The newest first."""
    return sorted(reviews, key=_order, reverse=True)


def earlier_reviews(
    reviews: Iterable[SupervisionReview], review: SupervisionReview
) -> list[SupervisionReview]:
    """Reviews before `review` (by the end of their periods, then their dates), oldest first."""
    return sorted((r for r in reviews if r.id != review.id and _order(r) < _order(review)),
                  key=_order)  # fmt: skip


def default_period(reviews: Iterable[SupervisionReview], today: date) -> Period:
    """From the day after the latest review's period to today; the last fortnight at first."""
    latest = max(reviews, key=_order, default=None)
    if latest is None:
        return Period(today - timedelta(days=FIRST_PERIOD_DAYS - 1), today)
    start = min(latest.period_end + timedelta(days=1), today)
    return Period(start, max(start, today))


def last_supervisor(reviews: Iterable[SupervisionReview]) -> str:
    """The supervisor of the most recent review, to offer again."""
    latest = max(reviews, key=lambda r: r.at, default=None)
    return latest.supervisor if latest else ""


def period_of(review: SupervisionReview) -> Period:
    return Period(review.period_start, review.period_end)


def start(
    records: Records, supervisor: str, at: datetime, period: Period, today: date
) -> SupervisionReview:
    """A new draft review of `period`, its figures and suggestions worked out.

    Raises pydantic's ValidationError when the supervisor's name is not one that can be kept.
    """
    draft = SupervisionReview(
        at=at, supervisor=supervisor, period_start=period.start, period_end=period.end
    )
    return refresh(draft, records, today)


def refresh(review: SupervisionReview, records: Records, today: date) -> SupervisionReview:
    """A draft with its figures worked out again from the records as they are now.

    New suggestions join the ones waiting; none the organiser kept or dropped comes back.
    Agreed actions of earlier reviews that are still open are brought in to check.
    Raises ReviewFinished for a finished review.
    """
    if review.status is ReviewStatus.FINISHED:
        raise ReviewFinished("This review is finished: its figures are kept as they were.")
    period = period_of(review)
    day = min(period.end, today)
    then = as_of(records, day) if day < today else records
    ideas = suggest(then, period, day)
    seen = {*review.moved, *review.stalled, *review.dropped}
    earlier = earlier_reviews(records.reviews, review)
    still_open = [
        a.id for r in earlier for a in r.agreed_actions if a.done_on is None or a.done_on > day
    ]
    return review.evolve(
        figures=[f.model_dump() for f in compute(then, period, day, review.id)],
        concerns=top_concerns(then, period),
        suggested_moved=_undecided(ideas.moved, seen),
        suggested_stalled=_undecided(ideas.stalled, seen),
        carried=list(dict.fromkeys([*review.carried, *still_open])),
    )


def _undecided(ideas: Sequence[str], seen: set[str]) -> list[str]:
    """This refresh's ideas not yet kept or dropped (earlier ones no longer true are let go)."""
    return list(dict.fromkeys(i for i in ideas if i not in seen))


def finish(review: SupervisionReview) -> SupervisionReview:
    """The review finished: figures frozen, suggestions neither kept nor dropped let go."""
    if review.status is ReviewStatus.FINISHED:
        raise ReviewFinished("This review is already finished.")
    return review.evolve(status=ReviewStatus.FINISHED, suggested_moved=[], suggested_stalled=[])


def _unfrozen(review: SupervisionReview) -> None:
    if review.status is ReviewStatus.FINISHED:
        raise ReviewFinished("This review is finished: what moved and stalled is kept as it was.")


def keep(review: SupervisionReview, text: str) -> SupervisionReview:
    """Keep a suggestion: it joins what moved (or stalled) in the review."""
    _unfrozen(review)
    if text in review.suggested_moved:
        return review.evolve(
            moved=[*review.moved, text],
            suggested_moved=[t for t in review.suggested_moved if t != text],
        )
    if text in review.suggested_stalled:
        return review.evolve(
            stalled=[*review.stalled, text],
            suggested_stalled=[t for t in review.suggested_stalled if t != text],
        )
    return review


def drop(review: SupervisionReview, text: str) -> SupervisionReview:
    """Drop a suggestion, or take a kept line out again; a refresh will not offer it back."""
    _unfrozen(review)
    lists = ("moved", "stalled", "suggested_moved", "suggested_stalled")
    changes: dict[str, Any] = {
        name: [t for t in getattr(review, name) if t != text] for name in lists
    }
    if changes == {name: getattr(review, name) for name in lists}:
        return review
    return review.evolve(dropped=list(dict.fromkeys([*review.dropped, text])), **changes)


def add_line(review: SupervisionReview, text: str, *, moved: bool) -> SupervisionReview:
    """The organiser's own line under what moved (or stalled). ValidationError if unfit."""
    _unfrozen(review)
    name = "moved" if moved else "stalled"
    present: list[str] = getattr(review, name)
    if text.strip() in present:
        return review
    return review.evolve(**{name: [*present, text]})


def put_action(review: SupervisionReview, action: AgreedAction) -> SupervisionReview:
    """Add an agreed action, or replace the one with the same id."""
    actions = list(review.agreed_actions)
    position = next((i for i, a in enumerate(actions) if a.id == action.id), None)
    if position is None:
        actions.append(action)
    else:
        actions[position] = action
    return review.evolve(agreed_actions=actions)


def remove_action(review: SupervisionReview, action_id: str) -> SupervisionReview:
    return review.evolve(agreed_actions=[a for a in review.agreed_actions if a.id != action_id])


def set_done(review: SupervisionReview, action_id: str, day: date | None) -> SupervisionReview:
    """The review with one agreed action done on `day` (None: not done after all)."""
    return review.evolve(
        agreed_actions=[
            a.model_copy(update={"done_on": day}) if a.id == action_id else a
            for a in review.agreed_actions
        ]
    )


@dataclass(frozen=True)
class OpenAction:
    """An agreed action and the review it was agreed in."""

    review: SupervisionReview
    action: AgreedAction

    @property
    def reference(self) -> str:
        """ "<review id>/<action id>", how Today and the review screen name it."""
        return f"{self.review.id}/{self.action.id}"

    def is_overdue(self, today: date) -> bool:
        return self.action.due is not None and self.action.due < today


def open_actions(reviews: Iterable[SupervisionReview]) -> list[OpenAction]:
    """Agreed actions of finished reviews not yet done, soonest due first (undated last)."""
    found = [
        OpenAction(r, a)
        for r in reviews
        if r.status is ReviewStatus.FINISHED
        for a in r.agreed_actions
        if a.done_on is None
    ]
    return sorted(
        found, key=lambda o: (o.action.due is None, o.action.due or date.min, o.review.at)
    )


def carried_actions(
    review: SupervisionReview, reviews: Iterable[SupervisionReview]
) -> list[OpenAction]:
    """The earlier reviews' actions brought into `review`, as they stand now (done or not)."""
    by_id = {a.id: OpenAction(r, a) for r in reviews if r.id != review.id for a in r.agreed_actions}
    return [by_id[i] for i in review.carried if i in by_id]


def find_action(reviews: Iterable[SupervisionReview], reference: str) -> OpenAction | None:
    """The agreed action a "<review id>/<action id>" reference names, if still on record."""
    review_id, _, action_id = reference.partition("/")
    for review in reviews:
        if review.id == review_id:
            action = next((a for a in review.agreed_actions if a.id == action_id), None)
            return OpenAction(review, action) if action else None
    return None


@dataclass(frozen=True)
class Trend:
    """One key figure over the last few periods, oldest first (None where it was not kept)."""

    key: str
    label: str
    unit: FigureUnit
    points: list[tuple[str, float | None]]


def trends(
    reviews: Iterable[SupervisionReview], current: SupervisionReview, length: int = TREND_LENGTH
) -> list[Trend]:
    """The key figures of the finished reviews before `current`, and of `current` itself."""
    before = [r for r in earlier_reviews(reviews, current) if r.status is ReviewStatus.FINISHED]
    shown = [*before[-(length - 1) :], current] if length > 1 else [current]
    found: list[Trend] = []
    for key in TREND_KEYS:
        figures = [next((f for f in r.figures if f.key == key), None) for r in shown]
        named = next((f for f in reversed(figures) if f is not None), None)
        if named is None:
            continue
        points = [
            (f"{r.period_end.day} {r.period_end:%b}", f.value if f else None)
            for r, f in zip(shown, figures, strict=True)
        ]
        found.append(Trend(key, named.label, named.unit, points))
    return found
