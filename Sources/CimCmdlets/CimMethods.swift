import EmulatedHost
import SMBPolicy
import ShellEngine

/// The methods of the emulated classes (Win32_Share's Create and Delete), returning the
/// method's ReturnValue as WMI defines it.
enum CimMethods {
    /// Method names by class, for WMI objects' `Get-Member` and the not-found error.
    static func names(of className: String) -> [String] {
        if className.caseInsensitiveEquals("Win32_NetworkAdapterConfiguration") { return ["SetTcpipNetbios"] }
        return className.caseInsensitiveEquals("Win32_Share") ? ["Create", "Delete"] : []
    }

    /// The in-parameters of a method in order, for a call with positional arguments (`$nic.SetTcpipNetbios(2)`).
    static func parameterNames(of className: String, method: String) -> [String] {
        switch (className.lowercased(), method.lowercased()) {
        case ("win32_networkadapterconfiguration", "settcpipnetbios"): return ["TcpipNetbiosOptions"]
        case ("win32_share", "create"): return ["Path", "Name", "Type", "MaximumAllowed", "Description", "Password", "Access"]
        default: return []
        }
    }

    /// Runs `method` of the class (static) or of `instance`; nil when the class has no such method.
    static func invoke(_ engine: Engine, className: String, method: String, instance: PSObject?,
                       arguments: [String: PSValue]) -> UInt32? {
        func argument(_ name: String) -> PSValue? {
            arguments.first { $0.key.caseInsensitiveEquals(name) }?.value
        }
        if className.caseInsensitiveEquals("Win32_NetworkAdapterConfiguration"), method.caseInsensitiveEquals("SetTcpipNetbios"),
           instance != nil {
            // 0 default (DHCP decides), 1 enabled, 2 disabled; kept as the interface's NetbiosOptions.
            guard let text = argument("TcpipNetbiosOptions").map({ LanguagePrimitives.toString($0) }), let option = UInt32(text),
                  option <= 2 else { return 100 }
            let saved = try? engine.emulatedHost.commit { store throws(PolicyStoreError) in
                try store.setRegistryValue(key: HostCatalog.netbiosInterfaceKey, name: "NetbiosOptions", data: .dword(option))
            }
            return saved == nil ? 8 : 0
        }
        guard className.caseInsensitiveEquals("Win32_Share") else { return nil }
        switch method.lowercased() {
        case "create" where instance == nil:
            // Win32_Share.Create: 0 success, 9 invalid name, 21 invalid parameter, 22 duplicate share,
            // 24 unknown device or directory.
            let type = argument("Type").map { LanguagePrimitives.toString($0) } ?? "0"
            guard type == "0" else { return 21 }
            let name = argument("Name").map { LanguagePrimitives.toString($0) } ?? ""
            guard Engine.isValidShareName(name) else { return 9 }
            var share = ShareRecord(name: name, path: "")
            do { share.path = try engine.shareablePath(argument("Path").map { LanguagePrimitives.toString($0) } ?? "") }
            catch { return 24 }
            share.description = argument("Description").map { LanguagePrimitives.toString($0) } ?? ""
            if let limit = argument("MaximumAllowed"), let n = UInt32(LanguagePrimitives.toString(limit)) { share.concurrentUserLimit = n }
            share.access = [ShareAccessEntry(accountName: "Everyone", controlType: .allow, right: .read)]
            do { try engine.createShare(share) } catch {
                return error == .duplicate ? 22 : 8
            }
            return 0
        case "delete" where instance != nil:
            // 25: net name not found.
            let name = instance?.property("Name").map { LanguagePrimitives.toString($0) } ?? ""
            do { try engine.deleteShare(name: name, scopeName: "*") } catch { return error == .notFound ? 25 : 8 }
            return 0
        default:
            return nil
        }
    }

    /// A method's out-parameters: `ReturnValue`, as Invoke-CimMethod writes them.
    static func result(_ value: UInt32) -> PSObject {
        let o = PSCustomObject(typeNames: ["Microsoft.Management.Infrastructure.CimMethodResult", "System.Object"])
        o.add("ReturnValue", .uint32(value), typeName: "System.UInt32")
        o.add("PSComputerName", .string(""), typeName: "System.String")
        return o
    }
}

/// Invoke-CimMethod: a class's static method (-ClassName) or an instance's (-InputObject).
final class InvokeCimMethod: Cmdlet {
    func process(_ context: CommandContext, input: PSValue?) throws {
        try context.checkLocalCimTarget(parameter: "ComputerName")
        try context.checkLocalCimTarget(parameter: "CimSession")
        let method = context.string("MethodName") ?? ""
        var arguments: [String: PSValue] = [:]
        if case .hashtable(let table)? = context.value("Arguments") {
            for (key, value) in table.entries { arguments[LanguagePrimitives.toString(key)] = value }
        }
        var targets: [(String, PSObject?)] = []
        if let value = context.value("InputObject") {
            for item in value.enumerated ?? [value] {
                guard case .object(let object) = item else { continue }
                let className = (object as? CimInstanceObject)?.className ?? object.typeNames.first.map { String($0.split(separator: "/").last ?? "") } ?? ""
                targets.append((className, object))
            }
        } else if let className = context.string("ClassName") {
            let namespace = CimClass.normalize(context.string("Namespace") ?? "root\\cimv2")
            guard CimClass.find(namespace: namespace, name: className) != nil else {
                let record = context.errorRecord(message: "Invalid class ", errorId: "HRESULT 0x80041010", category: .MetadataError,
                    exceptionType: "Microsoft.Management.Infrastructure.CimException",
                    target: .string(namespace.replacing("/", with: "\\") + ":" + className))
                return try context.writeError(record)
            }
            targets.append((className, nil))
        }
        for (className, instance) in targets {
            guard try context.shouldProcess(target: className, action: method) else { continue }
            guard let value = CimMethods.invoke(context.engine, className: className, method: method, instance: instance,
                                                arguments: arguments) else {
                try context.writeError(context.errorRecord(message: "Method not found ", errorId: "HRESULT 0x80041055",
                    category: .MetadataError, exceptionType: "Microsoft.Management.Infrastructure.CimException",
                    target: .string(className)))
                continue
            }
            try context.writeObject(.object(CimMethods.result(value)))
        }
    }
}

/// Remove-CimInstance: deletes shares (Win32_Share, MSFT_SmbShare) and mappings (MSFT_SmbMapping);
/// other classes do not support deletion.
final class RemoveCimInstance: Cmdlet {
    func process(_ context: CommandContext, input: PSValue?) throws {
        try context.checkLocalCimTarget(parameter: "ComputerName")
        guard let value = context.value("InputObject") else { return }
        for item in value.enumerated ?? [value] {
            guard case .object(let object) = item, let instance = object as? CimInstanceObject else { continue }
            guard try context.shouldProcess(target: instance.toString()) else { continue }
            let engine = context.engine
            let text = { (name: String) in instance.property(name).map { LanguagePrimitives.toString($0) } ?? "" }
            switch instance.className {
            case "Win32_Share", "MSFT_SmbShare":
                try? engine.deleteShare(name: text("Name"), scopeName: instance.className == "Win32_Share" ? "*" : text("ScopeName"))
            case "MSFT_SmbMapping":
                _ = try? engine.shareStore.update { state in
                    state.mappings.removeAll { $0.localPath == text("LocalPath") && $0.remotePath == text("RemotePath") }
                }
            default:
                try context.writeError(context.errorRecord(message: "Not supported ", errorId: "HRESULT 0x8004100c",
                    category: .NotImplemented, exceptionType: "Microsoft.Management.Infrastructure.CimException",
                    target: .object(instance)))
            }
        }
    }
}
