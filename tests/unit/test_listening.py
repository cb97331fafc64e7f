"""The concerns tally of a listening campaign."""

from __future__ import annotations

from datetime import date

from organiser.listening import add_concern, progress, tally
from organiser.models import Conversation, ListeningCampaign

ON = date(2026, 4, 1)
SCHOOL, MOSQUE = "a" * 32, "b" * 32
CAMPAIGN = ListeningCampaign(name="Spring", starts=ON, target_conversations=4)


def talk(institution: str | None, *concerns: str) -> Conversation:
    return Conversation(
        listening_campaign_id=CAMPAIGN.id,
        on=ON,
        institution_id=institution,
        concerns=list(concerns),
    )


def test_concerns_are_ranked_overall_and_by_institution() -> None:
    result = tally(
        [
            talk(SCHOOL, "Damp housing", "Low pay"),
            talk(SCHOOL, "damp housing", "Damp housing"),
            talk(MOSQUE, "Low pay"),
            talk(MOSQUE, "Low pay", "Buses"),
            talk(None, "Buses"),
        ]
    )
    assert result.conversations == 5
    assert result.overall == [("Low pay", 3), ("Buses", 2), ("Damp housing", 2)]
    assert result.by_institution[SCHOOL] == [("Damp housing", 2), ("Low pay", 1)]
    assert result.by_institution[MOSQUE] == [("Low pay", 2), ("Buses", 1)]
    assert result.top(1) == [("Low pay", 3)]


def test_an_empty_campaign_tallies_to_nothing() -> None:
    assert tally([]).overall == [] and progress(CAMPAIGN, 0) == 0.0


def test_concerns_list_grows_without_duplicates() -> None:
    grown = add_concern(add_concern(CAMPAIGN, "Damp housing"), " damp HOUSING ")
    assert grown.concerns == ["Damp housing"]
    assert progress(CAMPAIGN, 3) == 0.75
