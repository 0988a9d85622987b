import Foundation
import Testing

#if canImport(FoundationXML)
  import FoundationXML
#endif

/// What an XML parser saw in a document: every element's name and attributes, and the text
/// inside each element (entities decoded).
final class ParsedXML: NSObject, XMLParserDelegate {
  private(set) var elements: [(name: String, attributes: [String: String])] = []
  /// Text content, one entry per run of character data, with the enclosing element's name.
  private(set) var texts: [(element: String, text: String)] = []
  private var stack: [String] = []
  private var buffer = ""
  private(set) var error: String?

  /// Parses `text`; records the parser's error when it is not well-formed.
  init(_ text: String) {
    super.init()
    let parser = XMLParser(data: Data(text.utf8))
    parser.delegate = self
    if !parser.parse() {
      error =
        "\(parser.parserError.map { String(describing: $0) } ?? "unknown") at line \(parser.lineNumber), column \(parser.columnNumber)"
    }
  }

  var isWellFormed: Bool { error == nil }

  func parser(
    _ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
    attributes: [String: String] = [:]
  ) {
    flush()
    elements.append((name, attributes))
    stack.append(name)
  }

  func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?)
  {
    flush()
    stack.removeLast()
  }

  func parser(_ parser: XMLParser, foundCharacters string: String) { buffer += string }

  private func flush() {
    if !buffer.isEmpty, let element = stack.last { texts.append((element, buffer)) }
    buffer = ""
  }

  func count(_ name: String) -> Int { elements.filter { $0.name == name }.count }

  /// Whether some element's text contains `text` exactly.
  func hasText(_ text: String) -> Bool { texts.contains { $0.text.contains(text) } }
}

/// Checks that a document is well-formed XML and returns what it holds.
func parse(_ text: String, sourceLocation: SourceLocation = #_sourceLocation) -> ParsedXML {
  let parsed = ParsedXML(text)
  #expect(parsed.isWellFormed, "not well-formed: \(parsed.error ?? "")", sourceLocation: sourceLocation)
  return parsed
}

/// A name no report may turn into markup.
let hostileName = "<script>alert(1)</script> & \"Oil\" 'Rocks'"
