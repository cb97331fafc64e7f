"""Route to target: shortest chains from our leaders and member institutions to a decision-maker."""

from __future__ import annotations

import random
from datetime import date

from organiser.demo import build_demo
from organiser.models import (
    Campaign,
    Institution,
    LadderStage,
    LinkKind,
    Membership,
    MembershipStatus,
    Person,
    PersonLink,
    PowerMapEntry,
)
from organiser.routes import MAX_HOPS, Network, routes_for, target_routes
from store.repository import TinyRepository


def person(name: str, stage: LadderStage = LadderStage.CONTACT, *within: str) -> Person:
    return Person(
        name=name,
        ladder_stage=stage,
        memberships=[Membership(institution_id=i, role="member") for i in within],
    )


def link(a: Person, b: Person, kind: LinkKind = LinkKind.KNOWS) -> PersonLink:
    return PersonLink(person_id=a.id, other_id=b.id, link_kind=kind)


def test_the_route_from_a_leader_goes_through_who_they_know() -> None:
    amina = person("Amina Khan", LadderStage.LEADER)
    yusuf = person("Imam Yusuf")
    patel = person("Cllr Patel")
    network = Network(
        [amina, yusuf, patel],
        [],
        [link(amina, yusuf, LinkKind.SAME_CONGREGATION), link(patel, yusuf)],
    )
    [route] = network.routes_to(patel.id)
    assert route.text == "Amina Khan → Imam Yusuf → Cllr Patel"
    assert route.explained == "Amina Khan → (same congregation) Imam Yusuf → (knows) Cllr Patel"
    assert route.hops == 2


def test_a_member_institution_reaches_the_target_through_its_members() -> None:
    mosque = Institution(name="Masjid al-Noor", status=MembershipStatus.MEMBER)
    prospect = Institution(name="Not yet a member", status=MembershipStatus.PROSPECT)
    yusuf = person("Imam Yusuf", LadderStage.CONTACT, mosque.id, prospect.id)
    patel = person("Cllr Patel")
    network = Network([yusuf, patel], [mosque, prospect], [link(yusuf, patel)])
    [route] = network.routes_to(patel.id)
    assert route.text == "Masjid al-Noor → Imam Yusuf → Cllr Patel"
    assert route.steps[0].is_institution and route.steps[1].joined_by == "member"


def test_the_closest_three_starting_points_are_shown_closest_first() -> None:
    target = person("Cllr Patel")
    near = [person(f"Leader {n}", LadderStage.LEADER) for n in range(4)]
    middle = person("Go-between")
    far = person("Far Leader", LadderStage.CORE_TEAM_LEADER)
    links = [link(p, target) for p in near[:2]] + [link(far, middle), link(middle, target)]
    network = Network([target, *near, middle, far], [], links)
    routes = network.routes_to(target.id)
    assert [r.text for r in routes] == [
        "Leader 0 → Cllr Patel",
        "Leader 1 → Cllr Patel",
        "Far Leader → Go-between → Cllr Patel",
    ]


def test_routes_are_undirected_and_stop_after_the_longest_allowed() -> None:
    chain = [person(f"P{n}") for n in range(MAX_HOPS + 2)]
    chain[0] = chain[0].evolve(ladder_stage=LadderStage.LEADER)
    # Each link added from the far end, so direction cannot matter.
    links = [link(chain[n + 1], chain[n]) for n in range(len(chain) - 1)]
    network = Network(chain, [], links)
    assert network.routes_to(chain[MAX_HOPS].id)[0].hops == MAX_HOPS
    assert network.routes_to(chain[MAX_HOPS + 1].id) == []


def test_a_route_through_another_leader_is_left_to_that_leader() -> None:
    outer = person("Outer Leader", LadderStage.LEADER)
    inner = person("Inner Leader", LadderStage.LEADER)
    target = person("Cllr Patel")
    network = Network([outer, inner, target], [], [link(outer, inner), link(inner, target)])
    assert [r.text for r in network.routes_to(target.id)] == ["Inner Leader → Cllr Patel"]


def test_emerging_leaders_do_not_start_routes() -> None:
    emerging = person("Emerging", LadderStage.EMERGING_LEADER)
    target = person("Cllr Patel")
    assert Network([emerging, target], [], [link(emerging, target)]).routes_to(target.id) == []


def test_each_decision_maker_gets_routes_or_a_reason() -> None:
    campaign = Campaign(name="Safe homes")
    amina = person("Amina Khan", LadderStage.LEADER)
    marsh = person("Cllr Elaine Marsh")
    alone = person("Roger Blakemore")
    network = Network([amina, marsh, alone], [], [link(amina, marsh)])

    def entry(name: str, person_id: str | None, deciding: bool = True) -> PowerMapEntry:
        return PowerMapEntry(
            campaign_id=campaign.id, name=name, person_id=person_id, is_decision_maker=deciding
        )

    found = routes_for(
        [
            entry("Cllr Elaine Marsh", marsh.id),
            entry("Roger Blakemore", alone.id),
            entry("Graham Pell", None),
            entry("Kate Lowry", None, deciding=False),
            entry("Gone", "0" * 32),
            entry("Amina Khan", amina.id),
        ],
        network,
    )
    assert [t.entry.name for t in found] == [
        "Cllr Elaine Marsh", "Roger Blakemore", "Graham Pell", "Gone", "Amina Khan",
    ]  # fmt: skip
    assert [r.text for r in found[0].routes] == ["Amina Khan → Cllr Elaine Marsh"]
    assert found[1].why_none.startswith("No route to Roger Blakemore within 4 steps")
    assert "press p to link the entry to a person" in found[2].why_none
    assert "no longer on record" in found[3].why_none
    assert found[4].why_none == "Amina Khan is one of our own leaders."


def test_the_network_is_read_from_the_repository(repo: TinyRepository) -> None:
    amina = person("Amina Khan", LadderStage.LEADER)
    marsh = person("Cllr Elaine Marsh")
    repo.save_all([amina, marsh, link(marsh, amina, LinkKind.WORKS_WITH)])
    entry = PowerMapEntry(
        campaign_id=Campaign(name="x").id, name="Marsh", person_id=marsh.id, is_decision_maker=True
    )
    [route] = target_routes(entry, Network.load(repo)).routes
    assert route.explained == "Amina Khan → (works with) Cllr Elaine Marsh"
    assert [(p.name, k) for p, k in Network.load(repo).links_of(amina.id)] == [
        ("Cllr Elaine Marsh", LinkKind.WORKS_WITH)
    ]


def test_a_large_network_answers_every_question_from_one_build() -> None:
    """50,000 people and 100,000 links: the search is a walk of dictionaries (the time is
    measured by hand, never asserted here)."""
    rng = random.Random(13)
    people = [
        person(f"Person {n}", LadderStage.LEADER if n % 20 == 0 else LadderStage.CONTACT)
        for n in range(50_000)
    ]
    pairs = ((rng.randrange(50_000), rng.randrange(50_000)) for _ in range(100_000))
    links = [
        PersonLink.model_construct(
            id=f"{n:032x}", person_id=people[a].id, other_id=people[b].id,
            link_kind=LinkKind.KNOWS, note="",
        )
        for n, (a, b) in enumerate(pairs)
        if a != b
    ]  # fmt: skip
    network = Network(people, [], links)
    found = [network.routes_to(people[n].id) for n in range(1, 50_000, 5_000)]
    assert sum(len(routes) for routes in found) >= 10
    for target, routes in zip(range(1, 50_000, 5_000), found, strict=True):
        assert all(r.hops <= MAX_HOPS and r.steps[-1].id == people[target].id for r in routes)
        assert all(r.steps[0].id in network.leaders for r in routes)


def test_the_demo_holds_links_and_a_route_to_its_housing_decision_maker() -> None:
    demo = build_demo(date(2026, 11, 23))
    links = demo.of(PersonLink)
    assert 200 <= len(links) <= 600
    network = Network(demo.of(Person), demo.of(Institution), links)
    marsh = next(e for e in demo.of(PowerMapEntry) if e.name == "Cllr Elaine Marsh")
    found = target_routes(marsh, network)
    assert found.routes and found.routes[0].steps[-1].name == "Cllr Elaine Marsh"
    pell = next(e for e in demo.of(PowerMapEntry) if e.name == "Graham Pell")
    assert "press p to link the entry to a person" in target_routes(pell, network).why_none
