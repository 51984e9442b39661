import Testing
@testable import SMBPolicy

@Suite struct JSONTests {
    @Test func serializedTreesParseBackToThemselves() throws {
        let tree = JSONValue.object([
            "version": .unsigned(1), "text": .string("quote \" slash \\ tab \t newline \n ctl \u{1} é 😀"),
            "list": .array([.null, .bool(true), .bool(false), .number("-3"), .unsigned(UInt64.max), .number("2.5")]),
            "empty": .object([:]), "none": .array([]),
        ])
        #expect(try JSONValue.parse(tree.serialized()) == tree)
    }

    @Test func standardEscapesAndSurrogatesDecode() throws {
        let parsed = try JSONValue.parse(Array(#"{"a": "\u00e9\ud83d\ude00\/\b\f"}"#.utf8))
        #expect(parsed == .object(["a": .string("é😀/\u{8}\u{c}")]))
    }

    /// Numbers keep the text they were written with; none goes through Double or Int.
    @Test func numbersKeepTheirText() throws {
        let numbers = ["1e400", "-0", "1.0", "12345678901234567890123", "-1E-400", "0.1000", "18446744073709551616"]
        let text = "[" + numbers.joined(separator: ", ") + "]"
        let parsed = try JSONValue.parse(Array(text.utf8))
        #expect(parsed == .array(numbers.map { .number($0) }))
        #expect(String(decoding: parsed.serialized(), as: UTF8.self) == "[\n  " + numbers.joined(separator: ",\n  ") + "\n]\n")
        #expect(JSONValue.number("1.0").unsignedValue == nil)
        #expect(JSONValue.number("-0").unsignedValue == nil)
        #expect(JSONValue.number("18446744073709551616").unsignedValue == nil)
        #expect(JSONValue.number("18446744073709551615").unsignedValue == UInt64.max)
    }

    @Test func aLeadingByteOrderMarkIsSkipped() throws {
        #expect(try JSONValue.parse([0xEF, 0xBB, 0xBF] + Array(#"{"a": 1}"#.utf8)) == .object(["a": .unsigned(1)]))
        // Only at the start, and only the whole mark.
        #expect(throws: JSONValue.ParseError.self) { try JSONValue.parse(Array(" ".utf8) + [0xEF, 0xBB, 0xBF] + Array("1".utf8)) }
        #expect(throws: JSONValue.ParseError.self) { try JSONValue.parse([0xEF, 0xBB] + Array("1".utf8)) }
    }

    @Test func malformedTextIsRejected() {
        for text in ["", "{", "{\"a\":}", "{\"a\":1,}", "[1 2]", "01", "1.", "-", "tru", "\"\u{1}\"", "{\"a\":1}x",
                     "{\"a\":1,\"a\":2}", "\"\\ud800\"", "\"\\x\"", String(repeating: "[", count: 300)] {
            #expect(throws: JSONValue.ParseError.self, "\(text)") { try JSONValue.parse(Array(text.utf8)) }
        }
    }

    /// Random damage to a valid file must give a value or an error, never a trap or a hang.
    @Test func damagedBytesNeverTrap() {
        var generator = SplitMix64(seed: 0x5EED)
        let valid = JSONValue.object([
            "version": .unsigned(1), "client": .object(["KeepConn": .unsigned(600), "EncryptionCiphers": .string("AES_128_GCM")]),
            "groupPolicy": .object(["client": .object(["EnableMailslots": .object(["type": .string("REG_DWORD"), "data": .unsigned(1)])])]),
        ]).serialized()
        for _ in 0..<3000 {
            var bytes = valid
            for _ in 0..<Int(generator.next() % 4 + 1) {
                let index = Int(generator.next() % UInt64(bytes.count))
                switch generator.next() % 3 {
                case 0: bytes[index] = UInt8(truncatingIfNeeded: generator.next())
                case 1: bytes.remove(at: index)
                default: bytes.insert(UInt8(truncatingIfNeeded: generator.next()), at: index)
                }
            }
            if let parsed = try? JSONValue.parse(bytes) {
                _ = try? PolicyDocument(bytes: parsed.serialized())
            }
        }
    }
}

struct SplitMix64 {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
