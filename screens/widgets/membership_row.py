"""One of a person's institutions, and their role there, as a row of the person dialog."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal
from textual.message import Message
from textual.widgets import Button, Input, Select

from organiser.models import Institution, Membership


def institution_options(
    institutions: Sequence[Institution], keep: str | None = None
) -> list[tuple[Text, str]]:
    """Select options for `institutions` by name; `keep` (an id no longer on the list) stays."""
    options = [(Text(i.name), i.id) for i in institutions]
    if keep is not None and keep not in {i.id for i in institutions}:
        options.append((Text("(an institution that has been deleted)"), keep))
    return options


class MembershipRow(Horizontal):
    """An institution picked from the repository's institutions, a role typed beside it."""

    BINDINGS = [
        Binding("ctrl+r", "remove", "Remove institution", id="membership.remove"),
    ]

    @dataclass
    class RemoveRequested(Message):
        row: MembershipRow

    def __init__(
        self, institutions: Sequence[Institution], membership: Membership | None = None
    ) -> None:
        super().__init__(classes="membership-row")
        self._institutions = institutions
        self._membership = membership
        # Kept here as well as in the Select, which only knows its value once mounted.
        self._chosen = membership.institution_id if membership else None

    def compose(self) -> ComposeResult:
        chosen = self._chosen
        yield Select(
            institution_options(self._institutions, chosen),
            prompt="Choose an institution",
            value=chosen if chosen is not None else Select.NULL,
            classes="membership-institution",
            compact=True,
        )
        yield Input(
            self._membership.role if self._membership else "",
            placeholder="Their role there, e.g. parent governor",
            classes="membership-role",
            compact=True,
        )
        yield Button("Remove", classes="membership-remove", compact=True)

    @property
    def institution_id(self) -> str | None:
        return self._chosen

    @on(Select.Changed)
    def _chosen_changed(self, event: Select.Changed) -> None:
        event.stop()
        self._chosen = event.value if isinstance(event.value, str) else None

    @property
    def role(self) -> str:
        return self.query_one(Input).value

    @property
    def is_blank(self) -> bool:
        return self.institution_id is None and not self.role.strip()

    def focus_institution(self) -> None:
        self.query_one(Select).focus()

    @on(Button.Pressed, ".membership-remove")
    def _remove_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self.action_remove()

    def action_remove(self) -> None:
        self.post_message(self.RemoveRequested(self))
