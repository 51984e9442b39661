/// Windows PowerShell 5.1's provider texts (SessionStateStrings, ProviderBaseSecurity) and the
/// .NET exception texts the item cmdlets and redirections show.
package enum ProviderMessages {
    // System.IO.DirectoryNotFoundException (mscorlib IO.PathNotFound_Path)
    package static let partOfPathNotFound = "Could not find a part of the path '{0}'."
    // Registry provider (SessionStateStrings, ProviderBaseSecurity)
    package static let pathNotFound = "Cannot find path '{0}' because it does not exist."
    package static let propertyNotFound = "Property {0} does not exist at path {1}."
    package static let driveNotFound = "Cannot find drive. A drive with the name '{0}' does not exist."
    package static let registryAccessDenied = "Requested registry access is not allowed."
    package static let propertyAlreadyExists = "The property already exists."
    package static let registryKeyAlreadyExists = "A key in this path already exists."
    package static let registryKeyDoesNotExist = "The registry key at the specified path does not exist."
    // SessionStateStrings, FileSystemProviderStrings, NavigationResources (items and locations)
    package static let operationNotSupported = "Provider operation stopped because the provider does not support this operation."
    package static let providerNotFound = "Cannot find a provider with the name '{0}'."
    package static let driveAlreadyExists = "A drive with the name '{0}' already exists."
    package static let directoryExists = "An item with the specified name {0} already exists."
    package static let newItemAlreadyExists = "The item at path '{0}' already exists."
    package static let fileExists = "The file '{0}' already exists."
    package static let unknownItemType = "The type is not a known type for the file system. Only \"file\",\"directory\" or \"symboliclink\" can be specified."
    package static let copyToItself = "Cannot overwrite the item {0} with itself."
    package static let targetCannotBeSubdirectoryOfSource =
        "Destination path cannot be a subdirectory of the source or the source itself: {0}."
    package static let cannotCreateExistingFile = "Cannot create a file when that file already exists."
    package static let accessDenied = "Access to the path '{0}' is denied."
    /// Win32 ERROR_DISK_FULL and ERROR_PIPE_NOT_CONNECTED as IOException messages.
    package static let diskFull = "There is not enough space on the disk."
    package static let ioError = "The pipe is being closed."
    package static let removeItemWithChildren = "The item at {0} has children and the Recurse parameter was not specified. If you continue, all children will be removed with the item. Are you sure you want to continue?"
    package static let locationStackEmpty = "Cannot find location stack '{0}'. It does not exist or it is not a container."
    package static let invokeItemNoProgram = "No application is associated with the specified file for this operation."
    package static let driveRootNotFound = "The specified drive root \"{0}\" either does not exist, or it is not a folder."
}
