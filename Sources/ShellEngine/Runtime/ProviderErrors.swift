extension CommandContext {
    /// `Cannot find path '…' because it does not exist.` (ItemNotFoundException), as the
    /// providers report a missing item.
    package func pathNotFoundError(_ path: String) -> ErrorRecord {
        errorRecord(message: Messages.fill(ProviderMessages.pathNotFound, [path]), errorId: "PathNotFound",
                    category: .ObjectNotFound, exceptionType: "System.Management.Automation.ItemNotFoundException",
                    target: .string(path))
    }
}
