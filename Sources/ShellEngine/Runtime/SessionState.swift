import CmdletParser

/// A variable: shared between the scopes and closures that see it.
public final class PSVariable {
    public let name: String
    public var value: PSValue
    public var isConstant: Bool
    public var isReadOnly: Bool
    public var description: String
    /// `-Option Private` / `-Visibility Private`: seen only in the scope that holds it.
    public var isPrivate = false
    /// `-Option AllScope`.
    public var isAllScope = false
    /// The type of `[int]$x = …` or a typed parameter: every later assignment converts to it.
    public var typeConstraint: TypeName?

    /// `ScopedItemOptions` as PowerShell prints them (`None`, `ReadOnly, AllScope`).
    public var optionsText: String {
        var names: [String] = []
        if isReadOnly { names.append("ReadOnly") }
        if isConstant { names.append("Constant") }
        if isPrivate { names.append("Private") }
        if isAllScope { names.append("AllScope") }
        return names.isEmpty ? "None" : names.joined(separator: ", ")
    }

    package init(name: String, value: PSValue, isConstant: Bool = false, isReadOnly: Bool = false, description: String = "") {
        self.name = name
        self.value = value
        self.isConstant = isConstant
        self.isReadOnly = isReadOnly
        self.description = description
    }
}

/// A user-defined function or filter.
package final class FunctionInfo {
    package let name: String
    package let definition: ScriptBlockAst
    package let isFilter: Bool
    /// Parameters written after the name (`function f($a) {}`), which act as a param block.
    package let outerParameters: [ParameterAst]?
    /// The scope of the script module that defined the function: its calls run in a child of it
    /// (so `$script:` is the module's), not of the caller's scope.
    package var moduleScope: Scope?
    /// The `function` statement that defined it (where its help comment may stand before it);
    /// nil for a function made from a script block (`Set-Item function:f { … }`).
    package var declaration: SourceExtent?
    package lazy var metadata: CommandMetadata = FunctionMetadata.build(name: name, ast: definition,
                                                                 outerParameters: outerParameters)

    package init(name: String, definition: ScriptBlockAst, isFilter: Bool, outerParameters: [ParameterAst]?) {
        self.name = name
        self.definition = definition
        self.isFilter = isFilter
        self.outerParameters = outerParameters
    }
}

/// One scope: the global scope, a script's scope or a function call's.
package final class Scope {
    package let parent: Scope?
    package var variables: [NameKey: PSVariable] = [:]
    package var functions: [NameKey: FunctionInfo] = [:]
    /// `$args`, `$PSBoundParameters`, `$MyInvocation` and `$input` of a function or script scope,
    /// turned into variables the first time they are read.
    package var automatics = ScopeAutomatics()
    /// Script scope for `$script:` lookups from here.
    unowned(unsafe) var scriptScope: Scope!

    package init(parent: Scope?, isScriptScope: Bool = false) {
        self.parent = parent
        if isScriptScope || parent == nil {
            scriptScope = nil
        } else {
            scriptScope = parent!.scriptScope
        }
        if isScriptScope || parent == nil { scriptScope = self }
    }

    @inline(__always)
    package static func key(_ name: String) -> NameKey { NameKey(name) }
}

/// The automatic variables of a command's scope, kept as plain data until read.
package struct ScopeAutomatics {
    package var arguments: [PSValue]?
    package var boundParameters: [(String, PSValue)] = []
    package var invocation: InvocationInfo?
    package var input: [PSValue]?
    /// `$PSBoundParameters` once made, so pipeline binding updates what the code holds.
    package var boundTable: PSHashtable?

    package static let argsKey = NameKey("args")
    package static let boundKey = NameKey("PSBoundParameters")
    package static let invocationKey = NameKey("MyInvocation")
    package static let inputKey = NameKey("input")

    /// Records a parameter bound from the pipeline in `$PSBoundParameters` (the table if it was
    /// already read, else the list it is made from).
    package mutating func bind(_ name: String, _ value: PSValue) {
        if let index = boundParameters.firstIndex(where: { $0.0.caseInsensitiveEquals(name) }) {
            boundParameters[index].1 = value
        } else {
            boundParameters.append((name, value))
        }
        boundTable?[string: name] = value
    }

    /// The variable for `key`, when this scope has that automatic variable.
    package mutating func materialize(_ key: NameKey) -> PSVariable? {
        if key == Self.argsKey, let arguments {
            return PSVariable(name: "args", value: .array(PSArray(arguments)))
        }
        if key == Self.boundKey, arguments != nil {
            let table = boundTable ?? PSHashtable()
            boundTable = table
            for (name, value) in boundParameters { table[string: name] = value }
            return PSVariable(name: "PSBoundParameters", value: .hashtable(table))
        }
        if key == Self.invocationKey, let invocation {
            return PSVariable(name: "MyInvocation", value: .object(InvocationInfoObject(invocation)))
        }
        if key == Self.inputKey, let input {
            return PSVariable(name: "input", value: .array(PSArray(input)))
        }
        return nil
    }
}

/// A variable or function name that compares and hashes case-insensitively without allocating
/// (ASCII letters fold; other characters compare exactly, which covers PowerShell's names).
package struct NameKey: Hashable, ExpressibleByStringLiteral {
    package let name: String
    /// The case-folded hash, computed once per key.
    private let folded: Int

    package init(_ name: String) {
        self.name = name
        var h = 5381
        for b in name.utf8 { h = (h &<< 5) &+ h &+ Int(NameKey.fold(b)) }
        self.folded = h
    }

    package init(stringLiteral value: String) { self.init(value) }

    @inline(__always)
    private static func fold(_ b: UInt8) -> UInt8 { b &- 65 < 26 ? b | 0x20 : b }

    package static func == (a: NameKey, b: NameKey) -> Bool {
        guard a.folded == b.folded else { return false }
        var x = a.name, y = b.name
        return x.withUTF8 { xs in
            y.withUTF8 { ys in
                guard xs.count == ys.count else { return false }
                for i in 0..<xs.count where fold(xs[i]) != fold(ys[i]) { return false }
                return true
            }
        }
    }

    package func hash(into hasher: inout Hasher) { hasher.combine(folded) }
}

/// Variables, functions and scopes (System.Management.Automation.SessionState).
package final class SessionState {
    package let global: Scope
    package var current: Scope
    /// `$env:`: the shell's own copy of the process environment.
    package var environment: [String: String]

    package init(environment: [String: String]) {
        self.global = Scope(parent: nil)
        self.current = global
        self.environment = environment
    }

    package func lookup(_ name: String, scope: VariableScope = .unqualified) -> PSVariable? {
        let key = Scope.key(name)
        switch scope {
        case .global: return global.variables[key]
        case .script: return current.scriptScope.variables[key]
        case .local, .private: return current.variables[key]
        default:
            var s: Scope? = current
            while let scope = s {
                if let v = scope.variables[key], !v.isPrivate || scope === current { return v }
                if let v = scope.automatics.materialize(key) {
                    scope.variables[key] = v
                    return v
                }
                s = scope.parent
            }
            return nil
        }
    }

    /// Assigns a variable, creating it in the target scope when absent there (PowerShell's rule:
    /// an unqualified assignment creates a local variable unless the current scope has it).
    package func set(_ name: String, _ value: PSValue, scope: VariableScope = .unqualified,
                     constraint: TypeName? = nil) throws(VariableError) {
        let key = Scope.key(name)
        let target = assignmentScope(scope)
        if let existing = target.variables[key] ?? allScopeVariable(key, above: target) {
            if existing.isConstant || existing.isReadOnly { throw VariableError.notWritable(existing.name) }
            existing.value = value
            if let constraint { existing.typeConstraint = constraint }
        } else {
            let variable = PSVariable(name: name, value: value)
            variable.typeConstraint = constraint
            target.variables[key] = variable
        }
    }

    /// The variable an assignment to `name` writes, nil when the assignment creates it.
    package func assignmentTarget(_ name: String, scope: VariableScope = .unqualified) -> PSVariable? {
        let key = Scope.key(name)
        let target = assignmentScope(scope)
        return target.variables[key] ?? allScopeVariable(key, above: target)
    }

    private func assignmentScope(_ scope: VariableScope) -> Scope {
        switch scope {
        case .global: return global
        case .script: return current.scriptScope
        default: return current
        }
    }

    /// An AllScope variable is in every scope (PowerShell copies it into each new one), so an
    /// assignment in a child scope reaches it instead of creating a local variable.
    private func allScopeVariable(_ key: NameKey, above scope: Scope) -> PSVariable? {
        var s = scope.parent
        while let outer = s {
            if let v = outer.variables[key] { return v.isAllScope ? v : nil }
            s = outer.parent
        }
        return nil
    }

    /// Sets a variable in the current scope without the read-only check (automatic variables).
    package func setLocal(_ name: String, _ value: PSValue) {
        let key = Scope.key(name)
        if let existing = current.variables[key] { existing.value = value } else {
            current.variables[key] = PSVariable(name: name, value: value)
        }
    }

    package func define(_ variable: PSVariable, in scope: Scope? = nil) {
        (scope ?? current).variables[Scope.key(variable.name)] = variable
    }

    /// The scope `-Scope` names: Global, Script, Local, Private, or a number of scopes up from
    /// the current one (0 is the current scope); nil for a number beyond the active scopes.
    package func scope(named text: String?) -> Scope? {
        guard let text, !text.isEmpty else { return current }
        switch text.lowercased() {
        case "global": return global
        case "script": return current.scriptScope
        case "local", "private": return current
        default:
            guard let levels = Int(text), levels >= 0 else { return nil }
            var scope: Scope? = current
            var left = levels
            while left > 0, let below = scope {
                scope = below.parent
                left -= 1
            }
            return scope
        }
    }

    /// A variable and the scope holding it: in `scope` only, or the nearest visible one.
    package func find(_ name: String, in scope: Scope?) -> (PSVariable, Scope)? {
        let key = Scope.key(name)
        if let scope { return scope.variables[key].map { ($0, scope) } }
        var s: Scope? = current
        while let candidate = s {
            if let v = candidate.variables[key], !v.isPrivate || candidate === current { return (v, candidate) }
            s = candidate.parent
        }
        return nil
    }

    package func removeVariable(_ name: String) -> Bool {
        let key = Scope.key(name)
        var s: Scope? = current
        while let scope = s {
            if scope.variables.removeValue(forKey: key) != nil { return true }
            s = scope.parent
        }
        return false
    }

    package func function(_ name: String) -> FunctionInfo? {
        let key = Scope.key(name)
        var s: Scope? = current
        while let scope = s {
            if let f = scope.functions[key] { return f }
            s = scope.parent
        }
        return nil
    }

    package func defineFunction(_ f: FunctionInfo, scope: VariableScope = .unqualified) {
        let target: Scope
        switch scope {
        case .global: target = global
        case .script: target = current.scriptScope
        default: target = current
        }
        target.functions[Scope.key(f.name)] = f
    }

    /// Every visible variable, nearest scope first, each name once.
    package var visibleVariables: [PSVariable] {
        var seen = Set<NameKey>()
        var result: [PSVariable] = []
        var s: Scope? = current
        while let scope = s {
            for (key, v) in scope.variables where !seen.contains(key) && (!v.isPrivate || scope === current) {
                seen.insert(key)
                result.append(v)
            }
            s = scope.parent
        }
        return result
    }

    package var visibleFunctions: [FunctionInfo] {
        var seen = Set<NameKey>()
        var result: [FunctionInfo] = []
        var s: Scope? = current
        while let scope = s {
            for (key, f) in scope.functions where !seen.contains(key) {
                seen.insert(key)
                result.append(f)
            }
            s = scope.parent
        }
        return result
    }

    /// Runs `body` in a new child scope.
    package func withNewScope<T>(isScriptScope: Bool = false, _ body: () throws -> T) rethrows -> T {
        let saved = current
        current = Scope(parent: saved, isScriptScope: isScriptScope)
        defer { current = saved }
        return try body()
    }
}

package enum VariableError: Error {
    case notWritable(String)
}

/// A PSVariable as Get-Variable and `-PassThru` write it.
package final class PSVariableObject: PSObject {
    package let variable: PSVariable

    package init(_ variable: PSVariable) {
        self.variable = variable
        super.init(typeNames: ["System.Management.Automation.PSVariable", "System.Object"])
    }

    package override var properties: [PSPropertyInfo] {
        [PSPropertyInfo(name: "Name", value: .string(variable.name)),
         PSPropertyInfo(name: "Description", value: .string(variable.description)),
         PSPropertyInfo(name: "Value", value: variable.value),
         PSPropertyInfo(name: "Visibility", value: .string(variable.isPrivate ? "Private" : "Public")),
         PSPropertyInfo(name: "Module", value: .null),
         PSPropertyInfo(name: "ModuleName", value: .string("")),
         PSPropertyInfo(name: "Options", value: .string(variable.optionsText)),
         PSPropertyInfo(name: "Attributes", value: .array(PSArray([])))]
    }

    package override func setProperty(_ name: String, _ value: PSValue) -> Bool {
        switch name.lowercased() {
        case "value" where !variable.isConstant && !variable.isReadOnly: variable.value = value
        case "description": variable.description = LanguagePrimitives.toString(value)
        default: return false
        }
        return true
    }

    package override func toString() -> String { variable.name }
}
