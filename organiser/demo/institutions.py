"""The member institutions of the demo alliance: schools, congregations, branches and groups."""

from __future__ import annotations

import random
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date, timedelta

from organiser.demo.context import Context, new_id
from organiser.demo.places import AREAS, DISTRICTS, STREETS
from organiser.models import Institution, InstitutionKind, MembershipStatus

K = InstitutionKind
MEMBER = MembershipStatus.MEMBER
PROSPECT = MembershipStatus.PROSPECT
LAPSED = MembershipStatus.LAPSED


@dataclass(frozen=True)
class Template:
    name: str
    kind: InstitutionKind
    tag: str
    status: MembershipStatus
    #: Annual dues in whole pounds (agreed for members, proposed for prospects).
    dues: int
    #: Which name pools its people mostly come from.
    mix: Mapping[str, float]
    #: Roles its people hold; the first is the institution's key leader (head, imam, vicar).
    roles: tuple[str, ...]
    #: How many of the alliance's people it holds, relative to the others.
    size: float = 1.0
    note: str = ""


SCHOOL_ROLES = (
    "head teacher",
    "parent",
    "parent",
    "parent",
    "governor",
    "teaching assistant",
    "PTA chair",
    "parent",
    "deputy head",
    "learning mentor",
)
MOSQUE_ROLES = (
    "imam",
    "worshipper",
    "trustee",
    "sisters' circle lead",
    "youth worker",
    "madrasa teacher",
    "worshipper",
    "secretary",
)
CHURCH_ROLES = (
    "vicar",
    "parishioner",
    "churchwarden",
    "PCC member",
    "youth leader",
    "parishioner",
    "food bank co-ordinator",
)
CATHOLIC_ROLES = (
    "parish priest",
    "parishioner",
    "catechist",
    "St Vincent de Paul group lead",
    "parishioner",
    "food bank co-ordinator",
)
PENTECOSTAL_ROLES = (
    "pastor",
    "church member",
    "elder",
    "youth leader",
    "choir leader",
    "church member",
)
GURDWARA_ROLES = (
    "committee president",
    "sangat member",
    "langar volunteer",
    "youth sewa lead",
    "sangat member",
    "committee secretary",
)
MANDIR_ROLES = (
    "president",
    "devotee",
    "women's group lead",
    "trustee",
    "devotee",
    "youth committee member",
)
UNION_ROLES = (
    "branch secretary",
    "shop steward",
    "member",
    "care worker",
    "member",
    "equality officer",
    "workplace rep",
)
MIGRANT_ROLES = ("co-ordinator", "member", "volunteer", "ESOL teacher", "trustee", "member")
UNIVERSITY_ROLES = (
    "SU president",
    "student rep",
    "student",
    "lecturer",
    "chaplain",
    "PhD student",
    "international student officer",
)
COMMUNITY_ROLES = (
    "chair",
    "member",
    "volunteer",
    "tenant rep",
    "secretary",
    "member",
    "youth worker",
)

MIX_CITY: dict[str, float] = {
    "white_british": 4,
    "gujarati": 3,
    "south_asian_muslim": 3,
    "caribbean": 2,
    "somali": 1,
    "polish": 1,
    "punjabi": 1,
    "west_african": 1,
    "middle_eastern": 1,
}

TEMPLATES: tuple[Template, ...] = (
    Template(
        "St Saviour's C of E Primary School",
        K.SCHOOL,
        "stsaviours",
        MEMBER,
        750,
        {"south_asian_muslim": 4, "somali": 3, "gujarati": 2, "white_british": 1, "polish": 1},
        SCHOOL_ROLES,
        1.3,
        "Two-form entry; 31 home languages.",
    ),
    Template(
        "Evington Park Academy",
        K.SCHOOL,
        "evingtonpark",
        MEMBER,
        1000,
        MIX_CITY,
        SCHOOL_ROLES,
        1.1,
        "Secondary; the sixth form runs the student voice group.",
    ),
    Template(
        "Braunstone Community Primary School",
        K.SCHOOL,
        "braunstoneprimary",
        LAPSED,
        500,
        {"white_british": 5, "polish": 2, "caribbean": 1, "romanian": 1},
        SCHOOL_ROLES,
        0.6,
        "New head did not renew; the PTA chair is still involved.",
    ),
    Template(
        "Masjid al-Noor",
        K.FAITH_CONGREGATION,
        "alnoor",
        MEMBER,
        1200,
        {"south_asian_muslim": 6, "somali": 1},
        MOSQUE_ROLES,
        1.3,
        "Friday prayers draw 900; the sisters' circle meets on Tuesdays.",
    ),
    Template(
        "Spinney Hill Islamic Centre",
        K.FAITH_CONGREGATION,
        "spinneyhill",
        MEMBER,
        900,
        {"somali": 5, "south_asian_muslim": 2, "middle_eastern": 1},
        MOSQUE_ROLES,
        1.1,
    ),
    Template(
        "Holy Trinity Parish Church",
        K.FAITH_CONGREGATION,
        "holytrinity",
        MEMBER,
        600,
        {"white_british": 5, "caribbean": 1, "west_african": 1},
        CHURCH_ROLES,
        0.9,
    ),
    Template(
        "St Joseph's Catholic Church",
        K.FAITH_CONGREGATION,
        "stjosephs",
        MEMBER,
        700,
        {"polish": 3, "irish": 2, "goan": 2, "west_african": 1, "white_british": 1},
        CATHOLIC_ROLES,
        1.0,
        "Masses in English, Polish and Malayalam.",
    ),
    Template(
        "Gurdwara Nanak Darbar",
        K.FAITH_CONGREGATION,
        "nanakdarbar",
        MEMBER,
        1000,
        {"punjabi": 1},
        GURDWARA_ROLES,
        1.0,
        "Langar every day; strong youth sewa team.",
    ),
    Template(
        "Shree Krishna Mandir",
        K.FAITH_CONGREGATION,
        "krishnamandir",
        MEMBER,
        800,
        {"gujarati": 1},
        MANDIR_ROLES,
        1.0,
    ),
    Template(
        "Bethel Pentecostal Church",
        K.FAITH_CONGREGATION,
        "bethel",
        PROSPECT,
        400,
        {"caribbean": 4, "west_african": 2},
        PENTECOSTAL_ROLES,
        0.6,
        "Pastor interested after the housing assembly; meeting the elders next.",
    ),
    Template(
        "Care Workers' Union, East Midlands Branch",
        K.UNION_BRANCH,
        "careunion",
        MEMBER,
        2000,
        MIX_CITY,
        UNION_ROLES,
        1.2,
        "Members in 40 care homes across the city.",
    ),
    Template(
        "City Council Staff Union Branch",
        K.UNION_BRANCH,
        "councilbranch",
        MEMBER,
        1500,
        MIX_CITY,
        UNION_ROLES,
        0.8,
    ),
    Template(
        "Somali Families Forum",
        K.MIGRANT_GROUP,
        "somalifamilies",
        MEMBER,
        300,
        {"somali": 1},
        MIGRANT_ROLES,
        0.9,
    ),
    Template(
        "Polish Saturday School and Community Association",
        K.MIGRANT_GROUP,
        "polishcommunity",
        MEMBER,
        350,
        {"polish": 1},
        MIGRANT_ROLES,
        0.8,
    ),
    Template(
        "Migrant Voices",
        K.MIGRANT_GROUP,
        "migrantvoices",
        PROSPECT,
        300,
        {"middle_eastern": 3, "romanian": 2, "west_african": 1, "east_asian": 1},
        MIGRANT_ROLES,
        0.6,
        "Drop-in for people waiting on asylum decisions.",
    ),
    Template(
        "Riverside University Students' Union",
        K.UNIVERSITY,
        "riversidesu",
        MEMBER,
        2000,
        {
            "white_british": 3,
            "gujarati": 2,
            "south_asian_muslim": 2,
            "east_asian": 2,
            "west_african": 1,
        },
        UNIVERSITY_ROLES,
        1.0,
    ),
    Template(
        "Saffron Tenants' Association",
        K.COMMUNITY_GROUP,
        "saffrontenants",
        MEMBER,
        300,
        {"white_british": 4, "caribbean": 1, "polish": 1},
        COMMUNITY_ROLES,
        0.8,
    ),
    Template(
        "Highfields Youth and Community Project",
        K.COMMUNITY_GROUP,
        "highfieldsyouth",
        PROSPECT,
        500,
        {"somali": 2, "south_asian_muslim": 2, "caribbean": 2},
        COMMUNITY_ROLES,
        0.6,
        "Board meets quarterly; the manager wants to join.",
    ),
    Template(
        "African Caribbean Elders' Circle",
        K.COMMUNITY_GROUP,
        "acelders",
        MEMBER,
        300,
        {"caribbean": 1},
        COMMUNITY_ROLES,
        0.6,
    ),
)

#: Members drifting away: their dues unpaid well past due and no 1-2-1 with their people for
#: months, so Today's "At risk" has something to show (organiser/institution_health.py).
DRIFTING_TAGS = ("acelders",)
#: How long a drifting member's dues have been due, and since when its people were last met.
DUES_OVERDUE_DAYS = 52
QUIET_SINCE_DAYS = 118
DRIFTING_NOTE = "Gone quiet: the chair moved away and no one has picked it up."

#: Kinds of institution for the alliance beyond the first templates (a larger scale).
EXTRA_KINDS: tuple[tuple[str, InstitutionKind, tuple[str, ...], tuple[int, int]], ...] = (
    ("{area} Primary School", K.SCHOOL, SCHOOL_ROLES, (400, 1000)),
    ("{area} Academy", K.SCHOOL, SCHOOL_ROLES, (600, 1200)),
    ("{area} Mosque", K.FAITH_CONGREGATION, MOSQUE_ROLES, (600, 1500)),
    ("{area} Methodist Church", K.FAITH_CONGREGATION, CHURCH_ROLES, (300, 800)),
    ("St Peter's Church, {area}", K.FAITH_CONGREGATION, CHURCH_ROLES, (300, 900)),
    ("{area} Gurdwara", K.FAITH_CONGREGATION, GURDWARA_ROLES, (600, 1200)),
    ("{area} Hindu Temple", K.FAITH_CONGREGATION, MANDIR_ROLES, (500, 1000)),
    ("{area} Retail Workers' Branch", K.UNION_BRANCH, UNION_ROLES, (800, 2000)),
    ("{area} Refugee Welcome", K.MIGRANT_GROUP, MIGRANT_ROLES, (300, 500)),
    ("{area} Tenants' Association", K.COMMUNITY_GROUP, COMMUNITY_ROLES, (300, 400)),
    ("{area} Food Bank", K.COMMUNITY_GROUP, COMMUNITY_ROLES, (300, 500)),
)


@dataclass
class Alliance:
    """The institutions, with what the people builder needs to know about each."""

    institutions: list[Institution] = field(default_factory=list)
    mixes: dict[str, Mapping[str, float]] = field(default_factory=dict)
    roles: dict[str, tuple[str, ...]] = field(default_factory=dict)
    sizes: dict[str, float] = field(default_factory=dict)

    def members(self) -> list[Institution]:
        return [i for i in self.institutions if i.status is MembershipStatus.MEMBER]

    def by_tag(self, tag: str) -> Institution:
        return next(i for i in self.institutions if i.tag == tag)

    def drifting_ids(self) -> frozenset[str]:
        """The members drifting away (`DRIFTING_TAGS`), by id."""
        return frozenset(i.id for i in self.members() if i.tag in DRIFTING_TAGS)


def _templates(ctx: Context, rng: random.Random) -> list[Template]:
    wanted = ctx.scaled(len(TEMPLATES), minimum=6)
    if wanted == len(TEMPLATES):
        return list(TEMPLATES)
    if wanted < len(TEMPLATES):
        return _shrunk(wanted)
    extra: list[Template] = []
    tags = {t.tag for t in TEMPLATES}
    while len(TEMPLATES) + len(extra) < wanted:
        pattern, kind, roles, (low, high) = rng.choice(EXTRA_KINDS)
        area = rng.choice(AREAS)
        name = pattern.format(area=area)
        tag = "".join(c for c in name.lower() if c.isalnum())[:18]
        number = 2
        base_tag = tag
        while tag in tags:
            name = f"{pattern.format(area=area)} ({number})"
            tag = f"{base_tag}{number}"
            number += 1
        tags.add(tag)
        roll = rng.random()
        status = MEMBER if roll < 0.8 else PROSPECT if roll < 0.95 else LAPSED
        dues = rng.randrange(low, high + 1, 50)
        extra.append(
            Template(name, kind, tag, status, dues, MIX_CITY, roles, rng.uniform(0.5, 1.3))
        )
    return [*TEMPLATES, *extra]


def _shrunk(wanted: int) -> list[Template]:
    """The first templates of every kind in turn, so a small alliance is still mixed."""
    by_kind: dict[InstitutionKind, list[Template]] = {}
    for template in TEMPLATES:
        by_kind.setdefault(template.kind, []).append(template)
    chosen: list[Template] = []
    while len(chosen) < wanted:
        for templates in by_kind.values():
            if templates and len(chosen) < wanted:
                chosen.append(templates.pop(0))
    return chosen


def build_institutions(ctx: Context) -> Alliance:
    rng = ctx.stream("institutions")
    alliance = Alliance()
    templates = _templates(ctx, rng)
    # Spread the renewals over the coming year, a few inside the 60-day window.
    for number, template in enumerate(templates):
        renewal: date | None
        signed_on: date | None
        if template.status is MEMBER:
            renewal = ctx.days_ahead(
                rng.randrange(5, 60) if number % 4 == 0 else rng.randrange(20, 365)
            )
            years_member = rng.randrange(1, 5)
            if template.tag in DRIFTING_TAGS:
                # This year's dues fell due weeks ago (see fundraising): renewal a year on.
                renewal = ctx.days_ahead(365 - DUES_OVERDUE_DAYS)
            signed_on = renewal - timedelta(days=365 * years_member)
        elif template.status is LAPSED:
            renewal = ctx.days_ago(rng.randrange(60, 200))
            signed_on = renewal - timedelta(days=365 * 2)
        else:
            renewal = None
            signed_on = None
        area = rng.choice(AREAS)
        address = (
            f"{rng.randrange(1, 240)} {rng.choice(STREETS)}\n{area}\n"
            f"Leicester {rng.choice(DISTRICTS)}"
        )
        institution = Institution(
            id=new_id(rng),
            name=template.name,
            institution_kind=template.kind,
            tag=template.tag,
            address=address,
            status=template.status,
            annual_dues_pence=template.dues * 100,
            letter_signed=signed_on is not None,
            letter_signed_on=signed_on,
            renewal_date=renewal,
            notes=DRIFTING_NOTE if template.tag in DRIFTING_TAGS else template.note,
        )
        alliance.institutions.append(institution)
        alliance.mixes[institution.id] = template.mix
        alliance.roles[institution.id] = template.roles
        alliance.sizes[institution.id] = template.size
    return alliance


def with_core_teams(alliance: Alliance, core_teams: dict[str, list[str]]) -> list[Institution]:
    """The institutions again, each member one with its core team filled in."""
    return [
        i.evolve(core_team_ids=core_teams[i.id]) if core_teams.get(i.id) else i
        for i in alliance.institutions
    ]
