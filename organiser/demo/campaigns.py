"""The alliance's two campaigns from last spring's listening (work and housing), their power
analyses, and the public actions along the way."""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta

from organiser.demo.context import Context, new_id
from organiser.demo.institutions import Alliance
from organiser.demo.listening import Listening
from organiser.demo.people import Cast
from organiser.models import (
    Campaign,
    CycleStage,
    Institution,
    InstitutionTurnout,
    LadderStage,
    LeaderRole,
    Person,
    PowerMapEntry,
    PublicAction,
    StageMove,
    Stance,
)

C = CycleStage

WORK_TAGS = (
    "careunion",
    "councilbranch",
    "stjosephs",
    "polishcommunity",
    "nanakdarbar",
    "riversidesu",
)
HOUSING_TAGS = (
    "saffrontenants",
    "alnoor",
    "stsaviours",
    "spinneyhill",
    "holytrinity",
    "somalifamilies",
)


@dataclass
class Campaigns:
    campaigns: list[Campaign] = field(default_factory=list)
    power_map: list[PowerMapEntry] = field(default_factory=list)
    actions: list[PublicAction] = field(default_factory=list)
    work: Campaign | None = None
    housing: Campaign | None = None


def _institutions(
    alliance: Alliance, tags: tuple[str, ...], want: int, rng: random.Random
) -> list[Institution]:
    members = alliance.members() or alliance.institutions
    chosen = [i for i in members if i.tag in tags]
    taken = {i.id for i in chosen}
    others = [i for i in members if i.id not in taken]
    rng.shuffle(others)
    return (chosen + others)[: max(want, 3)]


def _leaders(
    cast: Cast, institutions: list[Institution], want: int, rng: random.Random
) -> list[Person]:
    ids = {i.id for i in institutions}
    leaders = cast.at_least(LadderStage.EMERGING_LEADER)
    ours = [p for p in leaders if p.id in cast.home and cast.home[p.id].id in ids]
    taken = {p.id for p in ours}
    rest = [p for p in leaders if p.id not in taken]
    rng.shuffle(rest)
    return (ours + rest)[:want]


def _evening(ctx: Context, day: date, hour: int = 19) -> datetime:
    """The Thursday evening on or after `day` (when assemblies happen), not at Christmas."""
    return ctx.at(ctx.on_weekday(day, 3, later=day > ctx.today), hour)


def _turnout(
    institutions: list[Institution], rng: random.Random, *, delivery: tuple[float, float]
) -> list[InstitutionTurnout]:
    """Each institution's pledge, and what it delivered (a share of the pledge in `delivery`)."""
    turnout = []
    for institution in institutions:
        pledged = rng.randrange(6, 41)
        got = round(pledged * rng.uniform(*delivery))
        turnout.append(
            InstitutionTurnout(institution_id=institution.id, pledged=pledged, delivered=got)
        )
    return turnout


def _roles(people: list[Person], roles: tuple[str, ...]) -> list[LeaderRole]:
    return [LeaderRole(person_id=p.id, role=r) for p, r in zip(people, roles, strict=False)]


ASSEMBLY_ROLES = (
    "co-chair",
    "co-chair",
    "roll call",
    "testimony",
    "the ask",
    "timekeeper",
    "welcome and reflection",
)


def _past_action(
    rng: random.Random,
    *,
    name: str,
    campaign_id: str | None,
    at: datetime,
    place: str,
    ask: str,
    institutions: list[Institution],
    leaders: list[Person],
    beat_target: bool,
    response: str,
    evaluation: str,
    lessons: str = "",
) -> PublicAction:
    """An action that has happened: its roll call, and a target it beat or missed as told."""
    delivery = (0.8, 1.4) if beat_target else (0.45, 0.85)
    turnout = _turnout(institutions, rng, delivery=delivery)
    actual = sum(t.delivered for t in turnout) + rng.randrange(4, 26)
    target = int(round(actual * (0.85 if beat_target else 1.3), -1))
    if beat_target:
        target = min(target, actual - 1)
    return PublicAction(
        id=new_id(rng),
        name=name,
        campaign_id=campaign_id,
        at=at,
        length_minutes=90,
        place=place,
        ask=ask,
        turnout_target=max(1, target),
        turnout_actual=actual,
        turnout_by_institution=turnout,
        leader_roles=_roles(leaders, ASSEMBLY_ROLES),
        response=response,
        evaluation=evaluation,
        lessons=lessons,
    )


def build_campaigns(
    ctx: Context, alliance: Alliance, cast: Cast, listening: Listening
) -> Campaigns:
    rng = ctx.stream("campaigns")
    out = Campaigns()
    starts = listening.campaign.starts
    ends = listening.campaign.ends or starts
    span = (ctx.today - ends).days
    want = 6 + round(ctx.scale)

    # Dates on the way round the cycle, fitted between the end of listening and today.
    report_back = _evening(ctx, ends + timedelta(days=min(25, max(10, round(span * 0.1)))))
    housing_plan = ends + timedelta(days=round(span * 0.35))
    work_research_action = _evening(ctx, ends + timedelta(days=round(span * 0.45)))
    work_plan = ends + timedelta(days=round(span * 0.6))
    housing_action = _evening(ctx, ctx.days_ago(min(28, max(14, span // 6)) + 6))
    housing_act = max(housing_plan + timedelta(days=14), housing_action.date() - timedelta(21))
    upcoming = _evening(ctx, ctx.days_ahead(35), 18)

    work_places = _institutions(alliance, WORK_TAGS, want, rng)
    housing_places = _institutions(alliance, HOUSING_TAGS, want, rng)
    work_leaders = _leaders(cast, work_places, 4 + round(ctx.scale), rng)
    housing_leaders = _leaders(cast, housing_places, 5 + round(ctx.scale), rng)

    work_id, housing_id = new_id(rng), new_id(rng)
    # Someone on record for the power map: our leaders first, anyone on the way up next.
    climbing = cast.at_least(LadderStage.POTENTIAL_LEADER)
    work_map = _work_power_map(rng, work_id, work_leaders + climbing)
    housing_map = _housing_power_map(rng, housing_id, housing_leaders + climbing)
    out.power_map = work_map + housing_map

    listened = [i for i in alliance.institutions if i.id in listening.campaign.institution_ids]
    everyone = cast.at_least(LadderStage.EMERGING_LEADER)
    rng.shuffle(everyone)
    housing_assembly = _past_action(
        rng,
        name="Rogue landlords accountability assembly",
        campaign_id=housing_id,
        at=housing_action,
        place="Holy Trinity Parish Church",
        ask=(
            "Will you commit to consult on selective licensing for Highfields and "
            "Spinney Hill within six months, and meet our leaders every quarter?"
        ),
        institutions=housing_places,
        leaders=housing_leaders,
        beat_target=True,
        response=(
            "Cllr Marsh said yes to both: a consultation within six months and quarterly "
            "meetings with our leaders. Officers to share the evidence timetable."
        ),
        evaluation=(
            "Turnout beat the target. The tenants' map of the worst streets was the turning "
            "point. Leaders held their nerve when the councillor tried to change the ask."
        ),
        lessons="Pre-meet the decision-maker; keep the ask to one sentence.",
    )
    pledges = _turnout(work_places, rng, delivery=(0.0, 0.0))
    work_target = int(round(sum(t.pledged for t in pledges) * 1.4, -1))
    out.actions = [
        _past_action(
            rng,
            name="Listening campaign report-back assembly",
            campaign_id=None,
            at=report_back,
            place="Main hall, Masjid al-Noor",
            ask=(
                "Will the council leaders present meet our leaders within a month on the two "
                "concerns the city raised most: insecure work and private renting?"
            ),
            institutions=listened,
            leaders=everyone[:6],
            beat_target=True,
            response=(
                "Three councillors attended; the Cabinet Lead for Housing agreed to a "
                "walkabout in Highfields with tenants before the summer recess."
            ),
            evaluation=(
                "A strong first assembly: every listening institution spoke in the roll "
                "call. The stories carried the room; the ask was clear. Too long: ran 25 "
                "minutes over."
            ),
        ),
        _past_action(
            rng,
            name="Care workers' testimony evening",
            campaign_id=work_id,
            at=work_research_action,
            place="Union office, Charles Street",
            ask="Care workers to tell their stories and sign up to the campaign.",
            institutions=work_places[:4],
            leaders=work_leaders,
            beat_target=False,
            response="31 care workers from 9 homes signed the pledge card.",
            evaluation=(
                "Below target: shift patterns kept people away. Do the next one on a Sunday "
                "afternoon with childcare."
            ),
        ),
        housing_assembly,
        PublicAction(
            id=new_id(rng),
            name="Real Living Wage for care workers assembly",
            campaign_id=work_id,
            at=upcoming,
            length_minutes=90,
            place="Riverside University, Great Hall",
            ask=(
                "Will Beaumont Care Homes pay every care worker the Real Living Wage from "
                "April and seek accreditation within a year?"
            ),
            turnout_target=work_target,
            turnout_by_institution=pledges,
            leader_roles=_roles(
                work_leaders,
                ("co-chair", "testimony", "the ask", "roll call", "timekeeper", "negotiator"),
            ),
        ),
    ]

    out.work = Campaign(
        id=work_id,
        name="Real Living Wage for care workers",
        problem=(
            "Work in the city is insecure and low-paid. In the listening campaign it was the "
            "concern raised most often: zero-hours contracts, agency shifts cancelled at a "
            "day's notice, and care workers on the legal minimum."
        ),
        issue=(
            "Beaumont Care Homes, the largest care provider in the city with 14 homes and "
            "about 600 staff, pays most care workers the legal minimum and nothing for "
            "sleep-in shifts."
        ),
        stage=C.PLAN,
        listening_campaign_ids=[listening.campaign.id],
        institution_ids=[i.id for i in work_places],
        leader_ids=[p.id for p in work_leaders],
        goal=(
            "Beaumont Care Homes commits publicly to pay every care worker the Real Living "
            "Wage from next April and to seek Living Wage accreditation within a year."
        ),
        target_decision_maker_id=work_map[0].id,
        tactic=(
            "An accountability assembly with the Director of Operations on stage: testimony "
            "from three care workers, the costed case, and a yes-or-no ask. The council's "
            "Cabinet Lead for Adult Social Care invited to commit to Living Wage rates in "
            "the next commissioning round."
        ),
        action_date=upcoming.date(),
        turnout_target=work_target,
        stage_history=[
            StageMove(on=starts, from_stage=None, to_stage=C.LISTEN),
            StageMove(on=ends + timedelta(days=7), from_stage=C.LISTEN, to_stage=C.RESEARCH),
            StageMove(on=work_plan, from_stage=C.RESEARCH, to_stage=C.PLAN),
        ],
    )
    out.housing = Campaign(
        id=housing_id,
        name="Licensing rogue landlords",
        problem=(
            "Private rented housing is damp, overcrowded and expensive, and tenants who "
            "complain are evicted. The second concern of the listening campaign, and the "
            "one with the most stories about children's health."
        ),
        issue=(
            "The council has the power to license every private landlord in Highfields and "
            "Spinney Hill (selective licensing) but has never consulted on it."
        ),
        stage=C.EVALUATE,
        listening_campaign_ids=[listening.campaign.id],
        institution_ids=[i.id for i in housing_places],
        leader_ids=[p.id for p in housing_leaders],
        goal=(
            "The Cabinet Lead for Housing commits to consult on selective licensing for "
            "Highfields and Spinney Hill within six months."
        ),
        target_decision_maker_id=housing_map[0].id,
        tactic=(
            "A public accountability assembly: tenants' testimony, a map of the 40 worst "
            "streets from our own research, and the ask put by leaders from four faiths."
        ),
        action_date=housing_action.date(),
        turnout_target=housing_assembly.turnout_target,
        lessons=(
            "We won the commitment because the research was ours: tenants mapped the streets "
            "themselves. Turnout beat the target, but two institutions delivered half of it; "
            "next time every core team sets its own number early and reports weekly. The "
            "councillor had seen the ask beforehand, which helped her say yes on stage; keep "
            "doing pre-meetings. Three new leaders spoke in public for the first time."
        ),
        stage_history=[
            StageMove(on=starts, from_stage=None, to_stage=C.LISTEN),
            StageMove(on=ends + timedelta(days=7), from_stage=C.LISTEN, to_stage=C.RESEARCH),
            StageMove(on=housing_plan, from_stage=C.RESEARCH, to_stage=C.PLAN),
            StageMove(on=housing_act, from_stage=C.PLAN, to_stage=C.ACT),
            StageMove(
                on=housing_action.date() + timedelta(days=2),
                from_stage=C.ACT,
                to_stage=C.EVALUATE,
            ),
        ],
    )
    out.campaigns = [out.work, out.housing]
    return out


def _linked(leaders: list[Person], role_words: tuple[str, ...]) -> Person | None:
    """A person on record for a power map entry: a leader whose role there matches."""
    for person in leaders:
        for membership in person.memberships:
            if any(word in membership.role for word in role_words):
                return person
    return None


def _entry(campaign_id: str, rng: random.Random, **fields: object) -> PowerMapEntry:
    return PowerMapEntry.model_validate({"id": new_id(rng), "campaign_id": campaign_id, **fields})


def _work_power_map(
    rng: random.Random, campaign_id: str, leaders: list[Person]
) -> list[PowerMapEntry]:
    steward = _linked(leaders, ("branch secretary", "shop steward", "care worker"))
    entries = [
        _entry(
            campaign_id,
            rng,
            name="Graham Pell",
            role="Director of Operations, Beaumont Care Homes",
            decides="Pay rates and shift patterns across the chain's 14 homes in the city.",
            interests=(
                "Keeping council contracts; staff turnover (40% a year costs them agency "
                "fees); the firm's reputation with residents' families."
            ),
            influence=5,
            stance=Stance.LEANING_AGAINST,
            is_decision_maker=True,
            relationship=(
                "No direct relationship yet. Two leaders have relatives in Beaumont homes; "
                "the Holy Trinity chaplain visits two of them weekly."
            ),
        ),
        _entry(
            campaign_id,
            rng,
            name="Cllr Nasreen Akhtar",
            role="Cabinet Lead for Adult Social Care, City Council",
            decides="The rates the council pays care providers in the next commissioning round.",
            interests="Re-election in a ward full of care workers; the social care budget.",
            influence=4,
            stance=Stance.LEANING_FOR,
            relationship="Met at the report-back assembly; asked for our care workers' stories.",
        ),
        _entry(
            campaign_id,
            rng,
            name="Diane Fowler",
            role="Chair, County Care Providers' Forum",
            decides="Nothing directly; sets the tone for the other providers.",
            interests="Says higher pay without higher council rates closes homes.",
            influence=3,
            stance=Stance.OPPOSED,
            relationship="None. Worth a 1-2-1 before the assembly.",
        ),
        _entry(
            campaign_id,
            rng,
            name="Rebecca Thornley MP",
            role="Member of Parliament",
            decides="Can raise it nationally and lean on the chain's owners.",
            interests="Living Wage supporter in principle; cautious about naming a local firm.",
            influence=3,
            stance=Stance.NEUTRAL,
            relationship="Caseworker knows the Masjid al-Noor trustees.",
        ),
    ]
    if steward is not None:
        entries.append(
            _entry(
                campaign_id,
                rng,
                name=steward.name,
                person_id=steward.id,
                role="Care Workers' Union, our leader inside the homes",
                decides="Whether care workers will go public and turn out.",
                interests="Fair pay for colleagues; a union recognised in every home.",
                influence=3,
                stance=Stance.CHAMPION,
                relationship="One of our own leaders; route to care workers in 9 of 14 homes.",
            )
        )
    return entries


def _housing_power_map(
    rng: random.Random, campaign_id: str, leaders: list[Person]
) -> list[PowerMapEntry]:
    tenant = _linked(leaders, ("tenant rep", "chair"))
    entries = [
        _entry(
            campaign_id,
            rng,
            name="Cllr Elaine Marsh",
            role="Cabinet Lead for Housing, City Council",
            decides="Whether a selective licensing scheme goes to Cabinet and when.",
            interests=(
                "Wants to be seen acting on housing before the elections; worried about "
                "the cost of enforcement officers."
            ),
            influence=5,
            stance=Stance.LEANING_FOR,
            is_decision_maker=True,
            relationship=(
                "Committed on stage at the assembly to consult within six months and to meet "
                "our leaders quarterly."
            ),
        ),
        _entry(
            campaign_id,
            rng,
            name="Dr Femi Adeyinka",
            role="Head of Private Sector Housing, City Council",
            decides="Writes the evidence report that any scheme rests on.",
            interests="Needs the evidence of poor conditions street by street.",
            influence=4,
            stance=Stance.NEUTRAL,
            relationship="Met twice with the housing team; receptive to our street map.",
        ),
        _entry(
            campaign_id,
            rng,
            name="Roger Blakemore",
            role="Chair, East Midlands Landlords' Association",
            decides="Will lead the opposition in the consultation.",
            interests="Calls licensing a tax on good landlords.",
            influence=3,
            stance=Stance.OPPOSED,
            relationship="None; spoke against us in the local paper.",
        ),
        _entry(
            campaign_id,
            rng,
            name="Cllr Abdul Karim Sheikh",
            role="Ward councillor, Spinney Hill",
            decides="A vote in Cabinet's party group.",
            interests="His surgery is full of housing cases.",
            influence=2,
            stance=Stance.CHAMPION,
            relationship="Prays at Masjid al-Noor; came to the assembly and spoke for us.",
        ),
        _entry(
            campaign_id,
            rng,
            name="Kate Lowry",
            role="Housing reporter, local paper",
            decides="How the story is told.",
            interests="Human stories with photos; a fight.",
            influence=2,
            stance=Stance.NEUTRAL,
            relationship="Covered the assembly; wants a follow-up at the consultation.",
        ),
    ]
    if tenant is not None:
        entries.append(
            _entry(
                campaign_id,
                rng,
                name=tenant.name,
                person_id=tenant.id,
                role="Tenant leader",
                decides="Whether tenants will give evidence in the consultation.",
                interests="Repairs done, and no revenge evictions.",
                influence=2,
                stance=Stance.CHAMPION,
                relationship="One of our leaders; mapped the worst streets with neighbours.",
            )
        )
    return entries
