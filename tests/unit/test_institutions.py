"""Institutions worked out from plain records: people, core team, renewals, dues, tags, finding."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

import pytest

from organiser.clock import LONDON
from organiser.institutions import (
    InstitutionFilter,
    check_tag,
    core_team,
    dues_history,
    filter_institutions,
    is_overdue,
    one_to_ones_with,
    people_counts,
    people_of,
    renewal_note,
    renewals_due,
    suggest_tag,
    unlink_institution,
)
from organiser.models import (
    Campaign,
    Conversation,
    FundingSource,
    FundingStatus,
    FundraisingItem,
    Institution,
    InstitutionKind,
    InstitutionTurnout,
    ListeningCampaign,
    Membership,
    MembershipStatus,
    OneToOneStatus,
    Person,
    PublicAction,
    RelationalMeeting,
)
from organiser.today import renewals_due as renewals_due_from_today

MONDAY = date(2026, 11, 23)


def days(n: int) -> date:
    return MONDAY + timedelta(days=n)


def at(day: date, hour: int = 10) -> datetime:
    return datetime.combine(day, time(hour), LONDON)


SCHOOL = Institution(
    name="St Mary's Primary",
    institution_kind=InstitutionKind.SCHOOL,
    tag="stmarys",
    status=MembershipStatus.MEMBER,
    notes="Head is keen on the housing campaign",
)
MOSQUE = Institution(
    name="Highfields Mosque",
    institution_kind=InstitutionKind.FAITH_CONGREGATION,
    tag="highfields",
)
BRANCH = Institution(
    name="UNISON City Branch",
    institution_kind=InstitutionKind.UNION_BRANCH,
    status=MembershipStatus.LAPSED,
)


def member(name: str, *institutions: tuple[Institution, str]) -> Person:
    return Person(
        name=name,
        memberships=[Membership(institution_id=i.id, role=role) for i, role in institutions],
    )


AMINA = member("Amina Khan", (SCHOOL, "parent governor"), (MOSQUE, "worshipper"))
ZOE = member("Zoë Adams", (SCHOOL, "teacher"))
BILAL = member("Bilal Hussain", (MOSQUE, "youth worker"))
CAROL = member("Carol Evans")


# Renewals -------------------------------------------------------------------------------


def test_renewals_due_are_the_next_60_days_and_the_last_30_soonest_first() -> None:
    named = {
        "long overdue": -31,
        "just overdue": -3,
        "today": 0,
        "soon": 10,
        "at the edge": 60,
        "too far": 61,
    }
    institutions = [Institution(name=n, renewal_date=days(d)) for n, d in named.items()]
    institutions.append(Institution(name="No date"))
    due = renewals_due(reversed(institutions), MONDAY)
    assert [i.name for i in due] == ["just overdue", "today", "soon", "at the edge"]
    assert renewals_due_from_today is renewals_due  # the Today summary uses the same rule


def test_renewals_on_the_same_day_come_by_name() -> None:
    late = Institution(name="b", renewal_date=days(5))
    early = Institution(name="A", renewal_date=days(5))
    assert renewals_due([late, early], MONDAY) == [early, late]


@pytest.mark.parametrize(
    ("offset", "note", "overdue"),
    [
        (-40, "40 days overdue", True),
        (-1, "1 day overdue", True),
        (0, "due today", False),
        (1, "in 1 day", False),
        (21, "in 21 days", False),
        (60, "in 60 days", False),
        (61, "", False),
    ],
)
def test_renewal_notes(offset: int, note: str, overdue: bool) -> None:
    institution = Institution(name="X", renewal_date=days(offset))
    assert renewal_note(institution, MONDAY) == note
    assert is_overdue(institution, MONDAY) is overdue


def test_no_renewal_date_no_note() -> None:
    assert renewal_note(SCHOOL, MONDAY) == ""
    assert not is_overdue(SCHOOL, MONDAY)


# People, core team, 1-2-1s, dues ------------------------------------------------------------


def test_people_of_an_institution_by_name_with_their_roles() -> None:
    found = people_of(SCHOOL.id, [ZOE, CAROL, AMINA, BILAL])
    assert [(m.person.name, m.role) for m in found] == [
        ("Amina Khan", "parent governor"),
        ("Zoë Adams", "teacher"),
    ]
    assert people_of(BRANCH.id, [AMINA, ZOE]) == []


def test_people_counts() -> None:
    counts = people_counts([AMINA, ZOE, BILAL, CAROL])
    assert counts[SCHOOL.id] == 2
    assert counts[MOSQUE.id] == 2
    assert counts[BRANCH.id] == 0


def test_core_team_keeps_its_order_and_skips_people_no_longer_on_record() -> None:
    school = SCHOOL.evolve(core_team_ids=[ZOE.id, CAROL.id, AMINA.id])
    by_id = {p.id: p for p in (AMINA, ZOE)}
    assert core_team(school, by_id) == [ZOE, AMINA]


def test_one_to_ones_held_with_its_people_newest_first() -> None:
    older = RelationalMeeting(person_id=AMINA.id, at=at(days(-20)))
    newer = RelationalMeeting(person_id=ZOE.id, at=at(days(-2)))
    booked = RelationalMeeting(person_id=ZOE.id, at=at(days(3)), status=OneToOneStatus.BOOKED)
    elsewhere = RelationalMeeting(person_id=BILAL.id, at=at(days(-1)))
    found = one_to_ones_with([AMINA.id, ZOE.id], [older, booked, elsewhere, newer])
    assert found == [newer, older]


def test_dues_history_is_member_dues_newest_year_first() -> None:
    def item(year: int, source: FundingSource = FundingSource.MEMBER_DUES) -> FundraisingItem:
        return FundraisingItem(
            source=source, institution_id=SCHOOL.id, amount_pence=50000, year=year
        )

    y2025, y2026, grant = item(2025), item(2026), item(2026, FundingSource.GRANT)
    others = FundraisingItem(
        source=FundingSource.MEMBER_DUES, institution_id=MOSQUE.id, amount_pence=1, year=2026
    )
    assert dues_history(SCHOOL.id, [y2025, grant, others, y2026]) == [y2026, y2025]


# Tags -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "tag"),
    [
        ("St Mary's", "stmarys"),
        ("St Mary's Primary School", "stmarys"),
        ("St Joseph’s Catholic Church", "stjosephs"),
        ("Highfields Mosque", "highfields"),
        ("UNISON City Branch", "unisoncity"),
        ("Masjid al-Noor", "alnoor"),
        ("Holy Trinity Parish Church", "holytrinity"),
        ("Evington Park Academy", "evingtonpark"),
        ("Zoë's Café", "zoescafe"),
        ("The School", "theschool"),  # nothing but generic words: keep them
        ("!!!", ""),
    ],
)
def test_a_tag_is_suggested_from_the_name(name: str, tag: str) -> None:
    assert suggest_tag(name) == tag


def test_a_suggested_tag_is_not_one_already_used() -> None:
    assert suggest_tag("St Mary's", ["StMarys"]) == "stmarys2"
    assert suggest_tag("St Mary's", ["stmarys", "stmarys2"]) == "stmarys3"
    long = suggest_tag("Abcdefghijklmnopqrstuvwxyz Abcdefghijklmnopqrstuvwxyz")
    assert len(long) == 30
    assert len(suggest_tag("Abcdefghijklmnopqrstuvwxyz Abcdefghijklmnopqrstuvwxyz", [long])) == 30


def test_tags_are_checked() -> None:
    taken = {"stmarys": "St Mary's Primary"}
    assert check_tag(" #HighFields ", taken) == "highfields"
    assert check_tag("", taken) == ""
    assert check_tag("st-marys_2", taken) == "st-marys_2"
    with pytest.raises(ValueError, match="already the tag of St Mary's Primary"):
        check_tag("#StMarys", taken)
    with pytest.raises(ValueError, match="no spaces"):
        check_tag("st marys", taken)
    with pytest.raises(ValueError, match="only letters a to z"):
        check_tag("[red]x", taken)
    with pytest.raises(ValueError, match="too long"):
        check_tag("x" * 31, taken)


# Finding ----------------------------------------------------------------------------------


def names(found: list[Institution]) -> list[str]:
    return [i.name for i in found]


def test_filter_by_kind_status_and_words() -> None:
    everyone = [BRANCH, SCHOOL, MOSQUE]
    assert names(filter_institutions(everyone, InstitutionFilter(), MONDAY)) == [
        "Highfields Mosque",
        "St Mary's Primary",
        "UNISON City Branch",
    ]
    by_kind = InstitutionFilter(kind=InstitutionKind.SCHOOL)
    assert names(filter_institutions(everyone, by_kind, MONDAY)) == ["St Mary's Primary"]
    by_status = InstitutionFilter(status=MembershipStatus.PROSPECT)
    assert names(filter_institutions(everyone, by_status, MONDAY)) == ["Highfields Mosque"]
    for text in ("housing", "#stmarys", "STMARYS", "mary primary", "mary's"):
        found = filter_institutions(everyone, InstitutionFilter(text=text), MONDAY)
        assert names(found) == ["St Mary's Primary"], text
    nothing = InstitutionFilter(kind=InstitutionKind.SCHOOL, text="mosque")
    assert filter_institutions(everyone, nothing, MONDAY) == []
    assert not InstitutionFilter().is_active
    assert InstitutionFilter(text=" x ").is_active
    assert not InstitutionFilter(text="  ").is_active


def test_the_renewals_filter_sorts_soonest_first() -> None:
    school = SCHOOL.evolve(renewal_date=days(30))
    mosque = MOSQUE.evolve(renewal_date=days(-2))
    branch = BRANCH.evolve(renewal_date=days(200))
    chosen = InstitutionFilter(renewals_only=True)
    found = filter_institutions([school, branch, mosque], chosen, MONDAY)
    assert names(found) == ["Highfields Mosque", "St Mary's Primary"]
    members = InstitutionFilter(renewals_only=True, status=MembershipStatus.MEMBER)
    assert names(filter_institutions([school, branch, mosque], members, MONDAY)) == [
        "St Mary's Primary"
    ]


# Deleting ---------------------------------------------------------------------------------


def test_unlinking_an_institution_changes_every_record_that_names_it() -> None:
    dues = FundraisingItem(
        source=FundingSource.MEMBER_DUES,
        institution_id=SCHOOL.id,
        amount_pence=125000,
        year=2026,
        status=FundingStatus.PAID,
    )
    grant = FundraisingItem(
        title="Roof appeal",
        source=FundingSource.GRANT,
        institution_id=SCHOOL.id,
        amount_pence=100,
        year=2026,
    )
    unrelated = FundraisingItem(
        source=FundingSource.MEMBER_DUES, institution_id=MOSQUE.id, amount_pence=1, year=2026
    )
    listening = ListeningCampaign(
        name="Autumn listening", starts=days(-60), institution_ids=[SCHOOL.id, MOSQUE.id]
    )
    campaign = Campaign(name="Safe homes", institution_ids=[SCHOOL.id])
    talk = Conversation(listening_campaign_id=listening.id, on=days(-50), institution_id=SCHOOL.id)
    action = PublicAction(
        name="Assembly",
        at=at(days(-10)),
        turnout_by_institution=[
            InstitutionTurnout(institution_id=SCHOOL.id, pledged=20, delivered=18),
            InstitutionTurnout(institution_id=MOSQUE.id, pledged=30, delivered=35),
        ],
    )
    records = [AMINA, ZOE, BILAL, CAROL, dues, grant, unrelated, listening, campaign, talk, action]

    unlinking = unlink_institution(SCHOOL, records)

    assert [p.name for p in unlinking.people] == ["Amina Khan", "Zoë Adams"]
    amina, zoe = unlinking.people
    assert amina.institution_ids == [MOSQUE.id]
    assert amina.memberships[0].role == "worshipper"
    assert zoe.memberships == []
    paid, roof = unlinking.money
    assert (paid.institution_id, paid.title, paid.amount_pence) == (
        None,
        "Dues from St Mary's Primary",
        125000,
    )
    assert paid.status is FundingStatus.PAID
    assert roof.title == "Roof appeal (St Mary's Primary)"
    assert [c.institution_ids for c in unlinking.campaigns] == [[MOSQUE.id], []]
    assert [c.institution_id for c in unlinking.conversations] == [None]
    (assembly,) = unlinking.actions
    assert [t.institution_id for t in assembly.turnout_by_institution] == [MOSQUE.id]
    assert len(unlinking.records) == 2 + 2 + 2 + 1 + 1
    assert all(r.id != unrelated.id for r in unlinking.records)
    assert SCHOOL.id not in str([r.model_dump() for r in unlinking.records])


def test_unlinking_an_institution_nobody_names_changes_nothing() -> None:
    assert unlink_institution(BRANCH, [AMINA, ZOE, BILAL]).records == []
