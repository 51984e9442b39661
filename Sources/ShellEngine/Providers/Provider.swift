/// A namespace provider (System.Management.Automation.Provider): FileSystem, Environment,
/// Variable, Function, Alias, Registry. The item, content and property cmdlets resolve a path to
/// a provider and a provider path, then call these operations; an operation a provider lacks
/// fails as Windows PowerShell 5.1 reports it (`NotSupported`).
///
/// Provider paths are the provider's own spelling: `C:\temp\x` (FileSystem, `/tmp/x` for the
/// host's files), `HKEY_LOCAL_MACHINE\SOFTWARE` (Registry), `PATH` (Environment).
package protocol ItemProvider: AnyObject {
    /// `FileSystem`, `Environment`, …
    var name: String { get }
    /// The module that provides it (Get-PSProvider's ModuleName).
    var moduleName: String { get }
    /// Get-PSProvider's Capabilities (`Filter, ShouldProcess, Credentials`).
    var capabilities: String { get }
    /// The drives the provider has at start-up.
    func initialDrives(_ engine: Engine) -> [PSDriveInfo]
    /// The root part of a provider path (`C:\`, `/`, `HKEY_LOCAL_MACHINE`, ``) and the rest.
    func splitRoot(_ path: String) -> (root: String, rest: String)
    /// Checks a root a new drive names (New-PSDrive -Root); nil when the root is not valid.
    func normalizeRoot(_ root: String, _ engine: Engine) -> String?

    func itemExists(_ path: String, _ engine: Engine) -> Bool
    func isContainer(_ path: String, _ engine: Engine) -> Bool
    /// The item's base object (the framework adds PSPath and the other notes).
    func item(_ path: String, _ engine: Engine) throws(ProviderError) -> ProviderItem?
    /// The names of a container's children, sorted as the provider lists them.
    func childNames(_ path: String, _ engine: Engine) throws(ProviderError) -> [String]
    func newItem(_ path: String, type: String?, value: PSValue?, force: Bool, _ engine: Engine) throws(ProviderError) -> ProviderItem
    func removeItem(_ path: String, recurse: Bool, _ engine: Engine) throws(ProviderError)
    func renameItem(_ path: String, newName: String, _ engine: Engine) throws(ProviderError) -> String
    func copyItem(_ path: String, to destination: String, recurse: Bool, force: Bool, _ engine: Engine) throws(ProviderError)
    func setItem(_ path: String, value: PSValue, _ engine: Engine) throws(ProviderError)
    func clearItem(_ path: String, _ engine: Engine) throws(ProviderError)
    /// The content of a leaf as lines (Get-Content); nil when the provider has no content.
    func readContent(_ path: String, _ engine: Engine) throws(ProviderError) -> [UInt8]
    func writeContent(_ path: String, _ bytes: [UInt8], append: Bool, _ engine: Engine) throws(ProviderError)
    /// The provider's properties of an item (Get-ItemProperty), in display order.
    func properties(_ path: String, _ engine: Engine) throws(ProviderError) -> [(String, PSValue)]
    func setProperty(_ path: String, name: String, value: PSValue, type: String?, create: Bool, force: Bool,
                     _ engine: Engine) throws(ProviderError)
    func removeProperty(_ path: String, name: String, _ engine: Engine) throws(ProviderError)
}

extension ItemProvider {
    package var moduleName: String { "Microsoft.PowerShell.Core" }
    package var capabilities: String { "ShouldProcess" }
    /// `Microsoft.PowerShell.Core\FileSystem`, as PSProvider and PSPath show it.
    package var qualifiedName: String { moduleName + "\\" + name }
    package func normalizeRoot(_ root: String, _ engine: Engine) -> String? { itemExists(root, engine) ? root : nil }
    package func splitRoot(_ path: String) -> (root: String, rest: String) { ("", path) }
    package func isContainer(_ path: String, _ engine: Engine) -> Bool { splitRoot(path).rest.isEmpty }
    package func newItem(_ path: String, type: String?, value: PSValue?, force: Bool, _ engine: Engine) throws(ProviderError) -> ProviderItem {
        throw .notSupported
    }
    package func removeItem(_ path: String, recurse: Bool, _ engine: Engine) throws(ProviderError) { throw .notSupported }
    package func renameItem(_ path: String, newName: String, _ engine: Engine) throws(ProviderError) -> String { throw .notSupported }
    package func copyItem(_ path: String, to destination: String, recurse: Bool, force: Bool, _ engine: Engine) throws(ProviderError) {
        throw .notSupported
    }
    package func setItem(_ path: String, value: PSValue, _ engine: Engine) throws(ProviderError) { throw .notSupported }
    package func clearItem(_ path: String, _ engine: Engine) throws(ProviderError) { throw .notSupported }
    package func readContent(_ path: String, _ engine: Engine) throws(ProviderError) -> [UInt8] { throw .notSupported }
    package func writeContent(_ path: String, _ bytes: [UInt8], append: Bool, _ engine: Engine) throws(ProviderError) {
        throw .notSupported
    }
    package func properties(_ path: String, _ engine: Engine) throws(ProviderError) -> [(String, PSValue)] { throw .notSupported }
    package func setProperty(_ path: String, name: String, value: PSValue, type: String?, create: Bool, force: Bool,
                             _ engine: Engine) throws(ProviderError) { throw .notSupported }
    package func removeProperty(_ path: String, name: String, _ engine: Engine) throws(ProviderError) { throw .notSupported }

    /// Joins a provider path and a child name with the provider's separator (`/` under a host path).
    package func join(_ parent: String, _ child: String) -> String {
        if parent.isEmpty { return child }
        if child.isEmpty { return parent }
        let separator: Character = parent.hasPrefix("/") ? "/" : "\\"
        return parent.last == "\\" || parent.last == "/" ? parent + child : parent + String(separator) + child
    }
}

/// A provider operation's failure, raised by the cmdlet as an error record.
package struct ProviderError: Error {
    package var message: String
    package var errorId: String
    package var category: ErrorCategory
    package var exceptionType: String
    package var target: String

    package init(message: String, errorId: String, category: ErrorCategory, exceptionType: String, target: String = "") {
        self.message = message
        self.errorId = errorId
        self.category = category
        self.exceptionType = exceptionType
        self.target = target
    }

    package static let notSupported = ProviderError(message: ProviderMessages.operationNotSupported,
        errorId: "NotSupported", category: .NotImplemented,
        exceptionType: "System.Management.Automation.PSNotSupportedException")

    package static func pathNotFound(_ path: String) -> ProviderError {
        ProviderError(message: Messages.fill(ProviderMessages.pathNotFound, [path]), errorId: "PathNotFound",
                      category: .ObjectNotFound, exceptionType: "System.Management.Automation.ItemNotFoundException",
                      target: path)
    }

    package static func io(_ message: String, _ errorId: String, _ path: String,
                           category: ErrorCategory = .WriteError) -> ProviderError {
        ProviderError(message: message, errorId: errorId, category: category, exceptionType: "System.IO.IOException",
                      target: path)
    }
}

/// A drive (System.Management.Automation.PSDriveInfo).
package final class PSDriveInfo {
    package let name: String
    package unowned let provider: any ItemProvider
    /// The provider path the drive starts at.
    package let root: String
    package let description: String
    /// Where Get-PSDrive shows it as `Root` when that differs from the provider path.
    package let displayRoot: String?

    package init(name: String, provider: any ItemProvider, root: String, description: String = "", displayRoot: String? = nil) {
        self.name = name
        self.provider = provider
        self.root = root
        self.description = description
        self.displayRoot = displayRoot
    }
}

/// An item a provider returns: its base object (a FileInfo, a RegistryKey, a DictionaryEntry)
/// and whether it is a container.
package struct ProviderItem {
    package var object: PSValue
    package var isContainer: Bool
    package init(object: PSValue, isContainer: Bool) {
        self.object = object
        self.isContainer = isContainer
    }
}
