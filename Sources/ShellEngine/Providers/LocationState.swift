/// The providers, drives and locations of a session (SessionState's provider half).
package final class LocationState {
    package private(set) var providers: [any ItemProvider] = []
    private var pendingDrives = true
    private var driveList: [PSDriveInfo] = []
    /// The current location inside each drive, by drive name.
    private var driveLocations: [NameKey: [String]] = [:]
    /// Where the session is; nil until the first `Set-Location`: the console shows `C:\`, and
    /// relative file paths resolve against the folder the shell was started from.
    package var current: ItemPath?
    /// Push-Location's stacks by name; `default` is the unnamed one.
    package var stacks: [NameKey: [ItemPath]] = [:]
    package var defaultStackName = "default"

    package init() {}

    package func register(_ provider: any ItemProvider) {
        providers.append(provider)
        pendingDrives = true
    }

    package func provider(named name: String) -> (any ItemProvider)? {
        let bare = name.split(separator: "\\").last.map(String.init) ?? name
        return providers.first { $0.name.caseInsensitiveEquals(bare) }
    }

    /// Every drive, in Get-PSDrive's order (by name).
    package func drives(_ engine: Engine) -> [PSDriveInfo] {
        if pendingDrives {
            pendingDrives = false
            for provider in providers {
                for drive in provider.initialDrives(engine) where self.drive(named: drive.name, engine) == nil {
                    driveList.append(drive)
                }
            }
        }
        return driveList.sorted { $0.name.lowercased() < $1.name.lowercased() }
    }

    package func drive(named name: String, _ engine: Engine) -> PSDriveInfo? {
        if pendingDrives { _ = drives(engine) }
        return driveList.first { $0.name.caseInsensitiveEquals(name) }
    }

    package func addDrive(_ drive: PSDriveInfo) { driveList.append(drive) }

    package func removeDrive(_ drive: PSDriveInfo) {
        driveList.removeAll { $0 === drive }
        driveLocations[NameKey(drive.name)] = nil
    }

    package func location(in drive: PSDriveInfo) -> [String] { driveLocations[NameKey(drive.name)] ?? [] }

    package func setLocation(_ path: ItemPath) {
        current = path
        if let drive = path.drive { driveLocations[NameKey(drive.name)] = path.components }
    }
}
