"""The two dialogs of an erasure: what will happen and why (said to be final before anything
runs), then each mention of the person in notes, one at a time, to replace or keep."""

from __future__ import annotations

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Footer, Input, Label, Static

from organiser.erasure import Erasure, ErasurePlan, reason_problem
from organiser.mentions import ERASED, Mention, MentionKey
from screens.widgets.field_error import FieldError

FINAL = (
    "This is final. Their record, contact details, consents and notes are erased, and so are "
    "their name, email and phone wherever notes mention them (you check each mention next). "
    "The database's journal and every daily backup are rewritten without them, so they "
    "cannot be brought back, not even from a backup, and u (undo) cannot bring them back."
)
ELSEWHERE = (
    "Files you exported before (diary files, reviews, subject access exports) are not "
    "changed: delete those yourself. A diary file kept up to date is rewritten."
)


class ErasureDialog(ModalScreen[str | None]):
    """Says what erasing the person does, and asks why; dismisses with the reason, or None."""

    CSS_PATH = "data_protection.tcss"
    BINDINGS = [
        Binding("ctrl+s", "go_on", "Continue", id="erase.continue"),
        Binding("escape", "cancel", "Cancel", id="erase.cancel"),
    ]

    def __init__(self, name: str, plan: ErasurePlan, reason: str = "") -> None:
        super().__init__(classes="dialog")
        self._person_name = name
        self._plan = plan
        self._reason = reason

    def compose(self) -> ComposeResult:
        summary = self._plan.summary()
        with Vertical(id="erasure-dialog", classes="dialog-box"):
            yield Static(
                Text.assemble("Erase ", (self._person_name, "bold"), " completely?"),
                classes="dialog-title",
            )
            yield Static(Text(FINAL, style="bold"), id="erasure-final")
            if summary:
                yield Static(Text(summary), id="erasure-summary")
            yield Static(Text(ELSEWHERE, style="italic"), id="erasure-elsewhere")
            yield Label(
                "Why are they erased? (The audit trail keeps when and why, never who.)",
                classes="field-label",
            )
            yield Input(
                self._reason,
                id="erasure-reason",
                placeholder="e.g. Asked to be forgotten",
            )
            yield FieldError(id="erasure-reason-error")
            with Horizontal(classes="dialog-buttons"):
                yield Button("Continue (ctrl+s)", variant="error", id="erasure-go-on")
                yield Button("Cancel (esc)", id="erasure-cancel")
        yield Footer()

    def on_mount(self) -> None:
        self.query_one("#erasure-reason", Input).focus()

    @on(Input.Submitted)
    @on(Button.Pressed, "#erasure-go-on")
    def action_go_on(self) -> None:
        reason = self.query_one("#erasure-reason", Input).value
        problem = reason_problem(self._plan.erasure, reason)
        self.query_one("#erasure-reason-error", FieldError).show(problem or "")
        if problem:
            self.query_one("#erasure-reason", Input).focus()
            return
        self.dismiss(reason.strip())

    @on(Button.Pressed, "#erasure-cancel")
    def action_cancel(self) -> None:
        self.dismiss(None)


def in_context(mention: Mention) -> Text:
    """The text around a mention, the mention itself picked out."""
    before, found, after = mention.context()
    return Text.assemble(before, (found, "bold reverse"), after)


class MentionReview(ModalScreen[frozenset[MentionKey] | None]):
    """Each mention in turn: `r` replaces it with "[erased]", `s` keeps it (it is about
    someone else). Dismisses with the mentions kept once every one is decided, or None
    when the organiser stops (then nothing is erased)."""

    CSS_PATH = "data_protection.tcss"
    BINDINGS = [
        Binding("r", "replace", "Replace", id="mention.replace"),
        Binding("s", "skip", "Keep (not them)", id="mention.skip"),
        Binding("A", "replace_rest", "Replace all the rest", id="mention.replace-rest"),
        Binding("b", "back", "Back", id="mention.back"),
        Binding("escape", "stop", "Stop", id="mention.stop"),
    ]

    def __init__(self, erasure: Erasure, mentions: list[Mention]) -> None:
        super().__init__(classes="dialog")
        self._erasure = erasure
        self._mentions = mentions
        self._kept: dict[MentionKey, bool] = {}
        self._index = 0

    def compose(self) -> ComposeResult:
        with Vertical(id="mention-dialog", classes="dialog-box"):
            yield Static(id="mention-title", classes="dialog-title")
            yield Static(id="mention-where")
            yield Static(id="mention-text")
            yield Static(id="mention-decided", classes="hint")
            with Horizontal(classes="dialog-buttons"):
                yield Button(
                    Text(f"Replace with {ERASED} (r)"), variant="error", id="mention-replace"
                )
                yield Button("Keep: not them (s)", id="mention-skip")
        yield Footer()

    def on_mount(self) -> None:
        self._show()

    @property
    def current(self) -> Mention:
        return self._mentions[self._index]

    def _show(self) -> None:
        mention = self.current
        count = len(self._mentions)
        self.query_one("#mention-title", Static).update(
            Text(f"Mention {self._index + 1} of {count}: “{mention.found}”. Replace it?")
        )
        self.query_one("#mention-where", Static).update(Text(f"In: {mention.where}", "italic"))
        self.query_one("#mention-text", Static).update(in_context(mention))
        decided = self._kept.get(mention.key)
        note = "" if decided is None else ("You kept this one." if decided else "Replaced.")
        self.query_one("#mention-decided", Static).update(Text(note))

    def _decide(self, keep: bool) -> None:
        self._kept[self.current.key] = keep
        if self._index + 1 < len(self._mentions):
            self._index += 1
            self._show()
        else:
            self.dismiss(frozenset(key for key, kept in self._kept.items() if kept))

    @on(Button.Pressed, "#mention-replace")
    def action_replace(self) -> None:
        self._decide(keep=False)

    @on(Button.Pressed, "#mention-skip")
    def action_skip(self) -> None:
        self._decide(keep=True)

    def action_replace_rest(self) -> None:
        for mention in self._mentions[self._index :]:
            self._kept.setdefault(mention.key, False)
        self.dismiss(frozenset(key for key, kept in self._kept.items() if kept))

    def action_back(self) -> None:
        if self._index > 0:
            self._index -= 1
            self._show()

    def action_stop(self) -> None:
        self.dismiss(None)
