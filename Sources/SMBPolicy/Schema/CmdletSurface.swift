// The parameters of Set-* and the switches of Reset-*, derived from the properties.

/// How a Set-* argument becomes the property value.
public enum PolicyConversion: Sendable, Hashable {
    /// The argument is the value.
    case identity
    /// Seconds to minutes, rounded up (`-AutoDisconnectTimeoutInSecondsV2` → AutoDisconnectTimeout).
    /// The relation V2 = 60 × V1 is seen in a real listing (15 / 900); the rounding is a guess.
    case secondsToMinutes
}

/// A value parameter of Set-SmbClientConfiguration / Set-SmbServerConfiguration.
public struct PolicySetParameter: Sendable, Hashable {
    /// The parameter name as declared (`EnableMailslots`, `AutoDisconnectTimeoutInMinutesV1`).
    public let name: String
    /// The property it sets.
    public let propertyName: String
    public let conversion: PolicyConversion

    init(_ name: String, property: String, conversion: PolicyConversion) {
        self.name = name
        self.propertyName = property
        self.conversion = conversion
    }
}

/// A switch of Reset-SmbClientConfiguration / Reset-SmbServerConfiguration.
public struct PolicyResetSwitch: Sendable, Hashable {
    /// The switch name (`EnableMailslots`, `CompressibilitySampling`).
    public let name: String
    /// The properties it resets (several for `-CompressibilitySampling`).
    public let propertyNames: [String]

    init(_ name: String, properties: [String]) {
        self.name = name
        self.propertyNames = properties
    }
}

/// A Set-* parameter together with its property, as a cmdlet binds it.
public struct BoundSetParameter: Sendable, Hashable {
    public let parameter: PolicySetParameter
    public let property: PolicyProperty

    /// The parameter's type: the property type (UInt32 for the AutoDisconnectTimeout pair).
    public var type: PolicyType { property.type }
    /// The parameter name.
    public var name: String { parameter.name }
    /// One line of help.
    public var help: String {
        switch parameter.conversion {
        case .identity: return property.help
        case .secondsToMinutes: return "Seconds of inactivity before a session is disconnected."
        }
    }

    /// Validates an argument and converts it to the property value to store.
    public func propertyValue(for argument: PolicyValue) -> Result<PolicyValue, PolicyValidationFailure> {
        switch parameter.conversion {
        case .identity:
            return property.validate(argument)
        case .secondsToMinutes:
            return property.validate(argument).map { value in
                guard case .uint32(let seconds) = value else { return value }
                return .uint32(seconds / 60 + (seconds % 60 == 0 ? 0 : 1))
            }
        }
    }
}

/// A Reset-* switch together with the properties it resets in a profile.
public struct BoundResetSwitch: Sendable, Hashable {
    public let name: String
    public let properties: [PolicyProperty]
    /// One line of help.
    public var help: String {
        if name == "All" { return "Resets every setting this cmdlet can reset to its default value." }
        if properties.count == 1 { return "Resets \(properties[0].name) to its default value." }
        return "Resets " + properties.map(\.name).joined(separator: ", ") + " to their default values."
    }
}
