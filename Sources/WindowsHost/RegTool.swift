import EmulatedHost
import SMBPolicy
import ShellEngine

/// `reg.exe query|add|delete` over the emulated registry, with reg's console text and exit codes
/// (0 success, 1 failure). Switches are case-insensitive and start with `/` or `-`.
enum RegTool: NativeTool {
    static let notFound = "ERROR: The system was unable to find the specified registry key or value."
    static let success = "The operation completed successfully."

    static func run(_ arguments: [String], _ context: CommandContext) throws -> Int32 {
        guard let operation = arguments.first?.lowercased() else {
            try context.writeLines(["ERROR: Invalid syntax.", "Type \"REG /?\" for usage.", ""])
            return 1
        }
        let rest = Array(arguments.dropFirst())
        let usage = ["ERROR: Invalid syntax.", "Type \"REG \(operation.uppercased()) /?\" for usage.", ""]
        guard let keyText = rest.first, let options = Options(Array(rest.dropFirst()), query: operation == "query") else {
            try context.writeLines(usage)
            return 1
        }
        guard let key = HostRegistry.normalize(keyText), key.contains("\\") || ["query"].contains(operation) else {
            try context.writeLines(["ERROR: Invalid key name.", "Type \"REG \(operation.uppercased()) /?\" for usage.", ""])
            return 1
        }
        switch operation {
        case "query": return try query(key, options, context)
        case "add": return try add(key, options, context)
        case "delete": return try delete(key, options, context)
        default:
            try context.writeLines(usage)
            return 1
        }
    }

    struct Options {
        var value: String?
        var defaultValue = false
        var type = "REG_SZ"
        var data: String?
        var force = false
        var separator = "\\0"
        /// `/s` of reg query: every subkey too.
        var recurse = false

        init?(_ items: [String], query: Bool) {
            var index = 0
            func next() -> String? {
                index += 1
                return index < items.count ? items[index] : nil
            }
            while index < items.count {
                let item = items[index]
                guard item.hasPrefix("/") || item.hasPrefix("-") else { return nil }
                switch item.dropFirst().lowercased() {
                case "v": guard let name = next() else { return nil }; value = name
                case "ve": defaultValue = true
                case "t": guard let kind = next() else { return nil }; type = kind.uppercased()
                case "d": guard let text = next() else { return nil }; data = text
                case "s" where query: recurse = true
                case "s": guard let text = next() else { return nil }; separator = text
                case "f": force = true
                case "reg:64", "reg:32": break
                default: return nil
                }
                index += 1
            }
            if defaultValue { value = "" }
        }
    }

    private static func registry(_ context: CommandContext) -> HostRegistry { context.engine.policySnapshot().registry }

    /// `    Name    REG_DWORD    0x1`, as reg query lists a value.
    static func line(_ value: RegistryValue) -> String {
        "    " + (value.name.isEmpty ? "(Default)" : value.name) + "    " + value.data.kind.rawValue + "    " + value.data.displayText
    }

    /// The key and the `/v` value a command names; nil (after reg's error line) when either is missing.
    private static func lookup(_ key: String, _ options: Options, _ context: CommandContext)
        throws -> (key: HostRegistryKey, value: RegistryValue?)? {
        let found = registry(context).key(key)
        let value = options.value.flatMap { found?.value($0) }
        guard let found, options.value == nil || value != nil else {
            try context.writeLines([notFound])
            return nil
        }
        return (found, value)
    }

    private static func query(_ key: String, _ options: Options, _ context: CommandContext) throws -> Int32 {
        guard let (found, value) = try lookup(key, options, context) else { return 1 }
        if let value {
            try context.writeLines(["", found.path, line(value), ""])
            return 0
        }
        let registry = registry(context)
        guard options.recurse else {
            var lines = [""]
            if !found.values.isEmpty { lines += [found.path] + found.values.map(line) + [""] }
            lines += registry.subkeyNames(key).map { found.path + "\\" + $0 }
            try context.writeLines(lines)
            return 0
        }
        // /s: each key with its values, depth first, then the count line.
        var lines: [String] = []
        func walk(_ current: HostRegistryKey) {
            lines += [""] + [current.path] + current.values.map(line)
            for name in registry.subkeyNames(current.path) {
                if let child = registry.key(current.path + "\\" + name) { walk(child) }
            }
        }
        walk(found)
        try context.writeLines(lines + [""])
        return 0
    }

    private static func add(_ key: String, _ options: Options, _ context: CommandContext) throws -> Int32 {
        guard let name = options.value else {
            guard try context.saveHost({ store throws(PolicyStoreError) in try store.createRegistryKey(key) }) else { return 1 }
            try context.writeLines([success])
            return 0
        }
        guard let data = data(options) else {
            try context.writeLines(["ERROR: Invalid syntax.", "Type \"REG ADD /?\" for usage.", ""])
            return 1
        }
        if !options.force, registry(context).key(key)?.value(name) != nil,
           !context.askYesNo("Value \(name.isEmpty ? "(Default)" : name) exists, overwrite(Yes/No)?") {
            try context.writeLines(["The operation was canceled by the user.", ""])
            return 0
        }
        guard try context.saveHost({ store throws(PolicyStoreError) in
            _ = try store.createRegistryKey(key)
            return try store.setRegistryValue(key: key, name: name, data: data)
        }) else { return 1 }
        try context.writeLines([success])
        return 0
    }

    /// The data of `/t TYPE /d DATA`: DWORD and QWORD in decimal or 0x hex, binary as hex digits.
    static func data(_ options: Options) -> RegistryData? {
        let text = options.data ?? ""
        func number(_ limit: UInt64) -> UInt64? {
            let lower = text.lowercased()
            let value = lower.hasPrefix("0x") ? UInt64(lower.dropFirst(2), radix: 16) : (text.isEmpty ? 0 : UInt64(text))
            return value.flatMap { $0 <= limit ? $0 : nil }
        }
        switch options.type {
        case "REG_SZ": return .string(text)
        case "REG_EXPAND_SZ": return .expandString(text)
        case "REG_MULTI_SZ": return .multiString(text.split(separator: options.separator).map(String.init))
        case "REG_DWORD": return number(UInt64(UInt32.max)).map { .dword(UInt32($0)) }
        case "REG_QWORD": return number(UInt64.max).map { .qword($0) }
        case "REG_BINARY":
            guard text.count % 2 == 0 else { return nil }
            var bytes: [UInt8] = []
            var index = text.startIndex
            while index < text.endIndex {
                let end = text.index(index, offsetBy: 2)
                guard let byte = UInt8(text[index..<end], radix: 16) else { return nil }
                bytes.append(byte)
                index = end
            }
            return .binary(bytes)
        default: return nil
        }
    }

    private static func delete(_ key: String, _ options: Options, _ context: CommandContext) throws -> Int32 {
        guard let (found, value) = try lookup(key, options, context) else { return 1 }
        if let value {
            let name = value.name
            if !options.force && !context.askYesNo("Delete the registry value \(name.isEmpty ? "(Default)" : name) (Yes/No)?") {
                try context.writeLines(["The operation was canceled by the user.", ""])
                return 0
            }
            guard try context.saveHost({ store throws(PolicyStoreError) in
                try store.removeRegistryValue(key: found.path, name: value.name)
            }) else { return 1 }
        } else {
            if !options.force && !context.askYesNo("Permanently delete the registry key \(found.path) (Yes/No)?") {
                try context.writeLines(["The operation was canceled by the user.", ""])
                return 0
            }
            guard try context.saveHost({ store throws(PolicyStoreError) in try store.removeRegistryKey(found.path) }) else { return 1 }
        }
        try context.writeLines([success])
        return 0
    }
}
