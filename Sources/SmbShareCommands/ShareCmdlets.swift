import EmulatedHost
import SMBPolicy
import ShellEngine

/// Get-, New-, Set- and Remove-SmbShare over the emulated host's persisted shares (MSFT_SmbShare).
enum ShareCmdlets {
    static let className = "MSFT_SmbShare"
    static let outputType = CimInstanceObject.instanceTypeName + "#ROOT/Microsoft/Windows/SMB/MSFT_SmbShare"

    static let names = ["Get-SmbShare", "New-SmbShare", "Set-SmbShare", "Remove-SmbShare"]

    static func nameParameter(mandatory: Bool, help: String) -> [ParameterMetadata] {
        [ParameterMetadata("Name", .array(.string), position: 0, mandatory: mandatory,
                           valueFromPipelineByPropertyName: true, help: help),
         ParameterMetadata("ScopeName", .array(.string), position: 1, valueFromPipelineByPropertyName: true,
                           help: "Specifies the scope of the share by name (`*` for shares of the computer itself).")]
    }

    static let force = ParameterMetadata("Force", .switchParameter, help: "Forces the command to run without asking for user confirmation.")
    static let passThru = ParameterMetadata("PassThru", .switchParameter,
                                            help: "Returns an object representing the item with which you are working. By default, this cmdlet does not generate any output.")

    /// The settings New- and Set-SmbShare take.
    static let settingParameters: [ParameterMetadata] = [
        ParameterMetadata("Description", .string, help: "Specifies a description of the share (at most 256 characters)."),
        ParameterMetadata("ConcurrentUserLimit", .uint32, help: "Specifies the maximum number of concurrently connected users; 0 means unlimited."),
        ParameterMetadata("CATimeout", .uint32, help: "Specifies the continuous availability time-out for the share."),
        ParameterMetadata("ContinuouslyAvailable", .boolean, help: "Indicates that the share is continuously available."),
        ParameterMetadata("FolderEnumerationMode", CimQuery.folderEnumerationMode,
                          help: "Specifies which files and folders are visible to users: AccessBased or Unrestricted (the default)."),
        ParameterMetadata("CachingMode", CimQuery.cachingMode, help: "Specifies the caching mode of the offline files for the share."),
        ParameterMetadata("EncryptData", .boolean, help: "Indicates that the share is encrypted."),
        ParameterMetadata("CompressData", .boolean, help: "Indicates that SMB compression is requested for all client connections."),
    ]

    static func definitions() -> [CmdletDefinition] {
        let filters: [ParameterMetadata] = nameParameter(mandatory: false, help: "Specifies one or more SMB shares by share name.") + [
            ParameterMetadata("Scoped", .array(.boolean), valueFromPipelineByPropertyName: true, help: "Indicates that the shares to be enumerated should be scoped."),
            ParameterMetadata("Special", .array(.boolean), valueFromPipelineByPropertyName: true,
                              help: "Indicates that the shares to be enumerated should be special. Admin share, default shares, IPC$ share are examples of special shares."),
            ParameterMetadata("ContinuouslyAvailable", .array(.boolean), valueFromPipelineByPropertyName: true,
                              help: "Indicates that the shares being enumerated should be continuously available."),
            ParameterMetadata("FolderEnumerationMode", .array(CimQuery.folderEnumerationMode), valueFromPipelineByPropertyName: true,
                              help: "Specifies the folder enumeration mode of the shares being enumerated."),
            ParameterMetadata("CachingMode", .array(CimQuery.cachingMode), valueFromPipelineByPropertyName: true,
                              help: "Specifies the caching mode of the shares being enumerated."),
            ParameterMetadata("EncryptData", .array(.boolean), valueFromPipelineByPropertyName: true,
                              help: "Indicates that the shares being enumerated should be encrypted."),
            ParameterMetadata("IncludeHidden", .switchParameter, help: "Indicates that shares that are created and used internally are also enumerated."),
            ParameterMetadata("SmbInstance", CimQuery.smbInstance, valueFromPipelineByPropertyName: true, help: "Specifies the SMB instance."),
        ]
        let get = CommandMetadata(
            name: "Get-SmbShare", module: SmbShareModule.name, implementation: .function,
            parameters: filters + SmbShareCmdlets.cimParameters,
            synopsis: "Retrieves the SMB shares on the computer.",
            description: "Retrieves objects that represent the Server Message Block (SMB) shares being displayed by the computer.",
            examples: [HelpExample(code: "Get-SmbShare", remarks: "Retrieves the SMB shares on the computer."),
                       HelpExample(code: "Get-SmbShare -Name \"Data\" | Format-List", remarks: "Displays the share named Data as a list."),
                       HelpExample(code: "Get-SmbShare -Special $false", remarks: "Retrieves the shares that are not administrative shares.")],
            outputType: outputType)
        let new = CommandMetadata(
            name: "New-SmbShare", module: SmbShareModule.name, implementation: .function,
            parameters: [ParameterMetadata("Temporary", .switchParameter, help: "Specifies that the share does not persist beyond the next restart of the computer.")]
                + settingParameters + [
                ParameterMetadata("FullAccess", .array(.string), help: "Specifies which accounts are granted full permission to access the share."),
                ParameterMetadata("ChangeAccess", .array(.string), help: "Specifies which users are granted modify permission to access the share."),
                ParameterMetadata("ReadAccess", .array(.string), help: "Specifies which users are granted read permission to access the share."),
                ParameterMetadata("NoAccess", .array(.string), help: "Specifies which accounts are denied access to the share."),
                ParameterMetadata("Path", .string, position: 1, mandatory: true, valueFromPipelineByPropertyName: true,
                                  help: "Specifies the path of the location of the folder to share. The path must be fully qualified."),
                ParameterMetadata("Name", .string, position: 0, mandatory: true, valueFromPipelineByPropertyName: true,
                                  help: "Specifies a name for the SMB share (less than 80 characters; `pipe` and `mailslot` are reserved)."),
                ParameterMetadata("ScopeName", .string, position: 2, valueFromPipelineByPropertyName: true, help: "Specifies the scope name of the share."),
            ] + SmbShareCmdlets.cimParameters,
            supportsShouldProcess: true, confirmImpact: .medium,
            synopsis: "Creates an SMB share.",
            description: "Exposes a file system folder to remote clients as a Server Message Block (SMB) share. Without access parameters, Everyone is granted read access. To delete the share, use Remove-SmbShare.",
            examples: [HelpExample(code: "New-SmbShare -Name \"Data\" -Path \"C:\\Data\" -FullAccess \"Administrators\"",
                                   remarks: "Creates the share Data and grants Administrators full access."),
                       HelpExample(code: "New-SmbShare -Name \"Secure\" -Path \"C:\\Secure\" -EncryptData $true", remarks: "Creates an encrypted share.")],
            outputType: outputType)
        let set = CommandMetadata(
            name: "Set-SmbShare", module: SmbShareModule.name, implementation: .function,
            parameters: nameParameter(mandatory: true, help: "Specifies the name of the SMB share to modify.") + settingParameters
                + [force, passThru] + SmbShareCmdlets.cimParameters,
            supportsShouldProcess: true, confirmImpact: .high,
            synopsis: "Modifies the properties of the SMB share.",
            description: "Modifies the properties of a Server Message Block (SMB) share. Prompts for confirmation unless -Force or -Confirm:$false is given.",
            examples: [HelpExample(code: "Set-SmbShare -Name \"Data\" -FolderEnumerationMode AccessBased -Force",
                                   remarks: "Turns on access-based enumeration without a prompt."),
                       HelpExample(code: "Set-SmbShare -Name \"Data\" -EncryptData $true -Confirm:$false", remarks: "Requires encryption on the share.")])
        let remove = CommandMetadata(
            name: "Remove-SmbShare", module: SmbShareModule.name, implementation: .function,
            parameters: nameParameter(mandatory: true, help: "Specifies an array of names of SMB shares.")
                + [force, passThru] + SmbShareCmdlets.cimParameters,
            supportsShouldProcess: true, confirmImpact: .high,
            synopsis: "Deletes the specified SMB shares.",
            description: "Deletes one or more Server Message Block (SMB) shares. Removing a share disconnects all existing connections to it.",
            examples: [HelpExample(code: "Remove-SmbShare -Name \"Data\"", remarks: "Deletes the share Data after a confirmation prompt."),
                       HelpExample(code: "Remove-SmbShare -Name \"Data\" -Force", remarks: "Deletes the share Data without a prompt.")],
            outputType: outputType)
        let names: (Engine, String, String) -> [String]? = { engine, parameter, _ in
            parameter.caseInsensitiveEquals("Name") ? engine.currentShares().shares.map(\.name) : nil
        }
        let properties: (Engine) -> [String] = { _ in SmbCim.share(ShareRecord.defaults[0]).properties.map(\.name) }
        return [CmdletDefinition(metadata: get, outputProperties: properties, completeArgument: names) { GetSmbShare() },
                CmdletDefinition(metadata: new, outputProperties: properties) { NewSmbShare() },
                CmdletDefinition(metadata: set, completeArgument: names) { SetSmbShare() },
                CmdletDefinition(metadata: remove, outputProperties: properties, completeArgument: names) { RemoveSmbShare() }]
    }

    /// The shares `-Name`/`-ScopeName` select, after the not-found errors for names matching none.
    static func select(_ context: CommandContext, _ shares: [ShareRecord]) throws -> [ShareRecord] {
        let names = CimQuery.strings(context, "Name"), scopes = CimQuery.strings(context, "ScopeName")
        let selected = shares.filter { CimQuery.matches($0.name, names) && CimQuery.matches($0.scopeName, scopes) }
        try CimQuery.writeNotFound(context, className: className, property: "Name", values: names) { name in
            selected.contains { WildcardPattern(name).matches($0.name) }
        }
        return selected.sorted { $0.name.uppercased() < $1.name.uppercased() }
    }

    /// `Performing operation 'Remove-Share' on Target '*,Data'.`
    static func operation(_ verb: String, _ share: ShareRecord) -> String {
        "Performing operation '\(verb)' on Target '\(share.scopeName),\(share.name)'."
    }

    /// Applies -Description … -CompressData to a share.
    static func applySettings(_ context: CommandContext, to share: inout ShareRecord) {
        if let v = context.string("Description") { share.description = v }
        if let v = context.value("ConcurrentUserLimit"), case .uint32(let n) = v { share.concurrentUserLimit = n }
        if let v = context.value("CATimeout"), case .uint32(let n) = v { share.caTimeout = n }
        if context.has("ContinuouslyAvailable") { share.continuouslyAvailable = context.switchValue("ContinuouslyAvailable") }
        if let v = context.string("FolderEnumerationMode") { share.folderEnumerationMode = v }
        if let v = context.string("CachingMode") { share.cachingMode = v }
        if context.has("EncryptData") { share.encryptData = context.switchValue("EncryptData") }
        if context.has("CompressData") { share.compressData = context.switchValue("CompressData") }
    }
}

final class GetSmbShare: Cmdlet {
    func process(_ context: CommandContext, input: PSValue?) throws {
        try checkCimParameters(context)
        func flags(_ name: String) -> [Bool]? {
            guard let value = context.value(name) else { return nil }
            return (value.enumerated ?? [value]).map(LanguagePrimitives.isTrue)
        }
        let special = flags("Special"), scoped = flags("Scoped"), encrypt = flags("EncryptData"),
            available = flags("ContinuouslyAvailable")
        let folder = CimQuery.strings(context, "FolderEnumerationMode"), caching = CimQuery.strings(context, "CachingMode")
        let shares = try ShareCmdlets.select(context, context.engine.currentShares().shares).filter { share in
            (special?.contains(share.special) ?? true) && (scoped?.contains(share.scopeName != "*") ?? true)
                && (encrypt?.contains(share.encryptData) ?? true) && (available?.contains(share.continuouslyAvailable) ?? true)
                && CimQuery.matches(share.folderEnumerationMode, folder) && CimQuery.matches(share.cachingMode, caching)
        }
        for share in shares { try context.writeObject(.object(SmbCim.share(share))) }
    }
}

final class NewSmbShare: Cmdlet {
    func process(_ context: CommandContext, input: PSValue?) throws {
        try checkCimParameters(context)
        let engine = context.engine
        func fail(_ failure: ShareFailure) throws {
            let (code, message, category): (Int, String, ErrorCategory)
            switch failure {
            case .invalidName, .invalidPath: (code, message, category) = (123, "The filename, directory name, or volume label syntax is incorrect.", .InvalidArgument)
            case .pathNotFound: (code, message, category) = (2, "The system cannot find the file specified.", .ObjectNotFound)
            case .duplicate: (code, message, category) = (2118, "The name has already been shared.", .ResourceExists)
            case .notFound: (code, message, category) = (2310, "This shared resource does not exist.", .ObjectNotFound)
            case .store(let text): (code, message, category) = (29, text, .WriteError)
            }
            try context.writeError(CimQuery.win32Error(context, code: code, message: message, category: category,
                                                       className: ShareCmdlets.className))
        }
        let name = context.string("Name") ?? ""
        var share = ShareRecord(name: name, path: "")
        do {
            share.path = try engine.shareablePath(context.string("Path") ?? "")
        } catch {
            return try fail(error)
        }
        share.scopeName = context.string("ScopeName") ?? "*"
        share.temporary = context.switchValue("Temporary")
        ShareCmdlets.applySettings(context, to: &share)
        var access: [ShareAccessEntry] = []
        for (parameter, type, right) in [("NoAccess", ShareAccessEntry.ControlType.deny, ShareAccessEntry.Right.full),
                                         ("FullAccess", .allow, .full), ("ChangeAccess", .allow, .change), ("ReadAccess", .allow, .read)] {
            for account in CimQuery.strings(context, parameter) ?? [] {
                guard let resolved = try ShareAccess.resolve(context, account, className: ShareCmdlets.className) else { return }
                access.append(ShareAccessEntry(accountName: resolved, controlType: type, right: right))
            }
        }
        share.access = access.isEmpty ? [ShareAccessEntry(accountName: "Everyone", controlType: .allow, right: .read)] : access
        guard Engine.isValidShareName(name) else { return try fail(.invalidName) }
        if share.description.count > 256 {
            try context.writeError(CimQuery.win32Error(context, code: 87, message: "The parameter is incorrect.",
                                                       category: .InvalidArgument, className: ShareCmdlets.className))
            return
        }
        guard try context.shouldProcess(verboseDescription: ShareCmdlets.operation("New", share)) else { return }
        do {
            try engine.createShare(share)
        } catch {
            return try fail(error)
        }
        try context.writeObject(.object(SmbCim.share(share)))
    }
}

final class SetSmbShare: Cmdlet {
    func process(_ context: CommandContext, input: PSValue?) throws {
        try checkCimParameters(context)
        for share in try ShareCmdlets.select(context, context.engine.currentShares().shares) {
            guard try context.shouldProcess(verboseDescription: ShareCmdlets.operation("Modify", share),
                                            force: context.switchValue("Force")) else { continue }
            let changed = try CimQuery.update(context) { state -> ShareRecord? in
                guard let i = state.shares.firstIndex(where: { $0.name == share.name && $0.scopeName == share.scopeName }) else { return nil }
                ShareCmdlets.applySettings(context, to: &state.shares[i])
                return state.shares[i]
            }
            if let changed = changed ?? nil, context.switchValue("PassThru") {
                try context.writeObject(.object(SmbCim.share(changed)))
            }
        }
    }
}

final class RemoveSmbShare: Cmdlet {
    func process(_ context: CommandContext, input: PSValue?) throws {
        try checkCimParameters(context)
        for share in try ShareCmdlets.select(context, context.engine.currentShares().shares) {
            guard try context.shouldProcess(verboseDescription: ShareCmdlets.operation("Remove-Share", share),
                                            force: context.switchValue("Force")) else { continue }
            do {
                try context.engine.deleteShare(name: share.name, scopeName: share.scopeName)
            } catch {
                // Removed meanwhile by another shell: nothing left to do.
                if case .store(let message) = error {
                    try context.writeError(CimQuery.win32Error(context, code: 29, message: message, category: .WriteError,
                                                               className: ShareCmdlets.className))
                }
                continue
            }
            if context.switchValue("PassThru") { try context.writeObject(.object(SmbCim.share(share))) }
        }
    }
}
