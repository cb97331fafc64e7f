"""Pounds typed and shown: what is read, what is refused and why, and that nothing drifts."""

from __future__ import annotations

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from organiser.money import MAX_PENCE, format_pounds, parse_pounds


@pytest.mark.parametrize(
    ("typed", "pence"),
    [
        ("£1,234.50", 123450),
        ("1234.5", 123450),
        ("1,234", 123400),
        ("300", 30000),
        ("£300.00", 30000),
        (" £ 12.05 ", 1205),
        ("0", 0),
        ("0.01", 1),
        (".5", 50),
        ("5.", 500),
        ("£1,000,000", MAX_PENCE),
        ("250,000.00", 25000000),
    ],
)
def test_amounts_organisers_type(typed: str, pence: int) -> None:
    assert parse_pounds(typed) == pence


@pytest.mark.parametrize(
    ("typed", "says"),
    [
        ("", "type an amount in pounds"),
        ("   ", "type an amount in pounds"),
        ("-5", "cannot be negative"),
        ("-£5", "cannot be negative"),
        ("£-5.00", "cannot be negative"),
        ("−5", "cannot be negative"),  # a typographic minus sign
        ("12.345", "more than two decimal places"),
        ("£1,000.005", "more than two decimal places"),
        ("a lot", "is not an amount in pounds"),
        ("NaN", "is not an amount in pounds"),
        ("nan", "is not an amount in pounds"),
        ("inf", "is not an amount in pounds"),
        ("-Infinity", "is not an amount in pounds"),
        ("1e9", "exponent"),
        ("1.5E3", "exponent"),
        ("£", "is not an amount in pounds"),
        (".", "is not an amount in pounds"),
        ("1,23", "comma in the wrong place"),
        ("12,34.50", "comma in the wrong place"),
        ("1.234,50", "is not an amount in pounds"),
        ("1 234", "is not an amount in pounds"),
        ("٣٠٠", "is not an amount in pounds"),  # Arabic-Indic digits, which int() reads
        ("1000000.01", "more than £1,000,000.00"),
        ("99999999999999999999", "more than £1,000,000.00"),
        ("1" * 500, "too long"),
        ("50p", "is not an amount in pounds"),
        ("$5", "is not an amount in pounds"),
    ],
)
def test_what_is_refused_says_why(typed: str, says: str) -> None:
    with pytest.raises(ValueError, match=re.escape(says)):
        parse_pounds(typed)


def test_amounts_are_shown_with_pence_and_thousands() -> None:
    assert format_pounds(123450) == "£1,234.50"
    assert format_pounds(30000) == "£300.00"
    assert format_pounds(0) == "£0.00"
    assert format_pounds(7) == "£0.07"
    assert format_pounds(MAX_PENCE) == "£1,000,000.00"
    assert format_pounds(-150) == "-£1.50"


@given(st.text())
def test_any_text_either_reads_or_raises_value_error(text: str) -> None:
    try:
        pence = parse_pounds(text)
    except ValueError:
        return
    assert 0 <= pence <= MAX_PENCE


@given(st.from_regex(r"\A[-£0-9.,eE ]{0,14}\Z"))
def test_text_that_looks_like_money_reads_or_raises_value_error(text: str) -> None:
    try:
        pence = parse_pounds(text)
    except ValueError:
        return
    assert 0 <= pence <= MAX_PENCE


@given(st.integers(min_value=0, max_value=MAX_PENCE))
def test_what_is_shown_reads_back_as_the_same_amount(pence: int) -> None:
    assert parse_pounds(format_pounds(pence)) == pence


@given(st.integers(min_value=0, max_value=MAX_PENCE))
def test_plain_figures_read_back_too(pence: int) -> None:
    pounds, rest = divmod(pence, 100)
    assert parse_pounds(f"{pounds}.{rest:02d}") == pence
    assert parse_pounds(f"£{pounds:,}.{rest:02d}") == pence
