import Foundation
import Testing
@testable import CmdletParser

/// One case of `Tests/Conformance/parser-corpus.jsonl`.
struct CorpusCase: Decodable {
    let id: String
    let source: String
    let expect: String
    let errorId: String?
    let offset: Int?
    let ps7Only: Bool?
}

enum Corpus {
    static var url: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Conformance/parser-corpus.jsonl")
    }

    static func load() throws -> [CorpusCase] {
        let text = try String(contentsOf: url, encoding: .utf8)
        let decoder = JSONDecoder()
        return try text.split(separator: "\n").map { try decoder.decode(CorpusCase.self, from: Data($0.utf8)) }
    }
}

@Suite struct ConformanceTests {
    @Test func parserCorpusAgreesWithWindowsPowerShell() throws {
        let cases = try Corpus.load().filter { $0.ps7Only != true }
        #expect(cases.count > 300)
        var agree = 0, errorCases = 0, sameId = 0, offsetCases = 0, sameOffset = 0
        var failures: [String] = []
        for c in cases {
            let result = Parser.parseInput(c.source)
            let first = result.errors.first
            let gotError = first != nil
            if gotError == (c.expect == "error") {
                agree += 1
            } else {
                failures.append("\(c.id): expected \(c.expect), got \(first.map { "\($0.errorId)@\(result.source.characterOffset(at: $0.extent.startOffset))" } ?? "ok") for \(c.source.debugDescription)")
            }
            if c.expect == "error" {
                errorCases += 1
                if first?.errorId == c.errorId { sameId += 1 } else if gotError {
                    failures.append("\(c.id): expected \(c.errorId ?? "-"), got \(first!.errorId) for \(c.source.debugDescription)")
                }
                if let offset = c.offset {
                    offsetCases += 1
                    let got = first.map { result.source.characterOffset(at: $0.extent.startOffset) }
                    if got == offset { sameOffset += 1 } else {
                        failures.append("\(c.id): expected offset \(offset), got \(got.map(String.init) ?? "none") for \(c.source.debugDescription)")
                    }
                }
            }
        }
        let okRate = Double(agree) / Double(cases.count)
        let idRate = Double(sameId) / Double(max(errorCases, 1))
        print("parser corpus: \(cases.count) cases; ok/error agree \(agree)/\(cases.count) (\(String(format: "%.1f", okRate * 100))%); "
              + "error id \(sameId)/\(errorCases) (\(String(format: "%.1f", idRate * 100))%); "
              + "first-error offset \(sameOffset)/\(offsetCases)")
        for f in failures { print("  " + f) }
        #expect(okRate >= 0.98)
        #expect(idRate >= 0.95)
        #expect(sameOffset == offsetCases)
    }
}
