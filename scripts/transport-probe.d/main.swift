// A small driver of MailslotService for black-box tests from outside Swift
// (scripts/blackbox-transport). Compiled with the module's sources by scripts/build-transport-tool.
//
//   transport-probe send LMHOSTS PATH HEX         write one message (policy: allowed), then exit
//   transport-probe receive COUNT NAME...         create the mailslots on 127.0.0.1:0, print
//                                                 "READY <port>", then print "<name> <hex>" for
//                                                 COUNT messages (5 s timeout each)
//   transport-probe serve NAME                    create NAME on 127.0.0.1:0, print "READY <port>";
//                                                 for each stdin line print the statistics, whether
//                                                 a queued message and a local round trip work
import Glibc

func hex(_ bytes: [UInt8]) -> String {
    let digits = Array("0123456789abcdef")
    return String(bytes.flatMap { [digits[Int($0 >> 4)], digits[Int($0 & 0xF)]] })
}

func unhex(_ text: String) -> [UInt8] {
    let characters = Array(text.utf8)
    return stride(from: 0, to: characters.count - 1, by: 2).map {
        UInt8(String(decoding: characters[$0..<$0 + 2], as: UTF8.self), radix: 16)!
    }
}

func fail(_ text: String) -> Never {
    fputs("transport-probe: \(text)\n", stderr)
    exit(1)
}

@main
struct TransportProbe {
    static func main() {
        let arguments = CommandLine.arguments
        guard arguments.count >= 3 else { fail("usage: send LMHOSTS PATH HEX | receive COUNT NAME...") }
        switch arguments[1] {
        case "send":
            guard arguments.count == 5 else { fail("usage: send LMHOSTS PATH HEX") }
            let service = MailslotService(configuration: TransportConfiguration(
                computerName: "PROBE", endpoint: "127.0.0.1:0", lmhostsPath: arguments[2]), policy: .allowed)
            do {
                try service.write(path: arguments[3], data: unhex(arguments[4]))
            } catch {
                fail("\(error)")
            }
            usleep(100_000)   // let the event loop put it on the wire
            service.shutdown()
        case "receive":
            guard let count = Int(arguments[2]), arguments.count >= 4 else { fail("usage: receive COUNT NAME...") }
            let service = MailslotService(configuration: TransportConfiguration(
                computerName: "PROBE", endpoint: "127.0.0.1:0"), policy: .allowed)
            let names = Array(arguments[3...])
            do {
                for name in names { try service.createMailslot(name: name, readTimeout: 0) }
            } catch {
                fail("\(error)")
            }
            guard let port = service.boundEndpoint?.port else { fail(service.drainWarnings().joined(separator: "; ")) }
            print("READY \(port)")
            fflush(stdout)
            var received = 0
            let deadline = LocalMailslot.nowMilliseconds() + 5000
            while received < count && LocalMailslot.nowMilliseconds() < deadline {
                var any = false
                for name in names {
                    if let message = try? service.read(name: name, timeout: 0) {
                        print("\(name) \(hex(message))")
                        fflush(stdout)
                        received += 1
                        any = true
                    }
                }
                if !any { usleep(1000) }
            }
            let statistics = service.statistics()
            print("STATS received=\(statistics.datagramsReceived) delivered=\(statistics.datagramsDelivered) malformed=\(statistics.rejectedMalformed)")
            service.shutdown()
        case "serve":
            let service = MailslotService(configuration: TransportConfiguration(
                computerName: "PROBE", endpoint: "127.0.0.1:0"), policy: .allowed)
            do {
                try service.createMailslot(name: arguments[2], readTimeout: 0)
            } catch {
                fail("\(error)")
            }
            guard let port = service.boundEndpoint?.port else { fail(service.drainWarnings().joined(separator: "; ")) }
            print("READY \(port)")
            fflush(stdout)
            while readLine() != nil {
                let queued = (try? service.read(name: arguments[2], timeout: 2000)).map(hex) ?? "none"
                var roundTrip = false
                if (try? service.write(path: #"\\.\mailslot\"# + arguments[2], data: [1, 2, 3])) != nil {
                    roundTrip = (try? service.read(name: arguments[2], timeout: 0)) == [1, 2, 3]
                }
                let statistics = service.statistics()
                let reasons = statistics.rejectionsByReason.map { "\($0.key.rawValue)=\($0.value)" }.sorted()
                print("STATS received=\(statistics.datagramsReceived) delivered=\(statistics.datagramsDelivered) "
                      + "malformed=\(statistics.rejectedMalformed) queued=\(queued) roundtrip=\(roundTrip) "
                      + reasons.joined(separator: " "))
                fflush(stdout)
            }
            service.shutdown()
        default:
            fail("unknown command \(arguments[1])")
        }
    }
}
