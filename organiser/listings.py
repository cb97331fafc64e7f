"""Records as lists for the command line: `organiser people`, `campaigns`, `leaders`, `find`.

Each list is plain data first (what `--json` prints: stable keys, ids, ISO dates, never a
private note), and a text table is drawn from the same data, so the two never disagree.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from datetime import date
from typing import Any

from organiser.lookup import fold
from organiser.metrics import last_held
from organiser.models import (
    Campaign,
    CycleStage,
    Institution,
    LadderMove,
    LadderStage,
    Person,
    Profile,
    RelationalMeeting,
)
from organiser.people import sort_key
from organiser.pipeline import WATCHED_FROM, cards_by_stage

Row = dict[str, Any]
#: A column no wider than this in a text table; longer text ends with "…".
COLUMN_MAX = 40


def _iso(day: date | None) -> str | None:
    return day.isoformat() if day is not None else None


def _choose(text: str, names: Mapping[str, str], what: str, example: str) -> str:
    """The key whose name or value is `text` ("leader", "Core team leader", "core-team").

    Names first: with Citizens UK's stage names, "listen" is the stage the profile calls
    Listen, not the one whose key is `listen` (which it calls Organise)."""
    wanted = fold(text).replace("-", " ").replace("_", " ").strip()
    for key, name in names.items():
        if wanted == fold(name).replace("-", " ").replace("_", " ").strip():
            return key
    for key in names:
        if wanted == key.replace("_", " "):
            return key
    shown = ", ".join(names)
    raise ValueError(f"“{text}” is not {what}; use one of {shown} (like {example}).")


def ladder_stage(text: str, profile: Profile) -> LadderStage:
    """A ladder stage by its key or the name the profile gives it; ValueError if neither."""
    names = {stage.value: profile.stage_name(stage) for stage in LadderStage}
    return LadderStage(_choose(text, names, "a ladder stage", "--stage leader"))


def cycle_stage(text: str, profile: Profile) -> CycleStage:
    """A stage of the cycle of action by its key or the profile's name for it."""
    names = {stage.value: profile.cycle_name(stage) for stage in CycleStage}
    return CycleStage(_choose(text, names, "a stage of the cycle", "--stage plan"))


def institution_by_tag(tag: str, institutions: Iterable[Institution]) -> Institution:
    """The institution tagged `tag` (with or without its "#"); ValueError naming the tags."""
    wanted = tag.strip().removeprefix("#").casefold()
    pool = list(institutions)
    for institution in pool:
        if institution.tag and institution.tag.casefold() == wanted:
            return institution
    tags = ", ".join(sorted(f"#{i.tag}" for i in pool if i.tag)[:12]) or "none yet"
    raise ValueError(f"No institution has the tag #{wanted} (tags: {tags}).")


def _institutions(person: Person, by_id: Mapping[str, Institution]) -> list[Row]:
    rows: list[Row] = []
    for membership in person.memberships:
        institution = by_id.get(membership.institution_id)
        if institution is not None:
            rows.append(
                {
                    "id": institution.id,
                    "name": institution.name,
                    "tag": institution.tag,
                    "role": membership.role,
                }
            )
    return rows


def people_rows(
    people: Iterable[Person],
    institutions: Iterable[Institution],
    meetings: Iterable[RelationalMeeting],
    profile: Profile,
) -> list[Row]:
    """Everyone given, by name: contact details, institutions, stage, latest 1-2-1 held."""
    by_id = {i.id: i for i in institutions}
    latest = last_held(meetings)
    return [
        {
            "id": person.id,
            "name": person.name,
            "stage": person.ladder_stage.value,
            "stage_name": profile.stage_name(person.ladder_stage),
            "institutions": _institutions(person, by_id),
            "phone": person.phone,
            "email": person.email,
            "last_one_to_one": _iso(latest.get(person.id)),
        }
        for person in sorted(people, key=sort_key)
    ]


def people_table(rows: Sequence[Row]) -> tuple[list[str], list[list[str]]]:
    headers = ["Name", "Stage", "Institutions", "Phone", "Email", "Last 1-2-1"]
    body = [
        [
            row["name"],
            row["stage_name"],
            ", ".join(i["name"] for i in row["institutions"]),
            row["phone"],
            row["email"],
            row["last_one_to_one"] or "never",
        ]
        for row in rows
    ]
    return headers, body


def campaign_rows(
    campaigns: Iterable[Campaign], institutions: Iterable[Institution], profile: Profile
) -> list[Row]:
    """Campaigns in the order of the cycle, then by name."""
    names = {i.id: i.name for i in institutions}
    order = list(CycleStage)
    ordered = sorted(campaigns, key=lambda c: (order.index(c.stage), fold(c.name), c.id))
    return [
        {
            "id": c.id,
            "name": c.name,
            "stage": c.stage.value,
            "stage_name": profile.cycle_name(c.stage),
            "cycle": c.cycle,
            "issue": c.issue,
            "goal": c.goal,
            "action_date": _iso(c.action_date),
            "turnout_target": c.turnout_target,
            "institutions": [{"id": i, "name": names[i]} for i in c.institution_ids if i in names],
            "leader_ids": list(c.leader_ids),
        }
        for c in ordered
    ]


def campaigns_table(rows: Sequence[Row]) -> tuple[list[str], list[list[str]]]:
    headers = ["Campaign", "Stage", "Cycle", "Action", "Turnout target", "Institutions", "Leaders"]
    body = [
        [
            row["name"],
            row["stage_name"],
            str(row["cycle"]),
            row["action_date"] or "",
            f"{row['turnout_target']:,}" if row["turnout_target"] else "",
            str(len(row["institutions"])),
            str(len(row["leader_ids"])),
        ]
        for row in rows
    ]
    return headers, body


def pipeline_rows(
    people: Iterable[Person],
    institutions: Iterable[Institution],
    meetings: Iterable[RelationalMeeting],
    profile: Profile,
    today: date,
    stages: Sequence[LadderStage],
    moves: Iterable[LadderMove] = (),
) -> list[Row]:
    """The leader pipeline: each of `stages`, highest first, with its people and who is
    losing touch (overdue a 1-2-1 against their stage's cadence in the profile)."""
    by_id = {i.id: i for i in institutions}
    board = cards_by_stage(people, by_id, meetings, today, profile.cadence, moves)
    return [
        {
            "stage": stage.value,
            "stage_name": profile.stage_name(stage),
            "people": [
                {
                    "id": card.person.id,
                    "name": card.person.name,
                    "institutions": list(card.institutions),
                    "last_one_to_one": _iso(card.last_one_to_one),
                    "losing_touch": card.losing_touch,
                }
                for card in board[stage]
            ],
        }
        for stage in sorted(stages, key=lambda s: -s.rank)
    ]


def pipeline_stages(only: LadderStage | None) -> list[LadderStage]:
    """The stages `organiser leaders` shows: one, or every stage from potential leader up."""
    if only is not None:
        return [only]
    return [s for s in LadderStage if s.rank >= WATCHED_FROM.rank]


def pipeline_table(rows: Sequence[Row]) -> tuple[list[str], list[list[str]]]:
    headers = ["Stage", "Name", "Institutions", "Last 1-2-1", "Note"]
    body: list[list[str]] = []
    for stage in rows:
        for person in stage["people"]:
            body.append(
                [
                    stage["stage_name"],
                    person["name"],
                    ", ".join(person["institutions"]),
                    person["last_one_to_one"] or "never",
                    "losing touch" if person["losing_touch"] else "",
                ]
            )
    return headers, body


def _cut(text: str, limit: int = COLUMN_MAX) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def render_table(headers: Sequence[str], rows: Sequence[Sequence[str]]) -> str:
    """Columns aligned with two spaces between, each cut to `COLUMN_MAX` characters."""
    cells = [[_cut(h) for h in headers], *[[_cut(c) for c in row] for row in rows]]
    widths = [max(len(row[i]) for row in cells) for i in range(len(headers))]
    lines = [
        "  ".join(c.ljust(w) for c, w in zip(row, widths, strict=True)).rstrip() for row in cells
    ]
    lines.insert(1, "  ".join("-" * w for w in widths).rstrip())
    return "\n".join(lines) + "\n"


def members_of(people: Iterable[Person], institution: Institution) -> list[Person]:
    return [p for p in people if institution.id in p.institution_ids]
