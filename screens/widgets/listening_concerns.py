"""Choose a conversation's concerns from the campaign's growing list, or add new ones as typed."""

from __future__ import annotations

from collections.abc import Sequence

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.widgets import Input, OptionList, Static
from textual.widgets.option_list import Option

from organiser.listening import matching_concerns
from organiser.lookup import fold
from organiser.models import ListeningCampaign

NEW = "+new"


class ConcernPicker(Vertical):
    """A box with the campaign's matching concerns under it as you type.

    Up and down move through the suggestions; enter takes the one highlighted (the last is
    always "+ New concern: <what was typed>"). Chosen concerns are listed under the box;
    ctrl+r takes the last one off again.
    """

    BINDINGS = [
        Binding("down", "move(1)", "Next suggestion", show=False, id="concerns.next"),
        Binding("up", "move(-1)", "Previous suggestion", show=False, id="concerns.previous"),
        Binding("ctrl+r", "remove_last", "Remove concern", id="concerns.remove"),
    ]

    def __init__(
        self, campaign: ListeningCampaign, chosen: Sequence[str] = (), *, id: str | None = None
    ) -> None:
        super().__init__(id=id, classes="concern-picker")
        self._campaign = campaign
        self._chosen = list(chosen)
        self._suggested: list[str] = []

    def compose(self) -> ComposeResult:
        yield Input(placeholder="Type a concern; enter adds it", id="concern-input")
        suggestions = OptionList(id="concern-suggestions", compact=True)
        suggestions.can_focus = False
        suggestions.display = False
        yield suggestions
        yield Static(id="concerns-chosen")

    def on_mount(self) -> None:
        self._show_chosen()

    @property
    def box(self) -> Input:
        return self.query_one("#concern-input", Input)

    @property
    def chosen(self) -> list[str]:
        """The concerns chosen, with whatever is still typed in the box (typing is never lost)."""
        pending = self.box.value.strip()
        return self._with(pending) if pending else list(self._chosen)

    def _with(self, concern: str) -> list[str]:
        known = {fold(c).strip() for c in self._chosen}
        return self._chosen if fold(concern).strip() in known else [*self._chosen, concern]

    def reset(self, campaign: ListeningCampaign) -> None:
        """Empty, for the next conversation; `campaign` may have grown its list of concerns."""
        self._campaign = campaign
        self._chosen = []
        self.box.value = ""
        self._show_chosen()

    def _show_chosen(self) -> None:
        line = self.query_one("#concerns-chosen", Static)
        if not self._chosen:
            line.update(Text("No concerns chosen yet.", style="dim"))
            return
        text = Text("Chosen: ", style="bold")
        text.append(" · ".join(self._chosen), style="not bold")
        text.append("   (ctrl+r takes the last off)", style="dim")
        line.update(text)

    @on(Input.Changed, "#concern-input")
    def _typed(self, event: Input.Changed) -> None:
        event.stop()
        text = event.value.strip()
        suggestions = self.query_one("#concern-suggestions", OptionList)
        suggestions.clear_options()
        if not text:
            suggestions.display = False
            return
        found = matching_concerns(self._campaign, text)
        found.sort(key=lambda c: fold(c).strip() != fold(text))  # an exact match first
        options = [Option(Text(c), id=str(n)) for n, c in enumerate(found)]
        self._suggested = found
        if not any(fold(c).strip() == fold(text) for c in found):
            options.append(Option(Text.assemble("+ New concern: ", (text, "bold")), id=NEW))
        suggestions.add_options(options)
        suggestions.highlighted = 0
        suggestions.display = True

    def action_move(self, step: int) -> None:
        suggestions = self.query_one("#concern-suggestions", OptionList)
        if not suggestions.display or not suggestions.option_count:
            return
        current = suggestions.highlighted or 0
        suggestions.highlighted = (current + step) % suggestions.option_count

    def action_remove_last(self) -> None:
        if self._chosen:
            self._chosen.pop()
            self._show_chosen()

    @on(Input.Submitted, "#concern-input")
    def _entered(self, event: Input.Submitted) -> None:
        text = event.value.strip()
        if not text:
            return  # let the form move on
        event.stop()
        suggestions = self.query_one("#concern-suggestions", OptionList)
        option = suggestions.highlighted_option if suggestions.display else None
        self._take(option.id if option else NEW)

    @on(OptionList.OptionSelected, "#concern-suggestions")
    def _clicked(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self._take(event.option.id)

    def _take(self, option_id: str | None) -> None:
        typed = self.box.value.strip()
        if option_id is None or option_id == NEW:
            concern = typed
        else:
            concern = self._suggested[int(option_id)]
        if concern:
            self._chosen = self._with(concern)
        self.box.value = ""
        self._show_chosen()
        self.box.focus()
