import CmdletParser

/// `System.Management.Automation.Language`: the parser's API (`[Parser]::ParseInput`), its parse
/// errors and extents, as scripts and test helpers read them.
enum LanguageTypes {
    static func all() -> [DotNetType] { [parser, parseError, extent, position, scriptBlockAst] }

    private static let ns = "System.Management.Automation.Language."

    /// A parse's extent: the source it belongs to and its byte range.
    struct Extent {
        let source: ScriptSource
        let range: SourceExtent
    }

    static let parser = DotNetType(ns + "Parser", kind: .staticClass) { t in
        t.staticMethod("ParseInput", ns + "ScriptBlockAst",
                       "string input, System.Management.Automation.PSReference tokens, System.Management.Automation.PSReference errors") { c in
            try parse(c, c.text(0), file: nil, tokens: 1, errors: 2)
        }
        t.staticMethod("ParseInput", ns + "ScriptBlockAst",
                       "string input, string fileName, System.Management.Automation.PSReference tokens, System.Management.Automation.PSReference errors") { c in
            try parse(c, c.text(0), file: c.string(1), tokens: 2, errors: 3)
        }
        t.staticMethod("ParseFile", ns + "ScriptBlockAst",
                       "string fileName, System.Management.Automation.PSReference tokens, System.Management.Automation.PSReference errors") { c in
            let path = c.engine.absolutePath(c.text(0))
            guard let text = c.engine.readTextFile(path) else {
                throw DotNetException("System.IO.FileNotFoundException", "Could not find file '\(c.text(0))'.")
            }
            return try parse(c, text, file: path, tokens: 1, errors: 2)
        }
    }

    private static func parse(_ c: DotNetCall, _ text: String, file: String?, tokens: Int, errors: Int) throws -> PSValue {
        let result = Parser.parseInput(text, file: file)
        let errorValues = result.errors.map { c.make(ns + "ParseError", $0 as Any, source: result.source) }
        try c.payload(tokens, ReferenceBox.self)?.set(.array(PSArray([], elementTypeName: ns + "Token")))
        try c.payload(errors, ReferenceBox.self)?.set(.array(PSArray(errorValues, elementTypeName: ns + "ParseError")))
        return c.make(ns + "ScriptBlockAst", ParsedAst(ast: result.ast, hadErrors: !result.errors.isEmpty))
    }

    static let parseError = DotNetType(ns + "ParseError") { t in
        @Sendable func error(_ c: DotNetCall) -> (ParseError, ScriptSource)? { c.payload((ParseError, ScriptSource).self) }
        t.property("ErrorId", "string") { c in error(c).map { .string($0.0.errorId) } ?? .null }
        t.property("Message", "string") { c in error(c).map { .string($0.0.message) } ?? .null }
        t.property("IncompleteInput", "bool") { c in .bool(error(c)?.0.incompleteInput ?? false) }
        t.property("Extent", ns + "IScriptExtent") { c in
            guard let (e, source) = error(c) else { return .null }
            return c.make(ns + "ScriptExtent", Extent(source: source, range: e.extent))
        }
        t.method("ToString", "string") { c in
            guard let (e, source) = error(c) else { return .string("") }
            return .string(PositionMessage.verbose(source: source, extent: e.extent) + "\n" + e.message)
        }
    }

    static let extent = DotNetType(ns + "ScriptExtent", interfaces: [ns + "IScriptExtent"]) { t in
        @Sendable func extent(_ c: DotNetCall) -> Extent? { c.payload(Extent.self) }
        @Sendable func int(_ c: DotNetCall, _ read: (Extent) -> Int) -> PSValue { extent(c).map { .int32(Int32(read($0))) } ?? .null }
        t.property("Text", "string") { c in extent(c).map { .string($0.source.text(of: $0.range)) } ?? .null }
        t.property("File", "string") { c in extent(c)?.source.file.map { .string($0) } ?? .null }
        t.property("StartOffset", "int") { c in int(c) { $0.source.characterOffset(at: $0.range.startOffset) } }
        t.property("EndOffset", "int") { c in int(c) { $0.source.characterOffset(at: $0.range.endOffset) } }
        t.property("StartLineNumber", "int") { c in int(c) { $0.source.lineNumber(at: $0.range.startOffset) } }
        t.property("StartColumnNumber", "int") { c in int(c) { $0.source.columnNumber(at: $0.range.startOffset) } }
        t.property("EndLineNumber", "int") { c in int(c) { $0.source.lineNumber(at: $0.range.endOffset) } }
        t.property("EndColumnNumber", "int") { c in int(c) { $0.source.columnNumber(at: $0.range.endOffset) } }
        t.property("StartScriptPosition", ns + "IScriptPosition") { c in
            extent(c).map { c.make(ns + "ScriptPosition", ($0.source, $0.range.startOffset)) } ?? .null
        }
        t.property("EndScriptPosition", ns + "IScriptPosition") { c in
            extent(c).map { c.make(ns + "ScriptPosition", ($0.source, $0.range.endOffset)) } ?? .null
        }
        t.method("ToString", "string") { c in extent(c).map { .string($0.source.text(of: $0.range)) } ?? .string("") }
    }

    static let position = DotNetType(ns + "ScriptPosition", interfaces: [ns + "IScriptPosition"]) { t in
        @Sendable func at(_ c: DotNetCall) -> (ScriptSource, Int)? { c.payload((ScriptSource, Int).self) }
        t.property("Offset", "int") { c in at(c).map { .int32(Int32($0.0.characterOffset(at: $0.1))) } ?? .null }
        t.property("LineNumber", "int") { c in at(c).map { .int32(Int32($0.0.lineNumber(at: $0.1))) } ?? .null }
        t.property("ColumnNumber", "int") { c in at(c).map { .int32(Int32($0.0.columnNumber(at: $0.1))) } ?? .null }
        t.property("Line", "string") { c in at(c).map { .string($0.0.lineText($0.0.lineNumber(at: $0.1))) } ?? .null }
        t.property("File", "string") { c in at(c)?.0.file.map { .string($0) } ?? .null }
    }

    /// A parsed tree and whether its parse reported errors (such a tree makes no script block).
    struct ParsedAst {
        let ast: ScriptBlockAst
        let hadErrors: Bool
    }

    static let scriptBlockAst = DotNetType(ns + "ScriptBlockAst", base: ns + "Ast") { t in
        @Sendable func ast(_ c: DotNetCall) -> ScriptBlockAst? { c.payload(ParsedAst.self)?.ast }
        t.property("Extent", ns + "IScriptExtent") { c in
            ast(c).map { c.make(ns + "ScriptExtent", Extent(source: $0.source, range: $0.extent)) } ?? .null
        }
        t.method("GetScriptBlock", "scriptblock") { c in
            guard let parsed = c.payload(ParsedAst.self) else { return .null }
            if parsed.hadErrors {
                throw DotNetException("System.Management.Automation.PSInvalidOperationException",
                                      "Operation is not valid due to the current state of the object.")
            }
            return .scriptBlock(ScriptBlock(ast: parsed.ast))
        }
        t.method("ToString", "string") { c in ast(c).map { .string($0.source.text(of: $0.extent)) } ?? .string("") }
    }
}

extension DotNetCall {
    /// A parse error together with the source its extent indexes.
    fileprivate func make(_ typeName: String, _ error: Any, source: ScriptSource) -> PSValue {
        guard let e = error as? ParseError else { return .null }
        return make(typeName, (e, source))
    }
}
