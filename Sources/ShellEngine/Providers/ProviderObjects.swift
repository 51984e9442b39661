/// System.Management.Automation.PSDriveInfo as Get-PSDrive returns it.
package final class PSDriveObject: PSObject {
    package let drive: PSDriveInfo
    package let currentLocation: String

    package init(_ drive: PSDriveInfo, currentLocation: String = "") {
        self.drive = drive
        self.currentLocation = currentLocation
        super.init(typeNames: ["System.Management.Automation.PSDriveInfo", "System.Object"])
    }

    /// The types.ps1xml script properties Used and Free: a file-system drive's bytes, else null.
    package var usedAndFree: (used: Int64, free: Int64)? {
        guard drive.provider.name == "FileSystem" else { return nil }
        return (HostIdentity.systemVolumeSize - HostIdentity.systemVolumeFree, HostIdentity.systemVolumeFree)
    }

    package override var properties: [PSPropertyInfo] {
        [PSPropertyInfo(name: "Used", value: usedAndFree.map { .int64($0.used) } ?? .null, isSettable: false),
         PSPropertyInfo(name: "Free", value: usedAndFree.map { .int64($0.free) } ?? .null, isSettable: false),
         PSPropertyInfo(name: "CurrentLocation", value: .string(currentLocation), isSettable: false),
         PSPropertyInfo(name: "Name", value: .string(drive.name), isSettable: false),
         PSPropertyInfo(name: "Provider", value: .object(ProviderInfoObject(drive.provider)), isSettable: false),
         PSPropertyInfo(name: "Root", value: .string(drive.root), isSettable: false),
         PSPropertyInfo(name: "Description", value: .string(drive.description), isSettable: false),
         PSPropertyInfo(name: "MaximumSize", value: .null, isSettable: false),
         PSPropertyInfo(name: "Credential", value: .string("System.Management.Automation.PSCredential"), isSettable: false),
         PSPropertyInfo(name: "DisplayRoot", value: drive.displayRoot.map { .string($0) } ?? .null, isSettable: false)]
    }

    /// PSDriveInfo.ToString(): the drive's name.
    package override func toString() -> String { drive.name }
}

/// System.Management.Automation.ProviderInfo as Get-PSProvider returns it.
package final class ProviderInfoObject: PSObject {
    package let provider: any ItemProvider
    package let drives: [String]
    package let home: String

    package init(_ provider: any ItemProvider, drives: [String] = [], home: String = "") {
        self.provider = provider
        self.drives = drives
        self.home = home
        super.init(typeNames: ["System.Management.Automation.ProviderInfo", "System.Object"])
    }

    package override var properties: [PSPropertyInfo] {
        [PSPropertyInfo(name: "ImplementingType", value: .string("Microsoft.PowerShell.Commands.\(provider.name)Provider"), isSettable: false),
         PSPropertyInfo(name: "HelpFile", value: .string("System.Management.Automation.dll-Help.xml"), isSettable: false),
         PSPropertyInfo(name: "Name", value: .string(provider.name), isSettable: false),
         PSPropertyInfo(name: "PSSnapIn", value: .string(provider.moduleName), isSettable: false),
         PSPropertyInfo(name: "ModuleName", value: .string(provider.moduleName), isSettable: false),
         PSPropertyInfo(name: "Module", value: .null, isSettable: false),
         PSPropertyInfo(name: "Description", value: .string(""), isSettable: false),
         PSPropertyInfo(name: "Capabilities", value: .string(provider.capabilities), isSettable: false),
         PSPropertyInfo(name: "Home", value: .string(home), isSettable: false),
         PSPropertyInfo(name: "Drives", value: .string("{" + drives.joined(separator: ", ") + "}"), isSettable: false)]
    }

    /// ProviderInfo.ToString(): `Microsoft.PowerShell.Core\FileSystem`.
    package override func toString() -> String { provider.qualifiedName }
}
