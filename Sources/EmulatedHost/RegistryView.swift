import ShellEngine
import SMBPolicy

/// A registry path the `HKLM:` and `HKCU:` drives accept: `HKLM:\\A\\B`, `HKLM:/A/B`, `HKCU:`,
/// `Registry::HKEY_LOCAL_MACHINE\\A\\B`, `Microsoft.PowerShell.Core\\Registry::HKLM\\A\\B`.
package struct RegistryPath {
    /// `HKEY_LOCAL_MACHINE` or `HKEY_CURRENT_USER`.
    package let hive: String
    /// The key names below the hive, as typed.
    package let components: [String]
    /// The path as the user wrote it, for messages.
    package let typed: String

    package init(hive: String = "HKEY_LOCAL_MACHINE", components: [String], typed: String) {
        self.hive = hive
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

    static let hives = ["hklm": "HKEY_LOCAL_MACHINE", "hkey_local_machine": "HKEY_LOCAL_MACHINE",
                        "hkcu": "HKEY_CURRENT_USER", "hkey_current_user": "HKEY_CURRENT_USER"]

    /// Parses a registry path; nil when it is not one (a file path or another drive).
    package static func parse(_ text: String) -> RegistryPath? {
        var rest = Substring(text)
        let hive: String
        let providerPrefixes = ["Microsoft.PowerShell.Core\\Registry::", "Registry::"]
        if let prefix = providerPrefixes.first(where: { text.lowercased().hasPrefix($0.lowercased()) }) {
            rest = rest.dropFirst(prefix.count)
            let name = rest.prefix { $0 != "\\" && $0 != "/" }
            guard let found = hives[name.lowercased()] else { return nil }
            hive = found
            rest = rest.dropFirst(name.count)
        } else if let drive = driveName(text), let found = hives[drive.lowercased()], drive.count == 4 {
            hive = found
            rest = rest.dropFirst(5)
        } else {
            return nil
        }
        let components = rest.split(whereSeparator: { $0 == "\\" || $0 == "/" }).map(String.init)
        return RegistryPath(hive: hive, components: components, typed: text)
    }

    /// `HKEY_LOCAL_MACHINE\\A\\B`, as RegistryKey.Name shows it.
    package var keyName: String { ([hive] + components).joined(separator: "\\") }
    package var providerPath: String { "Microsoft.PowerShell.Core\\Registry::" + keyName }
    package var driveName: String { hive == "HKEY_CURRENT_USER" ? "HKCU" : "HKLM" }
    package var drivePath: String { driveName + ":\\" + components.joined(separator: "\\") }
    package var parent: RegistryPath { RegistryPath(hive: hive, components: Array(components.dropLast()), typed: typed) }
    package func child(_ name: String) -> RegistryPath { RegistryPath(hive: hive, components: components + [name], typed: typed) }
}

/// The emulated host's registry as the provider and the native tools read it: one tree, resolved
/// by the policy store from what the release ships and what was written.
package struct RegistryView {
    package let registry: HostRegistry

    package init(snapshot: PolicySnapshot) {
        registry = snapshot.registry
    }

    /// Key names below HKLM (`SOFTWARE` spelled as Windows does).
    package static func components(_ key: RegistryKey) -> [String] {
        (HostRegistry.normalize(key.path) ?? key.path).split(separator: "\\").dropFirst().map(String.init)
    }

    /// The key at a path, nil when it does not exist.
    package func node(_ path: RegistryPath) -> HostRegistryKey? { registry.key(path.keyName) }

    package func subkeyNames(_ path: RegistryPath) -> [String] { registry.subkeyNames(path.keyName) }

    /// Which side's Group Policy key a path names, nil for every other key.
    package func policySide(_ path: RegistryPath) -> PolicySide? {
        PolicySide.allCases.first {
            HostRegistry.normalize(PolicyStore.groupPolicyKey(side: $0).path)?.lowercased() == path.keyName.lowercased()
        }
    }
}

extension RegistryData {
    /// The value as the registry provider returns it: REG_DWORD as Int32, REG_QWORD as Int64.
    package var psValue: PSValue {
        switch self {
        case .dword(let v): return .int32(Int32(bitPattern: v))
        case .qword(let v): return .int64(Int64(bitPattern: v))
        case .string(let s), .expandString(let s): return .string(s)
        case .multiString(let items): return .array(PSArray(items.map { .string($0) }, elementTypeName: "System.String"))
        case .binary(let bytes): return ConvertTypes.bytes(bytes)
        }
    }
}

/// `Microsoft.Win32.RegistryKey` as `Get-Item` / `Get-ChildItem` return it.
package final class RegistryKeyObject: PSObject, PSDefaultDisplayPropertySet, RegistryKeyDisplay {
    package let path: RegistryPath
    package let key: HostRegistryKey
    package let subkeyNames: [String]

    package init(path: RegistryPath, key: HostRegistryKey, subkeyNames: [String]) {
        self.path = path
        self.key = key
        self.subkeyNames = subkeyNames
        super.init(typeNames: ["Microsoft.Win32.RegistryKey", "System.MarshalByRefObject", "System.Object"])
    }

    package override var properties: [PSPropertyInfo] {
        let valueNames = key.values.map { PSValue.string($0.name) }
        return [
            PSPropertyInfo(name: "Property", value: .array(PSArray(valueNames, elementTypeName: "System.String")),
                           typeName: "System.String[]", isSettable: false),
            PSPropertyInfo(name: "PSPath", value: .string(path.providerPath), isSettable: false),
            PSPropertyInfo(name: "PSParentPath", value: .string(path.components.isEmpty ? "Microsoft.PowerShell.Core\\Registry::"
                                                                                            : path.parent.providerPath), isSettable: false),
            PSPropertyInfo(name: "PSChildName", value: .string(path.components.last ?? path.hive), isSettable: false),
            PSPropertyInfo(name: "PSDrive", value: .string(path.driveName), isSettable: false),
            PSPropertyInfo(name: "PSProvider", value: .string("Microsoft.PowerShell.Core\\Registry"), isSettable: false),
            PSPropertyInfo(name: "PSIsContainer", value: .bool(true), isSettable: false),
            PSPropertyInfo(name: "SubKeyCount", value: .int32(Int32(subkeyNames.count)), isSettable: false),
            PSPropertyInfo(name: "View", value: .string("Default"), isSettable: false),
            PSPropertyInfo(name: "Handle", value: .string("Microsoft.Win32.SafeHandles.SafeRegistryHandle"), isSettable: false),
            PSPropertyInfo(name: "ValueCount", value: .int32(Int32(key.values.count)), isSettable: false),
            PSPropertyInfo(name: "Name", value: .string(path.keyName), isSettable: false),
        ]
    }

    /// 5.1's registry view shows the key and its value names.
    package var defaultDisplayPropertySet: [String] { ["Name", "Property"] }

    // The registry table view (Registry.format.ps1xml): grouped by the parent key, the key's name,
    // and its values as `Format-List` lays them out.
    package var registryParentPath: String { path.components.isEmpty ? "" : path.parent.keyName }
    package var registryChildName: String { path.components.last ?? path.hive }
    package var registryValues: [(name: String, value: PSValue)] { key.values.map { ($0.name, $0.data.psValue) } }

    package override var methodNames: [String] { ["GetValue", "GetValueNames", "GetSubKeyNames", "GetValueKind"] }

    package override func invokeMethod(_ name: String, _ arguments: [PSValue]) throws -> PSValue? {
        let first = arguments.first.map { LanguagePrimitives.toString($0) } ?? ""
        let value = key.value(first)
        switch name.lowercased() {
        case "getvalue": return value?.data.psValue ?? (arguments.count > 1 ? arguments[1] : .null)
        case "getvaluenames": return .array(PSArray(key.values.map { .string($0.name) }, elementTypeName: "System.String"))
        case "getsubkeynames": return .array(PSArray(subkeyNames.map { .string($0) }, elementTypeName: "System.String"))
        case "getvaluekind": return .string(value.map { RegistryValueKindName.of($0.data) } ?? "Unknown")
        default: return nil
        }
    }

    /// `RegistryKey.ToString()`: the key's name.
    package override func toString() -> String { path.keyName }
}

/// `Microsoft.Win32.RegistryValueKind` names, as -PropertyType and GetValueKind spell them.
package enum RegistryValueKindName {
    package static func of(_ data: RegistryData) -> String {
        switch data {
        case .dword: return "DWord"
        case .qword: return "QWord"
        case .string: return "String"
        case .multiString: return "MultiString"
        case .expandString: return "ExpandString"
        case .binary: return "Binary"
        }
    }
}
