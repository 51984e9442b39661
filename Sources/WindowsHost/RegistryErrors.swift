import ShellEngine
import EmulatedHost
import FoundationEssentials
import SMBPolicy
#if canImport(Glibc)
import Glibc
#endif

/// The registry provider's errors, as Windows PowerShell 5.1 raises them.
enum RegistryErrors {
    static func propertyNotFound(_ name: String, _ key: RegistryPath) -> ProviderError {
        ProviderError(message: Messages.fill(ProviderMessages.propertyNotFound, [name, key.keyName]),
                      errorId: "System.Management.Automation.PSArgumentException", category: .InvalidArgument,
                      exceptionType: "System.Management.Automation.PSArgumentException", target: name)
    }

    static func accessDenied(_ key: RegistryPath) -> ProviderError {
        ProviderError(message: ProviderMessages.registryAccessDenied, errorId: "System.Security.SecurityException",
                      category: .PermissionDenied, exceptionType: "System.Security.SecurityException", target: key.keyName)
    }
}

extension Engine {
    /// The registry as the current SMB policy makes it.
    var registryView: RegistryView { RegistryView(snapshot: policySnapshot()) }
}
