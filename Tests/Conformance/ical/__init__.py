"""The parts of the ical check (icalcheck.py), one per thing it checks."""
