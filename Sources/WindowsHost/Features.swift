import EmulatedHost
import SMBPolicy
import ShellEngine

/// The Dism module's optional-feature cmdlets (`-Online` only: the running emulated host) and the
/// ServerManager module's feature cmdlets of server releases. Both views read one feature state;
/// turning the SMB1 server off or on is what EnableSMB1Protocol and the `SMB1` registry value show.
enum FeatureCmdlets {
    static let dism = "Dism"
    static let serverManager = "ServerManager"

    static func dismDefinitions() -> [CmdletDefinition] {
        let online = ParameterMetadata("Online", .switchParameter, mandatory: true, help: "Acts on the running operating system.")
        let name = ParameterMetadata("FeatureName", .array(.string), valueFromPipelineByPropertyName: true,
                                     help: "Feature names (wildcards allowed by Get-).")
        let noRestart = ParameterMetadata("NoRestart", .switchParameter, help: "Does not ask to restart the computer.")
        func define(_ verb: String, _ parameters: [ParameterMetadata], _ synopsis: String, _ make: @escaping () -> Cmdlet) -> CmdletDefinition {
            CmdletDefinition(metadata: CommandMetadata(name: verb + "-WindowsOptionalFeature", module: dism,
                implementation: .compiled(className: "Microsoft.Dism.Commands.\(verb)WindowsOptionalFeatureCommand"),
                parameters: parameters, supportsShouldProcess: verb != "Get", synopsis: synopsis),
                completeArgument: { _, parameter, _ in
                    parameter.caseInsensitiveEquals("FeatureName") ? HostCatalog.optionalFeatures.map(\.name) : nil
                }, make: make)
        }
        var mandatoryName = name
        mandatoryName.mandatory = true
        return [
            define("Get", [name, online, ParameterMetadata("PackageName", .string), ParameterMetadata("LogPath", .string)],
                   "Gets information about optional features in a Windows image.") { OptionalFeatureCmdlet(nil) },
            define("Enable", [mandatoryName, online, ParameterMetadata("All", .switchParameter), noRestart,
                              ParameterMetadata("LimitAccess", .switchParameter), ParameterMetadata("Source", .array(.string)),
                              ParameterMetadata("LogPath", .string)],
                   "Enables a feature in a Windows image.") { OptionalFeatureCmdlet(true) },
            define("Disable", [mandatoryName, online, noRestart, ParameterMetadata("Remove", .switchParameter),
                               ParameterMetadata("LogPath", .string)],
                   "Disables a feature in a Windows image.") { OptionalFeatureCmdlet(false) },
        ]
    }

    static func serverManagerDefinitions() -> [CmdletDefinition] {
        let names = ParameterMetadata("Name", .array(.string), position: 0, valueFromPipelineByPropertyName: true,
                                      help: "Feature names.")
        var mandatory = names
        mandatory.mandatory = true
        func define(_ verb: String, _ parameters: [ParameterMetadata], _ synopsis: String, _ make: @escaping () -> Cmdlet) -> CmdletDefinition {
            CmdletDefinition(metadata: CommandMetadata(name: verb + "-WindowsFeature", module: serverManager,
                implementation: .compiled(className: "Microsoft.Windows.ServerManager.Commands.\(verb)WindowsFeatureCommand"),
                parameters: parameters, supportsShouldProcess: verb != "Get", synopsis: synopsis), make: make)
        }
        return [
            define("Get", [names, ParameterMetadata("ComputerName", .string, aliases: ["Cn"])],
                   "Gets information about Windows Server roles, role services, and features.") { ServerFeatureCmdlet(nil) },
            define("Install", [mandatory, ParameterMetadata("IncludeAllSubFeature", .switchParameter),
                               ParameterMetadata("IncludeManagementTools", .switchParameter),
                               ParameterMetadata("Restart", .switchParameter), ParameterMetadata("Source", .string)],
                   "Installs one or more roles, role services, or features.") { ServerFeatureCmdlet(true) },
            define("Uninstall", [mandatory, ParameterMetadata("IncludeManagementTools", .switchParameter),
                                 ParameterMetadata("Remove", .switchParameter), ParameterMetadata("Restart", .switchParameter)],
                   "Uninstalls specified roles, role services, and features.") { ServerFeatureCmdlet(false) },
        ]
    }

    /// Saves feature states; a store failure becomes a terminating error of the cmdlet.
    static func set(_ context: CommandContext, _ names: [String], enabled: Bool, includeChildren: Bool = true) throws {
        do {
            try context.engine.emulatedHost.commit { store throws(PolicyStoreError) in
                try store.setFeatures(names, enabled: enabled, includeChildren: includeChildren)
            }
        } catch {
            try context.throwTerminatingError(context.errorRecord(message: error.message, errorId: "PolicyStoreError",
                                                               category: .WriteError, exceptionType: "System.IO.IOException"))
        }
    }
}

/// Get-/Enable-/Disable-WindowsOptionalFeature -Online.
final class OptionalFeatureCmdlet: Cmdlet {
    /// nil: Get; true: Enable; false: Disable.
    let enable: Bool?
    init(_ enable: Bool?) { self.enable = enable }

    func process(_ context: CommandContext, input: PSValue?) throws {
        let snapshot = context.engine.policySnapshot()
        let texts = context.value("FeatureName").map { ($0.enumerated ?? [$0]).map(LanguagePrimitives.toString) }
        guard let enable else {
            guard let texts else {
                for feature in HostCatalog.optionalFeatures {
                    let o = PSCustomObject(typeNames: ["Microsoft.Dism.Commands.BasicFeatureObject", "System.Object"])
                    o.add("FeatureName", .string(feature.name))
                    o.add("State", .string(snapshot.featureEnabled(feature.name) ? "Enabled" : "Disabled"))
                    try context.writeObject(.object(o))
                }
                return
            }
            for text in texts {
                let pattern = WildcardPattern(text)
                let matches = HostCatalog.optionalFeatures.filter { pattern.matches($0.name) }
                if matches.isEmpty && !WildcardPattern.hasWildcards(text) { try unknown(context, text); continue }
                for feature in matches { try context.writeObject(.object(Self.advanced(feature, snapshot))) }
            }
            return
        }
        var changed: [FeatureDefinition] = []
        for text in texts ?? [] {
            guard let feature = HostCatalog.feature(named: text, server: false) else { try unknown(context, text); continue }
            let parent = HostCatalog.optionalFeatures.first { $0.children.contains(feature.name) }
            if enable, let parent, !snapshot.featureEnabled(parent.name), !context.switchValue("All") {
                try context.writeError(context.errorRecord(
                    message: "One or several parent features are disabled so current feature can not be enabled.",
                    errorId: "Microsoft.Dism.Commands.EnableWindowsOptionalFeatureCommand", category: .NotSpecified,
                    exceptionType: "System.Runtime.InteropServices.COMException"))
                continue
            }
            guard try context.shouldProcess(target: feature.name) else { continue }
            if enable, let parent, !snapshot.featureEnabled(parent.name) {
                try FeatureCmdlets.set(context, [parent.name], enabled: true, includeChildren: false)
            }
            try FeatureCmdlets.set(context, [feature.name], enabled: enable, includeChildren: parent == nil)
            changed.append(feature)
        }
        guard !changed.isEmpty else { return }
        let restartNeeded = changed.contains { $0.restartNeeded }
        if restartNeeded && !context.switchValue("NoRestart") && Self.askToRestart(context) {
            // The computer restarts at once: the command returns nothing.
            return
        }
        try context.writeObject(.object(ImageObject(restartNeeded: restartNeeded)))
    }

    /// Dism's question after a change that needs a restart (ShouldContinue, Yes by default); a
    /// host that cannot ask answers No.
    static func askToRestart(_ context: CommandContext) -> Bool {
        let host = context.engine.host
        guard host.isInteractive else { return false }
        host.write("Do you want to restart the computer to complete this operation now?\n", stream: .host)
        while true {
            host.write("[Y] Yes  [N] No  [?] Help (default is \"Y\"): ", stream: .host)
            guard case .line(let text) = host.readLine() else { return false }
            switch text.trimmedWhitespace.lowercased() {
            case "", "y", "yes": return true
            case "n", "no": return false
            case "?": host.write("Y - Yes\nN - No\n", stream: .host)
            default: continue
            }
        }
    }

    static func advanced(_ feature: FeatureDefinition, _ snapshot: PolicySnapshot) -> PSCustomObject {
        let o = PSCustomObject(typeNames: ["Microsoft.Dism.Commands.AdvancedFeatureObject",
                                           "Microsoft.Dism.Commands.BasicFeatureObject", "System.Object"])
        o.add("FeatureName", .string(feature.name))
        o.add("DisplayName", .string(feature.displayName))
        o.add("Description", .string(feature.description))
        o.add("RestartRequired", .string(feature.restartNeeded ? "Possible" : "No"))
        o.add("State", .string(snapshot.featureEnabled(feature.name) ? "Enabled" : "Disabled"))
        return o
    }

    private func unknown(_ context: CommandContext, _ name: String) throws {
        let verb = enable == nil ? "Get" : enable! ? "Enable" : "Disable"
        try context.writeError(context.errorRecord(message: "Feature name \(name) is unknown.",
            errorId: "Microsoft.Dism.Commands.\(verb)WindowsOptionalFeatureCommand", category: .NotSpecified,
            exceptionType: "System.Runtime.InteropServices.COMException"))
    }
}

/// `Microsoft.Dism.Commands.ImageObject`, what Enable-/Disable-WindowsOptionalFeature return; the
/// Dism module's list view shows Path, Online and RestartNeeded.
final class ImageObject: PSObject, PSListView, PSDefaultDisplayPropertySet {
    let restartNeeded: Bool

    init(restartNeeded: Bool) {
        self.restartNeeded = restartNeeded
        super.init(typeNames: ["Microsoft.Dism.Commands.ImageObject", "Microsoft.Dism.Commands.BaseDismObject", "System.Object"])
    }

    override var properties: [PSPropertyInfo] {
        [
            PSPropertyInfo(name: "Path", value: .null, isSettable: false),
            PSPropertyInfo(name: "Online", value: .bool(true), isSettable: false),
            PSPropertyInfo(name: "WinPath", value: .null, isSettable: false),
            PSPropertyInfo(name: "SysDrivePath", value: .null, isSettable: false),
            PSPropertyInfo(name: "RestartNeeded", value: .bool(restartNeeded), isSettable: false),
            PSPropertyInfo(name: "LogPath", value: .string(#"C:\Windows\Logs\DISM\dism.log"#), isSettable: false),
            PSPropertyInfo(name: "ScratchDirectory", value: .null, isSettable: false),
            PSPropertyInfo(name: "LogLevel", value: .string("WarningsInfo"), isSettable: false),
        ]
    }

    var defaultDisplayPropertySet: [String] { ["Path", "Online", "RestartNeeded"] }
}
