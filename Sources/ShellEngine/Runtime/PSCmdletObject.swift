/// `$PSCmdlet` of an advanced function: ShouldProcess and the Write* methods of a cmdlet.
package final class PSCmdletObject: PSObject {
    package let context: CommandContext

    package init(_ context: CommandContext) {
        self.context = context
        super.init(typeNames: ["System.Management.Automation.PSScriptCmdlet", "System.Management.Automation.PSCmdlet",
                               "System.Object"])
    }

    package override var properties: [PSPropertyInfo] {
        [PSPropertyInfo(name: "MyInvocation", value: .object(InvocationInfoObject(context.invocation))),
         PSPropertyInfo(name: "ParameterSetName", value: .string(context.parameterSetName)),
         PSPropertyInfo(name: "CommandRuntime", value: .string(context.metadata.name))]
    }

    package override var methodNames: [String] {
        ["ShouldProcess", "ShouldContinue", "WriteObject", "WriteError", "WriteVerbose", "WriteWarning",
         "ThrowTerminatingError"]
    }

    package override func invokeMethod(_ name: String, _ arguments: [PSValue]) throws -> PSValue? {
        let text = { (i: Int) in i < arguments.count ? LanguagePrimitives.toString(arguments[i]) : "" }
        let lower = name.lowercased()
        if lower.hasPrefix("write") || lower == "throwterminatingerror" { context.engine.voidMethodCalled = true }
        switch lower {
        case "shouldprocess":
            switch arguments.count {
            case 1: return .bool(try context.shouldProcess(target: text(0)))
            case 2: return .bool(try context.shouldProcess(target: text(0), action: text(1)))
            default: return .bool(try context.shouldProcess(verboseDescription: text(0)))
            }
        case "shouldcontinue":
            guard context.engine.host.isInteractive else { return .bool(false) }
            return .bool(try context.engine.promptForChoice(caption: text(1), message: text(0), context: context) != .no)
        case "writeobject":
            try context.writeObject(arguments.first ?? .null)
            return .null
        case "writeverbose":
            context.writeVerbose(text(0))
            return .null
        case "writewarning":
            context.writeWarning(text(0))
            return .null
        case "writeerror":
            if case .object(let record as ErrorRecord)? = arguments.first { try context.writeError(record) }
            return .null
        case "throwterminatingerror":
            if case .object(let record as ErrorRecord)? = arguments.first {
                throw RuntimeError(record: record, terminatesScript: true)
            }
            return .null
        default:
            return nil
        }
    }
}
