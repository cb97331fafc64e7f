"""Links between people: kept, backed up, reported to the person, gone when either end goes."""

from __future__ import annotations

from datetime import datetime

import pytest
from pydantic import ValidationError

from organiser.erasure import Erasure, erase
from organiser.models import LinkKind, Person, PersonLink
from organiser.removal import plan_removal, remove
from organiser.subject_access import AccessFormat, gather, render
from store.repository import TinyRepository
from tests.samples import LONDON


def three(repo: TinyRepository) -> tuple[Person, Person, Person, PersonLink, PersonLink]:
    amina, yusuf, carol = (Person(name=n) for n in ("Amina Khan", "Imam Yusuf", "Carol Evans"))
    first = PersonLink(person_id=amina.id, other_id=yusuf.id, link_kind=LinkKind.FAMILY)
    second = PersonLink(person_id=carol.id, other_id=yusuf.id, note="Same allotment")
    repo.save_all([amina, yusuf, carol, first, second])
    return amina, yusuf, carol, first, second


def test_a_person_cannot_be_linked_to_themselves() -> None:
    person = Person(name="Amina Khan")
    with pytest.raises(ValidationError, match="links a person to themselves"):
        PersonLink(person_id=person.id, other_id=person.id)


def test_either_end_of_a_link_is_its_other_end() -> None:
    a, b = Person(name="A"), Person(name="B")
    made = PersonLink(person_id=a.id, other_id=b.id)
    assert made.other_end(a.id) == b.id and made.other_end(b.id) == a.id
    assert made.joins(a.id) and made.joins(b.id) and not made.joins("0" * 32)


def test_deleting_either_person_takes_their_links_with_them(repo: TinyRepository) -> None:
    amina, yusuf, carol, first, second = three(repo)
    removal = plan_removal(repo, yusuf)
    assert removal.summary() == "Their 2 links to other people go too."
    remove(repo, removal)
    assert repo.list(PersonLink) == []
    assert {p.name for p in repo.list(Person)} == {"Amina Khan", "Carol Evans"}


def test_erasing_a_person_drops_their_links_and_keeps_others(repo: TinyRepository) -> None:
    amina, yusuf, carol, first, second = three(repo)
    erase(
        repo,
        Erasure.of(amina, datetime(2026, 11, 23, tzinfo=LONDON)),
        "Asked",
        datetime.now(LONDON),
    )
    assert [link.id for link in repo.list(PersonLink)] == [second.id]


def test_a_subject_access_report_lists_their_links(repo: TinyRepository) -> None:
    amina, yusuf, carol, first, second = three(repo)
    access = gather(repo, yusuf, datetime(2026, 11, 23, tzinfo=LONDON), LONDON)
    text = render(access, AccessFormat.MARKDOWN)
    assert "## Links to other people" in text
    assert "### Linked to Amina Khan" in text and "- **How:** family" in text
    assert "### Linked to Carol Evans" in text and "- **Note:** Same allotment" in text
