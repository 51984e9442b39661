/// System.Management.Automation types scripts construct (ErrorRecord, WildcardPattern, PSCredential)
/// and the Windows identity of the elevated console.
enum AutomationTypes {
    static func all() -> [DotNetType] {
        [errorRecord, wildcardPattern, credential, secureString, windowsIdentity, windowsPrincipal, invocationInfo, cmdlet] + outputTypes
    }

    /// The classes of the objects the engine writes (commands, modules, information records), so
    /// that `-is`, `[type]` and `Should -BeOfType` know them; their members are the objects' own.
    private static var outputTypes: [DotNetType] {
        let automation = "System.Management.Automation."
        return [DotNetType(automation + "CommandInfo"),
                DotNetType(automation + "CmdletInfo", base: automation + "CommandInfo"),
                DotNetType(automation + "FunctionInfo", base: automation + "CommandInfo"),
                DotNetType(automation + "FilterInfo", base: automation + "FunctionInfo"),
                DotNetType(automation + "AliasInfo", base: automation + "CommandInfo"),
                DotNetType(automation + "ApplicationInfo", base: automation + "CommandInfo"),
                DotNetType(automation + "ExternalScriptInfo", base: automation + "CommandInfo"),
                DotNetType(automation + "PSModuleInfo"),
                DotNetType(automation + "InformationRecord")]
    }

    static let invocationInfo = DotNetType("System.Management.Automation.InvocationInfo")

    /// Cmdlet's static lists of the parameters the engine adds to every cmdlet and advanced
    /// function, and to those that support ShouldProcess or transactions (5.1 has no ProgressAction).
    static let cmdlet = DotNetType("System.Management.Automation.Cmdlet") { t in
        @Sendable func set(_ names: [String]) -> PSValue {
            .array(PSArray(names.map { .string($0) }, elementTypeName: "System.String",
                           collectionType: GenericName.fullName("System.Collections.Generic.HashSet`1", ["System.String"])))
        }
        t.staticProperty("CommonParameters", "System.Collections.Generic.HashSet[string]") { _ in
            set(["Verbose", "Debug", "ErrorAction", "WarningAction", "InformationAction", "ErrorVariable", "WarningVariable",
                 "OutVariable", "OutBuffer", "PipelineVariable", "InformationVariable"])
        }
        t.staticProperty("OptionalCommonParameters", "System.Collections.Generic.HashSet[string]") { _ in
            set(["WhatIf", "Confirm", "UseTransaction"])
        }
    }

    static let errorRecord = DotNetType("System.Management.Automation.ErrorRecord") { t in
        t.constructor("System.Exception exception, string errorId, System.Management.Automation.ErrorCategory errorCategory, System.Object targetObject") { c in
            guard case .object(let exception as PSExceptionObject) = c.value(0) else { throw DotNetException.argumentNull("exception") }
            let category = ErrorCategory(rawValue: LanguagePrimitives.toString(c.value(2))) ?? .NotSpecified
            return .object(ErrorRecord(exception: exception, errorId: c.text(1), category: category, targetObject: c.value(3)))
        }
        t.constructor("System.Management.Automation.ErrorRecord errorRecord, System.Exception replaceParentContainsErrorRecordException") { c in
            guard case .object(let record as ErrorRecord) = c.value(0) else { throw DotNetException.argumentNull("errorRecord") }
            var exception = record.exception
            if case .object(let replacement as PSExceptionObject) = c.value(1) { exception = replacement }
            return .object(ErrorRecord(exception: exception, errorId: record.fullyQualifiedErrorId,
                                       category: record.categoryInfo.category, targetObject: record.targetObject))
        }
    }

    static let wildcardPattern = DotNetType("System.Management.Automation.WildcardPattern", aliases: ["WildcardPattern"]) { t in
        @Sendable func pattern(_ c: DotNetCall) -> (String, Int64) { c.payload((String, Int64).self) ?? ("", 0) }
        t.constructor("string pattern") { c in
            guard let p = c.string(0) else { throw DotNetException.argumentNull("pattern") }
            return c.make("System.Management.Automation.WildcardPattern", (p, Int64(0)))
        }
        t.constructor("string pattern, System.Management.Automation.WildcardOptions options") { c in
            guard let p = c.string(0) else { throw DotNetException.argumentNull("pattern") }
            return c.make("System.Management.Automation.WildcardPattern", (p, c.enumValue(1)))
        }
        t.staticMethod("Get", "WildcardPattern", "string pattern, System.Management.Automation.WildcardOptions options") { c in
            guard let p = c.string(0) else { throw DotNetException.argumentNull("pattern") }
            return c.make("System.Management.Automation.WildcardPattern", (p, c.enumValue(1)))
        }
        t.staticMethod("ContainsWildcardCharacters", "bool", "string pattern") { c in
            var escaped = false
            for ch in c.text(0) {
                if escaped { escaped = false; continue }
                if ch == "`" { escaped = true; continue }
                if ch == "*" || ch == "?" || ch == "[" || ch == "]" { return .bool(true) }
            }
            return .bool(false)
        }
        t.staticMethod("Escape", "string", "string pattern") { c in
            guard let p = c.string(0) else { throw DotNetException.argumentNull("pattern") }
            return .string(p.map { "*?[]`".contains($0) ? "`" + String($0) : String($0) }.joined())
        }
        t.staticMethod("Unescape", "string", "string pattern") { c in
            guard let p = c.string(0) else { throw DotNetException.argumentNull("pattern") }
            var out = "", escaped = false
            for ch in p {
                if !escaped && ch == "`" { escaped = true; continue }
                escaped = false
                out.append(ch)
            }
            return .string(out + (escaped ? "`" : ""))
        }
        t.method("IsMatch", "bool", "string input") { c in
            let (p, options) = pattern(c)
            guard let input = c.string(0) else { return .bool(false) }
            return .bool(WildcardPattern(p, caseSensitive: options & 2 == 0).matches(input))
        }
        t.method("ToWql", "string") { c in
            .string(pattern(c).0.replacing("*", with: "%").replacing("?", with: "_"))
        }
        t.method("ToString", "string") { c in .string(pattern(c).0) }
    }

    static let secureString = DotNetType("System.Security.SecureString", aliases: ["securestring"]) { t in
        t.constructor { c in c.make("System.Security.SecureString", TextBox()) }
        t.property("Length", "int") { c in .int32(Int32(clamping: c.payload(TextBox.self)?.units.count ?? 0)) }
        t.method("AppendChar", "void", "char c") { c in
            c.payload(TextBox.self)?.units += Array(String(c.char(0)).utf16)
            return .null
        }
        t.method("MakeReadOnly", "void") { _ in .null }
        t.method("Dispose", "void") { _ in .null }
        t.method("ToString", "string") { _ in .string("System.Security.SecureString") }
    }

    static let credential = DotNetType("System.Management.Automation.PSCredential", aliases: ["pscredential"]) { t in
        t.constructor("string userName, System.Security.SecureString password") { c in
            guard let user = c.string(0) else { throw DotNetException.argumentNull("userName") }
            guard !user.isEmpty else {
                throw DotNetException("System.Management.Automation.PSArgumentException",
                                      "Cannot process argument because the value of argument \"userName\" is not valid. Change the value of the \"userName\" argument and run the operation again.")
            }
            guard !c.value(1).isNull else { throw DotNetException.argumentNull("password") }
            return c.make("System.Management.Automation.PSCredential", [c.value(0), c.value(1)])
        }
        t.staticProperty("Empty", "pscredential") { c in c.make("System.Management.Automation.PSCredential", [PSValue.null, PSValue.null]) }
        t.property("UserName", "string") { c in c.payload([PSValue].self)?.first ?? .null }
        t.property("Password", "System.Security.SecureString") { c in c.payload([PSValue].self)?.last ?? .null }
        t.method("GetNetworkCredential", "System.Net.NetworkCredential") { c in
            let pair = c.payload([PSValue].self) ?? [.null, .null]
            let o = PSCustomObject(typeNames: ["System.Net.NetworkCredential", "System.Object"])
            let user = LanguagePrimitives.toString(pair[0])
            let parts = user.split(separator: "\\", maxSplits: 1).map(String.init)
            o.add("UserName", .string(parts.last ?? ""))
            var password = ""
            if case .object(let s as DotNetObject) = pair[1], let box = s.payload as? TextBox {
                password = String(decoding: box.units, as: UTF16.self)
            }
            o.add("Password", .string(password))
            o.add("SecurePassword", pair[1])
            o.add("Domain", .string(parts.count > 1 ? parts[0] : ""))
            return .object(o)
        }
    }

    static let windowsIdentity = DotNetType("System.Security.Principal.WindowsIdentity") { t in
        t.staticMethod("GetCurrent", "System.Security.Principal.WindowsIdentity") { c in
            c.make("System.Security.Principal.WindowsIdentity", c.engine.identity.computerName + "\\Administrator")
        }
        t.property("Name", "string") { c in .string(c.payload(String.self) ?? "") }
        t.property("AuthenticationType", "string") { _ in .string("NTLM") }
        t.property("IsAuthenticated", "bool") { _ in .bool(true) }
        t.property("IsSystem", "bool") { _ in .bool(false) }
        t.property("IsGuest", "bool") { _ in .bool(false) }
        t.property("IsAnonymous", "bool") { _ in .bool(false) }
        t.converts { value, _, engine in
            guard case .object(let o as DotNetObject) = value, o.type.fullName == "System.Security.Principal.WindowsIdentity" else { return nil }
            return value
        }
    }

    static let windowsPrincipal = DotNetType("System.Security.Principal.WindowsPrincipal") { t in
        t.constructor("System.Security.Principal.WindowsIdentity ntIdentity") { c in
            guard let name = c.payload(0, String.self) else { throw DotNetException.argumentNull("ntIdentity") }
            return c.make("System.Security.Principal.WindowsPrincipal", name)
        }
        t.property("Identity", "System.Security.Principal.IIdentity") { c in
            c.make("System.Security.Principal.WindowsIdentity", c.payload(String.self) ?? "")
        }
        // The console runs elevated: it is in the Administrators and Users groups.
        t.method("IsInRole", "bool", "System.Security.Principal.WindowsBuiltInRole role") { c in
            .bool(c.enumValue(0) == 544 || c.enumValue(0) == 545)
        }
        t.method("IsInRole", "bool", "string role") { c in
            let role = c.text(0).lowercased()
            return .bool(["administrators", "builtin\\administrators", "users", "builtin\\users"].contains(role))
        }
    }
}
