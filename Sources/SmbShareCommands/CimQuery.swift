import EmulatedHost
import SMBPolicy
import ShellEngine

/// What every CDXML cmdlet of the module shares: the enum parameter types, reading bound lists,
/// the query errors of PowerShell's cmdletization layer and the errors the SMB provider returns.
enum CimQuery {
    static let enumPrefix = "Microsoft.PowerShell.Cmdletization.GeneratedTypes.SmbShare."

    static func enumeration(_ name: String, _ values: [String]) -> ParameterType {
        .enumeration(typeName: enumPrefix + name, values: values)
    }

    static let folderEnumerationMode = enumeration("FolderEnumerationMode", ["AccessBased", "Unrestricted"])
    static let cachingMode = enumeration("CachingMode", ["None", "Manual", "Documents", "Programs", "BranchCache", "Unknown"])
    static let shareAccessRight = enumeration("ShareAccessRight", ["Full", "Change", "Read", "Custom"])
    static let smbInstance = enumeration("SmbInstance", ["Default", "CSV", "SBL", "SR"])

    /// A bound `String[]` (or single value) as strings; nil when the parameter was not given.
    static func strings(_ context: CommandContext, _ name: String) -> [String]? {
        guard let value = context.value(name) else { return nil }
        return (value.enumerated ?? [value]).map { LanguagePrimitives.toString($0) }
    }

    /// Whether `value` matches one of the patterns (wildcards allowed, case-insensitive); true when
    /// there are none.
    static func matches(_ value: String, _ patterns: [String]?) -> Bool {
        guard let patterns else { return true }
        return patterns.contains { WildcardPattern($0).matches(value) }
    }

    /// `No MSFT_SmbShare objects found with property 'Name' equal to 'x'.  Verify the value of the
    /// property and retry.` — written for each value without wildcards that matched nothing.
    static func writeNotFound(_ context: CommandContext, className: String, property: String,
                              values: [String]?, found: (String) -> Bool) throws {
        for value in values ?? [] where !WildcardPattern.hasWildcards(value) && !found(value) {
            try context.writeError(context.errorRecord(
                message: "No \(className) objects found with property '\(property)' equal to '\(value)'.  Verify the value of the property and retry.",
                errorId: "CmdletizationQuery_NotFound_" + property, category: .ObjectNotFound,
                exceptionType: "Microsoft.PowerShell.Cmdletization.Cim.CimJobException", target: .string(value)))
        }
    }

    /// An error the provider reports with a Win32 code (`Windows System Error 2118`), shown against
    /// the class (`(MSFT_SmbShare:ROOT/Microsoft/Windows/SMB/MSFT_SmbShare)`).
    static func win32Error(_ context: CommandContext, code: Int, message: String, category: ErrorCategory,
                           className: String) -> ErrorRecord {
        let record = context.errorRecord(message: message, errorId: "Windows System Error \(code)", category: category,
                                         exceptionType: "Microsoft.Management.Infrastructure.CimException",
                                         target: .string(className))
        record.categoryInfo.targetName = className
        record.categoryInfo.targetType = "ROOT/Microsoft/Windows/SMB/" + className
        return record
    }

    /// Saves a change to the shares, reporting a file error as the provider's failure.
    static func update<T>(_ context: CommandContext, _ change: (inout ShareState) throws -> T) throws -> T? {
        do {
            return try context.engine.shareStore.update(change)
        } catch let error as ShareStoreError {
            try context.writeError(context.errorRecord(message: error.message, errorId: "HRESULT 0x80041001",
                category: .WriteError, exceptionType: "Microsoft.Management.Infrastructure.CimException"))
            return nil
        }
    }
}
