"""Phrase pools the demo's notes are assembled from: 1-2-1 stories, interests, self-interest,
tension and follow-ups, and the odd note about a person. Slots in braces are filled per
person: {first} their first name, {inst} their institution, {area} and {street} places,
{years} a number of years, {other} another person's first name.

Everything here is made up; it reads like an organiser's notes so the screens, searches
and exports are tried on text of a realistic length and texture.
"""

from __future__ import annotations

import random

STORY_OPENINGS = (
    "{first} grew up in {area} and has lived within a mile of {inst} for {years} years.",
    "{first} came to Leicester {years} years ago and found a second home at {inst}.",
    "{first} moved to {area} for work {years} years ago and stayed because of the people "
    "at {inst}.",
    "{first} is the person everyone at {inst} goes to when a form needs filling in or a "
    "letter makes no sense.",
    "Born and bred in {area}; {first} has been part of {inst} since childhood and knows "
    "three generations of families there.",
    "{first} was introduced by {other} after the last assembly and was keen to meet properly.",
    "We met at {inst}; {first} had stayed behind to stack chairs, which says a lot.",
    "{first} has been involved with {inst} for {years} years, mostly behind the scenes.",
    "First proper conversation with {first}, who has lived on {street} for {years} years.",
    "{first} spoke up at the listening session at {inst}, so I asked for a 1-2-1.",
)

STORY_LIVES = (
    "Works nights as a care assistant on a zero-hours contract and never knows the rota more "
    "than a week ahead.",
    "Was a machinist in a textile factory off {street} until it closed; now does agency "
    "shifts at a warehouse near the M1.",
    "Drives for a delivery firm, paid by the drop, and says 'the app decides everything'.",
    "Cleans offices in the city centre from five in the morning, then works a second job at "
    "a takeaway; still short at the end of the month.",
    "Has been a teaching assistant for {years} years and has watched support for children "
    "with SEND shrink every year.",
    "Has three children at primary school and a toddler at home; the family of six shares a "
    "two-bedroom flat above a shop on {street}.",
    "Cares for a mother with dementia and fits everything else round that.",
    "Is in the second year of a social work degree and works twenty hours a week in a bar to "
    "cover the rent.",
    "Qualified as a pharmacist abroad; waiting on the conversion course while stacking "
    "shelves on nights.",
    "Runs the food parcel rota at {inst} and has seen the queue double in two years.",
    "Retired bus driver; knows every route in the city and which ones were cut.",
    "Works in a care home where most of the staff are on the minimum wage and agency staff "
    "cover the gaps.",
    "Shift manager at a clothing warehouse; sees agency workers sent home unpaid when orders "
    "are down.",
    "Single parent of two teenagers; works school hours in a pharmacy.",
    "Waited four years for a Home Office decision and could not work for most of it.",
    "Volunteers teaching English at {inst} and sees people with degrees doing the hardest, "
    "lowest-paid jobs.",
    "Is a nurse at the Royal; does extra bank shifts to keep up with the rent.",
    "Owns a small grocery on {street} and hears everyone's troubles over the counter.",
)

STORY_TENSIONS = (
    "The landlord has ignored black mould in the children's bedroom for two winters; the "
    "youngest has asthma and the council's letter changed nothing.",
    "Was given two months' notice a week after asking for the boiler to be fixed.",
    "Pays more than half of take-home pay in rent and the landlord has put it up twice in "
    "eighteen months.",
    "Furious that care workers who kept going through Covid are still paid the legal minimum "
    "and not the Real Living Wage.",
    "Was told to 'go home' at a bus stop on {street} and did not report it: 'what would happen?'",
    "The youth club on {street} used to be open five nights a week; now it is a phone shop "
    "and the teenagers hang round the car park.",
    "The bus that used to take them to work was cut last year; the journey now takes an "
    "hour and two changes.",
    "Feels talked down to by the council: 'they send letters, they never come'.",
    "Watched a neighbour's family of five moved into one room of a hostel after an eviction.",
    "Has been on the waiting list for a GP appointment for three weeks while the pain gets worse.",
    "Son was stopped and searched twice this month walking home from college.",
    "Has seen colleagues sacked for asking about holiday pay.",
)

STORY_TURNS = (
    "Said straight away they would tell this story at the assembly if it helped.",
    "Would come to a public action if {inst} was going, and could bring at least five people.",
    "Wants to learn to speak in public without shaking; interested in the taster training.",
    "Not ready to lead anything yet but would host a house meeting for the neighbours.",
    "Sees the point of the alliance as 'getting us in the same room as the people who decide'.",
    "Asked lots of questions about how the housing campaign chose its target; sharp on power.",
    "Has led before (ran the Eid collection for years) but never in public life.",
    "Cautious about politics but trusts {other}, which is the way in.",
    "Already talks to a dozen families every week at pick-up: a natural relational leader.",
    "Wants to bring the youth group along to the next action and give them a role.",
    "Keen, but time is the problem; agreed to one clear task rather than a vague role.",
    "Has a lot of anger and not much hope yet; worth another 1-2-1 before asking for anything.",
)

INTERESTS = (
    "children's education",
    "housing conditions",
    "fair pay for care work",
    "youth provision",
    "football coaching",
    "interfaith friendship",
    "mental health",
    "the community kitchen",
    "ESOL classes",
    "safer streets",
    "cricket",
    "the allotment",
    "local history",
    "bus routes",
    "women's health",
    "the Saturday school",
    "steel pan and music",
    "the tenants' association",
    "the food bank",
    "SEND support",
    "first-generation students",
    "clean air round schools",
    "care of elders",
    "faith and social action",
    "refugee welcome",
    "employment rights",
    "cooking for the langar",
    "the mosque's youth programme",
    "the church choir",
    "mentoring young people",
    "running",
    "poetry and spoken word",
)

INTEREST_LINES = (
    "Lights up talking about {a}.",
    "Gives a lot of time to {a} already, so any ask has to fit round it.",
    "Wants {inst} to do more on {a}.",
    "Came alive when we got onto {a}; that is where the energy is.",
    "Has organised around {a} before, informally.",
)

SELF_INTERESTS = (
    "Wants a secure contract with set hours so the family can plan.",
    "Wants the landlord made to fix the damp before another winter.",
    "Wants to be taken seriously as a leader at {inst}, not only asked to make the tea.",
    "Wants experience that counts towards a career in social work.",
    "Wants parents to have a real say in how {inst} is run.",
    "Wants {inst} to be known in the city for more than its festivals.",
    "Wants the teenagers off the street and into something with a future.",
    "Wants to be paid the Real Living Wage and to stop working sixty hours to get by.",
    "Wants to feel safe walking home after the evening shift.",
    "Wants a GP appointment without queueing on the phone at eight.",
    "Wants the bus back so the commute stops eating two hours a day.",
    "Wants to use skills that are going to waste since arriving.",
)

TENSIONS = (
    "Anger at a landlord who ignored mould for two years.",
    "Fear of losing the flat after complaining.",
    "Shame at using the food bank while working full time.",
    "Frustration with 'consultations' that change nothing.",
    "Grief: a friend's son was stabbed last year.",
    "Exhaustion: two jobs and still behind.",
    "Anger at being treated as a problem rather than a resident.",
    "Worry for the children growing up in one room.",
    "Resentment that agency staff are paid less for the same work.",
    "Hurt at the racist abuse on the bus, and that nobody stepped in.",
)

FOLLOW_UPS = (
    "Send details of the next taster training.",
    "Introduce to {other} from the housing team.",
    "Invite to the housing Planning Group.",
    "Share the listening campaign report.",
    "Ask the head whether {inst} will host a listening session.",
    "Send the Real Living Wage fact sheet for care workers.",
    "Ask whether they would lead the roll call at the assembly.",
    "Nominate for the National Community Leadership Training.",
    "Connect with the branch secretary about care workers' pay.",
    "Book a second 1-2-1 in a fortnight.",
    "Drop off leaflets and pledge cards for the assembly.",
    "Call back about childcare so they can come to the action.",
    "Send the power analysis notes from the last Planning Group.",
    "Check the tenancy agreement with Shelter's adviser.",
    "Ask {other} to do a 1-2-1 with them too.",
)

PERSON_NOTES = (
    "Met at the school gate during the spring listening.",
    "Prefers WhatsApp to calls.",
    "Works shifts: best reached on Tuesday mornings.",
    "Brought a dozen people to the housing assembly.",
    "Signed up at the Assembly; interested in the care workers' campaign.",
    "Good on social media; runs the {inst} Facebook page.",
    "Knows the ward councillor from church.",
    "Fasting in Ramadan: book 1-2-1s before noon.",
    "Has a car and offers lifts to actions.",
    "Writes well; offered to draft the listening report.",
)

#: Notes on the languages a person speaks, by the community their name comes from.
LANGUAGE_NOTES: dict[str, str] = {
    "gujarati": "Speaks Gujarati and English; happy to interpret at house meetings.",
    "punjabi": "Speaks Punjabi and English; reads Gurmukhi for the elders' letters.",
    "south_asian_muslim": "Speaks Urdu and English; can interpret for the sisters' circle.",
    "somali": "Speaks Somali, Arabic and English.",
    "polish": "Speaks Polish and some Russian; great at the Saturday school.",
    "middle_eastern": "Speaks Arabic and Kurdish Sorani; interprets at the drop-in.",
    "romanian": "Speaks Romanian and Italian; learning English at the ESOL class.",
    "west_african": "Speaks Yoruba and English; sings in the church choir.",
}

PRIVATE_NOTES = (
    "Going through a divorce; do not push on time commitments.",
    "Recently bereaved; check in gently before asking for anything.",
    "Immigration case pending: never name them in anything public.",
    "Has asked not to be photographed at actions.",
    "Anxious in large meetings; give a defined role with a script.",
    "Money is very tight; always offer bus fare for trainings.",
    "Disagreement with {other} last year; do not put them on the same team yet.",
    "Health not great this year; keep asks small.",
)

LADDER_REASONS: dict[tuple[str, str], tuple[str, ...]] = {
    ("contact", "potential_leader"): (
        "Strong 1-2-1: clear self-interest and a following at {inst}.",
        "Brought six people to the listening session.",
        "Asked what they could do next: a real interest in the housing campaign.",
        "Turned up to the Planning Group unasked and stayed to the end.",
    ),
    ("potential_leader", "emerging_leader"): (
        "Ran a listening session at {inst} and wrote up the concerns.",
        "Chaired the core team meeting for the first time.",
        "Delivered eight of ten pledged for the assembly.",
        "Completed the taster training and did two 1-2-1s of their own.",
    ),
    ("emerging_leader", "leader"): (
        "Led the roll call at the housing assembly.",
        "Told their story on stage and negotiated with the councillor afterwards.",
        "Built the {inst} core team from three to seven people.",
        "Completed the National Community Leadership Training.",
    ),
    ("leader", "core_team_leader"): (
        "Now co-chairs the Leadership Team.",
        "Holds the relationship with the council's housing lead for the alliance.",
        "Leads the {inst} core team and recruits its delegates to the Assembly.",
    ),
    ("down", "down"): (
        "Stepped back after a new baby; wants to stay in touch.",
        "New job with evening shifts; less time for now.",
        "Moved across the city; still linked to {inst} but much less present.",
        "Caring responsibilities have grown; agreed to pause.",
    ),
}

MINUTES = {
    "team": (
        "Went round the core team: {n} 1-2-1s done since last time. Agreed the listening "
        "questions for the next session at {inst}.",
        "Reviewed turnout for the assembly: {n} pledged so far. Agreed who is calling whom.",
        "Heard back from the head about hosting the taster training in the school hall.",
    ),
    "leadership_team": (
        "Co-chairs opened with reflections. Campaign updates: housing evaluation done; "
        "care workers' campaign in planning. Dues: {n} institutions renewed this quarter.",
        "Agreed the assembly agenda and roles. Discussed recruiting two new institutions.",
        "Treasurer's report on dues. Agreed to write to lapsed members before renewal.",
    ),
    "planning_group": (
        "Power analysis reviewed: the decision-maker is still leaning against. Agreed the "
        "ask and the turnout target of {n}.",
        "Research findings shared: {n} testimonies gathered. Agreed the tactic and who "
        "tells which story.",
        "Evaluation of the action: turnout, the response, how the leaders grew.",
    ),
    "assembly": (
        "Roll call of member institutions: {n} present. The alliance agreed its two "
        "campaigns for the year and heard testimony from leaders.",
        "Delegates' assembly: accounts received, leadership team elected, priorities "
        "from the listening campaign voted on.",
    ),
    "working_group": (
        "Care workers' working group: {n} testimonies collected; mapping the homes in the chain.",
        "Reviewed the rogue landlords map and the streets with the most complaints.",
    ),
}

ACTION_POINT_TEXTS = (
    "Book the hall for the assembly",
    "Call every core team about turnout",
    "Draft the letter to the decision-maker",
    "Send the minutes to all institutions",
    "Collect pledge numbers from each institution",
    "Prepare the testimony with the speakers",
    "Arrange the pre-meeting with the councillor's office",
    "Check the access needs for the venue",
    "Write up the listening tally for the report",
    "Invite the press and brief the spokesperson",
    "Chase the dues invoice",
    "Set the date for the evaluation",
)


def fill(template: str, rng: random.Random, slots: dict[str, str]) -> str:
    """`template` with its slots filled; {years}, {area}, {street} are drawn when not given."""
    if "{years}" in template and "years" not in slots:
        slots = {**slots, "years": str(rng.randrange(2, 31))}
    return template.format_map(slots)


def story(rng: random.Random, slots: dict[str, str], least: int = 300, most: int = 800) -> str:
    """A 1-2-1 story of `least` to `most` characters: who they are, their life, the tension
    and where it might lead."""
    parts = [
        fill(rng.choice(STORY_OPENINGS), rng, slots),
        fill(rng.choice(STORY_LIVES), rng, slots),
        fill(rng.choice(STORY_TENSIONS), rng, slots),
        fill(rng.choice(STORY_TURNS), rng, slots),
    ]
    text = " ".join(parts)
    pools = (STORY_LIVES, STORY_TENSIONS, STORY_TURNS)
    while len(text) < least:
        extra = fill(rng.choice(rng.choice(pools)), rng, slots)
        if extra not in text:
            text = f"{text} {extra}"
    while len(text) > most:
        text = text[: text.rindex(". ", 0, most - 1) + 1]
    return text


def interests(rng: random.Random, slots: dict[str, str]) -> str:
    chosen = rng.sample(INTERESTS, rng.randrange(2, 5))
    listed = ", ".join(chosen[:-1]) + f" and {chosen[-1]}"
    line = fill(rng.choice(INTEREST_LINES), rng, {**slots, "a": chosen[0]})
    return f"Interested in {listed}. {line}"
