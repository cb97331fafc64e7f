"""The cycle of action's stage rules: what each stage needs, blocked moves, overrides, history."""

from __future__ import annotations

from datetime import date, datetime, time

import pytest

from organiser.clock import LONDON
from organiser.cycle import Evidence, GateClosed, advance, days_in_stage, gate, gather
from organiser.models import (
    Campaign,
    Conversation,
    CycleStage,
    ListeningCampaign,
    PowerMapEntry,
    PublicAction,
)

ON = date(2026, 11, 23)
NOW = datetime.combine(ON, time(12), LONDON)


def test_each_stage_names_what_it_still_needs() -> None:
    campaign = Campaign(name="Safe homes")
    assert gate(campaign, Evidence()).missing == [
        "evidence from conversations: link a listening campaign that has some"
    ]
    research = campaign.evolve(stage=CycleStage.RESEARCH)
    assert len(gate(research, Evidence()).missing) == 2
    assert gate(research.evolve(issue="License landlords"), Evidence(decision_makers=1)).ready
    plan = campaign.evolve(stage=CycleStage.PLAN)
    assert len(gate(plan, Evidence()).missing) == 5
    act = campaign.evolve(stage=CycleStage.ACT)
    assert not gate(act, Evidence()).ready
    assert gate(act, Evidence(actions_held_with_turnout=1)).ready
    evaluate = campaign.evolve(stage=CycleStage.EVALUATE)
    assert gate(evaluate, Evidence()).missing == ["the lessons learned"]


def test_a_blocked_move_says_what_is_missing_and_an_override_keeps_its_reason() -> None:
    campaign = Campaign(name="Safe homes")
    with pytest.raises(GateClosed, match="Still needed: evidence from conversations"):
        advance(campaign, Evidence(), ON)
    moved = advance(campaign, Evidence(), ON, override_reason="Evidence from the 2025 round")
    assert moved.stage is CycleStage.RESEARCH
    assert moved.stage_history[-1].override_reason == "Evidence from the 2025 round"


def test_a_full_cycle_records_every_move_and_starts_the_next_round() -> None:
    campaign = Campaign(
        name="Safe homes",
        issue="x",
        goal="g",
        tactic="t",
        action_date=ON,
        turnout_target=100,
        lessons="Start earlier",
        target_decision_maker_id="d" * 32,
    )
    evidence = Evidence(
        conversations=5,
        decision_makers=1,
        actions_held_with_turnout=1,
        target_is_on_power_map=True,
    )
    for _ in range(5):
        campaign = advance(campaign, evidence, ON)
    assert campaign.stage is CycleStage.LISTEN and campaign.cycle == 2
    assert [m.to_stage for m in campaign.stage_history] == [
        CycleStage.RESEARCH,
        CycleStage.PLAN,
        CycleStage.ACT,
        CycleStage.EVALUATE,
        CycleStage.LISTEN,
    ]
    assert all(m.override_reason == "" for m in campaign.stage_history)


def test_gather_counts_only_this_campaigns_evidence() -> None:
    listening = ListeningCampaign(name="Spring", starts=ON)
    campaign = Campaign(name="Safe homes", listening_campaign_ids=[listening.id])
    other = Campaign(name="Other")
    maker = PowerMapEntry(campaign_id=campaign.id, name="Cllr Patel", is_decision_maker=True)
    evidence = gather(
        campaign.evolve(target_decision_maker_id=maker.id),
        [
            Conversation(listening_campaign_id=listening.id, on=ON),
            Conversation(listening_campaign_id="e" * 32, on=ON),
        ],
        [maker, PowerMapEntry(campaign_id=other.id, name="X", is_decision_maker=True)],
        [
            PublicAction(name="Assembly", campaign_id=campaign.id, at=NOW, turnout_actual=120),
            PublicAction(
                name="Future", campaign_id=campaign.id, at=NOW.replace(year=2027), turnout_actual=5
            ),
            PublicAction(name="No count", campaign_id=campaign.id, at=NOW),
        ],
        NOW,
    )
    assert evidence == Evidence(
        conversations=1,
        decision_makers=1,
        actions_held_with_turnout=1,
        target_is_on_power_map=True,
    )


def test_days_in_stage_counts_from_the_last_move() -> None:
    campaign = advance(Campaign(name="c"), Evidence(conversations=1), date(2026, 11, 1))
    assert days_in_stage(campaign, ON) == 22


def test_an_action_from_before_the_campaign_reached_act_is_no_evidence() -> None:
    campaign = advance(
        Campaign(name="c", stage=CycleStage.PLAN), Evidence(), ON, override_reason="test"
    )
    old = PublicAction(
        name="Old", campaign_id=campaign.id, at=NOW.replace(month=8), turnout_actual=77
    )
    assert gather(campaign, [], [], [old], NOW).actions_held_with_turnout == 0
    new = PublicAction(name="New", campaign_id=campaign.id, at=NOW, turnout_actual=120)
    assert gather(campaign, [], [], [old, new], NOW).actions_held_with_turnout == 1
