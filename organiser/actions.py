"""Public actions: turnout against target (the roll call) and the leaders' roles at them."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from organiser.models import ActionKind, InstitutionTurnout, LeaderRole, PublicAction

KIND_LABELS: dict[ActionKind, str] = {
    ActionKind.PUBLIC_ACTION: "Public action",
    ActionKind.ASSEMBLY: "Assembly",
    ActionKind.HOUSE_MEETING: "House meeting",
    ActionKind.MEMBER_EVENT: "Member event",
}


def percent(part: int, whole: int) -> int | None:
    """`part` as a whole percentage of `whole`; None when there is nothing to compare with."""
    return round(100 * part / whole) if whole else None


def format_percent(part: int, whole: int) -> str:
    share = percent(part, whole)
    return "" if share is None else f"{share}%"


@dataclass(frozen=True)
class Turnout:
    """An action's turnout: the roll call's sums, and the total against the target."""

    target: int
    pledged: int
    delivered: int
    #: The headcount typed for the whole action, or the roll call's sum when none was.
    total: int | None

    @property
    def of_target(self) -> int | None:
        return None if self.total is None else percent(self.total, self.target)


def turnout(action: PublicAction) -> Turnout:
    pledged = sum(t.pledged for t in action.turnout_by_institution)
    delivered = sum(t.delivered for t in action.turnout_by_institution)
    total = action.turnout_actual
    if total is None and action.turnout_by_institution:
        total = delivered
    return Turnout(action.turnout_target, pledged, delivered, total)


def turnout_text(action: PublicAction) -> str:
    """ "84 of 100 (84%)", "not recorded (target 100)"."""
    figures = turnout(action)
    if figures.total is None:
        return f"not recorded (target {figures.target:,})" if figures.target else "not recorded"
    if not figures.target:
        return f"{figures.total:,} (no target set)"
    return f"{figures.total:,} of {figures.target:,} ({figures.of_target}%)"


def set_turnout(
    action: PublicAction, institution_id: str, pledged: int, delivered: int
) -> PublicAction:
    """Record an institution's pledged and delivered numbers, replacing any earlier ones."""
    rows = [t for t in action.turnout_by_institution if t.institution_id != institution_id]
    row = InstitutionTurnout(institution_id=institution_id, pledged=pledged, delivered=delivered)
    return action.evolve(turnout_by_institution=[*rows, row])


def remove_turnout(action: PublicAction, institution_id: str) -> PublicAction:
    rows = [t for t in action.turnout_by_institution if t.institution_id != institution_id]
    return action.evolve(turnout_by_institution=rows)


def add_leader_role(action: PublicAction, person_id: str, role: str) -> PublicAction:
    """Give a leader a role at the action; a leader has one role, so a new one replaces it."""
    roles = [r for r in action.leader_roles if r.person_id != person_id]
    return action.evolve(leader_roles=[*roles, LeaderRole(person_id=person_id, role=role)])


def remove_leader_role(action: PublicAction, person_id: str) -> PublicAction:
    return action.evolve(leader_roles=[r for r in action.leader_roles if r.person_id != person_id])


def in_list_order(actions: Iterable[PublicAction]) -> list[PublicAction]:
    """Most recent (or furthest ahead) first."""
    return sorted(actions, key=lambda a: a.at, reverse=True)
