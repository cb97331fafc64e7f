"""The Profile's keep-in-touch cadences: one box per ladder stage, days between 1-2-1s.

A blank box means the stage is not watched (contacts, by default). Each box is checked on
its own, so a mistake is shown next to the stage it is in and the others keep what was typed.
"""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.dom import DOMNode
from textual.widgets import Input, Label, Static

from organiser.models import LadderStage, Profile
from screens.widgets.field_error import FieldError

#: The longest cadence a stage may have, in days (a year).
MOST_DAYS = 365


def cadence_field(stage: LadderStage) -> str:
    """The error key of a stage's box; its widget id is the same with dashes."""
    return f"cadence_{stage.value}"


def _widget_id(stage: LadderStage) -> str:
    return cadence_field(stage).replace("_", "-")


def compose_cadences(profile: Profile) -> ComposeResult:
    """A heading, then for each stage its label, its box and the place for its error."""
    yield Static(
        Text("Keep in touch: days between 1-2-1s at each stage (blank: not watched)"),
        classes="field-label",
    )
    for stage in LadderStage:
        days = profile.cadence(stage)
        yield Label(f"{profile.stage_name(stage)}, every (days)", classes="field-label")
        yield Input(
            "" if days is None else str(days), id=_widget_id(stage), placeholder="not watched"
        )
        yield FieldError(id=f"{_widget_id(stage)}-error")


def read_days(text: str) -> int | None:
    """The days typed in one box: None when blank; ValueError with a message otherwise."""
    text = text.strip()
    if not text:
        return None
    try:
        days = int(text)
    except ValueError:
        raise ValueError("must be a whole number of days, or blank") from None
    if not 1 <= days <= MOST_DAYS:
        raise ValueError(f"must be from 1 to {MOST_DAYS} days, or blank")
    return days


def read_cadences(
    form: DOMNode,
) -> tuple[dict[LadderStage, int | None], dict[str, str]]:
    """The cadence of every stage as typed in `form`, and a message for each box that is wrong."""
    cadences: dict[LadderStage, int | None] = {}
    errors: dict[str, str] = {}
    for stage in LadderStage:
        try:
            cadences[stage] = read_days(form.query_one(f"#{_widget_id(stage)}", Input).value)
        except ValueError as error:
            errors[cadence_field(stage)] = str(error)
    return cadences, errors
