"""Who knows whom in the demo alliance: links inside each institution and a few across, and
the housing campaign's decision-maker on record with a route to her.

Built after everything else from a random stream of its own, so the rest of the demo is the
same with or without it: the only record it changes is the decision-maker's power map
entry, which is linked to her new person record.
"""

from __future__ import annotations

import random
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import timedelta

from organiser.demo.context import Context, new_id
from organiser.demo.people import Cast
from organiser.models import (
    Consent,
    Institution,
    InstitutionKind,
    LadderStage,
    LawfulBasis,
    Person,
    PowerMapEntry,
)
from organiser.models.links import LinkKind, PersonLink

#: The decision-maker put on record, by the name the power map gives her.
DECISION_MAKER = "Cllr Elaine Marsh"
LEADING = (LadderStage.LEADER, LadderStage.CORE_TEAM_LEADER)
#: How people in the same institution usually know each other.
KIND_WITHIN: dict[InstitutionKind, LinkKind] = {
    InstitutionKind.FAITH_CONGREGATION: LinkKind.SAME_CONGREGATION,
    InstitutionKind.UNION_BRANCH: LinkKind.WORKS_WITH,
}


@dataclass
class Links:
    """What the links builder adds, and the power map with the decision-maker linked."""

    people: list[Person] = field(default_factory=list)
    links: list[PersonLink] = field(default_factory=list)
    power_map: list[PowerMapEntry] = field(default_factory=list)


class _Pairs:
    def __init__(self, rng: random.Random) -> None:
        self.rng = rng
        self.made: list[PersonLink] = []
        self._seen: set[frozenset[str]] = set()

    def add(self, one: Person, other: Person, kind: LinkKind, note: str = "") -> None:
        pair = frozenset((one.id, other.id))
        if one.id == other.id or pair in self._seen:
            return
        self._seen.add(pair)
        self.made.append(
            PersonLink(
                id=new_id(self.rng), person_id=one.id, other_id=other.id, link_kind=kind, note=note
            )
        )


def _within(pairs: _Pairs, cast: Cast, institutions: Sequence[Institution]) -> None:
    """Each member knows one or two others in their institution."""
    rng = pairs.rng
    for institution in institutions:
        members = cast.by_institution.get(institution.id, [])
        kind = KIND_WITHIN.get(institution.institution_kind, LinkKind.KNOWS)
        for person in members:
            for other in rng.sample(members, min(len(members), rng.choice((1, 1, 2)))):
                pairs.add(person, other, kind)


def _across(pairs: _Pairs, people: Sequence[Person]) -> None:
    """Some people know someone elsewhere in the alliance; a few are family."""
    rng = pairs.rng
    for person in people:
        if rng.random() < 0.5:
            other = rng.choice(people)
            family = rng.random() < 0.12
            note = "cousins" if family and rng.random() < 0.5 else ""
            pairs.add(person, other, LinkKind.FAMILY if family else LinkKind.KNOWS, note)


def _decision_maker(ctx: Context, rng: random.Random) -> Person:
    since = ctx.days_ago(200)
    consent = Consent(given=True, on=since, basis=LawfulBasis.LEGITIMATE_INTERESTS, source="1-2-1")
    return Person(
        id=new_id(rng),
        name=DECISION_MAKER,
        email="elaine.marsh@example.org",
        consent_to_contact=consent,
        consent_to_record=consent.model_copy(update={"on": since + timedelta(days=1)}),
        notes="Cabinet Lead for Housing, City Council. Public figure: contact through her office.",
    )


def build_links(
    ctx: Context,
    cast: Cast,
    institutions: Sequence[Institution],
    power_map: Sequence[PowerMapEntry],
) -> Links:
    """A few links per person (about 2.4 at any scale), and a route to the decision-maker."""
    rng = ctx.stream("links")
    pairs = _Pairs(rng)
    _within(pairs, cast, institutions)
    _across(pairs, cast.people)
    found = Links(power_map=list(power_map))
    entry = next((e for e in power_map if e.name == DECISION_MAKER), None)
    leaders = [p for p in cast.people if p.ladder_stage in LEADING]
    others = [p for p in cast.people if p.ladder_stage not in LEADING and p.memberships]
    if entry is not None and leaders and len(others) >= 2:
        marsh = _decision_maker(ctx, rng)
        officer, neighbour = rng.sample(others, 2)
        pairs.add(rng.choice(leaders), officer, LinkKind.KNOWS)
        pairs.add(officer, marsh, LinkKind.WORKS_WITH, "works in her department at the council")
        pairs.add(neighbour, marsh, LinkKind.KNOWS, "her neighbour")
        found.people.append(marsh)
        found.power_map = [e.evolve(person_id=marsh.id) if e is entry else e for e in power_map]
    found.links = pairs.made
    return found
