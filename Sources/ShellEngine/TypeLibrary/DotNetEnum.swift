/// Enum values: a library object whose payload is the numeric value. Names print as .NET does,
/// `[Flags]` values as `A, B`; conversion from names (`"A, B"` for flags) and numbers.
package enum DotNetEnum {
    package static func value(_ number: Int64, of type: DotNetType, engine: Engine) -> PSValue {
        .object(DotNetObject(type, payload: number, engine: engine))
    }

    /// The number of an enum value (nil for anything else).
    package static func numericValue(_ value: PSValue) -> Int64? {
        switch value {
        case .object(let o as DotNetObject) where o.type.isEnum: return o.payload as? Int64
        case .int32, .int64, .uint32, .uint64, .byte: return LanguagePrimitives.toInt64(value)
        default: return nil
        }
    }

    /// Enum.ToString(): the member name, the `, `-joined names of a flags value, else the number.
    package static func name(_ number: Int64, of type: DotNetType) -> String {
        if let match = type.enumValues.last(where: { $0.value == number }) { return match.name }
        guard type.isFlags, number != 0 else { return String(number) }
        var remaining = number
        var names: [String] = []
        for member in type.enumValues.reversed() where member.value != 0 && member.value & remaining == member.value {
            names.insert(member.name, at: 0)
            remaining &= ~member.value
        }
        return remaining == 0 ? names.joined(separator: ", ") : String(number)
    }

    /// A cast to an enum: a name (or comma-separated names for flags), a number, or an enum value.
    package static func convert(_ value: PSValue, to type: DotNetType, engine: Engine) throws(ConversionFailure) -> PSValue {
        if let n = numericValue(value) { return Self.value(n, of: type, engine: engine) }
        let text = LanguagePrimitives.toString(value)
        if let number = try parse(text, type) { return Self.value(number, of: type, engine: engine) }
        let names = type.enumValues.map(\.name).joined(separator: ", ")
        if value.isNull {
            throw ConversionFailure(Messages.format("InvalidCastFromNull", type.fullName), errorId: "nullToObjectInvalidCast")
        }
        throw ConversionFailure(Messages.format("InvalidCastException", text, type.fullName,
            "Unable to match the identifier name \(text) to a valid enumerator name. Specify one of the following enumerator names and try again:\r\n"
            + names), errorId: "RuntimeException")
    }

    /// The number for a name list; nil when a name is unknown.
    package static func parse(_ text: String, _ type: DotNetType) throws(ConversionFailure) -> Int64? {
        let parts = text.split(separator: ",").map { String($0).trimmedWhitespace }
        guard !parts.isEmpty else { return nil }
        if parts.count > 1 && !type.isFlags {
            throw ConversionFailure(Messages.format("InvalidCastException", text, type.fullName,
                "Cannot convert value \"\(text)\" to type \"\(type.fullName)\" due to enumeration values that are not valid. Specify one of the following enumeration values and try again. The possible enumeration values are \"\(type.enumValues.map(\.name).joined(separator: ","))\"."),
                errorId: "RuntimeException")
        }
        var result: Int64 = 0
        for part in parts {
            if let match = type.enumValues.first(where: { $0.name.caseInsensitiveEquals(part) }) {
                result |= match.value
            } else if let n = Int64(part) {
                result |= n
            } else if parts.count == 1, let name = try disambiguate(text, names: type.enumValues.map(\.name), typeName: type.fullName),
                      let match = type.enumValues.first(where: { $0.name == name }) {
                result |= match.value
            } else {
                return nil
            }
        }
        return result
    }

    /// The one member a prefix names (`Ig` is Ignore), as PowerShell's enum conversion tries when no
    /// name matches; nil when none starts so; MultipleEnumNameMatch when several do and none is
    /// exact (FileAttributes prefers Directory, ReadOnly and System).
    package static func disambiguate(_ text: String, names: [String], typeName: String) throws(ConversionFailure) -> String? {
        let prefix = text.lowercased()
        let matching = names.filter { $0.lowercased().hasPrefix(prefix) }
        if matching.count <= 1 { return matching.first }
        if let exact = matching.first(where: { $0.lowercased() == prefix }) { return exact }
        if typeName == "System.IO.FileAttributes",
           let special = ["Directory", "ReadOnly", "System"].first(where: { $0.lowercased().hasPrefix(prefix) }) {
            return special
        }
        throw ConversionFailure(Messages.format("InvalidCastException", text, typeName,
            "The identifier name \(text) cannot be processed because it is either too similar or identical to the following enumerator names: \(matching.joined(separator: ", ")). Use a more specific identifier name."),
            errorId: "SubstringDisambiguationEnumParseThrewAnException")
    }
}
