"""The names of the cycle of action's stages: presets from the organising traditions, and
free renaming, while each stage keeps its role.

The five stages are stored by their keys (`CycleStage`: listen, research, plan, act,
evaluate) and each key has a *role*: what the gate asks for before a campaign moves on
(organiser/cycle.py `gate`). The Profile only names them (`Profile.cycle_names`), so renaming
a stage, or choosing another tradition's names, changes what every screen, review and diary
says and nothing else: a campaign's stage and its stage history keep their keys.

Citizens UK publishes its method as Organise → Listen → Plan → Act → Negotiate. Its names
go on the stages in order: Organise (building relationships, hearing people out: the role
of gathering conversations), Listen (turning what was heard into a winnable issue, with a
power analysis), Plan, Act, Negotiate (what the action won, and what was learnt).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from organiser.models import CycleStage, Profile
from organiser.models.campaigns import DEFAULT_CYCLE_NAMES


@dataclass(frozen=True)
class CyclePreset:
    """A tradition's names for the five stages, in cycle order."""

    label: str
    names: Mapping[CycleStage, str]

    def line(self) -> str:
        return ", ".join(self.names[stage] for stage in CycleStage)


LISTEN_RESEARCH = CyclePreset("Listen, Research, Plan, Act, Evaluate", DEFAULT_CYCLE_NAMES)
CITIZENS_UK = CyclePreset(
    "Citizens UK: Organise, Listen, Plan, Act, Negotiate",
    {
        CycleStage.LISTEN: "Organise",
        CycleStage.RESEARCH: "Listen",
        CycleStage.PLAN: "Plan",
        CycleStage.ACT: "Act",
        CycleStage.EVALUATE: "Negotiate",
    },
)
#: The presets offered, the default first.
PRESETS: tuple[CyclePreset, ...] = (LISTEN_RESEARCH, CITIZENS_UK)

#: What each stage is for: the gate's needs, said the same whatever the stage is called.
ROLES: dict[CycleStage, str] = {
    CycleStage.LISTEN: "conversations heard",
    CycleStage.RESEARCH: "an issue and a power analysis",
    CycleStage.PLAN: "goal, target, tactic, date, turnout",
    CycleStage.ACT: "the action held, turnout recorded",
    CycleStage.EVALUATE: "lessons learnt",
}


def preset_of(names: Mapping[CycleStage, str]) -> CyclePreset | None:
    """The preset these names are (ignoring case and spaces), or None for the organiser's own."""

    def same(a: str, b: str) -> bool:
        return a.strip().casefold() == b.strip().casefold()

    for preset in PRESETS:
        if all(same(names.get(s, ""), preset.names[s]) for s in CycleStage):
            return preset
    return None


def shared_name(names: Mapping[CycleStage, str]) -> str | None:
    """Why these names will not do when two stages share one (a campaign's history would no
    longer say which stage it was at), else None."""
    seen: dict[str, CycleStage] = {}
    for stage in CycleStage:
        name = names.get(stage, "").strip()
        other = seen.get(name.casefold())
        if other is not None and name:
            return (
                f"“{name}” names two stages ({ROLES[other]}; {ROLES[stage]}): "
                "each stage needs a name of its own"
            )
        seen[name.casefold()] = stage
    return None


def renamed(profile: Profile, names: Mapping[CycleStage, str]) -> Profile:
    """The profile with the stages called `names` (a stage left out keeps its name).

    Raises ValueError when two stages would share a name, and pydantic's ValidationError
    (a ValueError too) for an empty or over-long one."""
    chosen = {stage: names.get(stage, profile.cycle_name(stage)).strip() for stage in CycleStage}
    problem = shared_name(chosen)
    if problem:
        raise ValueError(problem)
    return profile.evolve(cycle_names=chosen)


def cycle_line(profile: Profile) -> str:
    """ "Organise → Listen → Plan → Act → Negotiate", as the profile names them."""
    return " → ".join(profile.cycle_name(stage) for stage in CycleStage)
