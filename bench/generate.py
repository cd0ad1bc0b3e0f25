#!/usr/bin/env python3
"""Deterministic synthetic corpus for the Kreds-vs-Hugo benchmark.

    python3 bench/generate.py --files N --kreds OUT1 --hugo OUT2 [--seed S]

writes N content files (Markdown with front matter) in the proportions of the
performance issue -- 100 networks : 10 000 events : 3 000 stories : 600
newsletters -- once as a Kreds content folder (OUT1, see
docs/CONTENT.md) and once as an equivalent Hugo site (OUT2:
hugo.toml, content/, layouts/). Same seed and N give byte-identical output.

Standard library only. Both folders are replaced if they exist.
"""

from __future__ import annotations

import argparse
import calendar
import datetime as dt
import json
import os
import random
import shutil
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
HUGO_SKELETON = HERE / "hugo"

# The proportions.
RATIO = {"networks": 100, "events": 10000, "stories": 3000, "newsletters": 600}
RATIO_SUM = sum(RATIO.values())

# Kreds builds the benchmark "as of" this moment (run.py passes the same --now).
NOW = dt.datetime(2026, 11, 23, 12, 0)
FIRST_DAY = dt.date(2020, 1, 1)
LAST_DAY = dt.date(2028, 12, 31)

SERIES_SHARE = 0.05  # of events
JOINT_EVENT_SHARE = 0.03  # events in events/ with a `networks:` list
SITEWIDE_STORY_SHARE = 0.10  # stories in stories/
EVENT_BODY_BYTES = 1500
STORY_BODY_BYTES = 3000

# --------------------------------------------------------------------------- word material

WORDS = """
virksomhed virksomheder netværk netværket møde mødet medlemmer medlemmerne deltagere
erfaringer erfaring samarbejde samarbejdet kunder kunderne leverandører medarbejdere
ledelse ledere direktør indehaver produktion produktionen energi energiforbrug
varmepumpe solceller overskudsvarme affald genbrug emballage paller transport
logistik lager værksted butik butikker håndværkere klinikker kontorer landsby
landsbyen bydel bydelen kommune kommunen region havn havnen torvet forsamlingshus
erhvervshus rådgivning rådgiver konsulent projekt projektet plan planen strategi
omstilling udvikling vækst eksport marked markedet salg økonomi budget regnskab
klimaregnskab data digitalisering automatisering robotter maskiner anlæg hal
bygning byggeri byggepladsen materialer mursten træ stål plast glas papir tekstil
fødevarer landbrug turisme gæster overnatning café restaurant køkken fællesspisning
oplæg workshop rundvisning besøg sparring drøftelse spørgsmål svar idéer løsninger
udfordringer muligheder krav regler tilskud pulje ansøgning frist tilmelding pris
år måned uge dag morgen eftermiddag aften fyraften kaffe rundstykker sandwich
ny nye gammel gamle lokal lokale fælles grøn grønne cirkulær stor store lille små
god gode bedre bedste hurtig hurtigt langsomt sammen hinanden alle mange flere
nogle få hver hele halvdelen procent kroner ton timer kilometer
har havde fik får kan kunne skal skulle vil ville må gør gjorde laver lavede
bruger brugte sparer sparede viser viste fortæller fortalte mødes mødtes deler
delte lærer lærte finder fandt starter startede samler samlede hjælper hjalp
tager tog giver gav ser så hører hørte tænker tænkte arbejder arbejdede
og men eller for fordi når hvis da så derfor også ikke kun allerede stadig
igen altid aldrig ofte nu her der hvor hvordan hvad hvem som at til fra med
på i om ved under over efter før mellem gennem uden
""".split()

TOWNS = """
Odense Nyborg Kerteminde Svendborg Faaborg Middelfart Assens Bogense Otterup
Munkebo Ringe Ryslinge Rudkøbing Tranekær Humble Lohals Marstal Ærøskøbing
Vejle Kolding Fredericia Horsens Herning Holstebro Esbjerg Ribe Tønder Aabenraa
Sønderborg Haderslev Vojens Billund Grindsted Varde Skjern Ringkøbing Silkeborg
Viborg Skive Aarhus Randers Grenaa Ebeltoft Hobro Aalborg Hjørring Frederikshavn
Thisted Nykøbing Slagelse Korsør Næstved Holbæk Roskilde Køge Hillerød Helsingør
""".split()

NETWORK_KINDS = [
    "Erhvervsnetværk", "Grønt Industrinetværk", "Iværksætternetværk",
    "Landsbynetværk", "Handelsnetværk", "Netværk for Cirkulær Produktion",
    "Byggenetværk", "Turismenetværk", "Fødevarenetværk", "Energinetværk",
]

TAGS = [
    "grøn omstilling", "energi", "industri", "cirkulær økonomi", "affald",
    "genbrug", "byggeri", "detailhandel", "rekruttering", "uddannelse",
    "iværksætteri", "landdistrikter", "turisme", "fødevarer", "eksport",
    "digitalisering", "automatisering", "ledelse", "økonomi", "tilskud",
    "co2-regnskab", "esg", "lca", "klimakrav", "overskudsvarme", "plast",
    "returlogistik", "samarbejde", "bydelsudvikling", "lokalt erhverv",
    "netværksmøde", "studietur", "online", "transport", "solceller",
    "varmepumper", "vand", "biodiversitet", "sikkerhed", "markedsføring",
]

FIRST_NAMES = """
Anna Birgitte Camilla Dorthe Emma Frederikke Hanne Ida Julie Karen Lene Maria
Marianne Mette Rikke Signe Susanne Yasmin Anders Bo Christian Frederik Henrik
Jens Kasper Lars Martin Morten Niels Ole Peter Rasmus Søren Thomas Torben
""".split()
LAST_NAMES = """
Andersen Bech Dahl Dalsgaard Engberg Friis Hansen Holm Jensen Juul Klitgaard
Kofoed Lausen Madsen Mikkelsen Nielsen Nørgaard Pedersen Rasmussen Sørensen
Thomsen Winther Østergaard Aagaard Bundgaard Kristensen Lund Møller Poulsen
""".split()
COMPANY_WORDS = """
Stål Emballage Træ Plast Glas Maskiner Komponent Værktøj Elektro Byg Tag
Vinduer Cykler Keramik Bageri Bryggeri Mejeri Gartneri Transport Logistik
Energi Solenergi Varme Rådgivning Data Software Design Print Tekstil Møbler
""".split()
COMPANY_SUFFIX = ["A/S", "ApS", "I/S", "& Søn", "Aps", "a.m.b.a."]
STREETS = """
Havnegade Strandgade Industrivej Nørregade Søndergade Vestergade Østergade
Kirkevej Skolevej Stationsvej Møllevej Bygaden Torvet Fabriksvej Lindholmvej
""".split()
VENUE_KINDS = [
    "Erhvervshuset", "Medborgerhuset", "Forsamlingshuset", "Kulturhuset",
    "Havnehuset", "Rådhuset", "Biblioteket", "Innovationshuset",
]
TOPICS = [
    "energieffektivisering", "CO2-regnskabet", "cirkulær produktion",
    "lokal rekruttering", "digitale produktpas", "returlogistik",
    "genbrug af byggematerialer", "ESG-data til kunderne", "grøn transport",
    "solceller på taget", "overskudsvarme", "nye tilskudspuljer",
    "eksport til Tyskland", "automatisering i små virksomheder",
    "den første ansættelse", "bæredygtig emballage", "lokal handel",
    "turisme uden for sæsonen", "fødevarer fra egnen", "sikkerhed på pladsen",
    "kunstig intelligens i hverdagen", "generationsskifte", "lærepladser",
]
EVENT_TITLES = [
    "Netværksmøde om {topic}", "Morgenmøde: {topic}", "Workshop om {topic}",
    "Fyraftensmøde om {topic}", "Temamøde om {topic}", "ERFA-møde om {topic}",
    "Virksomhedsbesøg hos {company}", "Studietur: {topic} i {town}",
]
STORY_TITLES = [
    "{company} sparer {n} procent på {topic}",
    "Sådan fik {company} styr på {topic}",
    "{n} virksomheder i {town} samarbejder om {topic}",
    "Nyt samarbejde om {topic} i {town}",
    "{company} ansætter {n} nye medarbejdere efter netværksmøde",
    "Erfaringer med {topic} fra {town}",
]


def transliterate(text: str) -> str:
    out = text.lower()
    for a, b in (("æ", "ae"), ("ø", "oe"), ("å", "aa"), ("é", "e"), ("ü", "u"), ("ö", "oe"), ("ä", "ae")):
        out = out.replace(a, b)
    return out


def slugify(text: str) -> str:
    s = transliterate(text)
    s = "".join(c if ("a" <= c <= "z" or "0" <= c <= "9") else "-" for c in s)
    return "-".join(p for p in s.split("-") if p)


def q(value) -> str:
    """A YAML scalar: strings double-quoted (JSON escapes are valid YAML)."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    return json.dumps(value, ensure_ascii=False)


def yaml_block(data, indent: int = 0) -> list[str]:
    """A small YAML emitter for dicts of scalars, lists and nested dicts."""
    pad = " " * indent
    lines: list[str] = []
    for key, value in data.items():
        if isinstance(value, dict):
            lines.append(f"{pad}{key}:")
            lines.extend(yaml_block(value, indent + 2))
        elif isinstance(value, list):
            if not value:
                lines.append(f"{pad}{key}: []")
                continue
            lines.append(f"{pad}{key}:")
            for item in value:
                if isinstance(item, dict):
                    sub = yaml_block(item, indent + 4)
                    sub[0] = f"{pad}  - " + sub[0].lstrip()
                    lines.extend(sub)
                else:
                    lines.append(f"{pad}  - {q(item)}")
        else:
            lines.append(f"{pad}{key}: {q(value)}")
    return lines


def document(front: dict, body: str) -> str:
    return "---\n" + "\n".join(yaml_block(front)) + "\n---\n\n" + body.rstrip() + "\n"


# --------------------------------------------------------------------------- text


class Text:
    def __init__(self, rng: random.Random):
        self.r = rng

    def sentence(self, lo: int = 7, hi: int = 18) -> str:
        words = [self.r.choice(WORDS) for _ in range(self.r.randint(lo, hi))]
        if self.r.random() < 0.3:
            words.insert(self.r.randrange(len(words)), self.r.choice(TOWNS))
        s = " ".join(words)
        return s[0].upper() + s[1:] + self.r.choice([".", ".", ".", ".", "?", "!"])

    def paragraph(self, lo: int = 3, hi: int = 6) -> str:
        return " ".join(self.sentence() for _ in range(self.r.randint(lo, hi)))

    def short(self, limit: int) -> str:
        """One or two sentences, cut at a word boundary below `limit` characters."""
        s = " ".join(self.sentence() for _ in range(3))
        if len(s) <= limit:
            return s
        cut = s[: limit - 1]
        cut = cut[: cut.rfind(" ")].rstrip(",.?! ")
        return cut + "."

    def person(self) -> dict:
        return {"name": f"{self.r.choice(FIRST_NAMES)} {self.r.choice(LAST_NAMES)}"}

    def company(self) -> str:
        return f"{self.r.choice(TOWNS)} {self.r.choice(COMPANY_WORDS)} {self.r.choice(COMPANY_SUFFIX)}"

    def fill(self, parts: list[str], target: int, extra) -> str:
        body = "\n\n".join(parts)
        while len(body.encode()) < target:
            parts.insert(len(parts) - 1 if len(parts) > 1 else len(parts), extra())
            body = "\n\n".join(parts)
        return body


def event_body(t: Text, speakers: list[dict]) -> str:
    r = t.r
    parts = [t.paragraph(3, 5)]
    parts.append("## Det sker på mødet")
    parts.append("\n".join(f"- {t.sentence(4, 9)}" for _ in range(r.randint(3, 5))))
    if speakers and r.random() < 0.6:
        parts.append(f"**{speakers[0]['name']}** {t.sentence(8, 14).lower()}")
    if r.random() < 0.4:
        parts.append(f"Læs mere om [{r.choice(TOPICS)}](https://www.example.dk/{slugify(r.choice(TOPICS))}).")
    parts.append(t.paragraph(2, 3))
    target = int(EVENT_BODY_BYTES * r.uniform(0.8, 1.2))
    return t.fill(parts, target, lambda: t.paragraph(2, 4))


def story_body(t: Text, companies: list[dict]) -> str:
    r = t.r
    parts = [t.paragraph(3, 5), t.paragraph(3, 6)]
    parts.append("– " + t.sentence(10, 18).rstrip(".?!") + f", fortæller {t.person()['name']}.")
    parts.append(f"## {t.sentence(3, 6).rstrip('.?!')}")
    parts.append(t.paragraph(3, 6))
    if r.random() < 0.25:
        rows = ["| Tiltag | Investering | Besparelse pr. år |", "|---|---:|---:|"]
        for _ in range(r.randint(3, 5)):
            rows.append(f"| {r.choice(TOPICS).capitalize()} | {r.randint(10, 900)}.000 kr. | {r.randint(5, 300)}.000 kr. |")
        parts.append("\n".join(rows))
    if companies and r.random() < 0.5:
        c = companies[0]
        parts.append(f"*{c['name']}* {t.sentence(8, 14).lower()}")
    parts.append(t.paragraph(2, 4))
    target = int(STORY_BODY_BYTES * r.uniform(0.85, 1.15))
    return t.fill(parts, target, lambda: t.paragraph(3, 5))


# --------------------------------------------------------------------------- dates


def random_day(r: random.Random) -> dt.date:
    return FIRST_DAY + dt.timedelta(days=r.randrange((LAST_DAY - FIRST_DAY).days + 1))


def third_wednesday(year: int, month: int) -> dt.date:
    first = dt.date(year, month, 1)
    offset = (calendar.WEDNESDAY - first.weekday()) % 7
    return first + dt.timedelta(days=offset + 14)


def add_months(d: dt.date, n: int) -> tuple[int, int]:
    m = d.month - 1 + n
    return d.year + m // 12, m % 12 + 1


def fmt_dt(x: dt.datetime) -> str:
    return x.strftime("%Y-%m-%d %H:%M")


# --------------------------------------------------------------------------- model


def counts(n: int) -> dict[str, int]:
    nets = max(1, round(n * RATIO["networks"] / RATIO_SUM))
    news = round(n * RATIO["newsletters"] / RATIO_SUM)
    stories = round(n * RATIO["stories"] / RATIO_SUM)
    events = n - nets - news - stories
    if events < 1:
        raise SystemExit(f"--files {n} is too small")
    return {"networks": nets, "events": events, "stories": stories, "newsletters": news}


def build_model(n: int, seed: int) -> dict:
    r = random.Random(f"kreds-bench-{seed}-{n}")
    t = Text(r)
    c = counts(n)

    networks = []
    used = set()
    for i in range(c["networks"]):
        kind = NETWORK_KINDS[i % len(NETWORK_KINDS)]
        town = TOWNS[(i // len(NETWORK_KINDS)) % len(TOWNS)]
        title = f"{kind} {town}"
        slug = slugify(title)
        if slug in used:
            slug = f"{slug}-{i}"
            title = f"{title} {i}"
        used.add(slug)
        status = "ended" if r.random() < 0.05 else ("paused" if r.random() < 0.05 else "active")
        contact = t.person() | {"role": "Tovholder", "email": f"{slug[:20]}@example.dk"}
        front = {
            "title": title,
            "summary": t.short(280),
            "region": f"{town} Kommune",
            "organiser": {"name": f"Erhvervsforum {town}", "url": f"https://www.example.dk/{slugify(town)}", "email": f"erhverv.{slugify(town)}@example.dk"},
            "contact": contact,
            "status": status,
            "founded": r.randint(2005, 2024),
            "links": {"website": f"https://www.example.dk/netvaerk/{slug}"},
            "tags": r.sample(TAGS, r.randint(2, 4)),
        }
        body = "\n\n".join([t.paragraph(3, 5), "## Hvem kan være med?", t.paragraph(2, 4), t.paragraph(2, 3)])
        networks.append({"slug": slug, "front": front, "body": body})
    net_slugs = [x["slug"] for x in networks]

    events = []
    for i in range(c["events"]):
        front: dict = {}
        day = random_day(r)
        series = r.random() < SERIES_SHARE
        rule = None
        occ_days = [day]
        exdates: list[str] = []
        if series:
            if r.random() < 0.5:
                rule = "FREQ=WEEKLY;COUNT=6"
                occ_days = [day + dt.timedelta(weeks=k) for k in range(6)]
            else:
                # The start must be an occurrence of the rule: a third Wednesday.
                day = third_wednesday(day.year, day.month)
                rule = "FREQ=MONTHLY;BYDAY=3WE;COUNT=4"
                occ_days = [third_wednesday(*add_months(day, k)) for k in range(4)]
            if r.random() < 0.3:
                ex = occ_days[r.randint(1, len(occ_days) - 1)]
                exdates = [ex.isoformat()]
        whole_day = not series and r.random() < 0.05
        start_h = r.choice([8, 9, 10, 13, 14, 16, 17])
        start_m = r.choice([0, 0, 30])
        start = dt.datetime(day.year, day.month, day.day, start_h, start_m)
        end = start + dt.timedelta(minutes=r.choice([90, 120, 150, 180, 240]))
        topic = r.choice(TOPICS)
        town = r.choice(TOWNS)
        company = t.company()
        title = r.choice(EVENT_TITLES).format(topic=topic, company=company, town=town)
        title = title[0].upper() + title[1:]
        slug = f"{day.isoformat()}-{slugify(title)[:50].rstrip('-')}-{i}"
        joint = len(net_slugs) > 1 and r.random() < JOINT_EVENT_SHARE
        owner = None if joint else r.choice(net_slugs)
        front["title"] = title
        if whole_day:
            front["start"] = day.isoformat()
            front["end"] = (day + dt.timedelta(days=r.choice([0, 0, 1]))).isoformat()
        else:
            front["start"] = fmt_dt(start)
            front["end"] = fmt_dt(end)
        front["summary"] = t.short(r.randint(150, 290))
        if joint:
            front["networks"] = r.sample(net_slugs, min(len(net_slugs), r.randint(2, 3)))
        elif len(net_slugs) > 1 and r.random() < 0.05:
            front["networks"] = [r.choice([s for s in net_slugs if s != owner])]
        if rule:
            front["repeat"] = {"rule": rule} | ({"except": exdates} if exdates else {})
        front["location"] = {
            "name": f"{r.choice(VENUE_KINDS)} {town}",
            "address": f"{r.choice(STREETS)} {r.randint(1, 120)}",
            "postal_code": str(r.randint(1000, 9990)),
            "city": town,
        }
        if r.random() < 0.1:
            front["online"] = {"url": f"https://teams.example.dk/l/meetup-join/{slug}", "platform": "Microsoft Teams"}
        if r.random() < 0.5:
            reg: dict = {}
            if r.random() < 0.5:
                reg["url"] = f"https://www.example.dk/tilmelding/{slug}"
            else:
                reg["email"] = "tilmelding@example.dk"
            deadline = day - dt.timedelta(days=r.randint(2, 14))
            # A passed deadline for an upcoming event is a warning: keep the output quiet.
            last_start = dt.datetime.combine(max(occ_days), start.time())
            if not (deadline < NOW.date() and last_start > NOW):
                reg["deadline"] = deadline.isoformat()
            if r.random() < 0.5:
                reg["capacity"] = r.randint(10, 200)
            reg["price"] = r.choice(["Gratis", "Gratis for medlemmer", "250 kr. ekskl. moms"])
            front["registration"] = reg
        if r.random() < 0.3:
            front["contact"] = t.person() | {"role": "Tovholder", "email": "kontakt@example.dk", "phone": "+45 12 34 56 78"}
        speakers = []
        if r.random() < 0.4:
            for _ in range(r.randint(1, 3)):
                speakers.append(t.person() | {"role": r.choice(["Direktør", "Konsulent", "Projektleder", "Ejer"]), "organisation": t.company()})
            front["speakers"] = speakers
        if not whole_day and r.random() < 0.3:
            agenda = []
            for k in range(r.randint(2, 5)):
                at = start + dt.timedelta(minutes=20 * k)
                item = {"time": at.strftime("%H:%M"), "title": t.sentence(3, 7).rstrip(".?!")}
                if speakers and r.random() < 0.5:
                    item["speaker"] = speakers[0]["name"]
                agenda.append(item)
            front["agenda"] = agenda
        roll = r.random()
        if roll < 0.02:
            front["status"] = "cancelled"
            front["sequence"] = 1
        elif roll < 0.03:
            front["status"] = "postponed"
            front["sequence"] = 1
        front["tags"] = r.sample(TAGS, r.randint(1, 3))
        body = event_body(t, speakers)
        events.append({
            "slug": slug, "owner": owner, "front": front, "body": body,
            "nets": ([owner] if owner else []) + [s for s in front.get("networks", []) if s != owner],
            "start": start, "end": end, "whole_day": whole_day, "rule": rule, "exdates": exdates,
            "occurrences": [dt.datetime.combine(d, start.time()) for d in occ_days if d.isoformat() not in exdates],
        })

    stories = []
    for i in range(c["stories"]):
        day = random_day(r)
        company = t.company()
        title = r.choice(STORY_TITLES).format(company=company, n=r.randint(2, 40), topic=r.choice(TOPICS), town=r.choice(TOWNS))
        title = title[0].upper() + title[1:]
        slug = f"{slugify(title)[:60].rstrip('-')}-{i}"
        sitewide = len(net_slugs) == 0 or r.random() < SITEWIDE_STORY_SHARE
        owner = None if sitewide else r.choice(net_slugs)
        front = {"title": title, "date": day.isoformat()}
        if r.random() < 0.5:
            front["summary"] = t.short(r.randint(150, 290))
        if sitewide and r.random() < 0.7:
            front["networks"] = r.sample(net_slugs, min(len(net_slugs), r.randint(1, 2)))
        front["author"] = t.person()["name"]
        companies = []
        if r.random() < 0.6:
            companies = [{"name": company, "url": f"https://www.example.dk/{slugify(company)}"}]
            if r.random() < 0.4:
                companies.append({"name": t.company()})
            front["companies"] = companies
        front["tags"] = r.sample(TAGS, r.randint(1, 3))
        body = story_body(t, companies)
        stories.append({
            "slug": slug, "owner": owner, "front": front, "body": body, "date": day,
            "nets": ([owner] if owner else []) + front.get("networks", []),
        })

    # Newsletters: all in network folders (a site-wide issue would gather every network's
    # upcoming events and outgrow the 100 KB email limit on the large corpora).
    newsletters = []
    per_net: dict[str, list[dt.date]] = {s: [] for s in net_slugs}
    for i in range(c["newsletters"]):
        per_net[net_slugs[i % len(net_slugs)]].append(random_day(r))
    for net, days in per_net.items():
        seen = set()
        for number, day in enumerate(sorted(days), start=1):
            while day in seen:
                day += dt.timedelta(days=1)
            seen.add(day)
            slug = f"{day.isoformat()}-nyhedsbrev-{number}"
            front = {
                "date": day.isoformat(),
                "title": f"Nyhedsbrev nr. {number}: {r.choice(TOPICS)}",
                "number": number,
                "preheader": t.short(140),
                "stories": "auto",
                "events": "auto",
            }
            body = "\n\n".join(["Kære netværksdeltagere", t.paragraph(3, 5), t.paragraph(2, 3), "Med venlig hilsen  \n" + t.person()["name"]])
            newsletters.append({"slug": slug, "owner": net, "front": front, "body": body, "date": day})

    return {"counts": c, "networks": networks, "events": events, "stories": stories, "newsletters": newsletters}


# --------------------------------------------------------------------------- writers

SITE_YAML = """\
title: Erhvervsnetværk i Danmark (benchmark)
base_url: https://netvaerk.example.dk/
language: da
timezone: Europe/Copenhagen
description: >-
  Møder, succeshistorier og nyhedsbreve fra lokale erhvervsnetværk – et syntetisk
  datasæt til ydelsesmålinger.
organisation:
  name: Netværkssekretariatet
  url: https://www.example.dk/
  email: netvaerk@example.dk
newsletter_upcoming_days: 60
newsletter_unsubscribe: "*|UNSUB|*"
postal_address: "Netværkssekretariatet, Havnegade 12, 5000 Odense C"
"""


def write(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


def fresh(folder: Path) -> None:
    if folder.exists():
        shutil.rmtree(folder)
    folder.mkdir(parents=True)


def write_kreds(model: dict, out: Path) -> int:
    fresh(out)
    write(out / "site.yaml", SITE_YAML)
    files = 0
    for n in model["networks"]:
        write(out / "networks" / n["slug"] / "index.md", document(n["front"], n["body"]))
        files += 1
    for e in model["events"]:
        where = out / "networks" / e["owner"] / "events" if e["owner"] else out / "events"
        write(where / f"{e['slug']}.md", document(e["front"], e["body"]))
        files += 1
    for s in model["stories"]:
        where = out / "networks" / s["owner"] / "stories" if s["owner"] else out / "stories"
        write(where / f"{s['slug']}.md", document(s["front"], s["body"]))
        files += 1
    for nl in model["newsletters"]:
        write(out / "networks" / nl["owner"] / "newsletters" / f"{nl['slug']}.md", document(nl["front"], nl["body"]))
        files += 1
    return files


def hugo_time(x: dt.datetime) -> str:
    return x.strftime("%Y-%m-%dT%H:%M:%S")


def write_hugo(model: dict, out: Path) -> int:
    """The same texts as a Hugo site. Front matter keeps the Kreds keys as params; what
    Hugo's templates cannot derive on their own (the months a series touches, its
    occurrences, the ICS stamp of whole-day events) is precomputed here."""
    fresh(out)
    shutil.copytree(HUGO_SKELETON, out, dirs_exist_ok=True)
    content = out / "content"
    files = 0
    write(content / "_index.md", document({"title": "Erhvervsnetværk i Danmark (benchmark)"}, "Møder, succeshistorier og nyhedsbreve fra lokale erhvervsnetværk."))
    for section, title in (("events", "Arrangementer"), ("stories", "Historier"), ("newsletters", "Nyhedsbreve")):
        write(content / section / "_index.md", document({"title": title}, ""))
    for n in model["networks"]:
        # The network page is the term page of the `networks` taxonomy.
        front = dict(n["front"]) | {"outputs": ["html", "rss", "ics"]}
        write(content / "networks" / n["slug"] / "_index.md", document(front, n["body"]))
        write(content / "newsletters" / n["slug"] / "_index.md",
              document({"title": f"Nyhedsbreve fra {n['front']['title']}", "network": n["slug"], "outputs": ["html", "rss"]}, ""))
        files += 1
    for e in model["events"]:
        f = dict(e["front"])
        for k in ("start", "end", "networks"):
            f.pop(k, None)
        repeat = f.pop("repeat", None)
        if e["whole_day"]:
            last = dt.date.fromisoformat(e["front"]["end"])
            date, end = e["start"].replace(hour=0, minute=0), dt.datetime.combine(last, dt.time()) + dt.timedelta(days=1)
        else:
            date, end = e["start"], e["end"]
        head = {
            "title": f.pop("title"),
            "date": hugo_time(date),
            "end": hugo_time(end),
            "allday": e["whole_day"],
            "networks": e["nets"],
            "tags": f.pop("tags"),
            "months": sorted({o.strftime("%Y-%m") for o in e["occurrences"]} | {date.strftime("%Y-%m")}),
            "years": sorted({str(o.year) for o in e["occurrences"]} | {str(date.year)}),
            "occurrences": [hugo_time(o) for o in e["occurrences"]],
            "uid": f"{e['slug']}@netvaerk.example.dk",
        }
        if repeat:
            head["rrule"] = repeat["rule"]
            head["exdates"] = [d.replace("-", "") + date.strftime("T%H%M%S") for d in repeat.get("except", [])]
        write(content / "events" / f"{e['slug']}.md", document(head | f, e["body"]))
        files += 1
    for s in model["stories"]:
        f = dict(s["front"])
        f.pop("networks", None)
        head = {"title": f.pop("title"), "date": f.pop("date"), "networks": s["nets"], "tags": f.pop("tags")}
        write(content / "stories" / f"{s['slug']}.md", document(head | f, s["body"]))
        files += 1
    for nl in model["newsletters"]:
        f = dict(nl["front"])
        head = {"title": f.pop("title"), "date": f.pop("date"), "networks": [nl["owner"]]}
        write(content / "newsletters" / nl["owner"] / f"{nl['slug']}.md", document(head | f, nl["body"]))
        files += 1
    return files


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--files", type=int, required=True, help="number of content files (networks + events + stories + newsletters)")
    p.add_argument("--kreds", type=Path, help="write the Kreds content folder here")
    p.add_argument("--hugo", type=Path, help="write the equivalent Hugo site here")
    p.add_argument("--seed", type=int, default=1, help="random seed (default 1)")
    a = p.parse_args(argv)
    if not a.kreds and not a.hugo:
        p.error("give --kreds and/or --hugo")
    model = build_model(a.files, a.seed)
    c = model["counts"]
    summary = ", ".join(f"{v} {k}" for k, v in c.items())
    if a.kreds:
        k = write_kreds(model, a.kreds)
        print(f"kreds: {k} content files ({summary}) -> {a.kreds}")
    if a.hugo:
        h = write_hugo(model, a.hugo)
        print(f"hugo:  {h} content files (+ section and term _index.md) -> {a.hugo}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
