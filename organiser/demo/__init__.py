"""A deterministic, realistic demo alliance: `build_demo(today)` gives every record a new
database needs to show the program at work (people, institutions, a year of 1-2-1s, a
listening campaign, two campaigns, actions, meetings, training, fundraising, supervision).

Nothing here is real: names are drawn from pools, phone numbers from Ofcom's drama ranges
and email addresses from the example domains.
"""

from organiser.demo.alliance import DemoAlliance, build_demo

__all__ = ["DemoAlliance", "build_demo"]
