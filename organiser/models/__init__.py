"""Every record the program keeps. `RECORD_TYPES` is the list the store and exports walk."""

from organiser.models.audit import AuditEntry, AuditEvent
from organiser.models.base import (
    UNSAVED,
    Part,
    Record,
    new_id,
)
from organiser.models.campaigns import (
    ActionKind,
    Campaign,
    Conversation,
    CycleStage,
    InstitutionTurnout,
    LeaderRole,
    ListeningCampaign,
    PowerMapEntry,
    PublicAction,
    StageMove,
    Stance,
)
from organiser.models.diary import DiaryFile, DiaryKind
from organiser.models.fundraising import (
    DuesKind,
    FundingSource,
    FundingStatus,
    FundraisingItem,
    FundraisingTarget,
)
from organiser.models.institutions import Institution, InstitutionKind, MembershipStatus
from organiser.models.links import LinkKind, PersonLink
from organiser.models.meetings import (
    ActionPoint,
    Meeting,
    MeetingKind,
    OneToOneStatus,
    RelationalMeeting,
)
from organiser.models.people import (
    Consent,
    LadderMove,
    LadderStage,
    LawfulBasis,
    Membership,
    Person,
)
from organiser.models.profile import Profile
from organiser.models.supervision import AgreedAction, Figure, ReviewStatus, SupervisionReview
from organiser.models.tombstones import Tombstone
from organiser.models.training import (
    Participation,
    ParticipationStatus,
    TrainingKind,
    TrainingSession,
)

RECORD_TYPES: tuple[type[Record], ...] = (
    Profile,
    Person,
    Institution,
    RelationalMeeting,
    LadderMove,
    ListeningCampaign,
    Conversation,
    Campaign,
    PowerMapEntry,
    PublicAction,
    Meeting,
    TrainingSession,
    FundraisingTarget,
    FundraisingItem,
    SupervisionReview,
    PersonLink,
    Tombstone,
    AuditEntry,
)
RECORD_TYPE_BY_KIND: dict[str, type[Record]] = {t.kind: t for t in RECORD_TYPES}

__all__ = [
    "ActionKind",
    "RECORD_TYPES",
    "RECORD_TYPE_BY_KIND",
    "UNSAVED",
    "ActionPoint",
    "AgreedAction",
    "AuditEntry",
    "AuditEvent",
    "Campaign",
    "Consent",
    "Conversation",
    "CycleStage",
    "DiaryFile",
    "DiaryKind",
    "DuesKind",
    "Figure",
    "FundingSource",
    "FundingStatus",
    "FundraisingItem",
    "FundraisingTarget",
    "Institution",
    "InstitutionKind",
    "InstitutionTurnout",
    "LadderMove",
    "LadderStage",
    "LawfulBasis",
    "LeaderRole",
    "LinkKind",
    "ListeningCampaign",
    "Meeting",
    "MeetingKind",
    "Membership",
    "MembershipStatus",
    "OneToOneStatus",
    "Part",
    "Participation",
    "ParticipationStatus",
    "Person",
    "PersonLink",
    "PowerMapEntry",
    "Profile",
    "PublicAction",
    "Record",
    "RelationalMeeting",
    "ReviewStatus",
    "StageMove",
    "Stance",
    "SupervisionReview",
    "Tombstone",
    "TrainingKind",
    "TrainingSession",
    "new_id",
]
