"""The leader pipeline board: one scrolling column of cards per ladder stage."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence

from textual import events
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from organiser.ladder import STAGES
from organiser.models import LadderStage
from organiser.pipeline import Card

LOSING_TOUCH_MARK = "● losing touch"


def card_text(card: Card) -> Content:
    """Name (and a losing-touch mark), institutions, last 1-2-1: all literal, never markup."""
    parts: list[str | tuple[str, str]] = [(card.person.name, "bold")]
    if card.losing_touch:
        parts += ["\n", (LOSING_TOUCH_MARK, "bold $text-warning")]
    parts.append("\n")
    parts.append(", ".join(card.institutions) if card.institutions else ("no institution", "dim"))
    parts.append("\n")
    if card.last_one_to_one is None:
        parts.append(("No 1-2-1 yet", "$text-muted"))
    else:
        parts.append((f"1-2-1: {card.last_one_to_one:%d %b %Y}", "$text-muted"))
    return Content.assemble(*parts)


def column_title(name: str, count: int) -> str:
    return f"{name} ({count:,})"


class LadderColumn(OptionList, inherit_bindings=False):
    """One stage's cards. Its option ids are person ids.

    `enter` is left to the screen (it opens the person), so the footer, help and palette
    show the screen's key; j and k move like down and up.
    """

    BINDINGS = [
        *(b for b in OptionList.BINDINGS if not (isinstance(b, Binding) and b.key == "enter")),
        Binding("j", "cursor_down", "Down", show=False),
        Binding("k", "cursor_up", "Up", show=False),
    ]

    def __init__(self, stage: LadderStage) -> None:
        super().__init__(id=f"ladder-{stage.value.replace('_', '-')}", classes="ladder-cards")
        self.stage = stage
        self.person_ids: list[str] = []

    def show(self, cards: Sequence[Card]) -> None:
        """Replace the cards, keeping the cursor on the same person when they are still here."""
        keep = self.current_id
        index = self.highlighted or 0
        self.person_ids = [c.person.id for c in cards]
        options: list[Option | None] = []
        for position, card in enumerate(cards):
            if position:
                options.append(None)
            options.append(Option(card_text(card), id=card.person.id))
        self.set_options(options)
        if not cards:
            return
        if keep in self.person_ids:
            self.go_to(keep)
        else:
            self.go_to_row(self.card_index(index))

    def card_index(self, option_index: int) -> int:
        """Separators sit between cards, so card n is option 2n."""
        return option_index // 2

    @property
    def current_id(self) -> str | None:
        option = self.highlighted_option
        return option.id if option is not None else None

    @property
    def current_row(self) -> int:
        """Which card (counting from 0) the cursor is on."""
        return self.card_index(self.highlighted or 0)

    def go_to(self, person_id: str) -> bool:
        if person_id not in self.person_ids:
            return False
        self.highlighted = self.get_option_index(person_id)
        return True

    def go_to_row(self, row: int) -> None:
        if self.person_ids:
            row = max(0, min(row, len(self.person_ids) - 1))
            self.highlighted = self.get_option_index(self.person_ids[row])


class LadderBoard(Horizontal):
    """The columns side by side; left and right (h and l) move between them, keeping the row."""

    BINDINGS = [
        Binding("left", "column(-1)", "Previous stage", show=False),
        Binding("right", "column(1)", "Next stage", show=False),
    ]

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._last: LadderColumn | None = None

    def compose(self) -> ComposeResult:
        for stage in STAGES:
            with Vertical(classes="ladder-column"):
                yield Static(classes="ladder-title")
                yield LadderColumn(stage)

    @property
    def columns(self) -> list[LadderColumn]:
        return list(self.query(LadderColumn))

    def column(self, stage: LadderStage) -> LadderColumn:
        return self.columns[stage.rank]

    @property
    def current_column(self) -> LadderColumn | None:
        """The focused column, or the one last focused while a filter has the focus."""
        focused = self.screen.focused
        if isinstance(focused, LadderColumn):
            self._last = focused
        return self._last

    def on_descendant_focus(self, event: events.DescendantFocus) -> None:
        if isinstance(event.widget, LadderColumn):
            self._last = event.widget

    @property
    def current_id(self) -> str | None:
        column = self.current_column
        return column.current_id if column is not None else None

    def fill(
        self,
        cards: Mapping[LadderStage, Sequence[Card]],
        name_of: Callable[[LadderStage], str],
    ) -> None:
        for column in self.columns:
            shown = cards.get(column.stage, ())
            title = column_title(name_of(column.stage), len(shown))
            assert column.parent is not None
            column.parent.query_one(".ladder-title", Static).update(Content(title))
            column.show(shown)

    def action_column(self, step: int) -> None:
        here = self.current_column
        if here is None:
            self.columns[0].focus()
            return
        index = here.stage.rank + step
        if 0 <= index < len(STAGES):
            target = self.columns[index]
            target.go_to_row(here.current_row)
            target.focus()

    def go_to(self, person_id: str) -> bool:
        """Focus the column holding `person_id`, the cursor on their card."""
        for column in self.columns:
            if column.go_to(person_id):
                column.focus()
                return True
        return False

    def focus_board(self) -> None:
        """Focus the column last used, else the first with anyone in it, else the first."""
        if self._last is not None:
            self._last.focus()
            return
        for column in self.columns:
            if column.person_ids:
                column.focus()
                return
        self.columns[0].focus()
