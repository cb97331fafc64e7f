"""The cycle of action: what each stage needs before a campaign moves on, and the move itself.

Listen → Research → Plan → Act → Evaluate, then celebrate and round again. The organiser may
move on without everything in place, but must say why; every move is kept with its date.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, datetime

from organiser.models import (
    Campaign,
    Conversation,
    CycleStage,
    PowerMapEntry,
    PublicAction,
    StageMove,
)

ORDER: tuple[CycleStage, ...] = tuple(CycleStage)


def following(stage: CycleStage) -> CycleStage:
    """The stage after `stage`; after Evaluate the cycle starts again at Listen."""
    return ORDER[(ORDER.index(stage) + 1) % len(ORDER)]


@dataclass(frozen=True)
class Evidence:
    """What the records hold about one campaign, gathered once for the stage rules."""

    conversations: int = 0
    decision_makers: int = 0
    actions_held_with_turnout: int = 0
    target_is_on_power_map: bool = False


def gather(
    campaign: Campaign,
    conversations: Iterable[Conversation],
    power_map: Iterable[PowerMapEntry],
    actions: Iterable[PublicAction],
    now: datetime,
) -> Evidence:
    listening = set(campaign.listening_campaign_ids)
    entries = [e for e in power_map if e.campaign_id == campaign.id]
    # An action counts for the Act stage only if it was held since this round's plan was
    # made (or, with no plan on record, since the campaign reached Act): last year's action
    # is no evidence for this year's.
    moves = campaign.stage_history
    planned = [m.on for m in moves if m.to_stage is CycleStage.PLAN]
    acting = [m.on for m in moves if m.to_stage is CycleStage.ACT]
    acting_since = max(planned or acting, default=None)
    return Evidence(
        conversations=sum(1 for c in conversations if c.listening_campaign_id in listening),
        decision_makers=sum(1 for e in entries if e.is_decision_maker),
        actions_held_with_turnout=sum(
            1
            for a in actions
            if a.campaign_id == campaign.id
            and a.at <= now
            and a.turnout_actual is not None
            and (acting_since is None or a.at.date() >= acting_since)
        ),
        target_is_on_power_map=any(e.id == campaign.target_decision_maker_id for e in entries),
    )


@dataclass(frozen=True)
class Gate:
    """What a campaign's current stage still needs before it moves on (empty: ready)."""

    stage: CycleStage
    missing: list[str] = field(default_factory=list)

    @property
    def ready(self) -> bool:
        return not self.missing


def gate(campaign: Campaign, evidence: Evidence) -> Gate:
    """Check the current stage's needs, naming each thing that is missing."""
    stage = campaign.stage
    missing: list[str] = []
    if stage is CycleStage.LISTEN:
        if evidence.conversations == 0:
            missing.append("evidence from conversations: link a listening campaign that has some")
    elif stage is CycleStage.RESEARCH:
        if not campaign.issue.strip():
            missing.append("a specific, winnable issue (not just the broad problem)")
        if evidence.decision_makers == 0:
            missing.append("a power analysis with at least one decision-maker")
    elif stage is CycleStage.PLAN:
        if not campaign.goal.strip():
            missing.append("a winnable goal")
        if campaign.target_decision_maker_id is None or not evidence.target_is_on_power_map:
            missing.append("a target decision-maker from the power analysis")
        if not campaign.tactic.strip():
            missing.append("a tactic")
        if campaign.action_date is None:
            missing.append("a date for the action")
        if campaign.turnout_target <= 0:
            missing.append("a turnout target")
    elif stage is CycleStage.ACT:
        if evidence.actions_held_with_turnout == 0:
            missing.append("the action held, with its turnout recorded")
    elif stage is CycleStage.EVALUATE and not campaign.lessons.strip():
        missing.append("the lessons learned")
    return Gate(stage, missing)


class GateClosed(ValueError):
    """Moving on was refused: the stage's needs are not met and no reason was given."""


def advance(
    campaign: Campaign, evidence: Evidence, on: date, override_reason: str = ""
) -> Campaign:
    """The campaign moved to its next stage, with the move in its history.

    When the current stage's needs are not all met, the move happens only with a reason,
    which is kept with it. Moving on from Evaluate starts the next cycle at Listen.
    """
    checked = gate(campaign, evidence)
    reason = override_reason.strip()
    if not checked.ready and not reason:
        raise GateClosed("Still needed: " + "; ".join(checked.missing) + ".")
    to_stage = following(campaign.stage)
    step = StageMove(
        on=on,
        from_stage=campaign.stage,
        to_stage=to_stage,
        override_reason=reason if not checked.ready else "",
    )
    cycle = campaign.cycle + 1 if to_stage is CycleStage.LISTEN else campaign.cycle
    return campaign.evolve(
        stage=to_stage, cycle=cycle, stage_history=[*campaign.stage_history, step]
    )


def days_in_stage(campaign: Campaign, today: date) -> int:
    """How long the campaign has sat in its current stage (since it was created if never moved)."""
    if campaign.stage_history:
        return (today - campaign.stage_history[-1].on).days
    return (today - campaign.created.date()).days
