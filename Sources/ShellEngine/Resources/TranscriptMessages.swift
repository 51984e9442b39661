/// Windows PowerShell 5.1's transcript texts (InternalHostUserInterfaceStrings, TranscriptStrings).
package enum TranscriptMessages {
    // InternalHostUserInterfaceStrings
    package static let transcriptPrologue = """
    **********************
    Windows PowerShell transcript start
    Start time: {0}
    Username: {1}
    RunAs User: {2}
    Configuration Name: {3}
    Machine: {4} ({5})
    Host Application: {6}
    Process ID: {7}
    {8}
    **********************
    """
    package static let transcriptEpilogue = """
    **********************
    Windows PowerShell transcript end
    End time: {0}
    **********************
    """
    package static let hostNotTranscribing = "The host is not currently transcribing."
    package static let invalidTranscriptFilePath = "File path {0} resolves to a directory."
    // TranscriptStrings (Microsoft.PowerShell.ConsoleHost)
    package static let transcriptionStarted = "Transcript started, output file is {0}"
    package static let transcriptionStopped = "Transcript stopped, output file is {0}"
    package static let cannotStartTranscription = "Transcription cannot be started due to the error: {0}"
    package static let errorStoppingTranscript = "An error occurred stopping transcription: {0}"
    package static let transcriptFileExistsNoClobber = "File {0} already exists and {1} was specified."
}
