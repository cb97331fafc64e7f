"""Open any record's own screen from wherever it is mentioned (Today, lists, timelines)."""

from __future__ import annotations

from typing import Any

from textual.screen import Screen

from organiser.clock import Clock
from organiser.errors import OrganiserError
from organiser.models import (
    Conversation,
    FundraisingItem,
    Institution,
    ListeningCampaign,
    Meeting,
    Person,
    RelationalMeeting,
    SupervisionReview,
    TrainingSession,
)
from organiser.repository import Repository
from screens.fundraising_detail import FundraisingItemScreen
from screens.institution_detail import InstitutionDetailScreen
from screens.listening_detail import ListeningDetailScreen
from screens.meeting_detail import MeetingDetailScreen
from screens.one_to_one_detail import OneToOneDetailScreen
from screens.person_detail import PersonDetailScreen
from screens.person_flows import report
from screens.supervision_review import SupervisionReviewScreen
from screens.training_detail import TrainingDetailScreen


def open_record(
    screen: Screen[Any], repo: Repository, clock: Clock, kind: str, record_id: str
) -> None:
    """Push the screen for the record `kind`/`record_id`; say so if it has gone."""
    try:
        target = _screen_for(repo, clock, kind, record_id)
    except OrganiserError as error:
        report(screen, error, "Cannot open it")
        return
    if target is None:
        screen.notify("That record is no longer in the database.", severity="warning")
        return
    screen.app.push_screen(target)


def _screen_for(repo: Repository, clock: Clock, kind: str, record_id: str) -> Screen[Any] | None:
    if kind in ("one_to_one", "follow_up"):
        meeting = repo.get(RelationalMeeting, record_id)
        return OneToOneDetailScreen(repo, clock, meeting) if meeting else None
    if kind == "institution":
        institution = repo.get(Institution, record_id)
        return InstitutionDetailScreen(repo, clock, institution) if institution else None
    if kind == "person":
        person = repo.get(Person, record_id)
        return PersonDetailScreen(repo, clock, person) if person else None
    if kind in ("training", "nomination"):
        # A nomination's id is "<session id>/<person id>": open the session on that person.
        session_id, _, person_id = record_id.partition("/")
        session = repo.get(TrainingSession, session_id)
        if session is None:
            return None
        return TrainingDetailScreen(repo, clock, session, person_id=person_id or None)
    if kind in ("meeting", "action_point"):
        # An action point's id is "<meeting id>/<point id>": open the meeting on that point.
        meeting_id, _, point_id = record_id.partition("/")
        team_meeting = repo.get(Meeting, meeting_id)
        if team_meeting is None:
            return None
        return MeetingDetailScreen(repo, clock, team_meeting, point_id=point_id or None)
    if kind in ("supervision", "agreed_action"):
        # An agreed action's id is "<review id>/<action id>": open the review on that action.
        review_id, _, action_id = record_id.partition("/")
        review = repo.get(SupervisionReview, review_id)
        if review is None:
            return None
        return SupervisionReviewScreen(repo, clock, review, action_id=action_id or None)
    if kind == "conversation":
        # A listening conversation is read on its listening campaign's screen.
        conversation = repo.get(Conversation, record_id)
        campaign = conversation and repo.get(ListeningCampaign, conversation.listening_campaign_id)
        return ListeningDetailScreen(repo, clock, campaign) if campaign else None
    if kind == "fundraising_item":
        item = repo.get(FundraisingItem, record_id)
        return FundraisingItemScreen(repo, clock, item) if item else None
    return None
