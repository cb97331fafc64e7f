"""Logging conversations, removing a listening campaign and taking a concern forward."""

from __future__ import annotations

from datetime import date

from organiser.listening import (
    log,
    matching_concerns,
    newest_first,
    plan_removal,
    take_forward,
)
from organiser.models import Campaign, Conversation, CycleStage, ListeningCampaign
from organiser.text import NAME_MAX

ON = date(2026, 4, 1)
SPRING = ListeningCampaign(name="Spring", starts=ON, concerns=["Damp housing", "Low pay"])


def talk(on: date = ON, *concerns: str, campaign: ListeningCampaign = SPRING) -> Conversation:
    return Conversation(listening_campaign_id=campaign.id, on=on, concerns=list(concerns))


def test_logging_adds_only_new_concerns_in_the_order_raised() -> None:
    grown = log(SPRING, talk(ON, "damp HOUSING", "Buses", "School meals"))
    assert grown.concerns == ["Damp housing", "Low pay", "Buses", "School meals"]
    assert log(SPRING, talk(ON, "Low pay")) == SPRING


def test_newest_conversations_come_first() -> None:
    old, new = talk(date(2026, 3, 1)), talk(date(2026, 4, 2))
    assert newest_first([old, new]) == [new, old]


def test_matching_concerns_start_with_the_typed_word_first() -> None:
    campaign = SPRING.evolve(concerns=["Low pay", "Pay day loans", "Damp housing"])
    assert matching_concerns(campaign, "pay") == ["Pay day loans", "Low pay"]
    assert matching_concerns(campaign, "  ") == []
    assert matching_concerns(campaign, "DAMP hous") == ["Damp housing"]


def test_removal_takes_its_conversations_and_unlinks_campaigns() -> None:
    other = ListeningCampaign(name="Autumn", starts=ON)
    mine, theirs = talk(ON, "Buses"), talk(ON, "Buses", campaign=other)
    linked = Campaign(name="Housing", listening_campaign_ids=[other.id, SPRING.id])
    elsewhere = Campaign(name="Pay", listening_campaign_ids=[other.id])
    removal = plan_removal(SPRING, [mine, theirs], [linked, elsewhere])
    assert removal.conversations == [mine]
    assert [c.listening_campaign_ids for c in removal.unlinked] == [[other.id]]
    assert removal.unlinked[0].id == linked.id
    assert removal.deletes == [(ListeningCampaign, SPRING.id), (Conversation, mine.id)]


def test_taking_a_concern_forward_starts_a_campaign_at_listen() -> None:
    campaign = take_forward(SPRING, "  Damp housing ")
    assert campaign.name == campaign.problem == "Damp housing"
    assert campaign.stage is CycleStage.LISTEN
    assert campaign.listening_campaign_ids == [SPRING.id]
    long = take_forward(SPRING, "x" * (NAME_MAX + 20))
    assert len(long.name) == NAME_MAX
    assert long.problem == "x" * (NAME_MAX + 20)
