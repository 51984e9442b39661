import Testing
@testable import SMBPolicy

@Suite struct ValidationTests {
    private func client(_ name: String) -> PolicyProperty { PolicySchema.property(named: name, side: .client)! }
    private func server(_ name: String) -> PolicyProperty { PolicySchema.property(named: name, side: .server)! }

    @Test func compressionSizesAreCappedAtNinePebibytes() {
        for name in ["CompressibilitySamplingSize", "CompressibleThreshold"] {
            let property = client(name)
            #expect(property.type == .uint64)
            #expect((try? property.validate(.uint64(9_007_199_254_740_992)).get()) == .uint64(9_007_199_254_740_992))
            #expect((try? property.validate(.uint32(5)).get()) == .uint64(5))
            #expect(property.validate(.uint64(9_007_199_254_740_993))
                    == .failure(.aboveMaximum(value: 9_007_199_254_740_993, maximum: 9_007_199_254_740_992)))
            #expect(property.validate(.uint64(.max)).isFailure)
        }
    }

    @Test func serverNameHardeningLevelAcceptsZeroToTwo() {
        let property = server("SmbServerNameHardeningLevel")
        for level: UInt32 in 0...2 { #expect((try? property.validate(.uint32(level)).get()) == .uint32(level)) }
        #expect(property.validate(.uint32(3)) == .failure(.notInSet(value: "3", allowed: ["0", "1", "2"])))
    }

    @Test func dialectNamesAreCaseInsensitiveAndCanonicalised() {
        let property = client("Smb2DialectMax")
        #expect((try? property.validate(.enumeration("smb311")).get()) == .enumeration("SMB311"))
        #expect((try? property.validate(.string(" Smb300 ")).get()) == .enumeration("SMB300"))
        #expect((try? property.validate(.uint32(0x202)).get()) == .enumeration("SMB202"))
        guard case .failure(.unknownEnumName(let value, let type)) = property.validate(.string("SMB4")) else {
            Issue.record("SMB4 accepted"); return
        }
        #expect(value == "SMB4")
        #expect(type.memberNames == ["None", "SMB202", "SMB210", "SMB300", "SMB302", "SMB311"])
        #expect(PolicyValidationFailure.unknownEnumName(value: "SMB4", enumType: type).message.hasSuffix(
            "None, SMB202, SMB210, SMB300, SMB302, SMB311"))
    }

    @Test func typesMustMatch() {
        #expect(client("SessionTimeout").validate(.string("abc"))
                == .failure(.typeMismatch(expected: .uint32, got: .string("abc"))))
        #expect(client("EnableMailslots").validate(.uint32(1)).isFailure)
        #expect(client("SessionTimeout").validate(.uint64(1)).isFailure)
        #expect((try? client("EnableMailslots").validate(.bool(true)).get()) == .bool(true))
    }

    @Test func cipherListsAcceptTheFourAESNamesInAnyOrderAndCase() {
        let property = client("EncryptionCiphers")
        #expect((try? property.validate(.string("AES_128_GCM, aes_256_gcm")).get()) == .string("AES_128_GCM, aes_256_gcm"))
        #expect(property.validate(.string("AES_128_GCM, DES")) == .failure(
            .unknownCipher(token: "DES", allowed: PolicySchema.encryptionCipherNames)))
        #expect(property.validate(.string("")).isFailure)
    }

    @Test func valuesPrintAsWindowsDoes() {
        #expect(PolicyValue.bool(true).displayText == "True")
        #expect(PolicyValue.bool(false).displayText == "False")
        #expect(PolicyValue.uint32(1023).displayText == "1023")
        #expect(PolicyValue.uint64(9_007_199_254_740_992).displayText == "9007199254740992")
        #expect(PolicyValue.string("").displayText == "")
        #expect(PolicyValue.enumeration("SMB311").displayText == "SMB311")
    }

    @Test func typeNamesAreDotNetNames() {
        #expect(client("SessionTimeout").type.dotNetTypeName == "System.UInt32")
        #expect(client("EnableMailslots").type.dotNetTypeName == "System.Boolean")
        #expect(client("CompressibleThreshold").type.dotNetTypeName == "System.UInt64")
        #expect(client("EncryptionCiphers").type.dotNetTypeName == "System.String")
        #expect(client("Smb2DialectMin").type.dotNetTypeName.hasSuffix(".Smb2DialectMin"))
        #expect(!client("Smb2DialectMin").type.isDotNetTypeNameConfirmed)
    }

    @Test func registryDataFollowsTheStorage() {
        let mtu = client("EnableLargeMtu")
        #expect(mtu.storage.valueName == "DisableLargeMtu")
        #expect(mtu.storage.data(for: .bool(false), type: mtu.type) == .dword(1))
        let mailslots = client("EnableMailslots")
        #expect(mailslots.storage.key == .mupParameters)
        #expect(mailslots.storage.data(for: .bool(true), type: mailslots.type) == .dword(1))
        #expect(mailslots.groupPolicy?.key.path == #"HKLM\Software\Policies\Microsoft\Windows\NetworkProvider"#)
        #expect(server("EnableMailslots").groupPolicy?.key.path == #"HKLM\Software\Policies\Microsoft\Windows\Bowser"#)
        #expect(server("EnableMailslots").activation == .reboot)
        let pipes = server("NullSessionPipes")
        #expect(pipes.storage.data(for: .string("a, b"), type: pipes.type) == .multiString(["a", "b"]))
        let dialect = client("Smb2DialectMin")
        #expect(dialect.storage.data(for: .enumeration("SMB311"), type: dialect.type) == .dword(785))
        #expect(RegistryData.dword(1).displayText == "0x1")
    }
}

extension Result {
    var isFailure: Bool { if case .failure = self { true } else { false } }
}
