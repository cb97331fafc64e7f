"""`organiser find`: one search across people, 1-2-1 notes, listening conversations and the
minutes of meetings, each hit with the line it was found in.

People are found as the People list finds them (name, institution, role, contacts, notes),
never by their private notes, and a private note is never shown.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from organiser.lookup import fold
from organiser.models import (
    Conversation,
    Institution,
    ListeningCampaign,
    Meeting,
    Person,
    RelationalMeeting,
)
from organiser.one_to_ones import STATUS_LABELS
from organiser.people import institution_names, matching_people
from organiser.repository import Repository

Row = dict[str, Any]
#: At most this many hits of each kind, unless asked for more.
LIMIT = 20
SNIPPET = 70


def snippet(fields: Sequence[tuple[str, str]], text: str) -> str:
    """`label: the line` holding the first word of `text`, cut around it to fit one row."""
    words = fold(text).split()
    for label, value in fields:
        for raw in value.splitlines():
            line = raw.strip()
            folded = fold(line)
            hits = [folded.find(w) for w in words if w in folded]
            if not hits:
                continue
            at = min(hits) if len(folded) == len(line) else 0
            if len(line) > SNIPPET:
                start = max(0, min(at - SNIPPET // 3, len(line) - SNIPPET))
                line = ("…" if start else "") + line[start : start + SNIPPET - 1] + "…"
            return f"{label}: {line}" if label else line
    return ""


@dataclass(frozen=True)
class Found:
    """Every kind's hits, as the rows `--json` prints, and how many each kind had in all."""

    query: str
    kinds: dict[str, list[Row]]
    totals: dict[str, int]

    def as_json(self) -> dict[str, Any]:
        return {"query": self.query, **self.kinds, "totals": self.totals}

    @property
    def empty(self) -> bool:
        return not any(self.totals.values())


def _one_to_one(m: RelationalMeeting, people: dict[str, Person], text: str) -> Row:
    person = people.get(m.person_id)
    fields = [
        ("interests", m.interests),
        ("self-interest", m.self_interest),
        ("story", m.story),
        ("tension", m.tension),
        ("follow-up", m.follow_up),
        ("place", m.place),
    ]
    return {
        "id": m.id,
        "at": m.at.isoformat(),
        "status": m.status.value,
        "person_id": m.person_id,
        "person": person.name if person else "",
        "title": f"{STATUS_LABELS[m.status]} 1-2-1 with {person.name if person else '?'}",
        "matched": snippet(fields, text),
    }


def _conversation(c: Conversation, campaigns: dict[str, ListeningCampaign], text: str) -> Row:
    campaign = campaigns.get(c.listening_campaign_id)
    fields = [("concern", concern) for concern in c.concerns]
    return {
        "id": c.id,
        "on": c.on.isoformat(),
        "listening_campaign_id": c.listening_campaign_id,
        "listening_campaign": campaign.name if campaign else "",
        "person_id": c.person_id,
        "who": c.who,
        "concerns": list(c.concerns),
        "title": f"Conversation, {campaign.name if campaign else 'listening'}",
        "matched": snippet([*fields, ("who", c.who), ("story", c.story)], text),
    }


def _meeting(m: Meeting, text: str) -> Row:
    return {
        "id": m.id,
        "at": m.at.isoformat(),
        "meeting_kind": m.meeting_kind.value,
        "title": m.title,
        "matched": snippet([("title", m.title), ("minutes", m.minutes), ("place", m.place)], text),
    }


def find_everything(repo: Repository, text: str, limit: int = LIMIT) -> Found:
    """What `text` finds, `limit` of each kind: people by name, 1-2-1s and meetings newest
    first, conversations newest first."""
    people_all = repo.list(Person)
    institutions = {i.id: i for i in repo.list(Institution)}
    people = matching_people(people_all, institutions, text)
    by_id = {p.id: p for p in people_all}
    one_to_ones = sorted(repo.search(RelationalMeeting, text), key=lambda m: m.at, reverse=True)
    conversations = sorted(repo.search(Conversation, text), key=lambda c: c.on, reverse=True)
    meetings = sorted(repo.search(Meeting, text), key=lambda m: m.at, reverse=True)
    campaigns = {c.id: c for c in repo.list(ListeningCampaign)} if conversations else {}
    kinds: dict[str, list[Row]] = {
        "people": [
            {
                "id": p.id,
                "name": p.name,
                "stage": p.ladder_stage.value,
                "institutions": institution_names(p, institutions),
                "title": p.name,
                "matched": snippet([("", p.name), ("notes", p.notes)], text),
            }
            for p in people[:limit]
        ],
        "one_to_ones": [_one_to_one(m, by_id, text) for m in one_to_ones[:limit]],
        "conversations": [_conversation(c, campaigns, text) for c in conversations[:limit]],
        "meetings": [_meeting(m, text) for m in meetings[:limit]],
    }
    totals = {
        "people": len(people),
        "one_to_ones": len(one_to_ones),
        "conversations": len(conversations),
        "meetings": len(meetings),
    }
    return Found(text, kinds, totals)


HEADINGS = {
    "people": "People",
    "one_to_ones": "1-2-1s",
    "conversations": "Listening conversations",
    "meetings": "Meetings",
}


def as_text(found: Found) -> str:
    """Each kind with hits under a heading: one line per hit, where the words were found."""
    if found.empty:
        return f"Nothing matches “{found.query}”.\n"
    blocks: list[str] = []
    for kind, heading in HEADINGS.items():
        rows, total = found.kinds[kind], found.totals[kind]
        if not total:
            continue
        lines = [f"{heading} ({total:,})"]
        for row in rows:
            when = str(row.get("at") or row.get("on") or "")[:10]
            where = row["title"] if kind != "people" else _person_line(row)
            lines.append("  " + "  ".join(part for part in (when, where) if part))
            if row["matched"] and row["matched"] != row["title"]:
                lines.append(f"      {row['matched']}")
        if total > len(rows):
            lines.append(f"  … and {total - len(rows):,} more (--limit shows more)")
        blocks.append("\n".join(lines))
    return "\n\n".join(blocks) + "\n"


def _person_line(row: Row) -> str:
    institutions = ", ".join(row["institutions"])
    return f"{row['name']} ({institutions})" if institutions else row["name"]
