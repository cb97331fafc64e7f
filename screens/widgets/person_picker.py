"""Choose a person by typing part of their name, or add a new one without leaving the form."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.message import Message
from textual.widgets import Input, OptionList, Static
from textual.widgets.option_list import Option

from organiser.lookup import suggest
from organiser.models import Institution, Person
from organiser.people import institution_names

NEW = "+new"


class PersonPicker(Vertical):
    """A name box with suggestions under it as you type; the focus stays in the box.

    Up and down move through the suggestions and enter takes the one highlighted. The last
    suggestion is always "+ New person: <what was typed>", so someone met for the first time
    is added with the 1-2-1, in the same save.
    """

    BINDINGS = [
        Binding("down", "move(1)", "Next suggestion", show=False, id="picker.next"),
        Binding("up", "move(-1)", "Previous suggestion", show=False, id="picker.previous"),
    ]

    @dataclass
    class Picked(Message):
        """Someone was chosen (or a new person named): the form can move on."""

        picker: PersonPicker

    def __init__(
        self,
        people: Sequence[Person],
        institutions_by_id: Mapping[str, Institution],
        *,
        chosen: Person | None = None,
        new_name: str = "",
        id: str | None = None,
    ) -> None:
        super().__init__(id=id, classes="person-picker")
        self._people = people
        self._institutions = institutions_by_id
        self._chosen = chosen
        self._new_name = new_name.strip() if chosen is None else ""

    def compose(self) -> ComposeResult:
        yield Input(
            self._chosen.name if self._chosen else self._new_name,
            placeholder="Who did you meet? Type part of their name",
            id="person-input",
        )
        suggestions = OptionList(id="person-suggestions", compact=True)
        suggestions.can_focus = False
        yield suggestions
        yield Static(id="person-chosen", classes="hint")

    def on_mount(self) -> None:
        self._show_choice()

    # What has been chosen -------------------------------------------------------------------

    @property
    def text(self) -> str:
        return self.query_one("#person-input", Input).value

    @property
    def chosen(self) -> Person | None:
        """The person picked from the suggestions (None when none is, or a new one is named)."""
        return self._chosen

    @property
    def new_name(self) -> str:
        """The name of a new person to add, when "+ New person" was picked; else ""."""
        return self._new_name

    def focus_input(self) -> None:
        self.query_one("#person-input", Input).focus()

    def _label(self, person: Person) -> Text:
        label = Text(person.name)
        names = institution_names(person, self._institutions)
        if names:
            label.append(f"  {', '.join(names)}", style="dim")
        return label

    def _show_choice(self) -> None:
        line = self.query_one("#person-chosen", Static)
        if self._chosen is not None:
            line.update(Text.assemble("✓ ", self._label(self._chosen)))
        elif self._new_name:
            line.update(
                Text.assemble(
                    "+ New person: ",
                    (self._new_name, "bold"),
                    " (added to People when you save)",
                )
            )
        else:
            line.update("")
        self.query_one("#person-suggestions", OptionList).display = False

    # Typing and picking -------------------------------------------------------------------

    @on(Input.Changed, "#person-input")
    def _typed(self, event: Input.Changed) -> None:
        event.stop()
        text = event.value
        if self._chosen is not None and text == self._chosen.name:
            return
        if self._new_name and text.strip() == self._new_name:
            return
        self._chosen = None
        self._new_name = ""
        self.query_one("#person-chosen", Static).update("")
        suggestions = self.query_one("#person-suggestions", OptionList)
        suggestions.clear_options()
        if not text.strip():
            suggestions.display = False
            return
        options = [Option(self._label(p), id=p.id) for p in suggest(self._people, text)]
        options.append(Option(Text.assemble("+ New person: ", (text.strip(), "bold")), id=NEW))
        suggestions.add_options(options)
        suggestions.highlighted = 0
        suggestions.display = True

    def action_move(self, step: int) -> None:
        suggestions = self.query_one("#person-suggestions", OptionList)
        if not suggestions.display or not suggestions.option_count:
            return
        current = suggestions.highlighted or 0
        suggestions.highlighted = (current + step) % suggestions.option_count

    @on(Input.Submitted, "#person-input")
    def _entered(self, event: Input.Submitted) -> None:
        event.stop()
        suggestions = self.query_one("#person-suggestions", OptionList)
        option = suggestions.highlighted_option if suggestions.display else None
        if option is not None:
            self._pick(option.id)
        elif self._chosen is not None or self._new_name:
            self.post_message(self.Picked(self))

    @on(OptionList.OptionSelected, "#person-suggestions")
    def _clicked(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self._pick(event.option.id)

    def _pick(self, option_id: str | None) -> None:
        box = self.query_one("#person-input", Input)
        if option_id == NEW:
            self._chosen = None
            self._new_name = box.value.strip()
        else:
            self._chosen = next((p for p in self._people if p.id == option_id), None)
            self._new_name = ""
            if self._chosen is not None:
                box.value = self._chosen.name
        self._show_choice()
        self.post_message(self.Picked(self))
