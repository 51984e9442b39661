import EmulatedHost
import ShellEngine

/// CimCmdlets 1.0.0.0: Get-CimInstance, Get-CimClass and CIM sessions over the emulated host's WMI repository.
public enum CimCmdletsModule: CommandModule {
    public static let name = "CimCmdlets"
    public static let version = "1.0.0.0"

    public static func register(in registration: ModuleRegistration) {
        EmulatedHost.attach(to: registration)
        registration.commands(named: ["Get-CimInstance", "Invoke-CimMethod", "Remove-CimInstance", "Get-CimClass",
                                      "New-CimSession", "Get-CimSession", "Remove-CimSession"]) {
            CimHelp.applied([CimQueryCmdlets.getCimInstance(), CimQueryCmdlets.invokeCimMethod(), CimQueryCmdlets.removeCimInstance(),
                             GetCimClassDefinition.definition()] + CimSessionCmdlets.definitions())
        }
        registration.aliases(["gcim": "Get-CimInstance", "icim": "Invoke-CimMethod", "rcim": "Remove-CimInstance", "gcls": "Get-CimClass",
                              "ncms": "New-CimSession", "gcms": "Get-CimSession", "rcms": "Remove-CimSession"])
    }
}

/// Get-WmiObject, a cmdlet of Microsoft.PowerShell.Management in Windows PowerShell 5.1.
public enum WmiObjectCommands: CommandModule {
    public static let name = "Microsoft.PowerShell.Management"
    public static let version = "3.1.0.0"

    public static func register(in registration: ModuleRegistration) {
        EmulatedHost.attach(to: registration)
        registration.commands(named: ["Get-WmiObject"]) { CimHelp.applied([CimQueryCmdlets.getWmiObject()]) }
        registration.aliases(["gwmi": "Get-WmiObject"])
    }
}

public enum CimCmdlets {
    public static var modules: [any CommandModule.Type] { [CimCmdletsModule.self, WmiObjectCommands.self] }
}

enum CimQueryCmdlets {
    static let namespaceHelp = "Specifies the namespace of the class (default root/cimv2)."

    static func getCimInstance() -> CmdletDefinition {
        let classSet = ["ClassNameComputerSet"], querySet = ["QueryComputerSet"]
        let metadata = CommandMetadata(
            name: "Get-CimInstance", module: CimCmdletsModule.name,
            implementation: .compiled(className: "Microsoft.Management.Infrastructure.CimCmdlets.GetCimInstanceCommand"),
            parameters: [
                ParameterMetadata("ClassName", .string, position: 0, mandatory: true, parameterSets: classSet,
                                  help: "Specifies the name of the CIM class for which to retrieve the CIM instances."),
                ParameterMetadata("Filter", .string, parameterSets: classSet,
                                  help: "Specifies a where clause to use as a filter, in WQL (`Name = 'LanmanServer'`)."),
                ParameterMetadata("Property", .array(.string), aliases: ["SelectProperties"], parameterSets: classSet,
                                  help: "Specifies a set of instance properties to retrieve."),
                ParameterMetadata("KeyOnly", .switchParameter, parameterSets: classSet, help: "Indicates that only objects with key properties populated are returned."),
                ParameterMetadata("Shallow", .switchParameter, parameterSets: classSet, help: "Indicates that the instances of a class are returned without the instances of its child classes."),
                ParameterMetadata("Query", .string, mandatory: true, parameterSets: querySet,
                                  help: "Specifies a query in WQL (`SELECT * FROM Win32_Service WHERE Name = 'LanmanServer'`)."),
                ParameterMetadata("QueryDialect", .string, parameterSets: querySet, help: "Specifies the query language used for the Query parameter (WQL)."),
                ParameterMetadata("Namespace", .string, help: namespaceHelp),
                ParameterMetadata("ComputerName", .array(.string), aliases: ["CN", "ServerName"],
                                  help: "Specifies the computer on which to run the CIM operation (only this computer is reachable)."),
                ParameterMetadata("CimSession", .array(.object), help: "Runs the command using the specified CIM session."),
                ParameterMetadata("OperationTimeoutSec", .uint32, aliases: ["OT"], help: "Specifies the amount of time that the cmdlet waits for a response."),
            ],
            defaultParameterSet: "ClassNameComputerSet",
            synopsis: "Gets the CIM instances of a class from a CIM server.",
            description: "Gets the CIM instances of a class from a CIM server (Win32_OperatingSystem, Win32_ComputerSystem, Win32_Service, Win32_Share, or MSFT_SmbShare and the SMB configuration in root/Microsoft/Windows/SMB). By default the local computer is queried.",
            examples: [HelpExample(code: "Get-CimInstance -ClassName Win32_OperatingSystem", remarks: "Shows the operating system."),
                       HelpExample(code: "Get-CimInstance -Namespace root/Microsoft/Windows/SMB -ClassName MSFT_SmbServerConfiguration",
                                   remarks: "Shows the SMB server configuration."),
                       HelpExample(code: "Get-CimInstance -Query \"SELECT * FROM Win32_Share WHERE Name = 'C$'\"", remarks: "Runs a WQL query.")],
            outputType: "Microsoft.Management.Infrastructure.CimInstance")
        return CmdletDefinition(metadata: metadata, completeArgument: classNames) { CimQueryCmdlet(wmi: false) }
    }

    static func invokeCimMethod() -> CmdletDefinition {
        let metadata = CommandMetadata(
            name: "Invoke-CimMethod", module: CimCmdletsModule.name,
            implementation: .compiled(className: "Microsoft.Management.Infrastructure.CimCmdlets.InvokeCimMethodCommand"),
            parameters: [
                ParameterMetadata("ClassName", .string, aliases: ["Class"], position: 0, parameterSets: ["ClassNameComputerSet"],
                                  help: "Specifies the name of the CIM class whose static method is invoked."),
                ParameterMetadata("InputObject", .object, aliases: ["CimInstance"], position: 0, valueFromPipeline: true,
                                  parameterSets: ["CimInstanceComputerSet"], help: "Specifies the CIM instance whose method is invoked."),
                ParameterMetadata("Arguments", .hashtable, position: 1, valueFromPipelineByPropertyName: true,
                                  help: "Specifies the parameters to pass to the method, as name-value pairs."),
                ParameterMetadata("MethodName", .string, aliases: ["Name"], position: 2, mandatory: true,
                                  valueFromPipelineByPropertyName: true, help: "Specifies the name of the CIM method to invoke."),
                ParameterMetadata("Namespace", .string, help: namespaceHelp),
                ParameterMetadata("ComputerName", .array(.string), aliases: ["CN", "ServerName"],
                                  help: "Specifies the computer on which to invoke the method (only this computer is reachable)."),
                ParameterMetadata("CimSession", .array(.object), help: "Runs the command using the specified CIM session."),
                ParameterMetadata("OperationTimeoutSec", .uint32, aliases: ["OT"], help: "Specifies the amount of time that the cmdlet waits for a response."),
            ],
            supportsShouldProcess: true, confirmImpact: .medium, defaultParameterSet: "ClassNameComputerSet",
            synopsis: "Invokes a method of a CIM class or instance.",
            description: "Invokes a static method of a class (-ClassName) or a method of each instance given (-InputObject) and writes the method's ReturnValue.",
            examples: [HelpExample(code: "Invoke-CimMethod -ClassName Win32_Share -MethodName Create -Arguments @{ Path = 'C:\\Data'; Name = 'Data'; Type = [uint32]0 }",
                                   remarks: "Shares C:\\Data as Data (ReturnValue 0 on success, 22 when the name is already shared)."),
                       HelpExample(code: "Get-CimInstance Win32_Share -Filter \"Name = 'Data'\" | Invoke-CimMethod -MethodName Delete",
                                   remarks: "Removes the share Data.")],
            outputType: "Microsoft.Management.Infrastructure.CimMethodResult")
        return CmdletDefinition(metadata: metadata, completeArgument: classNames) { InvokeCimMethod() }
    }

    static func removeCimInstance() -> CmdletDefinition {
        let metadata = CommandMetadata(
            name: "Remove-CimInstance", module: CimCmdletsModule.name,
            implementation: .compiled(className: "Microsoft.Management.Infrastructure.CimCmdlets.RemoveCimInstanceCommand"),
            parameters: [
                ParameterMetadata("InputObject", .object, aliases: ["CimInstance"], position: 0, mandatory: true, valueFromPipeline: true,
                                  help: "Specifies the CIM instance to remove."),
                ParameterMetadata("ComputerName", .array(.string), aliases: ["CN", "ServerName"],
                                  help: "Specifies the computer on which to run the operation (only this computer is reachable)."),
                ParameterMetadata("OperationTimeoutSec", .uint32, aliases: ["OT"], help: "Specifies the amount of time that the cmdlet waits for a response."),
            ],
            supportsShouldProcess: true, confirmImpact: .medium,
            synopsis: "Removes a CIM instance from a computer.",
            description: "Removes the CIM instances given (shares of Win32_Share and MSFT_SmbShare, drive mappings of MSFT_SmbMapping) from the computer.",
            examples: [HelpExample(code: "Get-CimInstance Win32_Share -Filter \"Name = 'Data'\" | Remove-CimInstance", remarks: "Removes the share Data."),
                       HelpExample(code: "Get-CimInstance -Namespace root/Microsoft/Windows/SMB MSFT_SmbMapping | Remove-CimInstance",
                                   remarks: "Removes every drive mapping.")])
        return CmdletDefinition(metadata: metadata) { RemoveCimInstance() }
    }

    static func getWmiObject() -> CmdletDefinition {
        let querySet = ["query"], wqlSet = ["WQLQuery"]
        let metadata = CommandMetadata(
            name: "Get-WmiObject", module: WmiObjectCommands.name,
            implementation: .compiled(className: "Microsoft.PowerShell.Commands.GetWmiObjectCommand"),
            parameters: [
                ParameterMetadata("Class", .string, aliases: ["ClassName"], position: 0, mandatory: true, parameterSets: querySet,
                                  help: "Specifies the name of a WMI class."),
                ParameterMetadata("Property", .array(.string), position: 1, parameterSets: querySet,
                                  help: "Specifies the WMI class property or set of properties to retrieve."),
                ParameterMetadata("Filter", .string, parameterSets: querySet, help: "Specifies a Where clause to use as a filter, in WQL."),
                ParameterMetadata("Query", .string, mandatory: true, parameterSets: wqlSet, help: "Specifies a WQL statement to run."),
                ParameterMetadata("Namespace", .string, aliases: ["NS"], help: namespaceHelp),
                ParameterMetadata("ComputerName", .array(.string), aliases: ["Cn"], help: "Specifies the target computer (only this computer is reachable)."),
                ParameterMetadata("Credential", .object, help: "Specifies a user account that has permission to perform this action."),
                ParameterMetadata("AsJob", .switchParameter, help: "Runs the command as a background job."),
            ],
            defaultParameterSet: "query",
            synopsis: "Gets instances of WMI classes or information about the available classes.",
            description: "Gets instances of Windows Management Instrumentation (WMI) classes or information about the available classes. By default the local computer is queried.",
            examples: [HelpExample(code: "Get-WmiObject -Class Win32_OperatingSystem", remarks: "Shows the operating system."),
                       HelpExample(code: "Get-WmiObject Win32_Share -Filter \"Name = 'C$'\"", remarks: "Gets one share.")],
            outputType: "System.Management.ManagementObject")
        return CmdletDefinition(metadata: metadata, completeArgument: classNames) { CimQueryCmdlet(wmi: true) }
    }

    /// -Property, nil when absent or `*`.
    static func selectedProperties(_ context: CommandContext) -> [String]? {
        guard let value = context.value("Property") else { return nil }
        let names = (value.enumerated ?? [value]).map { LanguagePrimitives.toString($0) }
        return names.contains("*") ? nil : names
    }

    static func classNames(_ engine: Engine, _ parameter: String, _ word: String) -> [String]? {
        ["ClassName", "Class"].contains(parameter) ? CimClass.all.map(\.name) : nil
    }
}
