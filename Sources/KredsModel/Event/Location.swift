/// Where an event meets in person.
public struct Location: Hashable, Sendable {
  public var name: String
  public var address: String?
  public var postalCode: String?
  public var city: String?
  /// ISO 3166 code, `DK` by default.
  public var country: String

  public init(
    name: String, address: String? = nil, postalCode: String? = nil, city: String? = nil,
    country: String = "DK"
  ) {
    self.name = name
    self.address = address
    self.postalCode = postalCode
    self.city = city
    self.country = country
  }
}
