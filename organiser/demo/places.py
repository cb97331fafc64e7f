"""Places in the demo city: neighbourhoods, streets and where 1-2-1s happen."""

from __future__ import annotations

AREAS = (
    "Highfields",
    "Belgrave",
    "Spinney Hill",
    "Evington",
    "Braunstone",
    "Saffron Lane",
    "Clarendon Park",
    "Aylestone",
    "Beaumont Leys",
    "New Parks",
    "Rushey Mead",
    "Humberstone",
    "Westcotes",
    "Knighton",
    "Stoneygate",
    "Hamilton",
    "Eyres Monsell",
    "Thurnby Lodge",
    "North Evington",
    "Woodgate",
)

STREETS = (
    "Narborough Road",
    "Belgrave Road",
    "Evington Road",
    "London Road",
    "Melton Road",
    "Uppingham Road",
    "Hinckley Road",
    "Saffron Lane",
    "Green Lane Road",
    "Sparkenhoe Street",
    "Humberstone Road",
    "Welford Road",
    "Aylestone Road",
    "Queens Road",
    "East Park Road",
    "Loughborough Road",
    "Fosse Road North",
    "Catherine Street",
    "Mere Road",
    "Walnut Street",
)

#: Postcode districts only, so no full address is anyone's real one.
DISTRICTS = ("LE1", "LE2", "LE3", "LE4", "LE5")

#: Where a 1-2-1 happens. "{inst}" is the person's institution.
ONE_TO_ONE_PLACES = (
    "{inst}, community room",
    "{inst}, after the morning drop-off",
    "{inst} office",
    "café on Narborough Road",
    "café on Evington Road",
    "Turkish café on London Road",
    "the café at the Phoenix cinema",
    "their kitchen table",
    "a bench in Victoria Park",
    "union office, Charles Street",
    "Highfields library",
    "Belgrave library",
    "by phone",
    "video call",
    "walking round Abbey Park",
    "the alliance office",
    "university library café",
    "the food bank, after the shift",
)
