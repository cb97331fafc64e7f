"""The alliance's people, their memberships and consents, and their history on the ladder."""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from datetime import date, timedelta

from organiser.demo import phrases
from organiser.demo.context import Context, new_id, pick_weighted
from organiser.demo.institutions import Alliance
from organiser.demo.names import CITY_MIX, TRICKY_NAMES, Contacts, person_name
from organiser.demo.places import AREAS, DISTRICTS, STREETS
from organiser.models import (
    Consent,
    Institution,
    LadderMove,
    LadderStage,
    LawfulBasis,
    Membership,
    MembershipStatus,
    Person,
)

S = LadderStage
#: Each stage's place on the ladder (`LadderStage.rank` looks it up every time).
RANK = {stage: number for number, stage in enumerate(LadderStage)}
#: Share of people at each stage above contact: a handful of leaders, many contacts.
STAGE_SHARES = {
    S.CORE_TEAM_LEADER: 0.035,
    S.LEADER: 0.06,
    S.EMERGING_LEADER: 0.09,
    S.POTENTIAL_LEADER: 0.28,
}
MEN_ONLY_ROLES = frozenset({"imam", "parish priest"})
CONSENT_SOURCES = (
    "1-2-1",
    "sign-up sheet at the Assembly",
    "listening campaign card",
    "online form",
    "training registration",
    "institution core team list",
)


@dataclass
class Cast:
    """Everyone in the demo and the facts other builders pick people by."""

    people: list[Person] = field(default_factory=list)
    ladder_moves: list[LadderMove] = field(default_factory=list)
    #: Each person's main institution, when they have one.
    home: dict[str, Institution] = field(default_factory=dict)
    by_institution: dict[str, list[Person]] = field(default_factory=dict)
    core_teams: dict[str, list[str]] = field(default_factory=dict)

    def at_least(self, stage: LadderStage) -> list[Person]:
        least = RANK[stage]
        return [p for p in self.people if RANK[p.ladder_stage] >= least]

    def recordable(self, day: date) -> list[Person]:
        """People whose consent allows notes about them on `day`."""
        return [p for p in self.people if p.consent_to_record.valid_on(day)]

    def slots(self, person: Person, rng: random.Random) -> dict[str, str]:
        """Values for the phrase pools' slots, for notes about `person`."""
        home = self.home.get(person.id)
        other = rng.choice(self.people)
        return {
            "first": person.first_name,
            "inst": home.name if home else "the alliance",
            "area": rng.choice(AREAS),
            "street": rng.choice(STREETS),
            "other": other.first_name if other.id != person.id else "the lead organiser",
        }


def _stages(count: int, rng: random.Random) -> list[LadderStage]:
    stages: list[LadderStage] = []
    for stage, share in STAGE_SHARES.items():
        stages.extend([stage] * max(1, round(count * share)))
    stages.extend([S.CONTACT] * max(0, count - len(stages)))
    stages = stages[:count]
    rng.shuffle(stages)
    return stages


def _consent(ctx: Context, rng: random.Random, first_met: date, *, given: bool) -> Consent:
    if not given:
        return Consent(given=False, source="declined at 1-2-1")
    basis = LawfulBasis.CONSENT if rng.random() < 0.85 else LawfulBasis.LEGITIMATE_INTERESTS
    return Consent(
        given=True,
        on=first_met,
        basis=basis,
        source=rng.choice(CONSENT_SOURCES),
        # Consent is refreshed every two years; legitimate interests has no end date.
        expires=first_met + timedelta(days=730) if basis is LawfulBasis.CONSENT else None,
    )


def build_people(ctx: Context, alliance: Alliance) -> Cast:
    rng = ctx.stream("people")
    contacts = Contacts(ctx.stream("contacts"))
    cast = Cast()
    count = ctx.scaled(130, minimum=12)
    stages = _stages(count, rng)
    institutions = alliance.institutions
    joinable = [i for i in institutions if i.status is not MembershipStatus.LAPSED]
    members = alliance.members() or institutions
    weights = [alliance.sizes[i.id] for i in joinable]
    member_weights = [alliance.sizes[i.id] for i in members]
    # The awkward names are spread through the first hundred or so people.
    tricky = {5 + 9 * n: name for n, name in enumerate(TRICKY_NAMES) if 5 + 9 * n < count}
    names: set[str] = set()
    keys: set[str] = set()
    # A few people from the lapsed institution stay on the books.
    lapsed = [i for i in institutions if i.status is MembershipStatus.LAPSED]

    for number, stage in enumerate(stages):
        # Leaders belong to member institutions; a few contacts belong nowhere yet.
        home: Institution | None
        if RANK[stage] >= RANK[S.EMERGING_LEADER]:
            home = rng.choices(members, weights=member_weights)[0]
        elif lapsed and number % 40 == 7:
            home = lapsed[number % len(lapsed)]
        elif rng.random() < 0.06:
            home = None
        else:
            home = rng.choices(joinable, weights=weights)[0]
        community = ""
        woman = False
        if number in tricky:
            name = tricky[number]
        else:
            mix = alliance.mixes[home.id] if home else CITY_MIX
            for _ in range(5):
                community = pick_weighted(rng, mix)
                name, woman = person_name(rng, community)
                if name not in names:
                    break
        names.add(name)

        memberships: list[Membership] = []
        if home is not None:
            roles = alliance.roles[home.id]
            # The first person met there from its own community holds the key role.
            # (imams and Catholic priests are men in these congregations).
            key_holder = (
                community and home.id not in keys and not (woman and roles[0] in MEN_ONLY_ROLES)
            )
            role = roles[0] if key_holder else rng.choice(roles[1:])
            if key_holder:
                keys.add(home.id)
            memberships.append(Membership(institution_id=home.id, role=role))
            if rng.random() < 0.1:
                second = rng.choice(joinable)
                if second.id != home.id:
                    memberships.append(
                        Membership(
                            institution_id=second.id, role=rng.choice(alliance.roles[second.id][1:])
                        )
                    )

        # First met up to two years ago; a few long enough ago that consent has lapsed.
        first_met = ctx.days_ago(
            rng.randrange(760, 1000) if number % 25 == 3 else rng.randrange(30, 700)
        )
        record_given = number % 14 != 5
        slots: dict[str, str] = {
            "first": name.split()[0],
            "inst": home.name if home else "the alliance",
            "other": rng.choice(cast.people).first_name if cast.people else "Bernadette",
        }
        notes = ""
        if record_given and rng.random() < 0.35:
            language = phrases.LANGUAGE_NOTES.get(community)
            pool = (language,) if language and rng.random() < 0.4 else phrases.PERSON_NOTES
            notes = phrases.fill(rng.choice(pool), rng, slots)
        person = Person(
            id=new_id(rng),
            name=name,
            phone=contacts.phone() if rng.random() < 0.9 else "",
            email=contacts.email(name) if rng.random() < 0.8 else "",
            address=(
                f"{rng.randrange(1, 200)} {rng.choice(STREETS)}, Leicester {rng.choice(DISTRICTS)}"
                if rng.random() < 0.15
                else ""
            ),
            memberships=memberships,
            ladder_stage=stage,
            consent_to_contact=_consent(ctx, rng, first_met, given=True),
            consent_to_record=_consent(ctx, rng, first_met, given=record_given),
            notes=notes,
            private_notes=phrases.fill(rng.choice(phrases.PRIVATE_NOTES), rng, slots)
            if record_given and rng.random() < 0.15
            else "",
        )
        cast.people.append(person)
        for membership in memberships:
            cast.by_institution.setdefault(membership.institution_id, []).append(person)
        if home is not None:
            cast.home[person.id] = home

    cast.core_teams = _core_teams(cast, alliance)
    cast.ladder_moves = _ladder_moves(ctx, ctx.stream("ladder"), cast)
    return cast


def _core_teams(cast: Cast, alliance: Alliance) -> dict[str, list[str]]:
    """Each member institution's core team: its leaders first, then potential leaders, and
    contacts only to make up three."""
    teams: dict[str, list[str]] = {}
    for institution in alliance.institutions:
        if institution.status is MembershipStatus.PROSPECT:
            continue
        people = [
            p
            for p in cast.by_institution.get(institution.id, [])
            if p.id in cast.home and cast.home[p.id].id == institution.id
        ]
        people.sort(key=lambda p: -RANK[p.ladder_stage])  # stable: first met first
        climbing = [p for p in people if p.ladder_stage is not S.CONTACT]
        team = climbing[:6] if len(climbing) >= 3 else people[:3]
        teams[institution.id] = [p.id for p in team]
    return teams


_UP = list(LadderStage)


def _ladder_moves(ctx: Context, rng: random.Random, cast: Cast) -> list[LadderMove]:
    """Each person's climb to their present stage within the past year, and a few who
    went up and came back down."""
    moves: list[LadderMove] = []
    for number, person in enumerate(cast.people):
        rank = RANK[person.ladder_stage]
        if rank == 0:
            continue
        path = _UP[: rank + 1]
        if rank in (1, 2) and number % 13 == 0:
            path = [*path, _UP[rank + 1], _UP[rank]]
        steps = list(zip(path, path[1:], strict=False))
        offsets = sorted(rng.sample(range(3, 360), len(steps)), reverse=True)
        inst = cast.home[person.id].name if person.id in cast.home else "the alliance"
        for (before, after), offset in zip(steps, offsets, strict=True):
            up = RANK[after] > RANK[before]
            key = (before.value, after.value) if up else ("down", "down")
            reason = rng.choice(phrases.LADDER_REASONS[key]).format(inst=inst)
            moves.append(
                LadderMove(
                    id=new_id(rng),
                    person_id=person.id,
                    on=ctx.days_ago(offset),
                    from_stage=before,
                    to_stage=after,
                    reason=reason,
                )
            )
    return moves
