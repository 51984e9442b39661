import CmdletParser
import ShellEngine

/// The scope `-Scope` names, or PowerShell's error for a scope number beyond the active scopes.
private func targetScope(_ context: CommandContext) throws -> Scope {
    let text = context.string("Scope")
    if let scope = context.engine.sessionState.scope(named: text) { return scope }
    let message = "The scope number '\(text ?? "")' exceeds the number of active scopes."
    let record = context.errorRecord(message: message, errorId: "ArgumentOutOfRange", category: .InvalidArgument,
                                     exceptionType: "System.Management.Automation.PSArgumentOutOfRangeException",
                                     target: .string(text ?? ""))
    try context.throwTerminatingError(record)
}

private func notFound(_ context: CommandContext, _ name: String) -> ErrorRecord {
    context.errorRecord(message: "Cannot find a variable with the name '\(name)'.", errorId: "VariableNotFound",
                        category: .ObjectNotFound, exceptionType: "System.Management.Automation.ItemNotFoundException",
                        target: .string(name))
}

/// -Include and -Exclude on variable names (wildcards, without case).
private func includeExclude(_ context: CommandContext) -> (String) -> Bool {
    let include = context.stringList("Include")?.map { WildcardPattern($0) }
    let exclude = context.stringList("Exclude")?.map { WildcardPattern($0) } ?? []
    return { name in
        if let include, !include.contains(where: { $0.matches(name) }) { return false }
        return !exclude.contains { $0.matches(name) }
    }
}

/// The variables -Name names (wildcards expand over the visible ones, or those of -Scope) that
/// pass -Include/-Exclude, each with the scope that holds it; a plain name nobody has is reported.
private func namedVariables(_ context: CommandContext) throws -> [(PSVariable, Scope)] {
    let session = context.engine.sessionState
    let scope: Scope? = context.has("Scope") ? try targetScope(context) : nil
    let keep = includeExclude(context)
    var result: [(PSVariable, Scope)] = []
    for name in context.stringList("Name") ?? [] {
        guard WildcardPattern.hasWildcards(name) else {
            guard let (variable, owner) = session.find(name, in: scope) else {
                try context.writeError(notFound(context, name))
                continue
            }
            if keep(variable.name) { result.append((variable, owner)) }
            continue
        }
        let pattern = WildcardPattern(name)
        let candidates = scope.map { Array($0.variables.values) } ?? session.visibleVariables
        for variable in candidates.sorted(by: { $0.name.lowercased() < $1.name.lowercased() })
            where pattern.matches(variable.name) && keep(variable.name) {
            if let (found, owner) = session.find(variable.name, in: scope) { result.append((found, owner)) }
        }
    }
    return result
}

/// `-Option ReadOnly, Constant, Private, AllScope` (a list or a comma-separated string).
private func options(_ context: CommandContext) -> Set<String> {
    guard let value = context.value("Option") else { return [] }
    let words = (value.enumerated ?? [value]).flatMap { LanguagePrimitives.toString($0).split(separator: ",") }
    return Set(words.map { $0.trimmingSpaces.lowercased() })
}

private extension Substring {
    var trimmingSpaces: String { String(drop { $0 == " " }.reversed().drop { $0 == " " }.reversed()) }
}

final class GetVariable: Cmdlet {
    func process(_ context: CommandContext, input: PSValue?) throws {
        let engine = context.engine
        let patterns = (context.value("Name").map { $0.enumerated ?? [$0] } ?? [.string("*")]).map { LanguagePrimitives.toString($0) }
        let variables: [PSVariable]
        if context.has("Scope") {
            variables = Array(try targetScope(context).variables.values)
        } else {
            variables = engine.sessionState.visibleVariables
        }
        let keep = includeExclude(context)
        let sorted = variables.filter { keep($0.name) }.sorted { $0.name.lowercased() < $1.name.lowercased() }
        for pattern in patterns {
            let matcher = WildcardPattern(pattern)
            let matches = sorted.filter { matcher.matches($0.name) }
            if matches.isEmpty && !WildcardPattern.hasWildcards(pattern) && keep(pattern) {
                try context.writeError(notFound(context, pattern))
                continue
            }
            for v in matches {
                if context.switchValue("ValueOnly") { try context.writeObject(v.value); continue }
                try context.writeObject(.object(PSVariableObject(v)))
            }
        }
    }
}

final class SetVariable: Cmdlet {
    let create: Bool
    init(create: Bool) { self.create = create }
    func process(_ context: CommandContext, input: PSValue?) throws {
        let engine = context.engine
        let scope = try targetScope(context)
        let option = options(context)
        let force = context.switchValue("Force")
        let keep = includeExclude(context)
        var names: [String] = []
        for nameValue in context.value("Name").map({ $0.enumerated ?? [$0] }) ?? [] {
            let name = LanguagePrimitives.toString(nameValue)
            // A wildcard name sets the variables of the scope it matches; -Include/-Exclude filter every name.
            if !create, WildcardPattern.hasWildcards(name) {
                let pattern = WildcardPattern(name)
                names += scope.variables.values.map(\.name).filter { pattern.matches($0) && keep($0) }
                    .sorted { $0.lowercased() < $1.lowercased() }
            } else if keep(name) {
                names.append(name)
            }
        }
        for name in names {
            let existing = scope.variables[NameKey(name)]
            if create, existing != nil, !force {
                try context.writeError(context.errorRecord(message: "A variable with name '\(name)' already exists.",
                    errorId: "VariableAlreadyExists", category: .ResourceExists,
                    exceptionType: "System.Management.Automation.SessionStateException", target: .string(name)))
                continue
            }
            if let existing, existing.isConstant || (existing.isReadOnly && !force) {
                try context.writeError(context.errorRecord(
                    message: "Cannot overwrite variable \(existing.name) because it is read-only or constant.",
                    errorId: "VariableNotWritable", category: .WriteError,
                    exceptionType: "System.Management.Automation.SessionStateUnauthorizedAccessException",
                    target: .string(name)))
                continue
            }
            if let existing, option.contains("constant") {
                try context.writeError(context.errorRecord(
                    message: "Existing variable \(existing.name) cannot be made constant. Variables can be made constant only at creation time.",
                    errorId: "VariableCannotBeMadeConstant", category: .WriteError,
                    exceptionType: "System.Management.Automation.SessionStateUnauthorizedAccessException",
                    target: .string(name)))
                continue
            }
            let variable = existing ?? PSVariable(name: name, value: .null)
            if context.has("Value") || existing == nil || create { variable.value = context.value("Value") ?? .null }
            if let description = context.string("Description") { variable.description = description }
            if context.has("Option") {
                variable.isReadOnly = option.contains("readonly")
                variable.isConstant = option.contains("constant")
                variable.isPrivate = option.contains("private")
                variable.isAllScope = option.contains("allscope")
            }
            if let visibility = context.string("Visibility") { variable.isPrivate = visibility.caseInsensitiveEquals("Private") }
            if existing == nil { engine.sessionState.define(variable, in: scope) }
            if context.switchValue("PassThru") { try context.writeObject(.object(PSVariableObject(variable))) }
        }
    }
}

final class RemoveVariable: Cmdlet {
    func process(_ context: CommandContext, input: PSValue?) throws {
        for (variable, owner) in try namedVariables(context) {
            let name = variable.name
            if variable.isConstant || (variable.isReadOnly && !context.switchValue("Force")) {
                try context.writeError(context.errorRecord(
                    message: "Cannot remove variable \(variable.name) because it is constant or read-only. If the variable is read-only, try the operation again specifying the Force option.",
                    errorId: "VariableNotRemovable", category: .WriteError,
                    exceptionType: "System.Management.Automation.SessionStateUnauthorizedAccessException",
                    target: .string(name)))
                continue
            }
            owner.variables[NameKey(variable.name)] = nil
        }
    }
}

final class ClearVariable: Cmdlet {
    func process(_ context: CommandContext, input: PSValue?) throws {
        for (variable, _) in try namedVariables(context) {
            let name = variable.name
            if variable.isConstant || (variable.isReadOnly && !context.switchValue("Force")) {
                try context.writeError(context.errorRecord(
                    message: "Cannot overwrite variable \(variable.name) because it is read-only or constant.",
                    errorId: "VariableNotWritable", category: .WriteError,
                    exceptionType: "System.Management.Automation.SessionStateUnauthorizedAccessException",
                    target: .string(name)))
                continue
            }
            variable.value = .null
            if context.switchValue("PassThru") { try context.writeObject(.object(PSVariableObject(variable))) }
        }
    }
}
