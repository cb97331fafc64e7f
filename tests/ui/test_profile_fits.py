"""The Profile at 120x36: every field can be reached with tab, is on screen when it has the
focus, and the Save and Cancel buttons stay in view however far the form has scrolled."""

from __future__ import annotations

from textual.containers import VerticalScroll
from textual.widget import Widget
from textual.widgets import Button

from organiser.clock import FixedClock
from organiser.models import CycleStage, LadderStage, Profile
from screens.app import OrganiserApp
from screens.profile_dialog import NUMBERS, ProfileDialog, field_id
from screens.widgets.field_error import FieldError
from store.repository import TinyRepository
from tests.ui.conftest import SIZE, screen_text

#: Every box, tick and choice the Profile has, by widget id.
EVERY_FIELD = (
    ["organiser-name", "alliance-name"]
    + [f"workday-{n}" for n in range(7)]
    + ["leave-days"]
    + [field_id(field) for field, *_ in NUMBERS]
    + [f"cadence-{field_id(stage.value)}" for stage in LadderStage]
    + [f"stage-{field_id(stage.value)}" for stage in LadderStage]
    + ["cycle-preset"]
    + [f"cycle-{stage.value}" for stage in CycleStage]
)


def _on_screen(widget: Widget, form: VerticalScroll) -> bool:
    """Whether all of `widget` is painted inside the form's visible area."""
    region = widget.region
    return region.height > 0 and form.region.contains_region(region)


async def test_tab_reaches_every_field_on_screen_and_saves(
    filled: TinyRepository, clock: FixedClock
) -> None:
    app = OrganiserApp(filled, clock)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("comma")
        await pilot.pause()
        dialog = app.screen
        assert isinstance(dialog, ProfileDialog)
        form = dialog.query_one("#profile-form", VerticalScroll)
        save = dialog.query_one("#save", Button)

        visited: list[str] = []
        hidden: list[str] = []
        for _ in range(len(EVERY_FIELD) + 5):
            focused = app.focused
            assert focused is not None
            if focused is save:
                break
            visited.append(focused.id or type(focused).__name__)
            if not _on_screen(focused, form):
                hidden.append(visited[-1])
            if focused.id == "cadence-potential-leader":
                await pilot.press("end", "ctrl+u", *"25")
            if focused.id == "cycle-evaluate":
                await pilot.press("end", "ctrl+u", *"Reflect")
            # The buttons are in view wherever the form has scrolled to.
            assert save.region.height > 0 and dialog.region.contains_region(save.region)
            await pilot.press("tab")
            await pilot.pause()
        else:
            raise AssertionError(f"tab never reached Save; went through {visited}")

        assert visited == EVERY_FIELD
        assert hidden == [], f"focused but not on screen: {hidden}"
        assert "Save (ctrl+s)" in screen_text(app)
        await pilot.press("enter")  # Save has the focus
        await pilot.pause()
        await pilot.pause()

        assert not isinstance(app.screen, ProfileDialog), [
            e.message for e in app.screen.query(FieldError) if e.message
        ]
        profile = filled.profile()
        assert isinstance(profile, Profile)
        assert profile.cadence(LadderStage.POTENTIAL_LEADER) == 25
        assert profile.cadence(LadderStage.LEADER) == 14
        assert profile.cycle_name(CycleStage.EVALUATE) == "Reflect"
        assert profile.cycle_name(CycleStage.LISTEN) == "Listen"
        assert profile.organiser_name == "Jo Bloggs"
