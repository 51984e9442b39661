/// One property as formatting, `Get-Member` and member access see it.
public struct PSPropertyInfo {
    public let name: String
    public let value: PSValue
    /// The .NET type name `Get-Member` shows (`System.Boolean`, `System.UInt32`, …).
    public let typeName: String
    public let isSettable: Bool

    public init(name: String, value: PSValue, typeName: String? = nil, isSettable: Bool = true) {
        self.name = name
        self.value = value
        self.typeName = typeName ?? (value.isNull ? "System.Object" : value.typeName)
        self.isSettable = isSettable
    }
}

/// The base of every reference object the shell hands to scripts: custom objects, CIM-style
/// configuration instances, error records, exceptions. Member names match case-insensitively.
open class PSObject {
    /// Most specific first, as `$obj.PSObject.TypeNames` lists them.
    public var typeNames: [String]

    public init(typeNames: [String]) {
        self.typeNames = typeNames
    }

    /// The properties in their display order.
    open var properties: [PSPropertyInfo] { [] }

    /// The value of a property, or nil when the object has no such property.
    open func property(_ name: String) -> PSValue? {
        properties.first { $0.name.caseInsensitiveEquals(name) }?.value
    }

    /// Sets a property; returns false when there is no such settable property.
    open func setProperty(_ name: String, _ value: PSValue) -> Bool { false }

    /// Method names `Get-Member` lists (besides the common `ToString`, `GetType`, `Equals`, `GetHashCode`).
    open var methodNames: [String] { [] }

    /// Invokes a method; nil when the object has no such method.
    open func invokeMethod(_ name: String, _ arguments: [PSValue]) throws -> PSValue? { nil }

    /// `.ToString()`; also how the object converts to a string.
    open func toString() -> String { typeNames.first ?? "System.Object" }
}

/// `[pscustomobject]@{…}`, `New-Object PSObject`, `Select-Object` results.
public final class PSCustomObject: PSObject {
    private var names: [String] = []
    private var values: [PSValue] = []
    private var declaredTypes: [String?] = []

    public override init(typeNames: [String]) {
        super.init(typeNames: typeNames)
    }

    public convenience init() {
        self.init(typeNames: ["System.Management.Automation.PSCustomObject", "System.Object"])
    }

    deinit { ValueRelease.releaseLater(&values) }

    /// Adds a note property, or replaces the value of an existing one.
    public func add(_ name: String, _ value: PSValue, typeName: String? = nil) {
        if let i = names.firstIndex(where: { $0.caseInsensitiveEquals(name) }) {
            values[i] = value
            declaredTypes[i] = typeName
        } else {
            names.append(name)
            values.append(value)
            declaredTypes.append(typeName)
        }
    }

    public override var properties: [PSPropertyInfo] {
        names.indices.map { PSPropertyInfo(name: names[$0], value: values[$0], typeName: declaredTypes[$0]) }
    }

    public override func property(_ name: String) -> PSValue? {
        names.firstIndex { $0.caseInsensitiveEquals(name) }.map { values[$0] }
    }

    public override func setProperty(_ name: String, _ value: PSValue) -> Bool {
        guard let i = names.firstIndex(where: { $0.caseInsensitiveEquals(name) }) else { return false }
        values[i] = value
        return true
    }

    /// PowerShell shows a custom object in a string as `@{a=1; b=2}`.
    public override func toString() -> String {
        "@{" + names.indices.map { names[$0] + "=" + LanguagePrimitives.toString(values[$0]) }
            .joined(separator: "; ") + "}"
    }
}

extension String {
    /// Ordinal case-insensitive comparison, PowerShell's default for names.
    @inlinable
    public func caseInsensitiveEquals(_ other: String) -> Bool {
        if self == other { return true }
        guard utf8.count == other.utf8.count else { return false }
        return lowercased() == other.lowercased()
    }

    /// Case-insensitive prefix test for parameter-name and completion matching.
    public func caseInsensitiveHasPrefix(_ prefix: String) -> Bool {
        lowercased().hasPrefix(prefix.lowercased())
    }
}
