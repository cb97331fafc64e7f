"""Rules for text that people type: what is refused, what is quietly cleaned.

Single-line fields (names, phone numbers, places) refuse control characters, terminal
escape sequences, bidirectional overrides and line breaks, so nothing typed can repaint
the terminal or disguise a name. Multi-line notes keep newlines and tabs and have every
other such character stripped. Lone surrogates, which cannot be written as UTF-8, are
refused in names and replaced in notes.
"""

from __future__ import annotations

import re
import unicodedata

# Bidirectional embeddings, overrides and isolates can make text display in a different
# order from how it is stored ("Trojan Source"); left- and right-to-left marks are harmless.
_BIDI_CONTROLS = frozenset("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")
_LINE_BREAKS = frozenset("\n\r\u2028\u2029\x0b\x0c\x85")
_ESCAPE_SEQUENCE = re.compile(
    r"\x1b(\[[0-?]*[ -/]*[@-~]|\][^\x07\x1b]*(\x07|\x1b\\)?|.)?", re.DOTALL
)

NAME_MAX = 200
LINE_MAX = 500
NOTES_MAX = 100_000


def _is_unsafe(char: str) -> bool:
    if char in _BIDI_CONTROLS:
        return True
    category = unicodedata.category(char)
    return category in ("Cc", "Cs")


def unsafe_characters(text: str) -> list[str]:
    """The characters in `text` that a single-line field refuses, described for a person."""
    if text.isprintable():  # C speed; everything refused below is unprintable
        return []
    found: list[str] = []
    for char in text:
        if char in _LINE_BREAKS:
            label = "a line break"
        elif char == "\x1b":
            label = "a terminal escape (ESC)"
        elif _is_unsafe(char):
            label = f"an invisible control character (U+{ord(char):04X})"
        else:
            continue
        if label not in found:
            found.append(label)
    return found


def check_single_line(text: str) -> str:
    """Return `text` trimmed, or raise ValueError naming what is wrong with it."""
    bad = unsafe_characters(text)
    if bad:
        raise ValueError(f"cannot contain {', '.join(bad)}")
    return text.strip()


# Anything clean_notes might have to remove: most notes contain none of it.
_NOTES_SUSPECT = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\ud800-\udfff\u202a-\u202e\u2066-\u2069]")


def clean_notes(text: str) -> str:
    """Notes keep their line breaks; escapes, control characters and lone surrogates go."""
    if not _NOTES_SUSPECT.search(text):
        return text.strip()
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = _ESCAPE_SEQUENCE.sub("", text)
    kept = []
    for char in text:
        if char in ("\n", "\t"):
            kept.append(char)
        elif unicodedata.category(char) == "Cs":
            kept.append("\ufffd")
        elif not _is_unsafe(char):
            kept.append(char)
    return "".join(kept).strip()


def terminal_safe(text: str) -> str:
    """Text made safe to print to a terminal: every control character shown as `?`."""
    return "".join("?" if _is_unsafe(c) and c not in "\n\t" else c for c in text)


def day_count(count: int) -> str:
    """ "1 day", "0 days", "21 days": a count of days as a person would write it."""
    return f"{count} day" if count == 1 else f"{count} days"


#: How a place typed by the organiser may already begin ("by phone", "on Zoom", "online").
_ALREADY_SAID = ("at ", "by ", "on ", "in ", "over ", "via ", "online")


def where(place: str) -> str:
    """ "at the food bank"; "by phone" and "on Zoom" as they are, not "at by phone"."""
    return place if place.lower().startswith(_ALREADY_SAID) else f"at {place}"
