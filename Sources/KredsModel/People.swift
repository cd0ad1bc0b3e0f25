/// A person named in content: a contact, a speaker, a steering-committee member.
public struct Person: Hashable, Sendable {
  public var name: String
  public var role: String?
  public var organisation: String?
  public var email: String?
  public var phone: String?

  public init(
    name: String, role: String? = nil, organisation: String? = nil, email: String? = nil,
    phone: String? = nil
  ) {
    self.name = name
    self.role = role
    self.organisation = organisation
    self.email = email
    self.phone = phone
  }
}

/// An organisation that runs a network or publishes the site.
public struct Organisation: Hashable, Sendable {
  public var name: String
  public var url: String?
  public var email: String?

  public init(name: String, url: String? = nil, email: String? = nil) {
    self.name = name
    self.url = url
    self.email = email
  }
}
