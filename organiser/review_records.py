"""The records a supervision review is assembled from, read once, and as they stood on a day.

A review of a past period (the command line's `--since`, the demo's earlier sessions) asks
"what was overdue then?": `as_of` gives the records with everything done or moved after
that day undone, so the same rules answer for the past as for today.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date

from organiser.models import (
    Campaign,
    Conversation,
    FundingStatus,
    FundraisingItem,
    FundraisingTarget,
    LadderMove,
    Meeting,
    Person,
    Profile,
    PublicAction,
    RelationalMeeting,
    SupervisionReview,
    TrainingSession,
)
from organiser.repository import R, Repository


@dataclass(frozen=True)
class Records:
    """Everything a review's figures and suggestions are worked out from."""

    profile: Profile
    people: Sequence[Person] = ()
    one_to_ones: Sequence[RelationalMeeting] = ()
    ladder_moves: Sequence[LadderMove] = ()
    trainings: Sequence[TrainingSession] = ()
    conversations: Sequence[Conversation] = ()
    campaigns: Sequence[Campaign] = ()
    actions: Sequence[PublicAction] = ()
    meetings: Sequence[Meeting] = ()
    fundraising_items: Sequence[FundraisingItem] = ()
    fundraising_targets: Sequence[FundraisingTarget] = ()
    reviews: Sequence[SupervisionReview] = ()

    @classmethod
    def read(cls, repo: Repository) -> Records:
        """Every record a review needs; a database with no Profile uses the default targets.
        On a team's database the trainings and money are the organiser's own (those they
        recorded), as the supervisor's figures count them."""
        return cls(
            profile=repo.profile() or Profile(organiser_name="Organiser"),
            people=repo.list(Person),
            one_to_ones=repo.list(RelationalMeeting),
            ladder_moves=repo.list(LadderMove),
            trainings=_own(repo, TrainingSession),
            conversations=repo.list(Conversation),
            campaigns=repo.list(Campaign),
            actions=repo.list(PublicAction),
            meetings=repo.list(Meeting),
            fundraising_items=_own(repo, FundraisingItem),
            fundraising_targets=repo.list(FundraisingTarget),
            reviews=repo.list(SupervisionReview),
        )

    def people_by_id(self) -> dict[str, Person]:
        return {p.id: p for p in self.people}


def _own(repo: Repository, kind: type[R]) -> list[R]:
    found = repo.list(kind)
    own = repo.own_ids(kind)
    return found if own is None else [record for record in found if record.id in own]


def as_of(records: Records, day: date) -> Records:
    """The records as they stood at the end of `day`: later 1-2-1s, meetings, moves and
    conversations left out, and follow-ups, action points and stage moves made later undone.

    Money paid after `day` counts as promised then (pledged), not paid. People stay at
    their present ladder stage: the ladder moves say when they got there.
    """
    return replace(
        records,
        one_to_ones=[_meeting_then(m, day) for m in records.one_to_ones if m.at.date() <= day],
        ladder_moves=[m for m in records.ladder_moves if m.on <= day],
        trainings=[t for t in records.trainings if t.starts.date() <= day],
        conversations=[c for c in records.conversations if c.on <= day],
        campaigns=[_campaign_then(c, day) for c in records.campaigns if _existed(c, day)],
        actions=[a for a in records.actions if a.at.date() <= day],
        meetings=[_points_then(m, day) for m in records.meetings if m.at.date() <= day],
        fundraising_items=[_item_then(i, day) for i in records.fundraising_items],
    )


def _meeting_then(meeting: RelationalMeeting, day: date) -> RelationalMeeting:
    done = meeting.follow_up_done_on
    if done is None or done <= day:
        return meeting
    return meeting.model_copy(update={"follow_up_done_on": None})


def _points_then(meeting: Meeting, day: date) -> Meeting:
    if all(p.done_on is None or p.done_on <= day for p in meeting.action_points):
        return meeting
    points = [
        p if p.done_on is None or p.done_on <= day else p.model_copy(update={"done_on": None})
        for p in meeting.action_points
    ]
    return meeting.model_copy(update={"action_points": points})


def _existed(campaign: Campaign, day: date) -> bool:
    if campaign.stage_history:
        return campaign.stage_history[0].on <= day
    return campaign.created.date() <= day


def _campaign_then(campaign: Campaign, day: date) -> Campaign:
    history = [m for m in campaign.stage_history if m.on <= day]
    if len(history) == len(campaign.stage_history) or not history:
        return campaign
    return campaign.model_copy(update={"stage_history": history, "stage": history[-1].to_stage})


def _item_then(item: FundraisingItem, day: date) -> FundraisingItem:
    if item.status is not FundingStatus.PAID or item.paid_on is None or item.paid_on <= day:
        return item
    return item.model_copy(update={"status": FundingStatus.PLEDGED, "paid_on": None})
