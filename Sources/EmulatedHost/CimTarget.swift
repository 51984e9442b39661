import ShellEngine

extension CommandContext {
    /// What every CIM cmdlet checks first: `-AsJob` is refused, and the computers named by
    /// `parameter` (`-CimSession`, `-ComputerName`) are this one, as no other is reachable.
    package func checkLocalCimTarget(parameter: String) throws {
        if switchValue("AsJob") {
            throw RuntimeError(record: errorRecord(message: Messages.template("AsJobNotSupported"),
                errorId: "AsJobNotSupported", category: .NotImplemented,
                exceptionType: "System.Management.Automation.PSNotSupportedException"))
        }
        if let record = unreachableTarget(parameter: parameter) { throw RuntimeError(record: record) }
    }

    /// The WinRM error for the first computer named by `parameter` that is not this one; nil when
    /// all are this one.
    package func unreachableTarget(parameter: String) -> ErrorRecord? {
        guard let sessions = value(parameter) else { return nil }
        for session in sessions.enumerated ?? [sessions] {
            let name = LanguagePrimitives.toString(session)
            let local = [engine.computerName, "localhost", ".", "127.0.0.1", engine.hostAddress]
            guard !local.contains(where: { $0.caseInsensitiveEquals(name) }) else { continue }
            return errorRecord(
                message: "WinRM cannot complete the operation. Verify that the specified computer name is valid, that the computer is accessible over the network, and that a firewall exception for the WinRM service is enabled and allows access from this computer. By default, the WinRM firewall exception for public profiles limits access to remote computers within the same local subnet. ",
                errorId: "HRESULT 0x80338126", category: .ConnectionError,
                exceptionType: "Microsoft.Management.Infrastructure.CimException", target: .string(name))
        }
        return nil
    }
}
