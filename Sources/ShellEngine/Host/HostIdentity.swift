#if canImport(Glibc)
import Glibc
#endif

/// A Windows build: `10.0.<number>.<revision>`.
public struct WindowsBuild: Sendable, Equatable {
    public let number: Int
    public let revision: Int

    public init(number: Int, revision: Int) {
        self.number = number
        self.revision = revision
    }

    /// Windows 11 24H2 / Windows Server 2025, the build a session reports unless a module sets another.
    public static let windows11_24H2 = WindowsBuild(number: 26100, revision: 2161)

    /// `[Environment]::OSVersion`: `Microsoft Windows NT 10.0.<number>.0`.
    public var osVersionString: String { "Microsoft Windows NT 10.0.\(number).0" }
    /// `$PSVersionTable.BuildVersion`.
    public var buildVersion: String { "10.0.\(number).\(revision)" }
}

/// What the runtime reports about the machine it runs as ($PSVersionTable, `[Environment]`,
/// transcript headers). The emulated host sets it when its modules register.
public struct HostIdentity: Sendable {
    public var computerName: String
    /// The workgroup or domain (`[Environment]::UserDomainName`).
    public var workgroup: String
    public var windowsBuild: WindowsBuild

    public init(computerName: String, workgroup: String, windowsBuild: WindowsBuild) {
        self.computerName = computerName
        self.workgroup = workgroup
        self.windowsBuild = windowsBuild
    }

    /// The local machine under its own name, in WORKGROUP, on the default build.
    package init(environment: [String: String]) {
        self.init(computerName: Self.computerName(environment: environment), workgroup: "WORKGROUP",
                  windowsBuild: .windows11_24H2)
    }

    /// `COMPUTERNAME`, else the host name upper-cased and cut to 15 characters (a NetBIOS name).
    public static func computerName(environment: [String: String]) -> String {
        if let name = environment["COMPUTERNAME"], !name.isEmpty { return name }
        var buffer = [CChar](repeating: 0, count: 256)
        gethostname(&buffer, buffer.count)
        let host = String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        let short = host.split(separator: ".").first.map(String.init) ?? host
        return String(short.uppercased().prefix(15))
    }

    /// The system volume C: of the emulated machine (a 127 GB virtual disk): its size and free
    /// bytes, as Get-PSDrive (Used, Free) and Win32_LogicalDisk (Size, FreeSpace) report them.
    public static let systemVolumeSize: Int64 = 136_362_030_080
    public static let systemVolumeFree: Int64 = 98_227_019_776

    /// `$PSVersionTable.PSVersion` and `$Host.Version`: Windows PowerShell 5.1 on this build.
    public var powerShellVersion: String { "5.1.\(windowsBuild.number).\(windowsBuild.revision)" }

    /// `$PSVersionTable.PSCompatibleVersions`.
    public var compatiblePowerShellVersions: [String] { ["1.0", "2.0", "3.0", "4.0", "5.0", powerShellVersion] }
}
