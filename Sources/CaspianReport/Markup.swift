/// A node of an SVG or HTML document, rendered as well-formed XML.
///
/// Markup is built as a tree, never by pasting strings: every text and every attribute value is
/// escaped when the tree is rendered, so a name from input data such as
/// `<script>alert(1)</script>` always shows as text. Element and attribute names are the
/// renderer's own constants.
public indirect enum Markup: Sendable, Hashable {
  case element(name: String, attributes: [Attribute], children: [Markup])
  case text(String)

  /// One attribute of an element.
  public struct Attribute: Sendable, Hashable {
    public var name: String
    public var value: String

    public init(_ name: String, _ value: String) {
      self.name = name
      self.value = value
    }
  }

  /// An element with attributes given as name/value pairs, in order.
  public static func element(
    _ name: String, _ attributes: KeyValuePairs<String, String> = [:], _ children: [Markup] = []
  ) -> Markup {
    .element(name: name, attributes: attributes.map { Attribute($0.key, $0.value) }, children: children)
  }

  /// An element holding one text node.
  public static func element(
    _ name: String, _ attributes: KeyValuePairs<String, String> = [:], text: String
  ) -> Markup {
    .element(name, attributes, [.text(text)])
  }

  /// Elements written as `<name/>` when they have no children: HTML void elements and SVG
  /// shapes. Every other element gets an end tag, which HTML parsers need (`<div/>` does not
  /// close a div in HTML).
  static let selfClosing: Set<String> = [
    "meta", "br", "hr", "col", "circle", "ellipse", "line", "path", "polygon", "polyline", "rect", "stop",
    "use",
  ]

  /// The markup as XML text.
  public var xml: String {
    var output = ""
    render(into: &output)
    return output
  }

  /// Appends the markup as XML text.
  public func render(into output: inout String) {
    switch self {
    case .text(let text):
      output += Self.escaped(text, inAttribute: false)
    case .element(let name, let attributes, let children):
      output += "<" + name
      for attribute in attributes {
        output += " " + attribute.name + "=\"" + Self.escaped(attribute.value, inAttribute: true) + "\""
      }
      if children.isEmpty, Self.selfClosing.contains(name) {
        output += "/>"
        return
      }
      output += ">"
      for child in children { child.render(into: &output) }
      output += "</" + name + ">"
    }
  }

  /// Text made safe for XML: `&`, `<`, `>` (and in attributes `"`, `'` and line breaks) become
  /// character references; characters XML 1.0 does not allow (controls other than tab, line
  /// feed and carriage return; lone surrogates cannot occur in a Swift string) become U+FFFD.
  public static func escaped(_ text: String, inAttribute: Bool) -> String {
    var output = ""
    output.reserveCapacity(text.utf8.count)
    for scalar in text.unicodeScalars {
      switch scalar {
      case "&": output += "&amp;"
      case "<": output += "&lt;"
      case ">": output += "&gt;"
      case "\"" where inAttribute: output += "&quot;"
      case "'" where inAttribute: output += "&#39;"
      case "\n" where inAttribute: output += "&#10;"
      case "\r": output += "&#13;"
      case "\t", "\n": output.unicodeScalars.append(scalar)
      default:
        let value = scalar.value
        let allowed = value >= 0x20 && !(0x7F...0x9F).contains(value) && value != 0xFFFE && value != 0xFFFF
        output.unicodeScalars.append(allowed ? scalar : "\u{FFFD}")
      }
    }
    return output
  }
}
