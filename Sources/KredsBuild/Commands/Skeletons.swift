import KredsSite

/// The text of a new file: required keys filled in, optional ones as comments, placeholders in
/// the site's language.
struct Skeletons {
  let language: Language

  /// The word in a new newsletter's file name.
  var newsletterWord: String { language == .da ? "nyhedsbrev" : "newsletter" }

  func network(title: String) -> String {
    language == .da ? networkDanish(title: title) : networkEnglish(title: title)
  }

  func event(title: String, start: LocalDateTime) -> String {
    language == .da
      ? eventDanish(title: title, start: start) : eventEnglish(title: title, start: start)
  }

  func story(title: String, date: LocalDate) -> String {
    language == .da ? storyDanish(title: title, date: date) : storyEnglish(title: title, date: date)
  }

  func newsletter(date: LocalDate) -> String {
    language == .da ? newsletterDanish(date: date) : newsletterEnglish(date: date)
  }

  private func networkDanish(title: String) -> String {
    """
    ---
    title: \(NewContent.quoted(title))
    summary: "Skriv et afsnit om netværket: hvem det er for, og hvad det arbejder med."
    # region: Nyborg Kommune
    # organiser: {name: Erhvervshuset, url: https://example.dk/, email: kontakt@example.dk}
    # contact: {name: Navn Navnesen, role: Projektleder, email: navn@example.dk, phone: "+45 12 34 56 78"}
    # status: active            # active, paused or ended
    # founded: 2024
    # links: {website: https://example.dk/}
    # steering_committee:
    #   - {name: Navn Navnesen, organisation: Virksomhed A/S}
    # tags: [energi]
    # image: media/netvaerk.jpg
    # image_alt: Beskriv billedet
    # publish: 2027-01-11 08:00  # ikke på siden før dette tidspunkt
    ---

    Beskriv netværkets formål, hvem det er for, og hvordan man bliver medlem.

    """
  }

  private func eventDanish(title: String, start: LocalDateTime) -> String {
    """
    ---
    title: \(NewContent.quoted(title))
    start: \(start)
    # end: \(NewContent.defaultEnd(start))
    location:
      name: "Skriv stedets navn"
      # address: Havnegade 3
      # postal_code: 5800
      # city: Nyborg
    # online: {url: https://example.dk/moede, platform: Microsoft Teams}
    # summary: Én sætning om mødet til lister og kalendere.
    # registration: {url: https://example.dk/tilmelding, deadline: \(start.date), price: Gratis}
    # contact: {name: Navn Navnesen, email: navn@example.dk}
    # agenda:
    #   - {time: "09:00", title: Velkomst}
    # tags: [energi]
    # publish: 2027-01-11 08:00  # ikke på siden før dette tidspunkt
    ---

    Skriv om mødet: hvad sker der, og hvem er det for?

    """
  }

  private func storyDanish(title: String, date: LocalDate) -> String {
    """
    ---
    title: \(NewContent.quoted(title))
    date: \(date)
    # summary: Én sætning til lister og feeds (ellers bruges første afsnit).
    # author: Navn Navnesen
    # companies:
    #   - {name: Virksomhed A/S, url: https://example.dk/}
    # tags: [energi]
    # image: media/historier/billede.jpg
    # image_alt: Beskriv billedet
    # publish: 2027-01-11 08:00  # ikke på siden før dette tidspunkt
    ---

    Første afsnit fortæller historien kort. Resten giver detaljerne.

    """
  }

  private func newsletterDanish(date: LocalDate) -> String {
    """
    ---
    date: \(date)
    # title: Nyhedsbrev
    # number: 1
    # preheader: Den korte tekst, mailprogrammer viser før brevet åbnes.
    # stories: auto             # or a list of story slugs
    # events: auto              # or a list of event slugs
    # exclude: []
    # publish: 2027-01-11 08:00  # ikke på siden før dette tidspunkt
    ---

    Skriv en kort indledning til nyhedsbrevet.

    """
  }

  private func networkEnglish(title: String) -> String {
    """
    ---
    title: \(NewContent.quoted(title))
    summary: "Write a paragraph about the network: who it is for and what it works on."
    # region: Nyborg Municipality
    # organiser: {name: Business House, url: https://example.dk/, email: kontakt@example.dk}
    # contact: {name: Jane Doe, role: Project manager, email: jane@example.dk, phone: "+45 12 34 56 78"}
    # status: active            # active, paused or ended
    # founded: 2024
    # links: {website: https://example.dk/}
    # steering_committee:
    #   - {name: Jane Doe, organisation: Company Ltd}
    # tags: [energy]
    # image: media/network.jpg
    # image_alt: Describe the picture
    # publish: 2027-01-11 08:00  # not on the site before this time
    ---

    Describe the network's purpose, who it is for, and how to join.

    """
  }

  private func eventEnglish(title: String, start: LocalDateTime) -> String {
    """
    ---
    title: \(NewContent.quoted(title))
    start: \(start)
    # end: \(NewContent.defaultEnd(start))
    location:
      name: "Write the name of the place"
      # address: Havnegade 3
      # postal_code: 5800
      # city: Nyborg
    # online: {url: https://example.dk/moede, platform: Microsoft Teams}
    # summary: One sentence about the meeting for lists and calendars.
    # registration: {url: https://example.dk/tilmelding, deadline: \(start.date), price: Free}
    # contact: {name: Jane Doe, email: jane@example.dk}
    # agenda:
    #   - {time: "09:00", title: Welcome}
    # tags: [energy]
    # publish: 2027-01-11 08:00  # not on the site before this time
    ---

    Write about the meeting: what happens, and who is it for?

    """
  }

  private func storyEnglish(title: String, date: LocalDate) -> String {
    """
    ---
    title: \(NewContent.quoted(title))
    date: \(date)
    # summary: One sentence for lists and feeds (else the first paragraph is used).
    # author: Jane Doe
    # companies:
    #   - {name: Company Ltd, url: https://example.dk/}
    # tags: [energy]
    # image: media/stories/picture.jpg
    # image_alt: Describe the picture
    # publish: 2027-01-11 08:00  # not on the site before this time
    ---

    The first paragraph tells the story in short. The rest gives the details.

    """
  }

  private func newsletterEnglish(date: LocalDate) -> String {
    """
    ---
    date: \(date)
    # title: Newsletter
    # number: 1
    # preheader: The short text mail programs show before the mail is opened.
    # stories: auto             # or a list of story slugs
    # events: auto              # or a list of event slugs
    # exclude: []
    # publish: 2027-01-11 08:00  # not on the site before this time
    ---

    Write a short introduction to the newsletter.

    """
  }
}
