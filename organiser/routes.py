"""Route to target: the shortest chains of relationships from our leaders and member
institutions to a decision-maker ("Amina Khan → Imam Yusuf → Cllr Patel").

People are linked by `PersonLink` records (no direction), and a member institution reaches
its own members (`Person.memberships`). A route starts at one of our leaders, or at a member
institution, and passes only through people. The network is built once per question from
three lists, so a search never goes back to the repository hop by hop: with 50,000 people
and 100,000 links a search is a breadth-first walk of a few dictionaries.

Of all the starting points, the closest ones are shown, up to `ROUTE_LIMIT` routes of at
most `MAX_HOPS` steps. A route that passes through another of our leaders is left out: that
leader's own, shorter route already says it.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from organiser.models import Institution, LadderStage, MembershipStatus, Person, PowerMapEntry
from organiser.models.links import LinkKind, PersonLink
from organiser.repository import Repository

#: The ladder stages whose people a route may start from: our leaders. Emerging leaders are
#: left out on purpose: a route is a relationship someone is asked to use in public.
LEADING_STAGES = frozenset({LadderStage.LEADER, LadderStage.CORE_TEAM_LEADER})
#: At most this many routes per target, and this many steps in any of them.
ROUTE_LIMIT = 3
MAX_HOPS = 4

LINK_LABELS: dict[LinkKind, str] = {
    LinkKind.KNOWS: "knows",
    LinkKind.WORKS_WITH: "works with",
    LinkKind.FAMILY: "family",
    LinkKind.SAME_CONGREGATION: "same congregation",
    LinkKind.OTHER: "other",
}


@dataclass(frozen=True)
class Step:
    """One stop on a route: a person or the institution it starts from, and how this stop is
    joined to the one before it ("member of", "knows"...; empty for the first)."""

    id: str
    name: str
    is_institution: bool = False
    joined_by: str = ""


@dataclass(frozen=True)
class Route:
    steps: tuple[Step, ...]

    @property
    def hops(self) -> int:
        return len(self.steps) - 1

    @property
    def text(self) -> str:
        """ "Amina Khan → Imam Yusuf → Cllr Patel" """
        return " → ".join(step.name for step in self.steps)

    @property
    def explained(self) -> str:
        """ "Amina Khan → (same congregation) Imam Yusuf → (knows) Cllr Patel" """
        parts = [self.steps[0].name]
        parts += [f"({s.joined_by}) {s.name}" for s in self.steps[1:]]
        return " → ".join(parts)


@dataclass(frozen=True)
class TargetRoutes:
    """A decision-maker, the routes to them, and why there are none when there are none."""

    entry: PowerMapEntry
    routes: tuple[Route, ...]
    why_none: str = ""


class Network:
    """Everyone, their links and their member institutions, indexed once for many searches."""

    def __init__(
        self,
        people: Iterable[Person],
        institutions: Iterable[Institution],
        links: Iterable[PersonLink],
    ) -> None:
        self.people: dict[str, Person] = {p.id: p for p in people}
        self.institutions: dict[str, Institution] = {
            i.id: i for i in institutions if i.status is MembershipStatus.MEMBER
        }
        known = self.people
        adjacent: dict[str, list[tuple[str, LinkKind]]] = {}
        for link in links:
            one, other, kind = link.person_id, link.other_id, link.link_kind
            if one in known and other in known:
                adjacent.setdefault(one, []).append((other, kind))
                adjacent.setdefault(other, []).append((one, kind))
        #: Each person's links, in the order the links were read (the store's, stable).
        self._links = adjacent
        self.leaders = frozenset(
            p.id for p in self.people.values() if p.ladder_stage in LEADING_STAGES
        )

    @classmethod
    def load(cls, repo: Repository) -> Network:
        """The whole network, read in three calls."""
        return cls(repo.list(Person), repo.list(Institution), repo.list(PersonLink))

    def links_of(self, person_id: str) -> list[tuple[Person, LinkKind]]:
        """Who `person_id` is linked to, in name order."""
        found = [(self.people[other], kind) for other, kind in self._links.get(person_id, [])]
        return sorted(found, key=lambda pair: (pair[0].name.casefold(), pair[0].id))

    def routes_to(
        self, target_id: str, *, limit: int = ROUTE_LIMIT, max_hops: int = MAX_HOPS
    ) -> list[Route]:
        """The shortest routes from our leaders and member institutions to `target_id`,
        closest first, one per starting point, at most `limit` of them."""
        if target_id not in self.people:
            return []
        # Walk outwards from the target: links have no direction, so the way back from each
        # person found is the way from them to the target.
        towards: dict[str, tuple[str, LinkKind] | None] = {target_id: None}
        hops = {target_id: 0}
        queue = deque([target_id])
        while queue:
            here = queue.popleft()
            if hops[here] == max_hops:
                continue
            for other, kind in self._links.get(here, []):
                if other not in hops:
                    hops[other] = hops[here] + 1
                    towards[other] = (here, kind)
                    queue.append(other)
        starts: list[tuple[int, int, str, Route]] = []
        for person_id, distance in hops.items():
            if person_id in self.leaders and person_id != target_id:
                route = self._route(person_id, towards)
                if route is not None:
                    rank = self.people[person_id].ladder_stage.rank
                    starts.append((distance, -rank, self.people[person_id].name, route))
        starts += self._from_institutions(hops, towards, max_hops)
        starts.sort(key=lambda start: (start[0], start[1], start[2].casefold()))
        return [route for *_, route in starts[:limit]]

    def _from_institutions(
        self,
        hops: Mapping[str, int],
        towards: Mapping[str, tuple[str, LinkKind] | None],
        max_hops: int,
    ) -> list[tuple[int, int, str, Route]]:
        """For each member institution, its route through its closest member."""
        best: dict[str, tuple[int, str]] = {}
        for person_id, distance in hops.items():
            if distance + 1 > max_hops or person_id in self.leaders:
                continue  # through one of our leaders: their own route says it
            for membership in self.people[person_id].memberships:
                held = best.get(membership.institution_id)
                if membership.institution_id in self.institutions and (
                    held is None or (distance, person_id) < held
                ):
                    best[membership.institution_id] = (distance, person_id)
        found = []
        for institution_id, (distance, member_id) in best.items():
            route = self._route(member_id, towards)
            if route is None:
                continue
            institution = self.institutions[institution_id]
            start = Step(institution.id, institution.name, is_institution=True)
            member = self.people[member_id]
            role = next(
                (m.role for m in member.memberships if m.institution_id == institution_id), ""
            )
            first = Step(member.id, member.name, joined_by=role or "member")
            steps = (start, first, *route.steps[1:])
            found.append((distance + 1, 1, institution.name, Route(steps)))
        return found

    def _route(
        self, start_id: str, towards: Mapping[str, tuple[str, LinkKind] | None]
    ) -> Route | None:
        """The way from `start_id` to the target; None when it passes another leader."""
        steps = [Step(start_id, self.people[start_id].name)]
        here = start_id
        while (step := towards[here]) is not None:
            here, kind = step
            if here in self.leaders and towards[here] is not None:
                return None
            steps.append(Step(here, self.people[here].name, joined_by=LINK_LABELS[kind]))
        return Route(tuple(steps))


def routes_for(entries: Sequence[PowerMapEntry], network: Network) -> list[TargetRoutes]:
    """For each decision-maker in `entries`, their routes, or why there are none."""
    found = []
    for entry in entries:
        if not entry.is_decision_maker:
            continue
        found.append(target_routes(entry, network))
    return found


def target_routes(entry: PowerMapEntry, network: Network) -> TargetRoutes:
    person = network.people.get(entry.person_id or "")
    if entry.person_id is None:
        why = (
            f"{entry.name} is not linked to anyone on record, so no route can be traced: "
            "press p to link the entry to a person (or add them)."
        )
        return TargetRoutes(entry, (), why)
    if person is None:
        why = f"{entry.name} is linked to someone no longer on record: p links them again."
        return TargetRoutes(entry, (), why)
    if person.id in network.leaders:
        return TargetRoutes(entry, (), f"{person.name} is one of our own leaders.")
    routes = tuple(network.routes_to(person.id))
    if routes:
        return TargetRoutes(entry, routes)
    why = (
        f"No route to {person.name} within {MAX_HOPS} steps of our leaders or member "
        "institutions. Add the links you know on people's pages (k on a person adds one)."
    )
    return TargetRoutes(entry, (), why)


def links_of_person(repo: Repository, person_id: str) -> list[PersonLink]:
    """Every link with `person_id` at either end."""
    return [
        *repo.list(PersonLink, where={"person_id": person_id}),
        *repo.list(PersonLink, where={"other_id": person_id}),
    ]


def describe_link(link: PersonLink, other: Person | None) -> str:
    """ "Imam Yusuf: same congregation (introduced at the Eid party)" """
    name = other.name if other else "someone no longer on record"
    note = f" ({link.note})" if link.note else ""
    return f"{name}: {LINK_LABELS[link.link_kind]}{note}"
