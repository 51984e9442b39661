import SMBPolicy
import ShellEngine

extension PolicyValue {
    /// The value as the SmbShare cmdlets show it: booleans and integers as .NET values, CDXML
    /// enum values as `CimEnumValue`.
    package func psValue(type: PolicyType) -> PSValue {
        switch self {
        case .bool(let b): return .bool(b)
        case .uint32(let v): return .uint32(v)
        case .uint64(let v): return .uint64(v)
        case .string(let s): return .string(s)
        case .enumeration(let name):
            guard case .enumeration(let enumType) = type else { return .string(name) }
            return .object(CimEnumValue(name: name, type: enumType))
        }
    }
}

/// A value of a CDXML enum such as `Smb2DialectMin`: shows as its name, and `GetType().FullName`
/// names the enum type. It compares equal to its name in any case, as PowerShell converts the
/// other operand to the enum.
package final class CimEnumValue: PSObject {
    package let name: String

    package convenience init(name: String, type: PolicyEnumType) {
        self.init(name: name, typeName: type.fullName)
    }

    /// A value of any .NET enum the emulated host reports (`ServiceControllerStatus`).
    package init(name: String, typeName: String) {
        self.name = name
        super.init(typeNames: [typeName, "System.Enum", "System.ValueType", "System.Object"])
    }

    override package func toString() -> String { name }
}
