"""The text layer of vCard (RFC 2426 for 3.0, RFC 6350 for 4.0): content lines in and out.

Reading: lines are unfolded (a line starting with a space or tab continues the one before;
a quoted-printable value of a 2.1 card continues after a trailing "="), each content line is
split into its name, parameters and value, and the cards are gathered between BEGIN:VCARD and
END:VCARD with the line each starts on. Values stay escaped until a reader asks for text
(`text`), components (`parts`, for N and ADR) or a list.

Writing: values are escaped (backslash, line break, comma, semicolon) and each line is
folded at 75 octets, never inside a UTF-8 character, with CRLF line ends.
"""

from __future__ import annotations

import quopri
import re
from dataclasses import dataclass, field

_LINE_END = re.compile(r"\r\n|\r|\n")
_ESCAPED = re.compile(r"\\(.)", re.DOTALL)
#: An octet budget per physical line, the line break not counted (RFC 6350 3.2).
FOLD_AT = 75


@dataclass(frozen=True)
class Property:
    name: str
    params: dict[str, list[str]]
    value: str

    def has_type(self, wanted: str) -> bool:
        """Whether TYPE (or a bare 2.1 parameter, or PREF) says `wanted` ("cell", "pref")."""
        types = {t.casefold() for v in self.params.get("TYPE", []) for t in v.split(",")}
        if wanted == "pref" and "PREF" in self.params:
            return True
        return wanted in types

    def text(self) -> str:
        """The value as plain text: escapes undone, quoted-printable decoded."""
        return unescape(self._decoded())

    def parts(self) -> list[str]:
        """A structured value (N, ADR, ORG) split at its unescaped semicolons, as text."""
        return [unescape(part) for part in split_unescaped(self._decoded(), ";")]

    def _decoded(self) -> str:
        encoding = [e.casefold() for e in self.params.get("ENCODING", [])]
        if "quoted-printable" in encoding:
            raw = quopri.decodestring(self.value.encode("utf-8", "surrogateescape"))
            return raw.decode("utf-8", "replace")
        return self.value


@dataclass
class Card:
    line: int
    properties: list[Property] = field(default_factory=list)

    def all(self, name: str) -> list[Property]:
        return [p for p in self.properties if p.name == name]

    def first(self, name: str) -> Property | None:
        return next((p for p in self.properties if p.name == name), None)


def unescape(text: str) -> str:
    return _ESCAPED.sub(lambda m: "\n" if m.group(1) in "nN" else m.group(1), text)


def split_unescaped(text: str, separator: str) -> list[str]:
    """`text` split at each `separator` not preceded by a backslash escape."""
    if "\\" not in text:
        return text.split(separator)
    parts: list[str] = []
    current: list[str] = []
    chars = iter(text)
    for char in chars:
        if char == "\\":
            current.append(char + next(chars, ""))
        elif char == separator:
            parts.append("".join(current))
            current = []
        else:
            current.append(char)
    parts.append("".join(current))
    return parts


def unfold(text: str) -> list[tuple[int, str]]:
    """The logical lines of `text`, each with the physical line it starts on (from 1)."""
    logical: list[tuple[int, str]] = []
    for number, line in enumerate(_LINE_END.split(text), start=1):
        if logical and line[:1] in (" ", "\t"):
            start, before = logical[-1]
            logical[-1] = (start, before + line[1:])
        elif logical and _soft_break(logical[-1][1]):
            start, before = logical[-1]
            logical[-1] = (start, before[:-1] + line)
        elif line.strip():
            logical.append((number, line))
    return logical


def _soft_break(line: str) -> bool:
    head = line.split(":", 1)[0].casefold()
    return "quoted-printable" in head and line.endswith("=")


def parse_line(line: str) -> Property | None:
    """NAME;PARAM=a,b;PARAM="x:y":value, or None when there is no colon at all."""
    colon = line.find(":")
    if colon < 0:
        return None
    if '"' in line[:colon]:  # a quoted parameter value may hold a colon
        colon = _colon_outside_quotes(line)
        if colon < 0:
            return None
    head, value = line[:colon], line[colon + 1 :]
    name, *raw_params = split_unescaped(head, ";")
    params: dict[str, list[str]] = {}
    for raw in raw_params:
        key, equals, values = raw.partition("=")
        if not equals:  # vCard 2.1: TEL;CELL:…
            key, values = "TYPE", key
        params.setdefault(key.strip().upper(), []).extend(
            v.strip().strip('"') for v in values.split(",")
        )
    return Property(name.rsplit(".", 1)[-1].strip().upper(), params, value)


def _colon_outside_quotes(line: str) -> int:
    quoted = False
    for at, char in enumerate(line):
        if char == '"':
            quoted = not quoted
        elif char == ":" and not quoted:
            return at
    return -1


def read_cards(text: str) -> tuple[list[Card], list[tuple[int, str]]]:
    """The cards in `text`, and problems found (a card that never ends), by line."""
    cards: list[Card] = []
    problems: list[tuple[int, str]] = []
    card: Card | None = None
    depth = 0
    for number, line in unfold(text):
        prop = parse_line(line)
        if prop is None:
            continue
        if prop.name == "BEGIN" and prop.value.strip().upper() == "VCARD":
            if card is None:
                card = Card(number)
            depth += 1
        elif prop.name == "END" and prop.value.strip().upper() == "VCARD" and card is not None:
            depth -= 1
            if depth == 0:
                cards.append(card)
                card = None
        elif card is not None and depth == 1:
            card.properties.append(prop)
    if card is not None:
        problems.append((card.line, "This card never ends (no END:VCARD)."))
    return cards, problems


def escape(text: str) -> str:
    text = text.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,")
    return text.replace("\r\n", "\n").replace("\r", "\n").replace("\n", "\\n")


def fold(line: str) -> str:
    """One content line folded to at most 75 octets a line, CRLF after each."""
    pieces: list[str] = []
    budget = FOLD_AT
    current: list[str] = []
    used = 0
    for char in line:
        size = len(char.encode("utf-8"))
        if used + size > budget:
            pieces.append("".join(current))
            current, used, budget = [], 0, FOLD_AT - 1  # a continuation starts with a space
        current.append(char)
        used += size
    pieces.append("".join(current))
    return "\r\n ".join(pieces) + "\r\n"


def content_line(name: str, value: str, params: str = "") -> str:
    """`NAME;params:value`, folded; `value` must already be escaped."""
    return fold(f"{name}{';' + params if params else ''}:{value}")
