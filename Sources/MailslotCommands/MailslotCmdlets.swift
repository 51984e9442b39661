import EmulatedHost
import FoundationEssentials
import MailslotTransport
import ShellEngine

/// New-, Get-, Remove-Mailslot, Send- and Receive-MailslotMessage and Get-MailslotStatistics over
/// the embedded transport. The SMB policy gates remote paths (Win32 error 3025 while disabled).
enum MailslotCmdlets {
    static let encodings = ["ASCII", "BigEndianUnicode", "Default", "OEM", "Unicode", "UTF7", "UTF8", "UTF32"]

    static func definitions() -> [CmdletDefinition] {
        let module = MailslotModule.name
        let name = ParameterMetadata("Name", .string, position: 0, mandatory: true, valueFromPipelineByPropertyName: true,
                                     help: "The mailslot name: lab, app\\notify or \\\\.\\mailslot\\lab.")
        return [
            CmdletDefinition(metadata: CommandMetadata(
                name: "New-Mailslot", module: module, implementation: .function,
                parameters: [name,
                             ParameterMetadata("MaxMessageSize", .uint32, help: "Largest message in bytes; 0 (the default) means any size."),
                             ParameterMetadata("ReadTimeout", .uint32, help: "Read timeout in milliseconds; 4294967295 (the default) waits forever.")],
                synopsis: "Creates a local mailslot (CreateMailslot).",
                description: "Creates \\\\.\\mailslot\\<Name>. Local mailslots always work; remote writes to it arrive over the NetBIOS datagram service when the server policy allows them.",
                examples: [HelpExample(code: "New-Mailslot -Name lab", remarks: "Creates \\\\.\\mailslot\\lab.")])) { NewMailslot() },
            CmdletDefinition(metadata: CommandMetadata(
                name: "Get-Mailslot", module: module, implementation: .function,
                parameters: [ParameterMetadata("Name", .string, position: 0, help: "A mailslot name; all mailslots when omitted.")],
                synopsis: "Shows local mailslots (GetMailslotInfo).")) { GetMailslot() },
            CmdletDefinition(metadata: CommandMetadata(
                name: "Remove-Mailslot", module: module, implementation: .function,
                parameters: [name], synopsis: "Deletes a local mailslot; unread messages are discarded.")) { RemoveMailslot() },
            CmdletDefinition(metadata: CommandMetadata(
                name: "Send-MailslotMessage", module: module, implementation: .function,
                parameters: [
                    ParameterMetadata("Path", .string, position: 0, mandatory: true,
                                      help: "\\\\.\\mailslot\\x (local), \\\\COMPUTER\\mailslot\\x, \\\\DOMAIN\\mailslot\\x or \\\\*\\mailslot\\x (remote)."),
                    ParameterMetadata("Message", .string, position: 1, valueFromPipeline: true, parameterSets: ["Message"],
                                      help: "The text to send."),
                    ParameterMetadata("Encoding", .enumeration(typeName: "Microsoft.PowerShell.Commands.FileSystemCmdletProviderEncoding",
                                                               values: encodings), parameterSets: ["Message"],
                                      help: "How the text becomes bytes; UTF8 (without BOM) by default."),
                    ParameterMetadata("Bytes", .array(.byte), parameterSets: ["Bytes"], help: "Raw bytes to send."),
                    ParameterMetadata("NameType", .enumeration(typeName: "SmbConfigShell.MailslotNameType",
                                                               values: MailslotNameType.allCases.map(\.rawValue)),
                                      help: "Which NetBIOS name of the host part to address, as the browser's datagram API names them: ComputerName (NAME<00>), PrimaryDomain, OtherDomain (DOMAIN<00>), DomainAnnouncement (__MSBROWSE__<01>), MasterBrowser (DOMAIN<1D>), BrowserElection (DOMAIN<1E>), BrowserServer (NAME<20>), DomainName (DOMAIN<1C>), PrimaryDomainBrowser (DOMAIN<1B>)."),
                ],
                synopsis: "Writes one message to a mailslot (CreateFile + WriteFile).",
                description: "Remote paths use SMB_COM_TRANSACTION mailslot writes in NetBIOS datagrams (UDP 138). On Windows 11 24H2 and Windows Server 2025 they fail with error 3025 unless Set-SmbClientConfiguration -EnableMailslots $true.")) { SendMessage() },
            CmdletDefinition(metadata: CommandMetadata(
                name: "Receive-MailslotMessage", module: module, implementation: .function,
                parameters: [name,
                             ParameterMetadata("Timeout", .uint32, help: "Milliseconds to wait; the mailslot's read timeout when omitted."),
                             ParameterMetadata("AsBytes", .switchParameter, help: "Returns the message as bytes. A message that is not text is returned as bytes unless -Encoding is given."),
                             ParameterMetadata("Encoding", .enumeration(typeName: "Microsoft.PowerShell.Commands.FileSystemCmdletProviderEncoding",
                                                                        values: encodings), help: "How bytes become text; UTF8 by default.")],
                synopsis: "Reads the next message of a local mailslot (ReadFile).",
                description: "A read that times out is a non-terminating error: The semaphore timeout period has expired. (121)")) { ReceiveMessage() },
            CmdletDefinition(metadata: CommandMetadata(
                name: "Get-MailslotStatistics", module: module, implementation: .function, parameters: [],
                synopsis: "Counts datagrams sent, received, dropped by policy and rejected as malformed.")) { GetStatistics() },
        ]
    }

    /// A Win32 failure as Windows PowerShell reports a Win32Exception from a command.
    static func error(_ error: Win32Error, _ context: CommandContext, target: String) -> ErrorRecord {
        let category = ErrorCategory(rawValue: error.errorCategoryName) ?? .NotSpecified
        let id = error.pascalCaseName
        return context.errorRecord(message: error.message, errorId: id, category: category,
                                   exceptionType: "System.ComponentModel.Win32Exception", target: .string(target),
                                   extraProperties: [PSPropertyInfo(name: "NativeErrorCode", value: .int32(Int32(bitPattern: error.code)))])
    }

    static func encode(_ text: String, encoding: String?) -> [UInt8] {
        switch (encoding ?? "UTF8").lowercased() {
        case "unicode": return text.utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
        case "bigendianunicode": return text.utf16.flatMap { [UInt8($0 >> 8), UInt8($0 & 0xFF)] }
        case "utf32": return text.unicodeScalars.flatMap { s in (0..<4).map { UInt8((s.value >> (8 * $0)) & 0xFF) } }
        case "ascii", "utf7", "oem": return text.unicodeScalars.map { $0.value < 0x80 ? UInt8($0.value) : 0x3F }
        case "default": return text.unicodeScalars.map { Windows1252.byte(for: $0) ?? 0x3F }
        default: return Array(text.utf8)
        }
    }

    /// Bytes to text as .NET's decoders do: an incomplete trailing code unit becomes U+FFFD.
    /// Not UTF-8 text: invalid sequences, or control characters other than tab and line ends.
    static func isBinary(_ bytes: [UInt8]) -> Bool {
        if bytes.contains(where: { $0 < 0x20 && $0 != 0x09 && $0 != 0x0A && $0 != 0x0D || $0 == 0x7F }) { return true }
        return String(validating: bytes, as: UTF8.self) == nil
    }

    static func decode(_ bytes: [UInt8], encoding: String?) -> String {
        switch (encoding ?? "UTF8").lowercased() {
        case "unicode", "bigendianunicode":
            let littleEndian = (encoding ?? "").lowercased() == "unicode"
            var text = String(decoding: stride(from: 0, to: bytes.count - 1, by: 2).map {
                littleEndian ? UInt16(bytes[$0]) | UInt16(bytes[$0 + 1]) << 8 : UInt16(bytes[$0]) << 8 | UInt16(bytes[$0 + 1])
            }, as: UTF16.self)
            if bytes.count % 2 == 1 { text.unicodeScalars.append("\u{FFFD}") }
            return text
        case "utf32":
            var text = String.UnicodeScalarView()
            for start in stride(from: 0, to: bytes.count - 3, by: 4) {
                let value = (0..<4).reduce(UInt32(0)) { $0 | UInt32(bytes[start + $1]) << (8 * $1) }
                text.append(Unicode.Scalar(value) ?? "\u{FFFD}")
            }
            if bytes.count % 4 != 0 { text.append("\u{FFFD}") }
            return String(text)
        case "ascii", "utf7", "oem": return String(String.UnicodeScalarView(bytes.map { Unicode.Scalar($0 < 0x80 ? $0 : 0x3F) }))
        case "default": return String(String.UnicodeScalarView(bytes.map(Windows1252.scalar(for:))))
        default: return String(decoding: bytes, as: UTF8.self)
        }
    }

    /// The properties of a mailslot object (New-Mailslot, Get-Mailslot), in display order.
    static let infoProperties = ["Name", "Path", "MaxMessageSize", "NextSize", "MessageCount", "ReadTimeout"]

    static func infoObject(_ info: MailslotInfo) -> PSValue {
        let o = PSCustomObject(typeNames: ["SmbConfigShell.MailslotInfo", "System.Object"])
        let values: [PSValue] = [.string(info.name.path), .string(info.name.win32Name), .uint32(info.maxMessageSize),
                                 .uint32(info.nextSize), .uint32(info.messageCount), .uint32(info.readTimeout)]
        for (name, value) in zip(infoProperties, values) { o.add(name, value) }
        return .object(o)
    }

    /// `-Name` completion: the mailslots this shell created (`demo`); a typed `\\` asks for the
    /// Win32 form `\\.\mailslot\demo`.
    static func completeName(_ engine: Engine, parameter: String, word: String) -> [String]? {
        guard parameter == "Name" else { return nil }
        let names = engine.emulatedHost.mailslotNames
        guard word.hasPrefix("\\") else { return names }
        return names.map { "\\\\.\\mailslot\\" + $0 }
    }
}

/// Windows-1252, the ANSI code page behind 5.1's `Default` encoding on an en-US system: Latin-1
/// except 0x80...0x9F, where five bytes are undefined (decoded as themselves, as .NET does).
enum Windows1252 {
    static let high: [UInt32] = [
        0x20AC, 0x81, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0x8D, 0x017D, 0x8F,
        0x90, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x9D, 0x017E, 0x0178,
    ]

    static func scalar(for byte: UInt8) -> Unicode.Scalar {
        guard (0x80...0x9F).contains(byte) else { return Unicode.Scalar(byte) }
        return Unicode.Scalar(high[Int(byte - 0x80)])!
    }

    static func byte(for scalar: Unicode.Scalar) -> UInt8? {
        if scalar.value < 0x80 || (0xA0...0xFF).contains(scalar.value) { return UInt8(scalar.value) }
        return high.firstIndex(of: scalar.value).map { UInt8(0x80 + $0) }
    }
}

/// Runs a transport call, keeping its typed Win32 error.
private func win32<T>(_ body: () throws(Win32Error) -> T) -> Result<T, Win32Error> {
    do { return .success(try body()) } catch { return .failure(error) }
}

/// Lets a blocking read poll the console's Ctrl-C flag from inside the transport.
private final class InterruptProbe: @unchecked Sendable {
    let host: PSHostUserInterface
    init(_ host: PSHostUserInterface) { self.host = host }
    func check() -> Bool { host.consumeInterrupt() }
}

final class NewMailslot: Cmdlet {
    func process(_ context: CommandContext, input: PSValue?) throws {
        let name = context.string("Name") ?? ""
        let service = context.engine.mailslotService
        let maxSize = context.value("MaxMessageSize").flatMap { LanguagePrimitives.toInt64($0).map { UInt32(clamping: $0) } } ?? 0
        let timeout = context.value("ReadTimeout").flatMap { LanguagePrimitives.toInt64($0).map { UInt32(clamping: $0) } }
            ?? MailslotInfo.waitForever
        switch win32({ () throws(Win32Error) in try service.createMailslot(name: name, maxMessageSize: maxSize, readTimeout: timeout) }) {
        case .success(let info):
            for warning in service.drainWarnings() { context.writeWarning(warning) }
            try context.writeObject(MailslotCmdlets.infoObject(info))
        case .failure(let error):
            try context.writeError(MailslotCmdlets.error(error, context, target: name))
        }
    }
}

final class GetMailslot: Cmdlet {
    func process(_ context: CommandContext, input: PSValue?) throws {
        let service = context.engine.mailslotService
        guard let name = context.string("Name") else {
            for info in service.listMailslots() { try context.writeObject(MailslotCmdlets.infoObject(info)) }
            return
        }
        switch win32({ () throws(Win32Error) in try service.mailslotInfo(name: name) }) {
        case .success(let info): try context.writeObject(MailslotCmdlets.infoObject(info))
        case .failure(let error): try context.writeError(MailslotCmdlets.error(error, context, target: name))
        }
    }
}

final class RemoveMailslot: Cmdlet {
    func process(_ context: CommandContext, input: PSValue?) throws {
        let name = context.string("Name") ?? ""
        let service = context.engine.mailslotService
        if case .failure(let error) = win32({ () throws(Win32Error) in try service.deleteMailslot(name: name) }) {
            try context.writeError(MailslotCmdlets.error(error, context, target: name))
        }
    }
}

final class SendMessage: Cmdlet {
    func process(_ context: CommandContext, input: PSValue?) throws {
        let path = context.string("Path") ?? ""
        let data: [UInt8]
        if let bytes = context.value("Bytes") {
            data = (bytes.enumerated ?? [bytes]).map { UInt8(truncatingIfNeeded: LanguagePrimitives.toInt64($0) ?? 0) }
        } else {
            data = MailslotCmdlets.encode(context.string("Message") ?? "", encoding: context.string("Encoding"))
        }
        let service = context.engine.mailslotService
        let nameType = context.string("NameType").flatMap { MailslotNameType(name: $0) }
        let result = win32({ () throws(Win32Error) in try service.write(path: path, data: data, nameType: nameType) })
        for warning in service.drainWarnings() { context.writeWarning(warning) }
        if case .failure(let error) = result {
            try context.writeError(MailslotCmdlets.error(error, context, target: path))
        }
    }
}

final class ReceiveMessage: Cmdlet {
    func process(_ context: CommandContext, input: PSValue?) throws {
        let name = context.string("Name") ?? ""
        let probe = InterruptProbe(context.engine.host)
        let service = context.engine.mailslotService
        let timeout = context.value("Timeout").flatMap { LanguagePrimitives.toInt64($0).map { UInt32(clamping: $0) } }
        switch win32({ () throws(Win32Error) in try service.read(name: name, timeout: timeout, isCancelled: { probe.check() }) }) {
        case .success(let bytes):
            // Binary payloads come back as byte[] (shown one number a line) unless text was asked for.
            if context.switchValue("AsBytes") || (context.value("Encoding") == nil && MailslotCmdlets.isBinary(bytes)) {
                try context.writeObject(ConvertTypes.bytes(bytes))
            } else {
                try context.writeObject(.string(MailslotCmdlets.decode(bytes, encoding: context.string("Encoding"))))
            }
        case .failure(let error):
            if error == .operationAborted { throw EvalError.stopped }
            try context.writeError(MailslotCmdlets.error(error, context, target: name))
        }
    }
}

final class GetStatistics: Cmdlet {
    func process(_ context: CommandContext, input: PSValue?) throws {
        let s = context.engine.mailslotService.statistics()
        let o = PSCustomObject(typeNames: ["SmbConfigShell.MailslotStatistics", "System.Object"])
        o.add("DatagramsSent", .int64(Int64(s.datagramsSent)))
        o.add("SendFailures", .int64(Int64(s.sendFailures)))
        o.add("DatagramsReceived", .int64(Int64(s.datagramsReceived)))
        o.add("DatagramsDelivered", .int64(Int64(s.datagramsDelivered)))
        o.add("DroppedNotForThisHost", .int64(Int64(s.droppedNotForThisHost)))
        o.add("DroppedByPolicy", .int64(Int64(s.droppedByPolicy)))
        o.add("DroppedUnknownMailslot", .int64(Int64(s.droppedUnknownMailslot)))
        o.add("DroppedRefusedByMailslot", .int64(Int64(s.droppedRefusedByMailslot)))
        o.add("RejectedMalformed", .int64(Int64(s.rejectedMalformed)))
        let reasons = PSHashtable(ordered: true)
        for reason in DatagramRejection.allCases where (s.rejectionsByReason[reason] ?? 0) > 0 {
            reasons[string: reason.rawValue] = .int64(Int64(s.rejectionsByReason[reason]!))
        }
        o.add("RejectionsByReason", .hashtable(reasons))
        try context.writeObject(.object(o))
    }
}
