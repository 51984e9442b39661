/// The automatic and preference variables a new session starts with (Windows PowerShell 5.1's values).
package enum AutomaticVariables {
    package static func install(in engine: Engine) {
        let state = engine.sessionState
        func constant(_ name: String, _ value: PSValue) {
            let variable = PSVariable(name: name, value: value, isConstant: true)
            variable.isAllScope = true
            state.define(variable, in: state.global)
        }
        func variable(_ name: String, _ value: PSValue) {
            state.define(PSVariable(name: name, value: value), in: state.global)
        }
        let env = engine.configuration.environment
        constant("PID", .int32(Int32(truncatingIfNeeded: Int(getpid()))))
        constant("HOME", .string(env["HOME"] ?? "/"))
        constant("PSHOME", .string("C:\\Windows\\System32\\WindowsPowerShell\\v1.0"))
        constant("ShellId", .string("Microsoft.PowerShell"))
        variable("ErrorActionPreference", .string("Continue"))
        variable("WarningPreference", .string("Continue"))
        variable("VerbosePreference", .string("SilentlyContinue"))
        variable("DebugPreference", .string("SilentlyContinue"))
        variable("InformationPreference", .string("SilentlyContinue"))
        variable("ProgressPreference", .string("Continue"))
        variable("ConfirmPreference", .string("High"))
        variable("WhatIfPreference", .bool(false))
        variable("ErrorView", .string("NormalView"))
        variable("FormatEnumerationLimit", .int32(4))
        variable("MaximumHistoryCount", .int32(4096))
        variable("NestedPromptLevel", .int32(0))
        variable("PSEmailServer", .null)
        variable("PSDefaultParameterValues", .hashtable(PSHashtable()))
        variable("PSCulture", .string("en-US"))
        variable("PSUICulture", .string("en-US"))
        variable("PSVersionTable", .hashtable(versionTable(engine.identity)))
        variable("Host", .object(HostObject(version: engine.identity.powerShellVersion)))
        variable("ExecutionContext", .null)
        constant("true", .bool(true))
        constant("false", .bool(false))
        constant("null", .null)
        constant("Error", .array(engine.errorList))
    }

    /// `$PSVersionTable` of Windows PowerShell 5.1 on the identity's Windows build.
    package static func versionTable(_ identity: HostIdentity) -> PSHashtable {
        let table = PSHashtable()
        table[string: "PSVersion"] = .object(VersionObject(identity.powerShellVersion))
        table[string: "PSEdition"] = .string("Desktop")
        table[string: "PSCompatibleVersions"] = .array(PSArray(identity.compatiblePowerShellVersions
            .map { .object(VersionObject($0)) }))
        table[string: "BuildVersion"] = .object(VersionObject(identity.windowsBuild.buildVersion))
        table[string: "CLRVersion"] = .object(VersionObject("4.0.30319.42000"))
        table[string: "WSManStackVersion"] = .object(VersionObject("3.0"))
        table[string: "PSRemotingProtocolVersion"] = .object(VersionObject("2.3"))
        table[string: "SerializationVersion"] = .object(VersionObject("1.1.0.1"))
        return table
    }
}

/// System.Version.
package final class VersionObject: PSObject {
    package let parts: [Int32]
    package init(_ text: String) {
        parts = text.split(separator: ".").map { Int32($0) ?? 0 }
        super.init(typeNames: ["System.Version", "System.Object"])
    }
    package override var properties: [PSPropertyInfo] {
        ["Major", "Minor", "Build", "Revision"].enumerated().map { i, name in
            PSPropertyInfo(name: name, value: .int32(i < parts.count ? parts[i] : -1), typeName: "System.Int32")
        }
    }
    package override func toString() -> String { parts.map(String.init).joined(separator: ".") }

    var value: VersionValue { VersionValue(parts: parts.map { Int($0) }) }

    /// A value as a Version: a Version object, or text such as `5.1`; nil for anything else.
    static func value(of other: PSValue) -> VersionValue? {
        switch other {
        case .object(let o as VersionObject): return o.value
        case .object(let o as DotNetObject): return o.payload as? VersionValue
        case .string(let text): return try? VersionValue.parse(text)
        case .double(let d): return try? VersionValue.parse(LanguagePrimitives.formatDouble(d))
        default: return nil
        }
    }

    package override var methodNames: [String] { ["CompareTo", "Equals", "ToString"] }

    /// ToString([fieldCount]), CompareTo and Equals, as System.Version has them.
    package override func invokeMethod(_ name: String, _ arguments: [PSValue]) throws -> PSValue? {
        switch name.lowercased() {
        case "tostring":
            guard let count = arguments.first.flatMap(LanguagePrimitives.toInt64) else { return .string(toString()) }
            guard count >= 0, count <= Int64(parts.count) else {
                throw DotNetException.argument("Argument must be between 0 and \(parts.count).", "fieldCount")
            }
            return .string(parts.prefix(Int(count)).map(String.init).joined(separator: "."))
        case "compareto":
            guard let other = arguments.first else { return nil }
            if other.isNull { return .int32(1) }
            guard let version = Self.value(of: other) else { throw DotNetException.argument("Object must be of type Version.") }
            return .int32(Int32(value.compare(version)))
        case "equals":
            return .bool(arguments.first.flatMap { Self.value(of: $0) }.map { value.compare($0) == 0 } ?? false)
        default:
            return nil
        }
    }
}

/// `$Host`.
package final class HostObject: PSObject {
    package let version: String
    package init(version: String) {
        self.version = version
        super.init(typeNames: ["System.Management.Automation.Internal.Host.InternalHost", "System.Object"])
    }
    package override var properties: [PSPropertyInfo] {
        [PSPropertyInfo(name: "Name", value: .string("ConsoleHost")),
         PSPropertyInfo(name: "Version", value: .object(VersionObject(version))),
         PSPropertyInfo(name: "CurrentCulture", value: .string("en-US")),
         PSPropertyInfo(name: "CurrentUICulture", value: .string("en-US"))]
    }
    package override func toString() -> String { "System.Management.Automation.Internal.Host.InternalHost" }
}

#if canImport(Glibc)
import Glibc
#endif
