"""The organiser's diary as iCalendar: every dated record as an event (or a to-do), with stable
UIDs, rising SEQUENCEs and the organiser's time zone, for Google Calendar, Outlook, Apple
Calendar, Thunderbird, khal and calcurse.

`entries` and `build` turn records into neutral diary entries; `vtimezone` and `writer` turn
entries into iCalendar text; `export` reads the repository and makes the files. Nothing here
knows about the app or the store.
"""
