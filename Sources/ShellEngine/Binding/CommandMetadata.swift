import CmdletParser

/// The type a parameter converts its argument to, with PowerShell's .NET name.
public indirect enum ParameterType: Sendable, Equatable {
    case boolean
    case switchParameter
    case int32
    case int64
    case uint32
    case uint64
    case double
    case string
    case char
    case byte
    /// An enum, with its .NET full name and its value names in declaration order.
    case enumeration(typeName: String, values: [String])
    case scriptBlock
    case hashtable
    /// `System.Object`: anything, unconverted.
    case object
    /// `PSObject`: anything (pipeline input parameters).
    case psObject
    case array(ParameterType)

    /// `Type.ToString()` as binding messages show it (`System.UInt32`, `System.String[]`).
    public var dotNetName: String {
        switch self {
        case .boolean: return "System.Boolean"
        case .switchParameter: return "System.Management.Automation.SwitchParameter"
        case .int32: return "System.Int32"
        case .int64: return "System.Int64"
        case .uint32: return "System.UInt32"
        case .uint64: return "System.UInt64"
        case .double: return "System.Double"
        case .string: return "System.String"
        case .char: return "System.Char"
        case .byte: return "System.Byte"
        case .enumeration(let name, _): return name
        case .scriptBlock: return "System.Management.Automation.ScriptBlock"
        case .hashtable: return "System.Collections.Hashtable"
        case .object: return "System.Object"
        case .psObject: return "System.Management.Automation.PSObject"
        case .array(let element): return element.dotNetName + "[]"
        }
    }

    /// The short name `Get-Command -Syntax` and `Get-Help` print (`bool`, `uint32`, `string[]`).
    public var syntaxName: String {
        switch self {
        case .boolean: return "bool"
        case .switchParameter: return "switch"
        case .int32: return "int"
        case .int64: return "long"
        case .uint32: return "uint32"
        case .uint64: return "uint64"
        case .double: return "double"
        case .string: return "string"
        case .char: return "char"
        case .byte: return "byte"
        case .enumeration(let name, _): return String(name.split(separator: ".").last ?? "")
        case .scriptBlock: return "scriptblock"
        case .hashtable: return "hashtable"
        case .object: return "Object"
        case .psObject: return "psobject"
        case .array(let element): return element.syntaxName + "[]"
        }
    }
}

/// Validation attributes a parameter carries.
public enum ParameterValidation: Sendable, Equatable {
    case set([String], ignoreCase: Bool)
    case range(min: Double, max: Double)
    case notNullOrEmpty
    case notNull
    case pattern(String)
    case length(min: Int, max: Int)
    case count(min: Int, max: Int)
    /// `[ValidateScript({ … })]`: the block must return a true value with `$_` set to the argument.
    case script(ValidationScript)
}

/// The script block of `[ValidateScript()]`, compared by identity.
public struct ValidationScript: Sendable, Equatable {
    public let ast: ScriptBlockAst

    public init(_ ast: ScriptBlockAst) { self.ast = ast }

    public static func == (a: ValidationScript, b: ValidationScript) -> Bool { a.ast === b.ast }
}

/// One parameter, declared once: binding, completion, `Get-Help`, `Get-Command -Syntax` and the
/// binder's messages all read this.
public struct ParameterMetadata: Sendable {
    public var name: String
    public var type: ParameterType
    public var aliases: [String]
    /// 0-based position, nil for named-only parameters.
    public var position: Int?
    public var mandatory: Bool
    public var valueFromPipeline: Bool
    public var valueFromPipelineByPropertyName: Bool
    public var validations: [ParameterValidation]
    /// Parameter sets the parameter belongs to; empty means all sets.
    public var parameterSets: [String]
    public var helpMessage: String?
    /// One-paragraph description for `Get-Help -Parameter`.
    public var help: String
    /// `[AllowNull()]`, `[AllowEmptyString()]`, `[AllowEmptyCollection()]`: what a mandatory
    /// parameter accepts besides a value.
    public var allowNull = false
    public var allowEmptyString = false
    public var allowEmptyCollection = false
    /// `ValueFromRemainingArguments`: takes the arguments no other parameter took.
    public var valueFromRemainingArguments = false
    /// On a compiled cmdlet, a mandatory parameter whose `$null`, `''` and empty arguments the
    /// binder refuses as Windows does (functions always get the check from their param() block).
    public var refusesNullOrEmpty = false

    public init(_ name: String, _ type: ParameterType, aliases: [String] = [], position: Int? = nil,
                mandatory: Bool = false, valueFromPipeline: Bool = false,
                valueFromPipelineByPropertyName: Bool = false, validations: [ParameterValidation] = [],
                parameterSets: [String] = [], helpMessage: String? = nil, help: String = "",
                valueFromRemainingArguments: Bool = false) {
        self.name = name
        self.type = type
        self.aliases = aliases
        self.position = position
        self.mandatory = mandatory
        self.valueFromPipeline = valueFromPipeline
        self.valueFromPipelineByPropertyName = valueFromPipelineByPropertyName
        self.validations = validations
        self.parameterSets = parameterSets
        self.helpMessage = helpMessage
        self.help = help
        self.valueFromRemainingArguments = valueFromRemainingArguments
    }
}

/// How binding errors and conversion failures are worded: compiled cmdlets and script
/// functions (and CDXML cmdlets such as the SmbShare ones, which are generated functions) differ.
public enum CommandImplementation: Sendable, Equatable {
    /// A compiled cmdlet; the FullyQualifiedErrorId suffix is the .NET class name.
    case compiled(className: String)
    /// A function, advanced function or CDXML cmdlet; the suffix is the command name.
    case function
}

public enum ConfirmImpact: Int, Sendable, Comparable {
    case none = 0, low, medium, high

    public static func < (a: ConfirmImpact, b: ConfirmImpact) -> Bool { a.rawValue < b.rawValue }

    public init?(name: String) {
        switch name.lowercased() {
        case "none": self = .none
        case "low": self = .low
        case "medium": self = .medium
        case "high": self = .high
        default: return nil
        }
    }
}

/// A help example for `Get-Help -Examples`.
public struct HelpExample: Sendable {
    public let code: String
    public let remarks: String

    public init(code: String, remarks: String) {
        self.code = code
        self.remarks = remarks
    }
}

/// Everything the shell knows about a command besides its implementation.
public struct CommandMetadata: Sendable {
    public var name: String
    /// Module shown by `Get-Command` (`SmbShare`, `Microsoft.PowerShell.Utility`, …).
    public var module: String
    public var implementation: CommandImplementation
    /// Parameters in declaration order (the order ambiguity messages list them in).
    public let parameters: [ParameterMetadata]
    public let supportsShouldProcess: Bool
    public var confirmImpact: ConfirmImpact
    public var defaultParameterSet: String?
    /// Whether the common parameters (`-Verbose`, `-ErrorAction`, …) are added.
    public let cmdletBinding: Bool
    /// Every parameter the binder matches against, declared ones first, then the common
    /// parameters, then `-WhatIf`/`-Confirm`.
    public let allParameters: [ParameterMetadata]
    public var synopsis: String
    public var description: String
    public var examples: [HelpExample]
    public var outputType: String?
    /// Get-Help -Full's NOTES.
    public var notes = ""
    /// Get-Help's RELATED LINKS (command and topic names), before the commands of the same noun.
    public var relatedLinks: [String] = []

    public init(name: String, module: String, implementation: CommandImplementation,
                parameters: [ParameterMetadata], supportsShouldProcess: Bool = false,
                confirmImpact: ConfirmImpact = .medium, defaultParameterSet: String? = nil,
                cmdletBinding: Bool = true, synopsis: String = "", description: String = "",
                examples: [HelpExample] = [], outputType: String? = nil) {
        self.name = name
        self.module = module
        self.implementation = implementation
        self.parameters = parameters
        self.supportsShouldProcess = supportsShouldProcess
        self.confirmImpact = confirmImpact
        self.defaultParameterSet = defaultParameterSet
        self.cmdletBinding = cmdletBinding
        self.synopsis = synopsis
        self.description = description
        self.examples = examples
        self.outputType = outputType
        self.allParameters = cmdletBinding
            ? parameters + Self.commonParameters + (supportsShouldProcess ? Self.shouldProcessParameters : [])
            : parameters
    }

    /// The FullyQualifiedErrorId suffix for errors this command raises.
    public var errorIdSuffix: String {
        switch implementation {
        case .compiled(let className): return className
        case .function: return name
        }
    }

    /// The common parameters every cmdlet-bound command accepts, in PowerShell's order.
    public static let commonParameters: [ParameterMetadata] = [
        ParameterMetadata("Verbose", .switchParameter, aliases: ["vb"]),
        ParameterMetadata("Debug", .switchParameter, aliases: ["db"]),
        ParameterMetadata("ErrorAction", .enumeration(typeName: "System.Management.Automation.ActionPreference",
            values: ["SilentlyContinue", "Stop", "Continue", "Inquire", "Ignore", "Suspend"]), aliases: ["ea"]),
        ParameterMetadata("WarningAction", .enumeration(typeName: "System.Management.Automation.ActionPreference",
            values: ["SilentlyContinue", "Stop", "Continue", "Inquire", "Ignore", "Suspend"]), aliases: ["wa"]),
        ParameterMetadata("InformationAction", .enumeration(typeName: "System.Management.Automation.ActionPreference",
            values: ["SilentlyContinue", "Stop", "Continue", "Inquire", "Ignore", "Suspend"]), aliases: ["infa"]),
        ParameterMetadata("ErrorVariable", .string, aliases: ["ev"]),
        ParameterMetadata("WarningVariable", .string, aliases: ["wv"]),
        ParameterMetadata("InformationVariable", .string, aliases: ["iv"]),
        ParameterMetadata("OutVariable", .string, aliases: ["ov"]),
        ParameterMetadata("OutBuffer", .int32, aliases: ["ob"]),
        ParameterMetadata("PipelineVariable", .string, aliases: ["pv"]),
    ]

    /// `-WhatIf` and `-Confirm`, added when the command supports ShouldProcess.
    public static let shouldProcessParameters: [ParameterMetadata] = [
        ParameterMetadata("WhatIf", .switchParameter, aliases: ["wi"],
                          help: "Shows what would happen if the cmdlet runs. The cmdlet is not run."),
        ParameterMetadata("Confirm", .switchParameter, aliases: ["cf"],
                          help: "Prompts you for confirmation before running the cmdlet."),
    ]

}
