/// Whether remote mailslots may be used, as the SMB policy (`EnableMailslots`) decides.
///
/// Local mailslots (`\\.\mailslot\...`) work whatever the policy says.
public struct TransportPolicy: Sendable, Equatable {
    /// Client side: writes to `\\COMPUTER\`, `\\DOMAIN\` and `\\*\` paths. When false they fail
    /// with ERROR_REMOTE_MAILSLOTS_DEPRECATED (3025) and nothing is sent.
    public var outboundRemoteAllowed: Bool
    /// Server side: mailslot writes received over UDP. When false they are dropped and counted.
    public var inboundRemoteAllowed: Bool

    public init(outboundRemoteAllowed: Bool, inboundRemoteAllowed: Bool) {
        self.outboundRemoteAllowed = outboundRemoteAllowed
        self.inboundRemoteAllowed = inboundRemoteAllowed
    }

    /// Both directions allowed: profiles without the `EnableMailslots` setting.
    public static let allowed = TransportPolicy(outboundRemoteAllowed: true, inboundRemoteAllowed: true)
    /// Both directions refused: Windows 11 24H2 / Server 2025 defaults.
    public static let disabled = TransportPolicy(outboundRemoteAllowed: false, inboundRemoteAllowed: false)
}

/// Counters of the datagram service; a snapshot taken with `MailslotService.statistics()`.
public struct TransportStatistics: Sendable, Equatable {
    /// Datagrams handed to the socket (one per destination address).
    public var datagramsSent = 0
    /// Datagrams the socket refused to send.
    public var sendFailures = 0
    /// Datagrams received on the socket, whatever became of them.
    public var datagramsReceived = 0
    /// Received messages queued into a local mailslot.
    public var datagramsDelivered = 0
    /// Received datagrams addressed to a NetBIOS name this host does not hold.
    public var droppedNotForThisHost = 0
    /// Received mailslot writes dropped because inbound remote mailslots are disabled.
    public var droppedByPolicy = 0
    /// Received mailslot writes for a mailslot that does not exist here.
    public var droppedUnknownMailslot = 0
    /// Received messages the mailslot refused (larger than its maximum, or its queue is full).
    public var droppedRefusedByMailslot = 0
    /// Received datagrams the decoder rejected, all reasons together.
    public var rejectedMalformed = 0
    /// Rejections per reason; reasons never seen are absent.
    public var rejectionsByReason: [DatagramRejection: Int] = [:]

    public init() {}
}
