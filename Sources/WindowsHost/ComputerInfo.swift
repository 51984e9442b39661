import EmulatedHost
import SMBPolicy
import ShellEngine

/// Get-ComputerInfo (Microsoft.PowerShell.Management 3.1): the operating system and hardware of
/// the emulated computer, from the same inventory systeminfo and the CIM classes read. Windows 11
/// keeps "Windows 10" in WindowsProductName (the registry's ProductName), as it does.
enum ComputerInfoCmdlet {
    static func definition(module: String) -> CmdletDefinition {
        CmdletDefinition(metadata: CommandMetadata(
            name: "Get-ComputerInfo", module: module,
            implementation: .compiled(className: "Microsoft.PowerShell.Commands.GetComputerInfoCommand"),
            parameters: [ParameterMetadata("Property", .array(.string), position: 0,
                                           help: "Specifies the properties to get (wildcards allowed).")],
            synopsis: "Gets a consolidated object of system and operating system properties.",
            description: "Gets the Windows, operating system, computer system and hardware properties of the computer in one object.",
            examples: [HelpExample(code: "Get-ComputerInfo", remarks: "Shows every property."),
                       HelpExample(code: "Get-ComputerInfo -Property Os*", remarks: "Shows the operating system properties.")],
            outputType: "Microsoft.PowerShell.Commands.ComputerInfo")) { GetComputerInfo() }
    }

    static func properties(_ engine: Engine) -> [(String, PSValue)] {
        let profile = engine.osProfile
        let build = engine.identity.windowsBuild
        let server = profile.isServer
        let lab = profile.windowsVersion.buildLabEx
        let productName = profile.windowsVersion.productName
        let installed = DateTimeObject(seconds: HostInventory.midnight(HostInventory.installDate))
        let hotfixes = HostInventory.hotFixes(profile).map { fix -> PSValue in
            .object(WindowsObject(typeNames: ["Microsoft.PowerShell.Commands.HotFix"], properties: [
                ("HotFixID", .string(fix.id)), ("Description", .string(fix.description)),
                ("InstalledOn", .string("\(fix.installedOn.month)/\(fix.installedOn.day)/\(fix.installedOn.year)")),
                ("FixComments", .string(""))], text: fix.id))
        }
        return [
            ("WindowsBuildLabEx", .string(lab)), ("WindowsCurrentVersion", .string("6.3")),
            ("WindowsEditionId", .string(profile.windowsVersion.editionID)),
            ("WindowsInstallationType", .string(profile.windowsVersion.installationType)),
            ("WindowsInstallDateFromRegistry", .object(installed)), ("WindowsProductId", .string("00330-80000-00000-AA000")),
            ("WindowsProductName", .string(productName)), ("WindowsRegisteredOrganization", .string("")),
            ("WindowsRegisteredOwner", .string(engine.userName)), ("WindowsSystemRoot", .string("C:\\Windows")),
            ("WindowsVersion", .string("2009")), ("BiosManufacturer", .string("Microsoft Corporation")),
            ("BiosSMBIOSBIOSVersion", .string("Hyper-V UEFI Release v4.1")), ("CsDNSHostName", .string(engine.computerName.lowercased())),
            ("CsDomain", .string(engine.workgroup)), ("CsDomainRole", .string(server ? "StandaloneServer" : "StandaloneWorkstation")),
            ("CsManufacturer", .string("Microsoft Corporation")), ("CsModel", .string("Virtual Machine")),
            ("CsName", .string(engine.computerName)), ("CsNumberOfLogicalProcessors", .uint32(2)), ("CsNumberOfProcessors", .uint32(1)),
            ("CsPartOfDomain", .bool(false)), ("CsPrimaryOwnerName", .string(engine.userName)),
            ("CsSystemType", .string("x64-based PC")), ("CsTotalPhysicalMemory", .uint64(8_589_934_592)),
            ("CsUserName", .string(engine.computerName + "\\" + engine.userName)), ("CsWorkgroup", .string(engine.workgroup)),
            ("OsName", .string(HostInventory.productName(profile))), ("OsType", .string("WINNT")),
            ("OsOperatingSystemSKU", .string(server ? "StandardServerEdition" : "48")),
            ("OsVersion", .string("10.0.\(build.number)")), ("OsBuildNumber", .string(String(build.number))),
            ("OsHotFixes", .array(PSArray(hotfixes))), ("OsBootDevice", .string("\\Device\\HarddiskVolume1")),
            ("OsSystemDevice", .string("\\Device\\HarddiskVolume3")), ("OsSystemDirectory", .string("C:\\Windows\\system32")),
            ("OsSystemDrive", .string("C:")), ("OsWindowsDirectory", .string("C:\\Windows")), ("OsCountryCode", .string("1")),
            ("OsLocale", .string("en-US")), ("OsLastBootUpTime", .object(installed)), ("OsInstallDate", .object(installed)),
            ("OsArchitecture", .string("64-bit")), ("OsLanguage", .string("en-US")),
            ("OsProductType", .string(server ? "Server" : "WorkStation")), ("OsRegisteredUser", .string(engine.userName)),
            ("OsSerialNumber", .string("00330-80000-00000-AA000")), ("OsTotalVisibleMemorySize", .uint64(8_388_608)),
            ("OsFreePhysicalMemory", .uint64(6_291_456)), ("TimeZone", .string("(UTC) Coordinated Universal Time")),
            ("LogonServer", .string("\\\\" + engine.computerName)), ("PowerPlatformRole", .string("Desktop")),
            ("HyperVisorPresent", .bool(true)),
        ]
    }
}

final class GetComputerInfo: Cmdlet {
    func process(_ context: CommandContext, input: PSValue?) throws {
        var properties = ComputerInfoCmdlet.properties(context.engine)
        if let wanted = NetworkCmdlets.texts(context, "Property") {
            let patterns = wanted.map { WildcardPattern($0) }
            properties = properties.filter { property in patterns.contains { $0.matches(property.0) } }
        }
        try context.writeObject(.object(WindowsObject(typeNames: ["Microsoft.PowerShell.Commands.ComputerInfo"], properties: properties,
                                                   text: "Microsoft.PowerShell.Commands.ComputerInfo")))
    }
}
