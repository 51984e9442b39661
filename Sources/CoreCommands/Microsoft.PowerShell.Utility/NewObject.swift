import MailslotTransport
import ShellEngine

final class NewObject: Cmdlet {
    func process(_ context: CommandContext, input: PSValue?) throws {
        let typeName = (context.string("TypeName") ?? "").lowercased()
        let value: PSValue
        switch typeName {
        case "psobject", "pscustomobject", "system.management.automation.psobject", "system.object", "object":
            let object = PSCustomObject()
            if case .hashtable(let h)? = context.value("Property") {
                for (k, v) in h.entries { object.add(LanguagePrimitives.toString(k), v) }
            }
            value = .object(object)
        case "system.collections.arraylist", "collections.arraylist", "system.collections.generic.list[string]",
             "system.collections.generic.list[object]", "collections.generic.list[string]", "collections.generic.list[object]":
            value = .array(PSArray([], elementTypeName: "System.Collections.ArrayList"))
        case "hashtable", "system.collections.hashtable", "collections.hashtable":
            value = .hashtable(PSHashtable())
        case "system.collections.specialized.ordereddictionary":
            value = .hashtable(PSHashtable(ordered: true))
        case "system.componentmodel.win32exception", "componentmodel.win32exception":
            let code = context.value("ArgumentList")?.enumerated?.first.flatMap { LanguagePrimitives.toInt64($0) } ?? 0
            value = .object(PSExceptionObject(typeName: "System.ComponentModel.Win32Exception",
                message: Win32Messages.text(Int(code)),
                extraProperties: [PSPropertyInfo(name: "NativeErrorCode", value: .int32(Int32(truncatingIfNeeded: code)))]))
        case let t where t.hasSuffix("exception"):
            let message = context.value("ArgumentList")?.enumerated?.first.map { LanguagePrimitives.toString($0) } ?? ""
            let full = DotNetTypes.resolve(context.string("TypeName") ?? "")?.fullName ?? (context.string("TypeName") ?? "")
            value = .object(PSExceptionObject(typeName: full, message: message))
        default:
            throw RuntimeError(record: context.errorRecord(
                message: "Cannot find type [\(context.string("TypeName") ?? "")]: verify that the assembly containing this type is loaded.",
                errorId: "TypeNotFound", category: .InvalidType,
                exceptionType: "System.Management.Automation.PSArgumentException"))
        }
        try context.writeObject(value)
    }
}


enum Win32Messages {
    static func text(_ code: Int) -> String {
        Win32Error(code: UInt32(truncatingIfNeeded: code)).message
    }
}
