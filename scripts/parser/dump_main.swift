// Development aid: parses a file (or stdin) and prints the -SyntaxCheck lines and the tree.
import Foundation

@main struct Dump {
    static func main() {
        let args = CommandLine.arguments.dropFirst()
        let data: Data
        if let path = args.first, path != "-" {
            data = FileManager.default.contents(atPath: path) ?? Data()
        } else {
            data = FileHandle.standardInput.readDataToEndOfFile()
        }
        let result = Parser.parseInput(String(decoding: data, as: UTF8.self))
        for line in result.syntaxCheckLines { print(line) }
        if result.isIncomplete { print("(incomplete input)") }
        if args.dropFirst().first == "--tree" { dump(result.ast, result, 0) }
    }

    static func dump(_ ast: Ast, _ r: ParseResult, _ depth: Int) {
        var t = r.source.text(of: ast.extent).replacingOccurrences(of: "\n", with: "\\n")
        if t.count > 60 { t = String(t.prefix(57)) + "..." }
        var extra = ""
        switch ast {
        case let s as StringConstantExpressionAst: extra = " value=\(s.value.debugDescription) \(s.stringConstantType)"
        case let c as ConstantExpressionAst: extra = " \(c.value)"
        case let v as VariableExpressionAst: extra = " \(v.variablePath.userPath) \(v.variablePath.scope)\(v.splatted ? " splat" : "")"
        case let p as CommandParameterAst: extra = " name=\(p.parameterName)"
        case let b as BinaryExpressionAst: extra = " \(b.operatorKind)"
        case let u as UnaryExpressionAst: extra = " \(u.tokenKind)"
        case let e as ExpandableStringExpressionAst: extra = " value=\(e.value.debugDescription)"
        case let a as AssignmentStatementAst: extra = " \(a.operatorKind)"
        case let c as CommandAst: extra = " inv=\(c.invocationOperator)"
        case let t as TypeExpressionAst: extra = " [\(t.typeName.name)]"
        case let t as AttributeBaseAst: extra = " [\(t.typeName.name)]"
        case let m as MemberExpressionAst: extra = m.isStatic ? " static" : ""
        default: break
        }
        print(String(repeating: "  ", count: depth) + "\(type(of: ast)) [\(ast.extent.startOffset),\(ast.extent.endOffset)) \(t.debugDescription)\(extra)")
        for c in ast.children { dump(c, r, depth + 1) }
    }
}
