import Testing

@testable import CaspianSupport

@Suite struct CloseMatchesTests {
  let landings = ["Aktau", "Aktau North", "Kuryk", "Sumgait", "Siyazan", "Buzovna", "Turkmenbashi"]

  @Test func typosAndPrefixesMatchIgnoringCase() {
    #expect(CloseMatches.of("aktua", in: landings) == ["Aktau"])  // two letters swapped
    #expect(CloseMatches.of("SUMGAYIT", in: landings) == ["Sumgait"])  // one substitution, one insertion
    #expect(CloseMatches.of("akt", in: landings) == ["Aktau", "Aktau North"])  // prefix
    #expect(CloseMatches.of("Baku", in: landings).isEmpty)
  }

  @Test func hintReadsAsASentenceTail() {
    #expect(CloseMatches.hint(for: "RSF", in: ["RFS", "LAY"]) == "; did you mean RFS?")
    #expect(CloseMatches.hint(for: "XYZ", in: ["RFS", "LAY"]) == "")
  }

  @Test func aHugeNameIsRefusedByLengthBeforeAnyComparison() {
    var cells = 0
    let huge = String(repeating: "x", count: 20_000)
    #expect(CloseMatches.of(huge, in: landings + [huge], cells: &cells).isEmpty)
    #expect(cells == 0)
    #expect(CloseMatches.hint(for: huge, in: landings) == "")
  }

  @Test func onlyCandidatesOfAPlausibleLengthAreCompared() {
    var cells = 0
    // 1,000 candidates far too long or short to be within the allowed edits: none compared.
    let candidates =
      (0..<500).map { "landing-\($0)-" + String(repeating: "y", count: 40) } + (0..<500).map { "L\($0)" }
    #expect(CloseMatches.of("Sumgait", in: candidates, cells: &cells).isEmpty)
    #expect(cells == 0)
    // The longest name compared fills at most a 65 x 97 table per candidate.
    let name = String(repeating: "a", count: CloseMatches.maximumLength)
    let near = (0..<100).map { _ in String(repeating: "b", count: 90) }
    _ = CloseMatches.of(name, in: near, cells: &cells)
    #expect(cells == 100 * 65 * 91)
    #expect(CloseMatches.of(name + "b", in: [name], cells: &cells).isEmpty)
  }

  @Test func echoIsShortAndSafe() {
    let long = String(repeating: "z", count: 10_000)
    #expect(CloseMatches.echo(long) == String(repeating: "z", count: 64) + "… (10000 characters)")
    #expect(CloseMatches.echo("A\u{1B}[31mB") == "A\\u{1B}[31mB")
    #expect(CloseMatches.echo("LAY") == "LAY")
  }
}
