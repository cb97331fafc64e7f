"""Turn pydantic's validation errors into messages a person can act on, keyed by field."""

from __future__ import annotations

from pydantic import ValidationError

_PLAIN = {
    "missing": "is required",
    "string_too_short": "cannot be empty",
    "greater_than_equal": "is too small",
    "less_than_equal": "is too large",
    "int_type": "must be a whole number",
    "int_parsing": "must be a whole number",
    "float_parsing": "must be a number",
    "date_from_datetime_parsing": "is not a date (try 2026-12-01)",
    "date_parsing": "is not a date (try 2026-12-01)",
    "datetime_parsing": "is not a date and time (try 2026-12-01 14:30)",
    "timezone_aware": "needs a time zone",
    "enum": "is not one of the choices",
    "too_long": "has too many entries",
    "extra_forbidden": "is not a field this record has",
}


def _number(value: object) -> str:
    return f"{value:,g}" if isinstance(value, int | float) else str(value)


def field_messages(error: ValidationError) -> dict[str, str]:
    """{field: message}, the first problem for each top-level field."""
    messages: dict[str, str] = {}
    for problem in error.errors(include_url=False):
        location = problem.get("loc", ())
        field = str(location[0]) if location else ""
        if field in messages:
            continue
        kind = problem.get("type", "")
        text = str(problem.get("msg", "is not valid"))
        if kind == "value_error":
            text = text.removeprefix("Value error, ")
        elif kind in _PLAIN:
            text = _PLAIN[kind]
        bounds = problem.get("ctx", {})
        if kind == "less_than_equal" and "le" in bounds:
            text = f"must be at most {_number(bounds['le'])}"
        if kind == "greater_than_equal" and "ge" in bounds:
            text = f"must be at least {_number(bounds['ge'])}"
        messages[field] = text
    return messages


def describe(error: ValidationError) -> str:
    """One line for a notification: "Name cannot be empty; Email is not an email address"."""
    return "; ".join(
        f"{field.replace('_', ' ').capitalize()} {message}".strip()
        for field, message in field_messages(error).items()
    )
