"""What `TinyRepository.search` looks in: per kind, every record's search fields casefolded
and joined into one string, so a search is a few `str.find` calls over prepared text rather
than a join and casefold of every note each time.

An index is made on the first search of a kind and dropped when a change touches that
kind (the repository says so); it is also made again if the stored table is not the one
it was made from, or holds a different number of documents.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterator, Mapping
from typing import Any

#: Between two records' text: no word typed in a search can contain it.
SEPARATOR = "\x00"


class KindIndex:
    """One kind's documents, in table order, and their text end to end."""

    __slots__ = ("docs", "ends", "size", "starts", "table", "text")

    def __init__(self, table: Mapping[str, Mapping[str, Any]], fields: tuple[str, ...]) -> None:
        self.table = table
        self.size = len(table)
        self.docs = list(table.values())
        texts = [
            " ".join(str(doc.get(field, "")) for field in fields).casefold() for doc in self.docs
        ]
        self.starts: list[int] = []
        self.ends: list[int] = []
        at = 0
        for text in texts:
            self.starts.append(at)
            at += len(text)
            self.ends.append(at)
            at += len(SEPARATOR)
        self.text = SEPARATOR.join(texts)

    def fits(self, table: Mapping[str, Mapping[str, Any]]) -> bool:
        return table is self.table and len(table) == self.size

    def matching(self, words: list[str]) -> Iterator[Mapping[str, Any]]:
        """The documents whose text holds every one of `words`, in table order."""
        words = SEPARATOR.join(words).replace(SEPARATOR, " ").split()
        if not words:
            yield from self.docs
            return
        first, rest = words[0], words[1:]
        text, starts, ends, docs = self.text, self.starts, self.ends, self.docs
        find, last = text.find, len(starts) - 1
        at = find(first)
        while at >= 0:
            n = bisect_right(starts, at) - 1
            if not rest:  # one word, the usual search: found where it was found
                yield docs[n]
            else:
                own = text[starts[n] : ends[n]]
                if all(word in own for word in rest):
                    yield docs[n]
            if n >= last:
                return
            at = find(first, starts[n + 1])


class SearchIndex:
    """An index per kind, made when first needed."""

    def __init__(self) -> None:
        self._kinds: dict[str, KindIndex] = {}

    def matching(
        self,
        kind: str,
        fields: tuple[str, ...],
        table: Mapping[str, Mapping[str, Any]],
        words: list[str],
    ) -> Iterator[Mapping[str, Any]]:
        index = self._kinds.get(kind)
        if index is None or not index.fits(table):
            index = self._kinds[kind] = KindIndex(table, fields)
        return index.matching(words)

    def forget(self, kind: str) -> None:
        """A change touched `kind`: its index is made again on the next search."""
        self._kinds.pop(kind, None)
