import MailslotTransport
import ShellEngine

/// `nbtstat`: Windows' NetBIOS over TCP/IP statistics program, emulated in process over the
/// embedded name service (the shell never runs host programs). Switches are case-sensitive, as
/// nbtstat's: `-a NAME`, `-A ADDRESS`, `-c`, `-n`, `-r`, `-R`, `-RR`, `-s`, `-S`; anything else
/// prints the usage text.
enum Nbtstat {
    static func definition() -> CmdletDefinition {
        CmdletDefinition(metadata: CommandMetadata(
            name: "nbtstat.exe", module: MailslotModule.name, implementation: .function, parameters: [],
            cmdletBinding: false,
            synopsis: "Displays NetBIOS over TCP/IP statistics, name tables and the name cache.")) { Command() }
    }

    static let usage = [
        "",
        "Displays protocol statistics and current TCP/IP connections using NBT",
        "(NetBIOS over TCP/IP).",
        "",
        "NBTSTAT [ [-a RemoteName] [-A IP address] [-c] [-n]",
        "        [-r] [-R] [-RR] [-s] [-S] [interval] ]",
        "",
        "  -a   (adapter status) Lists the remote machine's name table given its name",
        "  -A   (Adapter status) Lists the remote machine's name table given its",
        "                        IP address.",
        "  -c   (cache)          Lists NBT's cache of remote [machine] names and their IP addresses",
        "  -n   (names)          Lists local NetBIOS names.",
        "  -r   (resolved)       Lists names resolved by broadcast and via WINS",
        "  -R   (Reload)         Purges and reloads the remote cache name table",
        "  -S   (Sessions)       Lists sessions table with the destination IP addresses",
        "  -s   (sessions)       Lists sessions table converting destination IP",
        "                        addresses to computer NETBIOS names.",
        "  -RR  (ReleaseRefresh) Sends Name Release packets to WINS and then, starts Refresh",
        "",
        "  RemoteName   Remote host machine name.",
        "  IP address   Dotted decimal representation of the IP address.",
        "  interval     Redisplays selected statistics, pausing interval seconds",
        "               between each display. Press Ctrl+C to stop redisplaying",
        "               statistics.",
        "",
    ]

    enum Request: Equatable {
        case usage
        case remoteName(String)
        case remoteAddress(String)
        case cache, names, resolved, reload, releaseRefresh, sessions
    }

    /// The request the arguments make (the last switch wins, as nbtstat's parser lets it).
    static func parse(_ arguments: [String]) -> Request {
        var request = Request.usage
        var index = 0
        while index < arguments.count {
            let argument = arguments[index]
            index += 1
            switch argument {
            case "-a", "/a", "-A", "/A":
                guard index < arguments.count else { return .usage }
                let target = arguments[index]
                index += 1
                request = argument.hasSuffix("a") ? .remoteName(target) : .remoteAddress(target)
            case "-c", "/c": request = .cache
            case "-n", "/n": request = .names
            case "-r", "/r": request = .resolved
            case "-R", "/R": request = .reload
            case "-RR", "/RR": request = .releaseRefresh
            case "-s", "/s", "-S", "/S": request = .sessions
            default: return .usage
            }
        }
        return request
    }

    final class Command: Cmdlet {
        func process(_ context: CommandContext, input: PSValue?) throws {
            let arguments = context.remainingArguments.map { LanguagePrimitives.toString($0) }
            let service = context.engine.mailslotService
            let lines = Nbtstat.run(Nbtstat.parse(arguments), service: service)
            for warning in service.drainWarnings() { context.writeWarning(warning) }
            for line in lines { try context.writeObject(.string(line)) }
        }
    }

    static func run(_ request: Request, service: MailslotService) -> [String] {
        switch request {
        case .usage: return usage
        case .names:
            let names = service.localNetBIOSNames()
            return adapterHeader(service) + [
                "                NetBIOS Local Name Table",
                "",
            ] + tableHeader + names.map { row($0.name, isGroup: $0.isGroup, status: $0.state.rawValue) } + [""]
        case .remoteName(let name):
            let address = service.resolveNetBIOSName(name, suffix: 0x20)?.first ?? service.resolveNetBIOSName(name)?.first
            return remoteTable(service, address: address)
        case .remoteAddress(let text):
            guard let ipv4 = DatagramAddress.parseIPv4(Substring(text)) else {
                return adapterHeader(service) + ["    Host not found.", ""]
            }
            _ = service.nodeAddress
            let port = service.boundNameEndpoint?.port ?? 137
            return remoteTable(service, address: DatagramAddress(ipv4: ipv4, port: port == 0 ? 137 : port))
        case .cache:
            let entries = service.cachedNetBIOSNames()
            guard !entries.isEmpty else { return adapterHeader(service) + ["    No names in cache", ""] }
            var lines = adapterHeader(service) + [
                "                  NetBIOS Remote Cache Name Table",
                "",
                "        Name              Type       Host Address    Life [sec]",
                "    ------------------------------------------------------------",
            ]
            for entry in entries {
                let address = entry.addresses.first.map { DatagramAddress(ipv4: $0, port: 0).host } ?? ""
                lines.append("    " + column(entry.name) + "  " + pad(entry.isGroup ? "GROUP" : "UNIQUE", 6)
                             + leftPad(address, 20) + leftPad(String(entry.secondsLeft), 13))
            }
            return lines + [""]
        case .resolved:
            let statistics = service.netBIOSNameStatistics()
            var lines = [
                "",
                "    NetBIOS Names Resolution and Registration Statistics",
                "    ----------------------------------------------------",
                "",
                "    Resolved By Broadcast     = \(statistics.resolvedByBroadcast)",
                "    Resolved By Name Server   = \(statistics.resolvedByNameServer)",
                "",
                "    Registered By Broadcast   = \(statistics.registeredByBroadcast)",
                "    Registered By Name Server = \(statistics.registeredByNameServer)",
                "",
            ]
            if !statistics.broadcastQueries.isEmpty {
                lines += ["    NetBIOS Names Resolved By Broadcast", "---------------------------------------------"]
                lines += statistics.broadcastQueries.map { "           " + column($0) }
                lines.append("")
            }
            return lines
        case .reload:
            service.purgeNetBIOSNameCache()
            return ["    Successful purge and preload of the NBT Remote Cache Name Table.", ""]
        case .releaseRefresh:
            return ["    The NetBIOS names registered by this computer have been refreshed.", ""]
        case .sessions:
            return adapterHeader(service) + ["    No Connections", ""]
        }
    }

    private static func remoteTable(_ service: MailslotService, address: DatagramAddress?) -> [String] {
        guard let address, let status = service.nodeStatus(of: address) else {
            return adapterHeader(service) + ["    Host not found.", ""]
        }
        let mac = status.unitID.map { hex($0) }.joined(separator: "-")
        return adapterHeader(service) + [
            "           NetBIOS Remote Machine Name Table",
            "",
        ] + tableHeader + status.entries.map {
            row($0.name, isGroup: $0.isGroup, status: $0.isConflicted ? "Conflict" : "Registered")
        } + ["", "    MAC Address = " + (mac.isEmpty ? "00-00-00-00-00-00" : mac), ""]
    }

    private static let tableHeader = [
        "       Name               Type         Status",
        "    ---------------------------------------------",
    ]

    private static func adapterHeader(_ service: MailslotService) -> [String] {
        let address = service.nodeAddress.map { DatagramAddress(ipv4: $0, port: 0).host } ?? "0.0.0.0"
        return ["", "Ethernet:", "Node IpAddress: [\(address)] Scope Id: []", ""]
    }

    private static func row(_ name: NetBIOSName, isGroup: Bool, status: String) -> String {
        "    " + column(name) + "  " + pad(isGroup ? "GROUP" : "UNIQUE", 12) + status
    }

    /// The 15 name bytes (non-printable ones as '.') and the suffix, `NAME           <00>`.
    private static func column(_ name: NetBIOSName) -> String {
        let raw = name.rawBytes
        let text = String(decoding: raw.prefix(15).map { $0 >= 0x20 && $0 < 0x7F ? $0 : UInt8(ascii: ".") }, as: UTF8.self)
        return text + "<" + hex(raw[15]) + ">"
    }

    private static func hex(_ byte: UInt8) -> String {
        let digits = Array("0123456789ABCDEF")
        return String([digits[Int(byte >> 4)], digits[Int(byte & 0x0F)]])
    }

    private static func pad(_ text: String, _ width: Int) -> String {
        text.count >= width ? text : text + String(repeating: " ", count: width - text.count)
    }

    private static func leftPad(_ text: String, _ width: Int) -> String {
        text.count >= width ? text : String(repeating: " ", count: width - text.count) + text
    }
}
