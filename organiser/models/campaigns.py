"""Listening campaigns, campaigns round the cycle of action, power analysis and public actions."""

from __future__ import annotations

from datetime import date
from enum import StrEnum

from pydantic import Field

from organiser.models.base import (
    Count,
    Line,
    Moment,
    Name,
    Notes,
    Part,
    Record,
    RecordId,
    Scale,
)


class ListeningCampaign(Record):
    kind = "listening_campaigns"
    search_fields = ("name", "notes")

    name: Name
    starts: date
    ends: date | None = None
    institution_ids: list[RecordId] = Field(default_factory=list, max_length=500)
    target_conversations: Count = 0
    #: The campaign's growing list of concerns, in the order they were first raised.
    concerns: list[Line] = Field(default_factory=list, max_length=1000)
    notes: Notes = ""


class Conversation(Record):
    """One short listening conversation, and the concerns it raised."""

    kind = "conversations"
    search_fields = ("story", "who", "concerns")

    listening_campaign_id: RecordId
    on: date
    institution_id: RecordId | None = None
    person_id: RecordId | None = None
    #: Who it was with, when not a person on record ("parent at the school gate").
    who: Line = ""
    concerns: list[Line] = Field(default_factory=list, max_length=50)
    story: Notes = ""


class CycleStage(StrEnum):
    """A campaign's place in the cycle of action. Values are roles; names come from the Profile."""

    LISTEN = "listen"
    RESEARCH = "research"
    PLAN = "plan"
    ACT = "act"
    EVALUATE = "evaluate"


DEFAULT_CYCLE_NAMES: dict[CycleStage, str] = {
    CycleStage.LISTEN: "Listen",
    CycleStage.RESEARCH: "Research",
    CycleStage.PLAN: "Plan",
    CycleStage.ACT: "Act",
    CycleStage.EVALUATE: "Evaluate",
}


class StageMove(Part):
    on: date
    from_stage: CycleStage | None
    to_stage: CycleStage
    #: Why the organiser moved on although the stage's needs were not all met.
    override_reason: Notes = ""


class Campaign(Record):
    """One issue travelling the cycle of action."""

    kind = "campaigns"
    search_fields = ("name", "problem", "issue", "goal", "lessons")

    name: Name
    problem: Notes = ""
    issue: Notes = ""
    stage: CycleStage = CycleStage.LISTEN
    #: Which time round the cycle this is (1 for the first).
    cycle: Count = 1
    listening_campaign_ids: list[RecordId] = Field(default_factory=list, max_length=100)
    institution_ids: list[RecordId] = Field(default_factory=list, max_length=500)
    leader_ids: list[RecordId] = Field(default_factory=list, max_length=500)
    goal: Notes = ""
    #: The PowerMapEntry of the decision-maker the plan targets.
    target_decision_maker_id: RecordId | None = None
    tactic: Notes = ""
    action_date: date | None = None
    turnout_target: Count = 0
    lessons: Notes = ""
    stage_history: list[StageMove] = Field(default_factory=list, max_length=1000)


class Stance(StrEnum):
    OPPOSED = "opposed"
    LEANING_AGAINST = "leaning_against"
    NEUTRAL = "neutral"
    LEANING_FOR = "leaning_for"
    CHAMPION = "champion"


class PowerMapEntry(Record):
    """Someone with power over a campaign's issue, and our route to them."""

    kind = "power_map"
    search_fields = ("name", "role", "decides", "interests", "relationship")

    campaign_id: RecordId
    name: Name
    person_id: RecordId | None = None
    role: Line = ""
    decides: Notes = ""
    interests: Notes = ""
    influence: Scale = 3
    stance: Stance = Stance.NEUTRAL
    is_decision_maker: bool = False
    relationship: Notes = ""


class InstitutionTurnout(Part):
    institution_id: RecordId
    pledged: Count = 0
    delivered: Count = 0


class LeaderRole(Part):
    person_id: RecordId
    role: Line = ""


class ActionKind(StrEnum):
    PUBLIC_ACTION = "public_action"
    ASSEMBLY = "assembly"
    HOUSE_MEETING = "house_meeting"
    MEMBER_EVENT = "member_event"


class PublicAction(Record):
    """A public action, assembly, house meeting or member event."""

    kind = "actions"
    search_fields = ("name", "ask", "response", "evaluation", "place")

    name: Name
    action_kind: ActionKind = ActionKind.PUBLIC_ACTION
    campaign_id: RecordId | None = None
    at: Moment
    length_minutes: Count | None = None
    place: Line = ""
    ask: Notes = ""
    turnout_target: Count = 0
    turnout_actual: Count | None = None
    turnout_by_institution: list[InstitutionTurnout] = Field(default_factory=list, max_length=500)
    leader_roles: list[LeaderRole] = Field(default_factory=list, max_length=500)
    response: Notes = ""
    evaluation: Notes = ""
    lessons: Notes = ""
