"""Name pools for the demo alliance: the communities of a diverse East Midlands city.

Every name is put together at random from common first names and surnames; none is meant
to be anyone real. Phone numbers come from Ofcom's ranges reserved for drama (07700 900xxx,
0116 496 0xxx) and email addresses use the example domains only, so nothing can reach a
real person.
"""

from __future__ import annotations

import random
import unicodedata
from dataclasses import dataclass


@dataclass(frozen=True)
class Community:
    women: tuple[str, ...]
    men: tuple[str, ...]
    surnames: tuple[str, ...]
    #: Surnames used for women only (Begum), or the feminine form of a surname is made by
    #: `feminine` (Polish -ski → -ska).
    women_surnames: tuple[str, ...] = ()
    feminine: bool = False


# fmt: off
COMMUNITIES: dict[str, Community] = {
    "gujarati": Community(
        women=("Priya", "Bhavna", "Hema", "Nisha", "Jyoti", "Meera", "Pooja", "Rekha", "Sunita",
               "Kajal", "Hetal", "Komal", "Daksha", "Nita"),
        men=("Rakesh", "Hitesh", "Nilesh", "Sanjay", "Jayesh", "Dev", "Aarav", "Mahesh", "Ketan",
             "Vijay", "Pranav", "Suresh", "Bharat", "Kishan"),
        surnames=("Patel", "Mistry", "Parmar", "Chauhan", "Lad", "Solanki", "Desai", "Joshi",
                  "Pandya", "Shah", "Thakkar", "Vaghela", "Mehta", "Rathod", "Gohil"),
    ),
    "punjabi": Community(
        women=("Harpreet", "Jaspreet", "Manjit", "Amrit", "Gurpreet", "Simran", "Navdeep",
               "Kulwinder", "Rajinder", "Parminder"),
        men=("Gurdeep", "Harjit", "Balvinder", "Jaswinder", "Manpreet", "Sukhdev", "Arjun",
             "Ravinder", "Tejinder", "Amarjit"),
        surnames=("Gill", "Sandhu", "Dhillon", "Sidhu", "Bains", "Johal", "Sangha", "Virdi",
                  "Atwal", "Hayer", "Bassi", "Kang"),
        women_surnames=("Kaur",),
    ),
    "south_asian_muslim": Community(
        women=("Ayesha", "Farhana", "Zainab", "Nadia", "Shabnam", "Rukhsana", "Sumayyah", "Amina",
               "Fatima", "Hafsa", "Rubina", "Yasmin", "Maryam", "Saima"),
        men=("Imran", "Bilal", "Yusuf", "Tariq", "Irfan", "Zubair", "Hamza", "Adil", "Faisal",
             "Shahid", "Asif", "Ibrahim", "Junaid", "Sajid"),
        surnames=("Hussain", "Khan", "Ahmed", "Chowdhury", "Mirza", "Rahman", "Qureshi", "Bhayat",
                  "Lunat", "Ismail", "Mulla", "Karim", "Uddin", "Patel", "Sheikh"),
        women_surnames=("Begum", "Bibi"),
    ),
    "somali": Community(
        women=("Hodan", "Fadumo", "Khadra", "Hibo", "Sahra", "Ayaan", "Faisa", "Ubah", "Nimco",
               "Deeqa", "Ifrah", "Sagal"),
        men=("Abdirahman", "Mohamed", "Liban", "Ismail", "Abdullahi", "Yusuf", "Mahad", "Hassan",
             "Guled", "Bashir", "Abdikarim", "Said"),
        surnames=("Warsame", "Farah", "Abdi", "Hassan", "Ali", "Osman", "Jama", "Nur", "Egal",
                  "Dualeh", "Aden", "Hersi", "Elmi", "Mohamud"),
    ),
    "polish": Community(
        women=("Zofia", "Katarzyna", "Agnieszka", "Małgorzata", "Magdalena", "Joanna", "Ewa",
               "Aleksandra", "Karolina", "Natalia", "Beata", "Dorota"),
        men=("Tomasz", "Piotr", "Marek", "Łukasz", "Paweł", "Krzysztof", "Michał", "Jakub",
             "Wojciech", "Grzegorz", "Bartosz", "Rafał"),
        surnames=("Wójcik", "Kowalski", "Nowak", "Zieliński", "Lewandowski", "Szymański",
                  "Dąbrowski", "Kamiński", "Woźniak", "Kaczmarek", "Mazur", "Krawczyk",
                  "Wiśniewski", "Jankowski", "Grabowski"),
        feminine=True,
    ),
    "caribbean": Community(
        women=("Marcia", "Paulette", "Beverley", "Claudette", "Shanice", "Hyacinth", "Jacqueline",
               "Donna", "Sonia", "Keisha", "Yvonne", "Monique"),
        men=("Delroy", "Winston", "Errol", "Jermaine", "Tyrone", "Leroy", "Desmond", "Marlon",
             "Carl", "Clive", "Everton", "Andre"),
        surnames=("Campbell", "Francis", "Bailey", "Grant", "Thompson", "Henry", "Clarke", "Reid",
                  "McKenzie", "Morgan", "Walters", "Bennett", "Williams", "Lewis"),
    ),
    "west_african": Community(
        women=("Ngozi", "Funmilayo", "Abena", "Yetunde", "Chiamaka", "Ama", "Adaeze", "Efua",
               "Folake", "Akosua"),
        men=("Chidi", "Adebayo", "Kwame", "Tunde", "Emeka", "Kofi", "Olumide", "Yaw", "Segun",
             "Kwabena"),
        surnames=("Okafor", "Adeyemi", "Mensah", "Boateng", "Okonkwo", "Nwosu", "Asante",
                  "Oyelaran", "Owusu", "Eze", "Adjei", "Babatunde"),
    ),
    "white_british": Community(
        women=("Sarah", "Helen", "Rachel", "Margaret", "Chloe", "Emma", "Janet", "Lucy", "Hannah",
               "Claire", "Gemma", "Joanne", "Pauline", "Bethany"),
        men=("James", "Gareth", "Tom", "Daniel", "Paul", "Stephen", "Matthew", "Craig", "Lee",
             "Richard", "Oliver", "Dave", "Graham", "Nathan"),
        surnames=("Smith", "Taylor", "Hughes", "Walker", "Whitfield", "Harding", "Cartwright",
                  "Ashby", "Bradshaw", "Coleman", "Kirby", "Pickering", "Holland", "Sutton",
                  "Webb", "Barlow", "Fenton", "Garside"),
    ),
    "irish": Community(
        women=("Siobhán", "Niamh", "Aoife", "Máire", "Róisín", "Orla", "Bríd"),
        men=("Pádraig", "Seán", "Ciarán", "Eoin", "Declan", "Colm", "Diarmuid"),
        surnames=("O'Connor", "Brennan", "Murphy", "Kelly", "Doyle", "O'Neill", "McCarthy",
                  "Byrne", "Ó Súilleabháin", "Mac Giolla"),
    ),
    "middle_eastern": Community(
        women=("Rania", "Shirin", "Layla", "Maryam", "Nour", "Hana", "Parisa", "Soraya"),
        men=("Omar", "Hamid", "Ahmad", "Karwan", "Samir", "Rashid", "Dler", "Mustafa"),
        surnames=("Haddad", "Karimi", "Rahimi", "Al-Khatib", "Nazari", "Hamadi", "Saleh",
                  "Mansour", "Azizi", "Ahmadi", "Rostami"),
    ),
    "romanian": Community(
        women=("Ionela", "Andreea", "Elena", "Mihaela", "Ioana"),
        men=("Florin", "Andrei", "Ionuț", "Marius", "Ștefan"),
        surnames=("Popescu", "Stan", "Dumitru", "Constantin", "Radu", "Lăcătuș"),
    ),
    "east_asian": Community(
        women=("Mei", "Xiu Ying", "Lan", "Hui Min", "Thi Hoa"),
        men=("Wei", "Jun", "Hao", "Minh", "Jian"),
        surnames=("Chen", "Wong", "Li", "Zhang", "Nguyễn", "Tran"),
    ),
    "goan": Community(
        women=("Joana", "Sabina", "Lavinia", "Fatima"),
        men=("Rui", "Agnelo", "Savio", "Caetano"),
        surnames=("D'Souza", "Fernandes", "Pereira", "Rodrigues", "D'Costa", "Gomes"),
    ),
}
# fmt: on

#: Names that trip up sorting, searching, exports and initials: accents, apostrophes,
#: hyphens, particles, letters outside Latin-1. Always in the demo, near the top.
TRICKY_NAMES: tuple[str, ...] = (
    "Siobhán O'Connor-Smith",
    "Zofia Wójcik",
    "Anne-Marie D'Souza",
    "Łukasz Dąbrowski",
    "Seán Ó Súilleabháin",
    "Zoë Hart-Ashby",
    "Ayşe Yılmaz",
    "Małgorzata Szczepańska",
    "Nguyễn Thị Lan",
    "Jean-Baptiste N'Diaye",
    "Ngozi Okafor-Bailey",
    "Chloé Lefèvre",
)

#: Where the city's people came from, roughly by how many are met across the alliance.
CITY_MIX: dict[str, float] = {
    "gujarati": 16,
    "south_asian_muslim": 14,
    "white_british": 18,
    "punjabi": 8,
    "somali": 7,
    "caribbean": 7,
    "polish": 6,
    "west_african": 5,
    "irish": 3,
    "middle_eastern": 4,
    "romanian": 3,
    "east_asian": 2,
    "goan": 2,
}


def _feminine(surname: str) -> str:
    for ending, feminine in (("ski", "ska"), ("cki", "cka"), ("dzki", "dzka")):
        if surname.endswith(ending):
            return surname[: -len(ending)] + feminine
    return surname


def person_name(rng: random.Random, community: str) -> tuple[str, bool]:
    """A first name and surname from one community's pools, and whether it is a woman's."""
    pool = COMMUNITIES[community]
    woman = rng.random() < 0.55
    first = rng.choice(pool.women if woman else pool.men)
    if woman and pool.women_surnames and rng.random() < 0.3:
        surname = rng.choice(pool.women_surnames)
    else:
        surname = rng.choice(pool.surnames)
        if woman and pool.feminine:
            surname = _feminine(surname)
    if rng.random() < 0.04:
        # A double-barrelled surname, from a mixed family or a marriage.
        other = rng.choice(COMMUNITIES[rng.choice(list(COMMUNITIES))].surnames)
        if other != surname and " " not in other and " " not in surname:
            surname = f"{surname}-{other}"
    return f"{first} {surname}", woman


_FOLD = str.maketrans({"ł": "l", "Ł": "L", "ø": "o", "Ø": "O", "ß": "ss", "đ": "d", "ı": "i"})


def ascii_handle(name: str) -> str:
    """A name as the local part of an email address: "Zofia Wójcik" → "zofia.wojcik"."""
    folded = unicodedata.normalize("NFKD", name.translate(_FOLD))
    plain = "".join(c for c in folded if not unicodedata.combining(c))
    words = [
        "".join(c for c in word if c.isascii() and (c.isalnum() or c == "-"))
        for word in plain.lower().split()
    ]
    return ".".join(w for w in words if w)


EMAIL_DOMAINS = ("example.org", "example.com", "example.net")


class Contacts:
    """Hands out email addresses and fictional phone numbers, each only once where it can."""

    def __init__(self, rng: random.Random) -> None:
        self._rng = rng
        self._emails: set[str] = set()
        mobiles = [f"07700 900{n:03d}" for n in range(1000)]
        landlines = [f"0116 496 0{n:03d}" for n in range(1000)]
        rng.shuffle(mobiles)
        rng.shuffle(landlines)
        self._mobiles = mobiles
        self._landlines = landlines
        self._next_mobile = 0
        self._next_landline = 0

    def email(self, name: str) -> str:
        handle = ascii_handle(name) or "member"
        if self._rng.random() < 0.25:
            first, _, rest = handle.partition(".")
            handle = f"{first[:1]}{rest.replace('.', '')}" if rest else handle
        domain = self._rng.choice(EMAIL_DOMAINS)
        address = f"{handle}@{domain}"
        number = 2
        while address in self._emails:
            address = f"{handle}{number}@{domain}"
            number += 1
        self._emails.add(address)
        return address

    def phone(self) -> str:
        """A mobile mostly, a Leicester landline sometimes; numbers repeat only past 1,000."""
        if self._rng.random() < 0.12:
            number = self._landlines[self._next_landline % len(self._landlines)]
            self._next_landline += 1
            return number
        number = self._mobiles[self._next_mobile % len(self._mobiles)]
        self._next_mobile += 1
        return f"+44 {number[1:]}" if self._rng.random() < 0.1 else number
