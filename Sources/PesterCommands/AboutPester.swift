/// about_Pester: the test framework Windows ships with PowerShell 5.1.
enum AboutPester {
    static let text = """

    TOPIC
        about_Pester

    SHORT DESCRIPTION
        Pester is a BDD based test runner for PowerShell.

    LONG DESCRIPTION
        Pester 3.4.0 ships with Windows PowerShell 5.1 in
        C:\\Program Files\\WindowsPowerShell\\Modules\\Pester. It runs tests
        written in PowerShell: Describe and Context group them, It holds one
        test, and Should asserts.

            Describe 'Mailslots' {
                It 'are off on Windows 11 24H2' {
                    (Get-SmbClientConfiguration).EnableMailslots | Should Be $false
                }
            }

        Invoke-Pester runs the *.Tests.ps1 files of a folder and reports each
        test as passed or failed, with a summary at the end. Each It runs in a
        scope of its own; BeforeEach and AfterEach run around every It of their
        block, Mock replaces a command inside a Describe or Context, and
        TestDrive: is a temporary folder that exists while a Describe runs.

        Should's operators in Pester 3.4 are written without a dash:
        Should Be, Should BeExactly, Should Match, Should Throw, Should Exist,
        Should BeNullOrEmpty, Should Contain; put Not before one to negate it
        (Should Not Be).

    SEE ALSO
        Describe
        It
        Should
        Invoke-Pester

    """
}
