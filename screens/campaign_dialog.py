"""Add or edit a campaign: its issue, who is behind it, and the plan.

The dialog only gathers and validates; it dismisses with a valid Campaign (or None) and the
flow that opened it saves. Each problem is shown next to its field, in words. The stage is
not edited here: the campaign's own screen moves it on round the cycle.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import Any

from pydantic import ValidationError
from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import (
    Button,
    Footer,
    Input,
    Label,
    Select,
    SelectionList,
    Static,
    TextArea,
)
from textual.widgets.selection_list import Selection

from organiser.campaigns import STANCE_LABELS, in_map_order
from organiser.dates import format_day, parse_day
from organiser.models import (
    Campaign,
    Institution,
    ListeningCampaign,
    Person,
    PowerMapEntry,
)
from organiser.validation import field_messages
from screens.confirm import ask_to_discard
from screens.widgets.field_error import FieldError

#: Each field the dialog edits: the widget (and its error line) and how messages begin.
FIELDS: dict[str, tuple[str, str]] = {
    "name": ("name", "Name"),
    "problem": ("problem", "Broad problem"),
    "issue": ("issue", "Specific issue"),
    "listening_campaign_ids": ("listening", "Listening campaigns"),
    "institution_ids": ("institutions", "Institutions"),
    "leader_ids": ("leaders", "Leaders"),
    "goal": ("goal", "Goal"),
    "target_decision_maker_id": ("target", "Target decision-maker"),
    "tactic": ("tactic", "Tactic"),
    "action_date": ("action-date", "Action date"),
    "turnout_target": ("turnout", "Turnout target"),
    "lessons": ("lessons", "Lessons"),
}
AREAS = ("problem", "issue", "goal", "tactic", "lessons")
LISTS = ("listening", "institutions", "leaders")


def parse_count(text: str) -> int:
    """A whole number as typed ("1,200" too); empty is 0."""
    cleaned = text.strip().replace(",", "")
    if not cleaned:
        return 0
    if not cleaned.isdigit():
        raise ValueError(f"type a whole number, like 80 (not {text.strip()!r})")
    return int(cleaned)


class CampaignDialog(ModalScreen[Campaign | None]):
    """Dismisses with the campaign as typed, validated, not yet saved; None when cancelled."""

    BINDINGS = [
        Binding("ctrl+s", "save", "Save", id="campaign.save"),
        Binding("escape", "cancel", "Cancel", id="campaign.cancel"),
    ]

    def __init__(
        self,
        campaign: Campaign | None,
        *,
        listening: Sequence[ListeningCampaign],
        institutions: Sequence[Institution],
        leaders: Sequence[Person],
        power_map: Sequence[PowerMapEntry],
        today: date,
        draft: Campaign | None = None,
    ) -> None:
        """Edit `campaign` (None: a new one), filled from `draft` when given: what was typed
        before a save that failed. The target is chosen from `power_map` (this campaign's)."""
        super().__init__(classes="dialog")
        self._editing = campaign
        self._campaign = draft or campaign
        self._listening = sorted(listening, key=lambda c: c.name.casefold())
        self._institutions = sorted(institutions, key=lambda i: i.name.casefold())
        self._leaders = list(leaders)
        self._power_map = in_map_order(power_map)
        self._today = today
        self._start: tuple[object, ...] = ()

    def _title(self) -> Text:
        if self._editing is None or not self._editing.is_saved:
            return Text("New campaign")
        return Text.assemble("Edit ", (self._editing.name, "bold"))

    def _choices(self, items: Sequence[Any], chosen: Sequence[str]) -> list[Selection[str]]:
        return [Selection(Text(i.name), i.id, i.id in chosen) for i in items]

    def _list(self, widget_id: str, items: Sequence[Any], chosen: list[str], empty: str) -> Any:
        if items:
            return SelectionList[str](*self._choices(items, chosen), id=widget_id)
        return Static(Text(empty), id=widget_id, classes="hint")

    def _target_options(self) -> list[tuple[Text, str]]:
        options = []
        for entry in self._power_map:
            mark = " (decision-maker)" if entry.is_decision_maker else ""
            label = Text.assemble(
                entry.name, (f"{mark}, {STANCE_LABELS[entry.stance].lower()}", "dim")
            )
            options.append((label, entry.id))
        return options

    def compose(self) -> ComposeResult:
        start = self._campaign
        known = {e.id for e in self._power_map}
        target = start.target_decision_maker_id if start else None
        with Vertical(id="campaign-dialog", classes="dialog-box"):
            yield Static(self._title(), classes="dialog-title")
            with VerticalScroll(id="campaign-form"):
                yield Label("Name", classes="field-label")
                yield Input(
                    start.name if start else "", id="name", placeholder="e.g. Safe homes on Ash St"
                )
                yield FieldError(id="name-error")
                yield Label("Broad problem", classes="field-label")
                yield TextArea(start.problem if start else "", id="problem")
                yield FieldError(id="problem-error")
                yield Label("Specific, winnable issue", classes="field-label")
                yield TextArea(start.issue if start else "", id="issue")
                yield FieldError(id="issue-error")
                yield Label("Listening campaigns behind it (space ticks)", classes="field-label")
                yield self._list(
                    "listening",
                    self._listening,
                    start.listening_campaign_ids if start else [],
                    "No listening campaigns yet.",
                )
                yield FieldError(id="listening-error")
                yield Label("Institutions (space ticks)", classes="field-label")
                yield self._list(
                    "institutions",
                    self._institutions,
                    start.institution_ids if start else [],
                    "No institutions on record yet.",
                )
                yield FieldError(id="institutions-error")
                yield Label("Leaders (space ticks)", classes="field-label")
                yield self._list(
                    "leaders",
                    self._leaders,
                    start.leader_ids if start else [],
                    "No one on record yet to choose as a leader.",
                )
                yield FieldError(id="leaders-error")
                yield Static(Text("The plan"), classes="section-heading")
                yield Label("Winnable goal", classes="field-label")
                yield TextArea(start.goal if start else "", id="goal")
                yield FieldError(id="goal-error")
                yield Label("Target decision-maker (from the power map)", classes="field-label")
                if self._power_map:
                    yield Select(
                        self._target_options(),
                        value=target if target in known else Select.NULL,
                        prompt="No target yet",
                        id="target",
                    )
                else:
                    yield Static(
                        Text("No one on the power map yet: add them there (p on the campaign)."),
                        id="target",
                        classes="hint",
                    )
                yield FieldError(id="target-error")
                yield Label("Tactic", classes="field-label")
                yield TextArea(start.tactic if start else "", id="tactic")
                yield FieldError(id="tactic-error")
                with Horizontal(classes="field-pair"):
                    with Vertical():
                        yield Label("Action date", classes="field-label")
                        yield Input(
                            format_day(start.action_date) if start and start.action_date else "",
                            id="action-date",
                            placeholder="e.g. 12 Mar 2027",
                        )
                        yield FieldError(id="action-date-error")
                    with Vertical():
                        yield Label("Turnout target", classes="field-label")
                        yield Input(
                            str(start.turnout_target) if start and start.turnout_target else "",
                            id="turnout",
                            placeholder="e.g. 150",
                        )
                        yield FieldError(id="turnout-error")
                yield Label("Lessons learned", classes="field-label")
                yield TextArea(start.lessons if start else "", id="lessons")
                yield FieldError(id="lessons-error")
            with Horizontal(classes="dialog-buttons"):
                yield Button("Save (ctrl+s)", variant="primary", id="save")
                yield Button("Cancel (esc)", id="cancel")
        yield Footer()

    def on_mount(self) -> None:
        self._start = self._snapshot()
        self.query_one("#name", Input).focus()

    # Reading the form ------------------------------------------------------------------

    def _input(self, widget_id: str) -> str:
        return self.query_one(f"#{widget_id}", Input).value

    def _text(self, widget_id: str) -> str:
        return self.query_one(f"#{widget_id}", TextArea).text

    def _ticked(self, widget_id: str, items: Sequence[Any]) -> list[str]:
        chosen = {
            v
            for found in self.query(f"#{widget_id}").results(SelectionList)
            for v in found.selected
        }
        return [i.id for i in items if i.id in chosen]

    def _target(self) -> str | None:
        for select in self.query("#target").results(Select):
            value = select.value
            return value if isinstance(value, str) else None
        return None

    def _snapshot(self) -> tuple[object, ...]:
        return (
            self._input("name"),
            self._input("action-date"),
            self._input("turnout"),
            *(self._text(a) for a in AREAS),
            tuple(self._ticked("listening", self._listening)),
            tuple(self._ticked("institutions", self._institutions)),
            tuple(self._ticked("leaders", self._leaders)),
            self._target(),
        )

    @property
    def has_changes(self) -> bool:
        return self._snapshot() != self._start

    def _kept(self, chosen: list[str], field: str, shown: Sequence[Any]) -> list[str]:
        """Ids chosen here, plus any the record held that this form could not show."""
        held = getattr(self._campaign, field) if self._campaign else []
        on_show = {i.id for i in shown}
        return [*chosen, *(i for i in held if i not in on_show)]

    def build(self) -> tuple[Campaign | None, dict[str, str]]:
        """The campaign as typed, or None and {field: message} for what must change."""
        errors: dict[str, str] = {}
        data: dict[str, Any] = self._campaign.model_dump() if self._campaign else {}
        day_text = self._input("action-date")
        action_date: date | None = None
        if day_text.strip():
            try:
                action_date = parse_day(day_text, self._today)
            except ValueError as error:
                errors["action_date"] = f"Action date: {error}"
        turnout = 0
        try:
            turnout = parse_count(self._input("turnout"))
        except ValueError as error:
            errors["turnout_target"] = f"Turnout target: {error}"
        data.update(
            name=self._input("name"),
            **{area: self._text(area) for area in AREAS},
            listening_campaign_ids=self._kept(
                self._ticked("listening", self._listening),
                "listening_campaign_ids",
                self._listening,
            ),
            institution_ids=self._kept(
                self._ticked("institutions", self._institutions),
                "institution_ids",
                self._institutions,
            ),
            leader_ids=self._kept(
                self._ticked("leaders", self._leaders), "leader_ids", self._leaders
            ),
            target_decision_maker_id=self._target(),
            action_date=action_date,
            turnout_target=turnout,
        )
        try:
            campaign = Campaign.model_validate(data)
        except ValidationError as error:
            for field, message in field_messages(error).items():
                label = FIELDS[field][1] if field in FIELDS else field
                errors.setdefault(field, f"{label} {message}")
            return None, errors
        return (None, errors) if errors else (campaign, {})

    def _show_errors(self, errors: dict[str, str]) -> None:
        by_widget: dict[str, list[str]] = {}
        for field, message in errors.items():
            if field in FIELDS:
                by_widget.setdefault(FIELDS[field][0], []).append(message)
        for widget_id in dict.fromkeys(w for w, _ in FIELDS.values()):
            self.query_one(f"#{widget_id}-error", FieldError).show(
                "; ".join(by_widget.get(widget_id, []))
            )
        elsewhere = [message for field, message in errors.items() if field not in FIELDS]
        if elsewhere:
            self.notify("; ".join(elsewhere), title="Not saved", severity="error", markup=False)
        first = next((f for f in FIELDS if f in errors), None)
        if first is not None:
            widget = self.query_one(f"#{FIELDS[first][0]}")
            if widget.focusable:
                widget.focus()

    # Actions -------------------------------------------------------------------------------

    @on(Button.Pressed, "#save")
    def action_save(self) -> None:
        campaign, errors = self.build()
        self._show_errors(errors)
        if campaign is not None:
            self.dismiss(campaign)

    def _discard(self) -> None:
        self.dismiss(None)

    @on(Button.Pressed, "#cancel")
    def action_cancel(self) -> None:
        if self.has_changes:
            ask_to_discard(self, self._discard)
        else:
            self.dismiss(None)
