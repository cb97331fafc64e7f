"""The cycle's stage names in the Profile, by keyboard: a preset, free renaming, a clash
refused next to the field; then the stored profile, and the campaigns list using the names."""

from __future__ import annotations

from organiser.clock import FixedClock
from organiser.cycle_presets import CITIZENS_UK, LISTEN_RESEARCH
from organiser.models import Campaign, CycleStage
from screens.app import OrganiserApp
from screens.campaign_detail import CampaignDetailScreen
from screens.campaigns_screen import CampaignsScreen
from screens.profile_dialog import ProfileDialog
from screens.widgets.field_error import FieldError
from store.repository import TinyRepository
from tests.ui.conftest import SIZE, has_id, screen_text, tab_to, wait_for_screen
from tests.ui.test_campaigns import choose_in_select

C = CycleStage


def errors(app: OrganiserApp) -> dict[str, str]:
    return {e.id or "": e.message for e in app.screen.query(FieldError) if e.message}


async def test_choose_citizens_uks_names_and_see_them_on_campaigns(
    filled: TinyRepository, clock: FixedClock
) -> None:
    campaign = filled.save(Campaign(name="Fair rents", stage=C.RESEARCH))
    app = OrganiserApp(filled, clock)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("comma")
        await wait_for_screen(pilot, ProfileDialog)
        await choose_in_select(pilot, "cycle-preset", 1)  # Citizens UK
        assert app.screen.query_one("#cycle-research").value == "Listen"  # type: ignore[attr-defined]
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert not isinstance(app.screen, ProfileDialog), errors(app)
        profile = filled.profile()
        assert profile is not None
        assert profile.cycle_names == dict(CITIZENS_UK.names)
        stored = filled.get(Campaign, campaign.id)
        assert stored is not None and stored.stage is C.RESEARCH  # the key is untouched

        await pilot.press("c")
        await wait_for_screen(pilot, CampaignsScreen)
        await pilot.pause(0.1)
        assert "Listen" in screen_text(app)
        await pilot.press("enter")
        await wait_for_screen(pilot, CampaignDetailScreen)
        text = screen_text(app)
        assert "Organise" in text and "Negotiate" in text and "Evaluate" not in text


async def test_rename_one_stage_and_a_clash_is_refused_next_to_the_field(
    filled: TinyRepository, clock: FixedClock
) -> None:
    before = filled.profile()
    app = OrganiserApp(filled, clock)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("comma")
        await wait_for_screen(pilot, ProfileDialog)
        await tab_to(pilot, has_id("cycle-evaluate"))
        await pilot.press("end", "ctrl+u", *"Plan")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, ProfileDialog)
        assert "names two stages" in errors(app)["cycle-names-error"]
        assert filled.profile() == before  # nothing saved

        await tab_to(pilot, has_id("cycle-evaluate"))
        await pilot.press("end", "ctrl+u", *"Reflect and celebrate")
        await pilot.pause()
        chooser = app.screen.query_one("#cycle-preset")
        assert chooser.value == -1  # type: ignore[attr-defined]  # "Your own names"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert not isinstance(app.screen, ProfileDialog), errors(app)
        profile = filled.profile()
        assert profile is not None
        assert profile.cycle_name(C.EVALUATE) == "Reflect and celebrate"
        assert profile.cycle_name(C.LISTEN) == LISTEN_RESEARCH.names[C.LISTEN]
