/// An item that lives in a network's folder or names its networks (events and stories).
public protocol BelongsToNetworks {
  /// The network whose folder holds the file, if any.
  var homeNetwork: Slug? { get }
  /// Networks listed in `networks:`, as written.
  var listedNetworks: [Located<String>] { get }
}

extension BelongsToNetworks {
  /// All networks the item belongs to: the folder's and the listed ones, without repeats.
  public var networkSlugs: [Slug] {
    var result: [Slug] = homeNetwork.map { [$0] } ?? []
    for listed in listedNetworks {
      if let slug = Slug(listed.value), !result.contains(slug) { result.append(slug) }
    }
    return result
  }
}
