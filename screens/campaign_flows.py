"""Editing, deleting and moving on a campaign, shared by the list and the campaign's screen.

Each flow reads top to bottom: ask in a dialog, then save through the repository. A save the
store refuses is reported and the dialog opens again with everything as it was typed.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from rich.text import Text
from textual.screen import Screen

from organiser.campaigns import leader_choices, plan_campaign_removal
from organiser.clock import Clock
from organiser.cycle import Evidence, advance, following, gate, gather
from organiser.errors import OrganiserError
from organiser.models import (
    Campaign,
    Conversation,
    CycleStage,
    Institution,
    ListeningCampaign,
    Person,
    PowerMapEntry,
    Profile,
    PublicAction,
)
from organiser.repository import Repository
from screens.campaign_dialog import CampaignDialog
from screens.campaign_move import MoveOnDialog
from screens.form_flow import confirm_delete, save_until_done
from screens.person_flows import refuse_if_read_only, report
from screens.undo_keeper import UNDO_WHILE_OPEN, undoable


def profile_of(repo: Repository) -> Profile:
    return repo.profile() or Profile(organiser_name="Organiser")


def evidence_for(repo: Repository, campaign: Campaign, now: datetime) -> Evidence:
    """What the records hold for `campaign`'s stage rules (raises OrganiserError)."""
    conversations = [
        c
        for listening_id in campaign.listening_campaign_ids
        for c in repo.list(Conversation, {"listening_campaign_id": listening_id})
    ]
    return gather(
        campaign,
        conversations,
        repo.list(PowerMapEntry, {"campaign_id": campaign.id}),
        repo.list(PublicAction, {"campaign_id": campaign.id}),
        now,
    )


async def edit_campaign(
    screen: Screen[Any], repo: Repository, clock: Clock, campaign: Campaign | None
) -> Campaign | None:
    """Open the campaign dialog (for `campaign`, or a new one) until saved or given up."""
    if refuse_if_read_only(screen, repo):
        return None
    try:
        listening = repo.list(ListeningCampaign)
        institutions = repo.list(Institution)
        chosen = campaign.leader_ids if campaign else []
        leaders = leader_choices(repo.list(Person), chosen)
        power_map = repo.list(PowerMapEntry, {"campaign_id": campaign.id}) if campaign else []
    except OrganiserError as error:
        report(screen, error, "Cannot open the form")
        return None
    return await save_until_done(
        screen,
        repo,
        lambda draft: CampaignDialog(
            campaign,
            listening=listening,
            institutions=institutions,
            leaders=leaders,
            power_map=power_map,
            today=clock.today(),
            draft=draft,
        ),
        campaign,
        lambda saved: saved.name,
    )


async def delete_campaign(screen: Screen[Any], repo: Repository, campaign: Campaign) -> bool:
    """Ask, saying what goes with it, then delete it with its power map in one change."""
    if refuse_if_read_only(screen, repo):
        return False
    try:
        removal = plan_campaign_removal(
            campaign,
            repo.list(PowerMapEntry, {"campaign_id": campaign.id}),
            repo.list(PublicAction, {"campaign_id": campaign.id}),
        )
    except OrganiserError as error:
        report(screen, error, "Cannot delete")
        return False
    question = Text.assemble("Delete the campaign ", (campaign.name, "bold"), "?\n")
    if removal.entries:
        people = "entry" if removal.entries == 1 else "entries"
        question.append(f"\nIts power map ({removal.entries:,} {people}) goes with it.")
    if removal.actions:
        actions = "action stays" if removal.actions == 1 else "actions stay"
        question.append(f"\n{removal.actions:,} {actions} on record, no longer linked to it.")
    question.append("\n\n" + UNDO_WHILE_OPEN)
    return await confirm_delete(
        screen,
        "Delete this campaign?",
        question,
        lambda: repo.save_all(removal.saves, deletes=removal.deletes),
        f"Deleted {campaign.name}",
    )


async def move_on(
    screen: Screen[Any], repo: Repository, clock: Clock, campaign: Campaign
) -> Campaign | None:
    """Move the campaign to its next stage; when the stage's needs are not met, say what is
    missing and move on only with a reason. Returns the campaign as saved, or None."""
    if refuse_if_read_only(screen, repo):
        return None
    try:
        evidence = evidence_for(repo, campaign, clock.now())
        profile = profile_of(repo)
    except OrganiserError as error:
        report(screen, error, "Cannot move on")
        return None
    checked = gate(campaign, evidence)
    reason = ""
    here = profile.cycle_name(campaign.stage)
    there = profile.cycle_name(following(campaign.stage))
    if not checked.ready:
        reason = (
            await screen.app.push_screen_wait(MoveOnDialog(here, there, checked.missing)) or ""
        ).strip()
        if not reason:
            screen.notify(f"Not moved: still at {here}.", markup=False)
            return None
    moved = advance(campaign, evidence, clock.today(), reason)
    try:
        with undoable(screen, f"Moved {campaign.name} on to {there}"):
            saved = repo.save(moved)
    except Exception as error:
        report(screen, error, "Not moved")
        return None
    if saved.stage is CycleStage.LISTEN:
        screen.notify(
            f"Celebrate! Round {saved.cycle} starts at {there}", title=saved.name, markup=False
        )
    else:
        screen.notify(f"Moved on to {there}", title=saved.name, markup=False)
    return saved
