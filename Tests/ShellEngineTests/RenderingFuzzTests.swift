import CmdletParser
import Testing
@testable import ShellEngine

/// Random input for the renderers: odd text, extents outside or across the text, tiny, zero and
/// negative widths. Nothing may trap, every rendering ends its lines, and no line outgrows the
/// usable width where 5.1 guarantees it (wrapped error text and tables).
struct RenderingFuzzTests {
    /// A small deterministic generator (SplitMix64), so failures reproduce.
    struct Generator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
        mutating func int(_ range: ClosedRange<Int>) -> Int {
            range.lowerBound + Int(next() % UInt64(range.upperBound - range.lowerBound + 1))
        }
    }

    static let pieces = ["a", "Set-SmbClientConfiguration", " ", "\t", "\n", "\r\n", "漢字", "😀", "é", "-Foo",
                         "'quoted text'", "~", String(repeating: "x", count: 90), "\u{00AD}", "\u{00A0}", ""]

    static func text(_ g: inout Generator) -> String {
        (0..<g.int(0...12)).map { _ in pieces[g.int(0...(pieces.count - 1))] }.joined()
    }

    @Test func renderersNeverTrap() {
        var g = Generator(state: 0x5EED)
        for _ in 0..<1000 {
            let text = Self.text(&g)
            let source = ScriptSource(text: text, file: g.int(0...1) == 0 ? nil : "/labs/t.ps1")
            let a = g.int(-3...(source.utf8.count + 3)), b = g.int(-3...(source.utf8.count + 3))
            let info = InvocationInfo(myCommand: g.int(0...1) == 0 ? nil : text, commandKind: .function,
                                      invocationName: Self.text(&g), source: source, extent: SourceExtent(a, b))
            let record = ErrorRecord(exception: PSExceptionObject(typeName: "System.Exception", message: Self.text(&g)),
                                     errorId: Self.text(&g), category: .InvalidArgument,
                                     targetObject: .string(Self.text(&g)), invocationInfo: info)
            if g.int(0...3) == 0 { record.errorDetails = Self.text(&g) }
            let width = g.int(-2...130)
            for view in [ErrorViewKind.normalView, .categoryView, .conciseView] {
                let rendered = ErrorView.render(record, view: view, width: width)
                #expect(rendered.isEmpty || rendered.hasSuffix("\n"))
                if view == .normalView && width > 10 {
                    #expect(rendered.split(separator: "\n").allSatisfy { TextLayout.cells(String($0)) <= width - 1 })
                }
            }
            _ = ErrorView.positionMessage(info)
        }
    }

    @Test func formatterNeverTraps() {
        var g = Generator(state: 0xF0F0)
        for _ in 0..<300 {
            let width = g.int(-2...130)
            let formatter = OutputFormatter(width: width)
            var output = ""
            for _ in 0..<g.int(1...6) {
                let object = PSCustomObject()
                for _ in 0..<g.int(0...7) { object.add(Self.text(&g), g.int(0...1) == 0 ? .string(Self.text(&g)) : .int32(Int32(g.int(-9...99_999)))) }
                let values: [PSValue] = [.object(object), .string(Self.text(&g)), .null,
                                         .object(FormattedData(shape: g.int(0...1) == 0 ? .list : .table,
                                                               entries: [[(Self.text(&g), .string(Self.text(&g)))]],
                                                               wrap: g.int(0...1) == 0))]
                output += formatter.process(values[g.int(0...3)])
            }
            output += formatter.finish()
            #expect(output.isEmpty || output.hasSuffix("\n"))
        }
    }
}
