import Foundation
import KredsMarkdown

/// Inline styles for the Markdown HTML of an email's introduction: mail programs drop `<style>`
/// blocks, so every element carries its own look.
enum EmailHTMLStyle {
  static let text =
    "font-family:Arial,Helvetica,sans-serif;font-size:16px;line-height:1.5;color:#1c2521;"
  static let link = "color:#0a5c51;text-decoration:underline;"

  static func inline(_ html: String) -> String {
    TextReplacement.replacing(replacements, in: html)
  }

  /// Tags of the Markdown HTML and the same tags with their inline style. None is a prefix of
  /// another at the same place, so one pass replaces them all.
  private static let replacements: [(String, String)] = [
    ("<p>", "<p style=\"margin:0 0 16px;\(text)\">"),
    (
      "<h2>",
      "<h2 style=\"margin:24px 0 8px;font-family:Arial,Helvetica,sans-serif;font-size:20px;line-height:1.3;color:#1c2521;\">"
    ),
    (
      "<h3>",
      "<h3 style=\"margin:20px 0 8px;font-family:Arial,Helvetica,sans-serif;font-size:18px;line-height:1.3;color:#1c2521;\">"
    ),
    (
      "<h4>",
      "<h4 style=\"margin:16px 0 8px;font-family:Arial,Helvetica,sans-serif;font-size:16px;color:#1c2521;\">"
    ),
    ("<ul>", "<ul style=\"margin:0 0 16px;padding-left:24px;\(text)\">"),
    ("<ol>", "<ol style=\"margin:0 0 16px;padding-left:24px;\(text)\">"),
    ("<li>", "<li style=\"margin:0 0 4px;\">"),
    (
      "<blockquote>",
      "<blockquote style=\"margin:0 0 16px;padding:0 0 0 16px;border-left:4px solid #d6d0c4;\">"
    ),
    ("<a href=", "<a style=\"\(link)\" href="),
    (
      "<img ",
      "<img width=\"536\" style=\"display:block;width:100%;max-width:536px;height:auto;border:0;\" "
    ),
    ("<table>", "<table style=\"border-collapse:collapse;margin:0 0 16px;\(text)\">"),
    ("<th>", "<th style=\"border:1px solid #d6d0c4;padding:4px 8px;text-align:left;\">"),
    ("<td>", "<td style=\"border:1px solid #d6d0c4;padding:4px 8px;\">"),
  ]
}
