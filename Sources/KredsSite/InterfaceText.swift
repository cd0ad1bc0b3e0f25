/// The words of the interface in the site's language, handed to templates as `t.*`.
enum InterfaceText {
  static func table(for language: Language) -> [String: String] {
    language == .da ? danish : english
  }

  static let danish: [String: String] = [
    "skipToContent": "Gå til indholdet", "mainMenu": "Hovedmenu", "home": "Forside",
    "networks": "Netværk", "events": "Arrangementer", "upcomingEvents": "Kommende arrangementer",
    "pastEvents": "Tidligere arrangementer", "archive": "Arkiv", "archiveOfYear": "Arkiv for",
    "stories": "Historier", "latestStories": "Seneste historier", "allEvents": "Alle arrangementer",
    "allStories": "Alle historier", "allNetworks": "Alle netværk",
    "endedNetworks": "Afsluttede netværk",
    "readMore": "Læs mere", "when": "Hvornår", "where": "Hvor", "online": "Online",
    "joinOnline": "Deltag online", "registration": "Tilmelding", "register": "Tilmeld dig",
    "registerByEmail": "Tilmeld dig på e-mail", "deadline": "Tilmeldingsfrist",
    "registrationClosed": "Tilmeldingen er lukket", "capacity": "Antal pladser", "price": "Pris",
    "contact": "Kontakt", "speakers": "Oplægsholdere", "agenda": "Program",
    "attachments": "Materialer", "organisedBy": "Arrangeres af", "topics": "Emner",
    "cancelled": "Aflyst", "postponed": "Udsat", "ended": "Afsluttet", "paused": "På pause",
    "noUpcomingEvents": "Der er ingen kommende arrangementer lige nu.",
    "noPastEvents": "Der er ingen tidligere arrangementer.",
    "noStories": "Der er ingen historier endnu.",
    "page": "Side", "previous": "Forrige", "next": "Næste", "pagination": "Sider",
    "founded": "Startet", "region": "Område", "organiser": "Facilitator",
    "steeringCommittee": "Styregruppe", "links": "Links",
    "storiesFeed": "Historier som feed (Atom)",
    "published": "Udgivet", "updated": "Opdateret", "author": "Skrevet af",
    "companies": "Virksomheder", "showOnMap": "Vis på kort (OpenStreetMap)",
    "notFoundTitle": "Siden findes ikke",
    "notFoundText":
      "Vi kan ikke finde den side, du leder efter. Den kan være flyttet eller slettet.",
    "backHome": "Gå til forsiden", "series": "Gentagende arrangement",
    "eventsOfYear": "Arrangementer i", "time": "Tidspunkt", "programme": "Programpunkt",
    "timezone": "Tidszone", "website": "Hjemmeside", "facebook": "Facebook", "linkedin": "LinkedIn",
    "newsletters": "Nyhedsbreve", "footerFeed": "Abonnér på historier (Atom)", "menu": "Menu",
    "topic": "Emne", "email": "E-mail", "phone": "Telefon", "dates": "Datoer", "past": "afholdt",
  ]

  static let english: [String: String] = [
    "skipToContent": "Skip to content", "mainMenu": "Main menu", "home": "Home",
    "networks": "Networks", "events": "Events", "upcomingEvents": "Upcoming events",
    "pastEvents": "Past events", "archive": "Archive", "archiveOfYear": "Archive for",
    "stories": "Stories", "latestStories": "Latest stories", "allEvents": "All events",
    "allStories": "All stories", "allNetworks": "All networks", "endedNetworks": "Ended networks",
    "readMore": "Read more", "when": "When", "where": "Where", "online": "Online",
    "joinOnline": "Join online", "registration": "Registration", "register": "Register",
    "registerByEmail": "Register by email", "deadline": "Registration deadline",
    "registrationClosed": "Registration is closed", "capacity": "Places", "price": "Price",
    "contact": "Contact", "speakers": "Speakers", "agenda": "Programme",
    "attachments": "Documents", "organisedBy": "Organised by", "topics": "Topics",
    "cancelled": "Cancelled", "postponed": "Postponed", "ended": "Ended", "paused": "Paused",
    "noUpcomingEvents": "There are no upcoming events right now.",
    "noPastEvents": "There are no past events.", "noStories": "There are no stories yet.",
    "page": "Page", "previous": "Previous", "next": "Next", "pagination": "Pages",
    "founded": "Founded", "region": "Area", "organiser": "Facilitator",
    "steeringCommittee": "Steering committee", "links": "Links",
    "storiesFeed": "Stories as a feed (Atom)",
    "published": "Published", "updated": "Updated", "author": "Written by",
    "companies": "Companies", "showOnMap": "Show on map (OpenStreetMap)",
    "notFoundTitle": "Page not found",
    "notFoundText":
      "We cannot find the page you are looking for. It may have moved or been removed.",
    "backHome": "Go to the front page", "series": "Repeating event",
    "eventsOfYear": "Events in", "time": "Time", "programme": "Item",
    "timezone": "Time zone", "website": "Website", "facebook": "Facebook", "linkedin": "LinkedIn",
    "newsletters": "Newsletters", "footerFeed": "Subscribe to stories (Atom)", "menu": "Menu",
    "topic": "Topic", "email": "Email", "phone": "Phone", "dates": "Dates", "past": "past",
  ]
}
