"""The rows of a CSV file, each with the line it starts on, as a spreadsheet would number them.

Commas, semicolons (European Excel) or tabs are told apart from the heading row. Quoted cells
may hold the separator and line breaks; Windows line endings are read like any other.
Rows that are blank, or hold nothing but separators, are passed over. A row whose quoting is
broken is reported with its line and the rest of the file is still read.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from dataclasses import dataclass

SEPARATORS = (",", ";", "\t")
#: A single cell larger than this is not a contact detail.
CELL_MAX = 1_000_000


@dataclass(frozen=True)
class Row:
    line: int
    cells: tuple[str, ...]


@dataclass(frozen=True)
class BadRow:
    line: int
    message: str


def separator_of(text: str) -> str:
    """The separator the heading row uses most (outside quotes); a comma if none."""
    heading = _first_line(text)
    counts = dict.fromkeys(SEPARATORS, 0)
    quoted = False
    for char in heading:
        if char == '"':
            quoted = not quoted
        elif not quoted and char in counts:
            counts[char] += 1
    best = max(SEPARATORS, key=lambda s: counts[s])
    return best if counts[best] else ","


def _first_line(text: str) -> str:
    for line in text.splitlines():
        if line.strip():
            return line
    return ""


def read_rows(text: str) -> Iterator[Row | BadRow]:
    """Every non-blank row of `text` (the heading row first), in order."""
    csv.field_size_limit(CELL_MAX)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=separator_of(text), strict=True)
    ended = 0  # the physical line the previous row ended on
    while True:
        try:
            cells = next(reader)
        except StopIteration:
            return
        except csv.Error as error:
            yield BadRow(ended + 1, f"Cannot be read as CSV ({_plain(error)}).")
            ended = reader.line_num
            continue
        start, ended = ended + 1, reader.line_num
        stripped = tuple(cell.strip() for cell in cells)
        if any(stripped):
            yield Row(start, stripped)


def _plain(error: csv.Error) -> str:
    text = str(error)
    if "field larger" in text:
        return "a cell is far too long"
    if "unexpected end of data" in text or "EOF" in text:
        return "a quotation mark is never closed"
    if "expected" in text and "after" in text:
        return "text follows a closing quotation mark"
    return text
