#if canImport(Glibc)
import Glibc
#endif
import ShellEngine

/// The processes of the emulated Windows host: the services and sessions of a fresh Windows
/// Server with one console logon, and the shell itself as `powershell`. The host's own process
/// table is never read.
enum EmulatedProcesses {
    /// Name, Id, session, handles, non-paged pool, private bytes, working set, CPU seconds.
    private static let table: [(String, Int32, Int32, Int32, Int64, Int64, Int64, Double?)] = [
        ("Idle", 0, 0, 0, 0, 61_440, 8_192, nil),
        ("System", 4, 0, 2_644, 0, 192_512, 143_360, 412.86),
        ("Registry", 92, 0, 0, 9_216, 2_625_536, 44_400_640, 2.11),
        ("smss", 340, 0, 53, 3_072, 1_085_440, 1_245_184, 0.19),
        ("csrss", 444, 0, 476, 12_288, 1_835_008, 5_079_040, 1.55),
        ("wininit", 520, 0, 164, 11_264, 1_449_984, 6_602_752, 0.08),
        ("csrss", 528, 1, 284, 14_336, 1_945_600, 5_386_240, 3.42),
        ("winlogon", 604, 1, 254, 11_776, 2_727_936, 11_001_856, 0.22),
        ("services", 652, 0, 576, 10_240, 5_095_424, 9_961_472, 6.73),
        ("lsass", 672, 0, 1_247, 26_624, 6_881_280, 18_817_024, 9.94),
        ("svchost", 784, 0, 1_113, 18_432, 10_190_848, 25_833_472, 12.31),
        ("fontdrvhost", 812, 0, 32, 6_144, 1_327_104, 3_039_232, 0.03),
        ("fontdrvhost", 820, 1, 32, 7_168, 1_703_936, 4_300_800, 0.11),
        ("svchost", 904, 0, 868, 15_360, 7_028_736, 14_573_568, 4.25),
        ("dwm", 996, 1, 712, 29_696, 40_722_432, 55_930_880, 18.02),
        ("svchost", 1060, 0, 1_754, 27_648, 20_246_528, 37_978_112, 21.47),
        ("svchost", 1148, 0, 402, 14_848, 4_542_464, 12_857_344, 1.86),
        ("svchost", 1304, 0, 581, 24_064, 8_368_128, 20_086_784, 2.97),
        ("spoolsv", 1812, 0, 451, 25_088, 5_300_224, 16_027_648, 0.45),
        ("svchost", 1868, 0, 387, 17_920, 10_616_832, 17_276_928, 1.02),
        ("MsMpEng", 2188, 0, 612, 90_112, 190_529_536, 175_472_640, 96.53),
        ("WmiPrvSE", 2964, 0, 312, 13_312, 8_634_368, 16_490_496, 0.64),
        ("sihost", 3340, 1, 451, 16_896, 4_792_320, 22_245_376, 0.98),
        ("svchost", 3356, 1, 264, 12_800, 2_945_024, 13_033_472, 0.33),
        ("taskhostw", 3428, 1, 239, 15_872, 7_200_768, 15_863_808, 0.27),
        ("explorer", 3772, 1, 1_898, 73_728, 31_621_120, 96_444_416, 7.88),
        ("RuntimeBroker", 4044, 1, 292, 16_384, 4_857_856, 19_922_944, 0.31),
        ("SearchUI", 4196, 1, 674, 40_960, 32_014_336, 62_500_864, 1.23),
        ("conhost", 4532, 1, 219, 12_544, 6_680_576, 17_952_768, 0.16),
        ("ctfmon", 4620, 1, 307, 13_568, 3_334_144, 14_364_672, 0.20),
    ]

    /// The shell's own process: its real id, in the console session.
    static var shellId: Int32 { getpid() }

    static func all() -> [PSCustomObject] {
        var rows = table.map(object)
        rows.append(object(("powershell", shellId, 1, 612, 31_744, 61_657_088, 74_563_584, 1.42)))
        return rows.sorted {
            let a = $0.property("ProcessName").map { LanguagePrimitives.toString($0).lowercased() } ?? ""
            let b = $1.property("ProcessName").map { LanguagePrimitives.toString($0).lowercased() } ?? ""
            if a != b { return a < b }
            return (LanguagePrimitives.toInt64($0.property("Id") ?? .null) ?? 0) < (LanguagePrimitives.toInt64($1.property("Id") ?? .null) ?? 0)
        }
    }

    private static func object(_ row: (String, Int32, Int32, Int32, Int64, Int64, Int64, Double?)) -> PSCustomObject {
        let (name, id, session, handles, npm, pm, ws, cpu) = row
        let o = PSCustomObject(typeNames: [FormatView.processTypeName, "System.ComponentModel.Component",
                                           "System.MarshalByRefObject", "System.Object"])
        let path: PSValue = id <= 4 ? .null : .string("C:\\Windows\\System32\\" + name + ".exe")
        o.add("Name", .string(name), typeName: "System.String")
        o.add("SI", .int32(session), typeName: "System.Int32")
        o.add("Handles", .int32(handles), typeName: "System.Int32")
        o.add("VM", .int64(pm &* 4 &+ 2_199_023_255_552), typeName: "System.Int64")
        o.add("WS", .int64(ws), typeName: "System.Int64")
        o.add("PM", .int64(pm), typeName: "System.Int64")
        o.add("NPM", .int64(npm), typeName: "System.Int64")
        o.add("Path", path, typeName: "System.String")
        o.add("CPU", cpu.map { .double($0) } ?? .null, typeName: "System.Double")
        o.add("Id", .int32(id), typeName: "System.Int32")
        o.add("HandleCount", .int32(handles), typeName: "System.Int32")
        o.add("ProcessName", .string(name), typeName: "System.String")
        o.add("SessionId", .int32(session), typeName: "System.Int32")
        o.add("WorkingSet64", .int64(ws), typeName: "System.Int64")
        o.add("PrivateMemorySize64", .int64(pm), typeName: "System.Int64")
        o.add("NonpagedSystemMemorySize64", .int64(npm), typeName: "System.Int64")
        return o
    }
}

/// Get-Process: the emulated host's processes, by -Name (wildcards) or -Id.
final class GetProcess: Cmdlet {
    static let noName = "Cannot find a process with the name \"{0}\". Verify the process name and call the cmdlet again."
    static let noId = "Cannot find a process with the process identifier {0}."

    func process(_ context: CommandContext, input: PSValue?) throws {
        let processes = EmulatedProcesses.all()
        if context.switchValue("IncludeUserName") {
            let user = context.engine.identity.computerName + "\\" + (context.engine.environmentValue("USERNAME") ?? "Administrator")
            for process in processes {
                let session = LanguagePrimitives.toInt64(process.property("SessionId") ?? .null) ?? 0
                process.add("UserName", .string(session == 0 ? "NT AUTHORITY\\SYSTEM" : user), typeName: "System.String")
            }
        }
        if let given = input ?? context.value("InputObject") {
            for item in given.enumerated ?? [given] { try context.writeObject(item) }
            return
        }
        let exception = "Microsoft.PowerShell.Commands.ProcessCommandException"
        if let ids = context.value("Id") {
            for id in ids.enumerated ?? [ids] {
                let number = LanguagePrimitives.toInt64(id) ?? -1
                let found = processes.filter { LanguagePrimitives.toInt64($0.property("Id") ?? .null) == number }
                if found.isEmpty {
                    try context.writeError(context.errorRecord(message: Messages.fill(Self.noId, [String(number)]),
                        errorId: "NoProcessFoundForGivenId", category: .ObjectNotFound, exceptionType: exception, target: id))
                }
                for process in found { try context.writeObject(.object(process)) }
            }
            return
        }
        guard let names = context.stringList("Name") else {
            for process in processes { try context.writeObject(.object(process)) }
            return
        }
        var written = Set<ObjectIdentifier>()
        for name in names {
            let pattern = WildcardPattern(name)
            let found = processes.filter { pattern.matches(LanguagePrimitives.toString($0.property("ProcessName") ?? .null)) }
            if found.isEmpty && !WildcardPattern.hasWildcards(name) {
                try context.writeError(context.errorRecord(message: Messages.fill(Self.noName, [name]),
                    errorId: "NoProcessFoundForGivenName", category: .ObjectNotFound, exceptionType: exception,
                    target: .string(name)))
            }
            for process in found where written.insert(ObjectIdentifier(process)).inserted {
                try context.writeObject(.object(process))
            }
        }
    }
}
