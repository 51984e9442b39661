import Foundation
import Testing
@testable import CmdletParser

/// Nesting in every position the parser recurses through ends in `ScriptTooComplicated`, on a
/// small thread stack as on the main one, and the tree that was built can still be walked and
/// released.
@Suite struct NestingTests {
    /// Each opener is repeated thousands of times; the parse must stop with ScriptTooComplicated.
    static let openers: [String] = [
        "if(", "if(1){", "if(1){}else{", "while(", "while(1){", "switch(", "switch(1){1{", "exit (", "return (",
        "throw (", "Write-Output (", "(", "@(", "$(", "{", "@{", "@{a=", "@{a=@{b=", "-not ", "-", "!", ",",
        "-join", "-split ", "++", "--", "$a=", "$a=(", "1..", "1+", "\"a\"-f", "[int]", "[a()]", "[a]",
        "function f {", "filter f {", "workflow w {", "&{", ". {", "foreach($a in $b){", "for(", "for(;;){",
        "do{", "try{", "try{}catch{", "trap{", "data{", "class a{ [void] m(){", "enum a{b=(", "{begin{",
        "dynamicparam{", "param($a=(", "[a(", "[a(b=", "[a[", "using module (",
        "configuration c{", ":a while(", "f (", "f $(", "f @(", "f @{a=", "f -a:(", "f {", "f >(", "$a[",
        "$a.b(", "$a.b({",
    ]

    /// Chains built in a loop: the tree height limit stops them.
    static let chains: [String] = ["$a" + String(repeating: ".b", count: 5_000),
                                   "$a" + String(repeating: ".b()", count: 5_000),
                                   "$a" + String(repeating: "[0]", count: 5_000),
                                   "[a]" + String(repeating: "::b", count: 5_000),
                                   "1" + String(repeating: "+1", count: 5_000)]

    /// Nested in other ways: an error of another kind may come first, but never a crash.
    static let others: [String] = ["foreach(", "class a{", "param(", "\"$(", "@\"\n$(\n", "@\"\n$(@\"\n", "${",
                                   "[", "class a{a():base(", "class a{[a(", "{param(", "\"$a$("]

    static func texts(_ count: Int) -> [String] {
        (openers + others).map { String(repeating: $0, count: count) } + chains
    }

    /// Parses on a thread with the given stack and walks the tree; returns each first error id
    /// and whether ScriptTooComplicated was among the errors.
    static func parseAll(_ texts: [String], stackSize: Int) async -> [(first: String?, tooComplicated: Bool)] {
        await withCheckedContinuation { continuation in
            let thread = Thread {
                let outcomes = texts.map { text in
                    let result = Parser.parseInput(text)
                    var nodes = 0
                    result.ast.walk { _ in nodes += 1 }
                    _ = result.syntaxCheckLines
                    return (result.errors.first?.errorId, result.errors.contains { $0.errorId == "ScriptTooComplicated" })
                }
                continuation.resume(returning: outcomes)
            }
            thread.stackSize = stackSize
            thread.start()
        }
    }

    @Test(arguments: [256 * 1024, 8 * 1024 * 1024])
    func everyNestingEndsInScriptTooComplicated(stackSize: Int) async {
        let outcomes = await Self.parseAll(Self.texts(5_000), stackSize: stackSize)
        for (text, outcome) in zip(Self.texts(5_000), outcomes) {
            let shape = String(text.prefix(24)).debugDescription
            if Self.others.contains(where: { text.hasPrefix($0 + $0) }) { continue }
            #expect(outcome.tooComplicated, "\(shape)… gave \(outcome.first ?? "no error")")
        }
    }

    @Test func scriptTooComplicatedMarksTheTokenScannedLast() {
        // PowerShell reports the tokenizer's current extent: the token it had just read.
        let text = String(repeating: "(", count: 1_000)
        let error = parse(text).errors.first { $0.errorId == "ScriptTooComplicated" }
        #expect(error.map { $0.extent.endOffset - $0.extent.startOffset } == 1)
        #expect(error?.message == "Processing was stopped because the script is too complex.")
    }
}
