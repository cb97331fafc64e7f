"""A name and a postal address, kept as free text, split into the parts other programs ask for.

    split_name("Amina Bibi Khan")   # ("Amina Bibi", "Khan")

    split_address("12 High St\\nFlat 2\\nLeicester\\nLE1 1AA")
    # Address(lines=("12 High St", "Flat 2", "Leicester"), postcode="LE1 1AA")

The postcode is taken only when a line is a UK postcode and nothing else; every other line is
kept in order, so joining the parts again gives the address back.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_POSTCODE = re.compile(r"^[A-Z]{1,2}[0-9][A-Z0-9]? ?[0-9][A-Z]{2}$", re.IGNORECASE)


@dataclass(frozen=True)
class Address:
    lines: tuple[str, ...]
    postcode: str = ""

    def line(self, at: int) -> str:
        return self.lines[at] if at < len(self.lines) else ""

    def rest(self, start: int, between: str = ", ") -> str:
        """Lines from `start` on, joined: for a last address field that takes the remainder."""
        return between.join(self.lines[start:])


def split_address(text: str) -> Address:
    lines = [" ".join(line.split()) for line in text.splitlines()]
    lines = [line for line in lines if line]
    for at in range(len(lines) - 1, -1, -1):
        if _POSTCODE.match(lines[at]):
            postcode = lines.pop(at)
            return Address(tuple(lines), postcode.upper())
    return Address(tuple(lines))


def split_name(name: str) -> tuple[str, str]:
    """(first, last): the last word is the last name; one word is a first name alone."""
    words = name.split()
    if len(words) < 2:
        return name.strip(), ""
    return " ".join(words[:-1]), words[-1]
