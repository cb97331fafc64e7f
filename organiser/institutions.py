"""Member institutions: who belongs to them, their core teams, renewals, dues and tags.

Everything the Institutions screens show is worked out here from plain records, so a script,
the CLI or a test gets the same answers without a terminal.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date, timedelta

from organiser.models import (
    Campaign,
    Conversation,
    FundingSource,
    FundraisingItem,
    Institution,
    InstitutionKind,
    ListeningCampaign,
    MembershipStatus,
    OneToOneStatus,
    Person,
    PublicAction,
    Record,
    RelationalMeeting,
)
from organiser.people import fold
from organiser.text import LINE_MAX

#: Renewals this many days ahead are "due".
RENEWAL_WINDOW_DAYS = 60
#: A renewal that has passed stays on the list of those due for this many days, as overdue.
OVERDUE_SHOWN_DAYS = 30

# Renewals ----------------------------------------------------------------------------------


def renewals_due(institutions: Iterable[Institution], today: date) -> list[Institution]:
    """Institutions whose renewal falls in the next 60 days or passed in the last 30, soonest
    first (so the overdue ones lead)."""
    earliest = today - timedelta(days=OVERDUE_SHOWN_DAYS)
    horizon = today + timedelta(days=RENEWAL_WINDOW_DAYS)
    due = [
        i
        for i in institutions
        if i.renewal_date is not None and earliest <= i.renewal_date <= horizon
    ]
    return sorted(due, key=lambda i: (i.renewal_date or today, fold(i.name), i.id))


def is_overdue(institution: Institution, today: date) -> bool:
    return institution.renewal_date is not None and institution.renewal_date < today


def renewal_note(institution: Institution, today: date) -> str:
    """ "3 days overdue", "due today", "in 21 days"; empty when it is further off or unset."""
    if institution.renewal_date is None:
        return ""
    days = (institution.renewal_date - today).days
    if days < 0:
        return "1 day overdue" if days == -1 else f"{-days:,} days overdue"
    if days == 0:
        return "due today"
    if days <= RENEWAL_WINDOW_DAYS:
        return "in 1 day" if days == 1 else f"in {days} days"
    return ""


# People, core team, 1-2-1s and dues --------------------------------------------------------


@dataclass(frozen=True)
class Member:
    """One of an institution's people, and their role there."""

    person: Person
    role: str


def people_of(institution_id: str, people: Iterable[Person]) -> list[Member]:
    """Everyone whose memberships include the institution, by name."""
    found = [
        Member(person, membership.role)
        for person in people
        for membership in person.memberships
        if membership.institution_id == institution_id
    ]
    return sorted(found, key=lambda m: (fold(m.person.name), m.person.id))


def people_counts(people: Iterable[Person]) -> Counter[str]:
    """How many people belong to each institution, by institution id."""
    return Counter(i for person in people for i in set(person.institution_ids))


def core_team(institution: Institution, people_by_id: Mapping[str, Person]) -> list[Person]:
    """The core team in the order chosen; ids of people no longer on record are left out."""
    return [people_by_id[i] for i in institution.core_team_ids if i in people_by_id]


def one_to_ones_with(
    person_ids: Iterable[str], meetings: Iterable[RelationalMeeting]
) -> list[RelationalMeeting]:
    """The 1-2-1s held with any of these people, newest first."""
    wanted = set(person_ids)
    held = [m for m in meetings if m.person_id in wanted and m.status is OneToOneStatus.HELD]
    return sorted(held, key=lambda m: (m.at, m.id), reverse=True)


def dues_history(institution_id: str, items: Iterable[FundraisingItem]) -> list[FundraisingItem]:
    """The institution's member dues, newest year first."""
    dues = [
        item
        for item in items
        if item.institution_id == institution_id and item.source is FundingSource.MEMBER_DUES
    ]
    return sorted(
        dues,
        key=lambda i: (i.year, i.invoiced_on or i.expected_on or date.min, i.id),
        reverse=True,
    )


# Tags --------------------------------------------------------------------------------------

TAG_MAX = 30
_TAG = re.compile(r"[a-z0-9][a-z0-9_-]*")
#: Words that say what kind of place it is rather than which one: left out of suggested tags.
_GENERIC_WORDS = (
    "a an and the of for in at on c e cofe "
    "school primary secondary infant infants junior juniors academy college nursery "
    "church parish chapel mosque masjid gurdwara mandir temple synagogue centre center "
    "catholic methodist baptist anglican islamic "
    "union branch trade association society group forum project network club trust "
    "community university students"
)
_GENERIC = frozenset(_GENERIC_WORDS.split())


def _words(name: str) -> list[str]:
    cleaned = re.sub(r"['’‘`]", "", fold(name))
    return re.findall(r"[a-z0-9]+", cleaned)


def suggest_tag(name: str, taken: Iterable[str] = ()) -> str:
    """A short tag for quick capture from `name`: "St Mary's Primary" gives "stmarys".

    The first two words that name the place (not "school", "church", "branch" …), run
    together; a number is added when the tag is already someone else's. Empty for a name
    with no letters or digits in it.
    """
    words = _words(name)
    chosen = [w for w in words if w not in _GENERIC] or words
    if chosen[:1] == ["st"] and len(chosen) > 1:  # "St Mary's" is one name
        chosen = ["st" + chosen[1], *chosen[2:]]
    tag = "".join(chosen[:2])[:TAG_MAX]
    if not tag:
        return ""
    used = {t.casefold() for t in taken}
    if tag not in used:
        return tag
    number = 2
    while f"{tag[: TAG_MAX - len(str(number))]}{number}" in used:
        number += 1
    return f"{tag[: TAG_MAX - len(str(number))]}{number}"


def check_tag(text: str, taken: Mapping[str, str]) -> str:
    """The tag `text` names, in lower case without its "#"; `taken` maps the tags of the
    other institutions to their names. Raises ValueError, saying why, when it cannot be used.
    An empty tag is allowed.
    """
    tag = text.strip().removeprefix("#").casefold()
    if not tag:
        return ""
    if len(tag) > TAG_MAX:
        raise ValueError(f"it is too long ({len(tag)} characters; at most {TAG_MAX})")
    if not _TAG.fullmatch(tag):
        raise ValueError("use only letters a to z, digits, - and _, with no spaces (like stmarys)")
    for other, name in taken.items():
        if other.casefold() == tag:
            raise ValueError(f"#{tag} is already the tag of {name}")
    return tag


# Finding -----------------------------------------------------------------------------------


@dataclass(frozen=True)
class InstitutionFilter:
    """What the Institutions list is narrowed to: a kind, a status, words, renewals due."""

    kind: InstitutionKind | None = None
    status: MembershipStatus | None = None
    text: str = ""
    renewals_only: bool = False

    @property
    def is_active(self) -> bool:
        return bool(self.kind or self.status or self.text.strip() or self.renewals_only)


def search_text(institution: Institution) -> str:
    """What an institution is found by, folded: its name, tag and notes."""
    parts = (institution.name, institution.tag, "#" + institution.tag, institution.notes)
    return fold("\n".join(parts))


def sort_key(institution: Institution) -> tuple[str, str]:
    return fold(institution.name), institution.id


def filter_institutions(
    institutions: Iterable[Institution], chosen: InstitutionFilter, today: date
) -> list[Institution]:
    """The institutions `chosen` lets through: by name, or soonest renewal first when only
    renewals due are wanted. Every word of the text must appear in the name, tag or notes."""
    words = fold(chosen.text).split()
    found = [
        i
        for i in institutions
        if (chosen.kind is None or i.institution_kind is chosen.kind)
        and (chosen.status is None or i.status is chosen.status)
        and all(word in search_text(i) for word in words)
    ]
    if chosen.renewals_only:
        return renewals_due(found, today)
    return sorted(found, key=sort_key)


# Deleting ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class Unlinking:
    """The records that name an institution about to be deleted, changed so they no longer do.

    People lose their membership of it; money records keep their amounts and carry its name
    in their title instead; campaigns, listening campaigns, conversations and roll calls
    leave it out.
    """

    people: list[Person] = field(default_factory=list)
    money: list[FundraisingItem] = field(default_factory=list)
    campaigns: list[Campaign | ListeningCampaign] = field(default_factory=list)
    conversations: list[Conversation] = field(default_factory=list)
    actions: list[PublicAction] = field(default_factory=list)

    @property
    def records(self) -> list[Record]:
        return [*self.people, *self.money, *self.campaigns, *self.conversations, *self.actions]


def _titled(item: FundraisingItem, name: str) -> str:
    if not item.title:
        prefix = "Dues from" if item.source is FundingSource.MEMBER_DUES else "From"
        return f"{prefix} {name}"[:LINE_MAX]
    if name in item.title:
        return item.title
    return f"{item.title} ({name})"[:LINE_MAX]


def unlink_institution(institution: Institution, records: Iterable[Record]) -> Unlinking:
    """Every record among `records` that names `institution`, changed not to."""
    gone = institution.id
    unlinking = Unlinking()
    for record in records:
        if isinstance(record, Person) and gone in record.institution_ids:
            kept = [m for m in record.memberships if m.institution_id != gone]
            unlinking.people.append(record.evolve(memberships=kept))
        elif isinstance(record, FundraisingItem) and record.institution_id == gone:
            unlinking.money.append(
                record.evolve(institution_id=None, title=_titled(record, institution.name))
            )
        elif isinstance(record, Campaign | ListeningCampaign) and gone in record.institution_ids:
            kept_ids = [i for i in record.institution_ids if i != gone]
            unlinking.campaigns.append(record.evolve(institution_ids=kept_ids))
        elif isinstance(record, Conversation) and record.institution_id == gone:
            unlinking.conversations.append(record.evolve(institution_id=None))
        elif isinstance(record, PublicAction) and any(
            t.institution_id == gone for t in record.turnout_by_institution
        ):
            turnout = [t for t in record.turnout_by_institution if t.institution_id != gone]
            unlinking.actions.append(record.evolve(turnout_by_institution=turnout))
    return unlinking
