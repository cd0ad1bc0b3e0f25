/// The words of the interface in the site's language, handed to templates as `t.*`.
package enum InterfaceText {
  package static func table(for language: Language) -> [String: String] {
    language == .da ? danish : english
  }

  /// One word of the interface. Every key the code names is in both tables
  /// (`InterfaceTextTests`), so the key itself is never shown.
  package static func word(_ key: String, in language: Language) -> String {
    table(for: language)[key] ?? key
  }

  package static let danish: [String: String] = [
    // Words that are not templates' own: a table's scrolling region, a series' count.
    "table": "Tabel", "seriesTimes": "Gentages {count} gange", "seriesExcept": "undtagen",
    "accessibilityStatement": "Tilgængelighedserklæring",
    "accessibilityStatementText": "Tilgængelighedserklæringen for dette websted findes her:",
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
    "calendar": "Kalender", "eventsIn": "Arrangementer i", "week": "Uge", "continued": "fortsat",
    "addToCalendar": "Føj til din kalender", "downloadICS": "Kalenderfil (.ics)",
    "googleCalendar": "Google Kalender", "outlookCom": "Outlook.com",
    "seriesCalendarNote":
      "Kalenderfilen har alle datoer i serien. Google- og Outlook-linket tilføjer datoen ovenfor.",
    "subscribeCalendar": "Abonnér på kalenderen",
    "subscribeWebcal": "Apple Kalender (iPhone, iPad, Mac) og andre kalenderprogrammer",
    "subscribeWebcalHow":
      "Tryk på linket, og sig ja til at abonnere. Det virker også i Thunderbird og de fleste andre programmer.",
    "subscribeGoogle": "Google Kalender",
    "subscribeGoogleHow":
      "Log ind med din Google-konto, og tryk på Tilføj. Google henter ændringer et par gange i døgnet.",
    "subscribeOutlook365": "Outlook på arbejdet (Microsoft 365)",
    "subscribeOutlook365How":
      "Log ind med din arbejdskonto, og tryk på Importér. Kalenderen kommer under Andre kalendere.",
    "subscribeOutlookCom": "Outlook.com (privat Microsoft-konto)",
    "subscribeOutlookComHow":
      "Log ind med din Microsoft-konto, og tryk på Importér. Kalenderen kommer under Andre kalendere.",
    "subscribeHTTPS": "Kopiér adressen til andre programmer",
    "subscribeHTTPSHow":
      "Kopiér adressen, og sæt den ind, hvor dit program beder om en kalender fra internettet.",
    "subscribeHow": "Sådan gør du",
    "subscribeNote": "Nye og ændrede arrangementer kommer automatisk med i din kalender.",
    "embedTitle": "Kommende møder", "embedNone": "Ingen møder planlagt lige nu.",
    "embedAll": "Se alle møder", "embedHeading": "Vis møderne på jeres hjemmeside",
    "embedIntro":
      "Kopiér koden ind på jeres hjemmeside, så viser den altid de næste møder, uden at I skal gøre mere.",
    "embedPreview": "Sådan ser det ud", "embedCode": "Koden til jeres hjemmeside",
    "embedMore": "Mere om at vise vores møder på jeres hjemmeside",
    "shareTitle": "Vis vores møder på jeres hjemmeside",
    "shareDescription":
      "Sådan viser partnere, kommuner og foreninger vores kommende møder på deres egne hjemmesider.",
    "shareSiteList": "Alle netværkenes møder", "shareNetworkLists": "Et enkelt netværks møder",
    "shareFeeds": "Til udviklere: feeds", "jsonFeed": "JSON Feed", "icsFeed": "iCal-kalender",
    "shareStyleHeading": "Farve og skrift",
    "shareStyleText":
      "Sæt jeres egen farve og skrift i adressen: farve er seks (eller tre) hex-cifre uden #, og skrift er system, sans eller serif. Andre værdier bliver ignoreret, og listen vises i sin egen stil.",
    "shareFeedsText":
      "De samme møder findes som JSON Feed 1.1 og som iCal-kalender, til jeres egen visning. Adresserne og formatet ændres ikke uden varsel: JSON-feedets _kreds-objekt har version 1, og hvert møde er et schema.org Event i _kreds.meetings.",
    "shareJSONText":
      "Hvert punkt i JSON-feedet er et arrangement med id (det samme UID som i kalenderen), url og title; _kreds har status, netværk, sted, online-adresse, tilmelding (med closed) og møderne med startDate og endDate i ISO 8601.",
    "today": "I dag", "previousMonth": "Forrige måned", "nextMonth": "Næste måned",
    "noEventsInMonth": "Der er ingen arrangementer i denne måned.", "monthNav": "Måneder",
    "showCalendar": "Se månedskalenderen", "todayMarker": "i dag", "happeningNow": "I gang nu",
    "eventEnded": "Mødet er afholdt.", "seriesEnded": "Alle møderne i rækken er afholdt.",
    "search": "Søg", "searchTitle": "Søg på siden",
    "searchLabel": "Søg efter møder, historier, nyhedsbreve og netværk",
    "searchNetwork": "Netværk", "searchAllNetworks": "Alle netværk", "searchKind": "Type",
    "searchAllKinds": "Alt", "kindEvent": "Møde", "kindStory": "Historie",
    "kindNewsletter": "Nyhedsbrev", "kindNetwork": "Netværk", "kindPage": "Side",
    "searchEnded": "afholdt", "searchResults": "{count} resultater",
    "searchOneResult": "1 resultat", "searchNoResults": "Ingen resultater.",
    "searchPrompt": "Skriv et ord, eller vælg et netværk eller en type.",
    "searchFailed": "Søgningen kunne ikke hentes. Prøv igen om lidt, eller brug listerne herunder.",
    "searchNoScript":
      "Søgningen kræver JavaScript, som er slået fra i din browser. Find i stedet det, du leder efter, i listerne:",
    "seeUpcomingEvents": "Se de kommende arrangementer",
    "scheduled": "Planlagt – udgives",
    "newsletter": "Nyhedsbrev", "issueNumber": "Nr.", "newsletterStories": "Historier",
    "newsletterEvents": "Kommende møder", "viewInBrowser": "Se nyhedsbrevet i din browser",
    "emailVersions": "Til redaktøren: udgaver til mailprogrammet",
    "emailHTML": "E-mail som HTML", "emailText": "E-mail som ren tekst",
    "emailMessage": "Kladde, der åbner i mailprogrammet (.eml)",
    "allNewsletters": "Alle nyhedsbreve", "noNewsletters": "Der er ingen nyhedsbreve endnu.",
    "newslettersFeed": "Nyhedsbreve som feed (Atom)", "latestNewsletter": "Seneste nyhedsbrev",
    "siteWideNewsletters": "Fælles nyhedsbreve for alle netværk",
    "readStory": "Læs historien", "eventDetails": "Læs mere og tilmeld dig",
    "sentBy": "Nyhedsbrevet sendes af", "noEventsInIssue": "Ingen møder i den kommende periode.",
    "unsubscribe": "Afmeld nyhedsbrevet",
  ]

  package static let english: [String: String] = [
    "table": "Table", "seriesTimes": "Takes place {count} times", "seriesExcept": "except",
    "accessibilityStatement": "Accessibility statement",
    "accessibilityStatementText": "The accessibility statement for this website is here:",
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
    "calendar": "Calendar", "eventsIn": "Events in", "week": "Week", "continued": "continued",
    "addToCalendar": "Add to your calendar", "downloadICS": "Calendar file (.ics)",
    "googleCalendar": "Google Calendar", "outlookCom": "Outlook.com",
    "seriesCalendarNote":
      "The calendar file has every date of the series. The Google and Outlook links add the date above.",
    "subscribeCalendar": "Subscribe to the calendar",
    "subscribeWebcal": "Apple Calendar (iPhone, iPad, Mac) and other calendar apps",
    "subscribeWebcalHow":
      "Tap the link and agree to subscribe. It works in Thunderbird and most other apps too.",
    "subscribeGoogle": "Google Calendar",
    "subscribeGoogleHow":
      "Sign in with your Google account and press Add. Google fetches changes a few times a day.",
    "subscribeOutlook365": "Outlook at work (Microsoft 365)",
    "subscribeOutlook365How":
      "Sign in with your work account and press Import. The calendar appears under Other calendars.",
    "subscribeOutlookCom": "Outlook.com (personal Microsoft account)",
    "subscribeOutlookComHow":
      "Sign in with your Microsoft account and press Import. The calendar appears under Other calendars.",
    "subscribeHTTPS": "Copy the address for other apps",
    "subscribeHTTPSHow":
      "Copy the address and paste it where your app asks for a calendar from the internet.",
    "subscribeHow": "How to",
    "subscribeNote": "New and changed events appear in your calendar by themselves.",
    "embedTitle": "Coming meetings", "embedNone": "No meetings planned right now.",
    "embedAll": "See all meetings", "embedHeading": "Show the meetings on your website",
    "embedIntro":
      "Copy the code into your website, and it will always show the next meetings, with nothing more to do.",
    "embedPreview": "Preview", "embedCode": "The code for your website",
    "embedMore": "More on showing our meetings on your website",
    "shareTitle": "Show our meetings on your website",
    "shareDescription":
      "How partners, municipalities and associations show our coming meetings on their own websites.",
    "shareSiteList": "The meetings of every network", "shareNetworkLists": "One network's meetings",
    "shareFeeds": "For developers: feeds", "jsonFeed": "JSON Feed", "icsFeed": "iCal calendar",
    "shareStyleHeading": "Colour and font",
    "shareStyleText":
      "Set your own colour and font in the address: colour is six (or three) hex digits without #, and font is system, sans or serif. Other values are ignored, and the list shows in its own style.",
    "shareFeedsText":
      "The same meetings are published as a JSON Feed 1.1 and as an iCal calendar, for your own display. Their addresses and format do not change without notice: the JSON feed's _kreds object has version 1, and each meeting is a schema.org Event in _kreds.meetings.",
    "shareJSONText":
      "Each item of the JSON feed is an event with id (the same UID as in the calendar), url and title; _kreds holds the status, networks, place, online address, registration (with closed) and the meetings with startDate and endDate in ISO 8601.",
    "today": "Today", "previousMonth": "Previous month", "nextMonth": "Next month",
    "noEventsInMonth": "There are no events this month.", "monthNav": "Months",
    "showCalendar": "See the month calendar", "todayMarker": "today",
    "happeningNow": "Happening now", "scheduled": "Scheduled – published",
    "search": "Search", "searchTitle": "Search the site",
    "searchLabel": "Search meetings, stories, newsletters and networks",
    "searchNetwork": "Network", "searchAllNetworks": "All networks", "searchKind": "Type",
    "searchAllKinds": "Everything", "kindEvent": "Meeting", "kindStory": "Story",
    "kindNewsletter": "Newsletter", "kindNetwork": "Network", "kindPage": "Page",
    "searchEnded": "ended", "searchResults": "{count} results",
    "searchOneResult": "1 result", "searchNoResults": "No results.",
    "searchPrompt": "Type a word, or choose a network or a type.",
    "searchFailed": "Search could not be loaded. Try again in a moment, or use the lists below.",
    "searchNoScript":
      "Search needs JavaScript, which is off in your browser. Find what you are looking for in the lists instead:",
    "eventEnded": "This meeting has ended.",
    "seriesEnded": "Every meeting in this series has ended.",
    "seeUpcomingEvents": "See the upcoming events",
    "newsletter": "Newsletter", "issueNumber": "No.", "newsletterStories": "Stories",
    "newsletterEvents": "Coming meetings", "viewInBrowser": "View this newsletter in your browser",
    "emailVersions": "For the editor: versions for the mail program",
    "emailHTML": "Email as HTML", "emailText": "Email as plain text",
    "emailMessage": "Draft that opens in the mail program (.eml)",
    "allNewsletters": "All newsletters", "noNewsletters": "There are no newsletters yet.",
    "newslettersFeed": "Newsletters as a feed (Atom)", "latestNewsletter": "Latest newsletter",
    "siteWideNewsletters": "Joint newsletters for all networks",
    "readStory": "Read the story", "eventDetails": "Details and registration",
    "sentBy": "This newsletter is sent by", "noEventsInIssue": "No meetings in the coming period.",
    "unsubscribe": "Unsubscribe",
  ]
}
