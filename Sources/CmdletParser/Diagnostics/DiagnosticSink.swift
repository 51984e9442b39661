// Where the lexer and the parser report errors: PowerShell's rules for keeping them (no duplicate
// of the same id at the same place; after 10 errors a TooManyErrors note and nothing more).

final class DiagnosticSink {
    static let maxErrors = ParseError.maxReported

    private(set) var errors: [ParseError] = []
    /// Semantic errors, reported after the syntax errors.
    private var deferred: [(id: String, extent: SourceExtent, args: [String])] = []
    private(set) var overflowed = false

    private var frozen = false

    var count: Int { errors.count }

    /// True once further errors are dropped: a rule may then skip work done only for a message.
    var isDiscarding: Bool { frozen || overflowed }

    /// Stops recording: used once the parse has given up (nesting too deep).
    func freeze() { frozen = true }

    func `defer`(_ errorId: String, _ extent: SourceExtent, args: [String]) {
        if !frozen { deferred.append((errorId, extent, args)) }
    }

    /// Reports the held-back semantic errors, in source order.
    func flushDeferred() {
        let items = deferred.enumerated().sorted {
            ($0.element.extent.startOffset, $0.offset) < ($1.element.extent.startOffset, $1.offset)
        }
        deferred = []
        for (_, e) in items { report(e.id, e.extent, incomplete: false, args: e.args) }
    }

    func report(_ errorId: String, _ extent: SourceExtent, incomplete: Bool, args: [String]) {
        if frozen { return }
        if errors.contains(where: { $0.errorId == errorId && $0.extent == extent }) { return }
        if errors.count >= DiagnosticSink.maxErrors {
            if !overflowed {
                overflowed = true
                errors.append(ParseError(errorId: "TooManyErrors", message: ParserStrings.format("TooManyErrors", []),
                                         extent: extent, incompleteInput: false))
            }
            return
        }
        errors.append(ParseError(errorId: errorId, message: ParserStrings.format(errorId, args), extent: extent,
                                 incompleteInput: incomplete))
    }
}
