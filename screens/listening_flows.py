"""Listening campaigns and their conversations: editing, logging, deleting, taking forward.

Each flow reads top to bottom: ask in a dialog, then save through the repository. A save the
store refuses is reported and the dialog opens again with everything as it was typed.
"""

from __future__ import annotations

from typing import Any

from rich.text import Text
from textual.screen import Screen

from organiser.clock import Clock
from organiser.errors import OrganiserError
from organiser.listening import log, newest_first, plan_removal, take_forward
from organiser.lookup import fold
from organiser.models import (
    Campaign,
    Conversation,
    Institution,
    ListeningCampaign,
    Person,
    Record,
)
from organiser.repository import Repository
from screens.form_flow import confirm_delete, save_until_done
from screens.listening_conversation import ConversationDialog, Save
from screens.listening_dialog import ListeningDialog
from screens.listening_take_forward import TakeForwardDialog
from screens.person_flows import refuse_if_read_only, report
from screens.undo_keeper import UNDO_WHILE_OPEN


def _plural(count: int, one: str, many: str) -> str:
    return f"{count:,} {one if count == 1 else many}"


async def edit_listening(
    screen: Screen[Any], repo: Repository, clock: Clock, campaign: ListeningCampaign | None
) -> ListeningCampaign | None:
    """Open the listening campaign dialog (for `campaign`, or a new one) until saved."""
    if refuse_if_read_only(screen, repo):
        return None
    try:
        institutions = repo.list(Institution)
    except OrganiserError as error:
        report(screen, error, "Cannot open the form")
        return None
    return await save_until_done(
        screen,
        repo,
        lambda draft: ListeningDialog(
            campaign, institutions=institutions, today=clock.today(), draft=draft
        ),
        campaign,
        lambda saved: saved.name,
    )


async def delete_listening(
    screen: Screen[Any], repo: Repository, campaign: ListeningCampaign
) -> bool:
    """Ask, saying what goes with it, then delete it and its conversations as one change."""
    if refuse_if_read_only(screen, repo):
        return False
    try:
        removal = plan_removal(
            campaign,
            repo.list(Conversation, {"listening_campaign_id": campaign.id}),
            repo.list(Campaign, {"listening_campaign_ids": campaign.id}),
        )
    except OrganiserError as error:
        report(screen, error, "Cannot delete")
        return False
    question = Text.assemble("Delete ", (campaign.name, "bold"), "?\n\n")
    question.append(
        f"Its {_plural(len(removal.conversations), 'conversation', 'conversations')} "
        "and the tally of their concerns go with it.",
        style="bold",
    )
    if removal.unlinked:
        names = ", ".join(c.name for c in removal.unlinked)
        question.append(
            f"\n{_plural(len(removal.unlinked), 'campaign', 'campaigns')} taken forward from it "
            f"({names}) will no longer be linked to it; they are kept."
        )
    question.append("\n\n" + UNDO_WHILE_OPEN)
    return await confirm_delete(
        screen,
        "Delete this listening campaign?",
        question,
        lambda: repo.save_all(removal.unlinked, deletes=removal.deletes),
        f"Deleted {campaign.name}",
    )


def saver(repo: Repository) -> Save:
    """The dialog's save: the conversation, the campaign's grown concerns and a new person,
    all in one change."""

    def save(
        campaign: ListeningCampaign, conversation: Conversation, person: Person | None
    ) -> tuple[ListeningCampaign, Person | None]:
        grown = log(campaign, conversation)
        records: list[Record] = [conversation]
        if grown != campaign:
            records.append(grown)
        if person is not None:
            records.insert(0, person)
        stored = repo.save_all(records)
        saved_campaign = next((r for r in stored if isinstance(r, ListeningCampaign)), campaign)
        saved_person = next((r for r in stored if isinstance(r, Person)), None)
        return saved_campaign, saved_person

    return save


async def log_conversations(
    screen: Screen[Any],
    repo: Repository,
    clock: Clock,
    campaign: ListeningCampaign,
    conversation: Conversation | None = None,
) -> int:
    """Log conversations (or edit `conversation`); how many were saved."""
    if refuse_if_read_only(screen, repo):
        return 0
    try:
        fresh = repo.get(ListeningCampaign, campaign.id) or campaign
        people = sorted(repo.list(Person), key=lambda p: fold(p.name))
        everywhere = sorted(repo.list(Institution), key=lambda i: fold(i.name))
        earlier = newest_first(repo.list(Conversation, {"listening_campaign_id": campaign.id}))
    except OrganiserError as error:
        report(screen, error, "Cannot open the form")
        return 0
    taking_part = [i for i in everywhere if i.id in fresh.institution_ids] or everywhere
    last = next((c.institution_id for c in earlier if c.institution_id), None)
    dialog = ConversationDialog(
        fresh,
        save=saver(repo),
        people=people,
        institutions=taking_part,
        today=clock.today(),
        conversation=conversation,
        institution_id=last,
    )
    count = await screen.app.push_screen_wait(dialog)
    if count and conversation is None:
        screen.notify(f"{_plural(count, 'conversation', 'conversations')} logged")
    elif count:
        screen.notify("Conversation saved")
    return count


async def delete_conversation(
    screen: Screen[Any], repo: Repository, conversation: Conversation, who: str
) -> bool:
    if refuse_if_read_only(screen, repo):
        return False
    question = Text.assemble(
        "Delete the conversation with ",
        (who, "bold"),
        f" on {conversation.on.day} {conversation.on:%b %Y}?\n\n",
        "Its concerns no longer count in the tally. This cannot be brought back.",
    )
    return await confirm_delete(
        screen,
        "Delete this conversation?",
        question,
        lambda: repo.delete(Conversation, conversation.id),
        "Conversation deleted",
    )


async def take_concern_forward(
    screen: Screen[Any],
    repo: Repository,
    campaign: ListeningCampaign,
    ranked: list[tuple[str, int]],
) -> Campaign | None:
    """Choose a concern from the tally; a new campaign takes it forward as its problem."""
    if refuse_if_read_only(screen, repo):
        return None
    if not ranked:
        screen.notify("No concerns raised yet: log conversations first.", severity="warning")
        return None
    concern = await screen.app.push_screen_wait(TakeForwardDialog(ranked))
    if concern is None:
        return None
    try:
        saved: Campaign = repo.save(take_forward(campaign, concern))
    except Exception as error:
        report(screen, error)
        return None
    screen.notify("Campaign created", markup=False)
    return saved
