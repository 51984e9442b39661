import Foundation
import Testing
@testable import CmdletParser

/// One case of `Tests/Conformance/parser-corpus.jsonl`.
struct CorpusCase: Decodable, Sendable, CustomTestStringConvertible {
    struct ExpectedError: Decodable, Sendable {
        let errorId: String
        let offset: Int?
    }

    let id: String
    let source: String
    let expect: String
    let errorId: String?
    let offset: Int?
    /// Every error, in order, when the source test lists several.
    let errors: [ExpectedError]?
    let ps7Only: Bool?

    var testDescription: String { id }
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

    /// The cases Windows PowerShell 5.1 decides (`ps7Only` cases describe PowerShell 7).
    static let windowsPowerShellCases: [CorpusCase] = ((try? load()) ?? []).filter { $0.ps7Only != true }

    /// Cases the parser is known to get wrong, by id, with the reason. Each must still fail: a
    /// known miss that starts passing fails the test until it is taken off this list.
    static let knownMisses: [String: String] = [:]
}

@Suite struct ConformanceTests {
    @Test func theCorpusLoads() throws {
        let all = try Corpus.load()
        #expect(Set(all.map(\.id)).count == all.count, "case ids are unique")
        #expect(Corpus.windowsPowerShellCases.count > 300)
        for id in Corpus.knownMisses.keys {
            #expect(Corpus.windowsPowerShellCases.contains { $0.id == id }, "known miss \(id) is not a case")
        }
    }

    @Test(arguments: Corpus.windowsPowerShellCases)
    func parsesAsWindowsPowerShell(_ c: CorpusCase) {
        if let reason = Corpus.knownMisses[c.id] {
            withKnownIssue(Comment(rawValue: reason)) { check(c) }
        } else {
            check(c)
        }
    }

    /// ok or error, the first error's id and character offset, and every error where listed.
    private func check(_ c: CorpusCase) {
        let result = Parser.parseInput(c.source)
        let got = result.errors.map { (id: $0.errorId, offset: result.source.characterOffset(at: $0.extent.startOffset)) }
        let described = got.map { "\($0.id)@\($0.offset)" }.joined(separator: ", ")
        #expect((got.isEmpty ? "ok" : "error") == c.expect, "\(c.source.debugDescription) gave [\(described)]")
        guard c.expect == "error", let first = got.first else { return }
        if let id = c.errorId { #expect(first.id == id, "\(c.source.debugDescription) gave [\(described)]") }
        if let offset = c.offset { #expect(first.offset == offset, "\(c.source.debugDescription) gave [\(described)]") }
        if let all = c.errors {
            #expect(got.map(\.id) == all.map(\.errorId), "\(c.source.debugDescription) gave [\(described)]")
            for (g, e) in zip(got, all) {
                if let offset = e.offset { #expect(g.offset == offset, "\(e.errorId): \(c.source.debugDescription) gave [\(described)]") }
            }
        }
    }
}
