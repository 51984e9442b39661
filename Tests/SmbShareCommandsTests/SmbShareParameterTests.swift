import Foundation
import ShellTestSupport
import Testing
import SMBPolicy
@testable import ShellEngine

/// Every parameter of the six SmbShare configuration cmdlets in every OS profile, through the
/// engine: a valid value binds and reads back with its .NET type, an invalid one is refused with
/// Windows PowerShell 5.1's text and leaves the value alone, and Reset-* (the switch, then -All)
/// restores the profile default.
@Suite struct SmbShareParameterTests {

    /// One engine per profile; `say` runs a line and returns what it wrote.
    final class Session {
        let engine: Engine
        let host: RecordingHost
        let folder: String

        init(profile: OSProfile) {
            (engine, host, folder) = makeEngine(profile: profile.rawValue)
        }

        func say(_ line: String) -> String {
            host.written.removeAll()
            _ = engine.execute(line)
            return host.text
        }

        /// `FullyQualifiedErrorId` and message of the error a line raises, caught as a script would.
        func failure(_ line: String) -> String {
            say("try { \(line) } catch { $_.FullyQualifiedErrorId; $_.Exception.Message }")
        }

        func close() {
            engine.shutdown()
            try? FileManager.default.removeItem(atPath: folder)
        }
    }

    static func noun(_ side: PolicySide) -> String { side == .client ? "SmbClientConfiguration" : "SmbServerConfiguration" }

    /// A value different from the default that passes validation, as typed on the command line,
    /// and the argument it stands for.
    static func validArgument(_ parameter: BoundSetParameter, default fallback: PolicyValue) -> (text: String, value: PolicyValue) {
        let property = parameter.property
        switch property.type {
        case .boolean:
            let flip = fallback != .bool(true)
            return (flip ? "$true" : "$false", .bool(flip))
        case .uint32:
            if case .allowedValues(let allowed) = property.validation {
                let pick = allowed.first { PolicyValue.uint32(UInt32($0)) != fallback } ?? allowed[0]
                return (String(pick), .uint32(UInt32(pick)))
            }
            if parameter.parameter.conversion == .secondsToMinutes { return ("900", .uint32(900)) }
            guard case .uint32(let old) = fallback else { return ("7", .uint32(7)) }
            let new = old == UInt32.max ? old - 1 : old + 7
            return (String(new), .uint32(new))
        case .uint64:
            guard case .uint64(let old) = fallback else { return ("4096", .uint64(4096)) }
            let new = old + 4096
            return (String(new), .uint64(new))
        case .string:
            if property.name == "EncryptionCiphers" { return ("'AES_256_GCM, AES_128_GCM'", .string("AES_256_GCM, AES_128_GCM")) }
            return ("'Lab text'", .string("Lab text"))
        case .enumeration(let enumType):
            let member = enumType.members.last { PolicyValue.enumeration($0.name) != fallback }!
            // Lower case: enum names bind in any case.
            return ("'\(member.name.lowercased())'", .enumeration(member.name))
        }
    }

    /// Invalid arguments with the exact message Windows PowerShell 5.1 gives for a CDXML cmdlet.
    static func invalidArguments(_ parameter: BoundSetParameter) -> [(text: String, message: String)] {
        let name = parameter.name
        let transform = "ParameterArgumentTransformationError"
        let validate = "ParameterArgumentValidationError"
        func transformation(_ inner: String) -> String {
            "\(transform)\nCannot process argument transformation on parameter '\(name)'. \(inner)"
        }
        switch parameter.type {
        case .boolean:
            return [("'yes'", transformation("Cannot convert value \"System.String\" to type \"System.Boolean\". Boolean parameters accept only Boolean values and numbers, such as $True, $False, 1 or 0."))]
        case .uint32:
            var cases = [
                ("abc", transformation("Cannot convert value \"abc\" to type \"System.UInt32\". Error: \"Input string was not in a correct format.\"")),
                ("-1", transformation("Cannot convert value \"-1\" to type \"System.UInt32\". Error: \"Value was either too large or too small for a UInt32.\"")),
            ]
            if case .allowedValues(let allowed) = parameter.property.validation {
                cases.append(("3", "\(validate)\nCannot validate argument on parameter '\(name)'. The argument \"3\" does not belong to the set \"\(allowed.map(String.init).joined(separator: ","))\" specified by the ValidateSet attribute. Supply an argument that is in the set and then try the command again."))
            }
            return cases
        case .uint64:
            var cases = [
                ("abc", transformation("Cannot convert value \"abc\" to type \"System.UInt64\". Error: \"Input string was not in a correct format.\"")),
                ("-1", transformation("Cannot convert value \"-1\" to type \"System.UInt64\". Error: \"Value was either too large or too small for a UInt64.\"")),
            ]
            if case .range(_, let max) = parameter.property.validation {
                cases.append(("\(max + 1)", "\(validate)\nCannot validate argument on parameter '\(name)'. The \(max + 1) argument is greater than the maximum allowed range of \(max). Supply an argument that is less than or equal to \(max) and then try the command again."))
            }
            return cases
        case .string:
            return [("@('a', 'b')", transformation("Cannot convert value to type System.String."))]
        case .enumeration(let enumType):
            // .NET Framework's Enum.Parse failure, as 5.1 reports string-to-enum conversions.
            return [("SMB999", transformation("Cannot convert value \"SMB999\" to type \"\(enumType.fullName)\". Error: \"Unable to match the identifier name SMB999 to a valid enumerator name. Specify one of the following enumerator names and try again:\nNone, SMB202, SMB210, SMB300, SMB302, SMB311\""))]
        }
    }

    @Test(arguments: OSProfile.allCases)
    func everySetParameterBindsReadsBackRejectsAndResets(profile: OSProfile) {
        let session = Session(profile: profile)
        defer { session.close() }
        var checked = 0
        for side in PolicySide.allCases {
            let noun = Self.noun(side)
            var changed: [String: (set: String, get: String, fallback: PolicyValue, stored: PolicyValue?, resettable: Bool)] = [:]
            for parameter in PolicySchema.setParameters(side: side, profile: profile) {
                let property = parameter.property
                let get = "(Get-\(noun)).\(property.name)"
                guard let fallback = property.defaultValue(in: profile) else {
                    Issue.record("\(property.name) has no default in \(profile)")
                    continue
                }
                #expect(session.say(get) == fallback.displayText + "\n", "default of \(noun).\(property.name) in \(profile)")

                let (text, argument) = Self.validArgument(parameter, default: fallback)
                let stored = try? parameter.propertyValue(for: argument).get()
                #expect(stored != nil, "\(parameter.name) \(text) should validate")
                let set = "Set-\(noun) -\(parameter.name) \(text) -Force"
                #expect(session.say(set) == "", "\(set) in \(profile)")
                #expect(session.say(get) == (stored?.displayText ?? "?") + "\n", "\(set) read back in \(profile)")
                #expect(session.say(get + ".GetType().FullName") == property.type.dotNetTypeName + "\n",
                        "type of \(property.name) in \(profile)")

                for (bad, expected) in Self.invalidArguments(parameter) {
                    let output = session.failure("Set-\(noun) -\(parameter.name) \(bad) -Force")
                    let fqid = expected.prefix { $0 != "\n" } + ",Set-\(noun)"
                    let message = expected.drop { $0 != "\n" }.dropFirst()
                    #expect(output == "\(fqid)\n\(message)\n", "Set-\(noun) -\(parameter.name) \(bad) in \(profile)")
                    #expect(session.say(get) == (stored?.displayText ?? "?") + "\n", "\(bad) must not change \(property.name)")
                }

                let reset = PolicySchema.resetSwitch(for: property, profile: profile)
                if let reset {
                    #expect(session.say("Reset-\(noun) -\(reset.name) -Force") == "", "Reset-\(noun) -\(reset.name)")
                    #expect(session.say(get) == fallback.displayText + "\n", "Reset-\(noun) -\(reset.name) in \(profile)")
                } else {
                    // No reset switch on Windows (RequireSecuritySignature, …): Set puts it back.
                    var back = fallback
                    if parameter.parameter.conversion == .secondsToMinutes, case .uint32(let minutes) = fallback {
                        back = .uint32(minutes * 60)
                    }
                    _ = session.say("Set-\(noun) -\(parameter.name) \(Self.literal(back)) -Force")
                    #expect(session.say(get) == fallback.displayText + "\n", "\(property.name) set back in \(profile)")
                }
                changed[property.name] = (set, get, fallback, stored, reset != nil)
                checked += 1
            }
            // Everything changed at once, then one Reset -All: the properties with a switch go back to
            // the default, the others keep their value.
            for (set, _, _, _, _) in changed.values { _ = session.say(set) }
            #expect(session.say("Reset-\(noun) -All -Force") == "", "Reset-\(noun) -All in \(profile)")
            for (name, (_, get, fallback, stored, resettable)) in changed {
                let expected = resettable ? fallback.displayText : (stored?.displayText ?? "?")
                #expect(session.say(get) == expected + "\n", "Reset-\(noun) -All and \(name) in \(profile)")
            }
        }
        // The documented surfaces: 101 value parameters of the two Set-* cmdlets (2025 docs), 79 (2022 docs).
        #expect(checked == (profile.generation == .v2025 ? 101 : 79), "parameters walked in \(profile): \(checked)")
    }

    /// Every Reset-* switch binds (with -WhatIf nothing changes and nothing is printed but the What if line).
    @Test(arguments: OSProfile.allCases)
    func everyResetSwitchBinds(profile: OSProfile) {
        let session = Session(profile: profile)
        defer { session.close() }
        for side in PolicySide.allCases {
            let noun = Self.noun(side)
            let target = side == .client ? "SMB Client Configuration" : "SMB Server Configuration"
            for reset in PolicySchema.resetSwitches(side: side, profile: profile) {
                #expect(session.say("Reset-\(noun) -\(reset.name) -WhatIf")
                        == "What if: Performing operation 'Modify' on Target '\(target)'.\n", "Reset-\(noun) -\(reset.name)")
            }
        }
        #expect(!FileManager.default.fileExists(atPath: session.folder + "/" + PolicyStore.fileName), "-WhatIf wrote the state")
    }

    static func literal(_ value: PolicyValue) -> String {
        switch value {
        case .bool(let b): return b ? "$true" : "$false"
        case .uint32(let v): return String(v)
        case .uint64(let v): return String(v)
        case .string(let s): return "'" + s.replacingOccurrences(of: "'", with: "''") + "'"
        case .enumeration(let name): return name
        }
    }

    @Test(arguments: [OSProfile.windows11_23H2, .windowsServer2022])
    func profilesWithoutMailslotsHaveNoEnableMailslots(profile: OSProfile) {
        let session = Session(profile: profile)
        defer { session.close() }
        for noun in ["SmbClientConfiguration", "SmbServerConfiguration"] {
            #expect(session.failure("Set-\(noun) -EnableMailslots $true -Force")
                    == "NamedParameterNotFound,Set-\(noun)\nA parameter cannot be found that matches parameter name 'EnableMailslots'.\n")
            #expect(session.failure("Reset-\(noun) -EnableMailslots -Force")
                    == "NamedParameterNotFound,Reset-\(noun)\nA parameter cannot be found that matches parameter name 'EnableMailslots'.\n")
            #expect(session.say("(Get-\(noun)).PSObject.Properties.Name -contains 'EnableMailslots'") == "False\n")
            #expect(session.say("(Get-\(noun)).EnableMailslots -eq $null") == "True\n")
        }
    }

    @Test(arguments: [OSProfile.windows11_24H2, .windowsServer2025])
    func profilesWithMailslotsDefaultToOff(profile: OSProfile) {
        let session = Session(profile: profile)
        defer { session.close() }
        for noun in ["SmbClientConfiguration", "SmbServerConfiguration"] {
            #expect(session.say("(Get-\(noun)).EnableMailslots") == "False\n")
            #expect(session.say("(Get-\(noun)).PSObject.Properties.Name -contains 'EnableMailslots'") == "True\n")
        }
    }
}
