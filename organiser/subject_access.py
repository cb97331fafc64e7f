"""Subject access: everything held about one person, as a file they can read (Markdown) or
take elsewhere (JSON).

UK GDPR gives a person the right to a copy of all the personal data held about them. This
gathers their own record, every 1-2-1 with them, their ladder moves, trainings, meetings,
listening conversations, campaigns, public actions, power analysis entries and fundraising
items, and every mention of their name, email or phone in other records' text. The
organiser's private notes go in: they are the person's data too, and the file says so.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from enum import StrEnum
from typing import TypeVar
from zoneinfo import ZoneInfo

from organiser.consent import describe_consent
from organiser.erasure import everything
from organiser.mentions import Finder, describe_record, find_mentions
from organiser.models import (
    Campaign,
    Conversation,
    FundraisingItem,
    Institution,
    LadderMove,
    ListeningCampaign,
    Meeting,
    Person,
    PersonLink,
    PowerMapEntry,
    Profile,
    PublicAction,
    Record,
    RelationalMeeting,
    TrainingSession,
)
from organiser.models.base import optional_date
from organiser.models.people import DEFAULT_STAGE_NAMES, LadderStage
from organiser.money import format_pounds
from organiser.repository import Repository
from organiser.review_export import md_escape

Value = str | int | date | datetime | list[str] | None
R = TypeVar("R", bound=Record)


class AccessFormat(StrEnum):
    JSON = "json"
    MARKDOWN = "md"


@dataclass(frozen=True)
class Entry:
    """One thing held about them: a heading and its fields, label and value."""

    heading: str
    fields: tuple[tuple[str, Value], ...]


@dataclass(frozen=True)
class Section:
    title: str
    entries: tuple[Entry, ...]


@dataclass(frozen=True)
class SubjectAccess:
    """What is held about `name`, in sections, as of `made`."""

    name: str
    holder: str
    made: datetime
    zone: ZoneInfo
    sections: tuple[Section, ...]

    @property
    def statement(self) -> str:
        return (
            f"This file holds everything {self.holder} keeps about {self.name} in Organiser, "
            f"as it stood on {optional_date(self.made)}. It includes the organiser's private "
            "notes about them: under UK GDPR (the right of access) those are their personal "
            "data too. The file itself is personal data: keep it safe, and delete it once it "
            "has been handed over."
        )


def file_name(person: Person, fmt: AccessFormat, day: date) -> str:
    """ "subject-access-amina-khan-2026-11-23.md" """
    slug = "-".join("".join(c for c in w if c.isalnum()) for w in person.name.lower().split())
    return f"subject-access-{slug or 'person'}-{day.isoformat()}.{fmt.value}"


class _Gatherer:
    def __init__(self, person: Person, records: Sequence[Record], profile: Profile | None):
        self.person = person
        self.records = records
        self.profile = profile
        self.names = {r.id: _title(r) for r in records}

    def of(self, kind: type[R]) -> list[R]:
        return [r for r in self.records if isinstance(r, kind)]

    def stage(self, stage: LadderStage) -> str:
        return self.profile.stage_name(stage) if self.profile else DEFAULT_STAGE_NAMES[stage]

    def own(self) -> Section:
        p = self.person
        roles = [f"{self.names.get(m.institution_id, '?')}: {m.role}" for m in p.memberships]
        core = [i.name for i in self.of(Institution) if p.id in i.core_team_ids]
        fields: tuple[tuple[str, Value], ...] = (
            ("Name", p.name),
            ("Phone", p.phone),
            ("Email", p.email),
            ("Address", p.address),
            ("Institutions and roles", roles),
            ("Core team of", core),
            ("Ladder stage", self.stage(p.ladder_stage)),
            ("Consent to be contacted", describe_consent(p.consent_to_contact)),
            ("Consent to keep notes", describe_consent(p.consent_to_record)),
            ("Notes", p.notes),
            ("Private notes (the organiser's)", p.private_notes),
            ("Kept at a retention review on", p.reviewed_on),
            ("Added", p.created),
            ("Last changed", p.updated),
        )
        return Section("Their record", (Entry(p.name, fields),))

    def one_to_ones(self) -> Section:
        mine = [m for m in self.of(RelationalMeeting) if m.person_id == self.person.id]
        entries = []
        for m in sorted(mine, key=lambda m: m.at):
            entries.append(
                Entry(
                    f"1-2-1 on {optional_date(m.at)}",
                    (
                        ("When", m.at),
                        ("Status", m.status.value),
                        ("Length in minutes", m.length_minutes),
                        ("Place", m.place),
                        ("Interests", m.interests),
                        ("Self-interest", m.self_interest),
                        ("Story", m.story),
                        ("Tension", m.tension),
                        ("Leadership potential (1 to 5)", m.potential),
                        ("Follow-up agreed", m.follow_up),
                        ("Follow-up due", m.follow_up_due),
                        ("Follow-up done", m.follow_up_done_on),
                        ("Next meeting", m.next_meeting_at),
                    ),
                )
            )
        return Section("1-2-1s", tuple(entries))

    def ladder(self) -> Section:
        moves = [m for m in self.of(LadderMove) if m.person_id == self.person.id]
        entries = []
        for m in sorted(moves, key=lambda m: m.on):
            fields = (
                ("From", self.stage(m.from_stage)),
                ("To", self.stage(m.to_stage)),
                ("Reason", m.reason),
            )
            entries.append(Entry(f"Ladder move on {optional_date(m.on)}", fields))
        return Section("Ladder moves", tuple(entries))

    def links(self) -> Section:
        """The people they are linked to, and how (see organiser.routes)."""
        pid = self.person.id
        entries = [
            Entry(
                f"Linked to {self.names.get(link.other_end(pid), 'someone no longer on record')}",
                (("How", link.link_kind.value.replace("_", " ")), ("Note", link.note)),
            )
            for link in self.of(PersonLink)
            if link.joins(pid)
        ]
        return Section("Links to other people", tuple(entries))

    def involvement(self) -> Section:
        """Trainings, meetings, conversations, campaigns, actions, power analysis, money."""
        pid = self.person.id
        entries: list[Entry] = []
        for record in self.records:
            fields = list(self._involved(record, pid))
            if fields:
                entries.append(Entry(_title(record), tuple(fields)))
        return Section("Trainings, meetings, campaigns and more", tuple(entries))

    def _involved(self, record: Record, pid: str) -> Iterator[tuple[str, Value]]:
        if isinstance(record, TrainingSession):
            for p in record.participations:
                if p.person_id == pid:
                    yield from (("Starts", record.starts), ("Participant", p.status.value))
                    yield "Nominated on", p.nominated_on
            if pid in record.trainer_ids:
                yield from (("Starts", record.starts), ("Trainer", "yes"))
        elif isinstance(record, Meeting):
            if pid in record.attendee_ids:
                yield from (("When", record.at), ("Attended", "yes"))
            owed = [
                f"{p.text} (due {optional_date(p.due) or 'no date'}"
                + (f", done {optional_date(p.done_on)})" if p.done_on else ")")
                for p in record.action_points
                if p.owner_id == pid
            ]
            if owed:
                yield "Action points they own", owed
        elif isinstance(record, Conversation) and record.person_id == pid:
            yield from (("On", record.on), ("Who", record.who), ("Concerns", record.concerns))
            yield from (("Story", record.story),)
        elif isinstance(record, Campaign) and pid in record.leader_ids:
            yield "A leader of the campaign", "yes"
        elif isinstance(record, PublicAction):
            for role in record.leader_roles:
                if role.person_id == pid:
                    yield from (("When", record.at), ("Role", role.role or "a role"))
        elif isinstance(record, PowerMapEntry) and record.person_id == pid:
            yield from (("Campaign", self.names.get(record.campaign_id, "")), ("Role", record.role))
            yield from (("Decides", record.decides), ("Interests", record.interests))
            yield from (("Stance", record.stance.value), ("Influence (1 to 5)", record.influence))
            yield "Our relationship", record.relationship
        elif isinstance(record, FundraisingItem) and record.person_id == pid:
            yield from (("Amount", format_pounds(record.amount_pence)), ("Year", record.year))
            yield from (("Status", record.status.value), ("Notes", record.notes))

    def mentions(self) -> Section:
        others = [r for r in self.records if r.id != self.person.id]
        found = find_mentions(others, Finder.of(self.person))
        entries = [Entry(m.where, (("Text", "".join(m.context(120))),)) for m in found]
        return Section("Mentioned in other records", tuple(entries))


def _title(record: Record) -> str:
    if isinstance(record, ListeningCampaign | Campaign | Institution | Person):
        return record.name
    return describe_record(record)


def gather(repo: Repository, person: Person, made: datetime, zone: ZoneInfo) -> SubjectAccess:
    """Everything `repo` holds about `person`."""
    profile = repo.profile()
    g = _Gatherer(person, everything(repo), profile)
    holder = (profile.alliance_name or profile.organiser_name) if profile else "the organiser"
    sections = (g.own(), g.one_to_ones(), g.ladder(), g.links(), g.involvement(), g.mentions())
    return SubjectAccess(person.name, holder, made, zone, sections)


def _shown(value: Value) -> bool:
    return value is not None and value != "" and value != []


def _json_value(value: Value) -> object:
    return value.isoformat() if isinstance(value, date) else value


def to_json(access: SubjectAccess) -> str:
    """The export as JSON: every section, every entry, only the fields that hold something."""
    data = {
        "about": access.name,
        "held_by": access.holder,
        "made": access.made.isoformat(),
        "statement": access.statement,
        "sections": [
            {
                "title": section.title,
                "entries": [
                    {
                        "heading": entry.heading,
                        "fields": {k: _json_value(v) for k, v in entry.fields if _shown(v)},
                    }
                    for entry in section.entries
                ],
            }
            for section in access.sections
        ],
    }
    return json.dumps(data, indent=2, ensure_ascii=False) + "\n"


def _md_value(value: Value, zone: ZoneInfo) -> str:
    if isinstance(value, datetime):
        return f"{value.astimezone(zone):%a %d %b %Y %H:%M}"
    if isinstance(value, date):
        return optional_date(value)
    if isinstance(value, list):
        return "; ".join(value)
    return str(value)


def to_markdown(access: SubjectAccess) -> str:
    """The export as Markdown, everything typed shown literally."""
    lines = [
        f"# Everything held about {md_escape(access.name)}",
        "",
        f"> {md_escape(access.statement)}",
    ]
    for section in access.sections:
        lines += ["", f"## {md_escape(section.title)}", ""]
        if not section.entries:
            lines.append("_Nothing held._")
        for entry in section.entries:
            lines += [f"### {md_escape(entry.heading)}", ""]
            for label, value in entry.fields:
                if _shown(value):
                    shown = md_escape(_md_value(value, access.zone))
                    lines.append(f"- **{md_escape(label)}:** {shown}")
            lines.append("")
    return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).rstrip("\n") + "\n"


def render(access: SubjectAccess, fmt: AccessFormat) -> str:
    return to_json(access) if fmt is AccessFormat.JSON else to_markdown(access)
