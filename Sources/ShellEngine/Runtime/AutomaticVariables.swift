import SMBPolicy
/// The automatic and preference variables a new session starts with (Windows PowerShell 5.1's values).
enum AutomaticVariables {
    static func install(in engine: Engine) {
        let state = engine.sessionState
        func constant(_ name: String, _ value: PSValue) {
            state.define(PSVariable(name: name, value: value, isConstant: true), in: state.global)
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
        variable("PSVersionTable", .hashtable(versionTable(profile: engine.osProfile)))
        variable("Host", .object(HostObject()))
        variable("ExecutionContext", .null)
        constant("true", .bool(true))
        constant("false", .bool(false))
        constant("null", .null)
        constant("Error", .array(engine.errorList))
    }

    /// `$PSVersionTable` of Windows PowerShell 5.1 on the profile's Windows build.
    static func versionTable(profile: OSProfile) -> PSHashtable {
        let table = PSHashtable()
        let build = profile.build
        table[string: "PSVersion"] = .object(VersionObject(profile.powerShellVersion))
        table[string: "PSEdition"] = .string("Desktop")
        table[string: "PSCompatibleVersions"] = .array(PSArray(profile.compatiblePowerShellVersions
            .map { .object(VersionObject($0)) }))
        table[string: "BuildVersion"] = .object(VersionObject("10.0.\(build.number).\(build.revision)"))
        table[string: "CLRVersion"] = .object(VersionObject("4.0.30319.42000"))
        table[string: "WSManStackVersion"] = .object(VersionObject("3.0"))
        table[string: "PSRemotingProtocolVersion"] = .object(VersionObject("2.3"))
        table[string: "SerializationVersion"] = .object(VersionObject("1.1.0.1"))
        return table
    }
}

extension OSProfile {
    /// The Windows build the profile reports (`$PSVersionTable.BuildVersion`).
    var build: (number: Int, revision: Int) {
        switch self {
        case .windows11_24H2, .windowsServer2025: return (26100, 2161)
        case .windows11_23H2: return (22621, 4391)
        case .windowsServer2022: return (20348, 2849)
        }
    }

    /// `$PSVersionTable.PSVersion`: Windows PowerShell 5.1 on this build.
    var powerShellVersion: String { "5.1.\(build.number).\(build.revision)" }

    /// `$PSVersionTable.PSCompatibleVersions`.
    var compatiblePowerShellVersions: [String] { ["1.0", "2.0", "3.0", "4.0", "5.0", powerShellVersion] }
}

/// System.Version.
final class VersionObject: PSObject {
    let parts: [Int32]
    init(_ text: String) {
        parts = text.split(separator: ".").map { Int32($0) ?? 0 }
        super.init(typeNames: ["System.Version", "System.Object"])
    }
    override var properties: [PSPropertyInfo] {
        ["Major", "Minor", "Build", "Revision"].enumerated().map { i, name in
            PSPropertyInfo(name: name, value: .int32(i < parts.count ? parts[i] : -1), typeName: "System.Int32")
        }
    }
    override func toString() -> String { parts.map(String.init).joined(separator: ".") }
}

/// `$Host`.
final class HostObject: PSObject {
    init() { super.init(typeNames: ["System.Management.Automation.Internal.Host.InternalHost", "System.Object"]) }
    override var properties: [PSPropertyInfo] {
        [PSPropertyInfo(name: "Name", value: .string("ConsoleHost")),
         PSPropertyInfo(name: "Version", value: .object(VersionObject("5.1.26100.2161"))),
         PSPropertyInfo(name: "CurrentCulture", value: .string("en-US")),
         PSPropertyInfo(name: "CurrentUICulture", value: .string("en-US"))]
    }
    override func toString() -> String { "System.Management.Automation.Internal.Host.InternalHost" }
}

#if canImport(Glibc)
import Glibc
#endif
