import CmdletParser
import ShellEngine

final class GetVariable: Cmdlet {
    func process(_ context: CommandContext, input: PSValue?) throws {
        let engine = context.engine
        let patterns = (context.value("Name").map { $0.enumerated ?? [$0] } ?? [.string("*")]).map { LanguagePrimitives.toString($0) }
        let variables = engine.sessionState.visibleVariables.sorted { $0.name.lowercased() < $1.name.lowercased() }
        for pattern in patterns {
            let matcher = WildcardPattern(pattern)
            let matches = variables.filter { matcher.matches($0.name) }
            if matches.isEmpty && !WildcardPattern.hasWildcards(pattern) {
                try context.writeError(context.errorRecord(message: "Cannot find a variable with the name '\(pattern)'.",
                    errorId: "VariableNotFound", category: .ObjectNotFound,
                    exceptionType: "System.Management.Automation.ItemNotFoundException", target: .string(pattern)))
                continue
            }
            for v in matches {
                if context.switchValue("ValueOnly") { try context.writeObject(v.value); continue }
                let o = PSCustomObject(typeNames: ["System.Management.Automation.PSVariable", "System.Object"])
                o.add("Name", .string(v.name))
                o.add("Value", v.value)
                try context.writeObject(.object(o))
            }
        }
    }
}

final class SetVariable: Cmdlet {
    let create: Bool
    init(create: Bool) { self.create = create }
    func process(_ context: CommandContext, input: PSValue?) throws {
        let engine = context.engine
        let scope: VariableScopeName = VariableScopeName(context.string("Scope"))
        for nameValue in context.value("Name").map({ $0.enumerated ?? [$0] }) ?? [] {
            let name = LanguagePrimitives.toString(nameValue)
            if create, engine.sessionState.lookup(name, scope: scope.scope) != nil, scope.scope != .unqualified || engine.sessionState.current.variables[NameKey(name)] != nil {
                try context.writeError(context.errorRecord(message: "A variable with name '\(name)' already exists.",
                    errorId: "VariableAlreadyExists", category: .ResourceExists,
                    exceptionType: "System.Management.Automation.SessionStateUnauthorizedAccessException", target: .string(name)))
                continue
            }
            let value = context.value("Value") ?? .null
            try engine.assignVariable(name, scope: scope.scope, value, extent: context.invocation.extent ?? .empty)
            let option = context.string("Option")?.lowercased() ?? ""
            if option.contains("readonly") || option.contains("constant") {
                engine.sessionState.lookup(name, scope: scope.scope)?.isReadOnly = true
            }
            if context.switchValue("PassThru") { try context.writeObject(value) }
        }
    }
}


/// `-Scope Global|Script|Local`.
struct VariableScopeName {
    let scope: VariableScope
    init(_ text: String?) {
        switch text?.lowercased() {
        case "global": scope = .global
        case "script": scope = .script
        case "local": scope = .local
        default: scope = .unqualified
        }
    }
}

final class RemoveVariable: Cmdlet {
    func process(_ context: CommandContext, input: PSValue?) throws {
        for nameValue in context.value("Name").map({ $0.enumerated ?? [$0] }) ?? [] {
            let name = LanguagePrimitives.toString(nameValue)
            if !context.engine.sessionState.removeVariable(name) {
                try context.writeError(context.errorRecord(message: "Cannot find a variable with the name '\(name)'.",
                    errorId: "VariableNotFound", category: .ObjectNotFound,
                    exceptionType: "System.Management.Automation.ItemNotFoundException", target: .string(name)))
            }
        }
    }
}

/// `CommandInfo` objects for Get-Command.
