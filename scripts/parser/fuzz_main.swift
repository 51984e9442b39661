// libFuzzer entry for the parser: any bytes in, no crash, no hang, and the result's invariants
// hold (extents inside the text, start before end, at most 11 errors).

@_cdecl("LLVMFuzzerTestOneInput")
public func parserFuzzTarget(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    let text = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    let result = Parser.parseInput(text)
    let count = result.source.utf8.count
    precondition(result.errors.count <= DiagnosticSink.maxErrors + 1, "too many errors")
    for error in result.errors {
        precondition(error.extent.startOffset >= 0 && error.extent.startOffset <= error.extent.endOffset
                     && error.extent.endOffset <= count, "error extent out of range")
    }
    for token in result.tokens {
        precondition(token.extent.startOffset >= 0 && token.extent.startOffset <= token.extent.endOffset
                     && token.extent.endOffset <= count, "token extent out of range")
    }
    result.ast.walk { node in
        precondition(node.extent.startOffset >= 0 && node.extent.startOffset <= node.extent.endOffset
                     && node.extent.endOffset <= count, "node extent out of range")
    }
    _ = result.syntaxCheckLines
    return 0
}
