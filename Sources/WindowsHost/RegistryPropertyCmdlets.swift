import ShellEngine
import EmulatedHost
import SMBPolicy

/// Get-ItemProperty, Get-ItemPropertyValue, Set-, New- and Remove-ItemProperty on the `HKLM:` drive.
/// Writes are allowed on the two Group Policy keys only and go to the policy store, where
/// EnableMailslots overrides the local setting.
final class PropertyCmdlet: Cmdlet {
    enum Verb { case get, getValue, set, new, remove }
    let verb: Verb
    init(_ verb: Verb) { self.verb = verb }

    func process(_ context: CommandContext, input: PSValue?) throws {
        let engine = context.engine
        let (texts, literal) = try RegistryCmdlets.paths(context)
        for text in texts {
            guard let path = RegistryPath.parse(text) else {
                if let drive = RegistryPath.driveName(text), !drive.caseInsensitiveEquals("HKLM") {
                    try context.writeError(RegistryCmdlets.driveNotFound(context, drive))
                } else {
                    try context.writeError(context.errorRecord(
                        message: "This shell models item properties on the HKLM: registry drive only; '\(text)' is not a registry path.",
                        errorId: "NotSupported", category: .NotImplemented,
                        exceptionType: "System.Management.Automation.PSNotSupportedException", target: .string(text)))
                }
                continue
            }
            let matches = engine.resolveRegistry(path, literal: literal, view: engine.registryView)
            if matches.isEmpty {
                try context.writeError(context.pathNotFoundError(text))
                continue
            }
            for (keyPath, node) in matches {
                switch verb {
                case .get: try get(context, keyPath, node)
                case .getValue: try getValue(context, keyPath, node)
                case .set, .new: try write(context, keyPath, node)
                case .remove: try remove(context, keyPath, node)
                }
            }
        }
    }

    private func names(_ context: CommandContext) -> [String]? {
        guard let value = context.value("Name") else { return nil }
        return (value.enumerated ?? [value]).map { LanguagePrimitives.toString($0) }
    }

    /// The PSCustomObject Get-ItemProperty returns: the values, then PSPath … PSProvider.
    private func propertyObject(_ path: RegistryPath, _ values: [(name: String, data: RegistryData)]) -> PSValue {
        let o = PSCustomObject()
        for value in values { o.add(value.name, value.data.psValue) }
        o.add("PSPath", .string(path.providerPath))
        o.add("PSParentPath", .string(path.parent.providerPath))
        o.add("PSChildName", .string(path.components.last ?? ""))
        o.add("PSDrive", .string("HKLM"))
        o.add("PSProvider", .string("Microsoft.PowerShell.Core\\Registry"))
        return .object(o)
    }

    private func get(_ context: CommandContext, _ path: RegistryPath, _ node: RegistryView.Node) throws {
        guard let wanted = names(context) else {
            if !node.values.isEmpty { try context.writeObject(propertyObject(path, node.values)) }
            return
        }
        var selected: [(name: String, data: RegistryData)] = []
        for name in wanted {
            let pattern = WildcardPattern(name)
            let found = node.values.filter { pattern.matches($0.name) }
            if found.isEmpty && !name.contains(where: { $0 == "*" || $0 == "?" }) {
                try context.writeError(RegistryCmdlets.propertyNotFound(context, name, path))
            }
            selected += found.filter { f in !selected.contains { $0.name == f.name } }
        }
        if !selected.isEmpty { try context.writeObject(propertyObject(path, selected)) }
    }

    private func getValue(_ context: CommandContext, _ path: RegistryPath, _ node: RegistryView.Node) throws {
        for name in names(context) ?? [] {
            guard let value = node.values.first(where: { $0.name.caseInsensitiveEquals(name) }) else {
                try context.writeError(RegistryCmdlets.propertyNotFound(context, name, path))
                continue
            }
            try context.writeObject(value.data.psValue)
        }
    }

    private func write(_ context: CommandContext, _ path: RegistryPath, _ node: RegistryView.Node) throws {
        let name = context.string("Name") ?? ""
        guard let side = node.policySide else {
            return try context.writeError(RegistryCmdlets.accessDenied(context, path))
        }
        let existing = node.values.first { $0.name.caseInsensitiveEquals(name) }
        if verb == .new, existing != nil, !context.switchValue("Force") {
            return try context.writeError(context.errorRecord(message: ProviderMessages.propertyAlreadyExists,
                errorId: "System.IO.IOException", category: .ResourceExists, exceptionType: "System.IO.IOException",
                target: .string(path.keyName)))
        }
        let kind = context.string("Type") ?? context.string("PropertyType")
        guard let data = RegistryValueConversion.data(context.value("Value") ?? .null, kind: kind,
                                                      existing: existing?.data) else {
            // The registry provider converts with PowerShell's rules: a DWord is an Int32.
            let typeName = (kind ?? "").lowercased() == "qword" ? "System.Int64" : "System.Int32"
            let text = LanguagePrimitives.toString(context.value("Value") ?? .null)
            return try context.writeError(context.errorRecord(
                message: Messages.format("InvalidCastExceptionWithInnerException", text, typeName,
                                         "Input string was not in a correct format."),
                errorId: "System.Management.Automation.PSInvalidCastException", category: .InvalidArgument,
                exceptionType: "System.Management.Automation.PSInvalidCastException", target: .string(name)))
        }
        let action = verb == .new ? "New Property" : "Set Property"
        guard try context.shouldProcess(target: "Item: \(path.keyName) Property: \(name)", action: action) else { return }
        try commitPolicy(context, side: side) { store throws(PolicyStoreError) in
            try store.setGroupPolicy(side: side, valueName: name, value: data)
        }
        if verb == .new || context.switchValue("PassThru") {
            try context.writeObject(propertyObject(path, [(name, data)]))
        }
    }

    private func remove(_ context: CommandContext, _ path: RegistryPath, _ node: RegistryView.Node) throws {
        for name in names(context) ?? [] {
            guard let side = node.policySide else {
                try context.writeError(RegistryCmdlets.accessDenied(context, path))
                continue
            }
            guard let existing = node.values.first(where: { $0.name.caseInsensitiveEquals(name) }) else {
                try context.writeError(RegistryCmdlets.propertyNotFound(context, name, path))
                continue
            }
            guard try context.shouldProcess(target: "Item: \(path.keyName) Property: \(existing.name)",
                                            action: "Remove Property") else { continue }
            try commitPolicy(context, side: side) { store throws(PolicyStoreError) in
                try store.removeGroupPolicy(side: side, valueName: existing.name)
            }
        }
    }

    /// Saves a Group Policy change and applies the new effective policy to the transport.
    private func commitPolicy(_ context: CommandContext, side: PolicySide,
                              _ change: (PolicyStore) throws(PolicyStoreError) -> PolicyChangeResult) throws {
        let engine = context.engine
        _ = engine.policySnapshot()
        do {
            let result = try change(engine.policyStore)
            for warning in result.warnings { context.writeWarning(warning) }
            engine.applyPolicy(result)
            for write in result.registryWrites where write.activation == .reboot {
                context.writeVerbose("A restart of the computer is required for \(write.path) to take effect on Windows; this shell applies it at once.")
            }
        } catch {
            try context.writeError(context.errorRecord(message: error.message, errorId: "PolicyStoreError",
                category: .WriteError, exceptionType: "System.IO.IOException", target: .string(side.rawValue)))
        }
    }
}

/// How the registry provider turns a PowerShell value into registry data.
enum RegistryValueConversion {
    static func data(_ value: PSValue, kind: String?, existing: RegistryData?) -> RegistryData? {
        let wanted = kind?.lowercased() ?? existing.map(kindName) ?? inferredKind(value)
        switch wanted {
        case "dword":
            guard let number = integer(value), number >= Int64(Int32.min), number <= Int64(UInt32.max) else { return nil }
            return .dword(UInt32(truncatingIfNeeded: number))
        case "qword":
            guard let number = integer(value) else { return nil }
            return .qword(UInt64(bitPattern: number))
        case "multistring":
            return .multiString((value.enumerated ?? [value]).map { LanguagePrimitives.toString($0) })
        case "string", "expandstring", "unknown":
            return .string(LanguagePrimitives.toString(value))
        default:
            return nil
        }
    }

    private static func kindName(_ data: RegistryData) -> String {
        switch data {
        case .dword: return "dword"
        case .qword: return "qword"
        case .string: return "string"
        case .multiString: return "multistring"
        }
    }

    /// No -Type and no existing value: Int32 → DWord, Int64 → QWord, arrays → MultiString, else String.
    private static func inferredKind(_ value: PSValue) -> String {
        switch value {
        case .int32, .uint32, .byte, .bool, .switchParameter: return "dword"
        case .int64, .uint64: return "qword"
        case .array: return "multistring"
        default: return "string"
        }
    }

    private static func integer(_ value: PSValue) -> Int64? {
        switch value {
        case .bool(let b), .switchParameter(let b): return b ? 1 : 0
        case .string(let s):
            let text = s.trimmedWhitespace.lowercased()
            if text.hasPrefix("0x") { return Int64(text.dropFirst(2), radix: 16) }
            return Int64(text)
        default: return LanguagePrimitives.toInt64(value)
        }
    }
}
