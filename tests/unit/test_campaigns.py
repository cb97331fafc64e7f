"""The campaign helpers: the power grid, list order, leaders to choose from, and deleting."""

from __future__ import annotations

from datetime import UTC, datetime

from organiser.campaigns import (
    READY,
    in_map_order,
    leader_choices,
    needs_text,
    plan_campaign_removal,
    power_grid,
    without_target,
)
from organiser.cycle import Gate
from organiser.models import (
    Campaign,
    CycleStage,
    LadderStage,
    Person,
    PowerMapEntry,
    PublicAction,
    Stance,
)


def test_needs_text_joins_what_is_missing_or_says_ready() -> None:
    assert needs_text(Gate(CycleStage.PLAN, ["a tactic", "a turnout target"])) == (
        "a tactic; a turnout target"
    )
    assert needs_text(Gate(CycleStage.PLAN)) == READY


def test_power_grid_places_each_name_in_its_cell() -> None:
    campaign = Campaign(name="Homes")
    entries = [
        PowerMapEntry(campaign_id=campaign.id, name="Zed", influence=5, stance=Stance.OPPOSED),
        PowerMapEntry(campaign_id=campaign.id, name="amy", influence=5, stance=Stance.OPPOSED),
        PowerMapEntry(campaign_id=campaign.id, name="Bea", influence=1, stance=Stance.CHAMPION),
    ]
    grid = power_grid(entries)
    assert len(grid) == 25
    assert grid[(5, Stance.OPPOSED)] == ["amy", "Zed"]
    assert grid[(1, Stance.CHAMPION)] == ["Bea"]
    assert sum(len(names) for names in grid.values()) == 3


def test_map_order_puts_decision_makers_then_influence_first() -> None:
    cid = Campaign(name="Homes").id
    low = PowerMapEntry(campaign_id=cid, name="A", influence=1)
    high = PowerMapEntry(campaign_id=cid, name="B", influence=5)
    boss = PowerMapEntry(campaign_id=cid, name="C", influence=2, is_decision_maker=True)
    assert [e.name for e in in_map_order([low, high, boss])] == ["C", "B", "A"]


def test_leader_choices_are_emerging_leaders_and_up_or_everyone() -> None:
    contact = Person(name="Cy")
    leader = Person(name="Lee", ladder_stage=LadderStage.LEADER)
    emerging = Person(name="Em", ladder_stage=LadderStage.EMERGING_LEADER)
    assert [p.name for p in leader_choices([contact, leader, emerging])] == ["Em", "Lee"]
    assert [p.name for p in leader_choices([contact, leader], [contact.id])] == ["Cy", "Lee"]
    assert [p.name for p in leader_choices([contact])] == ["Cy"]


def test_removal_deletes_the_power_map_and_unlinks_actions() -> None:
    campaign, other = Campaign(name="Homes"), Campaign(name="Wages")
    mine = PowerMapEntry(campaign_id=campaign.id, name="Cllr")
    theirs = PowerMapEntry(campaign_id=other.id, name="Boss")
    at = datetime(2026, 11, 1, 12, tzinfo=UTC)
    linked = PublicAction(name="Assembly", campaign_id=campaign.id, at=at)
    unlinked = PublicAction(name="Walk", campaign_id=other.id, at=at)
    removal = plan_campaign_removal(campaign, [mine, theirs], [linked, unlinked])
    assert removal.deletes == [(Campaign, campaign.id), (PowerMapEntry, mine.id)]
    assert [(a.id, a.campaign_id) for a in removal.saves] == [(linked.id, None)]
    assert (removal.entries, removal.actions) == (1, 1)


def test_without_target_clears_only_that_target() -> None:
    campaign = Campaign(name="Homes")
    entry = PowerMapEntry(campaign_id=campaign.id, name="Cllr")
    targeted = campaign.evolve(target_decision_maker_id=entry.id)
    assert without_target(targeted, entry.id).target_decision_maker_id is None
    assert without_target(targeted, Campaign(name="x").id) is targeted
