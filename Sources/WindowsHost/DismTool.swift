import EmulatedHost
import SMBPolicy
import ShellEngine

/// `dism.exe /Online` over the optional features Get-WindowsOptionalFeature shows:
/// /Get-Features, /Get-FeatureInfo, /Enable-Feature [/All], /Disable-Feature, with /NoRestart.
/// A change that needs a restart exits 3010 (ERROR_SUCCESS_REBOOT_REQUIRED).
enum DismTool: NativeTool {
    static let logLine = "The DISM log file can be found at C:\\Windows\\Logs\\DISM\\dism.log"

    static func header(_ engine: Engine) -> [String] {
        let build = engine.identity.windowsBuild
        return ["", "Deployment Image Servicing and Management tool", "Version: 10.0.\(build.number).1", "",
                "Image Version: 10.0.\(build.number).\(build.revision)", ""]
    }

    static func option(_ arguments: [String], _ name: String) -> String? {
        arguments.first { $0.lowercased().hasPrefix("/" + name + ":") }.map { String($0.dropFirst(name.count + 2)).trimmingQuotes }
    }

    static func failure(_ context: CommandContext, _ code: String, _ lines: [String], exit: Int32) throws -> Int32 {
        try context.writeLines(header(context.engine) + ["Error: " + code, ""] + lines + ["", logLine])
        return exit
    }

    static func run(_ arguments: [String], _ context: CommandContext) throws -> Int32 {
        let engine = context.engine
        let lowered = arguments.map { $0.lowercased() }
        guard lowered.contains("/online") else {
            return try failure(context, "87", ["The command is missing the image location: use /Online for the running operating system."], exit: 87)
        }
        let snapshot = engine.policySnapshot()
        func state(_ feature: FeatureDefinition) -> String { snapshot.featureEnabled(feature.name) ? "Enabled" : "Disabled" }
        if lowered.contains("/get-features") {
            var lines = header(engine) + ["Features listing for package : Microsoft-Windows-Foundation-Package~31bf3856ad364e35~amd64~~10.0.\(engine.identity.windowsBuild.number).1", ""]
            if option(arguments, "format")?.lowercased() == "table" {
                let rule = String(repeating: "-", count: 43) + " | " + String(repeating: "-", count: 8)
                lines += [rule, NetShareTool.pad("Feature Name", 43) + " | State", rule]
                lines += HostCatalog.optionalFeatures.map { NetShareTool.pad($0.name, 43) + " | " + state($0) }
            } else {
                for feature in HostCatalog.optionalFeatures { lines += ["Feature Name : " + feature.name, "State : " + state(feature), ""] }
            }
            try context.writeLines(lines + ["The operation completed successfully."])
            return 0
        }
        let verb = ["/get-featureinfo", "/enable-feature", "/disable-feature"].first { lowered.contains($0) }
        guard let verb else {
            return try failure(context, "87", ["The option is unknown.", "For more information, refer to the help by running DISM.exe /?."], exit: 87)
        }
        guard let name = option(arguments, "featurename") else {
            return try failure(context, "87", ["The featurename option must be specified.", "For more information, refer to the help by running DISM.exe /?."], exit: 87)
        }
        guard let feature = HostCatalog.feature(named: name, server: false) else {
            return try failure(context, "0x800f080c", ["Feature name \(name) is unknown.", "A Windows feature name was not recognized.",
                                                        "Use the /Get-Features option to find the name of the feature in the image and try the command again."],
                               exit: Int32(bitPattern: 0x800f_080c))
        }
        if verb == "/get-featureinfo" {
            try context.writeLines(header(engine) + ["Feature Information:", "", "Feature Name : " + feature.name,
                                                     "Display Name : " + feature.displayName, "Description : " + feature.description,
                                                     "Restart Required : " + (feature.restartNeeded ? "Possible" : "No"),
                                                     "State : " + state(feature), "", "Custom Properties:", "", "(No custom properties found)", "",
                                                     "The operation completed successfully."])
            return 0
        }
        let enable = verb == "/enable-feature"
        let parent = HostCatalog.optionalFeatures.first { $0.children.contains(feature.name) }
        if enable, let parent, !snapshot.featureEnabled(parent.name), !lowered.contains("/all") {
            return try failure(context, "50", ["One or several parent features are disabled so current feature can not be enabled."], exit: 50)
        }
        let changed = snapshot.featureEnabled(feature.name) != enable
        if enable, let parent, !snapshot.featureEnabled(parent.name) {
            try FeatureCmdlets.set(context, [parent.name], enabled: true, includeChildren: false)
        }
        try FeatureCmdlets.set(context, [feature.name], enabled: enable, includeChildren: parent == nil)
        var lines = header(engine) + [enable ? "Enabling feature(s)" : "Disabling feature(s)",
                                      "[==========================100.0%==========================]",
                                      "The operation completed successfully."]
        let restart = changed && feature.restartNeeded
        if restart { lines.append("Restart Windows to complete this operation.") }
        try context.writeLines(lines)
        if restart && !lowered.contains("/norestart") {
            // Yes would restart the computer at once; either way the change is made.
            _ = context.askYesNo("Do you want to restart the computer now? (Y/N)")
        }
        return restart ? 3010 : 0
    }
}
