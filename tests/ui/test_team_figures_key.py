"""T on Supervision (and the palette's "Team figures") says how the team's figures are opened:
an organiser's login reads no one else's, so only a supervisor's login shows them."""

from __future__ import annotations

from organiser.clock import FixedClock
from organiser.models import SupervisionReview
from screens.app import OrganiserApp
from screens.supervision_screen import SupervisionScreen
from store.repository import TinyRepository
from tests.ui.conftest import SIZE, notices, wait_for_screen, wait_for_today


async def test_t_on_supervision_says_how_to_open_the_team_figures(
    filled: TinyRepository, clock: FixedClock
) -> None:
    reviews = filled.list(SupervisionReview)
    app = OrganiserApp(filled, clock)
    async with app.run_test(size=SIZE) as pilot:
        await wait_for_today(pilot)
        await pilot.press("S")
        await wait_for_screen(pilot, SupervisionScreen)
        bindings = {b.id: b for b in SupervisionScreen.BINDINGS if hasattr(b, "id")}
        assert bindings["supervision.team"].key == "T"  # type: ignore[union-attr]
        await pilot.press("T")
        await pilot.pause()
        said = " ".join(notices(app))
        assert "supervisor's login opens the team database" in said
        assert "add-supervisor" in said
        assert isinstance(app.screen, SupervisionScreen)
    assert filled.list(SupervisionReview) == reviews
