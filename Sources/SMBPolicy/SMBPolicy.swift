// SMBPolicy: the SMB client/server configuration of the emulated Windows, and where it is kept.
//
// - `PolicySchema` is the one declaration of every property of Get-/Set-/Reset-SmbClientConfiguration
//   and -SmbServerConfiguration: name, side, type (.NET name), validation, default and existence per
//   `OSProfile`, Format-List order, Set-* parameters and Reset-* switches in the docs' syntax order,
//   registry storage and activation. The cmdlets derive their parameters from it.
// - `OSProfile` selects the documented generation: 24H2 / Server 2025 (EnableMailslots, remote
//   mailslots gated) or 23H2 / Server 2022 (no EnableMailslots; remote mailslots simply work).
// - `PolicyStore` keeps the local settings and a Group Policy layer in `smb-policy.json` under
//   SMBCONFIG_HOME: every change is a read-modify-write under an flock'd lock file, written to a
//   temporary file, fsynced, renamed over the old one, and the folder fsynced. A damaged file is moved
//   aside with a warning, never overwritten; a failed write leaves the old file as it was.
//   The file is JSON; what the shell does not own (unknown keys, numbers as written) is kept byte for
//   byte, a UTF-8 byte order mark is accepted, and a change that would make the file larger than the
//   reader accepts (`maximumFileSize`) is refused.
// - `PolicySnapshot` resolves default < local < Group Policy and answers `mailslotsEnabled(side)`,
//   which the engine turns into the transport's outbound (client) / inbound (server) policy.
// - `PolicyMonitor` is one shell's policy: it looks at the file at most once a second and reads it
//   again when another shell changed it; a damaged file keeps the last good policy, reported once.
//
// The module imports nothing of the project and only Glibc and Synchronization from the system.
//
// Typical use by a cmdlet:
//
//     let (profile, warning) = OSProfile.resolve(environmentValue: env["SMBCONFIG_OS_PROFILE"])
//     let store = PolicyStore(folder: smbconfigHome, profile: profile)
//     let monitor = PolicyMonitor(store: store)
//     monitor.snapshot()                              // then monitor.drainWarnings() as WARNING: lines
//     for parameter in PolicySchema.setParameters(side: .client, profile: profile) { … bind … }
//     let value = try parameter.propertyValue(for: .bool(true)).get()
//     let change = try store.update(side: .client, set: [parameter.property.name: value])
//     monitor.record(change)                          // in effect at once in this shell
//     change.registryWrites.map(\.summary)            // VERBOSE: lines
//     change.snapshot.mailslotsEnabled(.client)       // → TransportPolicy(outbound:)
//     change.snapshot.entries(side: .client)          // Get-SmbClientConfiguration, in order
