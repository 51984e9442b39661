import ShellEngine
import EmulatedHost
import CmdletParser

/// A value of a PowerShell data file: the restricted language of `.psd1` (hashtables, arrays,
/// strings, numbers, `$true`/`$false`/`$null`) plus script blocks, which are kept unevaluated.
indirect enum LabData {
    case string(String)
    case number(Double)
    case bool(Bool)
    case null
    case array([LabData])
    case table([(key: String, value: LabData)])
    case scriptBlock(ScriptBlockAst)

    subscript(key: String) -> LabData? {
        guard case .table(let entries) = self else { return nil }
        return entries.first { $0.key.caseInsensitiveEquals(key) }?.value
    }

    var text: String? {
        switch self {
        case .string(let s): return s
        case .number(let n): return n == n.rounded() && abs(n) < 1e15 ? String(Int64(n)) : String(n)
        case .bool(let b): return b ? "True" : "False"
        default: return nil
        }
    }

    /// A single value is a one-element list, as PowerShell's `@()` unrolling would make it.
    var list: [LabData] {
        switch self {
        case .array(let items): return items
        case .null: return []
        default: return [self]
        }
    }
}

/// Why a lab file cannot be read.
struct LabFileError: Error {
    let message: String
}

/// Reads a `.psd1` with the shell's own parser and walks its syntax tree; nothing in it runs.
enum LabDataFile {
    static func read(text: String, file: String) throws(LabFileError) -> LabData {
        let result = Parser.parseInput(text, file: file)
        if let error = result.errors.first {
            let line = result.source.lineNumber(at: error.extent.startOffset)
            throw LabFileError(message: "The lab file '\(file)' cannot be parsed: line \(line): \(error.message)")
        }
        let statements = (result.ast.endBlock?.statements ?? [])
        guard statements.count == 1, let value = statements.first else {
            throw LabFileError(message: "The lab file '\(file)' must contain exactly one hashtable, @{ ... }.")
        }
        let data = try statement(value, result.source, file)
        guard case .table = data else {
            throw LabFileError(message: "The lab file '\(file)' must contain exactly one hashtable, @{ ... }.")
        }
        return data
    }

    private static func statement(_ ast: StatementAst, _ source: ScriptSource, _ file: String) throws(LabFileError) -> LabData {
        if let pipeline = ast as? PipelineAst, pipeline.pipelineElements.count == 1,
           let command = pipeline.pipelineElements[0] as? CommandExpressionAst, command.redirections.isEmpty {
            return try expression(command.expression, source, file)
        }
        throw notAllowed(ast, source, file)
    }

    private static func expression(_ ast: ExpressionAst, _ source: ScriptSource, _ file: String) throws(LabFileError) -> LabData {
        switch ast {
        case let table as HashtableAst:
            var entries: [(key: String, value: LabData)] = []
            for pair in table.keyValuePairs {
                let key = try expression(pair.key, source, file)
                guard let name = key.text else { throw notAllowed(pair.key, source, file) }
                entries.append((name, try statement(pair.value, source, file)))
            }
            return .table(entries)
        case let array as ArrayExpressionAst:
            var items: [LabData] = []
            for element in array.subExpression.statements {
                let value = try statement(element, source, file)
                if case .array(let inner) = value { items += inner } else { items.append(value) }
            }
            return .array(items)
        case let literal as ArrayLiteralAst:
            var items: [LabData] = []
            for element in literal.elements { items.append(try expression(element, source, file)) }
            return .array(items)
        case let string as StringConstantExpressionAst:
            return .string(string.value)
        case let string as ExpandableStringExpressionAst:
            guard string.parts.allSatisfy({ if case .literal = $0 { return true } else { return false } }) else {
                throw notAllowed(ast, source, file)
            }
            return .string(string.value)
        case let number as ConstantExpressionAst:
            switch number.value {
            case .int32(let v): return .number(Double(v))
            case .int64(let v): return .number(Double(v))
            case .double(let v): return .number(v)
            case .decimal(let text): return .number(Double(text) ?? 0)
            }
        case let variable as VariableExpressionAst:
            switch variable.variablePath.userPath.lowercased() {
            case "true": return .bool(true)
            case "false": return .bool(false)
            case "null": return .null
            default: throw notAllowed(ast, source, file)
            }
        case let unary as UnaryExpressionAst:
            if case .number(let n) = try expression(unary.child, source, file),
               source.text(of: unary.extent).hasPrefix("-") {
                return .number(-n)
            }
            throw notAllowed(ast, source, file)
        case let block as ScriptBlockExpressionAst:
            return .scriptBlock(block.scriptBlock)
        default:
            throw notAllowed(ast, source, file)
        }
    }

    private static func notAllowed(_ ast: Ast, _ source: ScriptSource, _ file: String) -> LabFileError {
        let line = source.lineNumber(at: ast.extent.startOffset)
        let text = source.text(of: ast.extent).prefix(60)
        return LabFileError(message: "The lab file '\(file)' is not a data file: line \(line): '\(text)' is not allowed. "
            + "Only hashtables, arrays, strings, numbers, $true, $false, $null and check script blocks may appear.")
    }
}
