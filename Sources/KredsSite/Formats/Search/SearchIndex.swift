import Foundation

/// The search index (SITE.md, "Search"), made from the resolved site: what it knows of kinds,
/// dates, networks and series comes with each document, and drafts and items whose `publish:`
/// time has not come are not in it, as they are not in the site. Written in chunks under
/// `<search>/data/`, so that a query fetches only the words that start like its own
/// (`assets/search.js`):
///
/// - `meta.json`: the language, the number of documents, the chunk keys and the networks;
/// - `t/<key>.json`: the words starting with `key` (their first two letters, folded), each
///   with its key (its Danish or English stem), and each key with its documents and weights;
/// - `d/<n>.json`: documents `n × 100` to `n × 100 + 99`: kind, title, address, date, date
///   text, networks, end (of an event's last meeting), status and the text of the snippet.
struct SearchIndex: Sendable {
  /// Documents in one `d/` chunk.
  static let documentsPerChunk = 100
  /// Characters of text kept per document for its snippet.
  static let snippetLength = 400

  struct Document: Sendable {
    var kind: String
    var title: String
    var url: String
    /// `YYYY-MM-DD`, for sorting and filters; nil for networks and pages.
    var date: String?
    var dateText: String?
    var networks: [Int]
    /// When an event's last meeting ends, as its pages write it (`data-occurrence-end`).
    var end: String?
    var status: String?
    var text: String
  }

  /// One field of a document and the weight of each of its words.
  private struct Field {
    var text: String
    var weight: Int
  }

  let language: Language
  let documents: [Document]
  /// Each key with its flat list of document index and weight.
  let postings: [(key: String, list: [Int])]
  /// Folded word → its key.
  let words: [String: String]
  let networks: [(slug: String, title: String)]

  init(site: Site, builder: ViewBuilder) {
    language = site.settings.language
    let urls = builder.urls
    var documents: [Document] = []
    var fields: [[Field]] = []
    func add(_ document: Document, _ documentFields: [Field]) {
      documents.append(document)
      fields.append(documentFields)
    }
    // Events are most of a site's documents: made on all cores, a view builder each.
    let events = Parallel.map(Array(site.events.indices), makeWorker: { ViewBuilder(site: site) }) {
      builder, index -> (Document, [Field])? in
      let event = site.events[index]
      let occurrences = site.occurrences(ofEvent: index)
      guard let last = occurrences.last else { return nil }
      let shown = occurrences.first { $0.endInstant > site.now } ?? last
      let networkTitles = event.networkSlugs.compactMap { site.network($0)?.title }
      return (
        Document(
          kind: "event", title: event.title, url: builder.urls.event(event.slug),
          date: shown.start.date.description, dateText: builder.dates.long(shown.start.date),
          networks: Self.networkIndexes(event.networkSlugs, in: site),
          end: builder.occurrenceBounds(last).end,
          status: builder.statusLabel(event.status),
          text: Self.snippet(event.summary, event.body.plainText)),
        [
          Field(text: event.title, weight: 8), Field(text: event.summary ?? "", weight: 4),
          Field(text: (event.tags + networkTitles).joined(separator: " "), weight: 3),
          Field(
            text: event.location.map { [$0.name, $0.city ?? ""].joined(separator: " ") } ?? "",
            weight: 2),
          Field(text: event.agenda.map(\.title).joined(separator: " "), weight: 1),
          Field(text: event.body.plainText, weight: 1),
        ]
      )
    }
    for case (let document, let documentFields)? in events { add(document, documentFields) }
    for story in site.stories {
      let networkTitles = story.networkSlugs.compactMap { site.network($0)?.title }
      add(
        Document(
          kind: "story", title: story.title, url: urls.story(story.slug),
          date: story.date.date.description, dateText: builder.dates.long(story.date.date),
          networks: Self.networkIndexes(story.networkSlugs, in: site), end: nil, status: nil,
          text: Self.snippet(story.summary, story.body.plainText)),
        [
          Field(text: story.title, weight: 8), Field(text: story.summary ?? "", weight: 4),
          Field(
            text: (story.tags + networkTitles + story.companies.map(\.name)).joined(separator: " "),
            weight: 3),
          Field(text: story.body.plainText, weight: 1),
        ])
    }
    for newsletter in site.newsletters {
      let title = builder.newsletterTitle(newsletter)
      add(
        Document(
          kind: "newsletter", title: title, url: builder.newsletterPath(newsletter),
          date: newsletter.date.description, dateText: builder.dates.long(newsletter.date),
          networks: Self.networkIndexes(newsletter.network.map { [$0] } ?? [], in: site), end: nil,
          status: nil, text: Self.snippet(newsletter.preheader, newsletter.body.plainText)),
        [
          Field(text: title, weight: 8), Field(text: newsletter.preheader ?? "", weight: 2),
          Field(text: newsletter.body.plainText, weight: 1),
        ])
    }
    for (index, network) in site.networks.enumerated() {
      add(
        Document(
          kind: "network", title: network.title, url: urls.network(network.slug), date: nil,
          dateText: nil, networks: [index], end: nil,
          status: network.status == .active ? nil : builder.label(network.status.rawValue),
          text: Self.snippet(network.summary, network.body.plainText)),
        [
          Field(text: network.title, weight: 8), Field(text: network.summary, weight: 4),
          Field(text: (network.tags + [network.region ?? ""]).joined(separator: " "), weight: 3),
          Field(text: network.body.plainText, weight: 1),
        ])
    }
    for page in site.pages {
      add(
        Document(
          kind: "page", title: page.title, url: urls.page(page.slug), date: nil, dateText: nil,
          networks: [], end: nil, status: nil, text: Self.snippet(page.summary, page.body.plainText)
        ),
        [
          Field(text: page.title, weight: 8), Field(text: page.summary ?? "", weight: 4),
          Field(text: page.body.plainText, weight: 1),
        ])
    }

    // Each document's words and their weights, on all cores.
    let counted = Parallel.map(fields) { documentFields -> [String: Int] in
      var weights: [String: Int] = [:]
      for field in documentFields {
        for word in SearchText.words(field.text) where word.unicodeScalars.count >= 2 {
          weights[word, default: 0] += field.weight
        }
      }
      return weights
    }
    var vocabulary: Set<String> = []
    for weights in counted { vocabulary.formUnion(weights.keys) }
    let words = Array(vocabulary)
    let stemmer = SearchStemmer(language: language)
    let stems = Parallel.map(words) { stemmer.stem($0) }
    var keyOfWord: [String: String] = [:]
    keyOfWord.reserveCapacity(words.count)
    for (word, key) in zip(words, stems) { keyOfWord[word] = key }
    let compounds =
      language == .da ? CompoundWords(vocabulary: vocabulary, keys: Set(stems)) : nil
    // Each word's keys once, on all cores: its stem, the stem stemmed again (Snowball stops
    // after one round: "virksomhederne" → "virksomhed", "virksomheder" → "virksom"; search.js
    // does the same to the query), and, at half weight, the stems of a compound's parts
    // ("tilskud" finds "energitilskud").
    let keysOfWord = Parallel.map(Array(zip(words, stems))) {
      pair -> (full: [String], half: [String]) in
      let (word, key) = pair
      var full = [key]
      let again = stemmer.stem(key)
      if again != key { full.append(again) }
      let half = (compounds?.parts(of: word) ?? []).map { stemmer.stem($0) }
      return (full, half)
    }
    // Keys by number from here on: counting and merging then hash no strings.
    var keyNumbers: [String: Int] = [:]
    var keyNames: [String] = []
    func number(_ key: String) -> Int {
      if let known = keyNumbers[key] { return known }
      keyNumbers[key] = keyNames.count
      keyNames.append(key)
      return keyNames.count - 1
    }
    var keysByWord: [String: (full: [Int], half: [Int])] = [:]
    keysByWord.reserveCapacity(words.count)
    for (word, keys) in zip(words, keysOfWord) {
      keysByWord[word] = (keys.full.map(number), keys.half.map(number))
    }

    let keysOf = keysByWord
    let perDocument = Parallel.map(counted) { weights -> [Int: Int] in
      var keys: [Int: Int] = [:]
      keys.reserveCapacity(weights.count * 2)
      for (word, weight) in weights {
        guard let wordKeys = keysOf[word] else { continue }
        for key in wordKeys.full { keys[key, default: 0] += weight }
        for key in wordKeys.half { keys[key, default: 0] += max(1, weight / 2) }
      }
      return keys
    }
    var lists = [[Int]](repeating: [], count: keyNames.count)
    for (document, keys) in perDocument.enumerated() {
      for (key, weight) in keys {
        lists[key].append(document)
        lists[key].append(min(weight, 99))
      }
    }
    self.documents = documents
    postings = zip(keyNames, lists).map { ($0, $1) }
    self.words = keyOfWord
    networks = site.networks.map { ($0.slug.rawValue, $0.title) }
  }

  /// The positions in `site.networks` of the networks named, for the filter and the labels.
  static func networkIndexes(_ slugs: [Slug], in site: Site) -> [Int] {
    slugs.compactMap { site.networkIndex[$0] }
  }

  /// The first `snippetLength` characters of the parts, whitespace made single spaces, cut
  /// after a whole word. Only the start of a body is read.
  static func snippet(_ parts: String?...) -> String {
    var text = String.UnicodeScalarView()
    var count = 0
    var space = false
    reading: for part in parts {
      guard let part else { continue }
      for scalar in part.unicodeScalars {
        if scalar.properties.isWhitespace {
          space = count > 0
          continue
        }
        if space {
          text.append(" ")
          count += 1
          space = false
        }
        text.append(scalar)
        count += 1
        if count > Self.snippetLength { break reading }
      }
      space = count > 0
    }
    guard count > Self.snippetLength else { return String(text) }
    let cut = text.lastIndex(of: " ") ?? text.endIndex
    return String(text[..<cut]) + " …"
  }

  /// The chunk a word or key belongs to: its first two characters, written as they are when
  /// they are ASCII letters or digits, else as `x` and the hex of their UTF-8.
  static func chunkKey(of word: String) -> String {
    let head = String(word.unicodeScalars.prefix(2).map(Character.init))
    if head.unicodeScalars.allSatisfy({
      $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0))
    }) {
      return head
    }
    return "x" + head.utf8.map { String(format: "%02x", $0) }.joined()
  }

  /// The index's files, under `folder` (a path of the output, ending in `/`).
  func files(folder: String) -> [OutputFile] {
    var chunkWords: [String: [(String, String)]] = [:]
    for (word, key) in words {
      chunkWords[Self.chunkKey(of: word), default: []].append((word, key))
    }
    var chunkKeys: [String: [(String, [Int])]] = [:]
    for (key, list) in postings {
      chunkKeys[Self.chunkKey(of: key), default: []].append((key, list))
    }
    let names = Set(chunkWords.keys).union(chunkKeys.keys).sorted()
    let (wordsOf, keysOf) = (chunkWords, chunkKeys)
    var files = Parallel.map(names) { name -> OutputFile in
      var bytes: [UInt8] = []
      bytes += #"{"k":{"#.utf8
      let keys = (keysOf[name] ?? []).sorted { $0.0.utf8.lexicographicallyPrecedes($1.0.utf8) }
      for (index, (key, list)) in keys.enumerated() {
        if index > 0 { bytes.append(UInt8(ascii: ",")) }
        JSONValue.write(string: key, into: &bytes)
        bytes += ":[".utf8
        for (position, number) in list.enumerated() {
          if position > 0 { bytes.append(UInt8(ascii: ",")) }
          bytes += String(number).utf8
        }
        bytes.append(UInt8(ascii: "]"))
      }
      bytes += #"},"w":{"#.utf8
      let pairs = (wordsOf[name] ?? []).sorted { $0.0.utf8.lexicographicallyPrecedes($1.0.utf8) }
      for (index, (word, key)) in pairs.enumerated() {
        if index > 0 { bytes.append(UInt8(ascii: ",")) }
        JSONValue.write(string: word, into: &bytes)
        bytes.append(UInt8(ascii: ":"))
        JSONValue.write(string: key, into: &bytes)
      }
      bytes += "}}\n".utf8
      return OutputFile(path: folder + "t/\(name).json", content: .bytes(bytes))
    }
    let starts = Array(stride(from: 0, to: documents.count, by: Self.documentsPerChunk))
    files += Parallel.map(Array(starts.enumerated())) { pair -> OutputFile in
      let (number, start) = pair
      let slice = documents[start..<min(start + Self.documentsPerChunk, documents.count)]
      let value = JSONValue.array(
        slice.map { document in
          .array([
            .string(document.kind), .string(document.title), .string(document.url),
            document.date.map(JSONValue.string) ?? .null,
            document.dateText.map(JSONValue.string) ?? .null,
            .array(document.networks.map { .number($0) }),
            document.end.map(JSONValue.string) ?? .null,
            document.status.map(JSONValue.string) ?? .null,
            .string(document.text),
          ])
        })
      return OutputFile(path: folder + "d/\(number).json", text: value.text + "\n")
    }
    let meta = JSONValue.object([
      "v": .number(1), "lang": .string(language.rawValue), "docs": .number(documents.count),
      "per": .number(Self.documentsPerChunk),
      "keys": .array(names.map(JSONValue.string)),
      "networks": .array(networks.map { .array([.string($0.slug), .string($0.title)]) }),
    ])
    files.append(OutputFile(path: folder + "meta.json", text: meta.text + "\n"))
    return files.sorted { $0.path < $1.path }
  }
}
