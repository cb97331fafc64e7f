"""Links on a person's page, and the routes to a decision-maker from the power map, by keyboard."""

from __future__ import annotations

from organiser.clock import FixedClock
from organiser.models import Campaign, LinkKind, Person, PersonLink, PowerMapEntry
from screens.app import OrganiserApp
from screens.confirm import ConfirmDialog
from screens.person_detail import PersonDetailScreen
from screens.person_links import ChooseLinkDialog, LinkDialog
from screens.power_screen import PowerMapScreen
from screens.routes_screen import EntryPersonDialog, RoutesScreen
from store.repository import TinyRepository
from tests.ui.conftest import SIZE, has_id, screen_text, tab_to, wait_for_screen


def named(repo: TinyRepository, name: str) -> Person:
    return next(p for p in repo.list(Person) if p.name == name)


def pairs(repo: TinyRepository) -> set[tuple[frozenset[str], LinkKind, str]]:
    names = {p.id: p.name for p in repo.list(Person)}
    return {
        (frozenset((names[k.person_id], names[k.other_id])), k.link_kind, k.note)
        for k in repo.list(PersonLink)
    }


async def test_links_are_added_and_removed_on_a_persons_page(
    filled: TinyRepository, clock: FixedClock
) -> None:
    bilal = named(filled, "Bilal Hussain")
    app = OrganiserApp(filled, clock)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await pilot.pause()
        app.push_screen(PersonDetailScreen(filled, clock, bilal))
        await wait_for_screen(pilot, PersonDetailScreen)
        assert "No links yet: k links them to someone they know" in screen_text(app)

        # Someone on record, picked by part of their name, with a note.
        await pilot.press("k")
        await wait_for_screen(pilot, LinkDialog)
        await pilot.press(*"amina", "enter")
        await tab_to(pilot, has_id("link-note"))
        await pilot.press(*"Met at the Eid party")
        await pilot.press("ctrl+s")
        await wait_for_screen(pilot, PersonDetailScreen)
        assert pairs(filled) == {
            (frozenset({"Bilal Hussain", "Amina Khan"}), LinkKind.KNOWS, "Met at the Eid party")
        }
        assert "Amina Khan: knows (Met at the Eid party)" in screen_text(app)

        # The same person twice is refused next to the field, and nothing is saved.
        await pilot.press("k")
        await wait_for_screen(pilot, LinkDialog)
        await pilot.press(*"amina", "enter", "ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, LinkDialog)
        assert "Bilal Hussain is already linked to Amina Khan." in screen_text(app)
        await pilot.press("escape")
        await wait_for_screen(pilot, PersonDetailScreen)
        assert len(filled.list(PersonLink)) == 1

        # Someone not yet on record is added with the link, in one save.
        await pilot.press("k")
        await wait_for_screen(pilot, LinkDialog)
        await pilot.press(*"Imam Yusuf", "enter", "ctrl+s")
        await wait_for_screen(pilot, PersonDetailScreen)
        assert named(filled, "Imam Yusuf").ladder_stage.value == "contact"
        assert len(filled.list(PersonLink)) == 2
        assert "Links (2)" in screen_text(app)

        # K removes one, chosen from their links, asked first.
        await pilot.press("K")
        await wait_for_screen(pilot, ChooseLinkDialog)
        await pilot.press("enter")  # Amina Khan comes first
        await wait_for_screen(pilot, ConfirmDialog)
        await pilot.press("y")
        await wait_for_screen(pilot, PersonDetailScreen)
        assert pairs(filled) == {(frozenset({"Bilal Hussain", "Imam Yusuf"}), LinkKind.KNOWS, "")}
        assert {p.name for p in filled.list(Person)} >= {"Amina Khan", "Imam Yusuf"}
        assert "Links (1)" in screen_text(app)


async def test_routes_to_a_decision_maker_from_the_power_map(
    filled: TinyRepository, clock: FixedClock
) -> None:
    amina, bilal = named(filled, "Amina Khan"), named(filled, "Bilal Hussain")
    filled.save(PersonLink(person_id=amina.id, other_id=bilal.id, link_kind=LinkKind.FAMILY))
    campaign = filled.save(Campaign(name="Safe homes"))
    filled.save(
        PowerMapEntry(
            campaign_id=campaign.id, name="Cllr Patel", role="Housing", is_decision_maker=True
        )
    )
    app = OrganiserApp(filled, clock)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await pilot.pause()
        app.push_screen(PowerMapScreen(filled, clock, campaign))
        await wait_for_screen(pilot, PowerMapScreen)
        await pilot.press("r")
        await wait_for_screen(pilot, RoutesScreen)
        assert "0 of 1 decision-makers can be reached" in screen_text(app)
        assert "press p to link the entry to a person" in screen_text(app)

        # p puts the decision-maker on record (their name is offered as a new person).
        await pilot.press("p")
        await wait_for_screen(pilot, EntryPersonDialog)
        await pilot.press("ctrl+s")
        await wait_for_screen(pilot, RoutesScreen)
        patel = named(filled, "Cllr Patel")
        [entry] = filled.list(PowerMapEntry)
        assert entry.person_id == patel.id
        assert "No route to Cllr Patel within 4 steps" in screen_text(app)

        # Bilal knows him: linked from Bilal's page, the route appears.
        await pilot.press("escape")
        await wait_for_screen(pilot, PowerMapScreen)
        app.push_screen(PersonDetailScreen(filled, clock, bilal))
        await wait_for_screen(pilot, PersonDetailScreen)
        await pilot.press("k")
        await wait_for_screen(pilot, LinkDialog)
        await pilot.press(*"cllr pat", "enter", "ctrl+s")
        await wait_for_screen(pilot, PersonDetailScreen)
        assert (frozenset({"Bilal Hussain", "Cllr Patel"}), LinkKind.KNOWS, "") in pairs(filled)
        await pilot.press("escape")
        await wait_for_screen(pilot, PowerMapScreen)
        await pilot.press("r")
        await wait_for_screen(pilot, RoutesScreen)
        text = screen_text(app)
        assert "1 of 1 decision-makers can be reached" in text
        assert "1. Amina Khan → (family) Bilal Hussain → (knows) Cllr Patel" in text
