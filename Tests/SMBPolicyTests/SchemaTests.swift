import Testing
@testable import SMBPolicy

private let referenceTypeNames: [String: String] = [
    "Boolean": "System.Boolean", "UInt32": "System.UInt32", "UInt64": "System.UInt64", "String": "System.String",
]

/// The 2025 parameters the winserver2022-ps docs do not have (client, from the reference §2.1; server,
/// from the 2022 Set-SmbServerConfiguration syntax).
private let newIn2025: [PolicySide: Set<String>] = [
    .client: ["AuditInsecureGuestLogon", "AuditServerDoesNotSupportEncryption", "AuditServerDoesNotSupportSigning",
              "BlockNTLM", "EnableMailslots", "EnableSMBQUIC", "InvalidAuthenticationCacheLifetime",
              "RequireEncryption", "Smb2DialectMax", "Smb2DialectMin"],
    .server: ["AuditClientCertificateAccess", "AuditClientDoesNotSupportEncryption", "AuditClientDoesNotSupportSigning",
              "AuditInsecureGuestLogon", "AutoDisconnectTimeoutInMinutesV1", "AutoDisconnectTimeoutInSecondsV2",
              "EnableDirectoryHandleLeasing", "DisableCompression", "EnableMailslots",
              "InvalidAuthenticationDelayTimeInMs", "RequestCompression", "Smb2DialectMax", "Smb2DialectMin"],
]

private func setCmdlet(_ side: PolicySide) -> String {
    side == .client ? "Set-SmbClientConfiguration" : "Set-SmbServerConfiguration"
}

private func resetCmdlet(_ side: PolicySide) -> String {
    side == .client ? "Reset-SmbClientConfiguration" : "Reset-SmbServerConfiguration"
}

@Suite struct SchemaTests {
    /// The reference the other tests compare with is in the repository and holds what they read.
    @Test func theInRepoReferenceIsReadableAndComplete() throws {
        guard case .contents(let bytes, _) = try FileSystem.read(ReferenceData.path) else {
            Issue.record("\(ReferenceData.path) is missing")
            return
        }
        let reference = ReferenceData.parse(bytes)
        for cmdlet in ["Get-SmbClientConfiguration", "Get-SmbServerConfiguration", "Set-SmbClientConfiguration",
                       "Set-SmbServerConfiguration", "Reset-SmbClientConfiguration", "Reset-SmbServerConfiguration"] {
            guard case .array(let list)? = reference["cmdlets"]?.objectValue?[cmdlet]?.objectValue?["parameters"] else {
                Issue.record("\(cmdlet) has no parameters")
                continue
            }
            #expect(!list.isEmpty, "\(cmdlet)")
        }
        for key in ["client", "server"] {
            let defaults = reference["defaults"]?.objectValue?[key]?.objectValue ?? [:]
            #expect(defaults.count > 20, "defaults.\(key)")
            #expect(!ReferenceData.strings(["outputOrder", key]).isEmpty, "outputOrder.\(key)")
        }
        #expect(!ReferenceData.strings(["outputOrder", "server2022"]).isEmpty)
    }

    @Test(arguments: PolicySide.allCases, [OSProfile.windows11_24H2, .windowsServer2025])
    func setParametersOf2025MatchTheReferenceInOrderAndType(side: PolicySide, profile: OSProfile) {
        let reference = ReferenceData.parameters(setCmdlet(side))
        #expect(reference.count > 40)
        let schema = PolicySchema.setParameters(side: side, profile: profile)
        #expect(schema.map(\.name) == reference.map(\.name))
        for (parameter, documented) in zip(schema, reference) {
            let expected = referenceTypeNames[documented.type]
                ?? "Microsoft.PowerShell.Cmdletization.GeneratedTypes.SmbShare.\(documented.type)"
            #expect(parameter.type.dotNetTypeName == expected, "\(parameter.name)")
            #expect(parameter.type.syntaxName == documented.type, "\(parameter.name)")
        }
    }

    @Test(arguments: PolicySide.allCases, [OSProfile.windows11_24H2, .windowsServer2025])
    func resetSwitchesOf2025MatchTheReference(side: PolicySide, profile: OSProfile) {
        let reference = ReferenceData.parameters(resetCmdlet(side)).map(\.name)
        let schema = PolicySchema.resetSwitches(side: side, profile: profile).map(\.name)
        #expect(schema.first == "All")
        #expect(Set(schema.dropFirst()) == Set(reference))
        #expect(schema.count == reference.count + 1)
        // The syntax order is alphabetical in the docs (a newer doc version places -EnableSMBQUIC there).
        let order = Array(schema.dropFirst())
        #expect(order == order.sorted { $0.lowercased() < $1.lowercased() })
    }

    @Test(arguments: PolicySide.allCases, [OSProfile.windows11_23H2, .windowsServer2022])
    func profilesOf2022HaveNoMailslotsAndNo2025OnlyParameter(side: PolicySide, profile: OSProfile) {
        let setNames = Set(PolicySchema.setParameters(side: side, profile: profile).map(\.name))
        let resetNames = Set(PolicySchema.resetSwitches(side: side, profile: profile).map(\.name))
        let getNames = Set(PolicySchema.properties(side: side, profile: profile).map(\.name))
        #expect(!setNames.contains("EnableMailslots"))
        #expect(!resetNames.contains("EnableMailslots"))
        #expect(!getNames.contains("EnableMailslots"))
        #expect(setNames.isDisjoint(with: newIn2025[side]!))
        #expect(PolicySchema.property(named: "EnableMailslots", side: side, profile: profile) == nil)
        #expect(!profile.gatesRemoteMailslots)
        // Everything of 2025 minus the new parameters, plus 2022's AutoDisconnectTimeout on the server.
        var expected = Set(ReferenceData.parameters(setCmdlet(side)).map(\.name)).subtracting(newIn2025[side]!)
        if side == .server { expected.insert("AutoDisconnectTimeout") }
        #expect(setNames == expected)
    }

    @Test func ambiguousPrefixCandidatesComeInSyntaxOrder() {
        let names = PolicySchema.setParameters(side: .client, profile: .windows11_24H2).map(\.name)
        #expect(names.filter { $0.lowercased().hasPrefix("enablem") } == ["EnableMailslots", "EnableMultiChannel"])
        let old = PolicySchema.setParameters(side: .client, profile: .windowsServer2022).map(\.name)
        #expect(old.filter { $0.lowercased().hasPrefix("enablem") } == ["EnableMultiChannel"])
    }

    @Test(arguments: OSProfile.allCases)
    func getOrderStartsWithTheDocumentedListAndCoversEverySetParameter(profile: OSProfile) {
        for side in PolicySide.allCases {
            let names = PolicySchema.properties(side: side, profile: profile).map(\.name)
            let documented: [String]
            switch (side, profile.generation) {
            case (.client, _): documented = ReferenceData.strings(["outputOrder", "client"])
            case (.server, .v2025): documented = ReferenceData.strings(["outputOrder", "server"])
            case (.server, .v2022): documented = ReferenceData.strings(["outputOrder", "server2022"])
            }
            #expect(!documented.isEmpty)
            #expect(Array(names.prefix(documented.count)) == documented)
            #expect(Set(names).count == names.count)
            let targets = Set(PolicySchema.setParameters(side: side, profile: profile).map(\.property.name))
            #expect(targets == Set(names))
        }
    }

    @Test func serverAutoDisconnectParametersOf2025SetTheOneGetProperty() throws {
        let parameters = PolicySchema.setParameters(side: .server, profile: .windowsServer2025)
        let minutes = try #require(parameters.first { $0.name == "AutoDisconnectTimeoutInMinutesV1" })
        let seconds = try #require(parameters.first { $0.name == "AutoDisconnectTimeoutInSecondsV2" })
        #expect(minutes.property.name == "AutoDisconnectTimeout")
        #expect(seconds.property.name == "AutoDisconnectTimeout")
        #expect(!parameters.contains { $0.name == "AutoDisconnectTimeout" })
        #expect(try minutes.propertyValue(for: .uint32(20)).get() == .uint32(20))
        #expect(try seconds.propertyValue(for: .uint32(900)).get() == .uint32(15))
        #expect(try seconds.propertyValue(for: .uint32(901)).get() == .uint32(16))
        let old = PolicySchema.setParameters(side: .server, profile: .windowsServer2022)
        #expect(old.contains { $0.name == "AutoDisconnectTimeout" })
        #expect(!old.contains { $0.name.hasPrefix("AutoDisconnectTimeoutIn") })
    }

    @Test func resetSwitchesModelTheIrregularCases() throws {
        let client = PolicySchema.resetSwitches(side: .client, profile: .windows11_24H2)
        let sampling = try #require(client.first { $0.name == "CompressibilitySampling" })
        #expect(sampling.properties.map(\.name)
                == ["EnableCompressibilitySampling", "CompressibilitySamplingSize", "CompressibleThreshold"])
        for name in ["EnableInsecureGuestLogons", "EnableSecuritySignature", "RequireSecuritySignature"] {
            #expect(!client.contains { $0.name == name })
            #expect(!client[0].properties.contains { $0.name == name }, "-All leaves \(name)")
        }
        let server = PolicySchema.resetSwitches(side: .server, profile: .windowsServer2025)
        for name in ["EnableSecuritySignature", "RequireSecuritySignature", "EnableSMB1Protocol", "EnableForcedLogoff",
                     "EnableAuthenticateUserSharing", "InvalidAuthenticationDelayTimeInMs", "NullSessionPipes",
                     "AutoDisconnectTimeout"] {
            #expect(!server.contains { $0.name == name }, "\(name)")
        }
        #expect(server[0].name == "All")
        #expect(server[0].properties.contains { $0.name == "EnableMailslots" })
    }

    @Test func defaultsOfTheDocumentedExamplesHold() {
        func check(_ side: PolicySide, _ profile: OSProfile, _ values: [String: JSONValue],
                   except: Set<String> = []) {
            for (name, json) in values where !except.contains(name) {
                let value = PolicySchema.property(named: name, side: side, profile: profile)?.defaultValue(in: profile)
                #expect(value.map(PolicyDocument.json) == json, "\(profile) \(side) \(name)")
            }
        }
        let client = ReferenceData.object(["defaults", "client"])
        let server = ReferenceData.object(["defaults", "server"])
        #expect(client.count > 25 && server.count > 40)
        check(.client, .windows11_24H2, client)
        check(.client, .windowsServer2025, client)
        check(.server, .windowsServer2025, server)
        // Windows 11 24H2 requires inbound signing and has the client-SKU credits of a real listing.
        check(.server, .windows11_24H2, server,
              except: ["RequireSecuritySignature", "AsynchronousCredits", "Smb2CreditsMax", "Smb2CreditsMin"])
        #expect(PolicySchema.property(named: "RequireSecuritySignature", side: .server)?
            .defaultValue(in: .windows11_24H2) == .bool(true))
        // 2022: the 2022 example is an old capture (reference §3.4): SMB1 is off and the values it
        // shows differently are those of the same SKU in 2025.
        let differing = ReferenceData.object(["outputOrder", "server2022Values"])
        #expect(differing.count == 7)
        for (name, _) in differing {
            let property = PolicySchema.property(named: name, side: .server)
            #expect(property?.defaultValue(in: .windowsServer2022) == property?.defaultValue(in: .windowsServer2025), "\(name)")
            #expect(property?.defaultValue(in: .windows11_23H2) == property?.defaultValue(in: .windows11_24H2), "\(name)")
        }
        for profile in OSProfile.allCases {
            #expect(PolicySchema.property(named: "EnableSMB1Protocol", side: .server)?.defaultValue(in: profile) == .bool(false))
        }
        let inferred = ReferenceData.object(["defaults", "inferredNotConfirmed", "client"])
        check(.client, .windows11_24H2, inferred)
    }

    @Test func profileDefaultsDifferWhereTheReferenceSays() {
        let require = PolicySchema.property(named: "RequireSecuritySignature", side: .client)!
        #expect(require.defaultValue(in: .windows11_24H2) == .bool(true))
        #expect(require.defaultValue(in: .windowsServer2025) == .bool(true))
        #expect(require.defaultValue(in: .windows11_23H2) == .bool(false))
        #expect(require.defaultValue(in: .windowsServer2022) == .bool(false))
        for side in PolicySide.allCases {
            let mailslots = PolicySchema.property(named: "EnableMailslots", side: side)!
            #expect(mailslots.defaultValue(in: .windows11_24H2) == .bool(false))
            #expect(mailslots.defaultValue(in: .windowsServer2025) == .bool(false))
            #expect(!mailslots.exists(in: .windows11_23H2))
            #expect(!mailslots.exists(in: .windowsServer2022))
        }
        #expect(PolicySchema.property(named: "Smb2DialectMin", side: .client)?.defaultValue(in: .windows11_24H2)
                == .enumeration("None"))
    }

    @Test func everyExistingPropertyHasADefaultOfItsType() {
        for profile in OSProfile.allCases {
            for side in PolicySide.allCases {
                for property in PolicySchema.properties(side: side, profile: profile) {
                    let value = property.defaultValue(in: profile)!
                    #expect((try? property.validate(value).get()) == value, "\(profile) \(property.name)")
                    #expect(!property.help.isEmpty)
                }
            }
        }
    }

    @Test func propertyNamesAreCaseInsensitive() {
        #expect(PolicySchema.property(named: "enablemailslots", side: .client)?.name == "EnableMailslots")
        #expect(PolicySchema.property(named: "SESSIONTIMEOUT", side: .client)?.type == .uint32)
        #expect(PolicySchema.property(named: "SessionTimeout", side: .server) == nil)
    }

    @Test func eachPropertyKnowsItsParametersAndResetSwitch() throws {
        let profile = OSProfile.windowsServer2025
        let timeout = try #require(PolicySchema.property(named: "AutoDisconnectTimeout", side: .server))
        #expect(PolicySchema.setParameters(for: timeout, profile: profile).map(\.name)
                == ["AutoDisconnectTimeoutInMinutesV1", "AutoDisconnectTimeoutInSecondsV2"])
        #expect(PolicySchema.resetSwitch(for: timeout, profile: profile) == nil)
        let size = try #require(PolicySchema.property(named: "CompressibleThreshold", side: .client))
        #expect(PolicySchema.resetSwitch(for: size, profile: profile)?.name == "CompressibilitySampling")
        let mailslots = try #require(PolicySchema.property(named: "EnableMailslots", side: .client))
        #expect(PolicySchema.resetSwitch(for: mailslots, profile: profile)?.name == "EnableMailslots")
        #expect(PolicySchema.setParameters(for: mailslots, profile: .windowsServer2022).isEmpty)
    }

    @Test func unconfirmedDetailsAreSpelledOut() throws {
        let mailslots = try #require(PolicySchema.property(named: "EnableMailslots", side: .server))
        let notes = mailslots.unconfirmedDetails(in: .windowsServer2025)
        #expect(notes == [#"The registry value HKLM\SYSTEM\CurrentControlSet\Services\Bowser\Parameters\EnableMailslots is not confirmed (server-side local value not found in any source; Bowser\Parameters is a guess)."#])
        let signing = try #require(PolicySchema.property(named: "RequireSecuritySignature", side: .server))
        #expect(signing.unconfirmedDetails(in: .windowsServer2025).first == "The default False is inferred, not confirmed.")
        let dialect = try #require(PolicySchema.property(named: "Smb2DialectMin", side: .client))
        #expect(dialect.unconfirmedDetails(in: .windows11_24H2).contains {
            $0.hasPrefix("The type name Microsoft.PowerShell.Cmdletization.GeneratedTypes.SmbShare.Smb2DialectMin")
        })
    }
}
