"""One fully filled-in record of every type, for round-trip tests."""

from __future__ import annotations

from datetime import date, datetime
from zoneinfo import ZoneInfo

from organiser.models import (
    ActionPoint,
    AgreedAction,
    AuditEntry,
    Campaign,
    Consent,
    Conversation,
    CycleStage,
    DuesKind,
    Figure,
    FundingSource,
    FundingStatus,
    FundraisingItem,
    FundraisingTarget,
    Institution,
    InstitutionKind,
    InstitutionTurnout,
    LadderMove,
    LadderStage,
    LawfulBasis,
    LeaderRole,
    LinkKind,
    ListeningCampaign,
    Meeting,
    MeetingKind,
    Membership,
    MembershipStatus,
    OneToOneStatus,
    Participation,
    ParticipationStatus,
    Person,
    PersonLink,
    PowerMapEntry,
    Profile,
    PublicAction,
    Record,
    RelationalMeeting,
    ReviewStatus,
    StageMove,
    Stance,
    SupervisionReview,
    Tombstone,
    TrainingKind,
    TrainingSession,
)

LONDON = ZoneInfo("Europe/London")
AWKWARD = 'Commas, semicolons; "quotes", accents (Zofia Wójcik), emoji 👩🏽‍🤝‍👩🏻 and\nnew lines'


def sample_records() -> list[Record]:
    """Every record type once, with nested parts and awkward text, all cross-linked."""
    at = datetime(2026, 3, 29, 0, 30, tzinfo=LONDON)  # the night the clocks go forward
    school = Institution(
        name="St Mary's Primary",
        institution_kind=InstitutionKind.SCHOOL,
        tag="stmarys",
        status=MembershipStatus.MEMBER,
        annual_dues_pence=75_050,
        letter_signed=True,
        letter_signed_on=date(2025, 9, 1),
        renewal_date=date(2026, 9, 1),
        notes=AWKWARD,
    )
    amina = Person(
        name="Amina Khan",
        phone="+44 7700 900123",
        email="amina@example.org",
        address="1 High Street\nLeicester",
        memberships=[Membership(institution_id=school.id, role="parent governor")],
        ladder_stage=LadderStage.LEADER,
        consent_to_contact=Consent(given=True, on=date(2026, 1, 5), basis=LawfulBasis.CONSENT),
        consent_to_record=Consent(given=True, on=date(2026, 1, 5), expires=date(2028, 1, 5)),
        notes=AWKWARD,
        private_notes="Private: worried about her visa.",
    )
    school = school.evolve(core_team_ids=[amina.id])
    listening = ListeningCampaign(
        name="Spring listening",
        starts=date(2026, 3, 1),
        ends=date(2026, 5, 31),
        institution_ids=[school.id],
        target_conversations=300,
        concerns=["damp housing", "low pay"],
    )
    campaign = Campaign(
        name="Safe homes",
        problem="Housing is bad",
        issue="License rogue landlords on Narborough Road",
        stage=CycleStage.RESEARCH,
        listening_campaign_ids=[listening.id],
        institution_ids=[school.id],
        leader_ids=[amina.id],
        stage_history=[
            StageMove(
                on=date(2026, 6, 1), from_stage=CycleStage.LISTEN, to_stage=CycleStage.RESEARCH
            )
        ],
    )
    return [
        Profile(
            organiser_name="Jo Bloggs", working_days=[0, 1, 3], leave_days=[date(2026, 12, 24)]
        ),
        school,
        amina,
        RelationalMeeting(
            person_id=amina.id,
            at=at,
            status=OneToOneStatus.HELD,
            length_minutes=40,
            place="Café on Narborough Road",
            interests="her children's school",
            self_interest="pay",
            story=AWKWARD,
            tension="damp flat",
            potential=4,
            follow_up="invite to training",
            follow_up_due=date(2026, 4, 3),
            next_meeting_at=datetime(2026, 10, 25, 1, 30, tzinfo=LONDON),
        ),
        LadderMove(
            person_id=amina.id,
            on=date(2026, 4, 1),
            from_stage=LadderStage.EMERGING_LEADER,
            to_stage=LadderStage.LEADER,
            reason="Chaired the house meeting",
        ),
        listening,
        Conversation(
            listening_campaign_id=listening.id,
            on=date(2026, 3, 4),
            institution_id=school.id,
            who="parent at the gate",
            concerns=["damp housing"],
            story="Mould in every room",
        ),
        campaign,
        PowerMapEntry(
            campaign_id=campaign.id,
            name="Cllr Patel",
            role="Housing lead",
            decides="Licensing scheme",
            influence=5,
            stance=Stance.LEANING_FOR,
            is_decision_maker=True,
            relationship="Amina knows his wife",
        ),
        PublicAction(
            name="Housing assembly",
            campaign_id=campaign.id,
            at=at,
            place="Town Hall",
            ask="Extend licensing",
            turnout_target=200,
            turnout_actual=230,
            turnout_by_institution=[
                InstitutionTurnout(institution_id=school.id, pledged=50, delivered=61)
            ],
            leader_roles=[LeaderRole(person_id=amina.id, role="chair")],
        ),
        Meeting(
            title="Planning Group",
            meeting_kind=MeetingKind.PLANNING_GROUP,
            at=at,
            attendee_ids=[amina.id],
            minutes=AWKWARD,
            action_points=[
                ActionPoint(text="Book the hall", owner_id=amina.id, due=date(2026, 4, 10))
            ],
        ),
        TrainingSession(
            name="Community leadership taster",
            training_kind=TrainingKind.LOCAL_TASTER,
            starts=at,
            length_hours=3,
            venue="Mosque hall",
            trainer_ids=[amina.id],
            participations=[
                Participation(person_id=amina.id, status=ParticipationStatus.COMPLETED)
            ],
            preparing_days=0.5,
            delivering_days=0.5,
        ),
        FundraisingTarget(year=2026, target_pence=3_000_000, hard_money_percent=50),
        FundraisingItem(
            title="Dues 2026",
            source=FundingSource.MEMBER_DUES,
            institution_id=school.id,
            hard_money=True,
            amount_pence=75_050,
            year=2026,
            status=FundingStatus.INVOICED,
            dues_kind=DuesKind.RETENTION,
            invoiced_on=date(2026, 1, 10),
            due_on=date(2026, 2, 10),
        ),
        SupervisionReview(
            at=at,
            supervisor="Sam Lead",
            period_start=date(2026, 3, 16),
            period_end=date(2026, 3, 29),
            status=ReviewStatus.FINISHED,
            figures=[
                Figure(key="one_to_ones", label="1-2-1s held", value=21, target=18, previous=15)
            ],
            moved=["Amina became a leader"],
            went_well=AWKWARD,
            agreed_actions=[
                AgreedAction(text="Two 1-2-1s with imams", owner="Jo", due=date(2026, 4, 12))
            ],
        ),
        # The other end is someone not in the sample: a link outlives neither of its people.
        PersonLink(
            person_id=amina.id,
            other_id="e" * 32,
            link_kind=LinkKind.SAME_CONGREGATION,
            note='Both at St Mary\'s; "Zofia Wójcik" introduced them',
        ),
        Tombstone(
            record_kind="one_to_ones",
            record_id="f" * 32,
            last_revision=3,
            removed_at=at,
            entries=[f"one-to-one-{'f' * 32}", f"follow-up-{'f' * 32}"],
        ),
        AuditEntry(at=at, reason="Asked to be forgotten", changed=12, deleted=1, replaced=3),
    ]
