"""Finding the person an imported row or card is about: by email, then phone, then name.

Each person on record is indexed once under three keys, so matching a 10,000-row file is a
dictionary look-up per row rather than a scan of everyone:

- email, ignoring case and surrounding spaces;
- phone, as its digits alone, with a UK international prefix (+44, 0044, with or without
  "(0)") read as the leading 0, so "+44 7700 900123" and "07700 900123" are the same number;
  fewer than six digits never match;
- name, ignoring case, accents and spacing ("Wójcik" and "wojcik" are the same) — but a name
  alone never matches someone whose email or phone on record differs from the row's, since
  two people can share a name.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from organiser.models import Institution, Person
from organiser.people import fold

_NOT_DIGIT = re.compile(r"\D")


def email_key(email: str) -> str:
    return email.strip().casefold()


def phone_key(phone: str) -> str:
    """The digits of a phone number, national form for UK numbers; "" when too short."""
    digits = _NOT_DIGIT.sub("", phone)
    if phone.strip().startswith("+") and digits.startswith("44"):
        digits = digits[2:]
    elif digits.startswith("0044"):
        digits = digits[4:]
    else:
        return digits if len(digits) >= 6 else ""
    digits = digits if digits.startswith("0") else "0" + digits  # "+44 (0)7700 …" too
    return digits if len(digits) >= 6 else ""


def name_key(name: str) -> str:
    return " ".join(fold(name).split())


@dataclass(frozen=True)
class Match:
    """Who a row matches and by what: "email", "phone" or "name" (no one: an empty tuple)."""

    people: tuple[Person, ...]
    by: str = ""


class PeopleIndex:
    """People by their three keys; kept up to date as a plan adds and changes people."""

    def __init__(self, people: Iterable[Person]) -> None:
        self._people: dict[str, Person] = {}
        self._keys: tuple[dict[str, list[str]], ...] = (
            defaultdict(list),
            defaultdict(list),
            defaultdict(list),
        )
        for person in people:
            self.put(person)

    def get(self, person_id: str) -> Person | None:
        return self._people.get(person_id)

    @staticmethod
    def _keys_of(person: Person) -> tuple[str, str, str]:
        return email_key(person.email), phone_key(person.phone), name_key(person.name)

    def put(self, person: Person) -> None:
        """Add `person`, or replace the version of them held before."""
        old = self._people.get(person.id)
        if old is not None:
            for index, key in zip(self._keys, self._keys_of(old), strict=True):
                if key:
                    index[key].remove(old.id)
        self._people[person.id] = person
        for index, key in zip(self._keys, self._keys_of(person), strict=True):
            if key:
                index[key].append(person.id)

    def _found(self, index: dict[str, list[str]], key: str) -> list[Person]:
        return [self._people[i] for i in index.get(key, ())] if key else []

    def match(self, email: str, phone: str, name: str) -> Match:
        by_email, by_phone, by_name = self._keys
        found = self._found(by_email, email_key(email))
        if found:
            return Match(tuple(found), "email")
        found = self._found(by_phone, phone_key(phone))
        if found:
            return Match(tuple(found), "phone")
        wanted_email, wanted_phone = email_key(email), phone_key(phone)
        found = [
            person
            for person in self._found(by_name, name_key(name))
            if not (wanted_email and person.email and email_key(person.email) != wanted_email)
            and not (wanted_phone and phone_key(person.phone) not in ("", wanted_phone))
        ]
        return Match(tuple(found), "name" if found else "")


class InstitutionFinder:
    """A known institution by its name (ignoring case and accents) or its tag (`#stmarys`)."""

    def __init__(self, institutions: Iterable[Institution]) -> None:
        self._by_name: dict[str, Institution] = {}
        self._by_tag: dict[str, Institution] = {}
        for institution in institutions:
            self._by_name.setdefault(name_key(institution.name), institution)
            if institution.tag:
                self._by_tag.setdefault(name_key(institution.tag.lstrip("#")), institution)

    def find(self, text: str) -> Institution | None:
        key = name_key(text)
        if not key:
            return None
        return self._by_name.get(key) or self._by_tag.get(key.lstrip("#"))
