"""Listening campaigns by keyboard: start one, log conversations in a row, watch the tally,
take a concern forward and delete a campaign. Each test checks what the repository holds.

Until the app has a Listening area of its own, each test pushes the list screen onto the
running app, as the app's key for it will.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from textual.pilot import Pilot
from textual.screen import Screen

from organiser.clock import FixedClock
from organiser.models import Campaign, Conversation, Institution, ListeningCampaign, Person
from screens.app import OrganiserApp
from screens.confirm import ConfirmDialog
from screens.listening_conversation import ConversationDialog
from screens.listening_detail import ListeningDetailScreen
from screens.listening_dialog import ListeningDialog
from screens.listening_screen import ListeningScreen
from screens.listening_take_forward import TakeForwardDialog
from screens.widgets.field_error import FieldError
from screens.widgets.nav_bar import NavBar
from store.repository import TinyRepository
from tests.ui.conftest import SIZE, has_id, notices, screen_text, tab_to


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


async def open_listening(app: OrganiserApp, pilot: Pilot[None]) -> ListeningScreen:
    await pilot.pause()
    screen = ListeningScreen(app.repo, app.clock)
    await app.push_screen(screen)
    assert await screen_is(pilot, ListeningScreen)
    return screen


def named(repo: TinyRepository, kind: type[Person] | type[Institution], name: str) -> str:
    (found,) = [r for r in repo.list(kind) if r.name == name]
    return found.id


def chart_line(text: str, concern: str) -> int:
    """The line number of `concern`'s bar in the tally."""
    lines = text.splitlines()
    return next(n for n, line in enumerate(lines) if concern in line and "█" in line)


async def test_start_a_campaign_log_three_conversations_and_take_a_concern_forward(
    filled: TinyRepository, clock: FixedClock
) -> None:
    mosque = named(filled, Institution, "Highfields Mosque")
    school = named(filled, Institution, "St Mary's Primary")
    amina = named(filled, Person, "Amina Khan")
    carol = named(filled, Person, "Carol Evans")
    app = OrganiserApp(filled, clock)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_listening(app, pilot)
        assert screen.query_one(NavBar)
        assert "No listening campaigns yet: n starts one" in screen_text(app)

        # A new listening campaign, by keyboard.
        await pilot.press("n")
        assert await screen_is(pilot, ListeningDialog)
        await pilot.press(*"Spring [b]listening[/b]")
        await tab_to(pilot, has_id("starts"))
        await pilot.press("ctrl+u", *"1 Nov 2026")
        await tab_to(pilot, has_id("ends"))
        await pilot.press(*"31/12/2026")
        await tab_to(pilot, has_id("target"))
        await pilot.press(*"30")
        await tab_to(pilot, has_id("institutions"))
        await pilot.press("space", "down", "space")  # Highfields Mosque, St Mary's Primary
        await pilot.press("ctrl+s")
        assert await screen_is(pilot, ListeningScreen), field_errors(app)
        (campaign,) = filled.list(ListeningCampaign)
        assert campaign.name == "Spring [b]listening[/b]"
        assert (campaign.starts, campaign.ends) == (date(2026, 11, 1), date(2026, 12, 31))
        assert campaign.target_conversations == 30
        assert campaign.institution_ids == [mosque, school]
        text = screen_text(app)
        assert "Spring [b]listening[/b]" in text  # shown literally
        assert "0 / 30" in text

        # Three conversations in a row from one dialog.
        await pilot.press("enter")
        assert await screen_is(pilot, ListeningDetailScreen)
        assert "No concerns raised yet." in screen_text(app)
        await pilot.press("c")
        assert await screen_is(pilot, ConversationDialog)
        await tab_to(pilot, has_id("institution"))
        await pilot.press("enter", "down", "enter")  # past "No institution": the mosque
        await tab_to(pilot, has_id("person-input"))
        await pilot.press(*"amina", "enter")  # picks Amina Khan, on to the concerns
        await pilot.press(*"Damp housing", "enter", *"Low pay", "enter", "enter")
        await pilot.press(*"Mould in every room")
        await pilot.press("ctrl+n")
        await pilot.pause()
        assert "1 logged" in screen_text(app), field_errors(app)

        await tab_to(pilot, has_id("who"))
        await pilot.press(*"parent at the gate", "enter")
        await pilot.press(*"damp", "enter")  # the campaign's own "Damp housing"
        await pilot.press("ctrl+n")
        await pilot.pause()
        assert "2 logged" in screen_text(app), field_errors(app)

        await tab_to(pilot, has_id("person-input"))
        await pilot.press(*"carol", "enter")
        await pilot.press(*"DAMP HOUSING", "enter", *"Buses", "enter")
        await pilot.press("ctrl+n")
        await pilot.pause()
        assert "3 logged" in screen_text(app), field_errors(app)
        await pilot.press("escape")
        assert await screen_is(pilot, ListeningDetailScreen)

        talks = sorted(filled.list(Conversation), key=lambda c: c.created)
        assert [(c.person_id, c.who, c.concerns) for c in talks] == [
            (amina, "", ["Damp housing", "Low pay"]),
            (None, "parent at the gate", ["Damp housing"]),
            (carol, "", ["Damp housing", "Buses"]),
        ]
        assert {c.institution_id for c in talks} == {mosque}  # kept from one to the next
        assert {c.on for c in talks} == {clock.today()}
        assert talks[0].story == "Mould in every room"
        stored = filled.get(ListeningCampaign, campaign.id)
        assert stored is not None
        assert stored.concerns == ["Damp housing", "Low pay", "Buses"]

        # The tally ranks concerns by how many conversations raised them.
        text = screen_text(app)
        assert chart_line(text, "Damp housing") < chart_line(text, "Buses")
        assert chart_line(text, "Buses") < chart_line(text, "Low pay")
        assert "3 / 30" in text
        await pilot.press("b")
        await pilot.pause()
        assert "Concerns, Highfields Mosque" in screen_text(app)

        # Take the top concern forward as a new campaign.
        await pilot.press("t")
        assert await screen_is(pilot, TakeForwardDialog)
        await pilot.press("enter")
        assert await screen_is(pilot, ListeningDetailScreen)
        (forward,) = filled.list(Campaign)
        assert forward.problem == "Damp housing"
        assert forward.listening_campaign_ids == [campaign.id]
        assert "Campaign created" in notices(app)


async def test_a_conversation_naming_no_one_picked_says_so_and_keeps_the_typing(
    filled: TinyRepository, clock: FixedClock
) -> None:
    filled.save(ListeningCampaign(name="Spring", starts=date(2026, 11, 1)))
    app = OrganiserApp(filled, clock)
    async with app.run_test(size=SIZE) as pilot:
        await open_listening(app, pilot)
        await pilot.press("enter")
        assert await screen_is(pilot, ListeningDetailScreen)
        await pilot.press("c")
        assert await screen_is(pilot, ConversationDialog)
        await pilot.press(*"Zed")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert "person-error" in field_errors(app)
        assert filled.list(Conversation) == []
        await pilot.press("escape")
        assert await screen_is(pilot, ConfirmDialog)
        await pilot.press("y")
        assert await screen_is(pilot, ListeningDetailScreen)


async def test_deleting_a_listening_campaign_takes_its_conversations(
    filled: TinyRepository, clock: FixedClock
) -> None:
    spring = ListeningCampaign(name="Spring", starts=date(2026, 3, 1))
    autumn = ListeningCampaign(name="Autumn", starts=date(2026, 9, 1))
    on = date(2026, 3, 5)
    mine = [
        Conversation(listening_campaign_id=spring.id, on=on, concerns=["Buses"]),
        Conversation(listening_campaign_id=spring.id, on=on, who="a nurse"),
    ]
    theirs = Conversation(listening_campaign_id=autumn.id, on=on, concerns=["Pay"])
    linked = Campaign(name="Buses", listening_campaign_ids=[spring.id, autumn.id])
    filled.save_all([spring, autumn, *mine, theirs, linked])
    app = OrganiserApp(filled, clock)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_listening(app, pilot)
        assert screen.table.go_to(spring.id)
        await pilot.press("d")
        assert await screen_is(pilot, ConfirmDialog)
        text = screen_text(app)
        assert "Its 2 conversations" in text
        assert "1 campaign taken forward" in text
        await pilot.press("y")
        assert await screen_is(pilot, ListeningScreen)
        assert [c.id for c in filled.list(ListeningCampaign)] == [autumn.id]
        assert [c.id for c in filled.list(Conversation)] == [theirs.id]
        (kept,) = filled.list(Campaign)
        assert kept.listening_campaign_ids == [autumn.id]
        assert "Spring" not in screen_text(app)
