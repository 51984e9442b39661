import EmulatedHost
import ShellEngine

/// Get-CimInstance and Get-WmiObject: one query over the repository, with the errors each
/// reports (CIM: `Invalid class ` with the HRESULT; WMI: `Invalid class "X"`).
final class CimQueryCmdlet: Cmdlet {
    let wmi: Bool
    init(wmi: Bool) { self.wmi = wmi }

    func process(_ context: CommandContext, input: PSValue?) throws {
        if wmi {
            // Get-WmiObject reaches other computers over DCOM: no other computer answers here.
            for name in (context.value("ComputerName").map { $0.enumerated ?? [$0] } ?? []).map({ LanguagePrimitives.toString($0) })
            where ![context.engine.computerName, "localhost", ".", "127.0.0.1", context.engine.hostAddress].contains(where: { $0.caseInsensitiveEquals(name) }) {
                try context.writeError(context.errorRecord(message: "The RPC server is unavailable. (Exception from HRESULT: 0x800706BA)",
                    errorId: "GetWMICOMException", category: .InvalidOperation,
                    exceptionType: "System.Runtime.InteropServices.COMException"))
                return
            }
            try context.checkLocalCimTarget(parameter: "CimSession")  // Get-WmiObject has none: refuses -AsJob only
        } else {
            // An unreachable computer is reported and the command goes on (non-terminating).
            if let record = context.unreachableTarget(parameter: "ComputerName") { return try context.writeError(record) }
            try context.checkLocalCimTarget(parameter: "CimSession")
        }
        let typedNamespace = context.string("Namespace") ?? "root\\cimv2"
        let namespace = CimClass.normalize(typedNamespace)
        var className = context.string(wmi ? "Class" : "ClassName") ?? ""
        var condition: WqlCondition?
        if let query = context.string("Query") {
            guard let parsed = WqlQuery.parse(query) else { return try invalidQuery(context, query) }
            className = parsed.className
            condition = parsed.condition
        } else if let filter = context.string("Filter"), !filter.isEmpty {
            guard let parsed = WqlCondition.parse(filter) else {
                return try invalidQuery(context, "select * from \(className) where \(filter)")
            }
            condition = parsed
        }
        guard CimClass.namespaces.contains(where: { $0.caseInsensitiveEquals(namespace) }) else {
            return try fail(context, cim: ("Invalid namespace ", "HRESULT 0x8004100e", .MetadataError, typedNamespace),
                            wmi: ("Invalid namespace \"\(typedNamespace)\"", "INVALID_NAMESPACE_IDENTIFIER", .InvalidArgument))
        }
        guard let cimClass = CimClass.find(namespace: namespace, name: className) else {
            return try fail(context, cim: ("Invalid class ", "HRESULT 0x80041010", .MetadataError,
                                           typedNamespace.replacing("/", with: "\\") + ":" + className),
                            wmi: ("Invalid class \"\(className)\"", "GetWMIManagementException", .InvalidType))
        }
        let selected = CimQueryCmdlets.selectedProperties(context)
        for instance in cimClass.instances(context.engine) {
            if let condition, !condition.matches({ instance.property($0) }) { continue }
            try context.writeObject(.object(output(instance, cimClass, selected: selected, context: context)))
        }
    }

    /// The object as the cmdlet writes it: a CIM instance with the class's view, or a WMI object.
    /// With -Property, a CIM instance keeps every property but only the selected ones have values;
    /// a WMI object has only the selected ones.
    private func output(_ instance: PSObject, _ cimClass: CimClass, selected: [String]?, context: CommandContext) -> PSObject {
        var properties = (instance as? CimInstanceObject)?.cimProperties ?? instance.properties
        if let selected {
            let wanted = { (name: String) in selected.contains { WildcardPattern($0).matches(name) } }
            properties = wmi ? properties.filter { wanted($0.name) }
                : properties.map { wanted($0.name) ? $0 : PSPropertyInfo(name: $0.name, value: .null, isSettable: false) }
        }
        if wmi { return WmiObject(cimClass, properties: properties, engine: context.engine) }
        if selected != nil, let cim = instance as? CimInstanceObject {
            guard let view = cimClass.view ?? (cim as? ViewedCimInstance)?.tableView else {
                return CimInstanceObject(className: cim.className, namespace: cim.namespace, properties: properties)
            }
            return ViewedCimInstance(className: cim.className, namespace: cim.namespace, properties: properties, view: view)
        }
        guard let view = cimClass.view, let cim = instance as? CimInstanceObject, !(cim is ViewedCimInstance) else { return instance }
        return ViewedCimInstance(className: cim.className, namespace: cim.namespace, properties: properties, view: view)
    }

    private func invalidQuery(_ context: CommandContext, _ query: String) throws {
        try fail(context, cim: ("Invalid query ", "HRESULT 0x80041017", .InvalidArgument, query),
                 wmi: ("Invalid query \"\(query)\"", "GetWMIManagementException", .InvalidArgument))
    }

    private func fail(_ context: CommandContext, cim: (String, String, ErrorCategory, String),
                      wmi wmiError: (String, String, ErrorCategory)) throws {
        let record: ErrorRecord
        if wmi {
            record = context.errorRecord(message: wmiError.0, errorId: wmiError.1, category: wmiError.2,
                                         exceptionType: "System.Management.ManagementException")
        } else {
            record = context.errorRecord(message: cim.0, errorId: cim.1, category: cim.2,
                                         exceptionType: "Microsoft.Management.Infrastructure.CimException", target: .string(cim.3))
        }
        try context.writeError(record)
    }
}

/// A `System.Management.ManagementObject`: the WMI system properties (`__CLASS`, `__PATH`, …),
/// then the class's properties in alphabetical order, shown by the class's default display set.
final class WmiObject: PSObject, PSDefaultDisplayPropertySet {
    private let values: [PSPropertyInfo]
    let defaultDisplayPropertySet: [String]
    private let className: String
    private weak var engine: Engine?

    init(_ cimClass: CimClass, properties: [PSPropertyInfo], engine: Engine) {
        self.engine = engine
        // WMI gives dates as DMTF text (`20240115000000.000000+000`); ConvertToDateTime reads them.
        let sorted = properties.sorted { $0.name.uppercased() < $1.name.uppercased() }.map { p -> PSPropertyInfo in
            guard case .object(let date as DateTimeObject) = p.value else { return p }
            return PSPropertyInfo(name: p.name, value: .string(Self.dmtf(date)), isSettable: false)
        }
        let namespace = cimClass.namespace.replacing("/", with: "\\")
        let key = sorted.first { $0.name == "Name" }.map { "\(cimClass.name).Name=\"\(LanguagePrimitives.toString($0.value))\"" }
            ?? cimClass.name + "=@"
        let server = engine.computerName
        func note(_ name: String, _ value: PSValue) -> PSPropertyInfo { PSPropertyInfo(name: name, value: value, isSettable: false) }
        values = [note("__GENUS", .int32(2)), note("__CLASS", .string(cimClass.name)), note("__SUPERCLASS", .string("")),
                  note("__DYNASTY", .string(cimClass.name)), note("__RELPATH", .string(key)),
                  note("__PROPERTY_COUNT", .int32(Int32(sorted.count))), note("__DERIVATION", .array(PSArray([]))),
                  note("__SERVER", .string(server)), note("__NAMESPACE", .string(namespace)),
                  note("__PATH", .string("\\\\\(server)\\\(namespace):\(key)"))]
            + sorted + [note("PSComputerName", .string(server))]
        defaultDisplayPropertySet = cimClass.displayProperties
        className = cimClass.name
        super.init(typeNames: ["System.Management.ManagementObject#\(namespace)\\\(cimClass.name)", "System.Management.ManagementObject",
                               "System.Management.ManagementBaseObject", "System.ComponentModel.Component",
                               "System.MarshalByRefObject", "System.Object"])
    }

    override var properties: [PSPropertyInfo] { values }

    override var methodNames: [String] { CimMethods.names(of: className) + ["ConvertFromDateTime", "ConvertToDateTime"] }

    /// A date as DMTF text: local time and its offset from UTC in minutes.
    static func dmtf(_ date: DateTimeObject) -> String {
        let offset = Int(date.parts.tm_gmtoff) / 60
        let minutes = String(abs(offset))
        return date.format("yyyyMMddHHmmss") + ".000000" + (offset < 0 ? "-" : "+")
            + String(repeating: "0", count: max(0, 3 - minutes.count)) + minutes
    }

    /// types.ps1xml's ConvertToDateTime and ConvertFromDateTime script methods of a ManagementObject.
    private func convertDate(_ name: String, _ arguments: [PSValue]) throws -> PSValue? {
        guard let engine, let argument = arguments.first else { return nil }
        if name.caseInsensitiveEquals("ConvertFromDateTime") {
            let date = try engine.types.convert(argument, toTypeNamed: "System.DateTime", engine: engine) ?? argument
            let text = try engine.invokeMethod(date, "ToString", [.string("yyyyMMddHHmmss.ffffff")], isStatic: false, extent: .empty)
            let offset = try engine.getMember(try engine.invokeMethod(date, "ToUniversalTime", [], isStatic: false, extent: .empty) , "Ticks",
                                              isStatic: false, extent: .empty)
            let local = try engine.getMember(date, "Ticks", isStatic: false, extent: .empty)
            let minutes = ((LanguagePrimitives.toInt64(local) ?? 0) - (LanguagePrimitives.toInt64(offset) ?? 0)) / 600_000_000
            let digits = String(abs(minutes))
            return .string(LanguagePrimitives.toString(text) + (minutes < 0 ? "-" : "+")
                           + String(repeating: "0", count: max(0, 3 - digits.count)) + digits)
        }
        // [Management.ManagementDateTimeConverter]::ToDateTime: the DMTF text's local date and time.
        let text = LanguagePrimitives.toString(argument)
        let digits = Array(text.prefix(14))
        guard digits.count == 14, digits.allSatisfy(\.isNumber) else {
            throw DotNetException.outOfRange("dmtfDate", "Specified argument was out of the range of valid values.")
        }
        func part(_ from: Int, _ count: Int) -> String { String(digits[from..<(from + count)]) }
        let iso = "\(part(0, 4))-\(part(4, 2))-\(part(6, 2)) \(part(8, 2)):\(part(10, 2)):\(part(12, 2))"
        return try engine.types.convert(.string(iso), toTypeNamed: "System.DateTime", engine: engine)
    }

    /// `$share.Delete()`: the method's out-parameters, ReturnValue among them.
    override func invokeMethod(_ name: String, _ arguments: [PSValue]) throws -> PSValue? {
        if name.caseInsensitiveEquals("ConvertToDateTime") || name.caseInsensitiveEquals("ConvertFromDateTime") {
            return try convertDate(name, arguments)
        }
        let names = CimMethods.parameterNames(of: className, method: name)
        var named: [String: PSValue] = [:]
        for (index, value) in arguments.enumerated() where index < names.count { named[names[index]] = value }
        guard let engine, CimMethods.names(of: className).contains(where: { $0.caseInsensitiveEquals(name) }),
              let value = CimMethods.invoke(engine, className: className, method: name, instance: self, arguments: named)
        else { return nil }
        let out = PSCustomObject(typeNames: ["System.Management.ManagementBaseObject#\\__PARAMETERS", "System.Object"])
        out.add("ReturnValue", .uint32(value), typeName: "System.UInt32")
        return .object(out)
    }

    override func toString() -> String {
        LanguagePrimitives.toString(values.first { $0.name == "__PATH" }?.value ?? .string(className))
    }
}
