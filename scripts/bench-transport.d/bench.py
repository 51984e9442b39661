#!/usr/bin/env python3
"""scripts/bench-transport: the plain UDP floor and the local mailslot figures (the Swift tool built
from main.swift), then two built shells as two hosts on loopback (HOSTA on 127.0.0.2, HOSTB on
127.0.0.3) exchanging 100-byte remote mailslot messages, in one run, with the ratios.

Throughput: HOSTB reads in a loop and prints a progress line every STEP messages; HOSTA writes COUNT
messages in a loop. The rate is taken between HOSTB's first and last progress lines, as stamped when
they reach this driver, so process start-up and the final timeout are not counted.
Latency: HOSTA writes one message to HOSTB and reads HOSTB's echo, PINGS times; the kernel's capture
timestamps of HOSTA's datagrams on lo give each round trip (one-way = half of it).

Usage: bench.py TOOL BINARY [COUNT] [PINGS]
"""
import os
import pathlib
import re
import socket
import struct
import subprocess
import sys
import tempfile
import threading
import time

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parent.parent))
from shelldriver import ShellError, free_port, start_host  # noqa: E402

tool = os.path.abspath(sys.argv[1])
binary = os.path.abspath(sys.argv[2])
count = int(sys.argv[3]) if len(sys.argv) > 3 else 200_000
pings = int(sys.argv[4]) if len(sys.argv) > 4 else 5_000
step = max(1, count // 20)


def start_pair():
    for _ in range(5):
        port = free_port(("127.0.0.2", "127.0.0.3"))
        lmhosts = os.path.join(tempfile.mkdtemp(prefix="smbconfig-bench-"), "lmhosts")
        pathlib.Path(lmhosts).write_text(f"127.0.0.2:{port} HOSTA #DOM:BENCH\n127.0.0.3:{port} HOSTB #DOM:BENCH\n")
        try:
            a = start_host(binary, "HOSTA", ["bench", "pong"], address="127.0.0.2", port=port, attempts=1,
                           workgroup="BENCH", lmhosts=lmhosts)
        except ShellError:
            continue
        try:
            return a, start_host(binary, "HOSTB", ["bench", "ping"], address="127.0.0.3", port=port, attempts=1,
                                 workgroup="BENCH", lmhosts=lmhosts)
        except ShellError:
            a.close()
    raise ShellError("could not start two shells on one free port")


def cpu_seconds(shell):
    """User + system CPU time of a shell process, all threads (from /proc)."""
    fields = open(f"/proc/{shell.process.pid}/stat").read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


class Sniffer:
    """Kernel timestamps of the datagrams arriving for `port` on the loopback device, by source address
    (AF_PACKET + SO_TIMESTAMPNS, so a busy driver cannot blur them). Needs root."""
    SO_TIMESTAMPNS = 35

    def __init__(self, port):
        self.port = port
        self.sock = socket.socket(socket.AF_PACKET, socket.SOCK_RAW, socket.htons(0x0800))
        self.sock.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, 32 << 20)
        self.sock.setsockopt(socket.SOL_SOCKET, self.SO_TIMESTAMPNS, 1)
        self.sock.bind(("lo", 0))
        self.sock.settimeout(0.2)
        self.seen = []
        self.running = True
        self.thread = threading.Thread(target=self._capture, daemon=True)
        self.thread.start()

    def _capture(self):
        while self.running:
            try:
                data, ancillary, _, address = self.sock.recvmsg(128, socket.CMSG_SPACE(16))
            except socket.timeout:
                continue
            if address[2] != socket.PACKET_HOST or len(data) < 14 + 28:
                continue
            ip = data[14:]
            header = (ip[0] & 0x0F) * 4
            if ip[9] != 17 or int.from_bytes(ip[header + 2:header + 4], "big") != self.port:
                continue
            for level, kind, value in ancillary:
                if level == socket.SOL_SOCKET and kind == self.SO_TIMESTAMPNS:
                    seconds, nanoseconds = struct.unpack("qq", value[:16])
                    self.seen.append((seconds + nanoseconds / 1e9, socket.inet_ntoa(ip[12:16])))

    def stop(self, source):
        """Capture times of the datagrams sent from `source`, in order."""
        time.sleep(0.3)
        self.running = False
        self.thread.join()
        self.sock.close()
        return [stamp for stamp, address in self.seen if address == source]


def percentile(values, p):
    return values[min(len(values) - 1, int(len(values) * p))]


# The floor and the local figures first, in the same run.
report = subprocess.run([tool], check=True, capture_output=True, text=True).stdout
print("-- transport library and plain UDP (" + os.path.basename(tool) + ")")
print(report, end="")
figures = {}
for line in report.splitlines():
    match = re.match(r"(.*\S)\s+([0-9.]+) \S+$", line)
    if match:
        label = re.sub(r", \d+-byte payload$", "", match.group(1).strip())
        figures[label] = float(match.group(2))

a, b = start_pair()
try:
    message = "'" + "m" * 100 + "'"
    # Warm-up, so both shells have resolved names and bound their endpoints.
    a.run(f"Send-MailslotMessage -Path '\\\\HOSTB\\mailslot\\bench' -Message {message}")
    if b.run("Receive-MailslotMessage -Name bench -Timeout 5000") != ["m" * 100]:
        raise ShellError("warm-up message did not arrive")

    def throughput(receiver, sender):
        """Messages/s between HOSTB's first and last progress lines, and how many never arrived."""
        b.run(f"$chunk = @(Get-Mailslot bench) * {step}; $msgs = @({message}) * {count}")
        a.run(f"$msgs = @({message}) * {count}")
        cpu_before = cpu_seconds(a) + cpu_seconds(b)
        b.send(receiver)
        a.send(sender + "; 'SENT'")
        progress, received = [], None
        deadline = time.monotonic() + 600
        while received is None:
            stamp, line = b.lines.get(timeout=max(0.1, deadline - time.monotonic()))
            if line is None:
                raise ShellError("HOSTB exited")
            if line.startswith("P "):
                progress.append((stamp, int(line[2:])))
            elif line.startswith("END "):
                received = int(line[4:])
            elif "semaphore timeout" not in line:
                raise ShellError(f"HOSTB printed {line!r}")
        a.collect("SENT", timeout=60)
        cpu = cpu_seconds(a) + cpu_seconds(b) - cpu_before
        b.run("$Error.Clear()")
        (t0, n0), (t1, n1) = progress[0], progress[-1]
        return (n1 - n0) / (t1 - t0), count - received, cpu / max(received, 1) * 1e6

    slot = "'\\\\HOSTB\\mailslot\\bench'"
    # One command per message: a foreach statement on each side.
    loop_rate, loop_lost, loop_cpu = throughput(
        f"$n = 0; while ($n -lt {count}) {{ $m = Receive-MailslotMessage -Name bench -Timeout 2000 2>$null; "
        f"if (-not $?) {{ break }}; $n++; if ($n % {step} -eq 0) {{ 'P ' + $n }} }}; 'END ' + $n",
        f"foreach ($m in $msgs) {{ Send-MailslotMessage -Path {slot} -Message $m }}")
    # The pipeline: messages piped into Send-MailslotMessage, mailslot objects into Receive-MailslotMessage.
    pipe_rate, pipe_lost, pipe_cpu = throughput(
        f"$n = 0; try {{ foreach ($k in 1..{count // step}) {{ $chunk | Receive-MailslotMessage -Timeout 2000 -ErrorAction Stop | Out-Null; "
        f"$n += {step}; 'P ' + $n }} }} catch {{ }}; 'END ' + $n",
        f"$msgs | Send-MailslotMessage -Path {slot}")

    # Round trips, one message in flight, timed by the kernel's capture timestamps on lo.
    try:
        sniffer = Sniffer(port=a.port)
    except PermissionError:
        sys.exit("bench-transport: timing round trips captures on lo (AF_PACKET), which needs root")
    b.send(f"foreach ($i in 1..{pings}) {{ $m = Receive-MailslotMessage -Name ping -Timeout 5000; "
           "Send-MailslotMessage -Path '\\\\HOSTA\\mailslot\\pong' -Message $m }; 'ECHOED'")
    a.send(f"$m = {message}; foreach ($i in 1..{pings}) {{ Send-MailslotMessage -Path '\\\\HOSTB\\mailslot\\ping' -Message $m; "
           "$r = Receive-MailslotMessage -Name pong -Timeout 5000 }; 'PONGED'")
    a.collect("PONGED", timeout=300)
    b.collect("ECHOED", timeout=30)
    pings_seen = sniffer.stop("127.0.0.2")
    if len(pings_seen) < pings:
        raise ShellError(f"captured {len(pings_seen)} of {pings} pings")
    # Ping to ping is one round trip: HOSTB's turnaround, then HOSTA's. The first tenth settles caches.
    rtts = sorted(later - earlier for earlier, later in zip(pings_seen[pings // 10:], pings_seen[pings // 10 + 1:]))
    rtt50, rtt99 = percentile(rtts, 0.5) * 1e6, percentile(rtts, 0.99) * 1e6
finally:
    a.close()
    b.close()


def row(label, value, unit):
    number = f"{value:.2f}" if unit == "x" or (unit == "us" and value < 10) else f"{value:,.0f}"
    print(f"{label:<58}{number:>12} {unit}")


# The floor is the faster of the two plain loops (with a window of 128 in flight, and without).
plain = max(figures["plain UDP sendto/recvfrom"], figures["plain UDP sendto/recvfrom without flow control"])
plain_rtt50, plain_rtt99 = figures["plain UDP ping-pong round trip p50"], figures["plain UDP ping-pong round trip p99"]
print(f"-- shell to shell: {count:,} messages of 100 bytes each way of sending "
      f"({loop_lost} and {pipe_lost} lost), {pings:,} round trips")
row("plain UDP sendto/recvfrom loop, same datagram size (floor)", plain, "msgs/s")
row("remote 100-byte messages, shell to shell, pipeline", pipe_rate, "msgs/s")
row("  / plain UDP (target >= 0.5)", pipe_rate / plain, "x")
row("remote 100-byte messages, shell to shell, foreach loop", loop_rate, "msgs/s")
row("  / plain UDP", loop_rate / plain, "x")
plain_cpu = figures["plain UDP CPU time per message, both ends"]
row("CPU time per message, both ends: plain UDP", plain_cpu, "us")
row("CPU time per message, both shells: pipeline", pipe_cpu, "us")
row("CPU time per message, both shells: foreach loop", loop_cpu, "us")
row("  plain / shells (pipeline), load-independent efficiency", plain_cpu / pipe_cpu, "x")
row("shell-to-shell round trip p50", rtt50, "us")
row("shell-to-shell round trip p99", rtt99, "us")
row("shell-to-shell one-way latency p50 (round trip / 2)", rtt50 / 2, "us")
row("shell-to-shell one-way latency p99 (round trip / 2)", rtt99 / 2, "us")
row("plain UDP ping-pong round trip p50", plain_rtt50, "us")
row("plain UDP ping-pong round trip p99", plain_rtt99, "us")
row("shell-to-shell / plain UDP round trip p50", rtt50 / plain_rtt50, "x")
local = figures["local write+read (mailslot handle)"]
row("local mailslot write+read (target >= 1,000,000)", local, "msgs/s")

rows = os.environ.get("BENCH_ROWS")
if rows:
    remote = figures["remote 100-byte messages, two services in one process"]
    with open(rows, "a") as f:
        f.write(f"transport\tround trip p50, shell to shell\t{rtt50:.0f} us\tplain UDP ping-pong {plain_rtt50:.0f} us"
                f"\t{rtt50 / plain_rtt50:.2f}x\t<= 4x\n")
        f.write(f"transport\tthroughput, 100-byte remote messages (library)\t{remote:,.0f} msgs/s"
                f"\tplain UDP {figures['plain UDP sendto/recvfrom']:,.0f} msgs/s"
                f"\t{remote / figures['plain UDP sendto/recvfrom']:.2f}x\t>= 0.9x\n")
        f.write(f"transport\tthroughput, shell to shell (pipeline)\t{pipe_rate:,.0f} msgs/s\tplain UDP {plain:,.0f} msgs/s"
                f"\t{pipe_rate / plain:.2f}x\t>= 0.5x\n")
