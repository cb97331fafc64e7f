"""Listening campaigns: tallying the concerns raised across conversations."""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from organiser.lookup import fold
from organiser.models import Conversation, ListeningCampaign


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
