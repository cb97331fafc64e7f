"""Public actions by keyboard: create one, record turnout for institutions, add a leader's
role. Each test checks what the repository holds afterwards."""

from __future__ import annotations

from datetime import datetime

from textual.widgets import Input, Select

from organiser.clock import LONDON, FixedClock
from organiser.models import ActionKind, Institution, Person, PublicAction
from screens.action_detail import ActionDetailScreen
from screens.action_dialog import ActionDialog
from screens.action_parts import LeaderRoleDialog, TurnoutDialog
from screens.actions_screen import ActionsScreen
from screens.app import OrganiserApp
from store.repository import TinyRepository
from tests.ui.conftest import SIZE, has_id, screen_text, tab_to, wait_for_screen


def named(repo: TinyRepository, kind: type[Institution] | type[Person], name: str) -> str:
    (found,) = [r.id for r in repo.list(kind) if r.name == name]
    return found


async def choose_institution(app: OrganiserApp, institution_id: str) -> None:
    app.screen.query_one("#turnout-institution", Select).value = institution_id


async def test_create_an_action_record_turnout_and_a_leader_role(
    filled: TinyRepository, clock: FixedClock
) -> None:
    school = named(filled, Institution, "St Mary's Primary")
    mosque = named(filled, Institution, "Highfields Mosque")
    amina = named(filled, Person, "Amina Khan")
    app = OrganiserApp(filled, clock)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await app.push_screen(ActionsScreen(filled, clock))
        await wait_for_screen(pilot, ActionsScreen)
        assert "No actions yet: n adds one" in screen_text(app)

        await pilot.press("n")
        await wait_for_screen(pilot, ActionDialog)
        await pilot.press(*"Housing [b]assembly[/b]")
        await tab_to(pilot, has_id("action-kind"))
        await pilot.press("enter", "down", "enter")  # Assembly
        await tab_to(pilot, has_id("action-at"))
        await pilot.press(*"1 Dec 2026 19:00")
        await tab_to(pilot, has_id("action-place"))
        await pilot.press(*"Town Hall")
        await tab_to(pilot, has_id("action-ask"))
        await pilot.press(*"License the landlords")
        await tab_to(pilot, has_id("turnout-target"))
        await pilot.press(*"100")
        await tab_to(pilot, has_id("turnout-actual"))
        await pilot.press(*"84")
        await tab_to(pilot, has_id("action-evaluation"))
        await pilot.press(*"Amina chaired well")
        await tab_to(pilot, has_id("action-lessons"))
        await pilot.press(*"Start the roll call earlier")
        await pilot.press("ctrl+s")
        await wait_for_screen(pilot, ActionsScreen)

        (action,) = filled.list(PublicAction)
        assert action.name == "Housing [b]assembly[/b]"
        assert action.action_kind is ActionKind.ASSEMBLY
        assert action.at == datetime(2026, 12, 1, 19, tzinfo=LONDON)
        assert action.place == "Town Hall"
        assert action.ask == "License the landlords"
        assert (action.turnout_target, action.turnout_actual) == (100, 84)
        assert action.evaluation == "Amina chaired well"
        assert action.lessons == "Start the roll call earlier"
        text = screen_text(app)
        assert "Housing [b]assembly[/b]" in text  # shown literally
        assert "84 / 100" in text

        await pilot.press("enter")
        await wait_for_screen(pilot, ActionDetailScreen)
        for institution, pledged, delivered in ((school, "40", "35"), (mosque, "30", "31")):
            await pilot.press("t")
            await wait_for_screen(pilot, TurnoutDialog)
            await choose_institution(app, institution)
            await tab_to(pilot, has_id("turnout-pledged"))
            await pilot.press(*pledged)
            await tab_to(pilot, has_id("turnout-delivered"))
            await pilot.press(*delivered)
            await pilot.press("ctrl+s")
            await wait_for_screen(pilot, ActionDetailScreen)

        await pilot.press("r")
        await wait_for_screen(pilot, LeaderRoleDialog)
        await pilot.press(*"amina", "enter")
        await pilot.press(*"chair")
        await pilot.press("enter")
        await wait_for_screen(pilot, ActionDetailScreen)

        stored = filled.get(PublicAction, action.id)
        assert stored is not None
        rows = {(t.institution_id, t.pledged, t.delivered) for t in stored.turnout_by_institution}
        assert rows == {(school, 40, 35), (mosque, 30, 31)}
        assert [(r.person_id, r.role) for r in stored.leader_roles] == [(amina, "chair")]
        assert stored.turnout_actual == 84
        text = screen_text(app)
        assert "Turnout: 84 of 100 (84%)" in text
        assert "roll call 66 delivered of 70 pledged (94%)" in text
        assert "St Mary's Primary" in text and "88%" in text


async def test_a_wrong_number_is_shown_next_to_its_field_and_typing_is_kept(
    filled: TinyRepository, clock: FixedClock
) -> None:
    app = OrganiserApp(filled, clock)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await app.push_screen(ActionsScreen(filled, clock))
        await wait_for_screen(pilot, ActionsScreen)
        await pilot.press("n")
        await wait_for_screen(pilot, ActionDialog)
        await pilot.press(*"House meeting")
        await tab_to(pilot, has_id("action-at"))
        await pilot.press(*"fri 7pm")
        await tab_to(pilot, has_id("turnout-target"))
        await pilot.press(*"lots")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, ActionDialog)
        assert "Turnout target must be a whole number" in screen_text(app)
        assert app.screen.query_one("#action-name", Input).value == "House meeting"
        assert filled.list(PublicAction) == []


async def test_removing_a_turnout_line_and_deleting_an_action(
    filled: TinyRepository, clock: FixedClock
) -> None:
    school = named(filled, Institution, "St Mary's Primary")
    action = PublicAction(
        name="Vigil",
        at=datetime(2026, 11, 20, 18, tzinfo=LONDON),
        turnout_by_institution=[{"institution_id": school, "pledged": 5, "delivered": 4}],  # type: ignore[list-item]
    )
    filled.save(action)
    app = OrganiserApp(filled, clock)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await app.push_screen(ActionsScreen(filled, clock))
        await wait_for_screen(pilot, ActionsScreen)
        await pilot.press("enter")
        await wait_for_screen(pilot, ActionDetailScreen)
        await pilot.press("delete")
        await pilot.pause()
        stored = filled.get(PublicAction, action.id)
        assert stored is not None and stored.turnout_by_institution == []
        await pilot.press("escape")
        await wait_for_screen(pilot, ActionsScreen)
        await pilot.press("d")
        await pilot.pause()
        await pilot.press("y")
        await wait_for_screen(pilot, ActionsScreen)
        assert filled.list(PublicAction) == []
