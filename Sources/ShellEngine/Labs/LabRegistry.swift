/// Every command of the training-lab layer: transcripts, the registry view, configuration
/// sources, legacy workloads, captures and lab scenarios.
enum LabRegistry {
    static func definitions() -> [CmdletDefinition] {
        TranscriptCmdlets.definitions() + RegistryCmdlets.definitions() + SourceCmdlets.definitions()
            + WorkloadCmdlets.definitions() + LabCmdlets.definitions()
    }
}
