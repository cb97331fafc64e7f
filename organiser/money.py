"""Money as organisers type it and read it: pounds on screen, whole pence in the records.

`parse_pounds` reads "£1,234.50", "1234.5", "1,234" or "300" and gives pence; `format_pounds`
writes pence back as "£1,234.50", always with the pence, so every amount on screen lines up
and reads back to the same number. Nothing goes through floating point.

Every mistake raises ValueError with a message to show next to the field, written to follow
the field's name ("Annual dues: an amount cannot be negative").
"""

from __future__ import annotations

import re

#: One million pounds, in pence: the most one amount (a year's dues, a grant) can be.
#: Anything above it is surely a slip of the finger.
MAX_PENCE = 1_000_000 * 100

_EXAMPLES = "try £1,250.00, 1250.5 or 300"
# Digits are spelt out: `\d` would let in Arabic-Indic and other digits int() accepts.
_PLAIN = re.compile(r"(?P<pounds>[0-9]*)(?:\.(?P<pence>[0-9]*))?")
_GROUPED = re.compile(r"(?P<pounds>[0-9]{1,3}(?:,[0-9]{3})+)(?:\.(?P<pence>[0-9]*))?")
_EXPONENT = re.compile(r"[0-9.,]*[0-9][eE][+-]?[0-9]+")
_WORDS_FOR_NOTHING = {"nan", "inf", "infinity", "-inf", "+inf", "-infinity", "+infinity"}


def _quote(text: str) -> str:
    shown = " ".join(text.split())
    if len(shown) > 30:
        shown = shown[:29] + "…"
    return f"“{shown}”"


def parse_pounds(text: str) -> int:
    """The amount `text` names, in pence.

    A pound sign, spaces around it and commas between thousands are allowed; at most two
    decimal places. Raises ValueError, saying what to type instead, for anything else:
    nothing typed, a negative amount, a fraction of a penny, words, NaN or infinity,
    exponents ("1e9") and amounts over £1,000,000.
    """
    cleaned = text.strip()
    if not cleaned:
        raise ValueError(f"type an amount in pounds ({_EXAMPLES})")
    if len(cleaned) > 40:
        raise ValueError(f"{_quote(text)} is too long to be an amount ({_EXAMPLES})")
    body = cleaned
    negative = False
    for _ in range(2):  # "-£5" and "£-5" are both negative
        if body[:1] in ("-", "−"):
            negative = True
            body = body[1:].strip()
        elif body[:1] == "£":
            body = body[1:].strip()
    if body.casefold() in _WORDS_FOR_NOTHING:
        raise ValueError(f"{_quote(text)} is not an amount in pounds ({_EXAMPLES})")
    if _EXPONENT.fullmatch(body):
        raise ValueError(
            f"{_quote(text)} is in exponent notation: write the amount in full (1000000, not 1e6)"
        )
    match = _PLAIN.fullmatch(body) or _GROUPED.fullmatch(body)
    if match is None or not (match["pounds"] or match["pence"]):
        if "," in body and re.fullmatch(r"[0-9,]+(?:\.[0-9]*)?", body):
            raise ValueError(
                f"{_quote(text)} has a comma in the wrong place: commas only separate "
                "thousands (1,250.00); pence go after a full stop"
            )
        raise ValueError(f"{_quote(text)} is not an amount in pounds ({_EXAMPLES})")
    if negative:
        raise ValueError("an amount cannot be negative")
    pounds_text = match["pounds"].replace(",", "") or "0"
    pence_text = match["pence"] or ""
    if len(pence_text) > 2:
        raise ValueError(
            f"{_quote(text)} has more than two decimal places: amounts go to the penny, like 12.34"
        )
    pence = int(pounds_text) * 100 + int(pence_text.ljust(2, "0"))
    if pence > MAX_PENCE:
        raise ValueError(
            f"{_quote(text)} is more than {format_pounds(MAX_PENCE)}, the most one amount "
            "can be: check for a slip"
        )
    return pence


def format_pounds(pence: int) -> str:
    """ "£1,234.50": pounds with commas between thousands, and always the pence."""
    sign = "-" if pence < 0 else ""
    pounds, rest = divmod(abs(pence), 100)
    return f"{sign}£{pounds:,}.{rest:02d}"
