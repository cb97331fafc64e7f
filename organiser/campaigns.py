"""Campaigns round the cycle of action and their power analysis: helpers the screens share.

Pure Python: what a campaign's list row says, where a power map entry sits on the grid, and
what deleting a campaign takes with it.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from organiser.cycle import Gate
from organiser.models import (
    Campaign,
    LadderStage,
    Person,
    PowerMapEntry,
    PublicAction,
    Record,
    Stance,
)

#: How each stance reads on screen, from opposed to champion (the grid's columns, in order).
STANCE_LABELS: dict[Stance, str] = {
    Stance.OPPOSED: "Opposed",
    Stance.LEANING_AGAINST: "Leaning against",
    Stance.NEUTRAL: "Neutral",
    Stance.LEANING_FOR: "Leaning for",
    Stance.CHAMPION: "Champion",
}
#: The grid's rows, most influence first.
INFLUENCE_ROWS: tuple[int, ...] = (5, 4, 3, 2, 1)
#: Who can be a campaign's leader when the ladder is used: emerging leaders and above.
LEADER_STAGES = frozenset(
    {LadderStage.EMERGING_LEADER, LadderStage.LEADER, LadderStage.CORE_TEAM_LEADER}
)
READY = "ready to move on"


def needs_text(checked: Gate) -> str:
    """What the stage still needs, in one line, or "ready to move on"."""
    return "; ".join(checked.missing) if checked.missing else READY


def power_grid(entries: Iterable[PowerMapEntry]) -> dict[tuple[int, Stance], list[str]]:
    """Each cell of influence (5 to 1) against stance, with the names of those in it, sorted."""
    grid: dict[tuple[int, Stance], list[str]] = {
        (influence, stance): [] for influence in INFLUENCE_ROWS for stance in STANCE_LABELS
    }
    for entry in entries:
        grid[(entry.influence, entry.stance)].append(entry.name)
    for names in grid.values():
        names.sort(key=str.casefold)
    return grid


def in_map_order(entries: Iterable[PowerMapEntry]) -> list[PowerMapEntry]:
    """Decision-makers first, then the most influential, then by name."""
    return sorted(entries, key=lambda e: (not e.is_decision_maker, -e.influence, e.name.casefold()))


def leader_choices(people: Sequence[Person], chosen: Iterable[str] = ()) -> list[Person]:
    """People who can lead a campaign: emerging leaders and above, plus anyone already chosen;
    everyone, when no one is that far up the ladder yet. Sorted by name."""
    keep = set(chosen)
    leaders = [p for p in people if p.ladder_stage in LEADER_STAGES or p.id in keep]
    if not any(p.ladder_stage in LEADER_STAGES for p in people):
        leaders = list(people)
    return sorted(leaders, key=lambda p: p.name.casefold())


@dataclass(frozen=True)
class CampaignRemoval:
    """What deleting a campaign changes: actions unlinked, power map entries deleted."""

    saves: list[Record]
    deletes: list[tuple[type[Record], str]]

    @property
    def entries(self) -> int:
        return sum(1 for kind, _ in self.deletes if kind is PowerMapEntry)

    @property
    def actions(self) -> int:
        return len(self.saves)


def plan_campaign_removal(
    campaign: Campaign,
    power_map: Iterable[PowerMapEntry],
    actions: Iterable[PublicAction],
) -> CampaignRemoval:
    """The campaign and its power map go; its actions stay, no longer linked to it."""
    deletes: list[tuple[type[Record], str]] = [(Campaign, campaign.id)]
    deletes += [(PowerMapEntry, e.id) for e in power_map if e.campaign_id == campaign.id]
    saves: list[Record] = [
        a.evolve(campaign_id=None) for a in actions if a.campaign_id == campaign.id
    ]
    return CampaignRemoval(saves, deletes)


def without_target(campaign: Campaign, entry_id: str) -> Campaign:
    """The campaign with its target cleared when that target is the entry being deleted."""
    if campaign.target_decision_maker_id == entry_id:
        return campaign.evolve(target_decision_maker_id=None)
    return campaign
