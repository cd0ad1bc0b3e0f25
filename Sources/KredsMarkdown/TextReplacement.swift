/// Several literal replacements in one pass over the bytes. Replaces what a chain of Foundation's
/// `replacingOccurrences` did, which copied a whole body once per pattern and bridged to
/// `NSString` each time. At each position the first pattern that matches wins and the text it
/// put in is not searched again, so patterns must not overlap (true for the HTML tags used).
public enum TextReplacement {
  public static func replacing(_ replacements: [(String, String)], in text: String) -> String {
    let patterns = replacements.map { (Array($0.0.utf8), Array($0.1.utf8)) }
    var firstBytes = [Bool](repeating: false, count: 256)
    for (pattern, _) in patterns where !pattern.isEmpty { firstBytes[Int(pattern[0])] = true }
    let bytes = Array(text.utf8)
    guard bytes.contains(where: { firstBytes[Int($0)] }) else { return text }
    var result: [UInt8] = []
    result.reserveCapacity(bytes.count + bytes.count / 4)
    var index = 0
    outer: while index < bytes.count {
      let byte = bytes[index]
      if firstBytes[Int(byte)] {
        for (pattern, replacement) in patterns
        where !pattern.isEmpty && index + pattern.count <= bytes.count
          && bytes[index..<index + pattern.count].elementsEqual(pattern)
        {
          result += replacement
          index += pattern.count
          continue outer
        }
      }
      result.append(byte)
      index += 1
    }
    return String(decoding: result, as: UTF8.self)
  }
}
