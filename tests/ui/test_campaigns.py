"""Campaigns round the cycle of action by keyboard, and their power analysis. Each test checks
what the repository holds afterwards.

Until the app has a Campaigns area of its own, each test pushes the list screen onto the
running app, as the app's key for it will.
"""

from __future__ import annotations

from datetime import date, datetime, time
from typing import Any

from textual.pilot import Pilot
from textual.screen import Screen

from organiser.clock import LONDON, FixedClock
from organiser.models import (
    Campaign,
    Conversation,
    CycleStage,
    ListeningCampaign,
    PowerMapEntry,
    PublicAction,
    Stance,
)
from screens.app import OrganiserApp
from screens.campaign_detail import CampaignDetailScreen
from screens.campaign_dialog import CampaignDialog
from screens.campaign_move import MoveOnDialog
from screens.campaigns_screen import CampaignsScreen
from screens.confirm import ConfirmDialog
from screens.power_dialog import PowerEntryDialog
from screens.power_screen import PowerMapScreen
from screens.widgets.field_error import FieldError
from store.repository import TinyRepository
from tests.ui.conftest import SIZE, has_id, notices, screen_text, tab_to

TODAY = date(2026, 11, 23)


def field_errors(app: OrganiserApp) -> dict[str, str]:
    return {e.id or "": e.message for e in app.screen.query(FieldError) if e.message}


async def screen_is(pilot: Pilot[None], kind: type[Screen[Any]], tries: int = 40) -> bool:
    for _ in range(tries):
        await pilot.pause()
        if isinstance(pilot.app.screen, kind) and pilot.app.screen.is_current:
            await pilot.pause()
            return True
        await pilot.pause(0.05)
    return False


async def open_campaigns(app: OrganiserApp, pilot: Pilot[None]) -> CampaignsScreen:
    await pilot.pause()
    screen = CampaignsScreen(app.repo, app.clock)
    await app.push_screen(screen)
    assert await screen_is(pilot, CampaignsScreen)
    return screen


def the_campaign(repo: TinyRepository) -> Campaign:
    (campaign,) = repo.list(Campaign)
    return campaign


def seed_listening(repo: TinyRepository) -> ListeningCampaign:
    listening = ListeningCampaign(name="Autumn listening", starts=date(2026, 9, 1))
    talk = Conversation(
        listening_campaign_id=listening.id, on=date(2026, 9, 8), concerns=["damp housing"]
    )
    repo.save_all([listening, talk])
    return listening


async def choose_in_select(pilot: Pilot[None], widget_id: str, downs: int) -> None:
    await tab_to(pilot, has_id(widget_id))
    await pilot.press("enter")
    await pilot.pause()
    for _ in range(abs(downs)):
        await pilot.press("down" if downs > 0 else "up")
    await pilot.press("enter")
    await pilot.pause()


async def test_a_campaign_goes_round_the_whole_cycle_by_keyboard(
    filled: TinyRepository, clock: FixedClock
) -> None:
    seed_listening(filled)
    app = OrganiserApp(filled, clock)
    async with app.run_test(size=SIZE) as pilot:
        await open_campaigns(app, pilot)
        assert "No campaigns yet: n starts one" in screen_text(app)

        # A new campaign, by keyboard.
        await pilot.press("n")
        assert await screen_is(pilot, CampaignDialog)
        await pilot.press(*"Safe homes [b]now[/b]")
        await tab_to(pilot, has_id("problem"))
        await pilot.press(*"Housing is bad")
        await pilot.press("ctrl+s")
        assert await screen_is(pilot, CampaignsScreen), field_errors(app)
        campaign = the_campaign(filled)
        assert campaign.name == "Safe homes [b]now[/b]"
        assert campaign.problem == "Housing is bad"
        assert campaign.stage is CycleStage.LISTEN
        text = screen_text(app)
        assert "Safe homes [b]now[/b]" in text  # shown literally
        assert "evidence from conversations" in text

        # A blocked move says what is missing; with no reason, nothing is saved.
        await pilot.press("enter")
        assert await screen_is(pilot, CampaignDetailScreen)
        await pilot.press("m")
        assert await screen_is(pilot, MoveOnDialog)
        assert "evidence from conversations: link a listening campaign" in screen_text(app)
        await pilot.press("enter")  # empty reason: stay
        assert await screen_is(pilot, CampaignDetailScreen)
        stored = the_campaign(filled)
        assert stored.stage is CycleStage.LISTEN
        assert stored.stage_history == []
        assert stored.revision == campaign.revision

        # Link the listening campaign and fill the issue; Listen is then ready.
        await pilot.press("e")
        assert await screen_is(pilot, CampaignDialog)
        await tab_to(pilot, has_id("issue"))
        await pilot.press(*"The council licenses rogue landlords on Ash Street")
        await tab_to(pilot, has_id("listening"))
        await pilot.press("space")
        await pilot.press("ctrl+s")
        assert await screen_is(pilot, CampaignDetailScreen), field_errors(app)
        await pilot.press("m")
        await pilot.pause()
        assert the_campaign(filled).stage is CycleStage.RESEARCH

        # Research: the power analysis, with a decision-maker who is a champion.
        await pilot.press("p")
        assert await screen_is(pilot, PowerMapScreen)
        await pilot.press("n")
        assert await screen_is(pilot, PowerEntryDialog)
        await pilot.press(*"Cllr Patel")
        await tab_to(pilot, has_id("role"))
        await pilot.press(*"Cabinet member for housing")
        await choose_in_select(pilot, "influence", -2)  # 3 → 5
        await pilot.pause()
        await pilot.press("ctrl+s")
        assert await screen_is(pilot, PowerMapScreen), field_errors(app)
        await pilot.press("e")
        assert await screen_is(pilot, PowerEntryDialog)
        await choose_in_select(pilot, "stance", 2)  # neutral → champion
        await tab_to(pilot, has_id("decision-maker"))
        await pilot.press("space")
        await pilot.press("ctrl+s")
        assert await screen_is(pilot, PowerMapScreen), field_errors(app)
        (entry,) = filled.list(PowerMapEntry)
        assert (entry.name, entry.campaign_id) == ("Cllr Patel", campaign.id)
        assert (entry.influence, entry.stance, entry.is_decision_maker) == (
            5,
            Stance.CHAMPION,
            True,
        )
        lines = screen_text(app).splitlines()
        header = next(line for line in lines if "Leaning against" in line and "Champion" in line)
        (row,) = [line for line in lines if "★ Cllr Patel" in line]
        assert row.index("★ Cllr Patel") >= header.index("Champion") - 1
        assert row.split("│")[1].strip() == "5"

        await pilot.press("escape")
        assert await screen_is(pilot, CampaignDetailScreen)
        await pilot.press("m")
        await pilot.pause()
        assert the_campaign(filled).stage is CycleStage.PLAN

        # Plan: goal, target, tactic, date and turnout.
        await pilot.press("e")
        assert await screen_is(pilot, CampaignDialog)
        await tab_to(pilot, has_id("goal"))
        await pilot.press(*"License only landlords who fix damp")
        await choose_in_select(pilot, "target", 1)
        await tab_to(pilot, has_id("tactic"))
        await pilot.press(*"Accountability assembly")
        await tab_to(pilot, has_id("action-date"))
        await pilot.press(*"12 Jan 2027")
        await tab_to(pilot, has_id("turnout"))
        await pilot.press(*"150")
        await pilot.press("ctrl+s")
        assert await screen_is(pilot, CampaignDetailScreen), field_errors(app)
        planned = the_campaign(filled)
        assert planned.target_decision_maker_id == entry.id
        assert planned.action_date == date(2027, 1, 12)
        assert planned.turnout_target == 150
        await pilot.press("m")
        await pilot.pause()
        assert the_campaign(filled).stage is CycleStage.ACT

        # Act: the action is held with its turnout (seeded as the actions screen records it).
        filled.save(
            PublicAction(
                name="Assembly",
                campaign_id=campaign.id,
                at=datetime.combine(date(2026, 11, 23), time(8), LONDON),
                turnout_target=150,
                turnout_actual=162,
            )
        )
        await pilot.press("m")
        await pilot.pause()
        assert the_campaign(filled).stage is CycleStage.EVALUATE

        # Evaluate without lessons: move on anyway, with a reason.
        await pilot.press("m")
        assert await screen_is(pilot, MoveOnDialog)
        assert "the lessons learned" in screen_text(app)
        await pilot.press(*"Evaluation meeting booked next week")
        await pilot.press("enter")
        assert await screen_is(pilot, CampaignDetailScreen)
        await pilot.pause()
        assert "Celebrate! Round 2 starts at Listen" in notices(app)
        assert "Evaluation meeting booked next week" in screen_text(app)

    done = the_campaign(filled)
    assert (done.stage, done.cycle) == (CycleStage.LISTEN, 2)
    moves = [(m.from_stage, m.to_stage, m.on, m.override_reason) for m in done.stage_history]
    assert moves == [
        (CycleStage.LISTEN, CycleStage.RESEARCH, TODAY, ""),
        (CycleStage.RESEARCH, CycleStage.PLAN, TODAY, ""),
        (CycleStage.PLAN, CycleStage.ACT, TODAY, ""),
        (CycleStage.ACT, CycleStage.EVALUATE, TODAY, ""),
        (CycleStage.EVALUATE, CycleStage.LISTEN, TODAY, "Evaluation meeting booked next week"),
    ]


async def test_deleting_a_campaign_takes_its_power_map_and_unlinks_actions(
    filled: TinyRepository, clock: FixedClock
) -> None:
    campaign = Campaign(name="Living wage")
    other = Campaign(name="Safe streets")
    mine = PowerMapEntry(campaign_id=campaign.id, name="Store manager")
    theirs = PowerMapEntry(campaign_id=other.id, name="Police commander")
    action = PublicAction(
        name="Walk-in",
        campaign_id=campaign.id,
        at=datetime.combine(date(2026, 11, 2), time(12), LONDON),
    )
    filled.save_all([campaign, other, mine, theirs, action])
    app = OrganiserApp(filled, clock)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_campaigns(app, pilot)
        assert screen.table.go_to(campaign.id)
        await pilot.press("d")
        assert await screen_is(pilot, ConfirmDialog)
        assert "Its power map (1 entry) goes with it." in screen_text(app)
        await pilot.press("y")
        assert await screen_is(pilot, CampaignsScreen)
        await pilot.pause()
    assert [c.name for c in filled.list(Campaign)] == ["Safe streets"]
    assert [e.name for e in filled.list(PowerMapEntry)] == ["Police commander"]
    (kept,) = filled.list(PublicAction)
    assert kept.campaign_id is None


async def test_the_campaign_dialog_shows_errors_next_to_fields(
    filled: TinyRepository, clock: FixedClock
) -> None:
    app = OrganiserApp(filled, clock)
    async with app.run_test(size=SIZE) as pilot:
        await open_campaigns(app, pilot)
        await pilot.press("n")
        assert await screen_is(pilot, CampaignDialog)
        await tab_to(pilot, has_id("action-date"))
        await pilot.press(*"someday")
        await tab_to(pilot, has_id("turnout"))
        await pilot.press(*"lots")
        await pilot.press("ctrl+s")
        await pilot.pause()
        errors = field_errors(app)
        assert set(errors) == {"name-error", "action-date-error", "turnout-error"}
        assert isinstance(app.screen, CampaignDialog)
        await pilot.press("escape")
        assert await screen_is(pilot, ConfirmDialog)
        await pilot.press("y")
        assert await screen_is(pilot, CampaignsScreen)
    assert filled.list(Campaign) == []
