"""A listening campaign's conversations: date, institution, who, concerns and the story."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from rich.text import Text
from textual.binding import Binding
from textual.widgets import DataTable

from organiser.models import Conversation, Institution, Person

STORY_WIDTH = 34


def who_text(conversation: Conversation, people: Mapping[str, Person]) -> str:
    if conversation.person_id is not None:
        person = people.get(conversation.person_id)
        return person.name if person else "(someone no longer on record)"
    return conversation.who or "anonymous"


def short(text: str, width: int) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= width else flat[: width - 1] + "…"


class ConversationTable(DataTable[Text], inherit_bindings=False):
    """Shows the conversations it is given, in that order; leaves `enter` to its screen."""

    BINDINGS = [
        binding
        for binding in DataTable.BINDINGS
        if not (isinstance(binding, Binding) and binding.key == "enter")
    ]

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id, cursor_type="row", zebra_stripes=True)
        self._shown: list[str] = []

    def on_mount(self) -> None:
        self.add_column("Date", width=11, key="date")
        self.add_column("Institution", width=18, key="institution")
        self.add_column("Who", width=18, key="who")
        self.add_column("Concerns", width=26, key="concerns")
        self.add_column("Story", width=STORY_WIDTH, key="story")

    def show(
        self,
        conversations: Sequence[Conversation],
        institutions: Mapping[str, Institution],
        people: Mapping[str, Person],
    ) -> None:
        keep = self.current_id
        self.clear()
        for talk in conversations:
            place = institutions.get(talk.institution_id or "")
            cells = [
                Text(f"{talk.on.day} {talk.on:%b %Y}"),
                Text(place.name if place else ""),
                Text(who_text(talk, people)),
                Text(", ".join(talk.concerns)),
                Text(short(talk.story, STORY_WIDTH)),
            ]
            for cell in cells:
                cell.no_wrap = True
                cell.overflow = "ellipsis"
            self.add_row(*cells, key=talk.id)
        self._shown = [c.id for c in conversations]
        if keep in self._shown:
            self.move_cursor(row=self._shown.index(keep), animate=False)

    @property
    def current_id(self) -> str | None:
        if not self._shown or not 0 <= self.cursor_row < len(self._shown):
            return None
        return self._shown[self.cursor_row]
