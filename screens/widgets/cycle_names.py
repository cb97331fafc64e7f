"""The Profile's names for the cycle of action's stages: a preset (a tradition's names) or
the organiser's own, one box per stage, each labelled with the role it keeps.

Choosing a preset fills the boxes; typing in a box makes the choice "Your own names" (or
the preset the names match). The rules are organiser/cycle_presets.py.
"""

from __future__ import annotations

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widgets import Input, Label, Select, Static

from organiser.cycle_presets import PRESETS, ROLES, preset_of
from organiser.models import CycleStage, Profile
from screens.widgets.field_error import FieldError

#: The Select's value for names that are no preset's.
OWN = -1


def _box_id(stage: CycleStage) -> str:
    return f"cycle-{stage.value}"


class CycleNamesField(Vertical):
    """Dismissed with the dialog; `names` is what is typed now."""

    DEFAULT_CSS = """
    CycleNamesField { height: auto; }
    """

    def __init__(self, profile: Profile, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._profile = profile

    def compose(self) -> ComposeResult:
        profile = self._profile
        yield Static(
            Text("Names of the cycle's stages (each keeps its role, so history stays right)"),
            classes="field-label",
        )
        chosen = preset_of({s: profile.cycle_name(s) for s in CycleStage})
        options = [(p.label, n) for n, p in enumerate(PRESETS)] + [("Your own names", OWN)]
        yield Select(
            options,
            value=OWN if chosen is None else PRESETS.index(chosen),
            allow_blank=False,
            id="cycle-preset",
        )
        for number, stage in enumerate(CycleStage, start=1):
            yield Label(f"Stage {number} ({ROLES[stage]})", classes="field-label")
            yield Input(profile.cycle_name(stage), id=_box_id(stage), placeholder=stage.value)
        yield FieldError(id="cycle-names-error")

    @property
    def names(self) -> dict[CycleStage, str]:
        return {s: self.query_one(f"#{_box_id(s)}", Input).value for s in CycleStage}

    @on(Select.Changed, "#cycle-preset")
    def _preset_chosen(self, event: Select.Changed) -> None:
        if not isinstance(event.value, int) or event.value == OWN:
            return
        for stage, name in PRESETS[event.value].names.items():
            box = self.query_one(f"#{_box_id(stage)}", Input)
            if box.value != name:
                box.value = name

    @on(Input.Changed)
    def _renamed(self, event: Input.Changed) -> None:
        matching = preset_of(self.names)
        wanted = OWN if matching is None else PRESETS.index(matching)
        chooser = self.query_one("#cycle-preset", Select)
        if chooser.value != wanted:
            with self.prevent(Select.Changed):
                chooser.value = wanted
