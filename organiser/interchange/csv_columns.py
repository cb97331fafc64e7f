"""Which column of a people CSV holds what, recognised from its heading.

Headings are compared without case, accents, spaces or punctuation, so "First Name",
"first_name" and "FIRSTNAME" are one heading. Recognised are the usual headings of:

- CiviCRM contact exports: Display Name, First Name, Middle Name, Last Name, Email, Phone,
  Street Address, Supplemental Address 1-3, City, County, State, Postal Code, Country,
  Current Employer, Job Title, Note(s), Contact Type;
- Action Network: first_name, last_name, email, zip_code, can2_phone, can2_user_address,
  can2_user_city, can2_state_abbreviated, can2_country;
- NationBuilder: first_name, middle_name, last_name, email, phone_number, mobile_number,
  work_phone_number, primary_address1-3, primary_city, primary_state, primary_zip,
  primary_country, employer, occupation, note;
- Google Contacts: Name, Given Name, Family Name, E-mail 1 - Value, Phone 1 - Value,
  Address 1 - Formatted, Organization 1 - Name, Organization 1 - Title, Notes;
- a plain list: Name, Email, Phone, Address, Organisation, Role, Notes; and this program's
  own export (`csv_export`).

When several columns give the same field the first non-empty one wins, in the order listed
for it below (a mobile number before a landline). First, middle and last names are joined
when there is no whole-name column; address parts are joined one to a line.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from organiser.people import fold

#: What each field is called in the preview.
FIELD_LABELS = {
    "name": "name",
    "first": "first name",
    "middle": "middle name",
    "last": "last name",
    "email": "email",
    "phone": "phone",
    "address": "address",
    "institution": "institution",
    "role": "role",
    "notes": "notes",
    "contact_type": "contact type",
}

# field: headings in the order they are preferred.
_HEADINGS: dict[str, tuple[str, ...]] = {
    "name": ("name", "fullname", "displayname", "contactname", "contact"),
    "first": ("firstname", "first", "givenname", "forename", "forenames"),
    "middle": ("middlename", "middlenames"),
    "last": ("lastname", "last", "surname", "familyname"),
    "email": (
        "email",
        "emailaddress",
        "emailprimary",
        "primaryemail",
        "email1",
        "workemail",
        "email2",
        "otheremail",
        "email1value",
    ),
    "phone": (
        "mobile",
        "mobilenumber",
        "mobilephone",
        "mobilephonenumber",
        "cell",
        "cellphone",
        "phone",
        "phonenumber",
        "telephone",
        "telephonenumber",
        "tel",
        "phoneprimary",
        "can2phone",
        "phone1value",
        "homephone",
        "homephonenumber",
        "workphone",
        "workphonenumber",
    ),
    "address": (
        "address",
        "address1formatted",
        "streetaddress",
        "address1",
        "addressline1",
        "street",
        "primaryaddress1",
        "can2useraddress",
        "addressaddress1",
        "supplementaladdress1",
        "address2",
        "addressline2",
        "primaryaddress2",
        "addressaddress2",
        "supplementaladdress2",
        "supplementaladdress3",
        "address3",
        "addressline3",
        "primaryaddress3",
        "city",
        "town",
        "towncity",
        "primarycity",
        "can2usercity",
        "addresscity",
        "county",
        "state",
        "region",
        "stateprovince",
        "primarystate",
        "can2stateabbreviated",
        "postalcode",
        "postcode",
        "zip",
        "zipcode",
        "postalzip",
        "primaryzip",
        "addresszip",
        "country",
        "primarycountry",
        "can2country",
    ),
    "institution": (
        "institution",
        "organisation",
        "organization",
        "currentemployer",
        "employer",
        "organisationname",
        "organizationname",
        "company",
        "companyname",
        "memberof",
        "organization1name",
    ),
    "role": ("role", "jobtitle", "position", "occupation", "organization1title"),
    "notes": ("notes", "note", "comments", "comment"),
    "contact_type": ("contacttype",),
}

#: heading (normalised): (field, preference).
HEADINGS: dict[str, tuple[str, int]] = {
    heading: (name, rank)
    for name, headings in _HEADINGS.items()
    for rank, heading in enumerate(headings)
}

_NOT_ALPHANUMERIC = re.compile(r"[^0-9a-z]")


def normalise(heading: str) -> str:
    """ "First Name", "first_name", "FIRST-NAME" all become "firstname"."""
    return _NOT_ALPHANUMERIC.sub("", fold(heading).replace("(s)", "s"))


@dataclass(frozen=True)
class ColumnMap:
    """For each field, the columns that give it, best first."""

    headings: tuple[str, ...]
    fields: dict[str, tuple[int, ...]]

    @property
    def described(self) -> tuple[tuple[str, str], ...]:
        """(heading, what it becomes) for every column, as the preview shows them."""
        used = {column: name for name, columns in self.fields.items() for column in columns}
        return tuple(
            (heading or f"(column {at + 1})", FIELD_LABELS.get(used.get(at, ""), "not used"))
            for at, heading in enumerate(self.headings)
        )

    @property
    def finds_people(self) -> bool:
        """Whether any column names or reaches a person."""
        return any(f in self.fields for f in ("name", "first", "last", "email", "phone"))

    def value(self, cells: tuple[str, ...], name: str) -> str:
        """The first non-empty cell among the columns for field `name`."""
        for column in self.fields.get(name, ()):
            if column < len(cells) and cells[column]:
                return cells[column]
        return ""

    def joined(self, cells: tuple[str, ...], name: str, between: str) -> str:
        """Every non-empty cell among the columns for `name`, joined."""
        parts = [cells[c] for c in self.fields.get(name, ()) if c < len(cells) and cells[c]]
        return between.join(parts)


def map_columns(headings: tuple[str, ...]) -> ColumnMap:
    found: dict[str, list[tuple[int, int]]] = {}
    for at, heading in enumerate(headings):
        known = HEADINGS.get(normalise(heading))
        if known is not None:
            name, rank = known
            found.setdefault(name, []).append((rank, at))
    return ColumnMap(
        headings, {name: tuple(at for _, at in sorted(c)) for name, c in found.items()}
    )
