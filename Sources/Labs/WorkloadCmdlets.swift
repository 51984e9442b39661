import ShellEngine
import EmulatedHost
import FoundationEssentials
import MailslotTransport

/// Legacy workloads, simulated events, lab hosts and packet captures.
enum WorkloadCmdlets {
    static let module = LabsModule.name

    static func definitions() -> [CmdletDefinition] {
        let appName = ParameterMetadata("Name", .array(.string), position: 0, valueFromPipelineByPropertyName: true,
                                        help: "Workload names (wildcards allowed); all when omitted.")
        return [
            CmdletDefinition(metadata: CommandMetadata(
                name: "Start-LegacyMailslotApp", module: module, implementation: .function,
                parameters: [
                    ParameterMetadata("Kind", .enumeration(typeName: "SmbConfigShell.LegacyAppKind",
                                                           values: LegacyAppKind.allCases.map(\.rawValue)),
                                      position: 0, mandatory: true,
                                      help: "LineOfBusiness (writes to \\\\SERVER\\mailslot\\...), Messenger (broadcasts to \\\\*\\mailslot\\messngr) or BrowserAnnouncer (HostAnnouncement frames to \\MAILSLOT\\BROWSE of the workgroup)."),
                    ParameterMetadata("Name", .string, help: "The workload's name; the kind when omitted."),
                    ParameterMetadata("Target", .string,
                                      help: "The mailslot path written to. Required for LineOfBusiness; Messenger: \\\\*\\mailslot\\messngr; BrowserAnnouncer: \\\\<workgroup>\\mailslot\\browse."),
                    ParameterMetadata("ComputerName", .string,
                                      help: "The lab host the program runs on (see Get-LabHost); this computer when omitted, so this computer's SMB client policy applies."),
                    ParameterMetadata("Message", .string, help: "The text each write carries."),
                    ParameterMetadata("IntervalMilliseconds", .uint32, validations: [.range(min: 50, max: 3_600_000)],
                                      help: "Time between writes (default 1000)."),
                ],
                synopsis: "Starts a simulated legacy program that writes to a remote mailslot on a timer (shell extension).",
                description: "The program writes once at once, then every -IntervalMilliseconds on a background thread, and logs each success or failure (error 3025 while remote mailslots are disabled) as a simulated event: see Get-LabEvent.",
                examples: [HelpExample(code: "Start-LegacyMailslotApp -Kind LineOfBusiness -Name Orders -Target \\\\APPSRV\\mailslot\\orders",
                                       remarks: "Starts an order client writing to APPSRV.")])) { StartLegacyApp() },
            CmdletDefinition(metadata: CommandMetadata(
                name: "Stop-LegacyMailslotApp", module: module, implementation: .function,
                parameters: [ParameterMetadata("Name", .array(.string), position: 0, mandatory: true,
                                               valueFromPipelineByPropertyName: true, help: "Workload names (wildcards allowed).")],
                synopsis: "Stops simulated legacy programs (shell extension).")) { LegacyAppVerb(.stop) },
            CmdletDefinition(metadata: CommandMetadata(
                name: "Get-LegacyMailslotApp", module: module, implementation: .function, parameters: [appName],
                synopsis: "Lists the simulated legacy programs with their counts of successful and failed writes (shell extension).")) { LegacyAppVerb(.get) },
            CmdletDefinition(metadata: CommandMetadata(
                name: "Invoke-LegacyMailslotApp", module: module, implementation: .function,
                parameters: [ParameterMetadata("Name", .array(.string), position: 0, mandatory: true,
                                               valueFromPipelineByPropertyName: true, help: "Workload names (wildcards allowed).")],
                synopsis: "Makes simulated legacy programs write once now, without waiting for their timer (shell extension).")) { LegacyAppVerb(.invoke) },
            CmdletDefinition(metadata: CommandMetadata(
                name: "Get-LabEvent", module: module, implementation: .function,
                parameters: [
                    ParameterMetadata("Source", .array(.string), position: 0, help: "Workload names (wildcards allowed)."),
                    ParameterMetadata("Result", .enumeration(typeName: "SmbConfigShell.LabEventResult", values: ["Success", "Failure"]),
                                      help: "Only successes or only failures."),
                    ParameterMetadata("Newest", .int32, validations: [.range(min: 1, max: 1_000_000)], help: "Only the newest N events."),
                ],
                synopsis: "Gets the simulated events of lab workloads (shell extension; every entry is labelled simulated and has no Windows event id).")) { GetLabEvent() },
            CmdletDefinition(metadata: CommandMetadata(
                name: "Get-LabHost", module: module, implementation: .function,
                parameters: [ParameterMetadata("Name", .array(.string), position: 0, help: "Host names (wildcards allowed).")],
                synopsis: "Lists the simulated computers of the running lab: address, Windows version, mailslots and datagram counts (shell extension).")) { GetLabHost() },
            CmdletDefinition(metadata: CommandMetadata(
                name: "Start-MailslotCapture", module: module, implementation: .function,
                parameters: [ParameterMetadata("Path", .string, position: 0, mandatory: true, help: "The pcap file to write.")],
                synopsis: "Records every datagram this computer sends or receives in a pcap file (shell extension).",
                description: "Ethernet/IPv4/UDP 138 frames around the NetBIOS datagrams, which Wireshark decodes as NBDS + SMB MailSlot. A datagram sent to this computer itself is recorded once.")) { StartCapture() },
            CmdletDefinition(metadata: CommandMetadata(
                name: "Stop-MailslotCapture", module: module, implementation: .function, parameters: [],
                synopsis: "Stops the capture and reports what it holds (shell extension).")) { StopCapture() },
            CmdletDefinition(metadata: CommandMetadata(
                name: "Read-MailslotCapture", module: module, implementation: .function,
                parameters: [ParameterMetadata("Path", .string, position: 0, mandatory: true, help: "A pcap file.")],
                synopsis: "Decodes the mailslot writes of a pcap file: addresses, NetBIOS names, mailslot, length (shell extension).")) { ReadCapture() },
        ]
    }

    static func matches(_ patterns: PSValue?, _ name: String) -> Bool {
        guard let patterns else { return true }
        return (patterns.enumerated ?? [patterns]).contains { WildcardPattern(LanguagePrimitives.toString($0)).matches(name) }
    }

    static func appObject(_ app: LegacyApp) -> PSValue {
        let s = app.snapshot
        let o = PSCustomObject(typeNames: ["SmbConfigShell.LegacyMailslotApp", "System.Object"])
        o.add("Name", .string(app.name))
        o.add("Kind", .string(app.kind.rawValue))
        o.add("ComputerName", .string(app.computer))
        o.add("Target", .string(app.target))
        o.add("IntervalMilliseconds", .int32(Int32(clamping: app.intervalMilliseconds)))
        o.add("Running", .bool(s.running))
        o.add("Writes", .int32(Int32(clamping: s.successes)))
        o.add("Failures", .int32(Int32(clamping: s.failures)))
        o.add("LastError", .uint32(s.lastError))
        return .object(o)
    }

    static func failure(_ context: CommandContext, _ message: String, id: String, category: ErrorCategory = .InvalidArgument,
                        target: String = "") -> ErrorRecord {
        context.errorRecord(message: message, errorId: id, category: category,
                            exceptionType: "System.ArgumentException", target: target.isEmpty ? .null : .string(target))
    }
}

final class StartLegacyApp: Cmdlet {
    func process(_ context: CommandContext, input: PSValue?) throws {
        let engine = context.engine
        let labs = engine.labServices
        guard let kind = LegacyAppKind(name: context.string("Kind") ?? "") else { return }
        let name = context.string("Name") ?? kind.rawValue
        if labs.app(named: name) != nil {
            try context.throwTerminatingError(WorkloadCmdlets.failure(context,
                "A legacy mailslot app named '\(name)' is already running. Stop it with Stop-LegacyMailslotApp or choose another -Name.",
                id: "AppAlreadyRunning", category: .ResourceExists, target: name))
        }
        guard let target = context.string("Target") ?? kind.defaultTarget(workgroup: engine.workgroup) else {
            try context.throwTerminatingError(WorkloadCmdlets.failure(context,
                "A LineOfBusiness app needs -Target, the remote mailslot it writes to, such as \\\\APPSRV\\mailslot\\orders.",
                id: "TargetRequired", target: name))
        }
        let service: MailslotService
        let computer: String
        if let hostName = context.string("ComputerName"), !hostName.caseInsensitiveEquals(engine.computerName) {
            guard let host = labs.host(named: hostName) else {
                try context.throwTerminatingError(WorkloadCmdlets.failure(context,
                    "There is no lab host named '\(hostName)'. Get-LabHost lists the hosts of the running lab.",
                    id: "LabHostNotFound", category: .ObjectNotFound, target: hostName))
            }
            service = host.service
            computer = host.name
        } else {
            service = engine.mailslotService
            computer = engine.computerName
        }
        let interval = context.value("IntervalMilliseconds").flatMap { LanguagePrimitives.toInt64($0) }.map { Int($0) } ?? 1000
        let app = LegacyApp(name: name, kind: kind, computer: computer, target: target,
                            text: context.string("Message") ?? "legacy \(kind.rawValue) message",
                            intervalMilliseconds: interval, service: service, log: labs.events)
        labs.add(app)
        app.start()
        for warning in service.drainWarnings() { context.writeWarning(warning) }
        try context.writeObject(WorkloadCmdlets.appObject(app))
    }
}

final class LegacyAppVerb: Cmdlet {
    enum Verb { case stop, get, invoke }
    let verb: Verb
    init(_ verb: Verb) { self.verb = verb }

    func process(_ context: CommandContext, input: PSValue?) throws {
        let labs = context.engine.labServices
        let names = context.value("Name")
        let selected = labs.apps.filter { WorkloadCmdlets.matches(names, $0.name) }
        // A name without wildcards that matches nothing is an error, as for Get-Process -Name.
        for value in names.map({ $0.enumerated ?? [$0] }) ?? [] {
            let name = LanguagePrimitives.toString(value)
            guard !name.contains(where: { $0 == "*" || $0 == "?" }),
                  !labs.apps.contains(where: { $0.name.caseInsensitiveEquals(name) }) else { continue }
            try context.writeError(WorkloadCmdlets.failure(context,
                "Cannot find a legacy mailslot app with the name '\(name)'.", id: "AppNotFound",
                category: .ObjectNotFound, target: name))
        }
        for app in selected {
            switch verb {
            case .stop: labs.remove(app)
            case .invoke: app.tickNow(); try context.writeObject(WorkloadCmdlets.appObject(app))
            case .get: try context.writeObject(WorkloadCmdlets.appObject(app))
            }
        }
    }
}

final class GetLabEvent: Cmdlet {
    func process(_ context: CommandContext, input: PSValue?) throws {
        var events = context.engine.labServices.events.events
        let sources = context.value("Source")
        events = events.filter { WorkloadCmdlets.matches(sources, $0.source) }
        if let result = context.string("Result") { events = events.filter { $0.result.rawValue.caseInsensitiveEquals(result) } }
        if let newest = context.value("Newest").flatMap({ LanguagePrimitives.toInt64($0) }) {
            events = Array(events.suffix(Int(newest)))
        }
        // Newest first, as Get-EventLog and Get-WinEvent list them.
        for event in events.reversed() { try context.writeObject(event.psObject) }
    }
}

final class GetLabHost: Cmdlet {
    func process(_ context: CommandContext, input: PSValue?) throws {
        let names = context.value("Name")
        _ = LabCmdlets.runningLab(context)
        for host in context.engine.labServices.hosts where WorkloadCmdlets.matches(names, host.name) {
            let s = host.service.statistics()
            let policy = host.service.policy
            let o = PSCustomObject(typeNames: ["SmbConfigShell.LabHost", "System.Object"])
            o.add("Name", .string(host.name))
            o.add("OSProfile", .string(host.profile.rawValue))
            o.add("Address", .string(host.address?.description ?? ""))
            o.add("OutboundRemoteMailslots", .bool(policy.outboundRemoteAllowed))
            o.add("InboundRemoteMailslots", .bool(policy.inboundRemoteAllowed))
            o.add("Mailslots", .array(PSArray(host.mailslots.map { .string($0) }, elementTypeName: "System.String")))
            let waiting = host.service.listMailslots().reduce(0) { $0 + Int($1.messageCount) }
            o.add("MessagesWaiting", .int32(Int32(clamping: waiting)))
            o.add("DatagramsReceived", .int32(Int32(clamping: s.datagramsReceived)))
            o.add("DatagramsDelivered", .int32(Int32(clamping: s.datagramsDelivered)))
            o.add("DroppedByPolicy", .int32(Int32(clamping: s.droppedByPolicy)))
            o.add("DatagramsSent", .int32(Int32(clamping: s.datagramsSent)))
            try context.writeObject(.object(o))
        }
    }
}

final class StartCapture: Cmdlet {
    func process(_ context: CommandContext, input: PSValue?) throws {
        let engine = context.engine
        let labs = engine.labServices
        let path = engine.absolutePath(context.string("Path") ?? "")
        if let running = labs.capture {
            try context.throwTerminatingError(WorkloadCmdlets.failure(context,
                "A capture to '\(running.writer.path)' is already running. Stop it with Stop-MailslotCapture first.",
                id: "CaptureRunning", category: .ResourceBusy, target: path))
        }
        let writer: PcapWriter
        do {
            writer = try PcapWriter(path: path)
        } catch {
            try context.throwTerminatingError(context.errorRecord(message: error.message, errorId: "CaptureOpenFailed",
                category: .OpenError, exceptionType: "System.IO.IOException", target: .string(path)))
        }
        let tap = engine.mailslotService.tap
        tap.start { writer.write($0) }
        labs.capture = (writer, tap)
    }
}

final class StopCapture: Cmdlet {
    func process(_ context: CommandContext, input: PSValue?) throws {
        guard let writer = context.engine.labServices.stopCapture() else {
            try context.throwTerminatingError(WorkloadCmdlets.failure(context, "No mailslot capture is running.",
                id: "NoCaptureRunning", category: .InvalidOperation))
        }
        let c = writer.counters
        let o = PSCustomObject(typeNames: ["SmbConfigShell.MailslotCapture", "System.Object"])
        o.add("Path", .string(writer.path))
        o.add("Datagrams", .int32(Int32(clamping: c.sent + c.received)))
        o.add("Sent", .int32(Int32(clamping: c.sent)))
        o.add("Received", .int32(Int32(clamping: c.received)))
        try context.writeObject(.object(o))
    }
}

final class ReadCapture: Cmdlet {
    func process(_ context: CommandContext, input: PSValue?) throws {
        let engine = context.engine
        let given = context.string("Path") ?? ""
        let path = engine.absolutePath(given)
        guard let data = FileManager.default.contents(atPath: path) else {
            return try context.writeError(context.pathNotFoundError(given))
        }
        let records: [PcapReader.Record]
        do {
            records = try PcapReader.read([UInt8](data))
        } catch {
            return try context.writeError(context.errorRecord(message: "'\(given)' is not a complete pcap capture.",
                errorId: "InvalidCapture", category: .InvalidData, exceptionType: "System.IO.InvalidDataException",
                target: .string(given)))
        }
        for record in records {
            let o = PSCustomObject(typeNames: ["SmbConfigShell.CapturedDatagram", "System.Object"])
            o.add("Time", .string(LabEvent.timeText(Double(record.seconds) + Double(record.microseconds) / 1_000_000)))
            o.add("SourceAddress", .string(DatagramAddress(ipv4: record.source.ipv4, port: record.source.port).host))
            o.add("DestinationAddress", .string(record.destination.host))
            do throws(DatagramRejection) {
                let d = try DatagramCodec.decode(record.payload)
                o.add("MessageType", .string(d.header.messageType.name))
                o.add("SourceName", .string(d.header.sourceName.description))
                o.add("DestinationName", .string(d.header.destinationName.description))
                o.add("Mailslot", .string(d.mailslotName))
                o.add("Length", .int32(Int32(d.data.count)))
                o.add("Valid", .bool(true))
            } catch {
                o.add("MessageType", .null)
                o.add("SourceName", .null)
                o.add("DestinationName", .null)
                o.add("Mailslot", .null)
                o.add("Length", .int32(Int32(record.payload.count)))
                o.add("Valid", .bool(false))
            }
            try context.writeObject(.object(o))
        }
    }
}
