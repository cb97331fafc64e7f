"""Last spring's listening campaign: short conversations in member institutions and the
concerns they raised. Insecure, low-paid work and damp, overcrowded private renting come
out on top, and became the alliance's two campaigns."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from organiser.demo.context import Context, new_id
from organiser.demo.institutions import Alliance
from organiser.demo.people import Cast
from organiser.models import Conversation, ListeningCampaign

WORK = "Insecure, low-paid work"
HOUSING = "Damp, overcrowded private rented housing"

#: Concerns and how often they come up; the first two are well ahead of the rest.
CONCERNS: dict[str, float] = {
    WORK: 30,
    HOUSING: 27,
    "Youth services closed": 9,
    "Hate crime and feeling unsafe": 8,
    "Bus routes cut": 7,
    "Cost of food and energy": 7,
    "Waiting weeks for a GP appointment": 6,
    "Support for children with SEND": 5,
    "Visa fees and Home Office delays": 4,
    "Traffic fumes outside schools": 3,
    "Loneliness of older people": 3,
    "Fly-tipping in the back alleys": 3,
}

STORIES: dict[str, tuple[str, ...]] = {
    WORK: (
        "Agency shifts cancelled the night before; no pay, no notice.",
        "Care worker on the minimum wage, paid nothing for the travel between visits.",
        "Two jobs and still using the food bank at the end of the month.",
        "Zero-hours contract for three years; asked for a fixed one and got fewer hours.",
        "Warehouse targets so tight nobody takes the toilet break.",
    ),
    HOUSING: (
        "Black mould in the bedroom; the baby's chest is bad every winter.",
        "Five of them in a two-bedroom flat; the landlord will not do repairs.",
        "Complained about the boiler and got a section 21 notice.",
        "Rent up by £150 a month with two weeks' notice.",
        "Windows do not shut; the council said it is the landlord's problem.",
    ),
    "Youth services closed": (
        "Nowhere for teenagers to go in the evening since the youth club shut.",
        "Son drifting; the football sessions stopped when the funding ended.",
    ),
    "Hate crime and feeling unsafe": (
        "Headscarf pulled at the bus stop; did not report it.",
        "Graffiti on the mandir wall again; the police took a week to come.",
    ),
    "Bus routes cut": (
        "The evening bus stopped running, so night shifts mean a taxi.",
        "Elderly mother cannot get to the hospital without two changes.",
    ),
    "Cost of food and energy": (
        "Pre-payment meter; they go without heating to keep the lights on.",
    ),
    "Waiting weeks for a GP appointment": (
        "Rang at eight every morning for a week before getting through.",
    ),
    "Support for children with SEND": (
        "Waited two years for an assessment; the school has no one to help.",
    ),
    "Visa fees and Home Office delays": (
        "Visa renewal costs more than a month's wages for the family.",
    ),
}

WHO = (
    "parent at the school gate",
    "worshipper after Friday prayers",
    "care worker on a break",
    "student at the union stall",
    "grandmother at the langar",
    "young man at the youth club",
    "bus driver, off shift",
    "shopkeeper on Belgrave Road",
    "nurse after a night shift",
    "volunteer at the food bank",
    "couple after Sunday mass",
    "mother at the Saturday school",
    "elder at the day centre",
    "tenant at a house meeting",
    "taxi driver at the mosque",
)


@dataclass
class Listening:
    campaign: ListeningCampaign
    conversations: list[Conversation]


def last_spring(today: date) -> tuple[date, date]:
    """The most recent spring that ended at least three months ago (March to May)."""
    year = today.year if today >= date(today.year, 9, 1) else today.year - 1
    return date(year, 3, 4), date(year, 5, 24)


def build_listening(ctx: Context, alliance: Alliance, cast: Cast) -> Listening:
    rng = ctx.stream("listening")
    starts, ends = last_spring(ctx.today)
    members = alliance.members() or alliance.institutions
    chosen = rng.sample(members, min(len(members), max(3, round(len(members) * 0.55))))
    target = ctx.scaled(150, minimum=10)
    count = round(target * rng.uniform(1.02, 1.12))
    span = (ends - starts).days
    names, weights = list(CONCERNS), list(CONCERNS.values())
    campaign_id = new_id(rng)
    conversations: list[Conversation] = []
    for _ in range(count):
        institution = rng.choice(chosen)
        on = starts + timedelta(days=rng.randrange(0, span + 1))
        drawn = rng.choices(names, weights=weights, k=rng.choice((1, 2, 2, 3)))
        raised = list(dict.fromkeys(drawn))
        people = [
            p
            for p in cast.by_institution.get(institution.id, [])
            if p.consent_to_record.valid_on(on)
        ]
        person = rng.choice(people) if people and rng.random() < 0.5 else None
        story = " ".join(rng.choice(STORIES.get(c, ("",))) for c in raised).strip()
        conversations.append(
            Conversation(
                id=new_id(rng),
                listening_campaign_id=campaign_id,
                on=on,
                institution_id=institution.id,
                person_id=person.id if person else None,
                who="" if person else rng.choice(WHO),
                concerns=raised,
                story=story,
            )
        )
    conversations.sort(key=lambda c: c.on)
    first_raised = list(dict.fromkeys(c for conv in conversations for c in conv.concerns))
    campaign = ListeningCampaign(
        id=campaign_id,
        name=f"Spring listening campaign {starts.year}",
        starts=starts,
        ends=ends,
        # The model holds at most 500: only a benchmark-sized alliance listens in more.
        institution_ids=[i.id for i in chosen][:500],
        target_conversations=target,
        concerns=first_raised,
        notes=(
            f"{len(chosen)} institutions listened from March to May. Report-back at the "
            "June Assembly chose work and housing as the two campaigns."
        ),
    )
    return Listening(campaign, conversations)
