import EmulatedHost
import ShellEngine
import SMBPolicy

/// The registry provider's errors, as Windows PowerShell 5.1 raises them (RegistryProviderStrings).
enum RegistryErrors {
    static func propertyNotFound(_ name: String, _ key: RegistryPath) -> ProviderError {
        ProviderError(message: Messages.fill(ProviderMessages.propertyNotFound, [name, key.keyName]),
                      errorId: "System.Management.Automation.PSArgumentException", category: .InvalidArgument,
                      exceptionType: "System.Management.Automation.PSArgumentException", target: name)
    }

    static func accessDenied(_ path: String) -> ProviderError {
        ProviderError(message: ProviderMessages.registryAccessDenied, errorId: "System.Security.SecurityException",
                      category: .PermissionDenied, exceptionType: "System.Security.SecurityException", target: path)
    }

    static func keyAlreadyExists(_ path: String) -> ProviderError {
        ProviderError(message: ProviderMessages.registryKeyAlreadyExists, errorId: "System.IO.IOException",
                      category: .ResourceExists, exceptionType: "System.IO.IOException", target: path)
    }

    static func keyDoesNotExist(_ path: String) -> ProviderError {
        ProviderError(message: ProviderMessages.registryKeyDoesNotExist, errorId: "System.ArgumentException",
                      category: .InvalidArgument, exceptionType: "System.ArgumentException", target: path)
    }
}

extension Engine {
    /// The emulated host's registry as it is now.
    var registryView: RegistryView { RegistryView(snapshot: policySnapshot()) }
}
