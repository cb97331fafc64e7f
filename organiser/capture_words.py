"""Quick capture's words: a line split at spaces with quoted parts kept whole, and lengths
such as `40m` and `1h30` read into minutes. See organiser/capture.py for the grammar."""

from __future__ import annotations

import re
from dataclasses import dataclass

_LENGTH = re.compile(
    r"(?:([0-9]+)h(?:rs?|ours?)?)?(?:([0-9]+)(?:m|mins?|minutes?)?)?", re.IGNORECASE
)
_QUOTES = {'"': '"', "“": "”"}


@dataclass(frozen=True)
class Word:
    text: str
    #: The text before the first quote, where a key, `@`, `#` or a length is recognised.
    head: str
    quoted: bool


def shorten(text: str, limit: int = 30) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def split_words(line: str, problems: list[str]) -> list[Word]:
    """The line split into words, quoted parts kept whole; one pass, so any length is quick."""
    words: list[Word] = []
    i, size = 0, len(line)
    while i < size:
        if line[i].isspace():
            i += 1
            continue
        text: list[str] = []
        head: str | None = None
        while i < size and not line[i].isspace():
            char = line[i]
            if char not in _QUOTES:
                text.append(char)
                i += 1
                continue
            if head is None:
                head = "".join(text)
            closer, start = _QUOTES[char], i
            i += 1
            while i < size and line[i] != closer and not (closer == "”" and line[i] == '"'):
                if line[i] == "\\" and i + 1 < size and line[i + 1] in '"\\”':
                    i += 1
                text.append(line[i])
                i += 1
            if i >= size:
                problems.append(
                    f"A quote is not closed: add {closer} after “{shorten(line[start + 1 :])}”."
                )
                break
            i += 1
        joined = "".join(text)
        words.append(Word(joined, joined if head is None else head, head is not None))
    return words


def length_minutes(text: str) -> int | None:
    """Minutes from `40m`, `1h`, `1h30`; None when `text` is not a length."""
    match = _LENGTH.fullmatch(text)
    if not match or not (match[1] or match[2]) or text.isdigit():
        return None
    hours, minutes = match[1] or "0", match[2] or "0"
    if len(hours) > 3 or len(minutes) > 5:
        return 100_000  # too long; the check on the 1-2-1 says by how much
    return int(hours) * 60 + int(minutes)
