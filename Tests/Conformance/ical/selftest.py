"""The ical check's self-test (`python icalcheck.py --selftest`): the
octet-level and structural checks on a small hand-made calendar, broken one
way per case; each case must give the finding it names (or none).
"""

from __future__ import annotations

from findings import Findings
from samplesite import case_passes, selftest_result

from .structure import EVENT_FILE, NETWORK_FEED, SITE_FEED, check_structure


SELFTEST_CALENDAR = [
    "BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//Kreds//selftest//DA", "CALSCALE:GREGORIAN", "METHOD:PUBLISH",
    "NAME:Kalender", "X-WR-CALNAME:Kalender", "X-WR-TIMEZONE:Europe/Copenhagen",
    "REFRESH-INTERVAL;VALUE=DURATION:PT12H", "X-PUBLISHED-TTL:PT12H",
    "BEGIN:VTIMEZONE", "TZID:Europe/Copenhagen",
    "BEGIN:DAYLIGHT", "TZOFFSETFROM:+0100", "TZOFFSETTO:+0200", "DTSTART:19810329T020000",
    "RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU", "END:DAYLIGHT",
    "BEGIN:STANDARD", "TZOFFSETFROM:+0200", "TZOFFSETTO:+0100", "DTSTART:19961027T030000",
    "RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU", "END:STANDARD", "END:VTIMEZONE",
    "BEGIN:VEVENT", "UID:a@example.dk", "DTSTAMP:20261101T120000Z",
    "DTSTART;TZID=Europe/Copenhagen:20261007T180000", "DTEND;TZID=Europe/Copenhagen:20261007T200000",
    "RRULE:FREQ=WEEKLY;COUNT=6", "EXDATE;TZID=Europe/Copenhagen:20261014T180000",
    "SUMMARY:Møde om grøn omstilling\\, bæredygtighed og fællesskab på Ærø og Langeland i efteråret",
    "URL:https://example.dk/arrangementer/a/", "STATUS:CONFIRMED", "SEQUENCE:0", "END:VEVENT",
    "BEGIN:VEVENT", "UID:b@example.dk", "DTSTAMP:20261101T120000Z",
    "DTSTART;VALUE=DATE:20270501", "DTEND;VALUE=DATE:20270503", "SUMMARY:Sommerfest",
    "URL:https://example.dk/arrangementer/b/", "STATUS:TENTATIVE", "SEQUENCE:1", "END:VEVENT",
    "END:VCALENDAR",
]


def fold(line: str) -> bytes:
    """A content line folded at 75 octets without splitting a UTF-8 character."""
    data, parts, limit = line.encode(), [], 75
    while len(data) > limit:
        cut = limit
        while data[cut] & 0xC0 == 0x80:
            cut -= 1
        parts.append(data[:cut])
        data, limit = data[cut:], 74  # the next line's leading space counts
    parts.append(data)
    return b"\r\n ".join(parts)


def selftest() -> int:
    good = b"".join(fold(line) + b"\r\n" for line in SELFTEST_CALENDAR)

    def findings(data: bytes, kind: str = SITE_FEED) -> list[str]:
        out = Findings("t.ics")
        check_structure(data, kind, out)
        return out

    def swap(old: str, new: str) -> bytes:
        assert old.encode() in good, old
        return good.replace(old.encode(), new.encode(), 1)

    split = good.index("ø".encode()) + 1  # a fold between the two octets of ø
    cases = {
        "good": (good, SITE_FEED, None),
        "bare LF": (good.replace(b"METHOD:PUBLISH\r\n", b"METHOD:PUBLISH\n"), SITE_FEED, "bare LF"),
        "bare CR": (good.replace(b"METHOD:PUBLISH\r\n", b"METHOD:PUBLISH\r"), SITE_FEED, "bare CR"),
        "no final CRLF": (good[:-2], SITE_FEED, "the last line has no CRLF"),
        "76 octets": (swap("PRODID:-//Kreds//selftest//DA", "PRODID:" + "x" * 69), SITE_FEED,
                      "1 line(s) longer than 75 octets"),
        "split UTF-8": (good[:split] + b"\r\n " + good[split:], SITE_FEED, "a character split at a fold"),
        "not UTF-8": (good.replace("Sommerfest".encode(), b"Sommerf\xe6st"), SITE_FEED, "not valid UTF-8"),
        "no VTIMEZONE": (swap("TZID:Europe/Copenhagen\r\n", "TZID:Europe/Berlin\r\n"), SITE_FEED,
                         "TZID Europe/Copenhagen is used 3 time(s)"),
        "RDATE": (swap("RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU", "RDATE:20270328T020000"), SITE_FEED,
                  "uses RDATE"),
        "floating": (swap("DTSTART;TZID=Europe/Copenhagen:20261007T180000", "DTSTART:20261007T180000"),
                     SITE_FEED, "floating time"),
        "floating EXDATE": (swap("EXDATE;TZID=Europe/Copenhagen:", "EXDATE:"), SITE_FEED, "floating time"),
        "DTSTAMP not UTC": (swap("DTSTAMP:20261101T120000Z", "DTSTAMP:20261101T120000"), SITE_FEED,
                            "DTSTAMP:20261101T120000 must be a UTC date-time"),
        "no STATUS": (swap("STATUS:CONFIRMED\r\n", ""), SITE_FEED, "VEVENT a@example.dk: no STATUS"),
        "bad STATUS": (swap("STATUS:TENTATIVE", "STATUS:POSTPONED"), SITE_FEED, "STATUS is 'POSTPONED'"),
        "no SEQUENCE": (swap("SEQUENCE:1\r\n", ""), SITE_FEED, "VEVENT b@example.dk: no SEQUENCE"),
        "same UID": (swap("UID:b@example.dk", "UID:a@example.dk"), SITE_FEED, "UID already used"),
        "whole day end": (swap("DTEND;VALUE=DATE:20270503", "DTEND;VALUE=DATE:20270501"), SITE_FEED,
                          "is not after DTSTART"),
        "whole day timed end": (swap("DTEND;VALUE=DATE:20270503", "DTEND:20270503T000000Z"), SITE_FEED,
                                "needs DTEND;VALUE=DATE"),
        "no METHOD": (swap("METHOD:PUBLISH\r\n", ""), SITE_FEED, "no METHOD"),
        "VERSION": (swap("VERSION:2.0", "VERSION:1.0"), SITE_FEED, "VERSION is '1.0'"),
        "no CALSCALE": (swap("CALSCALE:GREGORIAN\r\n", ""), SITE_FEED, "no CALSCALE"),
        "feed without NAME": (swap("NAME:Kalender\r\n", ""), NETWORK_FEED, "no NAME"),
        "feed without TTL": (swap("X-PUBLISHED-TTL:PT12H\r\n", ""), SITE_FEED, "no X-PUBLISHED-TTL"),
        "event file with NAME": (good, EVENT_FILE, "the file of one event has NAME"),
        "event file with two VEVENTs": (good, EVENT_FILE, "has 2 VEVENTs, not 1"),
        "infinite RRULE": (swap("RRULE:FREQ=WEEKLY;COUNT=6", "RRULE:FREQ=WEEKLY"), SITE_FEED,
                           "neither COUNT nor UNTIL"),
        "local UNTIL": (swap("RRULE:FREQ=WEEKLY;COUNT=6", "RRULE:FREQ=WEEKLY;UNTIL=20261111T180000"), SITE_FEED,
                        "must be a UTC date-time"),
        "unescaped comma": (swap("grøn omstilling\\,", "grøn omstilling,"), SITE_FEED, "unescaped ','"),
        "unclosed VEVENT": (swap("SEQUENCE:1\r\nEND:VEVENT", "SEQUENCE:1"), SITE_FEED,
                            "END:VCALENDAR does not close VEVENT"),
    }
    failed = 0
    for name, (data, kind, expected) in cases.items():
        found = findings(data, kind)
        if not case_passes(name, expected, found):
            failed += 1
    return selftest_result(len(cases), failed)
