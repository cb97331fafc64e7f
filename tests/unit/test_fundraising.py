"""Fundraising: the totals against a target, raising a year's dues, overdue invoices, the rules
a status move keeps, and Today's list of dues overdue."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from pydantic import ValidationError

from organiser.dues import anniversary, plan_dues, raise_dues
from organiser.fundraising import (
    Target,
    from_name,
    hard_by_default,
    overdue_invoices,
    paid_during,
    progress,
    set_target,
    target_for,
    year_items,
)
from organiser.fundraising_status import MoveRefused, check, move
from organiser.models import (
    DuesKind,
    FundingSource,
    FundingStatus,
    FundraisingItem,
    FundraisingTarget,
    Institution,
    MembershipStatus,
    Person,
    Profile,
)
from organiser.periods import Period
from organiser.today import as_json, as_text, build_today
from store.repository import TinyRepository

TODAY = date(2026, 11, 23)
F = FundingStatus
DUES = FundingSource.MEMBER_DUES
TARGET = Target(2026, 3_000_000, 50)


def item(
    pounds: int,
    status: FundingStatus = F.PAID,
    *,
    source: FundingSource = DUES,
    year: int = 2026,
    hard: bool | None = None,
    **fields: object,
) -> FundraisingItem:
    data: dict[str, object] = {
        "source": source,
        "amount_pence": pounds * 100,
        "year": year,
        "status": status,
        "hard_money": hard_by_default(source) if hard is None else hard,
        **fields,
    }
    if status is F.PAID:
        data.setdefault("paid_on", date(year, 6, 1))
    return FundraisingItem.model_validate(data)


# Totals -------------------------------------------------------------------------------------


def test_paid_money_splits_into_hard_and_soft() -> None:
    items = [
        item(750, dues_kind=DuesKind.RETENTION),
        item(250, source=FundingSource.GRANT),
        item(100, source=FundingSource.DONATION, hard=True),  # the organiser said hard
    ]
    money = progress(items, TARGET)
    assert (money.paid, money.paid_hard, money.paid_soft) == (110_000, 85_000, 25_000)
    assert money.hard_share == pytest.approx(85 / 110)
    assert money.hard_share_met
    assert money.still_to_raise == 3_000_000 - 110_000


def test_hard_share_below_its_minimum_is_not_met_and_nothing_paid_is_no_share() -> None:
    money = progress([item(100), item(900, source=FundingSource.GRANT)], TARGET)
    assert money.hard_share == pytest.approx(0.1) and not money.hard_share_met
    nothing = progress([item(500, F.PLEDGED)], TARGET)
    assert nothing.hard_share is None and not nothing.hard_share_met
    assert TARGET.hard_minimum_pence == 1_500_000
    assert Target(2026, 101, 50).hard_minimum_pence == 51  # rounded up to the penny


def test_an_item_counts_for_the_year_it_was_raised_for_not_the_year_it_was_paid() -> None:
    late = item(600, year=2026, paid_on=date(2027, 1, 12))
    last_years = item(400, year=2025, paid_on=date(2026, 2, 1))
    next_years = item(300, F.PLEDGED, year=2027)
    money = progress([late, last_years, next_years], TARGET)
    assert (money.paid, money.committed) == (60_000, 0)
    january = Period(date(2027, 1, 1), date(2027, 1, 31))
    assert paid_during([late, last_years], january).paid == 60_000
    december = Period(date(2026, 12, 1), date(2026, 12, 31))
    assert paid_during([late, last_years], december).paid == 0


def test_lost_items_count_for_nothing_but_their_own_total() -> None:
    items = [
        item(500),
        item(5000, F.LOST, source=FundingSource.GRANT, lost_reason="Oversubscribed"),
        item(200, F.LOST, dues_kind=DuesKind.RETENTION, lost_reason="Budget cuts"),
    ]
    money = progress(items, TARGET)
    assert (money.paid, money.committed, money.pipeline, money.lost) == (50_000, 0, 0, 520_000)
    assert money.retention_due == 0 and money.retention_paid == 0


def test_committed_pipeline_retention_and_recruitment() -> None:
    items = [
        item(700, dues_kind=DuesKind.RETENTION),
        item(300, F.INVOICED, dues_kind=DuesKind.RETENTION, invoiced_on=TODAY),
        item(250, F.PLEDGED, dues_kind=DuesKind.RECRUITMENT),
        item(150, dues_kind=DuesKind.RECRUITMENT),
        item(4000, F.ASKED, source=FundingSource.GRANT),
        item(800, F.PROSPECT, source=FundingSource.EVENT),
    ]
    money = progress(items, TARGET)
    assert (money.paid, money.committed, money.committed_hard) == (85_000, 55_000, 55_000)
    assert money.pipeline == 480_000
    assert (money.retention_paid, money.retention_due) == (70_000, 30_000)
    assert (money.recruitment_paid, money.recruitment_due) == (15_000, 25_000)


@pytest.mark.parametrize(
    ("day", "expected"),
    [
        (date(2025, 12, 31), 0),
        (date(2026, 1, 1), 3_000_000 * 1 // 365),
        (date(2026, 7, 2), 3_000_000 * 183 // 365),
        (date(2026, 12, 31), 3_000_000),
        (date(2027, 3, 1), 3_000_000),
    ],
)
def test_a_partial_year_expects_the_target_pro_rata(day: date, expected: int) -> None:
    assert progress([], TARGET).expected_by(day) == expected


def test_the_target_is_the_years_own_else_the_profiles_else_thirty_thousand() -> None:
    kept = FundraisingTarget(year=2026, target_pence=4_000_000, hard_money_percent=60)
    profile = Profile(organiser_name="Jo", fundraising_pence_per_year=2_500_000)
    assert target_for(2026, [kept], profile) == Target(2026, 4_000_000, 60, set_for_year=True)
    assert target_for(2027, [kept], profile) == Target(2027, 2_500_000, 50)
    assert target_for(2027, [], None) == Target(2027, 3_000_000, 50)


def test_setting_a_target_changes_the_years_record_or_makes_one() -> None:
    kept = FundraisingTarget(year=2026, target_pence=4_000_000)
    changed = set_target(2026, 3_500_000, 40, [kept])
    assert (changed.id, changed.target_pence, changed.hard_money_percent) == (
        kept.id,
        3_500_000,
        40,
    )
    new = set_target(2027, 100_000, 75, [kept])
    assert new.id != kept.id and new.year == 2027
    with pytest.raises(ValidationError):
        set_target(2027, 100_000, 101, [])


# Raising dues -------------------------------------------------------------------------------


def member(name: str, pounds: int, **fields: object) -> Institution:
    return Institution.model_validate(
        {"name": name, "status": MembershipStatus.MEMBER, "annual_dues_pence": pounds * 100}
        | fields
    )


def test_each_member_with_dues_gets_the_years_dues_as_retention_or_recruitment() -> None:
    renewing = member("St Mary's", 750, renewal_date=date(2027, 3, 1))
    signed_before = member(
        "Highfields Mosque", 500, letter_signed=True, letter_signed_on=date(2025, 9, 1)
    )
    new = member("UNISON Branch", 300, letter_signed=True, letter_signed_on=date(2026, 2, 1))
    paid_last_year = item(750, year=2025, institution_id=renewing.id)
    plan = plan_dues(2026, [renewing, signed_before, new], [paid_last_year])

    by_name = {i.title: i for i in plan.items}
    assert sorted(by_name) == [
        "Dues 2026: Highfields Mosque",
        "Dues 2026: St Mary's",
        "Dues 2026: UNISON Branch",
    ]
    school = by_name["Dues 2026: St Mary's"]
    assert school.dues_kind is DuesKind.RETENTION
    assert (school.amount_pence, school.hard_money, school.status) == (75_000, True, F.PLEDGED)
    assert school.source is DUES and school.institution_id == renewing.id
    assert school.expected_on == date(2026, 3, 1)  # its renewal date, in the year raised for
    assert by_name["Dues 2026: Highfields Mosque"].dues_kind is DuesKind.RETENTION
    assert by_name["Dues 2026: Highfields Mosque"].expected_on is None
    assert by_name["Dues 2026: UNISON Branch"].dues_kind is DuesKind.RECRUITMENT
    assert len(plan.of_kind(DuesKind.RETENTION)) == 2 and plan.pence == 155_000


def test_prospects_lapsed_members_zero_dues_and_those_already_raised_are_left_out() -> None:
    prospect = member("Prospect School", 400, status=MembershipStatus.PROSPECT)
    lapsed = member("Lapsed Church", 400, status=MembershipStatus.LAPSED)
    free = member("No Dues Group", 0)
    raised = member("Raised Already", 600)
    lost_this_year = item(
        600, F.LOST, institution_id=raised.id, lost_reason="Not renewing", year=2026
    )
    plan = plan_dues(2026, [prospect, lapsed, free, raised], [lost_this_year])
    assert plan.items == []
    assert plan.no_dues == [free] and plan.already == [raised]


def test_an_unpaid_earlier_year_does_not_make_a_member_renewing() -> None:
    joined = member("New Mosque", 500)
    unpaid = item(500, F.LOST, year=2025, institution_id=joined.id, lost_reason="Never paid")
    (dues,) = plan_dues(2026, [joined], [unpaid]).items
    assert dues.dues_kind is DuesKind.RECRUITMENT


def test_a_leap_day_renewal_falls_on_the_28th_in_other_years() -> None:
    assert anniversary(date(2028, 2, 29), 2026) == date(2026, 2, 28)
    assert anniversary(date(2027, 5, 4), 2026) == date(2026, 5, 4)


def test_raising_dues_twice_creates_nothing_the_second_time(repo: TinyRepository) -> None:
    repo.save_all([member("St Mary's", 750), member("Mosque", 500), member("Free", 0)])
    first = raise_dues(repo, 2026)
    assert len(first) == 2
    assert raise_dues(repo, 2026) == []
    assert len(repo.list(FundraisingItem)) == 2
    assert len(raise_dues(repo, 2027)) == 2  # and next year is a year of its own
    kinds = {i.year: i.dues_kind for i in repo.list(FundraisingItem)}
    assert kinds == {2026: DuesKind.RECRUITMENT, 2027: DuesKind.RECRUITMENT}


# Overdue invoices and the list --------------------------------------------------------------


def test_overdue_invoices_are_invoiced_past_their_due_date_longest_first() -> None:
    school = member("St Mary's", 750)
    amina = Person(name="Amina Khan")
    older = item(750, F.INVOICED, institution_id=school.id, invoiced_on=date(2026, 9, 1),
                 due_on=date(2026, 10, 1))  # fmt: skip
    newer = item(100, F.INVOICED, source=FundingSource.DONATION, person_id=amina.id,
                 invoiced_on=date(2026, 10, 1), due_on=TODAY - timedelta(days=1))  # fmt: skip
    due_today = item(50, F.INVOICED, invoiced_on=date(2026, 11, 1), due_on=TODAY)
    no_due_date = item(50, F.INVOICED, invoiced_on=date(2026, 11, 1))
    paid_late = item(50, F.PAID, due_on=date(2026, 1, 1), paid_on=date(2026, 3, 1))
    owed = overdue_invoices(
        [newer, due_today, no_due_date, paid_late, older],
        TODAY,
        {school.id: school},
        {amina.id: amina},
    )
    assert [(o.item.id, o.name, o.days_overdue(TODAY)) for o in owed] == [
        (older.id, "St Mary's", 53),
        (newer.id, "Amina Khan", 1),
    ]


def test_who_the_money_is_from_falls_back_to_the_title() -> None:
    grant = item(100, F.ASKED, source=FundingSource.GRANT, title="Civic Life Trust")
    gone = item(100, F.ASKED, institution_id="a" * 32, title="Dues from Old Church")
    assert from_name(grant, {}, {}) == "Civic Life Trust"
    assert from_name(gone, {}, {}) == "Dues from Old Church"
    assert from_name(item(1, F.ASKED, source=FundingSource.EVENT), {}, {}) == "Event"


def test_the_years_list_puts_overdue_first_then_by_status_and_filters() -> None:
    paid = item(100, title="paid")
    overdue = item(100, F.INVOICED, title="overdue", invoiced_on=date(2026, 9, 1),
                   due_on=date(2026, 10, 1))  # fmt: skip
    invoiced = item(100, F.INVOICED, title="invoiced", invoiced_on=TODAY,
                    due_on=TODAY + timedelta(days=30))  # fmt: skip
    asked = item(100, F.ASKED, title="asked", expected_on=date(2026, 12, 1))
    soon = item(100, F.PLEDGED, title="soon", expected_on=date(2026, 12, 1))
    undated = item(100, F.PLEDGED, title="undated")
    lost = item(100, F.LOST, title="lost", lost_reason="No")
    other_year = item(100, F.PLEDGED, title="2027", year=2027)
    everything = [paid, lost, undated, soon, asked, invoiced, overdue, other_year]
    titles = [i.title for i in year_items(everything, 2026, TODAY)]
    assert titles == ["overdue", "invoiced", "soon", "undated", "asked", "paid", "lost"]
    assert [i.title for i in year_items(everything, 2026, TODAY, "overdue")] == ["overdue"]
    assert [i.title for i in year_items(everything, 2026, TODAY, "pledged")] == [
        "soon",
        "undated",
    ]
    with pytest.raises(ValueError, match="is not one of"):
        year_items(everything, 2026, TODAY, "lots")


# The rules a status keeps, and moves --------------------------------------------------------


def test_each_inconsistency_has_a_message_for_its_field() -> None:
    def problems(**fields: object) -> dict[str, str]:
        base: dict[str, object] = {"source": DUES, "amount_pence": 100, "year": 2026}
        return check(FundraisingItem.model_validate(base | fields), TODAY)

    assert problems() == {}
    assert problems(status=F.PAID) == {
        "paid_on": "Paid on: a paid item needs the day the money came in"
    }
    assert problems(status=F.LOST, lost_reason="  ") == {
        "lost_reason": "Why it was lost: say why it was lost, so the lesson is kept"
    }
    assert "invoiced_on" in problems(status=F.INVOICED)
    assert problems(invoiced_on=date(2026, 11, 1), due_on=date(2026, 10, 1)) == {
        "due_on": "Due on: cannot be before the day it was invoiced"
    }
    assert problems(status=F.PAID, paid_on=TODAY + timedelta(days=1)) == {
        "paid_on": "Paid on: cannot be in the future: mark it paid when the money is in"
    }
    assert problems(amount_pence=0) == {
        "amount_pence": "Amount: an item of £0.00 raises nothing; type the amount expected"
    }
    assert "dues_kind" in problems(source=FundingSource.GRANT, dues_kind=DuesKind.RETENTION)


def test_invoicing_dates_it_today_and_due_in_thirty_days_then_paid_today() -> None:
    dues = item(750, F.PLEDGED)
    invoiced = move(dues, F.INVOICED, TODAY)
    assert (invoiced.status, invoiced.invoiced_on, invoiced.due_on) == (
        F.INVOICED,
        TODAY,
        date(2026, 12, 23),
    )
    paid = move(invoiced, F.PAID, TODAY)
    assert (paid.status, paid.paid_on, paid.invoiced_on) == (F.PAID, TODAY, TODAY)


def test_moves_go_forward_and_lost_needs_a_reason() -> None:
    asked = move(item(100, F.PROSPECT), F.ASKED, TODAY)
    assert move(asked, F.PLEDGED, TODAY).status is F.PLEDGED
    with pytest.raises(MoveRefused, match="already asked"):
        move(asked, F.ASKED, TODAY)
    with pytest.raises(MoveRefused, match="further on than asked: e edits it"):
        move(move(asked, F.PLEDGED, TODAY), F.ASKED, TODAY)
    with pytest.raises(MoveRefused, match="Say why it was lost"):
        move(asked, F.LOST, TODAY, reason=" ")
    lost = move(asked, F.LOST, TODAY, reason="Their budget was cut")
    assert (lost.status, lost.lost_reason) == (F.LOST, "Their budget was cut")
    assert move(lost, F.ASKED, TODAY).status is F.ASKED  # asked again, next year's budget
    with pytest.raises(MoveRefused, match="It is paid"):
        move(item(100), F.LOST, TODAY, reason="Oops")


# Today --------------------------------------------------------------------------------------


def test_today_lists_dues_overdue_in_text_and_json(repo: TinyRepository) -> None:
    profile = Profile(organiser_name="Jo")
    school = member("St Mary's", 750)
    overdue = item(750, F.INVOICED, institution_id=school.id, invoiced_on=date(2026, 10, 1),
                   due_on=date(2026, 10, 31))  # fmt: skip
    not_yet = item(500, F.INVOICED, institution_id=school.id, invoiced_on=TODAY,
                   due_on=TODAY + timedelta(days=30))  # fmt: skip
    repo.save_all([profile, school, overdue, not_yet])
    summary = build_today(repo, profile, TODAY)
    assert [o.item.id for o in summary.dues_overdue] == [overdue.id]
    text = as_text(summary, profile)
    assert "Dues and invoices overdue (1):\n  due 31 Oct 2026  St Mary's  £750.00" in text
    assert "(23 days overdue)" in text
    (shown,) = as_json(summary)["dues_overdue"]
    assert shown == {
        "id": overdue.id,
        "from": "St Mary's",
        "source": "member_dues",
        "amount_pence": 75_000,
        "year": 2026,
        "due": "2026-10-31",
        "days_overdue": 23,
    }


# The demo ----------------------------------------------------------------------------------


@pytest.mark.parametrize("today", [TODAY, date(2026, 1, 4), date(2026, 12, 31)], ids=str)
def test_the_demo_year_keeps_every_rule_and_exercises_every_status(today: date) -> None:
    from organiser.demo import build_demo

    demo = build_demo(today, scale=0.3)
    items = [r for r in demo.records if isinstance(r, FundraisingItem)]
    assert {i.status for i in items} == set(FundingStatus)
    for found in items:
        assert check(found, today) == {}, found.title
    institutions = {r.id: r for r in demo.records if isinstance(r, Institution)}
    assert overdue_invoices(items, today, institutions, {})
    (kept,) = [r for r in demo.records if isinstance(r, FundraisingTarget)]
    money = progress(items, target_for(today.year, [kept], None))
    assert 0 < money.paid < kept.target_pence and money.committed and money.pipeline
