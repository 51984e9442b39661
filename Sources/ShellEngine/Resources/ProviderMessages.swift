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
}
