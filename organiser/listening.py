"""Listening campaigns: tallying the concerns raised across conversations."""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from organiser.lookup import fold
from organiser.models import Campaign, Conversation, CycleStage, ListeningCampaign, Record
from organiser.text import NAME_MAX


@dataclass(frozen=True)
class Tally:
    """Concerns ranked by how many conversations raised them, overall and per institution."""

    conversations: int
    overall: list[tuple[str, int]]
    by_institution: dict[str | None, list[tuple[str, int]]]

    def top(self, n: int = 5) -> list[tuple[str, int]]:
        return self.overall[:n]


def _ranked(counts: Counter[str]) -> list[tuple[str, int]]:
    return sorted(counts.items(), key=lambda item: (-item[1], fold(item[0])))


def tally(conversations: Iterable[Conversation]) -> Tally:
    """Each conversation counts once per concern, however often it repeats the concern.

    Concerns that differ only in case or accents are counted together under the first
    spelling seen.
    """
    spelling: dict[str, str] = {}
    overall: Counter[str] = Counter()
    by_institution: dict[str | None, Counter[str]] = defaultdict(Counter)
    count = 0
    for conversation in conversations:
        count += 1
        seen: set[str] = set()
        for concern in conversation.concerns:
            key = fold(concern).strip()
            if not key or key in seen:
                continue
            seen.add(key)
            name = spelling.setdefault(key, concern.strip())
            overall[name] += 1
            by_institution[conversation.institution_id][name] += 1
    return Tally(
        conversations=count,
        overall=_ranked(overall),
        by_institution={k: _ranked(v) for k, v in by_institution.items()},
    )


def add_concern(campaign: ListeningCampaign, concern: str) -> ListeningCampaign:
    """The campaign with `concern` added to its list, unless it is there already."""
    wanted = fold(concern).strip()
    if not wanted or any(fold(c).strip() == wanted for c in campaign.concerns):
        return campaign
    return campaign.evolve(concerns=[*campaign.concerns, concern.strip()])


def progress(campaign: ListeningCampaign, conversations: int) -> float:
    """Share of the conversation target reached (1.0 when there is no target)."""
    if campaign.target_conversations <= 0:
        return 1.0
    return conversations / campaign.target_conversations


def log(campaign: ListeningCampaign, conversation: Conversation) -> ListeningCampaign:
    """The campaign with every concern `conversation` raised on its list (new ones at the end)."""
    for concern in conversation.concerns:
        campaign = add_concern(campaign, concern)
    return campaign


def newest_first(conversations: Iterable[Conversation]) -> list[Conversation]:
    """Conversations by date, the latest first (those logged later first on the same day)."""
    return sorted(conversations, key=lambda c: (c.on, c.created), reverse=True)


def matching_concerns(campaign: ListeningCampaign, text: str, limit: int = 8) -> list[str]:
    """The campaign's concerns containing every typed word, those starting with it first."""
    words = fold(text).split()
    if not words:
        return []
    hits = [c for c in campaign.concerns if all(w in fold(c) for w in words)]
    hits.sort(key=lambda c: not fold(c).startswith(words[0]))
    return hits[:limit]


@dataclass(frozen=True)
class Removal:
    """What deleting a listening campaign takes with it, to save as one change."""

    campaign: ListeningCampaign
    conversations: list[Conversation]
    unlinked: list[Campaign]

    @property
    def deletes(self) -> list[tuple[type[Record], str]]:
        gone: list[tuple[type[Record], str]] = [(ListeningCampaign, self.campaign.id)]
        gone += [(Conversation, c.id) for c in self.conversations]
        return gone


def plan_removal(
    campaign: ListeningCampaign,
    conversations: Iterable[Conversation],
    campaigns: Iterable[Campaign],
) -> Removal:
    """Its conversations go with it; campaigns that came out of it lose only the link."""
    return Removal(
        campaign=campaign,
        conversations=[c for c in conversations if c.listening_campaign_id == campaign.id],
        unlinked=[
            c.evolve(
                listening_campaign_ids=[i for i in c.listening_campaign_ids if i != campaign.id]
            )
            for c in campaigns
            if campaign.id in c.listening_campaign_ids
        ],
    )


def take_forward(campaign: ListeningCampaign, concern: str) -> Campaign:
    """A new campaign, at the Listen stage, whose problem is `concern` raised in `campaign`."""
    problem = concern.strip()
    name = problem if len(problem) <= NAME_MAX else problem[: NAME_MAX - 1] + "…"
    return Campaign(
        name=name,
        problem=problem,
        stage=CycleStage.LISTEN,
        listening_campaign_ids=[campaign.id],
    )
