/// Windows PowerShell 5.1's texts for the emulated host's services (ServiceResources) and the
/// .NET ServiceController exceptions they wrap.
package enum ServiceMessages {
    package static let noServiceFoundForGivenName = "Cannot find any service with service name '{0}'."
    package static let noServiceFoundForGivenDisplayName = "Cannot find any service with display name '{1}'."
    package static let serviceHasDependentServices = "Cannot stop service '{1} ({0})' because it has dependent services. It can only be stopped if the Force flag is set."
    package static let serviceHasDependentServicesNoForce = "Cannot stop service '{1} ({0})' because it has dependent services."
    package static let couldNotStopService = "Service '{1} ({0})' cannot be stopped due to the following error: {2}"
    package static let couldNotStartService = "Service '{1} ({0})' cannot be started due to the following error: {2}"
    package static let serviceNameForConfirmation = "{0} ({1})"
    // System.ServiceProcess resources (SR.CannotStopService / SR.CannotStartService)
    package static let cannotStop = "Cannot stop {0} service on computer '{1}'."
    package static let cannotStart = "Cannot start service {0} on computer '{1}'."
}
