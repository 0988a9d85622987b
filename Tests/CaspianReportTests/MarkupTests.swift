import Testing

@testable import CaspianReport

@Suite struct MarkupTests {
  @Test func hostileTextAndAttributesAreEscaped() {
    let markup = Markup.element(
      "svg", ["xmlns": "http://www.w3.org/2000/svg"],
      [
        .element("text", ["data-name": hostileName], text: hostileName),
        .element("desc", text: "control \u{0}\u{8} line\nbreak"),
      ])
    let xml = markup.xml
    #expect(!xml.contains("<script>"))
    #expect(xml.contains("&lt;script&gt;alert(1)&lt;/script&gt; &amp; \"Oil\" 'Rocks'"))
    let parsed = parse(xml)
    #expect(parsed.count("script") == 0)
    #expect(parsed.hasText(hostileName))
    #expect(parsed.elements.first { $0.name == "text" }?.attributes["data-name"] == hostileName)
    #expect(parsed.hasText("control \u{FFFD}\u{FFFD} line\nbreak"))
  }

  @Test func emptyElementsCloseTheWayHTMLNeeds() {
    #expect(Markup.element("path", ["d": "M0 0"]).xml == "<path d=\"M0 0\"/>")
    #expect(Markup.element("div", [:]).xml == "<div></div>")
    #expect(Markup.element("meta", ["charset": "utf-8"]).xml == "<meta charset=\"utf-8\"/>")
  }

  @Test(arguments: [
    (0.0, "0"), (-0.04, "0"), (1.25, "1.3"), (-1.25, "-1.3"), (12.0, "12"), (-3.5, "-3.5"), (1e6, "1000000"),
    (.nan, "0"),
  ])
  func numbersAreShortAndStable(value: Double, text: String) {
    #expect(SVG.number(value) == text)
  }

  @Test func pathDataSkipsRepeatedPointsAndShortParts() {
    let d = SVG.pathData(
      [
        [PlanarPoint(x: 0, y: 0), PlanarPoint(x: 0.01, y: 0), PlanarPoint(x: 10, y: 5)],
        [PlanarPoint(x: 3, y: 3)],
      ], closed: true)
    #expect(d == "M0 0L10 5Z")
  }

  @Test func standaloneSVGIsAWellFormedDocument() {
    var svg = SVG(width: 100, height: 50, title: hostileName)
    svg.add(SVG.text(hostileName, x: 1, y: 2))
    let document = svg.document
    #expect(
      document.hasPrefix(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<svg xmlns=\"http://www.w3.org/2000/svg\""))
    let parsed = parse(document)
    #expect(parsed.texts.filter { $0.text == hostileName }.map(\.element) == ["title", "text"])
  }

  @Test func axisTicksAreRound() {
    #expect(Axis(maximum: 790, targetTicks: 6).ticks == [0, 200, 400, 600, 800])
    #expect(Axis(maximum: 372.4, targetTicks: 10).ticks.last == 400)
    #expect(Axis(maximum: 372.4, targetTicks: 10).step == 50)
    #expect(Axis(maximum: 9, targetTicks: 6).step == 2)
  }
}
