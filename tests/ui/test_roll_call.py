"""The roll call by keyboard: pledges and deliveries on an action's page, the sheet, its export,
and the institution's delivery record."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from organiser.clock import FixedClock
from organiser.models import ActionKind, Institution, PublicAction
from screens.action_detail import ActionDetailScreen
from screens.app import OrganiserApp
from screens.institution_detail import InstitutionDetailScreen
from screens.roll_call_dialogs import CallEntryDialog, SheetExportDialog
from screens.roll_call_screen import RollCallScreen
from store.repository import TinyRepository
from tests.samples import LONDON
from tests.ui.conftest import SIZE, screen_text, wait_for_screen


def lines(repo: TinyRepository, action_id: str) -> dict[str, tuple[int, int]]:
    names = {i.id: i.name for i in repo.list(Institution)}
    stored = repo.get(PublicAction, action_id)
    assert stored is not None
    return {
        names[t.institution_id]: (t.pledged, t.delivered) for t in stored.turnout_by_institution
    }


async def test_a_roll_call_is_pledged_called_printed_and_remembered(
    filled: TinyRepository, clock: FixedClock, tmp_path: Path
) -> None:
    action = filled.save(
        PublicAction(
            name="Housing Assembly",
            action_kind=ActionKind.ASSEMBLY,
            at=datetime(2026, 11, 19, 19, 0, tzinfo=LONDON),
            turnout_target=100,
        )
    )
    app = OrganiserApp(filled, clock)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await pilot.pause()
        app.push_screen(ActionDetailScreen(filled, clock, action))
        await wait_for_screen(pilot, ActionDetailScreen)

        # Pledges, each institution picked by part of its name.
        for typed, number in (("st mary", "40"), ("highfields", "25")):
            await pilot.press("P")
            await wait_for_screen(pilot, CallEntryDialog)
            await pilot.press(*typed, "enter", *number, "enter")
            await wait_for_screen(pilot, ActionDetailScreen)
        assert lines(filled, action.id) == {
            "St Mary's Primary": (40, 0),
            "Highfields Mosque": (25, 0),
        }

        # At the roll call: what each brought; the pledge stays.
        await pilot.press("B")
        await wait_for_screen(pilot, CallEntryDialog)
        await pilot.press(*"st mary", "enter", *"35", "enter")
        await wait_for_screen(pilot, ActionDetailScreen)
        assert lines(filled, action.id)["St Mary's Primary"] == (40, 35)

        # Bad input is explained next to its field, and what was typed stays.
        await pilot.press("B")
        await wait_for_screen(pilot, CallEntryDialog)
        await pilot.press(*"nowhere", "enter")
        assert 'No institution on record matches "nowhere".' in screen_text(app)
        await pilot.press("end", "ctrl+u", *"unison", "enter", *"a dozen", "enter")
        await pilot.pause()
        assert isinstance(app.screen, CallEntryDialog)
        assert "Delivered must be a whole number, such as 40" in screen_text(app)
        await pilot.press("end", "ctrl+u", *"12", "enter")
        await wait_for_screen(pilot, ActionDetailScreen)
        assert lines(filled, action.id)["UNISON City Branch"] == (0, 12)

        # The sheet: alphabetical, with totals, and "—" where nothing was pledged.
        await pilot.press("s")
        await wait_for_screen(pilot, RollCallScreen)
        text = screen_text(app)
        rows = [line.split() for line in text.splitlines()]
        highfields = next(r for r in rows if r[:2] == ["Highfields", "Mosque"])
        unison = next(r for r in rows if r[:3] == ["UNISON", "City", "Branch"])
        assert highfields[-3:] == ["25", "0", "0%"] and unison[-3:] == ["0", "12", "—"]
        assert text.index("Highfields") < text.index("St Mary's") < text.index("UNISON")
        assert "Total: 47 delivered of 65 pledged (72%)" in text

        # Calling down the sheet, B starts at the institution the cursor is on.
        await pilot.press("down", "B")
        await wait_for_screen(pilot, CallEntryDialog)
        await pilot.press(*"38", "enter")
        await wait_for_screen(pilot, RollCallScreen)
        assert lines(filled, action.id)["St Mary's Primary"] == (40, 38)
        assert "Total: 50 delivered of 65 pledged (77%)" in screen_text(app)

        # Exported as a page to print.
        await pilot.press("x")
        await wait_for_screen(pilot, SheetExportDialog)
        target = tmp_path / "sheet.html"
        await pilot.press("end", "ctrl+u", *str(target), "enter")
        await wait_for_screen(pilot, RollCallScreen)
        page = target.read_text(encoding="utf-8")
        assert page.startswith("<!DOCTYPE html>") and "Roll call: Housing Assembly" in page
        assert "<td>0</td><td>12</td><td>—</td>" in page
        assert target.stat().st_mode & 0o077 == 0
        await pilot.press("escape")
        await wait_for_screen(pilot, ActionDetailScreen)

        # The institution's page shows its record.
        school = next(i for i in filled.list(Institution) if i.name == "St Mary's Primary")
        app.push_screen(InstitutionDetailScreen(filled, clock, school))
        await wait_for_screen(pilot, InstitutionDetailScreen)
        await pilot.press("end")
        await pilot.pause()
        text = screen_text(app)
        assert "Turnout at actions: Delivered 38 of 40 pledged (95%) over 1 action" in text
        assert "Housing Assembly" in text
