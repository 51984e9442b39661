import Testing
@testable import MailslotTransport

@Suite struct MailslotNameTests {
    @Test func serverNamesParseWithPathsAndAnyCase() throws {
        let name = try MailslotName.parse(#"\\.\MailSlot\abc\def\ghi"#)
        #expect(name.path == #"abc\def\ghi"#)
        #expect(name.key == #"ABC\DEF\GHI"#)
        #expect(name.win32Name == #"\\.\mailslot\abc\def\ghi"#)
        #expect(name.wireName == #"\MAILSLOT\ABC\DEF\GHI"#)
        #expect(try MailslotName.parse("lab") == MailslotName.parse(#"\\.\mailslot\LAB"#).withPath("lab"))
        #expect(try MailslotName.parse(#"app\notify"#).win32Name == #"\\.\mailslot\app\notify"#)
    }

    @Test func invalidServerNamesFailLikeCreateMailslot() {
        #expect(throws: Win32Error.pathNotFound) { try MailslotName.parse("") }
        #expect(throws: Win32Error.invalidName) { try MailslotName.parse("blah", allowBareName: false) }
        for bad in [#"\\.\mailslot\"#, #"\\.\mailslot"#, #"\\.\pipe\x"#, #"\\.\mailslot\a\\b"#, #"\\.\mailslot\a\"#,
                    #"\\.\mailslot\a?"#, #"\\.\mailslot\a*b"#, #"\\.\mailslot\..\x"#, "a\u{1}b", #"\\SERVER\mailslot\x"#,
                    #"\\*\mailslot\x"#, String(repeating: "x", count: 300)] {
            #expect(throws: Win32Error.invalidName, "\(bad)") { try MailslotName.parse(bad) }
        }
    }

    @Test func clientPathsParse() throws {
        #expect(try MailslotPath.parse(#"\\.\mailslot\x"#).host == .local)
        #expect(try MailslotPath.parse(#"\\LABSRV\MAILSLOT\x\y"#).host == .named("LABSRV"))
        #expect(try MailslotPath.parse(#"\\CORP\mailslot\x"#).isRemote)
        #expect(try MailslotPath.parse(#"\\*\mailslot\net\netlogon"#).host == .primaryDomain)
        #expect(try MailslotPath.parse(#"\\*\mailslot\net\netlogon"#).description == #"\\*\mailslot\net\netlogon"#)
        for bad in [#"\mailslot\x"#, #"\\\mailslot\x"#, #"\\srv"#, #"\\srv\share\x"#, #"\\s:v\mailslot\x"#, #"\\a|b\mailslot\x"#] {
            #expect(throws: Win32Error.invalidName, "\(bad)") { try MailslotPath.parse(bad) }
        }
        #expect(throws: Win32Error.pathNotFound) { try MailslotPath.parse("") }
    }

    @Test func win32ErrorsCarryWindowsTexts() {
        #expect(Win32Error.remoteMailslotsDeprecated.code == 3025)
        #expect(Win32Error.remoteMailslotsDeprecated.name == "ERROR_REMOTE_MAILSLOTS_DEPRECATED")
        #expect(Win32Error.remoteMailslotsDeprecated.message == "The requested operation failed. Remote mailslots have been deprecated.")
        #expect(Win32Error(code: 121).message == "The semaphore timeout period has expired.")
        #expect(Win32Error(code: 123).message == "The filename, directory name, or volume label syntax is incorrect.")
        #expect(Win32Error(code: 53).name == "ERROR_BAD_NETPATH")
        #expect(Win32Error.remoteMailslotsDeprecated.pascalCaseName == "RemoteMailslotsDeprecated")
        #expect(Win32Error.remoteMailslotsDeprecated.errorCategoryName == "NotEnabled")
        #expect(Win32Error.semTimeout.pascalCaseName == "SemTimeout")
        #expect(Win32Error(code: 99999).name == "ERROR_99999")
        for code: UInt32 in [2, 3, 5, 53, 87, 121, 122, 123, 183, 3025] {
            #expect(Win32Error(code: code).name != "ERROR_\(code)")
        }
    }

    @Test func addressesParse() {
        #expect(DatagramAddress.parse("127.0.0.1:5138") == DatagramAddress(ipv4: 0x7F00_0001, port: 5138))
        #expect(DatagramAddress.parse("10.1.2.3") == DatagramAddress(ipv4: 0x0A01_0203, port: 138))
        for bad in ["", "1.2.3", "1.2.3.4:", "1.2.3.256", "1.2.3.4:70000", "a.b.c.d", "1.2.3.4:5:6", "1.2.3.4:+5"] {
            #expect(DatagramAddress.parse(bad) == nil, "\(bad)")
        }
    }
}

extension MailslotName {
    /// The same name as spelled differently, to compare keys.
    func withPath(_ path: String) throws -> MailslotName { try MailslotName(path: path) }
}
