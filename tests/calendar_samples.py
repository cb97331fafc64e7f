"""A small diary: one record of every kind the calendar export takes, on awkward days with
awkward text, saved through a repository; and helpers to read an export back."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from icalendar import Calendar

from organiser.clock import LONDON, FixedClock
from organiser.models import (
    ActionPoint,
    AgreedAction,
    Consent,
    FundingSource,
    FundingStatus,
    FundraisingItem,
    Institution,
    Meeting,
    MembershipStatus,
    OneToOneStatus,
    Person,
    Profile,
    PublicAction,
    RelationalMeeting,
    SupervisionReview,
    TrainingSession,
)
from organiser.repository import Repository

AWKWARD = 'Commas, semicolons; "quotes", accents (Zofia Wójcik), emoji 👩🏽‍🤝‍👩🏻 and\nnew lines'
#: Sunday 29 March 2026, when the clocks go forward, and Sunday 25 October, when they go back.
SPRING = datetime(2026, 3, 29, 10, 0, tzinfo=LONDON)
AUTUMN = datetime(2026, 10, 25, 10, 0, tzinfo=LONDON)


@dataclass
class Diary:
    profile: Profile
    amina: Person
    bilal: Person
    booked: RelationalMeeting
    held: RelationalMeeting
    cancelled: RelationalMeeting
    course: TrainingSession
    workshop: TrainingSession
    action: PublicAction
    meeting: Meeting
    review: SupervisionReview
    school: Institution
    invoice: FundraisingItem
    paid: FundraisingItem
    prospect: FundraisingItem


def fill_diary(repo: Repository, clock: FixedClock) -> Diary:
    """Save the diary's records, each once, an hour apart."""
    consent = Consent(given=True, on=date(2026, 1, 5))
    records: dict[str, Any] = {}

    def save(name: str, record: Any) -> Any:
        records[name] = repo.save(record)
        clock.advance(hours=1)
        return records[name]

    save("profile", Profile(organiser_name="Jo Bloggs", alliance_name="Leicester; Together"))
    amina = save(
        "amina",
        Person(
            name="Amina Khan", consent_to_record=consent, private_notes="Worried about her visa"
        ),
    )
    bilal = save("bilal", Person(name="Bilal Hussain", private_notes="Not recorded: keep out"))
    school = save(
        "school",
        Institution(
            name="St Mary's Primary",
            status=MembershipStatus.MEMBER,
            annual_dues_pence=75_050,
            renewal_date=date(2026, 9, 1),
        ),
    )
    save(
        "booked",
        RelationalMeeting(
            person_id=amina.id,
            at=SPRING,
            status=OneToOneStatus.BOOKED,
            length_minutes=40,
            place="Café; Narborough Road, Leicester",
            interests=AWKWARD,
            follow_up="Invite to the taster",
            follow_up_due=date(2026, 4, 3),
        ),
    )
    save(
        "held",
        RelationalMeeting(
            person_id=bilal.id,
            at=AUTUMN,
            story="His landlord, and the damp",
            follow_up="Ask about the tenants' group",
            follow_up_due=date(2026, 11, 2),
            follow_up_done_on=date(2026, 10, 30),
        ),
    )
    save(
        "cancelled",
        RelationalMeeting(
            person_id=amina.id,
            at=datetime(2026, 12, 1, 18, 0, tzinfo=LONDON),
            status=OneToOneStatus.CANCELLED,
        ),
    )
    save(
        "course",
        TrainingSession(
            name="National Community Leadership Training",
            starts=datetime(2027, 1, 25, 9, 0, tzinfo=LONDON),
            length_hours=35,
            all_day=True,
            venue="Friends Meeting House",
            notes="Private: two leaders need childcare",
        ),
    )
    save(
        "workshop",
        TrainingSession(
            name="Listening well",
            starts=datetime(2026, 6, 6, 18, 0, tzinfo=LONDON),
            length_hours=2.5,
            curriculum="Listening; stories, and self-interest",
        ),
    )
    save(
        "action",
        PublicAction(
            name="Housing assembly",
            at=datetime(2026, 7, 9, 19, 0, tzinfo=LONDON),
            place="Town Hall",
            ask="License rogue landlords",
            turnout_target=200,
        ),
    )
    save(
        "meeting",
        Meeting(
            title="Planning Group",
            at=datetime(2026, 11, 10, 18, 30, tzinfo=LONDON),
            length_minutes=90,
            agenda="Assembly plans",
            minutes="Private minutes",
            action_points=[
                ActionPoint(text="Book the hall", owner_id=bilal.id, due=date(2026, 11, 20)),
                ActionPoint(
                    text="Send the minutes", due=date(2026, 11, 12), done_on=date(2026, 11, 11)
                ),
                ActionPoint(text="Some day"),
            ],
        ),
    )
    save(
        "review",
        SupervisionReview(
            at=datetime(2026, 11, 16, 14, 0, tzinfo=LONDON),
            supervisor="Sam Lead",
            period_start=date(2026, 11, 2),
            period_end=date(2026, 11, 13),
            weakness="Private: I avoid asking for money",
            agreed_actions=[AgreedAction(text="Two 1-2-1s with imams", due=date(2026, 11, 27))],
        ),
    )
    common = {"source": FundingSource.MEMBER_DUES, "institution_id": school.id, "year": 2026}
    save(
        "invoice",
        FundraisingItem(
            **common,
            amount_pence=75_050,
            status=FundingStatus.INVOICED,
            invoiced_on=date(2026, 11, 1),
            due_on=date(2026, 12, 1),
        ),
    )
    save(
        "paid",
        FundraisingItem(
            **common,
            title="Dues 2025",
            amount_pence=70_000,
            status=FundingStatus.PAID,
            due_on=date(2026, 2, 1),
            paid_on=date(2026, 1, 20),
        ),
    )
    save("prospect", FundraisingItem(**common, amount_pence=1_000, due_on=date(2026, 12, 5)))
    return Diary(**records)


def parse(data: bytes) -> Calendar:
    return Calendar.from_ical(data)


def components(data: bytes) -> dict[str, Any]:
    """Every VEVENT and VTODO by UID."""
    calendar = parse(data)
    return {str(c["UID"]): c for c in calendar.walk() if c.name in ("VEVENT", "VTODO")}


def uid(kind: str, record_id: str, part: str | None = None) -> str:
    return f"{kind}-{record_id}" + (f"-{part}" if part else "") + "@organiser"
