import ShellEngine

/// Set-Alias and New-Alias (`create`: fails when the alias exists, unless -Force).
final class SetAlias: Cmdlet {
    let create: Bool

    init(create: Bool) { self.create = create }

    static let aliasExists = "Alias not allowed because an alias with the name '{0}' already exists."

    func process(_ context: CommandContext, input: PSValue?) throws {
        let engine = context.engine
        guard let name = context.string("Name"), let value = context.string("Value") else { return }
        let key = NameKey(name)
        if create, engine.aliases[key] != nil, !context.switchValue("Force") {
            try context.writeError(context.errorRecord(message: Messages.fill(Self.aliasExists, [name]), errorId: "AliasAlreadyExists",
                                                       category: .ResourceExists,
                                                       exceptionType: "System.Management.Automation.SessionStateException",
                                                       target: .string(name)))
            return
        }
        guard try context.shouldProcess(target: "Name: \(name) Value: \(value)",
                                       action: create ? "New alias" : "Set alias") else { return }
        engine.aliases[key] = value
        if context.switchValue("PassThru") {
            try context.writeObject(.object(CommandInfoObject.alias(name, definition: value)))
        }
    }
}

/// New-Guid: a random (version 4) GUID, shown in a `Guid` table.
final class NewGuid: Cmdlet {
    func process(_ context: CommandContext, input: PSValue?) throws {
        var bytes = (0..<16).map { _ in UInt8.random(in: 0...255) }
        bytes[6] = (bytes[6] & 0x0F) | 0x40
        bytes[8] = (bytes[8] & 0x3F) | 0x80
        let hex = bytes.map { byte -> String in
            let digits = String(byte, radix: 16)
            return digits.count == 1 ? "0" + digits : digits
        }.joined()
        let chars = Array(hex)
        let text = [0..<8, 8..<12, 12..<16, 16..<20, 20..<32].map { String(chars[$0]) }.joined(separator: "-")
        try context.writeObject(.object(GuidObject(text)))
    }
}

/// System.Guid: shown as a one-column `Guid` table, converted to its text.
final class GuidObject: PSObject {
    let text: String

    init(_ text: String) {
        self.text = text
        super.init(typeNames: ["System.Guid", "System.ValueType", "System.Object"])
    }

    override var properties: [PSPropertyInfo] { [PSPropertyInfo(name: "Guid", value: .string(text))] }

    override func toString() -> String { text }
}

/// ConvertFrom-StringData: `name = value` lines to a hashtable (`#` comments and blank lines skipped).
final class ConvertFromStringData: Cmdlet {
    func process(_ context: CommandContext, input: PSValue?) throws {
        let text = context.string("StringData") ?? ""
        let table = PSHashtable()
        for raw in text.split(whereSeparator: { $0 == "\n" || $0 == "\r" }) {
            let line = String(raw).trimmedWhitespace
            if line.isEmpty || line.hasPrefix("#") { continue }
            guard let equals = line.firstIndex(of: "=") else {
                try context.throwTerminatingError(context.errorRecord(
                    message: "Data line '\(line)' is not in 'name=value' format. ", errorId: "InvalidOperation",
                    category: .InvalidOperation, exceptionType: "System.Management.Automation.PSInvalidOperationException"))
            }
            let name = String(line[..<equals]).trimmedWhitespace
            let value = String(line[line.index(after: equals)...]).trimmedWhitespace
            table[string: name] = .string(value.replacing("\\\\", with: "\\").replacing("\\n", with: "\n").replacing("\\t", with: "\t"))
        }
        try context.writeObject(.hashtable(table))
    }
}

/// Unblock-File: the emulated files carry no Zone.Identifier stream; there is nothing to remove.
final class UnblockFile: Cmdlet {
    func process(_ context: CommandContext, input: PSValue?) throws {}
}
