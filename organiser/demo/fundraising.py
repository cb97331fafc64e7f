"""This year's fundraising: £30,000, half of it hard money. Dues from member institutions
(retention and recruitment) and soft money from grants, donations and an event, part-way
to the target, with a few lost."""

from __future__ import annotations

from datetime import date, timedelta

from organiser.demo.context import Context, new_id
from organiser.demo.institutions import Alliance
from organiser.demo.people import Cast
from organiser.models import (
    DuesKind,
    FundingSource,
    FundingStatus,
    FundraisingItem,
    FundraisingTarget,
    LadderStage,
    MembershipStatus,
)

F = FundingStatus
TARGET_PENCE = 3_000_000


def _clamp(day: date, year: int) -> date:
    return min(max(day, date(year, 1, 1)), date(year, 12, 31))


def build_fundraising(
    ctx: Context, alliance: Alliance, cast: Cast
) -> tuple[FundraisingTarget, list[FundraisingItem]]:
    rng = ctx.stream("fundraising")
    today = ctx.today
    year = today.year
    target = FundraisingTarget(
        id=new_id(rng), year=year, target_pence=TARGET_PENCE, hard_money_percent=50
    )
    items: list[FundraisingItem] = []

    # Retention: each member's dues for this year, from paid to not yet invoiced.
    members = alliance.members()
    chased = {i.id for i in members[1:3]}
    drifting = alliance.drifting_ids()
    for institution in members:
        renewal = institution.renewal_date or today
        anniversary = renewal - timedelta(days=365)
        title = f"Dues {year}: {institution.name}"
        base = {
            "id": new_id(rng),
            "title": title,
            "source": FundingSource.MEMBER_DUES,
            "institution_id": institution.id,
            "hard_money": True,
            "amount_pence": institution.annual_dues_pence,
            "year": year,
            "dues_kind": DuesKind.RETENTION,
        }
        if institution.id in chased:
            # Invoiced and not paid by the due date: overdue.
            due = today - timedelta(days=rng.randrange(5, 20))
            items.append(
                FundraisingItem.model_validate(
                    {
                        **base,
                        "status": F.INVOICED,
                        "expected_on": _clamp(due, year),
                        "invoiced_on": due - timedelta(days=30),
                        "due_on": due,
                        "notes": "Chased twice; the treasurer says it is with the trustees.",
                    }
                )
            )
        elif institution.id in drifting:
            # Invoiced a month before it fell due, weeks ago, and never answered: at risk.
            items.append(
                FundraisingItem.model_validate(
                    {
                        **base,
                        "status": F.INVOICED,
                        "expected_on": _clamp(anniversary, year),
                        "invoiced_on": anniversary - timedelta(days=30),
                        "due_on": anniversary,
                        "notes": "No reply to the invoice or the reminder.",
                    }
                )
            )
        elif anniversary.year == year and anniversary <= today:
            invoiced = _clamp(anniversary - timedelta(days=30), year)
            paid = anniversary + timedelta(days=rng.randrange(-20, 25))
            items.append(
                FundraisingItem.model_validate(
                    {
                        **base,
                        "status": F.PAID,
                        "expected_on": anniversary,
                        "invoiced_on": invoiced,
                        "due_on": anniversary,
                        "paid_on": min(today, max(invoiced, paid)),
                    }
                )
            )
        elif renewal - today <= timedelta(days=45):
            items.append(
                FundraisingItem.model_validate(
                    {
                        **base,
                        "status": F.INVOICED,
                        "expected_on": _clamp(renewal, year),
                        "invoiced_on": today - timedelta(days=rng.randrange(1, 15)),
                        "due_on": renewal + timedelta(days=30),
                    }
                )
            )
        else:
            items.append(
                FundraisingItem.model_validate(
                    {
                        **base,
                        "status": F.PLEDGED if rng.random() < 0.6 else F.PROSPECT,
                        "expected_on": _clamp(renewal, year),
                    }
                )
            )

    # Recruitment: prospects asked to join; the lapsed member lost.
    for number, institution in enumerate(
        i for i in alliance.institutions if i.status is not MembershipStatus.MEMBER
    ):
        recruiting = institution.status is MembershipStatus.PROSPECT
        status = (F.PLEDGED, F.ASKED, F.PROSPECT)[number % 3] if recruiting else F.LOST
        items.append(
            FundraisingItem(
                id=new_id(rng),
                title=f"{'Joining' if recruiting else 'Renewal'}: {institution.name}",
                source=FundingSource.MEMBER_DUES,
                institution_id=institution.id,
                hard_money=True,
                amount_pence=institution.annual_dues_pence,
                year=year,
                expected_on=_clamp(today + timedelta(days=rng.randrange(30, 150)), year)
                if recruiting
                else None,
                status=status,
                dues_kind=DuesKind.RECRUITMENT if recruiting else DuesKind.RETENTION,
                lost_reason=""
                if recruiting
                else "The new head decided not to renew: budget cuts, and no one on the staff "
                "had a relationship with us. The PTA chair is still a leader.",
            )
        )

    # Soft money.
    donor = next(iter(cast.at_least(LadderStage.CORE_TEAM_LEADER)), None)

    def soft(
        title: str,
        source: FundingSource,
        pounds: int,
        status: FundingStatus,
        offset: int,
        **extra: object,
    ) -> FundraisingItem:
        expected = _clamp(today + timedelta(days=offset), year)
        fields: dict[str, object] = {
            "id": new_id(rng),
            "title": title,
            "source": source,
            "amount_pence": pounds * 100,
            "year": year,
            "expected_on": expected,
            "status": status,
            **extra,
        }
        if status is F.PAID:
            fields["paid_on"] = min(expected, today)
        return FundraisingItem.model_validate(fields)

    items += [
        soft(
            "Community Foundation: leadership training grant",
            FundingSource.GRANT,
            6000,
            F.PLEDGED,
            40,
            notes="Award letter received; first half on signing the agreement.",
        ),
        soft(
            "Civic Life Trust: organising in new communities",
            FundingSource.GRANT,
            4000,
            F.ASKED,
            90,
            notes="Stage two application in; decision at the next board.",
        ),
        soft(
            "National lottery small grant",
            FundingSource.GRANT,
            5000,
            F.LOST,
            -60,
            lost_reason="Not funded: the round was four times oversubscribed. Feedback "
            "suggested more evidence of outcomes for leaders.",
        ),
        soft("Diocesan social action fund", FundingSource.GRANT, 2500, F.PAID, -100),
        soft(
            "Friends of the alliance: monthly donors",
            FundingSource.DONATION,
            1100,
            F.PAID,
            -10,
            notes="Eleven monthly donors; total for the year so far.",
        ),
        soft(
            "Donation from a leader's family trust",
            FundingSource.DONATION,
            250,
            F.PAID,
            -45,
            person_id=donor.id if donor else None,
        ),
        soft(
            "Curry night at the gurdwara",
            FundingSource.EVENT,
            1200,
            F.PAID,
            -70,
            notes="120 tickets; langar volunteers cooked.",
        ),
        soft(
            "Sponsored walk round the city's places of worship",
            FundingSource.EVENT,
            800,
            F.PROSPECT,
            120,
        ),
    ]
    return target, items
