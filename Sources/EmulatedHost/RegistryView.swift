import ShellEngine
import SMBPolicy

/// A registry path the `HKLM:` drive accepts: `HKLM:\A\B`, `HKLM:/A/B`, `HKLM:`,
/// `Registry::HKEY_LOCAL_MACHINE\A\B`, `Microsoft.PowerShell.Core\Registry::HKLM\A\B`.
package struct RegistryPath {
    /// The key names below HKEY_LOCAL_MACHINE, as typed.
    package let components: [String]
    /// The path as the user wrote it, for messages.
    package let typed: String

    package init(components: [String], typed: String) {
        self.components = components
        self.typed = typed
    }

    /// The drive name of a `NAME:` path, nil when the path names no drive (a file path).
    package static func driveName(_ text: String) -> String? {
        if text.contains("::") { return nil }
        guard let colon = text.firstIndex(of: ":") else { return nil }
        let name = text[..<colon]
        guard name.count >= 2, name.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "_" }) else { return nil }
        return String(name)
    }

    /// Parses a registry path; nil when it is not one (a file path or another drive).
    package static func parse(_ text: String) -> RegistryPath? {
        var rest = Substring(text)
        let providerPrefixes = ["Microsoft.PowerShell.Core\\Registry::", "Registry::"]
        if let prefix = providerPrefixes.first(where: { text.lowercased().hasPrefix($0.lowercased()) }) {
            rest = rest.dropFirst(prefix.count)
            let hive = rest.prefix { $0 != "\\" && $0 != "/" }
            guard ["hkey_local_machine", "hklm"].contains(hive.lowercased()) else { return nil }
            rest = rest.dropFirst(hive.count)
        } else if text.lowercased().hasPrefix("hklm:") {
            rest = rest.dropFirst(5)
        } else {
            return nil
        }
        let components = rest.split(whereSeparator: { $0 == "\\" || $0 == "/" }).map(String.init)
        return RegistryPath(components: components, typed: text)
    }

    /// `HKEY_LOCAL_MACHINE\A\B`, as RegistryKey.Name shows it.
    package var keyName: String { (["HKEY_LOCAL_MACHINE"] + components).joined(separator: "\\") }
    package var providerPath: String { "Microsoft.PowerShell.Core\\Registry::" + keyName }
    package var drivePath: String { "HKLM:\\" + components.joined(separator: "\\") }
    package var parent: RegistryPath { RegistryPath(components: Array(components.dropLast()), typed: typed) }
    package func child(_ name: String) -> RegistryPath { RegistryPath(components: components + [name], typed: typed) }
}

/// The read-only part of HKLM the SMB settings live in, derived from the policy schema: every
/// key a property of the active profile is stored under, its parents, and the two Group Policy
/// keys. A value exists where a local setting is stored (properties at their default have no
/// value, as on Windows); the policy keys hold the Group Policy values.
package struct RegistryView {
    package struct Node {
        package var name: String
        package var children: [String: Node] = [:]
        package var values: [(name: String, data: RegistryData)] = []
        /// Set on the two Group Policy keys.
        package var policySide: PolicySide?
    }

    package private(set) var root = Node(name: "HKEY_LOCAL_MACHINE")

    package init(snapshot: PolicySnapshot) {
        for key in RegistryKey.allCases { insertKey(key) }
        for side in PolicySide.allCases {
            for entry in snapshot.entries(side: side) {
                guard let local = entry.localValue else { continue }
                let storage = entry.property.storage
                let data = storage.data(for: local, type: entry.property.type)
                update(key: storage.key) { node in
                    if let i = node.values.firstIndex(where: { $0.name.caseInsensitiveEquals(storage.valueName) }) {
                        node.values[i].data = data
                    } else {
                        node.values.append((storage.valueName, data))
                    }
                }
            }
            let policyKey = PolicyStore.groupPolicyKey(side: side)
            update(key: policyKey) { node in
                node.policySide = side
                for (name, data) in snapshot.groupPolicyValues(side: side).sorted(by: { $0.key.lowercased() < $1.key.lowercased() }) {
                    node.values.append((name, data))
                }
            }
        }
    }

    /// Key names below HKLM (`SOFTWARE` spelled as Windows does).
    package static func components(_ key: RegistryKey) -> [String] {
        var parts = key.path.split(separator: "\\").dropFirst().map(String.init)
        if parts.first?.caseInsensitiveEquals("Software") == true { parts[0] = "SOFTWARE" }
        return parts
    }

    private mutating func insertKey(_ key: RegistryKey) {
        func insert(_ node: inout Node, _ parts: ArraySlice<String>) {
            guard let first = parts.first else { return }
            let id = first.lowercased()
            if node.children[id] == nil { node.children[id] = Node(name: first) }
            insert(&node.children[id]!, parts.dropFirst())
        }
        insert(&root, RegistryView.components(key)[...])
    }

    private mutating func update(key: RegistryKey, _ body: (inout Node) -> Void) {
        func walk(_ node: inout Node, _ parts: ArraySlice<String>) {
            guard let first = parts.first else { body(&node); return }
            walk(&node.children[first.lowercased()]!, parts.dropFirst())
        }
        walk(&root, RegistryView.components(key)[...])
    }

    /// The key at a path, nil when it does not exist.
    package func node(_ path: RegistryPath) -> Node? {
        var node = root
        for part in path.components {
            guard let next = node.children[part.lowercased()] else { return nil }
            node = next
        }
        return node
    }

    /// Which side's Group Policy key a path names, nil for every other key.
    package func policySide(_ path: RegistryPath) -> PolicySide? { node(path)?.policySide }
}

extension RegistryData {
    /// The value as the registry provider returns it: REG_DWORD as Int32, REG_QWORD as Int64.
    package var psValue: PSValue {
        switch self {
        case .dword(let v): return .int32(Int32(bitPattern: v))
        case .qword(let v): return .int64(Int64(bitPattern: v))
        case .string(let s): return .string(s)
        case .multiString(let items): return .array(PSArray(items.map { .string($0) }, elementTypeName: "System.String"))
        }
    }
}

/// `Microsoft.Win32.RegistryKey` as `Get-Item` / `Get-ChildItem` return it.
package final class RegistryKeyObject: PSObject, PSDefaultDisplayPropertySet {
    package let path: RegistryPath
    package let node: RegistryView.Node

    package init(path: RegistryPath, node: RegistryView.Node) {
        self.path = path
        self.node = node
        super.init(typeNames: ["Microsoft.Win32.RegistryKey", "System.MarshalByRefObject", "System.Object"])
    }

    package override var properties: [PSPropertyInfo] {
        let valueNames = node.values.map { PSValue.string($0.name) }
        return [
            PSPropertyInfo(name: "Property", value: .array(PSArray(valueNames, elementTypeName: "System.String")),
                           typeName: "System.String[]", isSettable: false),
            PSPropertyInfo(name: "PSPath", value: .string(path.providerPath), isSettable: false),
            PSPropertyInfo(name: "PSParentPath", value: .string(path.parent.providerPath), isSettable: false),
            PSPropertyInfo(name: "PSChildName", value: .string(path.components.last ?? "HKEY_LOCAL_MACHINE"), isSettable: false),
            PSPropertyInfo(name: "PSDrive", value: .string("HKLM"), isSettable: false),
            PSPropertyInfo(name: "PSProvider", value: .string("Microsoft.PowerShell.Core\\Registry"), isSettable: false),
            PSPropertyInfo(name: "PSIsContainer", value: .bool(true), isSettable: false),
            PSPropertyInfo(name: "SubKeyCount", value: .int32(Int32(node.children.count)), isSettable: false),
            PSPropertyInfo(name: "View", value: .string("Default"), isSettable: false),
            PSPropertyInfo(name: "Handle", value: .string("Microsoft.Win32.SafeHandles.SafeRegistryHandle"), isSettable: false),
            PSPropertyInfo(name: "ValueCount", value: .int32(Int32(node.values.count)), isSettable: false),
            PSPropertyInfo(name: "Name", value: .string(path.keyName), isSettable: false),
        ]
    }

    /// 5.1's registry view shows the key and its value names.
    package var defaultDisplayPropertySet: [String] { ["Name", "Property"] }

    package override var methodNames: [String] { ["GetValue", "GetValueNames", "GetSubKeyNames", "GetValueKind"] }

    package override func invokeMethod(_ name: String, _ arguments: [PSValue]) throws -> PSValue? {
        let first = arguments.first.map { LanguagePrimitives.toString($0) } ?? ""
        let value = node.values.first { $0.name.caseInsensitiveEquals(first) }
        switch name.lowercased() {
        case "getvalue": return value?.data.psValue ?? (arguments.count > 1 ? arguments[1] : .null)
        case "getvaluenames": return .array(PSArray(node.values.map { .string($0.name) }, elementTypeName: "System.String"))
        case "getsubkeynames":
            return .array(PSArray(node.children.values.map(\.name).sorted { $0.lowercased() < $1.lowercased() }
                .map { .string($0) }, elementTypeName: "System.String"))
        case "getvaluekind":
            switch value?.data {
            case .dword: return .string("DWord")
            case .qword: return .string("QWord")
            case .string: return .string("String")
            case .multiString: return .string("MultiString")
            case nil: return .string("Unknown")
            }
        default: return nil
        }
    }

    /// `RegistryKey.ToString()`: the key's name.
    package override func toString() -> String { path.keyName }
}
