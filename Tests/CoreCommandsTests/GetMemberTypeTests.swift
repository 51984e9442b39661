import ShellTestSupport
import Testing

/// Get-Member -MemberType takes PSMemberTypes: several names, an array, or a group.
struct GetMemberTypeTests {
    @Test func severalMemberTypesSelectTheirUnion() {
        #expect(run("(Get-Member -InputObject 'abc' -MemberType Method, Property).Count -eq (Get-Member -InputObject 'abc').Count")
                == "True\n")
        #expect(run("(Get-Member -InputObject 'abc' -MemberType 'Method, Property').Count -gt 30") == "True\n")
        #expect(run("Get-Member -InputObject 'abc' -MemberType Properties | ForEach-Object Name") == "Length\n")
        #expect(run("(Get-Member -InputObject ([pscustomobject]@{ a = 1 }) -MemberType Properties).Name") == "a\n")
        #expect(run("(Get-Member -InputObject 'abc' -MemberType All).Count -eq (Get-Member -InputObject 'abc').Count") == "True\n")
    }
}
