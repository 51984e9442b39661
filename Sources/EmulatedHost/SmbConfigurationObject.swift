import SMBPolicy
import ShellEngine

/// `Get-SmbClientConfiguration` objects: CIM instances of MSFT_SmbClientConfiguration.
package final class SmbConfigurationObject: PSObject {
    package let side: PolicySide
    package let entries: [PolicyEntry]

    package init(side: PolicySide, snapshot: PolicySnapshot) {
        self.side = side
        self.entries = snapshot.entries(side: side)
        super.init(typeNames: side.cimTypeNames)
    }

    override package var properties: [PSPropertyInfo] {
        entries.map { PSPropertyInfo(name: $0.property.name, value: $0.value.psValue(type: $0.property.type),
                                     typeName: $0.property.type.dotNetTypeName) }
    }

    override package func property(_ name: String) -> PSValue? {
        if name.caseInsensitiveEquals("PSComputerName") { return .string("") }
        return entries.first { $0.property.name.caseInsensitiveEquals(name) }
            .map { $0.value.psValue(type: $0.property.type) }
    }

    override package func toString() -> String { side.cimClassName }
}
