import Testing
@testable import CmdletParser

/// Parses and returns the result; helpers keep the tests short.
func parse(_ text: String) -> ParseResult { Parser.parseInput(text) }

/// The statements of the script's end block.
func statements(_ text: String) -> [StatementAst] { parse(text).ast.endBlock?.statements ?? [] }

/// The first pipeline element of the first statement.
func firstElement(_ text: String) -> CommandBaseAst? {
    (statements(text).first as? PipelineAst)?.pipelineElements.first
}

/// The text an extent covers.
func text(_ result: ParseResult, _ ast: Ast) -> String { result.source.text(of: ast.extent) }
