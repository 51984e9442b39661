import EmulatedHost
import SMBPolicy
import ShellEngine

/// `Microsoft.Windows.ServerManager.Commands.Feature` in Get-WindowsFeature's tree table.
final class ServerFeatureObject: PSObject, TableViewProvider {
    let feature: FeatureDefinition
    let depth: Int
    let installed: Bool

    init(_ feature: FeatureDefinition, depth: Int, installed: Bool) {
        self.feature = feature
        self.depth = depth
        self.installed = installed
        super.init(typeNames: ["Microsoft.Windows.ServerManager.Commands.Feature", "System.Object"])
    }

    override var properties: [PSPropertyInfo] {
        [
            PSPropertyInfo(name: "Name", value: .string(feature.name), isSettable: false),
            PSPropertyInfo(name: "DisplayName", value: .string(feature.displayName), isSettable: false),
            PSPropertyInfo(name: "Description", value: .string(feature.description), isSettable: false),
            PSPropertyInfo(name: "Installed", value: .bool(installed), isSettable: false),
            PSPropertyInfo(name: "InstallState", value: .string(installed ? "Installed" : "Available"), isSettable: false),
            PSPropertyInfo(name: "FeatureType", value: .string(depth == 0 && feature.name.hasPrefix("File") ? "Role" : "Feature"),
                           isSettable: false),
            PSPropertyInfo(name: "Depth", value: .int32(Int32(depth + 1)), isSettable: false),
            PSPropertyInfo(name: "SubFeatures", value: .array(PSArray(feature.children.map { .string($0) },
                                                                       elementTypeName: "System.String")), isSettable: false),
        ]
    }

    var tableViewName: String { "ServerManager.Feature" }
    var tableHeader: TableHeaderInfo {
        TableHeaderInfo(labels: ["Display Name", "Name", "Install State"], widths: [55, 26, 13], alignments: [.left, .left, .right])
    }

    func tableRow(display: (PSValue) -> String) -> [String] {
        [String(repeating: "    ", count: depth) + (installed ? "[X] " : "[ ] ") + feature.displayName, feature.name,
         installed ? "Installed" : "Available"]
    }

    override func toString() -> String { feature.name }
}

/// `Microsoft.Windows.ServerManager.Commands.FeatureOperationResult`, what Install-/Uninstall-
/// WindowsFeature return.
final class FeatureOperationResult: PSObject, TableViewProvider {
    let changed: [FeatureDefinition]
    let restartNeeded: Bool

    init(changed: [FeatureDefinition]) {
        self.changed = changed
        restartNeeded = changed.contains { $0.restartNeeded }
        super.init(typeNames: ["Microsoft.Windows.ServerManager.Commands.FeatureOperationResult", "System.Object"])
    }

    var exitCode: String { changed.isEmpty ? "NoChangeNeeded" : restartNeeded ? "SuccessRestartRequired" : "Success" }

    override var properties: [PSPropertyInfo] {
        [
            PSPropertyInfo(name: "Success", value: .bool(true), isSettable: false),
            PSPropertyInfo(name: "RestartNeeded", value: .string(restartNeeded ? "Yes" : "No"), isSettable: false),
            PSPropertyInfo(name: "FeatureResult", value: .array(PSArray(changed.map { .string($0.displayName) },
                                                                         elementTypeName: "System.Object")), isSettable: false),
            PSPropertyInfo(name: "ExitCode", value: .string(exitCode), isSettable: false),
        ]
    }

    var tableViewName: String { "ServerManager.FeatureOperationResult" }
    var tableHeader: TableHeaderInfo {
        TableHeaderInfo(labels: ["Success", "Restart Needed", "Exit Code", "Feature Result"], widths: [7, 14, 14, 0],
                        alignments: [.left, .left, .left, .left])
    }

    func tableRow(display: (PSValue) -> String) -> [String] {
        ["True", restartNeeded ? "Yes" : "No", exitCode, "{" + changed.map(\.displayName).joined(separator: ", ") + "}"]
    }
}

/// Get-/Install-/Uninstall-WindowsFeature; client releases refuse them as ServerManager does there.
final class ServerFeatureCmdlet: Cmdlet {
    /// nil: Get; true: Install; false: Uninstall.
    let install: Bool?
    init(_ install: Bool?) { self.install = install }

    func process(_ context: CommandContext, input: PSValue?) throws {
        let engine = context.engine
        guard engine.osProfile.isServer else {
            try context.throwTerminatingError(context.errorRecord(
                message: "The target of the specified cmdlet cannot be a Windows client-based operating system.",
                errorId: "UnSupportedTargetDevice", category: .DeviceError, exceptionType: "System.Exception",
                target: .string("localhost")))
        }
        let texts = context.value("Name").map { ($0.enumerated ?? [$0]).map(LanguagePrimitives.toString) }
        let snapshot = engine.policySnapshot()
        func installed(_ feature: FeatureDefinition) -> Bool {
            snapshot.featureEnabled(HostCatalog.stateName(ofServerFeature: feature.name))
        }
        guard let install else {
            for (feature, depth) in HostCatalog.serverFeatures {
                if let texts, !texts.contains(where: { WildcardPattern($0).matches(feature.name) }) { continue }
                try context.writeObject(.object(ServerFeatureObject(feature, depth: depth, installed: installed(feature))))
            }
            return
        }
        var changed: [FeatureDefinition] = []
        for text in texts ?? [] {
            guard let feature = HostCatalog.feature(named: text, server: true) else {
                try context.throwTerminatingError(context.errorRecord(
                    message: "ArgumentNotValid: The role, role service, or feature name is not valid: '\(text)'. The name was not found.",
                    errorId: "NameDoesNotExist", category: .InvalidArgument, exceptionType: "System.Exception", target: .string(text)))
            }
            guard try context.shouldProcess(target: feature.name) else { continue }
            let family = [feature] + feature.children.compactMap { HostCatalog.feature(named: $0, server: true) }
            let affected = family.filter { installed($0) != install && (install == false || $0.name == feature.name
                || context.switchValue("IncludeAllSubFeature") || $0.name.hasPrefix("FS-SMB1")) }
            guard !affected.isEmpty else { continue }
            try FeatureCmdlets.set(context, affected.map(\.name), enabled: install, includeChildren: false)
            changed += affected
        }
        let result = FeatureOperationResult(changed: changed)
        try context.writeObject(.object(result))
        if result.restartNeeded {
            context.writeWarning("You must restart this server to finish the \(install ? "installation" : "removal") process.")
        }
    }
}
