"""Editing and deleting an institution, shared by the Institutions list and an institution's screen.

Each flow reads top to bottom: ask in a dialog, then save through the repository. A save the
store refuses is reported and the dialog opens again with everything as it was typed.
"""

from __future__ import annotations

from typing import Any

from rich.text import Text
from textual.screen import Screen

from organiser.clock import Clock
from organiser.errors import OrganiserError
from organiser.institutions import Unlinking, people_of, unlink_institution
from organiser.models import (
    Campaign,
    Conversation,
    FundraisingItem,
    Institution,
    ListeningCampaign,
    Person,
    PublicAction,
    Record,
)
from organiser.repository import Repository
from screens.form_flow import confirm_delete, save_until_done
from screens.institution_dialog import InstitutionDialog
from screens.person_flows import refuse_if_read_only, report


def _plural(count: int, one: str, many: str | None = None) -> str:
    return f"{count:,} {one if count == 1 else (many or one + 's')}"


async def edit_institution(
    screen: Screen[Any], repo: Repository, clock: Clock, institution: Institution | None
) -> Institution | None:
    """Open the institution dialog (for `institution`, or a new one) until saved or given up."""
    if refuse_if_read_only(screen, repo):
        return None
    try:
        others = [
            i for i in repo.list(Institution) if institution is None or i.id != institution.id
        ]
        people = repo.list(Person)
    except OrganiserError as error:
        report(screen, error, "Cannot open the form")
        return None
    taken = {i.tag: i.name for i in others if i.tag}
    members = people_of(institution.id, people) if institution else []
    linked = {m.person.id for m in members}
    by_id = {p.id: p for p in people}
    former = [
        by_id[i]
        for i in (institution.core_team_ids if institution else [])
        if i in by_id and i not in linked
    ]
    return await save_until_done(
        screen,
        repo,
        lambda draft: InstitutionDialog(
            institution,
            members=members,
            former=former,
            taken_tags=taken,
            today=clock.today(),
            draft=draft,
        ),
        institution,
        lambda saved: saved.name,
    )


def _records_naming(repo: Repository, institution: Institution) -> list[Record]:
    """Everything that may name the institution: the people and whatever the filters find."""
    where = {"institution_id": institution.id}
    listed = {"institution_ids": institution.id}
    return [
        *repo.list(Person),
        *repo.list(FundraisingItem, where),
        *repo.list(Conversation, where),
        *repo.list(Campaign, listed),
        *repo.list(ListeningCampaign, listed),
        *repo.list(PublicAction),
    ]


def deletion_question(institution: Institution, unlinking: Unlinking) -> Text:
    """What deleting will do, naming the institution and counting what it touches."""
    text = Text.assemble("Delete ", (institution.name, "bold"), "?\n")
    people = len(unlinking.people)
    if people:
        belong = "belongs" if people == 1 else "belong"
        text.append(
            f"\n{_plural(people, 'person', 'people')} still {belong} to it: their membership "
            "of it will be removed. They stay on record.\n",
            style="bold",
        )
    if unlinking.money:
        text.append(
            f"\n{_plural(len(unlinking.money), 'dues or fundraising record')} will keep "
            "the amount and name it in the title instead.\n"
        )
    others = [
        _plural(len(unlinking.campaigns), "campaign"),
        _plural(len(unlinking.conversations), "conversation"),
        _plural(len(unlinking.actions), "roll call"),
    ]
    others = [o for o in others if not o.startswith("0 ")]
    if others:
        listed = ", ".join(others[:-1]) + (" and " if len(others) > 1 else "") + others[-1]
        text.append(f"\nIt will be taken off {listed}.\n")
    text.append(
        "\nThis is permanent: the institution's record is removed from this database and "
        "cannot be brought back."
    )
    return text


async def delete_institution(
    screen: Screen[Any], repo: Repository, institution: Institution
) -> bool:
    """Ask, saying who still belongs to it, then unlink everything that names it and delete it.

    The records that name it are changed in the same `save_all` that deletes it, so nothing
    is ever left pointing at an institution that is not there.
    """
    if refuse_if_read_only(screen, repo):
        return False
    try:
        unlinking = unlink_institution(institution, _records_naming(repo, institution))
    except OrganiserError as error:
        report(screen, error, "Cannot delete")
        return False
    return await confirm_delete(
        screen,
        "Delete this institution?",
        deletion_question(institution, unlinking),
        lambda: repo.save_all(unlinking.records, deletes=[(Institution, institution.id)]),
        f"Deleted {institution.name}",
    )
