"""The Leaders board's two small dialogs: why a person moves on the ladder, and which
upcoming training session to nominate them for."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Footer, Input, OptionList, Static
from textual.widgets.option_list import Option

from organiser.models import TrainingSession
from organiser.pipeline import is_on
from screens.widgets.field_error import FieldError

NO_REASON = "Say why: each move on the ladder records its reason."


class LadderMoveDialog(ModalScreen[str | None]):
    """Asks the reason for a move; dismisses with it (never empty), or None when cancelled."""

    BINDINGS = [
        Binding("ctrl+s", "save", "Save", id="ladder-move.save"),
        Binding("escape", "cancel", "Cancel", key_display="esc", id="ladder-move.cancel"),
    ]

    def __init__(self, question: Text, *, up: bool, reason: str = "") -> None:
        super().__init__(classes="dialog")
        self._question = question
        self._up = up
        self._reason = reason

    def compose(self) -> ComposeResult:
        with Vertical(id="ladder-move-dialog", classes="dialog-box"):
            title = "Move up the ladder" if self._up else "Move down the ladder"
            yield Static(Text(title), classes="dialog-title")
            yield Static(self._question, id="ladder-move-question")
            yield Static(Text("Why? (required)"), classes="field-label")
            yield Input(
                self._reason,
                placeholder="e.g. chaired the house meeting; brought 12 to the assembly",
                id="ladder-move-reason",
            )
            yield FieldError(id="ladder-move-reason-error")
            with Horizontal(classes="dialog-buttons"):
                yield Button("Save (ctrl+s)", id="ladder-move-save", variant="primary")
                yield Button("Cancel (esc)", id="ladder-move-cancel")
        yield Footer()

    def on_mount(self) -> None:
        self.query_one("#ladder-move-reason", Input).focus()

    @property
    def reason(self) -> str:
        return self.query_one("#ladder-move-reason", Input).value

    @on(Input.Submitted, "#ladder-move-reason")
    @on(Button.Pressed, "#ladder-move-save")
    def action_save(self) -> None:
        error = self.query_one("#ladder-move-reason-error", FieldError)
        if not self.reason.strip():
            error.show(NO_REASON)
            self.query_one("#ladder-move-reason", Input).focus()
            return
        error.show("")
        self.dismiss(self.reason.strip())

    @on(Button.Pressed, "#ladder-move-cancel")
    def action_cancel(self) -> None:
        self.dismiss(None)


def session_label(session: TrainingSession, person_id: str, when: datetime) -> Text:
    """ "Tue 01 Dec 2026 18:30  Local taster (Highfields Centre)", marked if they are on it."""
    text = Text(f"{when:%a %d %b %Y %H:%M}  ")
    text.append(session.name, style="bold")
    if session.venue:
        text.append(f"  ({session.venue})")
    if is_on(session, person_id):
        text.append("  already on it", style="italic")
    return text


class NominateDialog(ModalScreen[TrainingSession | None]):
    """Chooses one of the upcoming sessions (soonest first); None when cancelled."""

    BINDINGS = [
        Binding("enter", "choose", "Nominate", id="nominate.choose"),
        Binding("escape", "cancel", "Cancel", key_display="esc", id="nominate.cancel"),
    ]

    def __init__(
        self,
        name: str,
        person_id: str,
        sessions: Sequence[TrainingSession],
        labels: Sequence[Text],
    ) -> None:
        super().__init__(classes="dialog")
        self._person_name = name
        self._person_id = person_id
        self._sessions = {s.id: s for s in sessions}
        self._options = [Option(label, id=s.id) for s, label in zip(sessions, labels, strict=True)]

    def compose(self) -> ComposeResult:
        with Vertical(id="nominate-dialog", classes="dialog-box"):
            yield Static(Text("Nominate for training"), classes="dialog-title")
            yield Static(
                Text.assemble(
                    "Which upcoming session should ", (self._person_name, "bold"), " go on?"
                )
            )
            yield SessionList(*self._options, id="nominate-sessions")
        yield Footer()

    def on_mount(self) -> None:
        sessions = self.query_one("#nominate-sessions", OptionList)
        sessions.highlighted = 0
        sessions.focus()

    def action_choose(self) -> None:
        option = self.query_one("#nominate-sessions", OptionList).highlighted_option
        if option is not None and option.id is not None:
            self.dismiss(self._sessions[option.id])

    @on(OptionList.OptionSelected, "#nominate-sessions")
    def _clicked(self) -> None:
        self.action_choose()

    def action_cancel(self) -> None:
        self.dismiss(None)


class SessionList(OptionList, inherit_bindings=False):
    """The sessions; `enter` is the dialog's, so its footer shows "Nominate"."""

    BINDINGS = [b for b in OptionList.BINDINGS if not (isinstance(b, Binding) and b.key == "enter")]
