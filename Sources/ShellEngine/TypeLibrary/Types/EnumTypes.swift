/// Enum types scripts name. Values as .NET Framework 4.8 / Windows PowerShell 5.1 declare them.
enum EnumTypes {
    static func all() -> [DotNetType] {
        let plain: [(String, [String])] = [
            ("System.DayOfWeek", ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"]),
            ("System.DateTimeKind", ["Unspecified", "Utc", "Local"]),
            ("System.StringComparison", ["CurrentCulture", "CurrentCultureIgnoreCase", "InvariantCulture",
                                         "InvariantCultureIgnoreCase", "Ordinal", "OrdinalIgnoreCase"]),
            ("System.StringSplitOptions", ["None", "RemoveEmptyEntries"]),
            ("System.MidpointRounding", ["ToEven", "AwayFromZero"]),
            ("System.ConsoleColor", ConsoleColor.allCases.map(\.rawValue)),
            ("System.EnvironmentVariableTarget", ["Process", "User", "Machine"]),
            ("System.UriKind", ["RelativeOrAbsolute", "Absolute", "Relative"]),
            ("System.TypeCode", ["Empty", "Object", "DBNull", "Boolean", "Char", "SByte", "Byte", "Int16", "UInt16", "Int32",
                                 "UInt32", "Int64", "UInt64", "Single", "Double", "Decimal", "DateTime", "", "String"]),
            ("System.Management.Automation.ConfirmImpact", ["None", "Low", "Medium", "High"]),
            ("System.Management.Automation.ErrorCategory", ErrorCategory.allCases.map(\.rawValue)),
            ("System.Management.Automation.PSLanguageMode", ["FullLanguage", "RestrictedLanguage", "NoLanguage", "ConstrainedLanguage"]),
            ("System.Management.Automation.ErrorView", ["NormalView", "CategoryView"]),
            ("System.Management.Automation.VariableAccessMode", ["Read", "Write", "ReadWrite"]),
        ]
        var types = plain.map { name, names in
            DotNetType(name, kind: .enumeration(flags: false)) { t in
                t.values(names.enumerated().compactMap { $0.element.isEmpty ? nil : ($0.element, Int64($0.offset)) })
            }
        }
        types += [
            DotNetType("System.Management.Automation.ActionPreference", kind: .enumeration(flags: false)) {
                $0.values([("SilentlyContinue", 0), ("Stop", 1), ("Continue", 2), ("Inquire", 3), ("Ignore", 4), ("Suspend", 5)])
            },
            DotNetType("System.Management.Automation.CommandTypes", kind: .enumeration(flags: true)) {
                $0.values([("Alias", 1), ("Function", 2), ("Filter", 4), ("Cmdlet", 8), ("ExternalScript", 16),
                           ("Application", 32), ("Script", 64), ("Workflow", 128), ("Configuration", 256), ("All", 511)])
            },
            DotNetType("System.Management.Automation.WildcardOptions", kind: .enumeration(flags: true)) {
                $0.values([("None", 0), ("Compiled", 1), ("IgnoreCase", 2), ("CultureInvariant", 4)])
            },
            DotNetType("System.Management.Automation.ScopedItemOptions", kind: .enumeration(flags: true)) {
                $0.values([("None", 0), ("ReadOnly", 1), ("Constant", 2), ("Private", 4), ("AllScope", 8), ("Unspecified", 16)])
            },
            DotNetType("System.Text.RegularExpressions.RegexOptions", kind: .enumeration(flags: true)) {
                $0.values([("None", 0), ("IgnoreCase", 1), ("Multiline", 2), ("ExplicitCapture", 4), ("Compiled", 8),
                           ("Singleline", 16), ("IgnorePatternWhitespace", 32), ("RightToLeft", 64), ("ECMAScript", 256),
                           ("CultureInvariant", 512)])
            },
            DotNetType("System.IO.FileAttributes", kind: .enumeration(flags: true)) {
                $0.values([("ReadOnly", 1), ("Hidden", 2), ("System", 4), ("Directory", 16), ("Archive", 32), ("Device", 64),
                           ("Normal", 128), ("Temporary", 256), ("SparseFile", 512), ("ReparsePoint", 1024), ("Compressed", 2048),
                           ("Offline", 4096), ("NotContentIndexed", 8192), ("Encrypted", 16384), ("IntegrityStream", 32768),
                           ("NoScrubData", 131072)])
            },
            DotNetType("System.Globalization.DateTimeStyles", kind: .enumeration(flags: true)) {
                $0.values([("None", 0), ("AllowLeadingWhite", 1), ("AllowTrailingWhite", 2), ("AllowInnerWhite", 4),
                           ("AllowWhiteSpaces", 7), ("NoCurrentDateDefault", 8), ("AdjustToUniversal", 16),
                           ("AssumeLocal", 32), ("AssumeUniversal", 64), ("RoundtripKind", 128)])
            },
            DotNetType("System.Reflection.MemberTypes", kind: .enumeration(flags: true)) {
                $0.values([("Constructor", 1), ("Event", 2), ("Field", 4), ("Method", 8), ("Property", 16), ("TypeInfo", 32),
                           ("Custom", 64), ("NestedType", 128), ("All", 191)])
            },
            DotNetType("System.Net.Sockets.AddressFamily", kind: .enumeration(flags: false)) {
                $0.values([("Unspecified", 0), ("Unix", 1), ("InterNetwork", 2), ("InterNetworkV6", 23)])
            },
            DotNetType("System.Security.Principal.WindowsBuiltInRole", kind: .enumeration(flags: false)) {
                $0.values([("Administrator", 544), ("User", 545), ("Guest", 546), ("PowerUser", 547), ("AccountOperator", 548),
                           ("SystemOperator", 549), ("PrintOperator", 550), ("BackupOperator", 551), ("Replicator", 552)])
            },
            DotNetType("System.Environment+SpecialFolder", kind: .enumeration(flags: false)) {
                $0.values(SpecialFolders.table.map { ($0.name, $0.value) })
            },
        ]
        return types
    }
}
