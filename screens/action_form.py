"""What the action and meeting dialogs share: reading numbers and showing problems by fields."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from pydantic import ValidationError
from textual.screen import Screen

from organiser.validation import field_messages
from screens.widgets.field_error import FieldError


def parse_count(text: str, *, optional: bool = False) -> int | None:
    """A whole number of people as typed ("1,200" too); blank is 0, or None when optional."""
    cleaned = text.strip().replace(",", "")
    if not cleaned:
        return None if optional else 0
    if not cleaned.isdigit():
        raise ValueError("must be a whole number, such as 40")
    return int(cleaned)


def model_errors(
    error: ValidationError, fields: Mapping[str, tuple[str, str]], errors: dict[str, str]
) -> None:
    """Add the model's complaints to `errors`, each worded with its field's label."""
    for field, message in field_messages(error).items():
        label = fields[field][1] if field in fields else field
        errors.setdefault(field, f"{label} {message}")


def show_errors(
    screen: Screen[Any], fields: Mapping[str, tuple[str, str]], errors: dict[str, str]
) -> None:
    """Each message under its field (cleared where all is well); focus the first wrong one."""
    by_widget: dict[str, list[str]] = {}
    for field, message in errors.items():
        if field in fields:
            by_widget.setdefault(fields[field][0], []).append(message)
    for widget_id in dict.fromkeys(w for w, _ in fields.values()):
        screen.query_one(f"#{widget_id}-error", FieldError).show(
            "; ".join(by_widget.get(widget_id, []))
        )
    elsewhere = [message for field, message in errors.items() if field not in fields]
    if elsewhere:
        screen.notify("; ".join(elsewhere), title="Not saved", severity="error", markup=False)
    first = next((f for f in fields if f in errors), None)
    if first is not None:
        widget = screen.query_one(f"#{fields[first][0]}")
        if widget.focusable:
            widget.focus()
